"""Spam signals for the pitches news-comment spammers make (income claims, dating and adult
bait, requests to get in touch on another app) and the rule that an offer together with a way
to respond off-site is a sales pitch, whatever the rest of the words say.

These signals are never features of the fitted model: its training data (YouTube and SMS
spam) barely holds them, so they carry fixed log-odds instead (services.spam_model)."""

from __future__ import annotations

import re

from services.spam_lures import lure_signals
from services.spam_offers import offer_signals
from services.spam_signals import Signal, rules

AMOUNT = r"[$£€]\s?\d[\d,.]*\s?k?"
PER = r"(?:a|an|per|every|each)\s+(?:day|week|month|hour)|daily|weekly|monthly|hourly|/\s?(?:hr|hour|day)"
# Income claims, in three patterns so that each runs only where its own words are: a sum of
# money by the day or month, "made 5k", and the stock lines of get-rich adverts.
INCOME_RATE = re.compile(rf"{AMOUNT}(?:\s?-\s?{AMOUNT})?\s?(?:{PER})\b")
INCOME_MADE = re.compile(
    r"\b(?:make|makes|made|making|earn|earns|earned|earning)\s+(?:up to\s+|over\s+|around\s+)?"
    r"\d[\d,.]*k\b"
)
INCOME_LINES = re.compile(
    rf"\bturned\s+{AMOUNT}\s+into\s+{AMOUNT}|\bquit\s+my\s+(?:9-5|9 to 5|day job|job)\b|\bno "
    rf"experience\s+(?:needed|required)\b|\b(?:one|this)\s+weird\s+trick\b|\bdoctors\s+hate\b|\bpaid "
    rf"off\s+my\s+(?:mortgage|debts?|loans?)\b|\b\d+x\s+my\s+(?:old\s+)?salary\b|\bfrom\s+(?:my|your|her|"
    rf"his|the)\s+(?:phone|laptop)\b|\b\d+x\s+(?:gem|returns?|profits?|gains?)\b|\bto\s+the\s+moon\b|"
    rf"\bpre-?sale\b|\binvest\s+(?:in\s+\w+\s+)?now\b|\bfree\s+(?:stock|trading|investment|betting)\s+"
    rf"(?:tips|signals)\b"
)
SALES_OFFER = re.compile(
    r"\bonly\s+[$£€]\s?\d|\blimited\s+(?:supply|stock|edition)\b|\buse\s+(?:the\s+)?(?:code|coupon|"
    r"promo\s+code)\s+\w+|\bat\s+checkout\b|\bworldwide\s+shipping\b|\bbuy\s+(?:\d+k?\s+)?(?:\w+\s+)?"
    r"(?:followers|likes|views|subscribers)\b|\bno\s+sign\s?-?up\b|\bno\s+registration\b|\b(?:companies|"
    r"banks|doctors|experts)\s+(?:are\s+furious|hate\s+(?:this|him|her|it))\b|\bbook\s+(?:a|your)\s+"
    r"(?:free\s+)?(?:session|call|consultation|appointment)\b|\bbook\s+now\b|\bcompare\s+prices\b|"
    r"\bdownload\s+(?:the\s+|our\s+|my\s+)?(?:\w+\s+){0,2}app\b|\bfree\s+(?:robux|v-?bucks)\b"
)
CHAIN_LETTER = re.compile(
    r"\bcopy\s+(?:and\s+paste|this)\b[^.!?]{0,60}\b(?:articles?|comments?|sites?|pages?|everyone)\b"
    r"|\bshare\s+this\s+(?:to|with|on)\s+every\b|\bor\s+you'?ll\s+have\s+bad\s+luck\b"
)
TESTIMONIAL = re.compile(
    r"\bthanks\s+to\s+(?:mr|mrs|ms|dr)\.?\s+\w+|\b(?:mr|mrs|ms|dr)\.?\s+\w+(?:\s+\w+)?'s\s+(?:trading|"
    r"investment|forex|crypto|program|programme|signals)\b|\brecover(?:ed|y)?\s+(?:your\s+|my\s+)?(?:lost\s+)?"
    r"(?:crypto|funds|bitcoin)\b|\bcured\s+my\s+(?:husband|wife|son|daughter|mother|father|mum|dad)\b|"
    r"\bherbal\s+(?:medicine|cure|doctor)\b|\bgrateful\s+client\b|\bi\s+recommend\s+everyone\s+to\b|"
    r"\bsearch\s+(?:them|him|her)\s+up\b|\bchanged\s+my\s+life\b.{0,40}\b(?:trading|crypto|forex|invest)"
    r"|\bspiritual\s+healer\b|\bbring\s+back\s+(?:your\s+|a\s+|my\s+)?(?:lost\s+|ex\s+)?lover\b|"
    r"\blove\s+spells?\b"
)
ADULT_BAIT = re.compile(
    r"\bhot\s+singles\b|\b(?:mature\s+)?singles\s+(?:near\s+you|in\s+your\s+area)\b|\badult\s+"
    r"(?:chat|dating|cams?|content)\b|\bgirls?\s+(?:online\s+now|near\s+you|in\s+your\s+area)\b|\bsexy"
    r"[\s-]?cams?\b|\bhook\s?ups?\s+(?:tonight|near)\b|\bsugar\s+(?:daddy|daddies|baby|babies)\b"
)
CONTACT_REQUEST = re.compile(
    r"\b(?:add|follow|message|text|find|contact|dm|write)\s+(?:me|us|him|her)\s+(?:on|at)\s+"
    r"(?:snap(?:chat)?|insta(?:gram)?|tiktok|telegram|whatsapp|facebook|fb|kik|signal|wechat)\b"
    r"|\blinks?\s+in\s+(?:my\s+|the\s+)?(?:bio|profile)\b|\b[\w.-]+\s?[(\[]at[)\]]\s?\w+\s?[(\[]dot[)\]]"
    r"|\bon\s+(?:instagram|insta|tiktok|telegram|x)\s+@\w+|\bask\s+me\s+how\b(?!\s+(?:i|we)\s+(?:cope|manage|feel|know|survive|live))|\breply\s+[\"']?\w+[\"']?"
    r"\s+for\s+(?:details|info|more)\b"
)
# A computer's address ("edited from 78.144.87.71") reads as a phone number, but nobody is
# asked to ring it.
IPV4 = re.compile(r"(?:\d{1,3}\.){3}\d{1,3}")
# The pitch rules (services.spam_signals.Rule).
RULES = rules(
    ("income_claim", "$|£|€", INCOME_RATE),
    ("income_claim", "make|made|earn", INCOME_MADE),
    (
        "income_claim",
        "turned|quit|experience|weird|doctors|paid off|salary|phone|laptop|moon|sale|invest"
        "|free|x ",
        INCOME_LINES,
    ),
    ("adult_bait", "single|adult|girl|sexy|hook|sugar", ADULT_BAIT),
    (
        "contact_request",
        "snap|insta|tiktok|telegram|whatsapp|facebook|fb|kik|signal|wechat|bio|profile|at)"
        "|at]|@|ask me|reply",
        CONTACT_REQUEST,
    ),
    (
        "sales_offer",
        "only|limited|code|checkout|shipping|buy|sign|registration|furious|hate|book|compare"
        "|app|robux|bucks",
        SALES_OFFER,
    ),
    (
        "testimonial",
        "mr|mrs|ms|dr|recover|cured|herbal|grateful|recommend|search|changed my life"
        "|healer|lover|spell",
        TESTIMONIAL,
    ),
    ("chain_letter", "copy|share this|bad luck", CHAIN_LETTER),
)

