"""Spam signals from the text's shape: phone numbers, shouting and repetition."""

from __future__ import annotations

import re
from collections import Counter

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
        and not HELPLINE.search(text[max(0, m.start() - 80) : m.start()])
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
