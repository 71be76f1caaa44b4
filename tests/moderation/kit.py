"""What the moderation tests share: tokens per role, comments in a chosen state, requests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from services import comments, publishing, tokens
from services.db import session_scope
from services.models import CommentStatus, Role
from services.security import keyed_hash
from tests.conftest import SECRET
from tests.helpers import ARTICLE

API = "/api/v1/moderation"
NAMES = {Role.MODERATOR: "mia", Role.ADMIN: "ada", Role.OPS: "otto"}


def make_token(database_url: str, role: Role, name: str | None = None) -> str:
    """A new token of `role`, straight from the service."""
    with session_scope(database_url, write=True) as session:
        _, raw = tokens.create(session, name=name or NAMES[role], role=role)
    return raw


@dataclass
class Desk:
    """A moderation desk: the app, a client, and one token per role."""

    app: Flask
    client: FlaskClient
    tokens: dict[Role, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return str(self.app.extensions["gatehouse"].database_url)

    def headers(self, role: Role | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}

    def call(
        self, method: str, path: str, role: Role | None = Role.MODERATOR, **kw: Any
    ) -> TestResponse:
        path = path if path.startswith("/") else f"{API}/{path}"
        return self.client.open(path, method=method, headers=self.headers(role), **kw)

    def get(self, path: str, role: Role | None = Role.MODERATOR, **kw: Any) -> TestResponse:
        return self.call("GET", path, role, **kw)

    def post(self, path: str, json: Any, role: Role | None = Role.MODERATOR) -> TestResponse:
        return self.call("POST", path, role, json=json)

    def put(self, path: str, json: Any, role: Role | None = Role.MODERATOR) -> TestResponse:
        return self.call("PUT", path, role, json=json)

    def delete(self, path: str, role: Role | None = Role.MODERATOR) -> TestResponse:
        return self.call("DELETE", path, role)

    def comment(
        self,
        status: CommentStatus = CommentStatus.HELD,
        *,
        article: str = ARTICLE,
        body: str = "A sharp comment on the state visit.",
        author: str = "Ana",
        email: str | None = None,
        address: str = "203.0.113.7",
        scores: dict[str, float] | None = None,
        reasons: list[str] | None = None,
        matches: list[dict[str, Any]] | None = None,
    ) -> str:
        """A comment saved as intake does (nothing queued), then moved by the machine to `status`."""
        client = comments.ClientInfo(keyed_hash(SECRET, address), "curl/8.5", "req-1")
        submission = comments.Submission(author_name=author, body=body, author_email=email)
        with session_scope(self.url, write=True) as session:
            comment, _ = comments.submit(
                session, article_id=article, submission=submission, client=client
            )
            values = {
                "scores": scores if scores is not None else {"spam": 0.2, "toxicity": 0.7},
                "reasons": reasons if reasons is not None else ["toxicity"],
                "explanations": ["toxicity 0.70 is above the hold threshold 0.60"],
                "matches": matches or [],
            }
            if status == CommentStatus.PUBLISHED:
                publishing.publish(session, comment.id, actor="machine", values=values)
            elif status != CommentStatus.PENDING:
                publishing.transition(
                    session, comment.id, expected=[CommentStatus.PENDING], to=status,
                    actor="machine", action="hold", values=values,
                )  # fmt: skip
            return comment.id

    def status(self, comment_id: str) -> str:
        return str(self.client.get(f"/api/v1/comments/{comment_id}").get_json()["status"])

    def thread_ids(self, article: str = ARTICLE) -> list[str]:
        body = self.client.get(f"/api/v1/articles/{article}/comments").get_json()
        return [c["id"] for c in body["comments"]]

    def audit(self, **params: Any) -> list[dict[str, Any]]:
        return self.get("audit", query_string=params).get_json()["items"]
