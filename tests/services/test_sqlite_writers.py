"""The SQLite write turn: one writer at a time, and a bounded wait for it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from services.sqlite_writers import SqliteWriters


def test_a_writer_waits_for_the_turn_no_longer_than_its_bound(tmp_path: Path) -> None:
    writers = SqliteWriters(str(tmp_path / "db.sqlite"))
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with writers.turn(5.0):
            inside.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    assert inside.wait(5)
    started = time.monotonic()
    with pytest.raises(OperationalError, match="database is locked"), writers.turn(0.3):
        pass
    waited = time.monotonic() - started
    release.set()
    holder.join()
    assert 0.25 < waited < 1.0, waited  # the bound, not the bound and then some
    with writers.turn(0.3):  # free again
        pass


def test_writers_of_one_process_take_turns(tmp_path: Path) -> None:
    writers = SqliteWriters(str(tmp_path / "db.sqlite"))
    active, most = 0, 0
    lock = threading.Lock()

    def write() -> None:
        nonlocal active, most
        for _ in range(20):
            with writers.turn(5.0):
                with lock:
                    active += 1
                    most = max(most, active)
                time.sleep(0.001)
                with lock:
                    active -= 1

    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == 1
