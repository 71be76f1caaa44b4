"""Toxicity: alt-profanity-check's probability reproduced, detectors, masking, scorer choice."""

from __future__ import annotations

import math
import random

import pytest

from services import toxicity
from services.normalize import normalize
from services.toxicity import LinearScorer, NullScorer, assess, get_scorer

SENTENCES = [
    "",
    "   ",
    "the and of",
    "You are an IDIOT!!! go away",
    "Thanks for the careful edit, much appreciated.",
    "Ünïcödé Straße İstanbul naïve café",
    "fuck fuck fuck this shit",
    "I don't think that's right; see the 2019 report.",
]


def _texts(count: int) -> list[str]:
    """Random texts built from the model's own vocabulary, plain words and punctuation."""
    scorer = LinearScorer()
    vocabulary = sorted(scorer._load())
    plain = [
        "the",
        "a",
        "policy",
        "vote",
        "bill",
        "minister",
        "you",
        "your",
        "we",
        "they",
        "said",
        "war",
        "peace",
        "2024",
        "ok",
    ]
    rng = random.Random(7)
    texts = list(SENTENCES)
    for _ in range(count):
        words = rng.choices(vocabulary, k=rng.randint(1, 12)) + rng.choices(plain, k=3)
        rng.shuffle(words)
        texts.append(
            " ".join(w.upper() if rng.random() < 0.1 else w for w in words)
            + "!?."[rng.randint(0, 2)]
        )
    return texts


def test_probability_equals_profanity_check() -> None:
    profanity_check = pytest.importorskip("profanity_check")
    texts = _texts(300)
    expected = profanity_check.predict_prob(texts)
    scorer = LinearScorer()
    for text, reference in zip(texts, expected, strict=True):
        assert scorer.probability(text) == pytest.approx(float(reference), abs=1e-6)


