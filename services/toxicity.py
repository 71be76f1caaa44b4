"""Toxicity: word-list and phrase detectors, masking for the models, and the combined score."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from services.toxicity_lexicon import (
    ACCUSATIONS,
    ADDRESSED,
    BARRIERS,
    BE,
    BODY_WORDS,
    COLLECTIVES,
    ENGLISH,
    EXPLETIVE,
    FILLER,
    FOREIGN,
    GROUPS,
    HO_CALLS,
    INSULT_ADJ,
    INSULTING_WORDS,
    INSULTS,
    LAUGHTER,
    LEXICON,
    MASKABLE,
    MILD,
    NOT_PEOPLE,
    PORN_TOPICS,
    PUT_DOWNS,
    READER,
    STRONG_ADJ,
    STRONG_EXPLETIVE,
    SUBJECTS,
    THINGS,
    UNSCORED,
    YOU,
)
from services.toxicity_patterns import CATEGORY_SCORES, DETECTORS, EXPLANATIONS
from services.toxicity_scorers import (
    ENV_VAR,
    LinearScorer,
    NullScorer,
    ToxicityScorer,
    get_scorer,
)

__all__ = [
    "ENV_VAR",
    "EXPLANATIONS",
    "Assessment",
    "Hit",
    "LinearScorer",
    "NullScorer",
    "assess",
    "get_scorer",
    "masked",
]

QUOTE_MARKS = frozenset("'\"\u201c\u2018")
QUOTED = re.compile(
    r"(?:^|(?<=[\s(:,]))['\"\u201c\u2018]([^'\"\u201c\u201d\u2018\u2019\n]{1,120})['\"\u201d\u2019](?=$|[\s.,;:!?)])"
)
MARKUP = re.compile(r"&#?\w{1,8};|<[^<>]{0,200}>")
WORD = re.compile(r"[^\W\d_]+|\d+")
FREE_WORDS = 2  # unlisted words (adjectives we do not know) allowed before an insulting noun
PUT_DOWN_REACH = 4
SWEARING_REACH = 4  # words from a "you" within which a swear word still counts for the model
# A comment that talks to another reader ("you ...") is held at lower model scores than one
# that talks about the news: the model's log-odds gain this much, so that a model score of
# 0.32 reaches the default hold limit of 0.5. Chosen, and cross-validated, by
# `tools/train_models.py --tune-reply`.
REPLY_LOGIT = 0.75  # words either side of a swear word in which a put-down makes it abuse
# "..., loser!" at the very end, or "Shut it, snowflake." / "Keep crying, snowflake, ..."
VOCATIVE = re.compile(r"[,!]\s+(\w+)(?:[.!?]*\s*$|[.!?]+\s|,\s)")
NAMES_CALLED = INSULTS | MILD
# "..., you tinfoil-hat nutter." / "Learn to read, you illiterate muppet!": a closing
# "you" and up to two describing words before an insulting noun.
YOU_VOCATIVE = re.compile(r"[,!]\s+(?:you|u|ya)\s+((?:[\w'-]+\s+){0,2})(\w+)[.!?]*\s*$")


@dataclass(frozen=True)
class Hit:
    """A detector's finding, with its span in the normalised text."""

    category: str
    term: str
    start: int
    end: int


@dataclass(frozen=True)
class Assessment:
    """The toxicity verdict on one comment: combined score, model score and findings;
    `reply` is the model's score raised because the comment talks to another reader."""

    score: float
    model: float
    hits: list[Hit]
    reply: float = 0.0


@lru_cache(maxsize=65536)
def _is_expletive(word: str) -> bool:
    """True for swear words that may be censored instead of held."""
    return EXPLETIVE.fullmatch(word) is not None


@lru_cache(maxsize=65536)
def _is_strong_expletive(word: str) -> bool:
    """True for the swear words that turn a put-down into abuse."""
    return STRONG_EXPLETIVE.fullmatch(word) is not None


def _hostile_swearing(normalized: str, words: list[str], present: set[str]) -> list[Hit]:
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


