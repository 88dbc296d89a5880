"""Subject forms beyond the plain phrase before a cue verb (for
:class:`~.subjects.Subjects`): a name, an appositive in commas, then the verb
("Maria Lopez, a historian, recalled"); a role then a name after the verb ("said
Jets head coach Tom Riley"); a document or publication as the source ("the
report said", "a letter seen by Sky News says"); the subject of an absolute
participle ("with Boswell stating")."""

from __future__ import annotations

import re
from typing import Protocol

from briefreader.core.model import REPORTER
from briefreader.core.quotes.context import Doc
from briefreader.core.quotes.lexicon import (
    DETERMINERS,
    DOCUMENT_HEADS,
    PREPOSITIONS,
    ROLE_HEADS,
    SMALL_WORDS,
    SPEAKER_NOUNS,
    SPEAKER_PLURALS,
    TITLE_WORDS,
)
from briefreader.core.quotes.names import RUN_RE, is_title_word, parse_name_tokens, person_name
from briefreader.core.quotes.patterns import CUE_RE, MASK, has_stop, strip_aux_tail
from briefreader.core.quotes.people import Person
from briefreader.core.quotes.records import SpeakerRef


class Subjects(Protocol):
    """What these forms need of :class:`~.subjects.Subjects` (no import cycle)."""

    doc: Doc

    def who(self, phrase: str, pos: int, turn: int, tail: bool = True,
            orgs: bool = True) -> SpeakerRef | None: ...

    def name_run(self, s: str, run: re.Match[str], pos: int,
                 tail: bool) -> SpeakerRef | None: ...

_DOC_ALT = "|".join(sorted(DOCUMENT_HEADS, key=len, reverse=True))
# a document or publication as a source: "the report", "The Home Office letter",
# "a leaked internal memo", "the company’s statement"
DOC_NP_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[^\W\d_][\w\-.]*[’']s)"
                       r"((?:\s+[\w\-.’']+){0,4}?)\s+(" + _DOC_ALT + r")\b(?![’'-])")
# words that cannot stand in a role before a name ("said on Monday Tom Riley")
_NOT_IN_ROLE = frozenset("the a an to of in on at for with that by from and or as "
                         "about after before during when while reporters".split())
# a participle after a document, naming who saw or sent it: "a letter seen by Sky News"
_DOC_MODIFIER_RE = re.compile(r",?\s+(?:seen|obtained|published|sent|issued|released|signed|"
                              r"reviewed|cited|leaked|posted|written)\s+(?:by|to)\s+[^,;:]{1,60},?\s*$")


def document_source(sub: Subjects, s: str, words: list[re.Match[str]], pos: int,
                    tail: bool) -> SpeakerRef | None:
    """A document or publication speaking ("the report said", "according to
    the letter"): the source as the text names it."""
    for dm in DOC_NP_RE.finditer(s):
        if tail and s[dm.end():].strip(" ,") and not _DOC_MODIFIER_RE.match(s, dm.end()):
            continue  # (but "a letter seen by Sky News says": the letter)
        if not tail and dm.start() > words[0].start():
            break
        if any(w[:1].islower() and w.lower() in ROLE_HEADS for w in dm.group(1).split()):
            return None  # "the minister’s statement": the minister's words
        mention = dm.group()
        return SpeakerRef("explicit", None, mention, pos + dm.start(), mention)
    return None


def role_then_name(sub: Subjects, s: str, pos: int) -> SpeakerRef | None:
    """After a verb, a role and then a name: "said lead author Dr. Ruth
    Okafor", "said Jets head coach Tom Riley" (the name, not the team)."""
    words = s.split()
    if len(words) < 3 or len(words) > 9:
        return None
    for r in RUN_RE.finditer(s):
        before = s[:r.start()].split()
        if not before or s[r.end():].strip():
            continue
        if len(before) > 5 or any(w.lower() in _NOT_IN_ROLE for w in before) or \
                not all(w.replace("-", "").isalpha() for w in before):
            continue  # "nurse", "lead author", "Jets head coach" before the name
        parse = parse_name_tokens(r.group().split())
        if person_name(parse) is None or len(parse.name) < 2:
            continue
        res = sub.name_run(s, r, pos, tail=False)
        if res is not None and res.person is not None:
            return res
    return None


