"""Write a planned `Deck` as a .pptx file. With deck/ooxml.py, which holds every use of
python-pptx's internals, the only code that imports python-pptx.

The deck is built on a template: lecturekit's own (themes/lecture.pptx) or an institution's.
Slides take the template's layouts, and their text goes into placeholders that inherit position,
fonts and colours from the layout, so the deck looks like the template and a lecturer can keep
editing it in PowerPoint. What the planner measured is set explicitly: every font size, and
"no auto-fit" (PowerPoint applies auto-fit only after someone edits the text; lecturekit never
relies on it). Shapes and text are built as DrawingML with lxml through python-pptx's part API:
its property setters look every child up by XPath, which made them most of the writing time.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from dataclasses import replace
from functools import cache
from typing import BinaryIO

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.oxml.ns import qn as _qn
from pptx.util import Pt

from lecturekit.fonts import font_runs
from lecturekit.layout import highlight
from lecturekit.layout.colours import blend
from lecturekit.layout.links import followable
from lecturekit.layout.pictures import picture_bytes
from lecturekit.model.lesson import Inlines, Meta, Span

from . import ooxml
from .slides import (
    Bullet,
    BulletSlide,
    CodeSlide,
    Deck,
    PictureSlide,
    QuoteSlide,
    SectionSlide,
    StatementSlide,
    TableSlide,
    TitleSlide,
)
from .theme import WHITE, Box, Theme

_SLIDE_NUMBER_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
_NOTES = (
    f"<p:notes {nsdecls('a', 'p', 'r')}><p:cSld><p:spTree>"
    '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
    '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" '
    'noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>'
    '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
    '<p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>'
    "</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
)
_DECORATIVE = (  # Office's mark for a decorative picture, which screen readers skip
    '<a:extLst {}><a:ext uri="{{C183D7F6-B498-43B3-948B-1728B52AA6E4}}">'
    '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
    "</a:ext></a:extLst>"
).format(nsdecls("a"))
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_ALIGN = {"left": "l", "center": "ctr", "right": "r", "": "l"}
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def write_pptx(deck: Deck, out: BinaryIO, theme: Theme, meta: Meta, when: _dt.datetime) -> None:
    """Write `deck` to the binary file `out`; `when` dates the file, so equal input gives equal bytes."""
    prs = open_template(theme)
    writer = _Writer(prs, theme, meta.lang, deck.footer)
    for spec in deck.slides:
        writer.add(spec)
    _set_properties(prs, meta, when)
    _set_language(prs, meta.lang)
    _drop_thumbnail(prs)
    _save(prs, out, when)


def open_template(theme: Theme):
    """Return the template as a presentation to add slides to: no slides of its own, our accent."""
    data = theme.template.read_bytes()
    if _TEMPLATE_TYPE in data[:4096] or theme.template.suffix.lower() == ".potx":
        data = _as_presentation(data)  # python-pptx refuses a template's content type
    prs = Presentation(io.BytesIO(data))
    ooxml.drop_slides(prs)  # the template's own example slides: gone, rels and all
    if theme.builtin:
        part = prs.slide_master.part.part_related_by(RT.THEME)
        blob = part.blob
        for slot, colour in (("accent1", theme.accent), ("hlink", theme.accent_ink)):
            pattern = rb"(<a:" + slot.encode() + rb'><a:srgbClr val=")[0-9A-Fa-f]{6}'
            blob = re.sub(pattern, rb"\g<1>" + colour.encode(), blob)
        ooxml.set_blob(part, blob)
    return prs


def _set_language(prs, lang: str) -> None:
    """Mark the deck's default text styles (presentation, master, layouts) with the lecture's
    language, as its runs are: a screen reader, PowerPoint's proofing and a PDF export read it
    from there (a template says en-US)."""
    parts = [prs, prs.slide_master, *prs.slide_master.slide_layouts]
    for part in parts:
        for props in ooxml.element(part).iter(qn("a:defRPr"), qn("a:rPr"), qn("a:endParaRPr")):
            props.set("lang", lang)


def _ink(theme: Theme) -> str:
    """Return the colour for text in the accent: the scheme's accent1 where it reads on the
    background, else the accent blended toward the text colour until it does."""
    return "accent1" if theme.accent_ink == theme.accent else "#" + theme.accent_ink


def _as_presentation(data: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            content = source.read(entry.filename)
            if entry.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_TYPE, _PRESENTATION_TYPE)
            target.writestr(entry, content)
    return out.getvalue()


class _Slide:
    """A slide being built. Shapes are appended as DrawingML, numbered in order.

    python-pptx's add_slide() would first clone every placeholder of the layout and then look
    each up by XPath; here the slide starts empty and gets the placeholders it uses.
    """

    def __init__(self, slide, layout: dict, theme: Theme):
        self.slide = slide
        self.part = slide.part
        self.layout = layout  # the layout's placeholders: kind -> <p:ph> attributes
        self.theme = theme
        self.tree = ooxml.shape_tree(slide)
        self.next_id = 2

    def has(self, kind: str) -> bool:
        return kind in self.layout

    def placeholder(self, *kinds: str):
        """Append a placeholder of the first of `kinds` the layout has; return its text body.

        It inherits position, fonts and colours from the layout; only "no auto-fit" is set.
        """
        kind = next(k for k in kinds if k in self.layout)
        sp, nv = self._shape(kind.capitalize())
        _sub(_sub(nv, "p:cNvSpPr"), "a:spLocks", noGrp="1")
        _sub(_sub(nv, "p:nvPr"), "p:ph", **self.layout[kind])
        _sub(sp, "p:spPr")
        body = _sub(sp, "p:txBody")
        _sub(_sub(body, "a:bodyPr"), "a:noAutofit")
        _sub(body, "a:lstStyle")
        return body

    def text_box(self, box: Box, anchor: str, name: str = "TextBox"):
        """Append a text box at `box`, named `name` (what it holds); return its text body."""
        theme = self.theme
        sp, nv = self._shape(name)
        _sub(nv, "p:cNvSpPr", txBox="1")
        _sub(nv, "p:nvPr")
        sppr = _sub(sp, "p:spPr")
        _xfrm(sppr, box)
        _sub(_sub(sppr, "a:prstGeom", prst="rect"), "a:avLst")
        _sub(sppr, "a:noFill")
        body = _sub(sp, "p:txBody")
        x, y = str(Pt(theme.inset_x)), str(Pt(theme.inset_y))
        _sub(
            _sub(body, "a:bodyPr", wrap="square", lIns=x, tIns=y, rIns=x, bIns=y, anchor=anchor),
            "a:noAutofit",
        )
        _sub(body, "a:lstStyle")
        return body

    def picture(self, path, box: Box, alt: str, decorative: bool = False) -> None:
        """Append the picture at `path` in `box`, described by `alt` or marked `decorative`."""
        data, _ = picture_bytes(path, box.w, box.h)
        picture = self.slide.shapes.add_picture(io.BytesIO(data), Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h))
        c_nv_pr = ooxml.element(picture).nvPicPr.cNvPr
        c_nv_pr.set("descr", alt)
        if decorative:
            c_nv_pr.append(parse_xml(_DECORATIVE))
        self.next_id = max(self.next_id, picture.shape_id + 1)

    def rectangle(self, box: Box, fill: str, name: str = "Rectangle"):
        """Append a filled rectangle with no outline at `box`, named `name`; return its text body."""
        sp, nv = self._shape(name)
        _sub(nv, "p:cNvSpPr")
        _sub(nv, "p:nvPr")
        sppr = _sub(sp, "p:spPr")
        _xfrm(sppr, box)
        _sub(_sub(sppr, "a:prstGeom", prst="rect"), "a:avLst")
        _colour(_sub(sppr, "a:solidFill"), fill)
        _sub(sppr, "a:ln").append(sppr.makeelement(qn("a:noFill"), {}))
        body = _sub(sp, "p:txBody")
        inset = str(Pt(self.theme.code_inset))
        _sub(
            _sub(body, "a:bodyPr", wrap="square", lIns=inset, tIns=inset, rIns=inset, bIns=inset, anchor="t"),
            "a:noAutofit",
        )
        _sub(body, "a:lstStyle")
        return body

    def table(self, box: Box, widths, heights):
        """Append a table frame at `box` with columns `widths` and rows `heights`; return its <a:tbl>."""
        shape_id, self.next_id = self.next_id, self.next_id + 1
        frame = _sub(self.tree, "p:graphicFrame")
        nv = _sub(frame, "p:nvGraphicFramePr")
        _sub(nv, "p:cNvPr", id=str(shape_id), name=f"Table {shape_id - 1}")
        _sub(_sub(nv, "p:cNvGraphicFramePr"), "a:graphicFrameLocks", noGrp="1")
        _sub(nv, "p:nvPr")
        xfrm = _sub(frame, "p:xfrm")
        _sub(xfrm, "a:off", x=str(Pt(box.x)), y=str(Pt(box.y)))
        _sub(xfrm, "a:ext", cx=str(Pt(box.w)), cy=str(Pt(box.h)))
        data = _sub(_sub(frame, "a:graphic"), "a:graphicData", uri=_TABLE_URI)
        table = _sub(data, "a:tbl")
        _sub(table, "a:tblPr", firstRow="1", bandRow="1")
        grid = _sub(table, "a:tblGrid")
        for width in widths:
            _sub(grid, "a:gridCol", w=str(Pt(width)))
        return table

    def _shape(self, name: str):
        shape_id, self.next_id = self.next_id, self.next_id + 1
        sp = _sub(self.tree, "p:sp")
        nv = _sub(sp, "p:nvSpPr")
        _sub(nv, "p:cNvPr", id=str(shape_id), name=f"{name} {shape_id - 1}")
        return sp, nv


class _Writer:
    def __init__(self, prs, theme: Theme, lang: str, footer: str):
        self.prs = prs
        self.theme = theme
        self.lang = lang
        self.footer = footer
        available = {layout.name: layout for master in prs.slide_masters for layout in master.slide_layouts}
        roles = ("title", "content", "section", "title_only")
        self.layouts = {role: available[name] for role, name in zip(roles, theme.layout_names, strict=True)}
        self.placeholders = {role: _placeholders(layout) for role, layout in self.layouts.items()}
        self.notes_master = prs.part.notes_master_part
        self.count = 0
        self.framed: _Slide | None = None  # the content slide being built, still without its footer

    def add(self, spec) -> None:
        if isinstance(spec, TitleSlide):
            self.title_slide(spec)
        elif isinstance(spec, SectionSlide):
            self.section_slide(spec)
        elif isinstance(spec, BulletSlide):
            self.bullet_slide(spec)
        elif isinstance(spec, StatementSlide):
            self.statement_slide(spec)
        elif isinstance(spec, QuoteSlide):
            self.quote_slide(spec)
        elif isinstance(spec, PictureSlide):
            self.picture_slide(spec)
        elif isinstance(spec, TableSlide):
            self.table_slide(spec)
        elif isinstance(spec, CodeSlide):
            self.code_slide(spec)
        else:  # pragma: no cover - the planner makes only the kinds above
            raise TypeError(f"unknown slide {type(spec).__name__}")
        if self.framed is not None:  # last in the shape tree: read after the slide's own text
            self.footer_and_number(self.framed)
            self.framed = None

    # -- slide kinds ---------------------------------------------------------------------------

    def title_slide(self, spec: TitleSlide) -> None:
        theme = self.theme
        slide = self.new_slide("title", spec.notes)
        title = slide.placeholder("ctrTitle", "title")
        self.fill(slide, title, [(self.title_text(spec.title, "hero"), spec.title_size, None)])
        # The subtitle, then course, lecturer and date set apart from it and close together.
        lines = [((Span(spec.subtitle),), theme.subtitle_size, None, 0)] if spec.subtitle else []
        lines += [
            ((Span(line),), theme.detail_size, None, 14 if i == 0 and lines else 2)
            for i, line in enumerate(spec.details)
        ]
        if lines and slide.has("subTitle"):
            self.fill(slide, slide.placeholder("subTitle"), lines, spacing=4)
        elif lines:
            self.fill(slide, slide.text_box(theme.hero_subtitle, "t"), lines, spacing=4)

    def section_slide(self, spec: SectionSlide) -> None:
        theme = self.theme
        slide = self.new_slide("section", spec.notes)
        # The built-in section header is the accent colour; a light accent needs dark text.
        colour = "#" + theme.on_accent if theme.builtin and theme.on_accent != WHITE else None
        title = slide.placeholder("title", "ctrTitle")
        paragraphs = [((Span(spec.kicker),), theme.title_min, colour)] if spec.kicker else []
        paragraphs.append((self.title_text(spec.heading, "section"), spec.title_size, colour))
        self.fill(slide, title, paragraphs, spacing=theme.kicker_gap)

    def bullet_slide(self, spec: BulletSlide) -> None:
        slide = self.content_slide("content", spec)
        body = slide.placeholder("body")
        if spec.columns > 1:
            body_pr = body.find(qn("a:bodyPr"))
            body_pr.set("numCol", str(spec.columns))
            body_pr.set("spcCol", str(Pt(self.theme.column_gap)))
        self.bullets(slide, body, spec.bullets, spec.body_size)

    def statement_slide(self, spec: StatementSlide) -> None:
        """One key sentence, large, in the middle of the body."""
        slide = self.content_slide("title_only", spec)
        text = slide.text_box(self.theme.body, "ctr", name="Statement")
        self.fill(slide, text, [(spec.text, spec.size, None)])

    def quote_slide(self, spec: QuoteSlide) -> None:
        theme = self.theme
        slide = self.content_slide("title_only", spec)
        # A large opening quotation mark: its box holds a full 96 pt line, so nothing leaves it.
        mark = slide.text_box(Box(theme.body.x - 4, theme.body.y - 8, 72, 128), "t", name="Quote Mark")
        self.fill(slide, mark, [((Span("“"),), 96, _ink(theme))])
        text = slide.text_box(
            Box(theme.body.x + 64, theme.body.y, theme.body.w - 64, theme.body.h), "ctr", name="Quote"
        )
        paragraphs = [(tuple(replace(s, italic=not s.italic) for s in spec.quote), spec.body_size, "tx1")]
        if spec.attribution:
            paragraphs.append(((Span(f"— {spec.attribution}"),), spec.body_size, "tx2"))
        self.fill(slide, text, paragraphs, spacing=12)

    def picture_slide(self, spec: PictureSlide) -> None:
        theme = self.theme
        slide = self.content_slide("title_only", spec)
        self.lead(slide, spec.lead)
        slide.picture(spec.image.path, spec.box, spec.image.alt, spec.decorative)
        if spec.caption:
            box = spec.box
            under = Box(
                theme.body.x, box.y + box.h, theme.body.w, theme.body.y + theme.body.h - box.y - box.h
            )
            caption = slide.text_box(under, "t", name="Caption")
            self.fill(slide, caption, [((Span(spec.caption),), spec.caption_size, "tx2")], align="ctr")

    def table_slide(self, spec: TableSlide) -> None:
        """A native table: the header in the accent colour, rows banded, every size set as measured."""
        theme = self.theme
        slide = self.content_slide("title_only", spec)
        top = theme.body.y + self.lead(slide, spec.lead)
        box = Box(theme.body.x, top, sum(spec.widths), sum(spec.heights))
        table = slide.table(box, spec.widths, spec.heights)
        band = blend(theme.background, theme.text, 0.06)
        for number, (row, height) in enumerate(zip((spec.header, *spec.rows), spec.heights, strict=True)):
            tr = _sub(table, "a:tr", h=str(Pt(height)))
            header = number == 0
            fill = theme.accent if header else (band if number % 2 == 0 else theme.background)
            ink = theme.on_accent if header else theme.text
            for cell, align in zip(row, spec.align, strict=True):
                tc = _sub(tr, "a:tc")
                body = _sub(tc, "a:txBody")
                _sub(body, "a:bodyPr")
                _sub(body, "a:lstStyle")
                p = _sub(body, "a:p")
                ppr = _sub(p, "a:pPr", marL="0", indent="0", algn=_ALIGN.get(align, "l"))
                _spacing(ppr, 0, theme.line_spacing)
                _sub(ppr, "a:buNone")
                self.runs(slide, p, cell, spec.size, "#" + ink)
                if not cell:
                    _sub(p, "a:endParaRPr", lang=self.lang, sz=str(round(spec.size * 100)))
                x, y = str(Pt(theme.inset_x)), str(Pt(theme.inset_y))
                tcpr = _sub(tc, "a:tcPr", marL=x, marR=x, marT=y, marB=y)
                if header:  # a rule under the header, in the text colour
                    line = _sub(tcpr, "a:lnB", w=str(Pt(1.5)))
                    _colour(_sub(line, "a:solidFill"), "#" + theme.text)
                _colour(_sub(tcpr, "a:solidFill"), "#" + fill)

    def code_slide(self, spec: CodeSlide) -> None:
        """Code on a light panel: one paragraph per line, kept exactly, coloured by token; a long
        line wraps with its continuation indented."""
        theme = self.theme
        slide = self.content_slide("title_only", spec)
        lead = self.lead(slide, spec.lead)
        box = Box(theme.body.x, theme.body.y + lead, theme.body.w, spec.height)
        body = slide.rectangle(box, "#" + highlight.BACKGROUND, name="Code")
        mono = theme.mono
        size = str(round(spec.size * 100))
        for tokens, hang in zip(spec.lines, spec.hangs, strict=True):
            p = _sub(body, "a:p")
            ppr = _sub(p, "a:pPr", marL=str(Pt(hang)), indent=str(-Pt(hang)), algn="l")
            _spacing(ppr, 0, 1.0)
            _sub(ppr, "a:buNone")
            for token in tokens:
                span = Span(token.text, bold=token.bold, italic=token.italic, code=True)
                for piece, family in font_runs(token.text, mono):
                    self.run(slide, p, span, piece, family, spec.size, "#" + (token.colour or highlight.INK))
            if not tokens:  # an empty line keeps its height
                _sub(p, "a:endParaRPr", lang=self.lang, sz=size)

    # -- building blocks -----------------------------------------------------------------------

    def lead(self, slide: _Slide, lead) -> float:
        """Draw a lead-in line at the top of the body; return the height it takes."""
        inlines, size, height = lead
        if inlines:
            body = self.theme.body
            box = slide.text_box(Box(body.x, body.y, body.w, height), "t", name="Lead")
            self.fill(slide, box, [(inlines, size, None)])
        return height

    def title_text(self, text: str, role: str = "title") -> Inlines:
        """Return a title's text, bold exactly as the planner measured it."""
        theme = self.theme
        return (
            Span(
                text,
                bold={"title": theme.title_bold, "hero": theme.hero_bold, "section": theme.section_bold}[
                    role
                ],
            ),
        )

    def new_slide(self, role: str, notes: str) -> _Slide:
        slide = ooxml.add_slide(self.prs, self.layouts[role])
        self.count += 1
        if notes:
            self.add_notes(slide, notes)
        return _Slide(slide, self.placeholders[role], self.theme)

    def add_notes(self, slide, text: str) -> None:
        """Give `slide` a notes page holding `text`, built from a minimal notes page."""
        element = parse_xml(_NOTES)
        body = element.find(f".//{qn('p:txBody')}")
        for line in text.split("\n"):
            p = _sub(body, "a:p")
            if line:
                r = _sub(p, "a:r")
                _sub(r, "a:rPr", lang=self.lang)
                _sub(r, "a:t").text = line
        ooxml.add_notes(slide, element, self.count, self.notes_master)

    def content_slide(self, role: str, spec) -> _Slide:
        """Return a new slide with its title; the footer and the slide number follow its body."""
        slide = self.new_slide(role, spec.notes)
        self.fill(slide, slide.placeholder("title"), [(self.title_text(spec.title), spec.title_size, None)])
        self.framed = slide
        return slide

    def footer_and_number(self, slide: _Slide) -> None:
        if self.footer and slide.has("ftr"):
            self.fill(slide, slide.placeholder("ftr"), [((Span(self.footer),), self.theme.footer_size, None)])
        if slide.has("sldNum"):
            self.slide_number(slide.placeholder("sldNum"))

    def fill(self, slide: _Slide, body, paragraphs, spacing: float = 0, align: str | None = None) -> None:
        """Give the text body `body` its `paragraphs`: (inlines, size, colour or None, [space before]).

        A colour of None inherits the template's; space before defaults to `spacing` (none for the first).
        """
        if not paragraphs:
            _sub(body, "a:p")  # a text body needs a paragraph, even an empty one
        for index, (inlines, size, colour, *before) in enumerate(paragraphs):
            p = _sub(body, "a:p")
            ppr = _sub(p, "a:pPr", marL="0", indent="0", **({"algn": align} if align else {}))
            _spacing(ppr, before[0] if before else (spacing if index else 0), self.theme.line_spacing)
            _sub(ppr, "a:buNone")
            self.runs(slide, p, inlines, size, colour)

    def bullets(self, slide: _Slide, body, bullets: tuple[Bullet, ...], size: float) -> None:
        theme = self.theme
        if not bullets:
            _sub(body, "a:p")
        for bullet in bullets:
            p = _sub(body, "a:p")
            if bullet.lead:  # a list's opening line: no bullet mark, no indent
                ppr = _sub(p, "a:pPr", marL="0", indent="0")
                _spacing(ppr, theme.space_before, theme.line_spacing)
                _sub(ppr, "a:buNone")
                self.runs(slide, p, bullet.inlines, size, None)
                continue
            numbered = bullet.number is not None
            margin = theme.margin(bullet.level, numbered)
            hang = (
                theme.number_indent
                if numbered
                else (theme.first_indent if bullet.level == 0 else theme.indent)
            )
            ppr = _sub(p, "a:pPr", marL=str(Pt(margin)), lvl=str(min(bullet.level, 8)), indent=str(-Pt(hang)))
            _spacing(
                ppr,
                theme.space_before if bullet.level == 0 else theme.space_before_nested,
                theme.line_spacing,
            )
            if numbered:  # the template's bullets otherwise; a number needs its own marker
                _colour(_sub(ppr, "a:buClr"), _ink(theme))
                _sub(ppr, "a:buFont", typeface="+mj-lt")
                _sub(ppr, "a:buAutoNum", type="arabicPeriod", startAt=str(bullet.number))
            self.runs(slide, p, bullet.inlines, size, None)

    def runs(self, slide: _Slide, p, inlines: Inlines, size: float, colour: str | None) -> None:
        right_to_left = 0
        for span in inlines:
            primary = self.theme.mono if span.code else self.theme.sans
            for index, text in enumerate(span.text.split("\n")):
                if index:
                    _sub(_sub(p, "a:br"), "a:rPr", lang=self.lang, sz=str(round(size * 100)))
                for piece, family in font_runs(text, primary):
                    self.run(slide, p, span, piece, family, size, colour)
                    right_to_left += len(piece) if family.rtl else -len(piece)
        if right_to_left > 0:  # mostly Hebrew or Arabic: a right-to-left paragraph
            p.find(qn("a:pPr")).set("rtl", "1")

    def run(self, slide: _Slide, p, span: Span, text: str, family, size: float, colour: str | None) -> None:
        r = _sub(p, "a:r")
        rpr = _sub(r, "a:rPr", lang=family.lang or self.lang, sz=str(round(size * 100)))
        rpr.set("b", "1" if span.bold else "0")  # what was measured, whatever the template says
        if span.italic:
            rpr.set("i", "1")
        if span.strike:
            rpr.set("strike", "sngStrike")
        if colour is not None:
            _colour(_sub(rpr, "a:solidFill"), colour)
        if span.code:
            _sub(rpr, "a:latin", typeface=self.theme.mono.shown_as)
        if family.slot != "latin":
            # Mark the script's font in its own slot, so PowerPoint picks a font that has it.
            _sub(rpr, f"a:{family.slot}", typeface=family.shown_as)
        # A link whose text is its own address stays text: "link text that makes sense out of
        # context" (PowerPoint's accessibility checker), and a projected address is read, not clicked.
        if span.href and followable(span.href) and not _bare_address(span):
            rid = slide.part.relate_to(span.href, RT.HYPERLINK, is_external=True)
            _sub(rpr, "a:hlinkClick", **{"r:id": rid})
        _sub(r, "a:t").text = text

    def slide_number(self, body) -> None:
        """Fill the text body `body` with the slide number field, which PowerPoint keeps up to date."""
        p = _sub(body, "a:p")
        field = _sub(p, "a:fld", id=_SLIDE_NUMBER_FIELD_ID, type="slidenum")
        _sub(field, "a:rPr", lang=self.lang, sz=str(round(self.theme.footer_size * 100)))
        _sub(field, "a:t").text = str(self.count)


