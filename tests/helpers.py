"""Small helpers shared by the tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from flask.testing import FlaskClient

T = TypeVar("T")

ARTICLE = "state-visit-moscow"


def post(client: FlaskClient, article: str = ARTICLE, **fields: Any) -> Any:
    """POST a JSON comment; fields default to a clean one."""
    payload = {"author_name": "Ana", "body": "A fair and careful report, thank you.", **fields}
    headers = payload.pop("headers", {})
    return client.post(f"/api/v1/articles/{article}/comments", json=payload, headers=headers)


def eventually(probe: Callable[[], T | None], timeout: float = 20.0, interval: float = 0.05) -> T:
    """Poll until probe returns something truthy; fail with the last value after timeout."""
    deadline = time.monotonic() + timeout
    value = probe()
    while not value and time.monotonic() < deadline:
        time.sleep(interval)
        value = probe()
    assert value, f"condition not met within {timeout}s (last value {value!r})"
    return value
