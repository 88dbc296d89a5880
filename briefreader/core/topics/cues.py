"""Cue phrases of topic segmentation: what a paragraph's or a question's opening words
say about the subject (a new one opens, the one under way goes on, a subject is named),
and the turn-taking, greetings and names that never make a subject.

Regular expressions over the canonical text, and the few functions that read them.
"""

from __future__ import annotations

import re
from importlib.resources import files

from briefreader.core.lexicon import MONTHS, WEEKDAYS
from briefreader.core.model import Block

# ---------------------------------------------------------------------------
# A new subject, or the one under way
# ---------------------------------------------------------------------------

_LEAD = r"^\W*(?:(?:and|but|now|so|then|also|okay|ok|well)\b,?\s+){0,3}"

_NOT_TOPIC = (
    r"(?:" + "|".join(WEEKDAYS + MONTHS) + r"|the\s+\d|\d|this|that"
    r"|these|those|top|behalf|background|record|board|average|balance|one|it|which|whether"
    r"|and|the\s+one\s+hand|the\s+other\s+hand|a\s+daily|an?\s+\w+\s+basis|your|my|our|their|his|her)"
)

# A paragraph (of a report, or of a briefer's statement) that opens a new subject.
TOPIC_CUE = re.compile(
    _LEAD + r"(?:"
    r"regarding|concerning|as\s+(?:for|to|regards)\b|with\s+(?:regard|respect|reference)\s+to"
    r"|in\s+(?:regard|relation|reference)\s+to|turning\s+(?:now\s+)?to|moving\s+(?:on\s+)?to"
    r"|to\s+turn\s+to|switching\s+(?:gears|topics)|speaking\s+(?:about|of|on)|talking\s+about"
    r"|commenting\s+on|asked\s+(?:about|whether|if|to|for|what|how|why)|when\s+asked"
    r"|responding\s+to|in\s+response\s+to|answering\s+(?:a\s+)?question|touching\s+(?:on|upon)"
    r"|addressing\s+(?:the|a|an|questions?|reports?|concerns?)|separately|elsewhere|in\s+other\s+news"
    r"|on\s+the\s+(?:subject|issue|question|topic|matter)\s+of|on\s+another\s+(?:note|topic|subject|issue)"
    r"|on\s+a\s+(?:different|separate|related)\s+(?:note|topic|subject|issue)"
    r"|finally|lastly|last(?:ly)?\s+but\s+not\s+least|one\s+(?:last|final|more)\s+(?:thing|item|note|update)"
    r"|in\s+addition|additionally|also(?=,)|next\b|another\s+(?:item|thing|announcement|update|topic)"
    r"|(?:second|third|fourth|fifth)(?:ly)?(?=,)|some\s+(?:additional|other|more)\s+news"
    r"|i\s+(?:also\s+)?(?:want(?:ed)?|would\s+like|(?:'|’)d\s+like)\s+to\s+(?:also\s+)?(?:note|highlight|announce"
    r"|give|provide|share|update|flag|mention|touch|raise|take\s+a\s+(?:moment|minute|second)|turn|welcome"
    r"|acknowledge|talk|address|speak|say\s+a\s+(?:few|couple)|(?:briefly\s+)?(?:discuss|review|preview))"
    r"|i\s+also\s+(?:have|want|wanted|wanna)|we\s+also\s+(?:have|want|wanted)"
    r"|(?:a|one|two|three|a\s+few|a\s+couple(?:\s+of)?)\s+(?:other\s+|more\s+|additional\s+|quick\s+)*"
    r"(?:items?|things?|updates?|announcements?|notes?)\s+(?:at\s+the\s+top|for\s+you|to\s+(?:share|note|flag))"
    r"|let(?:'|’)s\s+(?:now\s+)?(?:take\s+a\s+(?:quick\s+)?look|turn|move|look)\s+(?:at|to)"
    r"|let\s+me\s+(?:now\s+|also\s+)?(?:turn|move|say\s+a\s+(?:few|word)|give\s+(?:you\s+)?an?\s+update)"
    r"|to\s+(?:review|recap|summarize)\b"
    r")\b",
    re.IGNORECASE,
)

# "On the tariffs, …" / "On Iran, …" / "On the week ahead." (not "On Friday, …").
ON_CUE = re.compile(
    _LEAD + r"on\s+(?!" + _NOT_TOPIC + r"\b)((?:the\s+)?[^,.;:?!—–]{2,60}?)\s*[,.—–:]",
    re.IGNORECASE,
)

# "Hi there. Just on the Hezbollah strike, …": a subject named near the start.
ON_ANY = re.compile(
    r"(?:^|[.?!—]\s+|\b(?:just|and|also|now|quickly|first|second)\s+)on\s+(?!" + _NOT_TOPIC + r"\b)"
    r"((?:the\s+)?[^,.;:?!—–]{2,60}?)\s*[,.—–:?]",
    re.IGNORECASE,
)

