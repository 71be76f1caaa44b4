"""Insults without a listed insulting word: nouns that insult only a person they are said of,
names for a party's voters, sneers about someone's brain, upbringing or love life, and the
phrase detectors that find them."""

from __future__ import annotations

from itertools import pairwise
from typing import NamedTuple

from services.toxicity_lexicon import BARRIERS, BE, word_set

# Nouns that insult a person said to be one ("Biden is a drooling vegetable"), but name
# something else when a noun follows ("zombie companies", "turtle doves", "vegetable prices").
PERSON_NOUNS = word_set(
    """vegetable vegetables zombie zombies turtle turtles inbred inbreds goblin goblins gremlin
    gremlins cabbage turnip turnips donkey donkeys baboon baboons walrus dingbat dingbats dork
    dorks dweeb dweebs doofus dope dopes chump chumps dipstick dipsticks bozo bozos wally
    wallies wimp wimps wuss wusses sissy sissies simp simps bimbo bimbos windbag windbags
    blowhard blowhards gasbag gasbags gimp gimps nutcase nutcases headcase headcases fruitcake
    fruitcakes crackpot crackpots kook kooks weirdo weirdos manchild incel incels neckbeard
    neckbeards slob slobs lardass fatso fatass fatty fatties deadbeat deadbeats freeloader
    freeloaders sponger spongers bloodsucker bloodsuckers maggot maggots skunk hyena hyenas
    lemming lemmings knob knobs plank mong mongs spaz spazz dumbo sheep
    cockroach cockroaches vermin simpleton clot barbarian barbarians"""
)
# Nouns that are political speech said plainly ("the president is a liar", "a fraud") but
# insults with a sneering word before them ("a spineless eyeliner-wearing fraud").
ACCUSED = word_set(
    """fraud frauds puppet puppets failure failures hack hacks mouthpiece thug thugs man woman
    boy girl creature specimen individual person excuse liar liars traitor traitors hypocrite
    hypocrites coward cowards crook crooks disgrace lapdog lapdogs stooge stooges turncoat
    charlatan charlatans grifter grifters joke"""
)
SNEER_ADJ = word_set(
    """spineless gutless drooling slimy smug snivelling sniveling whiny whining weaselly
    wretched pathetic useless worthless stupid dumb thick brainless senile decrepit limp vapid
    greasy creepy feeble witless gormless dimwitted dribbling dithering doddering doddery"""
)
# The second half of a hyphenated word that sneers: "coke-sniffing", "stroke-brained".
SNEER_TAILS = word_set("sniffing snorting brained witted licking sucking wearing faced")
# Names for a party's voters or members that insult all of them.
PARTY_SLURS = word_set(
    """dumbocrat dumbocrats democrap democraps demonrat demonrats demoncrat demoncrats
    rethuglican rethuglicans republicunt republicunts repugnican repugnicans repuglican
    repuglicans libtarded conservatard conservatards trumpanzee trumpanzees libturd libturds
    magat magats maggat maggats brexshitter brexshitters feminazi feminazis leftoid leftoids"""
)
# People who watch, read or follow someone, whom "are sheep" insults.
FOLLOWERS = word_set(
    """viewers viewer followers follower fans fan readers reader listeners listener members
    member believers believer cultists cultist watchers voter supporter"""
)
# Whoever a "spoken like" or "looks like" compares someone to.
LIKENED = word_set("looks look sounds sound spoken")
PHRASE_ENDS = (
    BARRIERS | BE | word_set("who should shouldnt can cant could couldnt will wont has had")
)
PUNCTUATION = frozenset(".,;:!?()")
STOPS = PUNCTUATION - {","}


class Layout(NamedTuple):
    """Where words are joined to the one before by a hyphen ("thick-as-mince"), which
    words end a phrase (punctuation or the end of the text after them), and which end a
    sentence or a clause (a comma only separates describing words: "a gutless, spineless worm")."""

    joined: frozenset[int] = frozenset()
    ends: frozenset[int] = frozenset()
    stops: frozenset[int] = frozenset()


def layout_of(normalized: str, spans: list[tuple[int, int]]) -> Layout:
    """The hyphens and the punctuation between the words whose `spans` are given."""
    gaps = [normalized[a[1] : b[0]] for a, b in pairwise(spans)] + ["."]
    joined = frozenset(i + 1 for i, gap in enumerate(gaps) if gap == "-")
    ends = frozenset(i for i, gap in enumerate(gaps) if not PUNCTUATION.isdisjoint(gap))
    stops = frozenset(i for i in ends if not STOPS.isdisjoint(gaps[i]))
    return Layout(joined, ends, stops)


def person_end(words: list[str], end: int, layout: Layout) -> int:
    """`end`, unless the noun there insults only a person and another noun follows it."""
    if end < 0 or words[end] not in PERSON_NOUNS:
        return end
    return end if ends_phrase(words, end, layout) else -1


def ends_phrase(words: list[str], index: int, layout: Layout) -> bool:
    """Whether the word at `index` ends its noun phrase: no noun follows it."""
    if index in layout.ends:
        return True
    after = words[index + 1]
    # a participle may follow: "lazy leeches faking it", "a donkey braying"
    participle = after.endswith("ing")
    return index + 1 not in layout.joined and (after in PHRASE_ENDS or participle)


def sneered(words: list[str], index: int, layout: Layout, *, bare: bool = False) -> int:
    """Where a plain accusation with a sneer before it ends ("a spineless fraud", "a
    coke-sniffing puppet", "a pathetic little man"; "spineless cowards" when `bare`), else -1."""
    if index >= len(words) or not (bare or words[index] in ("a", "an", "the")):
        return -1
    sneer = False
    for at in range(index + (not bare), min(len(words), index + 8)):
        word = words[at]
        if at in layout.joined:
            sneer = sneer or word in SNEER_TAILS
        elif word in ACCUSED and at + 1 not in layout.joined:
            return at if sneer and ends_phrase(words, at, layout) else -1
        elif word in BARRIERS:
            return -1
        sneer = sneer or word in SNEER_ADJ
    return -1
