"""The site's routes: post a comment, read its status, read and follow the thread."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from flask import Blueprint, Response, current_app, g, request, url_for
from marshmallow import ValidationError
from werkzeug.exceptions import BadRequest

from api import context
from api.errors import ApiError
from schemas.comments import CommentAccepted, CommentCreate, CommentStatusRead, Thread
from schemas.common import ARTICLE_ID_PATTERN
from services import comments, events, faults, inflight, intake, metrics
from services.models import CommentStatus
from services.publishing import body_html
from services.ratelimit import RateLimiter
from workers import dispatch

bp = Blueprint("site", __name__, url_prefix="/api/v1")

FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
_ARTICLE_ID = re.compile(ARTICLE_ID_PATTERN)
_IDEMPOTENCY_KEY = re.compile(r"^[\x21-\x7e]{1,128}$")
create_schema = CommentCreate()
accepted_schema = CommentAccepted()
status_schema = CommentStatusRead()
thread_schema = Thread()


def _check_article_id(article_id: str) -> None:
    if not _ARTICLE_ID.match(article_id):
        raise ApiError(404, "not_found", "No such article.")


def _payload() -> dict[str, Any]:
    """The submission as a dict, from JSON or form fields; 415/400 otherwise."""
    mimetype = request.mimetype
    if mimetype in FORM_TYPES:
        form = request.form.to_dict()
        request.stream.read(1)  # past the size limit a body without a length raises 413 here
        return form
    if mimetype != "application/json" and not mimetype.endswith("+json"):
        raise ApiError(415, "unsupported_media_type", "Send JSON or form fields.")
    raw = request.get_data(cache=False)
    request.stream.read(1)  # past the size limit a body without a length raises 413 here
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise ApiError(400, "malformed", "The body is not valid UTF-8 JSON.") from exc
    if not isinstance(data, dict):
        raise ApiError(400, "malformed", "The body must be a JSON object.")
    return data


def _rate_limit() -> None:
    limiter: RateLimiter = current_app.extensions["gatehouse.comment_limiter"]
    verdict = limiter.hit(context.client_hash())
    if not verdict.allowed:
        raise ApiError(
            429,
            "rate_limited",
            "Too many comments; wait a moment.",
            headers={"Retry-After": str(verdict.retry_after)},
        )


def _idempotency_key() -> str | None:
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    if not _IDEMPOTENCY_KEY.match(key):
        raise ApiError(
            400, "malformed", "Idempotency-Key must be 1-128 printable ASCII characters."
        )
    return key


def _accepted(comment_id: str, status: str) -> Response:
    link = url_for("site.comment_status", comment_id=comment_id)
    body = accepted_schema.dump({"id": comment_id, "status": status, "links": {"self": link}})
    return Response(json.dumps(body), 202, mimetype="application/json", headers={"Location": link})


def _submission() -> dict[str, Any]:
    """The validated fields of the request; 400, 415 or 422 when they are not."""
    try:
        payload = _payload()
    except BadRequest as exc:
        raise ApiError(400, "malformed", "The body could not be read.") from exc
    try:
        return create_schema.load(payload)
    except ValidationError as exc:
        raise ApiError(
            422, "invalid", "Some fields are invalid.", fields=exc.normalized_messages()
        ) from exc


def _save(article_id: str, data: dict[str, Any], key: str | None) -> tuple[str, str, bool, bool]:
    """Commit the comment (or find the one this Idempotency-Key made) and queue it if new: its
    id, its status, whether it is new and whether it was queued."""
    client = comments.ClientInfo(
        client_hash=context.client_hash(),
        user_agent=(request.user_agent.string or "")[:512] or None,
        request_id=context.request_id(),
    )
    faults.check("intake", data["body"])
    submission = comments.Submission(**data)
    config = context.settings()
    if key is None:  # the common case: committed and queued with this process's other writers
        saved = intake.save_if_open(
            config.database_url,
            article_id=article_id,
            submission=submission,
            client=client,
            hand_on=current_app.extensions["gatehouse.hand_on"],
            lock_timeout=config.db_lock_timeout,
        )
        if saved is not None:
            return saved.id, str(CommentStatus.PENDING), True, saved.queued
    try:
        with context.db(write=True) as session:
            comment, created = comments.submit(
                session,
                article_id=article_id,
                submission=submission,
                client=client,
                idempotency_key=key,
            )
            comment_id, status = comment.id, str(comment.status)
    except comments.ArticleClosed as exc:
        raise ApiError(403, exc.code, str(exc)) from exc
    except comments.IntakeError as exc:
        fields = {exc.field: [str(exc)]} if exc.field else None
        raise ApiError(422, exc.code, str(exc), fields=fields) from exc
    queued = created and dispatch.send_moderation(config, comment_id, context.request_id())
    return comment_id, status, created, queued


def _save_once(
    article_id: str, data: dict[str, Any], key: str | None
) -> tuple[str, str, bool, bool]:
    """Save, holding a lease on the Idempotency-Key so a concurrent twin gets 409."""
    if key is None:
        return _save(article_id, data, None)
    settings = context.settings()
    with inflight.lease(
        settings.redis_url, f"{article_id}:{key}", timeout=settings.redis_timeout
    ) as held:
        if held:
            return _save(article_id, data, key)
    with context.db() as session:
        done = comments.find_by_idempotency_key(session, article_id, key)
    if done is None:
        raise ApiError(409, "in_progress", "A request with this Idempotency-Key is in progress.")
    return _save(article_id, data, key)


@bp.post("/articles/<article_id>/comments")
def post_comment(article_id: str) -> Response:
    """Validate, save, queue: answer 202 at once."""
    _check_article_id(article_id)
    data = _submission()
    key = _idempotency_key()
    _rate_limit()
    comment_id, status, created, queued = _save_once(article_id, data, key)
    if created:
        metrics.RECEIVED.inc()
        # logged once the answer is known, as this request's one line (api/ops.py)
        g.request_log = ("comment received", {"comment_id": comment_id, "article_id": article_id,
                                              "queued": queued})  # fmt: skip
    return _accepted(comment_id, status)


@bp.get("/comments/<comment_id>")
def comment_status(comment_id: str) -> Response:
    """A comment's public status."""
    with context.db() as session:
        comment = comments.get_comment(session, comment_id)
        if comment is None:
            raise ApiError(404, "not_found", "No such comment.")
        body = status_schema.dump(comment)
    return Response(json.dumps(body), mimetype="application/json")


def _node(node: comments.ThreadNode) -> dict[str, Any]:
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
        published = comments.published_comments(session, article_id)
        roots = comments.build_thread(published)
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
