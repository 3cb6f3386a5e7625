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
    lang: str = ""  # for a script fallback: the language its runs are marked with in the deck
    slot: str = "latin"  # the deck's font slot for its runs: latin, ea (East Asian) or cs (complex)
    rtl: bool = False

    def file(self, bold: bool = False, italic: bool = False) -> Path:
        return _font_file(self.files[(1 if bold else 0) + (2 if italic else 0)])


@cache  # text is measured word by word, each word asking for its font's file
def _font_file(name: str) -> Path:
    return FONT_DIR / name


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


def _four(stem: str) -> tuple[str, ...]:
    return tuple(f"{stem}-{face}.ttf" for face in ("Regular", "Bold", "Italic", "BoldItalic"))


ARIAL = Family("Liberation Sans", "Arial", _four("LiberationSans"))
TIMES = Family("Liberation Serif", "Times New Roman", _four("LiberationSerif"))
CAMBRIA = Family("Caladea", "Cambria", _four("Caladea"))
# Office fonts a template may name, and the shipped font with the same metrics that measures them.
METRIC_TWINS = {family.shown_as.casefold(): family for family in (SANS, MONO, ARIAL, TIMES, CAMBRIA)} | {
    "helvetica": ARIAL,
    "liberation sans": ARIAL,
    "times": TIMES,
    "liberation serif": TIMES,
    "carlito": SANS,
    "caladea": CAMBRIA,
    "courier": MONO,
    "liberation mono": MONO,
}


def twin(office_font: str) -> Family | None:
    """Return the shipped font with the metrics of `office_font`, or None if there is none."""
    return METRIC_TWINS.get(office_font.strip().casefold())


HANGUL = Family(
    "NanumGothic",
    "NanumGothic",
    ("NanumGothic.ttf", "NanumGothicBold.ttf", "NanumGothic.ttf", "NanumGothicBold.ttf"),
    lang="ko-KR",
    slot="ea",
)
HEBREW = Family(
    "Noto Sans Hebrew",
    "Noto Sans Hebrew",
    (
        "NotoSansHebrew-Regular.ttf",
        "NotoSansHebrew-Bold.ttf",
        "NotoSansHebrew-Regular.ttf",
        "NotoSansHebrew-Bold.ttf",
    ),
    lang="he-IL",
    slot="cs",
    rtl=True,
)
ARABIC = Family(
    "Noto Sans Arabic",
    "Noto Sans Arabic",
    (
        "NotoSansArabic-Regular.ttf",
        "NotoSansArabic-Bold.ttf",
        "NotoSansArabic-Regular.ttf",
        "NotoSansArabic-Bold.ttf",
    ),
    lang="ar-SA",
    slot="cs",
    rtl=True,
)
# Tried in order for a character the text font lacks.
FALLBACKS = (HANGUL, HEBREW, ARABIC)


def font_runs(text: str, primary: Family = SANS) -> list[tuple[str, Family]]:
    """Split `text` into runs, each in the first shipped family that has its characters.

    Spaces and other characters every font draws stay with the run they are in; a character no
    shipped font has stays with the primary family (see `uncovered`).
    """
    has = metrics(primary.file()).chars
    if has.issuperset(text):  # the common case, and fast
        return [(text, primary)] if text else []
    runs: list[tuple[list[str], Family]] = []  # characters gathered, joined once: a 4 MB line is one run
    for char in text:
        family = primary if char in has or _neutral(char) else _fallback(char) or primary
        if runs and (runs[-1][1] == family or _neutral(char)):
            runs[-1][0].append(char)
        else:
            runs.append(([char], family))
    return [("".join(chars), family) for chars, family in runs]


def uncovered(text: str) -> list[str]:
    """Return the characters of `text` that no shipped font can draw, in order of first use."""
    if text.isascii():
        return []
    primary = metrics(SANS.file()).chars
    found: list[str] = []
    for char in text:
        if char in primary or _neutral(char) or char in found:
            continue
        if _fallback(char) is None and char not in metrics(MONO.file()).chars:
            found.append(char)
    return found


def _fallback(char: str) -> Family | None:
    for family in FALLBACKS:
        if char in metrics(family.file()).chars:
            return family
    return None


def _neutral(char: str) -> bool:
    """Tell whether `char` draws in any font: white space, or an invisible format character."""
    import unicodedata

    if 0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF:  # variation selectors
        return True
    return char.isspace() or unicodedata.category(char) in ("Cf", "Cc", "Zs", "Zl", "Zp")


@dataclass(frozen=True)
class Metrics:
    line_height: float  # in em: the distance between baselines at single spacing
    ascent: float  # in em
    widths: dict[int, float]  # advance width in em of every code point the font has
    chars: frozenset[str]  # the characters it has: `chars.issuperset(text)` runs in C


@cache
def metrics(path: Path) -> Metrics:
    """Return the vertical metrics, advance widths and coverage of the shipped font at `path`.

    Read from fonts/metrics/, made from the fonts by scripts/font-metrics: measuring needs
    neither fontTools nor Pillow at run time. Widths leave kerning out, which only ever errs on
    the side of a longer line.
    """
    import json

    table = json.loads((FONT_DIR / "metrics" / f"{path.stem}.json").read_text(encoding="utf-8"))
    upm = table["units_per_em"]
    widths: dict[int, float] = {}
    for first, count, width in table["widths"]:
        em = width / upm
        for cp in range(first, first + count):
            widths[cp] = em
    return Metrics(table["line_height"], table["ascent"], widths, frozenset(map(chr, widths)))
