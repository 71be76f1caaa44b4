"""Stored-XSS payloads go through the whole flow and come out as inert text."""

from __future__ import annotations

import html

import pytest
from flask.testing import FlaskClient

from tests.helpers import eventually, post

pytestmark = [pytest.mark.flow, pytest.mark.usefixtures("worker")]

PAYLOADS = [
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss=1">',
    '<a href="javascript:window.__xss=1">read more</a>',
    "<svg onload=window.__xss=1></svg>",
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    "&lt;script&gt;window.__xss=1&lt;/script&gt;",
    "%3Cscript%3Ewindow.__xss=1%3C/script%3E",
    '"><body onload=window.__xss=1>',
    "<style>@import 'javascript:window.__xss=1';</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
]


def test_markup_is_kept_as_text_and_escaped_as_html(client: FlaskClient) -> None:
    ids = {}
    for n, payload in enumerate(PAYLOADS):
        body = f"Comment {n}: {payload}"
        ids[post(client, article="xss-story", body=body).get_json()["id"]] = body

    def published() -> dict[str, dict[str, str]] | None:
        thread = client.get("/api/v1/articles/xss-story/comments")
        items = {c["id"]: c for c in thread.get_json()["comments"]}
        decided = all(
            client.get(f"/api/v1/comments/{i}").get_json()["status"] != "pending" for i in ids
        )
        return items if decided else None

    items = eventually(published, timeout=30)
    assert items, "no payload was published at all"
    thread = client.get("/api/v1/articles/xss-story/comments")
    assert thread.mimetype == "application/json"
    assert thread.headers["X-Content-Type-Options"] == "nosniff"
    for comment_id, item in items.items():
        assert item["body"] == ids[comment_id], "plain text comes back unchanged"
        assert item["body_html"] == html.escape(item["body"], quote=True).replace("\n", "<br>")
        assert "<" not in item["body_html"].replace("<br>", "")
