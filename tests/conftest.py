"""Fixtures: a real Redis on a free port, a migrated database, the app, and real Celery workers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import text

from api import create_app
from services.db import get_engine
from services.migrate import upgrade
from services.models import Base
from tests.support.processes import RedisServer, WorkerProcess

SECRET = "test-secret"


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A real Redis server of our own, never the one on 6379."""
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """TEST_DATABASE_URL (PostgreSQL in CI) or a SQLite file, migrated to head."""
    url = os.environ.get("TEST_DATABASE_URL") or (
        f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    )
    if url.startswith("postgresql"):
        with get_engine(url).begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    upgrade(url)
    return url


def truncate(url: str) -> None:
    """Empty every table, keeping the schema."""
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with get_engine(url).begin() as conn:
        if url.startswith("postgresql"):
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(text(f"DELETE FROM {table}"))


@pytest.fixture
def clean(database_url: str, redis_server: RedisServer) -> None:
    """A fresh database and Redis for each test."""
    truncate(database_url)
    redis.Redis.from_url(redis_server.url).flushall()


def settings_for(database_url: str, redis_url: str, **extra: object) -> dict[str, object]:
    """App config pointing at the test database and Redis."""
    return {
        "database_url": database_url,
        "redis_url": redis_url,
        "secret_key": SECRET,
        "comment_rate_limit": "off",
        "TESTING": True,
        **extra,
    }


@pytest.fixture
def app(
    database_url: str, redis_server: RedisServer, clean: None, request: pytest.FixtureRequest
) -> Flask:
    """The app on the test database; its tasks reach the session's worker only if the test asks."""
    redis_url = redis_server.url
    if "worker" not in request.fixturenames:
        redis_url = redis_url.rsplit("/", 1)[0] + "/1"  # a queue no worker consumes
    return create_app(settings_for(database_url, redis_url))


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


def worker_env(database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    """Environment for a worker process that shares the test's database and Redis."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SECRET_KEY": SECRET,
        "JSON_LOGS": "1",
        **extra,
    }


@pytest.fixture(scope="session")
def worker(
    database_url: str, redis_server: RedisServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WorkerProcess]:
    """One real Celery worker process (prefork, 2 children) for the whole session."""
    log = Path(tmp_path_factory.mktemp("worker")) / "worker.log"
    proc = WorkerProcess(
        env=worker_env(database_url, redis_server.url), log_path=log, concurrency=2
    )
    proc.start()
    proc.wait_ready(timeout=60)
    yield proc
    proc.stop()
