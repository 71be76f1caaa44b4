"""Redis commands and SQL statements per comment, counted (not timed), for bench/SCALING.md.

Redis: INFO commandstats deltas on a scratch Redis while real processes work (the API taking
comments with no worker running, then a worker draining them), less an idle baseline of the
same length (heartbeats, polling). SQL: SQLAlchemy's own engine events, counting every statement
and transaction while the API (Flask test client) and the moderate task run in this process.

    .venv/bin/python -m bench.opcount --comments 500 [--db postgres]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import time
from typing import Any

import redis
from sqlalchemy import Engine, event

from bench.common import Stack, article_path, comment_json, log, queue_backlog
from bench.load import closed_loop
from tests.support.processes import wait_until


def _commands(client: redis.Redis) -> collections.Counter[str]:
    stats = client.info("commandstats")
    return collections.Counter(
        {k.removeprefix("cmdstat_"): int(v["calls"]) for k, v in stats.items()}
    )


def _delta(client: redis.Redis, run: Any) -> tuple[collections.Counter[str], float]:
    before, started = _commands(client), time.monotonic()
    run()
    after = _commands(client)
    after.subtract(before)
    return +after, time.monotonic() - started


def _per(
    counter: collections.Counter[str], idle: collections.Counter[str], n: int
) -> dict[str, float]:
    net = collections.Counter(counter)
    net.subtract(idle)
    net.pop("info", None)
    return {k: round(v / n, 2) for k, v in sorted(net.items()) if round(v / n, 2) > 0}


def redis_ops(n: int, db: str) -> dict[str, object]:
    """Redis commands per comment: intake alone, then the worker's side."""
    with Stack(db=db, name="opcount-redis") as stack:
        client = stack.client()
        api = stack.start_api()
        closed_loop(api.port, 20, start=9_000_000, concurrency=2)  # warm up pools
        intake, seconds = _delta(client, lambda: closed_loop(api.port, n, concurrency=4))
        idle, _ = _delta(client, lambda: time.sleep(seconds))
        log(f"opcount: {n} comments queued; draining")
        stack.start_worker(2)

        def drain() -> None:
            wait_until(lambda: queue_backlog(client) == 0, 300, interval=1.0)

        worker_ops, seconds = _delta(client, drain)
        time.sleep(0.5)
        worker_idle, _ = _delta(client, lambda: time.sleep(seconds))
        n_total = n + 20
    return {"intake": _per(intake, idle, n), "worker": _per(worker_ops, worker_idle, n_total)}


BATCH = 50  # the default BATCH_SIZE


def sql_ops(n: int, db: str) -> dict[str, object]:
    """SQL statements and transactions per comment, by kind, for intake and moderation."""
    with Stack(db=db, name="opcount-sql") as stack:
        os.environ.update(stack.env)
        os.environ["LOG_LEVEL"] = "WARNING"
        from api import create_app
        from workers import tasks

        client = create_app().test_client()
        engine = Engine  # every engine in this process (the API's and the task's may differ)
        counts: collections.Counter[str] = collections.Counter()

        @event.listens_for(engine, "before_cursor_execute")
        def _statement(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            counts[statement.split(None, 1)[0].upper()] += 1

        @event.listens_for(engine, "commit")
        def _commit(_conn: Any) -> None:
            counts["(commit)"] += 1

        def post(i: int) -> str:
            response = client.post(
                article_path(i), data=comment_json(i), content_type="application/json"
            )
            return str(response.get_json()["id"])

        def per(count: int) -> dict[str, float]:
            found = {k: round(v / count, 2) for k, v in sorted(counts.items())}
            counts.clear()
            return found

        for i in range(20):
            tasks.moderate_batch.run([post(9_000_000 + i)])  # warm up
        counts.clear()
        ids = [post(i) for i in range(n)]
        intake = per(n)
        alone, batched = ids[: n // 2], ids[n // 2 :]
        for comment_id in alone:  # a quiet site: the relay hands each comment on by itself
            tasks.moderate_batch.run([comment_id])
        worker = per(len(alone))
        for start in range(0, len(batched), BATCH):  # a backlog: full batches
            tasks.moderate_batch.run(batched[start : start + BATCH])
        worker_batched = per(len(batched))
    return {"intake": intake, "worker": worker, "worker_batched": worker_batched, "batch": BATCH}


def measure(n: int, db: str) -> dict[str, object]:
    return {"db": db, "comments": n, "redis": redis_ops(n, db), "sql": sql_ops(n, db)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=500)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    print(json.dumps(measure(args.comments, args.db)))


if __name__ == "__main__":
    main()
