"""A moderation desk per test: the app and client of the root fixtures, plus a token per role."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from services.models import Role
from tests.moderation.kit import Desk, make_token


@pytest.fixture
def desk(app: Flask, client: FlaskClient, database_url: str) -> Desk:
    return Desk(app, client, {role: make_token(database_url, role) for role in Role})
