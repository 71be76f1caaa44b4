"""The moderators' side: the queue, decisions, bans, article settings and the site's word lists."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, cast, delete, func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from services import publishing
from services.comments import get_or_create_article
from services.models import (
    Article,
    Ban,
    BanKind,
    Comment,
    CommentStatus,
    SiteTerm,
    TermList,
    utcnow,
)
from services.security import keyed_hash

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


def author_banned(session: Session, secret: str, comment: Comment) -> bool:
    """Whether an active ban matches the comment's email or address."""
    email = comment.author_email and keyed_hash(secret, comment.author_email)
    hashes = [h for h in (comment.client_hash, email) if h]
    query = select(Ban.id).where(Ban.value_hash.in_(hashes), active_ban())
    return bool(hashes) and session.scalars(query).first() is not None


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


# --- bans ------------------------------------------------------------------------------------


def active_ban() -> ColumnElement[bool]:
    """Not lifted and not expired."""
    return and_(Ban.lifted_at.is_(None), or_(Ban.expires_at.is_(None), Ban.expires_at > utcnow()))


def _ban_targets(
    session: Session, secret: str, *, email: str | None, comment_id: str | None,
    kinds: Iterable[BanKind] | None,
) -> list[tuple[BanKind, str]]:  # fmt: skip
    if email:
        return [(BanKind.EMAIL, keyed_hash(secret, email))]
    comment = session.get(Comment, comment_id or "")
    if comment is None:
        raise Invalid("comment_id", "No such comment.")
    known = {BanKind.EMAIL: comment.author_email and keyed_hash(secret, comment.author_email),
             BanKind.ADDRESS: comment.client_hash}  # fmt: skip
    wanted = list(kinds) if kinds else [kind for kind, value in known.items() if value]
    missing = [str(kind) for kind in wanted if not known[kind]]
    if missing or not wanted:
        raise Invalid("kinds", f"The comment has no {' or '.join(missing) or 'author details'}.")
    return [(kind, known[kind]) for kind in wanted]  # type: ignore[misc]


def ban(
    session: Session, secret: str, *, actor: str, reason: str | None,
    expires_at: datetime | None, email: str | None = None, comment_id: str | None = None,
    kinds: Iterable[BanKind] | None = None,
) -> list[tuple[Ban, bool]]:  # fmt: skip
    """Ban an email, or a comment's email and/or address; (ban, created) for each, kept if active."""
    results = []
    for kind, value in _ban_targets(
        session, secret, email=email, comment_id=comment_id, kinds=kinds
    ):
        existing = session.scalars(select(Ban).where(Ban.value_hash == value, active_ban())).first()
        if existing is not None:
            results.append((existing, False))
            continue
        row = Ban(
            kind=kind, value_hash=value, reason=reason, created_by=actor, expires_at=expires_at
        )
        session.add(row)
        results.append((row, True))
    session.flush()
    return results


def bans(session: Session, *, active: bool | None, before_id: int | None, limit: int) -> list[Ban]:
    """Bans newest first; only active (or only inactive) ones when asked."""
    query = select(Ban).order_by(Ban.id.desc()).limit(limit)
    if active is not None:
        query = query.where(active_ban() if active else ~active_ban())
    if before_id is not None:
        query = query.where(Ban.id < before_id)
    return list(session.scalars(query))


