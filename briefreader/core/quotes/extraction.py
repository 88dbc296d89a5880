"""Quote extraction and speaker attribution.

``extract_quotes(briefing)`` returns the quotes of a briefing in document order:

- ``direct``/``partial``: text between paired quotation marks (marks excluded),
  attributed by cue verbs ("…,” he said", "Peskov said: “…”", "described it as
  “…”"), colon labels ("Sen. Ted Cruz: “…”"), round-up headings ("Secretary X on
  Fox News Sunday" over a list of quotes), or by continuing an attributed quote.
  Pronouns and roles resolve to the most recent compatible person named outside
  quotes; an unknown speaker is left ``None`` rather than guessed. Scare quotes,
  titles and terms ("a program called “Build Back Better”") are not quotes.
- ``turn``: in transcripts, each sentence a labelled speaker said (clipped to
  the turn's content); reporters' ``Q`` turns have ``is_question=True``.

Pure Python and linear in the text: regular expressions over the paragraphs that
hold quotation marks, with the quoted parts masked so that cues and names are
only looked for in the narration.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefreader.core.model import REPORTER, Block, Briefing, Quote
from briefreader.core.quotes.lexicon import (
    ABBREVIATIONS,
    AUX_WORDS,
    CUE_FINITE,
    CUE_PARTICIPLE,
    INTRO_WORDS,
    MONTH_NAMES,
    PRONOUN_GENDER,
    ROLE_HEADS,
    STOP_CAPS,
)
from briefreader.core.quotes.marks import pair_marks, starts_with_open_mark
from briefreader.core.quotes.names import (
    ROLE_NP_RE,
    RUN_RE,
    NameParse,
    People,
    Person,
    canonical_speaker,
    parse_name_tokens,
    person_name,
    speaker_matches,
)
from briefreader.core.sentences import split_spans

__all__ = ["extract_quotes", "speaker_matches", "canonical_speaker"]

MASK = "\u2592"  # stands for quoted text in the masked copy of the text
_CLOSERS = "”’\"»›“"
_STRONG_CUES = frozenset({"said", "says", "say", "told", "tells", "added", "adds", "asked",
                          "asks", "stated", "states", "wrote", "writes", "noted", "announced",
                          "declared", "replied", "responded", "emailed", "tweeted", "posted",
                          "warned", "insisted", "explained", "concluded", "continued"})
_FINITE = "|".join(sorted(CUE_FINITE, key=len, reverse=True))
_PARTIC = "|".join(sorted(CUE_PARTICIPLE, key=len, reverse=True))
_AUX = "|".join(sorted(AUX_WORDS, key=len, reverse=True))
CUE_RE = re.compile(r"\b(?:(" + _FINITE + r"|made(?: it)? clear)|(" + _PARTIC + r")|([Aa]ccording\s+to))"
                    r"(?![\w’'\-])")
_SUBJ_TOKEN = r"[^\s,;:!?" + MASK + r"“”\"«»()\[\]—–]+"
POST_SV_RE = re.compile(
    r"[\s,;:—–\-]*(?P<subj>(?:" + _SUBJ_TOKEN + r"\s+){0,7}?)(?:(?:" + _AUX + r")\s+){0,2}"
    r"(?P<verb>" + _FINITE + r")(?![\w’'\-])")
_VS_END = (r"(?=\s*(?:[,.;:!?()—–\n]|$|(?:on|in|at|during|after|before|when|while|to|of|"
           r"about|who|which|that|from|last|this|yesterday|today|earlier|later|adding|"
           r"noting|saying|according|as|and|with|told|said)\b))")
POST_VS_RE = re.compile(
    r"[\s,;:—–\-]*(?:(?:" + _AUX + r")\s+)?(?P<verb>" + _FINITE + r")\s+"
    r"(?P<subj>[^,.;:!?" + MASK + r"“”\"()—–\n]{1,80}?)" + _VS_END)
ACC_RE = re.compile(
    r"[\s,;:—–\-]*according\s+to\s+(?P<subj>[^,.;:!?" + MASK + r"“”\"()—–\n]{1,80}?)"
    r"(?=\s*(?:[,.;:!?()—–\n]|$|(?:on|in|at|during|who|which|from)\b))", re.IGNORECASE)
POST_DASH_RE = re.compile(
    r"[ \t]*[—–][ \t]*(?P<subj>[^,.;:!?" + MASK + r"“”\"()—–\n]{2,80}?)\s*(?:[,.;]|$)")
_QUOTE_MARKER_RE = re.compile(
    r"(?:[,:—–]?\s*(?:and\s+)?(?:I\s+)?(?:quote|quoting)[\s,:—–]*(?:unquote[\s,:—–]*)?)$",
    re.IGNORECASE)
_BOUNDARY_RE = re.compile(r"[.!?…]+[”’\"»)]*(?=\s)|\n")
_WORD_RE = re.compile(r"[^\W_][\w’'\-.]*")
_CLAUSE_SPLIT_RE = re.compile(
    r"[,;:()" + MASK + r"“”\"«»—–]|\b(?:and|but|that|while|as|when|because|after|before|"
    r"since|although|if|where|who|which|whom|whose|what)\b", re.IGNORECASE)
_LETTER_RE = re.compile(r"[^\W\d_]")
_HEADING_TAIL_RE = re.compile(
    r"\s+(?:on|in|at|to|with|for|about|joins|talks|speaks|tells|says|said)\s+.*$|"
    r"\s*[:—–|]\s*.*$", re.IGNORECASE | re.DOTALL)
_LABEL_RE = re.compile(r"\s*(?P<subj>[^:" + MASK + r"“”\"\n]{2,120}?)\s*(?::|—|–)\s*$")
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with vs "
                         "nor per via".split())
_DETERMINERS = frozenset("a an the this that these those his her their our its my your "
                         "whose".split())
_PREPOSITIONS = frozenset("of for on in about with from by into at than like "
                          "against toward towards".split())
_OBJECT_BEFORE = frozenset("to for with by at from of about told asked tell ask than like "
                           "thank thanks".split())
_TERM_WORDS = frozenset({"word", "words", "term", "terms", "phrase", "phrases", "slogan",
                         "hashtag", "so-called", "dubbed", "nicknamed", "titled", "entitled",
                         "headline", "headlined", "motto", "named", "labeled", "labelled",
                         "branded", "expression", "mantra", "catchphrase", "moniker",
                         "label"})


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    open: int
    close: int  # -1: the paragraph ends the piece (multi-paragraph quote)
    block: int
    prev: _Cand | None = None  # previous paragraph's piece of the same quote
    split: bool = False
    speaker: str | None = None
    person: Person | None = None
    mention: str | None = None
    cue: str | None = None
    kind: str = "direct"
    how: str | None = None  # explicit | pronoun | role | label | heading | inherited
    attr_end: int = -1
    drop: bool = False
    turn: int = -1  # first block of the enclosing transcript turn


_Res = tuple[str, "Person | None", str, int, "str | None"]  # how, person, mention, pos, name


def extract_quotes(briefing: Briefing) -> tuple[Quote, ...]:
    """The quotes of ``briefing`` in document order (see the module docstring)."""
    return _Extractor(briefing).run()


def _paragraph_blocks(text: str) -> tuple[Block, ...]:
    return tuple(Block("paragraph", m.start(), m.end(), m.group())
                 for m in re.finditer(r"[^\n]+", text) if m.group().strip())


class _Extractor:
    def __init__(self, briefing: Briefing) -> None:
        self.b = briefing
        self.text = briefing.text
        self.blocks = briefing.blocks or _paragraph_blocks(briefing.text)
        self.masked = self.text
        self._people: People | None = None
        self.turn_first: dict[int, int] = {}  # block -> first block of its turn
        self.transcript = any(bl.kind == "turn" for bl in self.blocks)
        if self.transcript:
            first: dict[int, int] = {}
            for bi, bl in enumerate(self.blocks):
                if bl.kind == "turn" and bl.turn >= 0:
                    self.turn_first[bi] = first.setdefault(bl.turn, bi)

    @property
    def people(self) -> People:
        if self._people is None:
            self._people = People(self.masked, dict(self.b.speakers), self.b.title)
        return self._people

    # -- 1. quoted regions ---------------------------------------------------------
    def _regions(self) -> list[_Cand]:
        text = self.text
        blocks = self.blocks
        cands: list[_Cand] = []
        carry: _Cand | None = None  # an open piece waiting for its continuation
        marks = [m.start() for m in _OPEN_MARK_RE.finditer(text)]
        if not marks:
            return cands
        for bi, bl in enumerate(blocks):
            if bl.kind == "stage":
                continue
            lo, hi = bl.start, bl.end
            k = bisect.bisect_left(marks, lo)
            if lo >= hi or k >= len(marks) or marks[k] >= hi:
                carry = None
                continue
            closed, unclosed = pair_marks(text, lo, hi)
            cont_open = -1
            if unclosed:
                nxt = _next_block(blocks, bi)
                if nxt is not None and starts_with_open_mark(text, nxt.start, nxt.end) >= 0:
                    cont_open = unclosed[0].open
            real = {r.open for r in closed}
            if cont_open >= 0:
                real.add(cont_open)
            items = [(r.open, r.close) for r in closed
                     if not any(p in real for p in r.parents)]
            if cont_open >= 0:
                items.append((cont_open, -1))
            elif unclosed and closed:
                # “A … “B.” — an inner quote closing the paragraph closes both
                u = unclosed[0].open
                inner = [r for r in closed if u in r.parents]
                if inner:
                    last = max(inner, key=lambda r: r.close)
                    if not _LETTER_RE.search(text, last.close + 1, hi):
                        items.append((u, last.close))
            items.sort()
            first_mark = starts_with_open_mark(text, lo, hi)
            new_carry: _Cand | None = None
            for o, c in items:
                s, e = o + 1, (c if c >= 0 else hi)
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e <= s or not _LETTER_RE.search(text, s, e):
                    continue
                cand = _Cand(s, e, o, c, bi)
                if carry is not None and o == first_mark:
                    cand.prev = carry
                cands.append(cand)
                if c < 0:
                    new_carry = cand
            carry = new_carry
        return cands

    def _mask(self, cands: list[_Cand]) -> str:
        text = self.text
        parts: list[str] = []
        pos = 0
        for c in cands:
            end = c.close if c.close >= 0 else self.blocks[c.block].end
            if c.open + 1 < pos:
                continue
            parts.append(text[pos: c.open + 1])
            inner = text[c.open + 1: end]
            stripped = inner.rstrip()
            if stripped and stripped[-1] in ".!?…":
                # keep the sentence's final mark so that sentence ends stay visible
                parts.append(MASK * (len(stripped) - 1))
                parts.append(stripped[-1] + inner[len(stripped):])
            else:
                parts.append(MASK * len(inner))
            pos = end
        parts.append(text[pos:])
        return "".join(parts)

    # -- 2. sentences of the masked text ----------------------------------------------
    def _sentence(self, pos: int, lo: int, hi: int) -> tuple[int, int]:
        m = self.masked
        start = lo
        wlo = max(lo, pos - 600)
        for b in _BOUNDARY_RE.finditer(m, wlo, pos):
            if not _is_abbrev(m, b.start(), wlo):
                start = b.end()
        end = hi
        for b in _BOUNDARY_RE.finditer(m, pos, min(hi, pos + 600)):
            if not _is_abbrev(m, b.start(), pos):
                end = b.end()
                break
        while start < pos and m[start].isspace():
            start += 1
        return start, end

    # -- 3. who a phrase names ------------------------------------------------------
    def _who(self, phrase: str, pos: int, turn: int, tail: bool = True,
             orgs: bool = True) -> _Res | None:
        """The speaker a subject phrase names (the phrase ends at a cue verb when
        ``tail``, else starts after one): ``(how, person, mention, pos, name)``.
        None when it names nobody ("reports", "we"); a result whose person and
        name are None when it names someone we cannot resolve ("he" with no
        antecedent, "a flight attendant")."""
        s = phrase.rstrip(" \t\n,")
        words = list(_WORD_RE.finditer(s))
        if not words:
            return None
        w = words[-1] if tail else words[0]
        low = w.group().lower().replace("'", "’")
        if "’" in low and low.split("’")[0] in ("he", "she", "i", "you", "we", "they", "it"):
            low = low.split("’")[0]  # "He’s said", "You’ve said", "They’ll say"
        wpos = pos + w.start()
        if tail and len(words) >= 2 and words[-2].group().lower() in _OBJECT_BEFORE and \
                (low in PRONOUN_GENDER or low in ("i", "you", "him", "her", "me")):
            return None  # "said to you", "told him": an object, not the speaker
        if low in PRONOUN_GENDER:
            p = self.people.resolve_pronoun(wpos, PRONOUN_GENDER[low])
            if p is not None and p.gender is None:
                p.gender = PRONOUN_GENDER[low]
            return ("pronoun", p, w.group(), wpos, None)
        if low in ("i", "you"):
            p = self._turn_person(turn, addressee=low == "you")
            if p is None:
                return None
            return ("pronoun", p, w.group(), wpos, None)
        if low in ("we", "they", "it", "who", "which", "one", "someone", "somebody",
                   "everyone", "everybody", "people", "nobody"):
            return None
        # a name (or an organisation) ending (starting) the phrase
        run = None
        for r in RUN_RE.finditer(s):
            if r.start() > 0 and (s[r.start() - 1].isalnum() or s[r.start() - 1] in "’'-"):
                continue
            if tail:
                rest = s[r.end():].strip()
                if not rest:
                    run = r
            else:
                if r.start() == words[0].start():
                    run = r
                break
        if run is not None:
            res = self._name_run(s, run, pos, tail)
            if res is not None and res[1] is None and res[4] and not orgs and \
                    " " not in res[4] and not res[4].isupper():
                res = None  # "Catherine, I should say": a single word far from the verb
            if res is not None:
                return res
        # a role: "the Kremlin spokesman", "the President"
        role_m = None
        for rm in ROLE_NP_RE.finditer(s):
            if tail and s[rm.end():].strip(" ,"):
                continue
            if not tail and rm.start() > words[0].start():
                break
            role_m = rm
            if not tail:
                break
        if role_m is not None:
            head = role_m.group(2).lower()
            det = s[role_m.start():role_m.start(1)].strip().lower()
            mods = tuple(x.lower() for x in role_m.group(1).split())
            mention = s[role_m.start():role_m.end()]
            if det in ("a", "an", "one", "another"):
                return ("role", None, mention, pos + role_m.start(), None)
            p = self.people.resolve_role(head, mods, pos + role_m.start())
            return ("role", p, mention, pos + role_m.start(), None)
        if run is not None:
            toks = [t.lower() for t in run.group().split()]
            if toks and toks[-1] in ROLE_HEADS:
                p = self.people.resolve_role(toks[-1], tuple(toks[:-1]), pos + run.start())
                return ("role", p, run.group(), pos + run.start(), None)
        return None

    def _name_run(self, s: str, run: re.Match[str], pos: int, tail: bool) -> _Res | None:
        tokens = run.group().split()
        if tokens and tokens[-1][-2:] in ("’s", "'s"):
            return None  # "Russia’s foreign minister" is handled as a role
        parse = parse_name_tokens(tokens)
        rpos = pos + run.start()
        if not parse.name:
            if all(_is_title_word(t) for t in tokens):
                return None  # "The President": a role
            return self._org(tokens, run, rpos, s)
        if not parse.titled:
            before = s[:run.start()].split()[-1:] if run.start() else []
            if (before and before[0].lower().strip(",") in ROLE_HEADS) or \
                    (parse.prefix and _title_of_before(s, run.start())):
                # "spokesman Dmitry Peskov", "Secretary of the Treasury Scott Bessent"
                parse = NameParse(parse.name, parse.prefix, True, parse.gender, parse.role)
        nm = person_name(parse)
        mention = run.group() if parse.prefix else " ".join(parse.name)
        full = _extend_role(s, run.start())
        if full:
            mention = full + " " + run.group()
        if nm is not None:
            # coordinated names: "George Santos and Ralph Norman said"
            if tail and not parse.prefix:
                cm = re.search(r"((?:[A-Z][\w’'\-.]*\s+){1,3}[A-Z][\w’'\-.]*)\s+and\s+$",
                               s[:run.start()])
                if cm:
                    other = person_name(parse_name_tokens(cm.group(1).split()))
                    if other and len(other.split()) >= 2:
                        name = other + " and " + nm
                        return ("explicit", None, cm.group(1) + " and " + run.group(),
                                pos + cm.start(1), name)
            if " " not in nm:
                p = self.people.surname(nm) or self.people.person(nm, parse.gender)
            else:
                p = self.people.person(nm, parse.gender)
            return ("explicit", p, mention, rpos, None)
        real = [t for t in parse.name if not (len(t) == 2 and t.endswith("."))]
        if len(real) == 1 and not parse.titled:
            p = self.people.surname(real[0])
            if p is not None:
                return ("explicit", p, mention, rpos, None)
        return self._org(tokens, run, rpos, s)

    def _org(self, tokens: list[str], run: re.Match[str], rpos: int,
             s: str = "") -> _Res | None:
        """An organisation, a publication or a country as the subject of a cue
        ("the U.S. Department of Transportation announced")."""
        org = " ".join(t for t in tokens if t)
        if s:
            om = re.search(r"((?:[A-Z][\w’'.\-]*\s+)+(?:of|in|for)(?:\s+the)?\s+)$",
                           s[:run.start()])
            if om:
                org = om.group(1) + org
                rpos -= len(om.group(1))
        org = re.sub(r"^(?:The|the)\s+", "", org).strip(" .,")
        low_toks = [t.lower().replace("’", "'").rstrip(".") for t in org.split()]
        if not low_toks or any(t in STOP_CAPS for t in low_toks[:1]):
            return None
        if all(t in MONTH_NAMES or t in _DAYS for t in low_toks):
            return None
        if low_toks[-1] in ROLE_HEADS:
            return None  # a title alone ("The President"): a role
        return ("explicit", None, run.group(), rpos, org)

    def _turn_person(self, turn: int, addressee: bool) -> Person | None:
        """"I" in a turn is its speaker; "you" in a reporter's question is the
        official being asked (the nearest non-reporter turn)."""
        if turn < 0:
            return None
        bl = self.blocks[turn]
        if not addressee:
            if bl.speaker and bl.speaker != REPORTER:
                return self.people.person(bl.speaker)
            return None
        if bl.speaker != REPORTER:
            return None
        for rng in (range(turn - 1, -1, -1), range(turn + 1, len(self.blocks))):
            for k in rng:
                ob = self.blocks[k]
                if ob.kind == "turn" and ob.speaker and ob.speaker != REPORTER \
                        and ob.label_start >= 0:
                    nm = person_name(parse_name_tokens(ob.speaker.split()))
                    return self.people.person(nm) if nm else None
        return None

    def _subject_before(self, lo: int, verb_at: int, turn: int) -> _Res | None:
        """The subject of a cue verb at ``verb_at``: the phrase before it back to a
        clause boundary (over auxiliaries, and over appositives in commas)."""
        m = self.masked
        window = m[lo:verb_at]
        stripped = re.sub(r"(?:\s+(?:" + _AUX + r"))+\s*$", "", window, flags=re.IGNORECASE)
        seg_end = lo + len(stripped)
        for step in range(3):
            cut = lo
            last_b = None
            for b in _CLAUSE_SPLIT_RE.finditer(m, max(lo, seg_end - 160), seg_end):
                cut = b.end()
                last_b = b
            phrase = m[cut:seg_end]
            if phrase.strip():
                res = self._who(phrase, cut, turn, orgs=step == 0)
                if res is not None and step > 0 and \
                        len(phrase.split()) > len(res[2].split()) + 1:
                    return None  # "…has seen the videos of Tyre Nichols, said"
                if res is not None:
                    if last_b is not None and last_b.group().lower() == "and" and \
                            res[0] == "explicit" and res[1] is not None:
                        res = self._coordinated(res, lo, last_b.start())
                    return res
                first = phrase.strip()[:1]
                if len(phrase.split()) > 2 and not first.islower() or len(phrase.split()) > 7:
                    return None
            if cut <= lo or m[cut - 1] not in ",—–":
                return None
            seg_end = cut - 1
        return None

    def _coordinated(self, res: _Res, lo: int, and_at: int) -> _Res:
        """"George Santos and Ralph Norman said": both names."""
        m = self.masked
        seg = m[max(lo, and_at - 80):and_at].rstrip()
        runs = [r for r in RUN_RE.finditer(seg) if not seg[r.end():].strip()]
        if not runs or res[1] is None:
            return res
        parse = parse_name_tokens(runs[-1].group().split())
        other = person_name(parse)
        if other is None or len(other.split()) < 2:
            return res
        p = self.people.person(other, parse.gender)
        first = p.display if p is not None else other
        name = first + " and " + res[1].display
        return ("explicit", None, runs[-1].group() + " and " + res[2], res[3], name)

    def _main_subject(self, lo: int, hi: int, turn: int) -> _Res | None:
        """The subject of the clause a participle ("saying", "noting") hangs on:
        the sentence's first cue verb's subject, else the noun phrase the
        sentence starts with (after an introductory phrase)."""
        m = self.masked
        for cm in CUE_RE.finditer(m, lo, hi):
            if cm.group(1):
                res = self._subject_before(lo, cm.start(), turn)
                if res is not None:
                    return res
        s = lo
        first = _WORD_RE.search(m, s, hi)
        if first and first.group().lower() in INTRO_WORDS:
            comma = m.find(",", s, hi)
            if comma >= 0:
                s = comma + 1
        while s < hi and m[s].isspace():
            s += 1
        end = hi
        for b in _CLAUSE_SPLIT_RE.finditer(m, s, hi):
            end = b.start()
            break
        phrase = m[s:end]
        words = list(_WORD_RE.finditer(phrase))
        if not words:
            return None
        if words[0].group().lower() in PRONOUN_GENDER:
            return self._who(phrase[: words[0].end()], s, turn)
        rm = ROLE_NP_RE.match(phrase, words[0].start())
        if rm:
            return self._who(phrase[: rm.end()], s, turn)
        run = RUN_RE.match(phrase, words[0].start())
        if run:
            return self._who(phrase[: run.end()], s, turn, orgs=False)
        return None

    # -- 4. attribution of one quote ------------------------------------------------
    def _attribute(self, c: _Cand, lo: int, hi: int) -> None:
        m = self.masked
        turn = c.turn
        after = c.close + 1 if c.close >= 0 else hi
        ss, se = self._sentence(c.open, lo, hi)
        if c.close >= 0 and se <= c.close:
            se = self._sentence(c.close, lo, hi)[1]
        # (a) a cue right after the closing mark: "…,” he said / said Peskov — first
        # when the quote ends as attributed quotes do (with a comma, ?, !, a dash)
        post_first = c.close >= 0 and (self.text[c.end - 1] in ",?!—–-…" or
                                       m[after:after + 2].lstrip()[:1] in (",", "—", "–"))
        if post_first and self._post_cue(c, after, hi, turn):
            return
        if self._pre_cue(c, ss, lo, turn):
            return
        if c.close >= 0 and not post_first and self._post_cue(c, after, hi, turn):
            return
        # (c) a cue later in the sentence: "“…” can be expressed, he said"
        if c.close >= 0:
            for cm in CUE_RE.finditer(m, after, min(se, after + 100)):
                if not cm.group(1):
                    continue
                if re.search(r"[:;]", m[after:cm.start()]):
                    break
                res = self._subject_before(after, cm.start(), turn)
                if res is None:
                    vs = POST_VS_RE.match(m, cm.start(), se)
                    if vs:
                        res = self._who(vs.group("subj"), vs.start("subj"), turn, tail=False)
                if res is not None:
                    self._set(c, res, cm.group(1), None, cm.end())
                    return
                break

    def _pre_cue(self, c: _Cand, ss: int, lo: int, turn: int) -> bool:
        """A cue before the opening mark, in the same sentence: "Peskov said:
        “…”", "described it as “…”", "saying, “…”", "according to X, “…”"."""
        m = self.masked
        # (b) before the opening mark, in the same sentence
        pre_end = c.open
        marker = _QUOTE_MARKER_RE.search(m, ss, c.open)
        if marker:
            c.cue = "quote"
            pre_end = marker.start()
        # a colon label: "Sen. Ted Cruz: “…”"
        if pre_end > ss and self._label(c, ss, pre_end, turn):
            return True
        cues = list(CUE_RE.finditer(m, ss, pre_end))
        for cm in reversed(cues):
            if cm.group(1):
                res = self._subject_before(ss, cm.start(), turn)
                if res is not None:
                    self._set(c, res, cm.group(1), None, cm.end())
                    return True
                if cm.group(1).lower() in _STRONG_CUES or c.cue == "quote":
                    c.cue = cm.group(1)  # "reports said", "she’d look at me and say"
                    return True
            elif cm.group(2):
                res = self._main_subject(ss, cm.start(), turn)
                if res is not None:
                    self._set(c, res, cm.group(2), None, cm.end())
                    return True
                c.cue = cm.group(2)
                return True
            else:
                am = ACC_RE.match(m, cm.start(), pre_end)
                if am:
                    res = self._who(am.group("subj"), am.start("subj"), turn, tail=False)
                    if res is not None:
                        self._set(c, res, "according to", None, am.end())
                        return True
        return False

    def _label(self, c: _Cand, ss: int, pre_end: int, turn: int) -> bool:
        """A name (with titles) and a colon before the quote: "Sen. Ted Cruz
        (R-TX): “…”", "American Iron and Steel Institute President Kevin Dempsey:"."""
        m = self.masked
        lm = _LABEL_RE.fullmatch(m, ss, pre_end)
        if lm is None:
            return False
        subj = lm.group("subj")
        subj_end = len(subj.rstrip())
        pm = re.search(r"\s*\([^()]{1,30}\)\s*$", subj)  # (R-KS)
        if pm:
            subj_end = pm.start()
        phrase = subj[:subj_end].strip(" *_[]")
        words = phrase.split()
        if not words or len(words) > 14 or CUE_RE.search(phrase):
            return False
        if words[0].lower().strip(",") in STOP_CAPS or words[0].lower() in INTRO_WORDS:
            return False  # "On mortgage rates: “…”" names a topic
        pos = lm.start("subj") + subj.find(phrase)
        res = self._who(phrase, pos, turn)
        if res is not None and res[0] == "explicit" and (res[1] is not None or res[4]):
            if res[1] is None and len(phrase.split()) <= 6:
                res = ("explicit", None, phrase, pos, phrase)
            self._set(c, res, ":", "label")
            return True
        if res is None and len(words) <= 4 and words[0][:1].isupper() and \
                self._starts_block(ss):
            # a description standing for a name: "Pennsylvania resident: “…”"
            self._set(c, ("explicit", None, phrase, pos, phrase), ":", "label")
            return True
        return False

    def _starts_block(self, pos: int) -> bool:
        m = self.masked
        j = pos - 1
        while j >= 0 and m[j] in " \t":
            j -= 1
        return j < 0 or m[j] == "\n"

    def _post_cue(self, c: _Cand, after: int, hi: int, turn: int) -> bool:
        m = self.masked
        limit = min(hi, after + 160)
        content_end = m[c.close - 1] if c.close > 0 else ""
        nxt = _WORD_RE.search(m, after, limit)
        if nxt is None:
            return False
        if re.search(r"[.!?]", m[after:nxt.start()]) or "\n" in m[after:nxt.start()]:
            return False
        if content_end == "." and nxt.group()[:1].isupper() and \
                nxt.group().lower() not in PRONOUN_GENDER:
            return False  # the quote ended a sentence; a new one starts
        sv = POST_SV_RE.match(m, after, limit)
        if sv and not re.search(r"[.!?]\s", m[after:sv.start("verb")]):
            subj = sv.group("subj")
            if subj.strip():
                res = self._who(subj, sv.start("subj"), turn)
                if res is not None:
                    self._set(c, res, sv.group("verb"), None, sv.end())
                    return True
                if sv.group("verb").lower() in _STRONG_CUES and len(subj.split()) <= 4:
                    c.cue = sv.group("verb")
                    c.attr_end = sv.end()
                    return True
        vs = POST_VS_RE.match(m, after, limit)
        if vs:
            res = self._who(vs.group("subj"), vs.start("subj"), turn, tail=False)
            if res is not None:
                self._set(c, res, vs.group("verb"), None, vs.end())
                return True
        am = ACC_RE.match(m, after, limit)
        if am:
            res = self._who(am.group("subj"), am.start("subj"), turn, tail=False)
            if res is not None:
                self._set(c, res, "according to", None, am.end())
                return True
        dm = POST_DASH_RE.match(m, after, limit)
        if dm:
            res = self._who(dm.group("subj"), dm.start("subj"), turn, tail=False)
            if res is not None and res[0] == "explicit" and _whole_phrase(dm.group("subj"),
                                                                        res[2]):
                self._set(c, res, "—", "label", dm.end())
                return True
        return False

    def _set(self, c: _Cand, res: _Res, cue: str | None, how: str | None,
             attr_end: int = -1) -> None:
        kind, person, mention, mpos, name = res
        c.how = how or kind
        c.person = person
        c.speaker = person.display if person is not None else name
        c.mention = mention.strip(" ,") if mention else None
        if cue is not None:
            c.cue = cue
        c.attr_end = attr_end
        if person is not None and kind in ("explicit", "pronoun", "role"):
            self.people.add_event(mpos, person)

    # -- 5. headings of round-ups ------------------------------------------------------
    def _heading_speaker(self, bl: Block) -> tuple[str, str] | None:
        """A heading or short bold-like line naming a person ("Secretary of the
        Treasury Scott Bessent on Sunday Morning Futures"): (name, mention)."""
        t = bl.text.strip().strip("*_#").strip()
        if not t or len(t) > 160 or _has_mark(t, 0, len(t)):
            return None
        if bl.kind != "heading" and (t[-1] in ".?!," or len(t.split()) > 16):
            return None
        head = _HEADING_TAIL_RE.sub("", t).strip(" :—–-")
        head = re.sub(r"\s*\([^)]*\)\s*$", "", head).strip()
        if not head or not head[0].isupper():
            return None
        parse = parse_name_tokens(head.split())
        nm = person_name(parse)
        if nm is None:
            return None
        if len(nm.split()) < 2 and not parse.titled:
            return None
        if any(x[:1].islower() and x.lower() not in _SMALL_WORDS and x.lower() not in ROLE_HEADS
               for x in parse.prefix):
            return None
        p = self.people.person(nm, parse.gender)
        return (p.display if p else nm), head

    # -- 6. run -------------------------------------------------------------------------
    def run(self) -> tuple[Quote, ...]:
        cands = self._regions()
        out: list[Quote] = []
        if cands:
            self.masked = self._mask(cands)
            self._attribute_all(cands)
            doc = self.b.id
            text = self.text
            for c in cands:
                if not c.drop:
                    out.append(Quote(doc, c.start, c.end, text[c.start:c.end], c.speaker,
                                     c.mention, c.cue, c.kind,  # type: ignore[arg-type]
                                     ((c.start, c.end),)))
        if self.transcript:
            out.extend(self._turn_quotes())
            out.sort(key=lambda q: (q.start, q.end))
        return tuple(out)

    def _attribute_all(self, cands: list[_Cand]) -> None:
        blocks = self.blocks
        heading: tuple[str, str] | None = None
        ci = 0
        n = len(cands)
        prev: _Cand | None = None
        for bi, bl in enumerate(blocks):
            if ci >= n:
                break
            if cands[ci].block != bi:
                if bl.kind in ("heading", "paragraph"):
                    hs = self._heading_speaker(bl)
                    if hs is not None:
                        heading = hs
                    elif bl.kind == "heading" or self.transcript:
                        heading = None
                continue
            lo, hi = bl.start, bl.end
            turn = self.turn_first.get(bi, -1)
            if bl.kind == "turn" and bl.content_start >= 0:
                lo = max(lo, bl.content_start)
            while ci < n and cands[ci].block == bi:
                c = cands[ci]
                ci += 1
                c.turn = turn
                c.kind = self._kind(c, lo)
                if c.prev is not None:
                    c.kind = c.prev.kind
                self._attribute(c, lo, hi)
                if prev is not None and self._is_split(prev, c):
                    c.split = True
                    c.kind = prev.kind
                    if prev.speaker is not None or c.how is None:
                        self._inherit(c, prev)
                if c.how is None and c.prev is not None:
                    self._inherit(c, c.prev)
                if c.how is None and c.cue is None and prev is not None and \
                        self._continues(prev, c):
                    self._inherit(c, prev)
                    c.how = "inherited"
                if c.how is None and heading is not None and turn < 0 and \
                        bl.kind in ("list_item", "paragraph", "quote_block") and \
                        self._main_content(c, bl):
                    c.speaker, c.mention, c.how = heading[0], heading[1], "heading"
                self._filter(c, lo)
                if not c.drop:
                    prev = c
        # a multi-paragraph quote: the attribution of any piece applies to all
        for c in reversed(cands):
            p = c.prev
            if p is not None and p.speaker is None and c.speaker is not None:
                self._inherit(p, c)
        # a cue-less quote followed directly by an attributed one
        for i in range(len(cands) - 2, -1, -1):
            c, d = cands[i], cands[i + 1]
            if c.drop or d.drop or c.how is not None or c.cue is not None or d.speaker is None:
                continue
            if c.close < 0 or d.block != c.block or d.prev is not None:
                continue
            if re.fullmatch(r"[\s.!?]*", self.masked[c.close + 1:d.open]) and \
                    d.attr_end > d.close:
                self._inherit(c, d)
                c.how = "inherited"

    def _main_content(self, c: _Cand, bl: Block) -> bool:
        """Whether a quote is what its block is made of (after an optional topic
        label "On tariffs: "), as in a round-up's list of quotes."""
        m = self.masked
        pre = re.sub(r"\s*\[[^\]]*\]$", "", m[bl.start:c.open].strip())
        if pre and not (pre[-1] in ":—–" and len(pre.split()) <= 20):
            return False
        if c.close < 0:
            return True
        post = m[c.close + 1:bl.end].replace(MASK, " ")
        return len(_WORD_RE.findall(post)) <= 3

    def _inherit(self, c: _Cand, src: _Cand) -> None:
        c.person, c.speaker, c.mention = src.person, src.speaker, src.mention
        if c.cue is None or c.cue == "quote":
            c.cue = src.cue
        if c.how is None or c.how == "inherited":
            c.how = src.how

    def _is_split(self, prev: _Cand, c: _Cand) -> bool:
        """“We will,” he said, “do it.”: the second piece continues the first."""
        if prev.block != c.block or prev.close < 0 or c.prev is not None:
            return False
        gap = self.masked[prev.close + 1:c.open]
        if len(gap) > 120 or re.search(r"[.!?]", gap) or "\n" in gap:
            return False
        last = self.text[prev.end - 1] if prev.end > prev.start else ""
        if last in ".!?":
            return False
        first = self.text[c.start]
        if prev.attr_end > prev.close and re.fullmatch(r"[\s,;:—–\-]*",
                                                       self.masked[prev.attr_end:c.open]):
            return True  # “…,” he said, “…”
        return first.islower() and last in ",—–-" and gap.rstrip()[-1:] in (",", "—", "–")

    def _continues(self, prev: _Cand, c: _Cand) -> bool:
        """A cue-less quote right after an attributed one (nothing but the
        attribution and sentence ends between them)."""
        if prev.speaker is None or prev.close < 0:
            return False
        if c.block != prev.block:
            between = range(prev.block + 1, c.block)
            if any(self.blocks[k].kind != "stage" for k in between):
                return False
            if self.turn_first.get(c.block, -2) != self.turn_first.get(prev.block, -2):
                return False
            if c.close >= 0 and CUE_RE.search(re.split(r"[.!?\n]", self.masked[c.close + 1:c.close + 160])[0]):
                return False  # “…,” the PM’s spokesman told reporters: its own speaker, if unresolved
        gap = self.masked[max(prev.close + 1, prev.attr_end):c.open]
        if not re.fullmatch(r"[\s.,;:!?—–\-]*", gap) and not (
                # “…,” Peskov told reporters on a call. “…”: the rest of the sentence that
                # attributes the first quote, then the next sentence is a quote
                prev.attr_end > prev.close and c.block == prev.block and len(gap) <= 160
                and MASK not in gap and re.fullmatch(r"[^.!?\n]*[.!?]\s*", gap)):
            return False
        return self._starts_sentence(c.open, self.blocks[c.block].start)

    def _starts_sentence(self, o: int, lo: int) -> bool:
        m = self.masked
        j = o - 1
        while j >= lo and m[j].isspace():
            j -= 1
        if j < lo:
            return True
        if m[j] in ".!?:":
            return True
        return m[j] in _CLOSERS and j > lo and m[j - 1] in ".!?"

    def _kind(self, c: _Cand, lo: int) -> str:
        first = self.text[c.start]
        if first.isalpha() and first.islower():
            return "partial"
        if first.isdigit() and not self._starts_sentence(c.open, lo):
            return "partial"
        return "direct"

    def _filter(self, c: _Cand, lo: int) -> None:
        """Drop scare quotes, titles, terms and designations."""
        if c.prev is not None or c.split:
            return
        text = self.text
        content = text[c.start:c.end]
        words = content.split()
        nwords = len(words)
        ends_sentence = content[-1:] in ".!?…" or (content[-1:] in _CLOSERS and
                                                   content[-2:-1] in ".!?")
        m = self.masked
        pre = m[max(lo, c.open - 60):c.open]
        pw = re.findall(r"[\w’'\-]+", pre)
        prev_word = pw[-1].lower() if pw else ""
        prev2 = " ".join(w.lower() for w in pw[-2:])
        title_case = _title_case(words)
        explicit = c.how in ("explicit", "pronoun", "role", "label", "inherited") and \
            c.speaker is not None
        if prev_word in _TERM_WORDS or prev2 in ("known as", "referred to", "so called",
                                                 "attributable to", "attributed to",
                                                 "refer to", "called it"):
            if not explicit or prev_word in _TERM_WORDS - {"called", "named"}:
                c.drop = True
                return
        if nwords <= 2 and not ends_sentence and c.cue != "quote" and \
                (prev_word in _DETERMINERS or prev_word in _PREPOSITIONS) and \
                pre.rstrip()[-1:].isalnum() and not CUE_RE.search(m, max(lo, c.open - 25),
                                                                  c.open):
            c.drop = True  # a term: "what they mean by “mismatched data”"
            return
        if prev_word in _DETERMINERS and nwords <= 3 and not ends_sentence and \
                c.cue != "quote" and not self._starts_sentence(c.open, lo):
            c.drop = True  # a term: "when you say a “final proposal”"
            return
        if prev_word in ("called", "call", "calls", "calling") and not explicit and \
                (title_case or nwords <= 3):
            c.drop = True
            return
        has_cue = c.how is not None or c.cue is not None
        if not has_cue:
            pre_strip = pre.rstrip()
            if nwords <= 2 or (title_case and not ends_sentence and nwords <= 8):
                c.drop = True
            elif prev_word in _DETERMINERS or (prev_word in _PREPOSITIONS and
                                              pre_strip[-1:].isalnum()):
                c.drop = True  # "an “illegal”", "the principle of “…”"
            elif pre_strip.endswith(":") and c.turn >= 0:
                c.drop = True  # "the question is: “…?”" (no one says it)
            elif _LETTER_RE.match(m, c.close + 1 if c.close >= 0 else c.end) is None and \
                    nwords <= 4 and not ends_sentence and prev_word in _DETERMINERS:
                c.drop = True
            return
        if title_case and not ends_sentence and nwords <= 6 and c.how != "label" and \
                not self._starts_sentence(c.open, lo) and c.attr_end <= c.close and \
                c.cue != "quote" and pre.rstrip()[-1:] not in (":", ","):
            c.drop = True
            return
        if c.how == "heading" and nwords <= 2 and title_case:
            c.drop = True

    # -- 7. transcript turns ----------------------------------------------------------
    def _turn_quotes(self) -> list[Quote]:
        text = self.text
        doc = self.b.id
        names: dict[str, str] = {}
        info: dict[int, tuple[int, int, str, str | None, bool]] = {}
        for bi, bl in enumerate(self.blocks):
            if bl.kind != "turn" or not bl.speaker:
                continue
            speaker = names.get(bl.speaker)
            if speaker is None:
                speaker = names[bl.speaker] = self._turn_name(bl.speaker)
            lo = max(bl.start, bl.content_start) if bl.content_start >= 0 else bl.start
            q = bl.speaker == REPORTER
            info[bi] = (lo, bl.end, speaker, bl.speaker_label or ("Q" if q else None), q)
        out: list[Quote] = []
        seen: set[int] = set()
        letter = _LETTER_RE.search
        for sent in self.b.sentences:
            bi = sent.block
            inf = info.get(bi)
            if inf is None:
                continue
            seen.add(bi)
            lo, hi, speaker, label, q = inf
            s, e = sent.start, sent.end
            if s < lo or e > hi or text[s:s + 1].isspace() or text[e - 1:e].isspace():
                s, e = _clip(text, max(s, lo), min(e, hi))
            if e <= s or not letter(text, s, e):
                continue
            out.append(Quote(doc, s, e, text[s:e], speaker, label, label, "turn",
                             ((s, e),), None, q))
        for bi, inf in info.items():
            if bi in seen:
                continue
            lo, hi, speaker, label, q = inf
            for s, e in _split_sentences(text, lo, hi):
                s, e = _clip(text, s, e)
                if e <= s or not letter(text, s, e):
                    continue
                out.append(Quote(doc, s, e, text[s:e], speaker, label, label, "turn",
                                 ((s, e),), None, q))
        return out

    def _turn_name(self, speaker: str) -> str:
        """A surname-only label ("MR. ZIENTS" -> "Zients") gets the full name the
        document (or the list of well-known people) gives; "The President" the
        president the title or the text names ("Remarks by President Biden")."""
        if speaker == REPORTER:
            return speaker
        words = speaker.split()
        if len(words) >= 2 and all(_is_title_word(w) for w in words):
            role = words[-1].lower()
            mods = tuple(w.lower() for w in words[1:-1])
            tm = re.search(r"\b" + r"\s+".join(w.capitalize() for w in words[1:])
                           + r"\s+((?:[A-Z][\w’'\-.]*\s+){0,2}[A-Z][\w’'\-]+)", self.b.title)
            if tm:
                nm = person_name(parse_name_tokens(["Mr.", *tm.group(1).split()]))
                if nm:
                    p = self.people.surname(nm) if " " not in nm else None
                    p = p or self.people.person(nm)
                    return p.display if p is not None else nm
            p = self.people.resolve_role(role, mods, len(self.text))
            return p.display if p is not None else speaker
        if len(words) != 1:
            return speaker
        nm = person_name(parse_name_tokens(["Mr.", speaker]))
        if nm is None:
            return speaker
        if self._people is None:
            # cheap: only the full names matter here
            self._people = People(self.masked, dict(self.b.speakers), self.b.title)
        p = self.people.surname(speaker)
        if p is None:
            p = self.people.person(speaker)
        return p.display if p is not None else speaker


