"""Toxicity phrase detectors, compiled, with each category's score and explanation."""

from __future__ import annotations

import re

from services.toxicity_abuse import ABUSE
from services.toxicity_harassment import HARASSMENT
from services.toxicity_hate import HATE
from services.toxicity_lexicon import word_set
from services.toxicity_sneer_patterns import SNEERS
from services.toxicity_threats import THREATS

# (category, words one of which must be present, a second such set or none, pattern), threats
# first, sneers last. Only a threat is dropped right after a word for a thing (NOT_PEOPLE,
# applied in services.toxicity_phrases): "the bill should be killed" threatens no one.
# Outside a look-behind (which must keep a fixed width), a space in a pattern matches any
# run of whitespace ("fuck   off" is "fuck off"), and an optional space ("pig ?shit") any
# run or none.
SPACE_OR_LOOKBEHIND = re.compile(r"\(\?<[!=][^()]*\)| \??")
WIDENED = {" ": r"\s+", " ?": r"\s*"}


def _compiled(pattern: str) -> re.Pattern[str]:
    """A detector's pattern, compiled with its spaces widened."""
    return re.compile(SPACE_OR_LOOKBEHIND.sub(lambda m: WIDENED.get(m.group(), m.group()), pattern))


DETECTORS = tuple(
    (category, word_set(first), word_set(second), _compiled(pattern))
    for category, first, second, pattern in THREATS + HARASSMENT + ABUSE + HATE + SNEERS
)
CATEGORY_SCORES = {
    "threat": 0.97,
    "self_harm": 0.97,
    "slur": 0.95,
    "sexual": 0.9,
    "dehumanizing": 0.93,
    "hate": 0.93,
    "xenophobic": 0.9,
    "insult": 0.9,
    "targeted_profanity": 0.9,
    "hostile_profanity": 0.9,
}
EXPLANATIONS = {
    "threat": "Contains a threat of violence",
    "self_harm": "Tells someone to harm themselves or wishes them dead",
    "slur": "Contains a slur",
    "sexual": "Sexually explicit language",
    "dehumanizing": "Describes people as animals or vermin",
    "xenophobic": "Tells people to go back where they came from",
    "hate": "Pins crimes, sickness or a conspiracy on a whole group of people",
    "insult": "Insults a person",
    "targeted_profanity": "Swears at someone",
    "hostile_profanity": "Swears while putting someone or something down",
    "toxic_language": "Reads as abusive to the toxicity model",
    "hostile_reply": "Talks to another reader in a tone the toxicity model reads as hostile",
    "abusive_comment": "Reads as abusive to the model fitted on labelled news comments",
}
