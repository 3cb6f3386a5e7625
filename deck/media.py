"""Slides for what is not text: pictures, tables (see table_slides.py), code and quotes, each
planned to fit.

A picture is as large as the space allows (a small one at most twice its size), its title a
caption. Code keeps every line as written and continues on the next slide rather than shrink
below the minimum. A lead-in ("The same survey in JavaScript:") sits above the first slide of
what it introduces (see pages.py).
"""

from __future__ import annotations

from dataclasses import replace

from lecturekit.layout.highlight import Line, code_lines, highlight, language_name
from lecturekit.model.lesson import (
    MATH_WORD,
    Code,
    Equation,
    Image,
    Inlines,
    Paragraph,
    Quote,
    Span,
    Table,
    plain,
    written,
)

from .fitter import Fitter, sizes
from .pages import Lead, paginate, shown_lead, under_lead
from .slides import CodeSlide, PictureSlide, QuoteSlide, Slide
from .table_slides import TablePlanner
from .theme import Box

UPSCALE = 2.0  # a small picture is shown at most twice its size at 96 dpi: more would blur it


class MediaPlanner:
    """Plan the slides of pictures, tables, code and quotes; `warn(line, message)` reports."""

    def __init__(self, fit: Fitter, warn):
        self.fit = fit
        self.theme = fit.theme
        self.warn = warn
        self.tables = TablePlanner(fit, warn)

    def lead(self, paragraph: Paragraph, inlines: Inlines) -> Lead:
        """Return a lead-in as it is shown above what it introduces."""
        theme = self.theme
        size = theme.body_size
        height = self.fit.measure.height(inlines, size, self.fit.width(theme.body, -1)) / (1 - theme.slack)
        return Lead(inlines, size, height + 2 * theme.inset_y, written(paragraph.inlines))

    def slides(self, title: str, block: Image | Table | Code, lead: Lead | None = None) -> list[Slide]:
        """Return the slides of `block`; a lead-in's paragraph goes in the first one's notes."""
        if isinstance(block, Image):
            found = self.picture(title, block, lead)
        elif isinstance(block, Table):
            found = self.tables.table(title, block, lead)
        else:
            found = self.code(title, block, lead)
        if lead is not None and found:
            found[0] = replace(found[0], notes=f"{lead.note}\n\n{found[0].notes}")
        return found

    def quote(self, title: str, block: Quote) -> list[Slide]:
        quote = _join_paragraphs(_quoted(block))
        attribution = plain(block.attribution)
        notes = quote_notes(block)
        box = self.theme.body
        size = self.fit.fit_size(quote, box, self.theme.quote_size, self.theme.body_min, reserve=1)
        if size is None:  # too long to show whole: show what fits, the rest is in the notes
            size = self.theme.body_min
            quote = self.fit.truncate(quote, box, size, reserve=1)
            self.warn(
                block.line, "quote too long for one slide: the slide shows its start, the notes all of it"
            )
        return [QuoteSlide(title, 0, quote, attribution, size, notes)]

    def picture(self, title: str, block: Image, lead: Lead | None = None) -> list[Slide]:
        """A picture slide: the picture as large as the space allows (a small one at most twice its
        size), its title as a caption under it, its alt text as the picture's."""
        theme = self.theme
        notes = block.alt or block.title or "A picture."
        area = under_lead(theme.body, lead)
        caption: Inlines = ()
        below = 0.0  # the caption's height
        if block.title:
            size = theme.caption_size
            two_lines = Box(
                0, 0, area.w, 2 * self.fit.measure.line_height(size) / (1 - theme.slack) + 2 * theme.inset_y
            )
            caption = self.fit.truncate((Span(block.title),), two_lines, size, level=-1)
            below = (
                self.fit.measure.height(caption, size, self.fit.width(area, -1)) / (1 - theme.slack)
                + 2 * theme.inset_y
            )
        pixels_w, pixels_h = block.size if all(block.size) else (4, 3)
        scale = min(area.w / pixels_w, (area.h - below) / pixels_h, UPSCALE * 72 / 96)
        w, h = pixels_w * scale, pixels_h * scale
        # The picture and its caption, together in the middle of the space.
        box = Box(area.x + (area.w - w) / 2, area.y + (area.h - h - below) / 2, w, h)
        return [
            PictureSlide(title, 0, block, box, plain(caption), theme.caption_size, notes, shown_lead(lead))
        ]

    def code(self, title: str, block: Code, lead: Lead | None = None) -> list[Slide]:
        """Code slides: monospace, coloured, every line as written; a long block continues on the
        next slide rather than shrinking below `theme.code_min`."""
        theme = self.theme
        lines = list(zip(code_lines(block.text), highlight(block.text, block.lang), strict=True))
        less = lead.height if lead is not None else 0.0
        # The largest size that needs no more slides and no more wrapped lines than the smallest.
        steps = sizes(theme.code_size, theme.code_min)
        least = self._code_pages(lines, steps[-1], less)
        for size in steps:
            pages, wrapped = self._code_pages(lines, size, less)
            if (len(pages), wrapped) <= (len(least[0]), least[1]):
                break
        language = language_name(block.lang)
        out: list[Slide] = []
        for number, page in enumerate(pages):
            # Blank lines where one slide ends and the next begins would only be gaps.
            while number and len(page) > 1 and not page[0][0].strip():
                page = page[1:]
            while number < len(pages) - 1 and len(page) > 1 and not page[-1][0].strip():
                page = page[:-1]
            shown = "\n".join(text for text, _, _, _ in page)
            notes = (f"{language} code:" if language else "Code:") + "\n" + shown
            code = tuple(tokens for _, tokens, _, _ in page)
            hangs = tuple(hang for _, _, hang, _ in page)
            # The panel as tall as its lines, within the body below any lead-in.
            room = theme.body.h - (lead.height if lead is not None else 0.0)
            height = sum(h for _, _, _, h in page) / (1 - theme.slack) + 2 * theme.code_inset
            slide = CodeSlide(title, 0, code, size, hangs, min(height, room), notes, shown_lead(lead))
            out.append(slide)
            lead = None
        return out

    def _code_pages(
        self, lines: list[tuple[str, Line]], size: float, less: float
    ) -> tuple[list[list[tuple[str, Line, float, float]]], int]:
        """Return the code lines split into slides at `size`, each with the indent of its wrapped
        rows and its height, and how many rows wrapping adds. The first slide is `less` shorter
        (a lead-in).

        A wrapped row starts four characters in from its line's own indent, as editors wrap. A line
        too long for a whole slide (hundreds of characters) is shown in pieces, each a line of its
        own; the notes have it whole. Slides break after a blank line where one comes near the end.
        """
        theme = self.theme
        width = (theme.body.w - 2 * theme.code_inset) * (1 - theme.slack)
        room = (theme.body.h - 2 * theme.code_inset) * (1 - theme.slack)
        height = self.fit.code.line_height(size)
        char = self.fit.code.word_width([(Span("0", code=True), "0")], size)
        most = max(1, int((room - less) // height))
        entries: list[tuple[str, Line, float, float]] = []
        heights: list[float] = []
        blank: set[int] = set()
        wrapped = 0
        for text, tokens in lines:
            hang = min((len(text) - len(text.lstrip(" ")) + 4) * char, width / 2)
            rows = self.fit.code.code_rows(text, size, width, hang)
            pieces = [(text, tokens)]
            step = len(text)
            while any(self.fit.code.code_rows(p, size, width, hang) > most for p, _ in pieces):
                step = max(1, min(int(step * 0.8), int(len(text) * most / rows)))
                pieces = [
                    (text[i : i + step], _slice_tokens(tokens, i, i + step))
                    for i in range(0, len(text), step)
                ]
            for piece, piece_tokens in pieces:
                rows = self.fit.code.code_rows(piece, size, width, hang)
                wrapped += rows - 1
                if not piece.strip():
                    blank.add(len(entries))
                entries.append((piece, piece_tokens, hang, rows * height))
                heights.append(rows * height)
        pages = paginate(heights, room, room - less, frozenset(blank))
        return [[entries[i] for i in page] for page in pages], wrapped


def _slice_tokens(tokens: Line, start: int, end: int) -> Line:
    """Return the tokens of characters `start` to `end` of a code line."""
    out, offset = [], 0
    for token in tokens:
        low, high = max(start - offset, 0), min(end - offset, len(token.text))
        if low < high:
            out.append(replace(token, text=token.text[low:high]))
        offset += len(token.text)
    return tuple(out)


def _join_paragraphs(paragraphs: list[Paragraph | Code | Equation]) -> Inlines:
    """Return a quote's paragraphs, its code in the monospace font ("$ ks" in a callout that
    says "it will print an error message such as:") and its equations, one under the other."""
    spans: list[Span] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            spans.append(Span("\n"))
        if isinstance(paragraph, Code):
            spans.append(Span(paragraph.text.rstrip("\n"), code=True))
        elif isinstance(paragraph, Equation):
            spans.append(Span(MATH_WORD, math=paragraph.latex))
        else:
            spans.extend(paragraph.inlines)
    return tuple(spans)


def quote_notes(block: Quote) -> str:
    """Return a quote as the notes have it, on its slide or on the slide it sits by when the
    lecture leaves it off: its text in quotation marks, then who said it."""
    attribution = plain(block.attribution)
    return f"“{written(_join_paragraphs(_quoted(block)))}”" + (f"\n— {attribution}" if attribution else "")


def _quoted(block: Quote) -> list[Paragraph | Code | Equation]:
    return [b for b in block.blocks if isinstance(b, Paragraph | Code | Equation)]
