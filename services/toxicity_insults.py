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
from services.toxicity_sneers import (
    ACCUSED,
    FOLLOWERS,
    LIKENED,
    PARTY_SLURS,
    PERSON_NOUNS,
    Layout,
    ends_phrase,
    layout_of,
    person_end,
    sneered,
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
# With the nouns that insult only a person, which must end their phrase ("a zombie." but
# not "zombie companies").
OF_A_PERSON = NAMES_OF_ANYONE | PERSON_NOUNS
GATE = INSULTING_WORDS | PERSON_NOUNS | ACCUSED | PARTY_SLURS
PLURAL_BE = word_set("are r re were")
NAME_VERBS = PLURAL_BE | word_set("is was s the")
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
        (i, i, LEXICON[w]) for i, w in enumerate(words) if w in LEXICON and not _harmless(words, i)
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


def _directed(words: list[str], names: frozenset[str], layout: Layout) -> list[tuple[int, int]]:
    """Word ranges that call the reader or a person names: "you are a clown", "he is dumb",
    "Starmer is a clown", "anyone who believes this is a fool", "trans freaks"."""
    found = []
    for i, word in enumerate(words):
        end = -1
        after = words[i + 1] if i + 1 < len(words) else ""
        named = word in names and word not in NOT_NAMES
        if word in ADDRESSED:
            nouns = INSULTS if word in ("your", "ur", "yer") else INSULTS | MILD
            nouns = nouns | PERSON_NOUNS if word in ("you", "youre") else nouns
            at = _skip(words, i + 1, BE | LOOK_LIKE, 3)
            end = person_end(words, _insulted(words, at, nouns, INSULT_ADJ, layout), layout)
        elif (word in SUBJECTS or word in FOLLOWERS) and after in BE:
            end = _said_of(words, i + 2, layout, plural=after in PLURAL_BE)
        elif word in STRONG_ADJ and after in GROUPS:
            end = i + 1
        elif word == "what" and after in ("a", "an"):
            # a noun is needed: "what a stupid plan" criticises the plan
            end = _insulted(words, i + 1, NAMES_OF_ANYONE, frozenset(), layout)
        elif word in COLLECTIVES and after == "of":
            # FILLER is skipped anyway; as adjectives it made "a lot of the" an insult
            end = _insulted(words, i + 2, NAMES_OF_ANYONE, frozenset(), layout, loose=True)
        elif named and after in NAME_VERBS:
            end = _of_name(words, i, layout)
        elif (after in LIKENED and (named or word in SUBJECTS)) or word == "spoken":
            at = _skip(words, i + 1, LIKENED, 1) + 1 if word != "spoken" else i + 2
            if words[at - 1 : at] == ["like"]:
                end = person_end(
                    words, _insulted(words, at, OF_A_PERSON, STRONG_ADJ, layout), layout
                )
        elif word in ANYONE and after == "who":
            be = next(
                (j for j in range(i + 2, i + 2 + WHO_REACH) if j < len(words) and words[j] in BE),
                -1,
            )
            if be > 0:
                end = _insulted(words, be + 1, NAMES_OF_ANYONE, STRONG_ADJ, layout)
        elif word in GROUP_WORDS and after in NAMES_OF_ANYONE:
            end = i + 1
        if end >= i:
            found.append((i, end))
    return found


def _said_of(
    words: list[str],
    index: int,
    layout: Layout,
    *,
    plural: bool = False,
    adjectives: frozenset[str] = STRONG_ADJ,
) -> int:
    """Where an insult said of someone ends, starting after their "is" at `index`: a
    noun that insults anyone, one that insults a person and ends its phrase, or a
    plain accusation sneered at ("a spineless fraud"); else -1. After a plural "are",
    one describing word may come without an article ("racist inbreds,")."""
    end = person_end(words, _insulted(words, index, OF_A_PERSON, adjectives, layout), layout)
    if plural and end < 0:
        end = _insulted(words, index, OF_A_PERSON, adjectives, layout, loose=True)
    if plural and end >= 0 and words[end] in OF_A_PERSON and not ends_phrase(words, end, layout):
        end = -1  # "they are degenerate enough to", "voters are sheep farmers"
    return end if end >= 0 else sneered(words, index, layout, bare=plural)


def _of_name(words: list[str], index: int, layout: Layout) -> int:
    """Where an insult said of the name at `index` ends: "Starmer is a clown", "Zelensky the
    coke-sniffing clown", "Europeans are cucks"; else -1."""
    after = words[index + 1]
    if _a_name_is(words, index):
        # a name's noun must be an insult: "Brexit is a stupid idea" insults no one
        return _untailed(words, _said_of(words, index + 2, layout, adjectives=frozenset()))
    if after == "the" and index not in layout.ends:
        end = _insulted(words, index + 1, OF_A_PERSON, frozenset(), layout, loose=True)
        end = _untailed(words, person_end(words, end, layout))
        return end if 0 <= end - index < 6 else sneered(words, index + 1, layout)
    # "the Worlds are a different animal" likens a thing
    bare = index + 2 < len(words) and words[index + 2] not in ("a", "an")
    if after in PLURAL_BE and words[index].endswith("s") and bare:
        return _said_of(words, index + 2, layout, plural=True)
    return -1


def _untailed(words: list[str], end: int) -> int:
    """`end`, unless the insulting noun describes the next one ("a clown show")."""
    return -1 if end + 1 < len(words) and words[end + 1] in COMPOUND_TAILS else end


def _a_name_is(words: list[str], index: int) -> bool:
    """Whether the capitalised word at `index` is the subject of "is a"/"'s a"/"was a"."""
    if index + 2 >= len(words):
        return False
    verb, article = words[index + 1], words[index + 2]
    return (verb in ("is", "was") or verb == "s") and article in ("a", "an")


def _insulted(
    words: list[str],
    index: int,
    nouns: frozenset[str],
    adjectives: frozenset[str],
    layout: Layout,
    *,
    loose: bool = False,
) -> int:
    """Where an insult ends if one starts at `index` ("a complete moron", "a corrupt little
    parasite": after "a", or anywhere when `loose`, up to two words not on our lists, each
    perhaps hyphenated, may stand before the noun), else -1."""
    skippable = FILLER | adjectives
    end = _skip(words, index, skippable, 5)
    if end < len(words) and words[end] in nouns and end + 1 not in layout.joined:
        return end
    if not loose and (index >= len(words) or words[index] not in ("a", "an")):
        return end - 1 if any(w in adjectives for w in words[index:end]) else -1
    free = 0
    reach = index + 7 + sum(at in layout.joined for at in range(index, index + 10))
    for at in range(end, min(len(words), reach)):
        word = words[at]
        if at > index and at - 1 in layout.stops:
            break  # the phrase ended: "Winner: the moderator. Loser: ..."
        if at in layout.joined:
            continue
        if word in nouns and word not in BODY_WORDS and at + 1 not in layout.joined:
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
