"""Slides for what is not text: pictures, tables, code and quotes, each planned to fit.

A picture is as large as the space allows (a small one at most twice its size), its title a
caption. A table's columns are as wide as their content wants, its text as large as the width
allows, its rows continued under the repeated header; one too wide is shown in parts. Code keeps
every line as written and continues on the next slide rather than shrink below the minimum. A
lead-in ("The same survey in JavaScript:") sits above the first slide of what it introduces.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from lecturekit.layout.highlight import Line, code_lines, highlight, language_name
from lecturekit.layout.tables import column_widths
from lecturekit.model.lesson import Code, Image, Inlines, Paragraph, Quote, Span, Table, plain

from .fitter import Fitter, sizes
from .slides import CodeSlide, PictureSlide, QuoteSlide, Slide, TableSlide
from .theme import Box

UPSCALE = 2.0  # a small picture is shown at most twice its size at 96 dpi: more would blur it


@dataclass(frozen=True)
class Lead:
    """A one-line paragraph introducing a picture, table or code, shown above it."""

    inlines: Inlines
    size: float
    height: float  # of its box
    note: str


class MediaPlanner:
    """Plan the slides of pictures, tables, code and quotes; `warn(line, message)` reports."""

    def __init__(self, fit: Fitter, warn):
        self.fit = fit
        self.theme = fit.theme
        self.warn = warn

    def lead(self, paragraph: Paragraph, inlines: Inlines) -> Lead:
        """Return a lead-in as it is shown above what it introduces."""
        theme = self.theme
        size = theme.body_size
        height = self.fit.measure.height(inlines, size, self.fit.width(theme.body, -1)) / (1 - theme.slack)
        return Lead(inlines, size, height + 2 * theme.inset_y, plain(paragraph.inlines))

    def slides(self, title: str, block: Image | Table | Code, lead: Lead | None = None) -> list[Slide]:
        """Return the slides of `block`; a lead-in's paragraph goes in the first one's notes."""
        if isinstance(block, Image):
            found = self.picture(title, block, lead)
        elif isinstance(block, Table):
            found = self.table(title, block, lead)
        else:
            found = self.code(title, block, lead)
        if lead is not None and found:
            found[0] = replace(found[0], notes=f"{lead.note}\n\n{found[0].notes}")
        return found

    def quote(self, title: str, block: Quote) -> list[Slide]:
        quote = _join_paragraphs([b for b in block.blocks if isinstance(b, Paragraph | Code)])
        attribution = plain(block.attribution)
        notes = plain(quote) + (f"\n— {attribution}" if attribution else "")
        box = self.theme.body
        size = self.fit.fit_size(quote, box, self.theme.quote_size, self.theme.body_min, reserve=1)
        if size is None:  # too long to show whole: show what fits, the rest is in the notes
            size = self.theme.body_min
            quote = self.fit.truncate(quote, box, size, reserve=1)
            self.warn(
                block.line, "quote too long for one slide: the slide shows its start, the notes all of it"
            )
        return [QuoteSlide(title, 0, quote, attribution, size, notes)]

    def picture(self, title: str, block: Image, lead: Lead | None = None) -> list[Slide]:
        """A picture slide: the picture as large as the space allows (a small one at most twice its
        size), its title as a caption under it, its alt text as the picture's."""
        theme = self.theme
        notes = block.alt or block.title or "A picture."
        area = _below(theme.body, lead)
        caption: Inlines = ()
        below = 0.0  # the caption's height
        if block.title:
            size = theme.caption_size
            two_lines = Box(
                0, 0, area.w, 2 * self.fit.measure.line_height(size) / (1 - theme.slack) + 2 * theme.inset_y
            )
            caption = self.fit.truncate((Span(block.title),), two_lines, size, level=-1)
            below = (
                self.fit.measure.height(caption, size, self.fit.width(area, -1)) / (1 - theme.slack)
                + 2 * theme.inset_y
            )
        pixels_w, pixels_h = block.size if all(block.size) else (4, 3)
        scale = min(area.w / pixels_w, (area.h - below) / pixels_h, UPSCALE * 72 / 96)
        w, h = pixels_w * scale, pixels_h * scale
        # The picture and its caption, together in the middle of the space.
        box = Box(area.x + (area.w - w) / 2, area.y + (area.h - h - below) / 2, w, h)
        return [PictureSlide(title, 0, block, box, plain(caption), theme.caption_size, notes, _shown(lead))]

    def table(self, title: str, block: Table, lead: Lead | None = None) -> list[Slide]:
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
        out: list[Slide] = []
        for columns, size, widths in parts:
            part = [tuple(row[c] for c in columns) for row in cells]
            less = lead.height if lead is not None else 0.0
            pages = self._table_pages(part[0], part[1:], widths, size, less)
            for smaller in sizes(size, theme.body_min)[1:]:  # a smaller size that saves a slide
                fewer = self._table_pages(part[0], part[1:], widths, smaller, less)
                if len(pages) > 1 and len(fewer) < len(pages):
                    size, pages = smaller, fewer
            if any(row != whole for page in pages for row, whole in page):
                self.warn(
                    block.line,
                    "a table row is too long for a slide: the slide shows its start, the notes all of it",
                )
            for pairs in pages:
                shown, lead, less = _shown(lead), None, 0.0
                page = [row for row, _ in pairs]
                rows = (part[0], *page)
                written = (part[0], *(whole for _, whole in pairs))  # the notes: every row whole
                notes = "\n".join(" | ".join(plain(cell) for cell in row) for row in written)
                heights = tuple(self._row_height(row, widths, size) for row in rows)
                out.append(
                    TableSlide(
                        title,
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
        return out

    def _table_parts(self, cells, line: int) -> list[tuple[list[int], float, list[float]]]:
        """Return the table's parts: (columns, text size, column widths) for each; one part when
        the whole table fits the width at some size from the body size down to the minimum."""
        theme = self.theme
        available = theme.body.w
        inset = 2 * theme.inset_x / (1 - theme.slack)
        count = len(cells[0])
        for size in sizes(theme.body_size, theme.body_min):
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
                lines = self.fit.measure.lines(cell, size, math.inf)
                naturals[index] = max(
                    naturals[index], *(self.fit.measure.word_width(line, size) for line in lines)
                )
                for line in lines:
                    for span, text in line:
                        for word in text.split():
                            minimums[index] = max(
                                minimums[index], self.fit.measure.word_width([(span, word)], size)
                            )
        slack = 1 / (1 - self.theme.slack)
        return [m * slack for m in minimums], [n * slack for n in naturals]

    def _row_height(self, row: tuple[Inlines, ...], widths: list[float], size: float) -> float:
        theme = self.theme
        tallest = max(
            self.fit.measure.height(cell, size, self.fit.width(Box(0, 0, w, 0), -1))
            for cell, w in zip(row, widths, strict=True)
        )
        return tallest / (1 - theme.slack) + 2 * theme.inset_y

    def _table_pages(
        self, header, rows, widths, size: float, less: float = 0.0
    ) -> list[list[tuple[tuple[Inlines, ...], tuple[Inlines, ...]]]]:
        """Return the rows split into slides under the header (the first slide `less` shorter, for
        a lead-in), each as (shown, whole): a row too tall for a slide is cut, whole in the notes."""
        room = self.theme.body.h * (1 - self.theme.slack) - self._row_height(header, widths, size)
        shown = []
        for row in rows:
            if self._row_height(row, widths, size) > room:
                row = tuple(
                    self.fit.truncate(cell, Box(0, 0, w, room), size, level=-1)
                    for cell, w in zip(row, widths, strict=True)
                )
            shown.append(row)
        heights = [self._row_height(row, widths, size) for row in shown]
        return [[(shown[i], rows[i]) for i in page] for page in _paginate(heights, room, room - less)]

    def code(self, title: str, block: Code, lead: Lead | None = None) -> list[Slide]:
        """Code slides: monospace, coloured, every line as written; a long block continues on the
        next slide rather than shrinking below `theme.code_min`."""
        theme = self.theme
        lines = list(zip(code_lines(block.text), highlight(block.text, block.lang), strict=True))
        less = lead.height if lead is not None else 0.0
        # The largest size that needs no more slides and no more wrapped lines than the smallest.
        steps = sizes(theme.code_size, theme.code_min)
        least = self._code_pages(lines, steps[-1], less)
        for size in steps:
            pages, wrapped = self._code_pages(lines, size, less)
            if (len(pages), wrapped) <= (len(least[0]), least[1]):
                break
        language = language_name(block.lang)
        out: list[Slide] = []
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
            slide = CodeSlide(title, 0, code, size, hangs, min(height, room), notes, _shown(lead))
            out.append(slide)
            lead = None
        return out

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
        height = self.fit.code.line_height(size)
        char = self.fit.code.word_width([(Span("0", code=True), "0")], size)
        most = max(1, int((room - less) // height))
        entries: list[tuple[str, Line, float, float]] = []
        heights: list[float] = []
        blank: set[int] = set()
        wrapped = 0
        for text, tokens in lines:
            hang = min((len(text) - len(text.lstrip(" ")) + 4) * char, width / 2)
            rows = self.fit.code.code_rows(text, size, width, hang)
            pieces = [(text, tokens)]
            step = len(text)
            while any(self.fit.code.code_rows(p, size, width, hang) > most for p, _ in pieces):
                step = max(1, min(int(step * 0.8), int(len(text) * most / rows)))
                pieces = [
                    (text[i : i + step], _slice_tokens(tokens, i, i + step))
                    for i in range(0, len(text), step)
                ]
            for piece, piece_tokens in pieces:
                rows = self.fit.code.code_rows(piece, size, width, hang)
                wrapped += rows - 1
                if not piece.strip():
                    blank.add(len(entries))
                entries.append((piece, piece_tokens, hang, rows * height))
                heights.append(rows * height)
        pages = _paginate(heights, room, room - less, blank)
        return [[entries[i] for i in page] for page in pages], wrapped


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


def _below(box: Box, lead: Lead | None) -> Box:
    """Return what is left of `box` under a lead-in."""
    return box if lead is None else Box(box.x, box.y + lead.height, box.w, box.h - lead.height)


def _shown(lead: Lead | None) -> tuple[Inlines, float, float]:
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


def _join_paragraphs(paragraphs: list[Paragraph | Code]) -> Inlines:
    """Return a quote's paragraphs, and its code in the monospace font ("$ ks" in a callout that
    says "it will print an error message such as:"), one under the other."""
    spans: list[Span] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            spans.append(Span("\n"))
        if isinstance(paragraph, Code):
            spans.append(Span(paragraph.text.rstrip("\n"), code=True))
        else:
            spans.extend(paragraph.inlines)
    return tuple(spans)
