"""Spam signals from keywords: contact handles, short codes, money and crypto bait, and
self-promotion, each pattern run only when the comment has the words it needs."""

from __future__ import annotations

import re

from services.spam_signals import Hints, Signal, rules


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
KEYWORDS: tuple[tuple[str, tuple[frozenset[str], ...], tuple[str, ...], re.Pattern[str]], ...] = (
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


PATTERNS = tuple((code, gate, Hints(subs), pattern) for code, gate, subs, pattern in KEYWORDS)


def keyword_signals(lower: str, present: set[str]) -> list[Signal]:
    """The keyword signals; each pattern runs only when its gate lets the comment through."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for code, gate, substrings, pattern in PATTERNS:
        opened = bool(gate) and all(not group.isdisjoint(present) for group in gate)
        if opened or substrings.found_in(lower):
            found = [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(lower)]
            if found:
                spans.setdefault(code, []).extend(found)
    return [Signal(code, tuple(sorted(hits))) for code, hits in spans.items()]


# Prior-only phrases for services.spam_lures, never features of the fitted model: offers that
# make a pitch only beside a way to respond, as (code, hints one of which must occur, pattern).
LURE_OFFERS = rules(
    (
        "income_claim",
        "made|making|earn|gets|got|clearing|figures|%|retired|debt|dream|sleep|side|freedom"
        "|paid off|flipped|deposit|online|changed|like i did",
        r"\b(?:made|making|earned|earning|earn|gets|got|clearing)\s+(?:over\s+|around\s+|about\s+)?[£$€]\s?"
        r"\d[\d,.]*k?\s+(?:(?:this|last|a|per|every)\s+(?:day|week|weekend|month|year)|in\s+(?:\d+|a|one)\s+"
        r"(?:days?|weeks?|months?))|\b(?:four|five|six)\s+figures\s+(?:a|per|every)\s+(?:day|week|month)"
        r"|\b(?:making|earning|makes|earns|gets|got|pays|paying|returns?\s+of)\s+(?:over\s+|up\s+to\s+)?\d+(?:\.\d+)?"
        r"\s?%\s+(?:(?:a|per|every)\s+(?:day|week|month)|monthly|weekly|daily)\b(?!\s+(?:more|less|rise|increase))"
        r"|\b\d+\s?%\s+(?:monthly|weekly|daily)\s*(?:[.!]|$)|\bup\s+\d{3,}"
        r"\s?%|\bretired\s+at\s+\d\d\b|\b(?:i'?m|now)\s+debt[\s-]free\b|\bdream\s+(?:house|home|car)\s+"
        r"thanks\s+to\b|\bearn(?:ing)?\s+while\s+(?:you|i)\s+sleep\b|\bside\s+(?:income|hustle)\b|\bfinancial"
        r"\s+freedom\b|\bpaid\s+off\s+(?:his|her|their|our)\s+(?:mortgage|debts?)\b|\bflipped\s+\d+\s+"
        r"properties\b|\bzero\s+deposit\b|\bmake\s+money\s+online\b|\bchanged\s+everything\b|\b(?:eth|btc|bitcoin|crypto"
        r"|ethereum|solana|gold)\b[^.!?]{0,30}\blike\s+i\s+did\b",
    ),
    (
        "sales_offer",
        "free|upfront|save|cut|best|shipping|licen|verified|love|dating|skip|stock|loss|lose|lost"
        "|younger|physical|from|this|visa|people|no |exclusive|before|keep|100|discreet|soulmate|compare"
        "|proven|custom|rates|natural|lab|made|private|pics|uncensored|leaked|i run|i sell|any|show|know",
        r"\bfree\s+(?:guide|investor\s+pack|info\s+pack|webinar|masterclass|course|e-?book|consultation|trial"
        r"|registration|tips)\b|\bno\s+upfront\s+costs?\b|\bsave\s+(?:you\s+)?up\s+to\s+\d+\s?%|\bcut\s+"
        r"(?:yours|your\s+\w+)\s+by\s+\d+|\bbest\s+(?:\w+\s+)?(?:prices|rates|odds|deals)\b|\bshipping\s+"
        r"worldwide\b|\bno\s+licen[cs]e\s+needed\b|\bverified\s+(?:profiles|members)\b|\bfind\s+love\b|\bfree"
        r"\s+dating\b|\bskip\s+the\s+(?:queue|waiting\s+list)\b|\bin\s+stock\b|\bweight[\s-]loss\s+(?:jabs?|"
        r"pills?|drops|gummies|miracle)\b|\blos[te]\s+\d+\s?(?:kg|lbs?|stone|pounds)\b|\b\d+\s+years\s+"
        r"younger\b|\bbuy\s+physical\s+(?:gold|silver)\b|\bfrom\s+[£$€]\d+|\b[£$€]\d+\s+this\s+(?:month|week)"
        r"\b|\bvisa\s+sponsorship\b|\bmost\s+people\s+(?:never\s+claim|don'?t\s+know)\b|\b\d+\s?%\s+of\s+people"
        r"\s+don'?t\s+know\b|\bno\s+(?:fees|questions\s+asked|repayment)\b|\bno\s+win,?\s+no\s+fee\b|\bexclusive"
        r"\s+(?:discount|offer|deal|giveaways?)\b|\bbefore\s+it\s+(?:closes|gets\s+taken\s+down)\b|\bkeep\s+"
        r"everything\b|\b100\s?%\s+(?:anonymous|genuine|pass|legit|natural)\b|\bdiscreet\s+fun\b|\bmet\s+my\s+"
        r"soulmate\b|\bproven\s+system\b|\bi\s+write\s+custom\b|\brates\s+from\s+\d|\b(?:hand-?made|lab-tested"
        r"|all[\s-]natural|natural)\s+(?:\w+\s+)?(?:candles|oils?|pills|gummies|remedy|ingredients)\b|\bprivate"
        r"\s+(?:story|pics|chat)\b|\bsee\s+my\s+pics\b|\buncensored\s+(?:channel|tape|video)\b|\bleaked\s+tape"
        r"\b|\bi\s+(?:run|sell)\s+(?:a\s+|an\s+)?(?:small\s+)?\w+|\bany(?:one|body)\b[^.?!]{0,40}\b(?:need|needs"
        r"|needing)\b|\bcompare\s+\d+\s+\w+|\b(?:won'?t|don'?t\s+want\s+to|refuse\s+to)\s+(?:show|tell)\s+you\b|\b(?:"
        r"doctors|banks|they|media)\s+don'?t\s+want\s+you\s+to\s+(?:know|see)\b",
    ),
    (
        "self_promotion",
        "my|our|launch|need",
        r"\b(?:my|our)\s+(?:new\s+|own\s+)?(?:\w+\s+)?(?:podcast|tiktok|series|channel|e-?book|merch|store|gig"
        r"|masterclass|webinar|newsletter|substack)\b|\blaunch(?:ing|ed)\s+(?:a|my)\s+\w+|\bneed\s+(?:listeners"
        r"|subscribers|followers)\b",
    ),
    (
        "adult_bait",
        "single|lonely|local|hot|sexy|beautiful|widow|i'm|im |looking|seeking|real|moved|married|meet",
        r"\b(?:single|lonely|local|hot|sexy|beautiful)\s+(?:\w+\s+)?(?:ladies|women|girls|milfs|wives|brides)\s+"
        r"(?:near\s+you|in\s+your\s+(?:area|city)|looking|seeking|waiting|want)|\blonely\s+widow\b|\bi'?m\s+"
        r"(?:a\s+)?(?:single|lonely)\s+(?:woman|girl|lady|mum|widow)\b|\b(?:looking\s+for|seeking)\s+(?:a\s+)?"
        r"(?:serious|kind|rich|generous|honest|caring|older|real)\s+(?:man|men|gentleman|husband|relationship)"
        r"\b|\b(?:looking\s+for|seeking)\s+(?:\w+\s+)?husbands\b|\bi'?m\s+[a-z]+,\s+(?:1[89]|[2-4]\d)\b|\breal"
        r"\s+women\b|\bjust\s+moved\s+to\s+your\s+city\b|\bmarried\s+and\s+looking\b|\bmeet\s+(?:\w+\s+)?"
        r"(?:singles|women|ladies)\b",
    ),
    (
        "testimonial",
        "mr|ms|dr|platform|recover|back my|legit|'s",
        r"\b(?:account\s+manager|platform|broker|mentor|coach|expert|course)\s*(?:,\s*|\s+of\s+)(?:mr|mrs|ms|"
        r"miss|dr)\b|\b(?:mr|mrs|ms|miss|dr)\.?\s+\w+(?:\s+\w+)?(?:'s)?\s+(?:(?:trading|investment|crypto|forex)\s+"
        r"(?:platform|strategy)|account\s+manager)\b|\b\w+'s\s+(?:new\s+)?(?:trading|investment|crypto|forex)\s+(?:platform|course|"
        r"programme?|group|app|system)\b|\brecover(?:ed|y|ing)?\s+(?:my|your|their|his|her)\s+(?:stolen|lost|"
        r"scammed)\s+(?:crypto|funds|bitcoin|money|savings)\b|\bget\s+back\s+my\s+(?:funds|money|crypto|"
        r"savings)\b|\bcrypto\s+recovery\s+(?:expert|specialist|hacker)\b|\b(?:she|he|it)\s+is\s+legit\b",
    ),
)
