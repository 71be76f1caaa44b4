"""The bodies for an article's moderation settings and the site's word lists."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import TrimmedString, plain_text

LISTS = ("blocked", "held", "allowed")


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
