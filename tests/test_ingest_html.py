"""Web pages: the briefing, not the site around it (issue 15).

The shared White House pages are checked against their own article container, read
with resiliparse's DOM (the templates' body fields, not our extractor); the pages in
tests/data/html were written for these tests in the Kremlin, State Department and UN
layouts, with what each must and must not keep in ``*.expect.txt``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefreader.core.ingest import load_file, parse_document
from briefreader.core.model import Briefing
from tests.conftest import SHARED
from tests.test_ingest import assert_invariant

PAGES = SHARED / "corpus" / "whitehouse-html"
OWN = Path(__file__).parent / "data" / "html"
needs_pages = pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/corpus/whitehouse-html is not here")
_WS = re.compile(r"\s+")
# a speaker label as the pages write them: upper-case words and a colon, or "Q" and a space
_LABEL = re.compile(r"^(?:Q(?:\s|$)|[A-Z][A-Z.'’ \-]{1,60}(?:\([^)]{1,40}\))?\s?:)")


def norm(s: str) -> str:
    return _WS.sub(" ", s.replace("\u00a0", " ")).strip()


def page_files() -> list[Path]:
    return sorted(PAGES.rglob("*.html")) if PAGES.is_dir() else []


def container_lines(path: Path) -> tuple[str, list[str]]:
    """The page's <h1> and the lines of its article body, read from the DOM."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse(path.read_text(encoding="utf-8", errors="replace"))
    h1 = tree.body.query_selector("h1")
    body = tree.body.query_selector(".field-name-field-forall-body") or tree.body.query_selector(
        ".page-content__content")
    assert h1 is not None and body is not None, path.name
    for aside in body.query_selector_all("aside"):  # the 2020 template's share bar
        aside.parent.remove_child(aside)
    text = extract_plain_text(body.html, preserve_formatting=True, main_content=False, list_bullets=False)
    return norm(h1.text), [norm(x) for x in text.split("\n") if norm(x)]


def expected_end(lines: list[str]) -> str:
    """The briefing's last line: its END line (with the time after it), else its last line."""
    ends = [i for i, x in enumerate(lines) if x == "END" or x.startswith("END ")]
    if not ends:
        return lines[-1]
    i = ends[-1]
    if i + 1 < len(lines) and re.fullmatch(r"\d{1,2}:\d{2} [AP]\.M\. \(?[A-Za-z]+\)?", lines[i + 1]):
        return lines[i] + " " + lines[i + 1]
    return lines[i]


@needs_pages
@pytest.mark.parametrize("path", page_files(), ids=lambda p: p.name[:50])
def test_shared_page_is_its_briefing_from_first_line_to_last(path: Path) -> None:
    b = load_file(path)
    assert_invariant(b)
    assert not b.notes, b.notes  # the main content was found
    h1, lines = container_lines(path)
    text = norm(b.text)
    assert text.startswith(h1), text[:120]
    assert text.endswith(expected_end(lines)), text[-120:]
    # every line of the article is there ...
    missing = [x for x in lines if x not in text and not x.startswith("*") and x != "MP4MP3"]
    assert not missing, missing[:3]
    # ... and no line of the page around it
    from briefreader.core.ingest.html import render_html_page

    article = " ".join([h1] + lines)
    chrome = {norm(x) for x in render_html_page(path.read_text(encoding="utf-8", errors="replace"))[0].split("\n")}
    chrome = {x for x in chrome if len(x) >= 4 and x not in article}
    kept = [norm(blk.text) for blk in b.blocks if norm(blk.text) in chrome]
    assert not kept, kept[:5]


CHROME_STRINGS = ["Jump to main content", "Jump to navigation", "Skip to content", "White House Logo",
                  "Search WhiteHouse.gov", "Search form", "frozen in time", "Share this page", "Issued on:",
                  "Copy URL to your clipboard", "All News", "Privacy Policy", "Contact the White House"]


