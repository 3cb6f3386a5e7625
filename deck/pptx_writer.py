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
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.parts.slide import NotesSlidePart
from pptx.util import Pt

from lecturekit.fonts import font_runs
from lecturekit.lesson import Inlines, Meta, Span

from .slides import Bullet, BulletSlide, Deck, PictureSlide, QuoteSlide, SectionSlide, TitleSlide
from .theme import Box, Theme

_SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:", "ftp://")
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


class _Slide:
    """A slide being built. Shapes are appended as DrawingML, numbered in order.

    python-pptx's add_slide() would first clone every placeholder of the layout and then look
    each up by XPath; every shape here is placed explicitly, so the slide starts empty.
    """

    def __init__(self, slide, theme: Theme):
        self.slide = slide
        self.part = slide.part
        self.theme = theme
        self.tree = slide.shapes._spTree
        self.next_id = 2

    def text_shape(self, name: str, box: Box, anchor: str, placeholder: dict | None = None):
        """Append a text shape (a placeholder of the layout, or a plain text box); return its text body."""
        theme = self.theme
        shape_id, self.next_id = self.next_id, self.next_id + 1
        sp = _sub(self.tree, "p:sp")
        nv = _sub(sp, "p:nvSpPr")
        _sub(nv, "p:cNvPr", id=str(shape_id), name=f"{name} {shape_id - 1}")
        if placeholder is None:
            _sub(nv, "p:cNvSpPr", txBox="1")
            _sub(nv, "p:nvPr")
        else:
            _sub(_sub(nv, "p:cNvSpPr"), "a:spLocks", noGrp="1")
            _sub(_sub(nv, "p:nvPr"), "p:ph", **placeholder)
        sppr = _sub(sp, "p:spPr")
        _xfrm(sppr, box)
        if placeholder is None:
            _sub(_sub(sppr, "a:prstGeom", prst="rect"), "a:avLst")
            _sub(sppr, "a:noFill")
        body = _sub(sp, "p:txBody")
        inset_x, inset_y = str(Pt(theme.inset_x)), str(Pt(theme.inset_y))
        _sub(
            _sub(
                body,
                "a:bodyPr",
                wrap="square",
                lIns=inset_x,
                tIns=inset_y,
                rIns=inset_x,
                bIns=inset_y,
                anchor=anchor,
            ),
            "a:noAutofit",  # sizes are measured and set: never let a viewer shrink the text
        )
        _sub(body, "a:lstStyle")
        return body

    def rect(self, box: Box, colour: str) -> None:
        shape_id, self.next_id = self.next_id, self.next_id + 1
        sp = _sub(self.tree, "p:sp")
        nv = _sub(sp, "p:nvSpPr")
        _sub(nv, "p:cNvPr", id=str(shape_id), name=f"Rectangle {shape_id - 1}")
        _sub(nv, "p:cNvSpPr")
        _sub(nv, "p:nvPr")
        sppr = _sub(sp, "p:spPr")
        _xfrm(sppr, box)
        _sub(_sub(sppr, "a:prstGeom", prst="rect"), "a:avLst")
        _sub(_sub(sppr, "a:solidFill"), "a:srgbClr", val=colour)
        _sub(_sub(sppr, "a:ln"), "a:noFill")

    def background(self, colour: str) -> None:
        c_sld = self.slide._element.find(qn("p:cSld"))
        bg = c_sld.makeelement(qn("p:bg"), {})
        pr = _sub(bg, "p:bgPr")
        _sub(_sub(pr, "a:solidFill"), "a:srgbClr", val=colour)
        _sub(pr, "a:effectLst")
        c_sld.insert(0, bg)

    def picture(self, path, box: Box, alt: str) -> None:
        picture = self.slide.shapes.add_picture(str(path), Pt(box.x), Pt(box.y))
        scale = min(Pt(box.w) / picture.width, Pt(box.h) / picture.height)
        picture.width = int(picture.width * scale)
        picture.height = int(picture.height * scale)
        picture.left = int(Pt(box.x) + (Pt(box.w) - picture.width) / 2)
        picture.top = int(Pt(box.y) + (Pt(box.h) - picture.height) / 2)
        picture._element.nvPicPr.cNvPr.set("descr", alt)
        self.next_id = max(self.next_id, picture.shape_id + 1)


