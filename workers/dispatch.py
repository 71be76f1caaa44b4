"""Handing saved comments on from the API: never blocks a reader's answer for long when Redis is
away."""

from __future__ import annotations

import logging
from collections.abc import Sequence

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
    return _push(settings, [comment_id], {"comment_id": comment_id, "request_id": request_id})


def send_many(settings: Settings, comment_ids: Sequence[str]) -> bool:
    """Queue saved comments for moderation with one Redis command; as send_moderation."""
    return _push(settings, comment_ids, {"comment_ids": list(comment_ids)})


def _push(settings: Settings, comment_ids: Sequence[str], context: dict[str, object]) -> bool:
    if not breaker.allows():
        return False
    try:
        inbox.push(get_redis(settings.redis_url, settings.redis_timeout), *comment_ids)
    except RedisError as exc:
        breaker.trip()
        log.warning("queue unavailable, left for re-send", extra={**context, "error": str(exc)})
        return False
    return True
