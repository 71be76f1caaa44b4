"""The ops routes (being built)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("ops", __name__)


@bp.get("/healthz")
def healthz() -> dict[str, str]:
    """200 while the process serves."""
    return {"status": "ok"}
