"""Spam lures that slip past the other pitch signals: addresses dodged in new ways (letters
spaced out, a leet ending, "remove the dot", a split e-mail), phone numbers mixing digits and
number words, and pitches complete without a link (a keyword to message, a named rescuer of
lost crypto, a referral bonus, a miracle pill, a podcast to search for).

Like services.spam_offers these are never features of the fitted model: they reuse the codes
of services.spam_pitch, so they carry the same fixed log-odds."""

from __future__ import annotations

import re
import unicodedata

from services.spam_keywords import LURE_OFFERS
from services.spam_links import dodged_addresses
from services.spam_offers import MOCKING
from services.spam_signals import Signal, Spans, gated, hints, rules
from services.spam_text import near_helpline, spelled_phones

# "(remove the dot)", "(replace x with 7)": the writer spells out the dodge.
UNDO = re.compile(r"\((?:remove|delete|replace|swap)\s+(?:the\s+)?[\w.]+(?:\s+with\s+\w+)?\)")
BRACKET = hints("(")
# News about scams and adverts quotes their offers ("claims you'll lose 10kg in 10 days").
LURE_TALK = re.compile(
    r"\b(?:scams?|scammers?|fraud(?:sters?)?|ponzi|con\s?men|fake|spam(?:mers)?|bots?|adverts?|ads|hoax(?:es)?"
    r"|claim(?:s|ed)\s+(?:you|to|that)|chain\s+(?:letters?|messages?|mails?)|warn(?:s|ed|ing)?|beware|(?:report|study|investigation|police|officials?)\s+(?:says?|said|found|"
    r"finds))\b"
)


# Ways to respond that name no address: an app handle, a name to search, "message me".
LURE_CHANNELS = rules(
    (
        "contact_request",
        ":|@|join|search|google|look up|find|follow|platforms|listen|hit |linktr",
        r"\b(?:tg|telegram|insta(?:gram)?|ig|tiktok|snap(?:chat)?|twitter|discord)\s?:\s?(?:@\w+|[a-z]+[._\d]"
        r"[\w.]*)|\b(?:insta|ig|tg)\s+@\w+|\bfollow\s+@\w+|\blinktr\.ee/\w+|\bjoin\s+(?:my|our)\s+(?:free\s+|"
        r"private\s+|vip\s+)?(?:discord|telegram|whatsapp|group|channel|server)\b|\b(?:search|google|look\s+up)"
        r"\s+(?:for\s+)?(?:my\s+\w+\s+)?[\"\u201c'\u2018][^\"\u201d'\u2019\n]{2,40}[\"\u201d'\u2019]|\b(?:find|search|follow)\s+(?:us|me|[\w.-]+)"
        r"\s+on\s+(?:etsy|fiverr|spotify|amazon|apple\s+podcasts|youtube|tiktok|patreon|onlyfans)\b|\bsearch\s+"
        r"(?:it|them|him|her)\s+up\b|\bon\s+all\s+platforms\b|\bgive\s+it\s+a\s+listen\b|\bhit\s+(?:follow|"
        r"subscribe)\b",
    ),
    (
        "contact_request",
        "dm|pm|inbox|message|text|whatsapp|bio|profile|register|apply|sign up|order|switch",
        r"\b(?:dm|pm|inbox|message|text|whatsapp)\s+(?:me|us)\b|\bdm\s+for\b|\b(?:number|links?|details|info)\s+"
        r"(?:is\s+|are\s+)?(?:in|on)\s+my\s+(?:bio|profile)\b|\b(?:check|see)\s+my\s+(?:bio|profile)\b|\b(?:register"
        r"|apply|order|sign\s+up)\s+(?:now|here|today|at)\b|\bswitch\s+at\b",
    ),
    (
        "phone_number",
        "call|ring|text|whatsapp|phone",
        r"\b(?:call|ring|text|whatsapp|phone)\s+(?:\w+\s+){0,2}(?:on|at)\s+\+?\d[\d ]{8,14}\d",
    ),
)
# Pitches whole without an address: the keyword to message, the referral bonus, the miracle.
LURE_PITCHES = rules(
    (
        "contact_request",
        "message|dm|text|pm|inbox|whatsapp|comment|reply|type|show",
        r"\b(?:message|dm|text|pm|inbox|whatsapp)\s+(?:me|us)\s+(?:with\s+)?[\"\u201c'\u2018][a-z]+[\"\u201d'\u2019]|\b(?:comment|"
        r"reply|type)\s+[\"\u201c'\u2018]?[a-z]+[\"\u201d'\u2019]?\s+(?:and|&)\s+i'?ll\s+(?:dm|message|inbox|send|contact)|\b(?:message"
        r"|dm|text|pm|inbox)\s+(?:me|us)\s+to\s+(?:learn|find\s+out)\s+how\b|\bdm\s+(?:me\s+)?for\s+(?:a|the|your)"
        r"\s+(?:code|discount|link)\b|\b(?:dm|message)\s+me,?\s+i'?ll\s+show\s+you\s+how\b|\bhappy\s+to\s+show\s+"
        r"(?:anyone|you)\s+how\b|\breply\s+with\s+your\s+(?:email|e-mail|number|details|full\s+name)\b",
    ),
    (
        "sales_offer",
        "sign up|both get|referral|code|lose|% off|guaranteed|millionaire|rx|prescription|giving away",
        r"\bsign\s+up\s+(?:with|via|using|through)\s+my\s+(?:link|code|referral)\b|\bwe\s+both\s+get\b|\b(?:register"
        r"|join)\s+(?:via|with|through)\s+my\s+referral\b|\buse\s+code\s+\w+\s+for\s+(?:a\s+)?(?:free|\d+\s?%|[£$€])"
        r"|\blose\s+\d+\s?(?:kg|lbs?|stone|pounds)\s+in\s+\d+\s+(?:days|weeks)\b|\b\d+\s?%\s+off\b[^.!?]{0,25}\b"
        r"(?:today|tonight|this\s+(?:weekend|week))\s+only\b|\bguaranteed\s+[£$€]\s?\d[\d,]*k?\s+(?:grant|payment"
        r"|loan|cash|refund)\b|\bbecome\s+a\s+millionaire\s+in\s+\d+\s+(?:days|weeks|months)\b|\b(?:tramadol|"
        r"xanax|valium|oxycodone|adderall|diazepam)\b.{0,40}?(?:\bno\s+rx\b|\bwithout\s+(?:a\s+)?prescription\b)"
        r"|\bgiving\s+away\b[^.!?]{0,30}\bat\s+\d+k\b|\buse\s+(?:discount\s+|promo\s+|coupon\s+)?code\s+[a-z]+\d+\b",
    ),
    (
        "testimonial",
        "testify|thank|mr|mrs|ms|dr|spell|spiritual",
        r"\btestify\b[^.!?]{0,40}\b(?:good|great|wonderful|amazing)\s+work\b|\b(?:thanks\s+to|thank\s+you)\s+(?:mr|mrs|ms|dr)\.?\s+\w+[^.!?]{0,80}"
        r"\b(?:(?:trading|investment|crypto|forex)\s+(?:platform|account|strategy)|account\s+manager|recover)|\b(?:mr|mrs|ms|dr)\.?\s+\w+[^.!?]{0,30}\bhelped\s+me\s+"
        r"(?:recover|get\s+back)\b|\b(?:spells?|spiritual\s+help)\s+brought\s+(?:my\s+\w+|him|her)\s+(?:back|home)\b",
    ),
    (
        "chain_letter",
        "forward|send|share|copy|repost",
        r"\b(?:forward|send|share|copy\s+and\s+paste|copy|repost)\s+this\b[^.!?]{0,30}\b(?:\d+|ten|five|seven)\s+"
        r"(?:people|friends|others|groups)\b[^.!?]{0,30}\bbad\s+luck\b",
    ),
    (
        "self_promotion",
        "podcast",
        r"\bmy\s+(?:new\s+)?(?:[\w-]+\s+){0,2}podcast\b[^.!?]{0,60}\b(?:just\s+dropped|out\s+now|on\s+all\s+platforms|"
        r"give\s+it\s+a\s+listen|hit\s+(?:follow|subscribe))",
    ),
)


