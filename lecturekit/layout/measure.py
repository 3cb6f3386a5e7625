"""Measure text with the real font metrics, as PowerPoint (the deck) and reportlab (the handout) lay it out.

Widths come from the shipped fonts' advance widths (Carlito has Calibri's metrics; characters
Carlito lacks are measured in the font that will draw them), line heights from their vertical
metrics. Lines break at spaces and, for a word wider than the line, inside the word, which is
what PowerPoint and LibreOffice do. Breaking only there (never after a hyphen) and leaving
kerning out make the estimate err on the side of more lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from lecturekit.fonts import Family, font_runs, metrics
from lecturekit.model.lesson import MATH_WORD, Inlines, Span

Word = list[tuple[Span, str]]  # a word as its pieces: a word can change font mid-way
EmWord = tuple[Word, float] | str  # a word and its width in em, or a space or line break

_TOKEN = re.compile(r"\n|[ \t]+|[^\s]+")
_CODE_TOKEN = re.compile(r"\s+|\S+")


@lru_cache(maxsize=200_000)
def _width(path: Path, text: str) -> float:
    """Return the advance width of `text` in em in the font at `path` (a missing glyph: 1 em)."""
    widths = metrics(path).widths
    return sum(widths.get(ord(c), 1.0) for c in text)


@lru_cache(maxsize=200_000)
def _run_width(family: Family, bold: bool, italic: bool, text: str) -> float:
    """Return the width in em of `text` in `family`, characters it lacks in the fallback that has them."""
    return sum(_width(f.file(bold, italic), run) for run, f in font_runs(text, family))


@lru_cache(maxsize=20_000)
def _tallest(family: Family, text: str) -> float:
    """Return the line height in em of the tallest font `text` needs."""
    if text.isascii():
        return metrics(family.file()).line_height
    return max((metrics(f.file()).line_height for _, f in font_runs(text, family)), default=0.0)


def _math_width(latex: str) -> float:
    from lecturekit.layout.equations import outline

    return outline(latex).width


def _math_height(latex: str) -> float:
    """Return the line height in em an inline equation needs: its own height, with a little air."""
    from lecturekit.layout.equations import outline

    return outline(latex).height * MATH_AIR


MATH_AIR = 1.15


class Measurer:
    """Answer "how tall is this text at this size in this width?" for one pair of families."""

    def __init__(self, sans: Family, mono: Family, line_spacing: float = 1.0):
        self.sans = sans
        self.mono = mono
        self.line_spacing = line_spacing
        self._em_cache: dict[Inlines, list[EmWord]] = {}

    def family(self, span: Span) -> Family:
        return self.mono if span.code else self.sans

    def line_height(self, size: float) -> float:
        return metrics(self.sans.file()).line_height * size * self.line_spacing

    def height(self, inlines: Inlines, size: float, width: float) -> float:
        """Return the height of `inlines` set at `size` in `width`, every line as tall as its tallest font."""
        return self.count_lines(inlines, size, width) * self.line_height_of(inlines, size)

    def line_height_of(self, inlines: Inlines, size: float) -> float:
        """Return the line height of `inlines` at `size`: Arabic's font, for one, is taller than
        Carlito, and an equation with a fraction taller than a line of text."""
        tallest = max(
            (
                _math_height(span.math) if span.math else _tallest(self.family(span), span.text)
                for span in inlines
            ),
            default=0.0,
        )
        return max(tallest * size * self.line_spacing, self.line_height(size))

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return _width(self.sans.file(bold), text) * size

    def word_width(self, word: list[tuple[Span, str]], size: float) -> float:
        return (
            sum(
                _math_width(span.math)
                if span.math and text == MATH_WORD
                else _run_width(self.family(span), span.bold, span.italic, text)
                for span, text in word
            )
            * size
        )

    def _em_words(self, inlines: Inlines) -> list[EmWord]:
        """Return the words of `inlines` (see `_words`), each with its width in em, remembered:
        the planners measure the same text at several sizes and widths."""
        found = self._em_cache.get(inlines)
        if found is None:
            found = [w if isinstance(w, str) else (w, self.word_width(w, 1.0)) for w in _words(inlines)]
            self._em_cache[inlines] = found
        return found

    def lines(self, inlines: Inlines, size: float, width: float) -> list[list[tuple[Span, str]]]:
        """Return `inlines` broken into lines no wider than `width` points at `size`."""
        space = _width(self.sans.file(), " ") * size
        lines: list[list[tuple[Span, str]]] = [[]]
        used = 0.0
        pending_space = False
        for item in self._em_words(inlines):
            if isinstance(item, str):  # a line break or a space
                if item == "\n":
                    lines.append([])
                    used, pending_space = 0.0, False
                else:
                    pending_space = bool(lines[-1])
                continue
            word, w = item[0], item[1] * size
            gap = space if pending_space else 0.0
            if lines[-1] and used + gap + w > width:
                lines.append([])
                used, gap = 0.0, 0.0
            if w > width and any(span.math for span, _ in word):  # an equation is never broken inside
                lines[-1].extend(word)
                used += w
            elif w > width:  # a word wider than the line: break it between characters
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

    def _split_word(self, word: Word, size: float, width: float) -> Iterator[tuple[Word, float]]:
        """Yield pieces of an over-long word and their widths, each piece no wider than `width`."""
        piece: list[tuple[Span, str]] = []
        used = 0.0
        for span, text in word:
            for char in text:
                w = self.word_width([(span, char)], size)
                if piece and used + w > width:
                    yield piece, used
                    piece, used = [], 0.0
                piece.append((span, char))
                used += w
        if piece:
            yield piece, used

    def count_lines(self, inlines: Inlines, size: float, width: float) -> int:
        return len(self.lines(inlines, size, width))

    def code_rows(self, line: str, size: float, width: float, hang: float) -> int:
        """Return the rows a line of code takes in the mono family: every space counted (indents
        matter), wrapped at spaces or, for a longer run, anywhere; wrapped rows start `hang` in."""
        rows, used = 1, 0.0
        for token in _CODE_TOKEN.findall(line):
            w = _run_width(self.mono, False, False, token) * size
            if token.isspace():
                used += w  # spaces at the end of a row hang past the edge, as in PowerPoint
                continue
            if used > hang and used + w > width:
                rows, used = rows + 1, hang
            while used + w > width and w > width - hang:  # a run longer than a row: broken inside
                if width - used <= 0 or width - hang <= 0:
                    break  # a row with no room at all (spaces past the edge, a hang as wide as
                    # the row): counting on would never end
                w -= width - used
                rows, used = rows + 1, hang
            used += w
        return rows


def _words(inlines: Inlines) -> Iterator[Word | str]:
    """Yield words as lists of (span, text) pieces, a space as " " and a line break as "\\n"."""
    word: list[tuple[Span, str]] = []
    for span in inlines:
        if span.note:
            continue  # a footnote's marker: left off a slide, its note in the notes
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
