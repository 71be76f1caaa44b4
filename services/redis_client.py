"""Redis clients with short timeouts, one per URL and process, so a slow Redis never hangs a caller."""

from __future__ import annotations

import os
from functools import lru_cache

import redis


@lru_cache(maxsize=8)
def _client(url: str, timeout: float, pid: int) -> redis.Redis:
    return redis.Redis.from_url(
        url,
        socket_connect_timeout=timeout,
        socket_timeout=timeout,
        health_check_interval=30,
        decode_responses=True,
    )


def get_redis(url: str, timeout: float = 0.5) -> redis.Redis:
    """A shared client for this URL in this process."""
    return _client(url, timeout, os.getpid())


def pubsub_client(
    url: str, read_timeout: float | None = None, health_check_interval: float = 0
) -> redis.Redis:
    """A dedicated client for a subscriber, whose reads may block for longer."""
    return redis.Redis.from_url(
        url,
        socket_connect_timeout=1.0,
        socket_timeout=read_timeout,
        health_check_interval=health_check_interval,
        decode_responses=True,
    )
