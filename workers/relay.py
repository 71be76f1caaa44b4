"""A consumer bootstep that hands saved comments from the intake list to the moderation queue.

The API only pushes a comment's id onto the intake list (services/inbox.py). This relay, one
per worker, takes the ids out and sends them on as `gatehouse.moderate_batch` tasks. It sends
only while few tasks wait in the moderation queue, so a quiet site gets each comment handed on
at once, on its own, and a busy one gets batches that grow with the backlog: a task's fixed
cost (one message, one claim, one commit) is paid once per batch instead of once per comment.

Like the heartbeat, it runs only while the consumer is connected to the broker.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from typing import Any

import redis
from celery import Celery
from kombu.exceptions import OperationalError as KombuOperationalError

from services import inbox
from services.config import Settings
from services.redis_client import pubsub_client
from workers.background import ThreadStep
from workers.policy import MODERATION_QUEUE

log = logging.getLogger(__name__)

BATCH_TASK = "gatehouse.moderate_batch"
WAIT = 1.0  # seconds a relay blocks on an empty intake list before it looks again
BUSY_PAUSE = 0.02  # seconds between looks at a moderation queue that has enough waiting
ERROR_PAUSE = 1.0  # seconds after Redis failed
FAILURES = (redis.RedisError, KombuOperationalError, OSError)


_senders: dict[str, Celery] = {}


def sender(settings: Settings) -> Celery:
    """A Celery app of the relays' own, one per broker URL and process (kept across the
    consumer's restarts), whose connections stay apart from the consumer's; it gives up at
    once when Redis fails (the ids go back to the intake list)."""
    from workers.celery_app import make_celery

    app = _senders.get(settings.redis_url)
    if app is None:
        app = make_celery(settings)
        options = {**app.conf.broker_transport_options, "max_retries": 0}
        app.conf.broker_transport_options = options
        app = _senders.setdefault(settings.redis_url, app)
    return app


def relay_once(client: redis.Redis, sender: Celery, settings: Settings, queue: str) -> int | None:
    """Hand on one batch if the moderation queue has room: the number of ids sent, None if the
    queue was full. Ids that could not be sent go back to the intake list."""
    if int(client.llen(queue)) >= max(1, settings.relay_queue_target):  # type: ignore[arg-type]
        return None
    ids = inbox.take(client, max(1, settings.batch_size), WAIT)
    if not ids:
        return 0
    try:
        sender.send_task(BATCH_TASK, (ids,), queue=queue, retry=False)
    except FAILURES:
        with contextlib.suppress(redis.RedisError):  # else the re-sender finds them
            inbox.push_back(client, ids)
        raise
    return len(ids)


class Relay(ThreadStep):
    """Move ids from the intake list into batch tasks while this worker consumes."""

    thread_name = "gatehouse-relay"
    join_seconds = WAIT + 2

    def wanted(self, consumer: Any) -> bool:
        queues = getattr(consumer.task_consumer, "queues", None) or []
        return MODERATION_QUEUE in {q.name for q in queues}  # not a maintenance-only worker

    def loop(self, consumer: Any, stop: threading.Event) -> None:
        settings: Settings = consumer.app.gatehouse_settings
        client = pubsub_client(settings.redis_url, read_timeout=WAIT + settings.redis_timeout + 1)
        app = sender(settings)
        while not stop.is_set():
            try:
                sent = relay_once(client, app, settings, MODERATION_QUEUE)
            except FAILURES as exc:
                log.warning("relay paused", extra={"error": str(exc)})
                stop.wait(ERROR_PAUSE)
                continue
            if sent is None:
                stop.wait(BUSY_PAUSE)
