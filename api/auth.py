"""Bearer tokens for the moderators' and ops routes: deny by default, audit every refusal."""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection
from typing import Any, TypeVar, cast

from flask import current_app, g, request

from api import context
from api.errors import ApiError
from services import audit, tokens
from services.models import Role, utcnow

F = TypeVar("F", bound=Callable[..., Any])
ROLES_ATTR = "gatehouse_roles"
CHALLENGE = 'Bearer realm="gatehouse"'


def require_role(*roles: Role) -> Callable[[F], F]:
    """Let the view run only for a valid token of one of `roles`; sets g.actor and g.role."""

    def decorate(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            authorize(roles)
            return view(*args, **kwargs)

        setattr(wrapper, ROLES_ATTR, frozenset(roles))
        return cast(F, wrapper)

    return decorate


def deny_unmarked() -> None:
    """A blueprint's before_request: a view nobody gave roles to is open to no one."""
    view = current_app.view_functions.get(request.endpoint or "")
    if view is not None and not hasattr(view, ROLES_ATTR):
        authorize(())


def who() -> audit.Who:
    """The caller, for the audit trail: token name and role (when known), and address."""
    return audit.Who(g.get("actor"), g.get("role"), context.client_address())


def _bearer() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token and len(token) <= 256 else None


def authorize(roles: Collection[Role]) -> None:
    """Check the request's token against `roles`: 401 without a valid one, 403 for another role."""
    raw = _bearer()
    if raw is None:
        given = "Authorization" in request.headers
        _refuse(401, "malformed authorization header" if given else "no token")
    with context.db() as session:
        token = tokens.lookup(session, raw or "")
    if token is None:
        _refuse(401, "unknown token")
    assert token is not None
    g.actor, g.role = token.name, str(token.role)
    if token.revoked_at is not None:
        _refuse(401, "revoked token")
    if Role(token.role) not in roles:
        _refuse(403, f"role {token.role} may not")
    last = token.last_used_at
    if last is None or utcnow() - last > tokens.TOUCH_EVERY:
        with context.db(write=True) as session:
            tokens.touch(session, token.id)


def _refuse(status: int, detail: str) -> None:
    """Record the refusal, then answer 401 (with a challenge) or 403."""
    action = "auth.unauthorized" if status == 401 else "auth.forbidden"
    with context.db(write=True) as session:
        audit.record(
            session, who(), action, target=f"{request.method} {request.path}", detail=detail
        )
    if status == 401:
        g.pop("actor", None)
        g.pop("role", None)
        error = ', error="invalid_token"' if "token" in detail and detail != "no token" else ""
        raise ApiError(
            401, "unauthorized", "A valid bearer token is required.",
            headers={"WWW-Authenticate": CHALLENGE + error},
        )  # fmt: skip
    raise ApiError(403, "forbidden", "This token's role may not do this.")
