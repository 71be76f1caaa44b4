"""Shared pieces: the error envelope and text validation."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

ARTICLE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"


def plain_text(*, multiline: bool, required: bool = True) -> validate.Regexp:
    """A pattern refusing NUL and other control characters (line breaks only where allowed).

    As a pattern, not a function, so that the OpenAPI document says it too.
    """
    control = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" if multiline else r"\x00-\x1f\x7f-\x9f"
    allowed = f"[^{control}]*"
    pattern = f"^{allowed}[^\\s{control}]{allowed}$" if required else f"^{allowed}$"
    return validate.Regexp(pattern, error="Must be text without control characters.")


class TrimmedString(fields.String):
    """A string with surrounding white space removed before validation."""

    def _deserialize(self, value, attr, data, **kwargs):  # type: ignore[no-untyped-def,unused-ignore]
        result = super()._deserialize(value, attr, data, **kwargs)
        return result.strip()


class ErrorBody(Schema):
    code = fields.String(required=True)
    message = fields.String(required=True)
    field_messages = fields.Dict(
        keys=fields.String(), values=fields.List(fields.String()), data_key="fields"
    )


class ErrorEnvelope(Schema):
    """Every error under /api/v1: {"error": {"code", "message", "fields"?}}."""

    error = fields.Nested(ErrorBody, required=True)
