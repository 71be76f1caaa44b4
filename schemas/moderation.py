"""The moderators' bodies: queue pages, a comment in full, decisions, bans, settings, lists, audit."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, datetime
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates_schema

from schemas.common import ARTICLE_ID_PATTERN, ErrorBody, TrimmedString, plain_text

COMMENT_ID = validate.Regexp(r"^[0-9a-f]{32}$", error="Not a comment id.")
STATUSES = ("pending", "held", "published", "rejected", "removed")
ACTIONS = ("approve", "reject", "remove")
LISTS = ("blocked", "held", "allowed")
MAX_HOURS = 24 * 365 * 10


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


def _reason() -> fields.String:
    return TrimmedString(
        load_default=None, allow_none=True,
        validate=[validate.Length(max=2000), plain_text(multiline=True, required=False)],
    )  # fmt: skip


class Query(Schema):
    """Query strings ignore parameters they do not know (cache busters and the like)."""

    class Meta:
        unknown = EXCLUDE

    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    cursor = Cursor(load_default=None, metadata={"type": "string", "description": "next_cursor"})


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


class DecisionCreate(Schema):
    action = fields.String(required=True, validate=validate.OneOf(ACTIONS))
    reason = _reason()


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


class BanCreate(Schema):
    """Ban an email, or the email and/or address behind a comment (never shown raw)."""

    email = fields.Email(validate=validate.Length(max=254))
    comment_id = fields.String(validate=COMMENT_ID)
    kinds = fields.List(
        fields.String(validate=validate.OneOf(("email", "address"))),
        validate=validate.Length(min=1, max=2),
        metadata={"description": "with comment_id: what to ban; default all it has"},
    )
    reason = _reason()
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


class ArticleSettingsWrite(Schema):
    """Settings to change; those left out keep their value."""

    premoderation = fields.Boolean()
    closed = fields.Boolean()
    policy = fields.Dict(
        keys=fields.String(validate=validate.Length(min=1, max=64)),
        metadata={"description": "thresholds, e.g. spam_hold, toxicity_reject (0..1)"},
    )


class ArticleSettingsRead(ArticleSettingsWrite):
    article_id = fields.String()
    updated_at = fields.DateTime(allow_none=True)


TERM = TrimmedString(
    required=True,
    validate=[validate.Length(min=1, max=120), plain_text(multiline=False)],
)


class TermsRead(Schema):
    blocked = fields.List(fields.String())
    held = fields.List(fields.String())
    allowed = fields.List(fields.String())


class TermsReplace(Schema):
    terms = fields.List(TERM, required=True, validate=validate.Length(max=5000))


class TermCreate(Schema):
    term = TERM


class TermListRead(Schema):
    list = fields.String()
    terms = fields.List(fields.String())


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
