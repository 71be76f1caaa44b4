"""The pages people use: the demo article with its comments, the moderation desk, the ops page."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("web", __name__, static_folder="static", template_folder="templates")
