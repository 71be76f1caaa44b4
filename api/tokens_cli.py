"""`flask --app api tokens create|list|revoke`: API tokens for moderators, admins and ops."""

from __future__ import annotations

import getpass

import click
from flask.cli import AppGroup

from api.context import settings
from services import audit, tokens
from services.db import session_scope
from services.models import Role

tokens_cli = AppGroup("tokens", help="API tokens (only their hashes are kept).")


def _who() -> audit.Who:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return audit.Who(actor=f"cli:{user}", role="cli", remote_addr="local")


@tokens_cli.command("create")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--name", required=True, help="who holds it; shown as the actor in the audit log")
def create(role: str, name: str) -> None:
    """Make a token and print it once: it cannot be shown again."""
    with session_scope(settings().database_url, write=True) as session:
        try:
            row, raw = tokens.create(session, name=name, role=Role(role))
        except tokens.TokenError as exc:
            raise click.UsageError(str(exc)) from exc
        audit.record(session, _who(), "token.create", target=f"token:{row.id}",
                     after={"id": row.id, "name": name, "role": role})  # fmt: skip
    click.echo(
        f"token {row.id} for {name} ({role}); keep it safe, it is shown only once:", err=True
    )
    click.echo(raw)


@tokens_cli.command("list")
def list_tokens() -> None:
    """Every token: id, name, role, when made, last used, revoked."""
    with session_scope(settings().database_url) as session:
        rows = tokens.all_tokens(session)
    click.echo(f"{'id':>4}  {'name':<24} {'role':<10} {'created':<20} {'last used':<20} revoked")
    for row in rows:
        stamps = [t.strftime("%Y-%m-%d %H:%M:%S") if t else "-" for t in
                  (row.created_at, row.last_used_at, row.revoked_at)]  # fmt: skip
        click.echo(
            f"{row.id:>4}  {row.name:<24} {row.role:<10} {stamps[0]:<20} {stamps[1]:<20} {stamps[2]}"
        )


@tokens_cli.command("revoke")
@click.argument("ident")
def revoke(ident: str) -> None:
    """Revoke a token by id, or every active token of a name."""
    with session_scope(settings().database_url, write=True) as session:
        done = tokens.revoke(session, ident=ident)
        for row in done:
            audit.record(session, _who(), "token.revoke", target=f"token:{row.id}",
                         before={"id": row.id, "name": row.name, "role": str(row.role)})  # fmt: skip
    if not done:
        raise click.ClickException(f"no active token with id or name {ident!r}")
    click.echo(f"revoked {', '.join(str(r.id) for r in done)}")
