"""Toxicity word by word: listed slurs and insulting nouns, and insults aimed at someone."""

from __future__ import annotations

from services.toxicity_hits import WORD, Hit
from services.toxicity_lexicon import (
    ACCUSATIONS,
    ADDRESSED,
    BARRIERS,
    BE,
    BODY_WORDS,
    COLLECTIVES,
    FILLER,
    GROUPS,
    INSULT_ADJ,
    INSULTING_WORDS,
    INSULTS,
    LEXICON,
    MILD,
    PORN_TOPICS,
    STRONG_ADJ,
    SUBJECTS,
    word_set,
)

FREE_WORDS = 2  # unlisted words (adjectives we do not know) allowed before an insulting noun
# Capitalised words that start a sentence without naming anyone ("This is a joke").
NOT_NAMES = word_set(
    """the this that it its there here what which who whom where why how everything something
    nothing everyone someone anyone nobody everybody somebody anybody i we you he she they
    his her their our my your life karma reality politics history democracy"""
)
# "a clown show", "a snake pit": the insulting noun only describes the next one.
COMPOUND_TAILS = word_set("show shows car act pit farm costume fiesta world town circus shoes")
# "you look like a groomer", "you sound like a child"
LOOK_LIKE = word_set("look looks sound sounds like")
# Nouns that insult whoever they are said of; the accusations ("liar", "traitor") only
# insult the reader they are said to.
NAMES_OF_ANYONE = INSULTS | (MILD - ACCUSATIONS)
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
    if present.isdisjoint(INSULTING_WORDS):
        return []
    ranges = [
        (i, i, LEXICON[w]) for i, w in enumerate(words) if w in LEXICON and not _harmless(words, i)
    ]
    ranges += [(start, end, "insult") for start, end in _directed(words, names)]
    if not ranges:
        return []
    spans = [m.span() for m in WORD.finditer(normalized)]
    return [
        Hit(category, normalized[spans[a][0] : spans[b][1]], spans[a][0], spans[b][1])
        for a, b, category in ranges
    ]


def _harmless(words: list[str], index: int) -> bool:
    """Whether the listed word at `index` is used in another sense: "porn" naming a subject
    of the news ("paid a porn star", "revenge porn"), "a chink in the armour", "gobbledygook"."""
    word, before = words[index], words[index - 1] if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    if word in ("porn", "porno"):
        return after in PORN_TOPICS or before in ("revenge", "child")
    if word in ("chink", "chinks"):
        return after == "in"
    if word in ("dyke", "dykes"):
        return before == "van"  # Dick Van Dyke
    return word == "gook" and before in ("gobbledy", "gobbledee", "gobble", "de")


def _directed(words: list[str], names: frozenset[str]) -> list[tuple[int, int]]:
    """Word ranges that call the reader or a person names: "you are a clown", "he is dumb",
    "Starmer is a clown", "anyone who believes this is a fool", "trans freaks"."""
    found = []
    for i, word in enumerate(words):
        end = -1
        after = words[i + 1] if i + 1 < len(words) else ""
        if word in ADDRESSED:
            nouns = INSULTS if word in ("your", "ur", "yer") else INSULTS | MILD
            end = _insulted(words, _skip(words, i + 1, BE | LOOK_LIKE, 3), nouns, INSULT_ADJ)
        elif word in SUBJECTS and after in BE:
            end = _insulted(words, i + 2, NAMES_OF_ANYONE, STRONG_ADJ)
        elif word in STRONG_ADJ and after in GROUPS:
            end = i + 1
        elif word == "what" and after in ("a", "an"):
            # a noun is needed: "what a stupid plan" criticises the plan
            end = _insulted(words, i + 1, NAMES_OF_ANYONE, frozenset())
        elif word in COLLECTIVES and after == "of":
            end = _insulted(words, i + 2, NAMES_OF_ANYONE, FILLER, loose=True)
        elif word in names and _a_name_is(words, i):
            # a name's noun must be an insult: "Brexit is a stupid idea" insults no one
            end = _insulted(words, i + 2, NAMES_OF_ANYONE, frozenset())
            if end + 1 < len(words) and words[end + 1] in COMPOUND_TAILS:
                end = -1
        elif word in ANYONE and after == "who":
            be = next(
                (j for j in range(i + 2, i + 2 + WHO_REACH) if j < len(words) and words[j] in BE),
                -1,
            )
            if be > 0:
                end = _insulted(words, be + 1, NAMES_OF_ANYONE, STRONG_ADJ)
        elif word in GROUP_WORDS and after in NAMES_OF_ANYONE:
            end = i + 1
        if end >= i:
            found.append((i, end))
    return found


def _a_name_is(words: list[str], index: int) -> bool:
    """Whether the capitalised word at `index` is the subject of "is a"/"'s a"/"was a"."""
    if words[index] in NOT_NAMES or index + 2 >= len(words):
        return False
    verb, article = words[index + 1], words[index + 2]
    return (verb in ("is", "was") or verb == "s") and article in ("a", "an")


def _insulted(
    words: list[str],
    index: int,
    nouns: frozenset[str],
    adjectives: frozenset[str],
    *,
    loose: bool = False,
) -> int:
    """Where an insult ends if one starts at `index` ("a complete moron", "a corrupt little
    parasite": after "a", or anywhere when `loose`, up to two words not on our lists may stand
    before the noun), else -1."""
    skippable = FILLER | adjectives
    end = _skip(words, index, skippable, 5)
    if end < len(words) and words[end] in nouns:
        return end
    if not loose and (index >= len(words) or words[index] not in ("a", "an")):
        return end - 1 if any(w in adjectives for w in words[index:end]) else -1
    free = 0
    for at in range(end, min(len(words), index + 7)):
        word = words[at]
        if word in nouns and word not in BODY_WORDS:
            return at
        if word in BARRIERS and (free or word not in skippable):
            break
        if word in skippable:
            continue
        if free == FREE_WORDS:
            break
        free += 1
    return end - 1 if any(w in adjectives for w in words[index:end]) else -1


def _skip(words: list[str], index: int, skippable: frozenset[str], limit: int) -> int:
    """The index of the first word from `index` on that is not skippable (at most `limit`)."""
    stop = min(len(words), index + limit)
    while index < stop and words[index] in skippable:
        index += 1
    return index
