"""One SQLite writer at a time across the processes of a machine, queued without SQLite's
busy handler (which sleeps 1, 2, 5 ... up to 100 ms between tries, so a contended write lock
cost tens of milliseconds and capped throughput while the CPU stayed idle).

The threads of a process queue on an RLock; the processes on an flock() of a file next to the
database, polled with short sleeps (20-250 us, then up to 2 ms) up to the caller's lock timeout.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError

POLL_FIRST = 0.00002  # seconds between the first polls of another process's lock
POLL_FINE_MAX = 0.00025  # ... while the wait is short
FINE_FOR = 0.02  # seconds of fine polling
POLL_MAX = 0.002  # seconds between polls after that


class SqliteWriters:
    """The write turn for one SQLite database file (or, for :memory:, for this process)."""

    def __init__(self, database_path: str | None) -> None:
        self.lock_path = f"{database_path}-writer.lock" if database_path else None
        self._threads = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @contextmanager
    def turn(self, timeout: float) -> Iterator[None]:
        """Hold the write turn for the block; OperationalError if not had within `timeout` s."""
        deadline = time.monotonic() + timeout
        if not self._threads.acquire(timeout=max(timeout, 0.001)):
            raise _locked("waited for this process's writers")
        if self._depth == 0 and time.monotonic() >= deadline:
            # the whole bound went on waiting for this process's other writers: give up now,
            # rather than wait for SQLite's lock as long again
            self._threads.release()
            raise _locked("waited for this process's writers")
        try:
            if self._depth == 0:
                self._lock_file(deadline)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0 and self._fd is not None:
                    fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._threads.release()

    def _lock_file(self, deadline: float) -> None:
        if self.lock_path is None:
            return
        if self._fd is None:
            self._fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        pause, started = POLL_FIRST, time.monotonic()
        while True:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                now = time.monotonic()
                if now >= deadline:
                    raise _locked("waited for another process's writer") from None
                time.sleep(pause)
                # a write takes a fraction of a millisecond: poll finely at first, so the turn
                # does not sit idle while its next writer sleeps; a long hold (a migration, a
                # big batch) gets the coarser polls
                ceiling = POLL_FINE_MAX if now - started < FINE_FOR else POLL_MAX
                pause = min(pause * 2, ceiling)


def _locked(detail: str) -> OperationalError:
    """The error SQLite itself gives when its busy timeout runs out."""
    return OperationalError(
        "BEGIN IMMEDIATE", None, sqlite3.OperationalError(f"database is locked ({detail})")
    )


def database_path(url: str) -> str | None:
    """The file of a sqlite:/// URL; None for an in-memory database."""
    path = url.split("///", 1)[1].split("?", 1)[0] if "///" in url else ""
    return None if path in ("", ":memory:") else path
