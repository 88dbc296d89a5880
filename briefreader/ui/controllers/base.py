"""The base of the controllers: a widget that takes no room on screen.

A controller is a widget so that its ``@work`` methods run as its workers and the
messages they post come back to its own handlers; it is mounted with the app's
panes and never shown."""

from __future__ import annotations

from textual.widget import Widget


class Controller(Widget):
    DEFAULT_CSS = "Controller { display: none; }"
