"""`flask --app api ...` commands: database, moderation evaluation."""

from __future__ import annotations

import json

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from api.context import settings

db_cli = AppGroup("db", help="The comment store.")
moderation_cli = AppGroup("moderation", help="The moderation pipeline.")


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Apply the schema migrations to DATABASE_URL."""
    from services.migrate import upgrade

    upgrade(settings().database_url)
    click.echo("database is up to date")


@moderation_cli.command("evaluate")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def evaluate(path: str) -> None:
    """Run the pipeline (filter, score, policy; no queue) over a CSV of text,label."""
    from services.evaluation import evaluate_csv
    from services.pipeline import Context, PolicySettings

    policy = PolicySettings.from_mapping(dict(current_app.extensions["gatehouse"].site_policy))
    table, summary = evaluate_csv(path, context=Context(settings=policy))
    click.echo(table)
    click.echo(json.dumps(summary))


def register(app: Flask) -> None:
    """Attach the command groups."""
    app.cli.add_command(db_cli)
    app.cli.add_command(moderation_cli)
    from api.tokens_cli import tokens_cli

    app.cli.add_command(tokens_cli)
