"""The moderators' routes: queue, comments, decisions, bans, article settings, word lists, audit."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from flask import Blueprint, g, request
from marshmallow import Schema, ValidationError
from sqlalchemy.orm import Session

from api import context
from api.auth import deny_unmarked, require_role, who
from api.errors import ApiError
from api.openapi import document
from schemas import moderation as s
from schemas.common import ARTICLE_ID_PATTERN
from services import audit, bans, erasure, events, review, site_settings
from services.models import Article, Ban, BanKind, Comment, CommentStatus, Role, TermList, utcnow

bp = Blueprint("moderation", __name__, url_prefix="/api/v1/moderation")
bp.before_request(deny_unmarked)

MODERATORS = (Role.MODERATOR, Role.ADMIN)
LIST = "<any(blocked, held, allowed):list_name>"
ANNOUNCE = {"approve": events.PUBLISHED, "remove": events.REMOVED}


def load(schema: Schema, data: Any) -> dict[str, Any]:
    """Validated input, or 422 with per-field messages."""
    try:
        return schema.load(data)
    except ValidationError as exc:
        raise ApiError(
            422, "invalid", "Some fields are invalid.", fields=exc.normalized_messages()
        ) from exc


def json_body() -> Any:
    """The request's JSON; 415 for other content types, 400 when it does not parse."""
    if not request.is_json:
        raise ApiError(415, "unsupported_media_type", "Send JSON (application/json).")
    data = request.get_json(silent=True)
    if data is None:
        raise ApiError(400, "malformed", "The body is not valid JSON.")
    return data


def invalid(exc: review.Invalid) -> ApiError:
    """422 naming the field a service refused."""
    return ApiError(422, "invalid", str(exc), fields={exc.field: [str(exc)]})


def after(cursor: list[Any] | None, kind: str, size: int = 2) -> Any:
    """The page key inside a cursor made for this listing; 422 for one made for another."""
    if cursor is None:
        return None
    if cursor[0] != kind or len(cursor) != size + 1:
        raise ApiError(
            422, "invalid", "Some fields are invalid.", fields={"cursor": ["Not for this listing."]}
        )
    return tuple(cursor[1:]) if size > 1 else cursor[1]


def paged(rows: list[Any], limit: int, kind: str) -> tuple[list[Any], list[Any] | None]:
    """A page of rows fetched one over the limit, and the cursor after it (None at the end)."""
    page = rows[:limit]
    return page, ([kind, page[-1].id] if len(rows) > limit else None)


# --- the queue and one comment ---------------------------------------------------------------


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


# --- decisions -------------------------------------------------------------------------------


def conflict_body(status: str) -> dict[str, Any]:
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


# --- bans ------------------------------------------------------------------------------------


def ban_view(ban: Ban, created: bool | None = None) -> dict[str, Any]:
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
    return {"items": [ban_view(b) for b in page], "next_cursor": s.encode_cursor(next_cursor)}


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


# --- articles --------------------------------------------------------------------------------


def check_article(article_id: str) -> None:
    if not re.match(ARTICLE_ID_PATTERN, article_id):
        raise ApiError(404, "not_found", "No such article.")


@bp.get("/articles/<article_id>/settings")
@document(responses={200: s.ArticleSettingsRead})
@require_role(*MODERATORS)
def article_settings(article_id: str) -> dict[str, Any]:
    """An article's moderation settings (the defaults for one not seen yet)."""
    check_article(article_id)
    with context.db() as session:
        settings = site_settings.article_settings(session.get(Article, article_id), article_id)
    return s.ArticleSettingsRead().dump(settings)


@bp.put("/articles/<article_id>/settings")
@document(request=s.ArticleSettingsWrite, responses={200: s.ArticleSettingsRead})
@require_role(*MODERATORS)
def set_article_settings(article_id: str) -> dict[str, Any]:
    """Premoderate, close or open an article's comments, or tune its policy; others are kept."""
    check_article(article_id)
    changes = load(s.ArticleSettingsWrite(), json_body())
    read = s.ArticleSettingsRead()
    with context.db(write=True) as session:
        try:
            before, now = site_settings.set_article_settings(session, article_id, changes)
        except review.Invalid as exc:
            raise invalid(exc) from exc
        body: dict[str, Any] = read.dump(now)
        audit.record(
            session, who(), "article.settings", target=f"article:{article_id}",
            before=read.dump(before), after=body,
        )  # fmt: skip
    return body


# --- word lists (admins) ---------------------------------------------------------------------


@bp.get("/terms")
@document(responses={200: s.TermsRead})
@require_role(Role.ADMIN)
def terms() -> dict[str, Any]:
    """The site's blocked, held and allowed terms."""
    with context.db() as session:
        return site_settings.terms(session)


@bp.put(f"/terms/{LIST}")
@document(request=s.TermsReplace, responses={200: s.TermListRead})
@require_role(Role.ADMIN)
def replace_terms(list_name: str) -> dict[str, Any]:
    """Replace one list; the next comment is checked against it."""
    data = load(s.TermsReplace(), json_body())
    kind = TermList(list_name)
    with context.db(write=True) as session:
        before = site_settings.replace_terms(session, kind, data["terms"])
        now = site_settings.terms(session)[str(kind)]
        audit.record(
            session, who(), "terms.replace", target=f"terms:{kind}",
            before={"terms": before}, after={"terms": now},
        )  # fmt: skip
    return {"list": str(kind), "terms": now}


@bp.post(f"/terms/{LIST}")
@document(request=s.TermCreate, responses={201: s.TermListRead, 200: s.TermListRead})
@require_role(Role.ADMIN)
def add_term(list_name: str) -> tuple[dict[str, Any], int]:
    """Add one term to a list (201; 200 when it was there)."""
    term = load(s.TermCreate(), json_body())["term"]
    return term_change(TermList(list_name), term, add=True)


@bp.delete(f"/terms/{LIST}/<term>")
@document(responses={200: s.TermListRead, 404: "not in the list"})
@require_role(Role.ADMIN)
def remove_term(list_name: str, term: str) -> tuple[dict[str, Any], int]:
    """Take one term off a list."""
    return term_change(TermList(list_name), term, add=False)


def term_change(kind: TermList, term: str, *, add: bool) -> tuple[dict[str, Any], int]:
    with context.db(write=True) as session:
        before = site_settings.terms(session)[str(kind)]
        done = (site_settings.add_term if add else site_settings.remove_term)(session, kind, term)
        if not done and not add:
            raise ApiError(404, "not_found", "The term is not in that list.")
        now = site_settings.terms(session)[str(kind)]
        if done:
            audit.record(
                session, who(), "terms.add" if add else "terms.remove", target=f"terms:{kind}",
                before={"terms": before}, after={"terms": now}, detail=site_settings.normalize_term(term),
            )  # fmt: skip
    return {"list": str(kind), "terms": now}, 201 if add and done else 200


# --- the audit trail (read only) -------------------------------------------------------------


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
