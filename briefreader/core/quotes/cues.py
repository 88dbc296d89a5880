"""Attribution of one quote by the words around it: a cue verb right after
the closing mark ("…,” he said", "…,” said Peskov), one before the opening mark
("Peskov said: “…”", "saying, “…”", "according to X, “…”"), a colon label
("Sen. Ted Cruz: “…”"), a dash and a name after it, or a cue later in the
sentence."""

from __future__ import annotations

import re

from briefreader.core.quotes.context import Doc
from briefreader.core.quotes.lexicon import INTRO_WORDS, PRONOUN_GENDER, STOP_CAPS, STRONG_CUES
from briefreader.core.quotes.patterns import (
    ACC_RE,
    CUE_RE,
    INVERTED_RE,
    LABEL_RE,
    MASK,
    NAME_DOT,
    POST_DASH_RE,
    POST_SV_RE,
    POST_VS_RE,
    QUOTE_MARKER_RE,
    WORD_RE,
    has_stop,
)
from briefreader.core.quotes.records import Candidate, How, SpeakerRef
from briefreader.core.quotes.subjects import Subjects

# a verb coordinated with an earlier one, sharing its subject ("…, and said")
_COORDINATED_RE = re.compile(r",?\s+(?:and|but)(?:\s+(?:also|then|later))?\s+$")
# …unless another clause with its own subject comes between ("I could say more, but
# if my mother were here, she’d look at me and say")
_NEW_SUBJECT_RE = re.compile(r"\b(?:[Ii]|[Ww]e|[Yy]ou|[Hh]e|[Ss]he|[Tt]hey|if|when|because|but|"
                             r"while|although)(?:[’']\w+)?\b")


