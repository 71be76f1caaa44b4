"""`make bench`: every performance bench, each beside its ceiling from the same run; rewrites
the performance section of bench/RESULTS.md (the quality and soak sections are left alone)
and keeps the raw figures in bench/out/results.json.

    .venv/bin/python bench/run_all.py            # the full run, about 20 minutes
    .venv/bin/python bench/run_all.py --quick    # a few minutes, smaller samples
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import capacity, drain, intake, latency, opcount
from bench.common import ROOT, log
from bench.report import write_section

OUT = ROOT / "bench" / "out"
TARGETS = {"intake_ratio": 0.5, "intake_p99_ms": 50, "published_p99_ms": 250,
           "drain_ratio": 0.8, "pipeline_per_s": 2000, "worker_rss_mib": 150}  # fmt: skip


def pipeline_speed(count: int) -> dict[str, Any]:
    """bench/pipeline_speed.py (another engineer's), its last line of JSON."""
    script = ROOT / "bench" / "pipeline_speed.py"
    if not script.exists():
        return {"missing": True}
    out = subprocess.run([sys.executable, str(script), "--count", str(count)],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every section; each one's errors are recorded, not fatal to the others."""
    n = args.comments
    sections = {
        "intake": lambda: intake.measure(args.intake_seconds, rounds=args.rounds),
        "latency": lambda: latency.measure(args.rate, args.seconds, args.steps, args.step_seconds),
        "drain": lambda: {"noop": drain.noop(n, 2), "gatehouse": drain.gatehouse(n, 2)},
        "drain_c1": lambda: {"noop": drain.noop(n, 1), "gatehouse": drain.gatehouse(n, 1)},
        "drain_postgres": lambda: {
            "noop": drain.noop(n, 2),
            "gatehouse": drain.gatehouse(n, 2, "postgres"),
        },
        "pipeline": lambda: pipeline_speed(args.pipeline_count),
        "opcount": lambda: opcount.measure(args.opcount, "postgres"),
        "capacity": capacity.measure,
    }
    results: dict[str, Any] = {}
    for name, section in sections.items():
        if args.only and name not in args.only:
            continue
        log(f"=== {name}")
        started = time.monotonic()
        try:
            results[name] = section()
        except Exception as exc:
            results[name] = {"error": f"{type(exc).__name__}: {exc}"}
        results[name + "_seconds"] = round(time.monotonic() - started)
    return results


def _ok(met: bool) -> str:
    return "**met**" if met else "**not met**"


def summary(r: dict[str, Any]) -> list[str]:
    """The targets table: figure, ceiling beside it, target, met or not."""
    rows = [
        "| what | Gatehouse | ceiling, same run | target | |",
        "| --- | --- | --- | --- | --- |",
    ]
    if "bare_sync" in r.get("intake", {}):
        i = r["intake"]
        g, b = i["gatehouse"], i["bare_sync"]
        rows.append(
            f"| intake req/s (wrk -t1 -c16) | {g['req_per_s']:,} | bare app {b['req_per_s']:,} | "
            f"≥ 50% of bare (is {i['ratio']:.0%}) | {_ok(i['ratio'] >= TARGETS['intake_ratio'])} |"
        )
        rows.append(
            f"| intake p99 | {g['p99_ms']} ms | bare app {b['p99_ms']} ms | < 50 ms | "
            f"{_ok(g['p99_ms'] < TARGETS['intake_p99_ms'])} |"
        )
    if "base" in r.get("latency", {}):
        p = r["latency"]["base"]
        tp = p["to_published"]
        lost = p["sent"] - p["published"]
        rows.append(
            f"| submit → published at {p['rate']:g}/s | p50 {tp['p50_ms']} ms, p99 {tp['p99_ms']} ms"
            f"{f' ({lost} not published)' if lost else ''} | — | p99 < 250 ms | "
            f"{_ok(tp['p99_ms'] < TARGETS['published_p99_ms'] and not lost)} |"
        )
    for key, label in (("drain", "SQLite"), ("drain_postgres", "PostgreSQL")):
        d = r.get(key, {})
        if "per_second" in d.get("gatehouse", {}) and "per_second" in d.get("noop", {}):
            g, c = d["gatehouse"]["per_second"], d["noop"]["per_second"]
            ratio = g / c if c else 0
            rows.append(
                f"| drain, prefork -c2, {label} | {g:,}/s | no-op task {c:,}/s | ≥ 80% of no-op "
                f"(is {ratio:.0%}) | {_ok(ratio >= TARGETS['drain_ratio'])} |"
            )
    p = r.get("pipeline", {})
    if "comments_per_second_cpu" in p:
        rows.append(
            f"| pipeline alone, one core, one at a time | {p['comments_per_second_cpu']:,}/s | — | "
            f"≥ 2,000/s | {_ok(p['comments_per_second_cpu'] >= TARGETS['pipeline_per_s'])} |"
        )
    d = r.get("drain", {}).get("gatehouse", {})
    if "worker_rss" in d:
        w = d["worker_rss"]
        biggest = max([w["main_mib"], *w["pool_mib"]])
        rows.append(
            f"| worker RSS per process after {d['accepted']:,} comments | main {w['main_mib']} MiB, "
            f"pool {w['pool_mib']} MiB | no-op worker pool {r['drain']['noop']['worker_rss']['pool_mib']} MiB | "
            f"< 150 MB | {_ok(biggest * 1.048576 < TARGETS['worker_rss_mib'])} |"
        )
    return rows  # fmt: skip


def details(r: dict[str, Any]) -> list[str]:
    """Each section's figures in full."""
    lines: list[str] = []
    i = r.get("intake", {})
    if "gatehouse" in i:
        lines += ["", "### 1. Intake", "",
                  "| server | req/s | p50 ms | p99 ms | max ms | server CPU ms/request | non-2xx |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
        for name, label in (("gatehouse", "Gatehouse POST comments (gunicorn gevent, 2 processes, as `make run`)"),
                            ("bare_sync", "bare Flask + marshmallow + LPUSH, gunicorn 2 sync"),
                            ("bare_gthread", "the same bare app under gthread 2x8")):  # fmt: skip
            x = i[name]
            lines.append(f"| {label} | {x['req_per_s']:,} | {x['p50_ms']} | {x['p99_ms']} | {x['max_ms']} | "
                         f"{x['server_cpu_ms_per_req']} | {x['non_2xx']} |")  # fmt: skip
        lines.append(f"\nBest of {i['rounds']} alternating rounds of {i['seconds']} s each; ratio "
                     f"{i['ratio']:.2f} by req/s, {i['cpu_ratio']:.2f} by server CPU per request.")  # fmt: skip
    lat = r.get("latency", {})
    if "base" in lat:
        lines += ["", "### 2. Submit to published (open loop)", "",
                  "| rate /s | seconds | sent | published | to published p50 / p99 / max ms | to 202 p50 / p99 ms |",
                  "| ---: | ---: | ---: | ---: | --- | --- |"]  # fmt: skip
        for s in [lat["base"], *lat["steps"]]:
            tp, ta = s["to_published"], s["to_accepted"]
            lines.append(f"| {s['rate']:g} | {s['seconds']:g} | {s['sent']} | {s['published']} | "
                         f"{tp['p50_ms']} / {tp['p99_ms']} / {tp['max_ms']} | {ta['p50_ms']} / {ta['p99_ms']} |")  # fmt: skip
        lines.append("\nTimed from when each POST was due (not when it was sent) to the "
                     "`comment.published` event on the article's Redis channel; API + one worker "
                     "(prefork -c2) + Redis + this load generator share the 2 cores.")  # fmt: skip
    lines += ["", "### 3. Drain and 6. Scale", "",
              "| run | database | worker | comments/s (or tasks/s) | worker CPU ms/task | intake while filling /s | statuses |",
              "| --- | --- | --- | ---: | ---: | ---: | --- |"]  # fmt: skip
    for key, db in (("drain", "SQLite"), ("drain_c1", "SQLite"), ("drain_postgres", "PostgreSQL")):
        d = r.get(key, {})
        for kind in ("noop", "gatehouse"):
            x = d.get(kind)
            if not x or "per_second" not in x:
                continue
            label = "Celery no-op task" if kind == "noop" else "Gatehouse moderate"
            lines.append(f"| {label} | {db if kind == 'gatehouse' else '—'} | prefork -c{x['concurrency']} | "
                         f"{x['per_second']:,} | {x['worker_cpu_ms_per_task']} | {x.get('intake_per_second', '—')} | "
                         f"{x.get('statuses', '—')} |")  # fmt: skip
    p = r.get("pipeline", {})
    if "stages_microseconds" in p:
        stages = ", ".join(f"{k} {v} µs" for k, v in p["stages_microseconds"].items())
        lines += ["", "### 4. Pipeline alone", "",
                  f"{p['comments']} comments one at a time: {p['comments_per_second_cpu']:,}/s of CPU on one core "
                  f"({p['microseconds_per_comment']} µs each); by stage: {stages}. "
                  "(`bench/pipeline_speed.py`, real comments from shared/data.)"]  # fmt: skip
    d = r.get("drain", {}).get("gatehouse", {})
    if "api_rss_mib" in d:
        lines += ["", "### 5. Memory after 10,000 comments", "",
                  f"API (gunicorn worker processes) after taking {d['accepted']:,} comments: {d['api_rss_mib']} MiB; "
                  f"worker after moderating them: main {d['worker_rss']['main_mib']} MiB, pool processes "
                  f"{d['worker_rss']['pool_mib']} MiB. Over time: the soak section below (`make soak`)."]  # fmt: skip
    o = r.get("opcount", {})
    if "redis" in o:
        lines += ["", "### Operations per comment (for SCALING.md)", "",
                  f"On {o['db']}, {o['comments']} comments: Redis intake {o['redis']['intake']}; "
                  f"Redis worker {o['redis']['worker']}; SQL intake {o['sql']['intake']}; "
                  f"SQL worker, comments one at a time {o['sql']['worker']}, in batches of "
                  f"{o['sql'].get('batch')} {o['sql'].get('worker_batched')}."]  # fmt: skip
    c = r.get("capacity", {})
    if "postgres" in c:
        lines.append(f"\nOne Redis on this machine (redis-benchmark -c16, requests/s): "
                     f"{c['redis_requests_per_second']}; one PostgreSQL (pgbench -c8, scale 10): "
                     f"{c['postgres']}. The worked estimate is in bench/SCALING.md.")  # fmt: skip
    for key, value in r.items():
        if isinstance(value, dict) and "error" in value:
            lines.append(f"\n**{key} failed:** `{value['error']}`")
    return lines


def markdown(r: dict[str, Any], command: str) -> str:
    head = ["## Performance", "",
            f"`{command}` on {time.strftime('%Y-%m-%d %H:%M')} ({platform.machine()}, {os.cpu_count()} cores, "
            f"load average before the run {r['loadavg']}). Every figure is from this one run; every ceiling "
            "beside it was measured in the same run on the same machine. Wall-clock figures move with "
            "whatever else the machine runs; the CPU-per-request and CPU-per-task columns move much less.",
            ""]  # fmt: skip
    return "\n".join(head + summary(r) + details(r))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seconds", type=float, help="submit-to-published base run (default 60)")
    parser.add_argument("--only", nargs="*", help="sections to run (default: all)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    quick = args.quick
    args.seconds = args.seconds or (15 if quick else 60)
    args.rate, args.step_seconds = 100.0, 10 if quick else 20
    args.steps = [200.0, 300.0] if quick else [200.0, 300.0, 400.0, 500.0, 600.0]
    args.intake_seconds, args.rounds = (5, 1) if quick else (15, 2)
    args.comments = 2000 if quick else 10_000
    args.pipeline_count = 100 if quick else 500
    args.opcount = 200 if quick else 1000
    results = {"loadavg": " ".join(Path("/proc/loadavg").read_text().split()[:3])}
    results.update(run(args))
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=1))
    command = "make bench" + (
        f"  # bench/run_all.py {' '.join(sys.argv[1:])}" if sys.argv[1:] else ""
    )
    if not args.no_write:
        write_section("perf", markdown(results, command))
    print(json.dumps({k: v for k, v in results.items() if not k.endswith("_seconds")})[:3000])


if __name__ == "__main__":
    main()
