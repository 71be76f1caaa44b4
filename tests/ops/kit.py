"""What the ops tests share: tokens, a dedicated Redis and workers, metrics parsing."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import func, select

from services import tokens
from services.db import session_scope
from services.models import Comment, CommentStatus, DecisionRecord, Role
from services.publishing import MACHINE
from tests.conftest import worker_env
from tests.support.processes import ApiServer, WorkerProcess, temp_dir

QUEUES = "/api/v1/ops/queues"
DEAD_LETTERS = "/api/v1/ops/dead-letters"
_SAMPLE = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$")


def make_token(database_url: str, role: Role, name: str | None = None) -> str:
    """A new token of `role`, straight from the service."""
    with session_scope(database_url, write=True) as session:
        _, raw = tokens.create(session, name=name or f"ops-test-{role}", role=role)
    return raw


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def start_worker(database_url: str, redis_url: str, **env: str) -> WorkerProcess:
    """A worker process of our own on the given Redis, ready to consume."""
    proc = WorkerProcess(env=worker_env(database_url, redis_url, **env), concurrency=2)
    return proc.start().wait_ready(timeout=60)


def start_api(database_url: str, redis_url: str, **env: str) -> ApiServer:
    """gunicorn with two worker processes serving the app."""
    server = ApiServer(env=worker_env(database_url, redis_url, **env), workers=2)
    return server.start().wait_ready(timeout=60)


def metrics_dir() -> Path:
    """A fresh PROMETHEUS_MULTIPROC_DIR."""
    return temp_dir("metrics")


def samples(text: str) -> dict[str, float]:
    """Prometheus text as {"name{labels}": value}."""
    found = {}
    for line in text.splitlines():
        match = _SAMPLE.match(line)
        if match:
            found[match.group(1) + (match.group(2) or "")] = float(match.group(3))
    return found


def families(text: str) -> set[str]:
    """The metric names announced by # TYPE lines (counters with their _total)."""
    names = set()
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            name, kind = line.split()[2:4]
            names.add(name)
            if kind == "counter" and not name.endswith("_total"):
                names.add(name + "_total")
    return names


def scrape(client: FlaskClient) -> dict[str, float]:
    return samples(client.get("/metrics").get_data(as_text=True))


def http_get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def db_counts(database_url: str) -> dict[str, Any]:
    """What the database says: comments, pending ones, machine decisions by action."""
    with session_scope(database_url) as session:
        total = session.scalar(select(func.count()).select_from(Comment))
        pending = session.scalar(
            select(func.count()).where(Comment.status == CommentStatus.PENDING)
        )
        rows = session.execute(
            select(DecisionRecord.action, func.count())
            .where(DecisionRecord.actor == MACHINE)
            .group_by(DecisionRecord.action)
        )
        decisions = {action: count for action, count in rows}
        return {"comments": total, "pending": pending, "decisions": decisions}
