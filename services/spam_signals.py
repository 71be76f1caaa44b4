"""Spam signals: the named reasons a comment is scored as spam, and what each one means."""

from __future__ import annotations

import re
from dataclasses import dataclass

Spans = list[tuple[int, int, str]]
# (code, substrings one of which a match must contain, pattern): the substrings are a cheap
# test that skips the pattern for most comments.
Rule = tuple[str, tuple[str, ...], re.Pattern[str]]

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


def hints(spec: str) -> tuple[str, ...]:
    """Split a "|"-separated list of literal substrings."""
    return tuple(spec.split("|"))


def rules(*specs: tuple[str, str, str | re.Pattern[str]]) -> tuple[Rule, ...]:
    """(code, "|"-separated substrings, pattern) rules, the substrings split and the patterns
    compiled."""
    return tuple((code, hints(spec), re.compile(pattern)) for code, spec, pattern in specs)


def gated(pattern: re.Pattern[str], text: str, substrings: tuple[str, ...]) -> Spans:
    """The matches of `pattern` when `text` holds one of the `substrings`."""
    if not any(sub in text for sub in substrings):
        return []
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