# An offer, and a way to take it up away from the comment thread. A plain link is a way only
# for the offers no comment makes; a deal or "my page" beside a link is often a citation
# ("won the Nobel prize: https://...").
OFFERS = frozenset({"crypto_bait", "income_claim", "adult_bait", "sales_offer", "testimonial"})
WEAK_OFFERS = frozenset({"money_bait", "self_promotion"})
CHANNELS = frozenset(
    {
        "link_shortener",
        "blocked_domain",
        "contact_handle",
        "contact_request",
        "phone_number",
        "sms_shortcode",
    }
)


def pitch_signals(lower: str, found: list[Signal]) -> list[Signal]:
    """The pitch signals of a lowercased comment, and "sales_pitch" when an offer comes with
    a way to respond, given the content signals already `found`."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for code, hints, pattern in RULES:
        if hints.found_in(lower):
            spans.setdefault(code, []).extend(
                (m.start(), m.end(), m.group()) for m in pattern.finditer(lower)
            )
    disguised, disguised_channel = offer_signals(lower)
    codes = {signal.code for signal in found + disguised} | set(spans)
    reachable = disguised_channel or not codes.isdisjoint(CHANNELS | {"link"})
    lures, lure_channel, whole = lure_signals(lower, reachable=reachable)
    pitches = _merge(spans, disguised + lures)
    if whole or _a_pitch(pitches, found, disguised_channel=disguised_channel or lure_channel):
        return [*pitches, Signal("sales_pitch")]
    # the lures are looser than the other signals: they count only when they make a pitch
    return _merge(spans, disguised)


def _merge(spans: dict[str, list[tuple[int, int, str]]], more: list[Signal]) -> list[Signal]:
    """One signal a code (so that a code's log-odds count once) from `spans` and `more`."""
    merged = {code: list(hits) for code, hits in spans.items()}
    for signal in more:
        merged.setdefault(signal.code, []).extend(signal.spans)
    return [Signal(code, tuple(sorted(set(hits)))) for code, hits in merged.items() if hits]


def _a_pitch(pitches: list[Signal], found: list[Signal], *, disguised_channel: bool) -> bool:
    """Whether the signals hold an offer and a way to take it up off-site."""
    codes = {signal.code for signal in found + pitches if _a_way_to_respond(signal, found)}
    offer = (disguised_channel and "chain_letter" in codes) or not codes.isdisjoint(OFFERS)
    channel = disguised_channel or not codes.isdisjoint(CHANNELS)
    return (
        (offer and (channel or "link" in codes))
        or (channel and not codes.isdisjoint(WEAK_OFFERS))
        or {"contact_handle", "phone_number"} <= codes  # "WhatsApp +234 ..."
    )


def _a_way_to_respond(signal: Signal, found: list[Signal]) -> bool:
    """False for a "phone number" that is only a computer's address or digits inside a link."""
    if signal.code != "phone_number":
        return True
    links = [span for s in found if s.code == "link" for span in s.spans]
    return any(
        not IPV4.fullmatch(text) and not any(a <= start and end <= b for a, b, _ in links)
        for start, end, text in signal.spans
    )