def appositive_subject(sub: Subjects, lo: int, verb_at: int, turn: int) -> SpeakerRef | None:
    """A name, then an appositive in commas, then the verb: "Maria Lopez, a
    historian who studies the region, recalled"; "Terence Fan, an expert,
    who said" (the relative pronoun stands for the name before it)."""
    m = sub.doc.masked
    j = verb_at - 1
    while j > lo and m[j].isspace():
        j -= 1
    if j <= lo or (m[j] != "," and not m[j].isalpha()):
        return None  # neither "…, said" nor "…, who said" / "…, has said"
    start = max(lo, verb_at - 220)
    seg = strip_aux_tail(m[start:verb_at]).rstrip()
    rel = re.search(r"(?:^|[\s,])(?:who|which)$", seg)
    if rel:
        seg = seg[:rel.start()].rstrip()
    if not seg.endswith(","):
        return None
    close = start + len(seg) - 1
    best = None
    for r in RUN_RE.finditer(m, start, close):
        if r.end() < close and m[r.end()] == "," and r.start() > start and \
                (m[r.start() - 1].isalnum() or m[r.start() - 1] in "’'-"):
            continue
        if r.end() < close and m[r.end()] == ",":
            best = r
    if best is None:
        return None
    between = m[best.end() + 1:close]
    if not between.strip() or MASK in between or has_stop(between + " ") or \
            CUE_RE.search(between):
        return None
    if not rel:
        # the name starts its clause: only titles and capitalised words before it
        head = m[start:best.start()]
        cut = max(head.rfind(ch) for ch in ",;:.") + 1
        for w in head[cut:].split():
            if not (w[:1].isupper() or is_title_word(w) or w.lower() in TITLE_WORDS
                    or w.lower() in ("a", "an", "of")):
                return None
    res = sub.who(best.group(), best.start(), turn)
    if res is None or res.how != "explicit" or (res.person is None and not res.name):
        return None
    return res


def with_subject(sub: Subjects, lo: int, verb_at: int, turn: int) -> SpeakerRef | None:
    """The subject of an absolute participle: "with Boswell stating"."""
    m = sub.doc.masked
    wm = re.search(r"\b[Ww]ith\s+(\S.{0,60}?)\s*$", m[max(lo, verb_at - 80):verb_at])
    if wm is None:
        return None
    at = max(lo, verb_at - 80) + wm.start(1)
    res = sub.who(wm.group(1), at, turn)
    if res is None or (res.person is None and not res.name):
        return None
    return res


_INDEFINITE = frozenset("a an one another".split())
_COMPLEMENT = frozenset("for of at from with in on".split())
_PREP_BEFORE = PREPOSITIONS | frozenset("by of for from with to at about".split())
_OF_FOR = frozenset("for of at from with".split())  # after the verb: not "on Monday"
_DEFINITE_PLURAL = frozenset("the these those his her their its our".split())
_NOT_MODIFIER = DETERMINERS | PREPOSITIONS | SMALL_WORDS | frozenset(
    "and or but that which who whom whose when while as if said says also".split())
_WORD_RE = re.compile(r"[\w’'\-.]*\w\.?")


def _speaker_noun(word: str) -> str | None:
    """"one" for a singular noun describing a speaker, "many" for a plural."""
    w = word.lower()
    if w in SPEAKER_PLURALS:
        return "many"
    if w in SPEAKER_NOUNS:
        return "one"
    if w.endswith("s") and (w[:-1] in SPEAKER_NOUNS or (w.endswith("es") and w[:-2] in SPEAKER_NOUNS)):
        return "many"
    return None


