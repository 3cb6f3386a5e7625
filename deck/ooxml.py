"""Where lecturekit reaches past python-pptx's public API: every private (underscore) name it uses
is here, and only here. (pptx_writer also uses two undocumented but public part attributes,
`Part.part_related_by` and `PresentationPart.notes_master_part`.)

python-pptx's documented API builds slides shape by shape, looking each child up by XPath, and
has no way to delete a slide, to give a notes page its part name, or to date zip entries. The
writer needs all of these, so it uses these python-pptx 1.0 internals, each behind a function:

- `Presentation.slides._sldIdLst` and `PresentationPart.add_slide`, `drop_rel`: add an empty
  slide, drop a template's own slides with their relationships;
- `SlideShapes._spTree`, `BaseShape._element`, `SlideLayout._element`: the lxml elements the
  writer appends DrawingML to, and reads placeholders from;
- `Part._blob`: the theme part's XML, rewritten for the accent colour;
- `NotesSlidePart(...)` and `Part.relate_to`: a notes page made from minimal XML;
- `OpcPackage._rels` and `PackageWriter`'s three `_write_*` steps: serialising into a zip whose
  entries carry fixed dates.

pyproject.toml pins python-pptx to the version the test suite passed with (1.0.2); every deck
test reopens and schema-checks what the writer makes through these. A python-pptx upgrade
means: widen the pin, run the suite, read this list again.
"""

from __future__ import annotations

import zipfile
from typing import BinaryIO

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart


def drop_slides(prs) -> None:
    """Remove every slide of `prs`, relationships and all (python-pptx has no slide delete)."""
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


def add_slide(prs, layout):
    """Append a slide on `layout` with no shapes of its own; return it.

    python-pptx's slides.add_slide() would clone every placeholder of the layout first.
    """
    rid, slide = prs.part.add_slide(layout)
    prs.slides._sldIdLst.add_sldId(rid)
    return slide


def shape_tree(slide):
    """Return the <p:spTree> element of `slide`, to append shapes to."""
    return slide.shapes._spTree


def element(obj):
    """Return the lxml element behind a python-pptx shape, layout or master."""
    return obj._element


def set_blob(part, blob: bytes) -> None:
    """Replace the XML of a part python-pptx keeps as bytes (the theme)."""
    part._blob = blob


def add_notes(slide, notes_xml, number: int, notes_master) -> None:
    """Give `slide` the notes page `notes_xml` (an lxml <p:notes>), named after its `number`.

    python-pptx's notes_slide would clone the notes master's placeholders and search the whole
    package for a free part name, for every slide.
    """
    partname = PackURI(f"/ppt/notesSlides/notesSlide{number}.xml")
    part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, slide.part.package, notes_xml)
    part.relate_to(notes_master, RT.NOTES_MASTER)
    part.relate_to(slide.part, RT.SLIDE)
    slide.part.relate_to(part, RT.NOTES_SLIDE)


def drop_package_rels(prs, reltype: str) -> None:
    """Drop the package-level relationships of `reltype` (a template's thumbnail)."""
    package = prs.part.package
    for rid, rel in list(package._rels.items()):
        if rel.reltype == reltype:
            package.drop_rel(rid)


def save(prs, out: BinaryIO, stamp: tuple[int, int, int, int, int, int]) -> None:
    """Write `prs` to `out` as a zip whose every entry is dated `stamp`: same deck, same bytes.

    python-pptx's serialiser decides what goes in (parts, relationships, content types); only
    the zip writing is ours, so each entry is dated and compressed once, not saved and re-zipped.
    """
    from pptx.opc.serialized import PackageWriter

    package = prs.part.package
    writer = PackageWriter(out, package._rels, tuple(package.iter_parts()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        entries = _DatedEntries(target, stamp)
        writer._write_content_types_stream(entries)  # type: ignore[arg-type]  # duck-typed on purpose
        writer._write_pkg_rels(entries)  # type: ignore[arg-type]
        writer._write_parts(entries)  # type: ignore[arg-type]


class _DatedEntries:
    """The zip writer python-pptx's serialiser is given: `write(partname, blob)`, each entry dated."""

    def __init__(self, target: zipfile.ZipFile, stamp: tuple[int, int, int, int, int, int]):
        self.target = target
        self.stamp = stamp

    def write(self, partname, blob: bytes) -> None:
        info = zipfile.ZipInfo(partname.membername, date_time=self.stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.target.writestr(info, blob)
