"""Engines and sessions: one engine per database URL and process."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from services.sqlite_writers import SqliteWriters, database_path

SQLITE_BUSY_MS = 5000
GREEN_POLL_FIRST = 0.0005  # seconds between a gevent process's first tries for a held lock
GREEN_POLL_MAX = 0.01  # ... and at most, later


def green() -> bool:
    """Whether gevent has patched this process (the API under gunicorn's gevent workers). Then
    a wait inside SQLite's C code would stop every request of the process, not just its own."""
    monkey = sys.modules.get("gevent.monkey")
    return monkey is not None and bool(monkey.is_module_patched("time"))


def _sqlite_pragmas(busy_ms: int) -> Callable[[Any, Any], None]:
    """WAL lets readers and one writer work at once; the busy timeout queues writers (0 when
    green: _green_begin waits instead)."""

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return on_connect


def _sqlite_begin(conn: Any) -> None:
    """Take the write lock at BEGIN, so a busy database waits instead of failing mid-transaction."""
    write = conn.get_execution_options().get("sqlite_write")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _green_begin(busy_ms: int) -> Callable[[Any], None]:
    """_sqlite_begin for a gevent process: a write lock held by someone else (a process that
    is not Gatehouse's, which sqlite_writers does not queue) is waited for with gevent's
    sleeps, up to the busy timeout, so the process's other requests go on meanwhile."""

    def begin(conn: Any) -> None:
        if not conn.get_execution_options().get("sqlite_write"):
            _sqlite_begin(conn)  # a read: nothing to wait for
            return
        raw = conn.connection.dbapi_connection
        deadline, pause = time.monotonic() + busy_ms / 1000, GREEN_POLL_FIRST
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() >= deadline:
                    raise OperationalError("BEGIN IMMEDIATE", None, exc) from exc
            time.sleep(pause)
            pause = min(pause * 2, GREEN_POLL_MAX)

    return begin


@lru_cache(maxsize=8)
def _engine(url: str, pid: int, lock_timeout: float | None) -> Engine:
    if url.startswith("sqlite"):
        busy_ms = SQLITE_BUSY_MS if lock_timeout is None else int(lock_timeout * 1000)
        cooperative = green()
        waits_in_c = 0 if cooperative else busy_ms
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": waits_in_c / 1000}
        )
        event.listen(engine, "connect", _sqlite_pragmas(waits_in_c))
        # let SQLAlchemy, not pysqlite, decide when transactions begin
        event.listen(engine, "connect", lambda c, _r: setattr(c, "isolation_level", None))
        event.listen(engine, "begin", _green_begin(busy_ms) if cooperative else _sqlite_begin)
        return engine
    connect_args: dict[str, Any] = {"connect_timeout": 5}
    if lock_timeout is not None:  # a statement waiting longer for a lock fails instead
        connect_args["options"] = f"-c lock_timeout={int(lock_timeout * 1000)}"
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=5,
        connect_args=connect_args,
    )


def get_engine(url: str, lock_timeout: float | None = None) -> Engine:
    """The engine for this URL in this process (a forked child gets its own).

    `lock_timeout` (seconds) bounds how long a statement waits for a lock another transaction
    holds before it fails (OperationalError); None keeps the default (SQLite 5 s, PostgreSQL
    without bound).
    """
    return _engine(url, os.getpid(), lock_timeout)


@lru_cache(maxsize=16)
def _factory(url: str, pid: int, write: bool, lock_timeout: float | None) -> sessionmaker[Session]:
    engine = get_engine(url, lock_timeout)
    if write:
        engine = engine.execution_options(sqlite_write=True)
    return sessionmaker(engine, expire_on_commit=False)


@lru_cache(maxsize=8)
def _writers(url: str, pid: int) -> SqliteWriters | None:
    """SQLite has one writer at a time: writers queue for it here (see sqlite_writers)."""
    return SqliteWriters(database_path(url)) if url.startswith("sqlite") else None


def _write_turn(url: str, lock_timeout: float | None) -> AbstractContextManager[object]:
    writers = _writers(url, os.getpid())
    if writers is None:
        return nullcontext()
    return writers.turn(SQLITE_BUSY_MS / 1000 if lock_timeout is None else lock_timeout)


@contextmanager
def session_scope(
    url: str, *, write: bool = False, lock_timeout: float | None = None
) -> Iterator[Session]:
    """A session that commits on success and rolls back on error; see get_engine for the rest."""
    with _write_turn(url, lock_timeout) if write else nullcontext():
        session = _factory(url, os.getpid(), write, lock_timeout)()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()


@lru_cache(maxsize=16)
def _connectable(url: str, pid: int, write: bool, lock_timeout: float | None) -> Engine:
    engine = get_engine(url, lock_timeout)
    return engine.execution_options(sqlite_write=True) if write else engine


@contextmanager
def connection_scope(
    url: str, *, write: bool = False, lock_timeout: float | None = None
) -> Iterator[Connection]:
    """A plain connection in one transaction, committed on success: for a hot path that needs a
    statement or two and none of an ORM session's bookkeeping (the intake's common case)."""
    turn = _write_turn(url, lock_timeout) if write else nullcontext()
    with turn, _connectable(url, os.getpid(), write, lock_timeout).begin() as connection:
        yield connection
