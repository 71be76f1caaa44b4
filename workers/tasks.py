"""Thin tasks: take ids, re-read state, call services, persist, hand on."""

from __future__ import annotations

import logging
import random
import time

from celery import shared_task
from celery.app.task import Task
from sqlalchemy.orm import Session

from services import events, metrics, moderation, stale
from services.config import Settings, load_settings
from services.db import session_scope
from workers.celery_app import MODERATION_QUEUE

log = logging.getLogger(__name__)


def _settings(task: Task) -> Settings:
    settings = getattr(task.app, "gatehouse_settings", None)
    return settings if isinstance(settings, Settings) else load_settings()


def _backoff(attempt: int) -> float:
    """Exponential backoff with full jitter, capped at a minute."""
    return random.uniform(0, min(60.0, 2.0**attempt))


@shared_task(bind=True, name="gatehouse.moderate", max_retries=None)
def moderate(self: Task, comment_id: str, request_id: str | None = None) -> None:
    """Decide one pending comment; a second delivery finds it decided and does nothing."""
    settings = _settings(self)
    url = settings.database_url
    with session_scope(url, write=True) as session:
        comment = moderation.claim(session, comment_id)
        attempts = comment.attempts if comment is not None else None
        if attempts is not None and attempts > settings.max_attempts:
            _dead_letter(session, self, comment_id, "attempts exhausted", attempts - 1)
    if comment is None or attempts is None or attempts > settings.max_attempts:
        reason = "not pending" if attempts is None else "attempts exhausted"
        log.info("moderation skipped", extra={"comment_id": comment_id, "reason": reason})
        return
    log.info("moderation started", extra={"comment_id": comment_id, "attempt": attempts})
    started = time.perf_counter()
    try:
        # the pipeline runs in a read-only session: no write lock is held meanwhile
        with session_scope(url) as session:
            assessment = moderation.assess(session, comment, settings)
        with session_scope(url, write=True) as session:
            outcome = moderation.record(session, assessment)
    except Exception as exc:
        _fail(self, exc, comment_id=comment_id, attempts=attempts, settings=settings)
        return
    metrics.STAGE_SECONDS.labels("decide").observe(time.perf_counter() - started)
    if outcome is None:
        log.info(
            "moderation skipped", extra={"comment_id": comment_id, "reason": "decided meanwhile"}
        )
        return
    if outcome.published:
        events.announce(settings.redis_url, events.PUBLISHED, outcome.comment)
    _decided(outcome, request_id)


@shared_task(bind=True, name="gatehouse.moderate_batch", ignore_result=True)
def moderate_batch(self: Task, comment_ids: list[str]) -> None:
    """Decide a batch of pending comments (as the relay gathered them) with one claim, one read
    session and one commit. Anything out of the ordinary leaves the batch for a task of its own:
    a comment tried before (a batch that died with its process, a retry), and a comment whose
    assessment raised. A second delivery finds the batch claimed and sends each on alone."""
    settings = _settings(self)
    url = settings.database_url
    with session_scope(url, write=True) as session:
        claimed = moderation.claim_batch(session, comment_ids)
    taken = {c.id for c in claimed.fresh} | set(claimed.retried)
    for comment_id in dict.fromkeys(i for i in comment_ids if i not in taken):
        log.info("moderation skipped", extra={"comment_id": comment_id, "reason": "not pending"})
    for comment_id in claimed.retried:
        moderate.apply_async((comment_id,), queue=MODERATION_QUEUE)
    if not claimed.fresh:
        return
    started = time.perf_counter()
    with session_scope(url) as session:
        assessments, failures = moderation.assess_batch(session, claimed.fresh, settings)
    outcomes: list[moderation.Outcome] = []
    try:
        with session_scope(url, write=True) as session:
            outcomes = moderation.record_batch(session, assessments)
    except Exception as exc:  # nothing of the batch was recorded: each is tried again alone
        failures.extend(moderation.Failure(a.comment, exc) for a in assessments)
    elapsed = time.perf_counter() - started
    for _ in outcomes:
        metrics.STAGE_SECONDS.labels("decide").observe(elapsed / len(outcomes))
    published = [o.comment for o in outcomes if o.published]
    events.announce_many(settings.redis_url, events.PUBLISHED, published)
    for outcome in outcomes:
        _decided(outcome, None)
    for failure in failures:  # later, each in a task of its own (or a dead letter)
        comment = failure.comment
        _fail(moderate, failure.error, comment_id=comment.id, attempts=comment.attempts,
              settings=settings, alone=True)  # fmt: skip


def _decided(outcome: moderation.Outcome, request_id: str | None) -> None:
    """Count and log one machine decision."""
    comment = outcome.comment
    waited = (
        (comment.decided_at - comment.created_at).total_seconds() if comment.decided_at else None
    )
    metrics.record_decision(str(outcome.action), comment.reasons or (), waited)
    if outcome.published:
        metrics.PUBLISHED.labels("machine").inc()
    fields = {
        "comment_id": comment.id,
        "request_id": request_id or comment.request_id,
        "decision": str(outcome.action),
        "status": str(comment.status),
        "reasons": list(comment.reasons or ()),
        "waited_seconds": round(waited, 3) if waited is not None else None,
    }
    log.info("comment moderated", extra=fields)


def _dead_letter(session: Session, task: Task, comment_id: str, error: str, attempts: int) -> None:
    """Keep the comment as a dead letter (once), and count it."""
    if moderation.dead_letter(session, comment_id, task=task.name, error=error, attempts=attempts):
        metrics.DEAD_LETTERED.labels(task.name).inc()
        log.error("comment dead-lettered", extra={"comment_id": comment_id, "attempts": attempts})


def _fail(
    task: Task,
    exc: BaseException,
    *,
    comment_id: str,
    attempts: int,
    settings: Settings,
    alone: bool = False,
) -> None:
    """Retry with backoff while attempts remain (the task again; with `alone`, a batch's comment
    in a `moderate` task of its own); then keep the comment as a dead letter."""
    if attempts < settings.max_attempts:
        log.warning(
            "moderation failed, will retry",
            exc_info=exc,
            extra={"comment_id": comment_id, "attempt": attempts},
        )
        if alone:
            moderate.apply_async(
                (comment_id,), countdown=_backoff(attempts), queue=MODERATION_QUEUE
            )
            return
        raise task.retry(exc=exc, countdown=_backoff(attempts))
    log.error(
        "moderation failed for good",
        exc_info=exc,
        extra={"comment_id": comment_id, "attempt": attempts},
    )
    with session_scope(settings.database_url, write=True) as session:
        _dead_letter(session, task, comment_id, moderation.describe_error(exc), attempts)


@shared_task(bind=True, name="gatehouse.resend_stale", ignore_result=True)
def resend_stale(self: Task) -> int:
    """Send again the pending comments that have waited too long (lost messages, wiped Redis)."""
    settings = _settings(self)
    ids = stale.claim_stale(settings, queue_depth=stale.queue_depth(settings.redis_url))
    for comment_id in ids:
        moderate.apply_async((comment_id,), queue=MODERATION_QUEUE)
    if ids:
        log.warning("re-sent stale comments", extra={"count": len(ids)})
    return len(ids)
