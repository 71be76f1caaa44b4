"""Profile the intake or the worker under load with py-spy; print where the time goes.

    .venv/bin/python -m bench.profile worker [--comments 3000] [--db postgres] [--idle]
    .venv/bin/python -m bench.profile intake [--seconds 15]

Writes py-spy's collapsed stacks to bench/out/ and prints the heaviest frames by inclusive
share of samples (all frames, and Gatehouse's own). Needs py-spy (pip install py-spy).
"""

from __future__ import annotations

import argparse
import collections
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from bench.common import ROOT, Stack, log
from bench.load import closed_loop

OUT = ROOT / "bench" / "out"
OURS = ("api/", "services/", "workers/", "schemas/")


def record(pids: list[int], seconds: int, name: str, idle: bool, gil: bool = False) -> list[Path]:
    """py-spy record each process for `seconds`, in parallel; the collapsed files."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    OUT.mkdir(exist_ok=True)
    files, procs = [], []
    for pid in pids:
        path = OUT / f"{name}-{pid}.txt"
        argv = [spy, "record", "-p", str(pid), "-d", str(seconds), "-r", "250", "-f", "raw",
                "-o", str(path), "--nonblocking"] + (["--idle"] if idle else []) + (["--gil"] if gil else [])  # fmt: skip
        procs.append(subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        files.append(path)
    for proc in procs:
        proc.wait()
    return [f for f in files if f.exists()]


def summarize(files: list[Path], top: int = 40, within: str = "") -> str:
    """The frames most present in the samples (inclusive), overall and in our code, and the
    leaf functions (self time); only stacks through a frame containing `within`, if given."""
    inclusive: collections.Counter[str] = collections.Counter()
    leaves: collections.Counter[str] = collections.Counter()
    total = 0
    for path in files:
        for line in path.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            if within not in stack:
                continue
            n = int(count)
            total += n
            frames = stack.split(";")
            leaves[re.sub(r":\d+\)", ")", frames[-1])] += n
            for frame in {re.sub(r":\d+\)", ")", f) for f in frames}:
                inclusive[frame] += n
    lines = [f"{total} samples" + (f" through {within}" if within else "")]
    lines.append("--- leaves (self %)")
    lines += [f"{100 * n / max(total, 1):5.1f}%  {f[:150]}" for f, n in leaves.most_common(25)]
    for title, keep in (("all", lambda f: True), ("ours", lambda f: any(o in f for o in OURS))):
        lines.append(f"--- {title} (inclusive %)")
        frames = [(f, n) for f, n in inclusive.most_common() if keep(f)][:top]
        lines += [f"{100 * n / max(total, 1):5.1f}%  {f[:150]}" for f, n in frames]
    return "\n".join(lines)


def worker(comments: int, db: str, idle: bool, concurrency: int, gil: bool) -> str:
    with Stack(db=db, name="profile-worker") as stack:
        api = stack.start_api()
        closed_loop(api.port, comments, concurrency=16)
        log("queue filled; profiling the worker")
        w = stack.start_worker(concurrency)
        files = record(w.pool_pids(), 20, f"worker-{db}", idle, gil)
    return summarize(files, within="trace_task")


def intake(seconds: int, idle: bool, gil: bool) -> str:
    from bench.intake import run_wrk

    with Stack(name="profile-intake") as stack:
        api = stack.start_api()
        run_wrk(api.port, 2)
        load = threading.Thread(target=run_wrk, args=(api.port, seconds + 4))
        load.start()
        files = record(stack.api_pids(), seconds, "intake", idle, gil)
        load.join()
    return summarize(files, within="wsgi_app")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=("worker", "intake"))
    parser.add_argument("--comments", type=int, default=3000)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--idle", action="store_true", help="also sample waiting threads")
    parser.add_argument("--gil", action="store_true", help="only the thread holding the GIL")
    args = parser.parse_args()
    if args.target == "worker":
        print(worker(args.comments, args.db, args.idle, args.concurrency, args.gil))
    else:
        print(intake(args.seconds, args.idle, args.gil))


if __name__ == "__main__":
    main()