@needs_pages
def test_no_chrome_string_anywhere_in_the_shared_pages_text() -> None:
    for path in page_files():
        text = load_file(path).text
        found = [s for s in CHROME_STRINGS if re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text)]
        assert not found, (path.name, found)


@needs_pages
@pytest.mark.parametrize("path", page_files(), ids=lambda p: p.name[:50])
def test_shared_page_has_one_turn_per_label_on_the_page(path: Path) -> None:
    b = load_file(path)
    _, lines = container_lines(path)
    labels = [x for x in lines if _LABEL.match(x)]
    turns = [blk for blk in b.blocks if blk.label_start >= 0]
    assert len(turns) == len(labels)


# speakers of the opening turns, read on the pages (all three template families)
READ: dict[str, list[tuple[str, str]]] = {
    "the-press-office-2011-10-04-press-gaggle-press-secretary-jay-carney-aboard-air-force-one-en-route-da.html": [
        ("Jay Carney", "Okay. We ready?"), ("Reporter", "So Cantor said"), ("Jay Carney", "That’s not what"),
        ("Reporter", "China says that")],
    "the-press-office-2015-12-01-press-conference-president-obama.html": [
        ("Obama", "Good afternoon."), ("Reporter", "Good morning, sir"), ("Obama", "Well, I'm not sure"),
        ("Reporter", "Thanks, Mr. President.")],
    "the-press-office-2014-04-24-joint-press-conference-president-obama-and-prime-minister-abe-japan.html": [
        ("Abe", "(As interpreted.)"), ("Barack Obama", "Konnichiwa."), ("Reporter", "I’d like to raise"),
        ("Abe", "(As interpreted.)"), ("Barack Obama", "Our position is not new."), ("Carney", "The next question")],
    "obamawhitehouse.archives.gov--blog.html": [
        ("The President", "Merry Christmas everybody!"), ("The First Lady", "Given how our first"),
        ("The First Lady", "Celebrating the holidays"), ("The President", "Although a few got")],
    "white_house_briefing_April-24-2020.html": [
        ("The President", "Thank you very much, everyone."), ("Stephen Hahn", "Thank you, Mr. President."),
        ("The President", "Thank you very much."), ("Reporter", "Dr. Hahn, a question")],
    "white_house_briefing_March-24-2020.html": [
        ("The President", "Thank you very much."), ("Birx", "Thank you. Thank you, Mr. President."),
        ("Fauci", "Thank you very much, Mr. President"), ("The President", "Well, thank you, Tony."),
        ("Larry Kudlow", "Thank you, sir.")],
}


@needs_pages
@pytest.mark.parametrize("name", sorted(READ), ids=lambda n: n[:50])
def test_speakers_of_shared_pages_as_read_on_the_page(name: str) -> None:
    path = next(PAGES.rglob(name))
    b = load_file(path)
    turns = [(blk.speaker, b.text[blk.content_start:blk.end]) for blk in b.blocks if blk.label_start >= 0]
    want = READ[name]
    got = [(speaker, words[:len(start)]) for (speaker, words), (_, start) in zip(turns, want, strict=False)]
    assert got == want


@needs_pages
def test_shared_pages_titles_dates_and_urls() -> None:
    seen = {p.name: load_file(p) for p in page_files()}
    for name, b in seen.items():
        assert "whitehouse.gov" not in b.title.lower() and "| The White House" not in b.title, b.title
        assert b.source_url and b.source_url.startswith("https://"), name
        assert b.date, name
    # the 2020 pages: the briefing's dateline, not the page's "Issued on" a day or three later
    assert seen["white_house_briefing_April-24-2020.html"].date == "2020-04-24"
    assert seen["white_house_briefing_March-31-2020.html"].date == "2020-03-31"
    assert seen["white_house_briefing_March-14-2020.html"].date == "2020-03-14"  # no dateline: "Issued on"
    assert seen["the-press-office-2015-12-01-press-conference-president-obama.html"].date == "2015-12-01"
    assert seen["the-press-office-2015-12-01-press-conference-president-obama.html"].title == \
        "Press Conference by President Obama"


