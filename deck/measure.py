"""Measure slide text with the real font metrics, as PowerPoint will lay it out.

Widths come from the shipped fonts (Carlito has Calibri's metrics), line heights from their
vertical metrics. Lines break at spaces and, for a word wider than the line, inside the word,
which is what PowerPoint and LibreOffice do. Breaking only there (never after a hyphen) makes
the estimate err on the side of more lines.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lecturekit.fonts import Family, metrics
from lecturekit.lesson import Inlines, Span

_UNITS = 1000  # fonts are loaded once at this size; widths scale linearly
_TOKEN = re.compile(r"\n|[ \t]+|[^\s]+")


@lru_cache(maxsize=16)
def _font(path: Path):
    from PIL import ImageFont

    return ImageFont.truetype(str(path), _UNITS)


@lru_cache(maxsize=200_000)
def _width(path: Path, text: str) -> float:
    """Return the advance width of `text` in em, counting a missing glyph as a full em."""
    cmap = metrics(path).cmap
    if all(ord(c) in cmap for c in text):
        return _font(path).getlength(text) / _UNITS
    # Another font will draw the missing characters: assume the widest common case (CJK, 1 em).
    covered = "".join(c for c in text if ord(c) in cmap)
    missing = sum(1 for c in text if ord(c) not in cmap)
    return (_font(path).getlength(covered) / _UNITS if covered else 0.0) + missing


class Measurer:
    """Answer "how tall is this text at this size in this width?" for one pair of families."""

    def __init__(self, sans: Family, mono: Family):
        self.sans = sans
        self.mono = mono

    def face(self, span: Span) -> Path:
        family = self.mono if span.code else self.sans
        return family.file(span.bold, span.italic)

    def line_height(self, size: float) -> float:
        return metrics(self.sans.file()).line_height * size

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return _width(self.sans.file(bold), text) * size

    def lines(self, inlines: Inlines, size: float, width: float) -> list[list[tuple[Span, str]]]:
        """Return `inlines` broken into lines no wider than `width` points at `size`."""
        space = _width(self.sans.file(), " ") * size
        lines: list[list[tuple[Span, str]]] = [[]]
        used = 0.0
        pending_space = False
        for word in _words(inlines):
            if word == "\n":
                lines.append([])
                used, pending_space = 0.0, False
                continue
            if word == " ":
                pending_space = bool(lines[-1])
                continue
            w = sum(_width(self.face(span), text) for span, text in word) * size
            gap = space if pending_space else 0.0
            if lines[-1] and used + gap + w > width:
                lines.append([])
                used, gap = 0.0, 0.0
            if w > width:  # a word wider than the line: break it between characters
                for k, (piece, piece_width) in enumerate(self._split_word(word, size, width)):
                    if k:
                        lines.append([])
                    lines[-1].extend(piece)
                    used = piece_width
            else:
                if gap:
                    lines[-1].append((word[0][0], " "))
                lines[-1].extend(word)
                used += gap + w
            pending_space = False
        return lines

    def _split_word(self, word, size: float, width: float):
        """Yield pieces of an over-long word and their widths, each piece no wider than `width`."""
        piece: list[tuple[Span, str]] = []
        used = 0.0
        for span, text in word:
            for char in text:
                w = _width(self.face(span), char) * size
                if piece and used + w > width:
                    yield piece, used
                    piece, used = [], 0.0
                piece.append((span, char))
                used += w
        if piece:
            yield piece, used

    def count_lines(self, inlines: Inlines, size: float, width: float) -> int:
        return len(self.lines(inlines, size, width))


def _words(inlines: Inlines):
    """Yield words as lists of (span, text) pieces, a space as " " and a line break as "\\n"."""
    word: list[tuple[Span, str]] = []
    for span in inlines:
        for token in _TOKEN.findall(span.text):
            if token == "\n" or token.isspace():
                if word:
                    yield word
                    word = []
                yield "\n" if token == "\n" else " "
            else:
                word.append((span, token))
    if word:
        yield word
