"""The machine's side of moderation: claim a pending comment, gather context, decide, record."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Select, bindparam, case, func, or_, select, update
from sqlalchemy.orm import Session

from services import faults, pipeline, publishing
from services.config import Settings
from services.models import (
    Article,
    Ban,
    Comment,
    CommentStatus,
    DeadLetter,
    DecisionRecord,
    SiteTerm,
    TermList,
    utcnow,
)
from services.security import keyed_hash

OUTCOME_STATUS = {
    pipeline.Action.PUBLISH: CommentStatus.PUBLISHED,
    pipeline.Action.CENSOR: CommentStatus.PUBLISHED,
    pipeline.Action.HOLD: CommentStatus.HELD,
    pipeline.Action.REJECT: CommentStatus.REJECTED,
}


@dataclass(frozen=True)
class Outcome:
    """What the machine did with one comment."""

    comment: Comment
    action: pipeline.Action
    published: bool


_CLAIM = (
    update(Comment)
    .where(Comment.id == bindparam("claim_id"), Comment.status == CommentStatus.PENDING)
    .values(attempts=Comment.attempts + 1)
    .returning(Comment)
    .execution_options(synchronize_session=False)
)


def claim(session: Session, comment_id: str) -> Comment | None:
    """Count one more attempt at a pending comment and load it; None when it is not pending."""
    return session.scalars(_CLAIM, {"claim_id": comment_id}).one_or_none()


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


_TERMS = select(SiteTerm.list, SiteTerm.term).order_by(SiteTerm.term)


def site_terms(session: Session) -> dict[TermList, tuple[str, ...]]:
    """The site's word lists, read fresh so that changes apply to the next comment."""
    lists: dict[TermList, list[str]] = {kind: [] for kind in TermList}
    for kind, term in session.execute(_TERMS):
        lists[TermList(kind)].append(term)
    return {kind: tuple(terms) for kind, terms in lists.items()}


def email_key(secret: str, email: str | None) -> str | None:
    """The keyed hash under which an email is banned."""
    return keyed_hash(secret, email) if email else None


def _context_query(author: Any) -> Select[Any]:
    """The article with ban, trust and recent counts as subqueries: one round trip. Built once
    per author column (building and keying a statement cost more than running it)."""
    is_author = author == bindparam("author")  # NULL (no author known) matches nothing
    other = Comment.id != bindparam("comment_id")
    active = or_(Ban.expires_at.is_(None), Ban.expires_at > bindparam("now"))
    banned = select(Ban.id).where(Ban.value_hash.in_(bindparam("hashes", expanding=True)))
    vote = case((DecisionRecord.action == "approve", 1), else_=-1)
    trust = (
        select(func.coalesce(func.sum(vote), 0))
        .join(Comment, Comment.id == DecisionRecord.comment_id)
        .where(is_author, DecisionRecord.actor != publishing.MACHINE)
        .where(DecisionRecord.action.in_(["approve", "reject", "remove"]))
    )
    duplicates = select(func.count()).where(
        Comment.fingerprint == bindparam("fingerprint"),
        Comment.created_at >= bindparam("hour_ago"),
        other,
    )
    recent = select(func.count()).where(is_author, Comment.created_at >= bindparam("since"), other)
    return select(
        Article,
        banned.where(Ban.lifted_at.is_(None), active).exists(),
        trust.scalar_subquery(),
        duplicates.scalar_subquery(),
        recent.scalar_subquery(),
    ).where(Article.id == bindparam("article_id"))


_CONTEXT = {True: _context_query(Comment.author_email), False: _context_query(Comment.client_hash)}


def _context_row(
    session: Session, comment: Comment, secret: str, fingerprint: str
) -> tuple[Any, ...]:
    """(article, banned, trust, duplicates in the last hour, author's comments in 10 minutes)."""
    now = utcnow()
    hashes = [h for h in (comment.client_hash, email_key(secret, comment.author_email)) if h]
    params = {
        "author": comment.author_email or comment.client_hash,
        "comment_id": comment.id,
        "now": now,
        "hashes": hashes,
        "fingerprint": fingerprint,
        "hour_ago": now - timedelta(hours=1),
        "since": now - timedelta(minutes=10),
        "article_id": comment.article_id,
    }
    return tuple(session.execute(_CONTEXT[bool(comment.author_email)], params).one())


def author_trust(session: Session, comment: Comment) -> int:
    """Moderator approvals minus rejections of this author's earlier comments."""
    return int(_context_row(session, comment, "", "")[2] or 0)


def gather_context(
    session: Session, comment: Comment, settings: Settings, fingerprint: str
) -> tuple[Article, pipeline.Context]:
    """The article and everything else the pipeline needs: two queries (terms, the rest)."""
    row = _context_row(session, comment, settings.secret_key, fingerprint)
    article, banned, trust, duplicates, recent = row
    terms = site_terms(session)
    policy = {
        **settings.site_policy,
        **(article.policy or {}),
        "premoderation": article.premoderation,
    }
    return article, pipeline.Context(
        author_name=comment.author_name,
        honeypot=comment.honeypot,
        banned=bool(banned),
        author_trust=int(trust or 0),
        recent_duplicates=int(duplicates or 0),
        author_recent_count=int(recent or 0),
        blocked_terms=terms[TermList.BLOCKED],
        held_terms=terms[TermList.HELD],
        allowed_terms=terms[TermList.ALLOWED],
        settings=pipeline.PolicySettings.from_mapping(policy),
    )


@dataclass(frozen=True)
class Assessment:
    """The pipeline's verdict on one comment, not yet recorded."""

    comment_id: str
    verdict: pipeline.Verdict
    fingerprint: str


def assess(session: Session, comment: Comment, settings: Settings) -> Assessment:
    """Gather the context and run the pipeline; reads only, so no write lock is held meanwhile."""
    faults.check("moderate", comment.body)
    fingerprint = pipeline.fingerprint(comment.body)
    _article, context = gather_context(session, comment, settings, fingerprint)
    return Assessment(comment.id, pipeline.moderate(comment.body, context), fingerprint)


def record(session: Session, assessment: Assessment) -> Outcome | None:
    """Apply a verdict if the comment is still pending (a conditional update); None if not."""
    verdict, comment_id = assessment.verdict, assessment.comment_id
    values = {
        "scores": verdict.scores,
        "reasons": list(verdict.reasons),
        "explanations": list(verdict.explanations),
        "matches": list(verdict.matches),
        "fingerprint": assessment.fingerprint,
        "decided_at": utcnow(),
    }
    reason = "; ".join(verdict.explanations) or None
    status = OUTCOME_STATUS[verdict.action]
    if status == CommentStatus.PUBLISHED:
        done = publishing.publish(
            session,
            comment_id,
            actor=publishing.MACHINE,
            reason=reason,
            published_body=verdict.published_body,
            expected=[CommentStatus.PENDING],
            values=values,
        )
    else:
        done = publishing.transition(
            session,
            comment_id,
            expected=[CommentStatus.PENDING],
            to=status,
            actor=publishing.MACHINE,
            action=str(verdict.action),
            reason=reason,
            values=values,
        )
    if done is None:
        return None
    return Outcome(done, verdict.action, status == CommentStatus.PUBLISHED)


def decide(session: Session, comment_id: str, settings: Settings) -> Outcome | None:
    """Assess and record a pending comment in one session; None if it is not pending."""
    comment = session.get(Comment, comment_id)
    if comment is None or comment.status != CommentStatus.PENDING:
        return None
    return record(session, assess(session, comment, settings))
