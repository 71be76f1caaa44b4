"""The machine's side of moderation: claim a pending comment, gather context, decide, record."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import case, func, literal, select, update
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


def claim(session: Session, comment_id: str) -> Comment | None:
    """Count one more attempt at a pending comment and load it; None when it is not pending."""
    statement = (
        update(Comment)
        .where(Comment.id == comment_id, Comment.status == CommentStatus.PENDING)
        .values(attempts=Comment.attempts + 1)
        .returning(Comment)
        .execution_options(synchronize_session=False)
    )
    return session.scalars(statement).one_or_none()


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


def site_terms(session: Session) -> dict[TermList, tuple[str, ...]]:
    """The site's word lists, read fresh so that changes apply to the next comment."""
    lists: dict[TermList, list[str]] = {kind: [] for kind in TermList}
    for term in session.scalars(select(SiteTerm).order_by(SiteTerm.term)):
        lists[TermList(term.list)].append(term.term)
    return {kind: tuple(terms) for kind, terms in lists.items()}


def _banned(comment: Comment, secret: str):  # type: ignore[no-untyped-def]
    """SQL: whether an active ban matches the comment's email or client address."""
    hashes = [h for h in (comment.client_hash, email_key(secret, comment.author_email)) if h]
    if not hashes:
        return literal(False)
    now = utcnow()
    return (
        select(Ban.id)
        .where(Ban.value_hash.in_(hashes), Ban.lifted_at.is_(None))
        .where((Ban.expires_at.is_(None)) | (Ban.expires_at > now))
        .exists()
    )


def is_banned(session: Session, comment: Comment, secret: str) -> bool:
    """Whether an active ban matches the comment's email or client address."""
    return bool(session.scalar(select(_banned(comment, secret))))


def email_key(secret: str, email: str | None) -> str | None:
    """The keyed hash under which an email is banned."""
    return keyed_hash(secret, email) if email else None


def author_filter(comment: Comment):  # type: ignore[no-untyped-def]
    """Rows by the same author: by email when given, else by client address."""
    if comment.author_email:
        return Comment.author_email == comment.author_email
    return Comment.client_hash == comment.client_hash


def _trust(comment: Comment):  # type: ignore[no-untyped-def]
    """SQL: moderator approvals minus rejections and removals of the author's comments."""
    if not comment.author_email and not comment.client_hash:
        return literal(0)
    vote = case((DecisionRecord.action == "approve", 1), else_=-1)
    return (
        select(func.coalesce(func.sum(vote), 0))
        .join(Comment, Comment.id == DecisionRecord.comment_id)
        .where(author_filter(comment), DecisionRecord.actor != publishing.MACHINE)
        .where(DecisionRecord.action.in_(["approve", "reject", "remove"]))
        .scalar_subquery()
    )


def author_trust(session: Session, comment: Comment) -> int:
    """Moderator approvals minus rejections of this author's earlier comments."""
    return int(session.scalar(select(_trust(comment))) or 0)


def _recent(condition, since: timedelta, exclude: str):  # type: ignore[no-untyped-def]
    """SQL: how many other comments match the condition within `since`."""
    recent = Comment.created_at >= utcnow() - since
    return select(func.count()).where(condition, recent, Comment.id != exclude).scalar_subquery()


def gather_context(
    session: Session, comment: Comment, settings: Settings, fingerprint: str
) -> tuple[Article, pipeline.Context]:
    """The article and everything else the pipeline needs: two queries (terms, the rest)."""
    by_author = comment.client_hash is not None or comment.author_email is not None
    author_recent = author_filter(comment) if by_author else literal(False)
    row = session.execute(
        select(
            Article,
            _banned(comment, settings.secret_key),
            _trust(comment),
            _recent(Comment.fingerprint == fingerprint, timedelta(hours=1), comment.id),
            _recent(author_recent, timedelta(minutes=10), comment.id),
        ).where(Article.id == comment.article_id)
    ).one()
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
