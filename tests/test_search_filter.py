"""The search interface: the facade, the CLI and the UI see no Whoosh (only the
``briefreader.core.search`` package's public API), and a ``SearchFilter`` restricts
the results of a small index as its words say."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefreader.core.errors import QueryError
from briefreader.core.library import Library
from briefreader.core.search import IndexHit, SearchFilter

PACKAGE = Path(__file__).resolve().parents[1] / "briefreader"
# index field names: the facade says what it wants in a SearchFilter's words instead
FIELD_NAMES = {"qkind", "kind", "doc", "bdoc", "uid", "speaker", "body", "tag", "day", "extra"}


def _front_files() -> list[Path]:
    files = [PACKAGE / "core" / "library.py", *PACKAGE.glob("cli*.py"), *(PACKAGE / "ui").rglob("*.py")]
    assert len(files) > 5
    return files


def _imports(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            if node.module == "briefreader.core.search":
                yield from (f"{node.module}.{a.name}" for a in node.names
                            if a.name in ("whoosh_engine", "store", "query", "searching", "schema"))


@pytest.mark.parametrize("path", _front_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_facade_cli_and_ui_never_import_whoosh(path: Path) -> None:
    imported = _imports(path)
    assert imported, f"no import read from {path.name}"
    for name in imported:
        assert name.split(".")[0] != "whoosh", f"{path.name} imports {name}"
        assert not name.startswith("briefreader.core.search."), \
            f"{path.name} imports {name}: use the public API of briefreader.core.search"
        assert name != "briefreader.core.index", f"{path.name} imports {name}"


def test_library_names_no_index_field() -> None:
    tree = ast.parse((PACKAGE / "core" / "library.py").read_text(encoding="utf-8"))
    literals = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    assert not literals & FIELD_NAMES, literals & FIELD_NAMES


# -- SearchFilter -> results -------------------------------------------------------
TRANSCRIPT = """Press Briefing by Press Secretary Karine Jean-Pierre

MS. JEAN-PIERRE: Good afternoon. The President will travel to Ohio on Friday. We are working every day on the \
ceasefire.

Q Will the President meet the governor about the ceasefire?

MS. JEAN-PIERRE: He will meet the governor on Friday. The ceasefire talks continue.
"""
REPORT = """Kremlin comments on talks

Kremlin spokesman Dmitry Peskov said on Tuesday that the talks would go on. "The ceasefire is holding, and we \
expect more talks," Peskov told reporters.

