"""Spam: pitches that hide their address, app or number, and offers that need no link, each
caught beside the news talk, helplines and mockery that use the same words."""

from __future__ import annotations

import pytest

from services import spam
from services.pipeline import moderate
from tests.services.spam_kit import codes, held


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Step-by-step guide at side-hustle-hub . net", "link"),
        ("cheap flights at flyfast .com", "link"),
        ("details: budgetbrides dot store", "link"),
        ("full list at promo-deals (dot) info", "link"),
        ("sign up at cashbot[.]io", "link"),
        ("write to sam.k at gmail dot com", "contact_request"),
        ("message me on T e l e g r a m", "contact_request"),
        ("my s-i-g-n-a-l is anna_77", "contact_request"),
        ("DM WEALTH to @richlife_club", "contact_request"),
        ("look up tradequeen88 on TikTok", "contact_request"),
        ("Ask for Dmitri at Telegram", "contact_request"),
        ('Search "Profit Pilot" and thank me later', "contact_request"),
        ("ring seven seven zero one two three four five six seven", "phone_number"),
        ("whatsapp 0 7 7 0 0 - 9 0 0 - 1 2 3", "phone_number"),
        ("call +44 seven 700 900 123", "phone_number"),
        ("Text LOAN to 8-4-2-1-9", "sms_shortcode"),
        ("Our fund pays 12% weekly profits", "income_claim"),
        ("A 9% guaranteed yield, every year", "income_claim"),
        ("I'm now clearing £3,000 a month from my sofa", "income_claim"),
        ("My cousin earns more than his old salary trading gold", "income_claim"),
        ("He bought a Ferrari after a year of crypto trading", "income_claim"),
        ("No credit check and instant approval", "sales_offer"),
        ("Order Xanax online without a prescription", "sales_offer"),
        ("Use my referral code for 20% off", "sales_offer"),
        ("Your vehicle's extended warranty is expiring", "sales_offer"),
        ("Hire a hacker to get into any account", "sales_offer"),
        ("Need a reliable electrician in Leeds? Free quotes", "sales_offer"),
        ("Buy a real passport, registered in the system", "sales_offer"),
        ("Lonely wives are waiting to meet you", "adult_bait"),
        ("Naughty girls online now, 18+ only", "adult_bait"),
        ("Our investment mentor, Dr Patel, showed me", "testimonial"),
        ("Send this to 10 friends. Don't break the chain", "chain_letter"),
    ],
)
def test_each_disguise_and_offer_on_its_own(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tired of rising rents? I earn from home now, all explained at flip-cash . net",
        "Payday loans for anyone, bad credit ok: lendnow .com",
        "Ozempic without a prescription, discreet shipping. WhatsApp +44 7700 900 123",
        "Brexit cost me, so I joined a fund with a 15% guaranteed annual return. See goldbar-fund . co . uk",
        "Hot girls waiting to chat 😘 kiss4u . xyz",
        "Forget pensions. Use my code TRUMP25 on the StockMirror app and copy the senators' trades.",
        "Send this to everyone you know. If this post reaches 500000 people the law changes. Don't break the chain",
        "Need a local plumber after the floods? text zero seven seven zero zero nine zero zero one two three",
        "Fed rate cut or not, we'll consolidate your debts into one low monthly payment. Text EASY to 6-1-2-3-4",
        "Want your ex's messages? Licensed hacker here, find cyberfix_pro on Telegram",
        "Meanwhile my brother bought a Porsche with an AI forex bot. Google 'FxGenius' and thank me later",
        "Trump or Harris, I'm now pulling $8k/month dropshipping. Search shopwiz on YouTube",
        "Got my EU passport in 4 weeks thanks to a fast-track visa agent. W h a t s A p p: +381 six four 555 0100",
    ],
)
def test_a_disguised_pitch_isheld(text: str) -> None:
    assert held(text), moderate(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "Labour are done. Net migration is the only issue now.",
        "The party is finished . Net result: a hung parliament.",
        "If you're struggling, the Samaritans are on 116 123, day or night.",
        "Citizens Advice sorted my council tax arrears: 0800 144 8848, worth a call.",
        "Police warn of a crypto scam promising 20% monthly returns to pensioners.",
        "Rates at 5% mean a 20% annual return on gilts is a fantasy.",
        "My aunt keeps forwarding those 'send this to 10 people or bad luck' messages. Don't break the chain, lol.",
        "The chain letters saying 'forward this to everyone before midnight' are back in every family group.",
        "Search the minister's name on Google and you'll see the expenses row.",
        "You can find the full speech on YouTube.",
        "Without a prescription charge exemption, pensioners pay more.",
        "Debt consolidation loans were the lenders' answer to the 2008 crash.",
        "The count was one two three four five, then a recount.",
        "In 2019 2020 2021 the figures were 12 14 16.",
    ],
)
def test_news_helplines_and_mockery_are_not_held_as_spam(text: str) -> None:
    assert moderate(text).scores["spam"] < 0.7, spam.analyze(text)[0]


def test_a_trusted_site_written_out_is_no_link() -> None:
    assert "link" not in codes("Full figures at bbc dot co dot uk, or gov . uk if you prefer.")


def test_a_helpline_is_not_a_phone_number_but_an_advert_still_is() -> None:
    assert "phone_number" not in codes("Citizens Advice helped me: 0800 144 8848")
    assert "phone_number" in codes("Cheap loans today: 0800 144 8848")


def test_disguised_pitches_are_not_features_of_the_fitted_model() -> None:
    _, features = spam.analyze("Bad credit OK, t e l e g r a m: cashfast, quickloan . xyz")
    assert not any(f.startswith("!") for f in features)


@pytest.mark.parametrize(
    "text",
    [
        "Full figures at bbc dot co dot uk, or gov . uk if you prefer the source.",
        "The FCA warned about schemes offering guaranteed returns of 10% a month.",
        "Pensions with a guaranteed 4% uplift are the triple lock in all but name.",
        "X dot com has become a cesspit since Musk took over.",
    ],
)
def test_citations_and_money_news_make_no_pitch(text: str) -> None:
    # ("X dot com" is a link, and should be: "x dot com" is how spam writes one.)
    # The rules only: the fitted spam model holds these ("dot", "guaranteed", "a month"),
    # some of its false alarms; the model is measured on whole files in bench/.
    assert "sales_pitch" not in codes(text)
