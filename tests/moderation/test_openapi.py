"""The OpenAPI document: valid, complete (every served route), and a docs page that works offline."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from openapi_spec_validator import validate

from api.openapi import RULE_ARG


def document(client: FlaskClient) -> dict[str, Any]:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    return response.get_json()


def test_the_document_is_valid_openapi_3(client: FlaskClient) -> None:
    spec = document(client)
    assert spec["openapi"].startswith("3.")
    validate(spec)


def test_every_route_and_method_is_in_it(app: Flask, client: FlaskClient) -> None:
    paths = document(client)["paths"]
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint.endswith(".static"):
            continue
        path = RULE_ARG.sub(lambda m: "{" + m["name"] + "}", rule.rule)
        assert path in paths, rule.rule
        for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}:
            assert method.lower() in paths[path], (method, rule.rule)
    for required in ("/healthz", "/api/openapi.json", "/api/docs", "/api/v1/moderation/queue"):
        assert required in paths


def test_moderation_operations_carry_schemas_and_security(client: FlaskClient) -> None:
    spec = document(client)
    decision = spec["paths"]["/api/v1/moderation/comments/{comment_id}/decision"]["post"]
    assert decision["security"] == [{"bearer": []}]
    body = decision["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/DecisionCreate"}
    assert {"200", "401", "403", "404", "409", "422"} <= set(decision["responses"])
    queue = spec["paths"]["/api/v1/moderation/queue"]["get"]
    assert {"status", "article_id", "limit", "cursor", "order"} <= {
        p["name"] for p in queue["parameters"]
    }
    item = spec["components"]["schemas"]["QueueItem"]["properties"]
    assert {"id", "article_id", "author_name", "body", "status", "scores", "reasons"} <= set(item)
    intake = spec["paths"]["/api/v1/articles/{article_id}/comments"]["post"]
    assert "security" not in intake
    assert "202" in intake["responses"]
    terms = spec["paths"]["/api/v1/moderation/terms/{list_name}"]["put"]
    [list_name] = [p for p in terms["parameters"] if p["in"] == "path"]
    assert list_name["schema"]["enum"] == ["blocked", "held", "allowed"]
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


def test_a_route_added_by_someone_else_appears_with_a_generic_entry(app: Flask) -> None:
    def whatever(item_id: int) -> str:
        """Something new."""
        return "ok"

    app.add_url_rule(
        "/api/v1/ops/things/<int:item_id>", "ops_things", whatever, methods=["GET", "POST"]
    )
    client = app.test_client()
    operations = document(client)["paths"]["/api/v1/ops/things/{item_id}"]
    assert set(operations) == {"get", "post"}
    assert operations["get"]["summary"] == "Something new."
    assert operations["get"]["parameters"][0]["schema"] == {
        "type": "integer",
        "minimum": 0,
        "maximum": 2**63 - 1,
    }
    validate(document(client))


def test_the_docs_page_needs_nothing_from_outside(client: FlaskClient) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "/api/openapi.json" in html
    assert "function render()" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert not re.search(r"""@import|https?://[^"'\s]*\.(js|css)""", html)
