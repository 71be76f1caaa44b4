"""The same task delivered many times, the same Idempotency-Key sent twice at once."""

from __future__ import annotations

import threading
import uuid
from collections import Counter

import pytest
from sqlalchemy import func, select

from services.config import load_settings
from services.db import session_scope
from services.models import Comment
from tests.conftest import SECRET
from tests.faults.kit import Answer, clean_text, queue_state, request, rig
from tests.faults.ledger import Ledger
from workers import relay

pytestmark = pytest.mark.faults
COPIES = 5
ROUNDS = 8
SLOW = "Unhurried"


TASKS = ("gatehouse.moderate", "gatehouse.moderate_batch")


def test_a_task_delivered_five_times_publishes_once(db: str) -> None:
    with rig(db) as system:
        ledger = Ledger(system.start_api().url, "faults-five-deliveries")
        settings = load_settings(database_url=db, redis_url=system.redis.url, secret_key=SECRET)
        sender = relay.sender(settings)
        for _ in range(20):  # no worker yet: the copies of one comment wait side by side
            comment_id = ledger.post().body["id"]  # its id waits on the intake list
            for n in range(COPIES - 1):  # and copies of its task, alone and as batches
                name, args = TASKS[n % 2], ((comment_id,), ([comment_id],))[n % 2]
                sender.send_task(name, args, queue="moderation")
        assert queue_state(system.redis.url)["ready"] == 20 * COPIES
        worker = system.start_worker()  # two pool processes take copies of one comment at once
        report = ledger.settle(db, system.redis.url, timeout=60)
        assert report.statuses == {"published": 20} and report.max_publications == 1
        skipped = worker.log_text().count('"moderation skipped"')
        assert skipped >= 20 * (COPIES - 1), skipped  # (a retried copy may skip once more)
        report.notes.update(deliveries=20 * COPIES, skipped_as_duplicates=skipped)
        print(report.line("task delivered five times"))


def _twins(ledger: Ledger, key: str, text: str) -> tuple[dict[str, str], list[Answer]]:
    """Two real requests with one Idempotency-Key and body, released together."""
    barrier = threading.Barrier(2)
    body = ledger.body(text)
    answers: list[Answer] = []

    def send() -> None:
        barrier.wait()
        answer = request(ledger.api_url, "POST", ledger.path, body,
                         headers={"Idempotency-Key": key})  # fmt: skip
        answers.append(answer)

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return body, answers


def test_the_same_idempotency_key_twice_at_once(db: str) -> None:
    # in odd rounds the intake dawdles before saving, so the twin surely finds the key leased
    with rig(db, GATEHOUSE_FAULT_INJECT=f"slow:{SLOW}") as system:
        api = system.start_api()
        system.start_worker()
        ledger = Ledger(api.url, "faults-twins")
        outcomes: Counter[tuple[int, ...]] = Counter()
        for n in range(ROUNDS):
            key = uuid.uuid4().hex
            text = clean_text(n) + (f" {SLOW}" if n % 2 else "")
            body, answers = _twins(ledger, key, text)
            statuses = tuple(sorted(a.status for a in answers))
            outcomes[statuses] += 1
            assert statuses in {(202, 409), (202, 202)}, answers  # never two comments
            ids = {a.body["id"] for a in answers if a.status == 202}
            assert len(ids) == 1
            [comment_id] = ids
            ledger.ids.append(comment_id)
            with session_scope(db) as session:
                query = select(func.count()).where(Comment.idempotency_key == key)
                assert session.scalar(query) == 1
            conflict = next((a for a in answers if a.status == 409), None)
            if conflict is not None:
                assert conflict.body["error"]["code"] == "in_progress"
            # once done, the key replays the comment; with another body it is refused
            again = {"Idempotency-Key": key}
            replay = request(api.url, "POST", ledger.path, body, headers=again)
            assert (replay.status, replay.body["id"]) == (202, comment_id)
            other = request(api.url, "POST", ledger.path, {**body, "body": "x" * 20}, headers=again)
            assert other.status == 422
            assert other.body["error"]["code"] == "idempotency_key_reused"
        assert outcomes[(202, 409)] >= ROUNDS // 2, outcomes  # the twins did race
        report = ledger.settle(db, system.redis.url, timeout=60)
        assert report.statuses == {"published": ROUNDS}
        report.notes.update(rounds=ROUNDS, outcomes=dict(outcomes))
        print(report.line("same Idempotency-Key twice at once"))


@pytest.mark.postgres
def test_the_first_comments_of_an_article_arriving_together_are_all_accepted(db: str) -> None:
    with rig(db) as system:
        api = system.start_api()
        answers: Counter[int] = Counter()
        for round_ in range(ROUNDS):  # each round a new article, created by whichever POST wins
            ledger = Ledger(api.url, f"faults-first-{round_}")
            barrier = threading.Barrier(4)

            def send(ledger: Ledger = ledger, barrier: threading.Barrier = barrier) -> None:
                barrier.wait()
                answers[ledger.post().status] += 1

            threads = [threading.Thread(target=send) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        assert answers == {202: 4 * ROUNDS}, answers
