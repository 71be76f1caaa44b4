"""Toxicity phrase patterns for sneers with no insulting word (at someone's brain, gene pool,
upbringing, love life or schooling), as services.toxicity_patterns reads them."""

from __future__ import annotations

_DIM = (
    r"potato|turnip|cabbage|lettuce|carrot|tomato|rock|brick|plank|pebble|goldfish|gnat|amoeba"
    r"|squirrel|toddler|doorknob|houseplant|sponge|walnut|pea|peanut|raisin|jellyfish|hamster"
    r"|fruit fly|sea cucumber|cucumber|slug|teaspoon|sandwich|lemming|mollusc|banana"
)
# As (category, words one of which must be present, a second such set or none, pattern), the
# way services.toxicity_abuse writes them.
SNEERS: tuple[tuple[str, str, str, str], ...] = (
    (
        "insult",
        "iq intelligence brain brains brainpower brained smooth",
        "",
        r"\biq (?:of|lower than|below|less than|smaller than) (?:room temperature|(?:an?|his|her"
        r"|their|your) (?:\w+ )?(?:" + _DIM + r"|shoe size))\b"
        r"|\b(?:intelligence|brains?|brainpower|mental age|iq) of an? (?:\w+ )?(?:" + _DIM + r")\b"
        r"|\bbrains? (?:is|are|was) (?:an?|the size of an?) (?:\w+ )?(?:marble|pea|peanut|walnut"
        r"|raisin)\b|\bsmooth ?brain(?:ed|s)?\b|\b(?:stroke|pea|bird|worm|lizard|mush|porridge"
        r")[ -]?brained\b",
    ),
    (
        "insult",
        "gene",
        "pool",
        r"\bgene pool (?:needs|could use|could do with|requires) (?:a )?(?:lifeguard|chlorine)"
        r"|\bshallow end of the gene pool\b",
    ),
    (
        "insult",
        "garbage trash scum",
        "people humans human person persons individuals",
        # "the show is trash, people" without its comma calls no one trash
        r"(?<!is )(?<!are )(?<!s )\b(?:garbage|trash|scum) (?:people|humans|human beings|persons?"
        r"|individuals)\b",
    ),
    (
        "insult",
        "basement",
        "dweller dwellers dwelling",
        r"\bbasement[ -]?dwell(?:er|ers|ing)\b",
    ),
    (
        "insult",
        "cares",
        "what",
        r"\b(?:nobody|no one|no-one|noone) (?:cares|gives a \w+) (?:about )?what (?:you|u|ya|"
        r"(?:an?|some) (?:[\w'-]+ ){0,3}?(?:loser|virgin|troll|neckbeard|incel|nobody|bot|"
        r"keyboard warrior|dweller|neet)s?) (?:think|thinks|say|says|has to say|have to say)\b",
    ),
    (
        "insult",
        "disappointed ashamed embarrassed",
        "must",
        r"\b(?:your|ur|his|her|their) (?:poor )?(?:parents|mum|mom|mother|dad|father|family|folks"
        r"|kids|children) must be (?:so |very |really |deeply |terribly )?(?:disappointed|"
        r"ashamed|embarrassed)\b",
    ),
    (
        "insult",
        "imagine",
        "raising raised birth related married",
        r"\bimagine (?:raising|having raised|giving birth to|being (?:related|married) to) "
        r"(?:this|that|you|him|her|them)(?=\s*(?:[.!?,;]|$))",
    ),
    (
        "insult",
        "touched kissed reek reeks stink",
        "",
        r"\b(?:never|not once|nobody has ever|no one has ever) (?:\w+ )?(?:been )?(?:touched|"
        r"kissed)(?: by)? an? (?:real )?(?:woman|girl|man)\b|\b(?:you|u) (?:reek|stink) of\b",
    ),
    (
        "insult",
        "school read",
        "back learn",
        r"(?:^|[.!?,]\s*|\b(?:you|u) (?:should|need to|ought to|must|could) )(?:go back to "
        r"(?:school|primary school|kindergarten|nursery)|learn to read)\b",
    ),
    (
        "insult",
        "hire hires",
        "affirmative dei diversity token",
        r"\b(?:affirmative action|dei|diversity|token) hires?\b(?! (?:policy|policies|rules?|"
        r"programmes?|programs?|schemes?|targets?|quotas?|practices?|process))",
    ),
    (
        "insult",
        "real man woman",
        "not call even",
        r"(?:\bnot|n't|\bisnt|\baint) even an? real (?:man|woman)\b|\b(?:he|she|you|u)(?:'s| is| are|'re| r)? not an? "
        r"real (?:man|woman)\b|\bcalls? (?:yourself|himself|themselves) an? (?:man|woman)\b",
    ),
)
