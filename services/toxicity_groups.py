"""The groups of people that hatred names, and the vices and names it pins on them, as regex
alternations and word sets for the patterns in services.toxicity_hate."""

from __future__ import annotations

from services.word_trees import alternation

# Peoples whose one word is both the adjective and, with an "s", the plural: "Russian",
# "Russians", "Russian women".
DEMONYMS = """russian ukrainian belarusian american mexican african asian indian pakistani
    bangladeshi nigerian somali afghan iraqi iranian syrian libyan egyptian moroccan algerian
    tunisian albanian romanian bulgarian serbian croatian bosnian hungarian czech slovak
    estonian latvian lithuanian moldovan georgian armenian azerbaijani azeri chechen kazakh
    uzbek tajik korean filipino indonesian malaysian bengali tamil punjabi israeli palestinian
    yemeni saudi qatari emirati kuwaiti jordanian european german italian greek canadian
    australian brazilian colombian venezuelan cuban haitian jamaican ethiopian eritrean kenyan
    ghanaian norwegian latino hispanic uyghur tutsi hutu pashtun kosovar cypriot slovenian
    macedonian arab muslim hindu christian catholic protestant mormon black white gay lesbian
    homosexual bisexual transsexual kurd yankee aussie thai sikh"""
# Peoples named by a noun with an "s" plural and a different adjective: "Poles", "Polish".
NOUNS = "pole turk dane swede finn spaniard brit jew slav scot yank kraut katsap serb croat"
ADJECTIVES = """polish turkish danish swedish finnish spanish british jewish slavic scottish
    kurdish trans disabled foreign immigrant migrant refugee zionist islamic"""
# The same word for one, for all, and as an adjective: "the Chinese", "Chinese people".
INVARIANT = """chinese japanese vietnamese french dutch irish english welsh swiss portuguese
    lebanese sudanese congolese senegalese nepalese burmese rohingya roma"""
# Groups named in a plural of their own.
PLURALS = """jews muslims gypsies travellers immigrants migrants refugees foreigners
    lefties leftists liberals libs tories conservatives democrats republicans remainers
    brexiteers feminists boomers muzzies women men gays trannies arabs blacks whites asians"""
# Nouns after a people's adjective that make it the whole people: "Russian women".
MEMBERS = """people men women folk lads guys girls boys kids immigrants migrants refugees
    workers voters men families communities gangs population populations"""


ONE = rf"(?:{alternation(DEMONYMS + ' ' + NOUNS + ' ' + INVARIANT)})"
ADJECTIVE = rf"(?:{alternation(DEMONYMS + ' ' + ADJECTIVES + ' ' + INVARIANT)})"
# A whole people as the subject of a sentence: "Russians", "the Chinese", "Polish people",
# "Black people", "Muslim men", "these people".
GROUP = (
    rf"(?:(?:{alternation(DEMONYMS + ' ' + NOUNS)})s|(?:the )?(?:{alternation(INVARIANT)})"
    rf"|{ADJECTIVE} (?:{alternation(MEMBERS)})|{alternation(PLURALS)}|(?:these|those|you) "
    rf"people|your (?:kind|lot|sort|people)|their kind|you lot|(?:\w+ )(?:voters|supporters|"
    rf"viewers|followers|fans))"
)
GROUP_WORDS = " ".join(
    [
        DEMONYMS,
        NOUNS,
        ADJECTIVES,
        INVARIANT,
        PLURALS,
        "kind lot sort voter voters supporter supporters viewers followers fans people",
    ]
    + [word + "s" for word in (DEMONYMS + " " + NOUNS).split()]
)
# What a sweeping generalisation calls a whole people, one or many: "barbarians", "a nation
# of alcoholics", "drunk plumbers", "lazy leeches".
VICES = r"""barbarian savage animal beast cockroach roach vermin rat parasite leech subhuman
    untermensch orc monkey ape pig dog scum filth trash garbage vermin criminal thief thieves
    rapist terrorist murderer killer paedo pedo paedophile pedophile groomer alcoholic drunk
    drunkard dealer junkie addict scammer fraudster coward slave serf sheep cuck degenerate
    pervert inbred retard nazi beggar whore slut
    prostitute hillbilly redneck peasant hooligan thug troglodyte neanderthal cannibal
    sponger scrounger freeloader locust lice maggot insect plague disease cancer virus
    pickpocket pirate predator slob jihadi jihadist gangster bandit looter fanatic extremist"""
