"""Taking a reader's comment in: read and check the submission, limit the rate, save it once
per Idempotency-Key, answer 202. The route itself is api/site.py's."""

from __future__ import annotations

import json
import re
from typing import Any

from flask import Response, current_app, request, url_for
from marshmallow import ValidationError
from werkzeug.exceptions import BadRequest

from api import context
from api.errors import ApiError
from schemas.comments import CommentAccepted, CommentCreate
from services import comments, faults, inflight, intake
from services.models import CommentStatus
from services.ratelimit import RateLimiter
from workers import dispatch

FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
_IDEMPOTENCY_KEY = re.compile(r"^[\x21-\x7e]{1,128}$")
create_schema = CommentCreate()
accepted_schema = CommentAccepted()


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


def rate_limit() -> None:
    """429 with Retry-After when this client has sent too many comments lately."""
    limiter: RateLimiter = current_app.extensions["gatehouse.comment_limiter"]
    verdict = limiter.hit(context.client_hash())
    if not verdict.allowed:
        raise ApiError(
            429,
            "rate_limited",
            "Too many comments; wait a moment.",
            headers={"Retry-After": str(verdict.retry_after)},
        )


def idempotency_key() -> str | None:
    """The request's Idempotency-Key, if any; 400 for one that is not 1-128 printable ASCII."""
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    if not _IDEMPOTENCY_KEY.match(key):
        raise ApiError(
            400, "malformed", "Idempotency-Key must be 1-128 printable ASCII characters."
        )
    return key


def accepted(comment_id: str, status: str) -> Response:
    """The 202 answer, with the comment's status link in its body and in Location."""
    link = url_for("site.comment_status", comment_id=comment_id)
    body = accepted_schema.dump({"id": comment_id, "status": status, "links": {"self": link}})
    return Response(json.dumps(body), 202, mimetype="application/json", headers={"Location": link})


def submission() -> dict[str, Any]:
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


def save_once(
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
