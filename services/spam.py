"""Spam signals, each a named reason, a small fitted linear model, and the duplicate key."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path


def _hints(spec: str) -> tuple[str, ...]:
    """Split a "|"-separated list of literal substrings."""
    return tuple(spec.split("|"))


DATA = Path(__file__).resolve().parent / "data" / "spam_model.json"
TLDS = "com|net|org|info|biz|xyz|top|ru|io|ly|me|co|tk|gl|gd|cc|click|link|site|online|store|shop"
# Blocklisted endings (BLOCKED_HOST) that are not also everyday words, so that a bare
# "bet-on-politics.win" is seen as a link at all.
TLDS += "|win|loan|bid|racing|gq|ml|cf|ga|casino|bet"
URL = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)]"
    rf"|\b(?:[a-z0-9-]+\.)+(?:{TLDS})\b(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)])?"
)
URL_HINTS = ("http", "www.", *(f".{tld}" for tld in TLDS.split("|")))
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


def _gate(*groups: str) -> tuple[frozenset[str], ...]:
    """Word sets that must each share a word with a comment before a pattern is run."""
    return tuple(frozenset(group.split()) for group in groups)


# What "check my ..." promotes; "check my phone" promotes nothing.
PROMOTED = "channel|page|profile|site|website|blog|videos?|music|songs?|store|shop|links?|account"
# Words that open the prize-and-deal patterns. Alone, "win", "won", "free" and "cheap" are
# election and policy words ("Labour won the seat", "free school meals"); they are bait only
# in a bait phrase ("win a", "free spins", "you have won", "claim your").
MONEY_WORDS = "free win won winner winners prize prizes claim bonus giveaway jackpot guaranteed"
MONEY_WORDS += " discount cheap cheapest loan loans gift giftcard giftcards payday selected"
FREEBIES = (
    r"gifts?|prizes?|money|cash|spins?|iphones?|ipads?|samples?|trials?|shipping|delivery|entry|"
    r"ringtones?|tones|sms|texts?|msgs?|minutes|mins|vouchers?|tickets?|followers|likes|"
    r"subscribers|views|downloads?|bitcoins?|crypto|tokens?|offers?|phones?|nokia|camera|"
    r"holidays?|bets?|credits?|calls?|games?|chat|membership"
)
MONEY_BAIT = (
    r"\b(?:prizes?|jackpot|giveaways?|bonus|gift ?cards?|giftcards?|gift vouchers?)\b"
    rf"|\bfree (?:\w+ )?(?:{FREEBIES})\b|\bfor free\b|\b(?:get|claim|receive|grab) (?:a |your |ur )?free\b"
    r"|\bwin (?:(?:a|an|free|cash|money|big|prizes?)\b|[$£€\d])|\b(?:you|u)(?:'ve| have| ve| are| r)? "
    r"(?:been )?(?:won|selected)\b|\b(?:lucky|selected|prize) winners?\b|\bclaim (?:your|ur|yours|"
    r"now|it now)\b|\bguaranteed (?:income|returns?|profits?|approval|results|win|money|cash|\d)"
    r"|\bdiscount (?:code|prices?)\b|\d+ ?% discount\b|\bcheap(?:est)? (?:\w+ )?(?:pills|meds|"
    r"viagra|cialis|watches|rolex|flights|tickets|loans?|followers|likes|prices)\b|\b(?:payday|"
    r"quick|instant|fast|easy) loans?\b|\bloans? (?:approved|approval|available)\b"
)
# (code, gate, substrings any of which also opens the gate, pattern): a pattern runs only when
# every word set of its gate meets the comment's words, or one of the substrings occurs.
PATTERNS: tuple[tuple[str, tuple[frozenset[str], ...], tuple[str, ...], re.Pattern[str]], ...] = (
    (
        "contact_handle",
        _gate("whatsapp whats telegram wechat kik snapchat viber dm pm inbox contact email mail"),
        ("@", ".me/"),
        re.compile(
            r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[a-z]{2,}|\b(?:whats ?app|telegram|wechat|kik|"
            r"snapchat|viber)\b|\b(?:t\.me|wa\.me)/|\b(?:dm|pm|inbox|contact|email|e-mail) (?:me|us)\b"
        ),
    ),
    (
        "sms_shortcode",
        _gate("text txt sms reply send", "00000"),
        (),
        re.compile(r"\b(?:text|txt|sms|reply|send)\b[^.\n]{0,25}?\bto \d{5}\b"),
    ),
    (
        "money_bait",
        _gate("earn earning earns make making", "money cash income dollars"),
        (),
        re.compile(
            r"\b(?:earn|earns|make|making|earning)\b[^.\n]{0,25}\b(?:money|cash|income|dollars)\b"
        ),
    ),
    ("money_bait", _gate("work working", "home"), (), re.compile(r"\bwork(?:ing)? from home\b")),
    (
        "money_bait",
        _gate("buy order sign click limited passive per", "now here time offer income day hour"),
        ("% off", "%off"),
        re.compile(
            r"\b(?:buy now|order now|sign up now|click here|limited (?:time|offer)|passive "
            r"income|per (?:day|hour))\b|\d+ ?% ?off\b"
        ),
    ),
    (
        "money_bait",
        _gate(MONEY_WORDS),
        (),
        re.compile(MONEY_BAIT),
    ),
    (
        "crypto_bait",
        _gate(
            "bitcoin bitcoins btc ethereum usdt crypto cryptocurrency binance airdrop forex "
            "trading binary wallet double"
        ),
        (),
        re.compile(
            r"\b(?:bitcoins?|btc|ethereum|usdt|crypto ?(?:currency|trading|investment|signals?)|"
            r"binance|airdrop|forex|trading signals?|binary options?|wallet address|double your)\b"
        ),
    ),
    (
        "self_promotion",
        _gate("check visit follow my our", "my our me us"),
        (),
        re.compile(
            rf"\bcheck out (?:my|our)\b|\bcheck (?:my|our) (?:\w+ )?(?:{PROMOTED})\b|\bvisit (?:my|our)\b"
            r"|\bfollow (?:me|us|my)\b"
        ),
    ),
    (
        "self_promotion",
        _gate("my", "channel blog website site video videos music store shop profile page"),
        (),
        re.compile(r"\bmy (?:channel|blog|website|site|videos?|music|store|shop|profile|page)\b"),
    ),
    (
        "self_promotion",
        (),
        ("subscrib", "sub4sub", "sub 4 sub"),
        # the verb asks for subscribers; "14 million subscribers" only counts them
        re.compile(r"\bsubscrib(?:e|es|ing)\b|\bsub ?4 ?sub\b"),
    ),
)
PHONE = re.compile(r"(?<![\w.,])(?:\+|00)?\d(?:[ ().-]{0,2}\d){8,14}(?![\w,]|\.\d)")
ROUND = re.compile(r"[1-9]0{6,}")  # "1000000000 views" is a count, not a phone number
YEARS = re.compile(r"(?:(?:19|20)\d\d\W*)+")
DIGIT = re.compile(r"\d")
UPPER = re.compile(r"[A-Z\u00c0-\u00de]")
CHAR_RUN = re.compile(r"(.)\1{9,}")
WORD = re.compile(r"[^\W\d_]+|\d+")
# Tweet and HTML debris ("RT @user:", "&#8220;") that must not become features.
NOISE = re.compile(r"\brt @\w+:?|@\w+|&#?\w+;")
LETTERS = re.compile(r"[^\W\d_]")
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
}
# Log-odds added for signals too rare in the training data for the model to weigh them.
PRIORS = {"crypto_bait": 2.5, "contact_handle": 3.0, "link_shortener": 1.5, "blocked_domain": 2.5}


@dataclass(frozen=True)
class Signal:
    """One named spam signal with the (start, end, text) spans that raised it."""

    code: str
    spans: tuple[tuple[int, int, str], ...] = ()


def _fold(text: str) -> str:
    """Lowercase `text` without changing its length, so spans stay valid."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _link_signals(lower: str) -> list[Signal]:
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


