"""Workers die or are restarted under load: every accepted comment still ends final, once."""

from __future__ import annotations

import signal
import time

import pytest

from services import faults
from tests.faults.kit import clean_text, kill_pool_process, rig
from tests.faults.ledger import Ledger
from tests.support.processes import wait_until

pytestmark = pytest.mark.faults
UNHURRIED = "Written unhurriedly"


def _pending(ledger: Ledger, database_url: str) -> int:
    """Accepted so far and not yet final: the comments in flight at this moment."""
    return len(ledger.ids) - ledger.decided(database_url)


def _unhurried(i: int) -> str:
    """Every fifth comment takes the worker SLOW_SECONDS (batches are quick otherwise, and a
    kill would mostly find the pool processes idle between them)."""
    return clean_text(5_000 + i) + (f" {UNHURRIED}." if i % 5 == 0 else "")


def test_pool_process_killed_in_the_middle_of_a_batch(db: str) -> None:
    with rig(db) as system:
        api = system.start_api()
        worker = system.start_worker(**{faults.VARIABLE: f"slow:{UNHURRIED}"})
        system.start_beat()
        ledger = Ledger(api.url, "faults-pool-kill")
        poster = ledger.in_background(300, threads=4, text=_unhurried)
        wait_until(lambda: ledger.decided(db) >= 40, timeout=60)
        in_flight, killed = _pending(ledger, db), []
        while not system.lost_workers() and len(killed) < 10:  # until a kill hits a running task
            killed.append(kill_pool_process(worker))
            wait_until(lambda: len(set(worker.pool_pids()) - set(killed)) == 2, timeout=30)
            time.sleep(0.5)
        poster.join()
        report = ledger.settle(db, system.redis.url, timeout=120)
        assert ledger.answers == {202: 300}
        assert system.lost_workers() >= 1
        assert set(worker.pool_pids()).isdisjoint(killed)  # replaced, and the worker goes on
        report.notes.update(in_flight=in_flight, kills=len(killed))
        print(report.line("pool process SIGKILL"))


def test_whole_worker_killed_and_a_new_one_started(db: str) -> None:
    with rig(db) as system:
        api, worker = system.start_api(), system.start_worker()
        system.start_beat()
        ledger = Ledger(api.url, "faults-worker-kill")
        poster = ledger.in_background(300, threads=4)
        wait_until(lambda: ledger.decided(db) >= 60, timeout=60)
        worker.kill()  # main process and pool, no goodbye
        in_flight = _pending(ledger, db)
        time.sleep(1)
        system.start_worker()
        poster.join()
        report = ledger.settle(db, system.redis.url, timeout=150)
        assert ledger.answers == {202: 300}
        report.notes.update(in_flight=in_flight)
        print(report.line("whole worker SIGKILL"))


def test_rolling_restart_sigterm_under_load(db: str) -> None:
    with rig(db) as system:
        api, first = system.start_api(), system.start_worker()
        system.start_beat()
        system.start_worker()  # the new one, then the old one goes while the backlog is deep
        ledger = Ledger(api.url, "faults-rolling")
        poster = ledger.in_background(400, threads=4, pause=0.01)
        wait_until(lambda: ledger.decided(db) >= 60, timeout=60)
        in_flight = _pending(ledger, db)
        started = time.monotonic()
        # a warm shutdown, not a kill; it may take over 30 s: a pool process waits that long for
        # the main process to take its last results (billiard) before it exits
        assert first.stop(signal.SIGTERM, timeout=60) == 0
        assert "warm shutdown" in first.log_text().lower()
        stopped_in = time.monotonic() - started
        poster.join()
        report = ledger.settle(db, system.redis.url, timeout=120)
        assert ledger.answers == {202: 400}
        report.notes.update(in_flight=in_flight, shutdown=f"{stopped_in:.1f}s")
        print(report.line("rolling restart SIGTERM"))
