"""The site's routes: post a comment, read its status, read and follow the thread."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from flask import Blueprint, Response, g, request

from api import context, site_intake
from api.errors import ApiError
from schemas.comments import CommentStatusRead, Thread
from schemas.common import ARTICLE_ID_PATTERN
from services import events, metrics, threads
from services.publishing import body_html

bp = Blueprint("site", __name__, url_prefix="/api/v1")

_ARTICLE_ID = re.compile(ARTICLE_ID_PATTERN)
status_schema = CommentStatusRead()
thread_schema = Thread()


def _check_article_id(article_id: str) -> None:
    if not _ARTICLE_ID.match(article_id):
        raise ApiError(404, "not_found", "No such article.")


@bp.post("/articles/<article_id>/comments")
def post_comment(article_id: str) -> Response:
    """Validate, save, queue: answer 202 at once."""
    _check_article_id(article_id)
    data = site_intake.submission()
    key = site_intake.idempotency_key()
    site_intake.rate_limit()
    comment_id, status, created, queued = site_intake.save_once(article_id, data, key)
    if created:
        metrics.RECEIVED.inc()
        # logged once the answer is known, as this request's one line (api/ops.py)
        g.request_log = ("comment received", {"comment_id": comment_id, "article_id": article_id,
                                              "queued": queued})  # fmt: skip
    return site_intake.accepted(comment_id, status)


@bp.get("/comments/<comment_id>")
def comment_status(comment_id: str) -> Response:
    """A comment's public status."""
    with context.db() as session:
        comment = threads.get_comment(session, comment_id)
        if comment is None:
            raise ApiError(404, "not_found", "No such comment.")
        body = status_schema.dump(comment)
    return Response(json.dumps(body), mimetype="application/json")


def _node(node: threads.ThreadNode) -> dict[str, Any]:
    c = node.comment
    return {
        "id": c.id,
        "author_name": c.author_name,
        "body": c.published_body or "",
        "body_html": body_html(c.published_body or ""),
        "parent_id": c.parent_id,
        "published_at": c.published_at,
        "replies": [_node(r) for r in node.replies],
    }


@bp.get("/articles/<article_id>/comments")
def thread(article_id: str) -> Response:
    """The published thread, nested, oldest first, with an ETag."""
    _check_article_id(article_id)
    with context.db() as session:
        published = threads.published_comments(session, article_id)
        roots = threads.build_thread(published)
        body = thread_schema.dump(
            {
                "article_id": article_id,
                "count": len(published),
                "comments": [_node(n) for n in roots],
            }
        )
    response = Response(json.dumps(body), mimetype="application/json")
    response.headers["Cache-Control"] = "no-cache"
    response.add_etag()
    response.make_conditional(request)
    return response


def _sse(redis_url: str, article_id: str) -> Iterator[str]:
    yield "retry: 3000\n\n"
    try:
        for item in events.listen(redis_url, article_id):
            if item is None:
                yield ": keep-alive\n\n"
                continue
            event, data = item
            yield f"event: {event}\ndata: {data}\n\n"
    except Exception:
        yield ": stream interrupted\n\n"


@bp.get("/articles/<article_id>/comments/stream")
def stream(article_id: str) -> Response:
    """Server-Sent Events: comment.published and comment.removed."""
    _check_article_id(article_id)
    redis_url = context.settings().redis_url
    response = Response(_sse(redis_url, article_id), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response
