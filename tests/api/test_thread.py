"""Reading: a comment's status and the published thread with nesting, ETag and 304."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from services import publishing
from services.db import session_scope
from tests.helpers import ARTICLE, post

pytestmark = pytest.mark.postgres


def publish(app: Flask, comment_id: str, body: str | None = None) -> None:
    with session_scope(app.extensions["gatehouse"].database_url, write=True) as session:
        assert publishing.publish(session, comment_id, actor="machine", published_body=body)


def test_status_of_unknown_comment_is_404(client: FlaskClient) -> None:
    response = client.get("/api/v1/comments/" + "0" * 32)
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_status_answers_id_article_status(client: FlaskClient) -> None:
    comment_id = post(client).get_json()["id"]
    body = client.get(f"/api/v1/comments/{comment_id}").get_json()
    assert body == {"id": comment_id, "article_id": ARTICLE, "status": "pending"}


def test_empty_thread(client: FlaskClient) -> None:
    body = client.get(f"/api/v1/articles/{ARTICLE}/comments").get_json()
    assert body == {"article_id": ARTICLE, "count": 0, "comments": []}


def test_thread_nests_replies_oldest_first_and_hides_unpublished(
    client: FlaskClient, app: Flask
) -> None:
    first = post(client, body="First!").get_json()["id"]
    second = post(client, body="Second.").get_json()["id"]
    post(client, body="Still pending.")
    publish(app, first)
    publish(app, second)
    reply = post(client, body="A reply <script>alert(1)</script>", parent_id=first).get_json()["id"]
    publish(app, reply)
    response = client.get(f"/api/v1/articles/{ARTICLE}/comments")
    body = response.get_json()
    assert body["count"] == 3
    assert [c["id"] for c in body["comments"]] == [first, second]
    top = body["comments"][0]
    assert set(top) >= {"id", "author_name", "body", "parent_id", "published_at", "replies"}
    assert "author_email" not in top
    assert [r["id"] for r in top["replies"]] == [reply]
    assert top["replies"][0]["parent_id"] == first
    assert top["replies"][0]["body_html"] == "A reply &lt;script&gt;alert(1)&lt;/script&gt;"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_thread_etag_gives_304_until_it_changes(client: FlaskClient, app: Flask) -> None:
    publish(app, post(client).get_json()["id"])
    first = client.get(f"/api/v1/articles/{ARTICLE}/comments")
    etag = first.headers["ETag"]
    again = client.get(f"/api/v1/articles/{ARTICLE}/comments", headers={"If-None-Match": etag})
    assert again.status_code == 304
    publish(app, post(client, body="Another view.").get_json()["id"])
    changed = client.get(f"/api/v1/articles/{ARTICLE}/comments", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.get_json()["count"] == 2


def test_unknown_api_route_answers_json_404(client: FlaskClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_bad_article_id_is_404(client: FlaskClient) -> None:
    assert post(client, article="bad%20id").status_code == 404


def test_factory_uses_given_config(app: Flask) -> None:
    assert app.testing
    assert app.extensions["gatehouse"].secret_key == "test-secret"
