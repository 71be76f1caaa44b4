"""Paged listings: the opaque cursor and the query string every listing takes."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate


def encode_cursor(values: list[Any] | None) -> str | None:
    """An opaque page marker: base64url of a small JSON list."""
    if values is None:
        return None
    raw = json.dumps(list(values), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


class Cursor(fields.Field):
    """A page marker made by encode_cursor, read back as its list."""

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> str | None:
        return encode_cursor(value)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> list[Any]:
        try:
            raw = base64.urlsafe_b64decode(str(value) + "=" * (-len(str(value)) % 4))
            decoded = json.loads(raw)
        except (ValueError, binascii.Error) as exc:
            raise ValidationError("Not a cursor from this API.") from exc
        if not isinstance(decoded, list) or not decoded:
            raise ValidationError("Not a cursor from this API.")
        return decoded


class Query(Schema):
    """Query strings ignore parameters they do not know (cache busters and the like)."""

    class Meta:
        unknown = EXCLUDE

    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    cursor = Cursor(load_default=None, metadata={"type": "string", "description": "next_cursor"})
