"""Toxicity scorers: alt-profanity-check's linear model in plain Python, and a null one."""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

DATA = Path(__file__).resolve().parent / "data" / "profanity_check.npz"
# The exact token pattern of alt-profanity-check's TfidfVectorizer.
TOKEN = re.compile(r"(?u)\b\w\w+\b")
ENV_VAR = "GATEHOUSE_TOXICITY_SCORER"


class ToxicityScorer(Protocol):
    """Anything that turns a comment into a toxicity probability."""

    def score(self, text: str, normalized_text: str) -> float:
        """Probability in 0..1 that the comment is toxic."""
        ...


class NullScorer:
    """Scores everything 0: for tests, or to rely on the patterns alone."""

    def score(self, text: str, normalized_text: str) -> float:
        """Always 0."""
        return 0.0


class LinearScorer:
    """alt-profanity-check's tf-idf + calibrated linear SVMs, over the tokens present."""

    def __init__(self, path: Path = DATA) -> None:
        self._path = path
        self._table: dict[str, tuple[float, ...]] | None = None
        self._calibration: list[tuple[float, float, float]] = []

    def _load(self) -> dict[str, tuple[float, ...]]:
        """Read the exported vocabulary, idf, coefficients and calibrators once."""
        with np.load(self._path) as data:
            words = bytes(data["words"]).decode("utf-8").split("\n")
            rows = np.column_stack([data["idf"], data["coef"].T]).tolist()
            self._calibration = list(
                zip(data["intercept"].tolist(), data["a"].tolist(), data["b"].tolist(), strict=True)
            )
        self._table = {word: tuple(row) for word, row in zip(words, rows, strict=True)}
        return self._table

    def probability(self, text: str) -> float:
        """What `profanity_check.predict_prob([text])[0]` returns, without scikit-learn."""
        table = self._table if self._table is not None else self._load()
        counts = Counter(t for t in TOKEN.findall(text.lower()) if t in table)
        models = len(self._calibration)
        dots = [0.0] * models
        norm = 0.0
        for token, count in counts.items():
            row = table[token]
            weight = count * row[0]
            norm += weight * weight
            for k in range(models):
                dots[k] += weight * row[k + 1]
        scale = 1.0 / math.sqrt(norm) if norm else 0.0
        total = 0.0
        for dot, (intercept, a, b) in zip(dots, self._calibration, strict=True):
            total += 1.0 / (1.0 + math.exp(a * (dot * scale + intercept) + b))
        return total / models

    def score(self, text: str, normalized_text: str) -> float:
        """The model's probability for the normalised text."""
        return self.probability(normalized_text)


SCORERS: dict[str, type[NullScorer] | type[LinearScorer]] = {
    "linear": LinearScorer,
    "null": NullScorer,
}


def get_scorer(name: str | None = None) -> ToxicityScorer:
    """The scorer named by `name`, else by GATEHOUSE_TOXICITY_SCORER (default "linear")."""
    choice = (name or os.environ.get(ENV_VAR) or "linear").strip().lower()
    if choice not in SCORERS:
        raise ValueError(f"unknown toxicity scorer {choice!r}; choose from {sorted(SCORERS)}")
    return _scorer(choice)


@cache
def _scorer(choice: str) -> ToxicityScorer:
    """One shared instance per scorer, so a model is loaded once."""
    return SCORERS[choice]()


def _set(spec: str) -> frozenset[str]:
    """A set of words from a whitespace-separated list."""
    return frozenset(spec.split())


