"""The lesson model: what the reader makes of an article, and all that both writers see.

Everything here is frozen data. Text keeps its inline formatting as a tuple of `Span`s, so the
deck and the handout can both show bold, italic, code and links as real formatting.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from lecturekit.errors import Diagnostic, LessonError
from lecturekit.lexicon import MATH_WORD, NOTE_MARK

__all__ = ["MATH_WORD", "NOTE_MARK", "Diagnostic", "LessonError"]  # kept here too: the model's


@dataclass(frozen=True)
class Span:
    """A run of text with one formatting; `text` may hold "\\n" for a hard line break."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    href: str | None = None
    math: str = ""  # an equation's LaTeX source; its `text` is MATH_WORD, one word to the analysis
    note: int = 0  # a footnote's number; its `text` is NOTE_MARK, which clings to the word before


Inlines = tuple[Span, ...]


def plain(inlines: Inlines) -> str:
    """Return the text of `inlines` without formatting (an equation as MATH_WORD)."""
    return "".join(span.text for span in inlines)


def written(inlines: Inlines) -> str:
    """Return the text of `inlines` as the author wrote it, for speaker notes: an equation as its
    LaTeX source between dollars, a footnote's marker as its number between NOTE_MARKs (which the
    notes turn into "[n]", the note said after them)."""
    return "".join(
        f"${span.math}$" if span.math else f"{NOTE_MARK}{span.note}{NOTE_MARK}" if span.note else span.text
        for span in inlines
    )


def in_words(inlines: Inlines) -> Inlines:
    """Return text with its equations as plain text ("E = mc²") and no footnote markers: what a
    table cell shows, where PowerPoint takes no equation."""
    if not any(span.math or span.note for span in inlines):
        return inlines
    from lecturekit.model.formula import linear

    return tuple(
        replace(span, text=linear(span.math), math="") if span.math else span
        for span in inlines
        if not span.note
    )


def has_math(text: str) -> bool:
    """Tell whether plain text holds an equation or a footnote marker: such text is no slot for a
    generated title, outcome or question."""
    return MATH_WORD in text or NOTE_MARK in text


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
    """A picture; `path` is the resolved local file, or None when it cannot be shown (a remote
    URL, never fetched; a file that is missing or outside the article's folder)."""

    src: str
    alt: str
    title: str
    line: int
    path: Path | None = None
    size: tuple[int, int] = (0, 0)  # in pixels, read from the file
    decorative: bool = False  # marked so by the author (`{.decorative}`): no slide, screen readers skip it


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
class Equation:
    """A display equation: its LaTeX source, and the number it is given (`\\tag{n}`), if any."""

    latex: str
    line: int
    tag: str = ""


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


Block = Paragraph | BulletList | Quote | Image | Table | Code | Equation | Heading | Break


def paragraphs(block: Block) -> Iterator[Paragraph]:
    """Yield the paragraphs of a block, inside quotes and lists too."""
    if isinstance(block, Paragraph):
        yield block
    elif isinstance(block, Quote):
        for inner in block.blocks:
            yield from paragraphs(inner)
    elif isinstance(block, BulletList):
        for item in block.items:
            for inner in item.blocks:
                yield from paragraphs(inner)


def joined_code(blocks: Sequence[Block]) -> list[Block]:
    """Return `blocks` with blocks of code one right after another (a command and its output)
    joined into one, as a lecturer shows them on one slide."""
    found: list[Block] = []
    for block in blocks:
        before = found[-1] if found else None
        if isinstance(block, Code) and isinstance(before, Code):
            found[-1] = Code(
                f"{before.text.rstrip()}\n\n{block.text}", before.lang or block.lang, before.line
            )
        else:
            found.append(block)
    return found


def short_code(block: Code) -> bool:
    """Tell whether a block of code is a line or two ("$ ls", 'value.split("|")'): a lecture shows
    it among the bullets, not on a slide of its own."""
    lines = block.text.strip().splitlines()
    return len(lines) <= SHORT_LINES and all(len(line) <= SHORT_WIDTH for line in lines)


SHORT_LINES, SHORT_WIDTH = 2, 60  # a short block of code: lines, and characters in each


def reading_list(block: BulletList) -> bool:
    """Tell whether a list is a reading list: two items or more, each mostly the text of a link
    ("[Diversity Style Guide](http://...)"). It points elsewhere; a lecture leaves it to the notes."""
    if len(block.items) < 2:
        return False
    for item in block.items:
        spans = [s for b in item.blocks for p in paragraphs(b) for s in p.inlines]
        linked = sum(len(s.text) for s in spans if s.href)
        if not spans or linked < LINKED * sum(len(s.text) for s in spans):
            return False
    return True


LINKED = 0.6  # of a reading list item's characters, at least, in a link


@dataclass(frozen=True)
class Section:
    title: Inlines
    line: int
    blocks: tuple[Block, ...]
    made: bool = False  # titled by lecturekit (a text without headings, split into parts), not by its author


@dataclass(frozen=True)
class Meta:
    """Front matter, validated; text fields are plain strings, empty when not given."""

    title: str
    subtitle: str = ""
    author: str = ""
    source: str = ""
    url: str = ""
    published: str = ""  # when the source was published, as it says (an imported page's date)
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
    section_headers: str = "auto"  # a header slide before each part: auto (long parts only), on, off
    discussion: str = "end"  # the questions: one slide at the end, or "sections": each part's own
    outcomes: tuple[str, ...] = ()  # learning outcomes the lecturer wrote (else they are made)
    minutes: int | None = None  # the lecture's length (see lecturekit.language.selection)
    slides: int | str | None = None  # its content slides: a number, "all", or None (from its length)


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_text(meta: Meta, words: Callable[..., str] | None = None) -> str:
    """Return the lecture date as its language writes it: in English without `words` (the
    lecture's, lecturekit.layout.furniture.words), never in the machine's locale."""
    if meta.date is None:
        return ""
    month = _MONTHS[meta.date.month - 1]
    if meta.lang.lower() == "en-us":
        return f"{month} {meta.date.day}, {meta.date.year}"
    if words is None:
        return f"{meta.date.day} {month} {meta.date.year}"
    return words("{day} {month} {year}", day=meta.date.day, month=words(month), year=meta.date.year)


@dataclass(frozen=True)
class Footnote:
    """A footnote: its number (in order of first reference) and its text."""

    number: int
    inlines: Inlines
    line: int


@dataclass(frozen=True)
class Lesson:
    meta: Meta
    sections: tuple[Section, ...]
    path: Path
    footnotes: tuple[Footnote, ...] = ()
    warnings: tuple[Diagnostic, ...] = field(default=(), compare=False)
