"""Spellings that hide a word from the detectors, undone without moving any character:
swear words with letters starred out ("c*nt", "b*st*rds") and insults split by a hyphen
("half-wit", "brain-dead")."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from services.toxicity_insult_words import INSULTS, MILD, SEXUAL, SLURS
from services.toxicity_lexicon import STRONG_ADJ, word_set

# Swear words a starred-out spelling may stand for, besides the listed insults and slurs.
SWEARING = word_set(
    """fuck fucks fucked fucker fuckers fucking fuckin shit shits shite shitty bullshit cunt
    cunts bitch bitchy twat bastard arse ass asshole arsehole dick cock piss pissed wank
    wanking bollocks crap damn bloody kill killed shoot shot hang rape die refugees migrants
    immigrants muslims jews gays"""
)
# Written with a hyphen, these are one insulting word: "half-wit" is a "halfwit".
HYPHENATED = word_set(
    """knuckledragging knuckledragger mouthbreather mouthbreathers mouthbreathing peabrain
    peabrained pinhead numbskull dimwit halfwit braindead lowlife nitwit dickhead dickheads
    shithead shitheads fuckwit fuckwits shitstain shitstains"""
)
MARKUP = re.compile(r"&#?\w{1,8};|<[^<>]{0,200}>")
# Stars between letters; a star before or after a word marks emphasis ("*sigh*").
STARRED = re.compile(r"[a-z]+(?:\*+[a-z]+)+")
HYPHEN = re.compile(r"\b([a-z]+)-([a-z]+)\b")
# "fvck", "fvcking": a v written for the u of the swear word.
V_FOR_U = re.compile(r"\bfv(?=c*k)")
# "retardz", "idiotz": a z written for a plural's s; read as the s only when that spells a
# listed word, so that "blitz" and "Ritz" stay as they are.
Z_PLURAL = re.compile(r"\b([a-z]{2,})z\b")
# The words a respelling may stand for: the listed swear words, insults and slurs.
RESPELLED = SWEARING | INSULTS | MILD | SLURS | SEXUAL


@cache
def _by_length() -> dict[int, tuple[str, ...]]:
    """The words a starred spelling may stand for, by length."""
    table: dict[int, list[str]] = defaultdict(list)
    for word in sorted(SWEARING | INSULTS | SLURS | SEXUAL):
        table[len(word)].append(word)
    return {length: tuple(words) for length, words in table.items()}


def _unstarred(spelling: str) -> str | None:
    """The one listed word that `spelling` spells with stars for some letters, if exactly
    one fits ("f**k" is "fuck"; "**" fits nothing; "f*ck*r" would fit two, so none)."""
    if spelling.count("*") * 2 > len(spelling):
        return None
    candidates = [
        word
        for word in _by_length().get(len(spelling), ())
        if all(s in ("*", w) for s, w in zip(spelling, word, strict=True))
    ]
    return candidates[0] if len(candidates) == 1 else None


def cleaned_text(normalized: str) -> str:
    """Normalised text with curly apostrophes straightened and HTML blanked, same length."""
    normalized = normalized.replace("\u2019", "'")
    if "&" in normalized or "<" in normalized:
        normalized = MARKUP.sub(lambda m: " " * len(m.group()), normalized)
    return normalized


def restored(normalized: str) -> str:
    """`normalized` with starred swear words spelled out, hyphenated insults joined (the
    hyphen moves to the end of the word) and a few letters written for others read as them
    ("fvck", "retardz"), each the same length as before."""
    if "*" in normalized:
        normalized = STARRED.sub(lambda m: _unstarred(m.group()) or m.group(), normalized)
    if "-" in normalized:
        normalized = HYPHEN.sub(_joined, normalized)
    if "fv" in normalized:
        normalized = V_FOR_U.sub("fu", normalized)
    if "z" in normalized:
        normalized = Z_PLURAL.sub(_plural, normalized)
    return normalized


def _plural(match: re.Match[str]) -> str:
    """ "retardz" as "retards" when that is a listed word, else unchanged."""
    plural = match.group(1) + "s"
    return plural if plural in RESPELLED else match.group()


def _joined(match: re.Match[str]) -> str:
    """ "half-wit" as "halfwit " when the joined word is an insult, else unchanged."""
    joined = match.group(1) + match.group(2)
    if joined in HYPHENATED or joined in INSULTS or joined in MILD or joined in STRONG_ADJ:
        return joined + " "
    return match.group()
