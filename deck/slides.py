"""The slide model: what `plan_deck` decides and `write_pptx` draws, with no XML in sight.

Every size is decided when planning (text measured, split, shrunk within limits), so the writer
only renders. Lengths are in points.
"""

from __future__ import annotations

from dataclasses import dataclass

from lecturekit.layout.highlight import Line
from lecturekit.model.lesson import Diagnostic, Image, Inlines

from .theme import Box

# A one-line paragraph introducing a picture, table or code ("... in Python:"), shown above it
# on the first of their slides: its text, size and the height of its box (empty: none).
Lead = tuple[Inlines, float, float]


@dataclass(frozen=True)
class Bullet:
    inlines: Inlines
    level: int = 0
    number: int | None = None  # shown as "3." when set (ordered lists, agenda, questions)
    lead: bool = False  # the line that introduces a list ("In this lecture, we'll cover:"): no bullet mark
    display: bool = False  # a display equation (its one span): a line of its own, centred, no mark
    size: float = 0.0  # a display equation's size, when the slide's is too large for it to fit


@dataclass(frozen=True)
class TitleSlide:
    title: str
    title_size: float
    subtitle: str
    details: tuple[str, ...]  # course, lecturer, date: one line each
    notes: str


@dataclass(frozen=True)
class SectionSlide:
    title: str  # "Part 2\nWhat Is Holding Startups Back?": kicker and heading, one unique title
    kicker: str
    heading: str
    title_size: float
    notes: str


@dataclass(frozen=True)
class BulletSlide:
    title: str
    title_size: float
    bullets: tuple[Bullet, ...]
    body_size: float
    notes: str
    kind: str = "content"  # "content" | "agenda" | "discussion" | "sources"
    columns: int = 1  # the agenda of a long lecture: two columns


@dataclass(frozen=True)
class StatementSlide:
    """One key sentence set large: a part of the lecture whose text makes a single claim."""

    title: str
    title_size: float
    text: Inlines
    size: float
    notes: str


@dataclass(frozen=True)
class QuoteSlide:
    title: str
    title_size: float
    quote: Inlines
    attribution: str
    body_size: float
    notes: str


@dataclass(frozen=True)
class PictureSlide:
    title: str
    title_size: float
    image: Image
    box: Box  # where the picture goes: fitted to the free space, its aspect ratio kept
    caption: str  # the image's title, shown under it
    caption_size: float
    notes: str
    lead: Lead = ((), 0.0, 0.0)

    @property
    def decorative(self) -> bool:
        """A picture its author marked decorative: screen readers skip it."""
        return self.image.decorative


@dataclass(frozen=True)
class TableSlide:
    title: str
    title_size: float
    header: tuple[Inlines, ...]  # repeated on every slide of a table
    rows: tuple[tuple[Inlines, ...], ...]
    align: tuple[str, ...]  # per column: "left" | "center" | "right" | ""
    widths: tuple[float, ...]  # per column, in points
    heights: tuple[float, ...]  # the header row's, then each row's, as measured
    size: float
    notes: str
    lead: Lead = ((), 0.0, 0.0)


@dataclass(frozen=True)
class CodeSlide:
    title: str
    title_size: float
    lines: tuple[Line, ...]  # coloured tokens, one entry per line of the code, kept exactly
    size: float
    hangs: tuple[float, ...]  # per line: where its wrapped rows start, in points
    height: float  # of the shaded panel, which starts at the top of the body (below a lead-in)
    notes: str
    lead: Lead = ((), 0.0, 0.0)


Slide = (
    TitleSlide
    | SectionSlide
    | BulletSlide
    | StatementSlide
    | QuoteSlide
    | PictureSlide
    | TableSlide
    | CodeSlide
)


@dataclass(frozen=True)
class Deck:
    title: str
    footer: str
    slides: tuple[Slide, ...]
    warnings: tuple[Diagnostic, ...] = ()
