"""The moderators' decision bodies: one comment's, many comments' at once, and the 409."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import ErrorBody
from schemas.moderation import COMMENT_ID, CommentDetail, reason_field

ACTIONS = ("approve", "reject", "remove")


class DecisionCreate(Schema):
    action = fields.String(required=True, validate=validate.OneOf(ACTIONS))
    reason = reason_field()


class DecisionDone(Schema):
    id = fields.String()
    status = fields.String()
    comment = fields.Nested(CommentDetail)


class ConflictBody(ErrorBody):
    current_status = fields.String()


class ConflictEnvelope(Schema):
    """409: the decision does not fit the comment's current status."""

    error = fields.Nested(ConflictBody)
    status = fields.String()


class BulkDecisionCreate(DecisionCreate):
    ids = fields.List(
        fields.String(validate=COMMENT_ID), required=True, validate=validate.Length(min=1, max=100)
    )


class DecisionResult(Schema):
    id = fields.String()
    status = fields.String(allow_none=True)
    ok = fields.Boolean()
    error = fields.Nested(ErrorBody)


class BulkDecisionDone(Schema):
    results = fields.List(fields.Nested(DecisionResult))
