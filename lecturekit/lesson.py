"""The lesson model: what the reader makes of an article, and all that both writers see.

Everything here is frozen data. Text keeps its inline formatting as a tuple of `Span`s, so the
deck and the handout can both show bold, italic, code and links as real formatting.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Span:
    """A run of text with one formatting; `text` may hold "\\n" for a hard line break."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    href: str | None = None


Inlines = tuple[Span, ...]


def plain(inlines: Inlines) -> str:
    """Return the text of `inlines` without formatting."""
    return "".join(span.text for span in inlines)


@dataclass(frozen=True)
class Paragraph:
    inlines: Inlines
    line: int


@dataclass(frozen=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]
    ordered: bool
    start: int
    line: int


@dataclass(frozen=True)
class Quote:
    blocks: tuple[Block, ...]
    attribution: Inlines
    line: int


@dataclass(frozen=True)
class Image:
    """A picture; `path` is the resolved local file, None for a remote URL (never fetched)."""

    src: str
    alt: str
    title: str
    line: int
    path: Path | None = None
    size: tuple[int, int] = (0, 0)  # in pixels, read from the file


@dataclass(frozen=True)
class Table:
    header: tuple[Inlines, ...]
    rows: tuple[tuple[Inlines, ...], ...]
    align: tuple[str, ...]  # "left" | "center" | "right" | "" per column
    line: int


@dataclass(frozen=True)
class Code:
    text: str
    lang: str
    line: int


@dataclass(frozen=True)
class Heading:
    """A heading below the section level; `level` 1 is the first level under the section."""

    inlines: Inlines
    level: int
    line: int


@dataclass(frozen=True)
class Break:
    """A thematic break (`---`): the author asks for a new slide here."""

    line: int


Block = Paragraph | BulletList | Quote | Image | Table | Code | Heading | Break


@dataclass(frozen=True)
class Section:
    title: Inlines
    line: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Meta:
    """Front matter, validated; text fields are plain strings, empty when not given."""

    title: str
    subtitle: str = ""
    author: str = ""
    source: str = ""
    url: str = ""
    course: str = ""
    lecturer: str = ""
    institution: str = ""
    date: _dt.date | None = None
    lang: str = "en"
    keywords: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    paper: str = ""
    answer_lines: int | None = None
    accent: str = ""


@dataclass(frozen=True)
class Diagnostic:
    """A warning about the input, kept as data; the CLI decides whether and how to print it."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: warning: {self.message}"


@dataclass(frozen=True)
class Lesson:
    meta: Meta
    sections: tuple[Section, ...]
    path: Path
    warnings: tuple[Diagnostic, ...] = field(default=(), compare=False)


class LessonError(Exception):
    """Bad input: what is wrong, where, and what to do about it. Printed without a traceback."""

    def __init__(self, path: Path | str, line: int | None, message: str, hint: str = ""):
        super().__init__(message)
        self.path = Path(path)
        self.line = line
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        text = f"{where}: error: {self.message}"
        return f"{text}\n  {self.hint}" if self.hint else text
