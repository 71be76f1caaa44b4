"""Two moderators decide the same comment at the same moment: one wins, the other gets 409."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from services.db import session_scope
from services.models import DecisionRecord, Role
from tests.conftest import worker_env
from tests.moderation.kit import Desk, make_token
from tests.support.processes import ApiServer, RedisServer

pytestmark = pytest.mark.postgres

ROUNDS = 6


@pytest.fixture(scope="module")
def server(database_url: str, redis_server: RedisServer) -> Iterator[ApiServer]:
    """gunicorn with two worker processes, so the two requests really run in parallel."""
    env = worker_env(database_url, redis_server.url, COMMENT_RATE_LIMIT="off")
    with ApiServer(env, workers=2) as api:
        yield api


def send(url: str, token: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def race(server: ApiServer, comment_id: str, calls: list[tuple[str, dict[str, Any]]]) -> list[Any]:
    """Fire the calls at once, released together by a barrier."""
    url = f"{server.url}/api/v1/moderation/comments/{comment_id}/decision"
    barrier = threading.Barrier(len(calls))

    def go(call: tuple[str, dict[str, Any]]) -> tuple[int, dict[str, Any]]:
        barrier.wait(timeout=10)
        return send(url, *call)

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(go, calls))


def human_decisions(desk: Desk, comment_id: str) -> list[tuple[str, str]]:
    with session_scope(desk.url) as session:
        rows = session.query(DecisionRecord).filter(
            DecisionRecord.comment_id == comment_id, DecisionRecord.actor != "machine"
        )
        return [(r.actor, r.action) for r in rows]


def test_two_approvals_at_once_one_wins(server: ApiServer, desk: Desk) -> None:
    second = make_token(desk.url, Role.MODERATOR, "max")
    for _ in range(ROUNDS):
        comment_id = desk.comment()
        results = race(server, comment_id, [(desk.tokens[Role.MODERATOR], {"action": "approve"}),
                                           (second, {"action": "approve"})])  # fmt: skip
        assert sorted(status for status, _ in results) == [200, 409]
        loser = next(body for status, body in results if status == 409)
        assert loser["status"] == "published"
        assert loser["error"]["current_status"] == "published"
        assert len(human_decisions(desk, comment_id)) == 1
        assert desk.thread_ids().count(comment_id) == 1


def test_approve_against_reject_the_state_is_the_winners(server: ApiServer, desk: Desk) -> None:
    second = make_token(desk.url, Role.MODERATOR, "max")
    for _ in range(ROUNDS):
        comment_id = desk.comment()
        results = race(server, comment_id, [(desk.tokens[Role.MODERATOR], {"action": "approve"}),
                                           (second, {"action": "reject"})])  # fmt: skip
        statuses = sorted(status for status, _ in results)
        assert statuses == [200, 409]
        winner = next(body for status, body in results if status == 200)
        assert desk.status(comment_id) == winner["status"]
        [(actor, action)] = human_decisions(desk, comment_id)
        assert (actor, action) == (
            ("mia", "approve") if winner["status"] == "published" else ("max", "reject")
        )
        assert len(desk.audit(comment_id=comment_id)) == 1
