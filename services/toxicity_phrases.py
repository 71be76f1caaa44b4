"""Toxicity in phrases: the pattern detectors, names called at the end of a comment, swearing
at a put-down, and reported speech left out."""

from __future__ import annotations

import re
from functools import lru_cache

from services.toxicity_hits import WORD, Hit
from services.toxicity_insult_words import ACCUSATIONS, INSULTS, MILD, PUT_DOWNS
from services.toxicity_lexicon import (
    ADDRESSED,
    BARRIERS,
    INSULT_ADJ,
    NOT_PEOPLE,
    STRONG_ADJ,
    STRONG_EXPLETIVE,
    word_set,
)
from services.toxicity_patterns import DETECTORS
from services.toxicity_sneers import PERSON_NOUNS

QUOTE_MARKS = frozenset("'\"\u201c\u2018")
QUOTED = re.compile(
    r"(?:^|(?<=[\s(:,]))['\"\u201c\u2018]([^'\"\u201c\u201d\u2018\u2019\n]{1,120})['\"\u201d\u2019](?=$|[\s.,;:!?)])"
)
PUT_DOWN_REACH = 4  # words either side of a swear word in which a put-down makes it abuse
# "..., loser!" at the very end, or "Shut it, snowflake." / "Keep crying, snowflake, ..."
VOCATIVE = re.compile(r"[,!]\s+(\w+)(?:[.!?]*\s*$|[.!?]+\s|,\s)")
NAMES_CALLED = INSULTS | MILD
# "..., you tinfoil-hat nutter." / "Learn to read, you illiterate muppet!": a closing
# "you" and up to two describing words before an insulting noun.
YOU_VOCATIVE = re.compile(r"[,!]\s+(?:you|u|ya)\s+((?:[\w'-]+\s+){0,2})(\w+)[.!?]*\s*$")
# Neither closing pattern spans more than four runs of blanks before the text's trailing ones,
# so neither is searched for before the fifth run from the end.
CLOSING_RUNS = 5
# "..., the leeches." or a last sentence of one word, "Degenerates.": a name called.
CLOSING_NAME = re.compile(r"(?:,\s+the\s+|(?:^|[.!?]\s+))((?:\w+\s+){0,2}?)(\w+)[.!?]*\s*$")
# Words that may describe the name called in a last sentence: "Useless tossers.", "Greedy pig."
CLOSING_DESCRIBED = (
    INSULT_ADJ
    | STRONG_ADJ
    | word_set("greedy creepy smug vile nasty gutless spineless little old fat ugly lying thieving")
)
CLOSING_NAMES = (
    (INSULTS | MILD | PERSON_NOUNS) - ACCUSATIONS - {"garbage", "trash", "embarrassment"}
)


def _opened_by() -> dict[str, tuple[int, ...]]:
    """For each word, the detectors (by position) whose first word set holds it."""
    index: dict[str, list[int]] = {}
    for position, (_, first, _, _) in enumerate(DETECTORS):
        for word in first:
            index.setdefault(word, []).append(position)
    return {word: tuple(positions) for word, positions in index.items()}


# A detector runs only when the comment holds a word of its first set (and of its second,
# when it has one): looked up from the comment's words rather than asked of every detector.
OPENED_BY = _opened_by()


def pattern_hits(normalized: str, present: set[str]) -> list[Hit]:
    """Threats, self-harm, dehumanising and the other phrase patterns."""
    hits = []
    for tail in VOCATIVE.finditer(normalized):
        # inside the text, "cowards, traitors, liars" is more often a list of accusations
        at_end = not normalized[tail.end() :].strip()
        if tail.group(1) in (MILD if at_end else MILD - ACCUSATIONS):
            hits.append(Hit("insult", tail.group(1), tail.start(1), tail.end(1)))
    closing_from = _last_runs(normalized)
    hits += _closing_insult(normalized, present, closing_from)
    closing = CLOSING_NAME.search(normalized, closing_from)
    if (
        closing
        and closing.group(2) in CLOSING_NAMES
        and CLOSING_DESCRIBED.issuperset(closing.group(1).split())
    ):
        hits.append(Hit("insult", closing.group(2), closing.start(2), closing.end(2)))
    opened = sorted({p for word in OPENED_BY.keys() & present for p in OPENED_BY[word]})
    for category, _, second, pattern in map(DETECTORS.__getitem__, opened):
        if second and second.isdisjoint(present):
            continue
        for m in pattern.finditer(normalized):
            before = WORD.findall(normalized, max(0, m.start() - 20), m.start())
            if category == "threat" and before and before[-1] in NOT_PEOPLE:
                continue
            hits.append(Hit(category, m.group(0).strip(" ,.!?"), m.start(), m.end()))
    return hits


def _closing_insult(normalized: str, present: set[str], closing_from: int) -> list[Hit]:
    """A name called at the end of a comment: "..., you tinfoil-hat nutter." (`closing_from`:
    where the closing patterns may start, from `_last_runs`)"""
    if ADDRESSED.isdisjoint(present):
        return []
    closing = YOU_VOCATIVE.search(normalized, closing_from)
    if not closing or closing.group(2) not in NAMES_CALLED:
        return []
    if not BARRIERS.isdisjoint(closing.group(1).split()):
        return []  # "..., you voted for clowns" names what was voted for
    return [Hit("insult", closing.group(2), closing.start(2), closing.end(2))]


def _last_runs(text: str) -> int:
    """Where the last CLOSING_RUNS runs of blanks of `text` (trailing ones aside) begin, or 0
    when it has fewer: a match anchored at the end that spans fewer runs starts there or later."""
    head = text.rsplit(None, CLOSING_RUNS)
    return len(head[0]) if len(head) > CLOSING_RUNS else 0


@lru_cache(maxsize=65536)
def _is_strong_expletive(word: str) -> bool:
    """True for the swear words that turn a put-down into abuse."""
    return STRONG_EXPLETIVE.fullmatch(word) is not None


def hostile_swearing(normalized: str, words: list[str], present: set[str]) -> list[Hit]:
    """A strong swear word next to a put-down: "fucking clowns, the lot of them", "what a
    fucking disgrace". Swearing in delight ("fucking love this") stays censorable."""
    if present.isdisjoint(PUT_DOWNS):
        return []
    for index, word in enumerate(words):
        if _is_strong_expletive(word) and not PUT_DOWNS.isdisjoint(
            words[max(0, index - PUT_DOWN_REACH) : index + PUT_DOWN_REACH + 1]
        ):
            start, end = next(
                m.span() for i, m in enumerate(WORD.finditer(normalized)) if i == index
            )
            return [Hit("hostile_profanity", normalized[start:end], start, end)]
    return []


def unquoted(hits: list[Hit], normalized: str) -> list[Hit]:
    """Drop pattern hits inside quotation marks: reported speech ("he said they 'should be
    shot'") is news, not a threat by the commenter. Slurs and sexual terms stay."""
    if not hits or not QUOTE_MARKS.intersection(normalized):
        return hits
    quoted = [m.span(1) for m in QUOTED.finditer(normalized)]
    return [
        hit
        for hit in hits
        if hit.category in ("slur", "sexual")
        or not any(start <= hit.start and hit.end <= end for start, end in quoted)
    ]
