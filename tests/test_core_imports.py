"""The core stays UI-free: importing it never loads textual or rich."""

import subprocess
import sys

MODULES = [
    "briefreader", "briefreader.core", "briefreader.core.library", "briefreader.core.search",
    "briefreader.core.ingest", "briefreader.core.quotes", "briefreader.core.topics",
    "briefreader.core.notes", "briefreader.core.analysis", "briefreader.cli",
]


def test_core_does_not_import_textual_or_rich() -> None:
    code = (
        "import importlib, sys\n"
        f"for m in {MODULES!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"UI modules imported by the core: {out.stdout}"


def test_whoosh_is_the_maintained_fork() -> None:
    import whoosh

    assert whoosh.__version__ >= (2, 7, 5)
