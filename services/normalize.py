"""Text normalisation for matching: look-alikes folded and common filter evasions undone."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from confusable_homoglyphs.confusables import confusables_data

# Invisible format characters (zero-width, bidi, soft hyphen) and combining marks.
_DROPPED_CATEGORIES = frozenset({"Cf", "Mn", "Me"})
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# Three or more single characters with the same single separator: "f.u.c.k", "f u c k".
_SPACED = re.compile(r"\b[a-z0-9]([ .\-_*+~/|:])(?:[a-z0-9]\1)+[a-z0-9]\b")
# Words after which a lone "a" is the article: "you are a w a n k e r".
_BEFORE_ARTICLE = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "what",
        "such",
        "be",
        "being",
        "been",
        "like",
        "called",
        "quite",
        "proper",
        "real",
        "r",
        "re",
        "m",
        "s",
    ]
)
# Between two words spelt out with dots: the first one's closing dot and a space.
_DOTTED_GAP = re.compile(r"\.\s+")
_LAST_WORD = re.compile(r"(?:^|[^a-z])([a-z]+)[^a-z]*$")
# Runs that may hold leetspeak; "!" counts only between letters or digits ("sh!t", not "wow!").
_LEET_RUN = re.compile(r"(?:[a-z0-9@$€¢₵₩*#]|(?<=[a-z0-9])!(?=[a-z0-9]))+")
# A digit or symbol beside a letter ("!" between two): only then is there leetspeak to read.
_LEET_BESIDE_LETTER = re.compile(r"[a-z][0-9@$€¢₵₩#]|[0-9@$€¢₵₩#][a-z]|[a-z]![a-z]")
# The blank-separated pieces of text holding a digit or symbol: every run that may need reading.
_LEET_PIECE = re.compile(r"\S*[0-9@$€¢₵₩#!]\S*")
_HAS_LETTER = re.compile(r"[a-z]")
# The small capitals of phonetic alphabets, which NFKC and UTS #39 leave as they are.
_SMALL_CAPITAL = re.compile(r"LATIN LETTER SMALL CAPITAL ([A-Z])")
_LEET = str.maketrans("013457@$!€¢₵₩#", "oieastasieccw*")
_STRETCH = re.compile(r"([a-z])\1{2,}")
_STRETCH_HINT = re.compile(r"([a-z])\1\1")  # much faster to search for than _STRETCH


@functools.cache
def _latin_lookalikes() -> dict[str, str]:
    """Map each non-ASCII character that UTS #39 confuses with one ASCII letter or digit."""
    table = {}
    for char, glyphs in confusables_data.items():
        if len(char) != 1 or char.isascii():
            continue
        latin = {
            g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalnum()
        }
        if len(latin) == 1:
            table[char] = latin.pop()
    return table


def _fold_char(char: str) -> str:
    """Return what one non-ASCII character reads as: NFKC, skeleton, lowercase, no marks."""
    small_capital = _SMALL_CAPITAL.fullmatch(unicodedata.name(char, ""))
    if small_capital is not None:  # "ᴅɪᴇ": Unicode folds these to nothing, readers to Latin
        return small_capital.group(1).lower()
    lookalikes = _latin_lookalikes()
    out = []
    for composed in unicodedata.normalize("NFKC", char):
        composed = lookalikes.get(composed, composed)
        for part in unicodedata.normalize("NFKD", composed.lower()):
            if unicodedata.category(part) not in _DROPPED_CATEGORIES:
                out.append(lookalikes.get(part, part))
    return "".join(out).lower()


class _FoldCache(dict[str, str]):
    """Per-character fold results, computed the first time a character is seen."""

    def __missing__(self, char: str) -> str:
        folded = self[char] = _fold_char(char)
        return folded


_FOLDED = _FoldCache()


