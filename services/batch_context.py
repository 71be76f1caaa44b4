"""What the pipeline needs to know beyond a comment's text, read for a whole batch at once.

Per batch: five queries (articles, bans, trust, near-duplicates, the same authors' comments
in the ten minutes before each), whatever its size. One query per comment cost a round trip
each, which on PostgreSQL was a third of a worker's time. What the facts are, and how a
comment's context is drawn from them, is services/batch_facts.py's.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, case, func, or_, select
from sqlalchemy.orm import Session

from services import publishing
from services.batch_facts import BatchFacts, author_column, author_key, ban_hashes
from services.models import Article, Ban, Comment, DecisionRecord, utcnow

DUPLICATE_WINDOW = timedelta(hours=1)
RECENT_WINDOW = timedelta(minutes=10)
_KEYS: Any = bindparam("keys", expanding=True)
_VOTE = case((DecisionRecord.action == "approve", 1), else_=-1)


def _trust(session: Session, column: ColumnElement[Any], keys: list[str]) -> dict[str, int]:
    """Moderator approvals minus rejections and removals, per author."""
    query = (
        select(column, func.sum(_VOTE))
        .join(Comment, Comment.id == DecisionRecord.comment_id)
        .where(column.in_(_KEYS), DecisionRecord.actor != publishing.MACHINE)
        .where(DecisionRecord.action.in_(["approve", "reject", "remove"]))
        .group_by(column)
    )
    return {key: int(n or 0) for key, n in session.execute(query, {"keys": keys})}


def _author_times(
    session: Session, column: ColumnElement[Any], keys: list[str], start: Any, end: Any
) -> dict[str, list[Any]]:
    """When each author's comments were made in [start, end), oldest first."""
    query = (
        select(column, Comment.created_at)
        .where(column.in_(_KEYS), Comment.created_at >= start, Comment.created_at < end)
        .order_by(Comment.created_at)
    )
    times: dict[str, list[Any]] = {}
    for key, created_at in session.execute(query, {"keys": keys}):
        times.setdefault(key, []).append(created_at)
    return times


def _one_query(author: Any) -> Select[Any]:
    """The facts for one comment as subqueries of one statement (a quiet site's batches are of
    one comment: one round trip instead of five). Built once per author column."""
    is_author = author == bindparam("author")
    active = or_(Ban.expires_at.is_(None), Ban.expires_at > bindparam("now"))
    banned = select(Ban.value_hash).where(Ban.value_hash.in_(_KEYS), Ban.lifted_at.is_(None))
    trust = (
        select(func.coalesce(func.sum(_VOTE), 0))
        .join(Comment, Comment.id == DecisionRecord.comment_id)
        .where(is_author, DecisionRecord.actor != publishing.MACHINE)
        .where(DecisionRecord.action.in_(["approve", "reject", "remove"]))
    )
    duplicates = select(func.count()).where(
        Comment.fingerprint == bindparam("fingerprint"), Comment.created_at >= bindparam("hour_ago")
    )
    recent = select(func.count()).where(
        is_author,
        Comment.created_at >= bindparam("since"),
        Comment.created_at < bindparam("until"),
    )
    return select(
        Article.policy,
        Article.premoderation,
        banned.where(active).exists(),
        trust.scalar_subquery(),
        duplicates.scalar_subquery(),
        recent.scalar_subquery(),
    ).where(Article.id == bindparam("article_id"))


_ONE = {name: _one_query(getattr(Comment, name)) for name in ("author_email", "client_hash")}


def _gather_one(session: Session, comment: Comment, secret: str, fingerprint: str) -> BatchFacts:
    """The facts for a batch of one comment, in one statement."""
    now = utcnow()
    hashes = ban_hashes(comment, secret)
    column, key = author_column(comment), author_key(comment)
    params = {"author": key, "now": now, "keys": hashes or [""], "fingerprint": fingerprint,
              "hour_ago": now - DUPLICATE_WINDOW, "article_id": comment.article_id,
              "since": comment.created_at - RECENT_WINDOW, "until": comment.created_at}  # fmt: skip
    row = session.execute(_ONE[column], params).one_or_none()
    if row is None:  # no such article: the same KeyError the batch's lookup gives
        raise KeyError(comment.article_id)
    policy, premoderation, banned, trust, duplicates, recent = row
    author = (column, key or "")
    return BatchFacts(
        articles={comment.article_id: (policy, bool(premoderation))},
        banned=frozenset(hashes) if banned else frozenset(),
        trust={author: int(trust or 0)},
        recent={comment.id: int(recent or 0)},
        duplicates={fingerprint: int(duplicates or 0)},
    )


def gather(
    session: Session, comments: list[Comment], secret: str, fingerprints: Iterable[str]
) -> BatchFacts:
    """Read the facts for a batch: one statement for a batch of one; else five queries, and two
    more when authors are known both by email and by address only."""
    wanted = list(fingerprints)
    if len(comments) == 1 and len(wanted) == 1:
        return _gather_one(session, comments[0], secret, wanted[0])
    return gather_many(session, comments, secret, wanted)


def gather_many(
    session: Session, comments: list[Comment], secret: str, fingerprints: Iterable[str]
) -> BatchFacts:
    """The batch's facts in a few queries, whatever its size."""
    now = utcnow()
    article_ids = sorted({c.article_id for c in comments})
    rows = session.execute(
        select(Article.id, Article.policy, Article.premoderation).where(Article.id.in_(_KEYS)),
        {"keys": article_ids},
    )
    articles = {article_id: (policy, bool(pre)) for article_id, policy, pre in rows}
    hashes = sorted({h for c in comments for h in ban_hashes(c, secret)})
    active = or_(Ban.expires_at.is_(None), Ban.expires_at > now)
    bans = select(Ban.value_hash).where(Ban.value_hash.in_(_KEYS), Ban.lifted_at.is_(None), active)
    banned = frozenset(session.scalars(bans, {"keys": hashes})) if hashes else frozenset()
    trust: dict[tuple[str, str], int] = {}
    times: dict[tuple[str, str], list[Any]] = {}
    start = min(c.created_at for c in comments) - RECENT_WINDOW
    end = max(c.created_at for c in comments)
    by_column: dict[str, set[str]] = {"author_email": set(), "client_hash": set()}
    for comment in comments:
        key = author_key(comment)
        if key:
            by_column[author_column(comment)].add(key)
    for name, keys in by_column.items():
        if not keys:
            continue
        column = getattr(Comment, name)
        trust.update(((name, k), n) for k, n in _trust(session, column, sorted(keys)).items())
        found = _author_times(session, column, sorted(keys), start, end)
        times.update(((name, k), t) for k, t in found.items())
    recent = {}
    for comment in comments:
        made = times.get((author_column(comment), author_key(comment) or ""), [])
        earlier = bisect_left(made, comment.created_at) - bisect_left(
            made, comment.created_at - RECENT_WINDOW
        )
        recent[comment.id] = earlier
    wanted = sorted(set(fingerprints))
    duplicates: Counter[str] = Counter()
    if wanted:
        query = (
            select(Comment.fingerprint, func.count())
            .where(Comment.fingerprint.in_(_KEYS), Comment.created_at >= now - DUPLICATE_WINDOW)
            .group_by(Comment.fingerprint)
        )
        duplicates.update({str(fp): int(n) for fp, n in session.execute(query, {"keys": wanted})})
    return BatchFacts(articles, banned, trust, recent, dict(duplicates))
