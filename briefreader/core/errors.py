"""Errors the core raises; every one carries a one-line message for the user."""


class BriefreaderError(Exception):
    """Base class: ``str(error)`` is a clear one-line message."""


class QueryError(BriefreaderError):
    """A search query that cannot be parsed or names an unknown field."""


class IndexBusy(BriefreaderError):
    """Another process holds the index's write lock beyond our timeout."""


class IngestError(BriefreaderError):
    """A file that cannot be read or parsed as a briefing."""


class NoteError(BriefreaderError):
    """A note that cannot be added, found, changed or imported."""
