"""Write a planned `Deck` as a .pptx file. The only module that imports python-pptx.

Nothing is decided here that the planner measured: sizes and boxes come from the plan and the
theme, and every font size is set explicitly, so the deck opens as it was measured (PowerPoint
applies auto-fit only after someone edits the text; lecturekit never relies on it).
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from typing import BinaryIO

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Pt

from lecturekit.fonts import font_runs
from lecturekit.lesson import Inlines, Meta, Span

from .slides import Bullet, BulletSlide, Deck, PictureSlide, QuoteSlide, SectionSlide, TitleSlide
from .theme import Box, Theme

_SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:", "ftp://")
_SLIDE_NUMBER_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"


def write_pptx(deck: Deck, out: BinaryIO, theme: Theme, meta: Meta, when: _dt.datetime) -> None:
    """Write `deck` to the binary file `out`; `when` dates the file, so equal input gives equal bytes."""
    prs = Presentation()
    prs.slide_width = Pt(theme.width)
    prs.slide_height = Pt(theme.height)
    writer = _Writer(prs, theme, meta.lang, deck.footer)
    for spec in deck.slides:
        writer.add(spec)
    _set_properties(prs, meta, when)
    _drop_thumbnail(prs)
    buffer = io.BytesIO()
    prs.save(buffer)
    _rezip(buffer.getvalue(), out, when)


class _Writer:
    def __init__(self, prs, theme: Theme, lang: str, footer: str):
        self.prs = prs
        self.theme = theme
        self.lang = lang
        self.footer = footer
        self.layouts = prs.slide_layouts

    def add(self, spec) -> None:
        if isinstance(spec, TitleSlide):
            self.title_slide(spec)
        elif isinstance(spec, SectionSlide):
            self.section_slide(spec)
        elif isinstance(spec, BulletSlide):
            self.bullet_slide(spec)
        elif isinstance(spec, QuoteSlide):
            self.quote_slide(spec)
        elif isinstance(spec, PictureSlide):
            self.picture_slide(spec)
        else:  # pragma: no cover - the planner makes only the kinds above
            raise TypeError(f"unknown slide {type(spec).__name__}")

    # -- slide kinds ---------------------------------------------------------------------------

    def title_slide(self, spec: TitleSlide) -> None:
        theme = self.theme
        slide = self.new_slide("Title Slide", spec.notes)
        self.rect(slide, Box(0, 0, 24, theme.height), theme.accent)
        title = self.placeholder(slide, PP_PLACEHOLDER.CENTER_TITLE, theme.hero_title, MSO_ANCHOR.BOTTOM)
        self.fill(title, [((Span(spec.title, bold=True),), spec.title_size, theme.text)])
        subtitle = self.placeholder(slide, PP_PLACEHOLDER.SUBTITLE, theme.hero_subtitle, MSO_ANCHOR.TOP)
        if spec.subtitle:
            self.fill(subtitle, [((Span(spec.subtitle),), theme.subtitle_size, theme.muted)])
        else:
            _remove(subtitle)
        if spec.details:
            box = self.textbox(slide, theme.hero_details, MSO_ANCHOR.TOP)
            self.fill(
                box, [((Span(line),), theme.detail_size, theme.muted) for line in spec.details], spacing=4
            )

    def section_slide(self, spec: SectionSlide) -> None:
        theme = self.theme
        slide = self.new_slide("Section Header", spec.notes)
        slide.background.fill.solid()
        slide.background.fill.fore_color.rgb = RGBColor.from_string(theme.accent)
        title = self.placeholder(slide, PP_PLACEHOLDER.TITLE, theme.section, MSO_ANCHOR.TOP)
        self.fill(
            title,
            [
                ((Span(spec.kicker),), theme.title_min, theme.on_accent),
                ((Span(spec.heading, bold=True),), spec.title_size, theme.on_accent),
            ],
            spacing=theme.kicker_gap,
        )
        for shape in list(slide.placeholders):
            if shape.placeholder_format.type != PP_PLACEHOLDER.TITLE:
                _remove(shape)

    def bullet_slide(self, spec: BulletSlide) -> None:
        slide = self.content_slide("Title and Content", spec)
        body = self.placeholder(slide, PP_PLACEHOLDER.OBJECT, self.theme.body, MSO_ANCHOR.TOP)
        self.bullets(body, spec.bullets, spec.body_size)

    def quote_slide(self, spec: QuoteSlide) -> None:
        theme = self.theme
        slide = self.content_slide("Title Only", spec)
        # A large opening quotation mark: its box holds a full 96 pt line, so nothing leaves it.
        mark = self.textbox(slide, Box(theme.body.x - 4, theme.body.y - 8, 72, 128), MSO_ANCHOR.TOP)
        self.fill(mark, [((Span("“"),), 96, theme.accent)])
        box = Box(theme.body.x + 64, theme.body.y, theme.body.w - 64, theme.body.h)
        text = self.textbox(slide, box, MSO_ANCHOR.MIDDLE)
        paragraphs = [(tuple(_italic(s) for s in spec.quote), spec.body_size, theme.text)]
        if spec.attribution:
            paragraphs.append(((Span(f"— {spec.attribution}"),), spec.body_size, theme.muted))
        self.fill(text, paragraphs, spacing=12)

    def picture_slide(self, spec: PictureSlide) -> None:
        theme = self.theme
        slide = self.content_slide("Title Only", spec)
        area = theme.body
        if spec.caption:
            area = Box(area.x, area.y, area.w, area.h - 36)
            caption = self.textbox(slide, Box(area.x, area.y + area.h + 4, area.w, 32), MSO_ANCHOR.TOP)
            self.fill(
                caption, [((Span(spec.caption),), theme.footer_size + 4, theme.muted)], align=PP_ALIGN.CENTER
            )
        picture = slide.shapes.add_picture(str(spec.image.path), Pt(area.x), Pt(area.y))
        scale = min(Pt(area.w) / picture.width, Pt(area.h) / picture.height)
        picture.width = int(picture.width * scale)
        picture.height = int(picture.height * scale)
        picture.left = int(Pt(area.x) + (Pt(area.w) - picture.width) / 2)
        picture.top = int(Pt(area.y) + (Pt(area.h) - picture.height) / 2)
        picture._element.nvPicPr.cNvPr.set("descr", spec.image.alt)

    # -- building blocks -----------------------------------------------------------------------

    def new_slide(self, layout: str, notes: str):
        slide = self.prs.slides.add_slide(self.layouts.get_by_name(layout))
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
        return slide

    def content_slide(self, layout: str, spec):
        """Return a new slide with its title, the accent rule, the footer and the slide number."""
        theme = self.theme
        slide = self.new_slide(layout, spec.notes)
        title = self.placeholder(slide, PP_PLACEHOLDER.TITLE, theme.title, MSO_ANCHOR.BOTTOM)
        self.fill(title, [((Span(spec.title, bold=True),), spec.title_size, theme.text)])
        self.rect(slide, theme.rule, theme.accent)
        if self.footer:
            footer = self.textbox(slide, theme.footer, MSO_ANCHOR.MIDDLE)
            self.fill(footer, [((Span(self.footer),), theme.footer_size, theme.muted)])
        number = self.textbox(slide, theme.number, MSO_ANCHOR.MIDDLE)
        self.slide_number(number)
        return slide

    def placeholder(self, slide, kind, box: Box, anchor):
        shape = next(s for s in slide.placeholders if s.placeholder_format.type == kind)
        self.place(shape, box, anchor)
        return shape

    def textbox(self, slide, box: Box, anchor):
        shape = slide.shapes.add_textbox(Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h))
        self.place(shape, box, anchor)
        return shape

    def place(self, shape, box: Box, anchor) -> None:
        shape.left, shape.top, shape.width, shape.height = Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h)
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = anchor
        frame.margin_left = frame.margin_right = Pt(self.theme.inset_x)
        frame.margin_top = frame.margin_bottom = Pt(self.theme.inset_y)

    def rect(self, slide, box: Box, colour: str) -> None:
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h))
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(colour)
        shape.line.fill.background()
        shape.shadow.inherit = False

    def fill(self, shape, paragraphs, spacing: float = 0, align=PP_ALIGN.LEFT) -> None:
        """Replace the text of `shape` by `paragraphs`: (inlines, size, colour) each, no bullets."""
        frame = shape.text_frame
        frame.clear()
        for index, (inlines, size, colour) in enumerate(paragraphs):
            p = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            p.alignment = align
            p.line_spacing = 1.0
            p.space_before = Pt(spacing if index else 0)
            _no_bullet(p)
            self.runs(p, inlines, size, colour)

    def bullets(self, shape, bullets: tuple[Bullet, ...], size: float) -> None:
        theme = self.theme
        frame = shape.text_frame
        frame.clear()
        for index, bullet in enumerate(bullets):
            p = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            p.level = min(bullet.level, 8)
            p.alignment = PP_ALIGN.LEFT
            p.line_spacing = 1.0
            p.space_before = Pt(theme.space_before if bullet.level == 0 else theme.space_before_nested)
            _bullet(p, bullet, theme, size)
            self.runs(p, bullet.inlines, size if bullet.level == 0 else size, theme.text)

    def runs(self, p, inlines: Inlines, size: float, colour: str) -> None:
        right_to_left = 0
        for span in inlines:
            primary = self.theme.mono if span.code else self.theme.sans
            for index, text in enumerate(span.text.split("\n")):
                if index:
                    p.add_line_break()
                for piece, family in font_runs(text, primary):
                    self.run(p, span, piece, family, size, colour)
                    right_to_left += len(piece) if family.rtl else -len(piece)
        if right_to_left > 0:  # mostly Hebrew or Arabic: a right-to-left paragraph
            p._p.get_or_add_pPr().set("rtl", "1")

    def run(self, p, span: Span, text: str, family, size: float, colour: str) -> None:
        run = p.add_run()
        run.text = text
        font = run.font
        font.size = Pt(size)
        font.bold = span.bold
        font.italic = span.italic
        font.color.rgb = RGBColor.from_string(colour)
        rpr = run._r.get_or_add_rPr()
        rpr.set("lang", family.lang or self.lang)
        rpr.set("cap", "none")  # the default Section Header layout would set every letter in capitals
        if span.code:
            font.name = self.theme.mono.shown_as
        if family.slot != "latin":
            # Mark the script's font in its own slot, so PowerPoint picks a font that has it.
            rpr.append(rpr.makeelement(qn(f"a:{family.slot}"), {"typeface": family.shown_as}))
        if span.strike:
            rpr.set("strike", "sngStrike")
        if span.href and span.href.lower().startswith(_SAFE_LINK_SCHEMES):
            run.hyperlink.address = span.href

    def slide_number(self, shape) -> None:
        frame = shape.text_frame
        p = frame.paragraphs[0]
        p.alignment = PP_ALIGN.RIGHT
        field = p._p.makeelement(qn("a:fld"), {"id": _SLIDE_NUMBER_FIELD_ID, "type": "slidenum"})
        rpr = field.makeelement(
            qn("a:rPr"), {"lang": self.lang, "sz": str(int(self.theme.footer_size * 100))}
        )
        fill = rpr.makeelement(qn("a:solidFill"), {})
        fill.append(fill.makeelement(qn("a:srgbClr"), {"val": self.theme.muted}))
        rpr.append(fill)
        field.append(rpr)
        text = field.makeelement(qn("a:t"), {})
        text.text = str(len(self.prs.slides))
        field.append(text)
        p._p.append(field)


def _bullet(p, bullet: Bullet, theme: Theme, size: float) -> None:
    """Give paragraph `p` a hanging bullet or number, indented by its level."""
    ppr = p._p.get_or_add_pPr()
    numbered = bullet.number is not None
    ppr.set("marL", str(Pt(theme.margin(bullet.level, numbered))))
    ppr.set("indent", str(-Pt(theme.number_indent if numbered else theme.indent)))
    colour = ppr.makeelement(qn("a:buClr"), {})
    colour.append(colour.makeelement(qn("a:srgbClr"), {"val": theme.accent}))
    font = ppr.makeelement(qn("a:buFont"), {"typeface": "Arial" if bullet.number is None else "+mj-lt"})
    if bullet.number is None:
        mark = ppr.makeelement(qn("a:buChar"), {"char": "•" if bullet.level % 2 == 0 else "–"})
    else:
        mark = ppr.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod", "startAt": str(bullet.number)})
    for element in (colour, font, mark):
        ppr.insert_element_before(element, "a:tabLst", "a:defRPr", "a:extLst")


def _no_bullet(p) -> None:
    ppr = p._p.get_or_add_pPr()
    ppr.set("marL", "0")
    ppr.set("indent", "0")
    ppr.insert_element_before(
        ppr.makeelement(qn("a:buNone"), {}),
        "a:buAutoNum",
        "a:buChar",
        "a:buBlip",
        "a:tabLst",
        "a:defRPr",
        "a:extLst",
    )


def _italic(span: Span) -> Span:
    from dataclasses import replace

    return replace(span, italic=not span.italic)


def _remove(shape) -> None:
    element = shape._element
    element.getparent().remove(element)


def _set_properties(prs, meta: Meta, when: _dt.datetime) -> None:
    """Set the document properties; each text property holds at most 255 characters."""

    def short(text: str) -> str:
        return text if len(text) <= 255 else text[:254] + "…"

    props = prs.core_properties
    props.title = short(meta.title)
    props.subject = short(meta.subtitle or meta.course)
    props.author = short(meta.lecturer or meta.author)
    props.keywords = short(", ".join(meta.keywords))
    props.language = meta.lang
    props.comments = short(f"Based on: {meta.source}" if meta.source else "")
    props.last_modified_by = "lecturekit"
    props.revision = 1
    props.created = props.modified = when.replace(tzinfo=None)


def _drop_thumbnail(prs) -> None:
    """Drop the template's thumbnail: it shows python-pptx's blank slide, not this deck."""
    package = prs.part.package
    for rid, rel in list(package._rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.drop_rel(rid)


def _rezip(data: bytes, out: BinaryIO, when: _dt.datetime) -> None:
    """Copy the zip in `data` to `out` with every entry dated `when`: same deck, same bytes."""
    stamp = max(when, _dt.datetime(1980, 1, 1, tzinfo=when.tzinfo)).timetuple()[:6]
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