YOU = _set("you u ya ye your ur youre yourself yourselves yours thou yer")
ADDRESSED = _set("you u ya ye youre your ur yer")
BE = _set("are r re were is was s am m be being")
FILLER = _set(
    """such so really just a an the too absolute absolutely utter utterly complete completely
    total totally fucking fuckin effing bloody damn little big typical sad old one of bunch pack
    piece nothing but very most biggest"""
)
EXPLETIVE = re.compile(
    r"f+u+c*k+\w*|fck\w*|fuk\w*|shit\w*|bullshit\w*|crap\w*|damn\w*|dammit|goddamn\w*|hell"
    r"|piss\w*|arse|ass|asses|wtf|omfg|bloody|bugger\w*|bollocks|sucks?|suck(?:ed|ing|y)"
    r"|screw(?:ed)?|freakin\w*|friggin\w*|effin\w*|feck\w*|frick\w*|dick|dicks|cking\w*"
)
# Words strong in the news that insult no one unless aimed at the reader.
CONTEXTUAL = _set(
    """kill killed killing kills die dies died dead death deaths shoot shot shooting bomb bombs
    bombing bombed war wars murder murders murderer murderers murdered criminal criminals crime
    crimes liar liars lie lies lying lied corrupt corruption fraud traitor traitors treason
    fascist fascists fascism nazi nazis racist racists racism hypocrite hypocrites hypocrisy
    disgrace disgraceful shame shameful propaganda propagandists rapist rapists rape pedophile
    dictator tyrant thug thugs crook crooks coward cowards cowardly horrible horrific terrible
    awful cruel sick insane crazy mad ridiculous absurd rubbish garbage nonsense trash
    disgusting hate hated hates hatred evil terror terrorist terrorists terrorism attack attacks
    blood genocide massacre destroy destroyed violence violent regime invasion enemy enemies
    god silly foolish lazy arrogant incompetent failure disaster mess joke clown clowns circus
    fat ugly mental mentally nuts lunatic lunatics cancer slave slavery scandal slaughter wreck
    stinks stink rotten filthy dirty shut sex sexual porn psycho psychopath bully bullies fool
    fools poor loser losers"""
)
# Insulting adjectives: kept for the model unless they describe a policy or a plan.
INSULT_ADJ = _set(
    """stupid stupidest stupidity dumb dumbest idiotic idiocy moronic pathetic ignorant
    brainless clueless worthless useless retarded senile"""
)
THINGS = _set(
    """policy policies bill bills law laws plan plans idea ideas decision decisions move deal
    tax taxes tariff tariffs rule rules reform reforms budget system election vote referendum
    scheme proposal proposals strategy approach regulation regulations treaty sanctions
    question questions argument arguments it this that thing things war motion amendment
    programme program project spending cuts situation remarks remark comment comments
    statement statements speech speeches response answer answers claim claims excuse excuses
    interview article report headline take position stance manifesto campaign ad slogan
    tweet post move moves result results idea"""
)
# What a threat can be about without threatening anyone ("the bill should be killed").
NOT_PEOPLE = _set(
    """policy bill law plan idea proposal project deal scheme motion amendment reform tax
    programme program budget treaty legislation measure regulation it"""
)
IDENTITY = _set(
    """gay gays homosexual homosexuals lesbian lesbians queer queers black blacks white whites
    jew jews jewish muslim muslims islam christian christians trans transgender mexican mexicans
    african africans arab arabs asian asians women woman immigrant immigrants refugee refugees
    feminist feminists"""
)
SLURS = _set(
    """nigger niggers nigga niggas niggah niggaz nigguh faggot faggots fag fags dyke dykes
    tranny trannies chink chinks spic spics kike kikes wetback wetbacks paki pakis raghead
    ragheads towelhead towelheads gook gooks"""
)
# Sexually explicit words: held, since censoring them leaves an obscene comment behind.
SEXUAL = _set(
    """pussy pussies cock cocks cum cumming porn porno xxx milf horny dildo blowjob blowjobs
    handjob anal tits titties boobs boobies jizz"""
)
# Nouns that insult a person wherever they appear.
INSULTS = _set(
    """idiot idiots moron morons imbecile imbeciles cretin cretins dumbass dumbasses jackass
    jackasses dipshit dipshits dimwit dimwits halfwit halfwits nitwit nitwits numpty numpties
    retard retards libtard libtards trumptard trumptards scumbag scumbags scum dickhead dickheads
    asshole assholes arsehole arseholes motherfucker motherfuckers cunt cunts bitch bitches
    whore whores slut sluts twat twats wanker wankers prick pricks douchebag douchebags bastard
    bastards hoe hoes shithead shitheads fuckhead fuckheads fucktard fucktards cocksucker
    cocksuckers subhuman subhumans lowlife lowlifes braindead dickface dickweed"""
)
# Nouns that insult only when said to someone ("you clown") or of someone ("he is a pig").
MILD = _set(
    """clown clowns troll trolls loser losers peasant peasants cow cows pig pigs rat rats snake
    snakes coward cowards fool fools sheep joke disgrace parasite parasites animal animals freak
    freaks creep creeps hypocrite hypocrites liar liars traitor traitors snowflake snowflakes
    commie commies fascist fascists nazi nazis leftie lefties bum bums dick dicks tit prat
    plonker muppet tosser tossers git arse ass degenerate degenerates embarrassment"""
)
# Accusations that are political speech about a public figure, insults only when said to "you".
ACCUSATIONS = _set(
    """liar liars traitor traitors hypocrite hypocrites fascist fascists nazi nazis coward
    cowards commie commies crook crooks disgrace joke"""
)
STRONG_ADJ = _set("stupid dumb retarded moronic idiotic brainless senile worthless disgusting")
SUBJECTS = _set(
    """he she they hes shes theyre people voters supporters liberals conservatives lefties
    leftists libs tories democrats republicans socialists immigrants politicians president
    minister senator mp mps guy man woman journalist reporter author leader king queen editor"""
)
GROUPS = _set(
    """people voters supporters liberals conservatives lefties leftists libs tories democrats
    republicans socialists immigrants politicians bastards women men americans brits muslims
    jews"""
)
VIOLENCE = (
    r"shot|hanged|hung|lynched|executed|killed|murdered|strung up|beheaded|gassed|burn(?:ed|t) "
    r"alive|put down|run over|beaten|stabbed|raped|tortured|drowned|exterminated|wiped out"
)
I_WILL = r"\b(?:i|we)\s*(?:'ll|'m going to|'re going to|will|am going to|are going to|shall|gonna)"
# (category, words one of which must be present, further such sets, pattern); only threats
# use the THINGS guard ("the bill should be killed" threatens no one).
_DETECTORS = (
    (
        "threat",
        "should ought need needs deserve deserves must will gonna going has have",
        "shot hanged hung lynched executed killed murdered strung beheaded gassed burned burnt "
        "put run beaten stabbed raped tortured drowned exterminated wiped",
        rf"\b(?:should|ought to|needs? to|deserves? to|must|will|gonna|going to|has to|have "
        rf"to)\s+(?:all\s+)?(?:be|get)\s+(?:{VIOLENCE})\b(?!\s+(?:of|parliament|jury))",
    ),
    (
        "threat",
        "find hunt track kill murder shoot stab hurt strangle rape burn choke beat coming live",
        "i we ill im gonna know",
        rf"\bi know where (?:you|u) live|{I_WILL}\s+(?:find|hunt|track) (?:you|u|him|her|them|"
        rf"where (?:you|u|he|she|they) lives?|your (?:family|kids|children|house|home))\b|"
        rf"{I_WILL}\s+(?:kill|murder|shoot|stab|hurt|strangle|rape|burn|choke|gut|skin)\s+(?:you"
        rf"|u|ya|him|her|them|your|his|every)\b|{I_WILL}\s+beat (?:you|u|him|her|them) (?:up|"
        rf"senseless|to death|to a pulp)|{I_WILL}\s+(?:be )?coming (?:for|after) (?:you|u)\b",
    ),
    (
        "threat",
        "dead next watch bullet lined line hang lynch shoot gas kill murder exterminate "
        "slaughter burn torch firebomb",
        "",
        r"\b(?:you|u)(?:\s*'re|\s+are|\s+will be|\s*'ll be|\s+r)\s+(?:dead|next|going to die|"
        r"gonna die)\b(?!\s+(?:wrong|right|serious|on|set|last|tired))|\bwatch your back\b|"
        r"\bbullet (?:in|through|between) (?:his|her|their|your|the)\b|\b(?:put|deserves?|"
        r"needs?) a bullet\b|\blined? (?:\w+ ){0,3}up against (?:a|the) wall\b|\b(?:hang|lynch|"
        r"shoot|gas|kill|murder|exterminate|slaughter) (?:them|em|him|her|the lot of them|all of them|every "
        r"(?:last )?one of them)(?: all)?\s+(?:all|from|up|high|now|dead)\b|\b(?:kill|murder|"
        r"exterminate|slaughter|gas|hang|lynch) all (?:the )?\w+s\b|\b(?:gas|exterminate|slaughter|"
        r"kill|shoot|hang|lynch) (?:the lot of them|all of them|every (?:last )?one of them)\b|\b(?:burn|torch|firebomb) "
        r"(?:down )?(?:their|his|her|your|the) (?:house|home|houses|homes|mosque|church|synagogue)",
    ),
    (
        "threat",
        "hope wish pray",
        "die dies killed shot burn burns cancer raped choke chokes drown drowns",
        r"\b(?:hope|wish|pray)(?: that)?(?: \w+){1,4} (?:die|dies|"
        r"get killed|gets killed|get shot|gets shot|burn|burns|get cancer|gets cancer|get "
        r"raped|gets raped|choke|chokes|drown|drowns)\b",
    ),
    (
        "self_harm",
        "yourself urself yourselves kys bleach die jump wrists miss without aborted swallowed "
        "suicide",
        "",
        r"\b(?:kill|hang|shoot|stab|drown|end|off) (?:yourself|urself|yourselves)\b|\bkys\b|\b(?:you"
        r"|u) should (?:just )?(?:commit suicide|die)\b|"
        r"\b(?:go|just|should|pls|please|you|u) drink bleach\b|\bgo (?:and )?die\b|\bjump off (?:a|the) (?:bridge|cliff|building|"
        r"roof)|\bslit your wrists\b|\b(?:nobody|no one) would miss (?:you|u)\b|\bbetter off "
        r"without (?:you|u|people like you)\b|\bshould(?: have|'ve) (?:been )?(?:aborted|"
        r"swallowed)|\b(?:aborted|swallowed) (?:you|u)\b",
    ),
    (
        "dehumanizing",
        "animals vermin rats cockroaches parasites savages subhuman subhumans filth scum pigs "
        "apes monkeys insects disease plague infestation cancer virus blight",
        "are r is",
        r"\b(?:are|r|is)\s+(?:(?:all|just|nothing but|a bunch of|a pack of|like|filthy|dirty|"
        r"disgusting|worse than)\s+)*(?:animals|vermin|rats|cockroaches|parasites|savages|"
        r"subhumans?|filth|scum|pigs|apes|monkeys|insects|a disease|a plague|an infestation|a "
        r"cancer|a virus|a blight)"
        r"\b(?!\s+(?:lovers|welfare|rights|shelters?|testing|farm))",
    ),
    (
        "xenophobic",
        "back deport belong",
        "",
        r"\bgo back (?:to (?:\w+ ){0,2})?(?:where )?(?:you|u|they) (?:came from|come from|belong)"
        r"|\bgo back to your (?:own )?(?:country|shithole|hole|cave|jungle|desert)|\bsend (?:them|these "
        r"people|those people|em)(?: all)? back\b|\bdeport (?:them|the lot|all of them)"
        r"(?: all)?\b|\b(?:dont|don't|do not) belong (?:here|in this country)",
    ),
    (
        "targeted_profanity",
        "fuck f screw piss shit stfu gtfo hell suck kiss shut",
        "",
        r"\b(?:fuck|f|screw) (?:you|u|ya|off|yourself|urself|your|ur|them|him|her)\b|\bgo "
        r"fuck\b|\bpiss off\b|\beat shit\b|\bstfu\b|\bgtfo\b|\bgo to hell\b|\bkiss my ass\b|"
        r"\bsuck (?:my|a) (?:dick|cock)\b|\bshut (?:the (?:fuck|hell) up|your (?:\w+ )?(?:mouth|"
        r"face|trap|pie ?hole))|(?:^|[.!?]\s*|\bjust |\bnow |\bplease |\boh )shut up\b|\bshut"
        r" up,? (?:you|u|ya)\b",
    ),
    (
        "insult",
        "sack piece pile bag",
        "shit garbage trash crap filth",
        r"\b(?:sack|piece|pile|bag) of (?:shit|garbage|trash|crap|filth)\b",
    ),
    ("insult", "waste", "space oxygen skin air", r"\bwaste of (?:space|oxygen|skin|air)\b"),
    ("insult", "life", "get", r"\bget a life\b"),
    (
        "insult",
        "excuse",
        "human person man woman",
        r"\bexcuse (?:for|of) a (?:human|person|man|woman)",
    ),
    ("insult", "douche", "bag", r"\bdouche ?bag"),
    (
        "insult",
        "like",
        "you u",
        r"\b(?:people|trolls|idiots|morons|clowns|losers) like (?:you|u)\b",
    ),
    ("insult", "people", "you", r"\byou people\b"),
)
DETECTORS = tuple(
    (category, _set(first), _set(second), re.compile(pattern))
    for category, first, second, pattern in _DETECTORS
)
CATEGORY_SCORES = {
    "threat": 0.97,
    "self_harm": 0.97,
    "slur": 0.95,
    "sexual": 0.9,
    "dehumanizing": 0.93,
    "xenophobic": 0.9,
    "insult": 0.9,
    "targeted_profanity": 0.9,
}
EXPLANATIONS = {
    "threat": "Contains a threat of violence",
    "self_harm": "Tells someone to harm themselves or wishes them dead",
    "slur": "Contains a slur",
    "sexual": "Sexually explicit language",
    "dehumanizing": "Describes people as animals or vermin",
    "xenophobic": "Tells people to go back where they came from",
    "insult": "Insults a person",
    "targeted_profanity": "Swears at someone",
    "toxic_language": "Reads as abusive to the toxicity model",
}
QUOTE_MARKS = frozenset("'\"\u201c\u2018")
QUOTED = re.compile(
    r"(?:^|(?<=[\s(:,]))['\"\u201c\u2018]([^'\"\u201c\u201d\u2018\u2019\n]{1,120})['\"\u201d\u2019](?=$|[\s.,;:!?)])"
)
# Every word that can start a lexical finding, and the category of those that are one alone.
LEXICON = {**dict.fromkeys(INSULTS, "insult"), **dict.fromkeys(SEXUAL, "sexual")}
LEXICON |= dict.fromkeys(SLURS, "slur")
INSULTING_WORDS = frozenset(LEXICON) | MILD | INSULT_ADJ | STRONG_ADJ
MARKUP = re.compile(r"&#?\w{1,8};|<[^<>]{0,200}>")
MASKABLE = IDENTITY | CONTEXTUAL | INSULT_ADJ
WORD = re.compile(r"[^\W\d_]+|\d+")
VOCATIVE = re.compile(r"[,!]\s+(\w+)[.!?]*\s*$")  # "..., loser!" at the very end


