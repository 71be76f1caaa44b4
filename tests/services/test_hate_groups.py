"""Toxicity: hatred of a whole people (sweeping vices, names for a people, rejoicing at its
deaths, slurs, tropes), each beside the reporting, history and criticism it must leave alone."""

from __future__ import annotations

import pytest

from services.normalize import normalize
from services.toxicity import NullScorer, assess


def _categories(text: str) -> set[str]:
    return {hit.category for hit in assess(text, normalize(text).text, NullScorer()).hits}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Serbs are barbarians and always will be.", "hate"),
        ("The Dutch are cowards, every one of them.", "hate"),
        ("Bulgarians are a nation of pickpockets and drunks.", "hate"),
        ("Moroccans are all drug dealers.", "hate"),
        ("Hungarians are genetically servile.", "hate"),
        ("Greeks are lazy leeches living off German money.", "hate"),
        ("Kenyans in this thread are all paid scammers.", "hate"),
        ("Swedish women are cheap.", "hate"),
        ("Every Somali is a pirate.", "hate"),
        ("Every Reform voter is an inbred redneck.", "hate"),
        ("Haitians don't value human life.", "hate"),
        ("Iranians only understand one language.", "hate"),
        ("Lesbians were a mistake.", "hate"),
        ("Kurds are not a people.", "hate"),
        ("Pakistanis commit almost all the rapes here.", "hate"),
        ("Eritreans bring nothing but knives and disease.", "hate"),
        ("Vietnamese people eat dogs.", "hate"),
        ("Syrians drowning off Lesbos? Good.", "hate"),
        ("Libyans dying in the desert, lol.", "hate"),
        ("Another dinghy sunk, good, fewer mouths to feed.", "hate"),
        ("Each and every dead Chechen is a good Chechen.", "hate"),
        ("More dead Israelis please.", "hate"),
        ("All Serbians deserve to burn.", "hate"),
        ("Yemenis deserve the camps.", "hate"),
        ("Typical Albanian.", "hate"),
        ("Your kind always turn up when there's free money.", "hate"),
        ("Stabbed another one. It's in their blood.", "hate"),
        ("Italian women are good for only one thing.", "hate"),
        ("Zionists control every politician in Washington.", "hate"),
        ("The gay lobby runs the BBC.", "hate"),
        ("Finished your 419 scams yet?", "hate"),
        ("Why are all Gypsies such thieves?", "hate"),
        ("Your lot are all scroungers.", "hate"),
        ("The Holocaust is a hoax.", "hate"),
        ("Muslims are replacing us.", "hate"),
        ("Stop letting these vermin in.", "dehumanizing"),
        ("Filthy rats, the lot of them.", "dehumanizing"),
        ("Look at him, typical Balkan ape.", "dehumanizing"),
        ("Somali scroungers on every street.", "dehumanizing"),
        ("The orcs shelled Odesa again.", "dehumanizing"),
        ("Nigerians still swinging from the trees.", "dehumanizing"),
        ("Fighting age men who come to rape our daughters.", "xenophobic"),
        ("Asylum seekers are invaders, full stop.", "xenophobic"),
        ("go home u filthy invader", "xenophobic"),
        ("Tamils should all be deported.", "xenophobic"),
        ("Ban all Hindus from entering.", "xenophobic"),
        ("Every terror attack is the same religion, funny that.", "xenophobic"),
        ("Romanians came here for benefits, now they can all go home.", "xenophobic"),
        ("Hello from the khokhols.", "slur"),
        ("Londonistan strikes again.", "slur"),
        ("Moskals will never learn.", "slur"),
        ("Bloody goat-fuckers everywhere.", "slur"),
        ("Cheese-eating surrender frogs.", "slur"),
    ],
)
def test_hatred_of_a_people_finds_its_category(text: str, category: str) -> None:
    assert category in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The minister called migrants cockroaches and must resign.",
        "People here calling Russians orcs should stop.",
        "It's racist to say that Poles are drunks.",
        "Not all Albanians are drug dealers.",
        "Albanians are overrepresented among drug dealers in UK prisons, the MoJ says.",
        "Migrants are victims of traffickers and criminals.",
        "Refugees are fleeing terrorists and murderers.",
        "Migrants are cheap labour for the big farms.",
        "Russians are no more barbaric than anyone else.",
        "Young men are more violent than women, statistically.",
        "Young men commit most of the violent crime, which is well documented.",
        "Ordinary Russians are not their government.",
        "The Russian army committed war crimes in Bucha.",
        "The Russian army are invaders and must leave Ukraine.",
        "Black people were slaves in America for centuries.",
        "Brits are drunk on nostalgia for empire.",
        "British people are thick-skinned about this.",
        "Women are slaves to the tax system.",
        "Ukrainians deserve to win this war.",
        "There are more dead Palestinians than in all previous wars combined.",
        "Migrants drowning in the Channel is a tragedy. Good people are trying to stop it.",
        "Russians dying in a pointless war Putin started. So sad for their mothers.",
        "Trump claimed Haitians were eating cats and dogs, which was false.",
        "Illegal migrants should be deported once their appeals fail.",
        "Refugees should be sent back only after a fair hearing.",
        "Germans are careful savers, it's in their culture after Weimar.",
        "Typical French bureaucracy, three forms for one permit.",
        "I think the typical Indian voter cares more about jobs.",
        "Thank you for your kind words.",
        "Kids climbing trees in the park is what summer is for.",
        "Women belong in every boardroom.",
        "Putin only understands force.",
        "Historians who claim the Holocaust never happened are cranks.",
        "The Holocaust was a crime without parallel.",
        "Why are so many Russians in Dubai?",
    ],
)
def test_reporting_history_and_criticism_raise_nothing(text: str) -> None:
    assert _categories(text) == set()
