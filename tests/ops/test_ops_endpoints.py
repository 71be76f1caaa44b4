"""Every ops endpoint in-process: health, readiness, metrics, the queues view, dead letters."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from api import create_app
from services.db import session_scope
from services.models import AuditEntry, Comment, DeadLetter, Role
from tests.conftest import settings_for
from tests.helpers import eventually, post
from tests.ops.kit import DEAD_LETTERS, QUEUES, bearer, families, scrape

CONTRACT_METRICS = (
    "moderation_comments_received_total",
    "moderation_decisions_total",
    "moderation_queue_depth",
    "moderation_pending_oldest_age_seconds",
    "moderation_dead_letters",
    "moderation_decision_seconds",
)


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never answers: a hanging Redis."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield sock.getsockname()[1]


def test_healthz(client: FlaskClient) -> None:
    assert client.get("/healthz").get_json() == {"status": "ok"}


@pytest.mark.flow
@pytest.mark.usefixtures("worker")
def test_readyz_is_200_when_database_redis_and_a_worker_answer(app: Flask) -> None:
    client = create_app({**settings_for(*_urls(app)), "READINESS_CACHE_SECONDS": 0}).test_client()
    response = eventually(lambda: (r := client.get("/readyz")).status_code == 200 and r)
    assert response.get_json() == {
        "status": "ok",
        "checks": {"database": "ok", "redis": "ok", "workers": "ok"},
    }


def test_readyz_answers_within_a_second_when_redis_hangs(
    database_url: str, silent_port: int, clean: None
) -> None:
    app = create_app(settings_for(database_url, f"redis://127.0.0.1:{silent_port}/0"))
    started = time.monotonic()
    response = app.test_client().get("/readyz")
    assert time.monotonic() - started < 1.0
    assert response.status_code == 503
    assert response.get_json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "redis": "timeout", "workers": "none"},
    }


def test_readyz_names_a_missing_database(app: Flask, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path}/missing/dir/x.db"
    client = create_app(settings_for(url, _urls(app)[1])).test_client()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["database"] == "unavailable"


def test_metrics_text_names_the_contract_metrics(client: FlaskClient) -> None:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.content_type.startswith("text/plain; version=0.0.4")
    text = response.get_data(as_text=True)
    assert set(CONTRACT_METRICS) <= families(text)
    assert 'moderation_queue_depth{queue="moderation"}' in text
    assert 'moderation_decisions_total{decision="publish"}' in text
    assert 'gatehouse_dependency_up{dependency="redis"} 1.0' in text


def test_intake_answers_are_counted_by_status_code(client: FlaskClient) -> None:
    before = scrape(client)
    assert post(client).status_code == 202
    assert post(client, author_name="").status_code == 422
    client.options("/api/v1/articles/a1/comments", headers={"Origin": "https://example.org"})
    after = scrape(client)

    def delta(name: str) -> float:
        return after.get(name, 0.0) - before.get(name, 0.0)

    assert delta("moderation_comments_received_total") == 1
    assert delta('moderation_intake_responses_total{code="202"}') == 1
    assert delta('moderation_intake_responses_total{code="422"}') == 1
    assert delta('moderation_intake_responses_total{code="200"}') == 0  # a preflight is no answer


def test_the_request_id_comes_back_and_is_kept_with_the_comment(client: FlaskClient) -> None:
    response = post(client, headers={"X-Request-ID": "trace-123"})
    assert response.headers["X-Request-ID"] == "trace-123"
    url = client.application.extensions["gatehouse"].database_url
    with session_scope(url) as session:
        assert session.get(Comment, response.get_json()["id"]).request_id == "trace-123"


@pytest.mark.parametrize("path", [QUEUES, DEAD_LETTERS])
def test_ops_views_need_an_ops_or_admin_token(
    client: FlaskClient, tokens: dict[Role, str], path: str
) -> None:
    assert client.get(path).status_code == 401
    assert client.get(path, headers=bearer(tokens[Role.MODERATOR])).status_code == 403
    for role in (Role.OPS, Role.ADMIN):
        assert client.get(path, headers=bearer(tokens[role])).status_code == 200
    replay = f"{DEAD_LETTERS}/1/replay"
    assert client.post(replay).status_code == 401
    assert client.post(replay, headers=bearer(tokens[Role.MODERATOR])).status_code == 403


def test_queues_view_has_every_queue_the_backlog_and_throughput(
    client: FlaskClient, tokens: dict[Role, str]
) -> None:
    post(client)
    body = client.get(QUEUES, headers=bearer(tokens[Role.OPS])).get_json()
    assert [q["name"] for q in body["queues"]] == ["intake", "moderation", "maintenance"]
    assert all(isinstance(q["depth"], int) for q in body["queues"])
    assert isinstance(body["workers"], list)
    assert set(body["pending"]) == {"count", "oldest_age_seconds"}
    assert body["dead_letters"] == 0
    assert body["throughput"]["last_minute"]["received"] == 1
    assert set(body["throughput"]["last_minute"]) == {"received", "decided", "published"}
    assert body["unavailable"] == []


def _dead_letter(url: str, comment_id: str) -> int:
    with session_scope(url, write=True) as session:
        session.get(Comment, comment_id).attempts = 5
        letter = DeadLetter(comment_id=comment_id, task="gatehouse.moderate",
                            error="RuntimeError: boom", attempts=5)  # fmt: skip
        session.add(letter)
        session.flush()
        return letter.id


def test_dead_letters_are_listed_and_replayed_once(
    client: FlaskClient, tokens: dict[Role, str]
) -> None:
    url = client.application.extensions["gatehouse"].database_url
    comment_id = post(client).get_json()["id"]
    letter_id = _dead_letter(url, comment_id)
    ops = bearer(tokens[Role.OPS])

    listed = client.get(DEAD_LETTERS, headers=ops).get_json()
    assert [i["id"] for i in listed["items"]] == [letter_id]
    item = listed["items"][0]
    assert item["comment_id"] == comment_id
    assert item["article_id"] and item["error"] == "RuntimeError: boom"
    assert item["task"] == "gatehouse.moderate" and item["attempts"] == 5 and item["created_at"]
    assert client.get(QUEUES, headers=ops).get_json()["dead_letters"] == 1

    response = client.post(f"{DEAD_LETTERS}/{letter_id}/replay", headers=ops)
    assert response.status_code == 202
    assert response.get_json()["dead_letter"]["replayed_at"]
    with session_scope(url) as session:
        assert session.get(DeadLetter, letter_id).replayed_at is not None
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.comment_id == comment_id)
        )
        assert "dead_letter.replay" in list(actions)
    assert client.get(DEAD_LETTERS, headers=ops).get_json()["items"] == []
    everything = client.get(f"{DEAD_LETTERS}?state=all", headers=ops).get_json()["items"]
    assert [i["id"] for i in everything] == [letter_id]
    again = client.post(f"{DEAD_LETTERS}/{letter_id}/replay", headers=ops)
    assert again.status_code == 409
    assert again.get_json()["error"]["code"] == "already_replayed"


def test_replay_gives_the_comment_a_fresh_set_of_attempts(
    app: Flask, tokens: dict[Role, str]
) -> None:
    # a Redis nobody consumes, so no worker touches the comment after the replay
    client = create_app(settings_for(_urls(app)[0], "redis://127.0.0.1:1/0")).test_client()
    url = _urls(app)[0]
    comment_id = post(client).get_json()["id"]
    letter_id = _dead_letter(url, comment_id)
    body = client.post(f"{DEAD_LETTERS}/{letter_id}/replay", headers=bearer(tokens[Role.OPS]))
    assert body.get_json()["queued"] is False  # Redis is away: the re-sender will pick it up
    with session_scope(url) as session:
        comment = session.get(Comment, comment_id)
        assert (comment.attempts, comment.status) == (0, "pending")


def test_dead_letter_errors(client: FlaskClient, tokens: dict[Role, str]) -> None:
    ops = bearer(tokens[Role.OPS])
    missing = client.post(f"{DEAD_LETTERS}/999999/replay", headers=ops)
    assert missing.status_code == 404
    assert missing.get_json()["error"]["code"] == "not_found"
    invalid = client.get(f"{DEAD_LETTERS}?limit=0&state=nope", headers=ops)
    assert invalid.status_code == 422
    assert set(invalid.get_json()["error"]["fields"]) == {"limit", "state"}


def test_dead_letters_page_with_a_cursor(client: FlaskClient, tokens: dict[Role, str]) -> None:
    url = client.application.extensions["gatehouse"].database_url
    ids = [_dead_letter(url, post(client, body=f"Comment {n}").get_json()["id"]) for n in range(3)]
    ops = bearer(tokens[Role.OPS])
    first = client.get(f"{DEAD_LETTERS}?limit=2", headers=ops).get_json()
    assert [i["id"] for i in first["items"]] == ids[::-1][:2]
    rest = client.get(f"{DEAD_LETTERS}?limit=2&cursor={first['next_cursor']}", headers=ops)
    assert [i["id"] for i in rest.get_json()["items"]] == ids[:1]
    assert rest.get_json()["next_cursor"] is None


def _urls(app: Flask) -> tuple[str, str]:
    settings = app.extensions["gatehouse"]
    return settings.database_url, settings.redis_url
