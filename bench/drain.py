"""Drain: comments accepted while no worker runs, then the workers started; beside it, Celery's
no-op task consumed the same way (same broker settings, same concurrency), in the same run.

    .venv/bin/python -m bench.drain --comments 10000 --concurrency 2 [--db postgres]
"""

from __future__ import annotations

import argparse
import json
import time

from sqlalchemy import func, select

from bench.common import Stack, cpu_seconds, log, queue_backlog, rss_mib, time_drain, worker_rss
from bench.load import closed_loop


def _statuses(database_url: str) -> dict[str, int]:
    from services.db import session_scope
    from services.models import Comment

    with session_scope(database_url) as session:
        rows = session.execute(select(Comment.status, func.count()).group_by(Comment.status))
        return {str(status): int(count) for status, count in rows}


def _consume(stack: Stack, total: int, concurrency: int, app: str = "") -> dict[str, object]:
    """Start a worker on the full queue; time it to empty, with its CPU and memory."""
    client = stack.client()
    assert queue_backlog(client) == total, "the queue should hold every message"
    worker = stack.start_worker(concurrency, app=app)
    pids = [worker.pid, *worker.pool_pids()]
    cpu = cpu_seconds(pids)
    result: dict[str, object] = dict(time_drain(client, total, timeout=max(120.0, total / 20)))
    result["worker_cpu_ms_per_task"] = round((cpu_seconds(pids) - cpu) * 1000 / total, 3)
    result["worker_rss"] = worker_rss(worker)
    stack.stop_workers()
    return result


def gatehouse(total: int, concurrency: int, db: str = "sqlite") -> dict[str, object]:
    """POST `total` comments with no worker running, then drain them."""
    with Stack(db=db, name=f"drain-{db}") as stack:
        api = stack.start_api()
        log(f"drain ({db}, c={concurrency}): posting {total} comments")
        started = time.monotonic()
        sent = closed_loop(api.port, total, concurrency=16)
        posted = time.monotonic() - started
        accepted = sum(s.status == 202 for s in sent)
        api_rss = [rss_mib(pid) for pid in stack.api_pids()]
        log(f"drain ({db}, c={concurrency}): {accepted} accepted; starting the worker")
        result = _consume(stack, accepted, concurrency)
        statuses = _statuses(stack.database_url)
    result.update(db=db, concurrency=concurrency, accepted=accepted, statuses=statuses,
                  intake_per_second=round(accepted / posted, 1), api_rss_mib=api_rss)  # fmt: skip
    return result


def noop(total: int, concurrency: int) -> dict[str, object]:
    """Send `total` no-op tasks with no worker running, then drain them."""
    with Stack(name="drain-noop") as stack:
        from bench.noop_app import make_app

        app = make_app(stack.redis.url)
        log(f"noop (c={concurrency}): sending {total} tasks")
        with app.producer_or_acquire() as producer:
            for n in range(total):
                app.send_task("bench.noop", (f"{n:032x}", None), queue="moderation",
                              producer=producer)  # fmt: skip
        result = _consume(stack, total, concurrency, app="bench.noop_app")
    result.update(concurrency=concurrency)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    ceiling = noop(args.comments, args.concurrency)
    log(f"noop: {ceiling}")
    real = gatehouse(args.comments, args.concurrency, args.db)
    ratio = real["per_second"] / ceiling["per_second"]  # type: ignore[operator]
    print(json.dumps({"noop": ceiling, "gatehouse": real, "ratio": round(ratio, 2)}))


if __name__ == "__main__":
    main()
