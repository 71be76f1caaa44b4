"""The promise, checked: every comment that got a 202 ends final, and is published at most once.

A Ledger posts comments to a real API and keeps every id it was given; `settle` waits until
the system is quiet and then checks the ids against the database, the thread and Redis.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from services.db import session_scope
from services.models import Comment, CommentStatus, DeadLetter, DecisionRecord
from tests.faults.kit import Answer, clean_text, queue_state, request

FINAL = {CommentStatus.PUBLISHED, CommentStatus.HELD, CommentStatus.REJECTED}


@dataclass
class Report:
    """What the check found, for the test's output."""

    accepted: int
    statuses: dict[str, int]
    dead_letters: int
    published: int
    max_publications: int
    seconds_to_quiet: float
    notes: dict[str, Any] = field(default_factory=dict)

    def line(self, name: str) -> str:
        extra = " ".join(f"{k}={v}" for k, v in self.notes.items())
        return (f"[ledger] {name}: accepted={self.accepted} statuses={self.statuses} "
                f"dead_letters={self.dead_letters} published={self.published} "
                f"max_publications_per_comment={self.max_publications} lost=0 "
                f"quiet_after={self.seconds_to_quiet:.1f}s {extra}")  # fmt: skip


class Ledger:
    """Every id that got a 202 from the API, and the answers to everything else."""

    def __init__(self, api_url: str, article: str) -> None:
        self.api_url, self.article = api_url, article
        self.ids: list[str] = []
        self.answers: Counter[int] = Counter()
        self.slowest = 0.0
        self._lock = threading.Lock()
        self._n = 0

    @property
    def path(self) -> str:
        return f"/api/v1/articles/{self.article}/comments"

    def body(self, text: str | None = None) -> dict[str, str]:
        """A clean comment by an author of its own (no burst, no near-duplicate)."""
        with self._lock:
            self._n += 1
            n = self._n
        return {"author_name": f"Reader {n}", "author_email": f"reader{n}@example.org",
                "body": text or clean_text(n)}  # fmt: skip

    def post(self, text: str | None = None, headers: dict[str, str] | None = None) -> Answer:
        """POST one comment; its id goes into the ledger when the answer is 202."""
        answer = request(self.api_url, "POST", self.path, self.body(text), headers=headers)
        with self._lock:
            self.answers[answer.status] += 1
            self.slowest = max(self.slowest, answer.seconds)
            if answer.status == 202:
                self.ids.append(answer.body["id"])
        return answer

    def post_many(self, n: int, *, threads: int = 4, text: Callable[[int], str] | None = None,
                  pause: float = 0.0) -> list[Answer]:  # fmt: skip
        """POST n comments from a few threads; `pause` seconds between one thread's posts."""

        def one(i: int) -> Answer:
            answer = self.post(text(i) if text else None)
            if pause:
                time.sleep(pause)
            return answer

        with ThreadPoolExecutor(threads) as pool:
            return list(pool.map(one, range(n)))

    def in_background(self, n: int, **kwargs: Any) -> threading.Thread:
        """post_many in a thread of its own, started."""
        thread = threading.Thread(target=self.post_many, args=(n,), kwargs=kwargs, daemon=True)
        thread.start()
        return thread

    # --- what the system says about the ids ---------------------------------------------

    def statuses(self, database_url: str) -> dict[str, str]:
        """Each ledger id's status, "dead" for a pending one with an open dead letter."""
        with session_scope(database_url) as session:
            rows = dict(session.execute(select(Comment.id, Comment.status)
                                        .where(Comment.id.in_(self.ids))).all())  # fmt: skip
            dead = set(session.scalars(select(DeadLetter.comment_id).where(
                DeadLetter.comment_id.in_(self.ids), DeadLetter.replayed_at.is_(None))))  # fmt: skip
        return {i: "dead" if rows[i] == "pending" and i in dead else str(rows[i])
                for i in self.ids if i in rows}  # fmt: skip

    def decided(self, database_url: str) -> int:
        """How many ledger ids are final now."""
        return sum(s != "pending" for s in self.statuses(database_url).values())

    def publications(self, database_url: str) -> Counter[str]:
        """Decision records that published each ledger id."""
        with session_scope(database_url) as session:
            rows = session.execute(
                select(DecisionRecord.comment_id, func.count())
                .where(DecisionRecord.comment_id.in_(self.ids))
                .where(DecisionRecord.to_status == str(CommentStatus.PUBLISHED))
                .group_by(DecisionRecord.comment_id)
            ).all()
        return Counter(dict(rows))  # type: ignore[arg-type]

    def thread_ids(self) -> list[str]:
        """The ids in the article's published thread, replies included, as often as listed."""
        answer = request(self.api_url, "GET", self.path)
        assert answer.status == 200, answer
        found: list[str] = []
        stack = list(answer.body["comments"])
        while stack:
            node = stack.pop()
            found.append(node["id"])
            stack.extend(node["replies"])
        return found

    def settle(self, database_url: str, redis_url: str, *, timeout: float = 120) -> Report:
        """Wait until every id is final and the queue is drained; then check the promise."""
        started = time.monotonic()
        deadline = started + timeout
        while True:
            states = self.statuses(database_url)
            queued = queue_state(redis_url)
            final = len(states) == len(self.ids) and "pending" not in states.values()
            if final and queued == {"ready": 0, "unacked": 0}:
                break
            if time.monotonic() > deadline:
                waiting = Counter(states.values())
                missing = len(self.ids) - len(states)
                raise AssertionError(f"not quiet after {timeout}s: {waiting} missing={missing} "
                                     f"queue={queued}")  # fmt: skip
            time.sleep(0.25)
        return self._check(database_url, redis_url, time.monotonic() - started)

    def _check(self, database_url: str, redis_url: str, waited: float) -> Report:
        assert len(set(self.ids)) == len(self.ids), "one 202 id was given twice"
        states = self.statuses(database_url)
        lost = [i for i in self.ids if i not in states or states[i] == "pending"]
        assert not lost, f"{len(lost)} accepted comments are lost or not final: {lost[:5]}"
        assert set(states.values()) <= {*map(str, FINAL), "dead"}, Counter(states.values())
        publications = self.publications(database_url)
        twice = {i: n for i, n in publications.items() if n > 1}
        assert not twice, f"published more than once: {twice}"
        listed = Counter(self.thread_ids())
        assert all(n == 1 for n in listed.values()), f"listed twice: {listed.most_common(3)}"
        published = {i for i, s in states.items() if s == "published"}
        assert set(listed) == published, "the thread and the statuses disagree"
        assert queue_state(redis_url) == {"ready": 0, "unacked": 0}
        return Report(
            accepted=len(self.ids),
            statuses=dict(Counter(states.values())),
            dead_letters=sum(s == "dead" for s in states.values()),
            published=len(published),
            max_publications=max(publications.values(), default=0),
            seconds_to_quiet=waited,
        )
