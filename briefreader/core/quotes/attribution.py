"""Phase 2: the attribution of every candidate, block by block.

``Attributor.run`` walks the blocks in order: a quote gets its kind, then a
speaker from its own cues (:mod:`.cues`); one without takes it from the quote it
continues (“We will,” he said, “do it.”; the next paragraph of a
multi-paragraph quote; a cue-less quote right after an attributed one), or from
a round-up heading naming a person; then scare quotes and terms are dropped
(:mod:`.filtering`).
"""

from __future__ import annotations

import re

from briefreader.core.model import Block
from briefreader.core.quotes.context import Doc
from briefreader.core.quotes.cues import Cues
from briefreader.core.quotes.filtering import kind_of, not_a_quote
from briefreader.core.quotes.lexicon import LINK_MARKERS, ROLE_HEADS, SMALL_WORDS
from briefreader.core.quotes.marks import has_open_mark
from briefreader.core.quotes.mentions import CHUNK
from briefreader.core.quotes.names import RUN_RE, parse_name_tokens, person_name
from briefreader.core.quotes.patterns import CUE_RE, HEADING_TAIL_RE, MASK, WORD_RE
from briefreader.core.quotes.records import Candidate, HeadingSpeaker

# a sentence after the previous quote's sentence, by its first word
_NEXT_SENTENCE_RE = re.compile(r"[.!?]\s+([A-Z][\w’']*)")


