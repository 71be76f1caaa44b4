"""How many comments a second the moderation pipeline decides on one core, one at a time.

Takes --count comments from each labelled file in ../shared/data (a fixed random sample), warms
up, then calls `pipeline.moderate` on each, one at a time, in CPU time of this thread (so other
load on the machine does not count; wall time is shown too). Then times each stage on its own:
normalise, word lists, toxicity, spam, policy. Prints a readable summary and, last, one JSON line.

    .venv/bin/python bench/pipeline_speed.py --count 500
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services import spam, toxicity  # noqa: E402
from services.evaluation import read_rows  # noqa: E402
from services.normalize import normalize  # noqa: E402
from services.pipeline import moderate  # noqa: E402
from services.policy import Facts, PolicySettings, decide  # noqa: E402
from services.profanity import default_filter  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def sample(data: Path, count: int) -> list[str]:
    """`count` comments from each labelled file, the same ones every run."""
    rng = random.Random(2024)
    texts: list[str] = []
    for path in sorted(data.glob("*.csv")):
        rows = [text for text, _ in read_rows(path)]
        texts += rng.sample(rows, min(count, len(rows)))
    return texts


def cpu_seconds(function: Callable[[str], object], texts: list[str]) -> float:
    """CPU seconds this thread spends calling `function` on each text in turn."""
    started = time.thread_time()
    for text in texts:
        function(text)
    return time.thread_time() - started


def stages(texts: list[str]) -> dict[str, float]:
    """Microseconds per comment spent in each stage, each timed on its own."""
    norms = {text: normalize(text) for text in texts}
    lists = default_filter()
    settings = PolicySettings()
    facts = Facts(spam=0.1, toxicity=0.1)
    timings = {
        "normalise": cpu_seconds(normalize, texts),
        "word lists": cpu_seconds(lambda t: lists.find(t, norms[t]), texts),
        "toxicity": cpu_seconds(lambda t: toxicity.assess(t, norms[t].text), texts),
        "spam": cpu_seconds(lambda t: spam.content_logit(*spam.analyze(t)), texts),
        "policy": cpu_seconds(lambda t: decide(facts, settings), texts),
    }
    return {name: round(1e6 * seconds / len(texts), 1) for name, seconds in timings.items()}


def main() -> None:
    """Measure and report."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=500, help="comments per file")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    texts = sample(args.data, args.count)
    for text in texts[:50]:
        moderate(text)
    wall = time.perf_counter()
    cpu = cpu_seconds(moderate, texts)
    wall = time.perf_counter() - wall
    per_stage = stages(texts)
    result = {
        "comments": len(texts),
        "comments_per_second_cpu": round(len(texts) / cpu, 1),
        "comments_per_second_wall": round(len(texts) / wall, 1),
        "microseconds_per_comment": round(1e6 * cpu / len(texts), 1),
        "stages_microseconds": per_stage,
    }
    print(f"{len(texts)} comments, one at a time through pipeline.moderate")
    print(f"  {result['comments_per_second_cpu']:,} comments/s of CPU on one core "
          f"({result['microseconds_per_comment']} us each; {result['comments_per_second_wall']:,}/s wall)")  # fmt: skip
    for name, micros in per_stage.items():
        print(f"  {name:<11} {micros:>8} us")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
