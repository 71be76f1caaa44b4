"""Celery's own ceiling: a no-op task on an app with Gatehouse's broker and task settings.

    celery -A bench.noop_app worker -Q moderation --concurrency 2

It deliberately does not import workers.celery_app (whose signal handlers are Gatehouse's
own per-task cost); it takes the same task policy from workers.policy.
"""

from __future__ import annotations

from celery import Celery

from services.config import load_settings
from workers.policy import task_policy


def make_app(redis_url: str | None = None) -> Celery:
    """The no-op app for this broker (default: REDIS_URL)."""
    settings = load_settings()
    app = Celery("noop", broker=redis_url or settings.redis_url)
    app.conf.update(task_policy(settings))
    app.task(name="bench.noop")(noop)
    return app


def noop(comment_id: str, request_id: str | None = None) -> None:
    """Takes the same arguments as gatehouse.moderate and does nothing."""


app = make_app()
