"""The audit trail: every action and refusal, filterable, paged, and with no way to change it."""

from __future__ import annotations

from datetime import datetime

import pytest
from flask import Flask

from services.models import Role
from tests.moderation.kit import API, Desk

pytestmark = pytest.mark.postgres


def test_a_decision_is_recorded_with_who_what_before_after_when_where(desk: Desk) -> None:
    comment_id = desk.comment()
    desk.post(f"comments/{comment_id}/decision", {"action": "reject", "reason": "abusive"})
    [entry] = desk.audit(comment_id=comment_id)
    assert entry["actor"] == "mia"
    assert entry["role"] == "moderator"
    assert entry["action"] == "comment.reject"
    assert entry["before"] == {"status": "held"}
    assert entry["after"] == {"status": "rejected"}
    assert entry["detail"] == "abusive"
    assert entry["remote_addr"] == "127.0.0.1"
    assert entry["target"] == "article:state-visit-moscow"
    assert datetime.fromisoformat(entry["at"]).tzinfo is not None


def test_filters_by_actor_action_family_and_comment(desk: Desk) -> None:
    first, second = desk.comment(), desk.comment()
    desk.post(f"comments/{first}/decision", {"action": "approve"})
    desk.post(f"comments/{second}/decision", {"action": "reject"}, role=Role.ADMIN)
    desk.get("queue", role=Role.OPS)  # refused: 403
    desk.get("queue", role=None)  # refused: 401
    assert [e["comment_id"] for e in desk.audit(actor="ada")] == [second]
    assert [e["action"] for e in desk.audit(action="comment")] == [
        "comment.reject",
        "comment.approve",
    ]
    assert [e["action"] for e in desk.audit(action="comment.approve")] == ["comment.approve"]
    assert [e["action"] for e in desk.audit(action="auth")] == [
        "auth.unauthorized",
        "auth.forbidden",
    ]
    assert [e["action"] for e in desk.audit(comment_id=first)] == ["comment.approve"]


def test_pages_newest_first(desk: Desk) -> None:
    for _ in range(5):
        desk.get("queue", role=None)
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = desk.get("audit", query_string=params).get_json()
        seen += [e["id"] for e in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == sorted(seen, reverse=True)
    assert len(seen) == 5


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_nothing_writes_edits_or_deletes_it(app: Flask, desk: Desk, method: str) -> None:
    desk.get("queue", role=None)
    for path in ("audit", "audit/1"):
        response = desk.call(method, path, role=Role.ADMIN, json={})
        assert response.status_code in {404, 405}
    writable = [
        rule.rule for rule in app.url_map.iter_rules()
        if "audit" in rule.rule and (rule.methods or set()) - {"GET", "HEAD", "OPTIONS"}
    ]  # fmt: skip
    assert writable == []
    assert len(desk.audit()) == 1


def test_bad_audit_queries_are_422(desk: Desk) -> None:
    for params in ({"comment_id": "x"}, {"limit": 0}, {"action": "DROP TABLE"}, {"cursor": "%%"}):
        assert desk.get("audit", query_string=params).status_code == 422, params
    assert desk.get(f"{API}/audit", role=Role.OPS).status_code == 403
