"""The news-comment toxicity model: a logistic regression over a comment's words and word
pairs, fitted by tools/train_comments.py on labelled news comments. It catches the insults,
sneers and hatred of comment threads that the patterns have no phrase for and that
alt-profanity-check, fitted on tweets and Wikipedia talk pages, scores low.

Identity words and dialect spellings are never features (services.toxicity_lexicon.UNSCORED):
a comment is not abusive for naming a people or writing as its speakers do."""

from __future__ import annotations

import math
import re
from itertools import pairwise, repeat

from services.model_files import linear_weights, model_file
from services.normalize import normalize
from services.toxicity_hits import WORD
from services.toxicity_insult_words import ACCUSATIONS, INSULTS, MILD
from services.toxicity_lexicon import (
    GROUPS,
    IDENTITY,
    INSULT_ADJ,
    STRONG_ADJ,
    SUBJECTS,
    YOU,
    word_set,
)
from services.toxicity_masking import masked
from services.toxicity_sneers import PERSON_NOUNS
from services.toxicity_spelling import cleaned_text, restored

DATA = model_file("comment_model.json")
PEOPLE = (
    YOU
    | SUBJECTS
    | IDENTITY
    | GROUPS
    | word_set("they them he she him her his hers their theirs we us our i me my mine")
)
# Praise of a person or a comment, which the model's words read like the sneers it learned.
PRAISE = re.compile(
    r"(?i)\b(?:we need more people like|people like you make (?:this|the|it)|well said|thank you"
    r"|thanks for (?:this|that|the|your)|great (?:point|comment|post|piece|article)|hats off to)\b"
)
# One of these words is in every praise PRAISE knows: the cheap test before it.
PRAISE_WORDS = word_set("people well thank thanks great hats")
# A capitalised word that does not start a sentence: a name, most often.
NAME_INSIDE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\b")
# Words of grammar, never features alone, nor as a pair of two: in a few thousand comments
# they pick up the shape of the insults ("is a", "the lot") and then weigh on fair ones.
FUNCTION = word_set(
    """the a an and or but of to in on at by for with from as is are was were be been being
    am it its this that these those there here he she they we i me him her them us his hers
    their our my your you has have had do does did will would should could can may might must
    shall not no so if then than too very just all any some each every lot who whom which what
    when where why how about into over after before up down out off again only own same"""
)

# Words read both as themselves and as one of a kind, so that what the model learns of the
# insults in its training comments carries over to those it never saw in them ("a lying
# buffoon" is read as "a @insult" too): names people are called, and unkind words for them.
# Accusations ("liar", "lapdog", "hypocrite") are fair words of a public figure, so not a kind.
NAME_CALLED = "@insult"
UNKIND = "@unkind"
KINDS = dict.fromkeys(
    INSULTS
    | (MILD - ACCUSATIONS)
    | PERSON_NOUNS
    | word_set(
        """thug thugs brat brats zealot zealots cultist cultists lunatic lunatics maniac maniacs
        crony cronies chav chavs hippy hippies bully bullies imbecile imbeciles cretin cretins
        dimwit dimwits nitwit nitwits twit twits dullard dullards ignoramus ignoramuses
        psychopath psychopaths sociopath sociopaths lowlife lowlifes scumbag scumbags hick
        hicks redneck rednecks yokel yokels pleb plebs oik oiks harridan harridans shrew
        shrews crone crones thot thots gobshite gobshites bellend bellends halfwit halfwits
        dipshit dipshits freeloader freeloaders layabout layabouts wastrel wastrels"""
    ),
    NAME_CALLED,
) | dict.fromkeys(
    INSULT_ADJ
    | STRONG_ADJ
    | word_set(
        """deranged spineless gutless whiny whining dozy gormless witless halfwitted dimwitted
        demented unhinged loathsome repulsive despicable odious vile spoilt spoiled
        snivelling sniveling grubby slimy sleazy smug senile feeble mental psycho"""
    ),
    UNKIND,
)


def about_people(text: str, words: set[str]) -> bool:
    """Whether a comment speaks to or of people (a pronoun, a role, a group, a name written
    with a capital inside a sentence) without praising them: only then does the model's
    verdict count, since the abuse it learned is aimed at someone ("the fog was too thick to
    see" is not) and its words cannot tell praise from a sneer ("people like you make this
    thread worth reading")."""
    if PEOPLE.isdisjoint(words) and NAME_INSIDE.search(text) is None:
        return False
    return PRAISE_WORDS.isdisjoint(words) or PRAISE.search(text) is None


def words_of(text: str) -> list[str]:
    """A comment's words as the toxicity detectors read them."""
    return WORD.findall(restored(cleaned_text(normalize(text).text)))


def features_of(words: list[str], judged: str | None = None) -> set[str]:
    """The model's features: the words the toxicity model may judge (services.toxicity_masking:
    no identity words or dialect spellings, and strong news words only in a comment aimed at
    someone; `judged` when the caller has them already), adjacent pairs, and pairs with one
    word between them ("is _ clown" for "is a clown", "is the clown"); and the same read with
    each insult or unkind word as its kind (KINDS), where they hold one."""
    kept = (masked(words) if judged is None else judged).split()
    found = _grams(kept)
    if not KINDS.keys().isdisjoint(kept):
        found.update(gram for gram in _grams([KINDS.get(w, w) for w in kept]) if "@" in gram)
    return found


def _grams(kept: list[str]) -> set[str]:
    """The words, adjacent pairs and pairs with one word between of `kept`, grammar alone
    left out."""
    pairs = (f"{a} {b}" for a, b in pairwise(kept) if a not in FUNCTION or b not in FUNCTION)
    skips = (
        f"{a} _ {c}"
        for a, c in zip(kept, kept[2:], strict=False)
        if a not in FUNCTION or c not in FUNCTION
    )
    return {*(word for word in kept if word not in FUNCTION), *pairs, *skips}


def features(text: str) -> set[str]:
    """The model's features of a raw comment (what training reads)."""
    return features_of(words_of(text))


def _weights() -> tuple[float, dict[str, float]]:
    """The fitted intercept and weights."""
    return linear_weights(DATA)


def probability(words: list[str], judged: str | None = None) -> float:
    """The model's probability that a comment with these words (of which `judged`, when
    given, are the masked ones) is toxic."""
    intercept, weights = _weights()
    logit = intercept + math.fsum(map(weights.get, features_of(words, judged), repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, logit))))
