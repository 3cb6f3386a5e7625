"""Write a planned `Deck` as a .pptx file. With deck/drawing.py (a slide's shapes and their text)
and deck/ooxml.py (every use of python-pptx's internals), the only code that imports python-pptx.

The deck is built on a template: lecturekit's own (themes/lecture.pptx) or an institution's.
Slides take the template's layouts, and their text goes into placeholders that inherit position,
fonts and colours from the layout, so the deck looks like the template and a lecturer can keep
editing it in PowerPoint. What the planner measured is set explicitly: every font size, and
"no auto-fit" (PowerPoint applies auto-fit only after someone edits the text; lecturekit never
relies on it).
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from dataclasses import replace
from typing import BinaryIO

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.util import Pt

from lecturekit.fonts import font_runs
from lecturekit.layout import highlight
from lecturekit.layout.colours import blend
from lecturekit.layout.furniture import words
from lecturekit.model.lesson import Inlines, Meta, Span

from . import ooxml
from .drawing import (
    Canvas,
    accent_ink,
    bullets,
    fill,
    qn,
    run,
    set_spacing,
    slide_number,
    sub,
    table_cell,
)
from .slides import (
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

_NOTES = (
    f"<p:notes {nsdecls('a', 'p', 'r')}><p:cSld><p:spTree>"
    '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
    '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" '
    'noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>'
    '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
    '<p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>'
    "</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
)
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
        self.framed: Canvas | None = None  # the content slide being built, still without its footer
        self.canvas: Canvas | None = None  # the slide being built

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
        if self.canvas is not None:
            self.canvas.finish()
            self.canvas = None

    # -- slide kinds ---------------------------------------------------------------------------

    def title_slide(self, spec: TitleSlide) -> None:
        theme = self.theme
        slide = self.new_slide("title", spec.notes)
        title = slide.placeholder("ctrTitle", "title")
        fill(slide, title, [(self.title_text(spec.title, "hero"), spec.title_size, None)])
        # The subtitle, then course, lecturer and date set apart from it and close together.
        lines = [((Span(spec.subtitle),), theme.subtitle_size, None, 0)] if spec.subtitle else []
        lines += [
            ((Span(line),), theme.detail_size, None, 14 if i == 0 and lines else 2)
            for i, line in enumerate(spec.details)
        ]
        if lines and slide.has("subTitle"):
            fill(slide, slide.placeholder("subTitle"), lines, spacing=4)
        elif lines:
            fill(slide, slide.text_box(theme.hero_subtitle, "t"), lines, spacing=4)

    def section_slide(self, spec: SectionSlide) -> None:
        theme = self.theme
        slide = self.new_slide("section", spec.notes)
        # The built-in section header is the accent colour; a light accent needs dark text.
        colour = "#" + theme.on_accent if theme.builtin and theme.on_accent != WHITE else None
        title = slide.placeholder("title", "ctrTitle")
        paragraphs: list[tuple[Inlines, float, str | None]] = (
            [((Span(spec.kicker),), theme.title_min, colour)] if spec.kicker else []
        )
        paragraphs.append((self.title_text(spec.heading, "section"), spec.title_size, colour))
        fill(slide, title, paragraphs, spacing=theme.kicker_gap)

    def bullet_slide(self, spec: BulletSlide) -> None:
        slide = self.content_slide("content", spec)
        body = slide.placeholder("body")
        if spec.columns > 1:
            body_pr = body.find(qn("a:bodyPr"))
            body_pr.set("numCol", str(spec.columns))
            body_pr.set("spcCol", str(Pt(self.theme.column_gap)))
        bullets(slide, body, spec.bullets, spec.body_size)

    def statement_slide(self, spec: StatementSlide) -> None:
        """One key sentence, large, in the middle of the body."""
        slide = self.content_slide("title_only", spec)
        text = slide.text_box(self.theme.body, "ctr", name="Statement")
        fill(slide, text, [(spec.text, spec.size, None)])

    def quote_slide(self, spec: QuoteSlide) -> None:
        theme = self.theme
        slide = self.content_slide("title_only", spec)
        # A large opening quotation mark: its box holds a full 96 pt line, so nothing leaves it.
        mark = slide.text_box(Box(theme.body.x - 4, theme.body.y - 8, 72, 128), "t", name="Quote Mark")
        fill(slide, mark, [((Span("“"),), 96, accent_ink(theme))])
        text = slide.text_box(
            Box(theme.body.x + 64, theme.body.y, theme.body.w - 64, theme.body.h), "ctr", name="Quote"
        )
        paragraphs = [(tuple(replace(s, italic=not s.italic) for s in spec.quote), spec.body_size, "tx1")]
        if spec.attribution:
            paragraphs.append(((Span(f"— {spec.attribution}"),), spec.body_size, "tx2"))
        fill(slide, text, paragraphs, spacing=12)

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
            fill(slide, caption, [((Span(spec.caption),), spec.caption_size, "tx2")], align="ctr")

    def table_slide(self, spec: TableSlide) -> None:
        """A native table: the header in the accent colour, rows banded, every size set as measured."""
        theme = self.theme
        slide = self.content_slide("title_only", spec)
        top = theme.body.y + self.lead(slide, spec.lead)
        box = Box(theme.body.x, top, sum(spec.widths), sum(spec.heights))
        table = slide.table(box, spec.widths, spec.heights)
        band = blend(theme.background, theme.text, 0.06)
        for number, (row, height) in enumerate(zip((spec.header, *spec.rows), spec.heights, strict=True)):
            tr = sub(table, "a:tr", h=str(Pt(height)))
            header = number == 0
            shade = theme.accent if header else (band if number % 2 == 0 else theme.background)
            ink = theme.on_accent if header else theme.text
            for cell, align in zip(row, spec.align, strict=True):
                table_cell(slide, tr, cell, _ALIGN.get(align, "l"), spec.size, ink, shade, header)

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
            p = sub(body, "a:p")
            ppr = sub(p, "a:pPr", marL=str(Pt(hang)), indent=str(-Pt(hang)), algn="l")
            set_spacing(ppr, 0, 1.0)
            sub(ppr, "a:buNone")
            for token in tokens:
                span = Span(token.text, bold=token.bold, italic=token.italic, code=True)
                for piece, family in font_runs(token.text, mono):
                    run(slide, p, span, piece, family, spec.size, "#" + (token.colour or highlight.INK))
            if not tokens:  # an empty line keeps its height
                sub(p, "a:endParaRPr", lang=self.lang, sz=size)

    # -- building blocks -----------------------------------------------------------------------

    def lead(self, slide: Canvas, lead) -> float:
        """Draw a lead-in line at the top of the body; return the height it takes."""
        inlines, size, height = lead
        if inlines:
            body = self.theme.body
            box = slide.text_box(Box(body.x, body.y, body.w, height), "t", name="Lead")
            fill(slide, box, [(inlines, size, None)])
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

    def new_slide(self, role: str, notes: str) -> Canvas:
        slide = ooxml.add_slide(self.prs, self.layouts[role])
        self.count += 1
        if notes:
            self.add_notes(slide, notes)
        self.canvas = Canvas(slide, self.placeholders[role], self.theme, self.lang)
        return self.canvas

    def add_notes(self, slide, text: str) -> None:
        """Give `slide` a notes page holding `text`, built from a minimal notes page."""
        element = parse_xml(_NOTES)
        body = element.find(f".//{qn('p:txBody')}")
        for line in text.split("\n"):
            p = sub(body, "a:p")
            if line:
                r = sub(p, "a:r")
                sub(r, "a:rPr", lang=self.lang)
                sub(r, "a:t").text = line
        ooxml.add_notes(slide, element, self.count, self.notes_master)

    def content_slide(self, role: str, spec) -> Canvas:
        """Return a new slide with its title; the footer and the slide number follow its body."""
        slide = self.new_slide(role, spec.notes)
        fill(slide, slide.placeholder("title"), [(self.title_text(spec.title), spec.title_size, None)])
        self.framed = slide
        return slide

    def footer_and_number(self, slide: Canvas) -> None:
        if self.footer and slide.has("ftr"):
            fill(slide, slide.placeholder("ftr"), [((Span(self.footer),), self.theme.footer_size, None)])
        if slide.has("sldNum"):
            slide_number(slide, slide.placeholder("sldNum"), self.count)


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
    _ = words(meta.lang)  # the file's properties, in the lecture's language too
    props.comments = short(_("Based on: {source}", source=meta.source) if meta.source else "")
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
