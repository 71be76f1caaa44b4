"""Redis restarts, with its data and without, and stops for a while: no accepted comment is lost."""

from __future__ import annotations

import time

import pytest

from tests.faults.kit import rig
from tests.faults.ledger import Ledger
from tests.support.processes import wait_until

pytestmark = pytest.mark.faults


def test_redis_restarts_with_its_data_then_wiped(db: str) -> None:
    with rig(db) as system:
        api, worker = system.start_api(), system.start_worker()
        system.start_beat()
        ledger = Ledger(api.url, "faults-redis-restart")
        poster = ledger.in_background(400, threads=4, pause=0.01)
        in_flight = {}
        for name, wipe, after in (("aof", False, 60), ("wiped", True, 200)):
            wait_until(lambda n=after: ledger.decided(db) >= n, timeout=90)  # type: ignore[misc]
            in_flight[name] = len(ledger.ids) - ledger.decided(db)
            system.redis.restart(wipe=wipe)
        poster.join()
        report = ledger.settle(db, system.redis.url, timeout=150)
        assert ledger.answers == {202: 400}
        assert worker.running() and "Unrecoverable error" not in worker.log_text()
        report.notes.update(in_flight_aof=in_flight["aof"], in_flight_wiped=in_flight["wiped"])
        print(report.line("Redis restarted (AOF, then wiped)"))


def test_redis_away_for_20_seconds_while_comments_arrive(db: str) -> None:
    with rig(db) as system:
        api, worker = system.start_api(), system.start_worker()
        system.start_beat()
        ledger = Ledger(api.url, "faults-redis-away")
        poster = ledger.in_background(500, threads=2, pause=0.1)  # ~18 a second for ~28 s
        wait_until(lambda: ledger.decided(db) >= 20, timeout=60)
        system.redis.stop()
        stopped, accepted_before = time.monotonic(), len(ledger.ids)
        time.sleep(20)
        accepted_while_away = len(ledger.ids) - accepted_before
        system.redis.start()
        print(f"Redis away {time.monotonic() - stopped:.1f}s")
        poster.join()
        assert ledger.answers == {202: 500}, ledger.answers  # every POST answered 202
        assert accepted_while_away > 100
        report = ledger.settle(db, system.redis.url, timeout=150)
        assert worker.running() and "Unrecoverable error" not in worker.log_text()
        report.notes.update(accepted_while_redis_away=accepted_while_away,
                            slowest_post=f"{ledger.slowest:.2f}s")  # fmt: skip
        print(report.line("Redis stopped 20 s"))