def own_pages() -> list[Path]:
    return sorted(OWN.glob("*.html"))


def expectations(path: Path) -> tuple[list[str], list[str], list[str]]:
    lines = path.with_name(path.stem + ".expect.txt").read_text(encoding="utf-8").splitlines()
    return ([x[2:] for x in lines if x.startswith("+ ")], [x[2:] for x in lines if x.startswith("- ")],
            [x[2:] for x in lines if x.startswith("@ ")])


@pytest.mark.parametrize("path", own_pages(), ids=lambda p: p.stem)
def test_own_layout_pages(path: Path) -> None:
    b = load_file(path)
    assert_invariant(b)
    keep, drop, speakers = expectations(path)
    texts = [norm(blk.text) for blk in b.blocks]
    assert texts[0] == keep[0] and texts[-1].endswith(keep[-1])
    text = norm(b.text)
    assert [x for x in keep if x not in text] == []
    assert [x for x in drop if x in text] == []
    assert [blk.speaker for blk in b.blocks if blk.label_start >= 0] == speakers
    # the words after a label alone on its line are the same person's
    for i, blk in enumerate(b.blocks[:-1]):
        if blk.label_start >= 0 and not b.text[blk.content_start:blk.end].strip():
            assert b.blocks[i + 1].speaker == blk.speaker


def test_own_pages_metadata() -> None:
    k = load_file(OWN / "kremlin-layout.html")
    assert (k.title, k.date, k.source_url) == (
        "Meeting with Government members", "2024-09-18", "http://en.kremlin.example/events/president/news/90001")
    s = load_file(OWN / "state-layout.html")  # og:title with the site's name; the date from JSON-LD
    assert (s.title, s.date) == ("Department Press Briefing – March 12, 2024", "2024-03-12")
    assert s.source_url == "https://www.state.example/briefings/department-press-briefing-march-12-2024/"
    u = load_file(OWN / "un-layout.html")  # <title> with the site's name; <h1>; <time datetime>
    assert u.title == "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General"
    assert u.date == "2024-02-05" and u.source_url == "https://press.un.example/en/2024/db240205.doc.htm"
    assert any(blk.kind == "list_item" for blk in u.blocks) and any(blk.kind == "quote_block" for blk in u.blocks)
    assert [blk.text for blk in u.blocks if blk.kind == "heading"][1:] == ["Gaza", "Questions and Answers"]


def page(body: str, head: str = "") -> str:
    """A page with a menu, a footer and a lead paragraph around ``body``."""
    return (f"<html><head><title>Talks on trade | Ministry of Foreign Affairs</title>{head}</head><body>"
            "<div class='menu'><a href='/'>Home</a> <a href='/news'>News</a> <a href='/about'>About us</a></div>"
            "<h1>Talks on trade</h1><div class='content'>"
            "<p>The minister held talks on trade with his counterpart from the neighbouring country today.</p>"
            f"{body}</div><div class='footer'><a href='/privacy'>Privacy</a> <a href='/terms'>Terms</a></div>"
            "</body></html>")


LONG = "We discussed the trade agreement at length and agreed to meet again next month in the capital."


