"""The app's commands for the archive (search order and filters, the notes view,
citations, a topic across briefings), as a mixin of ``BriefreaderApp`` so app.py stays
the composition and routing."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, TextArea

from briefreader.ui.messages import OpenBriefing, Target
from briefreader.ui.widgets.search_bar import PASSAGES


class ArchiveActions:
    """Actions bound in keys.py and offered by the palette; ``self`` is the app."""

    def action_search(self) -> None:
        app: Any = self
        focused = app.focused
        if isinstance(focused, Input) and focused is not app.blist.filter_input:
            focused.insert_text_at_cursor("/")  # typed in a text field (the search's own too)
        elif isinstance(focused, TextArea):
            focused.insert("/")
        elif app.screen is app.screen_stack[0]:
            app.open_search(PASSAGES)

    def action_search_order(self) -> None:
        app: Any = self
        app.search.toggle_order()

    def action_search_questions(self) -> None:
        app: Any = self
        app.search.toggle_questions()

    def action_notes_browser(self) -> None:
        app: Any = self
        app.notes.browse()

    def action_copy_citation(self) -> None:
        app: Any = self
        app.notes.copy_citation()

    def action_copy_notes_markdown(self) -> None:
        app: Any = self
        app.notes.copy_markdown()

    def action_follow_topic(self) -> None:
        """The topic at the cursor (or, searching, the query) in other briefings."""
        from briefreader.ui.screens.topic_across import TopicAcross

        app: Any = self
        query = app.search_bar.values()[0] if app.main.searching else None
        doc = app.analysis.briefing.id if app.analysis is not None and not query else None
        screen = TopicAcross(app.library, app.lib_lock, doc, app.reader.segment if doc else None, query)

        def opened(target: Target | None) -> None:
            if target is not None:
                app.post_message(OpenBriefing(target))

        app.push_screen(screen, opened)