# --- helpers ---------------------------------------------------------------------------

_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


_OPEN_MARK_RE = re.compile("[“\"«„‹»‘]")


def _has_mark(text: str, lo: int, hi: int) -> bool:
    for ch in "“\"«„‹»‘":
        if text.find(ch, lo, hi) >= 0:
            return True
    return False


def _next_block(blocks: tuple[Block, ...], bi: int) -> Block | None:
    for k in range(bi + 1, len(blocks)):
        if blocks[k].kind != "stage":
            return blocks[k]
    return None


def _is_abbrev(m: str, dot: int, lo: int) -> bool:
    if m[dot] != ".":
        return False
    j = dot
    while j > lo and not m[j - 1].isspace():
        j -= 1
    word = m[j:dot].lower().lstrip("(“\"[")
    if not word:
        return False
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _title_case(words: list[str]) -> bool:
    seen = False
    for i, w in enumerate(words):
        core = w.strip("“”\"‘’«»,.;:!?()[]—–-…")
        if not core or not core[0].isalpha():
            continue
        if core[0].isupper():
            seen = True
            continue
        if i > 0 and core.lower() in _SMALL_WORDS:
            continue
        return False
    return seen


_OF_TITLE_RE = re.compile(r"(\w+)\s+of(?:\s+the)?(?:\s+[A-Z][\w’'\-]*)*"
                          r"(?:\s+(?:and|&))?\s*$")


