"""Bad input and abuse: oversize and chunked bodies, proxies, CORS, privacy of public answers."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from api import create_app
from services import publishing
from services.db import session_scope
from tests.conftest import settings_for, worker_env
from tests.helpers import ARTICLE, post
from tests.support.processes import ApiServer


@pytest.fixture
def server(database_url: str, redis_server, clean) -> Iterator[ApiServer]:  # type: ignore[no-untyped-def]
    env = worker_env(database_url, redis_server.url, COMMENT_RATE_LIMIT="off")
    with ApiServer(env) as api:
        yield api
    api.stop()


def chunked_post(port: int, chunks: list[bytes]) -> tuple[int, dict[str, object]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.putrequest("POST", f"/api/v1/articles/{ARTICLE}/comments")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Transfer-Encoding", "chunked")
    conn.endheaders()
    try:
        for chunk in chunks:
            conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        conn.send(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server may answer and close before reading everything
    response = conn.getresponse()
    body = json.loads(response.read() or b"{}")
    conn.close()
    return response.status, body


def test_chunked_bodies_are_read_and_limited(server: ApiServer) -> None:
    small = json.dumps({"author_name": "Ana", "body": "Sent in chunks."}).encode()
    status, body = chunked_post(server.port, [small[:10], small[10:]])
    assert status == 202, body
    huge = [b'{"author_name": "Ana", "body": "'] + [b"x" * 8192] * 40 + [b'"}']
    status, body = chunked_post(server.port, huge)
    assert status == 413
    assert "error" in body


def test_forwarded_for_is_ignored_unless_a_proxy_is_trusted(
    database_url: str,
    redis_server,
    clean,  # type: ignore[no-untyped-def]
) -> None:
    def limited_after_two(trusted: int) -> bool:
        config = settings_for(
            database_url, redis_server.url, comment_rate_limit="1/minute", trusted_proxies=trusted
        )
        client = create_app(config).test_client()
        first = post(client, headers={"X-Forwarded-For": f"198.51.100.{trusted}1"})
        second = post(client, headers={"X-Forwarded-For": f"198.51.100.{trusted}2"})
        assert first.status_code == 202
        return second.status_code == 429

    assert limited_after_two(trusted=0), "an untrusted X-Forwarded-For must not dodge the limit"
    assert not limited_after_two(trusted=1), "behind a trusted proxy each client has its own limit"


def test_cors_only_for_listed_origins_and_never_for_moderators(
    database_url: str,
    redis_server,
    clean,  # type: ignore[no-untyped-def]
) -> None:
    config = settings_for(database_url, redis_server.url, cors_origins=("https://news.example",))
    client = create_app(config).test_client()
    allowed = post(client, headers={"Origin": "https://news.example"})
    assert allowed.headers.get("Access-Control-Allow-Origin") == "https://news.example"
    other = post(client, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = client.options(
        f"/api/v1/articles/{ARTICLE}/comments",
        headers={"Origin": "https://news.example", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.headers.get("Access-Control-Allow-Origin") == "https://news.example"
    for path in ("/api/v1/moderation/queue", "/api/v1/ops/queues"):
        response = client.get(path, headers={"Origin": "https://news.example"})
        assert "Access-Control-Allow-Origin" not in response.headers, path


def test_public_answers_never_show_email_or_address(client: FlaskClient, app: Flask) -> None:
    response = post(client, author_email="ana.private@example.org")
    comment_id = response.get_json()["id"]
    with session_scope(app.extensions["gatehouse"].database_url, write=True) as session:
        assert publishing.publish(session, comment_id, actor="machine")
    answers = [
        response.get_data(as_text=True),
        client.get(f"/api/v1/comments/{comment_id}").get_data(as_text=True),
        client.get(f"/api/v1/articles/{ARTICLE}/comments").get_data(as_text=True),
    ]
    for text in answers:
        assert "ana.private" not in text
        assert "127.0.0.1" not in text
