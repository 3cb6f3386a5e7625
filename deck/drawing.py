"""DrawingML for one slide: its shapes, and the text that goes into them.

A `Canvas` is a slide being built. Shapes are appended as DrawingML, numbered in order, through
python-pptx's part API: its property setters look every child up by XPath, which made them most
of the writing time. The text functions fill a shape's text body with paragraphs and runs, each
set at the size the planner measured, in the font that has its script.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.oxml.ns import qn as _qn
from pptx.util import Pt

from lecturekit.fonts import font_runs
from lecturekit.layout.links import followable
from lecturekit.layout.pictures import picture_bytes
from lecturekit.model.lesson import Inlines, Span, in_words, plain

from . import ooxml
from .slides import Bullet
from .template import box_of
from .theme import Box, Theme

_SLIDE_NUMBER_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
_DECORATIVE = (  # Office's mark for a decorative picture, which screen readers skip
    '<a:extLst {}><a:ext uri="{{C183D7F6-B498-43B3-948B-1728B52AA6E4}}">'
    '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
    "</a:ext></a:extLst>"
).format(nsdecls("a"))
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_A14 = "http://schemas.microsoft.com/office/drawing/2010/main"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_ALTERNATE = (
    f'<mc:AlternateContent xmlns:mc="{_MC}"><mc:Choice xmlns:a14="{_A14}" xmlns:m="{_M}" Requires="a14 m"/>'
    "<mc:Fallback/></mc:AlternateContent>"
)
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"


class Canvas:
    """A slide being built. Shapes are appended as DrawingML, numbered in order.

    python-pptx's add_slide() would first clone every placeholder of the layout and then look
    each up by XPath; here the slide starts empty and gets the placeholders it uses.
    """

    def __init__(self, slide, layout: dict, theme: Theme, lang: str):
        self.slide = slide
        self.lang = lang
        self.part = slide.part
        self.layout = layout  # the layout's placeholders: kind -> <p:ph> attributes
        self.theme = theme
        self.tree = ooxml.shape_tree(slide)
        self.next_id = 2
        self.texts: dict = {}  # text body -> its paragraphs as drawn (see Paragraph), for a fallback picture

    def has(self, kind: str) -> bool:
        return kind in self.layout

    def placeholder(self, *kinds: str):
        """Append a placeholder of the first of `kinds` the layout has; return its text body.

        It inherits position, fonts and colours from the layout; only "no auto-fit" is set.
        """
        kind = next(k for k in kinds if k in self.layout)
        sp, nv = self._shape(kind.capitalize())
        sub(sub(nv, "p:cNvSpPr"), "a:spLocks", noGrp="1")
        sub(sub(nv, "p:nvPr"), "p:ph", **self.layout[kind])
        sub(sp, "p:spPr")
        body = sub(sp, "p:txBody")
        sub(sub(body, "a:bodyPr"), "a:noAutofit")
        sub(body, "a:lstStyle")
        return body

    def text_box(self, box: Box, anchor: str, name: str = "TextBox"):
        """Append a text box at `box`, named `name` (what it holds); return its text body."""
        theme = self.theme
        sp, nv = self._shape(name)
        sub(nv, "p:cNvSpPr", txBox="1")
        sub(nv, "p:nvPr")
        sppr = sub(sp, "p:spPr")
        xfrm(sppr, box)
        sub(sub(sppr, "a:prstGeom", prst="rect"), "a:avLst")
        sub(sppr, "a:noFill")
        body = sub(sp, "p:txBody")
        x, y = str(Pt(theme.inset_x)), str(Pt(theme.inset_y))
        sub(
            sub(body, "a:bodyPr", wrap="square", lIns=x, tIns=y, rIns=x, bIns=y, anchor=anchor),
            "a:noAutofit",
        )
        sub(body, "a:lstStyle")
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
        sub(nv, "p:cNvSpPr")
        sub(nv, "p:nvPr")
        sppr = sub(sp, "p:spPr")
        xfrm(sppr, box)
        sub(sub(sppr, "a:prstGeom", prst="rect"), "a:avLst")
        colour_fill(sub(sppr, "a:solidFill"), fill)
        sub(sppr, "a:ln").append(sppr.makeelement(qn("a:noFill"), {}))
        body = sub(sp, "p:txBody")
        inset = str(Pt(self.theme.code_inset))
        sub(
            sub(body, "a:bodyPr", wrap="square", lIns=inset, tIns=inset, rIns=inset, bIns=inset, anchor="t"),
            "a:noAutofit",
        )
        sub(body, "a:lstStyle")
        return body

    def table(self, box: Box, widths, heights):
        """Append a table frame at `box` with columns `widths` and rows `heights`; return its <a:tbl>."""
        shape_id, self.next_id = self.next_id, self.next_id + 1
        frame = sub(self.tree, "p:graphicFrame")
        nv = sub(frame, "p:nvGraphicFramePr")
        sub(nv, "p:cNvPr", id=str(shape_id), name=f"Table {shape_id - 1}")
        sub(sub(nv, "p:cNvGraphicFramePr"), "a:graphicFrameLocks", noGrp="1")
        sub(nv, "p:nvPr")
        xfrm = sub(frame, "p:xfrm")
        sub(xfrm, "a:off", x=str(Pt(box.x)), y=str(Pt(box.y)))
        sub(xfrm, "a:ext", cx=str(Pt(box.w)), cy=str(Pt(box.h)))
        data = sub(sub(frame, "a:graphic"), "a:graphicData", uri=_TABLE_URI)
        table = sub(data, "a:tbl")
        sub(table, "a:tblPr", firstRow="1", bandRow="1")
        grid = sub(table, "a:tblGrid")
        for width in widths:
            sub(grid, "a:gridCol", w=str(Pt(width)))
        return table

    def drew(self, body, paragraph: TextLine) -> None:
        """Remember a paragraph drawn into `body`: a body holding an equation gets a picture of
        itself as its fallback (see `finish`)."""
        self.texts.setdefault(body, []).append(paragraph)

    def finish(self) -> None:
        """Wrap each shape holding an equation as PowerPoint does: the shape with its OMML for
        applications that read it, a picture of the same shape for those that do not (LibreOffice,
        Google Slides, the slides PDF), which would otherwise show nothing at all."""
        for body, lines in self.texts.items():
            if any(span.math for line in lines for span in line.inlines):
                self._with_fallback(body.getparent(), lines)

    def _with_fallback(self, sp, lines: list[TextLine]) -> None:
        from .fallback import text_picture

        box = box_of(sp) or self.theme.body
        body = sp.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
        data = text_picture(lines, box, self.theme, body.get("anchor", "t") if body is not None else "t")
        _, rid = self.part.get_or_add_image_part(io.BytesIO(data))
        alternate = parse_xml(_ALTERNATE)
        sp.addprevious(alternate)
        choice, fallback = alternate
        choice.append(sp)
        shape_id, self.next_id = self.next_id, self.next_id + 1
        picture = sub(fallback, "p:sp")
        nv = sub(picture, "p:nvSpPr")
        c_nv_pr = sub(nv, "p:cNvPr", id=str(shape_id), name=f"Equation picture {shape_id - 1}")
        c_nv_pr.set("descr", " ".join(plain(in_words(line.inlines)) for line in lines))  # "E = mc²"
        sub(nv, "p:cNvSpPr")
        sub(nv, "p:nvPr")
        sppr = sub(picture, "p:spPr")
        xfrm(sppr, box)
        sub(sub(sppr, "a:prstGeom", prst="rect"), "a:avLst")
        blip_fill = sub(sppr, "a:blipFill")
        sub(blip_fill, "a:blip", **{"r:embed": rid})
        sub(sub(blip_fill, "a:stretch"), "a:fillRect")
        body = sub(picture, "p:txBody")
        sub(body, "a:bodyPr")
        sub(body, "a:lstStyle")
        sub(body, "a:p")

    def _shape(self, name: str):
        shape_id, self.next_id = self.next_id, self.next_id + 1
        sp = sub(self.tree, "p:sp")
        nv = sub(sp, "p:nvSpPr")
        sub(nv, "p:cNvPr", id=str(shape_id), name=f"{name} {shape_id - 1}")
        return sp, nv


def fill(slide: Canvas, body, paragraphs, spacing: float = 0, align: str | None = None) -> None:
    """Give the text body `body` its `paragraphs`: (inlines, size, colour or None, [space before]).

    A colour of None inherits the template's; space before defaults to `spacing` (none for the first).
    """
    if not paragraphs:
        sub(body, "a:p")  # a text body needs a paragraph, even an empty one
    for index, (inlines, size, colour, *before) in enumerate(paragraphs):
        p = sub(body, "a:p")
        ppr = sub(p, "a:pPr", marL="0", indent="0", **({"algn": align} if align else {}))
        space = before[0] if before else (spacing if index else 0)
        set_spacing(ppr, space, slide.theme.line_spacing)
        sub(ppr, "a:buNone")
        runs(slide, p, inlines, size, colour)
        slide.drew(body, TextLine(inlines, size, colour, before=space, align=align or "l"))


def bullets(slide: Canvas, body, items: tuple[Bullet, ...], size: float) -> None:
    """Give the text body `body` the bullets `items`: levels, numbers and lead-in lines as planned."""
    theme = slide.theme
    if not items:
        sub(body, "a:p")
    for bullet in items:
        p = sub(body, "a:p")
        if bullet.lead or bullet.display:  # a list's opening line, an equation: no mark, no indent
            ppr = sub(p, "a:pPr", marL="0", indent="0", **({"algn": "ctr"} if bullet.display else {}))
            set_spacing(ppr, theme.space_before, theme.line_spacing)
            sub(ppr, "a:buNone")
            shown = bullet.size or size
            if bullet.display:  # an equation; with a number, in the line as the number's text is
                equation(slide, p, bullet.inlines[0].math, shown, None, display=len(bullet.inlines) == 1)
                runs(slide, p, bullet.inlines[1:], shown, None)
            else:
                runs(slide, p, bullet.inlines, shown, None)
            align = "ctr" if bullet.display else "l"
            slide.drew(
                body,
                TextLine(
                    bullet.inlines,
                    shown,
                    None,
                    before=theme.space_before,
                    align=align,
                    display=bullet.display,
                ),
            )
            continue
        numbered = bullet.number is not None
        margin = theme.margin(bullet.level, numbered)
        hang = (
            theme.number_indent if numbered else (theme.first_indent if bullet.level == 0 else theme.indent)
        )
        ppr = sub(p, "a:pPr", marL=str(Pt(margin)), lvl=str(min(bullet.level, 8)), indent=str(-Pt(hang)))
        set_spacing(
            ppr,
            theme.space_before if bullet.level == 0 else theme.space_before_nested,
            theme.line_spacing,
        )
        if numbered:  # the template's bullets otherwise; a number needs its own marker
            colour_fill(sub(ppr, "a:buClr"), accent_ink(theme))
            sub(ppr, "a:buFont", typeface="+mj-lt")
            sub(ppr, "a:buAutoNum", type="arabicPeriod", startAt=str(bullet.number))
        runs(slide, p, bullet.inlines, size, None)
        before = theme.space_before if bullet.level == 0 else theme.space_before_nested
        mark = (
            f"{bullet.number}." if numbered else "–" if bullet.level % 2 else "•"
        )  # as the template has them
        slide.drew(body, TextLine(bullet.inlines, size, None, margin, hang, mark, before))


@dataclass(frozen=True)
class TextLine:
    """A paragraph as drawn into a text body, for the picture of it (see Canvas.finish)."""

    inlines: Inlines
    size: float
    colour: str | None
    margin: float = 0.0
    hang: float = 0.0
    mark: str = ""
    before: float = 0.0
    align: str = "l"
    display: bool = False  # a display equation, its one span


def equation(slide: Canvas, p, latex: str, size: float, colour: str | None, display: bool = False) -> None:
    """Append an equation to the paragraph `p` as OMML (a display equation centred on its own
    line). Its runs take their size and colour from the paragraph's defaults, which are set here:
    OMML in a slide has no run properties of its own that the schema allows."""
    from lecturekit.layout.equations import omml  # only a lecture with equations loads it

    math = omml(latex, display)
    if display:
        math = f'<m:oMathPara><m:oMathParaPr><m:jc m:val="centerGroup"/></m:oMathParaPr>{math}</m:oMathPara>'
    ppr = p.find(qn("a:pPr"))
    if ppr is not None and ppr.find(qn("a:defRPr")) is None:
        defaults = sub(ppr, "a:defRPr", sz=str(round(size * 100)), b="0")
        if colour is not None:
            colour_fill(sub(defaults, "a:solidFill"), colour)
    p.append(parse_xml(f'<a14:m xmlns:a14="{_A14}" {nsdecls("a", "m")}>{math}</a14:m>'))


def runs(slide: Canvas, p, inlines: Inlines, size: float, colour: str | None) -> None:
    """Append `inlines` to the paragraph `p` as runs, an equation as OMML; a footnote's marker is
    left out: the note is in the slide's notes."""
    right_to_left = 0
    for span in inlines:
        if span.note:
            continue
        if span.math:
            equation(slide, p, span.math, size, colour)
            continue
        primary = slide.theme.mono if span.code else slide.theme.sans
        for index, text in enumerate(span.text.split("\n")):
            if index:
                sub(sub(p, "a:br"), "a:rPr", lang=slide.lang, sz=str(round(size * 100)))
            for piece, family in font_runs(text, primary):
                run(slide, p, span, piece, family, size, colour)
                right_to_left += len(piece) if family.rtl else -len(piece)
    if right_to_left > 0:  # mostly Hebrew or Arabic: a right-to-left paragraph
        p.find(qn("a:pPr")).set("rtl", "1")


