"""Equations drawn: measured, as outlines (the handout's vectors, the deck's fallback pictures),
as OMML (the deck's native equations) and as MathML (the web page).

Every form starts from the MathML latex2mathml (MIT) makes of the LaTeX source
(lecturekit.model.formula). ziamath (MIT) lays MathML out in STIX Two Math (SIL OFL), which it
ships, and gives the glyphs as outlines: one layout, measured once, that the deck, its fallback
pictures and the handout all share. mathml2omml (MIT) writes OMML, which PowerPoint edits as an
equation; Office's own MML2OMML.XSL may not be shipped. All three load only when an article
holds an equation.
"""

from __future__ import annotations

import itertools
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lecturekit.model.formula import linear, mathml

REFERENCE = 100.0  # laid out at this size, then scaled: a layout in em
_NUMBER = r"-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?"
_COMMAND = re.compile(rf"([MLQCZ])|({_NUMBER})")
_VIEWBOX = re.compile(rf"viewBox=\"({_NUMBER}) ({_NUMBER}) ({_NUMBER}) ({_NUMBER})\"")

Contour = tuple[tuple[str, tuple[float, ...]], ...]  # ("M", (x, y)), ("L", ...), ("Q", ...), ("C", ...)


@dataclass(frozen=True)
class Outline:
    """An equation laid out, in em: x to the right, y down from the baseline (as SVG draws)."""

    width: float
    ascent: float  # above the baseline
    depth: float  # below it
    shapes: tuple[tuple[Contour, ...], ...]  # each glyph or rule: its contours, filled even-odd

    @property
    def height(self) -> float:
        return self.ascent + self.depth


@lru_cache(maxsize=2048)
def outline(latex: str, display: bool = False) -> Outline:
    """Return `latex` laid out as an equation (display style when `display`), in em."""
    with warnings.catch_warnings():  # ziamath finds its font with a call Python 3.11 deprecates
        warnings.simplefilter("ignore", DeprecationWarning)
        from ziafont.config import config as font_config
        from ziamath.zmath import Math

    font_config.svg2 = False  # plain paths, no <symbol>/<use>: one shape per glyph
    svg = Math(mathml(latex, display), size=REFERENCE, margin=0).svg()
    from xml.etree import ElementTree

    root = ElementTree.fromstring(svg)
    box = _VIEWBOX.search(svg)
    x0, y0, w, h = (float(v) / REFERENCE for v in box.groups()) if box else (0.0, -1.0, 1.0, 1.0)
    shapes: list[tuple[Contour, ...]] = []
    for element in root.iter():
        tag = element.tag.rpartition("}")[2]
        stroked = element.get("fill") == "none" or element.get("stroke") and not element.get("fill")
        line = float(element.get("stroke-width", 0)) / REFERENCE
        if tag == "rect":
            x, y = float(element.get("x", 0)) / REFERENCE - x0, float(element.get("y", 0)) / REFERENCE
            rw, rh = float(element.get("width", 0)) / REFERENCE, float(element.get("height", 0)) / REFERENCE
            corners = [(x, y), (x + rw, y), (x + rw, y + rh), (x, y + rh)]
            if stroked:  # a frame (\boxed): its four sides, each a filled bar
                shapes += [_bar(a, b, line) for a, b in zip(corners, [*corners[1:], corners[0]], strict=True)]
            else:
                shapes.append((tuple(("M" if k == 0 else "L", p) for k, p in enumerate(corners)),))
        elif tag == "path" and stroked:  # a line drawn, not filled (\cancel): each segment a bar
            for contour in _contours(element.get("d", "") + " Z", x0):
                points = [values[-2:] for _, values in contour]
                shapes += [_bar(a, b, line) for a, b in itertools.pairwise(points)]
        elif tag == "path":
            shapes.append(_contours(element.get("d", ""), x0))
    return Outline(w, -y0, h + y0, tuple(shapes))


