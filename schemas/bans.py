"""The bodies for what moderators do to an author: bans, and erasing their personal data."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates_schema

from schemas.moderation import COMMENT_ID, reason_field
from schemas.paging import Cursor, Query

MAX_HOURS = 24 * 365 * 10


class BanCreate(Schema):
    """Ban an email, or the email and/or address behind a comment (never shown raw)."""

    email = fields.Email(validate=validate.Length(max=254))
    comment_id = fields.String(validate=COMMENT_ID)
    kinds = fields.List(
        fields.String(validate=validate.OneOf(("email", "address"))),
        validate=validate.Length(min=1, max=2),
        metadata={"description": "with comment_id: what to ban; default all it has"},
    )
    reason = reason_field()
    expires_in_hours = fields.Float(
        validate=validate.Range(min=0, max=MAX_HOURS, min_inclusive=False)
    )
    expires_at = fields.AwareDateTime()

    @validates_schema
    def one_target(self, data: dict[str, Any], **_: Any) -> None:
        if ("email" in data) == ("comment_id" in data):
            raise ValidationError("Give either email or comment_id.", "_schema")
        if "kinds" in data and "comment_id" not in data:
            raise ValidationError("Only with comment_id.", "kinds")
        if "expires_in_hours" in data and "expires_at" in data:
            raise ValidationError("Give expires_in_hours or expires_at, not both.", "_schema")
        if "expires_at" in data and data["expires_at"] <= datetime.now(UTC):
            raise ValidationError("Must be in the future.", "expires_at")


class AuthorErasureQuery(Schema):
    """Whose data to erase: the email they commented with (any case)."""

    class Meta:
        unknown = EXCLUDE

    email = fields.Email(required=True, validate=validate.Length(max=254))


class AuthorErased(Schema):
    """What an erasure did."""

    erased = fields.Integer(metadata={"description": "comments whose personal data was erased"})
    removed = fields.Integer(metadata={"description": "of them, published ones taken down"})
    email_hash = fields.String(metadata={"description": "keyed hash of the email, as audited"})


class BanRead(Schema):
    id = fields.Integer()
    kind = fields.String()
    value_hash = fields.String(metadata={"description": "keyed hash of the email or address"})
    reason = fields.String(allow_none=True)
    created_by = fields.String(allow_none=True)
    created_at = fields.DateTime()
    expires_at = fields.DateTime(allow_none=True)
    lifted_at = fields.DateTime(allow_none=True)
    active = fields.Boolean()
    created = fields.Boolean(metadata={"description": "false when an active ban already matched"})


class BansCreated(Schema):
    bans = fields.List(fields.Nested(BanRead))


class BanQuery(Query):
    active = fields.Boolean(load_default=True, allow_none=True)


class BanPage(Schema):
    items = fields.List(fields.Nested(BanRead))
    next_cursor = Cursor(allow_none=True, metadata={"type": "string"})
