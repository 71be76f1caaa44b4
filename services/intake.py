"""The intake's common case: a new comment with no Idempotency-Key and no parent, on an article
that exists and is open, saved with the other writers of the moment (group commit).

The general case (a new or closed article, a parent, an Idempotency-Key) is comments.submit's.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select
from sqlalchemy.engine import Connection

from services.comments import ClientInfo, Submission, new_row
from services.db import connection_scope
from services.group_commit import GroupCommit
from services.models import Article, Comment

_COMMENTS = cast(Table, Comment.__table__)
_EMPTY_ROW = dict.fromkeys(_COMMENTS.c.keys())
_INSERT = insert(_COMMENTS)
_OPEN_ARTICLES = (
    select(Article.id)
    .where(Article.id.in_(bindparam("ids", expanding=True)), Article.closed.is_(False))
    .with_for_update(read=True)  # PostgreSQL: FOR SHARE, so none closes before the commit
)
# One comment in one statement: insert it only if its article exists and is open.
_INSERT_IF_OPEN = (
    insert(_COMMENTS)
    .from_select(
        [c.name for c in _COMMENTS.c],
        select(*[bindparam(c.name, type_=c.type) for c in _COMMENTS.c]).where(
            select(Article.id)
            .where(Article.id == bindparam("article_id"), Article.closed.is_(False))
            .exists()
        ),
    )
    .returning(_COMMENTS.c.id)
)


def insert_if_open(connection: Connection, rows: Sequence[dict[str, Any]]) -> list[str | None]:
    """Insert each new comment (a row of comments.new_row) whose article exists and is open, in
    the connection's transaction; the ids, None where the article is new or closed (submit()
    then finds which). One row takes one statement; more take one read and one insert."""
    if len(rows) == 1:
        found = connection.execute(_INSERT_IF_OPEN, {**_EMPTY_ROW, **rows[0]}).first()
        return [None if found is None else str(rows[0]["id"])]
    wanted = sorted({row["article_id"] for row in rows})
    open_ids = set(connection.scalars(_OPEN_ARTICLES, {"ids": wanted}))
    keep = [{**_EMPTY_ROW, **row} for row in rows if row["article_id"] in open_ids]
    if keep:
        connection.execute(_INSERT, keep)
    return [str(row["id"]) if row["article_id"] in open_ids else None for row in rows]


@lru_cache(maxsize=8)
def _group(url: str, pid: int, lock_timeout: float | None) -> GroupCommit[Any, Any]:
    def write(rows: Sequence[dict[str, Any]]) -> list[str | None]:
        with connection_scope(url, write=True, lock_timeout=lock_timeout) as connection:
            return insert_if_open(connection, rows)

    return GroupCommit(write)


def save_if_open(
    url: str,
    *,
    article_id: str,
    submission: Submission,
    client: ClientInfo,
    lock_timeout: float | None = None,
) -> str | None:
    """Commit the new pending comment if its article exists and is open, and return its id;
    None if not, or if it has a parent. The process's writers of the moment share one
    transaction (services/group_commit.py): one write turn and one commit for all of them.
    No ORM object is built: the caller needs only the id."""
    if submission.parent_id is not None:
        return None
    row = new_row(article_id, submission, client, None)
    result: str | None = _group(url, os.getpid(), lock_timeout).submit(row)
    return result