def run(slide: Canvas, p, span: Span, text: str, family, size: float, colour: str | None) -> None:
    r = sub(p, "a:r")
    rpr = sub(r, "a:rPr", lang=family.lang or slide.lang, sz=str(round(size * 100)))
    rpr.set("b", "1" if span.bold else "0")  # what was measured, whatever the template says
    if span.italic:
        rpr.set("i", "1")
    if span.strike:
        rpr.set("strike", "sngStrike")
    if colour is not None:
        colour_fill(sub(rpr, "a:solidFill"), colour)
    if span.code:
        sub(rpr, "a:latin", typeface=slide.theme.mono.shown_as)
    if family.slot != "latin":
        # Mark the script's font in its own slot, so PowerPoint picks a font that has it.
        sub(rpr, f"a:{family.slot}", typeface=family.shown_as)
    # A link whose text is its own address stays text: "link text that makes sense out of
    # context" (PowerPoint's accessibility checker), and a projected address is read, not clicked.
    if span.href and followable(span.href) and not _bare_address(span):
        rid = slide.part.relate_to(span.href, RT.HYPERLINK, is_external=True)
        sub(rpr, "a:hlinkClick", **{"r:id": rid})
    sub(r, "a:t").text = text


def slide_number(slide: Canvas, body, number: int) -> None:
    """Fill the text body `body` with the slide number field, which PowerPoint keeps up to date."""
    p = sub(body, "a:p")
    field = sub(p, "a:fld", id=_SLIDE_NUMBER_FIELD_ID, type="slidenum")
    sub(field, "a:rPr", lang=slide.lang, sz=str(round(slide.theme.footer_size * 100)))
    sub(field, "a:t").text = str(number)


