"""Intake: save a reader's submission as a pending comment (the general path; the common case
is services/intake.py's). Reading comments back is services/threads.py's, re-exported here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from services.models import Article, Comment, CommentStatus, utcnow
from services.security import content_hash
from services.threads import (
    ThreadNode,
    build_thread,
    get_comment,
    published_comments,
    thread_version,
)

__all__ = [
    "ArticleClosed",
    "ClientInfo",
    "IdempotencyMismatch",
    "IntakeError",
    "InvalidParent",
    "Submission",
    "ThreadNode",
    "build_thread",
    "find_by_idempotency_key",
    "get_comment",
    "get_or_create_article",
    "new_comment_id",
    "new_row",
    "published_comments",
    "submit",
    "thread_version",
]


class IntakeError(Exception):
    """A submission the store refuses; `code` names why, `field` the input at fault."""

    code = "invalid"
    field: str | None = None


class ArticleClosed(IntakeError):
    code = "comments_closed"


class InvalidParent(IntakeError):
    code = "invalid_parent"
    field = "parent_id"


class IdempotencyMismatch(IntakeError):
    code = "idempotency_key_reused"
    field = "Idempotency-Key"


@dataclass(frozen=True)
class Submission:
    """What a reader sent, already validated for shape."""

    author_name: str
    body: str
    author_email: str | None = None
    parent_id: str | None = None
    honeypot: bool = False


@dataclass(frozen=True)
class ClientInfo:
    """Where a submission came from; the address only as a keyed hash."""

    client_hash: str | None = None
    user_agent: str | None = None
    request_id: str | None = None


def new_comment_id() -> str:
    """A random, unguessable id."""
    return uuid.uuid4().hex


def get_or_create_article(session: Session, article_id: str) -> Article:
    """The article's row, created with default settings on its first comment."""
    article = session.get(Article, article_id)
    if article is not None:
        return article
    try:
        with session.begin_nested():  # a savepoint: losing the race below keeps the transaction
            article = Article(id=article_id, closed=False, premoderation=False, policy={})
            session.add(article)
    except IntegrityError:
        # the first comments of an article arrived together and another request created it
        # (PostgreSQL; SQLite writers take turns): use that row
        article = session.get(Article, article_id)
        if article is None:
            raise
    return article


# Prebuilt Core statements: building the ORM's get and flush cost more CPU than the SQL itself
# (py-spy, bench/profile.py intake --gil). services/intake.py has the common case's.
_ARTICLE_CLOSED = select(Article.closed).where(Article.id == bindparam("article_id"))
_COMMENTS = cast(Table, Comment.__table__)
_INSERT = insert(_COMMENTS)


def _check_open(session: Session, article_id: str) -> None:
    """Raise ArticleClosed if comments are closed; create the article on its first comment."""
    params = {"article_id": article_id}
    closed = session.connection().execute(_ARTICLE_CLOSED, params).scalar_one_or_none()
    if closed is None:
        closed = get_or_create_article(session, article_id).closed
    if closed:
        raise ArticleClosed("comments are closed on this article")


def _check_parent(session: Session, article_id: str, parent_id: str | None) -> None:
    if parent_id is None:
        return
    parent = session.get(Comment, parent_id)
    if parent is None or parent.article_id != article_id:
        raise InvalidParent("parent_id is not a comment of this article")
    if parent.status != CommentStatus.PUBLISHED:
        raise InvalidParent("parent_id is not a published comment")


def find_by_idempotency_key(session: Session, article_id: str, key: str) -> Comment | None:
    """The comment an earlier request with this key created, if any."""
    query = select(Comment).where(Comment.article_id == article_id, Comment.idempotency_key == key)
    return session.scalars(query).first()


def _replay(existing: Comment, request_hash: str) -> Comment:
    if existing.request_hash != request_hash:
        raise IdempotencyMismatch("this Idempotency-Key was used with a different comment")
    return existing


def new_row(
    article_id: str, submission: Submission, client: ClientInfo, idempotency_key: str | None
) -> dict[str, Any]:
    """The columns of a new pending comment (every column but those left to their default)."""
    now = utcnow()
    return {
        "id": new_comment_id(),
        "article_id": article_id,
        "parent_id": submission.parent_id,
        "author_name": submission.author_name,
        "author_email": submission.author_email,
        "body": submission.body,
        "status": CommentStatus.PENDING,
        "honeypot": submission.honeypot,
        "client_hash": client.client_hash,
        "user_agent": client.user_agent,
        "request_id": client.request_id,
        "idempotency_key": idempotency_key,
        "request_hash": content_hash(
            submission.author_name, submission.body, submission.author_email, submission.parent_id
        ),
        "scores": {},
        "reasons": [],
        "explanations": [],
        "matches": [],
        "attempts": 0,
        "created_at": now,
        "updated_at": now,
    }


def submit(
    session: Session,
    *,
    article_id: str,
    submission: Submission,
    client: ClientInfo,
    idempotency_key: str | None = None,
) -> tuple[Comment, bool]:
    """Save a new pending comment; returns it and whether it is new (False for a replay). The
    general path (a new or closed article, a parent, an Idempotency-Key); the common case is
    services.intake's."""
    values = new_row(article_id, submission, client, idempotency_key)
    if idempotency_key:
        existing = find_by_idempotency_key(session, article_id, idempotency_key)
        if existing is not None:
            return _replay(existing, values["request_hash"]), False
    connection = session.connection()
    _check_open(session, article_id)
    _check_parent(session, article_id, submission.parent_id)
    if idempotency_key is None:
        connection.execute(_INSERT, values)
        return Comment(**values), True
    try:
        with session.begin_nested():  # losing a race on the key undoes only this insert
            connection.execute(_INSERT, values)
    except IntegrityError:
        existing = find_by_idempotency_key(session, article_id, idempotency_key)
        if existing is None:
            raise
        return _replay(existing, values["request_hash"]), False
    return Comment(**values), True
