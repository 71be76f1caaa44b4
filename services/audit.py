"""The audit trail: appended in the same transaction as the change it describes, never edited."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from services.models import AuditEntry


@dataclass(frozen=True)
class Who:
    """Who acts and from where: a token's name and role, or None for an unknown caller."""

    actor: str | None
    role: str | None
    remote_addr: str | None


def record(
    session: Session,
    who: Who,
    action: str,
    *,
    comment_id: str | None = None,
    target: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    detail: str | None = None,
) -> AuditEntry:
    """Append one entry."""
    entry = AuditEntry(
        actor=who.actor,
        role=who.role,
        action=action,
        comment_id=comment_id,
        target=target[:256] if target else None,
        before=before,
        after=after,
        remote_addr=(who.remote_addr or "")[:64] or None,
        detail=detail,
    )
    session.add(entry)
    return entry


def entries(
    session: Session,
    *,
    comment_id: str | None = None,
    actor: str | None = None,
    action: str | None = None,
    before_id: int | None = None,
    limit: int = 50,
) -> list[AuditEntry]:
    """Entries newest first, filtered; `action` without a dot also matches its family ("auth.*")."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if comment_id:
        query = query.where(AuditEntry.comment_id == comment_id)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if action and "." in action:
        query = query.where(AuditEntry.action == action)
    elif action:
        query = query.where(
            or_(
                AuditEntry.action == action,
                AuditEntry.action.startswith(action + ".", autoescape=True),
            )
        )
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    return list(session.scalars(query))
