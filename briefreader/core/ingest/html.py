"""HTML -> canonical reading text and blocks (standard-library parser)."""

from __future__ import annotations

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

    def flush(self) -> None:
        text = "".join(self.buf)
        self.buf = []
        if text.strip():
            self.builder.add(self.kind, text, self.level)

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
    title = " ".join("".join(parser.title_parts).split())
    if title:
        meta.setdefault("title", title)
    return parser.builder.text(), parser.builder.blocks, meta