VICE_NOUN = (
    rf"(?:{alternation(VICES.replace('hillbilly', '').replace('thieves', ''))})(?:e?s)?"
    r"|hillbill(?:y|ies)|thieves"
)
# Words that describe a whole people with contempt.
VICE_ADJECTIVES = """lazy filthy dirty smelly stupid dumb thick backward primitive uncivilised
    uncivilized barbaric savage violent inferior subhuman evil cheap hysterical servile
    inbred treacherous cowardly sneaky disgusting vile degenerate"""
VICE = rf"(?:{VICE_NOUN}|{alternation(VICE_ADJECTIVES)})"
VICE_WORDS = " ".join(
    VICES.split()
    + [word + "s" for word in VICES.split()]
    + [word + "es" for word in VICES.split()]
    + VICE_ADJECTIVES.split()
    + ["hillbillies"]
)
# Before a people: words that report, deny or narrow what follows ("claims migrants are
# criminals", "not all Poles are drunks").
REPORTING = (
    "not all", "some", "that", "say", "says", "said", "saying", "claim", "claims", "claimed",
    "called", "calling", "think", "thinks", "believe", "believes", "myth", "idea", "notion",
    "stereotype", "suggest", "suggests", "imply", "implies", "assume", "assumes",
)  # fmt: skip
NOT_SAID = "".join(rf"(?<!\b{words} )" for words in REPORTING)
# (PEOPLE looks ahead for the people first: checking every reporting word at each word of a
# long comment is what cost the time.)
# A whole people, perhaps with where they are: "Disabled people on benefits", "Indians in
# this comment section".
PEOPLE = (
    rf"\b(?=(?:the )?(?:{GROUP})){NOT_SAID}(?<!\bthe )(?:the )?(?:{GROUP})(?: (?:on|in|from|here)"
    rf" [\w-]+(?: [\w-]+)"
    rf"{{0,3}}?)?"
)
CONTEMPT = r"(?:these|those|filthy|dirty|bloody|fucking|stinking|fkn|fking)"
# "orcs" for Russians, but not where someone is told off for it.
ORCS = (
    r"\b(?<!called )(?<!calling )(?<!call )(?<!calling russians )(?<!called russians )(?<!calling "
    r"them )(?:orcs|(?:every|last|dead|an|that|russian) orc)\b"
)

