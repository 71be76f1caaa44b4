"""Erasing a commenter's personal data on request, found by the email they gave."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from services import publishing
from services.models import Comment, CommentStatus, DecisionRecord
from services.security import keyed_hash

log = logging.getLogger(__name__)

ERASED_NAME = "[erased]"
REASON = "erasure request"
# what is personal in a comment row, or quotes what the commenter wrote
ERASED: dict[str, Any] = {
    "author_name": ERASED_NAME,
    "author_email": None,
    "body": "",
    "published_body": None,
    "client_hash": None,
    "user_agent": None,
    "request_hash": None,
    "fingerprint": None,
    "explanations": [],
    "matches": [],
}


@dataclass(frozen=True)
class Erasure:
    """What an erasure did: the email's keyed hash, the comments erased, those taken down."""

    email_hash: str
    erased: list[str]
    removed: list[Comment]


def _withdraw(session: Session, comment_id: str, actor: str) -> Comment | None:
    """Keep an erased comment from ever being published; the comment if it was taken down.

    Pending and held comments are rejected (a worker or moderator deciding meanwhile then finds
    them decided), published ones removed; rejected and removed ones stay as they are.
    """
    rejected = publishing.transition(
        session, comment_id, expected=[CommentStatus.PENDING, CommentStatus.HELD],
        to=CommentStatus.REJECTED, actor=actor, action="erase", reason=REASON,
    )  # fmt: skip
    if rejected is not None:
        return None
    return publishing.take_down(session, comment_id, actor=actor, reason=REASON)


def erase_author(session: Session, *, email: str, secret: str, actor: str) -> Erasure:
    """Erase every comment given with this email (any case); bans on its hash stay."""
    query = select(Comment.id).where(func.lower(Comment.author_email) == email.strip().lower())
    ids = list(session.scalars(query.order_by(Comment.created_at, Comment.id)))
    removed = [c for c in (_withdraw(session, i, actor) for i in ids) if c is not None]
    if ids:
        session.execute(
            update(Comment)
            .where(Comment.id.in_(ids))
            .values(**ERASED)
            .execution_options(synchronize_session=False)
        )
        # the machine's reasons quote what it matched in the body
        session.execute(
            update(DecisionRecord)
            .where(DecisionRecord.comment_id.in_(ids), DecisionRecord.actor == publishing.MACHINE)
            .values(reason=None)
            .execution_options(synchronize_session=False)
        )
    done = Erasure(keyed_hash(secret, email), ids, removed)
    log.info("author data erased", extra={"email_hash": done.email_hash, "comments": len(ids),
                                          "removed": len(removed), "actor": actor})  # fmt: skip
    return done
