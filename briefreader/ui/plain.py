"""Text from files is never markup (STYLE.md): helpers for the few display points that
take a markup string or a matcher's highlight. Everything shown from data goes in as
``Content(text)``; where Textual wants markup (a ``Hit``'s help, a notification),
``markup_escape`` makes the text show as itself."""

from __future__ import annotations

from textual.content import Content
from textual.fuzzy import Matcher

from briefreader.core.sanitize import clean, one_line


def markup_escape(text: str) -> str:
    """``text`` as Textual markup that shows exactly ``text`` (cleaned): every ``[``
    escaped. (``textual.markup.escape`` leaves ``[$x]``, ``[ b]`` and a lone ``[/b`` as
    markup: they vanish or raise.)"""
    return clean(text).replace("[", "\\[")


def plain(text: str, line: bool = False) -> Content:
    """Data as plain Content: never parsed as markup; ``line``: kept on one line."""
    return Content(one_line(text) if line else clean(text))


def plain_highlight(matcher: Matcher, text: str) -> Content:
    """``matcher.highlight(text)`` without parsing ``text`` as markup (Textual's
    ``Matcher.highlight`` does: a title's ``[@click=…]`` would become an action)."""
    text = one_line(text)
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if not score:
        return content
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
