"""Finding comments that waited too long: their queue message was lost, or Redis came back empty."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import redis
from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from services.config import Settings
from services.db import session_scope
from services.inbox import INBOX
from services.models import Comment, CommentStatus, DeadLetter, utcnow
from services.redis_client import get_redis

BATCH = 500
# while a backlog drains, a stale comment is probably still queued; past this many bounds, resend anyway
PATIENCE = 10


def queue_depth(redis_url: str, queues: tuple[str, ...] = (INBOX, "moderation")) -> int | None:
    """Comments and tasks waiting on their way to the workers (the intake list and the moderation
    queue); None when Redis does not answer."""
    try:
        with get_redis(redis_url).pipeline(transaction=False) as pipe:
            for queue in queues:
                pipe.llen(queue)
            return sum(int(n) for n in pipe.execute())
    except redis.RedisError:
        return None


def _open_dead_letters() -> Select[str]:
    return select(DeadLetter.comment_id).where(DeadLetter.replayed_at.is_(None))


def _stale_ids(session: Session, older_than: timedelta) -> list[str]:
    query = (
        select(Comment.id)
        .where(Comment.status == CommentStatus.PENDING, Comment.updated_at < utcnow() - older_than)
        .where(Comment.id.not_in(_open_dead_letters()))
        .order_by(Comment.created_at)
        .limit(BATCH)
    )
    return list(session.scalars(query))


def claim_stale(settings: Settings, *, queue_depth: int | None) -> list[str]:
    """Pending comments untouched for longer than the bound, marked as re-sent now."""
    if queue_depth is None:
        return []
    bound = timedelta(seconds=settings.stale_after_seconds)
    older_than = bound if queue_depth == 0 else bound * PATIENCE
    with session_scope(settings.database_url, write=True) as session:
        ids = _stale_ids(session, older_than)
        if ids:
            session.execute(
                update(Comment)
                .where(Comment.id.in_(ids), Comment.status == CommentStatus.PENDING)
                .values(updated_at=utcnow())
                .execution_options(synchronize_session=False)
            )
    return ids


def pending_summary(session: Session) -> tuple[int, float]:
    """How many comments await the machine (dead letters aside), and the oldest one's age."""
    count, oldest = session.execute(
        select(func.count(), func.min(Comment.created_at))
        .where(Comment.status == CommentStatus.PENDING)
        .where(Comment.id.not_in(_open_dead_letters()))
    ).one()
    if oldest is None:
        return int(count), 0.0
    if oldest.tzinfo is None:  # min() over SQLite text skips the column type
        oldest = datetime.fromisoformat(str(oldest)).replace(tzinfo=UTC)
    return int(count), max(0.0, (utcnow() - oldest).total_seconds())
