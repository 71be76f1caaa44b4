"""Profanity matching on normalised text, with better-profanity's word list and censoring."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path

from services.normalize import Normalized, normalize

# Ordinary words on better-profanity's list that we do not treat as profanity by default: clean
# comments use them far more than abusive ones (everyday words, identities, news, medicine, drink
# and drugs, names). A site can still list any of them as blocked or held.
_SPARED_WORDS = """
    god omg kill murder stupid dummy dopey doofus weirdo ugly fat jerk drunk stoned
    gay gays gai lesbians queer queers transsexual sex sexual naked virgin seduce erect lust lusting
    rape raped raper rapist raping molest incest pedophile pedophilia prostitute
    hitler nazi nazism reich aryan arian sniper napalm uzi
    hiv herp herpes breasts ovary ovum ovums uterus womb urine urinal menses menstruate menstruation
    rectal rectum rectus sperm enlargement oral orally organ facial penetrate penetration
    pot rum vodka weed hemp hooch hookah heroin meth opium opiate peyote valium
    strip stroke thrust screw screwed screwing slave slope pawn revue sandbar seaman seamen flange
    niggle knob snatch snuff rump woody wad whiz homey hoar hoare maxi massa paddy pasty pastie
    toots tramp trashy thug prude vixen wench racy steamy unwed scantily tawdry vulgar vomit undies
    wedgie tinkle potty punky playboy leper junkie junky inbred foobar pollock len yury asanchez
"""
SPARED = frozenset(_SPARED_WORDS.split())
# Capitalised and followed by a capitalised word ("Dick Cheney"), these are names.
NAME_TERMS = frozenset({"dick", "willy", "fanny", "wang", "hooker", "dong", "weiner"})
NAME_PHRASES = (
    "dick cheney",
    "dick van dyke",
    "moby dick",
    "philip k dick",
    "spotted dick",
    "free willy",
    "willy wonka",
)
_SKIPPED = frozenset({"sob"})  # "s-o-b", "s.o.b." and "s0b" normalise to the word "sob"
_WORD = re.compile(r"\w+(?:\*+\w+)*")  # run on text with "_" made a space
_KEY = re.compile(r"[a-z0-9+]+(?:[ _-][a-z0-9+]+)*")
_SEPARATOR = re.compile(r"[ _-]")
_I = re.compile("i")
_NEXT_CAPITALISED = re.compile(r" ([A-Z][a-z]+)")
_HONORIFIC = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Sen|Senator|Rep|President|Gov|Governor|Judge)\.? $"
)
_VARIANTS = {"i": "il", "u": "uv", "v": "vu"}  # the letters better-profanity reads as others
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


def _marked(spelling: str, runs: Iterable[int]) -> str:
    """Mark each squeezed run of spelling with a "+" after its letter: "xxx" is "x+"."""
    letters = list(spelling)
    for run in runs:
        letters[run] += "+"
    return "".join(letters)


def _reading(norm: Normalized) -> str:
    """Return norm.text with "l" wherever a "1" became "i": "sh1t" reads "shlt", "he11" "hell".

    The lexicon reads an "l" as "i" or "l", so both match, as in better-profanity.
    """
    if "1" not in norm.original and norm.original.isascii():
        return norm.text
    letters = list(norm.text)
    for i in _I.finditer(norm.text):
        if norm.original[norm.offsets[i.start()]].isdigit():
            letters[i.start()] = "l"
    return "".join(letters)


def _key(term: str) -> str | None:
    """Return the normalised form a list entry is matched by, or None if it has none."""
    norm = normalize(term)
    key = _marked(_reading(norm), norm.stretched).strip(" .")
    return key if _KEY.fullmatch(key) and key not in _SKIPPED else None


def _variants(key: str) -> Iterable[str]:
    """Yield the spellings that better-profanity's letter substitutions accept for key."""
    for letters in itertools.product(*(_VARIANTS.get(char, char) for char in key)):
        yield "".join(letters)