class Cues:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.subjects = Subjects(doc)

    def attribute(self, c: Candidate, lo: int, hi: int) -> None:
        """Attribute ``c`` (in the block ``[lo, hi)``) from its sentence's cues."""
        m = self.doc.masked
        turn = c.turn
        after = c.close + 1 if c.close >= 0 else hi
        ss, se = self.doc.sentence(c.open, lo, hi)
        if c.close >= 0 and se <= c.close:
            se = self.doc.sentence(c.close, lo, hi)[1]
        # (a) a cue right after the closing mark: "…,” he said / said Peskov — first
        # when the quote ends as attributed quotes do (with a comma, ?, !, a dash)
        post_first = c.close >= 0 and (self.doc.text[c.end - 1] in ",?!—–‒―-…" or
                                       m[after:after + 2].lstrip()[:1] in (",", "—", "–", "‒",
                                                                           "―"))
        if post_first and self._post_cue(c, after, hi, turn):
            return
        if self._pre_cue(c, ss, turn):
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
                res = self.subjects.subject_before(after, cm.start(), turn)
                if res is None:
                    vs = POST_VS_RE.match(m, cm.start(), se)
                    if vs:
                        res = self.subjects.who(vs.group("subj"), vs.start("subj"), turn, tail=False)
                if res is not None:
                    self.assign(c, res, cm.group(1), None, cm.end())
                    return
                break

    def _pre_cue(self, c: Candidate, ss: int, turn: int) -> bool:
        """(b) A cue before the opening mark, in the same sentence (from ``ss``):
        "Peskov said: “…”", "described it as “…”", "saying, “…”", "according
        to X, “…”"."""
        m = self.doc.masked
        pre_end = c.open
        marker = QUOTE_MARKER_RE.search(m, ss, c.open)
        if marker:
            c.cue = "quote"
            pre_end = marker.start()
        # a colon label: "Sen. Ted Cruz: “…”"
        if pre_end > ss and self._label(c, ss, pre_end, turn):
            return True
        return self.cue_before(c, ss, pre_end, turn)

    def cue_before(self, c: Candidate, ss: int, pre_end: int, turn: int) -> bool:
        """A cue in ``[ss, pre_end)`` that introduces the quote: "Peskov said:",
        "Said Moreno:", "saying,", "according to X,"."""
        m = self.doc.masked
        im = INVERTED_RE.match(m, ss, pre_end)
        if im and im.end() == pre_end:
            res = self.subjects.who(im.group("subj"), im.start("subj"), turn, tail=False)
            if res is not None:
                self.assign(c, res, im.group("verb").lower(), None, -1)
                return True
        if self._quoted_as(c, ss, pre_end, turn):
            return True
        cues = list(CUE_RE.finditer(m, ss, pre_end))
        for cm in reversed(cues):
            if cm.group(1):
                res = self.subjects.subject_before(ss, cm.start(), turn)
                if res is not None:
                    self.assign(c, res, cm.group(1), None, cm.end())
                    return True
                earlier = [x for x in cues if x.group(1) and x.start() < cm.start()]
                if earlier and _COORDINATED_RE.search(m, max(ss, cm.start() - 12), cm.start()) \
                        and not _NEW_SUBJECT_RE.search(m, earlier[-1].end(), cm.start()):
                    continue  # "X said …, and said “…”": the earlier verb's subject
                if cm.group(1).lower() in STRONG_CUES or c.cue == "quote":
                    c.cue = cm.group(1)  # "reports said", "she’d look at me and say"
                    return True
            elif cm.group(2):
                res = self.subjects.with_subject(ss, cm.start(), turn)
                if res is None:
                    res = self.subjects.main_subject(ss, cm.start(), turn)
                if res is not None:
                    self.assign(c, res, cm.group(2), None, cm.end())
                    return True
                c.cue = cm.group(2)
                return True
            else:
                am = ACC_RE.match(m, cm.start(), pre_end)
                if am:
                    res = self.subjects.who(am.group("subj"), am.start("subj"), turn, tail=False)
                    if res is not None:
                        self.assign(c, res, "according to", None, am.end())
                        return True
        return False

    def _label(self, c: Candidate, ss: int, pre_end: int, turn: int) -> bool:
        """A name (with titles) and a colon before the quote: "Sen. Ted Cruz
        (R-TX): “…”", "American Iron and Steel Institute President Kevin Dempsey:"."""
        m = self.doc.masked
        lm = LABEL_RE.fullmatch(m, ss, pre_end)
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
        res = self.subjects.who(phrase, pos, turn)
        if res is not None and res.how == "explicit" and (res.person is not None or res.name):
            if res.person is None and len(phrase.split()) <= 6:
                res = SpeakerRef("explicit", None, phrase, pos, phrase)
            self.assign(c, res, ":", "label")
            return True
        if res is None and len(words) <= 4 and words[0][:1].isupper() and \
                self.doc.starts_block(ss):
            # a description standing for a name: "Pennsylvania resident: “…”"
            self.assign(c, SpeakerRef("explicit", None, phrase, pos, phrase), ":", "label")
            return True
        return False

    def _post_cue(self, c: Candidate, after: int, hi: int, turn: int) -> bool:
        """A cue right after the closing mark (at ``after``)."""
        m = self.doc.masked
        limit = min(hi, after + 160)
        content_end = m[c.close - 1] if c.close > 0 else ""
        nxt = WORD_RE.search(m, after, limit)
        if nxt is None:
            return False
        if re.search(r"[.!?]", m[after:nxt.start()]) or "\n" in m[after:nxt.start()]:
            return False
        if self._dash_name(c, after, limit, turn):
            return True  # "“…” ― Mara Velt", whatever ends the quote
        if content_end == "." and nxt.group()[:1].isupper() and \
                nxt.group().lower() not in PRONOUN_GENDER:
            return False  # the quote ended a sentence; a new one starts
        if self._quoted_as(c, after, limit, turn):
            return True
        who = self.subjects.who
        sv = POST_SV_RE.match(m, after, limit)
        if sv and not has_stop(m, after, sv.start("verb")):
            subj = sv.group("subj")
            if subj.strip().lower() in ("and", "but", "and then", "then", "and also"):
                return False  # "…”, and said …": the sentence's subject goes on; a cue before
            if subj.strip():
                res = who(subj, sv.start("subj"), turn)
                if res is not None:
                    self.assign(c, res, sv.group("verb"), None, sv.end())
                    return True
                if sv.group("verb").lower() in STRONG_CUES and len(subj.split()) <= 4:
                    c.cue = sv.group("verb")
                    c.attr_end = sv.end()
                    return True
        vs = POST_VS_RE.match(m, after, limit)
        if vs:
            res = who(vs.group("subj"), vs.start("subj"), turn, tail=False)
            if res is None or (res.person is None and res.how == "role"):
                # "said the lawyer, Dan Pratt.": the name in apposition to the role
                an = _APPOSITIVE_NAME_RE.match(m, vs.end(), limit)
                named = who(an.group(1), an.start(1), turn, tail=False) if an else None
                if named is not None and named.how == "explicit" and named.person is not None:
                    res = named
            if res is not None:
                self.assign(c, res, vs.group("verb"), None, vs.end())
                return True
        am = ACC_RE.match(m, after, limit)
        if am:
            res = who(am.group("subj"), am.start("subj"), turn, tail=False)
            if res is not None:
                self.assign(c, res, "according to", None, am.end())
                return True
        return False

    def _quoted_as(self, c: Candidate, lo: int, hi: int, turn: int) -> bool:
        """"the BBC quoted Hale as saying", "Hale was quoted as saying (by the
        Times)": the person quoted speaks, not the medium."""
        m = self.doc.masked
        if m.find("quoted", lo, hi) < 0:
            return False  # (the pattern is slow to fail: only tried where it may hold)
        qm = _QUOTED_AS_RE.search(m, max(lo, m.find("quoted", lo, hi) - 70), hi)
        if qm is None or (lo < c.open and qm.end() < hi and m[qm.end():hi].strip(" ,:")):
            return False  # before the quote, the phrase must end where the quote opens
        if qm.group("obj"):
            res = self.subjects.who(qm.group("obj"), qm.start("obj"), turn, tail=False)
        else:
            res = self.subjects.who(qm.group("subj"), qm.start("subj"), turn)
        if res is None or (res.person is None and not res.name):
            return False
        self.assign(c, res, "quoted", None, qm.end())
        return True

    def _dash_name(self, c: Candidate, after: int, limit: int, turn: int) -> bool:
        """A dash (em, en, figure dash, horizontal bar) and a name after the quote."""
        m = self.doc.masked
        dm = POST_DASH_RE.match(m, after, limit)
        if dm:
            res = self.subjects.who(dm.group("subj"), dm.start("subj"), turn, tail=False)
            if res is not None and res.how == "explicit" and _whole_phrase(dm.group("subj"),
                                                                           res.mention):
                self.assign(c, res, dm.group().strip()[:1], "label", dm.end())
                return True
        return False

    def assign(self, c: Candidate, res: SpeakerRef, cue: str | None, how: How | None,
               attr_end: int = -1) -> None:
        """Give ``c`` the speaker ``res`` names (and remember them for pronouns)."""
        c.how = how or res.how
        c.person = res.person
        c.speaker = res.person.display if res.person is not None else res.name
        c.mention = res.mention.strip(" ,") if res.mention else None
        if cue is not None:
            c.cue = cue
        c.attr_end = attr_end
        if res.person is not None and res.how in ("explicit", "pronoun", "role"):
            self.doc.antecedents.add_event(res.pos, res.person)
        self.subjects.sources.note(res)


# a name in commas after a role that follows the verb: "said the lawyer, Dan Pratt."
_APPOSITIVE_NAME_RE = re.compile(r"\s*,\s*((?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'\-]+)"
                                 r"\s*(?=[.,;!?]|$)")


# a medium quoting someone: "the BBC quoted Hale as saying", "Hale was quoted as saying"
_PHRASE = r"(?:[^,.;:!?" + MASK + r"“”\"]|" + NAME_DOT + r"){1,60}?"
_QUOTED_AS_RE = re.compile(
    r"(?:\bquoted\s+(?P<obj>" + _PHRASE + r")"
    r"|(?:^|(?<=[\s,]))(?P<subj>" + _PHRASE + r")\s+(?:was|were|is|has\s+been)"
    r"\s+quoted)\s+as\s+(?:saying|having\s+said)\b")


def _whole_phrase(phrase: str, mention: str) -> bool:
    """Whether a label phrase is just the name (with its titles)."""
    p = phrase.strip(" *_[]")
    return len(p.split()) <= len(mention.split()) + 6
