"""The moderators' queue and one comment in full."""

from __future__ import annotations

from typing import Any

from flask import request
from sqlalchemy.orm import Session

from api import context
from api.auth import require_role
from api.errors import ApiError
from api.moderation_kit import MODERATORS, after, bp, invalid, load
from api.openapi import document
from schemas import moderation as s
from services import bans, review
from services.models import Comment, CommentStatus


@bp.get("/queue")
@document(query=s.QueueQuery, responses={200: s.QueuePage})
@require_role(*MODERATORS)
def queue() -> dict[str, Any]:
    """Comments awaiting (or past) review, filtered, a page at a time."""
    args = load(s.QueueQuery(), request.args)
    q = review.QueueQuery(
        status=CommentStatus(args["status"]), article_id=args.get("article_id"),
        reason=args.get("reason"), author=args.get("author"), order=args["order"],
        limit=args["limit"], after=after(args["cursor"], args["order"]),
    )  # fmt: skip
    with context.db() as session:
        try:
            items, last = review.queue(session, q)
        except review.Invalid as exc:
            raise invalid(exc) from exc
        return s.QueuePage().dump({"items": items, "next_cursor": last and [q.order, *last]})


def detail(session: Session, comment: Comment) -> dict[str, Any]:
    """A comment in full, as moderators see it (the client address only as its hash)."""
    body: dict[str, Any] = s.CommentDetail().dump(comment)
    body["client"] = s.ClientRead().dump(comment)
    body["author_banned"] = bans.author_banned(session, context.settings().secret_key, comment)
    return body


@bp.get("/comments/<comment_id>")
@document(responses={200: s.CommentDetail, 404: "no such comment"})
@require_role(*MODERATORS)
def comment(comment_id: str) -> dict[str, Any]:
    """Everything about one comment: bodies, scores, reasons, matches, client, history."""
    with context.db() as session:
        try:
            return detail(session, review.comment_detail(session, comment_id))
        except review.NotFound as exc:
            raise ApiError(404, "not_found", str(exc)) from exc