# Names for a people or one of them, and the old lines that go with them: "these cockroaches",
# "island monkeys", "invaders", "Britainistan".
GROUP_NAMES: tuple[tuple[str, str, str, str], ...] = (
    (
        "slur",
        """ukrop ukrops khokhol khokhols khokhly katsap katsaps moskal moskals moskali mussie
        mussies muzrat muzrats britainistan londonistan swedenistan eurabia gayropa goatf
        goatfucker goatfuckers goat yankee chimp chimpout chimpouts frogs krauts rapefugees
        porch sand""",
        "",
        # the word is the hatred: "Keep crying, ukrop", "Gayropa", "g0atf*ckers", "chimp-out"
        r"\b(?:ukrops?|khokh(?:ols?|ly)|katsaps?|moskal(?:s|i)?|mussies?|muzz?rats?|(?:britain|"
        r"london|sweden|france|german|europe)istan|eurabia|gayropa|rapefugees?|(?:porch|"
        r"sand|jungle) (?:monkeys?|apes?)|yankee pigs?|goat ?-?f[*u]?cke?rs?|chimp ?-?outs?|(?:"
        r"useless|filthy|cowardly|surrender(?:ing)?|cheese-eating|bloody|stinking) (?:frogs|"
        r"krauts))\b",
    ),
    (
        "dehumanizing",
        f"{GROUP_WORDS} these those filthy dirty bloody fucking stinking fkn fking island "
        "typical last every kill dead orc orcs",
        "cockroaches roaches vermin orcs orc savages subhumans parasites animals rats locusts "
        "maggots monkeys monkey apes ape chimps chimp baboons trees scroungers spongers leeches "
        "scum filth",
        # "letting these cockroaches in", "those animals", "island monkeys", "typical Caucasus
        # monkey", "every last orc", "Africans still climbing trees"
        rf"\b(?<!called )(?<!calling )(?<!call ){CONTEMPT} (?:cockroaches|roaches|vermin|orcs|"
        rf"savages|subhumans|parasites|animals|rats|locusts|maggots|monkeys|apes)\b|\b{ADJECTIVE}"
        rf" (?:scroungers|spongers|leeches|parasites|vermin|scum|savages|cockroaches|rats|filth|"
        rf"subhumans|monkeys|apes|chimps)\b|\b(?:island|typical \w+) (?:monkeys?|apes?|chimps?|"
        rf"baboons?)\b|{ORCS}|\b(?:{GROUP}|{ONE})\b[^.!?]{{0,40}} (?:still |just )?(?:climbing|"
        rf"swinging (?:from|in)|living in|(?:came|come|"
        rf"down) from|down out of) (?:the )?trees\b",
    ),
    (
        "xenophobic",
        "refugees migrants immigrants seekers men they invader invaders invasion rape raping",
        "invaders invader invasion invading rape raping",
        # "they're not refugees, they're invaders", "u fkn invader", "here to rape our women"
        r"\b(?:refugees|migrants|immigrants|asylum seekers|men)\b[^.!?]{0,30}(?: are|'re) (?:all "
        r"|just |really |actually )?(?:invaders|an invasion|an invading army)\b|\b(?:you|u|ya|ye)"
        r"(?: \w+)? invaders?\b|\b(?:to|and|who|they) (?:rape|raping|rapes) (?:our|white|british|"
        r"english|european|german|local) (?:women|girls|daughters|wives|kids|children)\b",
    ),
    (
        "xenophobic",
        f"{GROUP_WORDS} ban banned every",
        "back deported deport sent expelled banned ban coming entering out home religion",
        # "Afghans should all be sent back", "Poles came and took our jobs, now they can all
        # get out", "every grooming gang is the same religion", "ban them from coming in"
        rf"\b(?!(?:the )?(?:refugees|migrants|immigrants|foreigners)\b){PEOPLE} should (?:all )?be "
        rf"(?:sent back|deported|kicked out|thrown out|expelled|banned)\b|\b(?:{GROUP})\b"
        rf"[^.!?]{{0,80}}[.!?,]? (?:now |so )?(?:they|them) (?:can |should |must )?(?:all )?"
        rf"(?:get out|go home|go back|fuck off|piss off|be deported|be sent back)\b|\bevery "
        rf"(?:grooming gang|terrorist|"
        rf"terror attack|rapist|paedo\w*|pedo\w*|bomber|stabbing)s? (?:is|are|was|were|comes "
        rf"from) (?:from )?the same (?:religion|race|colou?r|ethnicity|faith|community)\b|\bban "
        rf"(?:all |the )?(?:{GROUP}|the lot of them) from (?:coming|entering)\b",
    ),
    (
        "hate",
        f"{GROUP_WORDS} typical 419",
        "typical kind thing kitchen home 419",
        # "typical Indian, ...", "your kind always crawls out",
        # "<X> women are good for one thing", "women belong at home", "your 419 scams"
        rf"\btypical (?:{ONE})(?: (?:man|woman|guy|bloke|behaviou?r|mentality|scum|trash))?(?:[,."
        rf"!?]|$)|\byour kind (?:always|never|are|is|crawls?|breeds?|should|can't|don't|come)\b"
        rf"|\b(?:{GROUP}) are (?:only )?good for (?:only )?one thing|\b(?:women|woman|females?)\b"
        rf"[^.!?]{{0,30}}\b(?:belongs?|should stay|should be kept) (?:at home|in the kitchen|"
        rf"barefoot)|\b(?:your|ur|their) 419\b",
    ),
    (
        "hate",
        "nature culture blood dna genes cultural",
        f"{VICE_WORDS} stabbing stabbings stab stealing steal crime crimes violence violent "
        "killing kill raping rape lying lie cheating scam scams terror terrorism",
        # after a vice or crime, "it's in their nature", "it's cultural, they're not like us"
        r"\bit(?:'s| is) (?:in their (?:nature|culture|blood|dna|genes)|cultural, they're not like "
        r"us)",
    ),
)