class _Writer:
    def __init__(self, prs, theme: Theme, lang: str, footer: str):
        self.prs = prs
        self.theme = theme
        self.lang = lang
        self.footer = footer
        self.layouts = {layout.name: layout for layout in prs.slide_layouts}
        self.notes_master = prs.part.notes_master_part
        self.count = 0

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
        slide.rect(Box(0, 0, 24, theme.height), theme.accent)
        title = slide.text_shape("Title", theme.hero_title, "b", {"type": "ctrTitle"})
        self.fill(slide, title, [((Span(spec.title, bold=True),), spec.title_size, theme.text)])
        if spec.subtitle:
            subtitle = slide.text_shape(
                "Subtitle", theme.hero_subtitle, "t", {"type": "subTitle", "idx": "1"}
            )
            self.fill(slide, subtitle, [((Span(spec.subtitle),), theme.subtitle_size, theme.muted)])
        if spec.details:
            box = slide.text_shape("TextBox", theme.hero_details, "t")
            lines = [((Span(line),), theme.detail_size, theme.muted) for line in spec.details]
            self.fill(slide, box, lines, spacing=4)

    def section_slide(self, spec: SectionSlide) -> None:
        theme = self.theme
        slide = self.new_slide("Section Header", spec.notes)
        slide.background(theme.accent)
        title = slide.text_shape("Title", theme.section, "t", {"type": "title"})
        self.fill(
            slide,
            title,
            [
                ((Span(spec.kicker),), theme.title_min, theme.on_accent),
                ((Span(spec.heading, bold=True),), spec.title_size, theme.on_accent),
            ],
            spacing=theme.kicker_gap,
        )

    def bullet_slide(self, spec: BulletSlide) -> None:
        slide = self.content_slide("Title and Content", spec)
        body = slide.text_shape("Content Placeholder", self.theme.body, "t", {"idx": "1"})
        self.bullets(slide, body, spec.bullets, spec.body_size)

    def quote_slide(self, spec: QuoteSlide) -> None:
        theme = self.theme
        slide = self.content_slide("Title Only", spec)
        # A large opening quotation mark: its box holds a full 96 pt line, so nothing leaves it.
        mark = slide.text_shape("TextBox", Box(theme.body.x - 4, theme.body.y - 8, 72, 128), "t")
        self.fill(slide, mark, [((Span("“"),), 96, theme.accent)])
        box = Box(theme.body.x + 64, theme.body.y, theme.body.w - 64, theme.body.h)
        text = slide.text_shape("TextBox", box, "ctr")
        paragraphs = [(tuple(_italic(s) for s in spec.quote), spec.body_size, theme.text)]
        if spec.attribution:
            paragraphs.append(((Span(f"— {spec.attribution}"),), spec.body_size, theme.muted))
        self.fill(slide, text, paragraphs, spacing=12)

    def picture_slide(self, spec: PictureSlide) -> None:
        theme = self.theme
        slide = self.content_slide("Title Only", spec)
        area = theme.body
        if spec.caption:
            area = Box(area.x, area.y, area.w, area.h - 36)
            caption = slide.text_shape("TextBox", Box(area.x, area.y + area.h + 4, area.w, 32), "t")
            self.fill(
                slide, caption, [((Span(spec.caption),), theme.footer_size + 4, theme.muted)], align="ctr"
            )
        slide.picture(spec.image.path, area, spec.image.alt)

    # -- building blocks -----------------------------------------------------------------------

    def new_slide(self, layout: str, notes: str) -> _Slide:
        rid, slide = self.prs.part.add_slide(self.layouts[layout])
        self.prs.slides._sldIdLst.add_sldId(rid)
        self.count += 1
        if notes:
            self.add_notes(slide, notes)
        return _Slide(slide, self.theme)

    def add_notes(self, slide, text: str) -> None:
        """Give `slide` a notes page holding `text`.

        Built from a minimal notes page rather than by python-pptx's notes_slide, which clones
        the notes master's placeholders and searches the whole package for a free part name for
        every slide; the part name here is simply the slide's number.
        """
        element = parse_xml(_NOTES)
        body = element.find(f".//{qn('p:txBody')}")
        for line in text.split("\n"):
            p = _sub(body, "a:p")
            if line:
                r = _sub(p, "a:r")
                _sub(r, "a:rPr", lang=self.lang)
                _sub(r, "a:t").text = line
        partname = PackURI(f"/ppt/notesSlides/notesSlide{self.count}.xml")
        part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, slide.part.package, element)
        part.relate_to(self.notes_master, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)

    def content_slide(self, layout: str, spec) -> _Slide:
        """Return a new slide with its title, the accent rule, the footer and the slide number."""
        theme = self.theme
        slide = self.new_slide(layout, spec.notes)
        title = slide.text_shape("Title", theme.title, "b", {"type": "title"})
        self.fill(slide, title, [((Span(spec.title, bold=True),), spec.title_size, theme.text)])
        slide.rect(theme.rule, theme.accent)
        if self.footer:
            footer = slide.text_shape("Footer", theme.footer, "ctr")
            self.fill(slide, footer, [((Span(self.footer),), theme.footer_size, theme.muted)])
        self.slide_number(slide.text_shape("Slide Number", theme.number, "ctr"))
        return slide

    # Text is built as DrawingML elements directly, in the schema's order: python-pptx's
    # property setters look each child up by XPath, which made text most of the writing time.

    def fill(self, slide: _Slide, body, paragraphs, spacing: float = 0, align: str = "l") -> None:
        """Give the text body `body` its `paragraphs`: (inlines, size, colour) each, no bullets."""
        if not paragraphs:
            _sub(body, "a:p")  # a text body needs a paragraph, even an empty one
        for index, (inlines, size, colour) in enumerate(paragraphs):
            p = _sub(body, "a:p")
            ppr = _sub(p, "a:pPr", marL="0", indent="0", algn=align)
            _spacing(ppr, spacing if index else 0)
            _sub(ppr, "a:buNone")
            self.runs(slide, p, inlines, size, colour)

    def bullets(self, slide: _Slide, body, bullets: tuple[Bullet, ...], size: float) -> None:
        theme = self.theme
        if not bullets:
            _sub(body, "a:p")  # a text body needs a paragraph, even an empty one
        for bullet in bullets:
            p = _sub(body, "a:p")
            numbered = bullet.number is not None
            ppr = _sub(
                p,
                "a:pPr",
                marL=str(Pt(theme.margin(bullet.level, numbered))),
                lvl=str(min(bullet.level, 8)),
                indent=str(-Pt(theme.number_indent if numbered else theme.indent)),
                algn="l",
            )
            _spacing(ppr, theme.space_before if bullet.level == 0 else theme.space_before_nested)
            _sub(_sub(ppr, "a:buClr"), "a:srgbClr", val=theme.accent)
            _sub(ppr, "a:buFont", typeface="+mj-lt" if numbered else "Arial")
            if numbered:
                _sub(ppr, "a:buAutoNum", type="arabicPeriod", startAt=str(bullet.number))
            else:
                _sub(ppr, "a:buChar", char="•" if bullet.level % 2 == 0 else "–")
            self.runs(slide, p, bullet.inlines, size, theme.text)

    def runs(self, slide: _Slide, p, inlines: Inlines, size: float, colour: str) -> None:
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

    def run(self, slide: _Slide, p, span: Span, text: str, family, size: float, colour: str) -> None:
        r = _sub(p, "a:r")
        rpr = _sub(
            r,
            "a:rPr",
            lang=family.lang or self.lang,
            sz=str(round(size * 100)),
            b="1" if span.bold else "0",
            i="1" if span.italic else "0",
            cap="none",  # the default Section Header layout would set every letter in capitals
        )
        if span.strike:
            rpr.set("strike", "sngStrike")
        _sub(_sub(rpr, "a:solidFill"), "a:srgbClr", val=colour)
        if span.code:
            _sub(rpr, "a:latin", typeface=self.theme.mono.shown_as)
        if family.slot != "latin":
            # Mark the script's font in its own slot, so PowerPoint picks a font that has it.
            _sub(rpr, f"a:{family.slot}", typeface=family.shown_as)
        if span.href and span.href.lower().startswith(_SAFE_LINK_SCHEMES):
            rid = slide.part.relate_to(span.href, RT.HYPERLINK, is_external=True)
            _sub(rpr, "a:hlinkClick", **{"r:id": rid})
        _sub(r, "a:t").text = text

    def slide_number(self, body) -> None:
        """Fill the text body `body` with the slide number field, which PowerPoint keeps up to date."""
        p = _sub(body, "a:p")
        _sub(p, "a:pPr", algn="r")
        field = _sub(p, "a:fld", id=_SLIDE_NUMBER_FIELD_ID, type="slidenum")
        rpr = _sub(field, "a:rPr", lang=self.lang, sz=str(round(self.theme.footer_size * 100)))
        _sub(_sub(rpr, "a:solidFill"), "a:srgbClr", val=self.theme.muted)
        _sub(field, "a:t").text = str(len(self.prs.slides))


def _sub(parent, tag: str, **attributes):
    """Append and return a new child element `tag` ("a:p") with `attributes` ("r:id" allowed)."""
    element = parent.makeelement(qn(tag), {qn(k) if ":" in k else k: v for k, v in attributes.items()})
    parent.append(element)
    return element


def _xfrm(sppr, box: Box) -> None:
    xfrm = _sub(sppr, "a:xfrm")
    _sub(xfrm, "a:off", x=str(Pt(box.x)), y=str(Pt(box.y)))
    _sub(xfrm, "a:ext", cx=str(Pt(box.w)), cy=str(Pt(box.h)))


def _spacing(ppr, before: float) -> None:
    _sub(_sub(ppr, "a:lnSpc"), "a:spcPct", val="100000")
    _sub(_sub(ppr, "a:spcBef"), "a:spcPts", val=str(round(before * 100)))


def _italic(span: Span) -> Span:
    from dataclasses import replace

    return replace(span, italic=not span.italic)


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
