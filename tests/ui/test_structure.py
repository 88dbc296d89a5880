"""The UI's module structure: no import cycle through briefreader.ui, counting imports
under TYPE_CHECKING and inside functions (the palette and the controllers see the app
through briefreader.ui.host, never by importing the app module)."""

from __future__ import annotations

import ast
from pathlib import Path

import briefreader

PACKAGE = Path(briefreader.__file__).parent


def _modules() -> dict[str, Path]:
    mods = {}
    for f in PACKAGE.rglob("*.py"):
        parts = ["briefreader", *f.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        mods[".".join(parts)] = f
    return mods


def _imports(name: str, path: Path, mods: dict[str, Path]) -> set[str]:
    """Every project module ``name`` imports, anywhere in the file."""
    out: set[str] = set()
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package[: len(package) - (node.level - 1)]
                base = ".".join([*up, *([node.module] if node.module else [])])
            targets = [base, *(f"{base}.{a.name}" for a in node.names)]
        else:
            continue
        for target in targets:
            while target and target not in mods:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def test_no_import_cycle_through_the_ui():
    mods = _modules()
    graph = {name: _imports(name, path, mods) for name, path in mods.items()}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str], done: set[str]) -> None:
        for dep in sorted(graph[name]):
            if dep in trail:
                cycles.append([*trail[trail.index(dep):], dep])
            elif dep not in done:
                visit(dep, [*trail, dep], done)
        done.add(name)

    done: set[str] = set()
    for name in sorted(mods):
        if name.startswith("briefreader.ui") and name not in done:
            visit(name, [name], done)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)
