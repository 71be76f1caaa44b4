"""Fault tests: real processes of each test's own, and a database emptied for each."""

from __future__ import annotations

import pytest

from tests.conftest import truncate
from workers import dispatch


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "faults: kills, restarts and outages on real processes (make faults)"
    )


@pytest.fixture
def db(database_url: str) -> str:
    """The session's database, emptied: the beat re-sends every stale pending comment in it."""
    truncate(database_url)
    dispatch.breaker.reset()
    return database_url
