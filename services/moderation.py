"""The machine's side of moderation: claim a pending comment, gather context, decide, record."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, case, func, or_, select, update
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


_TERMS = select(SiteTerm.list, SiteTerm.term).order_by(SiteTerm.term)


def site_terms(session: Session) -> dict[TermList, tuple[str, ...]]:
    """The site's word lists, read fresh so that changes apply to the next comment."""
    lists: dict[TermList, list[str]] = {kind: [] for kind in TermList}
    for kind, term in session.connection().execute(_TERMS):
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
        Article.policy,
        Article.premoderation,
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
    query = _CONTEXT[bool(comment.author_email)]
    return tuple(session.connection().execute(query, params).one())


def author_trust(session: Session, comment: Comment) -> int:
    """Moderator approvals minus rejections of this author's earlier comments."""
    return int(_context_row(session, comment, "", "")[3] or 0)


def gather_context(
    session: Session,
    comment: Comment,
    settings: Settings,
    fingerprint: str,
    terms: dict[TermList, tuple[str, ...]] | None = None,
    duplicates_alongside: int = 0,
) -> pipeline.Context:
    """Everything the pipeline needs beyond the text: two queries (word lists, the rest). A
    batch reads the word lists once, and counts its own undecided near-duplicates."""
    row = _context_row(session, comment, settings.secret_key, fingerprint)
    article_policy, premoderation, banned, trust, duplicates, recent = row
    duplicates = int(duplicates or 0) + duplicates_alongside
    terms = site_terms(session) if terms is None else terms
    policy = {**settings.site_policy, **(article_policy or {}), "premoderation": premoderation}
    return pipeline.Context(
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
    context = gather_context(session, comment, settings, fingerprint)
    return Assessment(comment.id, pipeline.moderate(comment.body, context), fingerprint)


@dataclass(frozen=True)
class Failure:
    """A comment of a batch whose assessment raised."""

    comment: Comment
    error: Exception


def assess_batch(
    session: Session, comments: list[Comment], settings: Settings
) -> tuple[list[Assessment], list[Failure]]:
    """Assess each comment of a batch in one read-only session; one comment's error is its own."""
    terms = site_terms(session)
    seen: dict[str, int] = {}
    assessments: list[Assessment] = []
    failures: list[Failure] = []
    for comment in comments:
        try:
            faults.check("moderate", comment.body)
            fingerprint = pipeline.fingerprint(comment.body)
            context = gather_context(
                session, comment, settings, fingerprint, terms, seen.get(fingerprint, 0)
            )
            verdict = pipeline.moderate(comment.body, context)
        except Exception as exc:  # kept with its comment, which is retried alone
            failures.append(Failure(comment, exc))
            continue
        seen[fingerprint] = seen.get(fingerprint, 0) + 1
        assessments.append(Assessment(comment.id, verdict, fingerprint))
    return assessments, failures


def record_batch(session: Session, assessments: list[Assessment]) -> list[Outcome]:
    """Apply each verdict whose comment is still pending, in the caller's one transaction."""
    outcomes = (record(session, assessment) for assessment in assessments)
    return [outcome for outcome in outcomes if outcome is not None]


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
    status = OUTCOME_STATUS[verdict.action]
    published = status == CommentStatus.PUBLISHED
    if published:
        values["published_body"] = verdict.published_body
    done = publishing.decide_pending(
        session,
        comment_id,
        to=status,
        action="publish" if published else str(verdict.action),
        reason="; ".join(verdict.explanations) or None,
        values=values,
    )
    if done is None:
        return None
    return Outcome(done, verdict.action, published)


def decide(session: Session, comment_id: str, settings: Settings) -> Outcome | None:
    """Assess and record a pending comment in one session; None if it is not pending."""
    comment = session.get(Comment, comment_id)
    if comment is None or comment.status != CommentStatus.PENDING:
        return None
    return record(session, assess(session, comment, settings))
