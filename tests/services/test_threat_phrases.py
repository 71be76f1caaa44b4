"""Threats without a stock phrase, death wishes, veiled threats, encouragement of self-harm and
sexual harassment, each beside the news, idioms and fair speech that must pass."""

from __future__ import annotations

import pytest

from services.normalize import normalize
from services.toxicity import NullScorer, assess


def _categories(text: str) -> set[str]:
    return {hit.category for hit in assess(text, normalize(text).text, NullScorer()).hits}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # calls for mass or political violence
        ("String the traitors up, every one of them.", "threat"),
        ("String up every last Tory in Westminster.", "threat"),
        ("Shoot every looter on sight.", "threat"),
        ("Hang the lot of them from the nearest lamppost.", "threat"),
        ("Nuke 'em all and let God sort them out.", "threat"),
        ("Torch the asylum hostel and be done with it.", "threat"),
        ("Burn down that mosque, nobody would miss it.", "threat"),
        ("Petrol bombs through their letterbox windows is what they need.", "threat"),
        ("Some petrol bombs would soon sort that camp out.", "threat"),
        ("I hope that migrant hotel burns to the ground.", "threat"),
        ("Pray the refugee centre goes up in flames tonight.", "threat"),
        ("Here's to the missiles raining on Tel Aviv.", "threat"),
        ("Bring back the gallows and start with the cabinet.", "threat"),
        ("When the revolution comes, the journalists are first.", "threat"),
        ("Bankers will be first against the wall.", "threat"),
        ("Drive them all into the sea.", "threat"),
        ("NATO won't save you from our missiles.", "threat"),
        ("They only understand one thing and that's the bullet.", "threat"),
        ("Deport him by plane, parachute not included.", "threat"),
        # death wishes and gloating
        ("Pity the gunman only grazed him.", "threat"),
        ("Such a shame the assassin missed.", "threat"),
        ("Shame he survived.", "threat"),
        ("The sniper should have aimed an inch to the left.", "threat"),
        ("That old crook should have kicked the bucket decades ago.", "threat"),
        ("Put her in the ground where she belongs.", "threat"),
        ("He belongs in a coffin.", "threat"),
        ("Die, Biden, die!", "threat"),
        ("Someone should spike his tea with novichok.", "threat"),
        ("Tories deserve to rot.", "threat"),
        ("Zionists deserve the gallows.", "threat"),
        ("The whole cabinet should burn in hell.", "threat"),
        ("Dead Russians? Good.", "threat"),
        ("The only good Tory is a dead Tory.", "threat"),
        ("Great, another dead settler.", "threat"),
        # veiled threats
        ("Protesters blocking roads better watch their backs.", "threat"),
        ("We know you. We're watching you.", "threat"),
        ("Accidents happen to journalists who ask too many questions.", "threat"),
        ("Careful what you print, pal. Accidents happen.", "threat"),
        ("Enjoy your last Christmas, traitor.", "threat"),
        ("Folk like her never live to see retirement.", "threat"),
        ("I know what road your daughter lives on.", "threat"),
        ("Hope no one spots her on the way back from the gym.", "threat"),
        ("That councillor has a habit of turning up in the river, if he keeps on.", "threat"),
        ("She'd better be careful, just saying.", "threat"),
        ("Your nation will no longer exist by spring.", "threat"),
        # self-harm
        ("Go neck yourself", "self_harm"),
        ("kill ur self", "self_harm"),
        ("Do us all a favour and drop dead.", "self_harm"),
        ("Just go drink some bleach mate.", "self_harm"),
        ("Unalive yourself, nobody reads your posts.", "self_harm"),
        # sexual harassment and innuendo
        ("The Home Secretary can search me any time, in my bedroom.", "sexual"),
        ("She can debrief me in private.", "sexual"),
        ("The new minister is a proper goer, I bet.", "sexual"),
        ("Phwoaaar look at her", "sexual"),
        ("Nice legs on that weather girl.", "sexual"),
        ("She'd come sit on my knee if she knew what was good for her.", "sexual"),
        ("She slept her way to the top.", "sexual"),
        ("She got the promotion by shagging the boss.", "sexual"),
        ("I know what that aide does under his desk.", "sexual"),
        ("The secretary does far more for him than take dictation.", "sexual"),
        ("Girls like her are only good for one thing.", "sexual"),
        ("That newsreader needs a real man to keep her in line.", "sexual"),
        ("She ought to wear a shorter skirt on air.", "sexual"),
        ("Thai women are all easy.", "sexual"),
        ("A man who has never been kissed by a woman, and it shows.", "insult"),
    ],
)
def test_each_kind_finds_its_category(text: str, category: str) -> None:
    assert category in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The gunman missed, police said, and the minister was unhurt.",
        "The hotel caught fire last night and forty guests were evacuated.",
        "Two war criminals were hanged in 1946 after the Nuremberg trials.",
        "We need to kill the bill before it reaches the Lords.",
        "Watch your back on the stairs, they're slippery.",
        "The cuts will leave people to die in corridors.",
        "She was brilliant in that interview.",
        "The minister can brief me any time she likes, I'm the committee chair.",
        "Accidents happen on that junction every winter.",
        "Be careful what you wish for.",
        "Be careful what you publish, you never know who is reading.",
        "Enjoy your last summer before university.",
        "Enjoy your last week in office, Prime Minister.",
        "People like him don't last long in politics.",
        "Nobody deserves to suffer like this.",
        "The shooter missed the penalty and City lost.",
        "It's a shame the policy didn't work.",
        "She should have aimed higher in her manifesto.",
        "Bring back the death penalty, say 60% of voters in a new poll.",
        "When the war starts, the first casualty is truth.",
        "Kill every chance of a deal, that's Labour's plan.",
        "Shoot every scene twice, the director told them.",
        "Hang the bunting from the lampposts for the coronation.",
        "Christmas lights were hung from lampposts along the high street.",
        "Rioters threw petrol bombs at police in 2011.",
        "I hope nobody recognises the mistake before the deadline.",
        "Litvinenko was killed with polonium in his tea.",
        "Putin only understands one language: force.",
        "Glory to Ukraine and to the heroes defending it.",
        "Nobody died in the flood. Great news.",
        "Thousands dead in the earthquake. Good grief, send help.",
        "Put the cables in the ground and stop wasting money on pylons.",
        "Die Hard is the best Christmas film, die hard fans agree.",
        "The Pope will probably only leave in a coffin.",
        "We'll be visiting Kyiv next spring with the choir.",
        "Top yourself up with credit before the trip.",
        "Neck yourself a pint of water before bed.",
        "The rebels were driven into the sea in 1944.",
        "Women are cheap labour in those factories, exploited by the brands.",
        "Women are easy targets for scammers.",
        "She got the job by working harder than anyone.",
        "Good for one thing: the new bill finally funds the NHS.",
        "The candidate took no prisoners in the debate.",
        "The blonde reporter asked the best question of the night.",
        "Rayner is a right grafter, I'll give her that.",
        "Drop dead gorgeous outfit at the Met Gala.",
        "Shame the bill didn't pass.",
        "Enjoy your last winter of cheap gas, the price cap ends in April.",
    ],
)
def test_news_idioms_and_fair_speech_raise_nothing(text: str) -> None:
    assert _categories(text) == set()