def lift(session: Session, ban_id: int) -> tuple[Ban, bool]:
    """Lift a ban, once; (the ban, whether this call lifted it)."""
    statement = (
        update(Ban)
        .where(Ban.id == ban_id, Ban.lifted_at.is_(None))
        .values(lifted_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    changed = session.execute(statement).rowcount == 1  # type: ignore[attr-defined]
    row = session.get(Ban, ban_id, populate_existing=True)
    if row is None:
        raise NotFound("No such ban.")
    return row, changed


# --- articles --------------------------------------------------------------------------------


def article_settings(article: Article | None, article_id: str) -> dict[str, Any]:
    """An article's moderation settings (the defaults when it has no row yet)."""
    return {
        "article_id": article_id,
        "premoderation": bool(article and article.premoderation),
        "closed": bool(article and article.closed),
        "policy": dict(article.policy or {}) if article else {},
        "updated_at": article.updated_at if article else None,
    }


def set_article_settings(
    session: Session, article_id: str, changes: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Change the given settings (others kept), creating the article; (before, after)."""
    existing = session.get(Article, article_id)
    before = article_settings(existing, article_id)
    article = existing or get_or_create_article(session, article_id)
    if "policy" in changes:
        article.policy = validate_policy(changes["policy"])
    for name in ("premoderation", "closed"):
        if name in changes:
            setattr(article, name, bool(changes[name]))
    article.updated_at = utcnow()
    session.flush()
    return before, article_settings(article, article_id)


FALLBACK_POLICY = {
    "spam_hold",
    "spam_reject",
    "toxicity_hold",
    "toxicity_reject",
    "censor_profanity",
}


def validate_policy(policy: Mapping[str, Any]) -> dict[str, Any]:
    """The policy as given, once the pipeline's PolicySettings accepts it; Invalid if not."""
    policy = dict(policy)
    try:
        from services.pipeline import PolicySettings  # loaded on first use only
    except ModuleNotFoundError as exc:
        if exc.name != "services.pipeline":
            raise
        _check_keys(policy, FALLBACK_POLICY)
        _fallback_policy_check(policy)
        return policy
    _check_keys(policy, {f.name for f in dataclasses.fields(PolicySettings)} - {"premoderation"})
    try:
        PolicySettings.from_mapping(policy)
    except (ValueError, TypeError) as exc:
        raise Invalid("policy", str(exc) or "Invalid policy.") from exc
    return policy


def _check_keys(policy: Mapping[str, Any], known: set[str]) -> None:
    unknown = sorted(set(policy) - known)
    if unknown:
        raise Invalid(
            "policy", f"Unknown keys {', '.join(unknown)}; known: {', '.join(sorted(known))}."
        )


def _fallback_policy_check(policy: Mapping[str, Any]) -> None:
    for key, value in policy.items():
        if key == "censor_profanity":
            ok = isinstance(value, bool)
        else:
            ok = isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1
        if not ok:
            raise Invalid("policy", f"{key}: not a number from 0 to 1 (or true/false).")


# --- word lists ------------------------------------------------------------------------------


def normalize_term(term: str) -> str:
    """A term as the lists keep it: trimmed, single-spaced, lower case."""
    return " ".join(term.split()).lower()


def terms(session: Session) -> dict[str, list[str]]:
    """Every list with its terms, alphabetical."""
    lists: dict[str, list[str]] = {str(kind): [] for kind in TermList}
    for row in session.scalars(select(SiteTerm).order_by(SiteTerm.term)):
        lists[str(row.list)].append(row.term)
    return lists


def replace_terms(session: Session, kind: TermList, new: Iterable[str]) -> list[str]:
    """Make one list exactly `new`; the list before."""
    before = terms(session)[str(kind)]
    session.execute(delete(SiteTerm).where(SiteTerm.list == kind))
    for term in sorted({normalize_term(t) for t in new} - {""}):
        session.add(SiteTerm(list=kind, term=term))
    session.flush()
    return before


def add_term(session: Session, kind: TermList, term: str) -> bool:
    """Add one term; False when it was there already."""
    term = normalize_term(term)
    query = select(SiteTerm.id).where(SiteTerm.list == kind, SiteTerm.term == term)
    if session.scalars(query).first() is not None:
        return False
    session.add(SiteTerm(list=kind, term=term))
    session.flush()
    return True


def remove_term(session: Session, kind: TermList, term: str) -> bool:
    """Remove one term; False when it was not there."""
    statement = delete(SiteTerm).where(SiteTerm.list == kind, SiteTerm.term == normalize_term(term))
    return session.execute(statement).rowcount == 1  # type: ignore[attr-defined]
