"""The audit trail's bodies: the query that filters it and its pages."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.moderation import COMMENT_ID
from schemas.paging import Cursor, Query


class AuditQuery(Query):
    comment_id = fields.String(validate=COMMENT_ID)
    actor = fields.String(validate=validate.Length(min=1, max=120))
    action = fields.String(
        validate=validate.Regexp(r"^[a-z_.]{1,64}$"),
        metadata={"description": "e.g. comment.approve, or a family: auth"},
    )


class AuditEntryRead(Schema):
    id = fields.Integer()
    at = fields.DateTime()
    actor = fields.String(allow_none=True)
    role = fields.String(allow_none=True)
    action = fields.String()
    comment_id = fields.String(allow_none=True)
    target = fields.String(allow_none=True)
    before = fields.Dict(allow_none=True)
    after = fields.Dict(allow_none=True)
    remote_addr = fields.String(allow_none=True)
    detail = fields.String(allow_none=True)


class AuditPage(Schema):
    items = fields.List(fields.Nested(AuditEntryRead))
    next_cursor = Cursor(allow_none=True, metadata={"type": "string"})
