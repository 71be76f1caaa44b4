"""Toxicity: spellings that hide a word, names as the subject of an insult, group hatred and
the threats that name no weapon, each alone and beside the fair speech it must leave alone."""

from __future__ import annotations

import pytest

from services.normalize import normalize
from services.toxicity import NullScorer, assess
from services.toxicity_masking import masked
from services.toxicity_spelling import restored


def _categories(text: str) -> set[str]:
    return {hit.category for hit in assess(text, normalize(text).text, NullScorer()).hits}


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("starmer is a c*nt", "starmer is a cunt"),
        ("b*st*rds the lot of them", "bastards the lot of them"),
        ("what a f**king mess", "what a fucking mess"),
        ("k*ll all the ref*gees", "kill all the refugees"),
        ("a half-wit and a brain-dead troll", "a halfwit  and a braindead  troll"),
        ("*sigh* read the report", "*sigh* read the report"),  # emphasis, not a hidden word
        ("the t*x rise", "the t*x rise"),  # nothing listed fits
        ("a well-known anti-war mp", "a well-known anti-war mp"),
        ("fvck off", "fuck off"),  # a v for the u
        ("fvcking retardz", "fucking retards"),  # and a z for the plural's s
        ("the blitz and the ritz", "the blitz and the ritz"),  # no listed word ends so
        ("fvb vote", "fvb vote"),
    ],
)
def test_starred_and_hyphenated_spellings_are_read_as_the_word(written: str, read: str) -> None:
    assert restored(written) == read
    assert len(restored(written)) == len(written)


def test_a_respelled_word_is_reported_as_written() -> None:
    text = "navalny fans r all retardz"
    hits = assess(text, normalize(text).text, NullScorer()).hits
    assert ("insult", "retardz") in [(h.category, text[h.start : h.end]) for h in hits]


def test_a_joined_word_is_reported_as_written() -> None:
    text = "Typical half-wit."
    hits = assess(text, normalize(text).text, NullScorer()).hits
    assert [(h.category, text[h.start : h.end]) for h in hits] == [("insult", "half-wit")]


def test_a_whitespace_run_does_not_hide_a_phrase() -> None:
    assert "targeted_profanity" in _categories("f u c k   o f f  back to Moscow")
    assert "insult" in _categories("Thick as   pigshit, the lot of you.")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Zelensky is a cokehead clown in a sweatshirt.", "insult"),
        ("McConnell is a dried-up old turtle.", "insult"),  # a name with a capital inside
        ("Rayner is a thick chav slag.", "insult"),
        ("Anyone who votes Reform is a knuckle-dragging inbred racist.", "insult"),
        ("Trans freaks ruining everything.", "insult"),
        ("Nice profile pic. You look like a groomer.", "insult"),
        ("Pathetic excuse for a Prime Minister.", "insult"),
        ("sh1t for brains journalist", "insult"),
        ("Imagine being this stupid and still being allowed to vote.", "insult"),
        ("Get fucked, Dan.", "targeted_profanity"),
        ("Gypsies are thieving parasites.", "dehumanizing"),
        ("They're vermin, infesting every town.", "dehumanizing"),
        ("Lefties are mentally ill, it's a proven fact.", "hate"),
        ("Migrants are all rapists.", "hate"),
        ("The Jews control the banks and the media.", "hate"),
        ("Africans simply don't have the intelligence to run a country.", "hate"),
        ("Women like her belong in the kitchen.", "hate"),
        ("Somebody should drown him in the Thames.", "threat"),
        ("Somebody needs to take him out.", "threat"),
        ("Someone should torch that hotel with them all inside.", "threat"),
        ("Put Putin's head on a spike outside the Kremlin.", "threat"),
        ("Hope that copper gets his head kicked in.", "threat"),
        ("I hope her cancer spreads.", "threat"),
        ("Those strikers should be left to die in their own A&E.", "threat"),
        ("Biden should have been hanged for treason years ago.", "threat"),
        ("Bastards the lot of them, hang 'em.", "threat"),
        ("Sink the boats.", "threat"),
        ("Send them back in body bags.", "threat"),
        ("Wipe Gaza off the map and be done with it.", "threat"),
        ("Every Israeli is a legitimate target.", "threat"),
        ("A few of us are going down Saturday with bats.", "threat"),
        ("I know where the protesters meet.", "threat"),
        ("If that MP ever shows his face in my town again, watch out.", "threat"),
        ("Hope the next shooting is at your kids' school.", "threat"),
        ("Hope one of your migrants breaks into your house tonight.", "threat"),
        ("Where's a sniper when you need one.", "threat"),
        ("Next time he comes to my village he's leaving in an ambulance.", "threat"),
        ("Someone should pay her a visit.", "threat"),
        ("Somebody find out where this reporter lives.", "threat"),
        ("The reporter's home address isn't hard to find. Just saying.", "threat"),
        ("Boomers should all hurry up and fucking die.", "threat"),
        ("May she suffer slowly.", "threat"),
        ("Hope your chemo doesn't work.", "threat"),
        ("Burn the fucking hotels down.", "threat"),
        ("Violence is in their blood.", "hate"),
        ("Muslims can't integrate. Never have, never will.", "hate"),
        ("This is what happens when you let women vote.", "hate"),
        ("The Welsh are inbred anyway.", "hate"),
        ("Disabled people are a drain on the rest of us.", "hate"),
        ("Ukrainians are just a nation of beggars and Nazis.", "hate"),
        ("The tech bro's ex-wife is a gold-digging slag.", "insult"),
        ("d1ck-for-brains Poilievre strikes again", "insult"),
        ("what a p r i c k", "insult"),
        ("@JennyK send pics and I'll explain the budget to you in person babe", "sexual"),
        ("Muzzies out, the lot of them.", "slur"),
    ],
)
def test_each_kind_finds_its_category(text: str, category: str) -> None:
    assert category in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Brexit is a clown show.",
        "Brexit is a stupid idea.",
        "Johnson is a liar.",
        "Parliament is a circus.",
        "Trump's stupid tariffs will hurt farmers.",
        "They are not animals, they are people fleeing war.",
        "There are only animals in the zoo footage.",
        "We should kill the bill.",
        "Someone should burn the midnight oil at the Treasury.",
        "Patients were left to die in corridors, the report found.",
        "Soldiers came home in body bags in 1968.",
        "Dick Van Dyke is still dancing at 99.",
        "I hope the new boats arrive before winter.",
        "Anyone who thinks the budget is a good idea should read page 12.",
        "Women in Parliament are still too few.",
        "Voters will pay the price at the next election.",
        "May they win the next election.",
        "Disabled people are a priority in the new budget.",
        "The Welsh are voting on Thursday.",
        "Find out where your polling station is.",
    ],
)
def test_fair_speech_beside_those_kinds_raises_nothing(text: str) -> None:
    assert _categories(text) == set()


def test_a_rude_word_written_as_a_name_is_not_shown_to_the_model() -> None:
    words = ["dick", "van", "dyke", "dances"]
    assert masked(words, frozenset({"dick", "van", "dyke"})) == "van dances"
    assert "dyke" in masked(words).split()
