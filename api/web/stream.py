"""The stream process: the live Server-Sent Events, and nothing else, on gevent.

On the API's port every open stream would count against its processes' connections and share
their CPU with the comment form: a hot article's readers would crowd out its commenters. This
process serves only the stream route (the same view, fed by Redis pub/sub), on gevent, where an
idle reader costs a greenlet and some memory. `make run` starts it on PORT+1 (STREAM_PORT) and
tells the widget through STREAM_URL; behind a reverse proxy, route the stream path here instead
and leave STREAM_URL unset. The route stays on the API's own port too, as the contract says.

    gunicorn -k gevent --worker-connections 10000 -b 127.0.0.1:8001 \
        'api.web.stream:create_stream_app()'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask, request

from api import create_app
from api.errors import ApiError

SERVED = frozenset({"site.stream", "ops.healthz"})


def _only_streams() -> None:
    """404 for everything but the stream and the health check."""
    if request.endpoint not in SERVED:
        raise ApiError(404, "not_found", "This process serves only the live comment streams.")


def create_stream_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The API app, answering only the stream route and /healthz."""
    app = create_app(config)
    app.before_request(_only_streams)
    return app
