"""Live events: what a thread's readers hear when a comment is published or taken down."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import redis

from services.live import Fanout
from services.models import Comment
from services.redis_client import get_redis, pubsub_client

log = logging.getLogger(__name__)

# seconds of quiet after which the subscriber PINGs Redis, to notice a dead link
HEALTH_CHECK = 15.0
PUBLISHED = "comment.published"
REMOVED = "comment.removed"


def channel(article_id: str) -> str:
    """The pub/sub channel of one article's thread."""
    return f"gatehouse:thread:{article_id}"


def public_view(comment: Comment) -> dict[str, Any]:
    """What any reader may see of a published comment."""
    return {
        "id": comment.id,
        "article_id": comment.article_id,
        "author_name": comment.author_name,
        "body": comment.published_body,
        "parent_id": comment.parent_id,
        "published_at": comment.published_at.isoformat() if comment.published_at else None,
    }


def _message(event: str, comment: Comment) -> str:
    payload = public_view(comment) if event == PUBLISHED else {"id": comment.id}
    return json.dumps({"event": event, "data": payload})


def announce(redis_url: str, event: str, comment: Comment) -> bool:
    """Tell live readers; the thread itself is in the database, so a lost event costs only liveness."""
    return announce_many(redis_url, event, [comment])


def announce_many(redis_url: str, event: str, comments: list[Comment]) -> bool:
    """Tell live readers of several comments, in one round trip to Redis."""
    if not comments:
        return True
    try:
        with get_redis(redis_url).pipeline(transaction=False) as pipe:
            for comment in comments:
                pipe.publish(channel(comment.article_id), _message(event, comment))
            pipe.execute()
    except redis.RedisError as exc:
        ids = [c.id for c in comments]
        log.warning("live event not sent", extra={"comment_ids": ids, "error": str(exc)})
        return False
    return True


@lru_cache(maxsize=4)
def _fanout(redis_url: str, pid: int) -> Fanout:
    """This process's one subscriber for its stream readers (a forked child gets its own)."""
    return Fanout(lambda: pubsub_client(redis_url, read_timeout=HEALTH_CHECK + 5,
                                        health_check_interval=HEALTH_CHECK))  # fmt: skip


def listen(
    redis_url: str, article_id: str, heartbeat: float = 15.0
) -> Iterator[tuple[str, str] | None]:
    """Yield (event, json data) as they come, and None every `heartbeat` seconds of quiet;
    raises live.Interrupted when the stream can no longer follow the article."""
    fanout = _fanout(redis_url, os.getpid())
    reader = fanout.open(channel(article_id))
    try:
        while True:
            yield reader.next(heartbeat)
    finally:
        fanout.close(reader)
