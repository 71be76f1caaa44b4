"""Ops on real parts: a Redis of the test's own, and workers it starts and stops itself."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from api import create_app
from services.db import session_scope
from services.models import Comment, Role
from tests.conftest import settings_for
from tests.helpers import eventually, post
from tests.ops.kit import DEAD_LETTERS, QUEUES, bearer, scrape, start_worker
from tests.support.processes import RedisServer

pytestmark = pytest.mark.flow


def ops_client(database_url: str, redis: RedisServer) -> FlaskClient:
    config = {**settings_for(database_url, redis.url), "READINESS_CACHE_SECONDS": 0}
    return create_app(config).test_client()


def queues(client: FlaskClient, token: str) -> dict[str, Any]:
    response = client.get(QUEUES, headers=bearer(token))
    assert response.status_code == 200
    return response.get_json()  # type: ignore[no-any-return]


def depth(view: dict[str, Any], name: str = "moderation") -> int:
    return next(q["depth"] for q in view["queues"] if q["name"] == name)


def status_of(client: FlaskClient, comment_id: str) -> str:
    return str(client.get(f"/api/v1/comments/{comment_id}").get_json()["status"])


def test_queue_depth_rises_while_no_worker_runs_and_falls_when_one_starts(
    database_url: str, own_redis: RedisServer, tokens: dict[Role, str]
) -> None:
    client, token = ops_client(database_url, own_redis), tokens[Role.OPS]
    ids = [post(client, body=f"Fair point number {n}.").get_json()["id"] for n in range(10)]
    view = queues(client, token)
    # with no worker, no relay hands the ids on to the moderation queue
    assert depth(view, "intake") == 10 and depth(view) == 0 and depth(view, "maintenance") == 0
    assert view["workers"] == [] and view["pending"]["count"] == 10
    assert scrape(client)['moderation_queue_depth{queue="intake"}'] == 10

    with start_worker(database_url, own_redis.url) as worker:
        eventually(lambda: depth(queues(client, token), "intake") == 0, timeout=30)
        eventually(lambda: depth(queues(client, token)) == 0, timeout=30)
        eventually(lambda: all(status_of(client, i) != "pending" for i in ids), timeout=30)
        view = queues(client, token)
        assert [w["name"] for w in view["workers"]] == [worker.nodename]
        assert view["workers"][0]["queues"] == ["maintenance", "moderation"]
        assert view["pending"] == {"count": 0, "oldest_age_seconds": 0.0}
        assert view["throughput"]["last_minute"]["decided"] == 10


def test_readiness_turns_503_when_redis_stops_and_200_when_it_is_back(
    database_url: str, own_redis: RedisServer, tokens: dict[Role, str]
) -> None:
    client = ops_client(database_url, own_redis)
    assert client.get("/readyz").get_json()["checks"]["workers"] == "none"
    with start_worker(database_url, own_redis.url):
        eventually(lambda: client.get("/readyz").status_code == 200)
        own_redis.stop()
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.get_json() == {
            "status": "unavailable",
            "checks": {"database": "ok", "redis": "unavailable", "workers": "none"},
        }
        assert queues(client, tokens[Role.OPS])["unavailable"] == ["redis"]
        own_redis.restart(wipe=True)  # an empty Redis: only a new heartbeat makes it ready
        eventually(lambda: client.get("/readyz").status_code == 200, timeout=60)
        comment_id = post(client).get_json()["id"]
        eventually(lambda: status_of(client, comment_id) == "published", timeout=60)


def test_a_comment_that_always_fails_is_kept_and_replays_once_the_fault_is_gone(
    database_url: str, own_redis: RedisServer, tokens: dict[Role, str]
) -> None:
    client, ops = ops_client(database_url, own_redis), bearer(tokens[Role.OPS])
    fault = {"GATEHOUSE_FAULT_INJECT": "moderate:KABOOM", "MAX_ATTEMPTS": "3"}
    with start_worker(database_url, own_redis.url, **fault):
        comment_id = post(client, body="This one goes KABOOM in the pipeline.").get_json()["id"]
        fine = post(client, body="This one is perfectly fine.").get_json()["id"]
        items = eventually(lambda: client.get(DEAD_LETTERS, headers=ops).get_json()["items"])
        eventually(lambda: status_of(client, fine) == "published")
    [letter] = items
    assert letter["comment_id"] == comment_id and letter["attempts"] == 3
    assert "InjectedFault" in letter["error"]
    assert status_of(client, comment_id) == "pending"
    view = queues(client, ops["Authorization"].split()[1])
    assert view["dead_letters"] == 1 and view["pending"]["count"] == 0
    assert scrape(client)["moderation_dead_letters"] == 1

    with start_worker(database_url, own_redis.url):
        response = client.post(f"{DEAD_LETTERS}/{letter['id']}/replay", headers=ops)
        assert response.status_code == 202 and response.get_json()["queued"] is True
        eventually(lambda: status_of(client, comment_id) == "published", timeout=30)
    with session_scope(database_url) as session:
        # a fresh set: 1, or 2 when a copy of the last failed delivery was restored at shutdown
        assert session.get(Comment, comment_id).attempts in (1, 2)
    assert client.get(DEAD_LETTERS, headers=ops).get_json()["items"] == []
    assert scrape(client)["moderation_dead_letters"] == 0