@pytest.mark.parametrize(("body", "want"), [
    # <b>Name</b>: with the colon outside the bold
    (f"<p><b>Anna Berg</b>: {LONG}</p><p><b>Jan Kowalski</b>: {LONG}</p><p><b>Anna Berg</b>: Thank you.</p>",
     ["Anna Berg", "Jan Kowalski", "Anna Berg"]),
    # <strong>, and a label alone on its line before <br>
    (f"<p><strong>Anna Berg:</strong><br>{LONG}</p><p><strong>Question:</strong><br>And the tariffs?</p>"
     f"<p><strong>Anna Berg:</strong><br>{LONG}</p>", ["Anna Berg", "Reporter", "Anna Berg"]),
    # plain upper-case labels with a no-break space in <p class>, and in bare <div>s
    (f"<p class='p2'>MS. BERG:&nbsp; {LONG}</p><div>Q&nbsp;&nbsp;And the tariffs?</div>"
     f"<div>MS. BERG:&nbsp; {LONG}</div>", ["Berg", "Reporter", "Berg"]),
    # turns separated by <br /> inside one long <p>
    (f"<p>MS. BERG:&nbsp; {LONG}<br />Q&nbsp;&nbsp;And the tariffs?<br />MS. BERG:&nbsp; {LONG}<br />"
     "Q&nbsp;&nbsp;Thank you.</p>", ["Berg", "Reporter", "Berg", "Reporter"]),
    # interpreted speech keeps the person; "Remark:" is a reporter's turn
    (f"<p><b>Anna Berg</b>: {LONG}</p><p><b>Jan Kowalski (retranslated)</b>: {LONG}</p>"
     f"<p><b>Remark</b>: But the tariffs stay.</p><p>MR. NOWAK (via interpreter): {LONG}</p>"
     f"<p><b>Anna Berg</b>: {LONG}</p>",
     ["Anna Berg", "Jan Kowalski", "Reporter", "Nowak", "Anna Berg"]),
])
def test_labels_in_html_whatever_the_markup(body: str, want: list[str]) -> None:
    b = parse_document(page(body), "html", name="talks.html")
    assert [blk.speaker for blk in b.blocks if blk.label_start >= 0] == want
    assert b.title == "Talks on trade"
    assert "Privacy" not in b.text and "About us" not in b.text


def test_hidden_elements_tooltips_captions_and_boxes_are_not_the_briefing() -> None:
    body = (f"<p>{LONG}</p>"
            "<p hidden>Hidden by attribute.</p><p style='color:red; display: none'>Hidden by style.</p>"
            "<span aria-hidden='true'>Hidden from readers.</span>"
            "<p>The minister <a href='/p/1'>Anna Berg<span class='person__tooltip'>Anna BergMinister</span></a> "
            "spoke to reporters after the meeting about the next round of the negotiations.</p>"
            "<figure><img src='x.jpg'><figcaption>The minister at the meeting.</figcaption></figure>"
            "<div class='photo__caption'>Ministers at the table.</div>"
            "<div class='see-also'><h3>See also</h3><ul><li><a href='/1'>Earlier talks on fishing rights</a></li>"
            "</ul></div><div class='share-bar'><a href='#'>Share on Facebook</a></div>"
            f"<ul class='breadcrumbs'><li><a href='/'>Home</a></li></ul><p>{LONG}</p>")
    b = parse_document(page(body), "html", name="talks.html")
    for words in ("Hidden by", "Hidden from", "BergMinister", "at the meeting.", "at the table", "See also",
                  "fishing rights", "Share on", "Home"):
        assert words not in b.text, words
    assert "The minister Anna Berg spoke to reporters" in b.text
    assert_invariant(b)


def test_page_without_main_content_is_kept_whole_with_a_note() -> None:
    src = "<html><body><div><a href='/a'>Home</a></div><p>Short.</p></body></html>"
    b = parse_document(src, "html", name="x.html")
    assert b.text == "Home\n\nShort." and b.notes == ("main content not found: the whole page is kept",)


def test_extractor_failure_falls_back_to_the_whole_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefreader.core.ingest import main_content

    monkeypatch.setattr(main_content, "extract_main_text", lambda source: None)
    b = parse_document(page(f"<p>{LONG}</p>"), "html", name="x.html")
    assert "Privacy" in b.text and "main content not found" in b.notes[0]


