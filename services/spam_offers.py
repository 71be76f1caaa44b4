"""Pitches written to slip past the other spam signals: addresses, app names and phone numbers
spelled out or split up, and offers that need no link (loans for bad credit, pills without a
prescription, fixed returns, chain letters, a tradesman's advert in a news thread).

Like the other pitch signals these are never features of the fitted model; they reuse the
codes of services.spam_pitch so they carry the same fixed log-odds."""

from __future__ import annotations

import re

from services.spam_links import TLDS, TRUSTED, WORDY
from services.spam_signals import Signal, gated, hints, rules
from services.spam_text import phone_readings

# "resell-riches . net", "quickcashnow .com", "prepperpantry dot shop", "x[.]com".
DOT = r"\s*[\[(]\s*(?:\.|dot)\s*[\])]\s*|\s+dot\s+|\s+\.\s*"
HIDDEN_LINK = re.compile(
    rf"\b(?P<host>[a-z0-9](?:[a-z0-9-]{{0,40}}[a-z0-9])?)(?P<dots>(?:(?:{DOT})(?:co|com|org|net|gov|ac))?"
    rf"(?:{DOT}))(?P<tld>{TLDS}|eu|de)\b"
)
SPLIT_SHORTCODE = re.compile(
    r"\b(?:text|txt|sms)\s+[\"']?\w+[\"']?\s+to\s+(\d{1,4}(?:[ .-]{1,3}\d{1,4}){1,6})\b"
)
APPS = ("telegram", "whatsapp", "signal", "snapchat", "instagram", "wechat", "viber")
SPACED_APP = re.compile("|".join(r"\b" + r"[\s.*_-]*".join(app) + r"\b" for app in APPS))
APP = r"(?:google|youtube|instagram|insta|telegram|whats ?app|tiktok|facebook|snapchat|signal|x|twitter)"
CONTACT = re.compile(
    rf"\b(?:dm|text|message|send)\s+[\"']?[a-z0-9]+[\"']?\s+to\s+@\w+|\b(?:find|search(?:\s+for)?|look\s+up"
    rf"|ask\s+for)\s+(?!(?:it|this|that|them|him|her|me|us|the|a|out|more)\b)[\"'@]?[\w.-]+[\"']?\s+(?:on|at"
    rf"|via)\s+(?:{APP}|{SPACED_APP.pattern})\b|\b(?:google|search|look\s+up)\b[^.!?]{{0,40}}\bthank\s+me\s+later\b"
    r"|\b[\w.-]+\s+at\s+(?:gmail|yahoo|proton|protonmail|outlook|hotmail|icloud)\s+dot\s+(?:com|me|net)\b"
)
# A referral code pays the writer: it is the offer and the way to take it up.
REFERRAL = (
    r"\buse\s+my\s+(?:referral\s+|promo\s+|invite\s+|discount\s+)?(?:code|link)\b(?=\s+[\w\"'])"
)
# Substrings one of which a CONTACT match must contain: a cheap test before the pattern.
CONTACT_HINTS = hints(
    "dm |text |message |send |find |search|look up|ask for|thank me later|gmail|yahoo|proton"
    "|outlook|hotmail|icloud"
)
SHORTCODE_HINTS = hints("text|txt|sms")
EVERY_COMMENT = hints("")
PASS_ON_HINTS = hints("forward|send|copy|share|repost|paste")
CHAIN_HINTS = hints("chain|reach|gets|midnight|confirmed")
DOTS_HINTS = hints(" .|dot|[.]|(.)")
REFERRAL_CODE = re.compile(REFERRAL)
REFERRAL_HINTS = hints("use")
# (code, substrings one of which a match must contain, pattern), as in services.spam_pitch
OFFERS = (
    (
        "income_claim",
        "%|pulling|making|clearing|earning|bringing|more than|bought|buys|got |from home",
        r"\b\d+(?:\.\d+)?\s?%\s+(?:guaranteed\s+)?(?:annual|monthly|weekly|daily|yearly)\s+(?:returns?|profits?"
        r"|interest|yield|gains?)\b|\b\d+\s?%\s+guaranteed\b|\bguaranteed\s+\d+\s?%|\b(?:now|currently)\s+"
        r"(?:pulling|making|clearing|earning|bringing\s+in)\s+(?:in\s+)?[$£€]\s?\d[\d,.]*k?\b|\bearn(?:s|ed|ing)?"
        r"\s+more\s+than\s+(?:my|a|your|his|her)\s+(?:\w+\s+)?(?:salary|wage|job|paycheck)\b|\b(?:bought|buys|got)"
        r"\s+(?:a|his|her|their)\s+(?:new\s+)?(?:lamborghini|lambo|ferrari|porsche|rolex|mansion)\b[^.!?]{0,40}"
        r"\b(?:trading|crypto|forex|bitcoin|bot|investing)\b|\b(?:earn|earns|earned|earning|make|making)\s+"
        r"(?:money\s+|cash\s+|a\s+living\s+|\d+k?\s+)?from\s+home\b",
    ),
    (
        "sales_offer",
        "credit|approval|collateral|prescription|discreet|limited|use my|warranty|hacker|cheating|licen"
        "|registered|buy|fast|need|looking|free|consolidat|monthly payment|instantly|ira",
        r"\bbad\s+credit\s+(?:ok|okay|accepted|welcome|no\s+problem|fine)\b|\bno\s+credit\s+checks?\b|\bapproval"
        r"\s+in\s+\d+\s+(?:minutes|mins|hours)\b|\bno\s+collateral\b|\binstant\s+approval\b|\bwithout\s+(?:a\s+)?"
        r"prescription\b|\bno\s+prescription\s+(?:needed|required)\b|\bdiscreet\s+(?:delivery|shipping|packag"
        r"(?:ing|e))\b|\blimited\s+(?:spots|places|slots|seats)\b|"
        rf"{REFERRAL}|\b(?:car|vehicle|auto)(?:'s)?\s+(?:extended\s+)?warranty\b[^.?!]{{0,30}}\b(?:expir|laps)"
        r"|\blicensed\s+hackers?\b|\bhire\s+an?\s+hacker\b|\bcheating\s+(?:spouse|partner|husband|wife)'?s?\s+"
        r"phone\b|\b(?:driving|driver'?s?)\s+licen[cs]e\s+without\s+(?:the\s+|an?\s+|any\s+)?(?:exam|test)\b"
        r"|\bregistered\s+in\s+the\s+system\b|\bbuy\s+(?:a\s+)?(?:real\s+)?(?:passport|driving\s+licen[cs]e|"
        r"diploma|degree)\b|\bfast-?track\s+(?:\w+\s+){0,2}(?:agent|agency|service)\b|\b(?:need|needs|looking"
        r"\s+for)\s+an?\s+(?:cheap|reliable|good|local|trusted|licensed)\s+(?:roofer|plumber|electrician|builder"
        r"|locksmith|handyman|mechanic|cleaner|painter|contractor|tree\s+surgeon)s?\b|\blicensed\s+and\s+insured"
        r"\b|\bfree\s+(?:quotes?|estimates?|info\s+kit)\b|\bconsolidate\s+(?:all\s+)?(?:your\s+|my\s+)?(?:debts?"
        r"|loans?|everything)\b|\bone\s+low\s+monthly\s+payment\b|\b(?:gives?|lend|loans?)\s+(?:up\s+to\s+)?"
        r"[$£€]?\d+k?\s+instantly\b|\bgold\s+ira\b|\bira\s+rollover\b",
    ),
    (
        "adult_bait",
        "girl|women|wives|ladies|milf|18+",
        r"\b(?:sexy|hot|lonely|naughty|horny)\s+(?:girls?|women|wives|ladies|milfs?)\s+(?:are\s+)?(?:waiting|want"
        r"|looking|near|online)\b|\b(?:girls?|women|ladies)\s+waiting\s+(?:to\s+chat|for\s+you)\b|\b18\+\s+only\b",
    ),
    (
        "testimonial",
        "mr|ms|dr",
        r"\b(?:mr|mrs|ms|dr)\.?\s+\w+(?:\s+\w+)?'s\s+\w+\s+(?:trading|investment|forex|crypto)\s+(?:group|"
        r"program|programme|signals|platform|strategy|team)\b|\b(?:financial|investment|crypto|trading|forex)\s+"
        r"(?:coach|mentor|expert|manager|adviser|advisor),?\s+(?:mr|mrs|ms|dr)\b",
    ),
)
OFFER_PATTERNS = rules(*OFFERS)
# A chain letter is an order to pass it on and a promise or threat that makes you obey.
PASS_ON = re.compile(
    r"\b(?:forward|send|copy|share|repost|paste)\s+(?:this|it)(?:\s+message|\s+post)?\s+to\s+(?:every(?:one|body)?"
    r"|all|\d+|ten|five|twenty)\b"
)
CHAIN = re.compile(
    r"\b(?:don'?t|do\s+not|never)\s+break\s+the\s+chain\b|\bif\s+this\s+(?:message\s+|post\s+)?(?:reaches|gets)"
    r"\s+\d+\s*(?:million|thousand|k|m)?\s+(?:people|shares|likes)\b|\bbefore\s+midnight\b|\bconfirmed\s+by\s+"
    r"(?:the\s+)?(?:bbc|cnn|police|microsoft|facebook|whatsapp)\b"
)
# News of a scam uses the scam's own words, and a reader mocking a chain letter quotes it.
TALK_OF_SCAMS = re.compile(
    r"\b(?:scams?|scammers?|fraud(?:sters?)?|ponzi|con\s?men|(?:police|regulators?|fca|sec|ftc)\s+"
    r"(?:warn|say|said)|warn(?:s|ed|ing)?\s+(?:of|about|that)|beware|falling\s+for|(?:report|study|investigation|police|"
    r"officials?)\s+(?:says?|said|found|finds))\b"
)
MOCKING = re.compile(
    r"\b(?:hoax(?:es)?|chain\s+(?:letters?|messages?|mails?)|falling\s+for|keeps?\s+(?:sending|forwarding)"
    r"|(?:got|get|received)\s+(?:one\s+of\s+)?(?:those|these|this|another)\b)"
)


