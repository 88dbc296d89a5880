"""Quote extraction and speaker attribution: the phases put together.

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
only looked for in the narration. The phases: quoted regions and masking
(:mod:`.candidates`), attribution (:mod:`.attribution`, :mod:`.cues`,
:mod:`.subjects`, with the document's people in :mod:`.people`,
:mod:`.mentions`, :mod:`.pronouns`), filtering (:mod:`.filtering`), and
transcript turns (:mod:`.turns`).
"""

from __future__ import annotations

from operator import attrgetter

from briefreader.core.model import Briefing, Quote
from briefreader.core.quotes.attribution import Attributor
from briefreader.core.quotes.candidates import find_candidates, mask
from briefreader.core.quotes.context import Doc
from briefreader.core.quotes.indirect import indirect_quotes
from briefreader.core.quotes.nested import inner_quotes
from briefreader.core.quotes.turns import turn_quotes

_SPAN = attrgetter("start", "end")  # document order (no Python call per quote)


def extract_quotes(briefing: Briefing, indirect: bool = True) -> tuple[Quote, ...]:
    """The quotes of ``briefing`` in document order (see the module docstring);
    ``indirect=False`` leaves reported speech out."""
    doc = Doc.of(briefing)
    cands = find_candidates(doc.text, doc.blocks)
    out: list[Quote] = []
    doc.masked = mask(doc.text, doc.blocks, cands) if cands else doc.text
    attributor = Attributor(doc)
    if cands:
        attributor.run(cands)
        cands = cands + inner_quotes(doc, cands, attributor.cues.subjects)
    if indirect and not doc.transcript:
        cands = cands + indirect_quotes(doc, attributor.cues.subjects, cands)
    if cands:
        cands.sort(key=_SPAN)
        docid = briefing.id
        text = doc.text
        for c in cands:
            if not c.drop:
                out.append(Quote(docid, c.start, c.end, text[c.start:c.end], c.speaker,
                                 c.mention, c.cue, c.kind, ((c.start, c.end),)))
    if doc.transcript:
        out.extend(turn_quotes(doc))
        out.sort(key=_SPAN)
    return tuple(out)
