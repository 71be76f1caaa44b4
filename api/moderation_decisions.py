"""The moderators' decisions: approve, reject or remove one comment, or many at once."""

from __future__ import annotations

from typing import Any

from flask import g

from api import context
from api.auth import require_role, who
from api.moderation_kit import MODERATORS, bp, json_body, load
from api.moderation_queue import detail
from api.openapi import document
from schemas import decisions as s
from services import audit, events, review

ANNOUNCE = {"approve": events.PUBLISHED, "remove": events.REMOVED}


def conflict_body(status: str) -> dict[str, Any]:
    """The 409 body for a decision that does not fit the comment's current status."""
    message = f"The comment is {status}; this decision does not apply to it."
    return {
        "error": {"code": "conflict", "message": message, "current_status": status},
        "status": status,
    }


def apply_decision(comment_id: str, action: str, reason: str | None) -> tuple[int, dict[str, Any]]:
    """Decide one comment in its own transaction, audit it, then tell live readers."""
    with context.db(write=True) as session:
        try:
            done, before = review.decide(
                session, comment_id, action=action, actor=g.actor, reason=reason,
                site_policy=context.settings().site_policy,
            )  # fmt: skip
        except review.NotFound as exc:
            return 404, {"error": {"code": "not_found", "message": str(exc)}}
        except review.Conflict as exc:
            return 409, conflict_body(exc.status)
        audit.record(
            session, who(), f"comment.{action}", comment_id=comment_id,
            target=f"article:{done.article_id}", before={"status": str(before)},
            after={"status": str(done.status)}, detail=reason,
        )  # fmt: skip
        session.flush()
        body = {"id": done.id, "status": str(done.status), "comment": detail(session, done)}
    if action in ANNOUNCE:
        events.announce(context.settings().redis_url, ANNOUNCE[action], done)
    return 200, body


@bp.post("/comments/<comment_id>/decision")
@document(
    request=s.DecisionCreate,
    responses={200: s.DecisionDone, 404: "no such comment", 409: s.ConflictEnvelope},
)
@require_role(*MODERATORS)
def decision(comment_id: str) -> tuple[dict[str, Any], int]:
    """Approve (publish), reject, or remove (take down) one comment."""
    data = load(s.DecisionCreate(), json_body())
    status, body = apply_decision(comment_id, data["action"], data["reason"])
    return body, status


@bp.post("/decisions")
@document(request=s.BulkDecisionCreate, responses={200: s.BulkDecisionDone})
@require_role(*MODERATORS)
def bulk_decisions() -> dict[str, Any]:
    """The same decision for many comments; each stands or fails on its own."""
    data = load(s.BulkDecisionCreate(), json_body())
    results = []
    for comment_id in dict.fromkeys(data["ids"]):
        status, body = apply_decision(comment_id, data["action"], data["reason"])
        result = {"id": comment_id, "status": body.get("status"), "ok": status == 200}
        if status != 200:
            result["error"] = {"code": body["error"]["code"], "message": body["error"]["message"]}
        results.append(result)
    return {"results": results}
