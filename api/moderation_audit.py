"""The audit trail, read only: who did what, when, to which comment."""

from __future__ import annotations

from typing import Any

from flask import request

from api import context
from api.auth import require_role
from api.moderation_kit import MODERATORS, after, bp, load, paged
from api.openapi import document
from schemas import audit as s
from services import audit


@bp.get("/audit")
@document(query=s.AuditQuery, responses={200: s.AuditPage})
@require_role(*MODERATORS)
def audit_log() -> dict[str, Any]:
    """Who did what, when, to which comment, from where; newest first. Nothing edits it."""
    args = load(s.AuditQuery(), request.args)
    with context.db() as session:
        rows = audit.entries(
            session, comment_id=args.get("comment_id"), actor=args.get("actor"),
            action=args.get("action"), before_id=after(args["cursor"], "audit", 1),
            limit=args["limit"] + 1,
        )  # fmt: skip
    page, next_cursor = paged(rows, args["limit"], "audit")
    return s.AuditPage().dump({"items": page, "next_cursor": next_cursor})
