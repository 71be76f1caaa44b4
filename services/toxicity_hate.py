"""Toxicity phrase patterns for hatred of a whole group: crimes or sickness pinned on all of
its people, and the old conspiracy tropes, as services.toxicity_patterns reads them."""

from __future__ import annotations

from services.toxicity_groups import (
    GROUP,
    GROUP_NAMES,
    GROUP_WORDS,
    NOT_SAID,
    ONE,
    PEOPLE,
    VICE,
    VICE_WORDS,
)

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
        rf"\b{NOT_SAID}(?:{PEOPLES})(?: are|'re| r)(?: all| just| basically| nothing but| simply| "
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
        # sent back to the kitchen: "Get back in the kitchen, love."
        "insult",
        "kitchen",
        "back",
        r"(?:^|[.!?]\s+|\b(?:you|u) (?:should|need to|can) )(?:now |just |go |and )*(?:get |go )?back "
        r"(?:in|into|to) (?:the|your|ur) kitchen\b",
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
        "jews jewish zionists lobby",
        "control controls controlling own owns owning run runs running rule rules ruling behind",
        # "Zionists own every MP", "the Jewish lobby runs Washington"
        r"\b(?:the )?(?:jews|jewish people|zionists|(?:jewish|zionist|trans|gay|lgbtq?) lobby) "
        r"(?:controls?|controlling|owns?|owning|runs?|running|rules?|ruling) (?:the |all the |our "
        r"|every |all )?(?:banks|media|world|government|money|finance|press|hollywood|everything|"
        r"mps?|politicians?|congress|senate|parliament|westminster|washington|the west|fed|un|"
        r"courts|bbc|europe|america|britain)\b|\b(?:jews|zionists) are behind (?:everything|"
        r"all (?:the )?wars|9/11|covid|communism|(?:mass )?(?:migration|immigration))",
    ),
    (
        "hate",
        "holocaust holohoax replacement genocide replacing",
        "never didn't didn lie hoax myth exaggerated holohoax real happening us",
        # "the Holocaust never happened", "the great replacement is real", "they're replacing us"
        rf"\b{NOT_SAID}(?<!\bthe )(?:the )?(?:holocaust (?:never happened|didn't happen|is a "
        rf"(?:lie|hoax|myth)|was (?:a )?(?:lie|hoax|myth|exaggerated))|(?:great replacement|"
        rf"white genocide) is (?:real|happening)|(?:they|jews|muslims|migrants|immigrants)(?: "
        rf"are|'re) replacing us)\b"
        rf"|\bholohoax\b",
    ),
)

