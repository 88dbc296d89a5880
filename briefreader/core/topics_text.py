"""Word lists and the tokenizer used by topic segmentation (``topics.py``).

Pure Python and offline. ``terms()`` turns a piece of text into aligned lists of
surface words and stems, where a stop word or a punctuation mark gets the stem ``""``
(punctuation is kept as a phrase breaker for labels). Stems come from Whoosh's Porter
stemmer behind a process-wide cache: the same few thousand words make up most briefings.
"""

from __future__ import annotations

import re

from whoosh.lang.porter import stem as _porter

# A word (with inner apostrophes or hyphens: "Russia’s", "COVID-19"), or a run of
# punctuation, which breaks a phrase. A word that starts with a digit gets no stem:
# numbers make poor topic terms. The fragment of a stutter ("Biparti- — Bipartisan")
# is no word at all.
TOKEN = re.compile(r"\w++(?:['’\-‐]\w++)*+(?![\-‐])|[.,;:!?()\[\]“”\"—–…/]+")

# Ordinary English function words, and the words of spoken briefings that carry no
# subject: greetings, thanks, turn-taking, hedges, filler verbs. Shared by the
# segmenter (lexical cohesion), the labeller and the summariser.
STOP_WORDS = frozenset("""
a about above across actually after afterwards again against ago ahead all almost alone
along already also although always am among amongst an and another any anybody anyhow
anyone anything anyway anywhere are aren around as aside ask asked asking asks at away
back be became because become becomes been before beforehand behind being below beside
besides between beyond both brief briefly but by can cannot can't could couldn couldn't
did didn didn't do does doesn doesn't doing don don't done down due during each either
else elsewhere enough especially etc even ever every everybody everyone everything
everywhere except far few fine first for former formerly from further furthermore get
gets getting give given gives go goes going gone good got gotten great had hadn hadn't
has hasn hasn't have haven haven't having he he'd he'll he's hello hence her here here's
hers herself hey hi him himself his how how's however i i'd i'll i'm i've ie if in
indeed instead into is isn isn't it it'd it'll it's its itself just keep kind last
later latter least less let let's like likely ll lot lots made make makes making many
may maybe me meanwhile might mine more moreover most mostly much must mustn my myself
namely neither never nevertheless next no nobody none noone nor not nothing now nowhere
of off often oh ok okay on once one ones only onto or other others otherwise ought our
ours ourselves out over overall own per perhaps please put quite rather re really
regarding concerning said same saw say saying says see seem seemed seeming seems seen
several shall shan she she'd she'll she's should shouldn shouldn't since so some
somebody someone something sometime sometimes somewhat somewhere soon still such sure
take taken takes taking tell than thank thanks that that's the their theirs them
themselves then thence there there's thereafter thereby therefore therein thereupon
these they they'd they'll they're they've thing things think this those though through
throughout thru thus to together too took toward towards try trying two un under
unless until up upon us use used uses using ve very via was wasn wasn't way we we'd
we'll we're we've well went were weren weren't what what's whatever when whence
whenever where where's whereas whereby wherever whether which while who who's whoever
whole whom whose why will with within without won won't would wouldn wouldn't yeah yes
yet you you'd you'll you're you've your yours yourself yourselves
afternoon morning evening everybody everyone folks guys gonna wanna gotta hmm uh um
question questions answer answered answering follow followup follow-up
mean means meant know knows knew look looking looked want wants wanted wanting
thought thinks talk talked talking talks tell telling told speak spoke speaking
ahead great appreciate appreciated sorry excuse pardon laughter applause inaudible
certainly obviously clearly simply basically certainly absolutely exactly generally
particular particularly specific specifically certain able unable fact terms
note noted noting add added adding remark remarked stated stating comment commented
commenting addressed addressing emphasized emphasizing stressed mentioned mentioning
said told reporters reporter journalists briefing briefings press spokesman spokeswoman
spokesperson secretary mr ms mrs dr sir ma'am madam
today yesterday tomorrow tonight week weeks day days year years month months time times
new news item items update updates point points part course bit piece little big
end ends start started starts step steps today's
come comes coming came continue continued continues continuing happen happened happening
happens put puts work working works worked need needs needed help helps helped
believe believes believed understand understanding expect expected expects
something's there're anything's
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred hundreds thousand thousands million millions billion billions trillion dozen dozens
percent half quarter
teleconference embargo embargoed attributable attribution background on-the-record moderator
operator inaudible crosstalk
monday tuesday wednesday thursday friday saturday sunday january february april june july
august september october november december
""".split())

# Sentences that are turn-taking, not content: never a summary.
BOILERPLATE_START = re.compile(
    r"^\W*(?:good (?:morning|afternoon|evening)|thank you|thanks|go ahead|next question"
    r"|hi\b|hello\b|hey\b|okay\b|ok\b|all right|alright|yeah\b|yes\b|sure\b|great\b"
    r"|(?:let me )?take (?:a|one|two|a few|some) (?:more )?questions?|any (?:other|more) questions"
    r"|with that\b|i(?:'|’)ll (?:take|turn)|that(?:'|’)s (?:it|all)\b|happy \w+day)",
    re.IGNORECASE,
)

