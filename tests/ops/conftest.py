"""Ops fixtures: tokens for the ops roles, and a Redis no other test's worker consumes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from services.models import Role
from tests.ops.kit import make_token
from tests.support.processes import RedisServer
from workers import dispatch


@pytest.fixture(autouse=True)
def closed_breaker() -> Iterator[None]:
    """The send breaker is per process: a test that met a missing Redis must not skip the next."""
    dispatch.breaker.reset()
    yield
    dispatch.breaker.reset()


@pytest.fixture
def tokens(app: Flask, database_url: str) -> dict[Role, str]:
    """One token per role."""
    return {role: make_token(database_url, role) for role in Role}


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    """A Redis of this test's own: only the workers this test starts consume from it."""
    server = RedisServer()
    server.start()
    yield server
    server.stop()
