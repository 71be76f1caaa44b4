"""Decisions: approve publishes, reject refuses, remove takes down; a misfit is 409."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
import redis

from services import events
from services.db import session_scope
from services.models import Comment, CommentStatus, DecisionRecord
from tests.moderation.kit import Desk

pytestmark = pytest.mark.postgres


def decide(desk: Desk, comment_id: str, action: str, reason: str | None = "house rules") -> Any:
    return desk.post(f"comments/{comment_id}/decision", {"action": action, "reason": reason})


class Listener:
    """A subscriber to one article's live channel."""

    def __init__(self, desk: Desk, article: str) -> None:
        self.client = redis.Redis.from_url(desk.app.extensions["gatehouse"].redis_url)
        self.pubsub = self.client.pubsub(ignore_subscribe_messages=True)
        self.pubsub.subscribe(events.channel(article))

    def next(self, timeout: float = 5) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self.pubsub.get_message(timeout=0.2)
            if message:
                return json.loads(message["data"])
        raise AssertionError("no live event")


def history(desk: Desk, comment_id: str) -> list[tuple[str, str, str, str]]:
    with session_scope(desk.url) as session:
        rows = (
            session.query(DecisionRecord)
            .filter_by(comment_id=comment_id)
            .order_by(DecisionRecord.id)
        )
        return [(r.actor, r.action, r.from_status, r.to_status) for r in rows]


def test_approve_publishes_into_the_thread_and_tells_live_readers(desk: Desk) -> None:
    comment_id = desk.comment(body="Held, but fine.")
    listener = Listener(desk, "state-visit-moscow")
    response = decide(desk, comment_id, "approve")
    assert response.status_code == 200
    body = response.get_json()
    assert (body["id"], body["status"]) == (comment_id, "published")
    assert body["comment"]["published_body"] == "Held, but fine."
    assert desk.thread_ids() == [comment_id]
    event = listener.next()
    assert event["event"] == "comment.published"
    assert event["data"]["id"] == comment_id
    assert history(desk, comment_id)[-1] == ("mia", "approve", "held", "published")


def test_approve_a_pending_comment(desk: Desk) -> None:
    comment_id = desk.comment(CommentStatus.PENDING)
    assert decide(desk, comment_id, "approve").get_json()["status"] == "published"
    assert history(desk, comment_id) == [("mia", "approve", "pending", "published")]


def test_reject_keeps_it_out_with_the_moderators_name(desk: Desk) -> None:
    comment_id = desk.comment()
    response = decide(desk, comment_id, "reject", "abusive")
    assert response.get_json()["status"] == "rejected"
    assert desk.status(comment_id) == "rejected"
    assert desk.thread_ids() == []
    assert history(desk, comment_id)[-1] == ("mia", "reject", "held", "rejected")
    with session_scope(desk.url) as session:
        assert session.get(Comment, comment_id).decided_at is not None  # type: ignore[union-attr]


def test_remove_takes_a_published_comment_out_of_the_thread(desk: Desk) -> None:
    keep = desk.comment(CommentStatus.PUBLISHED, body="stays")
    gone = desk.comment(CommentStatus.PUBLISHED, body="goes")
    assert desk.thread_ids() == [keep, gone]
    listener = Listener(desk, "state-visit-moscow")
    response = decide(desk, gone, "remove", "libel")
    assert response.get_json()["status"] == "removed"
    assert desk.thread_ids() == [keep]
    assert listener.next() == {"event": "comment.removed", "data": {"id": gone}}
    assert history(desk, gone)[-1] == ("mia", "remove", "published", "removed")


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (CommentStatus.REJECTED, "approve"),
        (CommentStatus.PUBLISHED, "approve"),
        (CommentStatus.REMOVED, "reject"),
        (CommentStatus.HELD, "remove"),
        (CommentStatus.PUBLISHED, "reject"),
    ],
)
def test_a_decision_that_does_not_fit_is_409_with_the_current_status(
    desk: Desk, status: CommentStatus, action: str
) -> None:
    comment_id = desk.comment(status)
    before = history(desk, comment_id)
    response = decide(desk, comment_id, action)
    assert response.status_code == 409
    body = response.get_json()
    assert body["status"] == str(status)
    assert body["error"]["code"] == "conflict"
    assert body["error"]["current_status"] == str(status)
    assert history(desk, comment_id) == before
    assert desk.audit(action="comment") == []


def test_unknown_comment_and_bad_bodies(desk: Desk) -> None:
    comment_id = desk.comment()
    assert decide(desk, "f" * 32, "approve").status_code == 404
    assert decide(desk, comment_id, "publish").status_code == 422
    assert desk.post(f"comments/{comment_id}/decision", {"reason": "x"}).status_code == 422
    extra = desk.post(f"comments/{comment_id}/decision", {"action": "approve", "oops": 1})
    assert extra.status_code == 422
    text = desk.call("POST", f"comments/{comment_id}/decision", data="action=approve")
    assert text.status_code == 415
    broken = desk.call(
        "POST", f"comments/{comment_id}/decision", data="{", content_type="application/json"
    )
    assert broken.status_code == 400
    assert desk.status(comment_id) == "held"


def test_bulk_decisions_report_each_comment(desk: Desk) -> None:
    held = [desk.comment(), desk.comment()]
    rejected = desk.comment(CommentStatus.REJECTED)
    ids = [*held, rejected, "e" * 32, held[0]]
    response = desk.post("decisions", {"ids": ids, "action": "approve", "reason": "fine"})
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [(r["id"], r["status"], r["ok"]) for r in results] == [
        (held[0], "published", True),
        (held[1], "published", True),
        (rejected, "rejected", False),
        ("e" * 32, None, False),
    ]
    assert results[2]["error"]["code"] == "conflict"
    assert results[3]["error"]["code"] == "not_found"
    assert "error" not in results[0]
    assert desk.thread_ids() == held
    bad = desk.post("decisions", {"ids": [], "action": "approve"})
    assert bad.status_code == 422
    assert desk.post("decisions", {"ids": ["x"], "action": "approve"}).status_code == 422


def test_approval_censors_profanity_where_the_policy_censors(desk: Desk) -> None:
    body = "What a shit summit, you idiot."
    matches = [
        {"term": "shit", "start": 7, "end": 11, "source": "default"},
        {"term": "idiot", "start": 24, "end": 29, "source": "held"},
        {"term": "you idiot", "start": 20, "end": 29, "source": "insult"},
    ]
    censored = desk.comment(body=body, matches=matches)
    answer = decide(desk, censored, "approve").get_json()
    assert answer["comment"]["published_body"] == "What a **** summit, you idiot."
    assert answer["comment"]["body"] == body
    desk.put("articles/budget-2027/settings", {"policy": {"censor_profanity": False}})
    verbatim = desk.comment(article="budget-2027", body=body, matches=matches)
    assert decide(desk, verbatim, "approve").get_json()["comment"]["published_body"] == body