# Words that, in a short sentence, mark the capitalised word beside them as a vocative
# ("Go ahead, Peter." "Thanks, Jen." "Yes, Kelly?"), i.e. a reporter's or the
# briefer's first name, which must never name a topic.
VOCATIVE_CONTEXT = frozenset(
    "go ahead thanks thank you yes yeah yep hi hey hello sure okay ok please right all "
    "and then let's lets sorry well so oh good morning afternoon".split()
)

_stem_cache: dict[str, str] = {}

# Titles and offices: part of a name ("Prime Minister Netanyahu"), no subject alone.
TITLE_WORDS = (
    "president vice prime minister ministers senator senators governor governors chancellor "
    "speaker leader leaders mayor ambassador envoy congressman congresswoman representative "
    "chairman chairwoman chair director administrator counselor adviser advisor advisers "
    "white house office official officials king queen prince premier"
)


def _init_cache() -> None:
    for w in STOP_WORDS:
        _stem_cache[w] = ""
        _stem_cache[w.replace("'", "’")] = ""


_init_cache()


def stem_word(lower: str) -> str:
    """The stem of a lowercased word; ``""`` for a stop word or a one-letter word."""
    s = _stem_cache.get(lower)
    if s is None:
        w = lower.replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) < 2 or w in STOP_WORDS:
            s = ""
        else:
            s = _porter(w)
            if len(s) < 2:
                s = ""
        if len(_stem_cache) < 200_000:
            _stem_cache[lower] = s
    return s


def terms(text: str) -> tuple[list[str], list[str]]:
    """Aligned surface tokens and stems of ``text`` (stem ``""`` for stop words and
    punctuation; punctuation tokens start with a non-letter)."""
    toks = TOKEN.findall(text)
    get = _stem_cache.get
    stems = [s if (s := get(t.lower())) is not None else _miss(t) for t in toks]
    return toks, stems


def _miss(tok: str) -> str:
    lw = tok.lower()
    if tok[0].isalpha():
        return stem_word(lw)
    if len(_stem_cache) < 200_000:
        _stem_cache[lw] = ""
    return ""


TITLE_STEMS = frozenset(stem_word(w) for w in TITLE_WORDS.split())


def query_stems(text: str) -> list[str]:
    """The content stems of a user's query, in order, without duplicates."""
    out: list[str] = []
    for s in terms(text)[1]:
        if s and s not in out:
            out.append(s)
    return out


def surface_key(token: str) -> str:
    """A surface word as shown in a label or keyword: possessive dropped."""
    if token.endswith(("'s", "’s")):
        return token[:-2]
    return token


# Common first names: a capitalised word in a vocative position ("you know this, Jeff;"
# "Alex, way back there.") that is one of these is a reporter's or briefer's name.
FIRST_NAMES = frozenset("""
aamer aaron abby adam adrienne agnes aisha alana alex alexa alexander alexandra alexis ali
alice alicia alison allison amanda amber amy ana andrea andrew andy angela ann anna anne
annie anthony april ari arlette armando ashley audrey barbara ben benjamin beth betsy
bill billy blake bob bobby brad bradley brandon brenda brent brett brian briana bridget
brittany brooke bruce bryan caitlin caleb cameron carl carla carlos carol caroline carrie
catherine cecilia chad charles charlie chris christina christine christopher cindy claire
colleen connor courtney craig cristina dan dana daniel danielle danny darlene dave david
dean deb debbie deborah dennis derek diana diane dominic don donna doug douglas drew
dylan ed eddie edward eileen elena elizabeth ellen emily emma eric erica erin ethan evan
frank fred gabby gabe gabriel gary gene geoff george gerald gina glenn gordon grace greg
gregory hallie hannah hans harry heather heidi helen henry ian isaac jack jackie jacob
jacqui jake james jamie jane janet jared jason jay jean jeff jeffrey jen jenna jennifer
jenny jeremy jerry jess jessica jill jim jimmy joan joe joel joey john johnny jon jonathan
jordan jose joseph josh joshua joy joyce juan judy julia julie justin karen karine kate
katherine kathleen kathy katie kayla keith kelly ken kenneth kevin kim kimberly kristen
kristin kyle lara laura lauren leah lee leigh leslie linda lindsay lisa liz louis lucas
lucy luis luke lynn maggie mara marc marcus margaret maria marie marisa mark martha martin
mary matt matthew maureen max megan meg melissa michael michelle mike molly monica morgan
nadia nancy natalie nate nathan neil nick nicholas nicole noah nora olivia owen pam pamela
pat patrick patricia paul paula peggy peter phil philip rachel raquel ray rebecca reed
richard rick rob robert robin ron ronald rose ross ruth ryan sabrina sam samantha sara sarah
scott sean selina seung shannon sharon shawn sheryl simon sophia stacy stephanie stephen
steve steven sue susan tamara tara ted teresa terry thomas tim timothy tina todd tom tommy
tony tracy trevor tyler valerie vanessa victor victoria vince weijia wendy will william
yamiche zach zeke
""".split())
