"""The handout's text in reportlab: paragraph styles, markup made from inlines, fonts.

Article text reaches reportlab's paragraph markup only through `inline_markup`, which escapes
every text node. Characters the text font lacks are set in a shipped fallback font, right-to-left
runs in visual order; a paragraph or a run without spaces too long for one page is drawn in
pieces. Every font is a shipped TrueType font, embedded, registered on first use.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from functools import cache
from html import escape as _html_escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as _RLParagraph

from lecturekit.fonts import MONO, SANS, Family, font_runs
from lecturekit.layout import highlight
from lecturekit.layout.links import followable
from lecturekit.model.lesson import Inlines, in_words, plain
from lecturekit.model.text import take

from .blocks import LINK, Style


def paragraph_styles(styles: dict[str, Style]) -> dict[str, ParagraphStyle]:
    """Return the plan's type scale as reportlab styles. Bullets name their font too: reportlab's
    default for them is Helvetica, a standard-14 font."""
    out = {}
    for name, style in styles.items():
        family = "LK-Mono" if style.mono else "LK-Sans"
        face = family + {(True, True): "-BoldItalic", (True, False): "-Bold", (False, True): "-Italic"}.get(
            (style.bold, style.italic), ""
        )
        extra = {}
        if style.mono:
            extra = dict(
                backColor=colors.HexColor("#" + highlight.BACKGROUND),
                borderPadding=4,
                rightIndent=style.indent,
            )
        out[name] = ParagraphStyle(
            name,
            fontName=face,
            bulletFontName="LK-Sans-Bold" if name == "question" else "LK-Sans",
            fontSize=style.size,
            leading=style.leading,
            textColor=colors.HexColor("#" + style.colour),
            spaceBefore=style.before,
            spaceAfter=style.after,
            leftIndent=style.indent,
            bulletIndent=style.bullet_indent,
            alignment=TA_CENTER if style.centred else 0,
            keepWithNext=int(style.keep_with_next),
            autoLeading="max",  # a line with a tall equation grows to hold it
            **extra,
        )
    return out


def Paragraph(markup: str, style: ParagraphStyle, **kwargs) -> _RLParagraph:  # noqa: N802 - reportlab's name
    """Return a reportlab Paragraph whose characters the text font lacks are set in a shipped fallback."""
    register_faces_for(markup, style)
    return _RLParagraph(with_fallback_fonts(markup), style, **kwargs)


_TAG = re.compile(r"(<[^>]*>)")


def with_fallback_fonts(markup: str) -> str:
    """Wrap runs of Hangul, Hebrew, Arabic... in the shipped font that has them.

    reportlab draws a character its font lacks as a box; only text between tags is looked at,
    and plain ASCII (tags, entities, English) passes straight through.
    """
    if markup.isascii():
        return markup
    parts = []
    for chunk in _TAG.split(markup):
        if not chunk or chunk.startswith("<") or chunk.isascii():
            parts.append(chunk)
            continue
        for run, family in font_runs(chunk):
            if family is SANS:
                parts.append(run)
                continue
            if family.rtl:
                run = _visual_order(run)
            parts.append(f'<font face="{_register_fallback(family)}">{run}</font>')
    return "".join(parts)


def _visual_order(run: str) -> str:
    """Return a right-to-left run as it is drawn: letters joined (Arabic), order reversed.

    reportlab sets text left to right. A run is reordered on its own, which is right for the
    words and phrases a lecture quotes; a paragraph entirely in Hebrew or Arabic that wraps
    over several lines would need the whole bidi algorithm per line.
    """
    import arabic_reshaper
    from bidi import get_display

    body = run.rstrip()
    return get_display(arabic_reshaper.reshape(body), base_dir="R") + run[len(body) :]


@cache
def _register_fallback(family: Family) -> str:
    """Register a fallback family on first use (NanumGothic is large) and return its name."""
    name = "LK-" + family.name.replace(" ", "")
    regular, bold = f"{name}", f"{name}-Bold"
    pdfmetrics.registerFont(TTFont(regular, str(family.file())))
    pdfmetrics.registerFont(TTFont(bold, str(family.file(bold=True))))
    pdfmetrics.registerFontFamily(name, normal=regular, bold=bold, italic=regular, boldItalic=bold)
    return name


def inline_markup(inlines: Inlines, size: float = 0.0, room: float = 0.0) -> str:
    """Return formatted article text as reportlab paragraph markup, every text node escaped; an
    equation drawn at `size` and no wider than `room` (as plain text where no size is given), a
    footnote's marker raised."""
    parts = []
    carried = 0  # characters of this span drawn with the equation before it
    for index, span in enumerate(inlines):
        if span.math and size:
            from .pdf_math import math_markup  # only a lecture with equations loads it

            following = inlines[index + 1].text if index + 1 < len(inlines) else ""
            after = _PUNCTUATION.match(following)
            carried = len(after.group()) if after else 0
            parts.append(math_markup(span.math, size, room, after.group() if after else ""))
            continue
        if carried:
            span, carried = replace(span, text=span.text[carried:]), 0
        if span.note:
            parts.append(f"<super>{span.note}</super>")
            continue
        text = escape(breakable(plain(in_words((span,))))).replace("\n", "<br/>")  # an equation in words
        if span.code:
            text = f'<font face="LK-Mono">{text}</font>'
        text = bold_italic(text, span.bold, span.italic)
        if span.strike:
            text = f"<strike>{text}</strike>"
        if span.href and followable(span.href):
            text = f'<a href={quoteattr(span.href)} color="#{LINK}"><u>{text}</u></a>'
        parts.append(text)
    return "".join(parts)


