"""The Celery app, built from the shared settings; `celery -A workers.celery_app worker` runs it."""

from __future__ import annotations

from celery import Celery
from kombu import Queue

from services.config import Settings, load_settings
from workers import signals  # noqa: F401 - connects the logging, context and metrics handlers
from workers.heartbeat import Heartbeat
from workers.relay import Relay

MODERATION_QUEUE = "moderation"
MAINTENANCE_QUEUE = "maintenance"
QUEUES = (MODERATION_QUEUE, MAINTENANCE_QUEUE)


def make_celery(settings: Settings | None = None) -> Celery:
    """A Celery app with Gatehouse's one task policy."""
    settings = settings or load_settings()
    app = Celery("gatehouse", broker=settings.redis_url, include=["workers.tasks"])
    timeout = settings.redis_timeout
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
        task_default_queue=MODERATION_QUEUE,
        task_queues=[Queue(name) for name in QUEUES],
        task_routes={"gatehouse.resend_stale": {"queue": MAINTENANCE_QUEUE}},
        broker_connection_retry_on_startup=True,
        # redis://, on a transport that keeps the worker alive when Redis goes away mid-task
        broker_transport="workers.transport:Transport",
        broker_transport_options={
            # above the task time limit, so a running task is never handed out twice
            "visibility_timeout": settings.task_time_limit * 4,
            "socket_timeout": max(timeout, 2.0),
            "socket_connect_timeout": timeout,
            "retry_on_timeout": False,
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
        timezone="UTC",
    )
    app.steps["consumer"].add(Heartbeat)
    app.steps["consumer"].add(Relay)
    app.gatehouse_settings = settings
    return app


app = make_celery()
celery = app
