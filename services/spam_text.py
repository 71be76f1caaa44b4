"""Spam signals from the text's shape: phone numbers, shouting and repetition; and the numbers
spelled out or split to dodge them, which the pitch signals read (never model features)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from services.spam_signals import Signal

PHONE = re.compile(r"(?<![\w.,])(?:\+|00)?\d(?:[ ().-]{0,2}\d){8,14}(?![\w,]|\.\d)")
ROUND = re.compile(r"[1-9]0{6,}")  # "1000000000 views" is a count, not a phone number
YEARS = re.compile(r"(?:(?:19|20)\d\d\W*)+")
DIGIT = re.compile(r"\d")
UPPER = re.compile(r"[A-Z\u00c0-\u00de]")
CHAR_RUN = re.compile(r"(.)\1{9,}")
# A reader passing on a charity's or a public service's helpline is helping, not selling.
HELPLINE = re.compile(
    r"(?i:\b(?:citizens advice|samaritans|childline|stepchange|national debtline|moneyhelper|"
    r"money helper|age uk|nhs 111|turn2us|rape crisis|victim support|crimestoppers|action fraud|"
    r"national domestic abuse|crisis text line|988 lifeline|papyrus|national suicide|suicide "
    r"(?:and|&) crisis)\b)"
    # names that are also words count only as written, capitalised
    r"|\b(?:Shelter|Refuge|Mind|Lifeline)\b"
)

NUMBER = "zero|oh|one|two|three|four|five|six|seven|eight|nine"
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
DIGITS = {word: str(i) for i, word in enumerate(DIGIT_WORDS)} | {"oh": "0"}
# "four-eight-one three five ...", "0 8 0 3 - 5 5 5", "+381 six four 555 0178"
DIGIT_OR_NUMBER = re.compile(rf"\d|\b(?:{NUMBER})\b")
SPELLED_PHONE = re.compile(rf"\+?\b(?:\d+|{NUMBER})(?:[ ().-]{{1,3}}(?:\d+|{NUMBER})\b){{4,}}")
COUNTING = "0123456789"  # "one two three four five ..." is counting
# A reading spells nine digits or more, each from a digit or a number word of its own: a
# comment in ASCII (where every digit is one of 0-9) holding fewer of these has none.
NUMBER_PARTS = (*COUNTING, *DIGITS)
FEWEST_DIGITS = 9


def phone_signals(text: str) -> list[Signal]:
    """Runs of 9 to 15 digits that look like a phone number rather than years or sums."""
    if not DIGIT.search(text):
        return []
    spans = tuple(
        (m.start(), m.end(), m.group(0))
        for m in PHONE.finditer(text)
        if 9 <= len(DIGIT.findall(m.group(0))) <= 15
        and not YEARS.fullmatch(m.group(0))
        and not ROUND.fullmatch(m.group(0))
        and not near_helpline(text, m.start())
    )
    return [Signal("phone_number", spans)] if spans else []


def style_signals(text: str, words: list[str]) -> list[Signal]:
    """Shouting (mostly capitals) and repetition (one word or character over and over)."""
    found = []
    upper = len(UPPER.findall(text))
    if upper >= 14 and upper >= 0.7 * sum(len(w) for w in words if not w[0].isdigit()):
        found.append(Signal("shouting"))
    top = 0
    if len(words) >= 8 and len(set(words)) < 0.6 * len(words):
        top = max(Counter(words).values())
    quads = zip(words, words[1:], words[2:], words[3:], strict=False)
    repeated = any(a == b == c == d for a, b, c, d in quads)
    if repeated or top > 0.4 * len(words) or CHAR_RUN.search(text):
        found.append(Signal("repetition"))
    return found


class Reading(NamedTuple):
    """A run of digits and number words read as a phone number: where it stands, the digits
    it spells, how many of its parts are words and how many single digits, of `parts`."""

    span: tuple[int, int, str]
    digits: str
    words: int
    singles: int
    parts: int


@lru_cache(maxsize=16)
def phone_readings(text: str) -> tuple[Reading, ...]:
    """The runs of digits and number words that spell 9 to 15 digits, with no helpline
    named just before them (read once for both the offer and the lure signals)."""
    if text.isascii():
        if sum(map(text.count, NUMBER_PARTS)) < FEWEST_DIGITS:
            return ()
    elif not DIGIT_OR_NUMBER.search(text):
        return ()
    readings = []
    for m in SPELLED_PHONE.finditer(text):
        tokens = re.findall(rf"\d+|{NUMBER}", m.group())
        digits = "".join(DIGITS.get(t, t) for t in tokens)
        if 9 <= len(digits) <= 15 and not near_helpline(text, m.start()):
            words = sum(not t.isdigit() for t in tokens)
            singles = sum(len(t) == 1 for t in tokens)
            span = (m.start(), m.end(), m.group())
            readings.append(Reading(span, digits, words, singles, len(tokens)))
    return tuple(readings)


def spelled_phones(text: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Phone numbers written partly in words or a digit at a time, and those of them no one
    would write but to dodge a filter."""
    phones, dialled = [], []
    for r in phone_readings(text):
        if r.digits in COUNTING:
            continue
        phones.append(r.span)
        if (r.words >= 2 and r.words < r.parts) or r.singles >= 8 or r.words >= 10:
            dialled.append(r.span)
    return phones, dialled


def near_helpline(text: str, start: int) -> bool:
    """Whether a charity's or public service's name comes just before `start`."""
    return bool(HELPLINE.search(text[max(0, start - 80) : start]))