def lure_signals(lower: str, *, reachable: bool) -> tuple[list[Signal], bool, bool]:
    """The lure signals of a lowercased comment, whether one of them is a way to respond,
    and whether one is a whole pitch on its own; offers are looked for only when the comment
    is `reachable` off-site or holds a way to respond of its own."""
    text = lower if lower.isascii() else unicodedata.normalize("NFKC", lower)
    text = text if len(text) == len(lower) else lower  # spans must point into the comment
    spans: dict[str, Spans] = {}
    dodged, rare = dodged_addresses(text)
    dodged += gated(UNDO, text, BRACKET)
    phones, dialled = spelled_phones(text)
    complete = bool(dodged or dialled)
    spans["link"] = dodged + rare
    spans["phone_number"] = phones
    channel = complete or bool(phones or rare)
    for code, needed, pattern in LURE_CHANNELS:
        hits = [hit for hit in gated(pattern, text, needed) if not near_helpline(text, hit[0])]
        spans.setdefault(code, []).extend(hits)
        channel = channel or bool(hits)
    # news of a scam quotes its offer; only an address dodged on purpose outweighs that
    talk: bool | None = False if complete else None  # looked for once there is an offer
    offers = LURE_OFFERS if reachable or channel else ()
    for table, whole in ((offers, False), (LURE_PITCHES, True)):
        for code, needed, pattern in table:
            hits = gated(pattern, text, needed)
            if hits and talk is None:
                talk = LURE_TALK.search(text) is not None
            if talk or (hits and code == "chain_letter" and MOCKING.search(text)):
                hits = []
            spans.setdefault(code, []).extend(hits)
            complete = complete or (whole and bool(hits))
    signals = [Signal(code, tuple(sorted(set(hits)))) for code, hits in spans.items() if hits]
    return signals, channel, complete
