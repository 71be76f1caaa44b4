"""The machine's side of moderation: claim a pending comment, gather context, decide, record."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select, update
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


def claim(session: Session, comment_id: str) -> int | None:
    """Count one more attempt at a pending comment; None when it is no longer pending."""
    statement = (
        update(Comment)
        .where(Comment.id == comment_id, Comment.status == CommentStatus.PENDING)
        .values(attempts=Comment.attempts + 1)
        .returning(Comment.attempts)
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).scalar_one_or_none()


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


def is_banned(session: Session, comment: Comment, secret: str) -> bool:
    """Whether an active ban matches the comment's email or client address."""
    hashes = [h for h in (comment.client_hash, email_key(secret, comment.author_email)) if h]
    if not hashes:
        return False
    now = utcnow()
    query = select(Ban.id).where(
        Ban.value_hash.in_(hashes),
        Ban.lifted_at.is_(None),
        (Ban.expires_at.is_(None)) | (Ban.expires_at > now),
    )
    return session.scalars(query).first() is not None


def email_key(secret: str, email: str | None) -> str | None:
    """The keyed hash under which an email is banned."""
    return keyed_hash(secret, email) if email else None


def author_filter(comment: Comment):  # type: ignore[no-untyped-def]
    """Rows by the same author: by email when given, else by client address."""
    if comment.author_email:
        return Comment.author_email == comment.author_email
    return Comment.client_hash == comment.client_hash


def author_trust(session: Session, comment: Comment) -> int:
    """Moderator approvals minus rejections of this author's earlier comments."""
    if not comment.author_email and not comment.client_hash:
        return 0
    query = (
        select(DecisionRecord.action, func.count())
        .join(Comment, Comment.id == DecisionRecord.comment_id)
        .where(author_filter(comment), DecisionRecord.actor != publishing.MACHINE)
        .where(DecisionRecord.action.in_(["approve", "reject", "remove"]))
        .group_by(DecisionRecord.action)
    )
    counts = dict(session.execute(query).tuples().all())
    return counts.get("approve", 0) - counts.get("reject", 0) - counts.get("remove", 0)


def _recent_count(session: Session, condition, since: timedelta, exclude: str) -> int:  # type: ignore[no-untyped-def]
    query = select(func.count()).where(
        condition, Comment.created_at >= utcnow() - since, Comment.id != exclude
    )
    return int(session.scalar(query) or 0)


def gather_context(
    session: Session, comment: Comment, article: Article, settings: Settings, fingerprint: str
) -> pipeline.Context:
    """Everything the pipeline needs to know beyond the text itself."""
    terms = site_terms(session)
    policy = {
        **settings.site_policy,
        **(article.policy or {}),
        "premoderation": article.premoderation,
    }
    by_author = comment.client_hash is not None or comment.author_email is not None
    return pipeline.Context(
        author_name=comment.author_name,
        honeypot=comment.honeypot,
        banned=is_banned(session, comment, settings.secret_key),
        author_trust=author_trust(session, comment),
        recent_duplicates=_recent_count(
            session, Comment.fingerprint == fingerprint, timedelta(hours=1), comment.id
        ),
        author_recent_count=(
            _recent_count(session, author_filter(comment), timedelta(minutes=10), comment.id)
            if by_author
            else 0
        ),
        blocked_terms=terms[TermList.BLOCKED],
        held_terms=terms[TermList.HELD],
        allowed_terms=terms[TermList.ALLOWED],
        settings=pipeline.PolicySettings.from_mapping(policy),
    )


def decide(session: Session, comment_id: str, settings: Settings) -> Outcome | None:
    """Run the pipeline over a pending comment and record the verdict; None if not pending."""
    comment = session.get(Comment, comment_id)
    if comment is None or comment.status != CommentStatus.PENDING:
        return None
    faults.check("moderate", comment.body)
    article = session.get(Article, comment.article_id)
    assert article is not None
    fingerprint = pipeline.fingerprint(comment.body)
    verdict = pipeline.moderate(
        comment.body, gather_context(session, comment, article, settings, fingerprint)
    )
    values = {
        "scores": verdict.scores,
        "reasons": list(verdict.reasons),
        "explanations": list(verdict.explanations),
        "matches": list(verdict.matches),
        "fingerprint": fingerprint,
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
