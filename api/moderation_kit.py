"""What the moderators' route modules share: the blueprint, its roles, reading input, paging."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request
from marshmallow import Schema, ValidationError

from api.auth import deny_unmarked
from api.errors import ApiError
from services import review
from services.models import Role

bp = Blueprint("moderation", __name__, url_prefix="/api/v1/moderation")
bp.before_request(deny_unmarked)

MODERATORS = (Role.MODERATOR, Role.ADMIN)


def load(schema: Schema, data: Any) -> dict[str, Any]:
    """Validated input, or 422 with per-field messages."""
    try:
        return schema.load(data)
    except ValidationError as exc:
        raise ApiError(
            422, "invalid", "Some fields are invalid.", fields=exc.normalized_messages()
        ) from exc


def json_body() -> Any:
    """The request's JSON; 415 for other content types, 400 when it does not parse."""
    if not request.is_json:
        raise ApiError(415, "unsupported_media_type", "Send JSON (application/json).")
    data = request.get_json(silent=True)
    if data is None:
        raise ApiError(400, "malformed", "The body is not valid JSON.")
    return data


def invalid(exc: review.Invalid) -> ApiError:
    """422 naming the field a service refused."""
    return ApiError(422, "invalid", str(exc), fields={exc.field: [str(exc)]})


def after(cursor: list[Any] | None, kind: str, size: int = 2) -> Any:
    """The page key inside a cursor made for this listing; 422 for one made for another."""
    if cursor is None:
        return None
    if cursor[0] != kind or len(cursor) != size + 1:
        raise ApiError(
            422, "invalid", "Some fields are invalid.", fields={"cursor": ["Not for this listing."]}
        )
    return tuple(cursor[1:]) if size > 1 else cursor[1]


def paged(rows: list[Any], limit: int, kind: str) -> tuple[list[Any], list[Any] | None]:
    """A page of rows fetched one over the limit, and the cursor after it (None at the end)."""
    page = rows[:limit]
    return page, ([kind, page[-1].id] if len(rows) > limit else None)
