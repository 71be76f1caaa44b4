"""Toxicity word by word: listed slurs and insulting nouns, and insults aimed at someone."""

from __future__ import annotations

from services.toxicity_hits import WORD, Hit
from services.toxicity_insult_ends import (
    NAMES_OF_ANYONE,
    OF_A_PERSON,
    PLURAL_BE,
    insulted,
    of_name,
    said_of,
    skip,
)
from services.toxicity_insult_words import INSULTING_WORDS, INSULTS, LEXICON, MILD, PORN_TOPICS
from services.toxicity_lexicon import (
    ADDRESSED,
    BE,
    COLLECTIVES,
    GROUPS,
    INSULT_ADJ,
    STRONG_ADJ,
    SUBJECTS,
    word_set,
)
from services.toxicity_sneers import (
    ACCUSED,
    FOLLOWERS,
    LIKENED,
    PARTY_SLURS,
    PERSON_NOUNS,
    Layout,
    layout_of,
    person_end,
)

# Capitalised words that start a sentence without naming anyone ("This is a joke").
NOT_NAMES = word_set(
    """the this that it its there here what which who whom where why how everything something
    nothing everyone someone anyone nobody everybody somebody anybody i we you he she they
    his her their our my your life karma reality politics history democracy"""
)
# "you look like a groomer", "you sound like a child"
LOOK_LIKE = word_set("look looks sound sounds like")
GATE = INSULTING_WORDS | PERSON_NOUNS | ACCUSED | PARTY_SLURS
NAME_VERBS = PLURAL_BE | word_set("is was s the")
# Between "I am" and the name a writer calls themselves: "I'm such an idiot".
SELF_FILLER = word_set("a an such complete total absolute utter right proper bit of")
# After "the losers": who loses out, and in what.
LOSING_OUT = word_set("in of from under here again this when if")
# The listed words that `harmless` may find used in another sense.
IDIOM_WORDS = word_set("porn porno chink chinks dyke dykes cock fag fags pussy gook")
# What a fag is in British English when one of these follows: a cigarette.
FAG_THINGS = word_set("packet packets break breaks end ends butt butts ash lighter")
# Whoever fits a description ("anyone who votes for them is a moron").
ANYONE = word_set("anyone anybody everyone everybody whoever")
WHO_REACH = 8  # words between "anyone who" and its "is"
# Groups whose name, right before an insulting noun, calls all of them it: "trans freaks",
# "immigrant rats", "Tory scum".
GROUP_WORDS = word_set(
    """trans gay gays muslim muslims jewish jew jews immigrant immigrants migrant migrants
    refugee refugees asylum foreign arab arabs mexican mexicans gypsy gypsies tory tories
    labour lefty lefties leftie liberal liberals lib libs woke remainer remainers brexiteer
    brexiteers trump maga democrat democrats republican republicans feminist feminists boomer
    boomers millennial millennials zionist zionists russian russians ukrainian ukrainians"""
)


def lexical_hits(
    normalized: str, words: list[str], present: set[str], names: frozenset[str] = frozenset()
) -> list[Hit]:
    """Slurs, insulting nouns and insults aimed at someone, located in the text; `names` are
    the words written with a capital, which may name a person ("Starmer is a clown")."""
    if present.isdisjoint(GATE):
        return []
    spans = [m.span() for m in WORD.finditer(normalized)]
    ranges = [
        (i, i, LEXICON[w])
        for i, w in enumerate(words)
        if w in LEXICON and not harmless(words, i) and not _of_oneself(words, i)
    ]
    ranges += [(i, i, "insult") for i, w in enumerate(words) if w in PARTY_SLURS]
    layout = layout_of(normalized, spans)
    ranges += [(start, end, "insult") for start, end in _directed(words, names, layout)]
    if not ranges:
        return []
    return [
        Hit(category, normalized[spans[a][0] : spans[b][1]], spans[a][0], spans[b][1])
        for a, b, category in ranges
    ]


def idioms(words: list[str], present: set[str]) -> frozenset[int]:
    """Where the listed words used in another sense stand (see `harmless`): the models are
    not to read "cock" in "another cock-up" either."""
    if present.isdisjoint(IDIOM_WORDS):
        return frozenset()
    return frozenset(i for i, w in enumerate(words) if w in IDIOM_WORDS and harmless(words, i))


def harmless(words: list[str], index: int) -> bool:
    """Whether the listed word at `index` is used in another sense: "porn" naming a subject
    of the news ("paid a porn star", "revenge porn"), "a chink in the armour", "a chink of
    light", "gobbledygook", and the idioms of British politics: "another cock-up", "back of a
    fag packet", "Pussy Riot"."""
    word, before = words[index], words[index - 1] if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    if word in ("porn", "porno"):
        return after in PORN_TOPICS or before in ("revenge", "child")
    if word in ("chink", "chinks"):
        return after in ("in", "of")
    if word in ("dyke", "dykes"):
        return before == "van"  # Dick Van Dyke
    if word == "cock":
        return after in ("up", "ups")
    if word in ("fag", "fags"):
        return after in FAG_THINGS
    if word == "pussy":
        return after == "riot"
    return word == "gook" and before in ("gobbledy", "gobbledee", "gobble", "de")


