"""Soak: an open-loop load at a steady rate for ten minutes, sampling the resident memory of
the API and worker processes; flat means no growth after warm-up. `make soak` runs it and
writes its section of bench/RESULTS.md.

    .venv/bin/python bench/soak.py --rate 100 --seconds 600
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, Stack, log, rss_mib, summary_ms
from bench.load import Announcements, open_loop
from bench.report import write_section

FLAT_MIB = 5.0  # growth allowed between the second quarter and the last, per process


def _sample(
    stack: Stack, samples: list[dict[str, object]], stop: threading.Event, every: float
) -> None:
    started = time.monotonic()
    while not stop.wait(every):
        worker = stack.workers[0]
        samples.append({"t": round(time.monotonic() - started),
                        "api": [rss_mib(p) for p in stack.api_pids()],
                        "worker_main": rss_mib(worker.pid),
                        "worker_pool": [rss_mib(p) for p in worker.pool_pids()]})  # fmt: skip


def _growth(samples: list[dict[str, object]], key: str) -> float:
    """Median of the last quarter minus median of the second quarter, for the largest process."""

    def biggest(s: dict[str, object]) -> float:
        value = s[key]
        return max(value) if isinstance(value, list) else float(value)  # type: ignore[arg-type]

    q = max(1, len(samples) // 4)
    early = statistics.median(biggest(s) for s in samples[q : 2 * q])
    late = statistics.median(biggest(s) for s in samples[-q:])
    return round(late - early, 1)


def measure(rate: float, seconds: float, every: float = 10.0) -> dict[str, object]:
    with Stack(name="soak") as stack:
        stack.start_api()
        stack.start_worker(2)
        samples: list[dict[str, object]] = []
        stop = threading.Event()
        sampler = threading.Thread(target=_sample, args=(stack, samples, stop, every), daemon=True)
        with Announcements(stack.redis.url) as events:
            sampler.start()
            log(f"soak: {rate}/s for {seconds}s")
            sent = open_loop(stack.api.port, rate, seconds)  # type: ignore[union-attr]
            ids = {s.comment_id for s in sent if s.comment_id}
            published = events.wait_for(ids, 60)
            stop.set()
            sampler.join()
            latency = [
                events.seen[s.comment_id] - s.due for s in sent if s.comment_id in events.seen
            ]
    growth = {key: _growth(samples, key) for key in ("api", "worker_main", "worker_pool")}
    return {"rate": rate, "seconds": seconds, "sent": len(sent), "accepted": len(ids),
            "published": published, "to_published": summary_ms(latency), "growth_mib": growth,
            "flat": all(g <= FLAT_MIB for g in growth.values()),
            "first": samples[0] if samples else {}, "last": samples[-1] if samples else {},
            "samples": samples}  # fmt: skip


def markdown(result: dict[str, object], command: str) -> str:
    first, last = result["first"], result["last"]  # type: ignore[assignment]
    lines = [
        "## 5b. Soak: memory over time",
        "",
        f"`{command}` — {result['rate']:g} comments/s for {result['seconds']:g} s, open loop; "
        f"{result['published']} of {result['sent']} published, submit to published "
        f"p50 {result['to_published']['p50_ms']} ms, p99 {result['to_published']['p99_ms']} ms.",  # type: ignore[index]
        "",
        "| process | RSS at first sample (MiB) | RSS at the end (MiB) | growth, 2nd quarter to last (MiB) |",
        "| --- | --- | --- | --- |",
        f"| API (gunicorn workers) | {first.get('api')} | {last.get('api')} | {result['growth_mib']['api']} |",  # type: ignore[union-attr,index]
        f"| worker main | {first.get('worker_main')} | {last.get('worker_main')} | {result['growth_mib']['worker_main']} |",  # type: ignore[union-attr,index]
        f"| worker pool | {first.get('worker_pool')} | {last.get('worker_pool')} | {result['growth_mib']['worker_pool']} |",  # type: ignore[union-attr,index]
        "",
        f"Flat (no process grew more than {FLAT_MIB:g} MiB): **{'yes' if result['flat'] else 'no'}**.",
    ]
    if result["published"] < 0.99 * result["sent"]:  # type: ignore[operator]
        lines.append(
            "\nFewer published than sent: the rate was past what this machine sustained during the "
            "run, so the queue grew and latency is the backlog's age; memory was measured with "
            "every process busy throughout."
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=100)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--every", type=float, default=10)
    parser.add_argument("--no-write", action="store_true", help="do not touch RESULTS.md")
    args = parser.parse_args()
    result = measure(args.rate, args.seconds, args.every)
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "soak.json").write_text(json.dumps(result, indent=1))
    command = f"make soak  # bench/soak.py --rate {args.rate:g} --seconds {args.seconds:g}"
    if not args.no_write:
        write_section("soak", markdown(result, command))
    print(json.dumps({k: v for k, v in result.items() if k != "samples"}))


if __name__ == "__main__":
    main()