def _skip(words: list[str], index: int, skippable: frozenset[str], limit: int) -> int:
    """The index of the first word from `index` on that is not skippable (at most `limit`)."""
    stop = min(len(words), index + limit)
    while index < stop and words[index] in skippable:
        index += 1
    return index


def _insulted(
    words: list[str],
    index: int,
    nouns: frozenset[str],
    adjectives: frozenset[str],
    *,
    loose: bool = False,
) -> int:
    """Where an insult ends if one starts at `index` ("a complete moron", "a corrupt little
    parasite": after "a", or anywhere when `loose`, up to two words not on our lists may stand
    before the noun), else -1."""
    skippable = FILLER | adjectives
    end = _skip(words, index, skippable, 5)
    if end < len(words) and words[end] in nouns:
        return end
    if not loose and (index >= len(words) or words[index] not in ("a", "an")):
        return end - 1 if any(w in adjectives for w in words[index:end]) else -1
    free = 0
    for at in range(end, min(len(words), index + 7)):
        word = words[at]
        if word in nouns and word not in BODY_WORDS:
            return at
        if word in BARRIERS and (free or word not in skippable):
            break
        if word in skippable:
            continue
        if free == FREE_WORDS:
            break
        free += 1
    return end - 1 if any(w in adjectives for w in words[index:end]) else -1


def _directed(words: list[str]) -> list[tuple[int, int]]:
    """Word ranges that call the reader or a person names: "you are a clown", "he is dumb"."""
    found = []
    for i, word in enumerate(words):
        end = -1
        if word in ADDRESSED:
            nouns = INSULTS if word in ("your", "ur", "yer") else INSULTS | MILD
            end = _insulted(words, _skip(words, i + 1, BE, 2), nouns, INSULT_ADJ)
        elif word in SUBJECTS and i + 1 < len(words) and words[i + 1] in BE:
            end = _insulted(words, i + 2, INSULTS | (MILD - ACCUSATIONS), STRONG_ADJ)
        elif word in STRONG_ADJ and i + 1 < len(words) and words[i + 1] in GROUPS:
            end = i + 1
        elif word == "what" and i + 1 < len(words) and words[i + 1] in ("a", "an"):
            # a noun is needed: "what a stupid plan" criticises the plan
            end = _insulted(words, i + 1, INSULTS | (MILD - ACCUSATIONS), frozenset())
        elif word in COLLECTIVES and i + 1 < len(words) and words[i + 1] == "of":
            end = _insulted(words, i + 2, INSULTS | (MILD - ACCUSATIONS), FILLER, loose=True)
        if end >= i:
            found.append((i, end))
    return found


def _lexical(normalized: str, words: list[str], present: set[str]) -> list[Hit]:
    """Slurs, insulting nouns and insults aimed at someone, located in the text."""
    if present.isdisjoint(INSULTING_WORDS):
        return []
    ranges = [
        (i, i, LEXICON[w]) for i, w in enumerate(words) if w in LEXICON and not _harmless(words, i)
    ]
    ranges += [(start, end, "insult") for start, end in _directed(words)]
    if not ranges:
        return []
    spans = [m.span() for m in WORD.finditer(normalized)]
    return [
        Hit(category, normalized[spans[a][0] : spans[b][1]], spans[a][0], spans[b][1])
        for a, b, category in ranges
    ]


def _harmless(words: list[str], index: int) -> bool:
    """Whether the listed word at `index` is used in another sense: "porn" naming a subject
    of the news ("paid a porn star", "revenge porn"), "a chink in the armour", "gobbledygook"."""
    word, before = words[index], words[index - 1] if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    if word in ("porn", "porno"):
        return after in PORN_TOPICS or before in ("revenge", "child")
    if word in ("chink", "chinks"):
        return after == "in"
    return word == "gook" and before in ("gobbledy", "gobbledee", "gobble", "de")


def _unquoted(hits: list[Hit], normalized: str) -> list[Hit]:
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


