"""Bearer tokens: 401 without a valid one, 403 for a role that may not, each refusal audited."""

from __future__ import annotations

import pytest
from flask import Flask

from api.auth import require_role
from services import tokens
from services.db import session_scope
from services.models import ApiToken, AuditEntry, Role
from services.security import token_hash
from tests.moderation.kit import Desk

MODERATOR_ROUTES = [
    ("GET", "queue"),
    ("GET", "comments/" + "0" * 32),
    ("POST", "comments/" + "0" * 32 + "/decision"),
    ("POST", "decisions"),
    ("GET", "bans"),
    ("POST", "bans"),
    ("DELETE", "bans/1"),
    ("GET", "articles/a1/settings"),
    ("PUT", "articles/a1/settings"),
    ("GET", "audit"),
]
ADMIN_ROUTES = [
    ("GET", "terms"),
    ("PUT", "terms/held"),
    ("POST", "terms/held"),
    ("DELETE", "terms/held/word"),
]


def audit_rows(desk: Desk) -> list[AuditEntry]:
    with session_scope(desk.url) as session:
        return list(session.query(AuditEntry).order_by(AuditEntry.id))


@pytest.mark.parametrize(("method", "path"), MODERATOR_ROUTES + ADMIN_ROUTES)
def test_no_token_is_401_with_a_challenge(desk: Desk, method: str, path: str) -> None:
    response = desk.call(method, path, role=None)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.get_json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize(
    "header",
    ["Bearer nonsense", "Bearer ", "Basic dXNlcjpwYXNz", "bearer", "Bearer " + "x" * 300],
)
def test_bad_or_malformed_token_is_401(desk: Desk, header: str) -> None:
    response = desk.client.get("/api/v1/moderation/queue", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith('Bearer realm="gatehouse"')


def test_revoked_token_is_401(desk: Desk) -> None:
    assert desk.get("queue").status_code == 200
    with session_scope(desk.url, write=True) as session:
        assert [t.name for t in tokens.revoke(session, ident="mia")] == ["mia"]
    response = desk.get("queue")
    assert response.status_code == 401
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]
    assert audit_rows(desk)[-1].detail == "revoked token"


@pytest.mark.parametrize(("method", "path"), MODERATOR_ROUTES + ADMIN_ROUTES)
def test_ops_may_not_use_moderation_routes(desk: Desk, method: str, path: str) -> None:
    response = desk.call(method, path, role=Role.OPS, json={})
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "forbidden"


@pytest.mark.parametrize(("method", "path"), ADMIN_ROUTES)
def test_moderators_may_not_change_word_lists(desk: Desk, method: str, path: str) -> None:
    assert desk.call(method, path, role=Role.MODERATOR, json={}).status_code == 403


@pytest.mark.parametrize(("method", "path"), MODERATOR_ROUTES + ADMIN_ROUTES)
def test_admin_passes_every_gate(desk: Desk, method: str, path: str) -> None:
    assert desk.call(method, path, role=Role.ADMIN, json={}).status_code not in {401, 403}


def test_refusals_are_audited_with_who_what_and_where(desk: Desk) -> None:
    desk.get("queue", role=None)
    desk.get("terms", role=Role.MODERATOR)
    unauthorized, forbidden = audit_rows(desk)[-2:]
    assert unauthorized.action == "auth.unauthorized"
    assert unauthorized.actor is None
    assert unauthorized.target == "GET /api/v1/moderation/queue"
    assert unauthorized.detail == "no token"
    assert unauthorized.remote_addr == "127.0.0.1"
    assert forbidden.action == "auth.forbidden"
    assert (forbidden.actor, forbidden.role) == ("mia", "moderator")
    assert forbidden.target == "GET /api/v1/moderation/terms"


def test_only_the_hash_is_stored_and_use_is_noted(desk: Desk) -> None:
    desk.get("queue")
    with session_scope(desk.url) as session:
        row = session.query(ApiToken).filter_by(name="mia").one()
    assert row.token_hash == token_hash(desk.tokens[Role.MODERATOR])
    assert desk.tokens[Role.MODERATOR] not in (row.token_hash, row.name)
    assert row.last_used_at is not None


def test_a_view_without_roles_under_moderation_is_closed(app: Flask, desk: Desk) -> None:
    app.add_url_rule("/api/v1/moderation/forgotten", "moderation.forgotten", lambda: "open")
    assert desk.get("forgotten", role=None).status_code == 401
    for role in Role:
        assert desk.get("forgotten", role=role).status_code == 403


def test_require_role_sets_actor_and_role_for_other_blueprints(app: Flask, desk: Desk) -> None:
    from flask import g

    @require_role(Role.OPS, Role.ADMIN)
    def ops_view() -> dict[str, str]:
        return {"actor": g.actor, "role": g.role}

    app.add_url_rule("/api/v1/ops/test-probe", "ops_probe", ops_view)
    assert desk.get("/api/v1/ops/test-probe", role=Role.OPS).get_json() == {
        "actor": "otto",
        "role": "ops",
    }
    assert desk.get("/api/v1/ops/test-probe", role=Role.ADMIN).get_json()["actor"] == "ada"
    assert desk.get("/api/v1/ops/test-probe", role=Role.MODERATOR).status_code == 403
    assert desk.get("/api/v1/ops/test-probe", role=None).status_code == 401
