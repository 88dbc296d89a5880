"""Incremental sync and passage search with exact highlight offsets."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefreader.core.errors import QueryError
from briefreader.core.library import Library
from tests.conftest import CORPUS, SEEDS, needs_corpus


def test_search_ceasefire_highlights_point_at_the_word(seeds_library: Library) -> None:
    result = seeds_library.search("ceasefire", limit=None)
    seed_hits = [h for h in result.hits if h.document == "000_c863c091f001229a.txt"]
    assert len(seed_hits) >= 3
    text = seeds_library.analysis("000_c863c091f001229a.txt").briefing.text
    for h in seed_hits:
        assert h.highlights
        for a, b in h.highlights:
            assert text[a:b].lower() == "ceasefire"
        assert h.snippet in text[h.start:h.end].replace("\n", " ")


def test_highlights_follow_stemming_and_phrases(seeds_library: Library) -> None:
    result = seeds_library.search('"arms control"', limit=None)
    assert result.total >= 1
    for h in result.hits:
        text = seeds_library.analysis(h.document).briefing.text
        words = {text[a:b].lower() for a, b in h.highlights}
        assert words <= {"arms", "control"} and words


def test_fields_speaker_date_title(seeds_library: Library) -> None:
    hits = seeds_library.search("speaker:kirby", limit=None).hits
    assert hits and all(h.speaker == "John Kirby" for h in hits)
    hits = seeds_library.search("date:2025 ceasefire", limit=None).hits
    assert hits and all(h.date and h.date.startswith("2025") for h in hits)
    hits = seeds_library.search("title:cybersecurity", limit=None).hits
    assert hits and all("ybersecurity" in h.title for h in hits)


def _entries(lib: Library, docs: set[str]) -> int:
    """Passages and quotes of these briefings, counted from the index's postings."""
    from whoosh.query import Term

    s = lib.index.searcher()
    return sum(len(list(s.docs_for_query(Term("doc", d)))) for d in docs)


def test_briefing_fields_match_every_entry_of_their_briefings(seeds_library: Library) -> None:
    """title: and date: are indexed once per briefing; a query on them means every
    passage and quote of the briefings they match, alone, negated, or mixed."""
    lib = seeds_library
    docs = {d.id: d for d in lib.documents()}
    titled = {i for i, d in docs.items() if "ybersecurity" in d.title}
    dated = {i for i, d in docs.items() if (d.date or "").startswith("2025")}
    assert titled and dated and titled != set(docs) and dated != set(docs)
    everything = lib.search("NOT nosuchword", limit=None)
    assert everything.total == _entries(lib, set(docs))
    for text, want in (("title:cybersecurity", titled), ("date:2025", dated),
                       ("NOT title:cybersecurity", set(docs) - titled),
                       ("title:cybersecurity OR date:2025", titled | dated),
                       ("title:cybersecurity AND NOT date:2025", titled - dated),
                       ("date:[2000-01-01 TO 2025-12-31]", {i for i, d in docs.items() if d.date})):
        result = lib.search(text, limit=None)
        assert {h.document for h in result.hits} == want, text
        assert result.total == len(result.hits) == _entries(lib, want), text
        assert all(h.kind in ("passage", "quote") for h in result.hits), text
    # mixed with words: the words' hits within those briefings only
    words = lib.search("president", limit=None)
    both = lib.search("president AND date:2025", limit=None)
    assert {(h.document, h.start) for h in both.hits} == \
        {(h.document, h.start) for h in words.hits if h.document in dated}
    assert lib.search("NOT president", limit=None).total == everything.total - words.total
    assert lib.search("kind:briefing", limit=None).total == 0
    # newest first: quotes sorted by the briefing's date
    dates = [docs[q.document].date or "" for q in lib.quotes(limit=None)]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("bad", ['"unclosed', "(a OR b", "nosuchfield:x", "ceasefire AND", "", "date:soon"])
def test_bad_queries_raise_one_line_errors(seeds_library: Library, bad: str) -> None:
    with pytest.raises(QueryError) as err:
        seeds_library.search(bad)
    assert "\n" not in str(err.value) and str(err.value)


def test_incremental_sync(tmp_path: Path, home: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    lib = Library([corpus], home=home)
    first = lib.sync(workers=1)
    n = first.added
    assert n == 9 and not first.failed
    again = lib.sync()
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, n)
    target = corpus / "000_c863c091f001229a.txt"
    os.utime(target, None)  # touched, same content: unchanged, no re-parse
    touched = lib.sync()
    assert (touched.updated, touched.unchanged) == (0, n)
    target.write_text(target.read_text() + "\nPeskov also mentioned zanzibarian walruses.\n")
    edited = lib.sync()
    assert (edited.added, edited.updated, edited.removed) == (0, 1, 0)
    assert lib.search("zanzibarian").total == 1
    assert lib.search("ceasefire", document="000_c863c091f001229a.txt", kind="passage").total == 3
    (corpus / "000_c863c091f001229a.txt").unlink()
    removed = lib.sync()
    assert removed.removed == 1 and lib.search("zanzibarian").total == 0
    assert len(lib.documents()) == n - 1
    lib.close()