def _categories(text: str) -> set[str]:
    return {hit.category for hit in assess(text, normalize(text).text, NullScorer()).hits}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("People like you should be shot.", "threat"),
        ("Get back in the kitchen, love.", "insult"),
        ("He needs a kick in the teeth.", "threat"),
        ("You deserve a good hiding.", "threat"),
        ("The MP is a useless drip.", "insult"),
        ("He is a fookin toad.", "insult"),
        ("What an asshat.", "insult"),
        ("Krauts never change.", "slur"),
        ("The debate went on for hours. Useless tossers.", "insult"),
        ("He voted against it again. Greedy little pig.", "insult"),
        ("Israeli pigs.", "dehumanizing"),
        ("Migrant scum, the lot of them.", "dehumanizing"),
        ("Go back 2 Africa.", "xenophobic"),
        ("1488, brothers.", "hate"),
        ("Time for a day of the rope.", "hate"),
        ("14/88, stand up.", "hate"),
        ("Die in a fire.", "self_harm"),
        ("Honestly. Just die in a fire.", "self_harm"),
        ("Drop dead.", "self_harm"),
        ("That pundit should drop dead.", "self_harm"),
        ("Rest in pieces, then.", "self_harm"),
        ("I know where you live.", "threat"),
        ("I will find you and your family.", "threat"),
        ("Someone should put a bullet in him.", "threat"),
        ("Hang them all from the lampposts.", "threat"),
        ("I hope you die in a fire.", "threat"),
        ("Kill yourself.", "self_harm"),
        ("kys loser", "self_harm"),
        ("You people are animals.", "dehumanizing"),
        ("Immigrants are vermin.", "dehumanizing"),
        ("Go back to where you came from.", "xenophobic"),
        ("Send them all back.", "xenophobic"),
        ("Fuck you and your party.", "targeted_profanity"),
        ("Just shut up.", "targeted_profanity"),
        ("You are a complete moron.", "insult"),
        ("You stupid clown, read the article.", "insult"),
        ("The minister is a disgusting pig.", "insult"),
        ("Get a life, loser!", "insult"),
        ("You liar, that is not what the report says.", "insult"),
        ("Gas the lot of them.", "threat"),
        ("Go back to Africa where you belong.", "xenophobic"),
        ("What a waste of space.", "insult"),
        ("What a fucking disgrace.", "hostile_profanity"),
        ("Fucking clowns, the lot of them.", "hostile_profanity"),
        ("This writer is a f.u.c.k.i.n.g hack.", "hostile_profanity"),
        ("The chancellor is a gutless little worm.", "insult"),
        ("The cabinet are a pack of lying rats.", "insult"),
        ("Bunch of inbred hillbillies.", "insult"),
        ("Shut it, snowflake. The grown-ups are talking.", "insult"),
        ("Somebody shut this clown up.", "insult"),
        ("Filthy migrants, all of them.", "insult"),
        ("He should be dragged out of office and strung up.", "threat"),
        ("If I see that traitor I'll knock his teeth out.", "threat"),
        ("I will punch him if he shows up.", "threat"),
        ("Deport every last one of these parasites.", "xenophobic"),
        ("Honestly you're too thick to be allowed to vote.", "insult"),
        ("Keep crying, snowflake, nobody cares.", "insult"),
        ("What a clueless buffoon.", "insult"),
        ("The home secretary is a vile, heartless witch.", "insult"),
        ("Sod off back to Brussels.", "targeted_profanity"),
        ("Fuck this government and everyone in it.", "targeted_profanity"),
        ("Shove your petition where the sun doesn't shine.", "targeted_profanity"),
        ("Lazy scroungers, gas the lot.", "threat"),
        ("Somebody should teach that journalist a lesson she won't forget.", "threat"),
        ("His lot are a bunch of clowns.", "insult"),
        ("Get lost, nobody asked.", "targeted_profanity"),
        ("They breed like rats.", "dehumanizing"),
        ("Traitors like him deserve to hang.", "threat"),
        ("Learn to read, you ignorant bigot.", "insult"),
        ("Politicians are all parasites and leeches.", "insult"),
        ("This thread is full of brainless sheep.", "insult"),
        ("Take your theories elsewhere, you tinfoil-hat nutter.", "insult"),
        ("Typical voter: thick as mince.", "insult"),
        ("The whole front bench is dumb as a box of rocks.", "insult"),
        ("Shoot every last one of the protesters.", "threat"),
        ("Hope your house floods next winter.", "threat"),
        ("These bloody foreigners want everything.", "hostile_profanity"),
        ("Migrants are an invasion of cockroaches.", "dehumanizing"),
        ("Those protesters are human garbage.", "dehumanizing"),
        ("You are a knuckle-dragging troglodyte.", "insult"),
        ("What a spineless little toerag.", "insult"),
        ("You lapdog.", "insult"),
        ("Anyone who believes this is too dim to read a bus timetable.", "insult"),
        ("String him up from the nearest lamppost.", "threat"),
        ("Round them all up and put them in camps.", "threat"),
        ("Send the lot of them to the gas chambers.", "threat"),
        ("It would be a shame if something happened to his kids.", "threat"),
        ("Someone should put him six feet under.", "threat"),
        ("She is a hideous old hag.", "insult"),
        ("You have the IQ of a doorknob.", "insult"),
        ("Did your parents drop you on your head as a baby?", "insult"),
    ],
)
def test_each_pattern_finds_its_category(text: str, category: str) -> None:
    assert category in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kill the bill.",
        "This policy is stupid.",
        "The bill should be killed in committee.",
        "The army should be shot of these old tanks.",
        "A hung parliament looks likely.",
        "The war criminals responsible for the bombing of Kyiv must face trial.",
        "Putin is a murderer.",
        "You are right about the pension reform.",
        "We will beat them at the next election.",
        "You're dead right about the budget.",
        "God bless the firefighters.",
        "The general said deserters 'should be shot', and the room went silent.",
        "The president is a liar and the fact-checkers have the receipts.",
        "Hope the new ambassador does a better job.",
        "The bill should be amended and killed in committee.",
        "You just fed the trolls, congratulations.",
        "We saw a bunch of bad ass birds of prey.",
        "He is a friend of the clowns in the cabinet? No.",
        "Holy shit, what a result for the Greens.",
        "The fog was too thick to see the stage.",
        "We will knock them out of the cup next week.",
        "What a hack job the committee did on the report, frankly.",
        "The phone hack scandal is back in court.",
        "The party should hang on to its rural voters.",
        "Get lost in the detail and you miss the point.",
        "Screw the polls, go out and vote.",
        "Why the fuck this keeps happening at every count is beyond me.",
        "What a stupid plan.",
        "He called them cowards, traitors, liars, and worse.",
        "What a pathetic speech from the chancellor.",
        "Stick it out until the election, then decide.",
        "They should kill the lot of amendments in one vote.",
        "Old industries deserve to die if they cannot compete.",
        "The bill will die in a committee room, as they all do.",
        "The party needs a good kicking at the ballot box.",
        "The vote was close. Lucky dog, that candidate.",
        "The economy needs a kick up the backside.",
        "Layla Moran asked the question in the Commons.",
        "The door knob came off in my hand.",
        "The tariff is £14.88 a month, up from £12.",
        "Turnout was 14.88% in the ward.",
        "Her dress at the gala was drop dead gorgeous.",
        "Two firefighters were hurt as the car caught fire.",
        "The vase was smashed to pieces in the raid.",
        "They are all tired after the count.",
        "Thanks for the link, you absolute legend.",
        "The fog was thick as soup over the count.",
        "Every last one of the votes was counted by hand.",
        "I hope your house sale goes through before the rate rise.",
        "Bloody hell, the foreigners' vote went to the Greens.",
        "Human waste is pouring into the rivers again.",
        "The minister is Washington's lapdog, and the vote proved it.",
        "Vulture funds are circling the council's debt.",
        "The report is too dense to read in one sitting.",
        "String the bunting up before the rally.",
        "The gas chambers at Auschwitz killed a million people.",
        "It would be a shame if the bill failed at third reading.",
        "The IQ test results were published today.",
        "He dropped the bill on the Speaker's desk.",
        "We need more people like you on the council.",
        "People like you make this thread worth reading.",
    ],
)
def test_strong_but_legitimate_political_language_raises_nothing(text: str) -> None:
    assert _categories(text) == set()
    assert assess(text, normalize(text).text).score < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "The hall was full of voters and a few clowns from the circus.",
        "Round them all up for the team photo.",
        "The senator is a bigot, and his voting record shows it.",
        "After the count I had to get back to the kitchen before the roast burned.",
        "The farm keeps rare Chinese pigs and Irish cattle.",
        "The delegation will go back to Africa on Tuesday for the summit.",
        "Voters will teach them a lesson at the ballot box.",
    ],
)
def test_sentences_the_model_misjudges_raise_no_detector(text: str) -> None:
    # The rules only: the news-comment model scores these invented sentences just over 0.5
    # ("full of", "voters", "round them", "is a bigot", "back to the kitchen", a people and a
    # farm animal, "go back to", "teach them a lesson"), some of its false alarms; the model
    # is measured on whole files in bench/.
    assert _categories(text) == set()


