"""Table slides: native tables, columns as wide as their content wants, text as large as the width
allows, rows continued under the repeated header; a table too wide is shown in parts."""

from __future__ import annotations

import math
from dataclasses import replace

from lecturekit.layout.tables import column_widths
from lecturekit.model.lesson import Inlines, Table, in_words, plain

from .fitter import Fitter, sizes
from .pages import Lead, paginate, shown_lead
from .slides import Slide, TableSlide
from .theme import Box


class TablePlanner:
    """Plan the slides of a table; `warn(line, message)` reports."""

    def __init__(self, fit: Fitter, warn):
        self.fit = fit
        self.theme = fit.theme
        self.warn = warn

    def table(self, title: str, block: Table, lead: Lead | None = None) -> list[Slide]:
        """Native table slides: columns as wide as their content wants, the text as large as the
        width allows (down to the body minimum), rows continued under the repeated header.

        A table too wide for a slide even at the minimum is shown in parts of a few columns
        each, its first column (what each row is about) repeated in every part.
        """
        theme = self.theme
        count = max(len(block.header), *(len(row) for row in block.rows), 1)

        def full(row: tuple[Inlines, ...]) -> tuple[Inlines, ...]:  # equations as text: see in_words
            return tuple(in_words(cell) for cell in row) + ((),) * (count - len(row))

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
                shown, lead, less = shown_lead(lead), None, 0.0
                page = [row for row, _ in pairs]
                rows = (part[0], *page)
                written = (part[0], *(whole for _, whole in pairs))  # the notes: every row whole
                notes = "\n".join(
                    " | ".join(plain(cell) for cell in row) for row in written
                )  # equations in words
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
        return [[(shown[i], rows[i]) for i in page] for page in paginate(heights, room, room - less)]
