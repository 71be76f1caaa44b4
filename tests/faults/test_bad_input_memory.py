"""Thousands of bad requests leave the API's memory flat (and every one gets its 4xx)."""

from __future__ import annotations

import itertools
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.faults.kit import request, rig
from tests.support.processes import ApiServer, child_pids

pytestmark = pytest.mark.faults
PATH = "/api/v1/articles/faults-bad-input/comments"
JSON = {"Content-Type": "application/json"}
# (status expected, headers, raw body): each a different way to be refused
BAD = [
    (413, JSON, b'{"author_name": "A", "body": "' + b"x" * 70_000 + b'"}'),
    (400, JSON, b'{"author_name": "A", "body": '),
    (400, JSON, b"[" * 20_000 + b"]" * 20_000),
    (400, JSON, b'{"author_name": "\xff\xfe", "body": "bad bytes"}'),
    (415, {"Content-Type": "text/plain"}, b"author_name=A&body=hello"),
    (422, JSON, b'{"author_name": "' + b"n" * 500 + b'", "body": ""}'),
    (422, JSON, b'{"author_name": "A", "body": "ok", "parent_id": {"$gt": ""}}'),
]
WARM_UP, REQUESTS, GROWTH_LIMIT_MB = 700, 3000, 20


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for {pid}")


def send(api: ApiServer, n: int) -> Counter[tuple[int, int]]:
    """n bad requests from four threads; (expected, got) counts."""
    cases = list(itertools.islice(itertools.cycle(BAD), n))

    def one(case: tuple[int, dict[str, str], bytes]) -> tuple[int, int]:
        expected, headers, raw = case
        return expected, request(api.url, "POST", PATH, headers=headers, raw=raw).status

    with ThreadPoolExecutor(4) as pool:
        return Counter(pool.map(one, cases))


def test_memory_stays_flat_under_thousands_of_bad_requests(db: str) -> None:
    with rig(db) as system:
        api = system.start_api()
        send(api, WARM_UP)  # imports, caches and allocator arenas settle first
        workers = child_pids(api.pid)
        before = {pid: rss_mb(pid) for pid in workers}
        answers = send(api, REQUESTS)
        after = {pid: rss_mb(pid) for pid in workers}
        assert child_pids(api.pid) == workers  # no worker was restarted (which would hide a leak)
        wrong = {case: n for case, n in answers.items() if case[0] != case[1]}
        assert not wrong, wrong
        growth = {pid: round(after[pid] - before[pid], 1) for pid in workers}
        assert all(g < GROWTH_LIMIT_MB for g in growth.values()), growth
        print(f"[memory] {REQUESTS} bad requests: RSS before {before} after {after} MB")
