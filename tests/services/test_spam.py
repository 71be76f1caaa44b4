"""Spam: each signal on its own, the fitted model, the context signals and the duplicate key."""

from __future__ import annotations

import pytest

from services import spam


def _codes(text: str) -> set[str]:
    return {signal.code for signal in spam.analyze(text)[0]}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("More at http://example.org/page", "link"),
        ("see www.a-site.net and www.b-site.net", "many_links"),
        ("details: bit.ly/3xYzAbc", "link_shortener"),
        ("visit www.win-cash.xyz today", "blocked_domain"),
        ("place your bets at bet-on-politics.win", "blocked_domain"),
        ("write to jobs@fastcash.biz", "contact_handle"),
        ("message me on Telegram", "contact_handle"),
        ("call +44 7700 900123 now", "phone_number"),
        ("text WIN to 84199", "sms_shortcode"),
        ("earn money from home", "money_bait"),
        ("claim your free prize", "money_bait"),
        ("send BTC to my wallet address", "crypto_bait"),
        ("check out my channel", "self_promotion"),
        ("please subscribe", "self_promotion"),
        ("Check my latest video", "self_promotion"),
        ("Win a free iPhone today", "money_bait"),
        ("Congratulations, you have won!", "money_bait"),
        ("200 free spins for new players", "money_bait"),
        ("payday loans approved in minutes", "money_bait"),
        ("anybody who subscribes to me gets a shout-out", "self_promotion"),
        ("THIS IS THE BEST NEWS I HAVE READ ALL YEAR", "shouting"),
        ("vote vote vote vote for change", "repetition"),
        ("soooooooooooo good", "repetition"),
    ],
)
def test_each_signal_on_its_own(text: str, code: str) -> None:
    assert code in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Turnout was the lowest since 1992 and 2,000,000 people stayed home.",
        "Between 1990 2000 2010 the party changed three times.",
        "Full report: https://www.bbc.co.uk/news/world-123 and https://en.wikipedia.org/wiki/X",
        "The $2 billion aid package passed, 52% to 48%.",
        "I disagree with you, but you make a fair point.",
        "Subscribers should get the full report, not just this summary.",
        "As a subscriber for twenty years, I expect better than this.",
        "Check my earlier comment, the figures are from the treasury.",
        "Labour won the seat by 300 votes and will win again.",
        "Free school meals should be universal.",
        "They claim the winner was decided before the vote.",
        "Cheap energy is the only way to bring prices down.",
        "The study is at https://www.ox.ac.uk/news/2024 and Hansard at hansard.parliament.uk",
    ],
)
def test_ordinary_political_comments_raise_no_signal(text: str) -> None:
    assert _codes(text) == set()


def test_signal_spans_point_into_the_original_text() -> None:
    text = "Great read! Visit http://bit.ly/abc"
    for signal in spam.analyze(text)[0]:
        for start, end, term in signal.spans:
            assert text[start:end].lower() == term


def test_model_separates_spam_from_comment() -> None:
    spammy = spam.analyze("Check out my channel and subscribe for free money http://bit.ly/x")
    plain = spam.analyze("The minister's answer on pensions was evasive and unconvincing.")
    assert spam.content_logit(*spammy) > 2 > -2 > spam.content_logit(*plain)


def test_context_signals() -> None:
    body = "Vote for the new party, they will fix everything in this town!"
    assert spam.context_signals(body, duplicates=0, recent=0) == []
    assert [c for c, _, _ in spam.context_signals(body, duplicates=3, recent=12)] == [
        "near_duplicate",
        "posting_too_fast",
    ]
    assert spam.context_signals("Agreed!", duplicates=5, recent=0) == []  # too short to matter


def test_fingerprint_is_stable_for_trivial_differences() -> None:
    key = spam.fingerprint("Buy cheap watches at my shop, best prices 2024!")
    assert key == spam.fingerprint("  BUY cheap   watches at my shop best prices 2025 ")
    assert key == spam.fingerprint("buy cheap watches, at my shop: best prices!!!")
    assert key != spam.fingerprint("Buy cheap shoes at my shop, best prices 2024!")
    assert len(key) <= 64
