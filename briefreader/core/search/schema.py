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
    )