def _placeholders(layout) -> dict[str, dict]:
    """Return the placeholders of `layout` as kind -> attributes of their <p:ph> (type, idx)."""
    found: dict[str, dict] = {}
    for sp in ooxml.element(layout).iter(qn("p:sp")):
        ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        if ph is None:
            continue
        kind = ph.get("type", "body")
        kind = "body" if kind == "obj" else kind
        if kind == "body" and kind in found and ph.get("idx", "1") != "1":
            continue
        found.setdefault(
            kind, {key: value for key, value in ph.attrib.items() if key in ("type", "idx", "sz", "orient")}
        )
    return found


def _bare_address(span: Span) -> bool:
    text = span.text.strip().rstrip("/")
    return text == span.href.rstrip("/") or text.lower().startswith(("http://", "https://", "www."))


@cache
def qn(tag: str) -> str:
    """Return Clark notation for "a:p": python-pptx's `qn`, remembered (slides ask it thousands of times)."""
    return _qn(tag)


def _sub(parent, tag: str, **attributes):
    """Append and return a new child element `tag` ("a:p") with `attributes` ("r:id" allowed)."""
    element = parent.makeelement(qn(tag), {qn(k) if ":" in k else k: v for k, v in attributes.items()})
    parent.append(element)
    return element


def _colour(parent, colour: str) -> None:
    """Give `parent` (a fill) a colour: "#RRGGBB", or one of the template's scheme ("tx2", "accent1")."""
    if colour.startswith("#"):
        _sub(parent, "a:srgbClr", val=colour[1:])
    else:
        _sub(parent, "a:schemeClr", val=colour)


def _xfrm(sppr, box: Box) -> None:
    xfrm = _sub(sppr, "a:xfrm")
    _sub(xfrm, "a:off", x=str(Pt(box.x)), y=str(Pt(box.y)))
    _sub(xfrm, "a:ext", cx=str(Pt(box.w)), cy=str(Pt(box.h)))


def _spacing(ppr, before: float, line: float) -> None:
    _sub(_sub(ppr, "a:lnSpc"), "a:spcPct", val=str(round(line * 100000)))
    _sub(_sub(ppr, "a:spcBef"), "a:spcPts", val=str(round(before * 100)))


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
    props.last_printed = when.replace(tzinfo=None)
    props.category = props.content_status = props.identifier = props.version = ""


def _drop_thumbnail(prs) -> None:
    """Drop a template's thumbnail: it would show the template, not this deck."""
    ooxml.drop_package_rels(prs, RT.THUMBNAIL)


def _save(prs, out: BinaryIO, when: _dt.datetime) -> None:
    """Write `prs` to `out` with every zip entry dated `when` (zip dates start in 1980)."""
    ooxml.save(prs, out, max(when, _dt.datetime(1980, 1, 1, tzinfo=when.tzinfo)).timetuple()[:6])
