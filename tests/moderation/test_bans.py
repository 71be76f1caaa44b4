"""Bans: by email or by the author behind a comment, with expiry, listed and lifted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services.db import session_scope
from services.models import Ban
from services.security import keyed_hash
from tests.conftest import SECRET
from tests.moderation.kit import Desk

pytestmark = pytest.mark.postgres


def bans(desk: Desk, **params: object) -> list[dict[str, object]]:
    return desk.get("bans", query_string=params).get_json()["items"]


def test_ban_an_email(desk: Desk) -> None:
    response = desk.post("bans", {"email": "Troll@Example.org", "reason": "abuse"})
    assert response.status_code == 201
    [ban] = response.get_json()["bans"]
    assert ban["kind"] == "email"
    assert ban["value_hash"] == keyed_hash(SECRET, "troll@example.org")
    assert (ban["reason"], ban["created_by"], ban["active"], ban["created"]) == (
        "abuse", "mia", True, True,
    )  # fmt: skip
    assert ban["expires_at"] is None
    comment_id = desk.comment(email="troll@example.org")
    assert desk.get(f"comments/{comment_id}").get_json()["author_banned"] is True
    assert "Troll@Example.org" not in str(bans(desk))


def test_ban_the_author_behind_a_comment_without_seeing_the_address(desk: Desk) -> None:
    comment_id = desk.comment(email="ana@example.org", address="198.51.100.9")
    response = desk.post("bans", {"comment_id": comment_id, "expires_in_hours": 24})
    assert response.status_code == 201
    made = {b["kind"]: b for b in response.get_json()["bans"]}
    assert made["address"]["value_hash"] == keyed_hash(SECRET, "198.51.100.9")
    assert made["email"]["value_hash"] == keyed_hash(SECRET, "ana@example.org")
    expires = datetime.fromisoformat(made["address"]["expires_at"])
    assert timedelta(hours=23) < expires - datetime.now(UTC) <= timedelta(hours=24)
    assert "198.51.100.9" not in response.get_data(as_text=True)
    again = desk.post("bans", {"comment_id": comment_id, "kinds": ["address"]})
    assert again.status_code == 200
    assert again.get_json()["bans"][0]["created"] is False
    assert len(bans(desk)) == 2


def test_ban_only_the_address_of_a_comment(desk: Desk) -> None:
    comment_id = desk.comment(email="ana@example.org")
    response = desk.post("bans", {"comment_id": comment_id, "kinds": ["address"]})
    assert [b["kind"] for b in response.get_json()["bans"]] == ["address"]
    no_email = desk.comment()
    refused = desk.post("bans", {"comment_id": no_email, "kinds": ["email"]})
    assert refused.status_code == 422
    assert "kinds" in refused.get_json()["error"]["fields"]


def test_bad_ban_requests_are_422(desk: Desk) -> None:
    comment_id = desk.comment()
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    for body in (
        {},
        {"email": "a@example.org", "comment_id": comment_id},
        {"email": "not an email"},
        {"email": "a@example.org", "kinds": ["email"]},
        {"email": "a@example.org", "expires_in_hours": 0},
        {"email": "a@example.org", "expires_at": past},
        {"email": "a@example.org", "expires_at": "2999-01-01T00:00:00"},
        {"email": "a@example.org", "expires_in_hours": 1, "expires_at": "2999-01-01T00:00:00Z"},
        {"comment_id": "f" * 32},
    ):
        assert desk.post("bans", body).status_code == 422, body
    assert bans(desk) == []


def test_expired_and_lifted_bans_are_inactive(desk: Desk) -> None:
    future = (datetime.now(UTC) + timedelta(days=7)).isoformat()
    kept = desk.post("bans", {"email": "a@example.org", "expires_at": future}).get_json()["bans"][0]
    lifted = desk.post("bans", {"email": "b@example.org"}).get_json()["bans"][0]
    expired = desk.post("bans", {"email": "c@example.org"}).get_json()["bans"][0]
    with session_scope(desk.url, write=True) as session:
        row = session.get(Ban, expired["id"])
        assert row is not None
        row.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    response = desk.delete(f"bans/{lifted['id']}")
    assert response.status_code == 200
    assert response.get_json()["active"] is False
    assert response.get_json()["lifted_at"] is not None
    assert desk.delete(f"bans/{lifted['id']}").status_code == 200  # lifting again: no change
    assert [b["id"] for b in bans(desk)] == [kept["id"]]
    assert [b["id"] for b in bans(desk, active="false")] == [expired["id"], lifted["id"]]
    assert desk.delete("bans/999999").status_code == 404
    lifts = desk.audit(action="ban.lift")
    assert len(lifts) == 1 and lifts[0]["target"] == f"ban:{lifted['id']}"


def test_bans_page_with_a_cursor(desk: Desk) -> None:
    ids = [
        desk.post("bans", {"email": f"u{n}@example.org"}).get_json()["bans"][0]["id"]
        for n in range(5)
    ]
    first = desk.get("bans", query_string={"limit": 2}).get_json()
    second = desk.get("bans", query_string={"limit": 2, "cursor": first["next_cursor"]}).get_json()
    third = desk.get("bans", query_string={"limit": 2, "cursor": second["next_cursor"]}).get_json()
    seen = [b["id"] for page in (first, second, third) for b in page["items"]]
    assert seen == list(reversed(ids))
    assert third["next_cursor"] is None
