"""One JSON error envelope for everything under /api."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, jsonify, request
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException


class ApiError(Exception):
    """An error answer: status, a stable code, words for people, and per-field messages."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        fields: dict[str, list[str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.fields, self.headers = fields, headers or {}


def flatten_fields(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """Marshmallow's nested messages as {"a.b": ["message", ...]}, the contract's shape."""
    if not isinstance(messages, dict):
        items = messages if isinstance(messages, list) else [messages]
        return {prefix or "_schema": [str(item) for item in items]}
    flat: dict[str, list[str]] = {}
    for key, value in messages.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        for field, texts in flatten_fields(value, name).items():
            flat.setdefault(field, []).extend(texts)
    return flat


def error_response(
    status: int, code: str, message: str, fields: dict[str, Any] | None = None
) -> Response:
    """The envelope {"error": {"code", "message", "fields"?}} with a status."""
    body: dict[str, Any] = {"code": code, "message": message}
    if fields is not None:
        body["fields"] = flatten_fields(fields)
    response = jsonify({"error": body})
    response.status_code = status
    return response


def _api_error(exc: ApiError) -> Response:
    response = error_response(exc.status, exc.code, exc.message, exc.fields)
    response.headers.update(exc.headers)
    return response


def _http_error(exc: HTTPException) -> Response | HTTPException:
    if not request.path.startswith("/api"):
        return exc
    code = (exc.name or "error").lower().replace(" ", "_")
    response = error_response(exc.code or 500, code, exc.description or exc.name)
    for name in ("Allow", "Retry-After"):
        if name in exc.get_response().headers:
            response.headers[name] = exc.get_response().headers[name]
    return response


def _database_unavailable(exc: OperationalError) -> Response:
    response = error_response(
        503, "unavailable", "The comment store is busy or unavailable; try again shortly."
    )
    response.headers["Retry-After"] = "5"
    return response


def register(app: Flask) -> None:
    """Install the handlers."""
    app.register_error_handler(ApiError, _api_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(OperationalError, _database_unavailable)
