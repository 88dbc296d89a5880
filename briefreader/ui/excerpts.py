"""Short excerpts of a passage for lists, dialogs and notifications."""

from __future__ import annotations


def first_words(text: str, n: int = 12) -> str:
    """The first ``n`` words of ``text`` (whitespace collapsed), with " …" if it goes on."""
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")