def test_rebuilds_corrupt_index(tmp_path: Path, home: Path) -> None:
    lib = Library(None, home=home)
    lib.sync(workers=1)
    ixdir = lib.index.dir
    lib.close()
    for toc in ixdir.glob("_MAIN_*.toc"):
        toc.write_bytes(b"garbage")
    lib2 = Library(None, home=home)
    assert any("rebuilt" in m for m in lib2.messages)
    report = lib2.sync(workers=1)
    assert report.added == 9
    assert lib2.search("ceasefire").total >= 3
    lib2.close()


@needs_corpus
def test_speaker_names_resolved_from_title(tmp_path: Path, home: Path) -> None:
    f = CORPUS / "2021-01/2021-01-20-press-briefing-by-press-secretary-jen-psaki-january-20-2021.md"
    lib = Library([f], home=home)
    lib.sync(workers=1)
    hits = lib.search("speaker:psaki", limit=5).hits
    assert hits and {h.speaker for h in hits} == {"Jen Psaki"}
    lib.close()


def test_failed_file_is_not_read_again_until_it_changes(tmp_path: Path, home: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("The spokesman spoke about walruses.\n")
    bad = corpus / "bad.txt"
    bad.write_bytes(b"%PDF-1.4 binary")
    lib = Library([corpus], home=home)
    first = lib.sync(workers=1)
    assert first.added == 1 and [p for p, _ in first.failed] == [str(bad)]
    import briefreader.core.sync.syncer as library_module

    def no_read(path: Path) -> bytes:
        raise AssertionError(f"read again: {path}")

    monkeypatch.setattr(library_module, "read_bytes", no_read)
    second = lib.sync(workers=1)
    assert second.failed == first.failed and second.unchanged == 1
    monkeypatch.undo()
    bad.write_text("Now it is text about seals.\n")
    third = lib.sync(workers=1)
    assert third.added == 1 and not third.failed
    assert lib.search("seals").total == 1
    lib.close()


def test_filters_that_match_nothing_return_nothing(seeds_library: Library) -> None:
    assert seeds_library.search("vaccine", speaker="zelensky").total == 0
    assert seeds_library.search("vaccine", kind="note").hits == ()
    assert seeds_library.quotes(speaker="zelensky") == []
    assert seeds_library.quotes("ceasefire", kind="partial", speaker="kirby") == []


def test_phrases_and_date_ranges_are_valid_queries(seeds_library: Library) -> None:
    hits = seeds_library.search('"arms control" AND date:2025', limit=None).hits
    assert hits and all(h.date == "2025-04-04" for h in hits)
    ranged = seeds_library.search("ceasefire date:[2025-01-01 TO 2025-12-31]", limit=None)
    assert ranged.total >= 3
    assert seeds_library.search('"arms control" OR tariffs').total >= 2


def test_metadata_file_edit_and_rename_are_seen(tmp_path: Path, home: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = "# Heading one\n\nThe spokesman said little about walruses.\n"
    (corpus / "2021-01-01-alpha.txt").write_text(body)
    side = corpus / "2021-01-01-alpha.meta.yaml"
    side.write_text("title: First title\n")
    lib = Library([corpus], home=home)
    lib.sync(workers=1)
    assert lib.document("2021-01-01-alpha.txt").title == "First title"
    side.write_text("title: Second, longer title\n")
    report = lib.sync(workers=1)
    assert report.updated == 1
    assert lib.document("2021-01-01-alpha.txt").title == "Second, longer title"
    # the same bytes under another name and format: analysed afresh, not taken from the cache
    (corpus / "2022-05-05-beta-report.md").write_text(body)
    lib.sync(workers=1)
    beta = lib.analysis("2022-05-05-beta-report.md").briefing
    assert beta.date == "2022-05-05" and beta.text.startswith("Heading one")
    lib.close()


def test_analysing_code_change_reanalyses_everything(tmp_path: Path, home: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    lib = Library([corpus], home=home)
    lib.sync(workers=1)
    import briefreader.core.sync.syncer as library_module

    monkeypatch.setattr(library_module, "current_version", lambda folder: "a-new-version")
    report = lib.sync(workers=1)
    assert report.updated == 9 and report.unchanged == 0
    assert lib.catalog.get_meta("analysis_version") == "a-new-version"
    lib.close()


def test_quotes_of_a_described_speaker_are_found_by_the_description(tmp_path: Path, home: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2024-10-01-lobby.txt").write_text(
        "Downing Street said on Monday that the talks had been ‘constructive’.\n\n"
        "‘We want a deal,’ the Prime Minister’s official spokesman told reporters.\n\n"
        "“Nothing is agreed,” Keir Starmer said.\n")
    lib = Library([corpus], home=home)
    lib.sync(workers=1)
    got = lib.quotes(speaker="spokesman")
    assert [(q.speaker, q.speaker_mention, q.text) for q in got] == [
        (None, "the Prime Minister’s official spokesman", "We want a deal,")]
    assert [q.speaker for q in lib.quotes(speaker="starmer")] == ["Keir Starmer"]
    lib.close()
