"""Toxicity phrase patterns for threats of violence, as services.toxicity_patterns reads them."""

from __future__ import annotations

VIOLENCE = (
    r"shot|hanged|hung|lynched|executed|killed|murdered|strung up|beheaded|gassed|burn(?:ed|t) "
    r"alive|put down|run over|beaten|stabbed|raped|tortured|drowned|exterminated|wiped out"
)
I_WILL = r"\b(?:i|we)\s*(?:'ll|'m going to|'re going to|will|am going to|are going to|shall|gonna)"

THREATS: tuple[tuple[str, str, str, str], ...] = (
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
)
