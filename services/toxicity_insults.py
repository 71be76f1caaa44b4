"""Toxicity word by word: listed slurs and insulting nouns, and insults aimed at someone."""

from __future__ import annotations

from services.toxicity_hits import WORD, Hit
from services.toxicity_lexicon import (
    ACCUSATIONS,
    ADDRESSED,
    BARRIERS,
    BE,
    BODY_WORDS,
    COLLECTIVES,
    FILLER,
    GROUPS,
    INSULT_ADJ,
    INSULTING_WORDS,
    INSULTS,
    LEXICON,
    MILD,
    PORN_TOPICS,
    STRONG_ADJ,
    SUBJECTS,
)

FREE_WORDS = 2  # unlisted words (adjectives we do not know) allowed before an insulting noun


def lexical_hits(normalized: str, words: list[str], present: set[str]) -> list[Hit]:
    """Slurs, insulting nouns and insults aimed at someone, located in the text."""
    if present.isdisjoint(INSULTING_WORDS):
        return []
    ranges = [
        (i, i, LEXICON[w]) for i, w in enumerate(words) if w in LEXICON and not _harmless(words, i)
    ]
    ranges += [(start, end, "insult") for start, end in _directed(words)]
    if not ranges:
        return []
    spans = [m.span() for m in WORD.finditer(normalized)]
    return [
        Hit(category, normalized[spans[a][0] : spans[b][1]], spans[a][0], spans[b][1])
        for a, b, category in ranges
    ]


def _harmless(words: list[str], index: int) -> bool:
    """Whether the listed word at `index` is used in another sense: "porn" naming a subject
    of the news ("paid a porn star", "revenge porn"), "a chink in the armour", "gobbledygook"."""
    word, before = words[index], words[index - 1] if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    if word in ("porn", "porno"):
        return after in PORN_TOPICS or before in ("revenge", "child")
    if word in ("chink", "chinks"):
        return after == "in"
    return word == "gook" and before in ("gobbledy", "gobbledee", "gobble", "de")


def _directed(words: list[str]) -> list[tuple[int, int]]:
    """Word ranges that call the reader or a person names: "you are a clown", "he is dumb"."""
    found = []
    for i, word in enumerate(words):
        end = -1
        if word in ADDRESSED:
            nouns = INSULTS if word in ("your", "ur", "yer") else INSULTS | MILD
            end = _insulted(words, _skip(words, i + 1, BE, 2), nouns, INSULT_ADJ)
        elif word in SUBJECTS and i + 1 < len(words) and words[i + 1] in BE:
            end = _insulted(words, i + 2, INSULTS | (MILD - ACCUSATIONS), STRONG_ADJ)
        elif word in STRONG_ADJ and i + 1 < len(words) and words[i + 1] in GROUPS:
            end = i + 1
        elif word == "what" and i + 1 < len(words) and words[i + 1] in ("a", "an"):
            # a noun is needed: "what a stupid plan" criticises the plan
            end = _insulted(words, i + 1, INSULTS | (MILD - ACCUSATIONS), frozenset())
        elif word in COLLECTIVES and i + 1 < len(words) and words[i + 1] == "of":
            end = _insulted(words, i + 2, INSULTS | (MILD - ACCUSATIONS), FILLER, loose=True)
        if end >= i:
            found.append((i, end))
    return found


def _insulted(
    words: list[str],
    index: int,
    nouns: frozenset[str],
    adjectives: frozenset[str],
    *,
    loose: bool = False,
) -> int:
    """Where an insult ends if one starts at `index` ("a complete moron", "a corrupt little
    parasite": after "a", or anywhere when `loose`, up to two words not on our lists may stand
    before the noun), else -1."""
    skippable = FILLER | adjectives
    end = _skip(words, index, skippable, 5)
    if end < len(words) and words[end] in nouns:
        return end
    if not loose and (index >= len(words) or words[index] not in ("a", "an")):
        return end - 1 if any(w in adjectives for w in words[index:end]) else -1
    free = 0
    for at in range(end, min(len(words), index + 7)):
        word = words[at]
        if word in nouns and word not in BODY_WORDS:
            return at
        if word in BARRIERS and (free or word not in skippable):
            break
        if word in skippable:
            continue
        if free == FREE_WORDS:
            break
        free += 1
    return end - 1 if any(w in adjectives for w in words[index:end]) else -1


def _skip(words: list[str], index: int, skippable: frozenset[str], limit: int) -> int:
    """The index of the first word from `index` on that is not skippable (at most `limit`)."""
    stop = min(len(words), index + limit)
    while index < stop and words[index] in skippable:
        index += 1
    return index
