"""The moderators' side: the queue, decisions, bans, article settings and the site's word lists."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session, selectinload

from services import publishing
from services.models import (
    Article,
    Comment,
    CommentStatus,
    utcnow,
)

SCORE_KEYS = ("spam", "toxicity")
DECIDABLE = {
    "approve": (CommentStatus.PENDING, CommentStatus.HELD),
    "reject": (CommentStatus.PENDING, CommentStatus.HELD),
    "remove": (CommentStatus.PUBLISHED,),
}


class NotFound(LookupError):
    """No such comment, ban or article."""


class Conflict(Exception):
    """The decision does not fit the comment's state (now `status`)."""

    def __init__(self, status: str) -> None:
        super().__init__(f"The comment is {status}.")
        self.status = status


class Invalid(ValueError):
    """A request that is well-formed but cannot be carried out; `field` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


# --- the queue -------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueQuery:
    """What a moderator asks of the queue; `after` is the last key of the previous page."""

    status: CommentStatus = CommentStatus.HELD
    article_id: str | None = None
    reason: str | None = None
    author: str | None = None
    order: str = "oldest"
    limit: int = 50
    after: tuple[Any, str] | None = None


def risk_score() -> ColumnElement[float]:
    """The highest of a comment's risk scores (spam, toxicity), 0 when unscored."""
    spam, toxicity = (func.coalesce(Comment.scores[key].as_float(), 0.0) for key in SCORE_KEYS)
    return case((spam >= toxicity, spam), else_=toxicity)


def _like_literal(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filters(q: QueueQuery) -> list[ColumnElement[bool]]:
    conditions = [Comment.status == q.status]
    if q.article_id:
        conditions.append(Comment.article_id == q.article_id)
    if q.reason:  # reasons are a JSON list of codes; match one whole code
        pattern = f'%"{_like_literal(q.reason)}"%'
        conditions.append(cast(Comment.reasons, String).like(pattern, escape="\\"))
    if q.author:
        author = q.author.strip().lower()
        conditions.append(
            or_(
                func.lower(Comment.author_name) == author,
                func.lower(Comment.author_email) == author,
                Comment.client_hash == author,
            )
        )
    return conditions


def queue(session: Session, q: QueueQuery) -> tuple[list[Comment], tuple[Any, str] | None]:
    """One page of comments and the key to continue after (None at the end)."""
    score = risk_score()
    query = select(Comment, score).where(*_filters(q))
    if q.order == "oldest":
        query = query.order_by(Comment.created_at, Comment.id)
        if q.after:
            stamp, last_id = _key(q.after, datetime.fromisoformat)
            query = query.where(
                or_(
                    Comment.created_at > stamp,
                    and_(Comment.created_at == stamp, Comment.id > last_id),
                )
            )
    else:
        query = query.order_by(score.desc(), Comment.id.desc())
        if q.after:
            value, last_id = _key(q.after, float)
            query = query.where(or_(score < value, and_(score == value, Comment.id < last_id)))
    rows = session.execute(query.limit(q.limit + 1)).all()
    page = rows[: q.limit]
    if len(rows) <= q.limit or not page:
        return [c for c, _ in page], None
    last, last_score = page[-1]
    mark = last.created_at.isoformat() if q.order == "oldest" else last_score
    return [c for c, _ in page], (mark, last.id)


def _key(after: tuple[Any, str], parse: Any) -> tuple[Any, str]:
    """A page key read back from a cursor; Invalid when it was tampered with."""
    try:
        value, last_id = parse(after[0]), after[1]
    except (TypeError, ValueError, IndexError) as exc:
        raise Invalid("cursor", "Not a cursor from this API.") from exc
    if not isinstance(last_id, str):
        raise Invalid("cursor", "Not a cursor from this API.")
    return value, last_id


def comment_detail(session: Session, comment_id: str) -> Comment:
    """A comment with its full decision history."""
    query = select(Comment).where(Comment.id == comment_id).options(selectinload(Comment.decisions))
    comment = session.scalars(query).first()
    if comment is None:
        raise NotFound("No such comment.")
    return comment


# --- decisions -------------------------------------------------------------------------------


def decide(
    session: Session, comment_id: str, *, action: str, actor: str, reason: str | None,
    site_policy: Mapping[str, Any] | None = None,
) -> tuple[Comment, CommentStatus]:  # fmt: skip
    """Apply a moderator's decision; the comment after it and its status before. Conflict if not."""
    comment = session.get(Comment, comment_id)
    if comment is None:
        raise NotFound("No such comment.")
    before = CommentStatus(comment.status)
    done = None
    if before in DECIDABLE[action]:
        body = approved_body(session, comment, site_policy or {}) if action == "approve" else None
        done = _apply(session, comment_id, before, action, actor=actor, reason=reason, body=body)
    if done is None:  # not decidable, or changed by someone else since it was read
        current = session.get(Comment, comment_id, populate_existing=True)
        raise Conflict(str(current.status if current else before))
    return done, before


def _apply(
    session: Session, comment_id: str, before: CommentStatus, action: str, *, actor: str,
    reason: str | None, body: str | None,
) -> Comment | None:  # fmt: skip
    """The conditional transition: it changes nothing unless the comment is still `before`."""
    if action == "approve":
        return publishing.publish(
            session, comment_id, actor=actor, reason=reason, expected=[before],
            published_body=body,
        )  # fmt: skip
    if action == "reject":
        return publishing.transition(
            session, comment_id, expected=[before], to=CommentStatus.REJECTED, actor=actor,
            action="reject", reason=reason, values={"decided_at": utcnow()},
        )  # fmt: skip
    return publishing.take_down(session, comment_id, actor=actor, reason=reason)


CENSORED_SOURCES = ("default", "blocked")


def approved_body(session: Session, comment: Comment, site_policy: Mapping[str, Any]) -> str:
    """What readers see once a moderator approves: censored where the policy censors profanity.

    Held-list terms stay: they were the reason to ask a moderator, who has now said yes.
    """
    if comment.published_body is not None:
        return comment.published_body
    spans = sorted(
        (m["start"], m["end"]) for m in comment.matches or []
        if isinstance(m, dict) and m.get("source") in CENSORED_SOURCES
    )  # fmt: skip
    if not spans or not _censors(session, comment.article_id, site_policy):
        return comment.body
    parts, pos = [], 0
    for start, end in spans:
        if start >= pos:
            parts += [comment.body[pos:start], "****"]
            pos = end
    return "".join([*parts, comment.body[pos:]])


def _censors(session: Session, article_id: str, site_policy: Mapping[str, Any]) -> bool:
    article = session.get(Article, article_id)
    policy = {**site_policy, **((article.policy or {}) if article else {})}
    try:
        from services.pipeline import PolicySettings
    except ModuleNotFoundError:
        return policy.get("censor_profanity", True) is not False
    return PolicySettings.from_mapping(policy).censor_profanity
