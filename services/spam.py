"""Spam: the content signals of a comment and its model features, the signals of its
context (copies, bursts), and the duplicate key."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from itertools import pairwise

from services.spam_keywords import keyword_signals
from services.spam_links import URL, link_signals
from services.spam_model import content_logit, model_logit, prior_logit, signal_logit
from services.spam_pitch import pitch_signals
from services.spam_signals import EXPLANATIONS, Signal
from services.spam_text import phone_signals, style_signals

__all__ = [
    "EXPLANATIONS",
    "Signal",
    "analyze",
    "content_logit",
    "context_signals",
    "fingerprint",
    "model_logit",
    "prior_logit",
    "signal_logit",
]

WORD = re.compile(r"[^\W\d_]+|\d+")
# Tweet and HTML debris ("RT @user:", "&#8220;") that must not become features.
NOISE = re.compile(r"\brt @\w+:?|@\w+|&#?\w+;")
LETTERS = re.compile(r"[^\W\d_]")


def _fold(text: str) -> str:
    """Lowercase `text` without changing its length, so spans stay valid."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def analyze(text: str) -> tuple[list[Signal], list[str]]:
    """Every content signal `text` raises, and the fitted model's features for it (the pitch
    signals are not among them)."""
    lower = _fold(text)
    found = link_signals(lower)
    plain = URL.sub(" ", lower) if found else lower
    if "@" in plain or "&" in plain:
        plain = NOISE.sub(" ", plain)
    words = ["0" * min(len(w), 6) if w.isdigit() else w for w in WORD.findall(plain)]
    found += keyword_signals(lower, set(words)) + phone_signals(text) + style_signals(text, words)
    pairs = [f"{a} {b}" for a, b in pairwise(words)]
    features = words + pairs + [f"!{signal.code}" for signal in found]
    return found + pitch_signals(lower, found), features


def context_signals(body: str, *, duplicates: int, recent: int) -> list[tuple[str, int, float]]:
    """(code, count, log-odds) for copies of the text and an author posting in bursts."""
    found = []
    if duplicates >= 1 and len(LETTERS.findall(body)) >= 25:
        found.append(("near_duplicate", duplicates, 5.0 if duplicates >= 3 else 2.5))
    if recent >= 5:
        found.append(("posting_too_fast", recent, 4.0 if recent >= 10 else 2.0))
    return found


def fingerprint(body: str) -> str:
    """A near-duplicate key that ignores case, spacing, punctuation and digits."""
    folded = unicodedata.normalize("NFKC", body).casefold()
    letters = "".join(c for c in folded if c.isalpha())
    return hashlib.blake2b(letters.encode("utf-8"), digest_size=16).hexdigest()