def test_the_extractor_is_imported_only_when_an_html_file_is_read(tmp_path: Path) -> None:
    html = tmp_path / "p.html"
    html.write_text(page(f"<p>{LONG}</p>"), encoding="utf-8")
    code = ("import sys\nimport briefreader.core.library, briefreader.core.ingest\n"
            "print('resiliparse' in sys.modules)\n"
            "from briefreader.core.ingest import load_file\n"
            f"load_file({str(html)!r})\nprint('resiliparse' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


# ---- plain-text news: headline, dateline, body ----

@pytest.mark.parametrize(("src", "title", "date", "first"), [
    ("Minister resigns after vote\n2024-03-05\n\nThe minister resigned on Tuesday after losing a vote.\n",
     "Minister resigns after vote", "2024-03-05", "The minister resigned"),
    ("Minister resigns after vote.\nTuesday, March 5, 2024\n\nThe minister resigned on Tuesday after losing "
     "a confidence vote in parliament by twelve votes.\n", "Minister resigns after vote.", "2024-03-05",
     "The minister resigned"),
    ("Will the ceasefire hold?\nBy Jane Smith, Reuters\n\nDiplomats met again on Monday to discuss the terms "
     "of the ceasefire.\n", "Will the ceasefire hold?", None, "Diplomats met again"),
    ("Talks resume in Geneva\nPublished: 6 January 2025 10:14\nBy Jane Smith\n\nTalks resumed in Geneva "
     "on Monday, officials said.\n", "Talks resume in Geneva", "2025-01-06", "Talks resumed in Geneva"),
    # a headline with a full stop, then a blank line, then prose
    ("Minister resigns after vote.\n\nThe minister resigned on Tuesday after losing a confidence vote in "
     "parliament by twelve votes, officials said.\n", "Minister resigns after vote.", None, "The minister"),
])
def test_plain_text_news_headline_and_dateline(src: str, title: str, date: str | None, first: str) -> None:
    b = parse_document(src, "text", name="2099-x.txt")
    assert b.title == title
    assert b.text == src  # the canonical text is the file
    body = [blk for blk in b.blocks if blk.kind == "paragraph" and b.text[blk.start:blk.end].startswith(first)]
    assert body and "\n" not in b.text[body[0].start:body[0].end].strip()  # the dateline is not in it
    if date:
        assert b.date == date
    assert_invariant(b)


def test_prose_first_line_is_not_a_headline() -> None:
    src = ("The minister resigned on Tuesday after losing a vote in parliament, officials said.\n"
           "He had been in office for two years.\n")
    b = parse_document(src, "text", name="2024-03-05-minister-resigns.txt")
    assert b.title == "Minister resigns"


WIKINEWS = SHARED / "corpus" / "news-wikinews"


@pytest.mark.skipif(not WIKINEWS.is_dir(), reason="../shared/corpus/news-wikinews is not here")
def test_wikinews_titles_are_their_headlines() -> None:
    files = sorted(WIKINEWS.rglob("*.txt"))
    assert len(files) == 42
    for f in files:
        head, date = f.read_text(encoding="utf-8").split("\n")[:2]
        b: Briefing = load_file(f)
        assert b.title == head.strip(), f.name
        assert b.date == date.strip(), f.name
        assert b.blocks[0].kind == "heading" and b.blocks[1].text == date.strip()
        assert not b.blocks[2].text.startswith(date.strip())


def test_a_body_whose_class_names_a_box_is_still_read() -> None:
    # "shareable" holds "share": the words of the briefing are kept all the same
    src = page(f"<div class='article-body shareable'><p>MS. BERG:&nbsp; {LONG}</p><p>Q&nbsp; Tariffs?</p>"
               f"<p>MS. BERG:&nbsp; {LONG}</p></div>")
    b = parse_document(src, "html", name="x.html")
    assert b.text.count(LONG) == 2 and "Tariffs?" in b.text
    assert [blk.speaker for blk in b.blocks if blk.label_start >= 0] == ["Berg", "Reporter", "Berg"]