def test_swearing_is_abuse_only_beside_a_put_down() -> None:
    assert "hostile_profanity" in _categories("You are all fucking useless.")
    assert "hostile_profanity" not in _categories("I fucking love this speech.")
    # the put-down must stand near the swear word, not anywhere in a long comment
    far = "Fuck, I missed the vote. " + "The count went on all night in the hall. " * 3
    assert "hostile_profanity" not in _categories(far + "Awful weather too.")


def test_porn_as_the_subject_of_a_story_is_not_explicit() -> None:
    assert "sexual" not in _categories("The hush money paid to a porn star is the whole case.")
    assert "sexual" not in _categories("Revenge porn should carry a prison sentence.")
    assert "sexual" in _categories("Send me porn, darling.")


def test_a_slur_spelled_inside_an_idiom_is_not_a_slur() -> None:
    assert _categories("The leak is a chink in the government's armour.") == set()
    assert _categories("The bill is gobbledy gook from start to finish.") == set()
    assert _categories("He called them chinks.") == {"slur"}


@pytest.mark.parametrize(
    "text",
    [
        "Another cock-up at the Home Office, the forms went out with the wrong dates.",
        "Back of a fag packet maths from the Treasury yet again.",
        "There's finally a chink of light in the pay talks.",
        "Pussy Riot went to prison for a protest in a cathedral.",
    ],
)
def test_idioms_of_british_politics_are_not_slurs_or_sexual(text: str) -> None:
    assert _categories(text) == set()
    assert assess(text, normalize(text).text).score < 0.5  # nor does a model read them so


@pytest.mark.parametrize(
    "text",
    [
        "Am I an idiot for fixing for two years? Asking honestly.",
        "I'm such an idiot, I forgot to register to vote.",
        "Pensioners are the big losers in this budget.",
        "Renters are the losers from this, as usual.",
    ],
)
def test_a_writer_calling_themselves_names_or_saying_who_loses_out_insults_no_one(
    text: str,
) -> None:
    assert "insult" not in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "You are an idiot.",
        "He is such an idiot.",
        "They are losers.",
        "You are the losers in this.",
    ],
)
def test_the_same_names_for_someone_else_still_insult(text: str) -> None:
    assert "insult" in _categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Shut up, you fag.", "slur"),
        ("He is a cock.", "sexual"),
        ("Nice pussy, darling.", "sexual"),
    ],
)
def test_the_same_words_outside_those_idioms_still_count(text: str, category: str) -> None:
    assert category in _categories(text)


