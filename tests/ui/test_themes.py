"""Every theme legible: list dates, speaker labels, search hits and the list cursor at a
contrast of 4.5:1 or more against what they are drawn on."""

from __future__ import annotations

from textual.color import Color

from tests.ui.conftest import settle

MIN_CONTRAST = 4.5
ELEMENTS = [  # (widget selector, component class, what it is)
    ("#briefings", "rows--meta", "list dates"),
    ("#briefings", "rows--highlight", "list cursor"),
    ("#reader", "reader--label-reporter", "Q labels"),
    ("#reader", "reader--label-0", "speaker labels"),
    ("#reader", "reader--hit", "search hits"),
    ("#reader", "reader--topic", "topic rules"),
]


def _luminance(c: Color) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)


def contrast(fg: Color, bg: Color) -> float:
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _colours(widget, component: str) -> tuple[Color, Color]:  # type: ignore[no-untyped-def]
    base = widget.background_colors[1]  # what the widget is drawn on
    style = widget.get_visual_style(component)
    bg = base + style.background if style.background is not None else base
    fg = style.foreground if style.foreground is not None else widget.styles.color
    return bg + fg, bg


async def test_every_theme_is_legible(make_app):
    app = make_app()
    failures: list[str] = []
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("l")  # the list focused: its cursor in the focused style
        # (the ANSI themes use the terminal's own colours: nothing to measure)
        themes = sorted(t for t in app.available_themes if not t.startswith("ansi-"))
        assert len(themes) >= 10
        for name in themes:
            app.theme = name
            await pilot.pause()
            for selector, component, what in ELEMENTS:
                fg, bg = _colours(app.query_one(selector), component)
                ratio = contrast(fg, bg)
                if ratio < MIN_CONTRAST:
                    failures.append(f"{name}: {what} {fg.hex} on {bg.hex} = {ratio:.2f}")
    assert not failures, "\n".join(failures)


def test_contrast_formula() -> None:
    assert round(contrast(Color(0, 0, 0), Color(255, 255, 255)), 1) == 21.0
    assert contrast(Color(0, 0, 0), Color(0x12, 0x12, 0x12)) < 1.5  # the old cursor: #000 on #121212