class Attributor:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.cues = Cues(doc)

    def run(self, cands: list[Candidate]) -> None:
        """Attribute (or drop) every candidate, in document order."""
        blocks = self.doc.blocks
        heading: HeadingSpeaker | None = None
        ci = 0
        n = len(cands)
        prev: Candidate | None = None
        for bi, bl in enumerate(blocks):
            if ci >= n:
                break
            if cands[ci].block != bi:
                if bl.kind in ("heading", "paragraph"):
                    hs = self._heading_speaker(bl)
                    if hs is not None:
                        heading = hs
                    elif bl.kind == "heading" or self.doc.transcript:
                        heading = None
                continue
            lo, hi = bl.start, bl.end
            turn = self.doc.turn_first.get(bi, -1)
            if bl.kind == "turn" and bl.content_start >= 0:
                lo = max(lo, bl.content_start)
            while ci < n and cands[ci].block == bi:
                c = cands[ci]
                ci += 1
                c.turn = turn
                self._attribute(c, prev, heading, bl, lo, hi)
                if not_a_quote(self.doc, c, lo):
                    c.drop = True
                if not c.drop:
                    prev = c
        self._spread(cands)

    def _attribute(self, c: Candidate, prev: Candidate | None, heading: HeadingSpeaker | None,
                   bl: Block, lo: int, hi: int) -> None:
        """One candidate's kind and speaker (``prev``: the last quote kept)."""
        c.kind = kind_of(self.doc, c, lo)
        if c.prev is not None:
            c.kind = c.prev.kind
        self.cues.attribute(c, lo, hi)
        if prev is not None and self._is_split(prev, c):
            c.split = True
            c.kind = prev.kind
            if prev.speaker is not None or c.how is None:
                _inherit(c, prev)
        if c.how is None and c.prev is not None:
            _inherit(c, c.prev)
        if c.how is None and c.cue is None and prev is not None and \
                self._continues(prev, c):
            _inherit(c, prev)
            c.how = "inherited"
        if c.how is None and c.cue is None and c.turn < 0 and self._opens_block(c, bl):
            self._from_previous_paragraph(c, prev)
        if c.how is None and c.cue is None and c.turn < 0 and c.open > bl.start and \
                self.doc.starts_sentence(c.open, bl.start):
            self._after_reported_speech(c, bl.start, c.open)
        if c.how is None and heading is not None and c.turn < 0 and \
                bl.kind in ("list_item", "paragraph", "quote_block") and \
                self._main_content(c, bl):
            c.speaker, c.mention, c.how = heading.name, heading.mention, "heading"

    def _opens_block(self, c: Candidate, bl: Block) -> bool:
        """Whether the paragraph is only quotation (nothing but marks and
        punctuation outside the quoted parts)."""
        m = self.doc.masked
        if m[bl.start:c.open].strip():
            return False
        rest = m[c.close + 1:bl.end] if c.close >= 0 else ""
        return not WORD_RE.search(rest.replace(MASK, " "))

    def _from_previous_paragraph(self, c: Candidate, prev: Candidate | None) -> None:
        """A paragraph that is only a quotation: introduced by the previous
        paragraph's closing cue ("Whitfield continued:"), or continuing the
        speaker of the previous paragraph's last quote when no one else is
        named after it."""
        blocks = self.doc.blocks
        k = c.block - 1
        while k >= 0 and blocks[k].kind == "stage":
            k -= 1
        if k < 0 or blocks[k].kind not in ("paragraph", "quote_block", "list_item"):
            return
        pb = blocks[k]
        m = self.doc.masked
        body = m[pb.start:pb.end].rstrip()
        if body.endswith(":"):
            end = pb.start + len(body) - 1
            ss = self.doc.sentence(end - 1, pb.start, end)[0]
            if self.cues.cue_before(c, ss, end, c.turn) and c.how is not None:
                return
            c.cue = None
        if prev is None or prev.block != k:
            self._after_reported_speech(c, pb.start, pb.start + len(body))
            return
        if prev.speaker is None or prev.close < 0:
            return
        after = m[max(prev.close + 1, prev.attr_end):pb.end]
        if CUE_RE.search(after) or MASK in after:
            return  # another statement (or its speaker) follows the quote
        for r in RUN_RE.finditer(after):
            nm = person_name(parse_name_tokens(r.group().split()))
            if nm is not None and len(nm.split()) >= 2 and prev.speaker not in nm:
                return  # someone else is named after the quote
        for sm in _NEXT_SENTENCE_RE.finditer(after):
            if sm.group(1).lower() not in ("he", "she", "they", "it") and \
                    sm.group(1) not in prev.speaker.split():
                return  # a sentence about someone else ("Her deputy was less sure.")
        if self._someone_else_named(prev, max(prev.close + 1, prev.attr_end), pb.end):
            return
        _inherit(c, prev)
        c.how = "inherited"

    def _someone_else_named(self, prev: Candidate, lo: int, hi: int) -> bool:
        """Whether a person other than ``prev``'s speaker is mentioned in
        ``[lo, hi)`` ("…,” Reed said, after Hale left.")."""
        mentions = self.doc.antecedents.mentions
        own = prev.person.canon() if prev.person is not None else None
        words = set(prev.speaker.split()) if prev.speaker else set()
        for k in range(lo // CHUNK, (hi - 1) // CHUNK + 1 if hi > lo else 0):
            for m in mentions.chunk(k):
                if m.start < lo or m.end > hi:
                    continue
                if m.person is not None and own is not None and m.person.canon() is own:
                    continue
                if m.person is not None and set(m.person.canon().name.split()) <= words:
                    continue
                return True
        return False

    def _after_reported_speech(self, c: Candidate, lo: int, end: int) -> None:
        """A quote opening a sentence right after a sentence of reported speech
        without quotation marks ("Heald said ozone has dropped. “…”"): the
        reported speaker's words continue."""
        m = self.doc.masked
        j = end
        while j > lo and m[j - 1].isspace():
            j -= 1
        if j <= lo or m[j - 1] not in ".!?":
            return
        ss, _ = self.doc.sentence(j - 1, lo, j)
        sent = m[ss:j]
        if MASK in sent or not sent.strip():
            return
        for cm in CUE_RE.finditer(m, ss, j):
            if not cm.group(1):
                continue
            res = self.cues.subjects.subject_before(ss, cm.start(), c.turn)
            if res is not None and (res.person is not None or res.name):
                self.cues.assign(c, res, None, "inherited")
            return

    def _spread(self, cands: list[Candidate]) -> None:
        """Attributions that reach back: to the earlier pieces of a multi-paragraph
        quote, and to a cue-less quote followed directly by an attributed one."""
        # a multi-paragraph quote: the attribution of any piece applies to all
        for c in reversed(cands):
            p = c.prev
            if p is not None and p.speaker is None and c.speaker is not None:
                _inherit(p, c)
        # a cue-less quote followed directly by an attributed one
        for i in range(len(cands) - 2, -1, -1):
            c, d = cands[i], cands[i + 1]
            if c.drop or d.drop or c.how is not None or c.cue is not None or d.speaker is None:
                continue
            if c.close < 0 or d.block != c.block or d.prev is not None:
                continue
            if re.fullmatch(r"[\s.!?]*", self.doc.masked[c.close + 1:d.open]) and \
                    d.attr_end > d.close:
                _inherit(c, d)
                c.how = "inherited"

    def _heading_speaker(self, bl: Block) -> HeadingSpeaker | None:
        """A heading or short bold-like line naming a person ("Secretary of the
        Treasury Scott Bessent on Sunday Morning Futures")."""
        t = bl.text.strip().strip("*_#").strip()
        if not t or len(t) > 160 or has_open_mark(t, 0, len(t)):
            return None
        lead = re.match(r"([A-Za-z]+)(?:\s+[A-Za-z]+)?\s*[:|—–-]", t)
        if lead and lead.group(1).lower() in LINK_MARKERS:
            return None  # "READ MORE: …", "Related — …": a link to another story
        if bl.kind != "heading" and (t[-1] in ".?!," or len(t.split()) > 16):
            return None
        head = HEADING_TAIL_RE.sub("", t).strip(" :—–-")
        head = re.sub(r"\s*\([^)]*\)\s*$", "", head).strip()
        if not head or not head[0].isupper():
            return None
        parse = parse_name_tokens(head.split())
        nm = person_name(parse)
        if nm is None:
            return None
        if len(nm.split()) < 2 and not parse.titled:
            return None
        if any(x[:1].islower() and x.lower() not in SMALL_WORDS and x.lower() not in ROLE_HEADS
               for x in parse.prefix):
            return None
        p = self.doc.people.person(nm, parse.gender)
        return HeadingSpeaker(p.display if p else nm, head)

    def _main_content(self, c: Candidate, bl: Block) -> bool:
        """Whether a quote is what its block is made of (after an optional topic
        label "On tariffs: "), as in a round-up's list of quotes."""
        m = self.doc.masked
        pre = re.sub(r"\s*\[[^\]]*\]$", "", m[bl.start:c.open].strip())
        if pre and not (pre[-1] in ":—–" and len(pre.split()) <= 20):
            return False
        if c.close < 0:
            return True
        post = m[c.close + 1:bl.end].replace(MASK, " ")
        return len(WORD_RE.findall(post)) <= 3

    def _is_split(self, prev: Candidate, c: Candidate) -> bool:
        """“We will,” he said, “do it.”: the second piece continues the first."""
        if prev.block != c.block or prev.close < 0 or c.prev is not None:
            return False
        m = self.doc.masked
        text = self.doc.text
        gap = m[prev.close + 1:c.open]
        if len(gap) > 120 or re.search(r"[.!?]", gap) or "\n" in gap:
            return False
        last = text[prev.end - 1] if prev.end > prev.start else ""
        if last in ".!?":
            return False
        first = text[c.start]
        if prev.attr_end > prev.close and re.fullmatch(r"[\s,;:—–\-]*", m[prev.attr_end:c.open]):
            return True  # “…,” he said, “…”
        return first.islower() and last in ",—–-" and gap.rstrip()[-1:] in (",", "—", "–")

    def _continues(self, prev: Candidate, c: Candidate) -> bool:
        """A cue-less quote right after an attributed one (nothing but the
        attribution and sentence ends between them)."""
        if prev.speaker is None or prev.close < 0:
            return False
        m = self.doc.masked
        blocks = self.doc.blocks
        turn_first = self.doc.turn_first
        if c.block != prev.block:
            between = range(prev.block + 1, c.block)
            if any(blocks[k].kind != "stage" for k in between):
                return False
            if turn_first.get(c.block, -2) != turn_first.get(prev.block, -2):
                return False
            if c.close >= 0 and CUE_RE.search(re.split(r"[.!?\n]", m[c.close + 1:c.close + 160])[0]):
                return False  # “…,” the PM’s spokesman told reporters: its own speaker, if unresolved
        gap = m[max(prev.close + 1, prev.attr_end):c.open]
        if not re.fullmatch(r"[\s.,;:!?—–\-]*", gap) and not (
                # “…,” Peskov told reporters on a call. “…”: the rest of the sentence that
                # attributes the first quote, then the next sentence is a quote
                prev.attr_end > prev.close and c.block == prev.block and len(gap) <= 160
                and MASK not in gap and re.fullmatch(r"[^.!?\n]*[.!?]\s*", gap)):
            return False
        if self._someone_else_named(prev, prev.close + 1, c.open):
            return False  # “…,” said Reed, whom the mayor praised. “…”: either of them
        return self.doc.starts_sentence(c.open, blocks[c.block].start)


def _inherit(c: Candidate, src: Candidate) -> None:
    """``c`` gets ``src``'s speaker (and its cue and how, if it has none)."""
    c.person, c.speaker, c.mention = src.person, src.speaker, src.mention
    if c.cue is None or c.cue == "quote":
        c.cue = src.cue
    if c.how is None or c.how == "inherited":
        c.how = src.how
