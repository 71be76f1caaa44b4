"""Spam signals from links: unknown sites, several links, shorteners, blocklisted domains."""

from __future__ import annotations

import re

from services.spam_signals import Signal


def _hints(spec: str) -> tuple[str, ...]:
    """Split a "|"-separated list of literal substrings."""
    return tuple(spec.split("|"))


TLDS = "com|net|org|info|biz|xyz|top|ru|io|ly|me|co|tk|gl|gd|cc|click|link|site|online|store|shop"
# Blocklisted endings (BLOCKED_HOST) that are not also everyday words, so that a bare
# "bet-on-politics.win" is seen as a link at all.
TLDS += "|win|loan|bid|racing|gq|ml|cf|ga|casino|bet"
# Endings that shops and streams use in comment spam ("socialboost.pro", "streamhub-live.tv").
TLDS += "|pro|club|tv|live|app|vip|uk|gg"
# Shorteners on endings too common in text to count as links alone ("rb.gy/4kq9zt").
SHORT = r"(?:rb\.gy|is\.gd|t\.ly|s\.id|v\.gd|lnkd\.in|shorturl\.at|tiny\.cc)/[^\s<>\"']*[^\s<>\"'.,;:!?)]"
URL = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)]|\b{SHORT}"
    rf"|\b(?:[a-z0-9-]+\.)+(?:{TLDS})\b(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)])?"
)
URL_HINTS = (
    "http",
    "www.",
    *(f".{tld}" for tld in TLDS.split("|")),
    ".gy/",
    ".gd/",
    ".id/",
    ".in/",
    ".at/",
    ".cc/",
)
HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/:?#\s]+)")
SHORTENERS = frozenset(
    _hints(
        "bit.ly|bitly.com|tinyurl.com|goo.gl|ow.ly|is.gd|buff.ly|cutt.ly|rebrand.ly|rb.gy"
        "|shorturl.at|tiny.cc|lnkd.in|t.ly|adf.ly|s.id|v.gd|shorte.st|bl.ink"
    )
)
TRUSTED = re.compile(
    r"(?:^|\.)(?:bbc\.co\.uk|bbc\.com|reuters\.com|apnews\.com|nytimes\.com|theguardian\.com|"
    r"washingtonpost\.com|wikipedia\.org|ft\.com|economist\.com|npr\.org|politico\.(?:com|eu)|"
    r"europa\.eu|un\.org|[a-z.]*\.gov(?:\.[a-z]{2})?|gov\.uk|parliament\.uk|nhs\.uk|"
    # universities, international bodies: registries that do not sell to anyone who asks
    r"[a-z0-9.-]*\.(?:edu|int|mil|ac\.[a-z]{2}|edu\.[a-z]{2}))$"
)
BLOCKED_HOST = re.compile(
    r"\.(?:xyz|top|click|loan|win|bid|work|date|review|racing|download|stream|gq|tk|ml|cf|ga|casino|bet)$"
    r"|casino|betting|viagra|cialis|porn|xxx|forex|followers|giveaway|airdrop"
)


def link_signals(lower: str) -> list[Signal]:
    """Links (trusted news sites left out), several links, shorteners, blocklisted domains."""
    if not any(hint in lower for hint in URL_HINTS):
        return []
    links = []
    for match in URL.finditer(lower):
        host_match = HOST.match(match.group(0))
        host = host_match.group(1).rstrip(".") if host_match else ""
        if not TRUSTED.search(host):
            links.append((match.start(), match.end(), match.group(0), host))
    if not links:
        return []
    spans = tuple((start, end, url) for start, end, url, _ in links)
    found = [Signal("link", spans)] + ([Signal("many_links", spans)] if len(links) > 1 else [])
    for code, test in (
        ("link_shortener", lambda host: host in SHORTENERS),
        ("blocked_domain", lambda host: bool(BLOCKED_HOST.search(host))),
    ):
        hits = tuple((s, e, url) for s, e, url, host in links if test(host))
        if hits:
            found.append(Signal(code, hits))
    return found
