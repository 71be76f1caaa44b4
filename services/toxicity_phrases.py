"""Toxicity in phrases: the pattern detectors, names called at the end of a comment, swearing
at a put-down, and reported speech left out."""

from __future__ import annotations

import re
from functools import lru_cache

from services.toxicity_hits import WORD, Hit
from services.toxicity_lexicon import (
    ACCUSATIONS,
    ADDRESSED,
    BARRIERS,
    INSULTS,
    MILD,
    NOT_PEOPLE,
    PUT_DOWNS,
    STRONG_EXPLETIVE,
    word_set,
)
from services.toxicity_patterns import DETECTORS, _compiled
from services.toxicity_sneers import PERSON_NOUNS

QUOTE_MARKS = frozenset("'\"\u201c\u2018")
QUOTED = re.compile(
    r"(?:^|(?<=[\s(:,]))['\"\u201c\u2018]([^'\"\u201c\u201d\u2018\u2019\n]{1,120})['\"\u201d\u2019](?=$|[\s.,;:!?)])"
)
PUT_DOWN_REACH = 4  # words either side of a swear word in which a put-down makes it abuse
# "..., loser!" at the very end, or "Shut it, snowflake." / "Keep crying, snowflake, ..."
VOCATIVE = re.compile(r"[,!]\s+(\w+)(?:[.!?]*\s*$|[.!?]+\s|,\s)")
NAMES_CALLED = INSULTS | MILD
# "..., you tinfoil-hat nutter." / "Learn to read, you illiterate muppet!": a closing
# "you" and up to two describing words before an insulting noun.
YOU_VOCATIVE = re.compile(r"[,!]\s+(?:you|u|ya)\s+((?:[\w'-]+\s+){0,2})(\w+)[.!?]*\s*$")
# "..., the leeches." or a last sentence of one word, "Degenerates.": a name called.
CLOSING_NAME = re.compile(r"(?:,\s+the\s+|(?:^|[.!?]\s+))(\w+)[.!?]*\s*$")
CLOSING_NAMES = (
    (INSULTS | MILD | PERSON_NOUNS) - ACCUSATIONS - {"garbage", "trash", "embarrassment"}
)

_DIM = (
    r"potato|turnip|cabbage|lettuce|carrot|tomato|rock|brick|plank|pebble|goldfish|gnat|amoeba"
    r"|squirrel|toddler|doorknob|houseplant|sponge|walnut|pea|peanut|raisin|jellyfish|hamster"
    r"|fruit fly|sea cucumber|cucumber|slug|teaspoon|sandwich|lemming|mollusc|banana"
)
# Sneers with no insulting word, as (category, words one of which must be present, a second
# such set or none, pattern), the way services.toxicity_abuse writes them.
SNEERS: tuple[tuple[str, str, str, str], ...] = (
    (
        "insult",
        "iq intelligence brain brains brainpower brained smooth",
        "",
        r"\biq (?:of|lower than|below|less than|smaller than) (?:room temperature|(?:an?|his|her"
        r"|their|your) (?:\w+ )?(?:" + _DIM + r"|shoe size))\b"
        r"|\b(?:intelligence|brains?|brainpower|mental age|iq) of an? (?:\w+ )?(?:" + _DIM + r")\b"
        r"|\bbrains? (?:is|are|was) (?:an?|the size of an?) (?:\w+ )?(?:marble|pea|peanut|walnut"
        r"|raisin)\b|\bsmooth ?brain(?:ed|s)?\b|\b(?:stroke|pea|bird|worm|lizard|mush|porridge"
        r")[ -]?brained\b",
    ),
    (
        "insult",
        "gene",
        "pool",
        r"\bgene pool (?:needs|could use|could do with|requires) (?:a )?(?:lifeguard|chlorine)"
        r"|\bshallow end of the gene pool\b",
    ),
    (
        "insult",
        "garbage trash scum",
        "people humans human person persons individuals",
        # "the show is trash, people" without its comma calls no one trash
        r"(?<!is )(?<!are )(?<!s )\b(?:garbage|trash|scum) (?:people|humans|human beings|persons?"
        r"|individuals)\b",
    ),
    (
        "insult",
        "basement",
        "dweller dwellers dwelling",
        r"\bbasement[ -]?dwell(?:er|ers|ing)\b",
    ),
    (
        "insult",
        "cares",
        "what",
        r"\b(?:nobody|no one|no-one|noone) (?:cares|gives a \w+) (?:about )?what (?:you|u|ya|"
        r"(?:an?|some) (?:[\w'-]+ ){0,3}?(?:loser|virgin|troll|neckbeard|incel|nobody|bot|"
        r"keyboard warrior|dweller|neet)s?) (?:think|thinks|say|says|has to say|have to say)\b",
    ),
    (
        "insult",
        "disappointed ashamed embarrassed",
        "must",
        r"\b(?:your|ur|his|her|their) (?:poor )?(?:parents|mum|mom|mother|dad|father|family|folks"
        r"|kids|children) must be (?:so |very |really |deeply |terribly )?(?:disappointed|"
        r"ashamed|embarrassed)\b",
    ),
    (
        "insult",
        "imagine",
        "raising raised birth related married",
        r"\bimagine (?:raising|having raised|giving birth to|being (?:related|married) to) "
        r"(?:this|that|you|him|her|them)(?=\s*(?:[.!?,;]|$))",
    ),
    (
        "insult",
        "touched kissed reek reeks stink",
        "",
        r"\b(?:never|not once|nobody has ever|no one has ever) (?:\w+ )?(?:been )?(?:touched|"
        r"kissed)(?: by)? an? (?:real )?(?:woman|girl|man)\b|\b(?:you|u) (?:reek|stink) of\b",
    ),
    (
        "insult",
        "school read",
        "back learn",
        r"(?:^|[.!?,]\s*|\b(?:you|u) (?:should|need to|ought to|must|could) )(?:go back to "
        r"(?:school|primary school|kindergarten|nursery)|learn to read)\b",
    ),
    (
        "insult",
        "hire hires",
        "affirmative dei diversity token",
        r"\b(?:affirmative action|dei|diversity|token) hires?\b(?! (?:policy|policies|rules?|"
        r"programmes?|programs?|schemes?|targets?|quotas?|practices?|process))",
    ),
    (
        "insult",
        "real man woman",
        "not call even",
        r"(?:\bnot|n't|\bisnt|\baint) even an? real (?:man|woman)\b|\b(?:he|she|you|u)(?:'s| is| are|'re| r)? not an? "
        r"real (?:man|woman)\b|\bcalls? (?:yourself|himself|themselves) an? (?:man|woman)\b",
    ),
)
SNEER_DETECTORS = tuple(
    (category, word_set(first), word_set(second), _compiled(pattern))
    for category, first, second, pattern in SNEERS
)


