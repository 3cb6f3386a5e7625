"""The seed deck and small decks, reopened with python-pptx: what a lecturer gets."""

from __future__ import annotations

import hashlib
import re

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu, Pt

from lecturekit.language.condense.sentence import MAX, SLACK
from lecturekit.model.lesson import Heading, Paragraph, plain
from lecturekit.model.reader import read_article
from lecturekit.pipeline.build import Options, build_article

from .helpers import FIXTURES, SEED

CONTENT_LAYOUTS = ("Title and Content", "Title Only")


def title_of(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def notes_of(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def body_of(slide):
    for shape in slide.placeholders:
        if shape.placeholder_format.type == PP_PLACEHOLDER.OBJECT:
            return shape
    return None


def text_of(slide):
    """Return the shape that holds a content slide's text: its body, or a statement's text box."""
    return body_of(slide) or next(s for s in slide.shapes if s.name.startswith("Statement"))


def build(tmp_path, markdown: str, name: str = "lecture.md"):
    article = tmp_path / name
    article.write_text(markdown, encoding="utf-8")
    result = build_article(article, Options(out=tmp_path / "out"))
    return Presentation(str(result.outputs[0])), result


def test_deck_is_16_by_9(seed_deck):
    assert (seed_deck.slide_width, seed_deck.slide_height) == (Pt(960), Pt(540))


def test_every_slide_has_a_unique_title_in_its_title_placeholder(seed_deck):
    titles = [title_of(slide) for slide in seed_deck.slides]
    assert all(t.strip() for t in titles), titles
    assert len(set(titles)) == len(titles), titles


def test_every_slide_has_speaker_notes(seed_deck):
    for slide in seed_deck.slides:
        assert notes_of(slide).strip(), title_of(slide)


def test_no_slide_has_more_than_six_bullets_and_no_bullet_runs_on(seed_deck):
    """At most six bullets a slide (a bullet with its sub-bullets, half a bullet each); a bullet
    aims at 14 words and takes up to 20, and SLACK more rather than lose a fact to a cut."""
    for slide in seed_deck.slides:
        body = body_of(slide)
        if body is None:
            continue
        paragraphs = [p for p in body.text_frame.paragraphs if p.text.strip()]
        weight = sum(1 if p.level == 0 else 0.5 for p in paragraphs)
        assert weight <= 6, title_of(slide)
        drawn_from_paragraphs = not title_of(slide).startswith(("Agenda", "Discussion", "Sources"))
        if drawn_from_paragraphs:
            for p in paragraphs:
                assert len(p.text.split()) <= MAX + SLACK, p.text


def test_notes_hold_exactly_the_paragraphs_whose_bullets_the_slide_shows(seed_deck):
    lesson = read_article(SEED)
    paragraphs = [plain(b.inlines) for s in lesson.sections for b in s.blocks if isinstance(b, Paragraph)]
    headings = [plain(b.inlines) for s in lesson.sections for b in s.blocks if isinstance(b, Heading)]
    slides = list(
        seed_deck.slides
    )  # a short subheading is a bullet over its claims: its line is in the notes
    for paragraph in paragraphs:
        assert any(paragraph in notes_of(s) for s in slides), f"not in any notes: {paragraph[:60]}"
    for slide in slides:
        body = body_of(slide)
        if body is None or title_of(slide).startswith(
            ("Agenda", "Learning outcomes", "Discussion", "Sources")
        ):
            continue
        for bullet in body.text_frame.paragraphs:
            words = set(re.findall(r"\w+", bullet.text.lower())) - {"nosotek"}  # a referent brought in
            sources = [p for p in paragraphs + headings if words <= set(re.findall(r"\w+", p.lower()))]
            assert any(p in notes_of(slide) for p in sources), (title_of(slide), bullet.text)
        shown = [p for p in paragraphs if p in notes_of(slide)]
        bullets = " ".join(p.text for p in body.text_frame.paragraphs)
        for paragraph in shown:  # no paragraph in the notes that the slide shows nothing of
            assert set(re.findall(r"\w+", bullets)) & set(re.findall(r"\w{5,}", paragraph)), paragraph[:60]


def test_sizes_are_explicit_and_never_below_the_minimums(seed_deck):
    for slide in seed_deck.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            assert "normAutofit" not in shape._element.xml  # auto-fit only applies after an edit
            is_title = shape == slide.shapes.title
            is_body = shape.is_placeholder and shape.placeholder_format.type == PP_PLACEHOLDER.OBJECT
            for p in shape.text_frame.paragraphs:
                for run in p.runs:
                    assert run.font.size is not None, run.text
                    if is_title:
                        assert run.font.size >= Pt(32), (title_of(slide), run.text)
                    if is_body:
                        assert run.font.size >= Pt(20), run.text


def test_content_slides_have_footer_and_slide_number(seed_deck):
    for slide in seed_deck.slides:
        if slide.slide_layout.name not in CONTENT_LAYOUTS:
            continue
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert "Entrepreneurship and the State · What It’s Like Having A Startup In North Korea" in texts
        assert any('type="slidenum"' in s._element.xml for s in slide.shapes if s.has_text_frame)


def test_core_properties_are_set(seed_deck):
    props = seed_deck.core_properties
    assert props.title == "What It’s Like Having A Startup In North Korea"
    assert props.author == "Dr A. N. Other"
    assert props.subject == "Entrepreneurship in a centralised economy"
    assert props.language == "en-GB"
    assert props.created.date().isoformat() == "2026-11-28"


def test_slide_sequence_of_the_seed(seed_deck):
    """Title, agenda, learning outcomes, the parts, discussion, sources: a header slide only for
    a long part after the first, and only while the slides without article text stay a third."""
    titles = [title_of(slide) for slide in seed_deck.slides]
    assert titles[0] == "What It’s Like Having A Startup In North Korea"
    assert titles[1] == "Agenda"
    assert titles[2] == "Learning outcomes"
    assert titles[3] == "Introduction"
    assert "Part 1\nIntroduction" not in titles  # the agenda has just announced it
    assert not any(t.startswith("Part 2") for t in titles)  # a part of two slides
    frame = [t for t in titles if t.startswith(("Agenda", "Learning", "Part ", "Discussion", "Sources"))]
    assert frame == ["Agenda", "Learning outcomes", "Discussion", "Sources"]  # a short lecture: no headers
    assert "Noko Jeans" not in titles  # a subheading over a claim or two shares its part's slide
    assert titles[-1] == "Sources"
    conclusion = next(s for s in seed_deck.slides if title_of(s) == "Conclusion")
    # one claim, its concession under it: "Although not your typical venture deals"
    assert (
        "North Korea does have a business scene at an embryonic level" in text_of(conclusion).text_frame.text
    )
    discussion = " ".join(
        body_of(s).text_frame.text for s in seed_deck.slides if title_of(s).startswith("Discussion")
    )
    assert (
        "Do the two phenomena necessarily need to work together to create a prosperous nation?" in discussion
    )
    assert "Linkilaw Business News" in body_of(seed_deck.slides[-1]).text_frame.text


def test_inline_formatting_becomes_runs_and_links(tmp_path):
    deck, _ = build(
        tmp_path,
        "# Formats\n\n## Part\n\nA **bold** claim, *stressed*, `code()` and [a source](https://example.org).\n",
    )
    body = text_of(next(s for s in deck.slides if title_of(s) == "Part"))
    runs = {run.text: run for p in body.text_frame.paragraphs for run in p.runs}
    assert "*" not in body.text_frame.text and "`" not in body.text_frame.text
    assert runs["bold"].font.bold
    assert runs["stressed"].font.italic
    assert runs["code()"].font.name == "Courier New"
    assert runs["a source"].hyperlink.address == "https://example.org"


def test_unsafe_link_schemes_are_not_made_clickable(tmp_path):
    deck, _ = build(tmp_path, "## Part\n\nA [trap](javascript:alert(1)) here.\n")
    body = text_of(deck.slides[1])
    assert all(run.hyperlink.address is None for p in body.text_frame.paragraphs for run in p.runs)


def test_picture_gets_its_markdown_alt_text(tmp_path):
    (tmp_path / "pixel.png").write_bytes((FIXTURES / "reader" / "pixel.png").read_bytes())
    deck, _ = build(tmp_path, "## Figure\n\n![Unjong zone, a map](pixel.png)\n")
    pictures = [s for slide in deck.slides for s in slide.shapes if s.shape_type == 13]
    assert [p._element.nvPicPr.cNvPr.get("descr") for p in pictures] == ["Unjong zone, a map"]
    picture = pictures[0]
    assert picture.width / picture.height == pytest.approx(40 / 30, rel=0.01)
    assert Emu(picture.left + picture.width) <= Pt(960)


def test_building_twice_gives_the_same_bytes(tmp_path, seed_build):
    again = build_article(SEED, Options(out=tmp_path))
    for first, second in zip(seed_build.outputs, again.outputs, strict=True):
        assert hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest(), (
            first.name
        )
