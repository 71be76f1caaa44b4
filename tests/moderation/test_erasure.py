"""Erasure requests: an admin erases a commenter's personal data by email; bans stay."""

from __future__ import annotations

import json
from typing import Any

import pytest
import redis

from services import events, publishing
from services.db import session_scope
from services.models import Comment, CommentStatus, DecisionRecord, Role
from services.security import keyed_hash
from tests.conftest import SECRET
from tests.helpers import ARTICLE
from tests.moderation.kit import Desk

pytestmark = pytest.mark.postgres
EMAIL = "Reader.One@Example.org"
PATH = "authors"


def erase(desk: Desk, email: str = EMAIL, role: Role | None = Role.ADMIN) -> Any:
    return desk.call("DELETE", PATH, role, query_string={"email": email})


def row(desk: Desk, comment_id: str) -> Comment:
    with session_scope(desk.url) as session:
        comment = session.get(Comment, comment_id)
        assert comment is not None
        return comment


def by_status(desk: Desk, email: str) -> dict[CommentStatus, str]:
    """One comment by `email` in each state a comment can be in."""
    return {status: desk.comment(status, email=email, body=f"My {status} words, Ana's own.",
                                 matches=[{"term": "words"}])
            for status in CommentStatus}  # fmt: skip


def test_every_comment_by_the_email_is_erased_and_published_ones_leave_the_thread(
    desk: Desk,
) -> None:
    mine = by_status(desk, EMAIL.lower())
    other = desk.comment(CommentStatus.PUBLISHED, email="someone@example.org", author="Bo")
    assert set(desk.thread_ids()) == {mine[CommentStatus.PUBLISHED], other}

    response = erase(desk, EMAIL.upper())
    assert response.status_code == 200
    assert response.get_json() == {
        "erased": 5, "removed": 1, "email_hash": keyed_hash(SECRET, EMAIL),
    }  # fmt: skip

    assert desk.thread_ids() == [other]
    expected = {
        CommentStatus.PENDING: "rejected", CommentStatus.HELD: "rejected",
        CommentStatus.PUBLISHED: "removed", CommentStatus.REJECTED: "rejected",
        CommentStatus.REMOVED: "removed",
    }  # fmt: skip
    for status, comment_id in mine.items():
        comment = row(desk, comment_id)
        assert comment.status == expected[status]
        assert (comment.author_name, comment.body, comment.published_body) == ("[erased]", "", None)
        assert (comment.author_email, comment.client_hash, comment.user_agent) == (None,) * 3
        assert (comment.matches, comment.explanations, comment.fingerprint) == ([], [], None)
    untouched = row(desk, other)
    assert (untouched.author_name, untouched.author_email) == ("Bo", "someone@example.org")
    assert untouched.client_hash is not None


def test_machine_reasons_that_quote_the_body_are_erased_too(desk: Desk) -> None:
    comment_id = desk.comment(CommentStatus.HELD, email=EMAIL)
    with session_scope(desk.url, write=True) as session:
        session.add(DecisionRecord(comment_id=comment_id, actor="machine", action="hold",
                                   from_status="pending", to_status="held",
                                   reason='profanity ("my words")'))  # fmt: skip
    assert erase(desk).status_code == 200
    history = desk.get(f"comments/{comment_id}").get_json()
    assert "my words" not in json.dumps(history)
    assert history["status"] == "rejected"


def test_a_pending_comment_erased_is_never_published_by_a_late_worker(desk: Desk) -> None:
    comment_id = desk.comment(CommentStatus.PENDING, email=EMAIL)
    assert erase(desk).get_json()["erased"] == 1
    with session_scope(desk.url, write=True) as session:  # what the worker's record() does
        late = publishing.publish(
            session, comment_id, actor=publishing.MACHINE, published_body="the old words",
            expected=[CommentStatus.PENDING],
        )  # fmt: skip
    assert late is None
    assert desk.status(comment_id) == "rejected" and desk.thread_ids() == []


def test_readers_hear_the_published_comment_go(desk: Desk) -> None:
    comment_id = desk.comment(CommentStatus.PUBLISHED, email=EMAIL)
    url = desk.app.extensions["gatehouse"].redis_url
    pubsub = redis.Redis.from_url(url).pubsub(ignore_subscribe_messages=True)
    pubsub.subscribe(events.channel(ARTICLE))
    try:
        pubsub.get_message(timeout=1)
        assert erase(desk).status_code == 200
        message = pubsub.get_message(timeout=5)
    finally:
        pubsub.close()
    assert message is not None
    assert json.loads(message["data"]) == {"event": "comment.removed", "data": {"id": comment_id}}


def test_bans_by_the_email_stay(desk: Desk) -> None:
    desk.comment(CommentStatus.PUBLISHED, email=EMAIL)
    assert desk.post("bans", {"email": EMAIL, "reason": "abuse"}).status_code == 201
    assert erase(desk).status_code == 200
    [ban] = desk.get("bans").get_json()["items"]
    assert ban["active"] and ban["value_hash"] == keyed_hash(SECRET, EMAIL)
    again = desk.comment(CommentStatus.HELD, email=EMAIL)
    assert desk.get(f"comments/{again}").get_json()["author_banned"] is True


def test_the_erasure_is_audited_by_hash_never_the_email(desk: Desk) -> None:
    ids = [desk.comment(CommentStatus.HELD, email=EMAIL) for _ in range(2)]
    assert erase(desk).status_code == 200
    [entry] = desk.audit(action="author.erase")
    assert (entry["actor"], entry["role"]) == ("ada", "admin")
    assert entry["target"] == f"email:{keyed_hash(SECRET, EMAIL)}"
    assert entry["after"]["erased"] == 2 and sorted(entry["after"]["comment_ids"]) == sorted(ids)
    everything = json.dumps(desk.audit())
    assert EMAIL.lower() not in everything.lower()


def test_an_email_without_comments_erases_nothing(desk: Desk) -> None:
    response = erase(desk, "nobody@example.org")
    assert response.status_code == 200 and response.get_json()["erased"] == 0


@pytest.mark.parametrize(("role", "status"), [(None, 401), (Role.MODERATOR, 403), (Role.OPS, 403)])
def test_only_admins_may_erase(desk: Desk, role: Role | None, status: int) -> None:
    comment_id = desk.comment(CommentStatus.PUBLISHED, email=EMAIL)
    assert erase(desk, role=role).status_code == status
    assert row(desk, comment_id).author_email == EMAIL


@pytest.mark.parametrize("query", [{}, {"email": "not-an-email"}, {"email": "a@" + "b" * 260}])
def test_the_email_is_required_and_checked(desk: Desk, query: dict[str, str]) -> None:
    response = desk.call("DELETE", PATH, Role.ADMIN, query_string=query)
    assert response.status_code == 422
    assert "email" in response.get_json()["error"]["fields"]


def test_the_route_is_in_the_openapi_document(desk: Desk) -> None:
    document = desk.client.get("/api/openapi.json").get_json()
    operation = document["paths"]["/api/v1/moderation/authors"]["delete"]
    assert "admin" in operation["description"]
    assert {"200", "401", "403", "422"} <= set(operation["responses"])
    assert any(p.get("name") == "email" for p in operation["parameters"])