@dataclass(frozen=True)
class Hit:
    """A detector's finding, with its span in the normalised text."""

    category: str
    term: str
    start: int
    end: int


@dataclass(frozen=True)
class Assessment:
    """The toxicity verdict on one comment: combined score, model score and findings."""

    score: float
    model: float
    hits: list[Hit]


@lru_cache(maxsize=65536)
def _is_expletive(word: str) -> bool:
    """True for swear words that may be censored instead of held."""
    return EXPLETIVE.fullmatch(word) is not None


def _skip(words: list[str], index: int, skippable: frozenset[str], limit: int) -> int:
    """The index of the first word from `index` on that is not skippable (at most `limit`)."""
    stop = min(len(words), index + limit)
    while index < stop and words[index] in skippable:
        index += 1
    return index


def _insulted(
    words: list[str], index: int, nouns: frozenset[str], adjectives: frozenset[str]
) -> int:
    """Where an insult ends if one starts at `index` ("a complete moron"), else -1."""
    end = _skip(words, index, FILLER | adjectives, 5)
    if end < len(words) and words[end] in nouns:
        return end
    return end - 1 if any(w in adjectives for w in words[index:end]) else -1


def _directed(words: list[str]) -> list[tuple[int, int]]:
    """Word ranges that call the reader or a person names: "you are a clown", "he is dumb"."""
    found = []
    for i, word in enumerate(words):
        end = -1
        if word in ADDRESSED:
            nouns = INSULTS if word in ("your", "ur", "yer") else INSULTS | MILD
            end = _insulted(words, _skip(words, i + 1, BE, 2), nouns, INSULT_ADJ)
        elif word in SUBJECTS and i + 1 < len(words) and words[i + 1] in BE:
            end = _insulted(words, i + 2, INSULTS | (MILD - ACCUSATIONS), STRONG_ADJ)
        elif word in STRONG_ADJ and i + 1 < len(words) and words[i + 1] in GROUPS:
            end = i + 1
        if end >= i:
            found.append((i, end))
    return found


