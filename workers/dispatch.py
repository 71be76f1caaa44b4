"""Handing saved comments on from the API: never blocks a reader's answer for long when Redis is
away."""

from __future__ import annotations

import logging

from redis import RedisError

from services import inbox
from services.breaker import Breaker
from services.config import Settings
from services.redis_client import get_redis

log = logging.getLogger(__name__)


breaker = Breaker()


def send_moderation(settings: Settings, comment_id: str, request_id: str | None = None) -> bool:
    """Queue a saved comment for moderation: its id onto the intake list, which the workers'
    relays hand on in batches (workers/relay.py). False when it was left for the re-sender."""
    if not breaker.allows():
        return False
    try:
        inbox.push(get_redis(settings.redis_url, settings.redis_timeout), comment_id)
    except RedisError as exc:
        breaker.trip()
        log.warning(
            "queue unavailable, left for re-send",
            extra={"comment_id": comment_id, "request_id": request_id, "error": str(exc)},
        )
        return False
    return True
