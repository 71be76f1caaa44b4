"""Worker heartbeats in Redis: each connected worker says every few seconds that it consumes,
and what it runs. Readiness and the ops view read them instead of asking every worker.

A heartbeat is a key with a time to live, so a worker that dies, hangs or loses Redis drops out
by itself; the set of names only lists where to look (Redis's clock decides what expired, so
the machines' clocks need not agree).
"""

from __future__ import annotations

import json
import time
from typing import Any, cast

import redis

WORKERS = "gatehouse:workers"
INTERVAL = 5.0  # seconds between heartbeats
TTL = 15  # seconds a heartbeat counts: three missed in a row and the worker is gone
FORGET_AFTER = 3600.0  # names silent this long leave the set
MAX_LISTED = 500


def key(name: str) -> str:
    """The heartbeat key of one worker."""
    return f"gatehouse:worker:{name}"


def beat(client: redis.Redis, name: str, info: dict[str, Any]) -> None:
    """Record that `name` is alive, with what it runs; raises RedisError when Redis does not answer."""
    now = time.time()
    pipe = client.pipeline(transaction=False)
    pipe.set(key(name), json.dumps({**info, "name": name, "seen_at": now}), ex=TTL)
    pipe.zadd(WORKERS, {name: now})
    pipe.zremrangebyscore(WORKERS, "-inf", now - FORGET_AFTER)
    pipe.execute()


def forget(client: redis.Redis, name: str) -> None:
    """Remove a worker that stops, so readiness notices at once."""
    pipe = client.pipeline(transaction=False)
    pipe.delete(key(name))
    pipe.zrem(WORKERS, name)
    pipe.execute()


def alive(client: redis.Redis) -> list[dict[str, Any]]:
    """The workers whose heartbeat has not expired, by name; raises RedisError."""
    names = cast(list[str], client.zrevrange(WORKERS, 0, MAX_LISTED - 1))
    if not names:
        return []
    found = []
    values = cast(list[str | None], client.mget([key(n) for n in names]))
    for name, raw in zip(names, values, strict=True):
        if raw:
            info = json.loads(raw)
            info["name"] = name
            found.append(info)
    return sorted(found, key=lambda info: str(info["name"]))
