"""A word tree alternation matches exactly its words, and the longest of them first."""

from __future__ import annotations

import re

import pytest

from services.word_trees import alternation

WORDS = "pol pole poles polish russian russians a an and"
PATTERN = re.compile(rf"(?:{alternation(WORDS)})")


@pytest.mark.parametrize("word", WORDS.split())
def test_each_word_matches(word: str) -> None:
    assert PATTERN.fullmatch(word)


@pytest.mark.parametrize("other", ["po", "polis", "russ", "ands", "", "p.l"])
def test_nothing_else_matches(other: str) -> None:
    assert not PATTERN.fullmatch(other)


def test_the_longest_word_is_found_first() -> None:
    assert PATTERN.match("polish people").group() == "polish"
    assert PATTERN.match("andes").group() == "and"


def test_it_reads_as_a_tree() -> None:
    assert alternation("pole poles polish") == "pol(?:es?|ish)"
