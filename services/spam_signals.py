"""Spam signals: the named reasons a comment is scored as spam, and what each one means."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs

Spans = list[tuple[int, int, str]]

EXPLANATIONS = {
    "link": "Contains a link to an unknown site",
    "many_links": "Contains several links",
    "link_shortener": "Hides where a link goes behind a link shortener",
    "blocked_domain": "Links to a domain on the spam blocklist",
    "contact_handle": "Asks readers to get in touch off-site (e-mail, messaging app, DM)",
    "phone_number": "Contains a phone number",
    "sms_shortcode": "Asks readers to text a short code",
    "money_bait": "Offers money, prizes or deals",
    "crypto_bait": "Crypto or trading bait",
    "self_promotion": "Promotes the author's own channel or site",
    "shouting": "Written mostly in capitals",
    "repetition": "Repeats the same word or character over and over",
    "near_duplicate": "The same text was posted {count} other time(s) in the last hour",
    "posting_too_fast": "The author posted {count} comments in the 10 minutes before this one",
    "spam_model": "Reads like spam to the trained model",
    "income_claim": "Claims easy earnings (an amount a day, a week or an hour)",
    "adult_bait": "Dating or adult-site bait",
    "contact_request": "Asks readers to find the writer on another app or in a profile",
    "sales_offer": 'Reads like an advert (a price, a discount code, "no sign-up")',
    "testimonial": "Tells the story of being helped by a named expert, as scams do",
    "chain_letter": "Asks readers to copy or share it everywhere",
    "sales_pitch": "Makes an offer and gives a way to take it up off-site",
}


@dataclass(frozen=True)
class Signal:
    """One named spam signal with the (start, end, text) spans that raised it."""

    code: str
    spans: tuple[tuple[int, int, str], ...] = ()


class Hints:
    """Substrings one of which a comment must hold before a pattern is worth running. Every
    set of hints is registered, and a comment is searched for all of them in one pass
    (`present`), which costs a few microseconds where asking for each in turn cost tens."""

    __slots__ = ("always", "words")

    def __init__(self, words: tuple[str, ...] | list[str]) -> None:
        self.words = frozenset(word for word in words if word)
        self.always = "" in words  # an empty hint lets every comment through
        _REGISTERED.update(self.words)
        _index.cache_clear()
        present.cache_clear()

    def found_in(self, text: str) -> bool:
        """Whether `text` holds one of the hints."""
        return self.always or not self.words.isdisjoint(present(text))


_REGISTERED: set[str] = set()
# (code, substrings one of which a match must contain, pattern): the substrings are a cheap
# test that skips the pattern for most comments.
Rule = tuple[str, Hints, re.Pattern[str]]


@lru_cache(maxsize=1)
def _index() -> tuple[ahocorasick_rs.AhoCorasick, list[str]]:
    """An automaton over every registered hint, and the hints in its order."""
    words = sorted(_REGISTERED)
    return ahocorasick_rs.AhoCorasick(words), words


@lru_cache(maxsize=16)
def present(text: str) -> frozenset[str]:
    """The registered hints that occur in `text`, overlapping ones included; the spam
    modules each ask about the same lowercased comment, so the answer is kept for a while."""
    automaton, words = _index()
    return frozenset(
        words[i] for i, _, _ in automaton.find_matches_as_indexes(text, overlapping=True)
    )


def hints(spec: str) -> Hints:
    """A "|"-separated list of literal substrings."""
    return Hints(spec.split("|"))


def rules(*specs: tuple[str, str, str | re.Pattern[str]]) -> tuple[Rule, ...]:
    """(code, "|"-separated substrings, pattern) rules, the substrings split and the patterns
    compiled."""
    return tuple((code, hints(spec), re.compile(pattern)) for code, spec, pattern in specs)


def gated(pattern: re.Pattern[str], text: str, substrings: Hints) -> Spans:
    """The matches of `pattern` when `text` holds one of the `substrings`."""
    if not substrings.found_in(text):
        return []
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
