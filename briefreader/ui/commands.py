"""Command palette providers: open a briefing (fuzzy by title), jump to a topic,
jump to a speaker, switch theme. Textual's own commands stay (App.COMMANDS)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from briefreader.ui.messages import Target
from briefreader.ui.quote_entries import quote_entries

if TYPE_CHECKING:
    from briefreader.ui.app import BriefreaderApp


class _Base(Provider):
    @property
    def reader_app(self) -> BriefreaderApp:
        return cast("BriefreaderApp", self.app)


class OpenBriefingProvider(_Base):
    """Open: <title> (date) — every indexed briefing."""

    async def search(self, query: str) -> Hits:
        app = self.reader_app
        matcher = self.matcher(query)
        for d in app.documents:
            text = f"Open: {d.title} ({d.date or 'undated'})"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(app.open_target, Target(d.id)),
                          help=f"{d.format}, {d.words} words")

    async def discover(self) -> Hits:
        app = self.reader_app
        for d in app.documents[:20]:
            yield DiscoveryHit(f"Open: {d.title} ({d.date or 'undated'})",
                               partial(app.open_target, Target(d.id)), help=d.format)


class TopicProvider(_Base):
    """Topic: <label> — the topics of the open briefing."""

    def _items(self) -> list[tuple[str, int, str]]:
        a = self.reader_app.analysis
        if a is None:
            return []
        return [(f"Topic {i + 1}: {s.label}", i, " ".join(s.summary.split())[:120])
                for i, s in enumerate(a.segments)]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, i, summary in self._items():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self.reader_app.jump_to_segment, i),
                          help=summary)

    async def discover(self) -> Hits:
        for text, i, summary in self._items():
            yield DiscoveryHit(text, partial(self.reader_app.jump_to_segment, i), help=summary)


class SpeakerProvider(_Base):
    """Speaker: <name> — jumps to that speaker's next quote or turn."""

    def _items(self) -> list[tuple[str, str, int]]:
        a = self.reader_app.analysis
        if a is None:
            return []
        counts: dict[str, int] = {}
        for e in quote_entries(a):
            counts[e.speaker] = counts.get(e.speaker, 0) + 1
        return [(f"Speaker: {name}", name, n) for name, n in counts.items()]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, name, n in self._items():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self.reader_app.jump_to_speaker, name),
                          help=f"{n} quotes or turns; next one after the cursor")

    async def discover(self) -> Hits:
        for text, name, n in self._items():
            yield DiscoveryHit(text, partial(self.reader_app.jump_to_speaker, name),
                               help=f"{n} quotes or turns")


class ThemeProvider(_Base):
    """Theme: <name> — switch the colour theme."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name in sorted(self.app.available_themes):
            text = f"Theme: {name}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self.reader_app.set_theme, name),
                          help="switch theme")

    async def discover(self) -> Hits:
        for name in sorted(self.app.available_themes):
            yield DiscoveryHit(f"Theme: {name}", partial(self.reader_app.set_theme, name))


PROVIDERS = {OpenBriefingProvider, TopicProvider, SpeakerProvider, ThemeProvider}
