"""Pictures, tables and code, on slides and in the handout, from tests/fixtures/rich/rich.md.

The fixture has four pictures (an inline icon, a titled chart, a decorative animated GIF and a
4000 x 3000 photograph), a 40-row table, a nine-column table and code in Python, JavaScript and
SQL, one Python line far longer than a slide is wide.
"""

from __future__ import annotations

import hashlib
import io
import re

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Pt

from lecturekit.deck.theme import DEFAULT_THEME
from lecturekit.layout.colours import contrast
from lecturekit.layout.highlight import code_lines, highlight
from lecturekit.layout.tables import column_widths
from lecturekit.model.reader import read_article
from lecturekit.pipeline.build import Options, build_article

from .helpers import FIXTURES
from .test_render import overflowing_characters

RICH = FIXTURES / "rich" / "rich.md"
DECORATIVE = "http://schemas.microsoft.com/office/drawing/2017/decorative"


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    sources = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in RICH.parent.iterdir()}
    result = build_article(RICH, Options(out=tmp_path_factory.mktemp("rich")))
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in RICH.parent.iterdir()}
    assert after == sources  # the article's pictures are never changed
    return result


@pytest.fixture(scope="module")
def deck(rich):
    return Presentation(str(rich.outputs[0]))


@pytest.fixture(scope="module")
def lesson():
    return read_article(RICH)


def _pictures(deck):
    return [
        (n, s)
        for n, slide in enumerate(deck.slides)
        for s in slide.shapes
        if s.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]


def _tables(deck, title: str):
    return [
        s.table
        for slide in deck.slides
        if slide.shapes.title.text_frame.text.startswith(title)
        for s in slide.shapes
        if s.has_table
    ]


def _rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


# -- pictures --------------------------------------------------------------------------------------


def _shown_images(lesson):
    from lecturekit.model.lesson import Image

    return [b for s in lesson.sections for b in s.blocks if isinstance(b, Image) and b.alt]


def test_every_picture_has_its_alt_text_and_a_decorative_one_is_left_off(deck, lesson, rich):
    pictures = [shape for _, shape in _pictures(deck)]
    assert [p._element.nvPicPr.cNvPr.get("descr") for p in pictures] == [i.alt for i in _shown_images(lesson)]
    assert not any(DECORATIVE in p._element.nvPicPr.cNvPr.xml for p in pictures)
    assert not any("divider.gif" in w.message for w in rich.warnings)  # marked {.decorative}: no warning


def test_pictures_keep_their_aspect_ratio_and_stay_in_the_body(deck, lesson):
    body = DEFAULT_THEME.body
    for (_, shape), image in zip(_pictures(deck), _shown_images(lesson), strict=True):
        assert shape.width / shape.height == pytest.approx(image.size[0] / image.size[1], rel=0.01)
        assert Pt(body.x) - 1 <= shape.left and shape.left + shape.width <= Pt(body.x + body.w) + 1
        assert Pt(body.y) - 1 <= shape.top and shape.top + shape.height <= Pt(body.y + body.h) + 1
    icon = next(s for _, s in _pictures(deck) if s._element.nvPicPr.cNvPr.get("descr") == "A green dot")
    assert icon.width <= Pt(64 * 2 * 72 / 96) + 1  # a 64-pixel icon at most twice its size: not blurred


def test_an_inline_picture_is_shown_under_the_claim_of_its_paragraph(deck):
    def text(slide) -> str:
        return " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)

    bullet = next(n for n, slide in enumerate(deck.slides) if "grew every year" in text(slide))
    number = next(n for n, s in _pictures(deck) if s._element.nvPicPr.cNvPr.get("descr") == "A green dot")
    assert number == bullet  # a one-claim paragraph is the lead-in of its picture's slide
    lead = next(s for s in deck.slides[number].shapes if s.name.startswith("Lead"))
    assert lead.top + lead.height <= next(s for _, s in _pictures(deck) if s.name).top + Pt(200)


