"""Celery signal handlers: JSON logs, each task's context on its log lines, task metrics,
and (with WORKER_METRICS_PORT) this machine's metrics served by the worker itself."""

from __future__ import annotations

import logging
import os
import time
from contextvars import Token
from typing import Any

from celery import signals
from prometheus_client import start_http_server

from services import logs, metrics
from services.config import load_settings

log = logging.getLogger(__name__)

METRICS_PORT = "WORKER_METRICS_PORT"
# the tasks whose first argument is a comment id (and, for moderate, the second a request id)
COMMENT_TASKS = frozenset({"gatehouse.moderate"})
_running: dict[str, tuple[Token[Any], float]] = {}


@signals.setup_logging.connect
def setup_logging(loglevel: int | None = None, **_: Any) -> None:
    """Configure logging ourselves (Celery then leaves it alone): JSON lines unless JSON_LOGS=0."""
    settings = load_settings()
    logs.configure(loglevel or settings.log_level, json_lines=settings.json_logs)


def _context(name: str, task_id: str, args: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {"task": name, "task_id": task_id}
    args = list(args or ())
    if name in COMMENT_TASKS and args:
        fields["comment_id"] = args[0]
    if name == "gatehouse.moderate" and len(args) > 1:
        fields["request_id"] = args[1]
    return fields


@signals.task_prerun.connect
def task_prerun(task_id: str, task: Any, args: Any = None, **_: Any) -> None:
    """Bind the task, its comment and its request to every line the task logs."""
    token = logs.bind(**_context(task.name, task_id, args))
    _running[task_id] = (token, time.perf_counter())


@signals.task_postrun.connect
def task_postrun(task_id: str, task: Any, **_: Any) -> None:
    """Time the task and drop its log context."""
    token, started = _running.pop(task_id, (None, None))
    if started is not None:
        metrics.TASK_SECONDS.labels(task.name).observe(time.perf_counter() - started)
    if token is not None:
        logs.unbind(token)


@signals.task_retry.connect
def task_retry(sender: Any = None, **_: Any) -> None:
    """Count a run that asked to be retried."""
    metrics.TASK_RETRIES.labels(getattr(sender, "name", "unknown")).inc()


@signals.task_failure.connect
def task_failure(sender: Any = None, **_: Any) -> None:
    """Count a run that raised."""
    metrics.TASK_FAILURES.labels(getattr(sender, "name", "unknown")).inc()


@signals.worker_ready.connect
def serve_metrics(**_: Any) -> None:
    """With WORKER_METRICS_PORT, serve this machine's metrics (for machines without an API)."""
    port = os.environ.get(METRICS_PORT)
    if not port:
        return
    if not metrics.multiproc_dir():
        log.warning("WORKER_METRICS_PORT without PROMETHEUS_MULTIPROC_DIR: pool processes' "
                    "metrics are not visible")  # fmt: skip
    start_http_server(int(port), registry=metrics.event_registry())
    log.info("serving worker metrics", extra={"port": int(port)})
