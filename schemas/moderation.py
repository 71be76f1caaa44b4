"""The moderators' bodies for comments: queue pages and a comment in full, and the fields the
decision, ban and audit bodies (schemas/decisions.py, bans.py, audit.py) take from them."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import ARTICLE_ID_PATTERN, TrimmedString, plain_text
from schemas.paging import Cursor, Query

COMMENT_ID = validate.Regexp(r"^[0-9a-f]{32}$", error="Not a comment id.")
STATUSES = ("pending", "held", "published", "rejected", "removed")


def reason_field() -> fields.String:
    """A moderator's optional reason: trimmed plain text, up to 2,000 characters."""
    return TrimmedString(
        load_default=None, allow_none=True,
        validate=[validate.Length(max=2000), plain_text(multiline=True, required=False)],
    )  # fmt: skip


class QueueQuery(Query):
    status = fields.String(load_default="held", validate=validate.OneOf(STATUSES))
    article_id = fields.String(validate=validate.Regexp(ARTICLE_ID_PATTERN))
    reason = fields.String(
        validate=validate.Regexp(r"^[A-Za-z0-9_.:-]{1,64}$"),
        metadata={"description": "one reason code, e.g. spam_link"},
    )
    author = TrimmedString(
        validate=validate.Length(min=1, max=254),
        metadata={"description": "author name or email (case-insensitive), or client hash"},
    )
    order = fields.String(
        load_default="oldest", validate=validate.OneOf(("oldest", "score")),
        metadata={"description": "oldest first, or highest risk score (spam, toxicity) first"},
    )  # fmt: skip


class Match(Schema):
    term = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    source = fields.String(metadata={"description": "which list or filter matched"})


class QueueItem(Schema):
    id = fields.String()
    article_id = fields.String()
    author_name = fields.String()
    body = fields.String(metadata={"description": "the original text"})
    status = fields.String()
    scores = fields.Dict(keys=fields.String(), values=fields.Float())
    reasons = fields.List(fields.String())
    explanations = fields.List(fields.String())
    created_at = fields.DateTime()


class QueuePage(Schema):
    items = fields.List(fields.Nested(QueueItem))
    next_cursor = Cursor(allow_none=True, metadata={"type": "string"})


class DecisionRead(Schema):
    """One step of a comment's history, by the machine or a moderator."""

    id = fields.Integer()
    actor = fields.String()
    action = fields.String()
    from_status = fields.String()
    to_status = fields.String()
    reason = fields.String(allow_none=True)
    scores = fields.Dict(keys=fields.String(), values=fields.Float())
    created_at = fields.DateTime()


class ClientRead(Schema):
    """Where a comment came from: the address only as a keyed hash."""

    client_hash = fields.String(allow_none=True)
    user_agent = fields.String(allow_none=True)
    request_id = fields.String(allow_none=True)


class CommentDetail(QueueItem):
    """Everything about one comment."""

    parent_id = fields.String(allow_none=True)
    author_email = fields.String(allow_none=True)
    published_body = fields.String(allow_none=True, metadata={"description": "what readers see"})
    matches = fields.List(fields.Nested(Match))
    client = fields.Nested(ClientRead)
    author_banned = fields.Boolean()
    attempts = fields.Integer()
    decided_at = fields.DateTime(allow_none=True)
    published_at = fields.DateTime(allow_none=True)
    updated_at = fields.DateTime()
    decisions = fields.List(fields.Nested(DecisionRead))
