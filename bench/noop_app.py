"""Celery's own ceiling: a no-op task on an app with Gatehouse's broker and task settings.

    celery -A bench.noop_app worker -Q moderation --concurrency 2

It deliberately does not import workers.celery_app (whose signal handlers are Gatehouse's
own per-task cost); the settings below mirror workers.celery_app.make_celery.
"""

from __future__ import annotations

from celery import Celery
from kombu import Queue

from services.config import load_settings


def make_app(redis_url: str | None = None) -> Celery:
    """The no-op app for this broker (default: REDIS_URL)."""
    settings = load_settings()
    app = Celery("noop", broker=redis_url or settings.redis_url)
    app.conf.update(
        task_serializer="json",
        accept_content=["json"],
        result_backend=None,
        task_ignore_result=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_time_limit=settings.task_time_limit,
        task_soft_time_limit=max(1, settings.task_time_limit - 5),
        task_default_queue="moderation",
        task_queues=[Queue("moderation"), Queue("maintenance")],
        broker_connection_retry_on_startup=True,
        broker_transport_options={
            "visibility_timeout": settings.task_time_limit * 4,
            "socket_timeout": max(settings.redis_timeout, 2.0),
            "socket_connect_timeout": settings.redis_timeout,
            "retry_on_timeout": False,
        },
        timezone="UTC",
    )
    app.task(name="bench.noop")(noop)
    return app


def noop(comment_id: str, request_id: str | None = None) -> None:
    """Takes the same arguments as gatehouse.moderate and does nothing."""


app = make_app()
