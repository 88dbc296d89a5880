"""How a summary may open: a briefing's title and dateline never belong to a summary,
and the discourse markers and vocatives a spoken answer opens with ("Well, Peter, the
desire …") are left out of its span."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from briefreader.core.lexicon import MONTHS, alternation
from briefreader.core.topics.tokens import stem_word
from briefreader.core.topics.wordlists import FIRST_NAMES, read_words


def _lines(name: str) -> tuple[str, ...]:
    text = files(__package__ or __name__).joinpath(name).read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


_MARKERS = _lines("discourse_markers.txt")
_NO_COMMA = read_words("no_comma_markers.txt")
_KEEP_NEXT = read_words("marker_keep_next.txt")

_MARKER = re.compile(
    r"(?i:(" + "|".join(sorted((re.escape(m).replace(r"\ ", r"\s+") for m in _MARKERS), key=len, reverse=True))
    + r"))(?:\s*[,.!—–]+\s*|\s+(?=([A-Za-z’']+)))"
)
# A sentence opening that leans on what came before or announces what follows
# ("That is why …", "Let me say: …"): left out when a clause follows.
_OPENER = re.compile(
    r"(?i:" + "|".join(sorted((re.escape(m).replace(r"\ ", r"\s+") for m in _lines("clause_openers.txt")),
                              key=len, reverse=True)) + r")(?:\s*[:,—–]\s*|\s+)(?:that\s+(?=[a-z]))?(?=[A-Za-z“\"])")
# A round-up's quotation under the subject it is on ("On tariffs: “We’ll …"): the
# quotation is what was said.
_ON_QUOTE = re.compile(r"On\s[^:“\"\n]{1,80}:\s*[“\"]")
# A vocative: one or two capitalised words (a first name, a name and patronymic, "Mr.
# Smith") set off by a comma at the opening.
_VOCATIVE = re.compile(
    r"((?:Mr\.|Ms\.|Mrs\.|Dr\.)?\s*[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+)?|[Ss]ir|[Mm]a(?:'|’)am),\s+")
PATRONYMIC = re.compile(r"[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna)$")

_MONTH = alternation(tuple(MONTHS), capitalise=True)
# "2015-09-12", "March 5, 2025", "5 March 2025", "WASHINGTON —", "MOSCOW, March 5 (Reuters) -"
DATELINE = re.compile(
    r"(?:\d{4}-\d{2}-\d{2}|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:" + _MONTH + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}\s+(?:" + _MONTH + r")\s+\d{4}"
    r"|[A-Z][A-Z.’'\-]+(?:\s+[A-Z][A-Z.’'\-]+){0,3}(?:,\s+[A-Z][\w.]*(?:\s+\d{1,2})?)?(?:\s+\([^)]{1,30}\))?\s+[—–-])"
    r"\s*[—–-]?\s*"
)


def is_vocative(words: str, names: set[str]) -> bool:
    """Whether these capitalised words address someone: a first name, a word the
    briefing uses to address or name people, a patronymic, "Mr. Smith", "sir"."""
    ws = [w for w in re.findall(r"[A-Za-z’'\-]+", words) if w not in ("Mr", "Ms", "Mrs", "Dr")]
    if not ws:
        return False
    if words.lower() in ("sir", "ma'am", "ma’am") or words.startswith(("Mr.", "Ms.", "Mrs.", "Dr.")):
        return True
    if any(PATRONYMIC.match(w) for w in ws):
        return True  # "Dmitry Sergeyevich"
    return all(w.lower() in FIRST_NAMES or (stem_word(w.lower()) or w.lower()) in names
               or PATRONYMIC.match(w) for w in ws)


def content_start(text: str, s: int, e: int, names: set[str]) -> int:
    """Where the content of the sentence ``text[s:e]`` starts: after the discourse
    markers and vocatives it opens with ("Well, Peter, the desire …" → "the desire …").
    ``s`` when nothing would be left but a few words."""
    pos = s
    for _ in range(6):
        while pos < e and text[pos] in " \t\n\"“":
            pos += 1
        m = _MARKER.match(text, pos, e)
        if m:
            punct = m.group(0)[len(m.group(1)):].strip()
            nxt = (m.group(2) or "").lower()
            word = m.group(1).lower()
            kept = word in ("so", "well") and nxt in _KEEP_NEXT
            if punct or (word in _NO_COMMA and nxt and not kept):
                pos = m.end()
                continue
        o = _OPENER.match(text, pos, e) or _ON_QUOTE.match(text, pos, e)
        if o:
            pos = o.end()
            continue
        v = _VOCATIVE.match(text, pos, e)
        if v and is_vocative(v.group(1).strip(), names):
            pos = v.end()
            continue
        break
    if pos == s or len(text[pos:e].split()) < 4:
        return s
    # a quotation mark opened before the cut stays out; start on the word
    while pos < e and text[pos] in " \t\n":
        pos += 1
    return pos


def headline_end(text: str, s: int, e: int, title: str) -> int:
    """Past the headline and dateline lines a text opens with: lines without closing
    punctuation (a title, "2015-09-12") or the briefing's title, then a dateline."""
    pos = s
    norm_title = " ".join(title.split()).lower()
    for _ in range(3):
        nl = text.find("\n", pos, e)
        line = text[pos:nl if nl >= 0 else e].strip()
        if not line:
            break
        is_title = bool(norm_title) and len(norm_title.split()) >= 2 and " ".join(line.split()).lower() == norm_title
        if nl >= 0 and (is_title or (len(line.split()) <= 25 and not re.search(r"[.!?:;”\"’)]$", line))):
            pos = nl + 1
            continue
        break
    while pos < e and text[pos].isspace():
        pos += 1
    m = DATELINE.match(text, pos, e)
    if m and len(text[m.end():e].split()) >= 4:
        pos = m.end()
    return pos


@cache
def _title_re(title: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(w) for w in title.split()), re.IGNORECASE)


def title_end(text: str, s: int, e: int, title: str) -> int:
    """Past the briefing's title when the sentence opens with it."""
    if len(title.split()) < 3:
        return s
    m = _title_re(title).match(text, s, e)
    if not m:
        return s
    pos = m.end()
    while pos < e and text[pos] in " \t\n.:—–-":
        pos += 1
    return pos


def is_headline(stext: str) -> bool:
    """A headline or byline rather than a sentence: no closing punctuation, and most of
    its longer words capitalised ("Congress Must Act to Solidify Trump’s Border Wins")."""
    t = stext.rstrip()
    if not t or re.search(r"[.!?…:;”\"’]$", t) and not t.endswith(")"):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w’'\-]*", t) if len(w) >= 4]
    if len(words) < 2:
        return False
    return sum(1 for w in words if w[0].isupper()) >= HEADLINE_CAPS * len(words)


HEADLINE_CAPS = 0.6  # share of capitalised longer words that makes a headline
