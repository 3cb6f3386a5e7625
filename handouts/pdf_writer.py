"""Write the handout PDF. The only module that imports reportlab."""

from __future__ import annotations

from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from lecturekit.fonts import SANS
from lecturekit.lesson import Lesson, plain
from lecturekit.lesson import Paragraph as TextParagraph


def _register() -> None:
    if "LK-Sans" in pdfmetrics.getRegisteredFontNames():
        return
    for name, bold, italic in (("LK-Sans", False, False), ("LK-Sans-Bold", True, False)):
        pdfmetrics.registerFont(TTFont(name, str(SANS.file(bold, italic))))


def write_pdf(lesson: Lesson, out: BinaryIO) -> None:
    """Write a plain handout of `lesson` (title, then each section's text) to `out`."""
    _register()
    body = ParagraphStyle("body", fontName="LK-Sans", fontSize=11, leading=15, spaceAfter=6)
    head = ParagraphStyle(
        "head", fontName="LK-Sans-Bold", fontSize=15, leading=19, spaceBefore=10, spaceAfter=6
    )
    title = ParagraphStyle("title", fontName="LK-Sans-Bold", fontSize=22, leading=27, spaceAfter=12)
    story = [Paragraph(escape(lesson.meta.title), title)]
    for section in lesson.sections:
        story.append(Paragraph(escape(plain(section.title)), head))
        for block in section.blocks:
            if isinstance(block, TextParagraph):
                story.append(Paragraph(escape(plain(block.inlines)), body))
        story.append(Spacer(1, 4))
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=lesson.meta.title,
        author=lesson.meta.lecturer,
        lang=lesson.meta.lang,
        invariant=1,
    )
    doc.build(story)
