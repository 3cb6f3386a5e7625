"""What fits where: the measuring every slide planner shares.

Text is measured with the real font metrics (see measure.py) against the theme's boxes, with the
theme's slack, so a planner only ever asks "does this fit, and at what size?". Titles are
measured as the template draws them (bold, capitals).
"""

from __future__ import annotations

from dataclasses import replace

from lecturekit.layout.furniture import Words, words
from lecturekit.layout.measure import MATH_AIR, Measurer
from lecturekit.model.lesson import Inlines, Span, plain
from lecturekit.model.text import take

from .slides import Bullet
from .theme import Box, Theme


class Fitter:
    def __init__(self, theme: Theme, said: Words | None = None):
        self.theme = theme
        self.words = said or words("en")  # the lecture's language: "(Forts.)" is kept as "(cont.)" is
        self.measure = Measurer(theme.sans, theme.mono, theme.line_spacing)
        self.titles = Measurer(theme.heading, theme.mono, theme.line_spacing)
        self.code = Measurer(theme.mono, theme.mono, 1.0)

    def width(self, box: Box, level: int = 0, numbered: bool = False, columns: int = 1) -> float:
        """Return the measuring width of text in `box`: list items at `level`, or plain text at -1."""
        theme = self.theme
        margin = theme.margin(level, numbered) if level >= 0 else 0.0
        inner = box.w - 2 * theme.inset_x
        column = (inner - (columns - 1) * theme.column_gap) / columns
        return (column - margin) * (1 - theme.slack)

    def display_size(self, bullet: Bullet, size: float) -> float:
        """Return the size a display equation is set at on a slide of `size`: that size, or as
        much smaller as it takes to fit the body's width."""
        from lecturekit.layout.equations import outline

        number = [(s, s.text) for s in bullet.inlines[1:]]  # "(1)", at 1 pt: its width in em
        shape = outline(bullet.inlines[0].math, display=True)
        width = shape.width + self.measure.word_width(number, 1.0)
        fits = [size]
        if width:
            fits.append(self.width(self.theme.body, -1) / width)
        if shape.height:  # a long `aligned` block: no taller than the body
            fits.append(self.room(self.theme.body) / (shape.height * MATH_AIR) - 0.5)
        return max(1.0, min(fits))

    def room(self, box: Box) -> float:
        return (box.h - 2 * self.theme.inset_y) * (1 - self.theme.slack)

    def bullet_height(self, bullet: Bullet, size: float, columns: int = 1) -> float:
        """Return the height of `bullet` at `size`, with the space PowerPoint puts before it."""
        theme = self.theme
        if bullet.display:
            from lecturekit.layout.equations import outline  # only a lecture with equations loads it

            shape = outline(bullet.inlines[0].math, display=True)
            return shape.height * MATH_AIR * self.display_size(bullet, size) + theme.space_before
        level = -1 if bullet.lead else bullet.level
        width = self.width(theme.body, level, bullet.number is not None, columns)
        space = theme.space_before if bullet.level == 0 else theme.space_before_nested
        return self.measure.height(bullet.inlines, size, width) + space

    def fit_size(
        self,
        inlines: Inlines,
        box: Box,
        size: float,
        minimum: float,
        reserve: int = 0,
        measure: Measurer | None = None,
    ) -> float | None:
        """Return the largest size from `size` down to `minimum` at which `inlines` fits `box`."""
        measure = measure or self.measure
        for candidate in sizes(size, minimum):
            room = self.room(box) - reserve * measure.line_height_of(inlines, candidate)
            if measure.height(inlines, candidate, self.width(box, -1)) <= room:
                return candidate
        return None

    def truncate(
        self,
        inlines: Inlines,
        box: Box,
        size: float,
        level: int = 0,
        reserve: int = 0,
        numbered: bool = False,
        measure: Measurer | None = None,
    ) -> Inlines:
        """Return the longest start of `inlines` (plus "…") that fits `box` at `size`."""
        measure = measure or self.measure
        width = self.width(box, level, numbered)
        line = measure.line_height_of(inlines, size)
        room = self.room(box) - reserve * line
        max_lines = max(1, int(room // line))
        lines = measure.lines(inlines, size, width)
        if len(lines) <= max_lines:
            return inlines
        kept = sum(len(text) for line in lines[:max_lines] for _, text in line)
        text = plain(inlines)
        end = _offset_after(text, kept)  # the characters the measured lines hold, spaces included
        cut = text.rfind(" ", 0, end - 1)
        end = cut if cut > end // 2 else end - 1
        return take(inlines, [(0, end), "…"])

    def one_line(self, bullet: Bullet, columns: int = 1) -> Bullet:
        """Return `bullet` shortened to one line at the minimum size (a long agenda's parts)."""
        theme = self.theme
        size = theme.body_min
        width = self.width(theme.body, bullet.level, bullet.number is not None, columns)
        lines = self.measure.lines(bullet.inlines, size, width)
        if len(lines) <= 1:
            return bullet
        kept = sum(len(text) for _, text in lines[0])
        text = plain(bullet.inlines)
        end = text.rfind(" ", 0, _offset_after(text, kept) - 1)
        return replace(bullet, inlines=take(bullet.inlines, [(0, max(end, 1)), "…"]))

    # -- titles --------------------------------------------------------------------------------

    def title_text(self, text: str, role: str = "title") -> Inlines:
        """Return a title as it is drawn, to measure it: bold, or in capitals, if the template sets it so."""
        theme = self.theme
        bold = {"title": theme.title_bold, "hero": theme.hero_bold, "section": theme.section_bold}[role]
        return (Span(text.upper() if role in theme.caps else text, bold=bold),)

    def fit_hero(self, text: str, box: Box, role: str, reserve: float = 0.0) -> tuple[str, float]:
        """Return a big title and its size: the hero size, shrunk to the title minimum, then shortened."""
        theme = self.theme
        room = self.room(box) - reserve
        width = self.width(box, -1)
        for candidate in sizes(theme.hero_size, theme.title_min):
            if self.titles.height(self.title_text(text, role), candidate, width) <= room:
                return text, candidate
        return self.shorten_title(text, box, theme.title_min, role, reserve), theme.title_min

    def fit_title(self, text: str) -> tuple[str, float]:
        """Return a slide title and its size: shrunk to the minimum, then shortened, "(cont.)" kept."""
        theme = self.theme
        size = self.fit_size(
            self.title_text(text), theme.title, theme.title_size, theme.title_min, measure=self.titles
        )
        if size is not None:
            return text, size
        suffix = m.group() if (m := self.words.continued_mark(text)) else ""
        short = self.shorten_title(
            text[: len(text) - len(suffix)], theme.title, theme.title_min, "title", suffix=suffix
        )
        return short, theme.title_min

    def shorten_title(
        self, text: str, box: Box, size: float, role: str, reserve: float = 0.0, suffix: str = ""
    ) -> str:
        """Return the longest start of `text` that, with "…" and `suffix`, fits `box` as the title is drawn.

        The cut is estimated on the text as it is, then moved back a word at a time while the
        title, in the template's capitals or bold, still does not fit.
        """
        width, room = self.width(box, -1), self.room(box) - reserve

        def fits(candidate: str) -> bool:
            return self.titles.height(self.title_text(candidate, role), size, width) <= room

        if fits(text + suffix):
            return text + suffix
        shown = Box(box.x, box.y, box.w, box.h - reserve / (1 - self.theme.slack))
        short = plain(self.truncate((Span(text),), shown, size, level=-1, measure=self.titles))
        short = short.removesuffix("…").rstrip()
        while short:
            if fits(short + "…" + suffix):
                return short + "…" + suffix
            cut = short.rfind(" ")
            short = short[:cut].rstrip() if cut > 0 else short[:-1]  # always shorter: this ends
        return "…" + suffix

    def footer(self, text: str) -> str:
        """Return `text` for the foot of content slides, shortened to one line."""
        theme = self.theme
        width = (theme.footer.w - 2 * theme.inset_x) * (1 - theme.slack)
        if self.measure.width(text, theme.footer_size) <= width:
            return text
        while text and self.measure.width(text + "…", theme.footer_size) > width:
            text = text[: max(len(text) - 4, 0)].rstrip()
        return text + "…"


def sizes(size: float, minimum: float) -> list[float]:
    """Return the sizes from `size` down to `minimum`, 2 pt apart."""
    found = []
    while size >= minimum:
        found.append(size)
        size -= 2
    return found or [minimum]


def _offset_after(text: str, visible: int) -> int:
    """Return the offset in `text` after `visible` characters, counting collapsed spaces once."""
    count = 0
    for offset, char in enumerate(text):
        if count >= visible:
            return offset
        if not (char == " " and offset and text[offset - 1] == " "):
            count += 1
    return len(text)
