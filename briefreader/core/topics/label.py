"""A segment's label: 2–5 words naming its subject. The heading it opens with, when
that names a subject; else the subject its opening names ("Regarding possible security
guarantees for Ukraine, …" → "security guarantees for Ukraine"); else (or in addition,
when that is one word) its best key phrases."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from briefreader.core.lexicon import HONORIFICS, TITLE_ABBREVIATIONS
from briefreader.core.topics.cues import ABOUT_CUE, ON_ANY, ON_CUE, is_header, strip_greeting
from briefreader.core.topics.document import Doc, block_body
from briefreader.core.topics.keyterms import not_a_subject, verbish
from briefreader.core.topics.params import NAME_PART_SHARE, SECOND_PART_SHARE
from briefreader.core.topics.phrases import Phrase, Scan, phrases
from briefreader.core.topics.tokens import surface_key, terms
from briefreader.core.topics.wordlists import (
    DEMONYM_SUFFIXES,
    FIRST_NAMES,
    GENERIC_SUBJECT,
    LEADING_DROP,
    QUALIFIERS,
    SMALL_WORDS,
    STOP_WORDS,
    TITLE_WORDS,
    WEAK_LABEL_WORDS,
    read_words,
)

_MODIFIER_END = tuple(sorted(read_words("modifier_endings.txt")))
_DISCOURSE_HEADS = read_words("label_discourse_heads.txt")


def fix_case(words: Sequence[str], keys: Sequence[str], forms: dict[str, str]) -> list[str]:
    """Lowercase a word capitalised only because it began a sentence."""
    out = []
    for i, (w, st) in enumerate(zip(words, keys, strict=True)):
        f = forms.get(st)
        # a neighbour in capitals makes it part of a name ("World Food Programme")
        named = any(0 <= j < len(words) and words[j][:1].isupper() and words[j].lower() not in SMALL_WORDS
                    for j in (i - 1, i + 1))
        if f is not None and w[:1].isupper() and f[:1].islower() and not w.isupper() and not named:
            w = w.lower()
        out.append(w)
    return out


# headings that name a part of the briefing, not a subject
_GENERIC_HEADING = re.compile(
    r"(?i:(?:questions?\s+(?:and|&)\s+answers?|q\s*&\s*a|q\s+and\s+a|transcript|remarks|statement|"
    r"opening\s+(?:remarks|statement)|readout|background|summary|introduction|briefing|press\s+briefing|"
    r"announcements?|updates?|other\s+(?:news|business|items)|miscellaneous|note|notes|"
    r"(?:guest|daily)\s+.*|end|closing\s+remarks|watch|read\s+more|related))"
)


def _heading_label(doc: Doc, s: int) -> str | None:
    """The heading a segment opens with, when it names a subject ("Sudan", "Trade
    with China") rather than a person (round-ups head each list of quotes with its
    speaker) or a part of the briefing ("Questions and Answers")."""
    blk = doc.briefing.blocks[s]
    if blk.kind != "heading":
        return None
    text = re.sub(r"^(?:\d{1,2}|[IVX]{1,4}|[A-Z])[.)]\s+", "", " ".join(blk.text.split()))
    text = text.strip(" :.;-–—#*_")
    words = text.split()
    if not 1 <= len(words) <= 6 or _GENERIC_HEADING.fullmatch(text) or not re.search(r"[^\W\d_]", text):
        return None
    toks, stems = terms(text)
    if any(st in doc.names for st in stems if st):
        return None
    caps = [t for t in toks if t[:1].isupper()]
    if len(words) <= 4 and toks and toks[0].lower() in FIRST_NAMES and len(caps) == len(toks):
        return None  # "Steve Witkoff"
    m = _SPEAKER_ON.match(text)
    if m:  # a speaker heading: "Secretary Rubio on tariffs" names tariffs; "… on Fox News" nothing
        rest = m.group(1)
        return rest if rest[:1].islower() and not _GENERIC_HEADING.fullmatch(rest) else None
    return text


def _speaker_stems(doc: Doc, s: int) -> set[str]:
    """The stems of the capitalised words of a heading that names whose words follow
    ("Secretary of Homeland Security Kristi Noem on Face the Nation", "Steve Witkoff")."""
    blk = doc.briefing.blocks[s]
    if blk.kind != "heading":
        return set()
    text = " ".join(blk.text.split()).strip(" :.;-–—#*_")
    who, on, _ = text.partition(" on ")
    toks, stems = terms(who)
    caps = [st for t, st in zip(toks, stems, strict=True) if st and t[:1].isupper()]
    if not (on and len(caps) >= 2 ) and not (toks and toks[0].lower() in FIRST_NAMES):
        return set()
    return set(caps)


# "President Trump on …", "Kristi Noem on …": a person's words on a subject or a show
_SPEAKER_ON = re.compile(r"(?:(?:[A-Z][\w.’'\-]+\s+){1,4})on\s+(.+)")


# The subject a cue names: "Regarding X," "As for X," "addressed X," "On X," "about X".
_NAMES_SUBJECT = re.compile(
    r"(?:^|[\s,;—–(])(?i:regarding|concerning|as\s+(?:for|to|regards)|with\s+(?:regard|respect|reference)\s+to"
    r"|in\s+(?:regard|relation|reference)\s+to|turning\s+(?:now\s+)?to|moving\s+(?:on\s+)?to"
    r"|speaking\s+(?:about|of|on)|commenting\s+on|asked\s+about|touching\s+(?:on|upon)"
    r"|(?<!be\s)(?<!been\s)(?:addressed|discussed)(?=\s+(?:the\s|[A-Z]))"
    r"|on\s+the\s+(?:subject|issue|question|topic|matter)\s+of)\s+"
    r"((?:[\w’'.-]+\s+){0,7}?[\w’'.-]+)\s*(?=[,.;:?!—–(]|\s+(?i:peskov|he|she|they|the\s+\w+\s+said|said)\b)"
)


class CueLabel(NamedTuple):
    """The subject a segment's opening names."""

    words: list[str]  # as shown
    stems: list[str]


