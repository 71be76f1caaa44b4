"""The OpenAPI 3 document, built from app.url_map and the marshmallow schemas, and its docs page."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Blueprint, Flask, current_app, render_template
from markupsafe import Markup
from marshmallow import Schema
from werkzeug.routing import Rule

from schemas import comments
from schemas.common import ARTICLE_ID_PATTERN, ErrorEnvelope

F = TypeVar("F", bound=Callable[..., Any])
# per status: a schema, a description (errors get the envelope), or a raw Response Object
Responses = Mapping[int, type[Schema] | str | dict[str, Any]]
ATTR = "openapi"
TEMPLATES = Path(__file__).resolve().parent / "templates"
RULE_ARG = re.compile(r"<(?:(?P<conv>\w+)(?:\((?P<args>[^)]*)\))?:)?(?P<name>\w+)>")
ERRORS = {400: "malformed request", 401: "no valid bearer token", 403: "role may not",
          404: "not found", 405: "method not allowed", 409: "conflict", 413: "too large",
          415: "unsupported media type", 422: "invalid fields", 429: "rate limited",
          503: "unavailable"}  # fmt: skip

bp = Blueprint("openapi", __name__, url_prefix="/api")


def document(
    *,
    method: str | None = None,
    summary: str | None = None,
    query: type[Schema] | None = None,
    request: type[Schema] | None = None,
    responses: Responses | None = None,
    content_type: str = "application/json",
) -> Callable[[F], F]:
    """Describe a view for the document (for one of its methods, or all of them)."""

    def decorate(view: F) -> F:
        docs = dict(getattr(view, ATTR, {}))
        docs[(method or "*").upper()] = {"summary": summary, "query": query, "request": request,
                                         "responses": dict(responses or {}),
                                         "content_type": content_type}  # fmt: skip
        setattr(view, ATTR, docs)
        return view

    return decorate


# What the views that others own answer, where they carry no description of their own.
KNOWN: dict[str, dict[str, Any]] = {
    "site.post_comment": {"request": comments.CommentCreate, "responses": {
        202: comments.CommentAccepted, 400: "", 403: "comments closed", 413: "", 415: "",
        422: "", 429: ""}},
    "site.comment_status": {"responses": {200: comments.CommentStatusRead, 404: ""}},
    "site.thread": {"responses": {200: comments.Thread, 304: "unchanged since the ETag"}},
    "site.stream": {"responses": {200: "text/event-stream"}, "content_type": "text/event-stream"},
    "ops.readyz": {"responses": {200: {"description": "database, Redis and a worker answer"},
                                 503: {"description": "names what does not answer"}}},
    "ops.prometheus_metrics": {"responses": {200: {"description": "Prometheus text format",
        "content": {"text/plain": {"schema": {"type": "string"}}}}}},
}  # fmt: skip


def _path(rule: Rule) -> tuple[str, list[dict[str, Any]]]:
    """`/a/<int:x>` as `/a/{x}`, with x as a path parameter."""
    params = []
    for match in RULE_ARG.finditer(rule.rule):
        schema: dict[str, Any] = {"type": "integer" if match["conv"] == "int" else "string"}
        if match["conv"] == "int":
            schema.update(minimum=0, maximum=2**63 - 1)
        if match["conv"] == "any":
            schema["enum"] = [a.strip(" '\"") for a in (match["args"] or "").split(",")]
        if match["name"] == "article_id":
            schema["pattern"] = ARTICLE_ID_PATTERN
        params.append({"in": "path", "name": match["name"], "required": True, "schema": schema})
    return RULE_ARG.sub(lambda m: "{" + m["name"] + "}", rule.rule), params


def _response(
    status: int, spec: type[Schema] | str | dict[str, Any], content_type: str
) -> dict[str, Any]:
    if isinstance(spec, dict):
        return spec
    if isinstance(spec, str):
        if status >= 400:
            body = {"application/json": {"schema": ErrorEnvelope}}
            return {"description": spec or ERRORS.get(status, "error"), "content": body}
        return {"description": spec or "OK"}
    described = spec.__doc__.strip().splitlines()[0] if spec.__doc__ else spec.__name__
    return {"description": described, "content": {content_type: {"schema": spec}}}


def _operation(
    view: Callable[..., Any], endpoint: str, method: str, rule_text: str
) -> dict[str, Any]:
    docs = getattr(view, ATTR, {})
    meta = docs.get(method) or docs.get("*") or KNOWN.get(endpoint) or {}
    text = (view.__doc__ or "").strip()
    content_type = meta.get("content_type", "application/json")
    responses = dict(meta.get("responses") or {200: "OK"})
    if "<" in rule_text:
        responses.setdefault(404, "")  # whatever a path names may not exist
    operation: dict[str, Any] = {
        "operationId": f"{endpoint}.{method.lower()}",
        "summary": meta.get("summary") or (text.splitlines()[0] if text else endpoint),
        "tags": [endpoint.split(".")[0] if "." in endpoint else "app"],
        "parameters": [],
    }
    if meta.get("query"):
        operation["parameters"].append({"in": "query", "schema": meta["query"]})
        responses.setdefault(422, "")
    if meta.get("request"):
        operation["requestBody"] = {"required": True,
                                    "content": {"application/json": {"schema": meta["request"]}}}  # fmt: skip
        for status in (400, 413, 415, 422):
            responses.setdefault(status, "")
    roles = getattr(view, "gatehouse_roles", None)
    if roles is not None:
        operation["security"] = [{"bearer": []}]
        operation["description"] = "Roles: " + ", ".join(sorted(roles)) + "."
        responses.setdefault(401, "")
        responses.setdefault(403, "")
    operation["responses"] = {
        str(code): _response(code, spec, content_type) for code, spec in sorted(responses.items())
    }
    return operation


def _version() -> str:
    try:
        return metadata.version("gatehouse")
    except metadata.PackageNotFoundError:
        return "0.0.0"


def build(app: Flask) -> dict[str, Any]:
    """The document: every rule in app.url_map but static files, described as well as known."""
    spec = APISpec("Gatehouse", _version(), "3.0.3", plugins=[MarshmallowPlugin()],
                   info={"description": "Comment moderation for news sites."})  # fmt: skip
    spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    spec.components.schema("ErrorEnvelope", schema=ErrorEnvelope)
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        if rule.endpoint == "static" or rule.endpoint.endswith(".static"):
            continue
        view = app.view_functions[rule.endpoint]
        path, params = _path(rule)
        operations = {}
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            operation = _operation(view, rule.endpoint, method, rule.rule)
            operation["parameters"] = params + operation["parameters"]
            operations[method.lower()] = operation
        spec.path(path=path, operations=operations)
    return spec.to_dict()


@bp.get("/openapi.json")
@document(responses={200: "the OpenAPI 3 document"})
def openapi_json() -> dict[str, Any]:
    """This document."""
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    if "gatehouse.openapi" not in app.extensions:
        app.extensions["gatehouse.openapi"] = build(app)
    return app.extensions["gatehouse.openapi"]


@bp.get("/docs")
@document(responses={200: "an HTML page"}, content_type="text/html")
def docs() -> str:
    """A browsable page of this document; it needs nothing from outside this service."""
    return render_template(
        "api_docs.html", script=_asset("api_docs.js"), style=_asset("api_docs.css")
    )


@functools.cache
def _asset(name: str) -> Markup:
    """A script or style sheet of the docs page, inlined: the page loads nothing else."""
    return Markup((TEMPLATES / name).read_text(encoding="utf-8"))