def _patterns(normalized: str, present: set[str]) -> list[Hit]:
    """Threats, self-harm, dehumanising and the other phrase patterns."""
    hits = []
    for tail in VOCATIVE.finditer(normalized):
        # inside the text, "cowards, traitors, liars" is more often a list of accusations
        at_end = not normalized[tail.end() :].strip()
        if tail.group(1) in (MILD if at_end else MILD - ACCUSATIONS):
            hits.append(Hit("insult", tail.group(1), tail.start(1), tail.end(1)))
    hits += _closing_insult(normalized, present)
    for category, first, second, pattern in DETECTORS:
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


def masked(words: list[str]) -> str:
    """The words the model should judge. Identity words, dialect spellings and the call "ho"
    ("ho ho ho", "hi ho") never count; swearing (or "lmfao") counts only within a few words of
    a "you": "fuck you" is abuse, "what the fuck, you forget" is colour. A comment that
    addresses someone ("you") is judged on all its other words; one that addresses no one
    also loses its strong news words and any insulting adjective that describes a plan or a
    policy, so that "this policy is stupid" or "kill the bill" reads as what it is."""
    present = set(words)
    if "ho" in present:
        words = [w for i, w in enumerate(words) if w != "ho" or not _a_call(words, i)]
    addressed = not present.isdisjoint(YOU)
    drop = present & (UNSCORED if addressed else MASKABLE)
    swearing = [i for i, word in enumerate(words) if _is_expletive(word) or word in LAUGHTER]
    if swearing:
        near = [i for i, word in enumerate(words) if word in YOU]
        drop |= {words[i] for i in swearing if not any(abs(i - j) <= SWEARING_REACH for j in near)}
    if not drop:
        return " ".join(words)
    kept = []
    for i, word in enumerate(words):
        if word in drop and not (
            word in INSULT_ADJ and THINGS.isdisjoint(words[max(0, i - 3) : i + 3])
        ):
            continue
        kept.append(word)
    return " ".join(kept)


def _a_call(words: list[str], index: int) -> bool:
    """Whether the "ho" at `index` is a call or a laugh ("ho ho", "hi ho", "gung-ho")."""
    before = words[index - 1] if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    return before in HO_CALLS or after == "ho"


def _cleaned(normalized: str) -> str:
    """Normalised text with curly apostrophes straightened and HTML blanked, same length."""
    normalized = normalized.replace("\u2019", "'")
    if "&" in normalized or "<" in normalized:
        normalized = MARKUP.sub(lambda m: " " * len(m.group()), normalized)
    return normalized


def assess(text: str, normalized: str, scorer: ToxicityScorer | None = None) -> Assessment:
    """Score `text`, given its lowercased normalised form, with the detectors and the model."""
    normalized = _cleaned(normalized)
    words = WORD.findall(normalized)
    present = set(words)
    if _foreign(words):
        # Not English: slurs and explicit words still count; English insults and the English
        # model would misread the language's own words.
        hits = [h for h in _lexical(normalized, words, present) if h.category != "insult"]
        return Assessment(max([0.0, *(CATEGORY_SCORES[h.category] for h in hits)]), 0.0, hits)
    hits = _unquoted(
        _lexical(normalized, words, present)
        + _patterns(normalized, present)
        + _hostile_swearing(normalized, words, present),
        normalized,
    )
    model = (scorer or get_scorer()).score(text, masked(words))
    reply = _as_reply(model) if not present.isdisjoint(READER) else 0.0
    score = max([model, reply, *(CATEGORY_SCORES[hit.category] for hit in hits)])
    return Assessment(score=score, model=model, hits=hits, reply=reply)


def _foreign(words: list[str]) -> bool:
    """Whether a comment is mostly in another language: at least three common Dutch,
    German, Spanish or French words, and more of them than common English ones."""
    foreign = sum(word in FOREIGN for word in words)
    return foreign >= 3 and foreign > sum(word in ENGLISH for word in words)


def _as_reply(model: float) -> float:
    """The model's probability with REPLY_LOGIT added to its log-odds."""
    if model <= 0.0 or model >= 1.0:
        return model
    odds = model / (1.0 - model) * math.exp(REPLY_LOGIT)
    return odds / (1.0 + odds)
