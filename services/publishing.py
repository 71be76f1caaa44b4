"""State changes of a comment, each conditional on the state it expects, each recorded."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from services.models import Comment, CommentStatus, DecisionRecord, utcnow

MACHINE = "machine"


def body_html(text: str | None) -> str | None:
    """The published body as inert HTML (escaped, line breaks kept), for sites that want markup."""
    if text is None:
        return None
    return html.escape(text, quote=True).replace("\n", "<br>")


def transition(
    session: Session,
    comment_id: str,
    *,
    expected: Iterable[CommentStatus],
    to: CommentStatus,
    actor: str,
    action: str,
    reason: str | None = None,
    values: dict[str, Any] | None = None,
) -> Comment | None:
    """Move a comment to `to` only if it is in one of `expected`; None when it was not."""
    expected = list(expected)
    stamp = utcnow()
    statement = (
        update(Comment)
        .where(Comment.id == comment_id, Comment.status.in_(expected))
        .values(status=to, updated_at=stamp, **(values or {}))
        .returning(Comment)
        .execution_options(synchronize_session=False, populate_existing=True)
    )
    comment = session.scalars(statement).one_or_none()
    if comment is None:
        return None
    from_status = next(iter(expected)) if len(expected) == 1 else "|".join(expected)
    session.add(
        DecisionRecord(
            comment_id=comment_id,
            actor=actor,
            action=action,
            from_status=str(from_status),
            to_status=str(to),
            reason=reason,
            scores=dict(comment.scores or {}),
            created_at=stamp,
        )
    )
    return comment


def publish(
    session: Session,
    comment_id: str,
    *,
    actor: str,
    reason: str | None = None,
    published_body: str | None = None,
    expected: Iterable[CommentStatus] = (CommentStatus.PENDING, CommentStatus.HELD),
    values: dict[str, Any] | None = None,
) -> Comment | None:
    """Put a comment into its article's thread, once; None if it was not publishable."""
    body = published_body
    if body is None:  # a moderator's approval: the censored body if any, else the original
        existing = session.get(Comment, comment_id)
        if existing is None:
            return None
        body = existing.published_body if existing.published_body is not None else existing.body
    now = utcnow()
    fields = {"published_body": body, "published_at": now}
    fields.setdefault("decided_at", now)
    fields.update(values or {})
    return transition(
        session,
        comment_id,
        expected=expected,
        to=CommentStatus.PUBLISHED,
        actor=actor,
        action="publish" if actor == MACHINE else "approve",
        reason=reason,
        values=fields,
    )


def take_down(
    session: Session, comment_id: str, *, actor: str, reason: str | None
) -> Comment | None:
    """Remove a published comment from its thread."""
    return transition(
        session,
        comment_id,
        expected=[CommentStatus.PUBLISHED],
        to=CommentStatus.REMOVED,
        actor=actor,
        action="remove",
        reason=reason,
    )