Peskov added that Moscow was "ready for a ceasefire extension" if Kyiv agreed.
"""
WH, KREMLIN = "2024-03-01-press-briefing.txt", "2025-06-10-kremlin-report.txt"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / WH).write_text(TRANSCRIPT)
    (corpus / KREMLIN).write_text(REPORT)
    lib = Library([corpus], home=tmp_path_factory.mktemp("home"))
    report = lib.sync(workers=1)
    assert report.added == 2 and not report.failed
    text = lib.analysis(WH).briefing.text
    at = text.index("Ohio")
    lib.add_note(WH, at, at + 4, "ceasefire trip? check the date")
    yield lib
    lib.close()


def _search(lib: Library, text: str | None, flt: SearchFilter) -> list[IndexHit]:
    result = lib.index.search(text, flt, limit=None)
    assert result.total == len(result.hits)
    return result.hits


def test_indirect_quotes_by_filter_and_by_query(small: Library) -> None:
    """Reported speech is indexed as quotes of kind "indirect": the filter and
    ``qkind:indirect`` in a query find the same entries, the content without the cue."""
    by_filter = _search(small, None, SearchFilter(quote_kind="indirect", speaker="peskov"))
    assert by_filter and {h.quote_kind for h in by_filter} == {"indirect"}
    texts = [h.text for h in by_filter]
    assert "the talks would go on" in texts
    assert not any(" said " in f" {t} " for t in texts)  # the cue is not in the span
    by_query = _search(small, "qkind:indirect speaker:peskov", SearchFilter())
    assert {(h.document, h.start) for h in by_query} == {(h.document, h.start) for h in by_filter}


def test_speaker_filter_returns_only_that_speakers_quotes(small: Library) -> None:
    peskov = _search(small, None, SearchFilter(kind="quote", speaker="peskov"))
    assert {h.speaker for h in peskov} == {"Dmitry Peskov"}
    assert {h.quote_kind for h in peskov} == {"direct", "partial", "indirect"}
    kjp = _search(small, "ceasefire", SearchFilter(kind="quote", speaker="jean-pierre"))
    assert kjp and {h.speaker for h in kjp} == {"Karine Jean-Pierre"}
    assert {h.document for h in kjp} == {WH}
    assert _search(small, None, SearchFilter(kind="quote", speaker="zelensky")) == []
    # through the facade
    assert {q.speaker for q in small.quotes(speaker="peskov", limit=None)} == {"Dmitry Peskov"}


def test_kind_filter_returns_only_that_kind(small: Library) -> None:
    every = _search(small, "ceasefire", SearchFilter())
    assert {h.kind for h in every} == {"passage", "quote", "note"}
    for kind in ("passage", "quote", "note"):
        hits = _search(small, "ceasefire", SearchFilter(kind=kind))
        assert hits, kind
        if kind == "quote":  # quotes, and the spokespeople's turns (quotes of kind "turn")
            assert all(h.kind == "quote" or (h.kind, h.quote_kind) == ("passage", "turn") for h in hits)
        else:
            assert {h.kind for h in hits} == {kind}
    for quote_kind in ("direct", "partial", "turn", "question"):
        hits = _search(small, "ceasefire", SearchFilter(quote_kind=quote_kind))
        assert hits and {h.quote_kind for h in hits} == {quote_kind}, quote_kind
    assert {h.kind for h in small.search("ceasefire", kind="note", limit=None).hits} == {"note"}


def test_document_filter_returns_only_that_document(small: Library) -> None:
    every = _search(small, "ceasefire", SearchFilter())
    both = 0
    for doc in (WH, KREMLIN):
        hits = _search(small, "ceasefire", SearchFilter(documents=(doc,)))
        assert hits and {h.document for h in hits} == {doc}
        both += len(hits)
    assert both == len(every)
    assert len(_search(small, "ceasefire", SearchFilter(documents=(WH, KREMLIN)))) == len(every)
    assert {h.document for h in small.search("ceasefire", document=KREMLIN, limit=None).hits} == {KREMLIN}


def test_date_range_filter(small: Library) -> None:
    hits = _search(small, "ceasefire", SearchFilter(date_from="2025-01-01"))
    assert hits and {h.document for h in hits} == {KREMLIN}
    hits = _search(small, "ceasefire", SearchFilter(date_to="2024-03-01"))
    assert hits and {h.document for h in hits} == {WH}
    hits = _search(small, None, SearchFilter(kind="quote", date_from="2024-03-01", date_to="2024-03-01"))
    assert hits and {h.document for h in hits} == {WH}
    assert _search(small, "ceasefire", SearchFilter(date_from="2024-03-02", date_to="2025-06-09")) == []


def test_filters_combine(small: Library) -> None:
    hits = _search(small, None, SearchFilter(kind="quote", speaker="peskov", documents=(WH,)))
    assert hits == []
    hits = _search(small, "ceasefire", SearchFilter(kind="passage", documents=(WH,)))
    assert hits and all(h.kind == "passage" and h.document == WH for h in hits)


@pytest.mark.parametrize("flt, message", [
    (SearchFilter(kind="briefing"), "unknown kind 'briefing'"),
    (SearchFilter(quote_kind="reported"), "unknown quote kind 'reported'"),
    (SearchFilter(kind="note", quote_kind="direct"), "a quote kind filters quotes"),
    (SearchFilter(date_from="March"), "bad date 'March'"),
    (SearchFilter(speaker="  "), "empty speaker name"),
])
def test_bad_filters_raise_one_line_errors(small: Library, flt: SearchFilter, message: str) -> None:
    with pytest.raises(QueryError) as err:
        small.index.search("ceasefire", flt)
    assert str(err.value).startswith(message) and "\n" not in str(err.value)