def _cue_label(doc: Doc, s: int, e: int, forms: dict[str, str]) -> CueLabel | None:
    """The subject a segment's opening names ("Regarding possible security guarantees
    for Ukraine, …" → "security guarantees for Ukraine"), as words and their stems."""
    blocks = doc.briefing.blocks
    bi = s
    while bi < e and (is_header(blocks[bi], block_body(doc, bi)) or doc.content[bi] == 0):
        bi += 1
    if bi >= e:
        return None
    body = strip_greeting(block_body(doc, bi).strip())[:240]
    m = ON_CUE.match(body) or ABOUT_CUE.match(body) or ON_ANY.search(body[:120])
    phrase = m.group(1) if m else None
    if phrase is None:
        m = _NAMES_SUBJECT.search(body[:120])
        phrase = m.group(1) if m else None
    if not phrase:
        return None
    toks, stems = terms(phrase)
    # trim: stop words at either end, and a trailing participle clause
    # ("the US tariffs announced on Wednesday" → "US tariffs")
    words = [(t, st) for t, st in zip(toks, stems, strict=True) if t[0].isalpha() or t in "-’'"]
    for i, (t, st) in enumerate(words):
        if i >= 2 and st and t.islower() and (t.endswith("ed") or t.endswith("ing") and i + 1 < len(words)
                                               and words[i - 1][0].endswith("s")):
            words = words[:i]  # "illegal border crossings reaching record lows"
            break
    for i, (t, _) in enumerate(words):
        if i >= 2 and t.lower() == "and":  # "Hezbollah strike and the situation"
            words = words[:i]
            break
    while words and (not words[0][1] or words[0][0].lower() in LEADING_DROP
                     or len(words) > 1 and _leading_verb(words[0][0], words[0][1], words[1][0])):
        words = words[1:]  # "possible …", "holding Mexico …" 
    while words and not words[-1][1]:
        words = words[:-1]
    if not words or len(words) > 5 or sum(1 for _, st in words if st) == 0:
        return None
    if any(st in doc.names for _, st in words if st):
        return None
    while len(words) > 1 and words[-1][0].lower() in _DISCOURSE_HEADS:
        words = words[:-1]  # "the schools front" → "schools"
    if len(words) == 1 and words[0][0].islower() and words[0][0].endswith(_MODIFIER_END):
        return None  # "on the domestic front": an adjective alone
    if words[-1][0].lower() in WEAK_LABEL_WORDS and all(t[:1].islower() for t, _ in words) and not any(
            st and t.lower() not in QUALIFIERS and t.lower() not in WEAK_LABEL_WORDS
            and not t.lower().endswith(_MODIFIER_END) for t, st in words[:-1]):
        return None  # "on the domestic front", "on the timing": a vague head noun ("jobs report" names one)
    if all(t.lower() in GENERIC_SUBJECT or t.lower() in WEAK_LABEL_WORDS or not st for t, st in words):
        return None  # "a separate matter", "my first question"
    ws = [surface_key(t) if i == len(words) - 1 else t for i, (t, _) in enumerate(words)]
    return CueLabel(fix_case(ws, [st for _, st in words], forms), [st for _, st in words])