def _directed(words: list[str], names: frozenset[str], layout: Layout) -> list[tuple[int, int]]:
    """Word ranges that call the reader or a person names: "you are a clown", "he is dumb",
    "Starmer is a clown", "anyone who believes this is a fool", "trans freaks"."""
    found = []
    for i in range(len(words)):
        end = _aimed_from(words, i, names, layout)
        if end >= i and not _losing_out(words, i, end):
            found.append((i, end))
    return found


def _of_oneself(words: list[str], index: int) -> bool:
    """Whether the insulting noun at `index` is the writer's of themselves: "I'm such an
    idiot", "am I an idiot for fixing?"."""
    if LEXICON[words[index]] != "insult":
        return False
    at = index - 1
    while at >= 0 and words[at] in SELF_FILLER:
        at -= 1
    if at < 0 or at == index - 1:
        return False  # the noun must follow an article or a word of degree
    return words[at] == "im" or words[max(0, at - 1) : at + 1] in (
        ["i", "am"],
        ["i", "m"],
        ["am", "i"],
    )


def _losing_out(words: list[str], start: int, end: int) -> bool:
    """Whether a phrase "... are the losers in/of/from ..." says who loses out, as news
    does ("pensioners are the big losers in this budget"), rather than calling names."""
    return (
        words[end] in ("loser", "losers")
        and words[start] not in ADDRESSED
        and "the" in words[start:end]
        and end + 1 < len(words)
        and words[end + 1] in LOSING_OUT
    )


def _aimed_from(words: list[str], i: int, names: frozenset[str], layout: Layout) -> int:
    """Where an insult aimed at someone that starts at word `i` ends, else -1."""
    word = words[i]
    after = words[i + 1] if i + 1 < len(words) else ""
    named = word in names and word not in NOT_NAMES
    if word in ADDRESSED:
        return _to_reader(words, i, layout)
    if (word in SUBJECTS or word in FOLLOWERS) and after in BE:
        return said_of(words, i + 2, layout, plural=after in PLURAL_BE)
    if word in STRONG_ADJ and after in GROUPS:
        return i + 1
    if word == "what" and after in ("a", "an"):
        # a noun is needed: "what a stupid plan" criticises the plan
        return insulted(words, i + 1, NAMES_OF_ANYONE, frozenset(), layout)
    if word in COLLECTIVES and after == "of":
        # FILLER is skipped anyway; as adjectives it made "a lot of the" an insult
        return insulted(words, i + 2, NAMES_OF_ANYONE, frozenset(), layout, loose=True)
    if named and after in NAME_VERBS:
        return of_name(words, i, layout)
    if (after in LIKENED and (named or word in SUBJECTS)) or word == "spoken":
        return _likened(words, i, layout)
    if word in ANYONE and after == "who":
        return _anyone_who(words, i, layout)
    if word in GROUP_WORDS and after in NAMES_OF_ANYONE:
        return i + 1
    return -1


def _to_reader(words: list[str], i: int, layout: Layout) -> int:
    """Where an insult said to the reader at word `i` ends: "you are a clown", "you look
    like a groomer"; else -1."""
    word = words[i]
    nouns = INSULTS if word in ("your", "ur", "yer") else INSULTS | MILD
    nouns = nouns | PERSON_NOUNS if word in ("you", "youre") else nouns
    at = skip(words, i + 1, BE | LOOK_LIKE, 3)
    return person_end(words, insulted(words, at, nouns, INSULT_ADJ, layout), layout)


def _likened(words: list[str], i: int, layout: Layout) -> int:
    """Where the insult that a "looks like" or "spoken like" at word `i` compares someone to
    ends, else -1."""
    at = skip(words, i + 1, LIKENED, 1) + 1 if words[i] != "spoken" else i + 2
    if words[at - 1 : at] != ["like"]:
        return -1
    return person_end(words, insulted(words, at, OF_A_PERSON, STRONG_ADJ, layout), layout)


def _anyone_who(words: list[str], i: int, layout: Layout) -> int:
    """Where an insult of whoever fits a description ends: "anyone who votes for them is
    a moron"; else -1."""
    be = next(
        (j for j in range(i + 2, i + 2 + WHO_REACH) if j < len(words) and words[j] in BE),
        -1,
    )
    return insulted(words, be + 1, NAMES_OF_ANYONE, STRONG_ADJ, layout) if be > 0 else -1
