"""Every example of README.md's command list and "Examples" runs as written, with its
options before its PATHs and with its options after them (issue 13: users put options
anywhere, as with git, grep and ripgrep)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from briefreader.cli import main
from tests.conftest import REPO, SEED, SEEDS

VALUE_OPTIONS = {"--speaker", "--kind", "--in", "--limit", "--home", "--format", "-o", "--output", "--tag",
                 "--document", "--quote", "--body", "--corpus", "--state", "--color", "--occurrence"}
TAKES_PATHS = {"index", "list", "search", "quotes", "topics"}


def readme_commands() -> list[str]:
    """The command lines of README.md's "Commands" block and its "Examples"."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Commands"):text.index("\n## ", text.index("## Commands") + 1)]
    lines: list[str] = []
    for raw in section.splitlines():
        line = raw.split("  #", 1)[0].strip()
        if not raw.startswith("    ") or not line:
            continue
        if line.startswith("briefreader "):
            lines.append(line)
        elif line.startswith("[") and lines:  # a continuation: the command's options
            lines[-1] += " " + line
    assert len(lines) >= 15, lines
    return lines


def concrete(line: str, corpus: Path, files: dict[str, Path]) -> list[str]:
    """A command line of the README with its placeholders filled in on the seeds."""
    words = shlex.split(line.replace("[", " ").replace("]", " ").replace("...", " "))[1:]
    command = words[0] if words[0] != "notes" else "notes " + words[1]
    fill = {"PATH": str(SEED) if command == "notes add" else str(corpus), "PATH_OR_ID": str(SEED),
            "QUERY": "ceasefire", "NAME": "peskov", "T": "talks", "FILE": str(files["import"]),
            "md|json": "md", "passage|quote|note": "passage", "direct|partial|indirect|turn|question": "turn",
            "exact passage": "ceasefire", "...": "a note"}
    out = [fill.get(w, w) for w in words]
    if "-o" in out:
        out[out.index("-o") + 1] = str(files["export"])
    return [str(corpus) if w.startswith("../shared/corpus") else w for w in out]


def forms(argv: list[str]) -> dict[str, list[str]]:
    """The command as written; with a PATH after its options; with options after PATHs."""
    n = 2 if argv[0] == "notes" else 1
    command, rest = argv[:n], argv[n:]
    positionals: list[str] = []
    options: list[str] = []
    i = 0
    while i < len(rest):
        if rest[i].startswith("-"):
            takes = rest[i] in VALUE_OPTIONS and i + 1 < len(rest) and not rest[i + 1].startswith("-")
            options += rest[i:i + 1 + takes]
            i += 1 + takes
        else:
            positionals.append(rest[i])
            i += 1
    return {"as written": argv, "options first": command + options + positionals,
            "options last": command + positionals + options}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, Path]]:
    root = tmp_path_factory.mktemp("readme")
    corpus = root / "seeds"
    shutil.copytree(SEEDS, corpus)
    home = root / "home"
    assert main(["index", str(corpus), "--home", str(home)]) == 0
    assert main(["notes", "add", str(SEED), "--quote", "ceasefire", "--tag", "talks", "--home", str(home)]) == 0
    files = {"import": root / "notes.json", "export": root / "out.md"}
    assert main(["notes", "export", "--format", "json", "-o", str(files["import"]), "--home", str(home)]) == 0
    return corpus, home, files


@pytest.mark.parametrize("line", readme_commands())
def test_readme_command_runs_with_options_anywhere(line: str, seeded: tuple[Path, Path, dict[str, Path]],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    corpus, home, files = seeded
    argv = concrete(line, corpus, files)
    if argv[0] in TAKES_PATHS and "--corpus" not in argv and str(corpus) not in argv:
        argv.append(str(corpus))  # a PATH, so that the options stand before it
    for name, form in forms(argv).items():
        code = main([*form, "--home", str(home)])
        got = capsys.readouterr()
        assert code == 0, f"{name}: briefreader {shlex.join(form)}: {got.err}"
        assert "unrecognized" not in got.err


def test_the_issue_example(seeded: tuple[Path, Path, dict[str, Path]], capsys: pytest.CaptureFixture[str]) -> None:
    corpus, home, _ = seeded
    assert main(["quotes", "ceasefire", "--speaker", "peskov", str(corpus), "--home", str(home)]) == 0
    assert "Peskov" in capsys.readouterr().out
    assert main(["search", "ceasefire", str(corpus), "--json", "--home", str(home)]) == 0
    assert re.search(r'"total": [1-9]', capsys.readouterr().out)
