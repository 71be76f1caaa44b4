"""Spam: lures that dodge addresses and numbers in new ways or need no link at all (a keyword
to message, a named rescuer, a referral bonus, a miracle, a podcast), each held beside the
helplines, scam news, listening habits and betting talk that share their words."""

from __future__ import annotations

import pytest

from services.pipeline import moderate
from tests.services.spam_kit import codes, held


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Best deals on gold at bullion-king [dot] c0m", "link"),
        ("see w w w . cheap-pills . n e t", "link"),
        ("silverhoard·co·uk (remove the dots)", "link"),
        ("Free signals every day, join us: t . me / freedomtraders", "link"),
        ("write me: olga1990 @ mail . ru", "link"),
        ("contact markwells dot trading at gmail", "link"),
        ("invite at discord[.]gg/pumpgang", "link"),
        ("Lavender pillow spray, order at sleepwell. shop", "link"),
        ("Plumber free, call Mike on 07 nine 11 two 3 four 5 6 7", "phone_number"),
        ('Fed up with your boss? Text me "RICH" 📲', "contact_request"),
        ("Gym members, DM me for a discount code", "contact_request"),
        (
            "I am a widow with $2 million to share. Reply with your email for details.",
            "contact_request",
        ),
        ("Lose 10kg in 14 days with these drops", "sales_offer"),
        ("Forex course 40% off today only", "sales_offer"),
        ("Open an account, sign up via my link and we both get £30", "sales_offer"),
        ("I must testify to the great work of Dr Amadi who got back my bitcoin", "testimonial"),
        ("Copy this to 5 friends or you'll have bad luck", "chain_letter"),
        ("My true-crime podcast is out now on all platforms, give it a listen", "self_promotion"),
    ],
)
def test_each_lure_on_its_own(text: str, code: str) -> None:
    assert code in codes(text)
    assert "sales_pitch" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Best CBD gummies, use code VOTE10",
        "I retired at 40 with one app. Message me to find out how.",
        "Hot single women near you, my number is in my bio",
        "Thanks to Mrs Helen Ward's trading platform I now earn £2k a week",
        "Search 'The Westminster Hour' on Spotify and hit follow, it's my new podcast",
        "Pay off your loans: follow @debtfreejen on TikTok, they won't tell you this on the news",
        "I made £900 last week from my phone, ask me how",
        "Beautiful Filipino ladies seeking husbands, free chat at pinaylove.love",
        "I'm Katya, 29, looking for a kind man. Write me on katya29 at yandex",
        "Anyone in Leeds need a cheap roofer? Ring Tom on 07700 900 456, free quotes.",
        "My uncle gets 9% a month from his forex account manager. Insta: fx.uncle_tony",
        "Selling my handmade candles from £5, find us on Etsy: search WickedWicks",
    ],
)
def test_a_lure_isheld(text: str) -> None:
    assert held(text), moderate(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "I listen to a podcast on Spotify every morning, 'The News Agents' is good.",
        "My podcast app crashed during the debate.",
        "The betting odds have Labour at 1/5 and the polls agree.",
        "The betting markets now make Reform favourites at 4/1, and the bookies are rarely wrong.",
        "The link in the article is broken.",
        "I'm so lonely I've started reading the comments section lol",
        "Lonely older people need more council support.",
        "Single women pensioners are the poorest group.",
        "Looking for a serious man in politics? Good luck.",
        "Source: ons.gov.uk",
        "The dot com bubble burst in 2000.",
        "The end. Net migration fell.",
        "Ads claim you can lose 10kg in 10 days, which is nonsense.",
        "Search 'Hillsborough report' and read it yourself.",
        "Anyone need reminding what happened in 2008?",
        "Text me when you're home and I'll call you",
        "Her strategy is legit, the chancellor should copy it.",
        "Mr Hunt's budget strategy failed, thanks to Mr Sunak's platform of cuts.",
        "Scammers post 'message me INFO' under every article, ignore them.",
        "Forward this to your MP and ask what they will do.",
        "Find us on the picket line on Monday!",
    ],
)
def test_look_alikes_pass(text: str) -> None:
    assert not held(text), moderate(text).reasons


def test_lures_add_nothing_unless_they_make_a_pitch() -> None:
    assert codes("Drones have changed everything, prices from £500.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Pensioners get 3% a month more under the triple lock? Search 'triple lock' on Google.",
        "I earn £2k a month and still can't afford rent, ask me how I cope.",
        "Police warn of fake crypto recovery firms that promise to recover your stolen crypto,"
        " call Action Fraud on 0300 123 2040",
    ],
)
def test_talk_of_pay_and_scam_warnings_are_no_pitch(text: str) -> None:
    # The rules only: the fitted spam model holds these ("search", "earn", "a month",
    # "crypto"), some of its false alarms; the model is measured on whole files in bench/.
    assert "sales_pitch" not in codes(text)
