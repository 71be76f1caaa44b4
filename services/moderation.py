"""The machine's side of moderation: gather context, decide, record. Claiming a pending comment
and dead-lettering one that fails for good are services/attempts.py's, re-exported here."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from services import batch_context, batch_facts, faults, pipeline, publishing
from services.attempts import (
    Claimed,
    claim,
    claim_batch,
    dead_letter,
    describe_error,
    is_dead_lettered,
)
from services.config import Settings
from services.models import Comment, CommentStatus, SiteTerm, TermList, utcnow

__all__ = [
    "Assessment",
    "Claimed",
    "Failure",
    "Outcome",
    "assess",
    "assess_batch",
    "author_trust",
    "claim",
    "claim_batch",
    "dead_letter",
    "describe_error",
    "is_dead_lettered",
    "record",
    "record_batch",
    "site_terms",
]

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


_TERMS = select(SiteTerm.list, SiteTerm.term).order_by(SiteTerm.term)


def site_terms(session: Session) -> dict[TermList, tuple[str, ...]]:
    """The site's word lists, read fresh so that changes apply to the next comment."""
    lists: dict[TermList, list[str]] = {kind: [] for kind in TermList}
    for kind, term in session.connection().execute(_TERMS):
        lists[TermList(kind)].append(term)
    return {kind: tuple(terms) for kind, terms in lists.items()}


def author_trust(session: Session, comment: Comment) -> int:
    """Moderator approvals minus rejections of this author's earlier comments."""
    facts = batch_context.gather(session, [comment], "", ())
    key = (batch_facts.author_column(comment), batch_facts.author_key(comment) or "")
    return facts.trust.get(key, 0)


@dataclass(frozen=True)
class Assessment:
    """The pipeline's verdict on one comment, not yet recorded."""

    comment: Comment  # the pending snapshot it was made on
    verdict: pipeline.Verdict
    fingerprint: str

    @property
    def comment_id(self) -> str:
        return self.comment.id


@dataclass(frozen=True)
class Failure:
    """A comment of a batch whose assessment raised."""

    comment: Comment
    error: Exception


def assess_batch(
    session: Session, comments: list[Comment], settings: Settings
) -> tuple[list[Assessment], list[Failure]]:
    """Gather the batch's context (a few queries for all of it) and run the pipeline on each
    comment; reads only, so no write lock is held meanwhile. One comment's error is its own."""
    failures: list[Failure] = []
    prepared: list[tuple[Comment, str]] = []
    for comment in comments:
        try:
            faults.check("moderate", comment.body)
            prepared.append((comment, pipeline.fingerprint(comment.body)))
        except Exception as exc:  # kept with its comment, which is retried alone
            failures.append(Failure(comment, exc))
    if not prepared:
        return [], failures
    terms = site_terms(session)
    facts = batch_context.gather(
        session, [c for c, _ in prepared], settings.secret_key, (f for _, f in prepared)
    )
    site_policy = dict(settings.site_policy)
    seen: dict[str, int] = {}
    assessments: list[Assessment] = []
    for comment, fingerprint in prepared:
        try:
            context = facts.context(
                comment,
                secret=settings.secret_key,
                site_policy=site_policy,
                terms=terms,
                fingerprint=fingerprint,
                alongside=seen.get(fingerprint, 0),
            )
            verdict = pipeline.moderate(comment.body, context)
        except Exception as exc:
            failures.append(Failure(comment, exc))
            continue
        seen[fingerprint] = seen.get(fingerprint, 0) + 1
        assessments.append(Assessment(comment, verdict, fingerprint))
    return assessments, failures


def assess(session: Session, comment: Comment, settings: Settings) -> Assessment:
    """Assess one comment; raises what its assessment raised."""
    assessments, failures = assess_batch(session, [comment], settings)
    if failures:
        raise failures[0].error
    return assessments[0]


def _decision(assessment: Assessment) -> publishing.Decision:
    verdict = assessment.verdict
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
    return publishing.Decision(
        comment=assessment.comment,
        to=status,
        action="publish" if published else str(verdict.action),
        reason="; ".join(verdict.explanations) or None,
        values=values,
    )


def record_batch(session: Session, assessments: list[Assessment]) -> list[Outcome]:
    """Apply each verdict whose comment is still pending, in the caller's one transaction; the
    comments decided meanwhile (by a moderator, by another delivery) are left as they are."""
    actions = {a.comment_id: a.verdict.action for a in assessments}
    decided = publishing.decide_pending(session, [_decision(a) for a in assessments])
    return [Outcome(c, actions[c.id], c.status == CommentStatus.PUBLISHED) for c in decided]


def record(session: Session, assessment: Assessment) -> Outcome | None:
    """Apply one verdict if the comment is still pending; None if not."""
    outcomes = record_batch(session, [assessment])
    return outcomes[0] if outcomes else None
