"""What ops need to see and do: queue depths, the backlog, throughput, dead letters and replay."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, cast

import redis
from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from services import heartbeat, stale
from services.config import Settings
from services.db import session_scope
from services.models import Comment, CommentStatus, DeadLetter, DecisionRecord, utcnow
from services.publishing import MACHINE
from services.redis_client import get_redis

# kombu's Redis transport keeps messages handed to workers but not yet acknowledged here
UNACKED = "unacked"
# a bound on the rows scanned for the last minute's decisions: far above any real minute's count
RECENT_ROWS = 100_000


@dataclass(frozen=True)
class Backlog:
    """Comments awaiting the machine (dead letters aside) and how long the oldest has waited."""

    count: int
    oldest_age_seconds: float


def queue_depths(client: redis.Redis, queues: tuple[str, ...]) -> dict[str, int]:
    """Messages waiting in each Celery queue (a Redis list named as the queue); raises RedisError."""
    pipe = client.pipeline(transaction=False)
    for name in queues:
        pipe.llen(name)
    return {name: int(depth) for name, depth in zip(queues, pipe.execute(), strict=True)}


def unacked(client: redis.Redis) -> int:
    """Messages delivered to workers and not yet acknowledged (running, prefetched, or retrying)."""
    return int(cast(int, client.hlen(UNACKED)))


def backlog(session: Session) -> Backlog:
    """The pending comments the machine still has to decide."""
    count, age = stale.pending_summary(session)
    return Backlog(count, round(age, 3))


def open_dead_letters(session: Session) -> int:
    """Dead letters not yet replayed."""
    query = select(func.count()).where(DeadLetter.replayed_at.is_(None))
    return int(session.scalar(query) or 0)


def throughput(session: Session, *, window: timedelta = timedelta(minutes=1)) -> dict[str, int]:
    """Comments received, decided by the machine, and published (by anyone) within the window."""
    since = utcnow() - window
    # status leads the index on (status, created_at): naming every status lets it be used
    received = select(func.count()).where(
        Comment.status.in_(list(CommentStatus)), Comment.created_at >= since
    )
    newest = select(func.max(DecisionRecord.id)).scalar_subquery()
    decisions = select(
        func.sum(case((DecisionRecord.actor == MACHINE, 1), else_=0)),
        func.sum(case((DecisionRecord.to_status == CommentStatus.PUBLISHED, 1), else_=0)),
    ).where(DecisionRecord.id > newest - RECENT_ROWS, DecisionRecord.created_at >= since)
    decided, published = session.execute(decisions).one()
    return {
        "received": int(session.scalar(received) or 0),
        "decided": int(decided or 0),
        "published": int(published or 0),
    }


def overview(settings: Settings, queues: tuple[str, ...]) -> dict[str, Any]:
    """Queues, workers, backlog, dead letters and throughput; Redis may be away, the DB not."""
    client = get_redis(settings.redis_url, settings.redis_timeout)
    view: dict[str, Any] = {"queues": [{"name": q, "depth": None} for q in queues],
                            "unacked": None, "workers": [], "unavailable": []}  # fmt: skip
    try:
        depths = queue_depths(client, queues)
        view["unacked"] = unacked(client)
        workers = heartbeat.alive(client)
    except redis.RedisError:
        view["unavailable"].append("redis")
    else:
        now = time.time()
        view["queues"] = [{"name": q, "depth": depths[q]} for q in queues]
        view["workers"] = [{**w, "seen_seconds_ago": round(now - w["seen_at"], 3)} for w in workers]
    with session_scope(settings.database_url) as session:
        pending = backlog(session)
        view["pending"] = {"count": pending.count, "oldest_age_seconds": pending.oldest_age_seconds}
        view["dead_letters"] = open_dead_letters(session)
        view["throughput"] = {"last_minute": throughput(session)}
    return view


def dead_letters(
    session: Session, *, limit: int, before: int | None = None, state: str = "open"
) -> list[dict[str, Any]]:
    """Dead letters, newest first, with their comment's article and status."""
    query = (
        select(DeadLetter, Comment.article_id, Comment.status)
        .join(Comment, Comment.id == DeadLetter.comment_id)
        .order_by(DeadLetter.id.desc())
        .limit(limit)
    )
    if state == "open":
        query = query.where(DeadLetter.replayed_at.is_(None))
    elif state == "replayed":
        query = query.where(DeadLetter.replayed_at.is_not(None))
    if before is not None:
        query = query.where(DeadLetter.id < before)
    return [
        {**_letter(letter), "article_id": article_id, "comment_status": str(status)}
        for letter, article_id, status in session.execute(query)
    ]


def _letter(letter: DeadLetter) -> dict[str, Any]:
    names = ("id", "comment_id", "task", "error", "attempts", "created_at", "replayed_at")
    return {name: getattr(letter, name) for name in names}


class ReplayError(Exception):
    """A dead letter that cannot be replayed: unknown, or replayed already."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code = status, code


@dataclass(frozen=True)
class Replay:
    """A replayed dead letter: whether its comment still awaits the machine (then it is re-sent)."""

    dead_letter: dict[str, Any]
    comment_status: str
    request_id: str | None

    @property
    def pending(self) -> bool:
        return self.comment_status == CommentStatus.PENDING


def replay(session: Session, dead_letter_id: int) -> Replay:
    """Mark a dead letter replayed and give its comment a fresh set of attempts; send it after commit."""
    letter = session.get(DeadLetter, dead_letter_id)
    if letter is None:
        raise ReplayError(404, "not_found", "No such dead letter.")
    marked = session.execute(
        update(DeadLetter)
        .where(DeadLetter.id == dead_letter_id, DeadLetter.replayed_at.is_(None))
        .values(replayed_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if marked.rowcount != 1:  # type: ignore[attr-defined]
        raise ReplayError(409, "already_replayed", "This dead letter was replayed already.")
    session.execute(
        update(Comment)
        .where(Comment.id == letter.comment_id, Comment.status == CommentStatus.PENDING)
        .values(attempts=0)
        .execution_options(synchronize_session=False)
    )
    session.refresh(letter)
    comment = session.get(Comment, letter.comment_id, populate_existing=True)
    assert comment is not None
    return Replay(_letter(letter), str(comment.status), comment.request_id)
