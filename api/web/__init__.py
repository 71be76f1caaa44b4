"""The pages people use: the demo article with its comments, the moderation desk, the ops page.

Every page is a template plus static JavaScript: no inline script, so each can be served with a
strict Content-Security-Policy. The widget any site embeds is served at the stable URL
`/embed.js`; it finds the API from its own address, and the live stream on the stream process
(api/web/stream.py) when STREAM_URL or STREAM_PORT says where, else on the API itself.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    current_app,
    g,
    jsonify,
    render_template,
    request,
)

from api.auth import require_role
from services.models import Role

bp = Blueprint(
    "web", __name__, static_folder="static", static_url_path="/assets", template_folder="templates"
)

STATIC = Path(__file__).resolve().parent / "static"
DEMO_ARTICLE = "state-visit-moscow"
STREAM_PLACEHOLDER = '"__GATEHOUSE_STREAM__"'
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'{stream}; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def _setting(name: str) -> str:
    return str(current_app.config.get(name) or os.environ.get(name, "")).strip()


def stream_url() -> str:
    """Where browsers open the live stream: STREAM_URL; else this host on STREAM_PORT (the
    stream process beside the API, as `make run` starts it); else "" for the API's own route."""
    parts = urlsplit(_setting("STREAM_URL"))
    if parts.scheme in ("http", "https") and parts.netloc and not parts.query:
        return f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")
    port = _setting("STREAM_PORT")
    host = urlsplit(request.host_url).hostname or ""
    if port.isdigit() and host:
        host = f"[{host}]" if ":" in host else host
        return f"{request.scheme}://{host}:{int(port)}"
    return ""


def content_security_policy() -> str:
    """default-src 'self', no inline script; the stream's origin may be connected to."""
    parts = urlsplit(stream_url())
    return POLICY.format(stream=f" {parts.scheme}://{parts.netloc}" if parts.netloc else "")


@bp.after_request
def _page_headers(response: Response) -> Response:
    """A strict CSP on every HTML page; nosniff on everything this blueprint serves."""
    response.headers["X-Content-Type-Options"] = "nosniff"
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = content_security_policy()
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


@cache
def _widget_source() -> str:
    return (STATIC / "embed.js").read_text(encoding="utf-8")


@bp.get("/embed.js")
def embed_js() -> Response:
    """The comment widget, for any site: `<script src="https://<api>/embed.js" defer>`."""
    source = _widget_source().replace(STREAM_PLACEHOLDER, json.dumps(stream_url()), 1)
    response = Response(source, mimetype="text/javascript")
    response.headers["Cache-Control"] = "public, max-age=300"
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    response.add_etag()
    response.make_conditional(request)  # 304 when the browser has this version
    return response