def test_a_huge_picture_is_scaled_down_and_a_gif_gives_its_first_frame_as_png(deck):
    from lecturekit.layout.pictures import picture_bytes

    by_alt = {shape._element.nvPicPr.cNvPr.get("descr"): shape for _, shape in _pictures(deck)}
    photo = by_alt["A valley with mountains under a blue sky"].image
    with PILImage.open(io.BytesIO(photo.blob)) as picture:
        # scaled to the pixels its place on the slide needs (220 per inch), no fewer
        assert picture.format == "JPEG" and 1000 <= picture.width < 4000
    data, _ = picture_bytes(RICH.parent / "divider.gif", 600, 30)  # what the handout embeds
    with PILImage.open(io.BytesIO(data)) as picture:
        assert picture.format == "PNG" and getattr(picture, "n_frames", 1) == 1
        # The first frame's rule is blue (#1D5B8C); the second frame's is red.
        r, g, b = picture.convert("RGB").getpixel((picture.width // 2, picture.height // 2))
        assert b > r
    chart = by_alt[next(a for a in by_alt if a.startswith("Bar chart"))].image
    assert chart.blob == (RICH.parent / "chart.png").read_bytes()  # a fine PNG goes in as it is


def test_a_titled_picture_has_its_title_as_caption(deck):
    number, _ = next(
        (n, s)
        for n, s in _pictures(deck)
        if s._element.nvPicPr.cNvPr.get("descr", "").startswith("Bar chart")
    )
    texts = [s.text_frame.text for s in deck.slides[number].shapes if s.has_text_frame]
    assert "Registered startups in the Unjong zone, 2012–2017" in texts


# -- tables ----------------------------------------------------------------------------------------


def test_a_long_table_continues_with_its_header_on_every_slide(deck):
    tables = _tables(deck, "The course plan")
    assert len(tables) >= 3
    header = ["Session", "Week", "Kind", "Topic", "Reading"]
    assert all(_rows(t)[0] == header for t in tables)
    body = [row for t in tables for row in _rows(t)[1:]]
    assert [row[0] for row in body] == [str(n) for n in range(1, 41)]  # every row once, in order
    for table in tables:
        assert table._tbl.tblPr.get("firstRow") == "1"
        head = table.rows[0].cells[0]._tc
        assert DEFAULT_THEME.accent in head.xml  # the header row's fill
        assert all(c.text_frame.paragraphs[0].runs[0].font.bold for c in table.rows[0].cells)


def test_table_text_is_at_least_body_minimum_and_columns_follow_content(deck):
    tables = _tables(deck, "The course plan")
    for table in tables:
        sizes = {
            r.font.size.pt
            for row in table.rows
            for c in row.cells
            for p in c.text_frame.paragraphs
            for r in p.runs
        }
        assert min(sizes) >= DEFAULT_THEME.body_min
    widths = [column.width for column in tables[0].columns]
    assert widths[3] == max(widths)  # "Topic" has the longest cells
    assert sum(widths) == pytest.approx(Pt(DEFAULT_THEME.body.w), abs=10)
    right = tables[0].rows[1].cells[0].text_frame.paragraphs[0]._p.pPr.get("algn")
    assert right == "r"  # |--:| aligns numbers right


def test_a_table_too_wide_for_a_slide_is_shown_in_parts_with_its_first_column(rich, deck):
    tables = _tables(deck, "Ventures compared")
    assert len(tables) == 2
    headers = [_rows(t)[0] for t in tables]
    assert all(h[0] == "Venture" for h in headers)
    assert sorted({name for h in headers for name in h}) == sorted(
        ["Venture", "Founded", "Sector", "Partners", "Employees", "Exports", "Location", "Status", "Notes"]
    )
    assert any("too wide for one slide" in w.message and w.line == 72 for w in rich.warnings)


def test_table_notes_hold_every_row(deck):
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide)
    assert "Table:\nSession | Week | Kind | Topic | Reading" in notes
    assert "40 | 20 | Seminar | Banking and credit (part 2) | Chapter 4" in notes


# -- code ------------------------------------------------------------------------------------------


def _code_slides(deck):
    return [
        slide
        for slide in deck.slides
        if any(s.has_text_frame and s.name.startswith("Code") for s in slide.shapes)
    ]


def _code_lines_shown(deck) -> list[str]:
    lines = []
    for slide in _code_slides(deck):
        panel = next(s for s in slide.shapes if s.has_text_frame and s.name.startswith("Code"))
        lines += [p.text if hasattr(p, "text") else "" for p in panel.text_frame.paragraphs]
    return lines


def test_every_line_of_code_is_on_the_slides_verbatim_and_in_order(deck, lesson):
    from lecturekit.model.lesson import Code

    blocks = [b for s in lesson.sections for b in s.blocks if isinstance(b, Code)]
    assert [b.lang for b in blocks] == ["python", "javascript", "sql"]
    expected = [line for b in blocks for line in code_lines(b.text) if line.strip()]
    shown = [line for line in _code_lines_shown(deck) if line.strip()]
    assert shown == expected
    long_line = next(line for line in expected if "Institute for Peace" in line)
    assert len(long_line) > 120  # wraps on the slide, still one paragraph


def test_code_is_monospace_highlighted_and_never_below_the_minimum(deck):
    colours, fonts, sizes = set(), set(), set()
    for slide in _code_slides(deck):
        panel = next(s for s in slide.shapes if s.name.startswith("Code"))
        for paragraph in panel.text_frame.paragraphs:
            for run in paragraph.runs:
                fonts.add(run.font.name)
                sizes.add(run.font.size.pt)
                colours.add(str(run.font.color.rgb))
    assert fonts == {DEFAULT_THEME.mono.shown_as}
    assert min(sizes) >= DEFAULT_THEME.code_min
    assert len(colours) >= 5  # keywords, names, strings, numbers, comments
    for colour in colours:
        assert contrast(colour, "F3F5F8") >= 4.5


def test_long_code_continues_on_the_next_slide_and_the_lead_in_sits_above_it(deck):
    titles = [slide.shapes.title.text_frame.text for slide in _code_slides(deck)]
    assert titles[0] == "Code" and titles[1] == "Code (cont.)"
    first = _code_slides(deck)[0]
    texts = [s.text_frame.text for s in first.shapes if s.has_text_frame]
    assert "A model of a household's income, in Python:" in texts
    notes = first.notes_slide.notes_text_frame.text
    assert notes.startswith("A model of a household's income, in Python:\n\nPython code:\nfrom dataclasses")


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200),
    lang=st.sampled_from(["python", "js", "sql", "rust", "html", "bash", "nosuchlanguage", ""]),
)
def test_highlighting_never_changes_a_character(text, lang):
    text = text.replace("\r", "")
    lines = highlight(text, lang)
    assert ["".join(t.text for t in line) for line in lines] == code_lines(text)


