"""`briefreader notes`: add, list, export (md/json), import round trip, search by tag."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import SEED, SEEDS, run_env


def br(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefreader", *args], capture_output=True, text=True,
                          env=run_env(home), timeout=120)


def test_notes_add_list_export_import_round_trip(tmp_path: Path) -> None:
    home = tmp_path / "home"
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    seed = corpus / SEED.name
    passage = "All sides must maintain absolute restraint"
    out = br(home, "notes", "add", str(seed), "--in", str(corpus), "--quote", passage,
             "--body", "Iran: calls for restraint #iran", "--tag", "Kremlin", "--json")
    assert out.returncode == 0, out.stderr
    note = json.loads(out.stdout)
    text = seed.read_text(encoding="utf-8")
    assert text[note["start"]:note["end"]] == passage
    assert set(note["tags"]) == {"iran", "kremlin"}

    listed = json.loads(br(home, "notes", "list", "--in", str(corpus), "--json").stdout)["notes"]
    assert [n["id"] for n in listed] == [note["id"]] and listed[0]["state"] == "placed"
    assert json.loads(br(home, "notes", "list", "--in", str(corpus), "--tag", "nope", "--json").stdout)["notes"] == []

    # notes are searchable: kind:note and tag:
    hits = json.loads(br(home, "search", "tag:iran", str(corpus), "--json").stdout)["hits"]
    assert [h["kind"] for h in hits] == ["note"]
    hits = json.loads(br(home, "search", "restraint AND kind:note", str(corpus), "--json").stdout)["hits"]
    assert len(hits) == 1 and all(text[a:b].lower() == "restraint" for a, b in hits[0]["highlights"])

    md = br(home, "notes", "export", "--in", str(corpus), "--format", "md").stdout
    assert passage in md and "Iran: calls for restraint" in md and "2025-04-04" in md

    export = tmp_path / "notes.json"
    out = br(home, "notes", "export", "--in", str(corpus), "--format", "json", "-o", str(export))
    assert out.returncode == 0, out.stderr
    data = json.loads(export.read_text())
    assert data["@context"] and data["type"] == "AnnotationCollection"
    item = data["items"][0]
    assert item["type"] == "Annotation" and item["target"]["source"]
    kinds = {s["type"] for s in item["target"]["selector"]}
    assert kinds == {"TextQuoteSelector", "TextPositionSelector"}

    fresh = tmp_path / "fresh"
    out = br(fresh, "notes", "import", str(export), "--in", str(corpus), "--json")
    assert json.loads(out.stdout) == {"added": 1, "skipped": 0}
    again = br(fresh, "notes", "import", str(export), "--in", str(corpus), "--json")
    assert json.loads(again.stdout) == {"added": 0, "skipped": 1}
    relisted = json.loads(br(fresh, "notes", "list", "--in", str(corpus), "--json").stdout)["notes"]
    assert [(n["id"], n["start"], n["end"], n["body"], sorted(n["tags"])) for n in relisted] == \
        [(note["id"], note["start"], note["end"], note["body"], sorted(note["tags"]))]


def test_notes_errors_are_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    out = br(home, "notes", "add", str(SEED), "--quote", "words that are not in the seed at all")
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "not found" in out.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    out = br(home, "notes", "import", str(bad))
    assert out.returncode == 1 and out.stderr.count("\n") == 1
    out = br(home, "notes")
    assert out.returncode == 2


def test_note_reanchored_when_briefing_changes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = corpus / SEED.name
    shutil.copy(SEED, seed)
    passage = "we have not reached this stage yet"
    assert br(home, "notes", "add", str(seed), "--in", str(corpus), "--quote", passage).returncode == 0
    seed.write_text("A new first paragraph was inserted.\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert br(home, "index", str(corpus)).returncode == 0
    n = json.loads(br(home, "notes", "list", "--in", str(corpus), "--json").stdout)["notes"][0]
    assert n["state"] == "placed" and seed.read_text()[n["start"]:n["end"]] == passage
    seed.write_text("Everything was rewritten.\n", encoding="utf-8")
    br(home, "index", str(corpus))
    n = json.loads(br(home, "notes", "list", "--in", str(corpus), "--json").stdout)["notes"][0]
    assert n["state"] == "unplaced" and n["text"] == passage


def test_two_corpora_with_the_same_file_name_keep_their_own_notes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "brief.txt").write_text("On Monday.\n\nHe said the economy is strong and growing.\n")
    (b / "brief.txt").write_text("An analyst said the economy is strong but slowing.\n")
    out = br(home, "notes", "add", str(a / "brief.txt"), "--in", str(a), "--quote", "the economy is strong",
             "--json")
    note = json.loads(out.stdout)
    assert br(home, "index", str(b)).returncode == 0
    assert json.loads(br(home, "notes", "list", "--in", str(b), "--json").stdout)["notes"] == []
    mine = json.loads(br(home, "notes", "list", "--in", str(a), "--json").stdout)["notes"]
    assert [(n["id"], n["start"], n["end"], n["state"]) for n in mine] == \
        [(note["id"], note["start"], note["end"], "placed")]
    hits = json.loads(br(home, "search", "economy", str(b), "--kind", "note", "--json").stdout)["hits"]
    assert hits == []