# "Vaccinations: We've had…" — a subject named, then a colon.
LABEL_CUE = re.compile(
    r"^(?!(?:look|listen|again|so|now|well|here|note|bottom\s+line|remember|first|second|third"
    r"|also|and|but|yes|no|okay|one|two|three|quote|end\s+quote|q|a|question|answer|i|we)\b)"
    r"[A-Z][\w’'&/-]*(?:\s+[\w’'&/-]+){0,3}:\s+[A-Z“\"]",
    re.IGNORECASE,
)

# An announcement of the schedule, which in a statement often opens an item.
SCHEDULE_CUE = re.compile(
    _LEAD + r"(?:tomorrow|tonight|later\s+(?:today|this\s+week)|this\s+(?:coming\s+)?(?:week|weekend)"
    r"|next\s+(?:week|month)|on\s+(?:" + "|".join(WEEKDAYS) + ")"
    r"|today,?\s+(?:we|the\s+president|president)\s+(?:are|is|will)\s+(?:announc|releas|launch|sign|host|travel))",
    re.IGNORECASE,
)

# "also" early in the paragraph: "The President has also made clear…"
ALSO_CUE = re.compile(r"^\W*(?:[\w’'-]+\s+){0,5}?(?:also|added|further)\b", re.IGNORECASE)

# A paragraph that goes on with the one before: a quotation continuing reported
# speech, or anaphora.
CONTINUE_CUE = re.compile(
    r"^\W*(?:[“\"‘]|(?:he|she|they|it|this|that|these|those|however|but|still|yet|moreover"
    r"|furthermore|at\s+the\s+same\s+time|in\s+particular|for\s+example|for\s+instance"
    r"|according\s+to\s+(?:him|her)|in\s+fact|indeed|instead|otherwise|therefore|thus"
    r"|that\s+said|even\s+so|as\s+a\s+result|because|to\s+that\s+end)\b)",
    re.IGNORECASE,
)

# An answer taking up another part of a question.
ANSWER_PART = re.compile(
    r"^.{0,60}?\b(?:your|the)\s+(?:second|other|last|next|third|follow-up)\s+(?:question|part|point)\b"
    r"|" + _LEAD + r"(?:with\s+(?:regard|respect)\s+to|regarding|as\s+(?:for|to)|on|to)\s+your\s+"
    r"(?:question|point)\s+(?:about|on|regarding|of)\b",
    re.IGNORECASE,
)

# Closing announcements at the end of a briefing.
CLOSING_CUE = re.compile(
    _LEAD + r"(?:before\s+(?:we|i)\s+(?:close|wrap|go|end|leave|conclude|let\s+you\s+go)"
    r"|i\s+(?:also\s+)?(?:want(?:ed)?|would\s+like)\s+to\s+(?:also\s+)?announce"
    r"|one\s+(?:last|final)\s+(?:announcement|note|item|update))\b",
    re.IGNORECASE,
)

# Reporter follow-ups that stay in the current subject.
FOLLOW_UP = re.compile(
    r"\b(?:follow(?:[\s-]?up|ing\s+up|\s+on)|followup|on\s+that\b|to\s+that\s+(?:point|end)"
    r"|along\s+those\s+lines|related(?:\s+to\s+that)?|on\s+the\s+same|same\s+(?:topic|subject|issue|thing|vein)"
    r"|staying\s+on|stay(?:ing)?\s+with|sticking\s+with|on\s+this\b|piggyback|building\s+on|just\s+to\s+clarify"
    r"|to\s+clarify|clarif(?:y|ication)|you\s+(?:just\s+)?(?:said|mentioned|noted|talked|referenced)"
    r"|you\s+were\s+(?:saying|asked)|(?:one\s+)?more\s+on\s+(?:that|this|it)|also\s+on\s+(?:that|this)"
    r"|just\s+to\s+be\s+clear|to\s+be\s+clear|in\s+that\s+vein|speaking\s+of\s+which|relatedly|similarly"
    r"|likewise|as\s+well\s+on)\b",
    re.IGNORECASE,
)

# Reporter questions that announce a change of subject.
SWITCH = re.compile(
    r"\b(?:switch(?:ing)?\s+(?:topics?|subjects?|gears)|change\s+(?:of\s+)?(?:topics?|subjects?|gears)"
    r"|chang(?:e|ing)\s+(?:topics?|subjects?|gears)|shift(?:ing)?\s+(?:gears|topics?)"
    r"|(?:different|separate|unrelated|another|new|other)\s+(?:topic|subject|issue|matter)"
    r"|on\s+another\b|unrelated|separately|turning\s+to|moving\s+(?:on\s+)?to|pivot(?:ing)?\s+to"
    r"|(?:two|a\s+couple\s+of?|a\s+few)\s+(?:different\s+)?(?:topics|subjects))\b",
    re.IGNORECASE,
)

