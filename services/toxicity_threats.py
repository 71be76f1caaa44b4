"""Toxicity phrase patterns for threats of violence, as services.toxicity_patterns reads them."""

from __future__ import annotations

from services.toxicity_lexicon import NOT_PEOPLE, THINGS, word_set

VIOLENCE = (
    r"shot|hanged|hung|lynched|executed|killed|murdered|strung up|beheaded|gassed|burn(?:ed|t) "
    r"alive|put down|run over|beaten|stabbed|raped|tortured|drowned|exterminated|wiped out|"
    r"left to (?:die|rot|starve|drown|burn)"
)
# What "someone should shoot/torch/take out ..." may be aimed at without aiming at a person:
# "kill the lot of amendments", "burn the midnight oil".
THING_OBJECTS = "|".join(
    sorted(
        THINGS
        | NOT_PEOPLE
        | word_set(
            """amendments motions proposals deals schemes projects budgets reforms story stories
            rumour rumours rumor myth myths lie narrative talks messenger midnight bridge bridges"""
        )
    )
)
HARMS = (
    r"shoot|kill|hang|lynch|drown|torch|burn|firebomb|bomb|stab|behead|murder|execute|gas"
    r"|strangle|knife|shank"
)
# Harms that name their victim inside the phrase: "take him out", "string them up".
PHRASAL_HARMS = (
    r"(?:take|put) (?:him|her|them|em) (?:out|down)|string (?:him|her|them|em) up|run (?:him|"
    r"her|them|em) over|beat (?:him|her|them|em) (?:up|to death|senseless)"
)
I_WILL = r"\b(?:i|we)\s*(?:'ll|'m going to|'re going to|will|am going to|are going to|shall|gonna)"

