"""The Celery app, built from the shared settings; `celery -A workers.celery_app worker` runs it."""

from __future__ import annotations

from celery import Celery

from services.config import Settings, load_settings
from workers import signals  # noqa: F401 - connects the logging, context and metrics handlers
from workers.heartbeat import Heartbeat
from workers.policy import MAINTENANCE_QUEUE, MODERATION_QUEUE, QUEUES, task_policy
from workers.relay import Relay

__all__ = ["MAINTENANCE_QUEUE", "MODERATION_QUEUE", "QUEUES", "app", "celery", "make_celery"]


def make_celery(settings: Settings | None = None) -> Celery:
    """A Celery app with Gatehouse's one task policy."""
    settings = settings or load_settings()
    app = Celery("gatehouse", broker=settings.redis_url, include=["workers.tasks"])
    policy = task_policy(settings)
    app.conf.update(
        policy,
        task_routes={"gatehouse.resend_stale": {"queue": MAINTENANCE_QUEUE}},
        # redis://, on a transport that keeps the worker alive when Redis goes away mid-task
        broker_transport="workers.transport:Transport",
        broker_transport_options={
            **policy["broker_transport_options"],
            # look for messages a dead worker left unacked every 10 s (kombu's default is every
            # 10th sweep, ~100 s); each look is one ZRANGE
            "unacked_restore_throttle": 1,
        },
        worker_enable_soft_shutdown_on_idle=True,
        worker_soft_shutdown_timeout=10.0,
        beat_schedule={
            "resend-stale": {
                "task": "gatehouse.resend_stale",
                "schedule": max(5.0, settings.stale_after_seconds / 4),
            },
        },
    )
    app.steps["consumer"].add(Heartbeat)
    app.steps["consumer"].add(Relay)
    app.gatehouse_settings = settings
    return app


app = make_celery()
celery = app
