"""Batches on the worker's side: claiming, assessing and recording several comments at once;
and the intake list and relay that make the batches (against the tests' own real Redis)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import redis
from sqlalchemy import select, update

from services import bans, batch_context, comments, faults, inbox, moderation, pipeline, publishing
from services.config import load_settings
from services.db import session_scope
from services.models import Comment, CommentStatus, DecisionRecord, utcnow
from tests.conftest import SECRET
from tests.support.processes import RedisServer
from workers import relay

pytestmark = pytest.mark.postgres

CLIENT = comments.ClientInfo(client_hash="c" * 64, user_agent="pytest")


def submit(url: str, body: str, author: str = "Ana", email: str | None = None) -> str:
    with session_scope(url, write=True) as session:
        comment, _ = comments.submit(
            session,
            article_id="batch-article",
            submission=comments.Submission(author_name=author, body=body, author_email=email),
            client=CLIENT,
        )
        return comment.id


def attempts(url: str, comment_id: str) -> int:
    with session_scope(url) as session:
        return int(session.scalars(select(Comment.attempts).where(Comment.id == comment_id)).one())


def test_a_batch_claims_fresh_comments_once_and_leaves_the_tried_ones_to_go_alone(
    database_url: str, clean: None
) -> None:
    first, second, tried, decided = (submit(database_url, f"Point {w}.") for w in "abcd")
    with session_scope(database_url, write=True) as session:
        session.execute(update(Comment).where(Comment.id == tried).values(attempts=1))
        session.execute(
            update(Comment).where(Comment.id == decided).values(status=CommentStatus.HELD)
        )
    ids = [second, tried, first, decided, second, "no-such-comment"]
    with session_scope(database_url, write=True) as session:
        claimed = moderation.claim_batch(session, ids)
    assert [c.id for c in claimed.fresh] == [first, second]  # oldest first, each once
    assert all(c.attempts == 1 for c in claimed.fresh)
    assert claimed.retried == [tried]
    assert attempts(database_url, tried) == 1  # not counted: it is tried again alone
    with session_scope(database_url, write=True) as session:  # a second delivery of the batch
        again = moderation.claim_batch(session, ids)
    assert again.fresh == [] and sorted(again.retried) == sorted([first, second, tried])


def test_one_failing_comment_is_set_aside_and_the_rest_of_the_batch_is_recorded(
    database_url: str, clean: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(faults.VARIABLE, "moderate:BREAKS-THE-PIPELINE")
    ids = [submit(database_url, "The budget debate was useful."),
           submit(database_url, "This one BREAKS-THE-PIPELINE on purpose."),
           submit(database_url, "Good reporting on the bridge.")]  # fmt: skip
    settings = load_settings(database_url=database_url, secret_key=SECRET)
    with session_scope(database_url, write=True) as session:
        claimed = moderation.claim_batch(session, ids)
    with session_scope(database_url) as session:
        assessments, failures = moderation.assess_batch(session, claimed.fresh, settings)
    assert [f.comment.id for f in failures] == [ids[1]]
    assert isinstance(failures[0].error, faults.InjectedFault)
    with session_scope(database_url, write=True) as session:
        outcomes = moderation.record_batch(session, assessments)
    assert sorted(o.comment.id for o in outcomes) == sorted([ids[0], ids[2]])
    with session_scope(database_url) as session:
        statuses = {i: s for i, s in session.execute(select(Comment.id, Comment.status))}
        records = session.scalars(select(DecisionRecord.comment_id)).all()
    assert statuses[ids[1]] == CommentStatus.PENDING
    assert statuses[ids[0]] == statuses[ids[2]] == CommentStatus.PUBLISHED
    assert sorted(records) == sorted([ids[0], ids[2]])
    with session_scope(database_url, write=True) as session:  # recording twice changes nothing
        assert moderation.record_batch(session, assessments) == []


def test_near_duplicates_within_one_batch_count_against_each_other(
    database_url: str, clean: None
) -> None:
    body = "Visit my channel for the best crypto tips and easy money today"
    ids = [submit(database_url, body, author=f"Reader {n}", email=f"r{n}@example.org")
           for n in range(3)]  # fmt: skip
    settings = load_settings(database_url=database_url, secret_key=SECRET)
    with session_scope(database_url, write=True) as session:
        claimed = moderation.claim_batch(session, ids)
    seen: list[int] = []
    real = pipeline.moderate

    def spy(body: str, context: pipeline.Context) -> pipeline.Verdict:
        seen.append(context.recent_duplicates)
        return real(body, context)

    with pytest.MonkeyPatch.context() as patch, session_scope(database_url) as session:
        patch.setattr(pipeline, "moderate", spy)
        moderation.assess_batch(session, claimed.fresh, settings)
    assert seen == [0, 1, 2]


@pytest.fixture
def own_db(redis_server: RedisServer) -> redis.Redis:
    client = redis.Redis.from_url(redis_server.url.rsplit("/", 1)[0] + "/3", decode_responses=True)
    client.flushdb()
    return client


def test_the_intake_list_hands_ids_on_oldest_first_and_takes_them_back_in_order(
    own_db: redis.Redis,
) -> None:
    for comment_id in ("c1", "c2", "c3", "c4"):
        inbox.push(own_db, comment_id)
    assert inbox.take(own_db, limit=3, wait=0.1) == ["c1", "c2", "c3"]
    inbox.push_back(own_db, ["c1", "c2", "c3"])
    assert inbox.depth(own_db) == 4
    assert inbox.take(own_db, limit=10, wait=0.1) == ["c1", "c2", "c3", "c4"]
    assert inbox.take(own_db, limit=10, wait=0.1) == []


class Sender:
    """Stands in for the relay's Celery app: records what it was asked to send."""

    def __init__(self, fail: bool = False) -> None:
        self.sent: list[tuple[str, tuple[Any, ...], str]] = []
        self.fail = fail

    def send_task(self, name: str, args: tuple[Any, ...], queue: str, **_: Any) -> None:
        if self.fail:
            raise redis.ConnectionError("broker away")
        self.sent.append((name, args, queue))


