"""HTML -> canonical reading text and blocks (standard-library parser).

``render_html`` keeps the briefing, not the site around it: the page is rendered to
blocks here, and the main-content extractor (``main_content``) says which of them are
the briefing. ``render_html_page`` is the whole page (the fallback)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from briefreader.core.ingest.blocks import RawBlock, TextBuilder

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "form", "button", "select",
         "iframe", "figcaption"}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "aside", "br", "hr", "table", "tr",
    "ul", "ol", "dl", "dt", "dd", "pre", "figure", "body", "html",
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_HEAD_ONLY = {"html", "head", "meta", "link", "title", "base", "script", "style", "noscript", "template"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASSES = {"hidden", "visually-hidden", "sr-only", "element-invisible", "element-hidden", "is-hidden",
                   "screen-reader-text", "tooltip"}
_TOOLTIP = re.compile(r"(?:^|[_-])tooltip(?:$|[_-])", re.I)
# boxes around the briefing, by their class: share bars, breadcrumbs, related and "see
# also" links, tag lists (as main_content.CHROME_SELECTORS). Their blocks are marked, not
# dropped: a page whose body's class says "shareable" keeps its body.
_CHROME_CLASS = re.compile(r"share|social|breadcrumb|related|see-?_?also|tags|caption", re.I)


def _hidden(tag: str, d: dict[str, str]) -> bool:
    """Not shown to a reader: ``hidden``, ``aria-hidden``, ``display:none``, a tooltip
    (a skip link's "visually-hidden" class is hidden too: it is site chrome)."""
    if "hidden" in d or d.get("role") == "tooltip" or d.get("aria-hidden", "").lower() == "true":
        return True
    style = d.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    cls = d.get("class")
    if not cls or ("hidden" not in cls and "tooltip" not in cls and "invisible" not in cls
                   and "sr-only" not in cls and "screen-reader" not in cls):
        return False
    return any(c.lower() in _HIDDEN_CLASSES or _TOOLTIP.search(c) for c in cls.split())


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = TextBuilder()
        self.buf: list[str] = []
        self.skip_depth = 0
        self.hide_tag = ""  # the tag of the hidden element being skipped
        self.hide_depth = 0
        self.box_tag = ""  # the tag of the share/related/tag box we are in
        self.box_depth = 0
        self.kind = "paragraph"
        self.level = 0
        self.title_parts: list[str] = []
        self.in_title = False
        self.in_head = False
        self.in_ldjson = False
        self.ldjson: list[str] = []
        self.meta: dict[str, str] = {}
        self.times: list[str] = []  # <time datetime> values, in page order
        self.bold_at: int | None = None  # where in buf a bold run opening the block began
        self.lead = ""  # the bold words the block opens with
        self.link_depth = 0
        self.link_chars = 0

    def flush(self) -> None:
        text = "".join(self.buf)
        self.buf = []
        lead, self.lead, self.bold_at = self.lead, "", None
        links, self.link_chars = self.link_chars, 0
        if text.strip():
            size = max(1, len(text.strip()))
            self.builder.add(self.kind, text, self.level, lead=lead, links=min(1.0, links / size),
                             boxed=self.box_depth > 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hide_depth:
            if tag == self.hide_tag:
                self.hide_depth += 1
            return
        if tag == "meta":
            d = {k: v or "" for k, v in attrs}
            key = d.get("name") or d.get("property") or d.get("itemprop") or ""
            value = d.get("content") or d.get("value")
            if key and value and key.lower() not in self.meta:
                self.meta[key.lower()] = value
            return
        if tag == "link":
            d = {k: v or "" for k, v in attrs}
            if d.get("rel", "").lower() == "canonical" and d.get("href"):
                self.meta.setdefault("canonical", d["href"])
            return
        if tag == "title":
            self.in_title = True
            return
        if tag == "head":
            self.in_head = True
            return
        if tag == "script":
            d = {k: v or "" for k, v in attrs}
            self.in_ldjson = d.get("type", "").lower() == "application/ld+json"
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
        if attrs and tag not in _VOID:
            d = {k: v or "" for k, v in attrs}
            if _hidden(tag, d):
                self.hide_tag, self.hide_depth = tag, 1
                return
            if not self.box_depth and _CHROME_CLASS.search(d.get("class", "")):
                self.flush()
                self.box_tag = tag
            if tag == "time" and d.get("datetime"):
                self.times.append(d["datetime"])
        if self.box_tag and tag == self.box_tag:
            self.box_depth += 1
        if tag == "a":
            self.link_depth += 1
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
        if self.hide_depth:
            if tag == self.hide_tag:
                self.hide_depth -= 1
            return
        if tag == "title":
            self.in_title = False
            return
        if tag == "head":
            self.in_head = False
            return
        if tag in _SKIP:
            if self.skip_depth:
                self.skip_depth -= 1
            self.in_ldjson = False
            return
        if self.skip_depth:
            return
        if tag == "a" and self.link_depth:
            self.link_depth -= 1
        if self.box_depth and tag == self.box_tag:
            self.flush()
            self.box_depth -= 1
            if not self.box_depth:
                self.box_tag = ""
        if tag in ("b", "strong") and self.bold_at is not None and not self.lead:
            self.lead = "".join(self.buf[self.bold_at:]) or " "
        if tag in _HEADINGS or tag in ("li", "blockquote") or tag in _BLOCK:
            self.flush()
            self.kind, self.level = "paragraph", 0

    def handle_data(self, data: str) -> None:
        if self.in_title:
            if sum(map(len, self.title_parts)) < 1000:
                self.title_parts.append(data)
        elif self.in_ldjson:
            if sum(map(len, self.ldjson)) < 100_000:
                self.ldjson.append(data)
        elif not self.skip_depth and not self.hide_depth:
            if self.in_head and data.strip():
                self.in_head = False  # text ends an unclosed <head>, as in a browser
            if not self.in_head:
                self.buf.append(data)
                if self.link_depth:
                    self.link_chars += len(data.strip())


def _parse(source: str) -> _Extractor:
    parser = _Extractor()
    parser.feed(source)
    parser.close()
    parser.flush()
    return parser


def render_html(source: str) -> tuple[str, list[RawBlock], dict[str, str]]:
    """Render HTML to (canonical text, blocks, metadata) keeping only the page's main
    content; a page whose main content cannot be found is kept whole, with a note
    (metadata key ``note``)."""
    from briefreader.core.ingest.main_content import select_main

    parser = _parse(source)
    meta = _page_meta(parser)
    page_text = parser.builder.text()
    kept, note, context = select_main(source, page_text, parser.builder.blocks)
    if note:
        meta["note"] = note
    if context:
        meta["context"] = context
    return _relayout(page_text, kept), _relayout_blocks(kept), meta


def render_html_page(source: str) -> tuple[str, list[RawBlock], dict[str, str]]:
    """Render a whole page to (canonical text, blocks, metadata from <title>/<meta>)."""
    parser = _parse(source)
    return parser.builder.text(), parser.builder.blocks, _page_meta(parser)


def _relayout(text: str, blocks: list[RawBlock]) -> str:
    return "\n\n".join(text[b.start:b.end] for b in blocks)


def _relayout_blocks(blocks: list[RawBlock]) -> list[RawBlock]:
    out: list[RawBlock] = []
    pos = 0
    for b in blocks:
        size = b.end - b.start
        out.append(RawBlock(b.kind, pos, pos + size, b.level, b.line, b.lead, b.links))
        pos += size + 2
    return out


_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


def _page_meta(parser: _Extractor) -> dict[str, str]:
    meta = dict(parser.meta)
    text = parser.builder.text()
    title = " ".join("".join(parser.title_parts).split())
    h1 = next((" ".join(text[b.start:b.end].split()) for b in parser.builder.blocks
               if b.kind == "heading" and b.level == 1), "")
    found = _LD_DATE.search("".join(parser.ldjson))
    if found:
        meta.setdefault("ld:datepublished", found.group(1))
    if parser.times:
        meta.setdefault("time", parser.times[0])
    if h1:
        meta["h1"] = h1
    if title:
        meta.setdefault("title", page_title(title, h1))
    if "og:title" in meta:
        meta["og:title"] = page_title(meta["og:title"], h1)
    return meta


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


_TITLE_KEYS = ("og:title", "h1", "title")
_DATE_KEYS = ("article:published_time", "datepublished", "time", "ld:datepublished", "date", "dc.date")
_URL_KEYS = ("canonical", "og:url")


def html_fields(meta: dict[str, str]) -> dict[str, str]:
    """A page's title, date and source URL from its metadata, best source first: title
    from og:title, <h1>, <title> (the site's name taken off); date from
    article:published_time, <time datetime>, JSON-LD datePublished; the canonical URL.
    (A date found nowhere here comes from the visible dateline, later.)"""
    from briefreader.core.ingest.metadata import normalise_date

    out: dict[str, str] = {}
    for key in _TITLE_KEYS:
        value = " ".join(meta.get(key, "").split())
        if value:
            out["title"] = page_title(value, meta.get("h1", ""))
            break
    for key in _DATE_KEYS:
        if meta.get(key) and normalise_date(meta[key]):
            out["date"] = meta[key]
            break
    for key in _URL_KEYS:
        if meta.get(key, "").startswith(("http://", "https://")):
            out["source_url"] = meta[key]
            break
    return out
