"""Sending tasks from the API: never blocks a reader's answer for long when Redis is away."""

from __future__ import annotations

import logging
import threading
import time

from kombu.exceptions import OperationalError as KombuOperationalError
from redis import RedisError

from workers.celery_app import MODERATION_QUEUE, app

log = logging.getLogger(__name__)


class Breaker:
    """After a failed send, skip sending for a while; the beat re-sends what was skipped."""

    def __init__(self, cool_off: float = 2.0) -> None:
        self.cool_off = cool_off
        self._open_until = 0.0
        self._lock = threading.Lock()

    def allows(self) -> bool:
        return time.monotonic() >= self._open_until

    def trip(self) -> None:
        with self._lock:
            self._open_until = time.monotonic() + self.cool_off

    def reset(self) -> None:
        self._open_until = 0.0


breaker = Breaker()


def send_moderation(comment_id: str, request_id: str | None = None) -> bool:
    """Queue a saved comment for moderation; False when it was left for the re-sender."""
    if not breaker.allows():
        return False
    try:
        app.send_task(
            "gatehouse.moderate", (comment_id, request_id), queue=MODERATION_QUEUE, retry=False
        )
    except (KombuOperationalError, RedisError, OSError) as exc:
        breaker.trip()
        log.warning("queue unavailable, comment left for re-send",
                    extra={"comment_id": comment_id, "error": str(exc)})
        return False
    return True


def send_publish(comment_id: str, actor: str, reason: str | None) -> bool:
    """Queue a moderator's approval to be published by a worker."""
    try:
        app.send_task(
            "gatehouse.publish", (comment_id, actor, reason), queue=MODERATION_QUEUE, retry=False
        )
    except (KombuOperationalError, RedisError, OSError) as exc:
        log.warning("queue unavailable", extra={"comment_id": comment_id, "error": str(exc)})
        return False
    return True
