"""Plan a deck: Lesson -> slides, with every piece of text measured, split and sized here.

Pure: no python-pptx, no files. The rules a lecturer can rely on:
- one short bullet per paragraph (its key point, in its own words); the paragraph in the notes;
- author-written lists kept as they are, nested levels and numbering included;
- at most `theme.max_bullets` bullets a slide, and never more text than the box holds at the
  minimum size: what does not fit continues on a slide titled "<title> (cont.)";
- a subheading starts a new slide titled by it; `---` starts a new slide;
- every slide has a title, unique in the deck, and speaker notes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from lecturekit.code import Line, code_lines, highlight, language_name
from lecturekit.keypoints import section_key_points
from lecturekit.lesson import (
    Break,
    BulletList,
    Code,
    Diagnostic,
    Heading,
    Image,
    Inlines,
    Lesson,
    Paragraph,
    Quote,
    Section,
    Span,
    Table,
    date_text,
    plain,
)
from lecturekit.tables import column_widths
from lecturekit.text import take

from .measure import Measurer
from .slides import (
    Bullet,
    BulletSlide,
    CodeSlide,
    Deck,
    PictureSlide,
    QuoteSlide,
    SectionSlide,
    Slide,
    TableSlide,
    TitleSlide,
)
from .theme import DEFAULT_THEME, Box, Theme

MAX_LEVEL = 4  # deeper list items are shown at this level: more indentation leaves no room for text
UPSCALE = 2.0  # a small picture is shown at most twice its size at 96 dpi: more would blur it
_SUFFIX = re.compile(r" \((?:cont\.(?: \d+)?|\d+)\)$")


@dataclass(frozen=True)
class _Lead:
    """A one-line paragraph introducing a picture, table or code, shown above it."""

    inlines: Inlines
    size: float
    height: float  # of its box
    note: str


@dataclass(frozen=True)
class _Item:
    bullet: Bullet
    note: str
    group: int  # items of one source block share a group; their notes are one paragraph


def plan_deck(lesson: Lesson, theme: Theme = DEFAULT_THEME, questions: Sequence[str] = ()) -> Deck:
    """Return the slides for `lesson`; `questions` go on the closing discussion slide(s)."""
    return _Planner(lesson, theme).plan(questions)


class _Planner:
    def __init__(self, lesson: Lesson, theme: Theme):
        self.lesson = lesson
        self.meta = lesson.meta
        self.theme = theme
        self.measure = Measurer(theme.sans, theme.mono, theme.line_spacing)
        self.measure_titles = Measurer(theme.heading, theme.mono, theme.line_spacing)
        self.measure_code = Measurer(theme.mono, theme.mono, 1.0)
        self.slides: list[Slide] = []
        self.warnings: list[Diagnostic] = []
        self.title_uses: dict[str, int] = {}
        self.groups = 0

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(Diagnostic(self.lesson.path, line, message))

    # -- the deck ------------------------------------------------------------------------------

    def plan(self, questions: Sequence[str]) -> Deck:
        sections = self.lesson.sections
        self.title_slide()
        many = len(sections) > 1
        if many:
            self.agenda(sections)
        for number, section in enumerate(sections, start=1):
            if many:
                self.section_slide(number, len(sections), section)
            self.section_content(section)
        if questions:
            self.discussion(questions)
        self.sources()
        slides = self.fit_titles(_unique_titles(self.slides))
        return Deck(self.meta.title, self.footer(), tuple(slides), tuple(self.warnings))

    def footer(self) -> str:
        """Return "course · title" for the foot of content slides, shortened to one line."""
        theme = self.theme
        text = " · ".join(part for part in (self.meta.course, self.meta.title) if part)
        width = (theme.footer.w - 2 * theme.inset_x) * (1 - theme.slack)
        if self.measure.width(text, theme.footer_size) <= width:
            return text
        while text and self.measure.width(text + "…", theme.footer_size) > width:
            text = text[: max(len(text) - 4, 0)].rstrip()
        return text + "…"

    def title_slide(self) -> None:
        meta = self.meta
        date = date_text(meta)
        details = tuple(part for part in (meta.course, meta.lecturer, date) if part)
        notes = [f"Lecture: {meta.title}."]
        if meta.subtitle:
            notes.append(meta.subtitle)
        if meta.source:
            notes.append(f"Based on an article from {meta.source}.")
        title, size = self.fit_hero(meta.title, self.theme.hero_title, "hero")
        self.slides.append(TitleSlide(title, size, meta.subtitle, details, "\n".join(notes)))

    def agenda(self, sections: Sequence[Section]) -> None:
        items = [
            _Item(Bullet(section.title, 0, number), plain(section.title), 0)
            for number, section in enumerate(sections, start=1)
        ]
        notes = f"This lecture has {len(sections)} parts."
        self.bullet_slides("Agenda", items, kind="agenda", notes=notes)

    def section_slide(self, number: int, total: int, section: Section) -> None:
        heading = plain(section.title)
        kicker = f"Part {number}"
        subheadings = [plain(b.inlines) for b in section.blocks if isinstance(b, Heading)]
        notes = f"Part {number} of {total}: {heading}."
        if subheadings:
            notes += " It covers " + ", ".join(subheadings) + "."
        theme = self.theme
        # The kicker ("Part 2") shares the title box, one line at the title minimum above the heading.
        kicker_height = self.measure_titles.line_height(theme.title_min) + theme.kicker_gap
        shown, size = self.fit_hero(heading, theme.section, "section", reserve=kicker_height)
        if shown == heading:
            self.slides.append(SectionSlide(f"{kicker}\n{heading}", kicker, heading, size, notes))
            return
        # A small title box (some templates'): one line, "Part 2: ...", rather than losing the heading.
        shown, size = self.fit_hero(f"{kicker}: {heading}", theme.section, "section")
        self.slides.append(SectionSlide(shown, "", shown, size, notes))

    def discussion(self, questions: Sequence[str]) -> None:
        items = [_Item(Bullet((Span(q),), 0, n), f"{n}. {q}", 0) for n, q in enumerate(questions, start=1)]
        self.bullet_slides("Discussion", items, kind="discussion", notes="Questions for discussion:")

    def sources(self) -> None:
        meta = self.meta
        lines: list[Inlines] = []
        if meta.source:
            lines.append((Span(meta.source, bold=True), Span(f": “{meta.title}”")))
        else:
            lines.append((Span(f"“{meta.title}”"),))
            self.warn(
                None, "no 'source' in the front matter: the sources slide cannot credit the publication"
            )
        if meta.author:
            lines.append((Span(f"Written by {meta.author}"),))
        if meta.url:
            lines.append((Span(meta.url, href=meta.url),))
        pictures = [b for s in self.lesson.sections for b in s.blocks if isinstance(b, Image) and b.title]
        for image in pictures:
            lines.append((Span(f"“{image.title}” ({Path(image.src).name})"),))
        items = [_Item(Bullet(line), plain(line), 0) for line in lines]
        self.bullet_slides("Sources", items, kind="sources", notes="Sources and attribution:")

    # -- a section -----------------------------------------------------------------------------

    def section_content(self, section: Section) -> None:
        title = plain(section.title)
        run: list[_Item] = []
        bullets = {id(paragraph): bullet for _, paragraph, bullet in section_key_points(section)}

        def flush() -> None:
            if run:
                self.bullet_slides(title, run)
                run.clear()

        lead: _Lead | None = None
        for block in section.blocks:
            if isinstance(block, Paragraph) and id(block) not in bullets:  # a lead-in, for what follows
                flush()
                lead = self.lead(block)
            elif isinstance(block, Paragraph):
                self.groups += 1
                bullet = Bullet(bullets[id(block)])
                run.append(_Item(bullet, plain(block.inlines), self.groups))
            elif isinstance(block, BulletList):
                self.groups += 1
                later: list[Image | Table] = []
                run.extend(self.list_items(block, 0, self.groups, later))
                if later:  # pictures and tables in the list get their own slides after it
                    flush()
                    for inner in later:
                        self.block_slides(title, inner)
            elif isinstance(block, Heading):
                flush()
                title = plain(block.inlines)
            elif isinstance(block, Break):
                flush()
            elif isinstance(block, Quote):
                flush()
                self.quote_slide(title, block)
            elif isinstance(block, Image | Table | Code):
                flush()
                self.block_slides(title, block, lead)
                lead = None
        flush()

    def lead(self, paragraph: Paragraph) -> _Lead:
        """Return a lead-in ("... in Python:") as it is shown above what it introduces."""
        theme = self.theme
        size = theme.body_size
        inlines = paragraph.inlines
        height = (
            self.measure.height(inlines, size, self.width(theme.body, -1)) / (1 - theme.slack)
            + 2 * theme.inset_y
        )
        return _Lead(inlines, size, height, plain(inlines))

    def block_slides(self, title: str, block: Image | Table | Code, lead: _Lead | None = None) -> None:
        first = len(self.slides)
        if isinstance(block, Image):
            self.picture_slide(title, block, lead)
        elif isinstance(block, Table):
            self.table_slides(title, block, lead)
        else:
            self.code_slides(title, block, lead)
        if lead is not None and len(self.slides) > first:  # the lead-in's paragraph goes in the notes too
            slide = self.slides[first]
            self.slides[first] = replace(slide, notes=f"{lead.note}\n\n{slide.notes}")

    def list_items(self, block: BulletList, level: int, group: int, later: list) -> list[_Item]:
        """Return the bullets of a list; its pictures and tables go to `later`, for slides of their own."""
        if level == MAX_LEVEL:
            self.warn(
                block.line,
                f"list nested deeper than {MAX_LEVEL + 1} levels: deeper items are shown at that level",
            )
        shown = min(level, MAX_LEVEL)
        items: list[_Item] = []
        for position, item in enumerate(block.items):
            number = block.start + position if block.ordered else None
            marker = f"{number}." if number is not None else "•"
            first = True
            for inner in item.blocks:
                if isinstance(inner, Paragraph | Heading):
                    text = plain(inner.inlines)
                    bullet = Bullet(inner.inlines, shown, number if first else None)
                    items.append(
                        _Item(bullet, "  " * level + (marker + " " if first else "  ") + text, group)
                    )
                    first = False
                elif isinstance(inner, BulletList):
                    items.extend(self.list_items(inner, level + 1, group, later))
                elif isinstance(inner, Image | Table):
                    later.append(inner)
                elif isinstance(inner, Code):
                    items.append(_Item(Bullet((Span(inner.text, code=True),), shown), inner.text, group))
                elif isinstance(inner, Quote):
                    for quoted in inner.blocks:
                        if isinstance(quoted, Paragraph):
                            spans = tuple(replace(s, italic=True) for s in quoted.inlines)
                            items.append(_Item(Bullet(spans, min(level + 1, MAX_LEVEL)), plain(spans), group))
        return items

    def quote_slide(self, title: str, block: Quote) -> None:
        quote = _join_paragraphs([b for b in block.blocks if isinstance(b, Paragraph)])
        attribution = plain(block.attribution)
        notes = plain(quote) + (f"\n— {attribution}" if attribution else "")
        box = self.theme.body
        size = self.fit_size(quote, box, self.theme.quote_size, self.theme.body_min, reserve=1)
        if size is None:  # too long to show whole: show what fits, the rest is in the notes
            size = self.theme.body_min
            quote = self.truncate(quote, box, size, reserve=1)
            self.warn(
                block.line, "quote too long for one slide: the slide shows its start, the notes all of it"
            )
        self.slides.append(QuoteSlide(self.next_title(title), 0, quote, attribution, size, notes))

    def picture_slide(self, title: str, block: Image, lead: _Lead | None = None) -> None:
        """A picture slide: the picture as large as the space allows (a small one at most twice its
        size), its title as a caption under it, its alt text as the picture's."""
        theme = self.theme
        notes = block.alt or block.title or "A picture."
        if block.path is None:
            # A remote image is never fetched: its alt text stands in for it.
            alt = block.alt or block.src
            item = _Item(Bullet((Span(f"[Image: {alt}]", italic=True),)), notes, 0)
            if lead is not None:
                self.bullet_slides(title, [_Item(Bullet(lead.inlines), "", 0), item])
                return
            self.bullet_slides(title, [item])
            return
        area = _below(theme.body, lead)
        caption: Inlines = ()
        below = 0.0  # the caption's height
        if block.title:
            size = theme.caption_size
            two_lines = Box(
                0, 0, area.w, 2 * self.measure.line_height(size) / (1 - theme.slack) + 2 * theme.inset_y
            )
            caption = self.truncate((Span(block.title),), two_lines, size, level=-1)
            below = (
                self.measure.height(caption, size, self.width(area, -1)) / (1 - theme.slack)
                + 2 * theme.inset_y
            )
        pixels_w, pixels_h = block.size if all(block.size) else (4, 3)
        scale = min(area.w / pixels_w, (area.h - below) / pixels_h, UPSCALE * 72 / 96)
        w, h = pixels_w * scale, pixels_h * scale
        # The picture and its caption, together in the middle of the space.
        box = Box(area.x + (area.w - w) / 2, area.y + (area.h - h - below) / 2, w, h)
        self.slides.append(
            PictureSlide(
                self.next_title(title), 0, block, box, plain(caption), theme.caption_size, notes, _shown(lead)
            )
        )

    def table_slides(self, title: str, block: Table, lead: _Lead | None = None) -> None:
        """Native table slides: columns as wide as their content wants, the text as large as the
        width allows (down to the body minimum), rows continued under the repeated header.

        A table too wide for a slide even at the minimum is shown in parts of a few columns
        each, its first column (what each row is about) repeated in every part.
        """
        theme = self.theme
        count = max(len(block.header), *(len(row) for row in block.rows), 1)

        def full(row: tuple[Inlines, ...]) -> tuple[Inlines, ...]:
            return tuple(row) + ((),) * (count - len(row))

        header = tuple(tuple(replace(s, bold=True) for s in cell) for cell in full(block.header))
        cells = [header, *(full(row) for row in block.rows)]
        align = tuple(block.align) + ("",) * (count - len(block.align))
        parts = self._table_parts(cells, block.line)
        for columns, size, widths in parts:
            part = [tuple(row[c] for c in columns) for row in cells]
            less = lead.height if lead is not None else 0.0
            pages = self._table_pages(part[0], part[1:], widths, size, less)
            for smaller in _sizes(size, theme.body_min)[1:]:  # a smaller size that saves a slide
                fewer = self._table_pages(part[0], part[1:], widths, smaller, less)
                if len(pages) > 1 and len(fewer) < len(pages):
                    size, pages = smaller, fewer
            if any(row not in part for page in pages for row in page):
                self.warn(
                    block.line,
                    "a table row is too long for a slide: the slide shows its start, the notes all of it",
                )
            for page in pages:
                shown, lead, less = _shown(lead), None, 0.0
                rows = (part[0], *page)
                notes = "\n".join(" | ".join(plain(cell) for cell in row) for row in rows)
                heights = tuple(self._row_height(row, widths, size) for row in rows)
                self.slides.append(
                    TableSlide(
                        self.next_title(title),
                        0,
                        part[0],
                        tuple(page),
                        tuple(align[c] for c in columns),
                        tuple(widths),
                        heights,
                        size,
                        "Table:\n" + notes,
                        shown,
                    )
                )

    def _table_parts(self, cells, line: int) -> list[tuple[list[int], float, list[float]]]:
        """Return the table's parts: (columns, text size, column widths) for each; one part when
        the whole table fits the width at some size from the body size down to the minimum."""
        theme = self.theme
        available = theme.body.w
        inset = 2 * theme.inset_x / (1 - theme.slack)
        count = len(cells[0])
        for size in _sizes(theme.body_size, theme.body_min):
            minimums, naturals = self._column_needs(cells, size)
            widths = column_widths([m + inset for m in minimums], [n + inset for n in naturals], available)
            if widths is not None:
                return [(list(range(count)), size, widths)]
        size = theme.body_min
        minimums, naturals = self._column_needs(cells, size)
        need = [m + inset for m in minimums]
        groups: list[list[int]] = []
        for column in range(1, count) if count > 1 else [0]:
            if groups and sum(need[c] for c in groups[-1]) + need[column] <= available:
                groups[-1].append(column)
            else:
                groups.append([0, column] if count > 1 and need[0] + need[column] <= available else [column])
        parts, broken = [], False
        for columns in groups:
            widths = column_widths(
                [need[c] for c in columns], [naturals[c] + inset for c in columns], available
            )
            if widths is None:  # one column wider than the slide: its longest words are broken
                broken = True
                total = sum(need[c] for c in columns)
                widths = [available * need[c] / total for c in columns]
            parts.append((columns, size, widths))
        if len(parts) > 1:
            self.warn(
                line,
                f"a table of {count} columns is too wide for one slide: it is shown in {len(parts)} parts"
                + (", each with its first column" if any(p[0][0] == 0 for p in parts[1:]) else ""),
            )
        if broken:
            self.warn(
                line,
                f"a table column is too wide for a slide even at {size:g} pt: its longest words are broken",
            )
        return parts

    def _column_needs(self, cells: list[tuple[Inlines, ...]], size: float) -> tuple[list[float], list[float]]:
        """Return each column's minimum width (its longest word) and natural width (its longest
        cell on one line) at `size`, text only, with the measuring slack."""
        columns = len(cells[0])
        minimums, naturals = [0.0] * columns, [0.0] * columns
        for row in cells:
            for index, cell in enumerate(row):
                lines = self.measure.lines(cell, size, math.inf)
                naturals[index] = max(
                    naturals[index], *(self.measure.word_width(line, size) for line in lines)
                )
                for line in lines:
                    for span, text in line:
                        for word in text.split():
                            minimums[index] = max(
                                minimums[index], self.measure.word_width([(span, word)], size)
                            )
        slack = 1 / (1 - self.theme.slack)
        return [m * slack for m in minimums], [n * slack for n in naturals]

    def _row_height(self, row: tuple[Inlines, ...], widths: list[float], size: float) -> float:
        theme = self.theme
        tallest = max(
            self.measure.height(cell, size, self.width(Box(0, 0, w, 0), -1))
            for cell, w in zip(row, widths, strict=True)
        )
        return tallest / (1 - theme.slack) + 2 * theme.inset_y

    def _table_pages(
        self, header, rows, widths, size: float, less: float = 0.0
    ) -> list[list[tuple[Inlines, ...]]]:
        """Return the rows split into slides under the header (the first slide `less` shorter, for
        a lead-in); a row too tall for a slide is cut (its text is whole in the notes)."""
        room = self.theme.body.h * (1 - self.theme.slack) - self._row_height(header, widths, size)
        shown = []
        for row in rows:
            if self._row_height(row, widths, size) > room:
                row = tuple(
                    self.truncate(cell, Box(0, 0, w, room), size, level=-1)
                    for cell, w in zip(row, widths, strict=True)
                )
            shown.append(row)
        heights = [self._row_height(row, widths, size) for row in shown]
        return [[shown[i] for i in page] for page in _paginate(heights, room, room - less)]

    def code_slides(self, title: str, block: Code, lead: _Lead | None = None) -> None:
        """Code slides: monospace, coloured, every line as written; a long block continues on the
        next slide rather than shrinking below `theme.code_min`."""
        theme = self.theme
        lines = list(zip(code_lines(block.text), highlight(block.text, block.lang), strict=True))
        less = lead.height if lead is not None else 0.0
        # The largest size that needs no more slides and no more wrapped lines than the smallest.
        sizes = _sizes(theme.code_size, theme.code_min)
        least = self._code_pages(lines, sizes[-1], less)
        for size in sizes:
            pages, wrapped = self._code_pages(lines, size, less)
            if (len(pages), wrapped) <= (len(least[0]), least[1]):
                break
        language = language_name(block.lang)
        for number, page in enumerate(pages):
            # Blank lines where one slide ends and the next begins would only be gaps.
            while number and len(page) > 1 and not page[0][0].strip():
                page = page[1:]
            while number < len(pages) - 1 and len(page) > 1 and not page[-1][0].strip():
                page = page[:-1]
            shown = "\n".join(text for text, _, _, _ in page)
            notes = (f"{language} code:" if language else "Code:") + "\n" + shown
            code = tuple(tokens for _, tokens, _, _ in page)
            hangs = tuple(hang for _, _, hang, _ in page)
            # The panel as tall as its lines, within the body below any lead-in.
            room = theme.body.h - (lead.height if lead is not None else 0.0)
            height = sum(h for _, _, _, h in page) / (1 - theme.slack) + 2 * theme.code_inset
            slide = CodeSlide(
                self.next_title(title), 0, code, size, hangs, min(height, room), notes, _shown(lead)
            )
            self.slides.append(slide)
            lead = None

    def _code_pages(
        self, lines: list[tuple[str, Line]], size: float, less: float
    ) -> tuple[list[list[tuple[str, Line, float, float]]], int]:
        """Return the code lines split into slides at `size`, each with the indent of its wrapped
        rows and its height, and how many rows wrapping adds. The first slide is `less` shorter
        (a lead-in).

        A wrapped row starts four characters in from its line's own indent, as editors wrap. A line
        too long for a whole slide (hundreds of characters) is shown in pieces, each a line of its
        own; the notes have it whole. Slides break after a blank line where one comes near the end.
        """
        theme = self.theme
        width = (theme.body.w - 2 * theme.code_inset) * (1 - theme.slack)
        room = (theme.body.h - 2 * theme.code_inset) * (1 - theme.slack)
        height = self.measure_code.line_height(size)
        char = self.measure_code.word_width([(Span("0", code=True), "0")], size)
        most = max(1, int((room - less) // height))
        entries: list[tuple[str, Line, float, float]] = []
        heights: list[float] = []
        blank: set[int] = set()
        wrapped = 0
        for text, tokens in lines:
            hang = min((len(text) - len(text.lstrip(" ")) + 4) * char, width / 2)
            rows = self.measure_code.code_rows(text, size, width, hang)
            pieces = [(text, tokens)]
            step = len(text)
            while any(self.measure_code.code_rows(p, size, width, hang) > most for p, _ in pieces):
                step = max(1, min(int(step * 0.8), int(len(text) * most / rows)))
                pieces = [
                    (text[i : i + step], _slice_tokens(tokens, i, i + step))
                    for i in range(0, len(text), step)
                ]
            for piece, piece_tokens in pieces:
                rows = self.measure_code.code_rows(piece, size, width, hang)
                wrapped += rows - 1
                if not piece.strip():
                    blank.add(len(entries))
                entries.append((piece, piece_tokens, hang, rows * height))
                heights.append(rows * height)
        pages = _paginate(heights, room, room - less, blank)
        return [[entries[i] for i in page] for page in pages], wrapped

    # -- packing bullets onto slides -----------------------------------------------------------

    def bullet_slides(self, title: str, items: list[_Item], kind: str = "content", notes: str = "") -> None:
        """Add slides showing `items`, as few as the box allows, continuing under "(cont.)"."""
        items = [piece for item in items for piece in self.split_oversized(item)]
        for page, size in self.pack(items):
            page_notes = _notes(page)
            if notes:
                page_notes = f"{notes}\n\n{page_notes}"
            bullets = tuple(item.bullet for item in page)
            self.slides.append(BulletSlide(self.next_title(title), 0, bullets, size, page_notes, kind))

    def pack(self, items: list[_Item]) -> list[tuple[list[_Item], float]]:
        """Return `items` split into slides, each within the bullet limit, with the size it fits at.

        Bullets are set at the body size; a slide shrinks towards the minimum only when that
        saves a continuation slide, or when its one item needs it.
        """
        theme = self.theme
        sizes = _sizes(theme.body_size, theme.body_min)
        pages = self._greedy(items, theme.body_size, theme.max_bullets)
        if len(pages) > 1:
            for smaller in sizes[1:]:
                if len(self._greedy(items, smaller, theme.max_bullets)) == 1:
                    return [(items, smaller)]
            cap = math.ceil(len(items) / len(pages))  # balance: 4 + 3 reads better than 6 + 1
            balanced = self._greedy(items, theme.body_size, cap)
            if len(balanced) == len(pages):
                pages = balanced
        room = self.room(theme.body)
        return [
            (page, next((s for s in sizes if self.page_height(page, s) <= room), sizes[-1])) for page in pages
        ]

    def page_height(self, page: list[_Item], size: float) -> float:
        return sum(self.bullet_height(item.bullet, size) for item in page)

    def _greedy(self, items: list[_Item], size: float, cap: int) -> list[list[_Item]]:
        pages: list[list[_Item]] = [[]]
        height = 0.0
        room = self.room(self.theme.body)
        for item in items:
            h = self.bullet_height(item.bullet, size)
            if pages[-1] and (len(pages[-1]) >= cap or height + h > room):
                pages.append([])
                height = 0.0
            pages[-1].append(item)
            height += h
        return [page for page in pages if page]

    def split_oversized(self, item: _Item) -> list[_Item]:
        """Return `item`, or pieces of it if even alone at the minimum size it overflows the box."""
        theme = self.theme
        bullet = item.bullet
        if self.bullet_height(bullet, theme.body_min) <= self.room(theme.body):
            return [item]
        self.warn(None, f"a list item of {len(plain(bullet.inlines).split())} words is split over slides")
        pieces: list[_Item] = []
        rest = bullet.inlines
        while rest:
            numbered = bullet.number is not None and not pieces
            head = self.truncate(rest, theme.body, theme.body_size, level=bullet.level, numbered=numbered)
            shown = len(plain(head).rstrip("…"))
            rest = _strip_leading(take(rest, [(shown, len(plain(rest)))]))
            if pieces:
                head = (Span("…"), *head)
            pieces.append(
                replace(
                    item, bullet=replace(bullet, inlines=head, number=bullet.number if not pieces else None)
                )
            )
        return pieces

    def truncate(
        self,
        inlines: Inlines,
        box: Box,
        size: float,
        level: int = 0,
        reserve: int = 0,
        numbered: bool = False,
        measure: Measurer | None = None,
    ) -> Inlines:
        """Return the longest start of `inlines` (plus "…") that fits `box` at `size`."""
        measure = measure or self.measure
        width = self.width(box, level, numbered)
        line = measure.line_height_of(inlines, size)
        room = self.room(box) - reserve * line
        max_lines = max(1, int(room // line))
        lines = measure.lines(inlines, size, width)
        if len(lines) <= max_lines:
            return inlines
        kept = sum(len(text) for line in lines[:max_lines] for _, text in line)
        text = plain(inlines)
        # Count the characters the measured lines hold, in the original text (spaces included).
        end = _offset_after(text, kept)
        cut = text.rfind(" ", 0, end - 1)
        end = cut if cut > end // 2 else end - 1
        return take(inlines, [(0, end), "…"])

    # -- measuring -----------------------------------------------------------------------------

    def width(self, box: Box, level: int = 0, numbered: bool = False) -> float:
        """Return the measuring width of text in `box`: list items at `level`, or plain text at -1."""
        theme = self.theme
        margin = theme.margin(level, numbered) if level >= 0 else 0.0
        return (box.w - 2 * theme.inset_x - margin) * (1 - theme.slack)

    def room(self, box: Box) -> float:
        return (box.h - 2 * self.theme.inset_y) * (1 - self.theme.slack)

    def bullet_height(self, bullet: Bullet, size: float) -> float:
        """Return the height of `bullet` at `size`, with the space PowerPoint puts before it."""
        theme = self.theme
        width = self.width(theme.body, bullet.level, bullet.number is not None)
        space = theme.space_before if bullet.level == 0 else theme.space_before_nested
        return self.measure.height(bullet.inlines, size, width) + space

    def fit_size(
        self,
        inlines: Inlines,
        box: Box,
        size: float,
        minimum: float,
        reserve: int = 0,
        measure: Measurer | None = None,
    ) -> float | None:
        """Return the largest size from `size` down to `minimum` at which `inlines` fits `box`."""
        measure = measure or self.measure
        for candidate in _sizes(size, minimum):
            room = self.room(box) - reserve * measure.line_height_of(inlines, candidate)
            if measure.height(inlines, candidate, self.width(box, -1)) <= room:
                return candidate
        return None

    def title_text(self, text: str, role: str = "title") -> Inlines:
        """Return a title as it is drawn, to measure it: bold, or in capitals, if the template sets it so."""
        theme = self.theme
        bold = {"title": theme.title_bold, "hero": theme.hero_bold, "section": theme.section_bold}[role]
        return (Span(text.upper() if role in theme.caps else text, bold=bold),)

    def fit_hero(self, text: str, box: Box, role: str, reserve: float = 0.0) -> tuple[str, float]:
        """Return a big title and its size: the hero size, shrunk to the title minimum, then shortened."""
        theme = self.theme
        room = self.room(box) - reserve
        width = self.width(box, -1)
        for candidate in _sizes(theme.hero_size, theme.title_min):
            if self.measure_titles.height(self.title_text(text, role), candidate, width) <= room:
                return text, candidate
        return self.shorten_title(text, box, theme.title_min, role, reserve), theme.title_min

    def shorten_title(
        self, text: str, box: Box, size: float, role: str, reserve: float = 0.0, suffix: str = ""
    ) -> str:
        """Return the longest start of `text` that, with "…" and `suffix`, fits `box` as the title is drawn.

        The cut is estimated on the text as it is, then moved back a word at a time while the
        title, in the template's capitals or bold, still does not fit.
        """
        width, room = self.width(box, -1), self.room(box) - reserve

        def fits(candidate: str) -> bool:
            return self.measure_titles.height(self.title_text(candidate, role), size, width) <= room

        if fits(text + suffix):
            return text + suffix
        shown = Box(box.x, box.y, box.w, box.h - reserve / (1 - self.theme.slack))
        short = plain(self.truncate((Span(text),), shown, size, level=-1, measure=self.measure_titles))
        short = short.removesuffix("…").rstrip()
        while short:
            if fits(short + "…" + suffix):
                return short + "…" + suffix
            cut = short.rfind(" ")
            short = short[:cut].rstrip() if cut > 0 else short[:-1]  # always shorter: this ends
        return "…" + suffix

    def next_title(self, title: str) -> str:
        uses = self.title_uses.get(title, 0)
        self.title_uses[title] = uses + 1
        if uses == 0:
            return title
        return f"{title} (cont.)" if uses == 1 else f"{title} (cont. {uses})"

    def fit_titles(self, slides: list[Slide]) -> list[Slide]:
        """Size every title to its box; shorten one that does not fit even at the minimum."""
        theme = self.theme
        fitted: list[Slide] = []
        for slide in slides:
            if isinstance(slide, TitleSlide | SectionSlide):
                fitted.append(slide)
                continue
            text = slide.title
            titles = self.measure_titles
            size = self.fit_size(
                self.title_text(text), theme.title, theme.title_size, theme.title_min, measure=titles
            )
            if size is None:
                size = theme.title_min
                suffix = m.group() if (m := _SUFFIX.search(text)) else ""
                text = self.shorten_title(
                    text[: len(text) - len(suffix)], theme.title, size, "title", suffix=suffix
                )
            fitted.append(replace(slide, title=text, title_size=size))
        return fitted


def _paginate(
    heights: list[float], room: float, first: float, breaks: set[int] = frozenset()
) -> list[list[int]]:
    """Return the indices of items of `heights` split into pages holding `room` (the first page
    `first`): as few pages as greedy filling gives, evened out so no page is a stub, each page
    ending after an item of `breaks` (a blank line of code) when one falls in its last third."""

    def fill(first_cap: float, cap: float, breaks: set[int]) -> list[list[int]]:
        pages: list[list[int]] = [[]]
        used = 0.0
        for index, height in enumerate(heights):
            limit = first_cap if len(pages) == 1 else cap
            if pages[-1] and used + height > limit:
                page = pages[-1]
                cut = next(
                    (k for k in range(len(page) - 1, len(page) * 2 // 3, -1) if page[k] in breaks), None
                )
                moved = page[cut + 1 :] if cut is not None else []
                del page[len(page) - len(moved) :]
                pages.append(moved)
                used = sum(heights[k] for k in moved)
                if moved and used + height > cap:
                    pages.append([])
                    used = 0.0
            pages[-1].append(index)
            used += height
        return [page for page in pages if page]

    if not heights:
        return [[]]  # a table with a header and no rows: one slide with the header
    pages = fill(first, room, frozenset())
    even = sum(heights) / len(pages) + max(heights, default=0.0)
    tries = [(min(first, even), min(room, even))] if len(pages) > 1 else []
    for caps in [*tries, (first, room)]:
        for preferred in (breaks, frozenset()):
            found = fill(*caps, preferred)
            if len(found) == len(pages):  # never more slides for the sake of a nicer break
                return found
    return pages


def _below(box: Box, lead: _Lead | None) -> Box:
    """Return what is left of `box` under a lead-in."""
    return box if lead is None else Box(box.x, box.y + lead.height, box.w, box.h - lead.height)


def _shown(lead: _Lead | None) -> tuple[Inlines, float, float]:
    """Return a lead-in as a slide shows it: text, size and the height of its box."""
    return (lead.inlines, lead.size, lead.height) if lead is not None else ((), 0.0, 0.0)


def _slice_tokens(tokens: Line, start: int, end: int) -> Line:
    """Return the tokens of characters `start` to `end` of a code line."""
    out, offset = [], 0
    for token in tokens:
        low, high = max(start - offset, 0), min(end - offset, len(token.text))
        if low < high:
            out.append(replace(token, text=token.text[low:high]))
        offset += len(token.text)
    return tuple(out)


def _unique_titles(slides: list[Slide]) -> list[Slide]:
    """Return `slides` with repeated titles numbered: screen readers and the outline need them unique."""
    seen: dict[str, int] = {}
    out = []
    for slide in slides:
        title = slide.title
        count = seen.get(title.casefold(), 0)
        seen[title.casefold()] = count + 1
        while count and f"{title} ({count + 1})".casefold() in seen:
            count += 1
        if count:
            title = f"{title} ({count + 1})"
            seen[title.casefold()] = 1
            slide = replace(slide, title=title)
        out.append(slide)
    return out


def _sizes(size: float, minimum: float) -> list[float]:
    sizes = []
    while size >= minimum:
        sizes.append(size)
        size -= 2
    return sizes or [minimum]


def _notes(items: list[_Item]) -> str:
    parts: list[str] = []
    last_group = None
    for item in items:
        if parts and item.group and item.group == last_group:
            parts[-1] += "\n" + item.note
        elif not parts or parts[-1] != item.note:
            parts.append(item.note)
        last_group = item.group
    return "\n\n".join(parts)


def _join_paragraphs(paragraphs: list[Paragraph]) -> Inlines:
    spans: list[Span] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            spans.append(Span("\n"))
        spans.extend(paragraph.inlines)
    return tuple(spans)


def _strip_leading(inlines: Inlines) -> Inlines:
    spans = list(inlines)
    while spans and not spans[0].text.strip():
        spans.pop(0)
    if spans:
        spans[0] = replace(spans[0], text=spans[0].text.lstrip())
    return tuple(spans)


def _offset_after(text: str, visible: int) -> int:
    """Return the offset in `text` after `visible` characters, counting collapsed spaces once."""
    count = 0
    for offset, char in enumerate(text):
        if count >= visible:
            return offset
        if not (char == " " and offset and text[offset - 1] == " "):
            count += 1
    return len(text)
