"""Gatehouse's one Celery task policy, apart from the app (importing workers.celery_app also
connects Gatehouse's signal handlers; the bench's no-op ceiling wants the policy without them)."""

from __future__ import annotations

from typing import Any

from kombu import Queue

from services.config import Settings

MODERATION_QUEUE = "moderation"
MAINTENANCE_QUEUE = "maintenance"
QUEUES = (MODERATION_QUEUE, MAINTENANCE_QUEUE)


def task_policy(settings: Settings) -> dict[str, Any]:
    """Serialisation, acknowledgement, prefetch, time limits, queues and broker timeouts."""
    timeout = settings.redis_timeout
    return {
        "task_serializer": "json",
        "accept_content": ["json"],
        "result_backend": None,
        "task_ignore_result": True,
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "task_time_limit": settings.task_time_limit,
        "task_soft_time_limit": max(1, settings.task_time_limit - 5),
        "task_default_queue": MODERATION_QUEUE,
        "task_queues": [Queue(name) for name in QUEUES],
        "broker_connection_retry_on_startup": True,
        "broker_transport_options": {
            # above the task time limit, so a running task is never handed out twice
            "visibility_timeout": settings.task_time_limit * 4,
            "socket_timeout": max(timeout, 2.0),
            "socket_connect_timeout": timeout,
            "retry_on_timeout": False,
        },
        "timezone": "UTC",
    }
