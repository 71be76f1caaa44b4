"""Masking for the toxicity model: the words it should judge, and those it should not see."""

from __future__ import annotations

from functools import lru_cache

from services.toxicity_lexicon import (
    EXPLETIVE,
    HO_CALLS,
    INSULT_ADJ,
    LAUGHTER,
    MASKABLE,
    THINGS,
    UNSCORED,
    YOU,
    word_set,
)

# Rude words that are also names (Dick Cheney, Dick Van Dyke, Fanny Brice, Peter Wang).
NAME_WORDS = word_set("dick dyke cock willy fanny wang dong")
SWEARING_REACH = 4  # words from a "you" within which a swear word still counts for the model


def masked(words: list[str], names: frozenset[str] = frozenset()) -> str:
    """The words the model should judge. Identity words, dialect spellings and the call "ho"
    ("ho ho ho", "hi ho") never count; swearing (or "lmfao") counts only within a few words of
    a "you": "fuck you" is abuse, "what the fuck, you forget" is colour. A comment that
    addresses someone ("you") is judged on all its other words; one that addresses no one
    also loses its strong news words and any insulting adjective that describes a plan or a
    policy, so that "this policy is stupid" or "kill the bill" reads as what it is. Rude
    words written with a capital (`names`) are names: "Dick Van Dyke"."""
    present = set(words)
    if "ho" in present:
        words = [w for i, w in enumerate(words) if w != "ho" or not _a_call(words, i)]
    addressed = not present.isdisjoint(YOU)
    drop = present & (UNSCORED if addressed else MASKABLE) | (present & names & NAME_WORDS)
    swearing = [i for i, word in enumerate(words) if _is_expletive(word) or word in LAUGHTER]
    if swearing:
        near = [i for i, word in enumerate(words) if word in YOU]
        drop |= {words[i] for i in swearing if not any(abs(i - j) <= SWEARING_REACH for j in near)}
    if not drop:
        return " ".join(words)
    kept = []
    for i, word in enumerate(words):
        if word in drop and not (
            word in INSULT_ADJ and THINGS.isdisjoint(words[max(0, i - 3) : i + 3])
        ):
            continue
        kept.append(word)
    return " ".join(kept)


def _a_call(words: list[str], index: int) -> bool:
    """Whether the "ho" at `index` is a call or a laugh ("ho ho", "hi ho", "gung-ho")."""
    before = words[index - 1] if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    return before in HO_CALLS or after == "ho"


@lru_cache(maxsize=65536)
def _is_expletive(word: str) -> bool:
    """True for swear words that may be censored instead of held."""
    return EXPLETIVE.fullmatch(word) is not None
