"""Toxicity phrase patterns for threats without a stock phrase: calls for mass violence, death
wishes and gloating over a death, and veiled threats, as services.toxicity_patterns reads them."""

from __future__ import annotations

# A sentence that goes on no further: "... pity he survived." but not "... survived the vote".
ENDS = r"(?=\s*(?:[.!,;?…]|$))"
# "Kill every last orc" but not "kill every chance", "shoot every scene".
NOT_PERSON = (
    r"(?!(?:chance|hope|time|day|week|bill|deal|plan|idea|proposal|effort|attempt|ounce|bit|"
    r"scene|shot|penalty|goal|joke|conversation|debate|motion|amendment|opportunity|reform)s?\b)"
)
# Gloating or wishing: "too bad", "shame", "pity", with no "it's not".
PITY = r"(?:too bad|shame|pity|(?:a |such a |what a )(?:shame|pity)|gutted)"
DEATH_WORDS = r"drowning|drowned|dying|dead|died|killed|bombed|burned|burning|starving|shot"

HARASSMENT: tuple[tuple[str, str, str, str], ...] = (
    (
        "threat",
        "hang shoot kill gas lynch execute behead murder slaughter exterminate butcher string nuke",
        "every all lot lampposts lamppost lamp trees them em",
        # a call to kill a whole group: "kill every last orc", "string them all up",
        # "hang them from lampposts", "nuke them all"
        rf"\b(?:hang|shoot|kill|gas|lynch|execute|behead|murder|slaughter|exterminate|butcher) "
        rf"every (?:last |single )?{NOT_PERSON}\w+|\bstring up (?:them|em|every|all the|the lot|those)\b"
        rf"|\bstring (?:the|those|these|all the) \w+ up\b"
        rf"|\b(?:hang|string)(?: up)? (?:them|em|'em|him|her|the lot|all of them|every \w+|all the "
        rf"\w+|(?:the|those|these) (?!(?:flags|lights|banners|bunting|decorations|signs|posters|"
        rf"baskets|wreaths)\b)\w+s)\b[^!?]{{0,60}}?\b(?:from|on) (?:the )?(?:nearest )?(?:lamp ?posts?|"
        rf"trees?)\b|\bnuke "
        rf"(?:them|em|'em|the lot|all of them|the (?:whole|entire) \w+)(?: all)?\b",
    ),
    (
        "threat",
        "burn torch firebomb molotov molotovs petrol",
        "down windows window sort camp camps mosque mosques hotel hotels shelter hostel centre",
        # arson against people's places: "burn the camp down", "molotovs through the windows"
        r"\b(?:burn|torch|firebomb) (?:down )?(?:their|his|her|your|the|that|this|those|these|every|"
        r"all the) (?:\w+ )?(?:camps?|mosques?|hotels?|shelters?|hostels?|centres?|synagogues?|"
        r"churches|temples?|homes?|houses?)(?: down)?\b|\b(?:molotovs?|molotov cocktails?|petrol "
        r"bombs?|firebombs?) (?:through|into|in) (?:the|their|his|her|your|its|that|those|these) "
        r"(?:\w+ )?windows?\b|\b(?:a few|some|a couple of|couple of|few) (?:molotovs?|molotov "
        r"cocktails?|petrol bombs?)\b[^.!?]{0,40}\b(?:would|will|should|'d|'ll) (?:soon )?sort\b",
    ),
    (
        "threat",
        "hope wish pray glory praise bless here",
        "fire burns burn flames bombs bomb missiles rockets shells drones",
        # "hope that hotel catches fire", "glory to the bombs that fall on Kharkiv"
        r"\b(?:hope|wish|pray)(?: that)?(?: (?!not\b|never\b|nobody\b|doesn\b|don\b|won\b)\w+)"
        r"{1,5} (?:catch(?:es)? fire|burns? (?:down|to the ground)|goes up in flames|gets? "
        r"(?:firebombed|torched|burned down|burnt down))\b|\b(?:glory to|praise be to|praise|"
        r"bless|here'?s to) (?:the|those|these|more|all the) (?:bombs?|missiles?|rockets?|shells?|"
        r"drones?) (?:that |which )?(?:fall|falling|land|landing|rain|raining|hit|hitting|drop|"
        r"dropping) (?:on|in)\b",
    ),
    (
        "threat",
        "guillotine gallows noose firing rope shooting killing hanging purge revolution war wall",
        "start starting begin beginning first next list wall",
        # "bring back the guillotine and start with the Windsors", "when the shooting starts,
        # you're first", "first against the wall"
        r"\bbring back (?:the )?(?:guillotine|gallows|noose|hanging|firing squads?|rope|public "
        r"(?:hangings|executions))\b[^.!?]{0,40}\b(?:start|starting|begin|beginning) with\b|\bwhen "
        r"the (?:shooting|killing|hanging|purge|revolution|civil war|war|reckoning|uprising) "
        r"(?:starts?|begins?|comes?),? (?:\w+ ){0,2}\w+ ?(?:are|'re|is|'s|will be|'ll be|go|goes) "
        r"(?:the )?(?:first|next)(?: on the list| in line| against the wall)?(?=\s*(?:[.!,;]|$))"
        r"|\b(?:first|next) (?:up )?against the wall\b",
    ),
    (
        "threat",
        "aimed shooter gunman sniper assassin bullet bomb bomber cancer stroke missed survived finish",
        "better straighter head too shame pity gutted left right",
        # gloating that an attack or an illness failed: "too bad the shooter missed",
        # "should've aimed better", "shame the cancer didn't finish the job"
        rf"\bshould(?: have|'ve| of|ve) aimed (?:a (?:bit|little) )?(?:better|straighter|for the head|"
        rf"(?:a (?:bit|little|few inches)|an inch) (?:to the )?(?:left|right|higher|lower))\b|\b{PITY} "
        rf"(?:that )?(?:the |that |his |her |their )?(?:\w+ )?(?:shooter|gunman|sniper|assassin|"
        rf"bullet|bomb|bomber|attacker|cancer|stroke|heart attack|tumou?r)s? (?:missed|"
        rf"did(?:n'?t| not) (?:finish|get|kill|take)|failed|only (?:grazed|wounded|injured))\b|"
        rf"\b{PITY} (?:that )?(?:he|she|they|you) (?:missed|survived|pulled through|recovered|"
        rf"didn'?t die){ENDS}|\b{PITY}\b[^.!?]{{0,40}}\bdid(?:n'?t| not) finish (?:the job|"
        rf"(?:him|her|them) off)\b",
    ),
    (
        "threat",
        "croaked bucket snuffed clogs coffin grave ground die birth polonium novichok arsenic "
        "cyanide ricin poison",
        "",
        # death wished in other words: "should have croaked years ago", "put that judge in the
        # ground", "... or a coffin", "die Putin die", "slip him some polonium"
        r"\b(?:should|ought to)(?: have|'ve| of|ve) (?:croaked|snuffed it|kicked the bucket|popped "
        r"(?:his|her|their) clogs|died (?:years|decades|long) ago|been (?:strangled|drowned|"
        r"smothered) at birth)\b|\b(?:put|stick|shove) (?:him|her|them|em|that \w+|this \w+) (?:in|"
        r"into|under) (?:a|the) (?:coffin|grave|ground|body ?bag|dirt)\b|\b(?:belongs?|be put|"
        r"been put) in (?:a|the) (?:coffin|grave|body ?bag)\b|\bor (?:in )?a "
        r"(?:coffin|body ?bag|grave)\s*(?:[.!]|$)|(?:^|[.!?,] ?)die,? (?:\w+,? ){1,2}die\b|\b(?:slip|"
        r"feed|spike|lace) (?:\w+ ){1,2}(?:\w+ )?(?:with )?(?:some |a (?:little |bit of |drop of "
        r"|dose of )?)?(?:polonium|novichok|arsenic|cyanide|ricin|rat poison|strychnine)\b",
    ),
    (
        "threat",
        "deserve deserves should ought must",
        "burn rot suffer perish camps gallows noose rope guillotine chair",
        # "all Russians deserve to burn", "they deserve the camps", "should all burn in hell"
        r"(?<!one )(?<!nobody )(?<!n't )(?<!nt )(?<!not )(?<!never )\bdeserves? (?:to (?:burn|rot|"
        r"suffer|perish)|the (?:camps?|gallows|noose|rope|guillotine|electric chair))\b|"
        r"\b(?:should|ought to|must) (?:all )?(?:burn|rot)(?: in hell)?(?=\s*(?:[.!,]|$| for\b))",
    ),
    (
        "threat",
        "memories watching visiting backs back accidents careful recognises recognizes spots "
        "follows habit tendency way",
        "",
        # veiled: "better watch their backs", "we have long memories", "we'll be visiting soon",
        # "accidents happen to people like her", "a way of ending up in ditches"
        rf"\b(?:better|should|'d better) watch (?:your|their|his|her) backs?{ENDS}|\bwe (?:have|'ve "
        rf"got|got) long memories\b|\bwe(?:'re| are) watching (?:you|u)\b|\bwe(?: will be|'ll be) "
        rf"visiting(?: (?:you|u))?(?: (?:soon|shortly))?{ENDS}|\baccidents (?:do |can |will )?happen "
        rf"to (?:people like|journalists|reporters|editors|nosy|those who|you|him|her)\b|\bcareful what "
        rf"you (?:write|say|post|publish|print|report)\b[^!?]{{0,60}}\b(?:accidents|or else|you never "
        rf"know what (?:might|could|will) happen)\b|\bhope (?:nobody|no one|no-one) (?:recogni[sz]es|spots|follows|finds) (?:him|her|them|you)\b|"
        rf"\b(?:have|has) a (?:funny )?(?:way|habit|tendency) of (?:ending|turning|winding) up "
        rf"(?:dead|in (?:a |the )?(?:ditch|ditches|river|rivers|canal|morgue|ground))\b",
    ),
    (
        "threat",
        "winter summer christmas days old age retirement cox amess careful street road house school",
        "enjoy make live why next saying else know",
        # "enjoy your last winter", "people like him don't make it to old age", "... is why Jo Cox
        # happened", "he should be careful, that's all I'm saying", "I know what street you live on"
        r"\benjoy (?:your|their|his|her) last (?:winter|summer|christmas|days?|months?|year)\b"
        r"(?!\s+(?:before|of|as|at|on|in (?:office|power|charge|government|the job|number))\b)|"
        r"\blike (?:him|her|you|them|that|this \w+) (?:don'?t|do not|rarely|never|won'?t|will not) "
        r"(?:make it to|live to see|reach|live to) (?:old age|retirement|christmas|next year)\b|"
        r"\b(?:why|how) (?:jo cox|david amess) happened\b|\b(?:be|become) the next (?:jo cox|david "
        r"amess)\b|\bbe (?:very |real |really )?careful,? (?:that'?s all i'?m saying|just saying|is "
        r"all i'?m saying|or else)\b|\b(?:i|we) know (?:what|which) (?:street|road|house|school|"
        r"estate|flat) (?:you|u|he|she|they|your \w+|his \w+|her \w+) (?:lives?|goes?|drives?|works?)"
        r"\b",
    ),
    (
        "threat",
        "parachute parachutes sea tanks bombs bullets missiles understand understands exist",
        "optional included drive push throw or save understand understands your",
        # "a one-way ticket home, parachute optional", "drive them into the sea", "won't save you
        # from our tanks", "they only understand one language, bombs", "your country won't exist"
        r"\bparachutes? (?:optional|not included|sold separately)\b|\b(?:drive|push|throw|chuck) "
        r"(?:them|em|the lot|all of them|every \w+)(?: all)? (?:back )?into the sea\b|\bgo to \w+ "
        r"or (?:into )?the sea\b|\b(?:won'?t|will not|can'?t|cannot) save (?:you|u|them|him|her)\b"
        r"[^.!?]{0,10}\bfrom (?:our|the) (?:tanks|bombs|bullets|missiles|rockets)\b|\bonly "
        r"understands? (?:one language|one thing)\b[^.!?]{0,25}\b(?:bombs?|bullets?|the whip|the "
        r"boot)\b|\byour (?:country|nation|people|kind|city) (?:will not|won'?t|will no longer) exist\b",
    ),
    (
        "threat",
        "good great excellent fewer dead",
        "drowning drowned dying dead died killed bombed burned burning starving shot good less",
        # gloating over deaths: "Migrants drowning? Good.", "every dead X is a good X"
        rf"(?<!no one )(?<!nobody )(?<!not )\b(?:{DEATH_WORDS})\b[^.!?]{{0,60}}[.!?]+ (?:good|great|excellent)[.!]+(?:\s|$)|"
        r"\bevery dead \w+(?: \w+)? is a good \w+\b|\b(?:the )?only good \w+ (?:is|are) (?:a )?"
        r"dead (?:one|ones|\w+)\b|\b(?:good|great),? (?:more|another) dead\b|\bmore dead \w+ "
        r"(?:now )?(?:means|=) (?:fewer|less)\b",
    ),
)
