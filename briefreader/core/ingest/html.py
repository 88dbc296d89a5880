"""HTML -> canonical reading text and blocks (standard-library parser)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from briefreader.core.ingest.blocks import RawBlock, TextBuilder

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "form", "button", "select",
         "iframe"}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "aside", "br", "hr", "table", "tr",
    "ul", "ol", "dl", "dt", "dd", "pre", "figure", "figcaption", "body", "html",
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_HEAD_ONLY = {"html", "head", "meta", "link", "title", "base", "script", "style", "noscript", "template"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = TextBuilder()
        self.buf: list[str] = []
        self.skip_depth = 0
        self.kind = "paragraph"
        self.level = 0
        self.title_parts: list[str] = []
        self.in_title = False
        self.in_head = False
        self.meta: dict[str, str] = {}
        self.bold_at: int | None = None  # where in buf a bold run opening the block began
        self.lead = ""  # the bold words the block opens with

    def flush(self) -> None:
        text = "".join(self.buf)
        self.buf = []
        lead, self.lead, self.bold_at = self.lead, "", None
        if text.strip():
            self.builder.add(self.kind, text, self.level, lead=lead)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            d = {k: v or "" for k, v in attrs}
            key = d.get("name") or d.get("property") or ""
            if key and d.get("content"):
                self.meta[key.lower()] = d["content"]
            return
        if tag == "title":
            self.in_title = True
            return
        if tag == "head":
            self.in_head = True
            return
        if tag not in _HEAD_ONLY:  # body content ends an unclosed <head>/<title>, as in a browser
            self.in_head = self.in_title = False
        if tag in _VOID and tag not in ("br", "hr"):
            return
        if tag in _SKIP:
            if tag not in _VOID:
                self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag in _HEADINGS or tag in ("li", "blockquote") or tag in _BLOCK or tag in ("td", "th"):
            if tag in ("td", "th"):
                self.buf.append(" ")
            else:
                self.flush()
        if tag in ("b", "strong") and not self.lead and self.bold_at is None and not "".join(self.buf).strip():
            self.bold_at = len(self.buf)
        if tag in _HEADINGS:
            self.kind, self.level = "heading", _HEADINGS[tag]
        elif tag == "li":
            self.kind, self.level = "list_item", 1
        elif tag == "blockquote":
            self.kind, self.level = "quote_block", 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if tag == "head":
            self.in_head = False
            return
        if tag in _SKIP:
            if self.skip_depth:
                self.skip_depth -= 1
            return
        if self.skip_depth:
            return
        if tag in ("b", "strong") and self.bold_at is not None and not self.lead:
            self.lead = "".join(self.buf[self.bold_at:]) or " "
        if tag in _HEADINGS or tag in ("li", "blockquote") or tag in _BLOCK:
            self.flush()
            self.kind, self.level = "paragraph", 0

    def handle_data(self, data: str) -> None:
        if self.in_title:
            if sum(map(len, self.title_parts)) < 1000:
                self.title_parts.append(data)
        elif not self.skip_depth:
            if self.in_head and data.strip():
                self.in_head = False  # text ends an unclosed <head>, as in a browser
            if not self.in_head:
                self.buf.append(data)


def render_html(source: str) -> tuple[str, list[RawBlock], dict[str, str]]:
    """Render HTML to (canonical text, blocks, metadata from <title>/<meta>)."""
    parser = _Extractor()
    parser.feed(source)
    parser.close()
    parser.flush()
    meta = dict(parser.meta)
    text = parser.builder.text()
    title = " ".join("".join(parser.title_parts).split())
    h1 = next((" ".join(text[b.start:b.end].split()) for b in parser.builder.blocks
               if b.kind == "heading" and b.level == 1), "")
    if title:
        meta.setdefault("title", page_title(title, h1))
    if "og:title" in meta:
        meta["og:title"] = page_title(meta["og:title"], h1)
    return text, parser.builder.blocks, meta


_SEPARATOR = re.compile(r" (?:[|•·»—–-]|::) ")


def page_title(title: str, h1: str = "") -> str:
    """A page's title without the site's name after a separator ("Meeting with … •
    President of Russia" -> "Meeting with …"): the part before the last separator when
    the page's own <h1> is that part, or when the rest is short and holds no digit (a
    name, not "March 12, 2024")."""
    title = " ".join(title.split())
    cuts = [m.start() for m in _SEPARATOR.finditer(title)]
    if not cuts:
        return title
    if h1:
        h1 = " ".join(h1.split())
        if any(title[:c] == h1 for c in cuts):
            return h1
    head, tail = title[:cuts[-1]], title[cuts[-1] + 3:]
    if len(head.split()) >= 3 and len(tail) <= 60 and not re.search(r"\d", tail):
        return head
    return title