_PUNCTUATION = re.compile(r"[.,;:!?)\]”’]+")  # what ends a clause after an equation: kept on its line


def bold_italic(markup: str, bold: bool, italic: bool) -> str:
    if bold:
        markup = f"<b>{markup}</b>"
    return f"<i>{markup}</i>" if italic else markup


def pieces(inlines: Inlines, style: ParagraphStyle, bullet: str = "", room: float = 0.0) -> list[Flowable]:
    """Return text of more than LONG_PARAGRAPH characters as paragraphs that read as one: split
    at spaces, with no space between them. reportlab wraps what is left of a paragraph (or a
    table cell) again on every page it continues to, so one paragraph of a hundred pages would
    cost ten thousand pages' wrapping; pieces cost each their own."""
    text = plain(inlines)
    cuts = [0]
    while len(text) - cuts[-1] > LONG_PARAGRAPH:
        space = text.rfind(" ", cuts[-1] + LONG_PARAGRAPH // 2, cuts[-1] + LONG_PARAGRAPH)
        cuts.append(space + 1 if space > 0 else cuts[-1] + LONG_PARAGRAPH)
    cuts.append(len(text))
    found = []
    for number, (start, end) in enumerate(itertools.pairwise(cuts)):
        first, last = number == 0, end == len(text)
        piece = ParagraphStyle(
            f"{style.name}-piece",
            parent=style,
            spaceBefore=style.spaceBefore if first else 0,
            spaceAfter=style.spaceAfter if last else 0,
            firstLineIndent=style.firstLineIndent if first else 0,
        )
        markup = inline_markup(take(inlines, [(start, end)]), style.fontSize, room)
        found.append(Paragraph(markup, piece, bulletText=(bullet or None) if first else None))
    return found


def breakable(text: str) -> str:
    """Return `text` with a zero-width space every BREAK_EVERY characters of a "word" longer than
    LONG_RUN (a minified script, a data URL): reportlab breaks such a word one character at a
    time, in time that grows with the square of its length, but breaks at a zero-width space at once."""
    if len(text) <= LONG_RUN or not _LONG_RUN.search(text):
        return text
    return _LONG_RUN.sub(lambda m: ZWSP.join(_chunks(m.group(), BREAK_EVERY)), text)


def _chunks(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


LONG_CELL = 6000  # characters of a table cell the PDF shows (see `_cell`)
LONG_PARAGRAPH = 3000  # characters: a longer paragraph is drawn in pieces (see `long_text`)
LONG_RUN = 120  # characters without a space: longer than any word or link a reader reads whole
BREAK_EVERY = 60
ZWSP = "\u200b"
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")


def escape(text: str) -> str:
    """Escape text for reportlab's paragraph markup: &, < and >."""
    return _html_escape(text, quote=False)


def quoteattr(value: str) -> str:
    return f'"{_html_escape(value, quote=True)}"'


@cache
def register_font(family: Family, name: str, bold: bool = False, italic: bool = False) -> str:
    """Register one face of a shipped family with reportlab, on first use; return its name.

    Parsing a TrueType font is the slow part of starting a handout, so only faces the handout
    uses are registered. The family mapping (for <b> and <i>) names all four faces.
    """
    face = name + ("-Bold" if bold else "") + ("-Italic" if italic else "")
    face = face.replace("-Bold-Italic", "-BoldItalic")
    pdfmetrics.registerFont(TTFont(face, str(family.file(bold, italic))))
    pdfmetrics.registerFontFamily(
        name, normal=name, bold=f"{name}-Bold", italic=f"{name}-Italic", boldItalic=f"{name}-BoldItalic"
    )
    return face


def register_faces_for(markup: str, style: ParagraphStyle) -> None:
    """Register the faces a paragraph will use: its style's font, italics, code."""
    register_font(SANS, "LK-Sans")
    register_font(SANS, "LK-Sans", bold=True)
    italic = "<i>" in markup or style.fontName.endswith(("Italic", "BoldItalic"))
    if italic:
        register_font(SANS, "LK-Sans", italic=True)
        register_font(SANS, "LK-Sans", bold=True, italic=True)
    if 'face="LK-Mono"' in markup or style.fontName.startswith("LK-Mono"):
        for bold in (False, True):
            for slant in (False, True):
                register_font(MONO, "LK-Mono", bold=bold, italic=slant)
