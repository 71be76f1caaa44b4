"""Shared pieces: the error envelope and text validation."""

from __future__ import annotations

import unicodedata

from marshmallow import Schema, ValidationError, fields

ARTICLE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"


def plain_text(*, multiline: bool) -> object:
    """A validator refusing NUL and control characters (newlines only where allowed)."""
    allowed = {"\n", "\r", "\t"} if multiline else set()

    def check(value: str) -> None:
        for char in value:
            if char not in allowed and unicodedata.category(char) == "Cc":
                raise ValidationError("Must not contain control characters.")

    return check


class TrimmedString(fields.String):
    """A string with surrounding white space removed before validation."""

    def _deserialize(self, value, attr, data, **kwargs):  # type: ignore[no-untyped-def]
        result = super()._deserialize(value, attr, data, **kwargs)
        return result.strip()


class ErrorBody(Schema):
    code = fields.String(required=True)
    message = fields.String(required=True)
    fields = fields.Dict(keys=fields.String(), values=fields.List(fields.String()))


class ErrorEnvelope(Schema):
    """Every error under /api/v1: {"error": {"code", "message", "fields"?}}."""

    error = fields.Nested(ErrorBody, required=True)
