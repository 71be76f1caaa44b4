"""Toxicity phrase patterns: threats, self-harm, dehumanising, xenophobic, targeted swearing."""

from __future__ import annotations

import re

from services.toxicity_lexicon import word_set

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
        rf"to)\s+(?:all\s+)?(?:be|get)\s+(?:(?:{VIOLENCE})\b(?!\s+(?:of|parliament|jury))|(?:\w+\s+)"
        rf"{{1,5}}?(?:and|then)\s+(?:be\s+)?(?:{VIOLENCE})\b(?!\s+(?:of|parliament|jury)))",
    ),
    (
        "threat",
        "find hunt track kill murder shoot stab hurt strangle rape burn choke beat coming live "
        "punch smack deck headbutt knock kick smash",
        "i we ill im gonna know",
        rf"\bi know where (?:you|u) live|{I_WILL}\s+(?:find|hunt|track) (?:you|u|him|her|them|"
        rf"where (?:you|u|he|she|they) lives?|your (?:family|kids|children|house|home))\b|"
        rf"{I_WILL}\s+(?:kill|murder|shoot|stab|hurt|strangle|rape|burn|choke|gut|skin)\s+(?:you"
        rf"|u|ya|him|her|them|your|his|every)\b|{I_WILL}\s+beat (?:you|u|him|her|them) (?:up|"
        rf"senseless|to death|to a pulp)|{I_WILL}\s+(?:be )?coming (?:for|after) (?:you|u)\b|"
        rf"{I_WILL}\s+(?:punch|smack|deck|headbutt) (?:you|u|him|her|them)\b|{I_WILL}\s+(?:knock|"
        rf"kick|smash) (?:your|his|her|their) (?:\w+ )?(?:teeth|face|head|skull)",
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
        r"kill|shoot|hang|lynch) (?:the (?:whole )?lot(?: of them)?(?!\s+of)|all of them|every "
        r"(?:last |single )?one of (?:them|the \w+|these \w+|those \w+))\b|\b(?:burn|torch|firebomb) "
        r"(?:down )?(?:their|his|her|your|the) (?:house|home|houses|homes|mosque|church|synagogue)",
    ),
    (
        "threat",
        "deserve deserves deserved should ought",
        "die hang swing",
        r"\b(?:deserves? to|deserved to|should|ought to)\s+(?:all\s+)?(?:hang|swing)\b"
        r"(?!\s+(?:up|out|on|onto|in|around|about|together|tight|loose))|\b(?:he|she|they|you|u|"
        r"him|her|them|who|people|everyone|anyone)\s+(?:all\s+)?(?:deserves? to|deserved to|"
        r"should|ought to)\s+(?:all\s+)?(?:just\s+)?die\b",
    ),
    (
        "threat",
        "string round",
        "up",
        # lynching, and rounding people up for camps or worse
        r"\bstring (?:him|her|them|em|the lot(?: of them)?|all of them) up\b|\bround (?:them|em|"
        r"the lot(?: of them)?)(?: all)? up (?:and|then) (?:put|send|ship|lock|intern|gas|shoot|hang)\b",
    ),
    (
        "threat",
        "chamber chambers ovens",
        "",
        r"\b(?:send|put|throw|shove|march|herd)\b[^.!?]{0,30}?\b(?:in)?to the (?:gas chambers?|ovens)\b"
        r"|\binto the (?:gas chambers?|ovens) with\b",
    ),
    (
        "threat",
        "shame under",
        "happened happen feet",
        r"\bshame if something (?:happened|were to happen|was to happen) to (?:you|u|him|her|them|"
        r"your|his|their)\b|\b(?:put|send|see) (?:him|her|them|em|you|u) six feet under\b",
    ),
    (
        "threat",
        "teach lesson",
        "forget",
        r"\bteach (?:\w+ ){1,3}a lesson (?:he|she|they|you|u)(?:'ll| will)? (?:won'?t|will not|never) "
        r"forget\b",
    ),
    (
        "threat",
        "hope wish pray",
        "die dies killed shot burn burns cancer raped choke chokes drown drowns floods burned "
        "burnt flooded bombed robbed",
        r"\b(?:hope|wish|pray)(?: that)?(?: \w+){1,4} (?:die|dies|"
        r"get killed|gets killed|get shot|gets shot|burn|burns|get cancer|gets cancer|get "
        r"raped|gets raped|choke|chokes|drown|drowns)\b|\b(?:hope|wish|pray)(?: that)? (?:your|his|"
        r"her|their) (?:house|home|family|kids) (?:floods|burns|gets? (?:burned|burnt|flooded|"
        r"bombed|robbed))\b",
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
        "apes monkeys insects disease plague infestation cancer virus blight locusts",
        "are r is",
        r"\b(?:are|r|is)\s+(?:(?:all|just|nothing but|a bunch of|a pack of|like|filthy|dirty|"
        r"disgusting|worse than|an invasion of|an infestation of|a plague of|a swarm of|a horde "
        r"of)\s+)*(?:animals|vermin|rats|cockroaches|parasites|savages|locusts|"
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
        "fuck f screw piss sod bugger naff bog stuffed lost shit stfu gtfo hell suck kiss shut "
        "shove stick",
        "",
        r"\b(?:fuck|f|screw) (?:you|u|ya|off|yourself|urself|your|ur|them|him|her)\b|(?<!the )(?<!da )(?<!tha )\bf+u+c*k+ (?:this|"
        r"that|the|these|those|all|every|em)\b|\bgo "
        r"fuck\b|\b(?:piss|sod|bugger|naff|bog) off\b|\bget stuffed\b|(?:^|[.!?]\s*)get lost\b(?!\s+(?:in|on|at|for|with|among))|\beat shit\b|\bstfu\b|\bgtfo\b|\bgo to hell\b|\bkiss my ass\b|"
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
        "iq brain brains intelligence dropped drop",
        "of head",
        r"\b(?:you|u) (?:have|has|got) the (?:iq|brain|brains|intelligence) of an? \w+"
        r"|\bdrop(?:ped)? (?:you|u|him|her) on (?:your|ur|his|her) head\b",
    ),
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
        # "we need more people like you" and "people like you make this place" are praise
        r"\b(?:trolls|idiots|morons|clowns|losers) like (?:you|u)\b|(?<!more )(?<!many )\bpeople "
        r"like (?:you|u)\b(?! make (?:this|the|it|our)\b)",
    ),
    ("insult", "people", "you", r"\byou people\b"),
)
DETECTORS = tuple(
    (category, word_set(first), word_set(second), re.compile(pattern))
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
    "hostile_profanity": 0.9,
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
    "hostile_profanity": "Swears while putting someone or something down",
    "toxic_language": "Reads as abusive to the toxicity model",
    "hostile_reply": "Talks to another reader in a tone the toxicity model reads as hostile",
}
