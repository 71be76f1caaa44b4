"""Submit to published: open-loop POSTs at a fixed rate, timed from when each was due to when
the comment's `comment.published` event arrived on its article's pub/sub channel (the event
is sent after the commit that put it in the thread). Then stepped up to find where it turns.

    .venv/bin/python -m bench.latency --rate 100 --seconds 60 --steps 200,300,400,500
"""

from __future__ import annotations

import argparse
import json
import time

from bench.common import Stack, log, summary_ms
from bench.load import Announcements, open_loop

TURNED_MS = 1000.0  # a step whose p99 passes this (or that loses comments) ends the climb
DOWN_STEPS = (75.0, 50.0, 25.0)  # stepping down, the first rate under the target ends it
TARGET_MS = 250.0


def _turned(result: dict[str, object], limit: float = TURNED_MS) -> bool:
    """Past the knee: p99 over `limit` ms, or more than 1% not published in time."""
    lost = result["sent"] - result["published"]  # type: ignore[operator]
    return result["to_published"]["p99_ms"] > limit or lost > 0.01 * result["sent"]  # type: ignore[index,operator,no-any-return]


def step(
    stack: Stack, events: Announcements, rate: float, seconds: float, start: int
) -> dict[str, object]:
    """One open-loop step; latency of every comment from due to published."""
    assert stack.api is not None
    sent = open_loop(stack.api.port, rate, seconds, start=start)
    ids = {s.comment_id for s in sent if s.comment_id}
    seen = events.wait_for(ids, timeout=max(30.0, seconds))
    published = [events.seen[s.comment_id] - s.due for s in sent if s.comment_id in events.seen]
    accepted = [s.done - s.due for s in sent if s.status == 202]
    return {"rate": rate, "seconds": seconds, "sent": len(sent), "accepted": len(ids),
            "published": seen, "to_published": summary_ms(published),
            "to_accepted": summary_ms(accepted)}  # fmt: skip


def measure(rate: float, seconds: float, steps: list[float], step_seconds: float,
            concurrency: int = 2, db: str = "sqlite") -> dict[str, object]:  # fmt: skip
    """The base rate for `seconds`, then each step for `step_seconds` until latency turns."""
    with Stack(db=db, name="latency") as stack:
        stack.start_api()
        stack.start_worker(concurrency)
        with Announcements(stack.redis.url) as events:
            step(stack, events, 20, 3, start=10_000_000)  # warm up every process
            log(f"latency: {rate}/s for {seconds}s")
            base = step(stack, events, rate, seconds, start=0)
            climb, n = [], int(rate * seconds)
            down = _turned(base)  # the base rate is past the knee already: step down to find it
            for r in [r for r in DOWN_STEPS if r < rate] if down else steps:
                time.sleep(2 if not down else 30)  # stepping down: let the backlog drain first
                log(f"latency: step {r}/s for {step_seconds}s")
                result = step(stack, events, r, step_seconds, start=n)
                n += int(r * step_seconds)
                climb.append(result)
                if _turned(result, TARGET_MS if down else TURNED_MS) != down:
                    break
    return {"db": db, "concurrency": concurrency, "base": base, "steps": climb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--steps", default="200,300,400,500,600")
    parser.add_argument("--step-seconds", type=float, default=20)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    steps = [float(x) for x in args.steps.split(",") if x]
    print(json.dumps(measure(args.rate, args.seconds, steps, args.step_seconds, db=args.db)))


if __name__ == "__main__":
    main()