def offer_signals(lower: str) -> tuple[list[Signal], bool]:
    """The disguised channels and link-free offers of a lowercased comment, and whether one
    of them is itself a way to respond (a dodged address, a spelled-out number, a chain
    letter's order to pass it on, a referral code)."""
    found = {
        "link": _hidden_links(lower),
        "phone_number": _spelled_numbers(lower),
        "sms_shortcode": gated(SPLIT_SHORTCODE, lower, SHORTCODE_HINTS),
        # only an app name with a gap inside ("w h a t s a p p")
        "contact_request": [
            hit for hit in gated(SPACED_APP, lower, EVERY_COMMENT) if not hit[2].isalpha()
        ]
        + gated(CONTACT, lower, CONTACT_HINTS),
    }
    channel = any(found.values())
    for code, needed, pattern in OFFER_PATTERNS:
        found.setdefault(code, []).extend(gated(pattern, lower, needed))
    if not channel and any(found.values()) and TALK_OF_SCAMS.search(lower):
        found = {code: [] for code in found}
    elif gated(REFERRAL_CODE, lower, REFERRAL_HINTS):
        channel = True
    pass_on = gated(PASS_ON, lower, PASS_ON_HINTS)
    chain = gated(CHAIN, lower, CHAIN_HINTS)
    if (pass_on or chain) and not MOCKING.search(lower):
        found["chain_letter"] = pass_on + chain
        # the order to pass the letter on, with the promise or threat behind it, needs no link
        channel = channel or bool(pass_on and chain)
    return [Signal(code, tuple(sorted(spans))) for code, spans in found.items() if spans], channel


def _hidden_links(lower: str) -> list[tuple[int, int, str]]:
    """Domains written with a spaced, bracketed or spelled-out dot, trusted sites left out."""
    if not DOTS_HINTS.found_in(lower):
        return []
    spans = []
    for m in HIDDEN_LINK.finditer(lower):
        dots, tld = m.group("dots"), m.group("tld")
        # a plain dot before a word-like ending, or after a word and before a space, is prose
        plain = dots.strip() == "." and not re.search(r"[\d-]", m.group("host"))
        prose = (plain and tld in WORDY) or (dots[0] == "." and (plain or tld in WORDY))
        if not prose and not TRUSTED.search(re.sub(DOT, ".", m.group())):
            spans.append((m.start(), m.end(), m.group()))
    return spans


def _spelled_numbers(lower: str) -> list[tuple[int, int, str]]:
    """Phone numbers of 9 to 15 digits spelled out in words or split by wide gaps."""
    return [
        r.span
        for r in phone_readings(lower)
        if r.words >= 2 or r.singles >= 6 or r.span[2].startswith("+")
    ]
