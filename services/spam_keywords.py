"""Spam signals from keywords: contact handles, short codes, money and crypto bait, and
self-promotion, each pattern run only when the comment has the words it needs."""

from __future__ import annotations

import re

from services.spam_signals import Signal


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


def keyword_signals(lower: str, present: set[str]) -> list[Signal]:
    """The keyword signals; each pattern runs only when its gate lets the comment through."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for code, gate, substrings, pattern in PATTERNS:
        opened = bool(gate) and all(not group.isdisjoint(present) for group in gate)
        if opened or any(sub in lower for sub in substrings):
            found = [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(lower)]
            if found:
                spans.setdefault(code, []).extend(found)
    return [Signal(code, tuple(sorted(hits))) for code, hits in spans.items()]
