"""Comments that break moderation every time: bounded attempts, a dead letter, the rest flows."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from services.db import session_scope
from services.models import Comment, DeadLetter
from tests.faults.kit import clean_text, rig
from tests.faults.ledger import Ledger

pytestmark = pytest.mark.faults
MAX_ATTEMPTS = 3
RAISES, KILLS = "KABOOM", "FATALITY"


def test_poison_comments_are_dead_lettered_and_the_others_publish(db: str) -> None:
    fault = f"moderate:{RAISES},kill:{KILLS}"
    with rig(db, GATEHOUSE_FAULT_INJECT=fault, MAX_ATTEMPTS=str(MAX_ATTEMPTS)) as system:
        api, worker = system.start_api(), system.start_worker()
        system.start_beat()
        ledger = Ledger(api.url, "faults-poison")
        poison = [ledger.post(f"{clean_text(n)} {word}").body["id"]
                  for n, word in ((1, RAISES), (2, KILLS))]  # fmt: skip
        ledger.post_many(60, threads=2, text=lambda n: clean_text(n + 10))
        report = ledger.settle(db, system.redis.url, timeout=120)

        states = ledger.statuses(db)
        assert [states[i] for i in poison] == ["dead", "dead"]
        assert report.published == 60 == report.statuses["published"]
        with session_scope(db) as session:
            letters = {d.comment_id: d for d in session.scalars(select(DeadLetter))}
            assert set(letters) == set(poison)
            raised, killed = letters[poison[0]], letters[poison[1]]
            # the last failure is kept; or, when a re-send claimed it meanwhile, the exhaustion
            assert raised.attempts == MAX_ATTEMPTS
            assert "InjectedFault" in raised.error or raised.error == "attempts exhausted"
            assert killed.attempts == MAX_ATTEMPTS and killed.error == "attempts exhausted"
            attempts = {i: session.get(Comment, i).attempts for i in poison}  # type: ignore[union-attr]
        # bounded: beyond MAX_ATTEMPTS a delivery only dead-letters (re-sends may add a claim)
        assert all(n <= MAX_ATTEMPTS + 3 for n in attempts.values()), attempts
        # the killing comment took a pool process down once per attempt, and no more
        assert system.lost_workers() == MAX_ATTEMPTS
        assert worker.running() and len(worker.pool_pids()) == 2
        report.notes.update(attempts=list(attempts.values()), pool_processes_lost=MAX_ATTEMPTS)
        print(report.line("poison comments"))
