"""Equations in the handout PDF: drawn as vector outlines, inline and on lines of their own.

An inline equation is a box in reportlab's paragraph markup as wide, tall and deep as the
equation (an invisible one-pixel picture, which is what reportlab's lines make room for), with a
callback before it that draws the equation's outlines where the line put the box. The outlines
are lecturekit.layout.equations' (the deck's layout too), filled even-odd in the text's colour.
"""

from __future__ import annotations

import base64
from pathlib import Path

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from lecturekit.layout.equations import Outline, cubic, outline

from .blocks import INK

CALLBACK = "lk-math"  # the name pdf_writer registers draw_inline under
# one transparent pixel, stretched to the equation's box: a file, since reportlab rightly opens
# no data: or other address in paragraph markup
_SPACE = Path(__file__).parent / "templates" / "space.png"


def math_markup(latex: str, size: float, room: float = 0.0, after: str = "") -> str:
    """Return an inline equation at `size` points as paragraph markup (see the module's note): as
    much smaller as fits a line `room` wide, as reportlab would let it run past the margin. The
    punctuation right `after` it is drawn in its box: reportlab breaks a line between a picture
    and a full stop, which would start the next line."""
    shape = outline(latex)
    if room and shape.width * size > room:
        size = room / shape.width
    width = shape.width * size + stringWidth(after, FONT, size)
    label = base64.urlsafe_b64encode(f"{size:g}|{after}|{latex}".encode()).decode()
    return (
        f'<onDraw name="{CALLBACK}" label="{label}"/>'
        f'<img src="{_SPACE}" width="{width:.2f}" height="{shape.height * size:.2f}" '
        f'valign="{-shape.depth * size:.2f}"/>'
    )


def draw_inline(canvas, kind: str, label: str) -> None:
    """Draw the inline equation `label` names where reportlab's line has got to (its callback),
    and the punctuation after it."""
    size, after, latex = base64.urlsafe_b64decode(label).decode().split("|", 2)
    place = canvas._curr_tx_info  # reportlab's: the text line's x and baseline at the callback
    shape, x, y = outline(latex), place["cur_x"], place["cur_y"]
    draw(canvas, shape, x, y, float(size))
    if after:
        canvas.saveState()
        canvas.setFont(FONT, float(size))
        canvas.setFillColor(colors.HexColor("#" + INK))
        canvas.drawString(x + shape.width * float(size), y, after)
        canvas.restoreState()


FONT = "LK-Sans"  # the punctuation after an equation, as the text's own


def draw(canvas, shape: Outline, x: float, baseline: float, size: float, colour: str = INK) -> None:
    """Fill `shape` at `size` points on `canvas`, its origin at (x, baseline)."""
    canvas.saveState()
    canvas.setFillColor(colors.HexColor("#" + colour))
    for contours in shape.shapes:  # a glyph at a time: its holes open, overlapping glyphs both filled
        path = canvas.beginPath()
        for contour in contours:
            for op, values in cubic(contour):
                points = [
                    (x + values[i] * size, baseline - values[i + 1] * size) for i in range(0, len(values), 2)
                ]
                if op == "M":
                    path.moveTo(*points[0])
                elif op == "L":
                    path.lineTo(*points[0])
                else:
                    path.curveTo(*points[0], *points[1], *points[2])
            path.close()
        canvas.drawPath(path, stroke=0, fill=1, fillMode=0)  # 0: even-odd
    canvas.restoreState()


class DisplayEquation(Flowable):
    """An equation on a line of its own, centred in the column, its number ("(3)") at the right."""

    def __init__(self, latex: str, size: float, tag: str, before: float, after: float):
        super().__init__()
        self.shape = outline(latex, display=True)
        self.size, self.tag = size, tag
        self.spaceBefore, self.spaceAfter = before, after

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, self.shape.height * self.size

    def draw(self):
        shape, size = self.shape, self.size
        x = (self.width - shape.width * size) / 2
        baseline = shape.depth * size
        draw(self.canv, shape, x, baseline, size)
        if self.tag:
            self.canv.setFont(FONT, self.size * 0.9)
            self.canv.setFillColor(colors.HexColor("#" + INK))
            self.canv.drawRightString(self.width, baseline, f"({self.tag})")
