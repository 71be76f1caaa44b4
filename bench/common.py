"""Shared bench plumbing: a scratch stack (Redis, database, API, workers), bodies, percentiles.

Every process is a real one started on a free port through tests/support/processes.py; the
machine's own Redis on 6379 is never touched.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import redis  # noqa: E402

from services.inbox import INBOX  # noqa: E402
from tests.support.processes import (  # noqa: E402
    ApiServer,
    RedisServer,
    WorkerProcess,
    child_pids,
    temp_dir,
    wait_until,
)

PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres")
ARTICLES = 10
# Varied words: the pipeline's near-duplicate fingerprint ignores digits, so bodies differ in words.
WORDS = ["council", "budget", "school", "road", "park", "library", "river", "bridge", "market", "harbour", "station", "garden", "museum", "clinic", "stadium", "ferry", "tram", "orchard", "theatre", "canal"]  # fmt: skip
QUEUE = "moderation"


def body_for(n: int) -> str:
    """A polite, distinct comment for submission n (five words chosen by n's base-20 digits)."""
    picks = [WORDS[(n // 20**i) % 20] for i in range(5)]
    return (f"I think the {picks[0]} and the {picks[1]} matter more than the {picks[2]}; "
            f"the {picks[3]} near the {picks[4]} could wait another year.")  # fmt: skip


def comment_json(n: int) -> bytes:
    """The JSON body of submission n: its own author address, so no author looks like a flood."""
    return json.dumps({"author_name": f"Reader {n % 997}", "body": body_for(n),
                       "author_email": f"reader{n}@example.org"}).encode()  # fmt: skip


def article_path(n: int) -> str:
    return f"/api/v1/articles/bench-{n % ARTICLES}/comments"


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by nearest rank; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def summary_ms(seconds: list[float]) -> dict[str, float]:
    """p50, p99 and max of durations in seconds, as milliseconds."""
    ms = [s * 1000 for s in seconds]
    return {"p50_ms": round(percentile(ms, 50), 1), "p99_ms": round(percentile(ms, 99), 1),
            "max_ms": round(max(ms), 1) if ms else float("nan"),
            "mean_ms": round(statistics.fmean(ms), 1) if ms else float("nan")}  # fmt: skip


def rss_mib(pid: int) -> float:
    """Resident memory of one process, in MiB (0 when it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"VmRSS:\s+(\d+)", status)
    return round(int(match.group(1)) / 1024, 1) if match else 0.0


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU the processes have used so far (robust to a busy machine, unlike time)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


@contextlib.contextmanager
def database(kind: str, scratch: Path) -> Iterator[str]:
    """A fresh, migrated database: a SQLite file, or a PostgreSQL database made for this run."""
    from services.migrate import upgrade

    if kind == "sqlite":
        url = f"sqlite:///{scratch / 'bench.db'}"
        upgrade(url)
        yield url
        return
    import psycopg

    name = f"gatehouse_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    try:
        upgrade(url)
        yield url
    finally:
        from services.db import get_engine

        get_engine(url).dispose()
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Stack:
    """A scratch Redis and database, and on demand the API (as `make run` serves it) and workers."""

    def __init__(self, db: str = "sqlite", name: str = "bench") -> None:
        self.scratch = temp_dir(name)
        self.db_kind = db
        self._exit = contextlib.ExitStack()
        self.redis = RedisServer(self.scratch / "redis")
        self.database_url = ""
        self.api: ApiServer | None = None
        self.workers: list[WorkerProcess] = []

    def __enter__(self) -> Stack:
        self._exit.enter_context(self.redis)
        self.database_url = self._exit.enter_context(database(self.db_kind, self.scratch))
        return self

    def __exit__(self, *exc: object) -> None:
        for worker in self.workers:
            worker.stop()
        if self.api is not None:
            self.api.stop()
        self._exit.close()

    @property
    def env(self) -> dict[str, str]:
        return {"DATABASE_URL": self.database_url, "REDIS_URL": self.redis.url,
                "SECRET_KEY": "bench", "COMMENT_RATE_LIMIT": "off", "JSON_LOGS": "1",
                "STALE_AFTER_SECONDS": "3600"}  # fmt: skip

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.redis.url)

    def start_api(self, workers: int = 2) -> ApiServer:
        """gunicorn with gunicorn.conf.py (gevent) and 2 processes, as `make run` has it."""
        self.api = ApiServer(self.env, workers=workers, log_path=self.scratch / "api.log")
        self.api.start().wait_ready()
        wait_until(lambda: len(child_pids(self.api.pid)) == workers, 10)  # type: ignore[union-attr]
        return self.api

    def start_worker(
        self, concurrency: int = 2, pool: str = "prefork", app: str = ""
    ) -> WorkerProcess:
        """A Celery worker on the moderation queue (or another app's, e.g. the no-op one)."""
        log = self.scratch / f"worker-{len(self.workers)}.log"
        worker = WorkerProcess(self.env, concurrency=concurrency, pool=pool, log_path=log,
                               queues=QUEUE)  # fmt: skip
        if app:
            worker.argv[worker.argv.index("workers.celery_app")] = app
        self.workers.append(worker)
        worker.start().wait_ready(60)
        return worker

    def stop_workers(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers.clear()

    def api_pids(self) -> list[int]:
        assert self.api is not None
        return child_pids(self.api.pid)


def worker_rss(worker: WorkerProcess) -> dict[str, float]:
    """Resident MiB of a worker's main process and each pool process."""
    pool = [rss_mib(pid) for pid in worker.pool_pids()]
    return {"main_mib": rss_mib(worker.pid), "pool_max_mib": max(pool, default=0.0),
            "pool_mib": pool}  # fmt: skip


def queue_backlog(client: redis.Redis, queue: str = QUEUE) -> int:
    """Comment ids on the intake list, plus messages waiting in the queue and those delivered but
    not yet acknowledged."""
    with client.pipeline(transaction=False) as pipe:
        pipe.llen(INBOX)
        pipe.llen(queue)
        pipe.hlen("unacked")
        return sum(int(n) for n in pipe.execute())


def _waiting(client: redis.Redis, queue: str) -> int:
    with client.pipeline(transaction=False) as pipe:
        pipe.llen(INBOX)
        pipe.llen(queue)
        return sum(int(n) for n in pipe.execute())


def time_drain(
    client: redis.Redis, total: int, timeout: float, queue: str = QUEUE
) -> dict[str, float]:
    """Watch a full backlog (intake list and queue) empty: items per second from the first taken
    to the last acknowledged."""
    first = last = None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        waiting = _waiting(client, queue)
        now = time.monotonic()
        if first is None and waiting < total:
            first = now
        if first is not None and queue_backlog(client, queue) == 0:
            last = now
            break
        time.sleep(0.02)
    if first is None or last is None:
        return {"per_second": 0.0, "seconds": float("nan"), "timed_out": 1}
    seconds = last - first
    return {"per_second": round(total / seconds, 1), "seconds": round(seconds, 2), "timed_out": 0}


def log(message: str) -> None:
    """Progress on stderr, so stdout stays for the results."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
