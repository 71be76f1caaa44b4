"""The store: intake, conditional transitions, threads, stale re-sends (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from services import comments, intake, publishing, stale
from services.config import load_settings
from services.db import connection_scope, session_scope
from services.models import Article, Comment, CommentStatus, DeadLetter, utcnow

pytestmark = pytest.mark.postgres

CLIENT = comments.ClientInfo(client_hash="h" * 64, user_agent="pytest", request_id="r1")


def submit(url: str, body: str = "Hello", **kwargs: object) -> str:
    with session_scope(url, write=True) as session:
        comment, created = comments.submit(
            session,
            article_id="a1",
            submission=comments.Submission(author_name="Ana", body=body, **kwargs),  # type: ignore[arg-type]
            client=CLIENT,
        )
        assert created
        return comment.id


def test_submit_saves_pending_and_creates_article(database_url: str, clean: None) -> None:
    comment_id = submit(database_url)
    with session_scope(database_url) as session:
        comment = session.get(Comment, comment_id)
        assert comment is not None
        assert comment.status == CommentStatus.PENDING
        assert comment.created_at.tzinfo is not None


def test_transitions_are_conditional_on_the_expected_state(database_url: str, clean: None) -> None:
    comment_id = submit(database_url)
    with session_scope(database_url, write=True) as session:
        assert publishing.publish(session, comment_id, actor="machine") is not None
    with session_scope(database_url, write=True) as session:
        assert publishing.publish(session, comment_id, actor="machine") is None
        assert publishing.take_down(session, comment_id, actor="mod", reason="spam") is not None
    with session_scope(database_url) as session:
        comment = session.get(Comment, comment_id)
        assert comment is not None
        assert comment.status == CommentStatus.REMOVED
        assert [d.to_status for d in comment.decisions] == ["published", "removed"]


def test_idempotency_key_replays_and_refuses_other_content(database_url: str, clean: None) -> None:
    def send(body: str) -> tuple[str, bool]:
        with session_scope(database_url, write=True) as session:
            comment, created = comments.submit(
                session,
                article_id="a1",
                submission=comments.Submission("Ana", body),
                client=CLIENT,
                idempotency_key="key-1",
            )
            return comment.id, created

    first, created = send("Same")
    again, created_again = send("Same")
    assert (first, created, created_again) == (again, True, False)
    with pytest.raises(comments.IdempotencyMismatch):
        send("Different")


def test_build_thread_nests_and_keeps_orphans(database_url: str, clean: None) -> None:
    root = submit(database_url, "root")
    with session_scope(database_url, write=True) as session:
        publishing.publish(session, root, actor="machine")
    reply = submit(database_url, "reply", parent_id=root)
    with session_scope(database_url, write=True) as session:
        publishing.publish(session, reply, actor="machine")
        publishing.take_down(session, root, actor="mod", reason=None)
    with session_scope(database_url) as session:
        nodes = comments.build_thread(comments.published_comments(session, "a1"))
        assert [n.comment.id for n in nodes] == [reply]


def test_claim_stale_resends_old_pending_once(database_url: str, clean: None) -> None:
    settings = load_settings(database_url=database_url, stale_after_seconds=60, secret_key="s")
    old, fresh, dead = (
        submit(database_url, "old"),
        submit(database_url, "fresh"),
        submit(database_url, "dead"),
    )
    with session_scope(database_url, write=True) as session:
        session.execute(
            update(Comment)
            .where(Comment.id.in_([old, dead]))
            .values(updated_at=utcnow() - timedelta(minutes=5))
        )
        session.add(DeadLetter(comment_id=dead, task="t", error="boom", attempts=5))
    assert stale.claim_stale(settings, queue_depth=0) == [old]
    assert stale.claim_stale(settings, queue_depth=0) == []
    assert fresh
    assert stale.claim_stale(settings, queue_depth=None) == []


def test_claim_stale_waits_for_a_draining_backlog(database_url: str, clean: None) -> None:
    settings = load_settings(database_url=database_url, stale_after_seconds=60, secret_key="s")
    comment_id = submit(database_url)
    with session_scope(database_url, write=True) as session:
        session.execute(
            update(Comment)
            .where(Comment.id == comment_id)
            .values(updated_at=utcnow() - timedelta(minutes=5))
        )
    assert stale.claim_stale(settings, queue_depth=250) == []
    assert stale.claim_stale(settings, queue_depth=0) == [comment_id]


def test_pending_summary_counts_and_ages(database_url: str, clean: None) -> None:
    submit(database_url)
    with session_scope(database_url) as session:
        count, age = stale.pending_summary(session)
    assert count == 1
    assert 0 <= age < 60


def _row(article_id: str, body: str) -> dict[str, object]:
    submission = comments.Submission(author_name="Ana", body=body)
    return comments.new_row(article_id, submission, CLIENT, None)


def test_insert_if_open_saves_the_rows_of_open_articles_only(
    database_url: str, clean: None
) -> None:
    submit(database_url)  # creates the open article a1
    with session_scope(database_url, write=True) as session:
        session.add(Article(id="shut", closed=True, premoderation=False, policy={}))
    rows = [_row("a1", "one"), _row("shut", "two"), _row("new", "three"), _row("a1", "four")]
    with connection_scope(database_url, write=True) as connection:
        ids = intake.insert_if_open(connection, rows)
    assert ids == [rows[0]["id"], None, None, rows[3]["id"]]
    with connection_scope(database_url, write=True) as connection:  # one row: one statement
        assert intake.insert_if_open(connection, [_row("shut", "five")]) == [None]
    with session_scope(database_url) as session:
        saved = session.scalars(select(Comment.body).where(Comment.id.in_(ids[0::3])))
        assert sorted(saved) == ["four", "one"]
        assert session.get(Article, "new") is None  # submit() creates articles, not this


def test_save_if_open_from_many_threads_saves_and_hands_on_each_comment_once(
    database_url: str, clean: None
) -> None:
    submit(database_url)
    submission = comments.Submission(author_name="Ana", body="At the same moment")
    handed_on: list[list[str]] = []

    def hand_on(ids: Sequence[str]) -> bool:
        handed_on.append(list(ids))
        return True

    with ThreadPoolExecutor(max_workers=12) as pool:
        saved = list(pool.map(
            lambda _: intake.save_if_open(
                database_url, article_id="a1", submission=submission, client=CLIENT,
                hand_on=hand_on,
            ),
            range(60),
        ))  # fmt: skip
    ids = [s.id for s in saved if s is not None]
    assert len(set(ids)) == 60 and all(s is not None and s.queued for s in saved)
    assert sorted(i for group in handed_on for i in group) == sorted(ids)  # each id once
    with session_scope(database_url) as session:
        count = session.scalar(select(func.count()).select_from(Comment).where(Comment.id.in_(ids)))
        assert count == 60


def test_save_if_open_reports_a_comment_it_could_not_hand_on(
    database_url: str, clean: None
) -> None:
    submit(database_url)
    saved = intake.save_if_open(
        database_url,
        article_id="a1",
        submission=comments.Submission(author_name="Ana", body="Queue is away"),
        client=CLIENT,
        hand_on=_refuse,
    )
    assert saved is not None and not saved.queued
    with session_scope(database_url) as session:  # saved all the same, for the re-sender
        comment = session.get(Comment, saved.id)
        assert comment is not None and comment.status == CommentStatus.PENDING


def _refuse(ids: Sequence[str]) -> bool:
    return False
