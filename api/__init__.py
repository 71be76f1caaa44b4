"""Gatehouse's HTTP side: `create_app()` builds the Flask app."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from functools import partial
from typing import Any

from flask import Flask, Response
from flask_cors import CORS
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter, Map

from api import cli, context, errors, moderation, openapi, ops, site, web
from services.config import INSTANCE, Settings, load_settings
from services.ratelimit import RateLimiter
from workers import dispatch

SETTING_NAMES = {f.name for f in fields(Settings)}
DB_INT_MAX = 2**63 - 1


def _settings(config: Mapping[str, Any]) -> Settings:
    """Environment settings, with any given in `config` (by field name) on top."""
    return load_settings(**{k: v for k, v in config.items() if k in SETTING_NAMES})


def _secure_headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers["X-Request-ID"] = context.request_id()
    return response


class DatabaseInt(IntegerConverter):
    """`<int:...>` in routes, bounded to what a database integer column holds."""

    def __init__(self, map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", DB_INT_MAX)
        super().__init__(map, *args, **kwargs)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app; `config` overrides settings (by field name) and Flask config (upper case)."""
    config = dict(config or {})
    settings = _settings(config)
    app = Flask(__name__, instance_path=str(INSTANCE))
    app.url_map.converters["int"] = DatabaseInt
    app.config.update(MAX_CONTENT_LENGTH=settings.max_body_bytes, JSON_SORT_KEYS=False)
    app.config.update({k: v for k, v in config.items() if k.isupper()})
    app.extensions["gatehouse"] = settings
    app.extensions["gatehouse.comment_limiter"] = RateLimiter(
        settings.redis_url,
        settings.comment_rate_limit,
        namespace="comments",
        timeout=settings.redis_timeout,
    )
    # how the intake queues what it saved (one object per app: services/intake.py)
    app.extensions["gatehouse.hand_on"] = partial(dispatch.send_many, settings)
    if settings.trusted_proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.trusted_proxies)  # type: ignore[method-assign]
    CORS(
        app,
        resources={r"/api/v1/articles/*": {"origins": list(settings.cors_origins)}},
        allow_headers=["Content-Type", "Idempotency-Key", "X-Request-ID"],
        expose_headers=["Retry-After", "ETag", "Location"],
        methods=["GET", "POST", "OPTIONS"],
    )
    errors.register(app)
    for blueprint in (site.bp, moderation.bp, ops.bp, web.bp, openapi.bp):
        app.register_blueprint(blueprint)
    app.after_request(_secure_headers)
    cli.register(app)
    return app
