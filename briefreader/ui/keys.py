"""Every key of the reader, with a stable id users can remap, and keymap loading.

Users remap keys in ``<config dir>/keys.toml``::

    [keys]
    "reader.next_topic" = "]"
    "app.search" = "slash,ctrl+f"

The ids are the ``id=`` of the bindings below; the values are Textual key names
(comma-separated for several keys). The help screen (``?``) lists every id.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from textual.binding import Binding

# -- the bindings, by area (the help screen shows them in this order) -------------

APP_BINDINGS: list[Binding] = [
    Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit briefreader"),
    Binding("question_mark,f1", "help", "Help", id="app.help", tooltip="Show every key"),
    # priority: taken when it arrives, so the keys of a burst after it (a paste) reach the
    # search bar; in a text field it is typed there (action_search)
    Binding("slash", "search", "Search", id="app.search", tooltip="Search passages (Whoosh syntax)",
            priority=True),
    Binding("quotation_mark", "search_quotes", "Quotes", id="app.search_quotes", show=False,
            tooltip="Search quotes only, with a speaker filter"),
    Binding("l", "toggle_list", "List", id="app.toggle_list", tooltip="Show or hide the briefing list"),
    Binding("t", "toggle_side", "Panel", id="app.toggle_side",
            tooltip="Show or hide the Quotes / Topics / Notes panel"),
    Binding("f", "failed", "Failed files", id="app.failed", show=False,
            tooltip="Files that could not be indexed"),
    Binding("r", "resync", "Re-index", id="app.sync", show=False, tooltip="Sync the index again"),
    Binding("1", "side_tab('quotes')", "Quotes tab", id="app.tab_quotes", show=False),
    Binding("2", "side_tab('topics')", "Topics tab", id="app.tab_topics", show=False),
    Binding("3", "side_tab('notes')", "Notes tab", id="app.tab_notes", show=False),
    Binding("m", "notes_browser", "Notes", id="app.notes", show=False,
            tooltip="Every note of the store: filter by words and #tag, open at the passage"),
    Binding("c", "copy_citation", "Cite", id="app.cite", show=False,
            tooltip="Copy the selection (or the sentence) with its citation"),
    Binding("u", "undo", "Undo", id="app.undo", show=False, tooltip="Undo the last note deletion"),
    Binding("F", "follow_topic", "Across briefings", id="app.follow_topic", show=False,
            tooltip="The topic at the cursor (or the search) in other briefings, by date"),
    Binding("escape", "close", "Close", id="app.close", show=False,
            tooltip="Close the search bar, a dialog, or go back to the reader"),
]

READER_BINDINGS: list[Binding] = [
    Binding("j,down", "scroll_lines(1)", "Down", id="reader.down", show=False),
    Binding("k,up", "scroll_lines(-1)", "Up", id="reader.up", show=False),
    Binding("space,pagedown", "page(1)", "Page down", id="reader.page_down", show=False),
    Binding("b,pageup", "page(-1)", "Page up", id="reader.page_up", show=False),
    Binding("g,home", "top", "Top", id="reader.top", show=False),
    Binding("G,end", "bottom", "Bottom", id="reader.bottom", show=False),
    Binding("right_square_bracket", "next_topic", "Topic", id="reader.next_topic",
            key_display="]/[", tooltip="Next topic"),
    Binding("left_square_bracket", "prev_topic", "Previous topic", id="reader.prev_topic", show=False),
    Binding("right_curly_bracket", "next_quote", "Quote", id="reader.next_quote", show=False,
            tooltip="Next quote"),
    Binding("left_curly_bracket", "prev_quote", "Previous quote", id="reader.prev_quote", show=False),
    Binding("right_parenthesis", "next_turn", "Turn", id="reader.next_turn", show=False,
            tooltip="Next speaker turn"),
    Binding("left_parenthesis", "prev_turn", "Previous turn", id="reader.prev_turn", show=False),
    Binding("n", "next_hit", "Hit", id="reader.next_hit", key_display="n/N",
            tooltip="Next search hit"),
    Binding("N", "prev_hit", "Previous hit", id="reader.prev_hit", show=False),
    Binding("w", "next_sentence", "Next sentence", id="reader.next_sentence", show=False),
    Binding("W", "prev_sentence", "Previous sentence", id="reader.prev_sentence", show=False),
    Binding("v", "select", "Select", id="reader.select", show=False,
            tooltip="Start/stop a selection that w/W extend by sentence"),
    Binding("shift+down", "extend(1)", "Select next sentence", id="reader.extend_down", show=False,
            tooltip="Extend the selection by a sentence (or drag with the mouse)"),
    Binding("shift+up", "extend(-1)", "Select previous sentence", id="reader.extend_up", show=False),
    Binding("a", "app.annotate", "Annotate", id="reader.annotate", show=False,
            tooltip="Annotate the selection or the current sentence"),
    Binding("e", "app.edit_note", "Edit note", id="reader.edit_note", show=False),
    Binding("d", "app.delete_note", "Delete note", id="reader.delete_note", show=False),
]

LIST_BINDINGS: list[Binding] = [
    Binding("down", "cursor(1)", "Next", id="list.down", show=False),
    Binding("up", "cursor(-1)", "Previous", id="list.up", show=False),
    Binding("pagedown", "cursor(10)", "Page down", id="list.page_down", show=False),
    Binding("pageup", "cursor(-10)", "Page up", id="list.page_up", show=False),
    Binding("enter", "open", "Open", id="list.open"),
    Binding("ctrl+s", "sort", "Sort", id="list.sort", tooltip="Sort the list by date or by title"),
]

SEARCH_BINDINGS: list[Binding] = [
    Binding("enter", "submit", "Search/results", id="search.submit",
            tooltip="Search now and move to the results"),
    Binding("down", "history(1)", "Next query / results", id="search.results", show=False,
            tooltip="The next query of the history; after the newest, the results"),
    Binding("up", "history(-1)", "Previous query", id="search.history", show=False,
            tooltip="The query searched before (the history of this session)"),
    Binding("ctrl+o", "app.search_order", "By date", id="search.order",
            tooltip="Results newest first, or best first"),
    Binding("ctrl+r", "app.search_questions", "Questions", id="search.questions",
            tooltip="Hide or show reporters' questions in the results"),
    Binding("ctrl+t", "app.toggle_search_mode", "Passages/quotes", id="search.toggle_mode",
            tooltip="Switch between passages and quotes"),
]

RESULTS_BINDINGS: list[Binding] = [
    Binding("enter", "select", "Open", id="results.open"),
    Binding("ctrl+t", "app.toggle_search_mode", "Passages/quotes", id="results.toggle_mode"),
    Binding("ctrl+o", "app.search_order", "By date", id="results.order", show=False),
    Binding("ctrl+r", "app.search_questions", "Questions", id="results.questions", show=False),
]

SIDE_BINDINGS: list[Binding] = [
    Binding("enter", "select", "Jump", id="side.jump"),
]

NOTES_BINDINGS: list[Binding] = [
    Binding("e", "app.edit_note", "Edit", id="notes.edit"),
    Binding("d", "app.delete_note", "Delete", id="notes.delete"),
]


@dataclass(frozen=True)
class KeyGroup:
    title: str
    where: str
    bindings: list[Binding]


GROUPS: list[KeyGroup] = [
    KeyGroup("Everywhere", "except while typing in a text field (there, escape leaves it)", APP_BINDINGS),
    KeyGroup("Reader", "the text of the open briefing", READER_BINDINGS),
    KeyGroup("Briefing list", "type to filter the titles", LIST_BINDINGS),
    KeyGroup("Search bar", "/ for passages, \" for quotes", SEARCH_BINDINGS),
    KeyGroup("Search results", "", RESULTS_BINDINGS),
    KeyGroup("Quotes / Topics / Notes panel", "1 2 3 open a tab", SIDE_BINDINGS),
    KeyGroup("Notes tab", "", NOTES_BINDINGS),
]


def all_ids() -> set[str]:
    return {b.id for g in GROUPS for b in g.bindings if b.id}


def load_keymap(path: Path) -> tuple[dict[str, str], list[str]]:
    """The keymap in ``path`` (``[keys] id = "key"``) and the problems found in it.

    A missing file is an empty keymap; a broken file or unknown id is reported,
    never fatal."""
    if not path.is_file():
        return {}, []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, [f"{path.name}: {exc}"]
    table = data.get("keys", {})
    if not isinstance(table, dict):
        return {}, [f"{path.name}: [keys] must be a table of id = \"key\""]
    known = all_ids()
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in table.items():
        if binding_id not in known:
            problems.append(f"{path.name}: unknown key id '{binding_id}'")
        elif not isinstance(keys, str) or not keys.strip():
            problems.append(f"{path.name}: '{binding_id}' must be a key name such as \"ctrl+f\"")
        else:
            keymap[binding_id] = keys.strip()
    return keymap, problems


def keys_for(binding: Binding, keymap: dict[str, str]) -> str:
    """The keys of ``binding`` after the user's keymap, for display."""
    return keymap.get(binding.id or "", binding.key)
