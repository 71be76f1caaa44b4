"""The desk against the real flow: HTTP intake, a real Redis and a real Celery worker process."""

from __future__ import annotations

from typing import Any

import pytest
from werkzeug.test import TestResponse

from services.db import session_scope
from services.models import Comment, Role
from tests.helpers import eventually
from tests.moderation.kit import Desk

pytestmark = [pytest.mark.flow, pytest.mark.usefixtures("worker")]
ARTICLE = "harbour-bridge-vote"


def submit(desk: Desk, body: str, address: str = "192.0.2.10", **fields: Any) -> str:
    """A reader's comment through the site's intake, from `address`."""
    response: TestResponse = desk.client.post(
        f"/api/v1/articles/{ARTICLE}/comments",
        json={"author_name": "Reader", "body": body, **fields},
        environ_base={"REMOTE_ADDR": address},
    )
    assert response.status_code == 202, response.get_json()
    return str(response.get_json()["id"])


def settled(desk: Desk, comment_id: str) -> str:
    return str(eventually(lambda: (s := desk.status(comment_id)) != "pending" and s))


def reasons(desk: Desk, comment_id: str) -> list[str]:
    return desk.get(f"comments/{comment_id}").get_json()["reasons"]


def test_a_ban_takes_effect_on_the_next_comment(desk: Desk) -> None:
    first = submit(
        desk, "The council should publish the tender documents.", author_email="pat@example.org"
    )
    assert settled(desk, first) == "published"
    ban = desk.post("bans", {"comment_id": first, "kinds": ["email"], "reason": "sock puppets"})
    assert ban.status_code == 201, ban.get_json()
    again = submit(desk, "And another thing about the tender.", author_email="PAT@example.org")
    assert settled(desk, again) == "rejected"
    assert "banned_author" in reasons(desk, again)
    other = submit(desk, "A different reader, same cafe wifi.", author_email="sam@example.org")
    assert settled(desk, other) == "published"
    by_address = desk.post("bans", {"comment_id": other, "kinds": ["address"]})
    assert by_address.status_code == 201
    assert settled(desk, submit(desk, "New name, same address.")) == "rejected"
    assert settled(desk, submit(desk, "Elsewhere entirely.", address="192.0.2.99")) == "published"
    desk.delete(f"bans/{by_address.get_json()['bans'][0]['id']}")
    assert settled(desk, submit(desk, "Back again, politely.")) == "published"


def test_a_word_list_change_takes_effect_on_the_next_comment(desk: Desk) -> None:
    before = submit(desk, "The zeppelin hangar plan is bold.")
    assert settled(desk, before) == "published"
    added = desk.post("terms/held", {"term": "Zeppelin"}, role=Role.ADMIN)
    assert added.status_code == 201
    held = submit(desk, "Another zeppelin hangar? Really?")
    assert settled(desk, held) == "held"
    assert "held_term" in reasons(desk, held)
    detail = desk.get(f"comments/{held}").get_json()
    assert {"term": "zeppelin", "source": "held"}.items() <= detail["matches"][0].items()
    queue = desk.get("queue", query_string={"article_id": ARTICLE, "reason": "held_term"})
    assert [i["id"] for i in queue.get_json()["items"]] == [held]
    desk.delete("terms/held/zeppelin", role=Role.ADMIN)
    assert settled(desk, submit(desk, "Zeppelins are fine by me.")) == "published"


def test_a_moderator_desk_session_end_to_end(desk: Desk) -> None:
    """The issue's acceptance story: find held comments, see why, approve, reject, ban, audit."""
    assert desk.put(f"articles/{ARTICLE}/settings", {"premoderation": True}).status_code == 200
    good = submit(desk, "Thanks for covering the vote so carefully.")
    bad = submit(desk, "Buy followers now at cheap-likes.xyz, text me!", address="192.0.2.66")
    assert settled(desk, good) == "held" and settled(desk, bad) in {"held", "rejected"}
    if desk.status(bad) == "rejected":  # the machine was sure; hold another to reject by hand
        bad = submit(desk, "Nobody reads these comments anyway.", address="192.0.2.66")
        assert settled(desk, bad) == "held"
    items = desk.get("queue", query_string={"article_id": ARTICLE}).get_json()["items"]
    assert {i["id"] for i in items} == {good, bad}
    assert all(i["reasons"] and i["explanations"] for i in items)
    assert desk.post(f"comments/{good}/decision", {"action": "approve"}).status_code == 200
    assert good in desk.thread_ids(ARTICLE)
    assert (
        desk.post(f"comments/{bad}/decision", {"action": "reject", "reason": "spam"}).status_code
        == 200
    )
    assert desk.post("bans", {"comment_id": bad, "reason": "spam"}).status_code == 201
    assert settled(desk, submit(desk, "Me again!", address="192.0.2.66")) == "rejected"
    actions = [(e["action"], e["comment_id"], e["actor"]) for e in desk.audit()]
    assert actions[:4] == [
        ("ban.create", bad, "mia"),
        ("comment.reject", bad, "mia"),
        ("comment.approve", good, "mia"),
        ("article.settings", None, "mia"),
    ]


def test_moderator_decisions_count_towards_author_trust(desk: Desk) -> None:
    from services.moderation import author_trust

    ids = [desk.comment(email="kim@example.org") for _ in range(3)]
    desk.post(f"comments/{ids[0]}/decision", {"action": "approve"})
    desk.post(f"comments/{ids[1]}/decision", {"action": "reject"})
    desk.post(f"comments/{ids[2]}/decision", {"action": "reject"})
    with session_scope(desk.url) as session:
        probe = session.get(Comment, ids[0])
        assert probe is not None
        assert author_trust(session, probe) == -1
