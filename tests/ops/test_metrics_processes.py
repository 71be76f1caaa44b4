"""Metrics and logs across real processes: gunicorn workers and Celery pool processes that
share one PROMETHEUS_MULTIPROC_DIR, and one request id through the API's and worker's logs."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from api import create_app
from services.models import Role
from tests.conftest import settings_for
from tests.ops.kit import (
    QUEUES,
    bearer,
    db_counts,
    http_get,
    make_token,
    metrics_dir,
    samples,
    start_api,
    start_worker,
)
from tests.support.processes import ROOT, ApiServer, RedisServer, free_port, wait_until

pytestmark = [pytest.mark.flow, pytest.mark.usefixtures("clean")]
ARTICLE = "budget-2027"


def post_comment(api: ApiServer, body: str, **fields: str) -> tuple[str, str]:
    """POST over HTTP; the new comment's id and the request id the API gave it."""
    payload = json.dumps({"author_name": "Ana", "body": body, **fields}).encode()
    request = urllib.request.Request(
        f"{api.url}/api/v1/articles/{ARTICLE}/comments", data=payload,
        headers={"Content-Type": "application/json", "Connection": "close"},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 202
        return json.loads(response.read())["id"], response.headers["X-Request-ID"]


def scrape(api: ApiServer) -> dict[str, float]:
    status, text = http_get(f"{api.url}/metrics")
    assert status == 200
    return samples(text)


def ops_view(api: ApiServer, token: str) -> dict[str, Any]:
    status, text = http_get(f"{api.url}{QUEUES}", bearer(token))
    assert status == 200, text
    return json.loads(text)  # type: ignore[no-any-return]


def test_counters_from_several_processes_add_up(database_url: str, own_redis: RedisServer) -> None:
    directory = metrics_dir()
    env = {"PROMETHEUS_MULTIPROC_DIR": str(directory), "PYTHONPATH": str(ROOT)}
    for amount in (3, 4):
        code = f"from services import metrics; metrics.RECEIVED.inc({amount})"
        subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=ROOT)
    with start_api(database_url, own_redis.url, PROMETHEUS_MULTIPROC_DIR=str(directory)) as api:
        assert scrape(api)["moderation_comments_received_total"] == 7
        post_comment(api, "One more, through a gunicorn worker.")
        assert scrape(api)["moderation_comments_received_total"] == 8


def test_a_backlog_of_100_rises_and_drains_and_the_numbers_agree_with_the_database(
    database_url: str, own_redis: RedisServer
) -> None:
    shared = {"PROMETHEUS_MULTIPROC_DIR": str(metrics_dir()), "COMMENT_RATE_LIMIT": "off"}
    token = make_token(database_url, Role.OPS)
    with start_api(database_url, own_redis.url, **shared) as api:
        for n in range(100):
            post_comment(api, f"Comment number {n} on the budget, politely put.")
        view, metrics = ops_view(api, token), scrape(api)
        # no worker runs, so no relay hands the ids on: they wait on the intake list
        assert view["queues"][:2] == [{"name": "intake", "depth": 100},
                                      {"name": "moderation", "depth": 0}]  # fmt: skip
        assert view["pending"]["count"] == 100 and view["workers"] == []
        assert metrics['moderation_queue_depth{queue="intake"}'] == 100
        assert metrics["moderation_pending_comments"] == 100
        assert metrics["moderation_comments_received_total"] == 100
        assert metrics['moderation_intake_responses_total{code="202"}'] == 100

        with start_worker(database_url, own_redis.url, **shared):
            wait_until(lambda: ops_view(api, token)["pending"]["count"] == 0, timeout=90)
            view, metrics = ops_view(api, token), scrape(api)
        counts = db_counts(database_url)
    assert [q["depth"] for q in view["queues"]] == [0, 0, 0]
    assert view["throughput"]["last_minute"]["decided"] == 100
    assert counts["comments"] == 100 and counts["pending"] == 0
    assert metrics['moderation_queue_depth{queue="moderation"}'] == 0
    assert metrics['moderation_queue_depth{queue="intake"}'] == 0
    assert metrics["moderation_pending_comments"] == 0
    assert metrics["moderation_decision_seconds_count"] == 100
    for decision in ("publish", "censor", "hold", "reject"):
        expected = counts["decisions"].get(decision, 0)
        assert metrics[f'moderation_decisions_total{{decision="{decision}"}}'] == expected
    assert sum(counts["decisions"].values()) == 100


def _json_lines(path: Path) -> list[dict[str, Any]]:
    lines = []
    for line in path.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            lines.append(json.loads(line))
    return lines


def test_one_request_id_shows_a_comment_s_whole_path_and_no_text_or_email(
    database_url: str, own_redis: RedisServer
) -> None:
    body, email = "Zanzibar-quoll remarks on the budget.", "quoll@example.org"
    with (
        start_api(database_url, own_redis.url) as api,
        start_worker(database_url, own_redis.url) as worker,
    ):
        comment_id, request_id = post_comment(api, body, author_email=email)
        wait_until(lambda: "comment moderated" in worker.log_text(), timeout=30)
    lines = _json_lines(api.log_path) + _json_lines(worker.log_path)
    path = [line for line in lines if line.get("request_id") == request_id]
    messages = [line["message"] for line in path]
    assert {"comment received", "comment moderated"} <= set(messages)
    assert all(line["comment_id"] == comment_id for line in path if "comment" in line["message"])
    decided = next(line for line in path if line["message"] == "comment moderated")
    assert decided["decision"] and decided["status"] != "pending"
    everything = api.log_text() + worker.log_text()
    assert body not in everything and email not in everything


def test_a_worker_without_an_api_serves_its_machine_s_counters(
    database_url: str, own_redis: RedisServer
) -> None:
    port = free_port()
    env = {"PROMETHEUS_MULTIPROC_DIR": str(metrics_dir()), "WORKER_METRICS_PORT": str(port)}
    client = create_app(settings_for(database_url, own_redis.url)).test_client()
    with start_worker(database_url, own_redis.url, **env):
        for n in range(3):
            client.post(f"/api/v1/articles/{ARTICLE}/comments",
                        json={"author_name": "Ana", "body": f"Fair enough, point {n}."})  # fmt: skip

        def decided() -> float:
            status, text = http_get(f"http://127.0.0.1:{port}/metrics")
            found = samples(text) if status == 200 else {}
            return sum(v for k, v in found.items() if k.startswith("moderation_decisions_total"))

        assert wait_until(lambda: decided() == 3, timeout=30)
