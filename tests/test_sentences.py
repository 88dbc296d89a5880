from briefreader.core.sentences import split_spans


def sents(text: str) -> list[str]:
    return [text[a:b] for a, b in split_spans(text)]


def test_titles_initials_and_months_do_not_end_sentences() -> None:
    text = ("Mr. Peskov met Dr. Jha in the U.S. capital on Jan. 20 at 3 p.m. local time. "
            "John F. Kennedy said so. It rose 3.5 percent! Really? Yes.")
    assert sents(text) == [
        "Mr. Peskov met Dr. Jha in the U.S. capital on Jan. 20 at 3 p.m. local time.",
        "John F. Kennedy said so.", "It rose 3.5 percent!", "Really?", "Yes.",
    ]


def test_closing_quotes_and_ellipses() -> None:
    text = "“We will not,” he said. “Never.” Then … nothing. Wait... What?"
    assert sents(text) == ["“We will not,” he said.", "“Never.”", "Then … nothing.", "Wait...", "What?"]


def test_spans_are_exact_with_offsets() -> None:
    text = "  One.  Two.\nThree  "
    spans = list(split_spans(text, 0, len(text)))
    assert [text[a:b] for a, b in spans] == ["One.", "Two.", "Three"]