def label(doc: Doc, s: int, e: int, scan: Scan, score: dict[str, float], opener: set[str],
          central: set[str] | None = None) -> str:
    """2–5 words naming the segment's subject: the subject its opening names, else
    (or in addition, when that is one word) its best key phrases. A single lower-case
    word names it only when central to the segment (``central``: in its questions and
    its answers, or used often)."""
    forms = scan.forms
    head = _heading_label(doc, s)
    if head is not None:
        return head
    parts: list[str] = []
    used: set[str] = set()
    words = 0
    cue = _cue_label(doc, s, e, forms)
    if cue is not None:
        parts.append(" ".join(cue.words))
        used.update(st for st in cue.stems if st)
        words = len(cue.words)
        if words >= 2:
            return parts[0]
    cands = phrases(scan, score, opener)
    if not cands:
        return parts[0] if parts else ""
    top = cands[0].score
    speaker = _speaker_stems(doc, s)
    if speaker:  # a round-up's speaker heading: the speaker is not the subject
        cands = [p for p in cands if not speaker & set(p.key)] or cands
    if central is not None:
        seg_text = doc.briefing.text[doc.briefing.blocks[s].start:doc.briefing.blocks[e - 1].end]
        kept = [p for p in cands if _may_name(doc, p, central, forms) and not _modifier(seg_text, p)]
        cands = kept or cands[:1]
        top = cands[0].score
    for n, (sc, key, surf, _) in enumerate(cands[:40]):
        if used & set(key):
            continue
        if parts and (words + len(key) > 5 or (sc < SECOND_PART_SHARE * top and words >= 2) or _near_copy(parts, surf)):
            continue  # a second part as strong as the first, and no other form of it
        # a longer phrase holding this one, nearly as strong ("banks" → "regional banks")
        longer = [p for p in cands[n + 1:40] if len(p.key) > len(key) and set(key) <= set(p.key)
                  and p.score >= 0.55 * sc and p.occurrences >= 2 and not used & set(p.key) and words + len(p.key) <= 5]
        if longer:
            sc, key, surf, _ = max(longer, key=lambda p: p.score)
        parts.append(" ".join(fix_case(surf, key, forms)))
        used.update(key)
        words += len(key)
        if words >= 3 or len(parts) == 2:
            break
    if len(parts) == 2 and words == 2:
        # two words used side by side are one subject ("Muslim, community" → "Muslim community")
        for key2 in scan.occ:
            if len(key2) == 2 and set(key2) == used and \
                    {w.lower() for w in scan.surf[key2]} == {w.lower() for w in parts}:
                return " ".join(fix_case(scan.surf[key2], key2, forms))
    return ", ".join(parts)




def _modifier(seg_text: str, p: Phrase) -> bool:
    """Whether a one-word candidate is a modifier or a verb, not a head noun: an
    adjective ending ("illegal", "reproductive", "Israeli") and, each time the segment
    uses it, another content word after it ("illegal border crossings", "Israeli
    officials"); a word in -ing never used after a determiner ("are escorting")."""
    if len(p.key) != 1:
        return False
    word = p.words[0]
    if word.islower() and word.endswith("ing") and len(word) > 5:
        # a verb form unless some use is a noun's ("the shooting", "of funding")
        return not re.search(r"(?i:\b(?:the|a|an|this|that|its|their|our|his|her|any|no|of|more|new)\s+)"
                             + re.escape(word) + r"\b", seg_text)
    if not word.lower().endswith(_MODIFIER_END) or len(word) < 5:
        return False
    uses = re.findall(r"(?<![\w’'-])" + re.escape(word) + r"(?![\w’'-])(\s+[A-Za-z][\w’'-]*|)", seg_text,
                      re.IGNORECASE)
    if not uses:
        return False
    return all(u.strip() and u.strip().lower() not in STOP_WORDS for u in uses)


