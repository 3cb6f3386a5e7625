"""Draw a planned `Handout` as a PDF. With pdf_text.py (its text and fonts), the only code that
imports reportlab.

Everything the page shows was decided by the plan (plan.py): words, type sizes, picture sizes,
table columns, code rows. This module turns each block into reportlab's flowables and lets
platypus break the pages, keeping a heading with what follows it and a question with its answer
lines. Every font is a shipped TrueType font, embedded: no standard-14 font, which would
silently draw characters it lacks as black boxes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
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

from lecturekit.fonts import SANS
from lecturekit.layout import highlight
from lecturekit.layout.pictures import picture_bytes
from lecturekit.model.lesson import Inlines, plain
from lecturekit.model.text import take

from .blocks import (
    INK,
    MUTED,
    RULE,
    TINT,
    CodeBlock,
    EquationBlock,
    Footnotes,
    Handout,
    ListBlock,
    Panel,
    Picture,
    QuestionBlock,
    QuoteBlock,
    Rule,
    TableBlock,
    Text,
)
from .layout import WRAP_MARK
from .pdf_text import (
    LONG_CELL,
    LONG_PARAGRAPH,
    Paragraph,
    bold_italic,
    escape,
    inline_markup,
    paragraph_styles,
    pieces,
    register_faces_for,
    register_font,
    with_fallback_fonts,
)


def write_pdf(handout: Handout, out: BinaryIO) -> int:
    """Write `handout` to the binary file `out`; return its number of pages."""
    register_font(SANS, "LK-Sans")  # the canvas starts in it (reportlab's default is Helvetica)
    register_font(SANS, "LK-Sans", bold=True)
    return _build(handout, out, paragraph_styles(handout.styles))


class _Canvas(Canvas):
    """A canvas that fills in each page's "Page X of Y" once it knows Y.

    Each footer is a form drawn on its page and defined only when the canvas is saved, so the
    handout is laid out once.
    """

    footer_text: Callable[[int, int], str]  # set per document: (page, pages) -> footer text
    footer_style = ("LK-Sans", 8.5, colors.HexColor("#" + MUTED))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setNamedCB("lk-math", _draw_inline)  # an inline equation (see pdf_math)

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


def _draw_inline(canvas, kind: str, label: str) -> None:
    from .pdf_math import draw_inline

    draw_inline(canvas, kind, label)


def _build(handout: Handout, out, styles) -> int:
    meta, page = handout.meta, handout.page
    doc = _Document(
        out,
        pagesize=(page.width, page.height),
        leftMargin=page.margin_x,
        rightMargin=page.margin_x,
        topMargin=page.margin_top,
        bottomMargin=page.margin_bottom,
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
        page.margin_x,
        page.margin_bottom,
        page.column,
        page.height - page.margin_top - page.margin_bottom,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def decorate(canvas, document):
        if document.page == 1:
            return
        canvas.saveState()
        line = Paragraph(escape(handout.header), styles["header"])
        line.wrapOn(canvas, page.column, 20)
        line.drawOn(canvas, page.margin_x, page.height - page.header_y - 1)
        canvas.setStrokeColor(colors.HexColor("#" + RULE))
        canvas.setLineWidth(0.5)
        rule_y = page.height - page.header_y - 7
        canvas.line(page.margin_x, rule_y, page.width - page.margin_x, rule_y)
        canvas.translate(page.width - page.margin_x, page.footer_y)
        canvas.doForm(f"lk-footer-{document.page}")  # "Page X of Y", filled in by _Canvas.save
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])

    class Canvas(_Canvas):
        @staticmethod
        def footer_text(number: int, pages: int) -> str:
            return handout.footer.replace("{page}", str(number)).replace("{pages}", str(pages))

    doc.build(_story(handout, styles), canvasmaker=Canvas)
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


def _story(handout: Handout, styles) -> list[Flowable]:
    drawer = _Drawer(handout, styles)
    story = drawer.blocks(handout.front, handout.page.column)
    for part in handout.parts:
        if part.room:
            story.append(CondPageBreak(part.room))
        # The room above is kept for the heading: held to what follows as well, it would carry
        # a key-points panel longer than a page with it onto the next page, leaving this one bare.
        story.append(drawer.text(part.heading, keep=not part.room))
        story += drawer.blocks(part.blocks, handout.page.column)
    return story


class _Drawer:
    """Turns planned blocks into flowables, each as the plan sized it."""

    def __init__(self, handout: Handout, styles: dict[str, ParagraphStyle]):
        self.handout = handout
        self.styles = styles

    def blocks(self, blocks, width: float, framed: bool = True) -> list[Flowable]:
        """Return the flowables of `blocks`; `framed` is False inside a list item, which can hold
        neither an Indenter nor a KeepTogether."""
        out: list[Flowable] = []
        for index, block in enumerate(blocks):
            if self._kept(blocks, index):
                continue  # drawn with the block after it
            if index and self._kept(blocks, index - 1):
                # One KeepTogether, not one inside another: an inner one always measures too tall.
                kept = (
                    self.question_parts(block, width)
                    if isinstance(block, QuestionBlock)
                    else self.blocks([block], width)
                )
                out.append(KeepTogether([self.text(blocks[index - 1]), *kept]))
            elif isinstance(block, Text):
                long = len(plain(block.inlines)) > LONG_PARAGRAPH
                out += (
                    pieces(
                        block.inlines,
                        self.styles[block.style],
                        block.bullet,
                        self.room(self.styles[block.style]),
                    )
                    if long
                    else [self.text(block)]
                )
            elif isinstance(block, Panel):
                out.append(self.panel(block, width))
            elif isinstance(block, ListBlock):
                out.append(self.listing(block, width))
            elif isinstance(block, QuoteBlock):
                out += self.quote(block, width, framed)
            elif isinstance(block, Picture):
                out += self.picture(block, framed)
            elif isinstance(block, TableBlock):
                out.append(self.table(block))
            elif isinstance(block, CodeBlock):
                out.append(self.code(block))
            elif isinstance(block, EquationBlock):
                from .pdf_math import DisplayEquation  # only a lecture with equations loads it

                out.append(DisplayEquation(block.latex, block.size, block.tag, 4, 8))
            elif isinstance(block, Footnotes):
                style = self.styles["footnote"]
                out += [
                    Paragraph(
                        inline_markup(text, style.fontSize, self.room(style)), style, bulletText=f"{number}"
                    )
                    for number, text in block.notes
                ]
            elif isinstance(block, QuestionBlock):
                out.append(self.question(block, width))
            elif isinstance(block, Rule):
                colour = colors.HexColor("#" + block.colour)
                width_ = f"{block.width * 100:g}%"
                align = "CENTER" if block.width < 1 else "LEFT"
                out.append(
                    HRFlowable(
                        width=width_,
                        thickness=block.thickness,
                        color=colour,
                        hAlign=align,
                        spaceBefore=block.before,
                        spaceAfter=block.after,
                    )
                )
        return out

    def room(self, style: ParagraphStyle) -> float:
        """Return how wide a line of a paragraph in `style` can be, in a panel too (its padding)."""
        return self.handout.page.column - style.leftIndent - style.rightIndent - PANEL_PADDING * 2

    def _kept(self, blocks, index: int) -> bool:
        """Tell whether blocks[index] is a heading that must share a page with the question or
        panel after it (keepWithNext cannot hold a paragraph to a KeepTogether)."""
        block = blocks[index]
        return (
            isinstance(block, Text)
            and self.handout.styles[block.style].keep_with_next
            and index + 1 < len(blocks)
            and isinstance(blocks[index + 1], QuestionBlock | Panel)
        )

    def text(self, block: Text, keep: bool = True) -> Flowable:
        style = self.styles[block.style]
        if not keep and style.keepWithNext:
            style = ParagraphStyle(f"{style.name}-free", parent=style, keepWithNext=0)
        paragraph = Paragraph(
            inline_markup(block.inlines, style.fontSize, self.room(style)),
            style,
            bulletText=block.bullet or None,
        )
        if block.heading and block.anchor:
            title = block.outline or plain(block.inlines).replace("\u00a0", " ")
            paragraph.outline = (title, min(1, max(0, block.heading - 2)), block.anchor)
        return paragraph

    def panel(self, block: Panel, width: float) -> Flowable:
        rows = [[self.text(block.label)], *([self.text(row)] for row in block.rows)]
        table = Table(rows, colWidths=[width], splitInRow=1)  # a row taller than a page continues
        table.setStyle(
            _table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#" + TINT)),
                    ("LEFTPADDING", (0, 0), (-1, -1), PANEL_PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PANEL_PADDING),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                    ("TOPPADDING", (0, 0), (-1, 0), 6),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
                ]
            )
        )
        table.spaceAfter = 8
        return table

    def listing(self, block: ListBlock, width: float) -> Flowable:
        items = [
            ListItem(self.blocks(item, width - block.indent, framed=False) or [Spacer(1, 0)])
            for item in block.items
        ]
        options = (
            {"bulletType": "1", "start": block.start}
            if block.ordered
            else {"bulletType": "bullet", "start": "•"}
        )
        return ListFlowable(
            items,
            leftIndent=block.indent,
            bulletFontName="LK-Sans",
            bulletFontSize=10.5,
            spaceAfter=4,
            bulletColor=colors.HexColor("#" + INK),
            **options,
        )

    def quote(self, block: QuoteBlock, width: float, framed: bool) -> list[Flowable]:
        """A block quote: its blocks indented, then its attribution. Plain indented flowables, not
        a table with a rule: a table cell cannot run over a page break, and quotes can be long."""
        inner = self.blocks(block.blocks, width - block.indent, framed)
        if block.attribution:
            inner.append(Paragraph("— " + inline_markup(block.attribution), self.styles["attribution"]))
        if not block.indent:
            return inner
        return [Indenter(left=block.indent), *inner, Indenter(left=-block.indent), Spacer(1, 4)]

    def picture(self, block: Picture, framed: bool) -> list[Flowable]:
        data, _ = picture_bytes(block.path, block.width, block.height)
        image = Image(io.BytesIO(data), block.width, block.height)
        image.hAlign = "CENTER"
        caption = (
            Paragraph(inline_markup(block.caption), self.styles["caption"]) if block.caption else Spacer(1, 8)
        )
        return [KeepTogether([image, caption])] if framed else [image, caption]

    def table(self, block: TableBlock) -> Flowable:
        """A table, its header repeated on every page it runs over."""
        data = [
            [
                _cell(cell, _cell_style(block.size, number == 0, block.align[index]))
                for index, cell in enumerate(row)
            ]
            for number, row in enumerate(block.rows)
        ]
        # splitInRow: a cell taller than a page continues on the next instead of stopping the build.
        table = Table(data, colWidths=list(block.widths), repeatRows=1, splitInRow=1)
        ink, rule = colors.HexColor("#" + INK), colors.HexColor("#" + RULE)
        table.setStyle(
            _table_style(
                [
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, ink),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.3, rule),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), block.padding),
                    ("RIGHTPADDING", (0, 0), (-1, -1), block.padding),
                ]
            )
        )
        table.spaceAfter = 8
        return table

    def code(self, block: CodeBlock) -> Flowable:
        """Highlighted code on a light panel, in the rows the plan wrapped it into."""
        mark = f'<font color="#{highlight.MUTED}">{WRAP_MARK}</font>'
        rows = [
            (mark if continued else "") + "".join(_token_markup(t) for t in row)
            for row, continued in zip(block.rows, block.continued, strict=True)
        ]
        style = self.styles["code"]
        register_faces_for("", style)
        return XPreformatted(with_fallback_fonts("\n".join(rows)), style)

    def question(self, block: QuestionBlock, width: float) -> Flowable:
        return KeepTogether(self.question_parts(block, width))  # never parted from its answer lines

    def question_parts(self, block: QuestionBlock, width: float) -> list[Flowable]:
        style = self.styles["question"]
        parts: list[Flowable] = [
            Paragraph(
                inline_markup(block.text, style.fontSize, self.room(style)),
                style,
                bulletText=f"{block.number}.",
            )
        ]
        parts += [self.text(note) for note in block.notes]
        if block.lines:
            parts.append(_AnswerLines(block.lines, width - style.leftIndent, self.handout.page.line_gap))
        return parts


_ALIGNMENT = {"center": TA_CENTER, "right": TA_RIGHT}
PANEL_PADDING = 8  # points on either side of a panel's text


@cache
def _cell(inlines: Inlines, style: ParagraphStyle):
    """Return a table cell's flowables: its paragraph, or the pieces of its first LONG_CELL
    characters and "…". reportlab measures all of a cell again each time its row continues on a
    page, so a cell of a hundred pages would cost the square of that; the web page shows it whole."""
    text = plain(inlines)
    if len(text) <= LONG_PARAGRAPH:
        return Paragraph(inline_markup(inlines, style.fontSize, 0.0), style)
    if len(text) > LONG_CELL:
        end = text.rfind(" ", LONG_CELL // 2, LONG_CELL)
        inlines = take(inlines, [(0, end if end > 0 else LONG_CELL), "…"])
    return pieces(inlines, style)


def _cell_style(size: float, head: bool, align: str) -> ParagraphStyle:
    return ParagraphStyle(
        f"cell-{size}-{head}-{align}",
        fontName="LK-Sans-Bold" if head else "LK-Sans",
        bulletFontName="LK-Sans",
        fontSize=size,
        leading=size * 1.3,
        textColor=colors.HexColor("#" + INK),
        alignment=_ALIGNMENT.get(align, 0),
    )


def _token_markup(token) -> str:
    text = escape(token.text)
    if token.colour:
        text = f'<font color="#{token.colour}">{text}</font>'
    return bold_italic(text, token.bold, token.italic)


class _AnswerLines(Flowable):
    """Ruled lines to write an answer on."""

    def __init__(self, count: int, width: float, gap: float):
        super().__init__()
        self.count = count
        self.line_width = width
        self.gap = gap
        self.hAlign = "RIGHT"

    def wrap(self, available_width, available_height):
        return self.line_width, self.count * self.gap + 4

    def draw(self):
        self.canv.setStrokeColor(colors.HexColor("#" + RULE))
        self.canv.setLineWidth(0.5)
        for n in range(self.count):
            y = (self.count - n - 1) * self.gap + 4
            self.canv.line(0, y, self.line_width, y)


def _table_style(commands: list) -> TableStyle:
    """Return a table style whose cells use the shipped font (reportlab's default is Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), "LK-Sans"), *commands])
