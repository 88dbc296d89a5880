"""`briefreader quotes`: indirect quotes, procedural turns left out by default (--all
shows them), an index of an older format rebuilt with one message."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import run_env

TRANSCRIPT = """Press Briefing by Press Secretary Ann Holloway, May 6, 2025

MS. HOLLOWAY: Good afternoon, everybody. The harbour bridge reopens on Monday after two years of repairs.

Q Thank you. Will the governor attend the opening?

MS. HOLLOWAY: Go ahead.

Q Will the governor attend?

MS. HOLLOWAY: Okay. The governor will cut the ribbon at noon on Monday.

Q And the tolls?

MS. HOLLOWAY: Thank you, Mark. Tolls stay at two dollars for the first year.

MS. HOLLOWAY: Thanks, everybody.
"""

REPORT = """Port authority reports record traffic

Port director Lena Marsh said on Tuesday that cargo traffic had doubled since the harbour bridge closed.
"We have never seen numbers like these," Marsh told reporters.
"""


def br(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefreader", *args], capture_output=True, text=True,
                          env=run_env(home), timeout=120)


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2025-05-06-press-briefing.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (corpus / "2025-05-07-port-report.txt").write_text(REPORT, encoding="utf-8")
    return corpus


def _quotes(home: Path, corpus: Path, *args: str) -> list[dict[str, object]]:
    out = br(home, "quotes", *args, str(corpus), "--json", "--limit", "100")
    assert out.returncode == 0, out.stderr
    return list(json.loads(out.stdout)["quotes"])


def test_procedural_turns_only_with_all(tmp_path: Path) -> None:
    corpus, home = _corpus(tmp_path), tmp_path / "home"
    default = _quotes(home, corpus, "--speaker", "holloway")
    everything = _quotes(home, corpus, "--speaker", "holloway", "--all")
    texts = [q["text"] for q in default]
    assert "Tolls stay at two dollars for the first year." in texts
    assert "The governor will cut the ribbon at noon on Monday." in texts
    assert not any(t in texts for t in ("Go ahead.", "Okay.", "Thank you, Mark.", "Thanks, everybody."))
    assert all(q["procedural"] is False for q in default)
    procedural = {q["text"] for q in everything if q["procedural"]}
    assert {"Go ahead.", "Okay.", "Thank you, Mark.", "Thanks, everybody."} <= procedural
    assert {q["text"] for q in everything if not q["procedural"]} == set(texts)
    # the plain output agrees with the JSON
    plain = br(home, "quotes", "--speaker", "holloway", str(corpus)).stdout
    assert "Tolls stay at two dollars" in plain and "Go ahead." not in plain
    assert "Go ahead." in br(home, "quotes", "--speaker", "holloway", "--all", str(corpus)).stdout


def test_indirect_kind_in_the_cli(tmp_path: Path) -> None:
    corpus, home = _corpus(tmp_path), tmp_path / "home"
    indirect = _quotes(home, corpus, "--kind", "indirect")
    assert [(q["text"], q["speaker"], q["kind"]) for q in indirect] == [
        ("cargo traffic had doubled since the harbour bridge closed", "Lena Marsh", "indirect")]
    by_query = _quotes(home, corpus, "qkind:indirect")
    assert [q["text"] for q in by_query] == [indirect[0]["text"]]


def test_index_of_an_older_format_is_rebuilt_with_one_message(tmp_path: Path) -> None:
    corpus, home = _corpus(tmp_path), tmp_path / "home"
    assert br(home, "index", str(corpus)).returncode == 0
    markers = list(home.rglob("whoosh/FORMAT"))
    assert len(markers) == 1
    markers[0].write_text("briefreader-passages-2\n")  # as the version before indirect quotes wrote it
    first = br(home, "quotes", "--kind", "indirect", str(corpus))
    assert first.returncode == 0
    lines = [ln for ln in first.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "has another format" in lines[0] and lines[0].endswith("rebuilt"), first.stderr
    assert "cargo traffic had doubled" in first.stdout  # rebuilt and synced in the same run
    second = br(home, "quotes", "--kind", "indirect", str(corpus))
    assert second.returncode == 0 and second.stderr.strip() == ""
    assert "cargo traffic had doubled" in second.stdout


def test_readme_example_tariffs_peskov_on_the_bundled_seeds(tmp_path: Path) -> None:
    """The README's own example, exactly: no PATH, the bundled seeds."""
    out = br(tmp_path / "home", "quotes", "tariffs", "--speaker", "peskov")
    assert out.returncode == 0, out.stderr
    assert "no quotes found" not in out.stdout
    # his reported statement about the US tariffs (found by its attributing sentence,
    # "Regarding the US tariffs announced on Wednesday, Peskov said ...")
    assert ("“Russia was not included in the list of countries facing duties, as there are no "
            "substantial trade relations between the two countries”\n    — Dmitry Peskov (indirect)") in out.stdout
    # his quote on trade (found by its topic segment, the paragraph after the tariffs one)
    assert "“For obvious reasons, we do not have any tangible trade with the US." in out.stdout
    assert out.stdout.index("Russia was not included") < out.stdout.index("For obvious reasons")


CONTEXT_REPORT = """Council debates the harbour bridge

Mayor Tom Reyes said on Monday that the harbour bridge would reopen in June.
"The repairs are nearly finished," Reyes told the council.
"Our ferries have carried twice the usual load," said transport chief Ida Lund.

Separately, the council voted on the school budget.
"Every classroom gets new heating," said Councillor Amy Price.
"""


def test_quotes_found_by_context_rank_below_own_words(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2025-05-08-council.txt").write_text(CONTEXT_REPORT, encoding="utf-8")
    home = tmp_path / "home"
    got = [(q["text"], q["speaker"]) for q in _quotes(home, corpus, "bridge")]
    texts = [t for t, _ in got]
    # own words first: the reported statement holds "bridge" itself
    assert texts[0] == "the harbour bridge would reopen in June"
    # then by context: a quote whose own words do not hold the word
    assert "The repairs are nearly finished," in texts
    assert "Every classroom gets new heating," not in texts
    # the context never makes a quote of another speaker match the speaker filter
    by_reyes = [q["speaker"] for q in _quotes(home, corpus, "bridge", "--speaker", "reyes")]
    assert by_reyes and set(by_reyes) == {"Tom Reyes"}