def test_the_relay_batches_what_waits_and_holds_back_while_the_queue_is_full(
    own_db: redis.Redis,
) -> None:
    settings = load_settings(batch_size=2, relay_queue_target=1)
    for comment_id in ("c1", "c2", "c3"):
        inbox.push(own_db, comment_id)
    sender = Sender()
    assert relay.relay_once(own_db, sender, settings, "q") == 2
    assert sender.sent == [(relay.BATCH_TASK, (["c1", "c2"],), "q")]
    own_db.lpush("q", "a task waiting")  # the queue is at its target: nothing more is sent
    assert relay.relay_once(own_db, sender, settings, "q") is None
    assert inbox.depth(own_db) == 1 and len(sender.sent) == 1
    own_db.delete("q")
    assert relay.relay_once(own_db, sender, settings, "q") == 1
    assert relay.relay_once(own_db, sender, settings, "q") == 0


def test_ids_the_relay_could_not_send_go_back_to_the_intake_list(own_db: redis.Redis) -> None:
    settings = load_settings(batch_size=10)
    for comment_id in ("c1", "c2"):
        inbox.push(own_db, comment_id)
    with pytest.raises(redis.ConnectionError):
        relay.relay_once(own_db, Sender(fail=True), settings, "q")
    assert inbox.take(own_db, limit=10, wait=0.1) == ["c1", "c2"]


def test_a_batch_of_one_reads_the_same_facts_in_one_statement_as_a_batch_does(
    database_url: str, clean: None
) -> None:
    body = "Win free crypto now at my channel"
    earlier = submit(database_url, body, email="same@example.org")
    with session_scope(database_url, write=True) as session:
        publishing.publish(session, earlier, actor="mod")  # trust +1 for the author
        session.execute(update(Comment).where(Comment.id == earlier).values(
            fingerprint=pipeline.fingerprint(body)))  # fmt: skip
    probe_id = submit(database_url, body, email="same@example.org")
    banned_id = submit(database_url, "Another point.", email="banned@example.org")
    with session_scope(database_url, write=True) as session:
        bans.ban(session, SECRET, actor="mod", reason="test", email="banned@example.org",
                 expires_at=utcnow() + timedelta(days=1))  # fmt: skip
    contexts = {}
    with session_scope(database_url) as session:
        terms = moderation.site_terms(session)
        for comment_id in (probe_id, banned_id):
            comment = session.get(Comment, comment_id)
            assert comment is not None
            fingerprint = pipeline.fingerprint(comment.body)
            facts = (
                batch_context.gather(session, [comment], SECRET, [fingerprint]),
                batch_context.gather_many(session, [comment], SECRET, [fingerprint]),
            )
            one, many = (f.context(comment, secret=SECRET, site_policy={}, terms=terms,
                                   fingerprint=fingerprint) for f in facts)  # fmt: skip
            assert one == many
            contexts[comment_id] = one
    probe, banned = contexts[probe_id], contexts[banned_id]
    assert probe.author_trust == 1 and probe.recent_duplicates == 1
    assert probe.author_recent_count == 1 and not probe.banned
    assert banned.banned and banned.author_trust == 0 and banned.author_recent_count == 0


def test_posting_too_fast_counts_only_the_comments_before_each_one(
    database_url: str, clean: None
) -> None:
    ids = [submit(database_url, f"Point number {n}.", email="quick@example.org") for n in range(7)]
    with session_scope(database_url) as session:
        batch = list(session.scalars(select(Comment).where(Comment.id.in_(ids))))
        batch.sort(key=lambda c: ids.index(c.id))
        terms = moderation.site_terms(session)

        def recent(facts: batch_context.BatchFacts, comment: Comment) -> int:
            context = facts.context(comment, secret=SECRET, site_policy={}, terms=terms,
                                    fingerprint=pipeline.fingerprint(comment.body))  # fmt: skip
            return context.author_recent_count

        together = batch_context.gather_many(session, batch, SECRET, [])
        assert [recent(together, c) for c in batch] == list(range(7))
        for n, comment in enumerate(batch):  # alone, as a worker that gets to it late sees it
            fingerprint = pipeline.fingerprint(comment.body)
            alone = batch_context.gather(session, [comment], SECRET, [fingerprint])
            assert recent(alone, comment) == n