@dataclass(frozen=True)
class Normalized:
    """A text folded for matching (not for display), with a way back to the original."""

    original: str
    text: str
    offsets: Sequence[int]  # original index of each character of text
    stretched: frozenset[int] = frozenset()  # where text squeezed a run of a letter to one
    spaced: frozenset[int] = frozenset()  # where text joined a spaced-out word ("f.u.c.k")

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the span [start, end) of text onto the span of original it came from."""
        first = self.offsets[start]
        if end >= len(self.offsets):
            return first, len(self.original)
        last = self.offsets[end]
        if last == self.offsets[end - 1]:  # the span ends inside one expanded character
            last += 1
        return first, last


def _fold_unicode(text: str) -> tuple[str, list[int]]:
    """Fold non-ASCII characters one by one, lowercasing the ASCII runs between them."""
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for run in _NON_ASCII.finditer(text):
        start, end = run.span()
        parts.append(text[pos:start].lower())
        offsets.extend(range(pos, start))
        for index in range(start, end):
            folded = _FOLDED[text[index]]
            parts.append(folded)
            offsets.extend([index] * len(folded))
        pos = end
    parts.append(text[pos:].lower())
    offsets.extend(range(pos, len(text)))
    return "".join(parts), offsets


def _spaced_out(text: str) -> tuple[list[int], list[int]]:
    """Find spaced-out words with two letters or more: their separators, and where each starts."""
    separators: list[int] = []
    starts: list[int] = []
    previous: re.Match[str] | None = None
    for run in _SPACED.finditer(text):
        if previous is not None and _DOTTED_GAP.fullmatch(text, previous.end(), run.start()):
            separators.append(previous.end())  # "k.i.l.l. a.l.l": the word's closing dot
        previous = run if run.group(1) == "." else None
        start = run.start()
        if _an_article(text, run):
            start += 2  # "what a p r i c k": the "a" is the article, not the word's first letter
        if sum(char.isalpha() for char in text[start : run.end() : 2]) >= 2:
            separators.extend(range(start + 1, run.end(), 2))
            starts.append(start)
    return separators, starts


def _an_article(text: str, run: re.Match[str]) -> bool:
    """Whether a run spaced out with single spaces starts with the article "a" after a word
    that asks for one ("is a w h o r e", "is a c u n t"), leaving four letters or more."""
    if run.group()[:2] != "a " or len(run.group()) < 9:
        return False
    before = _LAST_WORD.search(text, 0, run.start())
    return before is not None and before.group(1) in _BEFORE_ARTICLE


def _stretched(text: str) -> tuple[list[int], list[int]]:
    """Find runs of three or more equal letters: the repeats, and the letter each run keeps."""
    repeats: list[int] = []
    kept: list[int] = []
    if _STRETCH_HINT.search(text):
        for run in _STRETCH.finditer(text):
            kept.append(run.start())
            repeats.extend(range(run.start() + 1, run.end()))
    return repeats, kept


def _drop(text: str, offsets: Sequence[int], drops: list[int]) -> tuple[str, Sequence[int]]:
    """Remove the characters at the sorted indices drops, keeping offsets in step."""
    if not drops:
        return text, offsets
    kept_text: list[str] = []
    kept_offsets: list[int] = []
    pos = 0
    for index in drops:
        kept_text.append(text[pos:index])
        kept_offsets.extend(offsets[pos:index])
        pos = index + 1
    kept_text.append(text[pos:])
    kept_offsets.extend(offsets[pos:])
    return "".join(kept_text), kept_offsets


def _undo_leet(text: str) -> str:
    """Read digits and symbols as letters, only inside runs that also hold a letter."""

    def read(run: re.Match[str]) -> str:
        word = run.group()
        return word.translate(_LEET) if _HAS_LETTER.search(word) else word

    if _LEET_BESIDE_LETTER.search(text) is None:
        return text
    # a run never spans a blank, so only the pieces with a digit or symbol need reading
    return _LEET_PIECE.sub(lambda piece: _LEET_RUN.sub(read, piece.group()), text)


def _shifted(positions: Iterable[int], drops: list[int]) -> frozenset[int]:
    """Return where positions are once the characters at drops are removed."""
    return frozenset(position - bisect.bisect_left(drops, position) for position in positions)


def normalize(text: str) -> Normalized:
    """Fold text for matching: NFKC, look-alikes, invisibles, accents, spacing, leetspeak, stretching."""
    offsets: Sequence[int]
    if text.isascii():
        folded, offsets = text.lower(), range(len(text))
    else:
        folded, offsets = _fold_unicode(text)
    separators, spaced = _spaced_out(folded)
    folded, offsets = _drop(folded, offsets, separators)
    folded = _undo_leet(folded)
    repeats, stretched = _stretched(folded)
    folded, offsets = _drop(folded, offsets, repeats)
    if not isinstance(offsets, range):
        offsets = tuple(offsets)
    spaced_out = _shifted(_shifted(spaced, separators), repeats)
    return Normalized(text, folded, offsets, _shifted(stretched, repeats), spaced_out)
