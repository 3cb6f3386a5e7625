"""The two institution templates the tests make: a 4:3 .pptx set in Arial with example slides of
its own, and a 16:9 .potx with Cambria headings that has no "Section Header" layout."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from pptx import Presentation
from pptx.util import Inches

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def set_fonts(prs, heading: str, body: str) -> None:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = prs.slide_master.part.part_related_by(RT.THEME)
    xml = part.blob.decode()
    xml = re.sub(r'(<a:majorFont><a:latin typeface=")[^"]*', rf"\g<1>{heading}", xml)
    xml = re.sub(r'(<a:minorFont><a:latin typeface=")[^"]*', rf"\g<1>{body}", xml)
    part._blob = xml.encode()


def _style(prs, title_size: int, title_bold: bool, body_size: int) -> None:
    styles = prs.slide_master._element.find(
        f"{{{A.replace('drawingml/2006/main', 'presentationml/2006/main')}}}txStyles"
    )
    ns = {"a": A}
    title = styles.find("{*}titleStyle/a:lvl1pPr/a:defRPr", ns)
    title.set("sz", str(title_size * 100))
    if title_bold:
        title.set("b", "1")
    styles.find("{*}bodyStyle/a:lvl1pPr/a:defRPr", ns).set("sz", str(body_size * 100))


def _example_slide(prs, title: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts.get_by_name("Title and Content"))
    slide.shapes.title.text = title
    slide.notes_slide.notes_text_frame.text = "an example slide of the template"


def make_school_4x3(folder: Path) -> Path:
    """A 4:3 template in Arial, titles 40 pt not bold, with two example slides of its own."""
    prs = Presentation()  # python-pptx's default is 4:3
    set_fonts(prs, "Arial", "Arial")
    _style(prs, 40, False, 24)
    title = next(s for s in prs.slide_master.placeholders if s.placeholder_format.type == 1)
    title.top, title.height = Inches(0.2), Inches(1.1)
    _example_slide(prs, "Welcome to Our University")
    _example_slide(prs, "Template example slide")
    path = folder / "school-4x3.pptx"
    prs.save(str(path))
    return path


def make_campus_16x9(folder: Path) -> Path:
    """A 16:9 .potx, Cambria headings and Calibri text, with no Section Header layout."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    for shape in prs.slide_master.placeholders:
        shape.left = int(shape.left * 13.333 / 10)
        shape.width = int(shape.width * 13.333 / 10)
    for layout in prs.slide_layouts:
        for shape in layout.placeholders:
            if shape._element.spPr.find(f"{{{A}}}xfrm") is not None:
                shape.left, shape.width = int(shape.left * 13.333 / 10), int(shape.width * 13.333 / 10)
    set_fonts(prs, "Cambria", "Calibri")
    _style(prs, 36, True, 28)
    prs.slide_layouts.remove(prs.slide_layouts.get_by_name("Section Header"))
    _example_slide(prs, "Campus template example")
    buffer = io.BytesIO()
    prs.save(buffer)
    path = folder / "campus-16x9.potx"
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "[Content_Types].xml":
                data = data.replace(
                    b"presentationml.presentation.main+xml", b"presentationml.template.main+xml"
                )
            target.writestr(entry, data)
    return path
