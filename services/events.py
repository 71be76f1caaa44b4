"""Live events: what a thread's readers hear when a comment is published or taken down."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from typing import Any

import redis

from services.models import Comment
from services.redis_client import get_redis, pubsub_client

log = logging.getLogger(__name__)

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


def listen(
    redis_url: str, article_id: str, heartbeat: float = 15.0
) -> Iterator[tuple[str, str] | None]:
    """Yield (event, json data) as they come, and None every `heartbeat` seconds of quiet."""
    client = pubsub_client(redis_url, read_timeout=heartbeat + 5)
    pubsub = client.pubsub(ignore_subscribe_messages=True)
    try:
        pubsub.subscribe(channel(article_id))
        quiet_since = time.monotonic()
        while True:
            message = pubsub.get_message(timeout=heartbeat)
            if message is None:  # also after a subscribe confirmation, which is filtered out
                if time.monotonic() - quiet_since >= heartbeat:
                    quiet_since = time.monotonic()
                    yield None
                continue
            quiet_since = time.monotonic()
            parsed = json.loads(message["data"])
            yield parsed["event"], json.dumps(parsed["data"])
    finally:
        pubsub.close()
        client.close()
