"""Reading comments: one by id, an article's published comments nested as its thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.models import Comment, CommentStatus
from services.security import content_hash


@dataclass
class ThreadNode:
    """A published comment with its published replies."""

    comment: Comment
    replies: list[ThreadNode] = field(default_factory=list)


def get_comment(session: Session, comment_id: str) -> Comment | None:
    """One comment by id, or None."""
    return session.get(Comment, comment_id)


def published_comments(session: Session, article_id: str) -> list[Comment]:
    """The article's published comments, oldest first."""
    query = (
        select(Comment)
        .where(Comment.article_id == article_id, Comment.status == CommentStatus.PUBLISHED)
        .order_by(Comment.created_at, Comment.id)
    )
    return list(session.scalars(query))


def build_thread(comments: list[Comment]) -> list[ThreadNode]:
    """Nest replies under their parents; a reply whose parent is not shown stands alone."""
    nodes = {c.id: ThreadNode(c) for c in comments}
    roots: list[ThreadNode] = []
    for comment in comments:
        parent = nodes.get(comment.parent_id) if comment.parent_id else None
        (parent.replies if parent else roots).append(nodes[comment.id])
    return roots


def thread_version(comments: list[Comment]) -> str:
    """A short digest that changes whenever the published thread does."""
    latest: datetime | None = max((c.updated_at for c in comments), default=None)
    return content_hash(
        str(len(comments)), latest.isoformat() if latest else "", *[c.id for c in comments]
    )[:32]
