"""Where an insult ends, from its first word: after "a" ("a complete moron"), after someone's
"is" ("he is a spineless fraud"), or after a name ("Starmer is a clown")."""

from __future__ import annotations

from services.toxicity_insult_words import ACCUSATIONS, INSULTS, MILD
from services.toxicity_lexicon import BARRIERS, BODY_WORDS, FILLER, STRONG_ADJ, word_set
from services.toxicity_sneers import PERSON_NOUNS, Layout, ends_phrase, person_end, sneered

FREE_WORDS = 2  # unlisted words (adjectives we do not know) allowed before an insulting noun
# "a clown show", "a snake pit": the insulting noun only describes the next one.
COMPOUND_TAILS = word_set("show shows car act pit farm costume fiesta world town circus shoes")
# Nouns that insult whoever they are said of; the accusations ("liar", "traitor") only
# insult the reader they are said to.
NAMES_OF_ANYONE = INSULTS | (MILD - ACCUSATIONS)
# With the nouns that insult only a person, which must end their phrase ("a zombie." but
# not "zombie companies").
OF_A_PERSON = NAMES_OF_ANYONE | PERSON_NOUNS
PLURAL_BE = word_set("are r re were")


def said_of(
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
    end = person_end(words, insulted(words, index, OF_A_PERSON, adjectives, layout), layout)
    if plural and end < 0:
        end = insulted(words, index, OF_A_PERSON, adjectives, layout, loose=True)
    if plural and end >= 0 and words[end] in OF_A_PERSON and not ends_phrase(words, end, layout):
        end = -1  # "they are degenerate enough to", "voters are sheep farmers"
    return end if end >= 0 else sneered(words, index, layout, bare=plural)


def of_name(words: list[str], index: int, layout: Layout) -> int:
    """Where an insult said of the name at `index` ends: "Starmer is a clown", "Zelensky the
    coke-sniffing clown", "Europeans are cucks"; else -1."""
    after = words[index + 1]
    if _a_name_is(words, index):
        # a name's noun must be an insult: "Brexit is a stupid idea" insults no one
        return _untailed(words, said_of(words, index + 2, layout, adjectives=frozenset()))
    if after == "the" and index not in layout.ends:
        end = insulted(words, index + 1, OF_A_PERSON, frozenset(), layout, loose=True)
        end = _untailed(words, person_end(words, end, layout))
        return end if 0 <= end - index < 6 else sneered(words, index + 1, layout)
    # "the Worlds are a different animal" likens a thing
    bare = index + 2 < len(words) and words[index + 2] not in ("a", "an")
    if after in PLURAL_BE and words[index].endswith("s") and bare:
        return said_of(words, index + 2, layout, plural=True)
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


def insulted(
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
    end = skip(words, index, skippable, 5)
    if end < len(words) and words[end] in nouns and end + 1 not in layout.joined:
        return end
    described = end - 1 if any(w in adjectives for w in words[index:end]) else -1
    if not loose and (index >= len(words) or words[index] not in ("a", "an")):
        return described
    noun = _noun_after(words, index, end, nouns, skippable, layout)
    return noun if noun >= 0 else described


def _noun_after(
    words: list[str],
    index: int,
    end: int,
    nouns: frozenset[str],
    skippable: frozenset[str],
    layout: Layout,
) -> int:
    """The insulting noun from `end` on, with up to two unlisted words before it, in the
    phrase that starts at `index`; else -1."""
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
    return -1


def skip(words: list[str], index: int, skippable: frozenset[str], limit: int) -> int:
    """The index of the first word from `index` on that is not skippable (at most `limit`)."""
    stop = min(len(words), index + limit)
    while index < stop and words[index] in skippable:
        index += 1
    return index
