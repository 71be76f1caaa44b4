"""The moderators' routes (being built)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("moderation", __name__, url_prefix="/api/v1/moderation")
