"""Per-client rate limits kept in Redis; when Redis is away, intake stays open rather than failing."""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass

import redis
from limits import RateLimitItem, parse
from limits.storage import RedisStorage
from limits.strategies import FixedWindowRateLimiter

from services.breaker import Breaker

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Verdict:
    """Whether a hit is allowed, and if not, how many seconds until it would be."""

    allowed: bool
    retry_after: int = 0


class RateLimiter:
    """One named limit (e.g. "10/minute") per key; `off` disables it."""

    def __init__(self, redis_url: str, limit: str, *, namespace: str, timeout: float = 0.5) -> None:
        self.item: RateLimitItem | None = None if limit.strip().lower() == "off" else parse(limit)
        self.namespace = namespace
        self._limiter: FixedWindowRateLimiter | None = None
        self.breaker = Breaker()
        if self.item is not None:
            storage = RedisStorage(
                redis_url, socket_timeout=timeout, socket_connect_timeout=timeout
            )
            self._limiter = FixedWindowRateLimiter(storage)

    def hit(self, key: str) -> Verdict:
        """Count one request for key."""
        if self.item is None or self._limiter is None or not self.breaker.allows():
            return Verdict(True)
        try:
            if self._limiter.hit(self.item, self.namespace, key):
                return Verdict(True)
            stats = self._limiter.get_window_stats(self.item, self.namespace, key)
        except (redis.RedisError, OSError) as exc:
            self.breaker.trip()
            log.warning("rate limit store unavailable; allowing", extra={"error": str(exc)})
            return Verdict(True)
        return Verdict(False, max(1, math.ceil(stats.reset_time - time.time())))
