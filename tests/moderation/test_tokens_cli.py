"""`flask --app api tokens create|list|revoke`."""

from __future__ import annotations

from flask.testing import FlaskClient, FlaskCliRunner

from services.db import session_scope
from services.models import ApiToken, AuditEntry
from services.security import token_hash


def create(runner: FlaskCliRunner, role: str, name: str) -> str:
    result = runner.invoke(args=["tokens", "create", "--role", role, "--name", name])
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def test_create_prints_a_token_once_and_keeps_its_hash(
    runner: FlaskCliRunner, client: FlaskClient, database_url: str
) -> None:
    token = create(runner, "moderator", "mia")
    assert len(token) >= 40
    with session_scope(database_url) as session:
        row = session.query(ApiToken).one()
        audit = session.query(AuditEntry).one()
    assert (row.name, row.role, row.token_hash) == ("mia", "moderator", token_hash(token))
    assert (audit.action, audit.after) == (
        "token.create",
        {"id": row.id, "name": "mia", "role": "moderator"},
    )
    assert audit.actor is not None and audit.actor.startswith("cli:")
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/moderation/queue", headers=headers).status_code == 200
    listed = runner.invoke(args=["tokens", "list"])
    assert "mia" in listed.output and "moderator" in listed.output
    assert token not in listed.output


def test_create_refuses_bad_roles_names_and_duplicates(runner: FlaskCliRunner) -> None:
    assert runner.invoke(args=["tokens", "create", "--role", "root", "--name", "x"]).exit_code != 0
    assert (
        runner.invoke(args=["tokens", "create", "--role", "admin", "--name", "machine"]).exit_code
        != 0
    )
    assert (
        runner.invoke(args=["tokens", "create", "--role", "admin", "--name", "a b"]).exit_code != 0
    )
    create(runner, "admin", "ada")
    again = runner.invoke(args=["tokens", "create", "--role", "admin", "--name", "ada"])
    assert again.exit_code != 0
    assert "revoke it first" in again.output


def test_revoke_by_id_or_name(
    runner: FlaskCliRunner, client: FlaskClient, database_url: str
) -> None:
    first = create(runner, "ops", "otto")
    second = create(runner, "moderator", "mia")
    with session_scope(database_url) as session:
        otto_id = session.query(ApiToken).filter_by(name="otto").one().id
    assert runner.invoke(args=["tokens", "revoke", str(otto_id)]).exit_code == 0
    assert runner.invoke(args=["tokens", "revoke", "mia"]).exit_code == 0
    for token in (first, second):
        headers = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/v1/moderation/queue", headers=headers).status_code == 401
    missing = runner.invoke(args=["tokens", "revoke", "mia"])
    assert missing.exit_code != 0
    assert "no active token" in missing.output
    assert "revoked" in runner.invoke(args=["tokens", "list"]).output
    create(runner, "moderator", "mia")  # the name is free again
