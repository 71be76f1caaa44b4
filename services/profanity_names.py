"""Names that look like profanity: "Dick Cheney", "Moby Dick", "Mr Wang", and a site's
allowed phrases."""

from __future__ import annotations

import re
from collections.abc import Iterable

from services.normalize import Normalized, normalize
from services.profanity_lexicon import WORD

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
_NEXT_CAPITALISED = re.compile(r" ([A-Z][a-z]+)")
_HONORIFIC = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Sen|Senator|Rep|President|Gov|Governor|Judge)\.? $"
)


def guards(phrases: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    """Index the words of protected phrases by each word they contain."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(WORD.findall(normalize(phrase).text))
        for word in words if len(words) > 1 else ():
            found.setdefault(word, []).append(words)
    return found


def is_name(
    norm: Normalized,
    words: list[tuple[str, int, int]],
    index: int,
    term: str,
    *,
    guarded: dict[str, list[tuple[str, ...]]],
    terms: dict[str, tuple[str, str]],
) -> bool:
    """Tell whether a match is part of a name: "Dick Cheney", "Moby Dick", "Mr Wang"."""
    spelling = words[index][0]
    for phrase in guarded.get(spelling, ()):
        first = index - phrase.index(spelling)
        if first >= 0 and tuple(w for w, _, _ in words[first : first + len(phrase)]) == phrase:
            return True
    start, end = norm.to_original(words[index][1], words[index][2])
    if term not in NAME_TERMS or not norm.original[start:end].istitle():
        return False
    if _HONORIFIC.search(norm.original, 0, start):
        return True
    after = _NEXT_CAPITALISED.match(norm.original, end)
    return after is not None and term + after.group(1).lower() not in terms
