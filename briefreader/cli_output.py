"""Every command's output goes through here, so that no text from a file, a file name or
a note (stored before the sanitising boundary existed, or not) reaches the terminal raw:
control characters and bidi overrides become U+FFFD (in JSON: ``\\uXXXX``)."""

from __future__ import annotations

import json
import sys
from typing import Any

from briefreader.core.sanitize import clean, json_safe, one_line


def out(text: str = "", *, styled: bool = False) -> None:
    """One line (or lines) of output on stdout, cleaned; ``styled``: ``text`` is
    already cleaned and holds only our own highlight codes (cli._style)."""
    sys.stdout.write((text if styled else clean(text)) + "\n")


def err(text: str) -> None:
    """One line on stderr, cleaned (a file name in an error stays on one line)."""
    sys.stderr.write(one_line(text) + "\n")


def field(value: Any) -> str:
    """A value from data shown inside a line: a newline in it must not split the line."""
    return one_line("" if value is None else str(value))


def json_text(data: Any, indent: int | None = 1) -> str:
    return json_safe(json.dumps(data, ensure_ascii=False, indent=indent))


def emit(data: Any) -> None:
    sys.stdout.write(json_text(data) + "\n")
