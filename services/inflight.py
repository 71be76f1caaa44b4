"""A short Redis lease on an idempotency key, so two concurrent requests with it never race."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import redis

from services.redis_client import get_redis

log = logging.getLogger(__name__)

_RELEASE = (
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
)


@contextmanager
def lease(redis_url: str, name: str, *, seconds: int = 10, timeout: float = 0.5) -> Iterator[bool]:
    """Hold `name` while the block runs; yields False when another holder has it.

    When Redis does not answer, yields True: the database's unique constraint still keeps
    a single comment per key, only the concurrent loser then gets the replay instead of 409.
    """
    client = get_redis(redis_url, timeout)
    token = uuid.uuid4().hex
    key = f"gatehouse:inflight:{name}"
    try:
        held = bool(client.set(key, token, nx=True, ex=seconds))
    except redis.RedisError as exc:
        log.warning("idempotency lease unavailable", extra={"error": str(exc)})
        yield True
        return
    try:
        yield held
    finally:
        if held:
            with suppress(redis.RedisError):  # the lease expires by itself
                client.eval(_RELEASE, 1, key, token)
