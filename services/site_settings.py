"""Per-article settings and the site's word lists, as moderators and admins change them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from services.comments import get_or_create_article
from services.models import Article, SiteTerm, TermList, utcnow
from services.pipeline import PolicySettings
from services.review import Invalid

# --- articles --------------------------------------------------------------------------------


def article_settings(article: Article | None, article_id: str) -> dict[str, Any]:
    """An article's moderation settings (the defaults when it has no row yet)."""
    return {
        "article_id": article_id,
        "premoderation": bool(article and article.premoderation),
        "closed": bool(article and article.closed),
        "policy": dict(article.policy or {}) if article else {},
        "updated_at": article.updated_at if article else None,
    }


def set_article_settings(
    session: Session, article_id: str, changes: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Change the given settings (others kept), creating the article; (before, after)."""
    existing = session.get(Article, article_id)
    before = article_settings(existing, article_id)
    article = existing or get_or_create_article(session, article_id)
    if "policy" in changes:
        article.policy = validate_policy(changes["policy"])
    for name in ("premoderation", "closed"):
        if name in changes:
            setattr(article, name, bool(changes[name]))
    article.updated_at = utcnow()
    session.flush()
    return before, article_settings(article, article_id)


def validate_policy(policy: Mapping[str, Any]) -> dict[str, Any]:
    """The policy as given, once the pipeline's PolicySettings accepts it; Invalid if not."""
    policy = dict(policy)
    _check_keys(policy, {f.name for f in dataclasses.fields(PolicySettings)} - {"premoderation"})
    try:
        PolicySettings.from_mapping(policy)
    except (ValueError, TypeError) as exc:
        raise Invalid("policy", str(exc) or "Invalid policy.") from exc
    return policy


def _check_keys(policy: Mapping[str, Any], known: set[str]) -> None:
    unknown = sorted(set(policy) - known)
    if unknown:
        raise Invalid(
            "policy", f"Unknown keys {', '.join(unknown)}; known: {', '.join(sorted(known))}."
        )


def normalize_term(term: str) -> str:
    """A term as the lists keep it: trimmed, single-spaced, lower case."""
    return " ".join(term.split()).lower()


def terms(session: Session) -> dict[str, list[str]]:
    """Every list with its terms, alphabetical."""
    lists: dict[str, list[str]] = {str(kind): [] for kind in TermList}
    for row in session.scalars(select(SiteTerm).order_by(SiteTerm.term)):
        lists[str(row.list)].append(row.term)
    return lists


def replace_terms(session: Session, kind: TermList, new: Iterable[str]) -> list[str]:
    """Make one list exactly `new`; the list before."""
    before = terms(session)[str(kind)]
    session.execute(delete(SiteTerm).where(SiteTerm.list == kind))
    for term in sorted({normalize_term(t) for t in new} - {""}):
        session.add(SiteTerm(list=kind, term=term))
    session.flush()
    return before


def add_term(session: Session, kind: TermList, term: str) -> bool:
    """Add one term; False when it was there already."""
    term = normalize_term(term)
    query = select(SiteTerm.id).where(SiteTerm.list == kind, SiteTerm.term == term)
    if session.scalars(query).first() is not None:
        return False
    session.add(SiteTerm(list=kind, term=term))
    session.flush()
    return True


def remove_term(session: Session, kind: TermList, term: str) -> bool:
    """Remove one term; False when it was not there."""
    statement = delete(SiteTerm).where(SiteTerm.list == kind, SiteTerm.term == normalize_term(term))
    return session.execute(statement).rowcount == 1  # type: ignore[attr-defined]
