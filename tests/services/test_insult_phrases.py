"""Insults aimed at a person with no listed insulting word, or with one that names
something else beside a noun: sneered-at accusations, hyphenated describing words, nouns
that insult only a person, names for a party's voters, and sneers about someone's brain,
upbringing or love life; each beside the fair speech that looks like it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services import toxicity_phrases
from services.normalize import normalize
from services.toxicity import NullScorer, assess


def _categories(text: str) -> set[str]:
    return {hit.category for hit in assess(text, normalize(text).text, NullScorer()).hits}


@pytest.mark.parametrize(
    "text",
    [
        # a name, "is a", describing words (hyphenated or not), and a noun for a person
        "Patel is a smug, sneering gremlin.",
        "Abbott is a dribbling buffoon.",
        "Mitch is a dried-up turtle who should have retired.",
        "Cruz is a thick-as-two-planks weasel in a cheap suit.",
        "He's a smooth-brained goblin.",
        "She is a pea-brained bimbo.",
        # a plain accusation, sneered at
        "Musk is a coke-snorting fraud.",
        "Sunak's a gormless little man.",
        "Tories are spineless cowards.",
        # "<name> the ... <noun>" and "looks like a ..."
        "Farage the frog-faced grifter is back.",
        "Trump the senile clown.",
        "Harris sounds like a drunk donkey braying.",
        "Spoken like a true moron.",
        # a group's members as people
        "Reform voters are mindless sheep.",
        "Fox viewers are brainwashed zombies, every one.",
        "Democrats are gutless inbreds, all of them.",
        "Dems are democraps, simple.",
        "MAGAts will believe anything.",
        "Typical libtarded take.",
        "Those garbage people should be ashamed.",
        # brains and IQ
        "Honestly, the man has the brainpower of a cabbage.",
        "She has an IQ lower than her shoe size.",
        "That guy's brain is the size of a pea.",
        "Their whole family's gene pool could use a lifeguard.",
        "Stroke-brained old fool.",
        # sneers with no insulting word
        "No one cares what some washed-up keyboard warrior says.",
        "Found the basement-dweller.",
        "His mother must be so embarrassed.",
        "Imagine giving birth to that.",
        "You stink of desperation.",
        "Wrong again, go back to school.",
        "He isn't even a real man.",
        "She's a DEI hire, nothing more.",
        # a name called at the very end
        "They wanted handouts for nothing, the leeches.",
        "Look at the state of the front bench. Degenerates.",
    ],
)
def test_insults_without_a_listed_word_are_found(text: str) -> None:
    assert "insult" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same nouns naming something else
        "Vegetable growers face labour shortages.",
        "Turtle doves are in decline across Britain.",
        "Sheep farmers in Wales are angry about the subsidy.",
        "Zombie firms are a drag on productivity.",
        "The zombie knife ban comes in next month.",
        "They are sheep farmers, not politicians.",
        "Labour's plan is a zombie plan.",
        "Brexit is a clown-show from start to finish.",
        "Night of the Living Dead is a zombie classic.",
        # accusations said plainly, and policies
        "The man is a liar and a fraud.",
        "Starmer is a fraud on the economy, his numbers never add up.",
        "The budget is a fraud on taxpayers.",
        "He is a hack at the Mail.",
        # self-deprecation and reporting
        "I'm a drooling vegetable before my coffee.",
        "I look like a zombie today after the night shift.",
        "My brain is a sieve these days.",
        # names with a title or a role
        "Obama the president was different from Obama the candidate.",
        "Winner: the moderator. Loser: anyone who wanted details on the NHS.",
        "The Greens are a different animal entirely.",
        "Rishi is a thick-skinned operator.",
        "Biden looks like a man who needs a rest.",
        # look-alikes of the sneers
        "Nobody cares what the polls say this far out.",
        "Imagine raising three kids on that wage.",
        "My kids go back to school on Monday.",
        "I had to go back to school to retrain as a nurse.",
        "He is a real man of the people.",
        "It is not even a real issue.",
        "Spoken like someone who has never worked in the NHS.",
        "Spoken like a true professional.",
        "The firm defended its diversity hires policy.",
        "The show is trash people, skip it.",
        "Pathetic. Cowards.",
    ],
)
def test_fair_speech_beside_those_insults_raises_nothing(text: str) -> None:
    assert _categories(text) == set()


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["you", "the", "clown", "a", ",", ".", "!", " ", "  ", "\n"])))
def test_closing_names_are_found_from_the_last_blanks_as_from_the_start(parts: list[str]) -> None:
    text = "".join(parts)
    for pattern in (toxicity_phrases.CLOSING_NAME, toxicity_phrases.YOU_VOCATIVE):
        whole = pattern.search(text)
        tail = pattern.search(text, toxicity_phrases._last_runs(text))
        assert (whole and (whole.span(), whole.groups())) == (tail and (tail.span(), tail.groups()))
