"""Toxicity word lists of names people are called: slurs, sexually explicit words, insulting
nouns and accusations, and the put-downs that a swear word turns into abuse."""

from __future__ import annotations

from services.toxicity_lexicon import BODY_WORDS, INSULT_ADJ, STRONG_ADJ, word_set

SLURS = word_set(
    """nigger niggers nigga niggas niggah niggaz nigguh faggot faggots fag fags dyke dykes
    tranny trannies chink chinks spic spics kike kikes wetback wetbacks paki pakis raghead
    ragheads towelhead towelheads gook gooks khokhol khokhols muzzie muzzies pajeet pajeets
    dindu kraut krauts"""
)
# Sexually explicit words: held, since censoring them leaves an obscene comment behind.
SEXUAL = word_set(
    """pussy pussies cock cocks cum cumming porn porno xxx milf horny dildo blowjob blowjobs
    handjob anal jizz"""
)
# After "porn", nouns that make it the subject of a news story ("a porn star", "porn sites")
# rather than an explicit word.
PORN_TOPICS = word_set(
    """star stars industry site sites website websites actress actresses actor actors
    addiction ban bans law laws filter filters studio studios company companies business"""
)
# Nouns that insult a person wherever they appear.
INSULTS = word_set(
    """idiot idiots moron morons imbecile imbeciles cretin cretins dumbass dumbasses jackass
    jackasses dipshit dipshits dimwit dimwits halfwit halfwits nitwit nitwits numpty numpties
    retard retards libtard libtards trumptard trumptards scumbag scumbags scum dickhead dickheads
    asshole assholes arsehole arseholes motherfucker motherfuckers cunt cunts bitch bitches
    whore whores slut sluts twat twats wanker wankers prick pricks douchebag douchebags bastard
    bastards hoe hoes shithead shitheads fuckhead fuckheads fucktard fucktards cocksucker
    cocksuckers subhuman subhumans lowlife lowlifes braindead dickface dickweed twerp twerps
    twit twits nincompoop nincompoops fuckwit fuckwits skank skanks gobshite gobshites bellend
    bellends knobhead knobheads shitstain slapper slappers leftard leftards shitbag shitbags
    spastic spastics asshat asshats"""
)
# Nouns that insult only when said to someone ("you clown") or of someone ("he is a pig").
MILD = word_set(
    """clown clowns troll trolls loser losers peasant peasants cow cows pig pigs rat rats snake
    snakes coward cowards fool fools sheep joke disgrace parasite parasites animal animals freak
    freaks creep creeps hypocrite hypocrites liar liars traitor traitors snowflake snowflakes
    commie commies fascist fascists nazi nazis leftie lefties bum bums dick dicks tit prat
    plonker muppet tosser tossers git arse ass degenerate degenerates embarrassment worm worms
    weasel weasels shill shills grifter grifters crybaby crybabies sheeple cuck cucks hillbilly
    hillbillies rodent rodents witch witches nutter nutters nutjob nutjobs loon loons
    buffoon buffoons dunce dunces pillock pillocks berk berks scrounger scroungers leech leeches
    caveman cavemen paedo paedos pedo pedos nonce nonces pervert perverts bigot bigots
    knuckledragger knuckledraggers dragger draggers breather breathers bootlicker bootlickers
    licker lickers gammon gammons remoaner remoaners neanderthal neanderthals troglodyte
    troglodytes simpleton simpletons dolt dolts oaf oafs numbskull numbskulls bonehead
    boneheads airhead airheads pinhead pinheads blockhead blockheads scrote scrotes toerag
    toerags slimeball slimeballs sleazebag sleazebags dirtbag dirtbags ghoul ghouls vulture
    vultures jackal jackals lapdog lapdogs stooge stooges quisling quislings turncoat turncoats
    charlatan charlatans hag hags harpy harpies toad toads slag slags cokehead cokeheads
    crackhead crackheads groomer groomers bint bints drip drips slob slobs goon goons knob knobs
    egomaniac egomaniacs moran morans thicko thickos"""
)
# Accusations that are political speech about a public figure, insults only when said to "you".
ACCUSATIONS = word_set(
    """liar liars traitor traitors hypocrite hypocrites fascist fascists nazi nazis coward
    cowards commie commies crook crooks disgrace joke bigot bigots lapdog lapdogs stooge stooges
    quisling quislings turncoat turncoats charlatan charlatans"""
)
# Every word that can start a lexical finding, and the category of those that are one alone.
LEXICON = {**dict.fromkeys(INSULTS, "insult"), **dict.fromkeys(SEXUAL, "sexual")}
LEXICON |= dict.fromkeys(SLURS, "slur")
INSULTING_WORDS = frozenset(LEXICON) | MILD | INSULT_ADJ | STRONG_ADJ
# Put-downs: with a strong swear word beside them, the comment is abuse ("fucking clowns",
# "this writer is a fucking hack"); without one they are left to the other detectors.
PUT_DOWNS = (
    INSULTS
    | (MILD - BODY_WORDS)
    | INSULT_ADJ
    | STRONG_ADJ
    | word_set(
        """garbage trash rubbish disgrace disgraceful pathetic scum hack hacks awful terrible
        horrible disgusting worst useless incompetent ridiculous lying ugly hate hateful
        worthless spineless gutless vile"""
    )
)
