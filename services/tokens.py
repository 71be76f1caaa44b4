"""API tokens: made once, kept only as a hash, checked in constant time, revoked for good."""

from __future__ import annotations

import hmac
import re
import secrets
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from services.models import ApiToken, Role, utcnow
from services.publishing import MACHINE
from services.security import token_hash

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,79}$")
TOUCH_EVERY = timedelta(minutes=1)


class TokenError(ValueError):
    """A token request the store refuses."""


def create(session: Session, *, name: str, role: Role) -> tuple[ApiToken, str]:
    """A new token for `name`: the row (hash only) and the token itself, to show once."""
    if not NAME.match(name) or name == MACHINE:
        raise TokenError("A name is 1-80 letters, digits or ._@- and not 'machine'.")
    if active_by_name(session, name):
        raise TokenError(f"An active token named {name!r} exists; revoke it first.")
    raw = secrets.token_urlsafe(32)
    row = ApiToken(name=name, role=Role(role), token_hash=token_hash(raw))
    session.add(row)
    session.flush()
    return row, raw


def active_by_name(session: Session, name: str) -> list[ApiToken]:
    """The unrevoked tokens under one name."""
    query = select(ApiToken).where(ApiToken.name == name, ApiToken.revoked_at.is_(None))
    return list(session.scalars(query))


def all_tokens(session: Session) -> list[ApiToken]:
    """Every token, oldest first, revoked ones included."""
    return list(session.scalars(select(ApiToken).order_by(ApiToken.id)))


def revoke(session: Session, *, ident: str) -> list[ApiToken]:
    """Revoke the active token with this id, or every active one with this name."""
    condition = ApiToken.id == int(ident) if ident.isdigit() else ApiToken.name == ident
    found = list(session.scalars(select(ApiToken).where(condition, ApiToken.revoked_at.is_(None))))
    stamp = utcnow()
    for row in found:
        row.revoked_at = stamp
    return found


def lookup(session: Session, raw: str) -> ApiToken | None:
    """The token (revoked or not) matching `raw`; the final comparison runs in constant time."""
    digest = token_hash(raw)
    row = session.scalars(select(ApiToken).where(ApiToken.token_hash == digest)).first()
    if row is None or not hmac.compare_digest(row.token_hash, digest):
        return None
    return row


def touch(session: Session, token_id: int) -> None:
    """Note that a token was used, at most once a minute (it costs a write)."""
    now = utcnow()
    session.execute(
        update(ApiToken)
        .where(ApiToken.id == token_id)
        .where(ApiToken.last_used_at.is_(None) | (ApiToken.last_used_at < now - TOUCH_EVERY))
        .values(last_used_at=now)
        .execution_options(synchronize_session=False)
    )
