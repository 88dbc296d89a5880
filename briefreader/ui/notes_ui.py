"""Note taking in the reader (issue #6): annotate the selection or the sentence at
the cursor (a), edit (e), delete after confirmation (d), undo deletions (u).

Every call to the note store runs in a thread worker; the app is told with
``NotesChanged`` and reloads the notes of the briefing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefreader.core.errors import BriefreaderError, IndexBusy
from briefreader.core.model import Note
from briefreader.ui.excerpts import first_words
from briefreader.ui.messages import NotesChanged

if TYPE_CHECKING:
    from briefreader.ui.app import BriefreaderApp
    from briefreader.ui.screens.dialogs import NoteDraft

UNAVAILABLE = "Notes are not available in this installation yet."


class NotesController:
    def __init__(self, app: BriefreaderApp) -> None:
        self.app = app
        self.undo_stack: list[Note] = []

    @property
    def library(self) -> Any:
        return self.app.library

    # -- reading ------------------------------------------------------------------------
    def load(self, doc_id: str) -> None:
        self.app.run_worker(lambda: self._load(doc_id), thread=True, exclusive=True,
                            exit_on_error=False, group="notes-load")

    def _load(self, doc_id: str) -> None:
        try:
            with self.app.lib_lock:
                notes = list(self.library.list_notes(document=doc_id))
        except ImportError:
            self.app.call_from_thread(self.app.show_notes, doc_id, None, UNAVAILABLE)
            return
        except Exception as exc:
            self.app.call_from_thread(self.app.show_notes, doc_id, None, f"Notes unavailable: {exc}")
            return
        self.app.call_from_thread(self.app.show_notes, doc_id, notes, None)

    # -- commands ---------------------------------------------------------------------
    def _target_note(self) -> Note | None:
        app = self.app
        focused = app.focused
        notes_tab = app.side.notes
        if focused is notes_tab.options:
            return notes_tab.highlighted_note()
        return app.reader.note_at_cursor()

    def annotate(self) -> None:
        app = self.app
        reader = app.reader
        if app.analysis is None:
            return
        if not reader.cursor_visible:
            reader.show_cursor()
        span = reader.selection_span()
        if span is None:
            app.notify("Nothing to annotate here", timeout=3)
            return
        start, end = span
        doc_id = app.analysis.briefing.id
        passage = app.analysis.briefing.text[start:end]

        def done(draft: NoteDraft | None) -> None:
            if draft is not None:
                reader.clear_selection()
                self._run(("add", doc_id, start, end, draft.body, draft.tags))

        from briefreader.ui.screens.dialogs import NoteEditor

        app.push_screen(NoteEditor(passage), done)

    def edit(self) -> None:
        note = self._target_note()
        if note is None:
            self.app.notify("No note here: move the cursor (w/W) onto an underlined passage", timeout=4)
            return

        def done(draft: NoteDraft | None) -> None:
            if draft is not None:
                self._run(("update", note.document, note.id, draft.body, draft.tags))

        from briefreader.ui.screens.dialogs import NoteEditor

        self.app.push_screen(NoteEditor(note.text, note.body, note.tags, title="Edit note"), done)

    def delete(self) -> None:
        note = self._target_note()
        if note is None:
            self.app.notify("No note here: move the cursor (w/W) onto an underlined passage", timeout=4)
            return

        def done(yes: bool | None) -> None:
            if yes:
                self._run(("delete", note.document, note))

        from briefreader.ui.screens.dialogs import Confirm

        self.app.push_screen(Confirm(f"Delete the note on “{first_words(note.text, 12)}”?\n"
                                     "(u undoes it while briefreader is open)"), done)

    def undo(self) -> None:
        if not self.undo_stack:
            self.app.notify("Nothing to undo", timeout=2)
            return
        note = self.undo_stack.pop()
        self._run(("restore", note.document, note))

    def _run(self, op: tuple[Any, ...]) -> None:
        self.app.run_worker(lambda: self._write(op), thread=True, exclusive=False,
                            exit_on_error=False, group="notes-write")

    def _write(self, op: tuple[Any, ...]) -> None:
        """One note operation, in a worker thread. No lib_lock: the facade indexes the
        note, which may wait for the writer of a running sync."""
        app, lib = self.app, self.library
        kind, doc_id = op[0], op[1]
        done = {"add": "Note saved", "update": "Note updated",
                "delete": "Note deleted — press u to undo", "restore": "Note restored"}[kind]
        try:
            if kind == "add":
                _, _, start, end, body, tags = op
                lib.add_note(doc_id, start, end, body, list(tags))
            elif kind == "update":
                _, _, note_id, body, tags = op
                lib.update_note(note_id, body=body, tags=list(tags))
            elif kind == "delete":
                note = op[2]
                self.undo_stack.append(note)
                try:
                    lib.delete_note(note.id)
                except BriefreaderError as exc:
                    if not isinstance(exc, IndexBusy):
                        self.undo_stack.pop()
                    raise
            elif kind == "restore":
                lib.restore_note(op[2])
        except IndexBusy:
            done += " (the search index is busy: it will catch up at the next change)"
        except ImportError:
            app.call_from_thread(app.notify, UNAVAILABLE, severity="error")
            return
        except (BriefreaderError, ValueError, KeyError) as exc:
            app.call_from_thread(app.notify, str(exc), title="Note", severity="error")
            app.post_message(NotesChanged(doc_id))
            return
        app.post_message(NotesChanged(doc_id))
        app.call_from_thread(app.notify, done, timeout=3)
