"""The code stays in pieces a reader can hold: modules of at most 600 lines of code, classes
of at most 300 lines (word lists and data live in data files, which do not count)."""

from __future__ import annotations

import ast
from pathlib import Path

import briefreader

ROOT = Path(briefreader.__file__).parent
MAX_MODULE_CODE_LINES = 600
MAX_CLASS_LINES = 300


def _sources() -> list[Path]:
    files = sorted(p for p in ROOT.rglob("*.py") if "seeds" not in p.parts)
    assert len(files) > 60
    return files


def _code_lines(source: str) -> int:
    return sum(1 for line in source.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def test_no_module_over_600_lines_of_code() -> None:
    big = {p.relative_to(ROOT).as_posix(): n for p in _sources()
           if (n := _code_lines(p.read_text(encoding="utf-8"))) > MAX_MODULE_CODE_LINES}
    assert not big, big


def test_no_class_over_300_lines() -> None:
    big = {}
    for p in _sources():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                size = node.end_lineno - node.lineno + 1
                if size > MAX_CLASS_LINES:
                    big[f"{p.relative_to(ROOT).as_posix()}:{node.name}"] = size
    assert not big, big


def test_the_limits_are_measured() -> None:
    assert _code_lines("a = 1\n\n# note\n    b = 2\n") == 2
