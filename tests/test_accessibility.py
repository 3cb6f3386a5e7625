"""The deck against the rules of PowerPoint's accessibility checker, read from the .pptx itself.

Every slide has a unique title; the title comes first in the shape tree and the body follows in
the order it is read; pictures have alt text or are marked decorative; tables have a header
row; link text makes sense alone (never a bare URL); text has 4.5:1 contrast against what is
behind it; the deck's language is set. For the seed, every fixture article, the rich-content
fixture and both test templates.
"""

from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Emu

from lecturekit.layout.colours import contrast
from lecturekit.pipeline.build import Options, build_article

from .helpers import FIXTURES, SEED

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
DECORATIVE = "http://schemas.microsoft.com/office/drawing/2017/decorative"
ARTICLES = [SEED, FIXTURES / "rich" / "rich.md", FIXTURES / "rich" / "languages.md"]
ARTICLES += sorted((FIXTURES / "articles").glob("*-*.md"))
FOOTER_TYPES = {"ftr", "sldNum", "dt"}
BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


@pytest.fixture(
    scope="module", params=[*ARTICLES, "school_4x3", "campus_16x9"], ids=lambda p: getattr(p, "stem", p)
)
def deck(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("a11y")
    if isinstance(request.param, str):  # a template, with the seed
        template = request.getfixturevalue(request.param)
        result = build_article(SEED, Options(out=out, template=template, defaults={"section_headers": "on"}))
    else:
        result = build_article(request.param, Options(out=out))
    return result.outputs[0]


def slides_xml(path):
    with zipfile.ZipFile(path) as package:
        names = sorted(
            (n for n in package.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
            key=lambda n: int(re.search(r"\d+", n.rsplit("/", 1)[1]).group()),
        )
        return [etree.fromstring(package.read(n)) for n in names]


def test_every_slide_has_a_unique_title(deck):
    titles = []
    for slide in Presentation(str(deck)).slides:
        assert slide.shapes.title is not None, slide.slide_id
        titles.append(" ".join(slide.shapes.title.text_frame.text.split()))
    assert all(titles)
    assert len(set(titles)) == len(titles), [t for t in titles if titles.count(t) > 1]


def test_the_title_comes_first_then_the_body_in_reading_order(deck):
    for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
        shapes = [s for s in slide.shapes if not (s.is_placeholder and _placeholder_type(s) in FOOTER_TYPES)]
        assert shapes[0] == slide.shapes.title, (number, [s.name for s in shapes])
        body = shapes[1:]
        order = sorted(body, key=lambda s: (round(Emu(s.top).pt / 12), Emu(s.left).pt))  # rows 12 pt apart
        assert [s.name for s in body] == [s.name for s in order], number
        tree = list(slide.shapes)
        footers = [i for i, s in enumerate(tree) if s.is_placeholder and _placeholder_type(s) in FOOTER_TYPES]
        assert all(i > tree.index(shape) for i in footers for shape in shapes), number  # footers last


def _placeholder_type(shape) -> str:
    found = shape._element.xpath("./p:nvSpPr/p:nvPr/p:ph/@type")
    return found[0] if found else "body"


def test_pictures_have_alt_text_or_are_marked_decorative(deck):
    for slide in slides_xml(deck):
        for pic in slide.iterfind(".//p:pic", NS):
            props = pic.find("./p:nvPicPr/p:cNvPr", NS)
            decorative = props.find(f".//{{{DECORATIVE}}}decorative") is not None
            assert decorative or (props.get("descr") or "").strip(), etree.tostring(props)[:200]


def test_tables_have_a_header_row(deck):
    for slide in slides_xml(deck):
        for table in slide.iterfind(".//a:tbl", NS):
            assert table.find("./a:tblPr", NS).get("firstRow") == "1"


def test_link_text_is_never_a_bare_url(deck):
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    if run.hyperlink.address:
                        assert not BARE_URL.match(run.text.strip()), run.text


def test_the_decks_language_is_set(deck):
    prs = Presentation(str(deck))
    lang = prs.core_properties.language
    assert re.fullmatch(r"[a-z]{2,3}(-[A-Z]{2})?", lang or ""), lang
    for slide in slides_xml(deck):
        for props in slide.iterfind(".//a:rPr", NS):
            assert props.get("lang"), etree.tostring(props)[:120]
    with zipfile.ZipFile(deck) as package:
        presentation = etree.fromstring(package.read("ppt/presentation.xml"))
    assert {p.get("lang") for p in presentation.iterfind(".//a:defRPr", NS) if p.get("lang")} <= {lang}


def test_text_has_a_contrast_of_at_least_4_5_to_1(deck):
    colours = _Colours(deck)
    checked = 0
    for slide_number, slide in enumerate(slides_xml(deck), start=1):
        background = colours.background(slide)
        for shape in slide.iterfind(".//p:sp", NS):
            fill = colours.fill(shape.find("./p:spPr", NS)) or background
            default = colours.default_text(shape)
            for run in shape.iterfind(".//a:r", NS):
                if run.findtext("./a:t", "", NS).strip():
                    ink = colours.fill(run.find("./a:rPr", NS)) or default
                    assert contrast(ink, fill) >= 4.5, (
                        slide_number,
                        run.findtext("./a:t", "", NS),
                        ink,
                        fill,
                    )
                    checked += 1
        for cell in slide.iterfind(".//a:tc", NS):
            fill = colours.fill(cell.find("./a:tcPr", NS)) or background
            for run in cell.iterfind(".//a:r", NS):
                ink = colours.fill(run.find("./a:rPr", NS)) or colours.scheme("tx1")
                assert contrast(ink, fill) >= 4.5, (slide_number, run.findtext("./a:t", "", NS), ink, fill)
                checked += 1
    assert checked > 20


class _Colours:
    """Colours as PowerPoint resolves them: the theme's scheme through the master's colour map."""

    def __init__(self, deck):
        with zipfile.ZipFile(deck) as package:
            self.master = etree.fromstring(package.read("ppt/slideMasters/slideMaster1.xml"))
            theme = etree.fromstring(package.read("ppt/theme/theme1.xml"))
        self.theme = {}
        for slot in theme.find(".//a:clrScheme", NS):
            name = etree.QName(slot).localname
            colour = slot[0]
            self.theme[name] = colour.get("val") if colour.tag.endswith("srgbClr") else colour.get("lastClr")
        self.map = dict(self.master.find("./p:clrMap", NS).attrib)

    def scheme(self, name: str) -> str:
        return self.theme[self.map.get(name, name)].upper()

    def colour(self, element) -> str | None:
        if element is None:
            return None
        tag = etree.QName(element).localname
        if tag == "srgbClr":
            return element.get("val").upper()
        if tag == "schemeClr":
            return self.scheme(element.get("val"))
        if tag == "sysClr":
            return element.get("lastClr").upper()
        return None

    def fill(self, props) -> str | None:
        solid = props.find("./a:solidFill", NS) if props is not None else None
        return self.colour(solid[0]) if solid is not None and len(solid) else None

    def background(self, slide) -> str:
        for holder in (slide, self.master):
            bg = holder.find("./p:cSld/p:bg", NS)
            if bg is None:
                continue
            props = bg.find("./p:bgPr", NS)
            if props is not None and self.fill(props):
                return self.fill(props)
            ref = bg.find("./p:bgRef", NS)
            if ref is not None and len(ref):
                return self.colour(ref[0])
        return self.scheme("bg1")

    def default_text(self, shape) -> str:
        """The colour a run without its own takes: the master's title or body style."""
        kind = shape.xpath("./p:nvSpPr/p:nvPr/p:ph/@type", namespaces=NS)
        style = "titleStyle" if kind and kind[0] in ("title", "ctrTitle") else "bodyStyle"
        if not shape.xpath("./p:nvSpPr/p:nvPr/p:ph", namespaces=NS):
            style = "otherStyle"
        props = self.master.find(f"./p:txStyles/p:{style}/a:lvl1pPr/a:defRPr", NS)
        return self.fill(props) or self.scheme("tx1")
