"""Property test (hypothesis) of issue 13: hostile strings -- terminal escape sequences,
bidi controls, markup, brackets, very long and empty strings -- as titles (front matter
and sidecar), headings, speaker labels, file names, note bodies and tags, and queries,
through every CLI command, with and without --json: no exception, and no ESC (or
one-byte CSI) in any output. The reader's side is tests/ui/test_props_hostile_ui.py.

Derandomized (the suite is reproducible) and bounded; BRIEFREADER_HYPOTHESIS=explore
runs many more, random examples.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from briefreader.cli import main

EXPLORE = os.environ.get("BRIEFREADER_HYPOTHESIS") == "explore"

FRAGMENTS = [
    "\x1b]0;pwned\x07", "\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07", "\x1b[2J", "\x1b[31m", "\x9b2J", "\x9d0;x\x9c",
    "\x07", "\x00", "\r", "\n", "\t", "\x85", "\u2028",
    "\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\ud800",
    "[/]", "[/b]", "[b]", "[@click=app.quit]", "[@click=app.screenshot('x.txt','/tmp')]", "[link=x]",
    "[/link]", "[x=\"]", "[$x]", "[ b]", "[", "]", "\\", "\\[", "{", "}", "“", "”", "\"", "'", ":", "#",
    "---", "*", "?", "AND", "NOT", "speaker:", "date:", "ceasefire", "Peskov", " ",
]

hostile = st.one_of(
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=6).map("".join),
    st.sampled_from(["", "[" * 3000, "\x1b]0;" + "x" * 3000 + "\x07", "ceasefire " * 400 + "[/]"]),
)


def props(examples: int, shrink: bool = True) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """``shrink=False`` for the reader's tests: each example runs the app (seconds)."""
    phases = list(Phase) if shrink else [Phase.explicit, Phase.generate]
    return settings(max_examples=examples * 20 if EXPLORE else examples, derandomize=not EXPLORE,
                    deadline=None, database=None, phases=phases,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


def file_name(s: str) -> str:
    """``s`` as a file name this file system takes (no '/', NUL or lone surrogate; at
    most 200 bytes), never empty."""
    name = "".join(c for c in s if c not in "/\x00" and not "\ud800" <= c <= "\udfff")
    while len(name.encode()) > 200:
        name = name[:-1]
    return name if name.strip(".") else "x"


def yaml_str(s: str) -> str:
    return json.dumps(s)  # a JSON string is a YAML double-quoted scalar (\\uXXXX escapes)


def write_corpus(root: Path, title: str, heading: str, speaker: str, name: str) -> Path:
    corpus = root / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        f"---\ntitle: {yaml_str(title)}\ntags: [{yaml_str(speaker)}]\n---\n# {heading}\n\n"
        f"MR. {speaker.upper()}: We said “the ceasefire {heading} holds” today.\n\n"
        f"Q {title}?\n\nMS. PSAKI: The ceasefire talks go on, she said.\n",
        encoding="utf-8", errors="surrogatepass")
    stem = file_name(name)
    (corpus / f"{stem}.txt").write_text(f"{speaker}: The ceasefire holds. {heading}\n", encoding="utf-8",
                                        errors="surrogatepass")
    (corpus / f"{stem}.meta.yaml").write_text(f"title: {yaml_str(title)}\n", encoding="utf-8")
    (corpus / f"{stem[:100]}.html").write_text(
        f"<html><head><title>{title}</title></head><body><h1>{heading}</h1><p>{speaker} said the "
        "ceasefire holds.</p></body></html>", encoding="utf-8", errors="surrogatepass")
    return corpus


def check(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(argv)
    got = capsys.readouterr()
    for stream in (got.out, got.err):
        assert "\x1b" not in stream and "\x9b" not in stream, (argv, stream[:300])
    assert "something went wrong" not in got.err and "Traceback" not in got.err, (argv, got.err)
    assert code in (0, 1, 2), argv
    if code:
        assert got.err.strip() and got.err.count("\n") == 1, (argv, got.err)
    return got.out


@props(20)
@given(title=hostile, heading=hostile, speaker=hostile, name=hostile, body=hostile, tag=hostile,
       query=hostile)
def test_hostile_strings_through_every_command(title: str, heading: str, speaker: str, name: str,
                                               body: str, tag: str, query: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = write_corpus(root, title, heading, speaker, name)
        home = ["--home", str(root / "home")]
        c = str(corpus)
        for js in ([], ["--json"]):
            check(["index", c, *home, *js], capsys)
            check(["list", c, *home, *js], capsys)
            check(["search", query or "x", c, *home, *js], capsys)
            check(["search", "ceasefire", c, "--speaker", speaker, *home, *js], capsys)
            check(["quotes", query, c, *home, *js] if query else ["quotes", c, *home, *js], capsys)
            check(["quotes", c, "--speaker", speaker, *home, *js], capsys)
            check(["topics", c, *home, *js], capsys)
            check(["topics", "--corpus", query, "--in", c, *home, *js], capsys)
        check(["notes", "add", str(corpus / "a.md"), "--in", c, "--quote", "ceasefire", "--body", body,
               "--tag", tag, *home], capsys)
        exported = root / "notes.json"
        check(["notes", "export", "--format", "json", "-o", str(exported), "--in", c, *home], capsys)
        data = json.loads(exported.read_text(encoding="utf-8"))
        for i, item in enumerate(data.get("items", [])):  # another tool's notes, as hostile
            item["id"] = f"urn:uuid:00000000-0000-4000-8000-{i:012d}"
            item["body"] = [{"type": "TextualBody", "value": body + title},
                            {"type": "TextualBody", "purpose": "tagging", "value": tag + heading}]
        exported.write_text(json.dumps(data), encoding="utf-8")
        check(["notes", "import", str(exported), "--in", c, *home], capsys)
        for js in ([], ["--json"]):
            check(["notes", "list", "--in", c, *home, *js], capsys)
            check(["notes", "list", "--in", c, "--tag", tag or "x", *home, *js], capsys)
        check(["notes", "export", "--in", c, *home], capsys)
        check(["notes", "export", "--format", "json", "--in", c, *home], capsys)
