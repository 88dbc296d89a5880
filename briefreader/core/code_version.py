"""A digest of the code and data an analysis depends on.

Cached analyses are keyed by it: when any module that analysing a briefing imports (directly
or through other project modules), or any data file in those modules' packages, changes, the
digest changes and every briefing is analysed again. The modules are found by reading the
import statements, so a module added to the quotes or topics packages is covered without a
list to keep up to date.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

_PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # .../briefreader
_DATA_SUFFIXES = (".txt", ".json", ".tsv", ".csv")


def _module_file(name: str) -> Path | None:
    """The source file of a ``briefreader...`` module name (a package's ``__init__.py``)."""
    parts = name.split(".")
    if parts[0] != "briefreader":
        return None
    base = _PACKAGE_ROOT.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _module_name(path: Path) -> str:
    rel = path.relative_to(_PACKAGE_ROOT.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


# "import a.b", "from a.b import c, d", "from . import (c,\n d)", at any indentation
_IMPORT = re.compile(
    r"^[ \t]*(?:import[ \t]+([\w.]+)|from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*))",
    re.MULTILINE,
)


def _imports(path: Path) -> set[str]:
    """Project modules imported by the file (absolute and relative, at any depth).

    Read with a regular expression rather than ``ast`` (ten times faster; this runs at every
    sync): a match inside a string can only add a module, never miss one.
    """
    me = _module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found: set[str] = set()
    for m in _IMPORT.finditer(path.read_text(encoding="utf-8")):
        if m.group(1):
            found.add(m.group(1))
            continue
        mod = m.group(2)
        if mod.startswith("."):
            dots = len(mod) - len(mod.lstrip("."))
            base = package.split(".")
            base = base[: len(base) - dots + 1]
            mod = ".".join(base + ([mod[dots:]] if mod[dots:] else []))
        found.add(mod)
        names = m.group(3).strip("() \n")
        found.update(f"{mod}.{n.split()[0]}" for n in names.replace("\n", " ").split(",") if n.strip())
    return {m for m in found if m.startswith("briefreader")}


def dependencies(root: str) -> list[Path]:
    """The source files of ``root`` and every project module it imports, transitively,
    with the data files of their packages; sorted."""
    start = _module_file(root)
    if start is None:
        raise ValueError(f"no module {root}")
    seen: set[Path] = set()
    files: dict[str, Path | None] = {}
    todo = [start]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        # a module's parent packages run first: their __init__ counts too
        name = _module_name(path)
        parents = [".".join(name.split(".")[:i]) for i in range(2, name.count(".") + 1)]
        for mod in {*_imports(path), *parents}:
            if mod not in files:
                files[mod] = _module_file(mod)
            f = files[mod]
            if f is not None and f not in seen:
                todo.append(f)
    data = {p for folder in {src.parent for src in seen} for p in folder.iterdir() if p.suffix in _DATA_SUFFIXES}
    return sorted(seen | data)


def digest(root: str) -> str:
    """A short hex digest of ``dependencies(root)``: their paths and their bytes."""
    h = hashlib.blake2b(digest_size=8)
    for p in dependencies(root):
        h.update(p.relative_to(_PACKAGE_ROOT).as_posix().encode())
        h.update(b"\0")
        h.update(p.read_bytes())
    return h.hexdigest()
