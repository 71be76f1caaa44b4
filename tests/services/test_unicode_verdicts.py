"""Unicode tricks get the verdict of the plain text they imitate; the original stays unchanged."""

from __future__ import annotations

import pytest

from services.pipeline import moderate

PLAIN_AND_DISGUISED = [
    ("you are a fucking idiot", "you are a ｆｕｃｋｉｎｇ idiot"),  # full-width forms
    ("you are a fucking idiot", "you are a fuсkіng idiot"),  # Cyrillic homoglyphs
    ("you are a fucking idiot", "you are a fu\u200bck\u200ding idiot"),  # zero-width
    ("you are a fucking idiot", "you are a \u202afucking\u202c idiot"),  # bidi controls
    ("you are a fucking idiot", "you are a fu\u0301cking idiot"),  # combining mark
    ("this is shit", "this is sh1t"),  # leetspeak
    ("this is shit", "this is s.h.i.t"),  # separators
    ("I will find where you live", "I will find where yоu live"),  # homoglyph in a threat
    ("A fair report on the visit.", "A fair rеport on the visit."),  # clean stays clean
]


@pytest.mark.parametrize(("plain", "disguised"), PLAIN_AND_DISGUISED)
def test_disguised_text_gets_the_plain_verdict(plain: str, disguised: str) -> None:
    expected, actual = moderate(plain), moderate(disguised)
    assert actual.action == expected.action
    assert set(actual.reasons) >= set(expected.reasons) - {"shouting", "repetition"}


def test_censoring_maps_back_onto_the_original_text() -> None:
    verdict = moderate("Well, sh1t happens at summits.")
    if verdict.published_body is not None:
        assert "sh1t" not in verdict.published_body
        assert verdict.published_body.startswith("Well, ")
        assert verdict.published_body.endswith(" happens at summits.")
