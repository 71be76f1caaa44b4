"""Spam signals from links: unknown sites, several links, shorteners, blocklisted domains; and
the addresses dodged to slip past them, which services.spam_lures reads (never model features)."""

from __future__ import annotations

import re
from collections.abc import Callable

from services.spam_signals import Hints, Signal, Spans, hints

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
URL_HINTS = Hints(
    [
        "http",
        "www.",
        *(f".{tld}" for tld in TLDS.split("|")),
        ".gy/",
        ".gd/",
        ".id/",
        ".in/",
        ".at/",
        ".cc/",
    ]
)
HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/:?#\s]+)")
SHORTENERS = hints(
    "bit.ly|bitly.com|tinyurl.com|goo.gl|ow.ly|is.gd|buff.ly|cutt.ly|rebrand.ly|rb.gy"
    "|shorturl.at|tiny.cc|lnkd.in|t.ly|adf.ly|s.id|v.gd|shorte.st|bl.ink"
).words
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

# Endings that are also words ("the end . Net result") need a dodge no sentence makes.
WORDY = frozenset(
    {"net", "org", "info", "biz", "me", "co", "shop", "store", "site", "online", "club"}
    | {"app", "live", "pro", "vip", "tv", "top", "win", "bet"}
)
# Letters one by one: "w w w", "c o m", "b-o-o-s-t-r-x", "H A C K R E C O V E R Y 2 4".
SPACED = re.compile(r"\b[a-z0-9](?:(?: ?- ?| )[a-z0-9]\b){2,}")
# Dots no sentence writes: "[dot]", "(.)", "~dot~", "goldvault·uk", " . ", " dot ", "gmail. com".
DODGED_DOT = re.compile(
    r"\s*[\[({~]\s*(?:\.|dot)\s*[\])}~]\s*|\s*[·•∙]\s*|\s+dot\s+|\s+\.\s*"
    r"|\.\s+(?=(?:com|co\.\s?uk|co|ru|io|uk|shop|net)\b[^.\w]*$)"
)
LEET_TLD = re.compile(r"(?<=\.)c[o0○]m\b|(?<=\.)c[o0○](?=\.uk\b)")
# Endings the link signals do not know, which only shops and dating sites use in comments.
RARE_TLDS = ("love", "academy", "investments", "cash", "dating", "fun", "health")
TLD = rf"(?:{TLDS}|ee|{'|'.join(RARE_TLDS)})"
DOMAIN = re.compile(rf"\b[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9-]+)*\.{TLD}\b(?:\s?/\s?[\w=.-]+)?")
MAILBOX = r"(?:g-?mail|yahoo|proton\s?mail|proton|outlook|hotmail|icloud|aol|yandex|mail\.ru)"
# "natasha1988 @ mail.ru", "julia.invest at gmail", "email recoverypro247 at proton mail"
EMAIL = re.compile(
    rf"(?P<ask>\b(?:e-?mail|contact|write|reach|send\s+\w+\s+to)\b[^.!?]{{0,20}}?)?\b(?P<user>[\w.-]+)"
    rf"(?P<via>\s*(?:@|\(at\)|\[at\]|\bat\b)\s*){MAILBOX}\b"
)
MAILBOXES = ("mail", "yahoo", "proton", "icloud", "aol", "yandex")
# A cheap test for a dodge before the text is squeezed: a bracketed, spelled-out or spaced dot,
# a mailbox's name, letters spaced one by one, or a dot and a space before an ending.
DODGE_HINTS = Hints([" .", "dot", "[.]", "(.)", "·", "•", "∙", *MAILBOXES])
DODGE_HINT = re.compile(r"\b\w[ -]\w[ -]\w\b|\.\s+(?:com|co|ru|io|uk|shop|net)\b")
# Words about an address that are not one: "the dot com bubble", "e.g".
NOT_HOSTS = frozenset({"the", "a", "of", "and", "to", "in", "old", "early", "first", "e", "i", "x"})


def link_signals(lower: str) -> list[Signal]:
    """Links (trusted news sites left out), several links, shorteners, blocklisted domains."""
    if not URL_HINTS.found_in(lower):
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


def _squeeze(text: str) -> tuple[str, list[int]]:
    """`text` with spaced letters joined and dodged dots made plain, and for each of its
    characters the index it came from."""
    index = list(range(len(text)))
    for pattern, repl in (
        (SPACED, lambda m: re.sub(r"[ -]", "", m.group())),
        (DODGED_DOT, lambda m: "."),
        (LEET_TLD, lambda m: "com" if m.group().endswith("m") else "co"),
    ):
        text, index = _sub(pattern, repl, text, index)
    return text, index


def _sub(
    pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], text: str, index: list[int]
) -> tuple[str, list[int]]:
    """`pattern.sub(repl, text)`, carrying the original index of each character along."""
    out, where, last = [], [], 0
    for m in pattern.finditer(text):
        new = repl(m)
        kept = index[m.start() : m.end()]
        out.append(text[last : m.start()] + new)
        where += index[last : m.start()] + (kept if len(new) == len(kept) else kept[:1] * len(new))
        last = m.end()
    out.append(text[last:])
    return "".join(out), where + index[last:]


def dodged_addresses(text: str) -> tuple[Spans, Spans]:
    """Web and e-mail addresses that only read as one once the dodges are undone, and plain
    ones on endings the link signals do not know ("ukdates.love")."""
    ending = any(f".{tld}" in text for tld in RARE_TLDS)
    if not (ending or DODGE_HINTS.found_in(text) or DODGE_HINT.search(text)):
        return [], []
    squeezed, index = _squeeze(text)
    plain = {m.group(): m.span() for m in DOMAIN.finditer(text) if not _trusted_address(m.group())}
    spans = []
    mailbox = any(box in squeezed for box in MAILBOXES)
    for m in [*DOMAIN.finditer(squeezed), *(EMAIL.finditer(squeezed) if mailbox else ())]:
        host = re.split(r"[.\s@]", m.group().strip())[0]
        if m.group() in plain or host in NOT_HOSTS or "wiki" in host or _trusted_address(m.group()):
            continue
        if m.re is EMAIL and not _dodged_email(m):
            continue
        start, end = index[m.start()], index[m.end() - 1] + 1
        if not _prose(m.group(), text[start:end], text[end:]):
            spans.append((start, end, text[start:end]))
    rare = [
        (a, b, link) for link, (a, b) in plain.items() if link.split("/")[0].endswith(RARE_TLDS)
    ]
    return spans, rare


def _dodged_email(m: re.Match[str]) -> bool:
    """Whether an e-mail match is split ("x @ gmail", "x (at) proton") rather than plain, and,
    when joined by a bare "at", reads as an address ("sam.k at gmail", "e-mail sam at yahoo")."""
    via = m.group("via")
    if via == "@":
        return False
    return via.strip() != "at" or bool(m.group("ask") or re.search(r"[\d._-]", m.group("user")))


def _prose(address: str, written: str, after: str) -> bool:
    """Whether a plain spaced dot before an ending that is also a word, with a sentence going
    on after it, is only prose ("the party is finished . Net result")."""
    tld = re.split(r"[./]", address.split("/")[0])[-1]
    plain = not re.search(r"[\d_\[\](){}~·•∙-]|dot", written)
    return plain and tld in WORDY and bool(re.match(r"\s+[a-z]", after))


def _trusted_address(address: str) -> bool:
    """Whether a squeezed web address is a news or public site."""
    host = address.split("/")[0].strip()
    return bool(TRUSTED.search(host)) or host.endswith((".bbc.co.uk", "gov.uk"))
