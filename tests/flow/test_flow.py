"""The whole flow on real parts: HTTP intake, a real Redis, a real Celery worker process."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from services.db import session_scope
from services.models import Comment, DecisionRecord
from tests.helpers import ARTICLE, eventually, post

pytestmark = [pytest.mark.flow, pytest.mark.usefixtures("worker")]


def status_of(client: FlaskClient, comment_id: str) -> str:
    return str(client.get(f"/api/v1/comments/{comment_id}").get_json()["status"])


def settled(client: FlaskClient, comment_id: str) -> str:
    """Wait until the worker has decided, and return the final status."""
    return eventually(lambda: (s := status_of(client, comment_id)) != "pending" and s)


def thread(client: FlaskClient, article: str = ARTICLE) -> dict[str, Any]:
    return client.get(f"/api/v1/articles/{article}/comments").get_json()  # type: ignore[no-any-return]


def test_clean_comment_appears_in_the_thread(client: FlaskClient) -> None:
    comment_id = post(client, body="A measured report on the state visit. Thank you.").get_json()[
        "id"
    ]
    assert settled(client, comment_id) == "published"
    comments = thread(client)["comments"]
    assert [c["id"] for c in comments] == [comment_id]
    assert comments[0]["body"] == "A measured report on the state visit. Thank you."


def test_profane_comment_is_censored_or_held(client: FlaskClient) -> None:
    comment_id = post(client, body="This summit was a load of shit, frankly.").get_json()["id"]
    status = settled(client, comment_id)
    assert status in {"published", "held"}
    published = {c["id"]: c["body"] for c in thread(client)["comments"]}
    if status == "published":
        assert "shit" not in published[comment_id]
        assert "****" in published[comment_id]
    else:
        assert comment_id not in published


def test_reply_nests_under_its_parent(client: FlaskClient) -> None:
    parent = post(client, body="Good to see diplomacy at work.").get_json()["id"]
    assert settled(client, parent) == "published"
    reply = post(client, body="Agreed, a sensible meeting.", parent_id=parent).get_json()["id"]
    assert settled(client, reply) == "published"
    top = thread(client)["comments"]
    assert [c["id"] for c in top] == [parent]
    assert [r["id"] for r in top[0]["replies"]] == [reply]


def test_task_delivered_twice_publishes_once(client: FlaskClient, app: Flask) -> None:
    from workers.dispatch import send_moderation

    settings = app.extensions["gatehouse"]
    comment_id = post(client, body="Delivered more than once, published once.").get_json()["id"]
    for _ in range(4):
        assert send_moderation(settings, comment_id)
    assert settled(client, comment_id) == "published"
    for _ in range(2):
        assert send_moderation(settings, comment_id)

    def publications() -> int:
        with session_scope(settings.database_url) as session:
            query = select(func.count()).where(
                DecisionRecord.comment_id == comment_id, DecisionRecord.to_status == "published"
            )
            return int(session.scalar(query) or 0)

    eventually(lambda: publications() == 1)
    with session_scope(settings.database_url) as session:
        comment = session.get(Comment, comment_id)
        assert comment is not None
        # two pool processes may both claim before the first decision commits; later
        # deliveries find the comment decided and count nothing
        assert 1 <= comment.attempts <= 2
    assert [c["id"] for c in thread(client)["comments"]] == [comment_id]


def test_machine_decision_is_recorded_with_scores(client: FlaskClient, app: Flask) -> None:
    comment_id = post(client, body="Thoughtful coverage of the talks.").get_json()["id"]
    settled(client, comment_id)
    with session_scope(app.extensions["gatehouse"].database_url) as session:
        comment = session.get(Comment, comment_id)
        assert comment is not None
        assert {"spam", "toxicity"} <= set(comment.scores)
        history = [(d.actor, d.to_status) for d in comment.decisions]
    assert history == [("machine", "published")]


def test_honeypot_comment_is_rejected_quietly(client: FlaskClient) -> None:
    response = post(client, body="Great article!", website="http://cheap-pills.example")
    assert response.status_code == 202
    assert settled(client, response.get_json()["id"]) == "rejected"