def _lexical(normalized: str, words: list[str], present: set[str]) -> list[Hit]:
    """Slurs, insulting nouns and insults aimed at someone, located in the text."""
    if present.isdisjoint(INSULTING_WORDS):
        return []
    ranges = [(i, i, LEXICON[w]) for i, w in enumerate(words) if w in LEXICON]
    ranges += [(start, end, "insult") for start, end in _directed(words)]
    if not ranges:
        return []
    spans = [m.span() for m in WORD.finditer(normalized)]
    return [
        Hit(category, normalized[spans[a][0] : spans[b][1]], spans[a][0], spans[b][1])
        for a, b, category in ranges
    ]


def _unquoted(hits: list[Hit], normalized: str) -> list[Hit]:
    """Drop pattern hits inside quotation marks: reported speech ("he said they 'should be
    shot'") is news, not a threat by the commenter. Slurs and sexual terms stay."""
    if not hits or not QUOTE_MARKS.intersection(normalized):
        return hits
    quoted = [m.span(1) for m in QUOTED.finditer(normalized)]
    return [
        hit
        for hit in hits
        if hit.category in ("slur", "sexual")
        or not any(start <= hit.start and hit.end <= end for start, end in quoted)
    ]


def _patterns(normalized: str, present: set[str]) -> list[Hit]:
    """Threats, self-harm, dehumanising and the other phrase patterns."""
    hits = []
    tail = VOCATIVE.search(normalized, max(0, len(normalized) - 40))
    if tail and tail.group(1) in MILD:
        hits.append(Hit("insult", tail.group(1), tail.start(1), tail.end(1)))
    for category, first, second, pattern in DETECTORS:
        if first.isdisjoint(present) or (second and second.isdisjoint(present)):
            continue
        for m in pattern.finditer(normalized):
            before = WORD.findall(normalized, max(0, m.start() - 20), m.start())
            if category == "threat" and before and before[-1] in NOT_PEOPLE:
                continue
            hits.append(Hit(category, m.group(0).strip(" ,.!?"), m.start(), m.end()))
    return hits


