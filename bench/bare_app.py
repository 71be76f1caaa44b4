"""The intake's ceiling: Flask + marshmallow + one Redis LPUSH, nothing else.

REDIS_URL=redis://127.0.0.1:PORT/0 gunicorn -w 2 -k sync 'bench.bare_app:create_app()'
"""

from __future__ import annotations

import json
import os
import uuid

import redis
from flask import Flask, Response, request
from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate


class Submission(Schema):
    """The same fields and limits as the real comment form."""

    class Meta:
        unknown = EXCLUDE

    author_name = fields.String(required=True, validate=validate.Length(min=1, max=80))
    body = fields.String(required=True, validate=validate.Length(min=1, max=5000))
    author_email = fields.Email(load_default=None, allow_none=True)
    parent_id = fields.String(load_default=None, allow_none=True)
    website = fields.String(load_default="", allow_none=True)


def create_app() -> Flask:
    """One route: validate, push the submission on a list, answer 202."""
    app = Flask(__name__)
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    schema = Submission()

    @app.post("/api/v1/articles/<article_id>/comments")
    def post_comment(article_id: str) -> Response:
        try:
            data = schema.load(request.get_json(force=True))
        except ValidationError as exc:
            return Response(json.dumps({"error": exc.messages}), 422, mimetype="application/json")
        comment_id = uuid.uuid4().hex
        client.lpush(
            "bare:comments", json.dumps({"id": comment_id, "article_id": article_id, **data})
        )
        body = {
            "id": comment_id,
            "status": "pending",
            "links": {"self": f"/api/v1/comments/{comment_id}"},
        }
        return Response(json.dumps(body), 202, mimetype="application/json")

    @app.get("/healthz")
    def healthz() -> Response:
        return Response("ok")

    return app
