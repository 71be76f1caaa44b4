"""The intake list: ids of saved comments on their way to the workers.

The API pushes a comment's id here after committing the comment: one LPUSH (one for all the
comments a group commit saved together), the cheapest thing a request can do with Redis. A relay
in each worker takes the ids out oldest first, as many as have gathered, and hands them on as
one Celery task: one id at a time when the workers keep up, larger batches when they fall
behind. The list is a delivery mechanism only; a comment whose id is lost here (a wiped Redis, a
relay killed between taking and sending) is still pending in the database, and the re-sender
finds it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import redis

INBOX = "intake"


def push(client: redis.Redis, *comment_ids: str) -> None:
    """Queue saved comments, in the order given, with one command."""
    client.lpush(INBOX, *comment_ids)


def push_back(client: redis.Redis, ids: Sequence[str]) -> None:
    """Return ids that were taken but could not be handed on, at the oldest end."""
    if ids:
        client.rpush(INBOX, *reversed(ids))


def take(client: redis.Redis, limit: int, wait: float) -> list[str]:
    """Up to `limit` ids, oldest first, waiting up to `wait` seconds for the first one."""
    first: Any = client.brpop([INBOX], timeout=wait)
    if first is None:
        return []
    ids = [first[1]]
    if limit > 1:
        more = client.rpop(INBOX, limit - 1)
        ids.extend(more or ())  # type: ignore[arg-type]
    return [i.decode() if isinstance(i, bytes) else str(i) for i in ids]


def depth(client: redis.Redis) -> int:
    """Ids waiting to be handed on."""
    return int(client.llen(INBOX))  # type: ignore[arg-type]