def _patterns(lower: str, present: set[str]) -> list[Signal]:
    """The keyword signals; each pattern runs only when its gate lets the comment through."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for code, gate, substrings, pattern in PATTERNS:
        opened = bool(gate) and all(not group.isdisjoint(present) for group in gate)
        if opened or any(sub in lower for sub in substrings):
            found = [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(lower)]
            if found:
                spans.setdefault(code, []).extend(found)
    return [Signal(code, tuple(sorted(hits))) for code, hits in spans.items()]


def _phone(text: str) -> list[Signal]:
    """Runs of 9 to 15 digits that look like a phone number rather than years or sums."""
    if not DIGIT.search(text):
        return []
    spans = tuple(
        (m.start(), m.end(), m.group(0))
        for m in PHONE.finditer(text)
        if 9 <= len(DIGIT.findall(m.group(0))) <= 15
        and not YEARS.fullmatch(m.group(0))
        and not ROUND.fullmatch(m.group(0))
    )
    return [Signal("phone_number", spans)] if spans else []


def _style(text: str, words: list[str]) -> list[Signal]:
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


def analyze(text: str) -> tuple[list[Signal], list[str]]:
    """Every content signal `text` raises, and the fitted model's features for it."""
    lower = _fold(text)
    found = _link_signals(lower)
    plain = URL.sub(" ", lower) if found else lower
    if "@" in plain or "&" in plain:
        plain = NOISE.sub(" ", plain)
    words = ["0" * min(len(w), 6) if w.isdigit() else w for w in WORD.findall(plain)]
    found += _patterns(lower, set(words)) + _phone(text) + _style(text, words)
    pairs = [f"{a} {b}" for a, b in pairwise(words)]
    return found, words + pairs + [f"!{signal.code}" for signal in found]


@cache
def _weights(path: Path = DATA) -> tuple[float, dict[str, float]]:
    """The fitted intercept and feature weights, read once."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return float(data["intercept"]), {k: float(v) for k, v in data["weights"].items()}


def model_logit(features: list[str]) -> float:
    """The fitted logistic regression's log-odds for the features from `analyze`."""
    intercept, weights = _weights()
    return intercept + sum(weights.get(feature, 0.0) for feature in set(features))


def prior_logit(found: list[Signal]) -> float:
    """The log-odds the rare signals present add to the model's."""
    return sum(PRIORS.get(signal.code, 0.0) for signal in found)


def content_logit(found: list[Signal], features: list[str]) -> float:
    """The model's log-odds plus the priors of the rare signals present."""
    return model_logit(features) + prior_logit(found)


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
