"""Write a planned `Handout` as a PDF. The only module that imports reportlab.

The wording comes from templates/handout.j2 (jinja2, autoescaped); article text reaches
reportlab's paragraph markup only through `inline_markup`, which escapes every text node.
Every font is a shipped TrueType font, embedded: no standard-14 font, which would silently
draw characters it lacks as black boxes.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import replace
from functools import cache
from html import escape as _html_escape
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    Indenter,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
    XPreformatted,
)
from reportlab.platypus import Paragraph as _RLParagraph

from lecturekit import code
from lecturekit import lesson as model
from lecturekit.code import highlight
from lecturekit.fonts import MONO, SANS, Family, font_runs
from lecturekit.pictures import picture_bytes
from lecturekit.tables import column_widths

from .plan import PAGE, PAGES, Handout

TEMPLATES = Path(__file__).parent / "templates"
SAFE_LINKS = ("http://", "https://", "mailto:", "ftp://")
MARGIN_X = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
HEADER_Y = 12 * mm  # from the top edge: inside the margin, well clear of the 6 mm the printer needs
FOOTER_Y = 10 * mm
LINE_GAP = 8 * mm  # between ruled answer lines: room for handwriting
MAX_PICTURE_HEIGHT = 90 * mm
UPSCALE = 2.0  # a small picture is shown at most twice its size at 96 dpi: more would blur it

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#52606D")
RULE = colors.HexColor("#9AA5B1")
TINT = colors.HexColor("#F2F4F7")


def write_pdf(handout: Handout, out: BinaryIO, accent: str) -> int:
    """Write `handout` to the binary file `out`; return its number of pages."""
    _register_font(SANS, "LK-Sans")  # the canvas starts in it (reportlab's default is Helvetica)
    _register_font(SANS, "LK-Sans", bold=True)
    styles = _styles(colors.HexColor("#" + accent))
    pagesize = LETTER if handout.paper == "letter" else A4
    return _build(handout, out, pagesize, styles, accent)


class _Canvas(Canvas):
    """A canvas that fills in each page's "Page X of Y" once it knows Y.

    Each footer is a form drawn on its page and defined only when the canvas is saved, so the
    handout is laid out once.
    """

    footer_text = None  # set per document: (page, pages) -> footer text
    footer_style = ("LK-Sans", 8.5, MUTED)

    def save(self):
        pages = self.getPageNumber() - 1  # the last showPage() has already moved on
        font, size, colour = self.footer_style
        for page in range(2, pages + 1):
            self.beginForm(f"lk-footer-{page}", lowerx=-300, lowery=-4, upperx=0, uppery=size + 4)
            self.setFont(font, size)
            self.setFillColor(colour)
            self.drawRightString(0, 0, self.footer_text(page, pages))
            self.endForm()
        super().save()


def _build(handout, out, pagesize, styles, accent) -> int:
    meta = handout.meta
    doc = _Document(
        out,
        pagesize=pagesize,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=meta.title,
        author=meta.lecturer or meta.author,
        subject=meta.subtitle or meta.course,
        keywords=list(meta.keywords),
        creator="lecturekit",
        producer="lecturekit",
        lang=meta.lang,
        displayDocTitle=1,
        initialFontName="LK-Sans",
        invariant=1,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        pagesize[0] - 2 * MARGIN_X,
        pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    header = _one_line(handout.words.running_header, pagesize[0] - 2 * MARGIN_X, styles["header"])

    def decorate(canvas, document):
        if document.page == 1:
            return
        width, height = pagesize
        canvas.saveState()
        line = Paragraph(header, styles["header"])
        line.wrapOn(canvas, width - 2 * MARGIN_X, 20)
        line.drawOn(canvas, MARGIN_X, height - HEADER_Y - 1)
        canvas.setFont("LK-Sans", 8.5)
        canvas.setFillColor(MUTED)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, height - HEADER_Y - 2.5 * mm, width - MARGIN_X, height - HEADER_Y - 2.5 * mm)
        canvas.translate(width - MARGIN_X, FOOTER_Y)
        canvas.doForm(f"lk-footer-{document.page}")  # "Page X of Y", filled in by _Canvas.save
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])

    class Canvas(_Canvas):
        @staticmethod
        def footer_text(page: int, pages: int) -> str:
            footer = handout.words.page_footer.replace(PAGE, str(page)).replace(PAGES, str(pages))
            return _plain_text(footer)

    doc.build(_story(handout, styles, frame.width, accent), canvasmaker=Canvas)
    return doc.page


class _Document(BaseDocTemplate):
    def afterFlowable(self, flowable):
        """Give every flowable marked with an outline entry its bookmark."""
        entry = getattr(flowable, "outline", None)
        if entry:
            title, level, key = entry
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=False)

    def handle_documentBegin(self):
        super().handle_documentBegin()
        self.canv.showOutline()


# -- the story ---------------------------------------------------------------------------------


def _story(handout: Handout, styles, width: float, accent: str) -> list[Flowable]:
    meta = handout.meta
    story: list[Flowable] = []
    words = handout.words
    kicker = words.kicker
    if kicker:
        story.append(Paragraph(kicker, styles["kicker"]))
    story.append(_outlined(Paragraph(words.title, styles["title"]), meta.title, 0, "title"))
    if meta.subtitle:
        story.append(Paragraph(words.subtitle, styles["subtitle"]))
    byline = words.byline
    if byline:
        story.append(Paragraph(byline, styles["byline"]))
    story.append(
        HRFlowable(
            width="100%", thickness=1.2, color=colors.HexColor("#" + accent), spaceBefore=4, spaceAfter=10
        )
    )
    if len(handout.sections) > 1:
        story.append(Paragraph(words.overview_heading, styles["label"]))
        for section in handout.sections:
            story.append(Paragraph(section.overview, styles["overview"]))
        story.append(Spacer(1, 8))

    for section in handout.sections:
        heading = Paragraph(section.heading, styles["h1"])
        story.append(CondPageBreak(45 * mm))
        story.append(_outlined(heading, f"{section.number}. {section.title}", 0, f"section-{section.number}"))
        if section.key_points:
            story.append(_key_points(section, words, styles, width))
        if section.reading:
            story.append(Paragraph(words.reading_heading, styles["label"]))
            story.extend(_blocks(section.reading, styles, width, section.number))

    if handout.questions:
        story.append(CondPageBreak(110 * mm))  # the questions start a page unless there is room for several
        heading = Paragraph(words.questions_heading, styles["h1"])
        story.append(_outlined(heading, _plain_text(words.questions_heading), 0, "questions"))
        story.append(Paragraph(words.questions_intro, styles["muted"]))
        for number, question in enumerate(handout.questions, start=1):
            parts: list[Flowable] = [
                Paragraph(question.text, styles["question"], bulletText=f"{number}."),
            ]
            if handout.instructor:
                parts.append(Paragraph(question.note, styles["note"]))
                for source in question.sources:
                    parts.append(Paragraph(source, styles["note"]))
            if handout.answer_lines:
                parts.append(_AnswerLines(handout.answer_lines, width - styles["question"].leftIndent))
            # A question is never parted from the lines for its answer.
            story.append(KeepTogether(parts))

    story.append(_outlined(Paragraph(words.source_heading, styles["h2"]), "Source", 0, "source"))
    story.append(Paragraph(words.source_text, styles["body"]))
    if meta.url.lower().startswith(SAFE_LINKS):
        story.append(Paragraph(words.source_link, styles["body"]))
    return story


def _key_points(section, words, styles, width) -> Flowable:
    rows = [[Paragraph(words.key_points_heading, styles["label"])]]
    heading = None
    for point in section.key_points:
        if point.heading and point.heading != heading:
            heading = point.heading
            rows.append([Paragraph(escape(heading), styles["point_heading"])])
        rows.append([Paragraph(inline_markup(point.inlines), styles["point"], bulletText="•")])
        for child in point.children:
            rows.append([Paragraph(inline_markup(child), styles["subpoint"], bulletText="–")])
    table = Table(rows, colWidths=[width])
    table.setStyle(
        _table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ]
        )
    )
    table.spaceAfter = 8
    return table


MAX_DEPTH = 5  # lists and quotes nested deeper are not indented further: the column would vanish
QUOTE_INDENT = 18


def _blocks(
    blocks, styles, width: float, section: int, depth: int = 0, body: str = "body", framed: bool = True
) -> list[Flowable]:
    """Return the flowables of `blocks`; `framed` is False inside a list item, where no Indenter may go."""
    out: list[Flowable] = []
    for index, block in enumerate(blocks):
        if isinstance(block, model.Paragraph):
            out.append(Paragraph(inline_markup(block.inlines), styles[body]))
        elif isinstance(block, model.Heading):
            heading = Paragraph(inline_markup(block.inlines), styles["h3"])
            out.append(_outlined(heading, model.plain(block.inlines), 1, f"section-{section}-{index}"))
        elif isinstance(block, model.BulletList):
            out.append(_list(block, styles, width, section, depth))
        elif isinstance(block, model.Quote):
            out.extend(_quote(block, styles, width, section, depth, framed))
        elif isinstance(block, model.Image):
            out.extend(_image(block, styles, width, framed))
        elif isinstance(block, model.Table):
            out.append(_table(block, styles, width))
        elif isinstance(block, model.Code):
            out.append(_code(block, styles["code"], width))
        elif isinstance(block, model.Break):
            out.append(
                HRFlowable(
                    width="30%", thickness=0.5, color=RULE, spaceBefore=6, spaceAfter=8, hAlign="CENTER"
                )
            )
    return out


def _list(block: model.BulletList, styles, width, section, depth) -> Flowable:
    indent = 14 if depth < MAX_DEPTH else 0
    items = []
    for item in block.items:
        inner = _blocks(item.blocks, styles, width - indent, section, depth + 1, framed=False) or [
            Spacer(1, 0)
        ]
        items.append(ListItem(inner))
    options = (
        {"bulletType": "1", "start": block.start} if block.ordered else {"bulletType": "bullet", "start": "•"}
    )
    return ListFlowable(
        items,
        leftIndent=indent,
        bulletFontName="LK-Sans",
        bulletFontSize=10.5,
        spaceAfter=4,
        bulletColor=INK,
        **options,
    )


def _quote(block: model.Quote, styles, width, section, depth, framed) -> list[Flowable]:
    """Return a block quote: its blocks indented and in italics, then its attribution.

    Plain indented flowables, not a table with a rule: a table cell cannot run over a page
    break, and quotes can be long.
    """
    indent = QUOTE_INDENT if depth < MAX_DEPTH and framed else 0
    inner = _blocks(block.blocks, styles, width - indent, section, depth + 1, "quote", framed)
    if block.attribution:
        inner.append(Paragraph("— " + inline_markup(block.attribution), styles["attribution"]))
    if not indent:
        return inner
    return [Indenter(left=indent), *inner, Indenter(left=-indent), Spacer(1, 4)]


def _image(block: model.Image, styles, width, framed: bool = True) -> list[Flowable]:
    """Return a picture at the column width or less, a small one at most twice its size at 96
    dpi, with its title as a caption."""
    if block.path is None:  # never fetched: the alt text stands in
        return [Paragraph(f"[{escape(block.alt or block.src)}]", styles["caption"])]
    pixels_w, pixels_h = block.size if all(block.size) else (4, 3)
    scale = min(width / pixels_w, MAX_PICTURE_HEIGHT / pixels_h, UPSCALE * 72 / 96)
    data, _ = picture_bytes(block.path, pixels_w * scale, pixels_h * scale)
    picture = Image(io.BytesIO(data), pixels_w * scale, pixels_h * scale)
    picture.hAlign = "CENTER"
    parts: list[Flowable] = [picture]
    if block.title:
        parts.append(Paragraph(escape(block.title), styles["caption"]))
    else:
        parts.append(Spacer(1, 8))
    # KeepTogether may split into a frame break, which a list item cannot hold.
    return [KeepTogether(parts)] if framed else parts


def _table(block: model.Table, styles, width) -> Flowable:
    """Return a table: columns as wide as their content wants, the header repeated on every page
    the table runs over, cells wrapping (a word longer than its column is broken)."""
    columns = max(len(block.header), *(len(r) for r in block.rows), 1)
    cells = [row + ((),) * (columns - len(row)) for row in (block.header, *block.rows)]
    for size in TABLE_SIZES:
        padding = 4 if size >= 8 else 2
        minimums, naturals = _column_needs(cells, size, padding)
        widths = column_widths(minimums, naturals, width)
        if widths is not None:
            break
    else:  # too wide even in the smallest type: shares by the longest words, which are broken
        total = sum(minimums) or 1
        widths = [width * m / total for m in minimums]
    cell = ParagraphStyle("cell-sized", parent=styles["cell"], fontSize=size, leading=size * 1.3)
    head = ParagraphStyle("head-sized", parent=styles["cell_head"], fontSize=size, leading=size * 1.3)
    align = tuple(block.align) + ("",) * (columns - len(block.align))
    data = [
        [
            Paragraph(inline_markup(text), _aligned(head if number == 0 else cell, align[index]))
            for index, text in enumerate(row)
        ]
        for number, row in enumerate(cells)
    ]
    # splitInRow: a cell taller than a page continues on the next instead of stopping the build.
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(
        _table_style(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ]
        )
    )
    table.spaceAfter = 8
    return table


TABLE_SIZES = (9.5, 9.0, 8.5, 8.0, 7.5, 7.0)  # points: the largest at which the columns fit
_ALIGNMENT = {"center": TA_CENTER, "right": TA_RIGHT}


def _aligned(style: ParagraphStyle, align: str) -> ParagraphStyle:
    if align not in _ALIGNMENT:
        return style
    return ParagraphStyle(f"{style.name}-{align}", parent=style, alignment=_ALIGNMENT[align])


def _column_needs(cells, size: float, padding: float) -> tuple[list[float], list[float]]:
    """Return each column's minimum width (its longest word) and natural width (its longest cell
    on one line) at `size`, padding included, with 3% to spare."""
    columns = len(cells[0])
    minimums, naturals = [0.0] * columns, [0.0] * columns
    for number, row in enumerate(cells):
        _register_font(SANS, "LK-Sans", bold=True)
        font = "LK-Sans-Bold" if number == 0 else "LK-Sans"
        for index, cell in enumerate(row):
            text = model.plain(cell)
            naturals[index] = max(naturals[index], pdfmetrics.stringWidth(text, font, size))
            for word in text.split():
                minimums[index] = max(minimums[index], pdfmetrics.stringWidth(word, font, size))
    return [m * 1.03 + 2 * padding for m in minimums], [n * 1.03 + 2 * padding for n in naturals]


def _code(block: model.Code, style: ParagraphStyle, width: float) -> Flowable:
    """Return highlighted code on a light panel, every line kept; a line too long for the column
    continues on the next, marked with an arrow, never cut."""
    _register_faces_for("", style)
    room = width - style.leftIndent - style.rightIndent - 2 * style.borderPadding
    columns = max(20, int(room / pdfmetrics.stringWidth("0", "LK-Mono", style.fontSize)))
    lines = []
    for tokens in highlight(block.text, block.lang):
        rows = _wrap_tokens(tokens, columns)
        lines.append("".join(_token_markup(t) for t in rows[0]))
        lines.extend(
            f'<font color="#{code.MUTED}">{WRAP_MARK}</font>' + "".join(_token_markup(t) for t in row)
            for row in rows[1:]
        )
    return XPreformatted(with_fallback_fonts("\n".join(lines)), style)


WRAP_MARK = "→ "  # starts the continuation of a line too long for the column


def _wrap_tokens(tokens, columns: int) -> list[list]:
    """Return the tokens of a code line in rows of at most `columns` (wide characters count two),
    breaking after a space near the end of a row, else anywhere; rows after the first leave room
    for the wrap mark."""
    rows: list[list] = [[]]
    used, limit = 0, columns
    for token in tokens:
        text = token.text
        while text:
            room = limit - used
            fits, width = 0, 0
            for char in text:
                step = 2 if unicodedata.east_asian_width(char) in "WF" else 1
                if width + step > room:
                    break
                fits, width = fits + 1, width + step
            if fits == len(text):
                rows[-1].append(replace(token, text=text))
                used += width
                break
            space = text.rfind(" ", 0, fits + 1)
            cut = space + 1 if space >= fits * 0.6 else fits
            if cut == 0 and used == 0:
                cut = 1  # a character wider than the row: it has a row to itself
            if cut:
                rows[-1].append(replace(token, text=text[:cut]))
            text = text[cut:]
            rows.append([])
            used, limit = 0, columns - len(WRAP_MARK)
    return rows


def _token_markup(token) -> str:
    text = escape(token.text)
    if token.colour:
        text = f'<font color="#{token.colour}">{text}</font>'
    return _bold_italic(text, token.bold, token.italic)


class _AnswerLines(Flowable):
    """Ruled lines to write an answer on."""

    def __init__(self, count: int, width: float):
        super().__init__()
        self.count = count
        self.line_width = width
        self.hAlign = "RIGHT"

    def wrap(self, available_width, available_height):
        return self.line_width, self.count * LINE_GAP + 4

    def draw(self):
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.5)
        for n in range(self.count):
            y = (self.count - n - 1) * LINE_GAP + 4
            self.canv.line(0, y, self.line_width, y)


def _table_style(commands: list) -> TableStyle:
    """Return a table style whose cells use the shipped font (reportlab's default is Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), "LK-Sans"), *commands])


def _outlined(flowable: Flowable, title: str, level: int, key: str) -> Flowable:
    flowable.outline = (title, level, key)
    return flowable


# -- text ----------------------------------------------------------------------------------------


def Paragraph(markup: str, style: ParagraphStyle, **kwargs) -> _RLParagraph:  # noqa: N802 - reportlab's name
    """Return a reportlab Paragraph whose characters the text font lacks are set in a shipped fallback."""
    _register_faces_for(markup, style)
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


def inline_markup(inlines: model.Inlines) -> str:
    """Return formatted article text as reportlab paragraph markup, every text node escaped."""
    parts = []
    for span in inlines:
        text = escape(span.text).replace("\n", "<br/>")
        if span.code:
            text = f'<font face="LK-Mono">{text}</font>'
        text = _bold_italic(text, span.bold, span.italic)
        if span.strike:
            text = f"<strike>{text}</strike>"
        if span.href and span.href.lower().startswith(SAFE_LINKS):
            text = f'<a href={quoteattr(span.href)} color="#1D5B8C"><u>{text}</u></a>'
        parts.append(text)
    return "".join(parts)


def _bold_italic(markup: str, bold: bool, italic: bool) -> str:
    if bold:
        markup = f"<b>{markup}</b>"
    return f"<i>{markup}</i>" if italic else markup


def _one_line(markup: str, width: float, style: ParagraphStyle) -> str:
    """Return `markup` as plain escaped text short enough for one line ("…" where cut)."""
    text = _plain_text(markup)
    if pdfmetrics.stringWidth(text, style.fontName, style.fontSize) <= width:
        return escape(text)
    while text and pdfmetrics.stringWidth(text + "…", style.fontName, style.fontSize) > width:
        text = text[:-2].rstrip()
    return escape(text + "…")


def escape(text: str) -> str:
    """Escape text for reportlab's paragraph markup: &, < and >."""
    return _html_escape(text, quote=False)


def quoteattr(value: str) -> str:
    return f'"{_html_escape(value, quote=True)}"'


def _strip(markup) -> str:
    return " ".join(str(markup).split())


def _plain_text(markup: str) -> str:
    import re
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", "", markup))


@cache
def _register_font(family: Family, name: str, bold: bool = False, italic: bool = False) -> str:
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


def _register_faces_for(markup: str, style: ParagraphStyle) -> None:
    """Register the faces a paragraph will use: its style's font, italics, code."""
    _register_font(SANS, "LK-Sans")
    _register_font(SANS, "LK-Sans", bold=True)
    italic = "<i>" in markup or style.fontName.endswith(("Italic", "BoldItalic"))
    if italic:
        _register_font(SANS, "LK-Sans", italic=True)
        _register_font(SANS, "LK-Sans", bold=True, italic=True)
    if 'face="LK-Mono"' in markup or style.fontName.startswith("LK-Mono"):
        for bold in (False, True):
            for slant in (False, True):
                _register_font(MONO, "LK-Mono", bold=bold, italic=slant)


def _styles(accent) -> dict[str, ParagraphStyle]:
    # Bullets name their font too: reportlab's default for them is Helvetica, a standard-14 font.
    base = ParagraphStyle(
        "body",
        fontName="LK-Sans",
        bulletFontName="LK-Sans",
        fontSize=10.5,
        leading=14.5,
        textColor=INK,
        spaceAfter=6,
    )

    def style(name, **changes):
        return ParagraphStyle(name, parent=base, **changes)

    return {
        "body": base,
        "header": style("header", fontSize=8.5, leading=10, textColor=MUTED, spaceAfter=0),
        "kicker": style("kicker", fontSize=10, leading=13, textColor=accent, spaceAfter=4),
        "title": style("title", fontName="LK-Sans-Bold", fontSize=24, leading=28.5, spaceAfter=6),
        "subtitle": style("subtitle", fontSize=14, leading=18, textColor=MUTED, spaceAfter=6),
        "byline": style("byline", fontSize=10.5, textColor=MUTED, spaceAfter=2),
        "label": style(
            "label",
            fontName="LK-Sans-Bold",
            fontSize=9,
            leading=12,
            textColor=MUTED,
            spaceBefore=4,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "overview": style("overview", spaceAfter=1.5, leftIndent=2),
        "h1": style(
            "h1",
            fontName="LK-Sans-Bold",
            fontSize=16,
            leading=20,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "h2": style(
            "h2",
            fontName="LK-Sans-Bold",
            fontSize=13,
            leading=17,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h3": style(
            "h3",
            fontName="LK-Sans-Bold",
            fontSize=12,
            leading=15.5,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "point": style("point", leftIndent=12, bulletIndent=0, spaceAfter=0, bulletFontName="LK-Sans"),
        "subpoint": style("subpoint", leftIndent=26, bulletIndent=14, spaceAfter=0, bulletFontName="LK-Sans"),
        "point_heading": style(
            "point_heading",
            fontName="LK-Sans-Bold",
            fontSize=9.5,
            leading=13,
            textColor=MUTED,
            spaceBefore=3,
            spaceAfter=0,
        ),
        "quote": style("quote", fontName="LK-Sans-Italic", textColor=MUTED, spaceAfter=4),
        "attribution": style("attribution", textColor=MUTED, spaceAfter=2),
        "muted": style("muted", textColor=MUTED, spaceAfter=8),
        "question": style(
            "question",
            fontSize=11,
            leading=15,
            leftIndent=16,
            bulletIndent=0,
            spaceBefore=10,
            spaceAfter=4,
            bulletFontName="LK-Sans-Bold",
        ),
        "note": style("note", fontSize=9, leading=12, textColor=MUTED, leftIndent=16, spaceAfter=2),
        "caption": style(
            "caption", fontSize=9, leading=12, textColor=MUTED, alignment=TA_CENTER, spaceAfter=8
        ),
        "cell": style("cell", fontSize=9.5, leading=12.5, spaceAfter=0),
        "cell_head": style("cell_head", fontName="LK-Sans-Bold", fontSize=9.5, leading=12.5, spaceAfter=0),
        "code": style(
            "code",
            fontName="LK-Mono",
            fontSize=8.5,
            leading=11,
            textColor=colors.HexColor("#" + code.INK),
            backColor=colors.HexColor("#" + code.BACKGROUND),
            borderPadding=4,
            leftIndent=4,
            rightIndent=4,
            spaceBefore=4,
            spaceAfter=10,
        ),
    }