def _bar(a: tuple[float, ...], b: tuple[float, ...], width: float) -> tuple[Contour, ...]:
    """Return a straight stroke from `a` to `b`, `width` wide, as a filled shape."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    nx, ny = -dy / length * width / 2, dx / length * width / 2
    corners = [(a[0] + nx, a[1] + ny), (b[0] + nx, b[1] + ny), (b[0] - nx, b[1] - ny), (a[0] - nx, a[1] - ny)]
    return (tuple(("M" if k == 0 else "L", p) for k, p in enumerate(corners)),)


def _contours(d: str, x0: float) -> tuple[Contour, ...]:
    """Return the contours of an SVG path as ziafont writes them: absolute M, L, Q, C and Z."""
    found: list[Contour] = []
    current: list[tuple[str, tuple[float, ...]]] = []
    command, numbers = "", list[float]()  # the command being read, and its numbers so far
    for letter, number in _COMMAND.findall(d + " Z"):
        if letter:
            if current and letter.upper() in "MZ":
                found.append(tuple(current))
                current = []
            command, numbers = letter.upper(), []
            continue
        numbers.append(float(number))
        if len(numbers) == _ARGUMENTS.get(command, 0):
            points = tuple(v / REFERENCE - (x0 if k % 2 == 0 else 0.0) for k, v in enumerate(numbers))
            current.append((command, points))
            numbers = []
            command = "L" if command == "M" else command  # numbers after a move draw lines
    return tuple(c for c in found if len(c) > 1 or c and c[0][0] == "M" and len(found) == 1)


_ARGUMENTS = {"M": 2, "L": 2, "Q": 4, "C": 6}


SUPERSAMPLE = 4  # rasterised this many times finer, then scaled down: smooth edges


def draw_on(picture: Any, shape: Outline, x: float, baseline: float, scale: float, colour: str) -> None:
    """Paint `shape` onto the Pillow RGBA `picture` with its origin at (x, baseline) pixels and
    `scale` pixels to the em, smoothed by supersampling. Each glyph's contours are filled
    even-odd (its holes stay open) in a box of its own; glyphs that overlap (the pieces of a tall
    bracket) add up, as PDF and PowerPoint fill them."""
    from PIL import Image, ImageChops, ImageDraw

    fine = scale * SUPERSAMPLE
    left, top = int(x), int(baseline - shape.ascent * scale) - 1
    w = int(shape.width * scale) + 3
    h = int(shape.height * scale) + 3
    mask = Image.new("1", (w * SUPERSAMPLE, h * SUPERSAMPLE), 0)
    ox, oy = (x - left) * SUPERSAMPLE, (baseline - top) * SUPERSAMPLE
    for contours in shape.shapes:
        polygons = [[(ox + px * fine, oy + py * fine) for px, py in _flattened(c)] for c in contours]
        polygons = [p for p in polygons if len(p) >= 3]
        if not polygons:
            continue
        x0 = max(0, int(min(px for p in polygons for px, _ in p)))
        y0 = max(0, int(min(py for p in polygons for _, py in p)))
        x1 = min(mask.width, int(max(px for p in polygons for px, _ in p)) + 2)
        y1 = min(mask.height, int(max(py for p in polygons for _, py in p)) + 2)
        if x1 <= x0 or y1 <= y0:
            continue
        glyph = Image.new("1", (x1 - x0, y1 - y0), 0)
        for polygon in polygons:
            one = Image.new("1", glyph.size, 0)
            ImageDraw.Draw(one).polygon([(px - x0, py - y0) for px, py in polygon], fill=1)
            glyph = ImageChops.logical_xor(glyph, one)
        region = (x0, y0, x1, y1)
        mask.paste(ImageChops.logical_or(mask.crop(region), glyph), region)
    alpha = mask.convert("L").resize((w, h), Image.Resampling.BOX)
    ink = Image.new("RGBA", (w, h), tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4)) + (255,))
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    layer.paste(ink, (0, 0), alpha)
    picture.alpha_composite(layer, (left, top))


def _flattened(contour: Contour, steps: int = 6) -> list[tuple[float, float]]:
    """Return a contour as a polygon: each curve as `steps` straight pieces."""
    points: list[tuple[float, float]] = []
    for op, values in contour:
        if op in ("M", "L"):
            points.append((values[0], values[1]))
        elif points and op in ("Q", "C"):
            (x0, y0), controls = points[-1], [(values[i], values[i + 1]) for i in range(0, len(values), 2)]
            for k in range(1, steps + 1):
                t = k / steps
                if op == "Q":
                    (x1, y1), (x2, y2) = controls
                    a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
                    points.append((a * x0 + b * x1 + c * x2, a * y0 + b * y1 + c * y2))
                else:
                    (x1, y1), (x2, y2), (x3, y3) = controls
                    a, b, c, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t**3
                    points.append((a * x0 + b * x1 + c * x2 + e * x3, a * y0 + b * y1 + c * y2 + e * y3))
    return points


def cubic(contour: Contour) -> list[tuple[str, tuple[float, ...]]]:
    """Return a contour with its quadratic curves raised to cubic ones (as PDF draws them)."""
    out: list[tuple[str, tuple[float, ...]]] = []
    last = (0.0, 0.0)
    for op, values in contour:
        if op == "Q":
            (x1, y1), (x2, y2) = values[:2], values[2:]
            c1 = (last[0] + 2 / 3 * (x1 - last[0]), last[1] + 2 / 3 * (y1 - last[1]))
            c2 = (x2 + 2 / 3 * (x1 - x2), y2 + 2 / 3 * (y1 - y2))
            out.append(("C", (*c1, *c2, x2, y2)))
        else:
            out.append((op, values))
        last = (values[-2], values[-1])
    return out


OMML = "http://schemas.openxmlformats.org/officeDocument/2006/math"


@lru_cache(maxsize=2048)
def omml(latex: str, display: bool = False) -> str:
    """Return the equation as OMML (`<m:oMath>`), as mathml2omml writes it with what the schema
    requires and it leaves out put in; an equation it cannot write, as its plain text in OMML."""
    import mathml2omml
    from lxml import etree

    try:
        written = _UNCLOSED.sub(r"\1</m:groupChrPr>", mathml2omml.convert(mathml(latex, display)))
        root = etree.fromstring(f'<m:w xmlns:m="{OMML}">{written}</m:w>')
        _complete(root)
        return "".join(etree.tostring(child, encoding="unicode") for child in root)
    except Exception:  # noqa: BLE001 - a converter's fault on one equation degrades that equation
        from html import escape

        return (
            f'<m:oMath xmlns:m="{OMML}"><m:r><m:t>{escape(linear(latex), quote=False)}</m:t></m:r></m:oMath>'
        )


# mathml2omml 0.0.2 closes a group character's properties (\bar, \vec, \overbrace) as the group
_UNCLOSED = re.compile(r"(<m:groupChrPr>(?:(?!</m:groupChr>).)*?)</m:groupChr>")


def _complete(root: Any) -> None:
    """Give OMML the parts its schema requires that mathml2omml leaves out: a root's degree (hidden,
    for a square root), an operator's limits (hidden, for a bare sum)."""
    m = f"{{{OMML}}}"
    for radical in root.iter(f"{m}rad"):
        if radical.find(f"{m}deg") is None:
            properties = radical.find(f"{m}radPr")
            if properties is None:
                properties = root.makeelement(f"{m}radPr", {})
                radical.insert(0, properties)
            properties.append(root.makeelement(f"{m}degHide", {f"{m}val": "1"}))
            properties.addnext(root.makeelement(f"{m}deg", {}))
    for operator in root.iter(f"{m}nary"):
        properties = operator.find(f"{m}naryPr")
        if properties is None:
            properties = root.makeelement(f"{m}naryPr", {})
            operator.insert(0, properties)
        anchor = properties
        for part in ("sub", "sup"):
            found = operator.find(f"{m}{part}")
            if found is None:
                properties.append(root.makeelement(f"{m}{part}Hide", {f"{m}val": "1"}))
                found = root.makeelement(f"{m}{part}", {})
                anchor.addnext(found)
            anchor = found


def web_mathml(latex: str, display: bool = False) -> str:
    """Return the equation as MathML for the web page, its source as `alttext` for screen readers
    that do not read MathML."""
    found = mathml(latex, display)
    from html import escape

    return found.replace("<math ", f'<math alttext="{escape(latex, quote=True)}" ', 1)
