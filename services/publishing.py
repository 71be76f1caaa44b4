"""State changes of a comment, each conditional on the state it expects, each recorded."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, Update, bindparam, insert, select, update
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
_DECIDED = ("status", "updated_at", "scores", "reasons", "explanations", "matches", "fingerprint",
            "decided_at")  # fmt: skip
_PUBLISHED = ("published_body", "published_at")


def _decision_update(columns: tuple[str, ...]) -> Update:
    """Set a comment's decision columns (the caller has checked and locked it as pending)."""
    return (
        update(_COMMENTS)
        .where(_COMMENTS.c.id == bindparam("b_id"))
        .where(_COMMENTS.c.status == CommentStatus.PENDING)
        .values({name: bindparam(f"b_{name}") for name in columns})
    )


_COLUMNS = {False: _DECIDED, True: (*_DECIDED, *_PUBLISHED)}  # by whether it is published
_DECIDE = {published: _decision_update(columns) for published, columns in _COLUMNS.items()}
_RECORD = insert(cast(Table, DecisionRecord.__table__))
_LOCK_PENDING = (
    select(_COMMENTS.c.id)
    .where(_COMMENTS.c.id.in_(bindparam("ids", expanding=True)))
    .where(_COMMENTS.c.status == CommentStatus.PENDING)
    .with_for_update()
)


@dataclass(frozen=True)
class Decision:
    """The machine's decision on a pending comment, not yet applied."""

    comment: Comment  # the pending snapshot it was made on
    to: CommentStatus
    action: str
    reason: str | None
    values: dict[str, Any]


def decide_pending(session: Session, decisions: list[Decision]) -> list[Comment]:
    """The machine's decisions on pending comments, each only if its comment is still pending,
    with a decision record each: the same change as transition(), for a whole batch in three
    statements. The comments still pending are locked first (FOR UPDATE on PostgreSQL; on
    SQLite the writer holds the database), so none can change between the check and the
    update. Returns the decided comments as detached snapshots."""
    if not decisions:
        return []
    connection = session.connection()
    ids = list(dict.fromkeys(d.comment.id for d in decisions))
    pending = set(connection.execute(_LOCK_PENDING, {"ids": ids}).scalars())
    stamp = utcnow()
    updates: dict[bool, list[dict[str, Any]]] = {False: [], True: []}
    records: list[dict[str, Any]] = []
    decided: list[Comment] = []
    for decision in decisions:
        comment_id = decision.comment.id
        if comment_id not in pending:
            continue
        pending.discard(comment_id)  # a comment twice in the batch is decided once
        published = decision.to == CommentStatus.PUBLISHED
        fields = {**decision.values, "status": decision.to, "updated_at": stamp}
        if published:
            fields.setdefault("published_at", stamp)
        updates[published].append(
            {"b_id": comment_id, **{f"b_{name}": fields.get(name) for name in _COLUMNS[published]}}
        )
        records.append({"comment_id": comment_id, "actor": MACHINE, "action": decision.action,
                        "from_status": str(CommentStatus.PENDING), "to_status": str(decision.to),
                        "reason": decision.reason, "scores": dict(fields.get("scores") or {}),
                        "created_at": stamp})  # fmt: skip
        snapshot = {column.key: getattr(decision.comment, column.key) for column in _COMMENTS.c}
        decided.append(Comment(**{**snapshot, **fields}))
    for published, rows in updates.items():
        if rows:
            connection.execute(_DECIDE[published], rows)
    if records:
        connection.execute(_RECORD, records)
    return decided
