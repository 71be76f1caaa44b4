"""The facts a batch of comments is judged against, and one comment's pipeline context drawn
from them; services/batch_context.py reads them from the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from services import pipeline
from services.models import Comment, TermList
from services.security import keyed_hash


def email_key(secret: str, email: str | None) -> str | None:
    """The keyed hash under which an email is banned."""
    return keyed_hash(secret, email) if email else None


def author_column(comment: Comment) -> str:
    """Which column identifies the comment's author: the email when given, else the address."""
    return "author_email" if comment.author_email else "client_hash"


def author_key(comment: Comment) -> str | None:
    """The author's value in author_column: the email, else the client hash."""
    return comment.author_email or comment.client_hash


def ban_hashes(comment: Comment, secret: str) -> list[str]:
    """The keyed hashes a ban on the comment's author would be under: address, email."""
    return [h for h in (comment.client_hash, email_key(secret, comment.author_email)) if h]


@dataclass(frozen=True)
class BatchFacts:
    """The shared state a batch of comments is judged against."""

    articles: dict[str, tuple[Any, bool]]  # article id -> (policy, premoderation)
    banned: frozenset[str]  # the keyed hashes among the batch's that are banned now
    trust: dict[tuple[str, str], int]  # (author column, key) -> trust
    # comment id -> its author's comments in the RECENT_WINDOW (batch_context) before it:
    # counted up to the comment itself, not up to now, so a comment is judged the same however
    # late a worker gets to it (a backlog, a retry), not by the burst that came after it
    recent: dict[str, int]
    duplicates: dict[str, int]  # fingerprint -> decided comments with it in DUPLICATE_WINDOW

    def context(
        self,
        comment: Comment,
        *,
        secret: str,
        site_policy: dict[str, object],
        terms: dict[TermList, tuple[str, ...]],
        fingerprint: str,
        alongside: int = 0,
    ) -> pipeline.Context:
        """One comment's context; `alongside` counts its near-duplicates earlier in the batch."""
        article_policy, premoderation = self.articles[comment.article_id]
        key = (author_column(comment), author_key(comment) or "")
        policy = {**site_policy, **(article_policy or {}), "premoderation": premoderation}
        return pipeline.Context(
            author_name=comment.author_name,
            honeypot=comment.honeypot,
            banned=any(h in self.banned for h in ban_hashes(comment, secret)),
            author_trust=self.trust.get(key, 0),
            recent_duplicates=self.duplicates.get(fingerprint, 0) + alongside,
            author_recent_count=self.recent.get(comment.id, 0),
            blocked_terms=terms[TermList.BLOCKED],
            held_terms=terms[TermList.HELD],
            allowed_terms=terms[TermList.ALLOWED],
            settings=pipeline.PolicySettings.from_mapping(policy),
        )