def test_crude_body_words_are_censorable_not_held() -> None:
    assert "sexual" not in _categories("Nice tits on that statue in the square.")
    assert "sexual" in _categories("Send me a blowjob video.")


def test_masking_keeps_strong_words_only_when_aimed_at_the_reader() -> None:
    assert "stupid" not in toxicity.masked(toxicity.WORD.findall("this policy is stupid"))
    assert "stupid" in toxicity.masked(toxicity.WORD.findall("you are stupid"))
    assert "kill" not in toxicity.masked(toxicity.WORD.findall("kill the bill"))
    assert "gay" not in toxicity.masked(toxicity.WORD.findall("you are gay"))


def test_words_for_where_people_come_from_never_count_for_the_model() -> None:
    for text in ("I'm a redneck from Tennessee", "you grew up in the ghetto", "colored folk"):
        kept = toxicity.masked(toxicity.WORD.findall(text.lower())).split()
        assert {"redneck", "ghetto", "colored"}.isdisjoint(kept)
    assert assess("I'm a redneck and proud of it", "i'm a redneck and proud of it").score < 0.5


def test_dialect_spellings_do_not_make_a_comment_toxic() -> None:
    text = "dey finna go to da store wit dem kids smh"
    assert LinearScorer().probability(text) > 0.5  # what the model alone would say
    assert assess(text, normalize(text).text).score < 0.5
    assert "bitch" in toxicity.masked(toxicity.WORD.findall("dat bitch wit u"))


def test_ho_as_a_call_or_a_laugh_is_not_a_name() -> None:
    for text in ("ho ho ho, another tax cut for the rich", "gung-ho about the war again"):
        assert LinearScorer().probability(text) > 0.5  # what the model alone would say
        assert assess(text, normalize(text).text).score < 0.5
    assert "ho" in toxicity.masked(toxicity.WORD.findall("she is a ho"))


def test_a_comment_in_another_language_is_not_read_with_english_words() -> None:
    dutch = "ik weet niet hoe het zit, maar zo is het wel"
    result = assess(dutch, dutch)
    assert result.score < 0.5 and result.model == 0.0 and not result.hits
    assert _categories("ik weet niet hoe het zit met die nigger") == {"slur"}
    assert "insult" in _categories("yo das dem hoes, you hoe")


def test_swearing_counts_for_the_model_only_near_a_you() -> None:
    def kept(text: str) -> list[str]:
        return toxicity.masked(toxicity.WORD.findall(text)).split()

    assert "fuck" in kept("fuck you and your party")
    assert "fuck" not in kept("what the fuck happened at the count last night, you know")
    assert "lmfao" not in kept("lmfao the turnout in the north")
    assert "shit" not in kept("holy shit what a result")


class _Fixed:
    """A scorer that always answers the same probability."""

    def __init__(self, probability: float) -> None:
        self.probability = probability

    def score(self, text: str, normalized_text: str) -> float:
        return self.probability


def test_a_reply_to_another_reader_is_held_at_a_lower_model_score() -> None:
    low = 1.0 / (1.0 + math.exp(toxicity.REPLY_LOGIT)) + 0.02  # just above the reply limit
    to_reader = assess("you should read it again", "you should read it again", _Fixed(low))
    about_news = assess("they should read it again", "they should read it again", _Fixed(low))
    assert to_reader.model == about_news.model == low
    assert to_reader.reply > 0.5 > low
    assert to_reader.score == to_reader.reply
    assert about_news.reply == 0.0 and about_news.score == low
    # text-message "u" is not a reply on a news site
    assert assess("u should read it", "u should read it", _Fixed(low)).reply == 0.0


def test_the_model_score_counts_when_no_pattern_fires() -> None:
    result = assess("what an utter imbecile", "what an utter imbecile")
    assert result.score >= result.model > 0.5


def test_scorer_is_chosen_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(toxicity.ENV_VAR, "null")
    assert isinstance(get_scorer(), NullScorer)
    monkeypatch.setenv(toxicity.ENV_VAR, "linear")
    assert isinstance(get_scorer(), LinearScorer)
    monkeypatch.setenv(toxicity.ENV_VAR, "nope")
    with pytest.raises(ValueError, match="unknown toxicity scorer"):
        get_scorer()


def test_null_scorer_scores_zero() -> None:
    assert NullScorer().score("you idiot", "you idiot") == 0.0