def test_column_widths_share_the_room_by_content():
    assert column_widths([10, 10], [30, 50], 100) == pytest.approx([37.5, 62.5])
    assert column_widths([10, 10], [80, 60], 100) == pytest.approx([100 * 17 / 30, 100 * 13 / 30])
    assert column_widths([60, 60], [80, 80], 100) is None
    assert column_widths([], [], 100) is None


# -- the handout -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def handout_pages(rich):
    with pdfplumber.open(rich.outputs[1]) as pdf:
        return [(page.extract_text() or "", page.images, page.width) for page in pdf.pages]


def test_the_handout_repeats_a_long_tables_header_on_every_page(handout_pages):
    pages = [text for text, _, _ in handout_pages if re.search(r"^\d+ \d+ (Lecture|Seminar)", text, re.M)]
    assert len(pages) >= 2
    assert all("Session Week Kind Topic Reading" in text for text in pages)
    rows = [int(m) for text in pages for m in re.findall(r"^(\d+) \d+ (?:Lecture|Seminar)", text, re.M)]
    assert rows == list(range(1, 41))


def test_the_handout_has_every_line_of_code_and_marks_wrapped_ones(handout_pages, lesson):
    from lecturekit.model.lesson import Code

    text = "\n".join(t for t, _, _ in handout_pages)
    squeezed = re.sub(r"\s+", "", text.replace("→", ""))
    for block in (b for s in lesson.sections for b in s.blocks if isinstance(b, Code)):
        for line in code_lines(block.text):
            assert re.sub(r"\s+", "", line) in squeezed, line
    assert "→ state rations" in text or "→state rations" in text


def test_handout_pictures_fit_the_column_and_only_titles_are_captions(handout_pages, rich):
    pictures = [image for _, images, _ in handout_pages for image in images]
    assert len(pictures) == 4
    width = handout_pages[0][2]
    for image in pictures:
        assert image["x0"] >= 20 / 25.4 * 72 - 1 and image["x1"] <= width - 20 / 25.4 * 72 + 1
    text = " ".join(t for t, _, _ in handout_pages)
    assert "Registered startups in the Unjong zone, 2012–2017" in text
    assert "A green dot" not in text  # alt text is for screen readers, not a caption


# -- seen as PowerPoint would show it ----------------------------------------------------------------


@pytest.mark.render
def test_the_rich_deck_has_no_character_outside_its_shape(rich, tmp_path):
    assert overflowing_characters(rich.outputs[0], tmp_path) == []


@pytest.mark.render
def test_the_overflow_check_catches_a_table_row_taller_than_measured(rich, tmp_path):
    """The check above can fail for tables: text made too big for its rows is reported."""
    deck = Presentation(str(rich.outputs[0]))
    table = _tables(deck, "The course plan")[1]
    for cell in table.rows[2].cells:
        for run in cell.text_frame.paragraphs[0].runs:
            run.font.size = Pt(44)
    broken = tmp_path / "broken.pptx"
    deck.save(str(broken))
    assert overflowing_characters(broken, tmp_path / "render") != []


def test_pictures_tables_and_code_build_to_the_same_bytes_twice(rich, tmp_path):
    again = build_article(RICH, Options(out=tmp_path))
    for first, second in zip(rich.outputs, again.outputs, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name


def test_a_picture_without_alt_text_is_on_a_slide_with_a_warning_and_a_marked_one_is_not(tmp_path):
    from pptx import Presentation

    from lecturekit.pipeline.build import Options, build_article

    for name in ("chart.png", "rule.png"):
        (tmp_path / name).write_bytes((RICH.parent / "chart.png").read_bytes())
    article = tmp_path / "pictures.md"
    article.write_text(
        "---\ntitle: Pictures\n---\n## Growth\n\nSales doubled in two years.\n\n![](chart.png)\n\n"
        "![](rule.png){.decorative}\n",
        encoding="utf-8",
    )
    result = build_article(article, Options(out=tmp_path / "out"))
    (warning,) = [w for w in result.warnings if "alt text" in w.message]
    assert warning.line == 8 and "'chart.png' has no alt text" in warning.message
    assert "{.decorative}" in warning.message  # and says how to mark one decorative
    deck = Presentation(str(result.outputs[0]))
    pictures = [shape for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) == 1  # the chart; the rule is decoration
    assert DECORATIVE not in pictures[0]._element.nvPicPr.cNvPr.xml
