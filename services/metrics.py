"""Prometheus metrics: events counted where they happen, state gauged from Redis and the DB.

Counters and histograms live in the process that sees the event (a gunicorn worker, a Celery
pool process). With PROMETHEUS_MULTIPROC_DIR set, every process on a machine writes them to
that directory and one exposition sums them all: the API's /metrics on a machine that runs an
API, or a worker's own endpoint (WORKER_METRICS_PORT) on a machine with workers only.

Gauges of shared state (queue depths, the backlog, dead letters, live workers) are computed at
scrape time from Redis and the database, so they are right whichever machine is asked.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path

import redis
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import REGISTRY, GaugeMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4
from sqlalchemy.exc import SQLAlchemyError

from services import heartbeat, ops
from services.config import Settings
from services.db import session_scope
from services.redis_client import get_redis

log = logging.getLogger(__name__)

CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4
# the intake list (ids on their way to the relays), then the Celery queues
QUEUES = ("intake", "moderation", "maintenance")
DECISIONS = ("publish", "censor", "hold", "reject")
INTAKE_CODES = ("202", "400", "403", "404", "409", "413", "415", "422", "429", "500", "503")
TASKS = (
    "gatehouse.moderate_batch",
    "gatehouse.moderate",
    "gatehouse.resend_stale",
)


def multiproc_dir() -> str | None:
    """The directory every process of this machine writes its metrics to, if configured."""
    path = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if path:
        Path(path).mkdir(parents=True, exist_ok=True)
    return path or None


multiproc_dir()  # the directory must exist before the first metric below is made
disable_created_metrics()  # *_created series: noise here, and absent in multiprocess mode

RECEIVED = Counter("moderation_comments_received", "New comments saved by the intake.")
INTAKE = Counter(
    "moderation_intake_responses", "Answers to POST .../comments, by status code.", ["code"]
)
HTTP_SECONDS = Histogram(
    "gatehouse_http_request_seconds", "Time to answer an API request, by route.", ["endpoint"]
)
DECIDED = Counter("moderation_decisions", "The machine's decisions, by decision.", ["decision"])
REASONS = Counter(
    "moderation_decision_reasons", "Reasons named in the machine's decisions.", ["reason"]
)
DECISION_SECONDS = Histogram(
    "moderation_decision_seconds",
    "Time from a comment's submission to the machine's decision.",
    buckets=(0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600),
)
STAGE_SECONDS = Histogram(
    "moderation_stage_seconds",
    "Time spent in each moderation stage ('decide' is the whole pipeline and its writes).",
    ["stage"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
PUBLISHED = Counter(
    "moderation_published", "Comments put into a thread, by the machine or a moderator.", ["by"]
)
TASK_SECONDS = Histogram("gatehouse_task_seconds", "Run time of Celery tasks.", ["task"])
TASK_RETRIES = Counter("moderation_task_retries", "Task runs that asked to be retried.", ["task"])
TASK_FAILURES = Counter("moderation_task_failures", "Task runs that raised an error.", ["task"])
DEAD_LETTERED = Counter(
    "moderation_dead_lettered", "Comments kept as dead letters after their last attempt.", ["task"]
)
REPLAYED = Counter("moderation_dead_letters_replayed", "Dead letters sent back through the flow.")

# Series that exist before their first event, so rate() and alerts see a zero, not nothing.
for _code in INTAKE_CODES:
    INTAKE.labels(_code)
for _decision in DECISIONS:
    DECIDED.labels(_decision)
for _task in TASKS:
    TASK_RETRIES.labels(_task)
    TASK_FAILURES.labels(_task)
DEAD_LETTERED.labels("gatehouse.moderate")
for _by in ("machine", "moderator"):
    PUBLISHED.labels(_by)


def record_decision(decision: str, reasons: Iterable[str], waited_seconds: float | None) -> None:
    """Count one machine decision, its reasons, and how long the comment waited for it."""
    DECIDED.labels(decision).inc()
    for reason in reasons:
        REASONS.labels(str(reason)[:64]).inc()
    if waited_seconds is not None:
        DECISION_SECONDS.observe(max(0.0, waited_seconds))


class StateCollector:
    """Gauges read from Redis and the database at scrape time."""

    def __init__(self, settings: Settings, queues: tuple[str, ...] = QUEUES) -> None:
        self.settings, self.queues = settings, queues

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily(
            "gatehouse_dependency_up",
            "Whether /metrics could read a dependency.",
            labels=["dependency"],
        )
        redis_up = yield from self._from_redis()
        database_up = yield from self._from_database()
        up.add_metric(["redis"], redis_up)
        up.add_metric(["database"], database_up)
        yield up

    def _from_redis(self) -> Generator[Metric, None, int]:
        client = get_redis(self.settings.redis_url, self.settings.redis_timeout)
        try:
            depths = ops.queue_depths(client, self.queues)
            unacked = ops.unacked(client)
            workers = len(heartbeat.alive(client))
        except redis.RedisError as exc:
            log.warning("metrics: redis unavailable", extra={"error": str(exc)})
            return 0
        depth = GaugeMetricFamily(
            "moderation_queue_depth", "Messages waiting in each Celery queue.", labels=["queue"]
        )
        for name, value in depths.items():
            depth.add_metric([name], value)
        yield depth
        yield GaugeMetricFamily(
            "moderation_queue_unacked", "Messages handed to workers, not yet acknowledged.", unacked
        )
        yield GaugeMetricFamily("moderation_workers", "Workers with a live heartbeat.", workers)
        return 1

    def _from_database(self) -> Generator[Metric, None, int]:
        try:
            with session_scope(self.settings.database_url) as session:
                backlog = ops.backlog(session)
                dead = ops.open_dead_letters(session)
        except SQLAlchemyError as exc:
            log.warning("metrics: database unavailable", extra={"error": str(exc)})
            return 0
        yield GaugeMetricFamily(
            "moderation_pending_comments", "Comments awaiting the machine.", backlog.count
        )
        yield GaugeMetricFamily(
            "moderation_pending_oldest_age_seconds",
            "How long the oldest comment awaiting the machine has waited.",
            backlog.oldest_age_seconds,
        )
        yield GaugeMetricFamily("moderation_dead_letters", "Dead letters not yet replayed.", dead)
        return 1


class _ThisProcess:
    """The default registry, for a process without a multiprocess directory."""

    def collect(self) -> Iterable[Metric]:
        return REGISTRY.collect()


def event_registry() -> CollectorRegistry:
    """Counters and histograms: of every process on this machine, or of this one alone."""
    registry = CollectorRegistry()
    if multiproc_dir():
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_ThisProcess())
    return registry


def exposition(settings: Settings | None = None) -> bytes:
    """The text Prometheus scrapes: this machine's events, and (given settings) shared state."""
    registry = event_registry()
    if settings is not None:
        registry.register(StateCollector(settings))
    return generate_latest(registry)
