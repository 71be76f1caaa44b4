"""Toxicity phrase patterns for hatred of a whole group: crimes or sickness pinned on all of
its people, and the old conspiracy tropes, as services.toxicity_patterns reads them."""

from __future__ import annotations

# Groups of people by origin, faith, sexuality, politics or age, as comments name them.
PEOPLES = (
    r"jews|muslims|arabs|blacks|immigrants|migrants|refugees|asylum seekers|gypsies|travellers|"
    r"roma|mexicans|africans|pakistanis|romanians|albanians|poles|chinese|asians|indians|"
    r"russians|ukrainians|israelis|palestinians|gays|trans (?:people|women|men)|trannies|women|"
    r"lefties|leftists|liberals|libs|tories|conservatives|democrats|republicans|remainers|"
    r"brexiteers|feminists|boomers|christians|catholics|hindus|sikhs|foreigners|they|these people|"
    r"(?:the )?(?:welsh|scots|scottish|irish|english|french|germans|americans|canadians|"
    r"australians)|disabled people|muzzies"
)
PEOPLE_WORDS = (
    "jews muslims arabs blacks immigrants migrants refugees seekers gypsies travellers roma "
    "mexicans africans pakistanis romanians albanians poles chinese asians indians russians "
    "ukrainians israelis palestinians gays trans trannies women lefties leftists liberals libs "
    "tories conservatives democrats republicans remainers brexiteers feminists boomers "
    "christians catholics hindus sikhs foreigners they people welsh scots scottish irish english "
    "french germans americans canadians australians disabled muzzies"
)
CRIMES = (
    r"criminals|rapists|thieves|thieving \w+|terrorists|paedos|pedos|paedophiles|pedophiles|"
    r"groomers|murderers|scroungers|leeches|mentally ill|sick in the head|mental cases|"
    r"degenerates|perverts|inbred|retarded|brain ?dead|orcs|a drain on|a (?:nation|race|people|"
    r"bunch) of (?:beggars|thieves|criminals|nazis|rapists|parasites|terrorists)"
)

HATE: tuple[tuple[str, str, str, str], ...] = (
    (
        "hate",
        PEOPLE_WORDS,
        "criminals rapists thieves thieving terrorists paedos pedos paedophiles pedophiles "
        "groomers murderers scroungers leeches mentally sick mental degenerates perverts inbred "
        "retarded brain braindead orcs drain nation race",
        # "migrants are all rapists", "lefties are mentally ill", "Russians are orcs"
        rf"\b(?:{PEOPLES})(?: are|'re| r)(?: all| just| basically| nothing but| simply| "
        rf"obviously| clearly)? (?:{CRIMES})\b",
    ),
    (
        "hate",
        PEOPLE_WORDS + " woman",
        "intelligence brains iq capacity inferior kitchen typical",
        # "Africans simply don't have the intelligence to ...", "women belong in the kitchen"
        rf"\b(?:{PEOPLES}) (?:simply |just |genetically |naturally )?(?:don't|do not|can't|cannot"
        rf"|lack) (?:have )?the (?:intelligence|brains|iq|capacity) to\b|\b(?:{PEOPLES})(?: are|"
        rf"'re) (?:genetically |naturally |simply |just )?(?:inferior|less intelligent)\b|\b(?:women|"
        rf"woman|females?)\b[^.!?]{{0,20}}\bbelongs? in the kitchen\b|\btypical (?:woman|female)\b",
    ),
    (
        "hate",
        "blood dna genes integrate women shaggers shagger",
        "their they can't cannot won't never vote let letting sheep",
        # "violence is in their blood", "they can't integrate", "let women vote", "sheep shaggers"
        rf"\b(?:violence|crime|thieving|stealing|it)(?:'s| is) in their (?:blood|dna|genes)\b|\b(?:"
        rf"{PEOPLES}) (?:can't|cannot|won't|will never|never) integrate\b|\b(?:let|letting|allow|"
        rf"allowing) women (?:vote|drive|lead)\b|\bsheep ?shaggers?\b",
    ),
    (
        "hate",
        "jews jewish zionists",
        "control controls own owns run runs",
        r"\b(?:the )?(?:jews|jewish people|zionists) (?:control|own|run|rule)s? (?:the |all the |"
        r"our )?(?:banks|media|world|government|money|finance|press|hollywood|everything)\b",
    ),
)
