"""Markdown -> canonical reading text and blocks, via markdown-it-py tokens."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import MD_TRIM_CHARS
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
    builder = TextBuilder()
    if _WHOLE_DOCUMENT.search(body) or not _render_fast(body, line_offset, builder):
        builder = TextBuilder()
        _render_tokens(_parse_whole(body), line_offset, builder)
    return builder.text(), builder.blocks


def _parse_whole(body: str) -> list[Token]:
    tokens = _parser().parse(body)
    if any(tok.level >= _MAX_NESTING - 1 for tok in tokens):
        # markdown-it silently drops what is nested deeper than maxNesting: lay the
        # deep lines out flat instead, so no text is lost
        tokens = _parser().parse(_flatten(body))
    return tokens


# -- the fast path -------------------------------------------------------------------
# Most briefings are paragraphs of plain prose. markdown-it spends ~5 ms per briefing
# (two thirds of ingest) trying every block rule on every line; the fast path lays
# out blank-line separated chunks of plain lines itself and hands only the other
# chunks (lists, headings, quotes, tables, indented code: runs of them together) to
# markdown-it, which gives the same tokens for such a run as for the whole document
# because a run always starts at the top level (after a blank line) and ends before a
# line that closes every open block (a plain line at column 0 after a blank line).
# Constructs that can span such a line are handled by parsing the whole document:
# fences, HTML blocks of types 1-5 (comments, <script>, <pre>...), and link reference
# definitions (which change the inline text of paragraphs elsewhere). The result is
# identical to the whole-document parse (bench/ingest_digest.py checks the corpus).
_WHOLE_DOCUMENT = re.compile(
    r"```|~~~|\]:|<!--|<\?|<![A-Za-z\[]|<(?:script|pre|style|textarea)(?:[\s>]|$)", re.I)
# a character opening a plain line (block level): letters, digits that are not a list
# number, and punctuation no block rule starts with; a backslash escapes block syntax
_PLAIN_START = frozenset("\"“”‘’'(.,;:?$%/@…—–\\\u00a0¿¡«»")
_ORDERED_MARK = re.compile(r"\d{1,9}[.)](?:[ \t]|$)")
# characters with an inline rule besides newlines: escapes, code, strikethrough,
# emphasis, links and images, autolinks and inline HTML, entities
_INLINE_SYNTAX = re.compile(r"[\\`~*_\[<&]")


def _plain_start(s: str) -> bool:
    c = s[0]
    if c.isalpha():
        return True
    if c.isdigit():
        return not _ORDERED_MARK.match(s)
    return c in _PLAIN_START


def _render_fast(body: str, line_offset: int, builder: TextBuilder) -> bool:
    """Lay out ``body`` into ``builder``; False when a run of other blocks nests too
    deep (the caller then parses the whole document, which flattens it)."""
    lines = body.split("\n")
    n = len(lines)
    md = _parser()
    i = 0
    region_start = -1  # first line of the pending run of non-plain chunks
    while i < n:
        line = lines[i]
        if not line.strip(" \t"):
            i += 1
            continue
        j = i + 1
        while j < n and lines[j].strip(" \t"):
            j += 1
        # lines[i:j] is a chunk; plain when every line starts plainly and no table
        plain = line[0] not in " \t" and _plain_start(line)
        if plain:
            for k in range(i, j):
                s = lines[k]
                if "|" in s or not _plain_start(s.lstrip(" \t")):
                    plain = False
                    break
        if not plain:
            if region_start < 0:
                region_start = i
            i = j
            continue
        if region_start >= 0:
            if not _render_region(lines, region_start, i, line_offset, builder):
                return False
            region_start = -1
        content = "\n".join(lines[i:j]).strip(MD_TRIM_CHARS)  # as markdown-it trims a paragraph
        if _INLINE_SYNTAX.search(content):
            text = _inline_text(md.parseInline(content)[0])
        else:
            text = content.replace("\n", " ")
        builder.add("paragraph", text, 0, i + line_offset)
        i = j
    if region_start >= 0:
        return _render_region(lines, region_start, n, line_offset, builder)
    return True


def _render_region(lines: list[str], start: int, stop: int, line_offset: int,
                   builder: TextBuilder) -> bool:
    while stop > start and not lines[stop - 1].strip(" \t"):
        stop -= 1
    tokens = _parser().parse("\n".join(lines[start:stop]))
    if any(tok.level >= _MAX_NESTING - 1 for tok in tokens):
        return False
    _render_tokens(tokens, line_offset + start, builder)
    return True


def _render_tokens(tokens: list[Token], line_offset: int, builder: TextBuilder) -> None:
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
            elif not list_depth and not quote_depth and _bold_only(tok):
                builder.add("heading", text, 6, line)  # a bold line used as a heading
            elif list_depth:
                builder.add("list_item", text, list_depth, line, _bold_lead(tok))
            elif quote_depth:
                builder.add("quote_block", text, quote_depth, line)
            else:
                builder.add("paragraph", text, 0, line, _bold_lead(tok))
        elif t in ("fence", "code_block"):
            builder.add("paragraph", tok.content, 0, _line(tok, line_offset))


def _flatten(body: str) -> str:
    """Cap each line's container markers at _FLAT_DEPTH (kept as ``> `` quotes then one
    list bullet) and drop deeper indentation; the words themselves are all kept."""

    def cap(m: re.Match[str]) -> str:
        prefix = m.group(0)
        quotes = min(prefix.count(">"), _FLAT_DEPTH)
        bullet = re.search(r"(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)", prefix)
        return "> " * quotes + ("- " if bullet else "")

    return _CONTAINERS.sub(cap, body)


def _bold_lead(tok: Token) -> str:
    """The text of the bold run a paragraph opens with ("**Spokesman:** Not yet." ->
    "Spokesman:"), or ""."""
    kids = [c for c in tok.children or () if not (c.type == "text" and not c.content)]
    if not kids or kids[0].type != "strong_open":
        return ""
    out: list[str] = []
    for c in kids[1:]:
        if c.type == "strong_close":
            return "".join(out)
        if c.type in ("text", "code_inline"):
            out.append(c.content)
        elif c.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return ""


def _bold_only(tok: Token) -> bool:
    """A paragraph that is one bold run ("**Senator X on Fox**") reads as a heading."""
    kids = [c for c in tok.children or () if not (c.type == "text" and not c.content.strip())]
    if len(kids) < 3 or kids[0].type != "strong_open" or kids[-1].type != "strong_close":
        return False
    depth = 0
    for i, c in enumerate(kids):
        depth += c.type == "strong_open"
        depth -= c.type == "strong_close"
        if depth == 0 and i != len(kids) - 1:
            return False
    text = "".join(c.content for c in kids if c.type == "text")
    return 0 < len(text) <= 200


def _line(tok: Token, offset: int) -> int:
    return tok.map[0] + offset if tok.map else -1
