"""The site's intake: every answer the contract names for POST .../comments."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from api import create_app
from services.db import session_scope
from services.models import Article, Comment, CommentStatus
from tests.conftest import settings_for
from tests.helpers import ARTICLE, post

pytestmark = pytest.mark.postgres


def count_comments(app: Flask) -> int:
    with session_scope(app.extensions["gatehouse"].database_url) as session:
        return int(session.scalar(select(func.count()).select_from(Comment)) or 0)


def test_accepts_json_with_202_and_saves_pending(client: FlaskClient, app: Flask) -> None:
    response = post(client)
    assert response.status_code == 202
    body = response.get_json()
    assert body["status"] == "pending"
    assert body["links"]["self"] == f"/api/v1/comments/{body['id']}"
    assert response.headers["Location"] == body["links"]["self"]
    with session_scope(app.extensions["gatehouse"].database_url) as session:
        saved = session.get(Comment, body["id"])
        assert saved is not None
        assert saved.body == "A fair and careful report, thank you."
        assert saved.client_hash and "127.0.0.1" not in saved.client_hash


def test_accepts_form_fields(client: FlaskClient) -> None:
    response = client.post(
        f"/api/v1/articles/{ARTICLE}/comments",
        data={"author_name": "Boris", "body": "Interesting.", "author_email": ""},
    )
    assert response.status_code == 202, response.get_json()


def test_malformed_json_is_400(client: FlaskClient) -> None:
    for raw in (b"{not json", b"[1, 2]", b"\xff\xfe{}", b"[" * 50000):
        response = client.post(
            f"/api/v1/articles/{ARTICLE}/comments", data=raw, content_type="application/json"
        )
        assert response.status_code == 400, raw[:10]
        assert response.get_json()["error"]["code"] == "malformed"


def test_other_content_type_is_415(client: FlaskClient) -> None:
    response = client.post(
        f"/api/v1/articles/{ARTICLE}/comments", data="hello", content_type="text/plain"
    )
    assert response.status_code == 415
    assert response.get_json()["error"]["code"] == "unsupported_media_type"


def test_too_large_is_413(client: FlaskClient, app: Flask) -> None:
    response = post(client, body="x" * 200_000)
    assert response.status_code == 413
    assert "error" in response.get_json()
    assert count_comments(app) == 0


def test_invalid_fields_are_422_with_field_messages(client: FlaskClient, app: Flask) -> None:
    cases = [
        ({"author_name": ""}, "author_name"),
        ({"author_name": "x" * 81}, "author_name"),
        ({"body": "   "}, "body"),
        ({"body": "y" * 5001}, "body"),
        ({"body": 123}, "body"),
        ({"body": "nul \x00 byte"}, "body"),
        ({"author_email": "not-an-email"}, "author_email"),
        ({"parent_id": "nope"}, "parent_id"),
    ]
    for fields, name in cases:
        response = post(client, **fields)
        assert response.status_code == 422, fields
        error = response.get_json()["error"]
        assert name in error["fields"], (fields, error)
    assert count_comments(app) == 0


def test_missing_fields_are_422(client: FlaskClient) -> None:
    response = client.post(f"/api/v1/articles/{ARTICLE}/comments", json={})
    assert response.status_code == 422
    assert set(response.get_json()["error"]["fields"]) == {"author_name", "body"}


def test_closed_article_is_403(client: FlaskClient, app: Flask) -> None:
    with session_scope(app.extensions["gatehouse"].database_url) as session:
        session.add(Article(id="closed-story", closed=True, premoderation=False, policy={}))
    response = post(client, article="closed-story")
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "comments_closed"


def test_rate_limit_is_429_with_retry_after(database_url: str, redis_server, clean) -> None:  # type: ignore[no-untyped-def]
    app = create_app(settings_for(database_url, redis_server.url, comment_rate_limit="2/minute"))
    client = app.test_client()
    assert post(client).status_code == 202
    assert post(client).status_code == 202
    response = post(client)
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    other = client.post(
        f"/api/v1/articles/{ARTICLE}/comments",
        json={"author_name": "Other", "body": "From elsewhere."},
        environ_base={"REMOTE_ADDR": "10.1.2.3"},
    )
    assert other.status_code == 202


def test_same_idempotency_key_gives_one_comment(client: FlaskClient, app: Flask) -> None:
    first = post(client, headers={"Idempotency-Key": "abc-123"})
    second = post(client, headers={"Idempotency-Key": "abc-123"})
    assert first.status_code == second.status_code == 202
    assert first.get_json()["id"] == second.get_json()["id"]
    assert count_comments(app) == 1


def test_idempotency_key_with_other_body_is_422(client: FlaskClient, app: Flask) -> None:
    assert post(client, headers={"Idempotency-Key": "k1"}).status_code == 202
    response = post(client, body="Something else", headers={"Idempotency-Key": "k1"})
    assert response.status_code == 422
    assert count_comments(app) == 1


def test_honeypot_is_accepted_and_flagged(client: FlaskClient, app: Flask) -> None:
    response = post(client, website="http://spam.example")
    assert response.status_code == 202
    with session_scope(app.extensions["gatehouse"].database_url) as session:
        assert session.get(Comment, response.get_json()["id"]).honeypot is True  # type: ignore[union-attr]


def test_parent_must_be_published_comment_of_same_article(client: FlaskClient, app: Flask) -> None:
    pending_id = post(client).get_json()["id"]
    response = post(client, parent_id=pending_id)
    assert response.status_code == 422
    assert "parent_id" in response.get_json()["error"]["fields"]
    with session_scope(app.extensions["gatehouse"].database_url) as session:
        session.get(Comment, pending_id).status = CommentStatus.PUBLISHED  # type: ignore[union-attr]
    assert post(client, article="another-story", parent_id=pending_id).status_code == 422
    assert post(client, parent_id=pending_id).status_code == 202


def test_answers_202_when_redis_is_down(database_url: str, clean) -> None:  # type: ignore[no-untyped-def]
    from workers.dispatch import breaker

    breaker.reset()
    app = create_app(
        settings_for(database_url, "redis://127.0.0.1:1/0", comment_rate_limit="5/minute")
    )
    client = app.test_client()
    responses = [post(client) for _ in range(3)]
    assert [r.status_code for r in responses] == [202, 202, 202]
    assert count_comments(app) == 3
    breaker.reset()


def test_concurrent_twin_with_same_key_is_409(client: FlaskClient, app: Flask) -> None:
    from services import inflight

    settings = app.extensions["gatehouse"]
    with inflight.lease(settings.redis_url, f"{ARTICLE}:twin") as held:
        assert held
        response = post(client, headers={"Idempotency-Key": "twin"})
        assert response.status_code == 409
        assert response.get_json()["error"]["code"] == "in_progress"
    assert count_comments(app) == 0
    first = post(client, headers={"Idempotency-Key": "twin"})
    assert first.status_code == 202
    with inflight.lease(settings.redis_url, f"{ARTICLE}:twin"):
        replay = post(client, headers={"Idempotency-Key": "twin"})
    assert replay.status_code == 202
    assert replay.get_json()["id"] == first.get_json()["id"]
