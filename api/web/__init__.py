"""The pages people use: the demo article with its comments, the moderation desk, the ops page.

Every page is a template plus static JavaScript: no inline script, so each can be served with a
strict Content-Security-Policy. The widget any site embeds is served at the stable URL
`/embed.js`; it finds the API from its own address.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, g, jsonify, render_template, send_from_directory

from api.auth import require_role
from services.models import Role

bp = Blueprint(
    "web", __name__, static_folder="static", static_url_path="/assets", template_folder="templates"
)

STATIC = Path(__file__).resolve().parent / "static"
DEMO_ARTICLE = "state-visit-moscow"
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


@bp.after_request
def _page_headers(response: Response) -> Response:
    """A strict CSP on every HTML page; nosniff on everything this blueprint serves."""
    response.headers["X-Content-Type-Options"] = "nosniff"
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/")
def article() -> str:
    """A demo news article that embeds the comment widget the way any site would."""
    return render_template("article.html", article_id=DEMO_ARTICLE)


@bp.get("/moderate")
def moderate() -> str:
    """The moderation desk: queue, decisions, bans, article settings and word lists."""
    return render_template("moderate.html")


@bp.get("/ops")
def ops() -> str:
    """The ops page: queue depths, workers, oldest pending comment, dead letters."""
    return render_template("ops.html")


@bp.get("/whoami")
@require_role(*Role)
def whoami() -> Response:
    """Whose token this is: the desk and the ops page show what its role may use."""
    response = jsonify({"name": g.actor, "role": g.role})
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/embed.js")
def embed_js() -> Response:
    """The comment widget, for any site: `<script src="https://<api>/embed.js" defer>`."""
    response = send_from_directory(STATIC, "embed.js", max_age=300)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
