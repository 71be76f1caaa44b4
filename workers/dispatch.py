"""Sending tasks from the API: never blocks a reader's answer for long when Redis is away."""

from __future__ import annotations

import logging
from typing import Any

from celery import Celery
from kombu.exceptions import OperationalError as KombuOperationalError
from redis import RedisError

from services.breaker import Breaker
from services.config import Settings
from workers.celery_app import MODERATION_QUEUE, make_celery

log = logging.getLogger(__name__)


breaker = Breaker()
_senders: dict[str, Celery] = {}


def sender(settings: Settings) -> Celery:
    """A Celery app used only to send, one per broker URL."""
    app = _senders.get(settings.redis_url)
    if app is None:
        app = make_celery(settings)
        # a sender gives up at once: the comment is saved, and the beat re-sends it
        options = {**app.conf.broker_transport_options, "max_retries": 0}
        app.conf.broker_transport_options = options
        app = _senders.setdefault(settings.redis_url, app)
    return app


def _send(settings: Settings, name: str, args: tuple[Any, ...], comment_id: str) -> bool:
    if not breaker.allows():
        return False
    try:
        sender(settings).send_task(name, args, queue=MODERATION_QUEUE, retry=False)
    except (KombuOperationalError, RedisError, OSError) as exc:
        breaker.trip()
        log.warning(
            "queue unavailable, left for re-send",
            extra={"comment_id": comment_id, "task": name, "error": str(exc)},
        )
        return False
    return True


def send_moderation(settings: Settings, comment_id: str, request_id: str | None = None) -> bool:
    """Queue a saved comment for moderation; False when it was left for the re-sender."""
    return _send(settings, "gatehouse.moderate", (comment_id, request_id), comment_id)
