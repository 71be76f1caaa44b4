"""Article settings (moderators) and the site's word lists (admins)."""

from __future__ import annotations

import re
from typing import Any

from api import context
from api.auth import require_role, who
from api.errors import ApiError
from api.moderation_kit import MODERATORS, bp, invalid, json_body, load
from api.openapi import document
from schemas import site_settings as s
from schemas.common import ARTICLE_ID_PATTERN
from services import audit, review, site_settings
from services.models import Article, Role, TermList

LIST = "<any(blocked, held, allowed):list_name>"

# --- articles --------------------------------------------------------------------------------


def check_article(article_id: str) -> None:
    """404 for an article id no article could have."""
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
    """Add a term to a list or take it off, audited when it changed the list."""
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
