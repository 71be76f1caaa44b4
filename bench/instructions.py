"""Instructions the moderation pipeline spends on a comment, counted by valgrind.

Wall-clock and CPU time on this shared machine swing by more than a small speed-up changes;
the count of instructions a comment does not. Runs this file twice under
`valgrind --tool=callgrind` with hash randomisation fixed: once only starting up and warming
up, once also calling `pipeline.moderate` on --count comments of bench/pipeline_speed.py's
sample (every fourth, so that every labelled file is in it), and prints the difference per
comment. Needs valgrind on the PATH; takes a minute or two.

    .venv/bin/python bench/instructions.py [--count 500]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLLECTED = re.compile(r"Collected : (\d+)")


def inner(count: int) -> None:
    """What valgrind runs: warm up, then moderate `count` comments of the sample."""
    sys.path.insert(0, str(ROOT))
    from bench.pipeline_speed import DATA, sample
    from services.pipeline import moderate

    texts = sample(DATA, 500)
    for text in texts[:50]:
        moderate(text)
    for text in texts[::4][:count]:
        moderate(text)


def instructions(count: int) -> int:
    """Instructions of one run of this file that moderates `count` comments after warming up."""
    run = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--inner",
            str(count),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = COLLECTED.search(run.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    """Measure and report."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=500, help="comments to moderate")
    parser.add_argument("--inner", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner is not None:
        inner(args.inner)
        return
    with ThreadPoolExecutor(max_workers=2) as pool:
        base, full = pool.map(instructions, (0, args.count))
    per_comment = (full - base) / args.count
    print(f"{per_comment / 1e6:.3f}M instructions a comment ({args.count} comments)")


if __name__ == "__main__":
    main()
