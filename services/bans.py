"""Bans: an email or a client address (both as keyed hashes), with an optional expiry."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.orm import Session

from services.models import Ban, BanKind, Comment, utcnow
from services.review import Invalid, NotFound
from services.security import keyed_hash

# --- bans ------------------------------------------------------------------------------------


def active_ban() -> ColumnElement[bool]:
    """Not lifted and not expired."""
    return and_(Ban.lifted_at.is_(None), or_(Ban.expires_at.is_(None), Ban.expires_at > utcnow()))


def _ban_targets(
    session: Session, secret: str, *, email: str | None, comment_id: str | None,
    kinds: Iterable[BanKind] | None,
) -> list[tuple[BanKind, str]]:  # fmt: skip
    if email:
        return [(BanKind.EMAIL, keyed_hash(secret, email))]
    comment = session.get(Comment, comment_id or "")
    if comment is None:
        raise Invalid("comment_id", "No such comment.")
    known = {BanKind.EMAIL: comment.author_email and keyed_hash(secret, comment.author_email),
             BanKind.ADDRESS: comment.client_hash}  # fmt: skip
    wanted = list(kinds) if kinds else [kind for kind, value in known.items() if value]
    missing = [str(kind) for kind in wanted if not known[kind]]
    if missing or not wanted:
        raise Invalid("kinds", f"The comment has no {' or '.join(missing) or 'author details'}.")
    return [(kind, known[kind]) for kind in wanted]  # type: ignore[misc]


def ban(
    session: Session, secret: str, *, actor: str, reason: str | None,
    expires_at: datetime | None, email: str | None = None, comment_id: str | None = None,
    kinds: Iterable[BanKind] | None = None,
) -> list[tuple[Ban, bool]]:  # fmt: skip
    """Ban an email, or a comment's email and/or address; (ban, created) for each, kept if active."""
    results = []
    for kind, value in _ban_targets(
        session, secret, email=email, comment_id=comment_id, kinds=kinds
    ):
        existing = session.scalars(select(Ban).where(Ban.value_hash == value, active_ban())).first()
        if existing is not None:
            results.append((existing, False))
            continue
        row = Ban(
            kind=kind, value_hash=value, reason=reason, created_by=actor, expires_at=expires_at
        )
        session.add(row)
        results.append((row, True))
    session.flush()
    return results


def bans(session: Session, *, active: bool | None, before_id: int | None, limit: int) -> list[Ban]:
    """Bans newest first; only active (or only inactive) ones when asked."""
    query = select(Ban).order_by(Ban.id.desc()).limit(limit)
    if active is not None:
        query = query.where(active_ban() if active else ~active_ban())
    if before_id is not None:
        query = query.where(Ban.id < before_id)
    return list(session.scalars(query))


def lift(session: Session, ban_id: int) -> tuple[Ban, bool]:
    """Lift a ban, once; (the ban, whether this call lifted it)."""
    statement = (
        update(Ban)
        .where(Ban.id == ban_id, Ban.lifted_at.is_(None))
        .values(lifted_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    changed = session.execute(statement).rowcount == 1  # type: ignore[attr-defined]
    row = session.get(Ban, ban_id, populate_existing=True)
    if row is None:
        raise NotFound("No such ban.")
    return row, changed


def author_banned(session: Session, secret: str, comment: Comment) -> bool:
    """Whether an active ban matches the comment's email or address."""
    email = comment.author_email and keyed_hash(secret, comment.author_email)
    hashes = [h for h in (comment.client_hash, email) if h]
    query = select(Ban.id).where(Ban.value_hash.in_(hashes), active_ban())
    return bool(hashes) and session.scalars(query).first() is not None
