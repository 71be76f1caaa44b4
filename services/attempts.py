"""Attempts at moderating a comment: claim it (counting the attempt) while it is pending, and
keep it as a dead letter, with its error, when it fails for good."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from services.models import Comment, CommentStatus, DeadLetter

_COMMENTS = cast(Table, Comment.__table__)
_CLAIM = (
    update(_COMMENTS)
    .where(_COMMENTS.c.id == bindparam("claim_id"), _COMMENTS.c.status == CommentStatus.PENDING)
    .values(attempts=_COMMENTS.c.attempts + 1)
    .returning(*_COMMENTS.c)
)


def claim(session: Session, comment_id: str) -> Comment | None:
    """Count one more attempt at a pending comment; a detached snapshot, or None if not pending."""
    row = session.connection().execute(_CLAIM, {"claim_id": comment_id}).one_or_none()
    return None if row is None else Comment(**row._mapping)


_IDS: Any = bindparam("claim_ids", expanding=True)
_CLAIM_FRESH = (
    update(_COMMENTS)
    .where(_COMMENTS.c.id.in_(_IDS), _COMMENTS.c.status == CommentStatus.PENDING)
    .where(_COMMENTS.c.attempts == 0)
    .values(attempts=1)
    .returning(*_COMMENTS.c)
)
_RETRIED = select(_COMMENTS.c.id).where(
    _COMMENTS.c.id.in_(_IDS), _COMMENTS.c.status == CommentStatus.PENDING
)


@dataclass(frozen=True)
class Claimed:
    """A batch, claimed: the comments on their first attempt, and those tried before."""

    fresh: list[Comment]  # first attempt now counted; oldest first; detached snapshots
    retried: list[str]  # pending ids an earlier attempt failed on (or died in): to be tried alone


def claim_batch(session: Session, comment_ids: list[str]) -> Claimed:
    """Count the first attempt at each pending comment of a batch never tried before. Comments
    already tried are left as they are for the caller to moderate one at a time, so that a
    comment that kills its process cannot take a whole batch down with it again and again."""
    if not comment_ids:
        return Claimed([], [])
    connection = session.connection()
    params = {"claim_ids": list(dict.fromkeys(comment_ids))}
    fresh = [Comment(**row._mapping) for row in connection.execute(_CLAIM_FRESH, params)]
    fresh.sort(key=lambda c: (c.created_at, c.id))
    claimed = {c.id for c in fresh}
    retried = [i for i in connection.execute(_RETRIED, params).scalars() if i not in claimed]
    return Claimed(fresh, retried)


def is_dead_lettered(session: Session, comment_id: str) -> bool:
    """Whether the comment sits in the dead letters, not yet replayed."""
    query = select(DeadLetter.id).where(
        DeadLetter.comment_id == comment_id, DeadLetter.replayed_at.is_(None)
    )
    return session.scalars(query).first() is not None


def dead_letter(session: Session, comment_id: str, *, task: str, error: str, attempts: int) -> bool:
    """Keep a comment that failed for good, with its error, unless it is kept already."""
    if is_dead_lettered(session, comment_id):
        return False
    session.add(DeadLetter(comment_id=comment_id, task=task, error=error, attempts=attempts))
    return True


def describe_error(exc: BaseException) -> str:
    """The error's type, message and innermost frames, for a dead letter."""
    return "".join(traceback.format_exception(exc, limit=-3))[-4000:]
