"""Toxicity word lists: who is addressed, the words around an insult, and words strong only
in context. The names people are called are in services.toxicity_insult_words."""

from __future__ import annotations

import re


def word_set(spec: str) -> frozenset[str]:
    """A set of words from a whitespace-separated list."""
    return frozenset(spec.split())


YOU = word_set("you u ya ye your ur youre yourself yourselves yours thou yer")
# Talking to another reader, as a news comment does: "u" and "ur" are left out, since text
# messages between friends use them in every line.
READER = word_set("you your yourself yourselves youre yours")
LAUGHTER = word_set("lmao lmfao lmaoo lmfaoo roflmao")
# Common short words of Dutch, German, Spanish and French that are not also English words or
# chat spellings ("wat", "yo", "dem", "das"): a comment made mostly of them is not in English, and an
# English word list or model misreads it ("hoe" is Dutch for "how").
FOREIGN = word_set(
    """het een van ik niet zijn met voor maar als zo nog wel ook naar bij mij moet heeft hebben
    wordt deze dit waar weet geen meer wij jij jullie hij zij ons onze mijn haar zich toch und
    ist nicht ich du ein eine einen auf sich auch wie wir ihr sie nur noch aber oder
    wenn schon sehr doch mein dein el los las que por para pero una muy ella esta este como
    porque del les des une est pas je il elle nous vous avec dans sur mais qui cette mon sont"""
)
ENGLISH = word_set(
    """the a an and of to is in it you that i for on with this be are was have not but what my
    me so if at he she they all just like do no can get we your will from by or"""
)
ADDRESSED = word_set("you u ya ye youre your ur yer")
BE = word_set("are r re were is was s am m be being")
FILLER = word_set(
    """such so really just a an the too absolute absolutely utter utterly complete completely
    total totally fucking fuckin effing effin fookin fooking feckin fecking friggin frigging
    frickin fricking flippin flipping bloody damn little big typical sad old one of bunch pack
    piece nothing but very most biggest all both"""
)
# "a bunch of clowns", "a pack of rats": a group called by an insulting noun.
COLLECTIVES = word_set("bunch pack gang band herd load lot full")
# Insults only as the plain noun ("you are a dick"); after other words mostly an intensifier
# ("a bunch of bad ass birds").
BODY_WORDS = word_set("ass arse dick dicks tit")
# Words that end the phrase before an insulting noun: "he is a friend of clowns" insults no one.
BARRIERS = word_set(
    """of for and or but to in on at with who whom that which than as like not no from by
    about because if when while this these those his her their our my your its it what"""
)
EXPLETIVE = re.compile(
    r"f+u+c*k+\w*|fck\w*|fuk\w*|shit\w*|bullshit\w*|crap\w*|damn\w*|dammit|goddamn\w*|hell"
    r"|piss\w*|arse|ass|asses|wtf|omfg|bloody|bugger\w*|bollocks|sucks?|suck(?:ed|ing|y)"
    r"|screw(?:ed)?|freakin\w*|friggin\w*|effin\w*|feck\w*|frick\w*|dick|dicks|cking\w*"
)
# The strong swear words: said alongside an insult or a put-down they are abuse, not colour.
STRONG_EXPLETIVE = re.compile(
    r"f+u+c*k+\w*|fck\w*|fukk?(?:ing?|ed|er|ers|s)?|\w*shit\w*|cunts?|motherf\w*|(?:ass|arse)holes?"
    r"|bitch\w*|wank\w*|twats?|dickheads?|pricks?|bastards?|dumbass(?:es)?|jackass(?:es)?"
)
# Words strong in the news that insult no one unless aimed at the reader.
CONTEXTUAL = word_set(
    """kill killed killing kills die dies died dead death deaths shoot shot shooting bomb bombs
    bombing bombed war wars murder murders murderer murderers murdered criminal criminals crime
    crimes liar liars lie lies lying lied corrupt corruption fraud traitor traitors treason
    fascist fascists fascism nazi nazis racist racists racism hypocrite hypocrites hypocrisy
    disgrace disgraceful shame shameful propaganda propagandists rapist rapists rape pedophile
    dictator tyrant thug thugs crook crooks coward cowards cowardly horrible horrific terrible
    awful cruel sick insane crazy mad ridiculous absurd rubbish garbage nonsense trash
    disgusting hate hated hates hatred evil terror terrorist terrorists terrorism attack attacks
    blood genocide massacre destroy destroyed violence violent regime invasion enemy enemies
    god silly foolish lazy arrogant incompetent failure disaster mess joke clown clowns circus
    fat ugly mental mentally nuts lunatic lunatics cancer slave slavery scandal slaughter wreck
    stinks stink rotten filthy dirty shut sex sexual porn psycho psychopath bully bullies fool
    fools poor loser losers chambers"""
)
# Insulting adjectives: kept for the model unless they describe a policy or a plan.
INSULT_ADJ = word_set(
    """stupid stupidest stupidity dumb dumbest idiotic idiocy moronic pathetic ignorant
    brainless clueless worthless useless retarded senile"""
)
STRONG_ADJ = word_set(
    "stupid dumb retarded moronic idiotic brainless senile worthless disgusting filthy inbred "
    "knuckledragging peabrained"
)
THINGS = word_set(
    """policy policies bill bills law laws plan plans idea ideas decision decisions move deal
    tax taxes tariff tariffs rule rules reform reforms budget system election vote referendum
    scheme proposal proposals strategy approach regulation regulations treaty sanctions
    question questions argument arguments it this that thing things war motion amendment
    programme program project spending cuts situation remarks remark comment comments
    statement statements speech speeches response answer answers claim claims excuse excuses
    interview article report headline take position stance manifesto campaign ad slogan
    tweet post move moves result results idea"""
)
# What a threat can be about without threatening anyone ("the bill should be killed").
NOT_PEOPLE = word_set(
    """policy bill law plan idea proposal project deal scheme motion amendment reform tax
    programme program budget treaty legislation measure regulation it"""
)
IDENTITY = word_set(
    """gay gays homosexual homosexuals lesbian lesbians queer queers black blacks white whites
    jew jews jewish muslim muslims islam christian christians trans transgender mexican mexicans
    african africans arab arabs asian asians women woman immigrant immigrants refugee refugees
    feminist feminists redneck rednecks hillbilly hillbillies colored coloured ghetto"""
)
# Dialect and chat spellings of everyday words ("dat", "dey", "finna", "smh"): a model fitted
# on tweets learned them as signs of abuse because abusive tweets in its data used them, which
# holds speakers of a dialect to a stricter bar. They say nothing about abuse, so it never
# sees them.
DIALECT = word_set(
    """da dat dey dem dis dese dose den wit gon finna ima imma aint ain yall bout tho ya yo
    bro bruh smh ctfu lol lil af"""
)
# Words before a "ho" that make it a call, not a name for a woman: "hi ho", "gung-ho", "land ho".
HO_CALLS = word_set("ho hi heigh gung westward land tally heave wagons yo")
SUBJECTS = word_set(
    """he she they hes shes theyre people voters supporters liberals conservatives lefties
    leftists libs tories democrats republicans socialists immigrants politicians president
    minister senator mp mps guy man woman journalist reporter author leader king queen editor
    pm chancellor mayor governor candidate secretary premier congressman congresswoman
    councillor councilor chairman spokesman spokeswoman presenter writer columnist side lot kind
    mob crowd tribe wife husband princess prince officer teacher ref referee"""
)
GROUPS = word_set(
    """people voters supporters liberals conservatives lefties leftists libs tories democrats
    republicans socialists immigrants politicians bastards women men americans brits muslims
    jews migrants foreigners refugees"""
)
UNSCORED = IDENTITY | DIALECT  # never seen by the model
MASKABLE = UNSCORED | CONTEXTUAL | INSULT_ADJ
