"""Moderation quality on comments the models never saw, end to end.

For each of our own labelled comment sets that the models learn from (tests/data), refit the
spam and news-comment models without that set (tools/train_models.py's code, into a
temporary folder), then run `flask --app api moderation evaluate` on the set with those
models dropped in (GATEHOUSE_MODEL_DIR). The sets written only for training
(tests/data/training) are not measured here; blind-e, -i, -j, -k, -l and -m.csv, which no model
learns from, are measured with the shipped models. Prints a markdown table; with
--write it also replaces the section between the held-out markers in bench/RESULTS.md.

    .venv/bin/python bench/heldout.py [--write]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.quality import write_section  # noqa: E402
from services.model_files import ENV_VAR  # noqa: E402
from tools import train_comments, train_models  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
HELD_OUT = tuple(ROOT / "tests" / "data" / f"blind-{name}.csv" for name in "eijklm")
START, END = "<!-- heldout:start -->", "<!-- heldout:end -->"


def evaluate(path: Path, models: Path | None) -> dict[str, float]:
    """The contract's summary for one file, with the models in `models` (None: shipped)."""
    env = {key: value for key, value in os.environ.items() if key != ENV_VAR}
    if models is not None:
        env[ENV_VAR] = str(models)
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "api", "moderation", "evaluate", str(path)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def refit_without(name: str, out: Path) -> None:
    """Fit both models on every training set but `name`, into `out`."""
    kept = tuple(n for n in train_comments.POLITICAL if n != name)
    saved = train_comments.POLITICAL, train_models.POLITICAL
    train_comments.POLITICAL = train_models.POLITICAL = kept
    try:
        train_models.export_profanity_check(out)
        train_models.train_spam(DATA, out, validate=False)
        train_comments.train_comments(DATA, out, validate=False)
    finally:
        train_comments.POLITICAL, train_models.POLITICAL = saved


def row(name: str, how: str, summary: dict[str, float]) -> str:
    """One markdown row."""

    def pct(key: str) -> str:
        value = summary.get(key)
        return "-" if value is None else f"{100 * value:.1f}%"

    return (
        f"| {name} | {how} | {summary['n']} | {pct('false_block_rate')} | "
        f"{pct('spam_caught')} | {pct('toxic_caught')} |"
    )


def main() -> None:
    """Refit without each set, evaluate it, and print (or write) the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args()
    lines = [
        "| file | models | rows | ok blocked | spam caught | toxic caught |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for name in train_comments.EVALUATION:
        with tempfile.TemporaryDirectory() as folder:
            refit_without(name, Path(folder))
            summary = evaluate(train_comments.OURS / name, Path(folder))
        lines.append(row(name, "refitted without it", summary))
        print(lines[-1], flush=True)
    for path in HELD_OUT:
        lines.append(row(path.name, "shipped (never fitted on it)", evaluate(path, None)))
    note = (
        "\n\nEach set was left out of both models' fitting before it was measured (the models "
        "also learn from the sets in tests/data/training). The rules (patterns and word lists) "
        "were written with political-news.csv, blind-a to -d and blind-f to -h in view, so "
        "their figures flatter the rules. blind-e, -i, -j, -k, -l and -m.csv were never read row "
        "by row and are used for nothing but this measure and the choice of one number, the "
        "news-comment model's operating point (tools/train_comments.POLITICAL_OK_FLAGGED). "
        "`python bench/heldout.py --write`."
    )
    table = "\n".join(lines) + note
    print(table)
    if args.write:
        write_section(table, start=START, end=END)


if __name__ == "__main__":
    main()
