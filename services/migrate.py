"""Apply the Alembic migrations to the configured database."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from services.config import ROOT


def alembic_config(database_url: str) -> Config:
    """An Alembic config that targets this database."""
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the schema up to date."""
    command.upgrade(alembic_config(database_url), revision)