def pattern_hits(normalized: str, present: set[str]) -> list[Hit]:
    """Threats, self-harm, dehumanising and the other phrase patterns."""
    hits = []
    for tail in VOCATIVE.finditer(normalized):
        # inside the text, "cowards, traitors, liars" is more often a list of accusations
        at_end = not normalized[tail.end() :].strip()
        if tail.group(1) in (MILD if at_end else MILD - ACCUSATIONS):
            hits.append(Hit("insult", tail.group(1), tail.start(1), tail.end(1)))
    hits += _closing_insult(normalized, present)
    closing = CLOSING_NAME.search(normalized)
    if closing and closing.group(1) in CLOSING_NAMES:
        hits.append(Hit("insult", closing.group(1), closing.start(1), closing.end(1)))
    for category, first, second, pattern in DETECTORS + SNEER_DETECTORS:
        if first.isdisjoint(present) or (second and second.isdisjoint(present)):
            continue
        for m in pattern.finditer(normalized):
            before = WORD.findall(normalized, max(0, m.start() - 20), m.start())
            if category == "threat" and before and before[-1] in NOT_PEOPLE:
                continue
            hits.append(Hit(category, m.group(0).strip(" ,.!?"), m.start(), m.end()))
    return hits


def _closing_insult(normalized: str, present: set[str]) -> list[Hit]:
    """A name called at the end of a comment: "..., you tinfoil-hat nutter." """
    closing = YOU_VOCATIVE.search(normalized) if not ADDRESSED.isdisjoint(present) else None
    if not closing or closing.group(2) not in NAMES_CALLED:
        return []
    if not BARRIERS.isdisjoint(closing.group(1).split()):
        return []  # "..., you voted for clowns" names what was voted for
    return [Hit("insult", closing.group(2), closing.start(2), closing.end(2))]


@lru_cache(maxsize=65536)
def _is_strong_expletive(word: str) -> bool:
    """True for the swear words that turn a put-down into abuse."""
    return STRONG_EXPLETIVE.fullmatch(word) is not None


def hostile_swearing(normalized: str, words: list[str], present: set[str]) -> list[Hit]:
    """A strong swear word next to a put-down: "fucking clowns, the lot of them", "what a
    fucking disgrace". Swearing in delight ("fucking love this") stays censorable."""
    if present.isdisjoint(PUT_DOWNS):
        return []
    for index, word in enumerate(words):
        if _is_strong_expletive(word) and not PUT_DOWNS.isdisjoint(
            words[max(0, index - PUT_DOWN_REACH) : index + PUT_DOWN_REACH + 1]
        ):
            start, end = next(
                m.span() for i, m in enumerate(WORD.finditer(normalized)) if i == index
            )
            return [Hit("hostile_profanity", normalized[start:end], start, end)]
    return []


def unquoted(hits: list[Hit], normalized: str) -> list[Hit]:
    """Drop pattern hits inside quotation marks: reported speech ("he said they 'should be
    shot'") is news, not a threat by the commenter. Slurs and sexual terms stay."""
    if not hits or not QUOTE_MARKS.intersection(normalized):
        return hits
    quoted = [m.span(1) for m in QUOTED.finditer(normalized)]
    return [
        hit
        for hit in hits
        if hit.category in ("slur", "sexual")
        or not any(start <= hit.start and hit.end <= end for start, end in quoted)
    ]
