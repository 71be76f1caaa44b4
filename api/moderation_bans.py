"""What moderators do to an author: ban them, list and lift bans; admins erase their data."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import g, request

from api import context
from api.auth import require_role, who
from api.errors import ApiError
from api.moderation_kit import MODERATORS, after, bp, invalid, json_body, load, paged
from api.openapi import document
from schemas import bans as s
from schemas.paging import encode_cursor
from services import audit, bans, erasure, events, review
from services.models import Ban, BanKind, Role, utcnow


def ban_view(ban: Ban, created: bool | None = None) -> dict[str, Any]:
    """A ban as moderators see it, whether it is active now, and whether this request made it."""
    body: dict[str, Any] = s.BanRead().dump(ban)
    now = utcnow()
    body["active"] = ban.lifted_at is None and (ban.expires_at is None or ban.expires_at > now)
    if created is not None:
        body["created"] = created
    return body


@bp.post("/bans")
@document(request=s.BanCreate, responses={201: s.BansCreated, 200: s.BansCreated})
@require_role(*MODERATORS)
def create_ban() -> tuple[dict[str, Any], int]:
    """Ban an email, or the author behind a comment (email and/or address), for a while or for good."""
    data = load(s.BanCreate(), json_body())
    hours = data.get("expires_in_hours")
    expires = utcnow() + timedelta(hours=hours) if hours else data.get("expires_at")
    kinds = [BanKind(k) for k in data.get("kinds", [])]
    with context.db(write=True) as session:
        try:
            made = bans.ban(
                session, context.settings().secret_key, actor=g.actor, reason=data["reason"],
                expires_at=expires, email=data.get("email"), comment_id=data.get("comment_id"),
                kinds=kinds,
            )  # fmt: skip
        except review.Invalid as exc:
            raise invalid(exc) from exc
        views = [ban_view(ban, created) for ban, created in made]
        for view in (v for v in views if v["created"]):
            audit.record(
                session, who(), "ban.create", comment_id=data.get("comment_id"),
                target=f"ban:{view['id']}", after=view, detail=data["reason"],
            )  # fmt: skip
    return {"bans": views}, 201 if any(v["created"] for v in views) else 200


@bp.get("/bans")
@document(query=s.BanQuery, responses={200: s.BanPage})
@require_role(*MODERATORS)
def list_bans() -> dict[str, Any]:
    """Bans, newest first: active ones by default, `active=false` for lifted or expired."""
    args = load(s.BanQuery(), request.args)
    before = after(args["cursor"], "ban", 1)
    with context.db() as session:
        rows = bans.bans(session, active=args["active"], before_id=before, limit=args["limit"] + 1)
    page, next_cursor = paged(rows, args["limit"], "ban")
    return {"items": [ban_view(b) for b in page], "next_cursor": encode_cursor(next_cursor)}


@bp.delete("/bans/<int:ban_id>")
@document(responses={200: s.BanRead, 404: "no such ban"})
@require_role(*MODERATORS)
def lift_ban(ban_id: int) -> dict[str, Any]:
    """Lift a ban (lifting it again changes nothing)."""
    with context.db(write=True) as session:
        try:
            ban, changed = bans.lift(session, ban_id)
        except review.NotFound as exc:
            raise ApiError(404, "not_found", str(exc)) from exc
        view = ban_view(ban)
        if changed:
            audit.record(session, who(), "ban.lift", target=f"ban:{ban_id}", after=view)
    return view


@bp.delete("/authors")
@document(query=s.AuthorErasureQuery, responses={200: s.AuthorErased})
@require_role(Role.ADMIN)
def erase_author() -> dict[str, Any]:
    """Erase a commenter's personal data on request, by email; bans by its hash stay."""
    email = load(s.AuthorErasureQuery(), request.args)["email"]
    settings = context.settings()
    with context.db(write=True) as session:
        done = erasure.erase_author(session, email=email, secret=settings.secret_key, actor=g.actor)
        body = {"erased": len(done.erased), "removed": len(done.removed),
                "email_hash": done.email_hash}  # fmt: skip
        audit.record(
            session, who(), "author.erase", target=f"email:{done.email_hash}",
            after={**body, "comment_ids": done.erased}, detail=erasure.REASON,
        )  # fmt: skip
    for comment in done.removed:
        events.announce(settings.redis_url, events.REMOVED, comment)
    return body
