"""Toxicity phrase patterns short of threats: self-harm, dehumanising, xenophobic, swearing at
someone, and insults, as services.toxicity_patterns reads them."""

from __future__ import annotations

ABUSE: tuple[tuple[str, str, str, str], ...] = (
    (
        "self_harm",
        "yourself urself yourselves self kys bleach die jump wrists miss without aborted swallowed "
        "suicide dead favour favor pieces",
        "",
        r"\b(?:kill|hang|shoot|stab|drown|end|off) (?:yourself|urself|yourselves|your ?self|ur ?self|"
        r"yo ?self)\b|\b(?:unalive|top|neck|rope) (?:yourself|urself|yourselves|your ?self|ur ?self)\b"
        r"(?!\s+(?:up|in|off|to|into|with|out|a|an|some|the)\b)|\bkys\b|\b(?:go|just|please|pls) drop dead\b(?!\s+\w)|"
        r"\bdo (?:us|the world|everyone|society|the country) (?:all )?a favou?r and (?:just )?(?:die|"
        r"drop dead|croak|jump|stop breathing)\b|\b(?:go|just|should|pls|please|you|u) (?:go )?"
        r"(?:drink|gargle|swallow|chug|neck) (?:some |a (?:bottle|glass|cup|pint) of )?bleach\b|\b(?:you"
        r"|u) should (?:just )?(?:commit suicide|die)\b|"
        r"\bgo (?:and )?die\b|(?:^|[.!?]\s+)(?:just |please |pls )?die in a (?:fire|ditch|hole|gutter)\b"
        r"|(?:^|[.!?]\s+)(?:just )?drop dead\b(?!\s+\w)|\bshould (?:just )?drop dead\b(?!\s+(?:gorgeous|"
        r"funny|serious))|\brest in (?:pieces|piss)\b|\bjump off (?:a|the) (?:bridge|cliff|building|"
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
        # a people called vermin: "Israeli pigs", "Muslim rats", "migrant scum"
        "dehumanizing",
        "pigs rats vermin cockroaches scum filth parasites savages",
        "israeli israelis jewish jew jews muslim muslims arab arabs black blacks african asian paki "
        "pakis mexican mexicans polish romanian romanians gypsy gypsies russian russians ukrainian "
        "palestinian palestinians chinese indian indians irish immigrant immigrants migrant migrants "
        "refugee refugees gay gays trans tory tories labour leftie lefties",
        r"(?:^|[.!?,:]\s+|\b(?:you|u|these|those|filthy|dirty|bloody|fucking|damn)\s+)(?:israelis?|jewish|jews?|muslims?|arabs?|blacks?|african|asian|pakis?|mexicans?|polish|"
        r"romanians?|gyps(?:y|ies)|russians?|ukrainian|palestinians?|chinese|indians?|irish|immigrants?|"
        r"migrants?|refugees?|gays?|trans|tory|tories|labour|lefties|leftie)\s+(?:pigs|rats|vermin|"
        r"cockroaches|scum|filth|parasites|savages)\b",
    ),
    (
        "xenophobic",
        "back deport belong",
        "",
        r"\bgo back (?:to (?:\w+ ){0,2})?(?:where )?(?:you|u|they) (?:came from|come from|belong)"
        r"|\bgo back to your (?:own )?(?:country|shithole|hole|cave|jungle|desert)|(?:^|[.!?,]\s+|\b(?:you|"
        r"u|they|them|he|she) (?:should |must |can |need to |needs to )?(?:just )?)go back (?:to|2) (?:africa|"
        r"asia|the (?:jungle|desert|middle east))\b|\bsend (?:them|these "
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
    (
        "sexual",
        "bedroom bed lap knee privately private phwoar phwoarr phoar goer legs pins arse ass bum",
        "",
        # leering at a woman: "she can brief me privately", "... interview me any time. In my
        # bedroom", "come sit on my lap", "phwoar", "a right goer", "nice legs on the ..."
        r"\bcan (?:\w+ ){1,2}?me\b[^!?]{0,40}?\b(?:in|to|into|up to) (?:my|her|his|the) (?:bedroom|"
        r"bed|boudoir)\b|\b(?:she|her)\b[^.!?]{0,20}?\bcan (?:\w+ ){1,2}?me (?:\w+ )?(?:privately|in "
        r"private)\b|\b(?:come|can|could|should|to|wanna|gonna) (?:come )?sit on my (?:lap|knee|face)"
        r"\b|\bph+w?o+a+r+\b|\b(?:a )?(?:right|proper|real) goer\b|\bnice (?:legs|arse|ass|bum|"
        r"pins) on (?:the|that|this|her)\b(?! (?:statue|painting|sculpture|horse|table|chair)\b)",
    ),
    (
        "sexual",
        "desk knees sleeping slept shagged shagging screwed screwing sucking phones dictation",
        "job role promotion position seat gig post way she her does",
        # a woman's job put down to sex: "only got the job by sleeping with ...", "what she does
        # under the desk", "does a lot more than answer phones"
        r"\b(?:what (?:she|he|(?:that|this) \w+) (?:does|did|do)|(?:job|role|promotion|position|seat|gig)\b[^.!?]{0,30}?)"
        r" (?:under (?:the|his|her) desks?|on (?:her|his) knees)\b|\b(?:job|role|promotion|position|"
        r"seat|gig|post)\b[^.!?]{0,40}?\bby (?:sleeping|shagging|screwing|sucking|bonking|fucking) "
        r"(?:with|her way|his way|\w+)\b|\b(?:slept|shagged|screwed|sucked|fucked) (?:her|his) way "
        r"(?:to|up|into)\b|\bdoes (?:a lot |a bit |far |much |way )?more (?:for (?:him|her|the \w+) )?"
        r"than (?:answer(?:ing)? (?:the )?phones?|take (?:notes|dictation)|making (?:the )?(?:coffee|"
        r"tea)|make (?:the )?(?:coffee|tea))\b",
    ),
    (
        "sexual",
        "women woman girls wives ladies she man tighter shorter skimpier revealing cheap easy",
        "thing man place tighter shorter skimpier revealing cheap easy sluts whores",
        # "good for only one thing", "needs a real man to put her in her place", "should wear
        # something tighter", "<nationality> women are cheap"
        r"\b(?:women|woman|she|girls|ladies|wives)\b(?: \w+){0,3}?(?:'s| are| is| r)? (?:only |just )?good for "
        r"(?:only |just )?(?:one thing|1 thing)\b|\bneeds? a (?:real|proper) man\b[^.!?]{0,30}?\b(?:put|"
        r"keep|show|tame|sort) her\b|\b(?:should|needs? to|ought to|could) (?:wear|put on|dress in) "
        r"(?:something |a )?(?:tighter|shorter|skimpier|more revealing|lower cut|low-cut)\b|\b(?:women|"
        r"girls|wives|ladies) (?:are|r) (?:all )?(?:cheap|easy|sluts|whores)\b(?!\s+(?:to|targets?|prey|"
        r"marks?|labou?r|work|workers|hires?))",
    ),
    (
        "insult",
        "touched kissed",
        "never",
        # the incel jab: "you reek of a man who's never been touched by a woman"
        r"\bnever (?:once )?been (?:touched|kissed) by a (?:woman|girl)\b",
    ),
)
