"""The profanity filter: what it catches, what it spares, site lists, and parity with better-profanity.

Parity. On text where none of our documented differences applies, `censor` must return exactly what
`better_profanity.profanity.censor` returns. A text is in that subset unless `deviation` names a
reason, decided from the text alone (and better-profanity's verdict on single words):

- "not ASCII": we fold look-alikes, accents and invisible characters; better-profanity does not.
- "normalised": `normalize(text).text != text.lower()`: spaced-out words, leetspeak next to letters,
  stretched letters or a "#" mask, all of which we undo.
- "masked": a "*" next to a letter; our "*" stands for any letter, better-profanity's for a vowel.
- "spared": a word of `SPARED`, which we do not censor by default.
- "name": a capitalised name term ("Dick"), which we spare in names such as "Dick Cheney".
- "number": a word without letters that better-profanity censors ("455", "717").
- "quote": a word with a quote mark in it, whose parts better-profanity would censor: it keeps
  quotes inside words ('"fuck"' is not "fuck" to it), we do not.
- "join": adjacent words, none censored alone, that better-profanity joins into a censored one
  ("wouldn't it" has "t it", read as "tit"); we join words only into a listed phrase or around a
  listed word ("fuck off", "bull shit").
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import better_profanity
import pytest

from services.normalize import normalize
from services.profanity import NAME_TERMS, SPARED, Match, ProfanityFilter, default_filter

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
FILES = ("jigsaw-toxic-dev.csv", "youtube-spam-dev.csv")
_BP_WORD = re.compile(r"[A-Za-z0-9@$*\"']+")  # better-profanity's words, in ASCII text
_MASKED = re.compile(r"[A-Za-z]\*|\*[A-Za-z]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what the fuck", "what the ****"),
        ("FUCK this", "**** this"),
        ("\uff46\uff55\uff43\uff4b this", "**** this"),
        ("\u0455\u04bb\u0456t happens", "**** happens"),
        ("f\u200buck off", "****"),  # "fuck off" is listed as "fuckoff"
        ("fu\u202eck it", "**** it"),
        ("fúck it", "**** it"),
        ("I said f.u.c.k off", "I said **** off"),
        ("f u c k you", "**** you"),
        ("f-u-c-k, f_u_c_k, f*u*c*k", "****, ****, ****"),
        ("fuuuuck, shiiiit, assss", "****, ****, ****"),
        ("sh1t, $hit, @ss, 5hit", "****, ****, ****, ****"),
        ("f*ck, sh*t, f**k", "****, ****, ****"),
        ("shlt happens, fvck", "**** happens, ****"),  # better-profanity's letter swaps
        ("what a bull shit idea", "what a **** idea"),
        ("a blow job", "a ****"),
        ("you ass-hole", "you ****"),
        ('"fuck" and fuck\'s', '"****" and ****'),
    ],
)
def test_catches_profanity_and_evasions(text: str, expected: str) -> None:
    assert default_filter().censor(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Scunthorpe and Sussex",
        "a cocktail in Essex",
        "assassination of a class act",
        "pass the grape to my therapist",
        "analysis of cumulative data",
        "Matt Hancock ate shitake mushrooms",
        "Dick Cheney and Dick Van Dyke read Moby Dick",
        "DICK CHENEY",
        "Mr. Wang said so",
        "probe 455",
        "717",
        "call 0800 123",
        "kill the bill",
        "God bless",
        "that was a stupid rule",
        "the pen is mightier",
        "wouldn't it be nice",
        "I am a good boy",
        "rape victims deserve support",
        "Title X and Mac OS X",
        "the U.S.S.R. and the U.K.",
        "2nd, 4th, 1st, mp3, covid19, 5pm",
        "\u0440\u043e\u0442 \u0438 \u043d\u043e\u0441",  # Russian words stay out of reach of English terms
        "Crème brûlée",
    ],
)
def test_spares_clean_text(text: str) -> None:
    assert default_filter().find(text) == []


def test_capitalised_name_heuristic_does_not_spare_insults() -> None:
    assert default_filter().censor("You Dick Head") == "You ****"
    assert default_filter().censor("Dick, you are a dick") == "****, you are a ****"


def test_match_spans_index_the_original() -> None:
    text = "I said f.u.c.k off, \u0455\u04bb\u0456t"
    matches = default_filter().find(text)
    assert [(text[m.start : m.end], m.term, m.source) for m in matches] == [
        ("f.u.c.k", "fuck", "default"),
        ("\u0455\u04bb\u0456t", "shit", "default"),
    ]


def test_censor_reuses_matches_and_normalisation() -> None:
    text = "oh shit"
    matches = default_filter().find(text, normalize(text))
    assert matches == [Match("shit", 3, 7, "default")]
    assert default_filter().censor(text, "#", matches) == "oh ####"
    assert default_filter().censor("clean", matches=[]) == "clean"


def test_site_lists() -> None:
    site = ProfanityFilter(blocked=["Frack", "go to hell"], held=["darn", "shit"], allowed=["crap"])
    found = {(m.term, m.source) for m in site.find("frack this, darn, shit, crap, go to  hell")}
    assert found == {
        ("frack", "blocked"),
        ("darn", "held"),
        ("shit", "held"),
        ("go to hell", "blocked"),
    }
    assert site.censor("fr4ck") == "****"  # site terms are matched like default ones
    assert default_filter().find("frack darn") == []


def test_allowed_phrases_protect_their_words() -> None:
    site = ProfanityFilter(allowed=["spotted cock inn"])
    assert (
        site.censor("Lunch at the Spotted Cock Inn, you cock")
        == "Lunch at the Spotted Cock Inn, you ****"
    )


def test_spared_words_can_be_listed_again() -> None:
    site = ProfanityFilter(held=["god"])
    assert [(m.term, m.source) for m in site.find("God bless")] == [("god", "held")]


def test_default_filter_is_shared() -> None:
    assert default_filter() is default_filter()


def _texts() -> list[tuple[str, str]]:
    """Return (text, label) for every row of the shared evaluation files."""
    if not DATA.is_dir():
        pytest.skip(f"shared data not found at {DATA}")
    rows: list[tuple[str, str]] = []
    for name in FILES:
        with open(DATA / name, newline="", encoding="utf-8") as handle:
            rows += [(row["text"], row["label"]) for row in csv.DictReader(handle)]
    return rows


def _windows(words: list[str]) -> Iterator[list[str]]:
    """Yield runs of two to six adjacent words, as better-profanity joins them."""
    for start in range(len(words)):
        for stop in range(start + 2, min(start + 6, len(words)) + 1):
            if sum(map(len, words[start:stop])) > 30:  # longer than any listed word
                break
            yield words[start:stop]


def deviation(text: str, censored: str, listed: Callable[[str], bool]) -> str | None:
    """Name the documented difference from better-profanity that applies to text, if any.

    censored is better-profanity's output for text, and listed tells whether it censors a word.
    """
    if not text.isascii():
        return "not ASCII"
    if normalize(text).text != text.lower():
        return "normalised"
    if _MASKED.search(text):
        return "masked"
    letters = re.findall(r"[A-Za-z]+", text)
    if not SPARED.isdisjoint(word.lower() for word in letters):
        return "spared"
    if any(word.istitle() and word.lower() in NAME_TERMS for word in letters):
        return "name"
    words = _BP_WORD.findall(text)
    for before, word in zip(["", *words], words, strict=False):
        parts = [part for part in re.split(r"['\"]+", word) if part]
        if parts != [word] and parts and any(map(listed, [*parts, before + parts[0]])):
            return "quote"
    if censored == text:  # what follows only makes better-profanity censor more
        return None
    if any(not re.search("[A-Za-z]", word) and listed(word) for word in words):
        return "number"
    if any(listed("".join(w)) and not any(map(listed, w)) for w in _windows(words)):
        return "join"
    return None


def _lister(profanity: better_profanity.Profanity) -> Callable[[str], bool]:
    """Return whether the given better-profanity censors one word on its own."""
    return cache(lambda word: profanity.censor(word) == "****")


def _sample(size: int) -> list[str]:
    """Return size short texts, half of them labelled toxic, the same ones every run."""
    pool = [(text, label) for text, label in _texts() if len(text.split()) <= 30]
    random.Random(7).shuffle(pool)
    toxic = [text for text, label in pool if label == "toxic"]
    return (
        toxic[: size // 2] + [text for text, label in pool if label != "toxic"][: size - size // 2]
    )


def test_same_as_better_profanity_on_a_sample() -> None:
    """The real better-profanity, which is slow, on a sample."""
    reference, listed = better_profanity.profanity, _lister(better_profanity.profanity)
    pairs = [(text, reference.censor(text)) for text in _sample(240)]
    subset = [(text, out) for text, out in pairs if deviation(text, out, listed) is None]
    differ = [text for text, out in subset if default_filter().censor(text) != out]
    assert len(subset) > 150 and sum(text != out for text, out in subset) > 40
    assert differ == []


def test_same_as_reference_on_both_files() -> None:
    """better-profanity-rs, which gives better-profanity's output fast, on every text."""
    reference = pytest.importorskip("better_profanity_rs").profanity
    listed = _lister(reference)
    pairs = [(text, reference.censor(text)) for text, _ in _texts()]
    subset = [(text, out) for text, out in pairs if deviation(text, out, listed) is None]
    differ = [text for text, out in subset if default_filter().censor(text) != out]
    censored = sum(text != out for text, out in subset)
    print(f"{len(subset)} of {len(pairs)} texts in the subset, {censored} of them censored")
    assert len(subset) > 4500 and censored > 200
    assert differ == []


def test_references_agree() -> None:
    """better-profanity-rs and better-profanity agree, so the full-file comparison holds too."""
    reference = pytest.importorskip("better_profanity_rs").profanity
    texts = _sample(100)
    assert [reference.censor(t) for t in texts] == [
        better_profanity.profanity.censor(t) for t in texts
    ]
