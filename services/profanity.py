"""Profanity matching on normalised text, with better-profanity's word list and censoring."""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from services.normalize import Normalized, normalize
from services.profanity_lexicon import SPARED, WORD, default_lexicon, key_of, marked, reading_of
from services.profanity_names import NAME_PHRASES, NAME_TERMS, guards, is_name

__all__ = ["NAME_TERMS", "SPARED", "Match", "ProfanityFilter", "default_filter"]

_MAX_WORDS = 6  # better-profanity joins a word with up to five that follow it
_Word = tuple[str, int, int]  # a word of the normalised text, with its span there
_Entry = tuple[str, str]  # (term, source)


@dataclass(frozen=True)
class Match:
    """One listed term found in a text; start and end index the original text."""

    term: str
    start: int
    end: int
    source: str  # "default", "blocked" or "held"


class ProfanityFilter:
    """Finds and censors listed terms: better-profanity's list plus a site's own lists.

    Allowed terms leave the default list; allowed phrases ("Spotted Cock Inn") protect their
    words. Blocked and held terms always apply, over the default list.
    """

    def __init__(
        self, *, blocked: Iterable[str] = (), held: Iterable[str] = (), allowed: Iterable[str] = ()
    ) -> None:
        allowed = tuple(allowed)
        self._lexicon = lexicon = default_lexicon().copy()
        keys = {key_of(term) for term in allowed}
        spared = {term for term, _ in lexicon.terms.values() if allowed and key_of(term) in keys}
        lexicon.terms = {s: entry for s, entry in lexicon.terms.items() if entry[0] not in spared}
        for source, terms in (("held", held), ("blocked", blocked)):
            for term in terms:
                lexicon.add(term, source)
        self._guards = guards((*NAME_PHRASES, *allowed))
        self._max_words = max((_MAX_WORDS, *map(len, lexicon.phrases)))
        self._by_shape: dict[tuple[int, str, str], list[str]] = {}  # for masked words
        for spelling in lexicon.terms:
            shape = len(spelling), spelling[0], spelling[-1]
            self._by_shape.setdefault(shape, []).append(spelling)

    def find(self, text: str, normalized: Normalized | None = None) -> list[Match]:
        """Return the listed terms in text, left to right, without overlaps."""
        norm = normalized or normalize(text)
        reading = reading_of(norm)
        spaced = reading.replace("_", " ")  # a separator, as in better-profanity
        words = WORD.findall(spaced)
        terms, prefixes = self._lexicon.terms, self._lexicon.prefixes
        pairs = map(str.__add__, words, words[1:])
        plain = not norm.stretched and "*" not in spaced
        if plain and terms.keys().isdisjoint(words) and prefixes.isdisjoint(pairs):
            return []
        words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(spaced)]
        return self._scan(norm, reading, words)

    def _starts(self, norm: Normalized, words: list[_Word]) -> list[int]:
        """Return the indices of the words that a match could start at."""
        terms, prefixes = self._lexicon.terms, self._lexicon.prefixes
        spellings = [word for word, _, _ in words]
        starts = {i for i, word in enumerate(spellings) if word in terms or "*" in word}
        pairs = enumerate(map(str.__add__, spellings, spellings[1:]))
        starts.update(i for i, pair in pairs if pair in prefixes)
        word_starts = [start for _, start, _ in words]
        starts.update(bisect.bisect_right(word_starts, p) - 1 for p in norm.stretched)
        return sorted(starts)

    def _scan(self, norm: Normalized, reading: str, words: list[_Word]) -> list[Match]:
        """Walk the words as better-profanity does: joined words first, then the word alone."""
        found: list[Match] = []
        after = 0  # index of the first word after the last match
        for index in self._starts(norm, words):
            if index < after:
                continue
            hit = self._joined(norm, reading, words, index)
            if hit is None:
                entry = self._alone(norm, words[index])
                if entry and not is_name(
                    norm, words, index, entry[0], guarded=self._guards, terms=self._lexicon.terms
                ):
                    hit = entry, index + 1
            if hit is not None:
                (term, source), after = hit
                start, end = norm.to_original(words[index][1], words[after - 1][2])
                found.append(Match(term, start, end, source))
        return found

    def _joined(
        self, norm: Normalized, reading: str, words: list[_Word], index: int
    ) -> tuple[_Entry, int] | None:
        """Match words joined from index on: a listed phrase, or a term with a listed part."""
        if words[index][1] in norm.spaced:  # "f.u.c.k off": the spaced-out word stands alone
            return None
        terms, joined = self._lexicon.terms, words[index][0]
        for stop in range(index + 1, min(index + self._max_words, len(words))):
            joined += words[stop][0]
            if joined not in self._lexicon.prefixes:
                return None
            entry = terms.get(reading[words[index][1] : words[stop][2]])
            if entry:
                return entry, stop + 1
            parts = tuple(word for word, _, _ in words[index : stop + 1])
            entry = terms.get(joined)
            # Joining any words, as better-profanity does, reads "wouldn't it" as "tit".
            if entry and (parts in self._lexicon.phrases or not terms.keys().isdisjoint(parts)):
                return entry, stop + 1
        return None

    def _alone(self, norm: Normalized, word: _Word) -> _Entry | None:
        """Match one word, also with masked letters ("f*ck") and squeezed runs ("assss")."""
        spelling, start, end = word
        terms = self._lexicon.terms
        if spelling in terms:
            return terms[spelling]
        if "*" in spelling:
            return next((terms[s] for s in self._unmasked(spelling)), None)
        runs = [p - start for p in range(start, end) if p in norm.stretched][:4]
        if runs and marked(spelling, runs) in terms:  # "xxxx" is "xxx", not "x"
            return terms[marked(spelling, runs)]
        for doubled in itertools.product((1, 2), repeat=len(runs)):
            letters = list(spelling)
            for run, times in zip(runs, doubled, strict=True):
                letters[run] *= times
            if "".join(letters) in terms:
                return terms["".join(letters)]
        return None

    def _unmasked(self, spelling: str) -> Iterable[str]:
        """Yield the listed spellings that spelling fits if each "*" stands for one letter."""
        # A masked word starts and ends with a letter: "f*ck", never "*uck".
        for candidate in self._by_shape.get((len(spelling), spelling[0], spelling[-1]), ()):
            if all(a == "*" or a == b for a, b in zip(spelling, candidate, strict=True)):
                yield candidate

    def censor(self, text: str, censor_char: str = "*", matches: list[Match] | None = None) -> str:
        """Replace each match with four censor characters, as better-profanity does."""
        if matches is None:
            matches = self.find(text)
        parts: list[str] = []
        pos = 0
        for match in matches:
            parts += (text[pos : match.start], censor_char * 4)
            pos = match.end
        parts.append(text[pos:])
        return "".join(parts)


@functools.cache
def default_filter() -> ProfanityFilter:
    """Return the shared filter with the default list and no site lists."""
    return ProfanityFilter()