def masked(words: list[str]) -> str:
    """The words the model should judge. Identity words never count. A comment that
    addresses someone ("you") is judged on all its other words; one that addresses no one
    loses its swearing, its strong news words and any insulting adjective that describes a
    plan or a policy, so that "this policy is stupid" or "kill the bill" reads as what it is."""
    present = set(words)
    addressed = not present.isdisjoint(YOU)
    drop = present & (IDENTITY if addressed else MASKABLE)
    if not addressed:
        drop |= {word for word in present if _is_expletive(word)}
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


def assess(text: str, normalized: str, scorer: ToxicityScorer | None = None) -> Assessment:
    """Score `text`, given its lowercased normalised form, with the detectors and the model."""
    normalized = normalized.replace("\u2019", "'")
    if "&" in normalized or "<" in normalized:  # blank out HTML entities and tags, same length
        normalized = MARKUP.sub(lambda m: " " * len(m.group()), normalized)
    words = WORD.findall(normalized)
    present = set(words)
    hits = _unquoted(
        _lexical(normalized, words, present) + _patterns(normalized, present), normalized
    )
    model = (scorer or get_scorer()).score(text, masked(words))
    score = max([model, *(CATEGORY_SCORES[hit.category] for hit in hits)])
    return Assessment(score=score, model=model, hits=hits)