# "I want to ask about X", "a question on X": the subject a question names.
ABOUT_CUE = re.compile(
    r"^.{0,50}?\b(?:ask(?:\s+you)?|question|questions)\s+(?:about|on|regarding)\s+"
    r"(?!" + _NOT_TOPIC + r"\b)((?:the\s+)?[^,.;:?!—–]{2,50}?)\s*(?:[,.;:?!—–]|$)",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------
# Turn-taking, greetings and names: never a subject
# ---------------------------------------------------------------------------

GREETING = re.compile(
    r"^\W*(?:(?i:thanks?|thank\s+you|great|okay|ok|alright|all\s+right|yeah|yes|hi|hey|hello"
    r"|good\s+(?:morning|afternoon|evening)|sure|sorry|oh|so|well|happy\s+\w+day)"
    r"(?:,?\s+(?:(?i:so\s+much|very\s+much|a\s+lot|everybody|everyone|all|guys|both|again|there"
    r"|for\s+(?:this|doing\s+this|taking\s+(?:my|the|our)\s+questions?))|[A-Z][\w’'.-]*)){0,3}"
    r"\s*[.!,:;—–-]+\s*)+"
)

# a host or moderator, whose turns call on the next reporter
HOSTS = re.compile(r"\b(?:moderator|operator|aide|staff|announcer|host)\b", re.IGNORECASE)
NEXT_REPORTER = re.compile(r"\b(?:go(?:ing)?\s+to|next|question|line\s+of|turn\s+to)\b", re.IGNORECASE)
# a reporter introducing themselves and their outlet ("This is Katie Lobosco at CNN.",
# "Orion Donovan Smith with the Spokesman-Review."): names, never a subject
_NAME_RUN = r"((?:[A-Z][\w'’\-]+\s+){0,3}[A-Z][\w'’\-]+)"
SELF_INTRO = re.compile(
    r"(?:\b(?:[Tt]his\s+is|[Ii]t['’]s|I['’]m|[Mm]y\s+name\s+is)\s+" + _NAME_RUN
    + r"|(?:^|(?:[Hh]i|[Hh]ey|[Hh]ello|[Yy]es|[Tt]hanks|[Tt]hank\s+you)\b[^.!?]{0,20}[.!,]\s+)" + _NAME_RUN
    + r"(?=\s+(?:here\s+)?(?:with|from|at)\s+(?:the\s+)?[A-Z]))"
    r"(?:\s+(?:here\s+)?(?:with|from|at)\s+(?:the\s+)?" + _NAME_RUN + r")?"
)
# the rest of an interrupted sentence ("— which the President…")
INTERRUPTED = re.compile(r"^\s*(?:[—–…-]|\.\.\.|[a-z])")

# sentence punctuation at the end of a line: no header
HEADER_END = re.compile(r"[.!?;:,“”\"’]\s*$")

# Sentences that are turn-taking, not content: never a summary.
BOILERPLATE_START = re.compile(
    r"^\W*(?:good (?:morning|afternoon|evening)|thank you|thanks|go ahead|next question"
    r"|hi\b|hello\b|hey\b|okay\b|ok\b|all right|alright|yeah\b|yes\b|sure\b|great\b"
    r"|(?:let me )?take (?:a|one|two|a few|some) (?:more )?questions?|any (?:other|more) questions"
    r"|with that\b|i(?:'|’)ll (?:take|turn)|that(?:'|’)s (?:it|all)\b|happy \w+day)",
    re.IGNORECASE,
)

# … and of those, the ones that never summarise, however long.
THANKS = re.compile(r"^\W*(?:thank|good (?:morning|afternoon|evening)|go ahead|next question)", re.I)


# ---------------------------------------------------------------------------
# Reading the cues
# ---------------------------------------------------------------------------


def is_header(blk: Block, body: str) -> bool:
    """A heading, or a short stand-alone line that reads like one (a bold-line
    header after Markdown rendering): no sentence punctuation at its end."""
    if blk.kind == "heading":
        return True
    if blk.kind != "paragraph" or blk.speaker_label:
        return False
    words = body.split()
    return 0 < len(words) <= 20 and not HEADER_END.search(body) and body[:1].isupper()


def cue_strength(body: str) -> float:
    """How strongly a paragraph's opening announces a new subject (negative: it goes
    on with the one before)."""
    head = body[:200]
    if TOPIC_CUE.match(head):
        return 1.0
    if ON_CUE.match(head):
        return 0.8
    if LABEL_CUE.match(head):
        return 0.8  # "Vaccinations: We've had…"
    if CONTINUE_CUE.match(head):
        return -0.6
    if SCHEDULE_CUE.match(head) or ALSO_CUE.match(head):
        return 0.4
    return 0.0


def strip_greeting(s: str) -> str:
    """``s`` without the greetings and thanks it opens with."""
    m = GREETING.match(s)
    return s[m.end():] if m else s


def _regex_lines(name: str) -> list[str]:
    text = files(__package__ or __name__).joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


# A deflection or a referral: "I cannot confirm that." "I'd refer you to the DOJ."
DEFLECTION = re.compile("|".join(f"(?:{x})" for x in _regex_lines("deflection.txt")))
