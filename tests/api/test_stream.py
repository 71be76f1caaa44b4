"""The live stream: published and removed comments reach readers as Server-Sent Events."""

from __future__ import annotations

import threading
import time

from flask import Flask
from flask.testing import FlaskClient

from services import events, publishing
from services.db import session_scope
from tests.helpers import ARTICLE, post


def test_stream_delivers_published_and_removed_events(client: FlaskClient, app: Flask) -> None:
    settings = app.extensions["gatehouse"]
    comment_id = post(client, body="Live, as it happens.").get_json()["id"]
    response = client.get(f"/api/v1/articles/{ARTICLE}/comments/stream", buffered=False)
    assert response.status_code == 200
    assert response.mimetype == "text/event-stream"
    chunks = iter(response.response)
    assert next(chunks).startswith(b"retry:")
    received: list[bytes] = []

    def read_two() -> None:
        for _ in range(2):
            received.append(next(chunks))

    reader = threading.Thread(target=read_two, daemon=True)
    reader.start()
    with session_scope(settings.database_url, write=True) as session:
        comment = publishing.publish(session, comment_id, actor="machine")
    assert comment is not None
    deadline = time.monotonic() + 10
    while not received and time.monotonic() < deadline:
        events.announce(settings.redis_url, events.PUBLISHED, comment)
        time.sleep(0.1)
    with session_scope(settings.database_url, write=True) as session:
        removed = publishing.take_down(session, comment_id, actor="mod", reason="test")
    assert removed is not None
    while len(received) < 2 and time.monotonic() < deadline:
        events.announce(settings.redis_url, events.REMOVED, removed)
        reader.join(0.1)
    reader.join(5)
    response.close()
    assert received[0].startswith(b"event: comment.published\ndata: ")
    assert f'"id": "{comment_id}"'.encode() in received[0]
    assert b"Live, as it happens." in received[0]
    assert received[1].startswith(b"event: comment.removed\ndata: ")
