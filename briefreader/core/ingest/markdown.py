"""Markdown -> canonical reading text and blocks, via markdown-it-py tokens."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefreader.core.ingest.blocks import RawBlock, TextBuilder

_md: MarkdownIt | None = None
_MAX_NESTING = 40
# the container markers opening a line: indentation, ">" quotes, list bullets and numbers
_CONTAINERS = re.compile(r"^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+[ \t]*|^[ \t]+", re.M)
_FLAT_DEPTH = 8
_BLANKISH = re.compile(r"(?m)^[ \t\u00a0\u2000-\u200b\u202f\u3000]+$")


def _parser() -> MarkdownIt:
    global _md
    if _md is None:
        # commonmark + tables/strikethrough; maxNesting bounds pathological nesting
        _md = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable(["table", "strikethrough"])
    return _md


def _inline_text(token: Token) -> str:
    out: list[str] = []
    for child in token.children or ():
        t = child.type
        if t == "text" or t == "code_inline":
            out.append(child.content)
        elif t == "softbreak":
            out.append(" ")
        elif t == "hardbreak":
            out.append(" ")
        elif t == "image":
            out.append(child.content or "")
    return "".join(out)


def render_markdown(body: str, line_offset: int = 0) -> tuple[str, list[RawBlock]]:
    """Render Markdown ``body`` to (canonical text, blocks).

    ``line_offset`` is added to token source lines (the front matter's lines).
    """
    # a line of only spaces / no-break spaces ends a paragraph, as a reader expects
    body = _BLANKISH.sub("", body)
    tokens = _parser().parse(body)
    if any(tok.level >= _MAX_NESTING - 1 for tok in tokens):
        # markdown-it silently drops what is nested deeper than maxNesting: lay the
        # deep lines out flat instead, so no text is lost
        tokens = _parser().parse(_flatten(body))
    builder = TextBuilder()
    list_depth = 0
    quote_depth = 0
    heading_level = 0
    table_row: list[str] | None = None
    for tok in tokens:
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t == "heading_open":
            heading_level = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 1
        elif t == "heading_close":
            heading_level = 0
        elif t == "tr_open":
            table_row = []
        elif t == "tr_close":
            if table_row is not None:
                builder.add("paragraph", " | ".join(c for c in table_row if c), 0, _line(tok, line_offset))
            table_row = None
        elif t == "inline":
            text = _inline_text(tok)
            line = _line(tok, line_offset)
            if table_row is not None:
                table_row.append(text.strip())
            elif heading_level:
                builder.add("heading", text, heading_level, line)
            elif list_depth:
                builder.add("list_item", text, list_depth, line)
            elif quote_depth:
                builder.add("quote_block", text, quote_depth, line)
            else:
                builder.add("paragraph", text, 0, line)
        elif t in ("fence", "code_block"):
            builder.add("paragraph", tok.content, 0, _line(tok, line_offset))
    return builder.text(), builder.blocks


def _flatten(body: str) -> str:
    """Cap each line's container markers at _FLAT_DEPTH (kept as ``> `` quotes then one
    list bullet) and drop deeper indentation; the words themselves are all kept."""

    def cap(m: re.Match[str]) -> str:
        prefix = m.group(0)
        quotes = min(prefix.count(">"), _FLAT_DEPTH)
        bullet = re.search(r"(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)", prefix)
        return "> " * quotes + ("- " if bullet else "")

    return _CONTAINERS.sub(cap, body)


def _line(tok: Token, offset: int) -> int:
    return tok.map[0] + offset if tok.map else -1
