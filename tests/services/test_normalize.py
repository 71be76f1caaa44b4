"""Normalisation for matching: each fold on its own, the original kept, spans mapped back."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services import normalize as normalize_module
from services.normalize import normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\uff46\uff55\uff43\uff4b", "fuck"),  # NFKC: full-width letters
        ("ﬁsh", "fish"),  # NFKC: a ligature becomes two letters
        ("\u0455\u04bb\u0456t", "shit"),  # Cyrillic look-alikes
        ("\u0391\u039d\u0391L", "anal"),  # Greek capitals
        ("f\u200buck", "fuck"),  # zero-width space
        ("f\u200c\u200du\ufeffck", "fuck"),  # zero-width (non-)joiners, BOM
        ("fu\u202ec\u202ck", "fuck"),  # bidi override and pop
        ("f\u2066u\u2069ck", "fuck"),  # bidi isolates
        ("f\u00aduck", "fuck"),  # soft hyphen
        ("fúck", "fuck"),  # precomposed accent
        ("fu\u0301ck", "fuck"),  # combining accent
        ("Crème Brûlée", "creme brulee"),
        ("\u1d05\u026a\u1d07", "die"),  # small capitals, which NFKC keeps
        ("\u1d00\u029f\u029f", "all"),
    ],
)
def test_unicode_folds(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("f.u.c.k", "fuck"),
        ("f u c k you", "fuck you"),
        ("f-u-c-k", "fuck"),
        ("f_u_c_k", "fuck"),
        ("f*u*c*k", "fuck"),
        ("S.H.I.T.", "shit."),
        ("s h 1 t", "shit"),
        ("k.i.l.l. a.l.l. t.h.e. o.r.c.s", "kill all the orcs"),  # each word's closing dot
        ("S.H.I.T. happens", "shit. happens"),  # one dotted word keeps its stop
    ],
)
def test_spaced_out_words_are_joined(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "I am a good boy",
        "a, b, c and d",  # two-character separators
        "a.m. and p.m.",  # two letters only
        "1.2.3 and 10.0.0.1",  # no letters
        "f.u-c_k",  # mixed separators
    ],
)
def test_prose_is_not_joined(text: str) -> None:
    assert normalize(text).text == text.lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sh1t", "shit"),
        ("$hit", "shit"),
        ("@ss", "ass"),
        ("f4ck", "fack"),
        ("5hit", "shit"),
        ("p0rn", "porn"),
        ("sh!t", "shit"),
        ("f#ck", "f*ck"),  # a mask, like "*"
        ("D€ATH FU₵KING ₩ANKER", "death fucking wanker"),
        ("phuck", "phuck"),  # "ph" is not "f"
    ],
)
def test_leetspeak_inside_words(text: str, expected: str) -> None:
    assert normalize(text).text == expected


def _read_leet_plainly(text: str) -> str:
    """Leetspeak read the long way: if any digit or symbol stands beside a letter ("!"
    between two), every run of letters, digits and symbols that holds a letter is read."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for char in re.finditer(r"[0-9@$€¢₵₩#!]", text):
        i, j = char.start(), char.end()
        before = i > 0 and text[i - 1] in letters
        after = j < len(text) and text[j] in letters
        if (before and after) if char.group() == "!" else (before or after):
            return normalize_module._LEET_RUN.sub(
                lambda run: (
                    run.group().translate(normalize_module._LEET)
                    if re.search("[a-z]", run.group())
                    else run.group()
                ),
                text,
            )
    return text


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="ab10!@$€#* \n.-", max_size=30))
def test_leetspeak_read_piece_by_piece_as_if_read_whole(text: str) -> None:
    assert normalize_module._undo_leet(text) == _read_leet_plainly(text)


@pytest.mark.parametrize("text", ["probe 455", "717", "call 0800 123", "wow! great!", "$5 or 10%"])
def test_numbers_and_symbols_alone_stay(text: str) -> None:
    assert normalize(text).text == text.lower()


def test_stretched_letters_are_squeezed_and_noted() -> None:
    norm = normalize("fuuuuck shiiiit assss")
    assert norm.text == "fuck shit as"
    assert sorted(norm.text[i] for i in norm.stretched) == ["i", "s", "u"]


@pytest.mark.parametrize("text", ["ass", "shit", "boob", "good", "cool", "Mississippi"])
def test_double_letters_stay(text: str) -> None:
    norm = normalize(text)
    assert norm.text == text.lower()
    assert not norm.stretched


def test_original_is_kept() -> None:
    text = "I said \uff46.\uff55.\uff43.\uff4b \u200boff, \u0405\u04bb\u0456t!"
    assert normalize(text).original == text


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I said f.u.c.k off", "f.u.c.k"),
        ("so fuuuuck that", "fuuuuck"),
        ("a \u0455\u04bb\u0456t day", "\u0455\u04bb\u0456t"),
        ("x f\u200buck y", "f\u200buck"),
        ("x fu\u0301ck\u0301 y", "fu\u0301ck\u0301"),  # a trailing mark goes with its letter
        ("big \uff46\uff55\uff43\uff4b up", "\uff46\uff55\uff43\uff4b"),
    ],
)
def test_spans_map_back_to_the_original(text: str, word: str) -> None:
    norm = normalize(text)
    folded = normalize(word).text
    start = norm.text.index(folded)
    start_original, end_original = norm.to_original(start, start + len(folded))
    assert text[start_original:end_original] == word


def test_span_inside_an_expanded_character_covers_it() -> None:
    norm = normalize("ﬀ")
    assert norm.text == "ff"
    assert norm.to_original(0, 1) == (0, 1)


def test_spaced_out_words_are_noted() -> None:
    norm = normalize("I said f.u.c.k off")
    assert [norm.text[i : i + 4] for i in norm.spaced] == ["fuck"]


def test_a_spaced_out_word_after_an_article_keeps_the_article() -> None:
    assert normalize("what a p r i c k").text == "what a prick"
    assert normalize("you are a w a n k e r").text == "you are a wanker"
    assert normalize("Braverman is a c u n t").text == "braverman is a cunt"  # four letters
    assert normalize("it is a b c").text == "it is abc"  # too short to tell
    assert normalize("you a s s h o l e").text == "you asshole"  # no article asked for here
