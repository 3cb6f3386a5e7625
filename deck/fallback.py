"""A picture of a text body that holds an equation: what LibreOffice, Google Slides and the slides
PDF show in its place, as PowerPoint itself writes a fallback for a shape with an equation.

The text is set as the planner measured it (the same fonts, line breaks and sizes: see
lecturekit.layout.measure), each equation drawn from its outline (lecturekit.layout.equations).
"""

from __future__ import annotations

import io

from lecturekit.fonts import Family
from lecturekit.layout.equations import draw_on, outline
from lecturekit.layout.measure import MATH_AIR, Measurer
from lecturekit.model.lesson import MATH_WORD, plain

from .drawing import TextLine
from .theme import Box, Theme

DPI = 150  # a slide body some 1,900 pixels wide: sharp on a projector
ASCENT = 0.78  # of a line's height, above its baseline (Carlito's)


def text_picture(lines: list[TextLine], box: Box, theme: Theme, anchor: str = "t") -> bytes:
    """Return a PNG of `lines` set in `box` as the deck sets them, on a transparent ground: from
    the top, or centred in the box with `anchor` "ctr" (a statement, a quote)."""
    from PIL import Image

    picture = Image.new("RGBA", (round(box.w * DPI / 72), round(box.h * DPI / 72)), (0, 0, 0, 0))
    top = theme.inset_y
    if anchor == "ctr":
        top = max(theme.inset_y, (box.h - _set(lines, box, theme, 0.0, None)) / 2)
    _set(lines, box, theme, top, picture)
    out = io.BytesIO()
    picture.save(out, "PNG", compress_level=3)  # a light zlib level: optimising took most of the time
    return out.getvalue()


def _set(lines: list[TextLine], box: Box, theme: Theme, y: float, picture) -> float:
    """Set `lines` from `y` down, painting them on `picture` (none: only measuring); return the
    height they take."""
    from PIL import ImageDraw

    scale = DPI / 72
    draw = ImageDraw.Draw(picture) if picture is not None else None
    measure = Measurer(theme.sans, theme.mono, theme.line_spacing)
    start = y
    for index, line in enumerate(lines):
        colour = (line.colour or "#" + theme.text).removeprefix("#")
        colour = colour if len(colour) == 6 else theme.text
        y += line.before if index else 0.0
        left = theme.inset_x + line.margin
        width = box.w - theme.inset_x - left
        if line.display:  # an equation on a line of its own, centred
            shape = outline(line.inlines[0].math, display=True)
            height = shape.height * MATH_AIR * line.size
            number = line.inlines[1:]  # its number, "(1)", after it
            after = measure.word_width([(s, s.text) for s in number], line.size)
            x = left + (width - shape.width * line.size - after) / 2
            baseline = y + (height - shape.height * line.size) / 2 + shape.ascent * line.size
            if draw is not None:
                draw_on(picture, shape, x * scale, baseline * scale, line.size * scale, colour)
                if number:
                    font = _font(theme.sans, False, False, line.size * scale)
                    at = ((x + shape.width * line.size) * scale, baseline * scale)
                    draw.text(at, plain(number), font=font, fill="#" + colour, anchor="ls")
            y += height
            continue
        for row_index, row in enumerate(measure.lines(line.inlines, line.size, width)):
            height = measure.line_height_of(tuple(span for span, _ in row), line.size)
            y += height
            if draw is None:
                continue
            baseline = y - height + height * ASCENT
            tallest = max((outline(s.math).ascent * line.size for s, _ in row if s.math), default=0.0)
            baseline = max(baseline, y - height + tallest * 1.05)
            used = measure.word_width(row, line.size)
            x = left + (width - used) / 2 if line.align == "ctr" else left
            if row_index == 0 and line.mark:
                font = _font(theme.sans, False, False, line.size * scale)
                mark_at = ((left - line.hang) * scale, baseline * scale)
                draw.text(mark_at, line.mark, font=font, fill="#" + theme.accent, anchor="ls")
            for span, text in row:
                if span.math and text == MATH_WORD:
                    shape = outline(span.math)
                    draw_on(picture, shape, x * scale, baseline * scale, line.size * scale, colour)
                    x += shape.width * line.size
                    continue
                family = theme.mono if span.code else theme.sans
                font = _font(family, span.bold, span.italic, line.size * scale)
                draw.text((x * scale, baseline * scale), text, font=font, fill="#" + colour, anchor="ls")
                x += measure.word_width([(span, text)], line.size)
    return y - start


def _font(family: Family, bold: bool, italic: bool, size: float):
    from PIL import ImageFont

    return ImageFont.truetype(str(family.file(bold, italic)), max(1, round(size)))
