"""A consumer bootstep that writes this worker's heartbeat to Redis while it consumes.

Celery stops and restarts consumer steps when the broker connection is lost and regained, so
the heartbeat stops with the connection and resumes with it: a live heartbeat means a worker
connected to its queues, not merely a running process.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from typing import Any

import redis
from celery.worker import state

from services import heartbeat
from services.redis_client import get_redis
from workers.background import ThreadStep

log = logging.getLogger(__name__)
MAX_TASKS_LISTED = 20


def _active() -> list[Any]:
    for _ in range(3):
        try:
            return list(state.active_requests)
        except RuntimeError:  # the set changed while copied; try again
            continue
    return []


def _comment_id(args: Any) -> str | None:
    """The comment a task works on; None for a batch (whose first argument is a list of ids)."""
    first = args[0] if args else None
    return first if isinstance(first, str) else None


def describe(consumer: Any, started_at: float) -> dict[str, Any]:
    """What this worker runs: its queues, pool, and the tasks running now."""
    now = time.time()
    queues = getattr(consumer.task_consumer, "queues", None) or []
    active = _active()
    running = [
        {
            "task": request.name,
            "id": request.id,
            "comment_id": _comment_id(request.args),
            "runtime_seconds": round(now - request.time_start, 3) if request.time_start else None,
        }
        for request in active[:MAX_TASKS_LISTED]
    ]
    return {
        "pid": os.getpid(),
        "queues": sorted(q.name for q in queues),
        "pool": type(consumer.pool).__module__.rsplit(".", 1)[-1] if consumer.pool else None,
        "concurrency": getattr(consumer.controller, "concurrency", None),
        "active": len(active),
        "running": running,
        "processed": dict(state.total_count),
        "started_at": started_at,
    }


class Heartbeat(ThreadStep):
    """Every few seconds, tell Redis that this worker consumes and what it runs."""

    thread_name = "gatehouse-heartbeat"

    def __init__(self, consumer: Any, **kwargs: Any) -> None:
        super().__init__(consumer, **kwargs)
        self._started_at = time.time()

    def _client(self, consumer: Any) -> redis.Redis:
        settings = consumer.app.gatehouse_settings
        return get_redis(settings.redis_url, settings.redis_timeout)

    def _beat(self, consumer: Any) -> None:
        try:
            heartbeat.beat(
                self._client(consumer), consumer.hostname, describe(consumer, self._started_at)
            )
        except redis.RedisError as exc:
            log.warning("heartbeat not written", extra={"error": str(exc)})

    def before_start(self, consumer: Any) -> None:
        self._beat(consumer)

    def loop(self, consumer: Any, stop: threading.Event) -> None:
        while not stop.wait(heartbeat.INTERVAL):
            self._beat(consumer)

    def after_stop(self, consumer: Any) -> None:
        with contextlib.suppress(redis.RedisError):  # else the heartbeat expires by itself
            heartbeat.forget(self._client(consumer), consumer.hostname)
