"""Offline evaluation: the summary contract, the table, and our political-news comments."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from services.evaluation import evaluate_csv, read_rows

POLITICAL = Path(__file__).resolve().parent.parent / "data" / "political-news.csv"
KEYS = {
    "n",
    "false_block_rate",
    "leak_rate",
    "spam_caught",
    "toxic_caught",
    "held_rate",
    "per_second",
}


def _write(path: Path, rows: list[tuple[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label"])
        writer.writerows(rows)
    return path


def test_summary_and_table_on_a_tiny_file(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "tiny.csv",
        [
            ("A sensible budget, finally.", "ok"),
            ("Damn, what a speech.", "ok"),
            ("You are a complete moron.", "toxic"),
            ("Damn right.", "toxic"),
            ("Check out my channel and subscribe http://bit.ly/x", "spam"),
        ],
    )
    table, summary = evaluate_csv(path)
    assert set(summary) == KEYS
    assert summary["n"] == 5
    assert summary["false_block_rate"] == 0.0
    assert summary["spam_caught"] == 1.0
    assert summary["toxic_caught"] == 0.5  # the censored one counts as published
    assert summary["leak_rate"] == pytest.approx(1 / 3)
    assert isinstance(summary["per_second"], float) and summary["per_second"] > 0
    assert table.splitlines()[0].split() == [
        "label",
        "n",
        "published",
        "censored",
        "held",
        "rejected",
        "blocked",
        "%",
    ]
    assert len(table.splitlines()) == 4


def test_rates_without_spam_or_toxic_rows_are_none(tmp_path: Path) -> None:
    _, summary = evaluate_csv(_write(tmp_path / "ok.csv", [("Fine by me.", "ok")]))
    assert summary["spam_caught"] is None and summary["toxic_caught"] is None
    assert summary["leak_rate"] is None


def test_unknown_labels_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown label"):
        read_rows(_write(tmp_path / "bad.csv", [("hi", "maybe")]))


def test_political_news_comments() -> None:
    """Hand-written comments in the style of political news: strong words, few false blocks."""
    _, summary = evaluate_csv(POLITICAL)
    false_blocks, toxic, spam = (
        summary[k] for k in ("false_block_rate", "toxic_caught", "spam_caught")
    )
    assert false_blocks is not None and false_blocks <= 0.05
    assert toxic is not None and toxic >= 0.9
    assert spam is not None and spam >= 0.85


def _train_models() -> ModuleType:
    """tools/train_models.py, loaded from its path (tools/ is not a package)."""
    path = Path(__file__).resolve().parents[2] / "tools" / "train_models.py"
    spec = importlib.util.spec_from_file_location("train_models", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reply_offset_is_the_largest_within_every_files_allowance() -> None:
    tools = _train_models()
    # (source, label, blocked without the reply rule, model score, talks to the reader)
    rows = [("a.csv", "toxic", False, 0.35, True), ("a.csv", "toxic", False, 0.2, True)]
    rows += [("a.csv", "ok", False, 0.05, True)] * 96
    rows += [("a.csv", "ok", False, 0.25, True)] * 4  # held from offset ~1.1 on: +4% ok blocked
    rows += [("b.csv", "ok", False, 0.3, False)] * 10  # not a reply: never moved
    rates = tools.reply_rates(rows, 0.75)
    assert rates["a.csv"] == (0.0, 0.5)  # 0.35 reaches the hold limit, 0.2 does not
    assert tools.reply_rates(rows, 1.5)["a.csv"] == (0.04, 1.0)
    assert rates["b.csv"] == (0.0, 0.0)
    assert tools.choose_reply(rows) == 1.5  # 4% stays within the 5% target
    rows += [("a.csv", "ok", False, 0.25, True)] * 2  # now 6 of 102 would be held
    assert tools.choose_reply(rows) == 1.0
