"""Regular expressions of attribution, over the masked text (quotes replaced by
``MASK``): cue verbs, the subject before or after one, labels, clause and
sentence boundaries."""

from __future__ import annotations

import re

from briefreader.core import lexicon as shared
from briefreader.core.quotes.lexicon import AUX_WORDS, CUE_FINITE, CUE_PARTICIPLE

MASK = "\u2592"  # stands for quoted text in the masked copy of the text
CLOSERS = "”’\"»›“"


def _name_dot() -> str:
    """A full stop inside a name: after an initial ("John D. Smith") or an
    abbreviated title ("Rep. Ann Baker", "Dr. Ruth Okafor") — lookbehinds of
    one width each, as Python requires."""
    by_len: dict[int, list[str]] = {}
    for a in shared.TITLE_ABBREVIATIONS | shared.HONORIFICS:
        by_len.setdefault(len(a), []).append(a.capitalize())
    alts = [r"(?<=\b[A-Z]\.)"] + [r"(?<=\b(?:" + "|".join(sorted(v)) + r")\.)"
                                  for _, v in sorted(by_len.items())]
    return r"\.(?:" + "|".join(alts) + r")"


NAME_DOT = _name_dot()
# dashes that introduce a speaker after a quote: em, en, figure dash, horizontal bar
DASHES = "—–‒―"
_FINITE = "|".join(sorted(CUE_FINITE, key=len, reverse=True))
_PARTIC = "|".join(sorted(CUE_PARTICIPLE, key=len, reverse=True))
_AUX = "|".join(sorted(AUX_WORDS, key=len, reverse=True))

# a cue: group 1 a finite verb ("said"), 2 a participle ("saying"), 3 "according to"
# a cue word after a determiner or a possessive is a noun ("the claims", "his remarks")
_NOUN_BEFORE = "".join(r"(?<!\b" + d + r" )" for w in (
    "the", "his", "her", "its", "our", "their", "these", "those", "such", "my", "your")
    for d in (w, w.capitalize()))
_NOUN_BEFORE += r"(?<!’s )(?<!'s )"
# (a quick test first: the determiners all end in one of these letters)
_NOUN_GUARD = r"(?:(?<![ersyh] )|(?<=[ersyh] )" + _NOUN_BEFORE + r")"
CUE_RE = re.compile(r"\b" + _NOUN_GUARD + r"(?:(" + _FINITE + r"|made(?: it)? clear)|(" + _PARTIC
                    + r")|([Aa]ccording\s+to))(?![\w’'\-])")
# auxiliaries ending a subject phrase ("he has repeatedly" before "said")
AUX_TAIL_RE = re.compile(r"(?:\s+(?:" + _AUX + r"))+\s*$", re.IGNORECASE)


def strip_aux_tail(s: str) -> str:
    """``s`` without the auxiliaries ending it ("Peskov has also" -> "Peskov"); only
    its end is searched (the pattern tried from every space of a long phrase cost
    more than the rest of finding a subject)."""
    last = s.rstrip().rsplit(None, 1)[-1:]
    if not last or last[0].lower() not in AUX_WORDS:
        return s  # (most phrases: no auxiliary at their end)
    cut = max(0, len(s) - 120)
    return s[:cut] + AUX_TAIL_RE.sub("", s[cut:])
_SUBJ_TOKEN = r"[^\s,;:!?" + MASK + r"“”\"«»()\[\]—–]+"
# after a quote: subject then verb ("…,” Peskov said)
POST_SV_RE = re.compile(
    r"[\s,;:—–\-]*(?P<subj>(?:" + _SUBJ_TOKEN + r"\s+){0,7}?)(?:(?:" + _AUX + r")\s+){0,2}"
    r"(?P<verb>" + _FINITE + r")(?![\w’'\-])")
_VS_END = (r"(?=\s*(?:[,;:!?()—–―\n]|$|(?!" + NAME_DOT + r")\.)|\s+(?:on|in|at|during|after|before|when|while|to|of|"
           r"about|who|which|that|from|last|this|yesterday|today|earlier|later|adding|"
           r"noting|saying|according|as|and|with|told|said)\b)")
# after a quote: verb then subject ("…,” said Peskov)
POST_VS_RE = re.compile(
    r"[\s,;:—–\-]*(?:(?:" + _AUX + r")\s+)?(?P<verb>" + _FINITE + r")\s+"
    r"(?P<subj>(?:[^,.;:!?" + MASK + r"“”\"()—–―\n]|" + NAME_DOT + r"){1,80}?)" + _VS_END)
ACC_RE = re.compile(
    r"[\s,;:—–\-]*according\s+to\s+(?P<subj>[^,.;:!?" + MASK + r"“”\"()—–\n]{1,80}?)"
    r"(?=\s*(?:[,.;:!?()—–\n]|$)|\s+(?:on|in|at|during|who|which|from)\b)", re.IGNORECASE)
# after a quote: a dash and a name ("…” — Sen. Ted Cruz)
POST_DASH_RE = re.compile(
    r"[ \t]*[—–‒―][ \t]*(?P<subj>(?:[^,.;:!?" + MASK + r"“”\"()—–‒―\n]|" + NAME_DOT +
    r"){2,80}?)[ \t]*(?:[,;\n]|$|(?!" + NAME_DOT + r")\.)")
NAME_DOT_RE = re.compile(NAME_DOT)
# an inverted cue opening a sentence before a quote: "Said Moreno: “…”", "Added the mayor,"
INVERTED_RE = re.compile(
    r"\s*(?P<verb>" + "|".join(sorted((f.capitalize() for f in CUE_FINITE), key=len, reverse=True))
    + r")\s+(?P<subj>(?:[^,.;:!?" + MASK + r"“”\"()\n]|" + NAME_DOT + r"){2,80}?)\s*[:,]?\s*$")
_STOP_RE = re.compile(r"[.!?]\s")


def has_stop(text: str, lo: int = 0, hi: int | None = None) -> bool:
    """Whether ``text[lo:hi]`` holds a sentence end: "!", "?" or a full stop
    followed by a space that is not one of a name's ("John D. Smith", "Rep. Baker")."""
    for m in _STOP_RE.finditer(text, lo, len(text) if hi is None else hi):
        if text[m.start()] != "." or not NAME_DOT_RE.match(text, m.start()):
            return True
    return False
QUOTE_MARKER_RE = re.compile(
    r"(?:[,:—–]?\s*(?:and\s+)?(?:I\s+)?(?:quote|quoting)[\s,:—–]*(?:unquote[\s,:—–]*)?)$",
    re.IGNORECASE)
BOUNDARY_RE = re.compile(r"[.!?…]+[”’\"»)]*(?=\s)|\n")
WORD_RE = re.compile(r"[^\W_][\w’'\-.]*")
CLAUSE_SPLIT_RE = re.compile(
    r"[,;:()" + MASK + r"“”\"«»—–]|\b(?:and|but|that|while|as|when|because|after|before|"
    r"since|although|if|where|who|which|whom|whose|what)\b", re.IGNORECASE)
LETTER_RE = re.compile(r"[^\W\d_]")
HEADING_TAIL_RE = re.compile(
    r"\s+(?:on|in|at|to|with|for|about|joins|talks|speaks|tells|says|said)\s+.*$|"
    r"\s*[:—–|]\s*.*$", re.IGNORECASE | re.DOTALL)
# a label before a quote: "Sen. Ted Cruz: “…”"
LABEL_RE = re.compile(r"\s*(?P<subj>[^:" + MASK + r"“”\"\n]{2,120}?)\s*(?::|—|–)\s*$")
