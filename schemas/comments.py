"""The site's bodies: a new comment, its status, the published thread."""

from __future__ import annotations

from typing import Any

from marshmallow import EXCLUDE, Schema, fields, post_load, pre_load, validate

from schemas.common import TrimmedString, plain_text


class CommentCreate(Schema):
    """A reader's submission, as JSON or form fields."""

    class Meta:
        unknown = EXCLUDE

    author_name = TrimmedString(
        required=True,
        validate=[validate.Length(min=1, max=80), plain_text(multiline=False)],
    )
    body = TrimmedString(
        required=True,
        validate=[validate.Length(min=1, max=5000), plain_text(multiline=True)],
    )
    author_email = fields.Email(
        load_default=None, allow_none=True, validate=validate.Length(max=254)
    )
    parent_id = fields.String(
        load_default=None, allow_none=True, validate=validate.Regexp(r"^[0-9a-f]{32}$")
    )
    website = fields.String(
        load_default="", allow_none=True, metadata={"description": "honeypot: leave empty"}
    )

    @pre_load
    def blank_to_none(self, data: Any, **_: Any) -> Any:
        """Forms send empty strings for optional fields left blank."""
        if not isinstance(data, dict):
            return data
        cleaned = dict(data)
        for name in ("author_email", "parent_id"):
            if cleaned.get(name) == "":
                cleaned[name] = None
        return cleaned

    @post_load
    def honeypot(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        data["honeypot"] = bool((data.pop("website", None) or "").strip())
        return data


class Links(Schema):
    self = fields.String(required=True)


class CommentAccepted(Schema):
    """The 202 answer: the comment is saved and queued."""

    id = fields.String(required=True)
    status = fields.String(required=True)
    links = fields.Nested(Links, required=True)


class CommentStatusRead(Schema):
    """A comment's public status."""

    id = fields.String(required=True)
    article_id = fields.String(required=True)
    status = fields.String(required=True)


class ThreadComment(Schema):
    """One published comment with its replies, as readers see it."""

    id = fields.String(required=True)
    author_name = fields.String(required=True)
    body = fields.String(required=True, metadata={"description": "plain text, censored by policy"})
    body_html = fields.String(metadata={"description": "the body escaped as inert HTML"})
    parent_id = fields.String(allow_none=True)
    published_at = fields.DateTime(required=True)
    replies = fields.List(fields.Nested(lambda: ThreadComment()), required=True)


class Thread(Schema):
    """An article's published thread, oldest first."""

    article_id = fields.String(required=True)
    count = fields.Integer(required=True)
    comments = fields.List(fields.Nested(ThreadComment), required=True)