def _title_of_before(s: str, rel: int) -> bool:
    """A title governing an "of" phrase before a name: "Secretary of Housing and
    Urban Development Scott Turner"."""
    m = _OF_TITLE_RE.search(s, max(0, rel - 80), rel)
    return bool(m and m.group(1).lower() in ROLE_HEADS)


def _is_title_word(tok: str) -> bool:
    low = tok.lower()
    return low in ROLE_HEADS or low in ("the", "vice", "prime", "first", "lady", "former")


def _whole_phrase(phrase: str, mention: str) -> bool:
    """Whether a label phrase is just the name (with its titles)."""
    p = phrase.strip(" *_[]")
    return len(p.split()) <= len(mention.split()) + 6


def _extend_role(s: str, rel: int) -> str | None:
    """The lower-case role before a name ("Kremlin spokesman" before "Dmitry Peskov")."""
    words = s[:rel].split()
    if not words or words[-1].lower() not in ROLE_HEADS:
        return None
    k = len(words) - 1
    while k > 0 and words[k - 1][:1].isupper() and words[k - 1][-1:] not in ".,;:":
        k -= 1
    return " ".join(words[k:])


def _clip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _split_sentences(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentences of a turn that came without ``briefing.sentences``."""
    return list(split_spans(text, lo, hi))

