"""The database refuses writes for a while: the API answers 503 soon, and keeps nothing of it."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from services.db import get_engine, session_scope
from services.models import Comment
from tests.faults.kit import Answer, queued_comment_ids, request, rig
from tests.faults.ledger import Ledger

pytestmark = [pytest.mark.faults, pytest.mark.postgres]
LOCK_TIMEOUT = 1.0


@contextlib.contextmanager
def writes_refused(database_url: str) -> Iterator[None]:
    """Hold the comments table locked against writers until the block ends."""
    if database_url.startswith("sqlite"):
        conn = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            conn.execute("ROLLBACK")
            conn.close()
        return
    with get_engine(database_url).connect() as conn:
        conn.exec_driver_sql("LOCK TABLE comments IN ACCESS EXCLUSIVE MODE")
        try:
            yield
        finally:
            conn.rollback()


def server_seconds(log: str, status: int) -> list[float]:
    """How long the API took over each request answered with `status`, from its JSON log."""
    lines = (json.loads(line) for line in log.splitlines() if line.startswith("{"))
    return [e["duration_ms"] / 1000 for e in lines if e.get("status") == status
            and "duration_ms" in e]  # fmt: skip


def comments_of(database_url: str, article: str) -> set[str]:
    with session_scope(database_url) as session:
        return set(session.scalars(select(Comment.id).where(Comment.article_id == article)))


def test_locked_database_answers_503_with_retry_after_and_writes_nothing(db: str) -> None:
    with rig(db, DB_LOCK_TIMEOUT=str(LOCK_TIMEOUT)) as system:
        api = system.start_api()
        ledger = Ledger(api.url, "faults-db-locked")
        ledger.post_many(10, threads=2)
        with writes_refused(db), ThreadPoolExecutor(2) as pool:  # one per gunicorn worker
            refused: list[Answer] = list(pool.map(lambda _: ledger.post(), range(8)))
        with writes_refused(db):  # a lock shorter than the bound only delays the answer
            poster = ledger.in_background(3, threads=3)
            time.sleep(LOCK_TIMEOUT / 3)
        poster.join()
        ledger.post_many(5, threads=1)

        assert [a.status for a in refused] == [503] * 8, [a.status for a in refused]
        assert all(int(a.headers["Retry-After"]) > 0 for a in refused)
        assert all(a.body["error"]["code"] == "unavailable" for a in refused)
        # bounded, not the 5 s default nor forever: the API gives up after DB_LOCK_TIMEOUT, or
        # twice that when a gunicorn worker opens its first connection under the lock
        waited = sorted(server_seconds(api.log_text(), 503))
        assert waited[len(waited) // 2] < LOCK_TIMEOUT + 0.5, waited
        assert waited[-1] < 2 * LOCK_TIMEOUT + 0.5, waited
        assert ledger.answers == {202: 18, 503: 8}
        # nothing half-written: no row and no task for a refused POST
        assert comments_of(db, ledger.article) == set(ledger.ids)
        assert sorted(queued_comment_ids(system.redis.url)) == sorted(ledger.ids)

        system.start_worker()
        report = ledger.settle(db, system.redis.url, timeout=60)
        report.notes.update(refused=len(refused), slowest_503=f"{waited[-1]:.2f}s",
                            database=db.split(":")[0])  # fmt: skip
        print(report.line("database locked"))


def test_writes_waiting_for_the_lock_hold_up_no_other_request(db: str) -> None:
    """Under gevent a wait inside SQLite's C code would stop its whole process: /healthz would
    hang until the lock's holder let go (here: never, as the test waits for it)."""
    with rig(db, DB_LOCK_TIMEOUT="4") as system:
        api = system.start_api()
        ledger = Ledger(api.url, "faults-db-waiting")
        ledger.post_many(4, threads=4)
        with writes_refused(db):
            poster = ledger.in_background(8, threads=8)  # writers waiting in each process
            time.sleep(0.5)
            health = [request(api.url, "GET", "/healthz", timeout=10) for _ in range(6)]
        poster.join(30)

        assert [a.status for a in health] == [200] * 6
        assert max(a.seconds for a in health) < 1.0, [round(a.seconds, 2) for a in health]
        assert ledger.answers == {202: 12}  # the lock went within the bound: all saved
        assert comments_of(db, ledger.article) == set(ledger.ids)