def _near_copy(parts: Sequence[str], words: Sequence[str]) -> bool:
    """Whether a phrase repeats a word of the label so far in another form ("tax",
    "Taxation"): one word the start of the other, or five letters in common."""
    have = [w.lower() for p in parts for w in p.split()]
    for w in words:
        lw = w.lower()
        for h in have:
            n = min(len(lw), len(h))
            if n >= 3 and (lw.startswith(h) or h.startswith(lw) or n >= 5 and lw[:5] == h[:5]):
                return True
    return False


def _leading_verb(word: str, stem: str, after: str) -> bool:
    """A lower-case word that reads as a verb at the front of a phrase, before the
    word ``after`` ("combat antisemitism", "holding Mexico"; not "playing field")."""
    if not word[:1].islower():
        return False
    return after[:1].isupper() or not word.endswith("ing") and verbish(stem, word, 20)


_CAP_WORD = re.compile(r"\b([A-Z][a-z’'\-]+)\b(?=(\s+(?:[A-Z]\.\s+)?[A-Z])|)")


def _name_part(doc: Doc) -> dict[str, float]:
    """Of each capitalised word, the share of its uses followed by another
    capitalised word (one pass over the text, once per briefing)."""
    if not doc.name_part:
        seen: dict[str, list[int]] = {}
        for m in _CAP_WORD.finditer(doc.briefing.text):
            c = seen.setdefault(m.group(1), [0, 0])
            c[0] += 1
            c[1] += m.group(2) is not None
        doc.name_part.update({w: f / n for w, (n, f) in seen.items()})
        doc.name_part.setdefault("", 0.0)
    return doc.name_part


_TITLES = frozenset(w.lower().rstrip(".") for w in TITLE_ABBREVIATIONS | HONORIFICS)


def _may_name(doc: Doc, p: Phrase, central: set[str], forms: dict[str, str]) -> bool:
    """Whether a candidate phrase may be (part of) a label: a phrase of several words,
    a name (not a first name or a title alone, not an adjective of nationality), or a
    lower-case word central to the segment that is no verb, adjective or participle."""
    if len(p.key) > 1:
        first, second = p.words[0], p.words[1]
        if _leading_verb(first, p.key[0], second):
            return False  # a verb before its object: "meet Elvira Nabiullina", "combat antisemitism"
        if first.lower().rstrip(".") in TITLE_WORDS and second[:1].islower():
            return False  # "President plan": a title, then a word of its sentence
        # not a run of titles, qualifiers and vague words ("Deputy National", "longer path")
        return not all(w.lower().rstrip(".") in TITLE_WORDS or w.lower().rstrip(".") in _TITLES
                       or w.lower() in QUALIFIERS or w.lower() in WEAK_LABEL_WORDS or not_a_subject(w)
                       or verbish(k, w, 20) for w, k in zip(p.words, p.key, strict=True))
    word = p.words[0]
    w = word.lower().rstrip(".")
    if w in TITLE_WORDS or w in _TITLES or w in WEAK_LABEL_WORDS:
        return False  # "Sen", "President", "front"
    if word[:1].isupper() and _name_part(doc).get(word, 0.0) >= NAME_PART_SHARE:
        return False  # "Donald" of "Donald J. Trump", "White" of "White House"
    form = forms.get(p.key[0])
    if form is not None and form[:1].islower():
        word = word.lower()  # ("Following" opening a sentence)
    if word[:1].isupper():
        return not (len(w) > 5 and w.endswith(DEMONYM_SUFFIXES))  # "Indian"
    if p.key[0] not in central or verbish(p.key[0], word, 20) or not_a_subject(word):
        return False
    return not (word.endswith("ing") and p.occurrences < 3)
