"""The fonts lecturekit ships, and what both writers need to know about them.

Each shipped family stands in for an Office font with the same metrics: the deck names the
Office font (what PowerPoint shows), while text is measured and the handout is set with the
shipped file, so what was measured is what the reader sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

FONT_DIR = Path(__file__).parent / "fonts"
STYLES = ("regular", "bold", "italic", "bolditalic")


@dataclass(frozen=True)
class Family:
    name: str  # the shipped font
    shown_as: str  # the Office font with the same metrics, named in the deck
    files: tuple[str, ...]  # regular, bold, italic, bold italic (repeats where a face is missing)

    def file(self, bold: bool = False, italic: bool = False) -> Path:
        return FONT_DIR / self.files[(1 if bold else 0) + (2 if italic else 0)]


SANS = Family(
    "Carlito",
    "Calibri",
    ("Carlito-Regular.ttf", "Carlito-Bold.ttf", "Carlito-Italic.ttf", "Carlito-BoldItalic.ttf"),
)
MONO = Family(
    "Liberation Mono",
    "Courier New",
    (
        "LiberationMono-Regular.ttf",
        "LiberationMono-Bold.ttf",
        "LiberationMono-Regular.ttf",
        "LiberationMono-Bold.ttf",
    ),
)


@dataclass(frozen=True)
class Metrics:
    line_height: float  # in em: the distance between baselines at single spacing
    ascent: float  # in em
    cmap: frozenset[int]  # code points the font has glyphs for


@cache
def metrics(path: Path) -> Metrics:
    """Return the vertical metrics and coverage of the TrueType font at `path`."""
    import logging

    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # Carlito's odd "created" date is harmless
    with TTFont(path, lazy=True) as font:
        upm = font["head"].unitsPerEm
        hhea = font["hhea"]
        os2 = font["OS/2"]
        # PowerPoint and LibreOffice differ in which table they trust; take the larger, to be safe.
        typo = hhea.ascent - hhea.descent + hhea.lineGap
        win = os2.usWinAscent + os2.usWinDescent
        return Metrics(
            line_height=max(typo, win) / upm,
            ascent=max(hhea.ascent, os2.usWinAscent) / upm,
            cmap=frozenset(font.getBestCmap()),
        )
