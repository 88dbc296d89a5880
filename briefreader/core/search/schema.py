"""The Whoosh schema of the passage index: the fields of its entries."""

from __future__ import annotations

from whoosh import columns, fields
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer

# the fields a query may name (``speaker:peskov``, ``date:2025``, ``kind:quote``)
FIELDS = ("body", "title", "speaker", "date", "kind", "qkind", "tag", "doc")
SPEAKER_ANALYZER = RegexTokenizer(r"[\w'’\-]+") | LowercaseFilter()
# A briefing's own fields: indexed once, on the briefing's "briefing" entry, not on
# each of its ~200 passages (that cost 40% of the indexing time). A query's parts on
# them are turned into the set of briefings they match (lifting.lift).
BRIEFING_FIELDS = ("title", "date")
# A quote's context, searched only after its own words (``SearchEngine.search(...,
# context=True)``): the sentence(s) attributing it ("around") and its topic segment's
# label, keywords and summary ("topic"), the latter weighing less. Neither is stored
# nor kept with positions (a quote entry grows by ~2 short texts).
CONTEXT_FIELDS = ("around", "topic")
CONTEXT_BOOSTS = {"around": 1.0, "topic": 0.5}


def make_schema() -> fields.Schema:
    return fields.Schema(
        uid=fields.ID(unique=True, stored=True),  # notes only (passages go by briefing)
        doc=fields.ID(stored=True),  # the briefing of a passage, quote or note
        bdoc=fields.ID(stored=True),  # the briefing a "briefing" entry stands for
        kind=fields.ID(stored=True),  # passage | quote | note | briefing
        qkind=fields.ID(stored=True),  # turn | question | direct | partial | indirect | "" (plain passage)
        start=fields.STORED(),
        end=fields.STORED(),
        extra=fields.STORED(),  # JSON: speaker_mention, cue, segment, note id ...
        title=fields.TEXT(analyzer=StemmingAnalyzer()),  # briefing entries only
        date=fields.DATETIME(),  # briefing entries only
        day=fields.COLUMN(columns.NumericColumn("i")),  # YYYYMMDD of the briefing: newest first
        speaker=fields.TEXT(analyzer=SPEAKER_ANALYZER, stored=True),
        tag=fields.KEYWORD(lowercase=True, commas=True),
        body=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True, phrase=True),
        around=fields.TEXT(analyzer=StemmingAnalyzer(), phrase=False),  # quote entries only
        topic=fields.TEXT(analyzer=StemmingAnalyzer(), phrase=False),  # quote entries only
    )