def table_cell(
    slide: Canvas, tr, cell: Inlines, align: str, size: float, ink: str, fill_colour: str, header: bool
) -> None:
    """Append a cell to the table row `tr`: its text in `ink` on `fill_colour`, aligned `align`
    ("l", "ctr", "r"); a header cell has a rule under it in the text colour."""
    theme = slide.theme
    tc = sub(tr, "a:tc")
    body = sub(tc, "a:txBody")
    sub(body, "a:bodyPr")
    sub(body, "a:lstStyle")
    p = sub(body, "a:p")
    ppr = sub(p, "a:pPr", marL="0", indent="0", algn=align)
    set_spacing(ppr, 0, theme.line_spacing)
    sub(ppr, "a:buNone")
    runs(slide, p, cell, size, "#" + ink)  # its equations are in words: PowerPoint takes none in a cell
    if not cell:
        sub(p, "a:endParaRPr", lang=slide.lang, sz=str(round(size * 100)))
    x, y = str(Pt(theme.inset_x)), str(Pt(theme.inset_y))
    tcpr = sub(tc, "a:tcPr", marL=x, marR=x, marT=y, marB=y)
    if header:  # a rule under the header, in the text colour
        line = sub(tcpr, "a:lnB", w=str(Pt(1.5)))
        colour_fill(sub(line, "a:solidFill"), "#" + theme.text)
    colour_fill(sub(tcpr, "a:solidFill"), "#" + fill_colour)


