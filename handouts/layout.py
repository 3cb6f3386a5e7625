"""Sizes the handout's planner decides: pictures, tables and code rows, measured with the fonts' metrics.

Pure functions of the article's blocks and the width of the column they go in; no drawing library.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from functools import cache

from lecturekit.fonts import MONO, SANS
from lecturekit.layout.highlight import Line, highlight
from lecturekit.layout.measure import Measurer
from lecturekit.layout.tables import column_widths
from lecturekit.model import lesson as model

from .blocks import CodeBlock, EquationBlock, Picture, TableBlock

MAX_PICTURE_HEIGHT = 255.0  # 90 mm: a picture leaves room on its page for the text about it
UPSCALE = 2.0  # a small picture is shown at most twice its size at 96 dpi: more would blur it
TABLE_SIZES = (9.5, 9.0, 8.5, 8.0, 7.5, 7.0)  # points: the largest at which the columns fit
CODE_SIZE, CODE_LEADING, CODE_INSET = 8.5, 11.0, 8.0  # CODE_INSET: the panel's padding, both sides
WRAP_MARK = "→ "  # starts the continuation of a line too long for the column


@cache
def measurer() -> Measurer:
    return Measurer(SANS, MONO)


def picture(block: model.Image, width: float) -> Picture:
    """Return a picture at the column width or less, a small one at most twice its size at 96 dpi."""
    assert block.path is not None
    pixels_w, pixels_h = block.size if all(block.size) else (4, 3)
    scale = min(width / pixels_w, MAX_PICTURE_HEIGHT / pixels_h, UPSCALE * 72 / 96)
    caption = (model.Span(block.title),) if block.title else ()
    return Picture(block.path, round(pixels_w * scale, 2), round(pixels_h * scale, 2), block.alt, caption)


def table(block: model.Table, width: float) -> TableBlock:
    """Return a table with columns as wide as their content wants, in the largest type at which
    they fit (a word longer than its column is broken, in the smallest)."""
    columns = max(len(block.header), *(len(r) for r in block.rows), 1)
    cells = tuple(  # equations in words, as the slides show them, so they are measured as drawn
        tuple(model.in_words(cell) for cell in row) + ((),) * (columns - len(row))
        for row in (block.header, *block.rows)
    )
    for size in TABLE_SIZES:
        padding = 4.0 if size >= 8 else 2.0
        minimums, naturals = _column_needs(cells, size, padding)
        widths = column_widths(minimums, naturals, width)
        if widths is not None:
            break
    else:  # too wide even in the smallest type: shares by the longest words, which are broken
        total = sum(minimums) or 1
        widths = [width * m / total for m in minimums]
    align = tuple(block.align) + ("",) * (columns - len(block.align))
    return TableBlock(cells, tuple(round(w, 2) for w in widths), align, size, padding)


def _column_needs(cells, size: float, padding: float) -> tuple[list[float], list[float]]:
    """Return each column's minimum width (its longest word) and natural width (its longest cell
    on one line) at `size`, padding included, with 3% to spare."""
    measure = measurer()
    columns = len(cells[0])
    minimums, naturals = [0.0] * columns, [0.0] * columns
    for number, row in enumerate(cells):
        for index, cell in enumerate(row):
            text = model.plain(cell)
            naturals[index] = max(naturals[index], measure.width(text, size, bold=number == 0))
            for word in text.split():
                minimums[index] = max(minimums[index], measure.width(word, size, bold=number == 0))
    return [m * 1.03 + 2 * padding for m in minimums], [n * 1.03 + 2 * padding for n in naturals]


def equation(block: model.Equation, width: float, size: float) -> EquationBlock:
    """Return a display equation at the body's `size`, or as much smaller as fits the column
    (leaving room for its number) and a page (a long `aligned` block)."""
    from lecturekit.layout.equations import outline

    room = width - (2 * size * (len(block.tag) + 2) * 0.6 if block.tag else 0.0)
    shape = outline(block.latex, display=True)
    fits = [
        size,
        room / shape.width if shape.width else size,
        EQUATION_HEIGHT / shape.height if shape.height else size,
    ]
    return EquationBlock(block.latex, block.tag, min(fits))


EQUATION_HEIGHT = 480.0  # points: the most of a page one equation takes (A4 and Letter hold some 720)


def code(block: model.Code, width: float) -> CodeBlock:
    """Return highlighted code in rows that fit the column, every line kept: a line too long
    continues on the next row, marked, never cut."""
    advance = measurer().word_width([(model.Span("0", code=True), "0")], CODE_SIZE)
    columns = max(20, int((width - 2 * CODE_INSET) / advance))
    rows: list[Line] = []
    continued: list[bool] = []
    for tokens in highlight(block.text, block.lang):
        wrapped = wrap_tokens(tokens, columns)
        rows += [tuple(row) for row in wrapped]
        continued += [False] + [True] * (len(wrapped) - 1)
    return CodeBlock(tuple(rows), tuple(continued), block.lang, CODE_SIZE, CODE_LEADING)


def wrap_tokens(tokens, columns: int) -> list[list]:
    """Return the tokens of a code line in rows of at most `columns` (wide characters count two),
    breaking after a space near the end of a row, else anywhere; rows after the first leave room
    for the wrap mark."""
    rows: list[list] = [[]]
    used, limit = 0, columns
    for token in tokens:
        text = token.text
        while text:
            room = limit - used
            fits, width = 0, 0
            for char in text:
                step = 2 if unicodedata.east_asian_width(char) in "WF" else 1
                if width + step > room:
                    break
                fits, width = fits + 1, width + step
            if fits == len(text):
                rows[-1].append(replace(token, text=text))
                used += width
                break
            space = text.rfind(" ", 0, fits + 1)
            cut = space + 1 if space >= fits * 0.6 else fits
            if cut == 0 and used == 0:
                cut = 1  # a character wider than the row: it has a row to itself
            if cut:
                rows[-1].append(replace(token, text=text[:cut]))
            text = text[cut:]
            rows.append([])
            used, limit = 0, columns - len(WRAP_MARK)
    return rows