@dataclass
class _Lexicon:
    """Listed spellings with their terms, and what joined words are checked against."""

    terms: dict[str, tuple[str, str]] = field(default_factory=dict)  # spelling: (term, source)
    prefixes: set[str] = field(default_factory=set)  # of spellings with separators removed
    phrases: set[tuple[str, ...]] = field(default_factory=set)  # words of multi-word spellings

    def add(self, entry: str, source: str, *, replace: bool = True) -> None:
        """List every spelling of one entry."""
        key = _key(entry)
        if key is None:
            return
        for spelling in _variants(key):
            if replace or spelling not in self.terms:
                self.terms[spelling] = (entry.strip().lower(), source)
            words = tuple(_SEPARATOR.split(spelling))
            joined = "".join(words)
            if replace and len(words) > 1:  # a site's phrase, whatever separates its words
                self.terms[joined] = (entry.strip().lower(), source)
            self.prefixes.update(joined[:n] for n in range(2, len(joined) + 1))
            if len(words) > 1:
                self.phrases.add(words)

    def copy(self) -> _Lexicon:
        """Return a copy that can be changed without changing this one."""
        return _Lexicon(dict(self.terms), set(self.prefixes), set(self.phrases))


@functools.cache
def _default_lexicon() -> _Lexicon:
    """Build the lexicon of better-profanity's list, less SPARED, read from its package."""
    spec = find_spec("better_profanity")  # finds the package without running it
    assert spec is not None and spec.submodule_search_locations
    path = Path(spec.submodule_search_locations[0], "profanity_wordlist.txt")
    entries = {line.strip().lower() for line in path.read_text("utf-8").splitlines()}
    lexicon = _Lexicon()
    # Plain spellings first, so that a term is reported by its plain spelling.
    for entry in sorted(entries - SPARED - {""}, key=lambda e: (not e.isalpha(), e)):
        lexicon.add(entry, "default", replace=False)
    return lexicon


def _guards(phrases: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    """Index the words of protected phrases by each word they contain."""
    guards: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(_WORD.findall(normalize(phrase).text))
        for word in words if len(words) > 1 else ():
            guards.setdefault(word, []).append(words)
    return guards


class ProfanityFilter:
    """Finds and censors listed terms: better-profanity's list plus a site's own lists.

    Allowed terms leave the default list; allowed phrases ("Spotted Cock Inn") protect their
    words. Blocked and held terms always apply, over the default list.
    """

    def __init__(
        self, *, blocked: Iterable[str] = (), held: Iterable[str] = (), allowed: Iterable[str] = ()
    ) -> None:
        allowed = tuple(allowed)
        self._lexicon = lexicon = _default_lexicon().copy()
        keys = {_key(term) for term in allowed}
        spared = {term for term, _ in lexicon.terms.values() if allowed and _key(term) in keys}
        lexicon.terms = {s: entry for s, entry in lexicon.terms.items() if entry[0] not in spared}
        for source, terms in (("held", held), ("blocked", blocked)):
            for term in terms:
                lexicon.add(term, source)
        self._guards = _guards((*NAME_PHRASES, *allowed))
        self._max_words = max((_MAX_WORDS, *map(len, lexicon.phrases)))
        self._by_shape: dict[tuple[int, str, str], list[str]] = {}  # for masked words
        for spelling in lexicon.terms:
            shape = len(spelling), spelling[0], spelling[-1]
            self._by_shape.setdefault(shape, []).append(spelling)

    def find(self, text: str, normalized: Normalized | None = None) -> list[Match]:
        """Return the listed terms in text, left to right, without overlaps."""
        norm = normalized or normalize(text)
        reading = _reading(norm)
        spaced = reading.replace("_", " ")  # a separator, as in better-profanity
        words = _WORD.findall(spaced)
        terms, prefixes = self._lexicon.terms, self._lexicon.prefixes
        pairs = map(str.__add__, words, words[1:])
        plain = not norm.stretched and "*" not in spaced
        if plain and terms.keys().isdisjoint(words) and prefixes.isdisjoint(pairs):
            return []
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(spaced)]
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
                if entry and not self._is_name(norm, words, index, entry[0]):
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
        if runs and _marked(spelling, runs) in terms:  # "xxxx" is "xxx", not "x"
            return terms[_marked(spelling, runs)]
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

    def _is_name(self, norm: Normalized, words: list[_Word], index: int, term: str) -> bool:
        """Tell whether a match is part of a name: "Dick Cheney", "Moby Dick", "Mr Wang"."""
        spelling = words[index][0]
        for phrase in self._guards.get(spelling, ()):
            first = index - phrase.index(spelling)
            if first >= 0 and tuple(w for w, _, _ in words[first : first + len(phrase)]) == phrase:
                return True
        start, end = norm.to_original(words[index][1], words[index][2])
        if term not in NAME_TERMS or not norm.original[start:end].istitle():
            return False
        if _HONORIFIC.search(norm.original, 0, start):
            return True
        after = _NEXT_CAPITALISED.match(norm.original, end)
        return after is not None and term + after.group(1).lower() not in self._lexicon.terms

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
