"""The profanity word list and how text is read against it: better-profanity's list less
the words we spare, each entry listed under every spelling the matcher accepts."""

from __future__ import annotations

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
_SKIPPED = frozenset({"sob"})  # "s-o-b", "s.o.b." and "s0b" normalise to the word "sob"
WORD = re.compile(r"\w+(?:\*+\w+)*")  # run on text with "_" made a space
_KEY = re.compile(r"[a-z0-9+]+(?:[ _-][a-z0-9+]+)*")
_SEPARATOR = re.compile(r"[ _-]")
_I = re.compile("i")
_VARIANTS = {"i": "il", "u": "uv", "v": "vu"}  # the letters better-profanity reads as others


def marked(spelling: str, runs: Iterable[int]) -> str:
    """Mark each squeezed run of spelling with a "+" after its letter: "xxx" is "x+"."""
    letters = list(spelling)
    for run in runs:
        letters[run] += "+"
    return "".join(letters)


def reading_of(norm: Normalized) -> str:
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


def key_of(term: str) -> str | None:
    """Return the normalised form a list entry is matched by, or None if it has none."""
    norm = normalize(term)
    key = marked(reading_of(norm), norm.stretched).strip(" .")
    return key if _KEY.fullmatch(key) and key not in _SKIPPED else None


def _variants(key: str) -> Iterable[str]:
    """Yield the spellings that better-profanity's letter substitutions accept for key."""
    for letters in itertools.product(*(_VARIANTS.get(char, char) for char in key)):
        yield "".join(letters)


@dataclass
class Lexicon:
    """Listed spellings with their terms, and what joined words are checked against."""

    terms: dict[str, tuple[str, str]] = field(default_factory=dict)  # spelling: (term, source)
    prefixes: set[str] = field(default_factory=set)  # of spellings with separators removed
    phrases: set[tuple[str, ...]] = field(default_factory=set)  # words of multi-word spellings

    def add(self, entry: str, source: str, *, replace: bool = True) -> None:
        """List every spelling of one entry."""
        key = key_of(entry)
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

    def copy(self) -> Lexicon:
        """Return a copy that can be changed without changing this one."""
        return Lexicon(dict(self.terms), set(self.prefixes), set(self.phrases))


@functools.cache
def default_lexicon() -> Lexicon:
    """Build the lexicon of better-profanity's list, less SPARED, read from its package."""
    spec = find_spec("better_profanity")  # finds the package without running it
    assert spec is not None and spec.submodule_search_locations
    path = Path(spec.submodule_search_locations[0], "profanity_wordlist.txt")
    entries = {line.strip().lower() for line in path.read_text("utf-8").splitlines()}
    lexicon = Lexicon()
    # Plain spellings first, so that a term is reported by its plain spelling.
    for entry in sorted(entries - SPARED - {""}, key=lambda e: (not e.isalpha(), e)):
        lexicon.add(entry, "default", replace=False)
    return lexicon