def description_subject(s: str, pos: int, tail: bool = True) -> SpeakerRef | None:
    """An unnamed speaker described, ending the subject phrase ``s`` before a cue
    verb: "a spokesman for the ministry", "one poster", "Cuban officials", "local
    residents" -- the speaker as written (an indefinite or plural description
    introduces someone new: no person of the text is guessed for it). After the
    verb (not ``tail``: "said one worker"), the description is the whole phrase."""
    toks = list(_WORD_RE.finditer(s))
    if not tail and len(toks) > 8:
        return None
    n = len(toks)
    for j in range(n - 1, max(-1, n - 8), -1):
        kind = _speaker_noun(toks[j].group())
        if kind is None:
            continue
        rest = toks[j + 1:]
        if rest and (rest[0].group().lower() not in (_COMPLEMENT if tail else _OF_FOR)
                     or len(rest) > 6
                     or any(c in s[toks[j].end():] for c in ",;:()" + MASK)):
            return None  # the noun is not the head of the phrase ending at the verb
        break
    else:
        return None
    start = j
    k = j - 1
    while k >= 0 and j - k <= 4 and "," not in s[toks[k].end():toks[k + 1].start()]:
        low = toks[k].group().lower()
        if kind == "one" and low in _INDEFINITE:
            start = k
            break
        if kind == "many" and low in _DEFINITE_PLURAL:
            start = k  # "the police", "his doctors": with its determiner
            break
        if low in _NOT_MODIFIER or (kind == "many" and j - k > 2):
            break
        if kind == "many":
            start = k
        k -= 1
    if kind == "one" and toks[start].group().lower() not in _INDEFINITE:
        return None  # "the spokesman": a role, resolved to a person or left alone
    if start > 0 and toks[start - 1].group().lower() in _PREP_BEFORE:
        return None  # "the post by an unknown author": inside another noun's phrase
    if s[:toks[start].start()].rstrip().endswith(","):
        return None  # an appositive ("Tom Hale, a lawyer for the family,"): the name speaks
    mention = s[toks[start].start():toks[-1].end()]
    return SpeakerRef("role", None, mention, pos + toks[start].start(), mention)


# a capitalised word inside a sentence (not the first word of one)
_INNER_CAP_RE = re.compile(r"(?<![.!?:;”\"’\s])\s+[A-Z][a-z]|[a-z,]\s+[A-Z][a-z]")
# how far back "it said" looks for the organisation or document that spoke last
_IT_REACH = 400


class LastSource:
    """The organisation or document last given as a speaker ("said KCNA", "the
    report said"): "it said" just after, in the same paragraph, stands for it."""

    def __init__(self) -> None:
        self.last: tuple[int, str] | None = None  # where, and who

    def note(self, res: SpeakerRef) -> None:
        if res.person is None and res.name and res.how == "explicit":
            self.last = (res.pos, res.name)

    def it_ref(self, masked: str, wpos: int, word: str) -> SpeakerRef | None:
        """"it" as a cue's subject at ``wpos``: the source that spoke just before
        ("“…”, said KCNA. “…”, it added"), else nobody."""
        src = self.last
        if src is None or not 0 < wpos - src[0] <= _IT_REACH:
            return None
        between = masked[src[0]:wpos]
        if "\n" in between:
            return None  # only within the paragraph
        after = between[between.find(src[1]) + len(src[1]):] if src[1] in between else between
        if _INNER_CAP_RE.search(after):
            return None  # someone else is named in between ("Tom Hale rejected it.")
        return SpeakerRef("pronoun", None, word, wpos, src[1])


def turn_person(doc: Doc, turn: int, addressee: bool) -> Person | None:
    """"I" in a turn is its speaker; "you" in a reporter's question is the
    official being asked (the nearest non-reporter turn)."""
    if turn < 0:
        return None
    blocks = doc.blocks
    bl = blocks[turn]
    if not addressee:
        if bl.speaker and bl.speaker != REPORTER:
            return doc.people.person(bl.speaker)
        return None
    if bl.speaker != REPORTER:
        return None
    for rng in (range(turn - 1, -1, -1), range(turn + 1, len(blocks))):
        for k in rng:
            ob = blocks[k]
            if ob.kind == "turn" and ob.speaker and ob.speaker != REPORTER \
                    and ob.label_start >= 0:
                nm = person_name(parse_name_tokens(ob.speaker.split()))
                return doc.people.person(nm) if nm else None
    return None
