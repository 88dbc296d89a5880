"""Procedural turn sentences ("Go ahead.", "Thank you, Karine."): flagged in the
core and in ``quotes --json``, on sentences of our own and on real corpus turns."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.core.quotes import extract_quotes, is_procedural

SHARED = Path(__file__).resolve().parents[2] / "shared"
GAGGLE = (SHARED / "corpus" / "whitehouse-press-briefings" / "2024-03" /
          "2024-03-08-press-gaggle-by-press-secretary-karine-jean-pierre-en-route-"
          "philadelphia-pa-3.md")


@pytest.mark.parametrize("text", [
    "Go ahead.", "Go ahead, Peter.", "Thank you.", "Thank you, Karine.", "Thanks, everybody.",
    "Okay.", "OK.", "All right.", "Next question.", "Good afternoon, everyone.",
    "Thank you so much, Admiral.", "Okay. Go ahead.", "(Laughter.)",
    "In the middle, go ahead.", "And then to you.", "And, again, thank you so much.",
    "The floor is yours.", "Over here, go ahead, Tom.",
])
def test_procedural(text: str) -> None:
    assert is_procedural(text)


@pytest.mark.parametrize("text", [
    "Go ahead and tell the Senate to pass the bill.", "Thank you for the sanctions question, "
    "we will answer it.", "Okay?", "Next question is whether the tariffs stay.",
    "The President thanked the troops.", "Yes.", "Sure.",
    "And then the President left.", "Again, the tariffs stay.", "In the back of the plane.",
    "To you it may look small.", "The floor is open to amendments.",
])
def test_not_procedural(text: str) -> None:
    assert not is_procedural(text)


def test_fillers_are_procedural_only_when_the_turn_goes_on() -> None:
    assert is_procedural("Yeah.", more_in_turn=True)
    assert not is_procedural("Yeah.", more_in_turn=False)  # the whole answer


def test_whole_turn_fillers_name_calls_and_wrapping_up_are_procedural_turns() -> None:
    from briefreader.core.ingest import parse_document

    text = ("MS. VALE: The harbour reopens on Monday after the storm repairs.\n\n"
            "Q Will the ferries run?\n\nMS. VALE: Yeah.\n\nMS. VALE: Tomas K.\n\n"
            "Q Thank you. On the bridge, when does it open?\n\n"
            "MS. VALE: Tomas, the bridge opens in June.\n\nMS. VALE: We’ve got to wrap it up.\n\n"
            "MS. VALE: Ukraine and Poland signed it today.\n")
    turns = {q.text: q.procedural for q in extract_quotes(parse_document(text, "text", name="vale.txt", doc_id="v"))
             if q.kind == "turn" and not q.is_question}
    assert turns["Yeah."] and turns["Tomas K."] and turns["We’ve got to wrap it up."], turns
    assert not turns["Tomas, the bridge opens in June."]
    assert not turns["The harbour reopens on Monday after the storm repairs."]
    assert not turns["Ukraine and Poland signed it today."]


@pytest.mark.skipif(not GAGGLE.exists(), reason="corpus not available")
def test_real_turns() -> None:
    from briefreader.core.ingest import load_file

    turns = [q for q in extract_quotes(load_file(GAGGLE)) if q.kind == "turn"]
    flagged = {q.text for q in turns if q.procedural}
    assert {"Go ahead.", "Okay.", "All right.", "Thank you, Karine."} <= flagged
    # substantive sentences are never flagged (stage notes in parentheses are)
    assert not any(q.procedural for q in turns
                   if len(q.text.split()) > 6 and not q.text.startswith("("))
    assert "(A landing alert sound on Air Force One.)" in flagged
    assert sum(q.procedural for q in turns) < len(turns) // 5
    # the quotes of a report have no turns and no procedural flag
    assert all(not q.procedural for q in extract_quotes(load_file(
        SHARED / "seeds" / "000_c863c091f001229a.txt")))


@pytest.mark.skipif(not GAGGLE.exists(), reason="corpus not available")
def test_quotes_json_carries_the_flag(tmp_path: Path) -> None:
    import json
    import shutil
    import subprocess
    import sys

    from tests.conftest import run_env

    folder = tmp_path / "briefings"
    folder.mkdir()
    shutil.copy(GAGGLE, folder / GAGGLE.name)
    home = tmp_path / "home"
    def quotes(*more: str) -> dict[str, bool]:
        out = subprocess.run([sys.executable, "-m", "briefreader", "quotes", "--speaker",
                              "jean-pierre", str(folder), "--json", "--limit", "200", *more],
                             capture_output=True, text=True, env=run_env(home), timeout=300)
        assert out.returncode == 0, out.stderr
        got = json.loads(out.stdout)["quotes"]
        assert got and all("procedural" in q for q in got)
        return {q["text"]: q["procedural"] for q in got}

    assert not any(quotes().values())  # left out by default
    by_text = quotes("--all")
    assert by_text.get("Go ahead.") is True
    assert any(not p and len(t.split()) > 8 for t, p in by_text.items())
