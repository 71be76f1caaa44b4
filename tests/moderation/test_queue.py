"""The queue: filters, orders, opaque cursors stable under inserts; one comment in full."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from services.models import CommentStatus
from tests.moderation.kit import Desk

pytestmark = pytest.mark.postgres


def page(desk: Desk, **params: Any) -> dict[str, Any]:
    response = desk.get("queue", query_string=params)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def walk(desk: Desk, **params: Any) -> list[str]:
    """Every id across all pages."""
    ids: list[str] = []
    cursor = None
    while True:
        body = page(desk, **params, **({"cursor": cursor} if cursor else {}))
        ids += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            return ids


def test_held_by_default_oldest_first_with_the_contract_fields(desk: Desk) -> None:
    first = desk.comment()
    second = desk.comment(body="Another one")
    desk.comment(CommentStatus.PENDING)
    desk.comment(CommentStatus.PUBLISHED)
    body = page(desk)
    assert [i["id"] for i in body["items"]] == [first, second]
    assert body["next_cursor"] is None
    item = body["items"][0]
    assert set(item) == {"id", "article_id", "author_name", "body", "status", "scores",
                         "reasons", "explanations", "created_at"}  # fmt: skip
    assert item["status"] == "held"
    assert item["scores"] == {"spam": 0.2, "toxicity": 0.7}
    assert item["reasons"] == ["toxicity"]


def test_status_article_reason_and_author_filters(desk: Desk) -> None:
    spam = desk.comment(
        reasons=["spam_link", "contact_handle"], author="Bot", email="bot@x.example"
    )
    other_article = desk.comment(article="budget-2027", reasons=["toxicity"])
    underscore_trap = desk.comment(reasons=["spamXlink"])
    pending = desk.comment(CommentStatus.PENDING)
    rejected = desk.comment(CommentStatus.REJECTED)
    assert [i["id"] for i in page(desk, article_id="budget-2027")["items"]] == [other_article]
    assert [i["id"] for i in page(desk, reason="spam_link")["items"]] == [spam]
    assert underscore_trap not in [i["id"] for i in page(desk, reason="spam_link")["items"]]
    assert [i["id"] for i in page(desk, author="bot")["items"]] == [spam]
    assert [i["id"] for i in page(desk, author="BOT@x.example")["items"]] == [spam]
    assert [i["id"] for i in page(desk, status="pending")["items"]] == [pending]
    assert [i["id"] for i in page(desk, status="rejected")["items"]] == [rejected]


def test_order_by_score_highest_first(desk: Desk) -> None:
    low = desk.comment(scores={"spam": 0.1, "toxicity": 0.2})
    high = desk.comment(scores={"spam": 0.95, "toxicity": 0.1})
    mid = desk.comment(scores={"toxicity": 0.6})
    tie = desk.comment(scores={"spam": 0.6, "toxicity": 0.6})
    ids = walk(desk, order="score", limit=1)
    assert ids[0] == high
    assert set(ids[1:3]) == {mid, tie}
    assert ids[3] == low


def test_cursor_pages_are_stable_under_inserts(desk: Desk) -> None:
    ids = [desk.comment(body=f"comment {n}") for n in range(7)]
    first = page(desk, limit=3)
    assert [i["id"] for i in first["items"]] == ids[:3]
    newcomer = desk.comment(body="late")
    second = page(desk, limit=3, cursor=first["next_cursor"])
    third = page(desk, limit=3, cursor=second["next_cursor"])
    seen = [i["id"] for p in (first, second, third) for i in p["items"]]
    assert seen == [*ids, newcomer][: len(seen)]
    assert walk(desk, limit=2) == [*ids, newcomer]


def test_bad_parameters_are_422(desk: Desk) -> None:
    for params in ({"status": "nonsense"}, {"limit": 0}, {"limit": 1000}, {"order": "random"},
                   {"cursor": "not-a-cursor!"}, {"article_id": "../etc"}):  # fmt: skip
        response = desk.get("queue", query_string=params)
        assert response.status_code == 422, params
        assert set(response.get_json()["error"]["fields"]) == set(params)


def test_a_cursor_from_another_order_is_refused(desk: Desk) -> None:
    for _ in range(3):
        desk.comment()
    cursor = page(desk, limit=1)["next_cursor"]
    assert desk.get("queue", query_string={"order": "score", "cursor": cursor}).status_code == 422


def test_one_comment_in_full(desk: Desk) -> None:
    matches = [{"term": "idiot", "start": 2, "end": 7, "source": "held"}]
    comment_id = desk.comment(body="A idiot.", email="ana@example.org", matches=matches)
    body = desk.get(f"comments/{comment_id}").get_json()
    assert body["body"] == "A idiot."
    assert body["published_body"] is None
    assert body["author_email"] == "ana@example.org"
    assert body["matches"] == matches
    assert body["client"]["user_agent"] == "curl/8.5"
    assert len(body["client"]["client_hash"]) == 64
    assert "203.0.113.7" not in str(body)
    assert body["author_banned"] is False
    [machine] = body["decisions"]
    assert (machine["actor"], machine["from_status"], machine["to_status"]) == (
        "machine",
        "pending",
        "held",
    )
    assert desk.get("comments/" + "f" * 32).status_code == 404


def test_a_tampered_cursor_is_422_not_500(desk: Desk) -> None:
    for forged in (["oldest", "yesterday", "x"], ["oldest", "2026-01-01T00:00:00", 5]):
        cursor = base64.urlsafe_b64encode(json.dumps(forged).encode()).decode()
        response = desk.get("queue", query_string={"cursor": cursor})
        assert response.status_code == 422
        assert "cursor" in response.get_json()["error"]["fields"]
    cursor = base64.urlsafe_b64encode(json.dumps(["score", "high", "x"]).encode()).decode()
    assert desk.get("queue", query_string={"order": "score", "cursor": cursor}).status_code == 422
