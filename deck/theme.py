"""The deck's look as data: slide size, type scale, colours and the grid every slide is laid on.

The planner measures text against these boxes and the writer fills the template's placeholders,
which sit on the same boxes, so both agree on where text goes. The built-in theme is also a
template file (themes/lecture.pptx, made from this module by scripts/make-theme); an
institution's template becomes a Theme through deck/template.py. Lengths are in points (1/72
inch); a 16:9 slide is 960 x 540.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from lecturekit.fonts import MONO, SANS, Family
from lecturekit.layout.colours import WHITE, contrast, readable

BUILTIN_TEMPLATE = Path(__file__).parent / "themes" / "lecture.pptx"


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Theme:
    template: Path = BUILTIN_TEMPLATE
    builtin: bool = True
    # The template's layouts for: the title slide, content, section headers, title only.
    layout_names: tuple[str, str, str, str] = (
        "Title Slide",
        "Title and Content",
        "Section Header",
        "Title Only",
    )
    width: float = 960.0
    height: float = 540.0
    sans: Family = SANS  # body text, measured with this family
    heading: Family = SANS  # titles
    mono: Family = MONO
    title_bold: bool = True  # content slide titles
    hero_bold: bool = True  # the title slide's title
    section_bold: bool = True  # section headers
    caps: tuple[
        str, ...
    ] = ()  # the roles whose titles the template sets in capitals: "title", "hero", "section"

    # Colours as RRGGBB. Text keeps at least 4.5:1 contrast on its fill (WCAG AA).
    background: str = WHITE
    text: str = "1F2933"
    muted: str = "52606D"
    accent: str = "1D5B8C"

    # Type scale in points. Text shrinks from the size to the minimum to avoid a continuation
    # slide, never below it.
    hero_size: float = 44.0  # title slide and section headers
    title_size: float = 36.0
    title_min: float = 32.0
    body_size: float = 24.0
    body_min: float = 20.0
    quote_size: float = 30.0
    statement_size: float = 32.0  # one key sentence set large
    subtitle_size: float = 24.0
    detail_size: float = 18.0
    footer_size: float = 12.0
    caption_size: float = 18.0
    code_size: float = 22.0
    code_min: float = 20.0  # code stays readable from the back of the room: it continues, never shrinks below

    # The grid: the placeholders' boxes in the template.
    title: Box = Box(56, 24, 848, 100)
    body: Box = Box(56, 140, 848, 336)
    footer: Box = Box(56, 500, 720, 24)
    number: Box = Box(784, 500, 120, 24)
    hero_title: Box = Box(72, 120, 816, 200)
    hero_subtitle: Box = Box(72, 328, 816, 164)  # the subtitle, then course, lecturer and date
    section: Box = Box(72, 150, 816, 250)  # "Part 2" above the heading, in one title placeholder
    rule: Box = Box(63.2, 126, 72, 4)  # the accent rule under content titles, aligned with their text
    kicker_gap: float = 6.0

    # Text box insets and paragraph layout.
    inset_x: float = 7.2
    inset_y: float = 3.6
    first_indent: float = 28.0  # where level-1 text starts, after its bullet
    indent: float = 28.0  # each further level
    number_indent: float = 40.0  # where a numbered item's text starts: room for "10."
    space_before: float = 10.0  # before each top-level bullet
    space_before_nested: float = 4.0
    line_spacing: float = 1.0  # of the font's own line height
    code_inset: float = 12.0  # between the code's shaded box and its text
    slack: float = 0.05  # spare room: LibreOffice and PowerPoint break lines a little differently
    max_bullets: int = 6
    column_gap: float = 36.0  # between the two columns of a long agenda

    def margin(self, level: int, numbered: bool) -> float:
        """Return where the text of a list item at `level` starts, from the left of its box's text."""
        start = self.first_indent + self.indent * level
        return start + max(self.number_indent - self.first_indent, 0.0) if numbered else start

    @property
    def on_accent(self) -> str:
        """Return the text colour for text on the accent: white, unless the accent is too light for it."""
        return WHITE if contrast(WHITE, self.accent) >= 4.5 else self.text

    @property
    def accent_ink(self) -> str:
        """Return the accent for text on the background (numbers, the quote mark): the accent itself,
        or, when it is too light (or dark) to read there, the accent blended toward the text colour
        until it reaches 4.5:1."""
        return readable(self.accent, self.background, self.text)

    def with_accent(self, accent: str) -> Theme:
        return replace(self, accent=accent.upper()) if accent else self


DEFAULT_THEME = Theme()
