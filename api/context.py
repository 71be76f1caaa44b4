"""Per-request helpers the blueprints share: settings, database sessions, client identity."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from flask import current_app, g, request
from sqlalchemy.orm import Session

from services.config import Settings
from services.db import session_scope
from services.security import keyed_hash

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def settings() -> Settings:
    """This app's settings."""
    return current_app.extensions["gatehouse"]


@contextmanager
def db(*, write: bool = False) -> Iterator[Session]:
    """A database session for this request (committed on success); a lock held elsewhere for
    longer than DB_LOCK_TIMEOUT makes it fail (503) rather than keep the reader waiting."""
    config = settings()
    with session_scope(
        config.database_url, write=write, lock_timeout=config.db_lock_timeout
    ) as session:
        yield session


def client_address() -> str:
    """The client's address (proxies are resolved by ProxyFix when configured)."""
    return request.remote_addr or "unknown"


def client_hash() -> str:
    """The client's address as a keyed hash: matchable, never shown."""
    return keyed_hash(settings().secret_key, client_address())


def request_id() -> str:
    """The id that follows this request into its tasks and logs."""
    if "request_id" not in g:
        given = request.headers.get("X-Request-ID", "")
        g.request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
    return g.request_id
