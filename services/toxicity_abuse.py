"""Toxicity phrase patterns short of threats: self-harm, dehumanising, xenophobic, swearing at
someone, and insults, as services.toxicity_patterns reads them."""

from __future__ import annotations

ABUSE: tuple[tuple[str, str, str, str], ...] = (
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
        "animals vermin rats cockroaches parasites savages subhuman subhumans filth scum pigs orcs "
        "apes monkeys insects disease plague infestation cancer virus blight locusts",
        "are r is re",
        # one more describing word may come first ("thieving parasites"), but not a "not"
        r"(?:(?<!there )\b(?:are|r|is)|'re)\s+(?:(?:all|just|nothing but|a bunch of|a pack of|like|filthy|"
        r"dirty|disgusting|worse than|an invasion of|an infestation of|a plague of|a swarm of|a "
        r"horde of)\s+)*(?:(?!not\b|no\b|never\b|the\b|a\b|an\b)[a-z]+\s+)?(?:animals|vermin|"
        r"rats|cockroaches|parasites|savages|locusts|orcs|"
        r"subhumans?|filth|scum|pigs|apes|monkeys|insects|a disease|a plague|an infestation|a "
        r"cancer|a virus|a blight)"
        r"\b(?!\s+(?:lovers|welfare|rights|shelters?|testing|farm))",
    ),
    (
        "dehumanizing",
        "human",
        "garbage trash filth scum debris excrement vermin cockroaches",
        r"\bhuman (?:garbage|trash|filth|scum|debris|excrement|vermin|cockroaches)\b",
    ),
    (
        "dehumanizing",
        "breed breeding breeds",
        "like",
        r"\bbreed(?:s|ing)? like (?:rats|rabbits|cockroaches|vermin|animals|flies)\b",
    ),
    (
        "xenophobic",
        "back deport belong",
        "",
        r"\bgo back (?:to (?:\w+ ){0,2})?(?:where )?(?:you|u|they) (?:came from|come from|belong)"
        r"|\bgo back to your (?:own )?(?:country|shithole|hole|cave|jungle|desert)|\bsend (?:them|these "
        r"people|those people|em)(?: all)? back\b|\bdeport (?:them|the lot|all of them|every (?:last )?"
        r"one of (?:them|these \w+|those \w+))(?: all)?\b|\b(?:dont|don't|do not) belong (?:here|in this country)",
    ),
    (
        "targeted_profanity",
        "fuck f screw piss sod bugger naff bog stuffed fucked lost shit stfu gtfo hell suck kiss shut "
        "shove stick",
        "",
        r"\b(?:fuck|f|screw) (?:you|u|ya|off|yourself|urself|your|ur|them|him|her)\b|(?<!the )(?<!da )(?<!tha )\bf+u+c*k+ (?:this|"
        r"that|the|these|those|all|every|em)\b|\bgo "
        r"fuck\b|\b(?:piss|sod|bugger|naff|bog) off\b|\bget (?:stuffed|fucked)\b|(?:^|[.!?]\s*)get lost\b(?!\s+(?:in|on|at|for|with|among))|\beat shit\b|\bstfu\b|\bgtfo\b|\bgo to hell\b|\bkiss my ass\b|"
        r"\bsuck (?:my|a) (?:dick|cock)\b|\b(?:shove|stick) (?:it|that|this|them|your (?:\w+ )?\w+) "
        r"(?:up your|where the sun)|\bshut (?:the (?:fuck|hell) up|your (?:\w+ )?(?:mouth|"
        r"face|trap|pie ?hole))|(?:^|[.!?]\s*|\bjust |\bnow |\bplease |\boh )shut up\b|\bshut"
        r" up,? (?:you|u|ya)\b",
    ),
    (
        "hostile_profanity",
        "bloody fucking fuckin effing damn damned filthy dirty stinking",
        "foreigners immigrants migrants muslims jews refugees blacks gays arabs mexicans asians",
        r"\b(?:bloody|fucking|fuckin|effing|damn|damned|filthy|dirty|stinking) (?:foreigners|"
        r"immigrants|migrants|muslims|jews|refugees|blacks|gays|arabs|mexicans|asians)\b",
    ),
    (
        "insult",
        "sack piece pile bag",
        "shit garbage trash crap filth",
        r"\b(?:sack|piece|pile|bag) of (?:shit|garbage|trash|crap|filth)\b",
    ),
    ("insult", "waste", "space oxygen skin air", r"\bwaste of (?:space|oxygen|skin|air)\b"),
    (
        "insult",
        "brains stain stains",
        "shit crap mush sawdust rocks dick",
        r"\b(?:shit|crap|mush|sawdust|rocks|dick)[\s-]+for[\s-]+brains\b|\bshit ?stains?\b",
    ),
    (
        "insult",
        "thick dumb stupid",
        "as",
        r"\b(?:thick|dumb|stupid) as (?:mince|two short planks|a (?:plank|brick|rock|post|box of "
        r"rocks|bag of hammers)|rocks|bricks|dirt|pig ?shit|shit|they come)\b",
    ),
    ("insult", "shut", "up", r"\bshut (?:him|her|them|(?:this|that) \w+) up\b"),
    (
        "insult",
        "too",
        "thick stupid dumb dim dense brainwashed",
        r"\b(?:you|you'?re|u|ur|he|she|he'?s|she'?s|they|they'?re|people|voters)(?: are| is| r)?"
        r"(?: just| simply| clearly| obviously)? too (?:thick|stupid|dumb|dim|dense|brainwashed) to\b"
        # whoever the subject, only a person is too thick to read or to tie their shoes
        r"|\btoo (?:thick|stupid|dumb|dim|brainwashed) to (?:tie|read|grasp|understand|realise|"
        r"realize|spell|count|think|notice|follow)\b",
    ),
    ("insult", "life", "get", r"\bget a life\b"),
    (
        "insult",
        "imagine",
        "stupid thick dumb dense ignorant brainwashed gullible",
        r"\bimagine being (?:this|that|so) (?:stupid|thick|dumb|dense|ignorant|brainwashed|gullible)\b",
    ),
    (
        "insult",
        "iq brain brains intelligence dropped drop",
        "of head",
        r"\b(?:you|u) (?:have|has|got) the (?:iq|brain|brains|intelligence) of an? \w+"
        r"|\bdrop(?:ped)? (?:you|u|him|her) on (?:your|ur|his|her) head\b",
    ),
    (
        "insult",
        "excuse",
        "human person man woman minister pm president leader journalist reporter mp politician "
        "father mother parent doctor teacher copper cop officer mayor senator editor",
        r"\bexcuse (?:for|of) an? (?:human|person|man|woman|(?:prime )?minister|pm|president|"
        r"leader|journalist|reporter|mp|politician|father|mother|parent|doctor|teacher|copper|cop|"
        r"police officer|mayor|senator|editor)\b",
    ),
    ("insult", "douche", "bag", r"\bdouche ?bag"),
    (
        "insult",
        "like",
        "you u",
        # "we need more people like you" and "people like you make this place" are praise
        r"\b(?:trolls|idiots|morons|clowns|losers) like (?:you|u)\b|(?<!more )(?<!many )\bpeople "
        r"like (?:you|u)\b(?! make (?:this|the|it|our)\b)",
    ),
    ("insult", "people", "you", r"\byou people\b"),
    (
        "sexual",
        "pics nudes mean body",
        "send she her princess reporter woman girl babe lady presenter officer on",
        # harassment in words that are not explicit: "send pics", "... if you know what I mean"
        r"\bsend (?:me )?(?:pics|nudes)\b|\b(?:she|her|princess|reporter|presenter|girl|lady)\b"
        r"[^.!?]{0,60}\bif you know what i mean\b|\bthe body on (?:that|her|this)\b",
    ),
)
