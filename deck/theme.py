"""The deck's look as data: slide size, type scale, colours and the grid every slide is laid on.

The planner measures text against these boxes and the writer draws them, so both agree on
where text goes. Lengths are in points (1/72 inch); a 16:9 slide is 960 x 540.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lecturekit.fonts import MONO, SANS, Family


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Theme:
    width: float = 960.0
    height: float = 540.0
    sans: Family = SANS
    mono: Family = MONO

    # Colours as RRGGBB. Text colours keep at least 4.5:1 contrast on their fill (WCAG AA).
    background: str = "FFFFFF"
    text: str = "1F2933"
    muted: str = "52606D"
    accent: str = "1D5B8C"
    on_accent: str = "FFFFFF"

    # Type scale in points. Text shrinks from the size to the minimum to avoid a continuation
    # slide, never below it.
    hero_size: float = 44.0  # title slide and section headers
    title_size: float = 36.0
    title_min: float = 32.0
    body_size: float = 24.0
    body_min: float = 20.0
    quote_size: float = 30.0
    subtitle_size: float = 24.0
    detail_size: float = 18.0
    footer_size: float = 12.0

    # The grid.
    title: Box = Box(56, 24, 848, 100)
    body: Box = Box(56, 140, 848, 336)
    footer: Box = Box(56, 500, 720, 24)
    number: Box = Box(784, 500, 120, 24)
    hero_title: Box = Box(72, 120, 816, 200)
    hero_subtitle: Box = Box(72, 328, 816, 56)
    hero_details: Box = Box(72, 396, 816, 96)
    section: Box = Box(72, 150, 816, 250)  # "Part 2" above the heading, in one title placeholder
    kicker_gap: float = 6.0
    rule: Box = Box(63.2, 126, 72, 4)  # the accent rule under content titles, aligned with their text

    # Text box insets and paragraph layout.
    inset_x: float = 7.2
    inset_y: float = 3.6
    indent: float = 28.0  # hanging indent of a bullet, and the step per nesting level
    number_indent: float = 40.0  # hanging indent of a numbered item: room for "10." at the body size
    space_before: float = 10.0  # before each top-level bullet
    space_before_nested: float = 4.0
    slack: float = 0.05  # keep 5% spare: LibreOffice and PowerPoint break lines a little differently
    max_bullets: int = 6

    extras: dict = field(default_factory=dict, compare=False)

    def margin(self, level: int, numbered: bool) -> float:
        """Return where the text of a list item at `level` starts, from the left of its box's text."""
        return self.indent * level + (self.number_indent if numbered else self.indent)

    def with_accent(self, accent: str) -> Theme:
        return replace(self, accent=accent) if accent else self


DEFAULT_THEME = Theme()
