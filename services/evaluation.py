"""Offline evaluation: run the pipeline over a labelled CSV and summarise what it caught."""

from __future__ import annotations

import csv
import time
from collections import Counter
from pathlib import Path

from services.pipeline import Action, Context, moderate

LABELS = ("ok", "spam", "toxic")
COLUMNS = (("published", Action.PUBLISH), ("censored", Action.CENSOR), ("held", Action.HOLD))
BLOCKED = frozenset({Action.HOLD, Action.REJECT})
DEFAULT_CONTEXT = Context()


def read_rows(path: str | Path) -> list[tuple[str, str]]:
    """The (text, label) rows of a CSV with header text,label; ValueError on a bad label."""
    with Path(path).open(newline="", encoding="utf-8") as handle:
        rows = [(row["text"] or "", (row["label"] or "").strip()) for row in csv.DictReader(handle)]
    bad = sorted({label for _, label in rows} - set(LABELS))
    if bad:
        raise ValueError(f"unknown label(s) {bad}; expected one of {list(LABELS)}")
    return rows


def _rate(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide by."""
    return part / whole if whole else None


def summarize(counts: Counter[tuple[str, Action]], seconds: float) -> dict[str, float | None]:
    """The contract's summary from (label, action) counts and the time spent moderating."""
    total = {label: sum(n for (lab, _), n in counts.items() if lab == label) for label in LABELS}
    blocked = {
        label: sum(n for (lab, act), n in counts.items() if lab == label and act in BLOCKED)
        for label in LABELS
    }
    n = sum(total.values())
    bad = total["spam"] + total["toxic"]
    return {
        "n": n,
        "false_block_rate": _rate(blocked["ok"], total["ok"]),
        "leak_rate": _rate(bad - blocked["spam"] - blocked["toxic"], bad),
        "spam_caught": _rate(blocked["spam"], total["spam"]),
        "toxic_caught": _rate(blocked["toxic"], total["toxic"]),
        "held_rate": _rate(sum(v for (_, a), v in counts.items() if a is Action.HOLD), n),
        "per_second": round(n / seconds, 1) if seconds > 0 else None,
    }


def table(counts: Counter[tuple[str, Action]]) -> str:
    """A plain-text table: per label, how many rows and what the pipeline did with them."""
    header = ["label", "n", *(name for name, _ in COLUMNS), "rejected", "blocked %"]
    lines: list[list[object]] = [list(header)]
    for label in LABELS:
        row = [counts[(label, action)] for action in Action]
        n = sum(row)
        if n:
            blocked = counts[(label, Action.HOLD)] + counts[(label, Action.REJECT)]
            cells = [counts[(label, action)] for _, action in COLUMNS]
            lines.append(
                [label, n, *cells, counts[(label, Action.REJECT)], f"{100 * blocked / n:.1f}"]
            )
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(str(cell).rjust(width) for cell, width in zip(line, widths, strict=True))
        for line in lines
    )


def evaluate_csv(
    path: str | Path, *, context: Context = DEFAULT_CONTEXT
) -> tuple[str, dict[str, float | None]]:
    """Moderate every row of a labelled CSV; return a readable table and the summary."""
    rows = read_rows(path)
    counts: Counter[tuple[str, Action]] = Counter()
    started = time.perf_counter()
    for text, label in rows:
        counts[(label, moderate(text, context).action)] += 1
    seconds = time.perf_counter() - started
    return table(counts), summarize(counts, seconds)
