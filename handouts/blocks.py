"""What a planned handout is made of: typed blocks with every size decided, no drawing library.

The handout's planner (plan.py) makes these; the PDF writer and the web page's writer draw them
as they are. Text is inline runs (lecturekit.model.lesson.Span), never markup: each writer escapes it
for its own format. Lengths are in points (1/72 inch).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lecturekit.layout.highlight import Line
from lecturekit.model.lesson import Inlines, Meta

# The handout's colours, RRGGBB; the accent is the deck's, darkened until it reads on paper.
INK, MUTED, RULE, TINT, LINK = "1F2933", "52606D", "9AA5B1", "F2F4F7", "1D5B8C"


@dataclass(frozen=True)
class Style:
    """A paragraph style of the handout's type scale."""

    size: float
    leading: float
    bold: bool = False
    italic: bool = False
    colour: str = INK
    before: float = 0.0  # space above
    after: float = 6.0  # space below
    indent: float = 0.0  # of the text from the left edge of its column
    bullet_indent: float = 0.0  # of the bullet or number
    centred: bool = False
    mono: bool = False
    keep_with_next: bool = False  # never the last thing on a page


@dataclass(frozen=True)
class Text:
    """A paragraph; a heading when `heading` (1 to 6) is set, with a bookmark named `anchor`."""

    style: str  # a name in the handout's `styles`
    inlines: Inlines
    bullet: str = ""  # "•", "–" or a number such as "3."
    heading: int = 0
    anchor: str = ""
    outline: str = ""  # the bookmark's title, when it is not the text itself


@dataclass(frozen=True)
class Rule:
    width: float  # a share of the column
    thickness: float
    colour: str
    before: float
    after: float


@dataclass(frozen=True)
class Picture:
    path: Path
    width: float
    height: float
    alt: str
    caption: Inlines  # the picture's title, () when it has none


@dataclass(frozen=True)
class TableBlock:
    rows: tuple[tuple[Inlines, ...], ...]  # the header row first, every row as wide as the header
    widths: tuple[float, ...]
    align: tuple[str, ...]  # "", "left", "center" or "right", one a column
    size: float  # type size: the largest at which the columns fit
    padding: float


@dataclass(frozen=True)
class CodeBlock:
    rows: tuple[Line, ...]  # every row fits the column
    continued: tuple[bool, ...]  # a row that continues the line before it, too long for the column
    lang: str
    size: float
    leading: float


@dataclass(frozen=True)
class EquationBlock:
    """A display equation at `size` points (the body's, or as much smaller as fits the column)."""

    latex: str
    tag: str
    size: float


@dataclass(frozen=True)
class Footnotes:
    """The footnotes a part of the reading marks, at its end: (number, text) each."""

    notes: tuple[tuple[int, Inlines], ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    start: int
    items: tuple[tuple[Block, ...], ...]
    indent: float


@dataclass(frozen=True)
class QuoteBlock:
    blocks: tuple[Block, ...]
    attribution: Inlines
    indent: float


@dataclass(frozen=True)
class Panel:
    """A tinted box: a label, then its rows (the key points of a part, the learning outcomes)."""

    label: Text
    rows: tuple[Text, ...]


@dataclass(frozen=True)
class QuestionBlock:
    """A question with the lines to answer it on, never parted from them; the instructor
    edition adds its level and origin, its source sentences and what a good answer mentions."""

    number: int
    text: Inlines
    lines: int
    notes: tuple[Text, ...] = ()


Block = (
    Text
    | Rule
    | Picture
    | TableBlock
    | CodeBlock
    | EquationBlock
    | Footnotes
    | ListBlock
    | QuoteBlock
    | Panel
    | QuestionBlock
)


@dataclass(frozen=True)
class Part:
    """A part of the handout that opens with a heading: a section, the questions, the source."""

    heading: Text
    blocks: tuple[Block, ...]
    room: float  # the height it needs left on a page to start there, else it starts the next


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    margin_x: float
    margin_top: float
    margin_bottom: float
    header_y: float  # the running header's baseline, from the top edge
    footer_y: float  # the page number's baseline, from the bottom edge
    line_gap: float  # between ruled answer lines

    @property
    def column(self) -> float:
        return self.width - 2 * self.margin_x


@dataclass(frozen=True)
class Handout:
    meta: Meta
    page: Page
    styles: dict[str, Style]
    accent: str
    front: tuple[Block, ...]  # the first page's opening: title, byline, outcomes, overview
    parts: tuple[Part, ...]
    header: str  # the running header, on every page after the first
    footer: str  # "Page {page} of {pages}"
    instructor: bool
