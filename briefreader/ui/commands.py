"""Command palette providers: open a briefing (fuzzy by title), jump to a topic,
jump to a speaker, switch theme. Textual's own commands stay (App.COMMANDS)."""

from __future__ import annotations

from functools import partial
from typing import cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from briefreader.ui.host import PaletteHost
from briefreader.ui.messages import Target
from briefreader.ui.palette_actions import ActionProvider
from briefreader.ui.plain import markup_escape, plain, plain_highlight
from briefreader.ui.quote_entries import quote_entries


class _Base(Provider):
    @property
    def host(self) -> PaletteHost:
        """The app, as far as the palette needs it."""
        return cast(PaletteHost, self.app)


class OpenBriefingProvider(_Base):
    """Open: <title> (date) — every indexed briefing."""

    async def search(self, query: str) -> Hits:
        host = self.host
        matcher = self.matcher(query)
        for d in host.documents:
            text = f"Open: {d.title} ({d.date or 'undated'})"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, plain_highlight(matcher, text), partial(host.open_target, Target(d.id)),
                          help=markup_escape(f"{d.format}, {d.words} words"))

    async def discover(self) -> Hits:
        host = self.host
        for d in host.documents[:20]:
            yield DiscoveryHit(plain(f"Open: {d.title} ({d.date or 'undated'})", line=True),
                               partial(host.open_target, Target(d.id)), help=markup_escape(d.format))


class TopicProvider(_Base):
    """Topic: <label> — the topics of the open briefing."""

    def _items(self) -> list[tuple[str, int, str]]:
        a = self.host.analysis
        if a is None:
            return []
        return [(f"Topic {i + 1}: {s.label}", i, " ".join(s.summary.split())[:120])
                for i, s in enumerate(a.segments)]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, i, summary in self._items():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, plain_highlight(matcher, text), partial(self.host.jump_to_segment, i),
                          help=markup_escape(summary))

    async def discover(self) -> Hits:
        for text, i, summary in self._items():
            yield DiscoveryHit(plain(text, line=True), partial(self.host.jump_to_segment, i),
                               help=markup_escape(summary))


class SpeakerProvider(_Base):
    """Speaker: <name> — jumps to that speaker's next quote or turn."""

    def _items(self) -> list[tuple[str, str, int]]:
        a = self.host.analysis
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
                yield Hit(score, plain_highlight(matcher, text), partial(self.host.jump_to_speaker, name),
                          help=f"{n} quotes or turns; next one after the cursor")

    async def discover(self) -> Hits:
        for text, name, n in self._items():
            yield DiscoveryHit(plain(text, line=True), partial(self.host.jump_to_speaker, name),
                               help=f"{n} quotes or turns")


class ThemeProvider(_Base):
    """Theme: <name> — switch the colour theme."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name in sorted(self.app.available_themes):
            text = f"Theme: {name}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, plain_highlight(matcher, text), partial(self.host.set_theme, name),
                          help="switch theme")

    async def discover(self) -> Hits:
        for name in sorted(self.app.available_themes):
            yield DiscoveryHit(plain(f"Theme: {name}"), partial(self.host.set_theme, name))


PROVIDERS = {OpenBriefingProvider, TopicProvider, SpeakerProvider, ThemeProvider, ActionProvider}
