"""State changes of a comment, each conditional on the state it expects, each recorded."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Table, Update, bindparam, insert, update
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


_COMMENTS = cast(Table, Comment.__table__)
_DECIDED = ("status", "updated_at", "scores", "reasons", "explanations", "matches", "fingerprint")
_PUBLISHED = ("published_body", "published_at")


def _decision_update(columns: tuple[str, ...]) -> Update:
    """Set a pending comment's decision columns; the whole row comes back."""
    return (
        update(_COMMENTS)
        .where(_COMMENTS.c.id == bindparam("b_id"))
        .where(_COMMENTS.c.status == CommentStatus.PENDING)
        .values({name: bindparam(f"b_{name}") for name in columns})
        .returning(*_COMMENTS.c)
    )


_DECIDE = {False: _decision_update((*_DECIDED, "decided_at")),
           True: _decision_update((*_DECIDED, "decided_at", *_PUBLISHED))}  # fmt: skip
_RECORD = insert(cast(Table, DecisionRecord.__table__))


def decide_pending(
    session: Session,
    comment_id: str,
    *,
    to: CommentStatus,
    action: str,
    reason: str | None,
    values: dict[str, Any],
) -> Comment | None:
    """The machine's decision on a pending comment: the same conditional change and decision
    record as transition(), as two prebuilt Core statements, for the worker's hot path (building
    ORM statements and flushing cost more than running the SQL). Returns a detached snapshot."""
    stamp = utcnow()
    fields = {**values, "status": to, "updated_at": stamp}
    published = to == CommentStatus.PUBLISHED
    if published:
        fields.setdefault("published_at", stamp)
    connection = session.connection()
    params = {"b_id": comment_id, **{f"b_{name}": value for name, value in fields.items()}}
    row = connection.execute(_DECIDE[published], params).one_or_none()
    if row is None:
        return None
    record = {"comment_id": comment_id, "actor": MACHINE, "from_status": str(CommentStatus.PENDING),
              "action": action,
              "to_status": str(to), "reason": reason, "scores": dict(row.scores or {}),
              "created_at": stamp}  # fmt: skip
    connection.execute(_RECORD, record)
    return Comment(**row._mapping)
