"""Note taking in the reader (issue #6): annotate the selection or the sentence at
the cursor (a), edit (e), delete after confirmation (d), undo deletions (u).

Every call to the note store runs in a thread worker: a change posts ``NotesChanged``,
and the notes of the briefing are loaded again (``NotesLoaded``) into the reader and
the Notes tab."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work

from briefreader.core.errors import BriefreaderError, IndexBusy
from briefreader.core.model import Note
from briefreader.ui.controllers.base import Controller
from briefreader.ui.excerpts import first_words
from briefreader.ui.host import NotesHost
from briefreader.ui.messages import NotesChanged, NotesLoaded, NotesMarks, Target

if TYPE_CHECKING:
    from briefreader.ui.screens.dialogs import NoteDraft

UNAVAILABLE = "Notes are not available in this installation yet."
NO_NOTE_HERE = "No note here: move the cursor (w/W) onto an underlined passage"


# -- what to write (one operation per worker) ------------------------------------------
@dataclass(frozen=True)
class AddNote:
    doc_id: str
    start: int
    end: int
    body: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class UpdateNote:
    doc_id: str
    note_id: str
    body: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class DeleteNote:
    doc_id: str
    note: Note


@dataclass(frozen=True)
class RestoreNote:
    doc_id: str
    note: Note


NoteOp = AddNote | UpdateNote | DeleteNote | RestoreNote
DONE = {AddNote: "Note saved", UpdateNote: "Note updated", DeleteNote: "Note deleted — press u to undo",
        RestoreNote: "Note restored"}


class NotesController(Controller):
    def __init__(self, host: NotesHost) -> None:
        super().__init__()
        self.host = host
        self.undo_stack: list[Note] = []

    # -- reading ------------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="notes-load")
    def load(self, doc_id: str) -> None:
        host = self.host
        try:
            with host.lib_lock:
                notes = list(host.library.list_notes(document=doc_id))
        except ImportError:
            self.post_message(NotesLoaded(doc_id, None, UNAVAILABLE))
            return
        except Exception as exc:
            self.post_message(NotesLoaded(doc_id, None, f"Notes unavailable: {exc}"))
            return
        self.post_message(NotesLoaded(doc_id, notes))

    def on_mount(self) -> None:
        self.marks()

    @work(thread=True, exclusive=True, exit_on_error=False, group="notes-marks")
    def marks(self) -> None:
        """Which briefings have notes (their rows in the list are marked)."""
        try:
            with self.host.lib_lock:
                ids = {n.document for n in self.host.library.list_notes()}
        except Exception:  # noqa: BLE001 - no marks: the notes tab says why when opened
            return
        self.post_message(NotesMarks(ids))

    @on(NotesMarks)
    def _on_marks(self, event: NotesMarks) -> None:
        event.stop()
        self.host.blist.set_noted(event.ids)

    @on(NotesLoaded)
    def _on_loaded(self, event: NotesLoaded) -> None:
        event.stop()
        analysis = self.host.analysis
        if analysis is None or analysis.briefing.id != event.doc_id:
            return
        self.host.reader.set_notes(event.notes or [])
        self.host.side.set_notes(event.notes, event.unavailable)

    @on(NotesChanged)
    def _on_changed(self, event: NotesChanged) -> None:
        event.stop()
        self.load(event.doc_id)
        self.marks()

    # -- commands ---------------------------------------------------------------------
    def _target_note(self) -> Note | None:
        notes_tab = self.host.side.notes
        if self.app.focused is notes_tab.options:
            return notes_tab.highlighted_note()
        return self.host.reader.note_at_cursor()

    def annotate(self) -> None:
        reader, analysis = self.host.reader, self.host.analysis
        if analysis is None:
            return
        if not reader.cursor_visible:
            reader.show_cursor()
        span = reader.selection_span()
        if span is None:
            self.notify("Nothing to annotate here", timeout=3)
            return
        start, end = span
        doc_id = analysis.briefing.id
        passage = analysis.briefing.text[start:end]

        def done(draft: NoteDraft | None) -> None:
            if draft is not None:
                reader.clear_selection()
                self._write(AddNote(doc_id, start, end, draft.body, draft.tags))

        from briefreader.ui.screens.dialogs import NoteEditor

        self.app.push_screen(NoteEditor(passage), done)

    def edit(self) -> None:
        note = self._target_note()
        if note is None:
            self.notify(NO_NOTE_HERE, timeout=4)
            return

        def done(draft: NoteDraft | None) -> None:
            if draft is not None:
                self._write(UpdateNote(note.document, note.id, draft.body, draft.tags))

        from briefreader.ui.screens.dialogs import NoteEditor

        self.app.push_screen(NoteEditor(note.text, note.body, note.tags, title="Edit note"), done)

    def delete(self) -> None:
        note = self._target_note()
        if note is None:
            self.notify(NO_NOTE_HERE, timeout=4)
            return

        def done(yes: bool | None) -> None:
            if yes:
                self._write(DeleteNote(note.document, note))

        from briefreader.ui.screens.dialogs import Confirm

        self.app.push_screen(Confirm(f"Delete the note on “{first_words(note.text, 12)}”?\n"
                                     "(u undoes it while briefreader is open)"), done)

    def browse(self) -> None:
        """Every note of the store (m); enter opens the briefing at the passage."""
        from briefreader.ui.screens.notes_browser import CitedNote, NotesBrowser

        def done(item: CitedNote | None) -> None:
            if item is not None:
                n = item.note
                self.host.open_target(Target(n.document, offset=n.start, end=n.end))

        self.app.push_screen(NotesBrowser(self.host.library, {d.id for d in self.host.documents}), done)

    def copy_citation(self) -> None:
        """The selection (or the sentence at the cursor) with its citation, to the clipboard (c)."""
        from briefreader.core.notes.citation import citation_of, citation_text

        reader, analysis = self.host.reader, self.host.analysis
        if analysis is None:
            return
        if not reader.cursor_visible:
            reader.show_cursor()
        span = reader.selection_span()
        if span is None:
            self.notify("Nothing to cite here", timeout=3)
            return
        b = analysis.briefing
        text = citation_text(b.text[span[0]:span[1]], citation_of(b, span[0], span[1], analysis.quotes))
        self.app.copy_to_clipboard(text)
        self.notify(first_words(text, 24), title="Citation copied", markup=False, timeout=4)

    def copy_markdown(self) -> None:
        """Every note as Markdown citations, to the clipboard."""
        try:
            with self.host.lib_lock:
                text = self.host.library.export_notes("md", everywhere=True)
        except Exception as exc:  # noqa: BLE001
            self.notify(f"Notes unavailable: {exc}", severity="error", markup=False)
            return
        self.app.copy_to_clipboard(text)
        self.notify(f"{text.count(chr(10) + '---')} notes copied as Markdown citations", timeout=4)

    def undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo", timeout=2)
            return
        note = self.undo_stack.pop()
        self._write(RestoreNote(note.document, note))

    # -- writing ------------------------------------------------------------------------
    # Not exclusive: every operation must run (a second one must not cancel the first).
    @work(thread=True, exclusive=False, exit_on_error=False, group="notes-write")
    def _write(self, op: NoteOp) -> None:
        """One note operation. No lib_lock: the facade indexes the note, which may wait
        for the writer of a running sync."""
        app, lib = self.app, self.host.library
        done = DONE[type(op)]
        try:
            if isinstance(op, AddNote):
                lib.add_note(op.doc_id, op.start, op.end, op.body, list(op.tags))
            elif isinstance(op, UpdateNote):
                lib.update_note(op.note_id, body=op.body, tags=list(op.tags))
            elif isinstance(op, DeleteNote):
                self.undo_stack.append(op.note)
                try:
                    lib.delete_note(op.note.id)
                except BriefreaderError as exc:
                    if not isinstance(exc, IndexBusy):
                        self.undo_stack.pop()
                    raise
            else:
                lib.restore_note(op.note)
        except IndexBusy:
            done += " (the search index is busy: it will catch up at the next change)"
        except ImportError:
            app.call_from_thread(app.notify, UNAVAILABLE, severity="error")
            return
        except (BriefreaderError, ValueError, KeyError) as exc:
            app.call_from_thread(app.notify, str(exc), title="Note", severity="error")
            self.post_message(NotesChanged(op.doc_id))
            return
        self.post_message(NotesChanged(op.doc_id))
        app.call_from_thread(app.notify, done, timeout=3)