# The words of a sweeping generalisation between its people and its vice: "Slavs are
# genetically servile", "Russians are a nation of alcoholics", "Poles are drunk plumbers".
ALWAYS = (
    r"(?: all| just| basically| nothing but| simply| mostly| genetically| inherently| naturally|"
    r" biologically| racially| culturally| always| still| obviously| clearly| literally| such|"
    r" really| a bunch of)*"
)
COLLECTIVE = r"(?: (?:a|an)(?: (?:nation|race|people|bunch|pack|horde|load|country|tribe) of)?)?"
# Up to two describing words, but no verb or preposition: "fleeing terrorists", "victims of
# criminals" and "more violent than" say something else.
DESCRIBING = (
    r"(?: (?!(?:not|never|no|more|less|most|least|as|so|among|of|by|from|to|with|for|like|at|"
    r"than|against|under|victims|targets|often|rarely|hardly|or|and|nor|but)\b)(?:fucking|"
    r"bloody|thieving|stinking|scrounging|lying|(?!\w+(?:ing|ed)\b)[\w-]+)){0,2}"
)
# After a vice, words that make it a thing: "cheap labour", "cancer patients".
NOT_A_VICE = (
    r"(?![\w-]| (?:labou?r|workers|to|for|compared|lovers|welfare|rights|shelters?|farms?|farmers|"
    r"testing|survivors|patients|research|screening|sufferers)|(?<=drunk) (?:on|with))"
)
GROUP_HATE: tuple[tuple[str, str, str, str], ...] = (
    (
        "hate",
        GROUP_WORDS,
        VICE_WORDS,
        # "Turks are barbarians", "Europeans are cucks", "every MAGA voter is an inbred hillbilly"
        rf"{PEOPLE}(?: are|'re| r){ALWAYS}{COLLECTIVE}{DESCRIBING} {VICE}{NOT_A_VICE}|\bwhy are "
        rf"(?:all |so many )?(?:{GROUP})(?: so| such)? {VICE}{NOT_A_VICE}|\bevery "
        rf"(?:single )?(?:{ONE}|\w+ (?:voter|supporter)) is (?:a|an){DESCRIBING} {VICE}"
        rf"{NOT_A_VICE}",
    ),
)
# Deaths: to drown, die, burn or be bombed.
DYING = (
    r"(?:drowning|drowned|dying|died|dead|burning|burned|burnt|starving|killed|being killed|"
    r"bombed|(?:being|getting) (?:killed|bombed|shot|blown up)|blown up|wiped out|sunk|sank|"
    r"sinking)"
)
DEATH_WORDS = (
    "drowning drowned dying died dead burning burned burnt starving killed bombed blown sunk "
    "sank sinking"
)
GROUP_HARM: tuple[tuple[str, str, str, str], ...] = (
    (
        "hate",
        "dead",
        "good",
        # "every dead <X> is a good <X>", "the only good <X> is a dead one"
        r"\bevery dead [\w ]{1,30}? is a good \w+|\bthe only good [\w ]{1,30}? is a dead \w+",
    ),
    (
        "hate",
        GROUP_WORDS + " " + DEATH_WORDS + " mouths",
        DEATH_WORDS + " good fewer less riddance mouths more",
        # "<X> drowning? Good.", "fewer mouths to feed", "more dead <X> now"
        rf"\b(?:{GROUP}|{ONE} \w+) {DYING}\b[^.!?,]{{0,80}}[.!?,]+ (?:(?:good|great|brilliant|"
        rf"excellent)(?:[.,!]|$)|(?:fewer|one less|good riddance|serves (?:them|em) right|lol|lmao|"
        rf"haha)\b)|\b"
        rf"{DYING}\b[^.!?]{{0,80}}[.!?,]* (?:good[.,!] )?(?:fewer|less) mouths to feed|\bmore "
        rf"dead (?:{GROUP}|{ONE})\b(?! than)",
    ),
    (
        "hate",
        GROUP_WORDS + " all every",
        "deserve deserves",
        # "all Russians deserve to burn", "<X> deserve the camps"
        rf"{PEOPLE}(?: all)? deserve (?:to (?:die|burn|suffer|rot|hang|starve|drown|be (?:shot|"
        rf"gassed|killed|exterminated|wiped out|nuked|bombed|burned|hanged|hung|sterili[sz]ed|"
        rf"enslaved))|the camps?|the gas|genocide|extermination|death|a bullet|the rope)\b",
    ),
    (
        "hate",
        GROUP_WORDS,
        "mistake exist abomination human people nation value life lives understand respect "
        "language eat eats eating bring brings brought crime crimes rapes stabbings murders "
        "violence terror terrorism",
        # "<X> were a mistake", "<X> are not human", "<X> don't value human life", "<X> only
        # understand one language", "<X> eat dogs", "<X> bring nothing but crime"
        rf"{PEOPLE}(?: (?:are|were|was) (?:a |an )?(?:mistake|abomination)|(?: should(?: not|n't)|"
        rf" do(?: not|n't)) (?:even )?exist| (?:are|'re) not (?:even )?(?:human|people|a "
        rf"(?:real )?(?:people|nation))| (?:simply |just |really )?(?:don't|do not|never) "
        rf"(?:value|care about|respect) (?:human )?li(?:fe|ves)| (?:only|just) (?:understand|"
        rf"respect|respond to) (?:one language|one thing|violence|the (?:whip|stick|boot|bullet|"
        rf"sword)|the language of)|(?: all)? eat(?:s|ing)? (?:bats|dogs|cats|rats|monkeys|bugs|"
        rf"insects)| (?:bring|brought) (?:nothing but|only) (?:crime|knives|disease|drugs|rape|"
        rf"terror|violence)|(?<!\bmen) (?:commit|cause|are behind|are responsible for) (?:all|"
        rf"most|almost all|nearly all) (?:of )?(?:the )?(?:crimes?|rapes|stabbings|murders|"
        rf"violence|terror(?:ism)?|knife crime))\b",
    ),
)
HATE += (
    (
        # the neo-Nazis' numbers and slogans: "1488", "14/88", "day of the rope", "ZOG"
        "hate",
        "1488 14 rope heil holohoax zog",
        "",
        r"(?<![\d.,£$€])\b14\s?[/ -]?\s?88\b(?![.,]?\d|%)|\bday of the rope\b|\b(?:sieg|seig) heil\b|\bheil hitler\b|\bholohoax\b"
        r"|\bzog\b",
    ),
)
HATE += GROUP_HATE + GROUP_HARM + GROUP_NAMES
