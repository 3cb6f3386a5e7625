"""The institution's template, and lecturekit's own theme: layouts, fonts, colours, contrast, overflow.

The test suite makes its two templates itself: a 4:3 .pptx set in Arial with example slides of
its own, and a 16:9 .potx with Cambria headings that has no "Section Header" layout.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pdfplumber
import pytest
from pptx import Presentation
from pptx.util import Inches, Pt

from lecturekit.cli import main
from lecturekit.deck.template import read_template
from lecturekit.deck.theme import BUILTIN_TEMPLATE, DEFAULT_THEME
from lecturekit.errors import LessonError
from lecturekit.layout.colours import WHITE, contrast, readable
from lecturekit.pipeline.build import Options, build_article, deck_theme, plan_article

from .helpers import SEED
from .templates import set_fonts
from .test_render import overflowing_characters

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def build_with(template: Path, tmp_path: Path):
    return build_article(SEED, Options(out=tmp_path, template=template))


def titles(deck) -> list[str]:
    return [s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in deck.slides]


@pytest.mark.parametrize("name", ["school_4x3", "campus_16x9"])
def test_a_template_gives_its_layouts_and_none_of_its_slides(name, request, tmp_path):
    template = request.getfixturevalue(name)
    result = build_with(template, tmp_path)
    deck = Presentation(str(result.outputs[0]))
    theme, _ = read_template(template)
    assert (deck.slide_width, deck.slide_height) == (round(theme.width * 12700), round(theme.height * 12700))
    article = plan_article(SEED, Options(template=template))
    planned = article.deck_job(render=False).plan()
    assert titles(deck) == [s.title for s in planned.slides]  # nothing of the template's own
    assert not any("example" in t.lower() or "Welcome" in t for t in titles(deck))
    layouts = [s.slide_layout.name for s in deck.slides]
    assert layouts[0] == "Title Slide"
    assert layouts.count("Title and Content") >= 6
    _assert_sound_package(result.outputs[0])


def test_a_missing_layout_falls_back_with_a_warning(campus_16x9, tmp_path):
    options = Options(out=tmp_path, template=campus_16x9, defaults={"section_headers": "on"})
    result = build_article(SEED, options)
    assert any("no 'Section Header' layout: using 'Title Only'" in w.message for w in result.warnings)
    deck = Presentation(str(result.outputs[0]))
    sections = [s for s in deck.slides if s.shapes.title.text_frame.text.startswith("Part ")]
    assert {s.slide_layout.name for s in sections} == {"Title Only"}


def test_the_template_fonts_are_measured_with_their_metric_twins(school_4x3, campus_16x9):
    school, _ = read_template(school_4x3)
    assert (school.heading.name, school.sans.name) == ("Liberation Sans", "Liberation Sans")
    assert not school.title_bold and school.width == 720 and school.height == 540
    campus, _ = read_template(campus_16x9)
    assert (campus.heading.name, campus.sans.name) == ("Caladea", "Carlito")
    assert campus.title_bold and round(campus.width) == 960


def test_text_is_set_at_measured_sizes_in_the_templates_fonts(school_4x3, tmp_path):
    deck = Presentation(str(build_with(school_4x3, tmp_path).outputs[0]))
    for slide in deck.slides:
        for shape in slide.placeholders:
            for p in shape.text_frame.paragraphs:
                for run in p.runs:
                    assert run.font.size is not None and run.font.size >= Pt(12)
                    assert run.font.name is None  # the template's theme font, inherited


def test_an_unknown_template_font_is_a_warning_and_more_room(school_4x3, tmp_path):
    prs = Presentation(str(school_4x3))
    set_fonts(prs, "Gill Sans Nova", "Gill Sans Nova")
    path = tmp_path / "odd.pptx"
    prs.save(str(path))
    theme, warnings = read_template(path)
    assert any("'Gill Sans Nova' has no metric-compatible free font" in w.message for w in warnings)
    assert theme.slack > DEFAULT_THEME.slack


@pytest.mark.render
@pytest.mark.parametrize("name", ["school_4x3", "campus_16x9"])
def test_a_template_deck_has_no_character_outside_its_shape(name, request, tmp_path):
    result = build_with(request.getfixturevalue(name), tmp_path)
    assert overflowing_characters(result.outputs[0], tmp_path / "render") == []


def test_template_from_the_command_line_and_course_toml(school_4x3, tmp_path, capsys):
    assert main(["build", str(SEED), "--out", str(tmp_path / "a"), "--template", str(school_4x3), "-q"]) == 0
    assert Presentation(str(tmp_path / "a" / "article.pptx")).slide_width == Inches(10)
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "intro.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "course.toml").write_text(f'template = "{school_4x3}"\n')
    assert main(["build", str(folder), "--out", str(tmp_path / "b"), "-q"]) == 0
    assert Presentation(str(tmp_path / "b" / "intro.pptx")).slide_width == Inches(10)
    assert (
        main(["build", str(SEED), "--template", str(tmp_path / "missing.pptx"), "--out", str(tmp_path)]) == 1
    )
    assert "no such template" in capsys.readouterr().err
    assert main(["build", str(SEED), "--template", str(SEED)]) == 2


# -- lecturekit's own theme ------------------------------------------------------------------------------------------


def test_the_builtin_template_matches_the_theme():
    """themes/lecture.pptx is made from deck/theme.py by scripts/make-theme; they must agree."""
    theme, warnings = read_template(BUILTIN_TEMPLATE)
    assert warnings == []
    for box in ("title", "body", "footer", "number", "hero_title", "hero_subtitle", "section"):
        assert getattr(theme, box) == pytest.approx(getattr(DEFAULT_THEME, box)), box
    assert (theme.width, theme.height) == (DEFAULT_THEME.width, DEFAULT_THEME.height)
    assert theme.layout_names == DEFAULT_THEME.layout_names
    assert theme.accent == DEFAULT_THEME.accent and theme.text == DEFAULT_THEME.text


def test_every_text_colour_of_the_theme_has_contrast_on_its_fill():
    """WCAG AA: 4.5:1 for text. Bullets, numbers and the quote mark are text in the accent colour."""
    theme = DEFAULT_THEME
    pairs = {
        "titles and body on white": (theme.text, theme.background),
        "subtitle, details, footer on white": (theme.muted, theme.background),
        "section titles on the accent": (theme.on_accent, theme.accent),
        "numbers, quote mark, links on white": (theme.accent, theme.background),
    }
    for name, (fore, back) in pairs.items():
        assert contrast(fore, back) >= 4.5, name


@pytest.mark.parametrize("accent", ["FFD700", "7FDBFF", "1D5B8C", "9E2A2B"])
def test_any_accent_keeps_section_titles_readable(accent):
    theme, _ = deck_theme(accent, None)
    assert theme.accent == accent
    assert contrast(theme.on_accent, theme.accent) >= 4.5


def test_the_accent_reaches_the_deck_and_a_light_one_darkens_section_titles(tmp_path):
    article = tmp_path / "gold.md"
    article.write_text(
        "---\ntitle: Gold\naccent: '#FFD700'\nsection_headers: on\n---\n## One\n\nThe state approves every venture.\n\n## Two\n\nPrivate markets have grown since 2000.\n"
    )
    result = build_article(article, Options(out=tmp_path))
    with zipfile.ZipFile(result.outputs[0]) as package:
        theme_xml = package.read("ppt/theme/theme1.xml").decode()
        assert '<a:accent1><a:srgbClr val="FFD700"/>' in theme_xml
    deck = Presentation(str(result.outputs[0]))
    section = next(s for s in deck.slides if s.shapes.title.text_frame.text.startswith("Part 1"))
    assert f'<a:srgbClr val="{DEFAULT_THEME.text}"/>' in section.shapes.title._element.xml


@pytest.mark.parametrize("accent", ["FFD700", "7FDBFF", "1D5B8C", "000000", "FFFFFF"])
def test_accent_text_on_the_background_is_readable_whatever_the_accent(accent):
    theme = DEFAULT_THEME.with_accent(accent)
    assert contrast(theme.accent_ink, theme.background) >= 4.5
    assert theme.accent_ink == accent or contrast(accent, theme.background) < 4.5  # unchanged when readable
    assert contrast(readable(accent, WHITE, "000000"), WHITE) >= 4.5


def test_a_light_accent_is_darkened_where_it_is_text(tmp_path):
    """Numbers, the quote mark and links in a gold accent would be unreadable on white."""
    article = tmp_path / "gold.md"
    article.write_text(
        "---\ntitle: Gold\naccent: '#FFD700'\n---\n## One\n\n1. First\n2. Second\n\n> A quote.\n\n"
        "Why does it matter?\n"
    )
    result = build_article(article, Options(out=tmp_path))
    ink = DEFAULT_THEME.with_accent("FFD700").accent_ink
    with zipfile.ZipFile(result.outputs[0]) as package:
        theme_xml = package.read("ppt/theme/theme1.xml").decode()
        slides = "".join(
            package.read(n).decode() for n in package.namelist() if n.startswith("ppt/slides/slide")
        )
    assert f'<a:hlink><a:srgbClr val="{ink}"/>' in theme_xml
    assert f'<a:buClr><a:srgbClr val="{ink}"/></a:buClr>' in slides  # the list's numbers
    assert 'schemeClr val="accent1"' not in slides
    with pdfplumber.open(result.outputs[1]) as pdf:
        colours = {c["non_stroking_color"] for c in pdf.pages[0].chars}
    for colour in colours:
        rgb = "".join(f"{round(v * 255):02X}" for v in (colour if len(colour) == 3 else colour * 3))
        assert contrast(rgb, WHITE) >= 4.5, rgb


@pytest.mark.parametrize("name", ["school_4x3", "campus_16x9"])
def test_the_test_templates_have_readable_text(name, request):
    theme, _ = read_template(request.getfixturevalue(name))
    assert contrast(theme.text, theme.background) >= 4.5


def _assert_sound_package(path: Path) -> None:
    """Every relationship points at a part that exists and every part has a content type: what
    PowerPoint checks before it offers to repair a file."""
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
        types = ElementTree.fromstring(package.read("[Content_Types].xml"))
        overrides = {o.get("PartName").lstrip("/") for o in types if o.tag.endswith("Override")}
        defaults = {d.get("Extension") for d in types if d.tag.endswith("Default")}
        for name in names:
            if not name.endswith("/"):
                assert name in overrides or name.rsplit(".", 1)[-1] in defaults, name
        for rels in (n for n in names if n.endswith(".rels")):
            folder = rels.replace("_rels/", "").removesuffix(".rels").rsplit("/", 1)[0] if "/" in rels else ""
            for rel in ElementTree.fromstring(package.read(rels)):
                if rel.get("TargetMode") == "External":
                    continue
                target = rel.get("Target")
                resolved = target.lstrip("/") if target.startswith("/") else _join(folder, target)
                assert resolved in names, (rels, target)
        presentation = package.read("ppt/presentation.xml").decode()
        slide_rels = package.read("ppt/_rels/presentation.xml.rels").decode()
        for rid in re.findall(r'<p:sldId [^>]*r:id="(rId\d+)"', presentation):
            assert f'Id="{rid}"' in slide_rels


def _join(folder: str, target: str) -> str:
    parts = [p for p in folder.split("/") if p] if folder else []
    for piece in target.split("/"):
        if piece == "..":
            parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


@pytest.mark.parametrize(
    ("dropped", "part", "pattern"),
    [
        ("p:sldSz", "ppt/presentation.xml", rb"<p:sldSz[^>]*/>"),
        ("p:txStyles", "ppt/slideMasters/slideMaster1.xml", rb"<p:txStyles>.*?</p:txStyles>"),
    ],
)
def test_a_template_missing_a_part_is_one_clear_error(dropped, part, pattern, tmp_path):
    """A template without its slide size or its master's text styles is refused by name, not
    met with a traceback."""
    broken = tmp_path / "broken.pptx"
    with zipfile.ZipFile(BUILTIN_TEMPLATE) as source, zipfile.ZipFile(broken, "w") as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == part:
                data, count = re.subn(pattern, b"", data, flags=re.S)
                assert count == 1
            target.writestr(entry, data)
    with pytest.raises(LessonError, match=f"not a PowerPoint template lecturekit can read .*{dropped}"):
        read_template(broken)


def test_a_template_without_a_second_level_margin_indents_it_27_points_past_the_first(tmp_path):
    """PowerPoint's own default: the second level's text starts 342900 EMU (27 pt) past the first's."""
    plain_master = tmp_path / "plain.pptx"
    part = "ppt/slideMasters/slideMaster1.xml"
    with zipfile.ZipFile(BUILTIN_TEMPLATE) as source, zipfile.ZipFile(plain_master, "w") as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == part:
                body = data.index(b"<p:bodyStyle>")
                level2 = data.index(b"<a:lvl2pPr", body)
                end = data.index(b">", level2)
                head = re.sub(rb' marL="\d+"', b"", data[level2:end])
                data = data[:level2] + head + data[end:]
            target.writestr(entry, data)
    theme, _ = read_template(plain_master)
    builtin, _ = read_template(BUILTIN_TEMPLATE)
    assert theme.first_indent == builtin.first_indent
    assert theme.indent == pytest.approx(27.0)