THREATS: tuple[tuple[str, str, str, str], ...] = (
    (
        "threat",
        "should ought need needs deserve deserves must will gonna going has have",
        "shot hanged hung lynched executed killed murdered strung beheaded gassed burned burnt "
        "put run beaten stabbed raped tortured drowned exterminated wiped left",
        rf"\b(?:should|ought to|needs? to|deserves? to|must|will|gonna|going to|has to|have "
        rf"to)\s+(?:all\s+)?(?:be|get|have been|'ve been)\s+(?:(?:{VIOLENCE})\b(?!\s+(?:of|parliament|jury))|(?:\w+\s+)"
        rf"{{1,5}}?(?:and|then)\s+(?:be\s+)?(?:{VIOLENCE})\b(?!\s+(?:of|parliament|jury)))",
    ),
    (
        "threat",
        "find hunt track kill murder shoot stab hurt strangle rape burn choke beat coming live meet "
        "punch smack deck headbutt knock kick smash",
        "i we ill im gonna know",
        rf"\bi know where (?:you|u|he|she|they|the \w+|your \w+) (?:lives?|meets?|works?|drinks?|"
        rf"sleeps?|stays?)\b|{I_WILL}\s+(?:find|hunt|track) (?:you|u|him|her|them|"
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
        r"gonna die)\b(?!\s+(?:wrong|right|serious|on|set|last|tired))|\bwatch your back\b(?! on the)|"
        r"\bbullet (?:in|through|between) (?:his|her|their|your|the)\b|\b(?:put|deserves?|"
        r"needs?) a bullet\b|\blined? (?:\w+ ){0,3}up against (?:a|the) wall\b|\b(?:hang|lynch|"
        r"shoot|gas|kill|murder|exterminate|slaughter) (?:them|em|him|her|the lot of them|all of them|every "
        r"(?:last )?one of them)(?: all)?\s+(?:all|from|up|high|now|dead)\b|\b(?:kill|murder|"
        r"exterminate|slaughter|gas|hang|lynch) all (?:the )?\w+s\b|\b(?:gas|exterminate|slaughter|"
        r"kill|shoot|hang|lynch) (?:the (?:whole )?lot(?: of them)?(?!\s+of)|all of them|every "
        r"(?:last |single )?one of (?:them|the \w+|these \w+|those \w+))\b|\b(?:burn|torch|firebomb) "
        r"(?:down )?(?:their|his|her|your|the) (?:\w+ )?(?:house|home|houses|homes|mosque|church|"
        r"synagogue|hotels?|offices?)",
    ),
    (
        # a beating wished on someone: "he needs a kick in the teeth", "she deserves a good slap"
        "threat",
        "needs need deserves deserve",
        "kick punch smack slap kicking beating hiding thrashing slapping",
        r"\b(?:he|she|they|you|u|who|him|her)\s+(?:really\s+|just\s+)?(?:needs?|deserves?)\s+(?:a\s+)?"
        r"(?:good\s+|proper\s+|swift\s+|hard\s+)?(?:(?:kick|punch|smack|slap)\s+in\s+the\s+(?:teeth|face|"
        r"head|mouth|balls|nuts|gob)|kicking|beating|hiding|thrashing|slapping|slap|smack|punch)\b",
    ),
    (
        "threat",
        "someone somebody anyone people we they",
        "shoot kill hang lynch drown torch burn firebomb bomb stab behead murder execute gas "
        "strangle knife shank take put string run beat",
        # a call on anyone at all to do violence: "somebody should drown him in the Thames"
        rf"\b(?:someone|somebody|anyone|people|we|they) (?:should|needs? to|ought to|must|has to|"
        rf"have to|gotta) (?:just |really |finally |seriously )?(?:{PHRASAL_HARMS}|(?:{HARMS}) "
        rf"(?!(?:the|this|that|these|those) (?:\w+ ){{0,3}}?(?:{THING_OBJECTS})\b)(?:him|her|them|em|the|that|"
        rf"this|those|these|his|their|every|all))\b",
    ),
    (
        "threat",
        "head heads torch burn firebomb bomb body hang lynch",
        "spike spikes pike pikes inside bags em them",
        r"\b(?:his|her|their|\w+'s) heads? on (?:a |the )?(?:spikes?|pikes?)\b|\b(?:torch|burn|"
        r"firebomb|bomb)\b[^.!?]{0,40}\bwith (?:them|him|her|everyone|the \w+|those \w+)(?: all)? "
        r"(?:still )?inside\b|\b(?:send|ship) (?:them|em|him|her)\b[^.!?]{0,15}\bin body ?bags\b"
        r"|\b(?:hang|lynch) (?:them|'?em|him|her|the lot(?: of them)?|all of them)(?: all| high)?"
        r"(?=\s*(?:[.!]|$))",
    ),
    (
        "threat",
        "wipe wiped bats knives machetes target targets face",
        "map earth going coming heading legitimate again",
        # "wipe Gaza off the map", "going down Saturday with bats", "every X is a legitimate
        # target", "if he ever shows his face round here again"
        r"\bwipe (?:\w+ ){1,2}off the (?:map|face of the earth)\b|\b(?:going|coming|head(?:ing)?|"
        r"turn(?:ing)? up)\b[^.!?]{0,30}\bwith (?:baseball )?(?:bats|knives|machetes|guns)\b|"
        r"\b(?:every|all) (?:single )?(?:israelis?|jews?|russians?|ukrainians?|palestinians?|arabs?|"
        r"muslims?|settlers?|civilians?|tory|tories|americans?|zionists?) (?:is|are) (?:a )?"
        r"legitimate targets?\b|\bif (?:he|she|you|u|they|that \w+|the \w+) (?:ever )?(?:shows?|show) (?:his|her|"
        r"your|their) (?:\w+ )?face (?:\w+ ){0,5}?again\b",
    ),
    (
        "threat",
        "sniper ambulance bag bodybag coffin visit lives address minutes hurry traitors suffer",
        "need leaving leave leaves pay paid paying find out hard room die happens may",
        # veiled: "where's a sniper when you need one", "he's leaving in an ambulance", "pay her
        # a visit", "find out where this reporter lives", "her address isn't hard to find"
        r"\bwhere'?s a (?:sniper|gunman|bullet|assassin) when you need (?:one|it)\b|(?<!only )\b(?:leave|leaves|"
        r"leaving|go home|going home) in (?:an ambulance|a body ?bag|a box|a coffin)\b|\b(?:pay|paid|"
        r"paying) (?:him|her|them|you|u) a (?:little )?visit\b|\bfind out where (?:he|she|they|this "
        r"\w+|the \w+|that \w+) lives?\b|\baddress (?:is|isn't|is not|isnt) (?:hard|difficult) to find"
        r"\b|\bin a room with me for (?:\w+ )?minutes\b|\bhurry up and (?:\w+ )?die\b|\bwhat "
        r"happens to (?:traitors|snitches|people like (?:you|her|him))\b|\bmay (?:he|she|they|you) "
        r"(?:suffer|rot|burn|die)\b",
    ),
    (
        "threat",
        "sink",
        "boats boat dinghies dinghy rafts",
        r"\bsink (?:the|their|those|these|all the|every) (?:bloody )?(?:boats?|dinghies|dinghys?|rafts?)\b",
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
        r"\bstring (?:him|her|them|em|the lot(?: of them)?|all of them)(?: all)? up\b|\bround (?:them|em|"
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
        "burnt flooded bombed robbed kicked smashed caved breaks break burgles robs rapes stabs "
        "attacks kills shoots murders shoot kill stab murder shooting next chemo treatment operation "
        "surgery",
        r"\b(?:hope|wish|pray)(?: that)?(?: \w+){1,4} (?:die|dies|"
        r"get killed|gets killed|get shot|gets shot|burn|burns|get cancer|gets cancer|get "
        r"raped|gets raped|choke|chokes|drown|drowns)\b|\b(?:hope|wish|pray)(?: that)? (?:your|his|"
        r"her|their) (?:house|home|family|kids) (?:floods|burns|gets? (?:burned|burnt|flooded|"
        r"bombed|robbed))\b|\b(?:hope|wish|pray)(?: that)?(?: \w+){1,3} (?:gets?|got) (?:his|her|"
        r"their|your|its) (?:\w+ )?(?:head|face|teeth|skull) (?:kicked|smashed|caved|bashed) in\b|"
        r"\b(?:hope|wish|pray)(?: that)? (?:his|her|their|your) cancer (?:spreads|returns|comes back)|"
        r"\b(?:hope|wish|pray)(?: that)? (?:his|her|their|your) (?:chemo|treatment|operation|surgery) "
        r"(?:doesn't|does not|fails|won't)\b|"
        r"\b(?:hope|wish|pray)(?: that)?(?: \w+){1,5} (?:breaks? into|burgles?|robs?|rapes?|stabs?|"
        r"attacks?|kills?|shoots?|murders?) (?:you|your|u)\b|\b(?:hope|wish|pray)(?: that)? (?:they|"
        r"you|u|both) (?:all )?(?:shoot|kill|stab|murder) each other\b|\b(?:hope|wish|pray)(?: that)? "
        r"the next (?:shooting|bomb|bombing|attack|fire|flood) (?:is|happens|hits) (?:at|in|near) "
        r"(?:your|his|her|their)\b",
    ),
)
