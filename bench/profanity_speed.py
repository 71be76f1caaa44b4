"""How fast our profanity filter censors, against better-profanity on the same comments.

Takes --count comments of 30 to 50 words from the shared evaluation files (the same ones every
run), times `normalize`, `find` + `censor` and, once, better_profanity.profanity.censor over them,
in CPU time of this one thread (so other load on the machine does not count). Prints a readable
summary and, last, one JSON line.

    .venv/bin/python bench/profanity_speed.py --count 200
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services.normalize import normalize  # noqa: E402
from services.profanity import default_filter  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
FILES = ("jigsaw-toxic-dev.csv", "youtube-spam-dev.csv")


def comments(count: int, seed: int) -> list[str]:
    """Return count comments of 30 to 50 words, chosen at random but the same for a seed."""
    texts = []
    for name in FILES:
        with open(DATA / name, newline="", encoding="utf-8") as handle:
            texts += [row["text"] for row in csv.DictReader(handle)]
    fitting = [text for text in texts if 30 <= len(text.split()) <= 50]
    return random.Random(seed).sample(fitting, count)


def per_second(work: Callable[[str], object], texts: list[str], rounds: int) -> float:
    """Return texts handled per CPU second, from the fastest of rounds passes."""
    best = float("inf")
    for _ in range(rounds):
        started = time.thread_time()
        for text in texts:
            work(text)
        best = min(best, time.thread_time() - started)
    return len(texts) / best


def main() -> None:
    """Time both filters and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="comments to censor")
    parser.add_argument("--rounds", type=int, default=20, help="passes over them for ours")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    texts = comments(args.count, args.seed)
    profanity = default_filter()

    def ours(text: str) -> str:
        return profanity.censor(text, matches=profanity.find(text))

    normalised = per_second(normalize, texts, args.rounds)
    filtered = per_second(ours, texts, args.rounds)
    from better_profanity import profanity as theirs  # imported late: it loads its list

    baseline = per_second(theirs.censor, texts, 1)
    words = sum(len(text.split()) for text in texts) / len(texts)
    print(f"{len(texts)} comments, {words:.0f} words on average, CPU time of one thread")
    print(f"normalize:                        {normalised:10,.0f} comments/s")
    print(f"ours, find + censor:              {filtered:10,.0f} comments/s")
    print(f"better_profanity.profanity.censor {baseline:10,.1f} comments/s")
    print(f"ratio:                            {filtered / baseline:10,.0f}x")
    result = {"comments": len(texts), "normalize_per_s": round(normalised)}
    result |= {"ours_per_s": round(filtered), "better_profanity_per_s": round(baseline, 2)}
    print(json.dumps(result | {"ratio": round(filtered / baseline)}))


if __name__ == "__main__":
    main()
