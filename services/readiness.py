"""Readiness: do the database, Redis and at least one worker answer? Known within a second.

The checks run on a small thread pool under one deadline, so a hanging dependency reads as
"timeout" instead of holding the caller; a result is reused for a moment, so a busy probe or
a crowd of load balancers costs one check, not one each.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait

import redis
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from services import heartbeat
from services.config import Settings
from services.db import get_engine
from services.redis_client import get_redis

OK = "ok"
DEADLINE = 0.8  # seconds for all checks together
REDIS_TIMEOUT = 0.3
_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="readiness")


def check_database(url: str) -> str:
    """SELECT 1 on the store of record."""
    try:
        with get_engine(url).connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return "unavailable"
    return OK


def check_redis_and_workers(url: str) -> dict[str, str]:
    """PING Redis, then count the workers whose heartbeat is live."""
    client = get_redis(url, REDIS_TIMEOUT)
    try:
        client.ping()
        workers = heartbeat.alive(client)
    except redis.TimeoutError:
        return {"redis": "timeout", "workers": "none"}
    except redis.RedisError:
        return {"redis": "unavailable", "workers": "none"}
    return {"redis": OK, "workers": OK if workers else "none"}


def _outcome(future: Future[dict[str, str]], names: tuple[str, ...]) -> dict[str, str]:
    if not future.done():
        return dict.fromkeys(names, "timeout")
    if future.exception() is not None:
        return dict.fromkeys(names, "error")
    return future.result()


def run_checks(settings: Settings, deadline: float = DEADLINE) -> dict[str, str]:
    """Each dependency's state: "ok", or what is wrong with it."""
    jobs: dict[tuple[str, ...], Callable[[], dict[str, str]]] = {
        ("database",): lambda: {"database": check_database(settings.database_url)},
        ("redis", "workers"): lambda: check_redis_and_workers(settings.redis_url),
    }
    futures = {names: _pool.submit(job) for names, job in jobs.items()}
    wait(futures.values(), timeout=deadline)
    checks: dict[str, str] = {}
    for names, future in futures.items():
        checks.update(_outcome(future, names))
    return checks


class Readiness:
    """The last checks, reused for `ttl` seconds; one check at a time per process."""

    def __init__(self, settings: Settings, ttl: float = 2.0) -> None:
        self.settings, self.ttl = settings, ttl
        self._lock = threading.Lock()
        self._result: dict[str, str] = {}
        self._expires = 0.0

    def checks(self) -> dict[str, str]:
        """Each dependency's state, fresh within `ttl` seconds."""
        if self._result and time.monotonic() < self._expires:
            return self._result
        with self._lock:
            if not self._result or time.monotonic() >= self._expires:
                self._result = run_checks(self.settings)
                self._expires = time.monotonic() + self.ttl
            return self._result
