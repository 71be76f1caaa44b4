"""The ops routes: health, readiness, metrics, the queues view and the dead letters.

The blueprint also installs the app-wide hooks ops need: JSON logs with the request id on
every line, one log line and one timing per request, and the intake's answers by status code.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from flask import Blueprint, Response, current_app, g, jsonify, request
from flask.blueprints import BlueprintSetupState
from marshmallow import ValidationError

from api import context
from api.auth import require_role, who
from api.errors import ApiError
from schemas.ops import DeadLetterPage, DeadLetterQuery, QueuesRead, Readiness, ReplayRead
from services import audit, logs, metrics, ops
from services.models import Role
from services.readiness import Readiness as ReadinessCheck
from workers import dispatch

log = logging.getLogger(__name__)
bp = Blueprint("ops", __name__)

INTAKE_ENDPOINT = "site.post_comment"
QUIET_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
OPS_ROLES = (Role.OPS, Role.ADMIN)
queues_schema, page_schema, replay_schema = QueuesRead(), DeadLetterPage(), ReplayRead()
query_schema, readiness_schema = DeadLetterQuery(), Readiness()


@bp.record_once
def _install(state: BlueprintSetupState) -> None:
    app = state.app
    settings = app.extensions["gatehouse"]
    if not app.testing:
        logs.configure(settings.log_level, json_lines=settings.json_logs)
    ttl = float(app.config.get("READINESS_CACHE_SECONDS", 2.0))
    app.extensions["gatehouse.readiness"] = ReadinessCheck(settings, ttl=ttl)


@bp.before_app_request
def _start() -> None:
    g.ops_started = time.perf_counter()
    g.ops_log_token = logs.bind(request_id=context.request_id())


@bp.after_app_request
def _observe(response: Response) -> Response:
    seconds = time.perf_counter() - g.get("ops_started", time.perf_counter())
    endpoint = request.endpoint or "unmatched"
    metrics.HTTP_SECONDS.labels(endpoint).observe(seconds)
    if endpoint == INTAKE_ENDPOINT and request.method == "POST":  # not CORS preflights
        metrics.INTAKE.labels(str(response.status_code)).inc()
    if request.path not in QUIET_PATHS:
        # one line per request: a view may name it and add its own fields (a new comment's id)
        message, fields = g.pop("request_log", ("request", {}))
        log.info(message, extra={
            "method": request.method, "path": request.path, "endpoint": endpoint,
            "status": response.status_code, "duration_ms": round(seconds * 1000, 2), **fields,
        })  # fmt: skip
    return response


@bp.teardown_app_request
def _finish(_exc: BaseException | None) -> None:
    token = g.pop("ops_log_token", None)
    if token is not None:
        logs.unbind(token)


@bp.get("/healthz")
def healthz() -> dict[str, str]:
    """200 while the process serves."""
    return {"status": "ok"}


@bp.get("/readyz")
def readyz() -> tuple[Response, int]:
    """200 when the database, Redis and at least one worker answer; 503 naming what does not."""
    checks = current_app.extensions["gatehouse.readiness"].checks()
    ready = all(state == "ok" for state in checks.values())
    body = readiness_schema.dump({"status": "ok" if ready else "unavailable", "checks": checks})
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    return response, 200 if ready else 503


@bp.get("/metrics")
def prometheus_metrics() -> Response:
    """Prometheus text: this machine's counters and histograms, and gauges of shared state."""
    body = metrics.exposition(context.settings())
    return Response(body, content_type=metrics.CONTENT_TYPE, headers={"Cache-Control": "no-store"})


@bp.get("/api/v1/ops/queues")
@require_role(*OPS_ROLES)
def queues() -> Response:
    """Depth of every queue, the live workers, the backlog, dead letters and throughput."""
    return jsonify(queues_schema.dump(ops.overview(context.settings(), metrics.QUEUES)))


def _query() -> dict[str, Any]:
    try:
        return query_schema.load(request.args.to_dict())
    except ValidationError as exc:
        fields = exc.normalized_messages()
        raise ApiError(422, "invalid", "Some parameters are invalid.", fields=fields) from exc


@bp.get("/api/v1/ops/dead-letters")
@require_role(*OPS_ROLES)
def dead_letters() -> Response:
    """Comments whose moderation failed for good, newest first (?state=open|replayed|all)."""
    args = _query()
    with context.db() as session:
        items = ops.dead_letters(
            session, limit=args["limit"] + 1, before=args["cursor"], state=args["state"]
        )
    more = len(items) > args["limit"]
    items = items[: args["limit"]]
    next_cursor = str(items[-1]["id"]) if more else None
    return jsonify(page_schema.dump({"items": items, "next_cursor": next_cursor}))


@bp.post("/api/v1/ops/dead-letters/<int:dead_letter_id>/replay")
@require_role(*OPS_ROLES)
def replay(dead_letter_id: int) -> tuple[Response, int]:
    """Send a dead letter's comment back through the flow with a fresh set of attempts."""
    settings = context.settings()
    try:
        with context.db(write=True) as session:
            done = ops.replay(session, dead_letter_id)
            audit.record(session, who(), "dead_letter.replay", comment_id=done.dead_letter["comment_id"],
                         target=f"dead_letter:{dead_letter_id}")  # fmt: skip
    except ops.ReplayError as exc:
        raise ApiError(exc.status, exc.code, str(exc)) from exc
    comment_id = done.dead_letter["comment_id"]
    queued = done.pending and dispatch.send_moderation(settings, comment_id, done.request_id)
    metrics.REPLAYED.inc()
    log.info("dead letter replayed", extra={"comment_id": comment_id, "queued": queued,
             "dead_letter_id": dead_letter_id, "comment_request_id": done.request_id})  # fmt: skip
    if queued:
        message = "The comment is queued for moderation with a fresh set of attempts."
    elif done.pending:
        message = "The queue is unavailable; the comment will be re-sent when it is back."
    else:
        message = f"The comment is {done.comment_status} already; nothing was queued."
    body = {"dead_letter": done.dead_letter, "comment_status": done.comment_status,
            "queued": queued, "message": message}  # fmt: skip
    return jsonify(replay_schema.dump(body)), 202