def accent_ink(theme: Theme) -> str:
    """Return the colour for text in the accent: the scheme's accent1 where it reads on the
    background, else the accent blended toward the text colour until it does."""
    return "accent1" if theme.accent_ink == theme.accent else "#" + theme.accent_ink


def _bare_address(span: Span) -> bool:
    text = span.text.strip().rstrip("/")
    return text == (span.href or "").rstrip("/") or text.lower().startswith(("http://", "https://", "www."))


@cache
def qn(tag: str) -> str:
    """Return Clark notation for "a:p": python-pptx's `qn`, remembered (slides ask it thousands of times)."""
    return _qn(tag)


def sub(parent, tag: str, **attributes):
    """Append and return a new child element `tag` ("a:p") with `attributes` ("r:id" allowed)."""
    element = parent.makeelement(qn(tag), {qn(k) if ":" in k else k: v for k, v in attributes.items()})
    parent.append(element)
    return element


def colour_fill(parent, colour: str) -> None:
    """Give `parent` (a fill) a colour: "#RRGGBB", or one of the template's scheme ("tx2", "accent1")."""
    if colour.startswith("#"):
        sub(parent, "a:srgbClr", val=colour[1:])
    else:
        sub(parent, "a:schemeClr", val=colour)


def xfrm(sppr, box: Box) -> None:
    xfrm = sub(sppr, "a:xfrm")
    sub(xfrm, "a:off", x=str(Pt(box.x)), y=str(Pt(box.y)))
    sub(xfrm, "a:ext", cx=str(Pt(box.w)), cy=str(Pt(box.h)))


def set_spacing(ppr, before: float, line: float) -> None:
    sub(sub(ppr, "a:lnSpc"), "a:spcPct", val=str(round(line * 100000)))
    sub(sub(ppr, "a:spcBef"), "a:spcPts", val=str(round(before * 100)))
