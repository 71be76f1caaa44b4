"""Toxicity: the combined score of the word-list and phrase detectors and the model."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from services import toxicity_comments
from services.toxicity_hits import WORD, Hit
from services.toxicity_insults import idioms, lexical_hits
from services.toxicity_lexicon import ENGLISH, FOREIGN, READER
from services.toxicity_masking import NAME_WORDS, masked
from services.toxicity_patterns import CATEGORY_SCORES, EXPLANATIONS
from services.toxicity_phrases import hostile_swearing, pattern_hits, unquoted
from services.toxicity_scorers import (
    ENV_VAR,
    LinearScorer,
    NullScorer,
    ToxicityScorer,
    get_scorer,
)
from services.toxicity_spelling import cleaned_text, restored

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

CAPITALISED = re.compile(r"\b(?:Ma?c|De|Di|La|Le)?[A-Z][a-z]+\b")
# A comment that talks to another reader ("you ...") is held at lower model scores than one
# that talks about the news: the model's log-odds gain this much, so that a model score of
# 0.32 reaches the default hold limit of 0.5. Chosen, and cross-validated, by
# `tools/train_models.py --tune-reply`, which sets it to 0 here while it measures.
REPLY_LOGIT = 0.75


@dataclass(frozen=True)
class Assessment:
    """The toxicity verdict on one comment: combined score, model score and findings;
    `reply` is the model's score raised because the comment talks to another reader, and
    `comments` the probability from the model fitted on news comments."""

    score: float
    model: float
    hits: list[Hit]
    reply: float = 0.0
    comments: float = 0.0


def assess(text: str, normalized: str, scorer: ToxicityScorer | None = None) -> Assessment:
    """Score `text`, given its lowercased normalised form, with the detectors and the model."""
    cleaned = cleaned_text(normalized)
    normalized = restored(cleaned)
    words = WORD.findall(normalized)
    present = set(words)
    if _foreign(words):
        # Not English: slurs and explicit words still count; English insults and the English
        # model would misread the language's own words.
        hits = [h for h in lexical_hits(normalized, words, present) if h.category != "insult"]
        return Assessment(max([0.0, *(CATEGORY_SCORES[h.category] for h in hits)]), 0.0, hits)
    names = _names(text)
    hits = unquoted(
        lexical_hits(normalized, words, present, names)
        + pattern_hits(normalized, present)
        + hostile_swearing(normalized, words, present),
        normalized,
    )
    if normalized != cleaned:
        hits = [_whole_word(hit, cleaned) for hit in hits]
    judged = masked(words, names)
    idiomatic = idioms(words, present)
    if idiomatic:  # the news-comment model reads `judged` as its training did
        unidiomatic = [w for i, w in enumerate(words) if i not in idiomatic]
        model = (scorer or get_scorer()).score(text, masked(unidiomatic, names))
    else:
        model = (scorer or get_scorer()).score(text, judged)
    reply = _as_reply(model) if not present.isdisjoint(READER) else 0.0
    comments = 0.0
    if toxicity_comments.about_people(text, present):
        # the news-comment model reads rude names as words ("Dick Cheney" is masked only
        # for alt-profanity-check's model), so it masks again only where that differs
        unnamed = judged if present.isdisjoint(names & NAME_WORDS) else None
        comments = toxicity_comments.probability(words, unnamed)
    score = max([model, reply, comments, *(CATEGORY_SCORES[hit.category] for hit in hits)])
    return Assessment(score=score, model=model, hits=hits, reply=reply, comments=comments)


def _names(text: str) -> frozenset[str]:
    """The words `text` writes with a capital and then small letters, lowercased: a
    name is among them ("Starmer", "Zelensky", and with a prefix "McConnell", "DeSantis")."""
    return frozenset(word.lower() for word in CAPITALISED.findall(text))


def _whole_word(hit: Hit, cleaned: str) -> Hit:
    """`hit` reaching to the end of its word as written: "ass-hole", joined as "asshole ",
    is found one letter short."""
    end = hit.end
    while end < len(cleaned) and cleaned[end].isalpha():
        end += 1
    return hit if end == hit.end else replace(hit, end=end)


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
