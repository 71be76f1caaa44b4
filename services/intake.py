"""The intake's common case: a new comment with no Idempotency-Key and no parent, on an article
that exists and is open, saved with the other writers of the moment (group commit) and then
queued with them.

The general case (a new or closed article, a parent, an Idempotency-Key) is comments.submit's.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
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


HandOn = Callable[[Sequence[str]], bool]


@dataclass(frozen=True)
class Saved:
    """A comment the intake committed, and whether it was handed on to the workers."""

    id: str
    queued: bool


@lru_cache(maxsize=8)
def _group(
    url: str, pid: int, lock_timeout: float | None, hand_on: HandOn
) -> GroupCommit[Connection, Any, Any]:
    def begin() -> AbstractContextManager[Connection]:
        return connection_scope(url, write=True, lock_timeout=lock_timeout)

    def queue(ids: Sequence[str | None]) -> list[Saved | None]:
        saved = [i for i in ids if i is not None]
        queued = bool(saved) and hand_on(saved)
        return [None if i is None else Saved(i, queued) for i in ids]

    return GroupCommit(begin, insert_if_open, queue)


def save_if_open(
    url: str,
    *,
    article_id: str,
    submission: Submission,
    client: ClientInfo,
    hand_on: HandOn,
    lock_timeout: float | None = None,
) -> Saved | None:
    """Commit the new pending comment if its article exists and is open, then queue it with
    `hand_on(ids) -> queued`; None if the article is new or closed, or the comment has a parent.

    The process's writers of the moment share one transaction (services/group_commit.py): one
    write turn and one commit for all of them, then one `hand_on` call with all their ids. No
    ORM object is built: the caller needs only the id. `hand_on` should be one object for the
    life of the process (it is part of the group's key)."""
    if submission.parent_id is not None:
        return None
    row = new_row(article_id, submission, client, None)
    result: Saved | None = _group(url, os.getpid(), lock_timeout, hand_on).submit(row)
    return result
