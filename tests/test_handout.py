"""The handout PDF, read back: what students print and lecturers lead the discussion from."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape

import pdfplumber
import pytest
from pypdf import PdfReader

from lecturekit.handouts.plan import HandoutOptions
from lecturekit.language.points import article_points
from lecturekit.language.segment import segment
from lecturekit.model.lesson import plain
from lecturekit.model.reader import read_article
from lecturekit.pipeline.build import Options, build_article
from lecturekit.questions.discussion import discussion_questions

from .helpers import SEED

MM = 72 / 25.4


def page_texts(path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [_normal(page.extract_text() or "") for page in pdf.pages]


def _normal(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def answer_rules(page) -> list:
    """Return the ruled answer lines of a pdfplumber page: horizontal, indented under the number.

    The running header's rule and the title's rule start at the margin; answer lines start
    further in.
    """
    return [
        ln
        for ln in page.lines
        if abs(ln["top"] - ln["bottom"]) < 0.5 and ln["width"] > 300 and ln["x0"] > 25 * MM
    ]


def questions_part(path) -> str:
    text = " ".join(page_texts(path))
    start = text.index("Discussion questions")
    return text[start : text.rindex("Source")]


@pytest.fixture(scope="session")
def handout(seed_build):
    return seed_build.outputs[1]


@pytest.fixture(scope="session")
def questions():
    return discussion_questions(segment(read_article(SEED))).questions


def test_every_question_appears_exactly_once_and_the_decks_are_among_them(handout, questions, seed_deck):
    part = questions_part(handout)
    positions = []
    for number, question in enumerate(questions, start=1):
        assert part.count(question.text) == 1, question.text
        positions.append(part.index(f"{number}. {question.text}"))
    assert positions == sorted(positions)
    shown = []
    for slide in seed_deck.slides:
        if slide.shapes.title.text_frame.text.startswith("Discussion"):
            body = next(s for s in slide.placeholders if s.placeholder_format.idx == 1)
            shown += [p.text for p in body.text_frame.paragraphs if p.text]
    assert 3 <= len(shown) <= 5  # one discussion slide: the best; the handout has all of them
    assert all(part.count(text) == 1 for text in shown)


def test_the_first_page_carries_the_learning_outcomes(handout):
    first = page_texts(handout)[0]
    assert "By the end of this lecture you can:" in first
    assert "Compare Noko Jeans and Nosotek" in first
    assert first.index("Learning outcomes") < first.index("In this lecture")


def test_section_headings_in_order_with_their_key_points(handout):
    text = " ".join(page_texts(handout))
    lesson = read_article(SEED)
    positions = [
        text.index(f"{n} {plain(s.title)} Key points") for n, s in enumerate(lesson.sections, start=1)
    ]
    assert positions == sorted(positions)
    for section in lesson.sections:
        for _, _, points in article_points(lesson).section(section):
            for point in points:
                assert " ".join(plain(point.inlines).split()) in text


def test_first_page_has_course_title_lecturer_date_and_overview(handout):
    first = page_texts(handout)[0]
    for part in (
        "Entrepreneurship and the State",
        "What It’s Like Having A Startup In North Korea",
        "Entrepreneurship in a centralised economy",
        "Dr A. N. Other",
        "28 November 2026",
        "In this lecture",
        "1 Introduction",
        "4 Conclusion",
    ):
        assert part in first, part


def test_running_header_and_page_x_of_y_after_the_first_page(handout):
    pages = page_texts(handout)
    assert "Page 1 of" not in pages[0]
    for number, text in enumerate(pages[1:], start=2):
        assert text.startswith(
            "Entrepreneurship and the State · What It’s Like Having A Startup In North Korea"
        )
        assert text.endswith(f"Page {number} of {len(pages)}")


def test_metadata_language_outline_and_title_window(handout):
    reader = PdfReader(handout)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    info = reader.metadata
    assert info.title == "What It’s Like Having A Startup In North Korea"
    assert info.author == "Dr A. N. Other"
    assert info.subject == "Entrepreneurship in a centralised economy"
    outline = [item.title for item in _flatten(reader.outline)]
    for entry in (
        "1. Introduction",
        "2. What Is Holding Startups Back?",
        "3. North Korea’s Silicon Valley",
        "Noko Jeans",
        "Nosotek",
        "4. Conclusion",
        "Discussion questions",
        "Source",
    ):
        assert entry in outline, entry


def _flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from _flatten(item)
        else:
            yield item


def test_every_font_is_embedded_and_none_is_standard_14(handout):
    reader = PdfReader(handout)
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]


def test_no_character_within_6_mm_of_a_page_edge(handout):
    with pdfplumber.open(handout) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                assert char["x0"] >= 6 * MM and char["x1"] <= page.width - 6 * MM
                assert char["top"] >= 6 * MM and char["bottom"] <= page.height - 6 * MM


def test_qpdf_finds_no_fault(handout):
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        import os

        if os.environ.get("CI"):
            pytest.fail("qpdf is required in CI: .ci/run installs it")
        pytest.skip("qpdf not installed (runs in CI)")
    done = subprocess.run([qpdf, "--check", str(handout)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_headings_are_never_last_on_a_page(handout):
    lesson = read_article(SEED)
    headings = [f"{n} {plain(s.title)}" for n, s in enumerate(lesson.sections, start=1)] + [
        "Discussion questions"
    ]
    for text in page_texts(handout):
        body = re.sub(r" Page \d+ of \d+$", "", text)
        for heading in headings:
            assert not body.endswith(heading)


def test_a_question_is_never_parted_from_its_answer_lines(handout, questions):
    with pdfplumber.open(handout) as pdf:
        for page in pdf.pages:
            text = _normal(page.extract_text())
            starts = sum(1 for n, q in enumerate(questions, 1) if f"{n}. {q.text[:30]}" in text)
            assert len(answer_rules(page)) == 4 * starts, (page.page_number, starts)


def build(tmp_path, **handout):
    return build_article(SEED, Options(out=tmp_path, handout=HandoutOptions(**handout)))


def test_letter_paper_no_reading_and_answer_lines(tmp_path):
    result = build(tmp_path, paper="letter", reading=False, answer_lines=2)
    path = result.outputs[1]
    with pdfplumber.open(path) as pdf:
        assert (round(pdf.pages[0].width), round(pdf.pages[0].height)) == (612, 792)
        rules = sum(len(answer_rules(p)) for p in pdf.pages)
    assert rules == 2 * result.questions
    text = " ".join(page_texts(path))
    assert "Reading" not in text
    assert "Here are some recent foreign-local joint ventures" not in text  # the reading is out
    assert "North Korea is not exactly known for its open approach to innovation" in text  # key points stay


def test_paper_from_front_matter(tmp_path):
    article = tmp_path / "letter.md"
    article.write_text(
        "---\ntitle: T\npaper: letter\nanswer_lines: 0\n---\n## A\n\nText here?\n", encoding="utf-8"
    )
    result = build_article(article, Options(out=tmp_path / "out"))
    with pdfplumber.open(result.outputs[1]) as pdf:
        assert round(pdf.pages[0].width) == 612
        assert not any(answer_rules(p) for p in pdf.pages)


def test_a_text_offering_few_questions_says_so_and_leaves_ruled_space_for_the_lecturers_own(tmp_path):
    article = tmp_path / "soil.md"
    article.write_text(
        "---\ntitle: Soil\n---\n## Soil\n\nSoil holds water between its grains. Roots take it up.\n",
        encoding="utf-8",
    )
    result = build_article(article, Options(out=tmp_path / "out"))
    blanks = 3 - result.questions
    assert blanks > 0
    text = questions_part(result.outputs[1])
    assert text.count("Your lecturer's question:") == blanks, text
    assert "the space below is for your lecturer's own" in text
    with pdfplumber.open(result.outputs[1]) as pdf:
        rules = sum(len(answer_rules(p)) for p in pdf.pages)
    assert rules == 4 * result.questions + 5 * blanks  # a line to write the question on, four to answer it
    html = unescape(result.outputs[2].read_text(encoding="utf-8"))
    assert html.count("Your lecturer's question:") == blanks


def test_instructor_edition_shows_bloom_levels_and_source_sentences(tmp_path, questions):
    result = build(tmp_path, instructor=True)
    assert [p.name for p in result.outputs] == [
        "article.pptx",
        "article-handout.pdf",
        "article-instructor.pdf",
        "article-handout.html",
        "article-instructor.html",
    ]
    text = " ".join(page_texts(result.outputs[2]))
    for question in questions:
        assert question.bloom.capitalize() in text
    assert "From the text: “The Institute for Peace and Unification Studies" in text
    assert "A good answer mentions: Three Swedish advertising professionals" in text
    student = " ".join(page_texts(result.outputs[1]))
    assert "From the text:" not in student and "A good answer" not in student


def test_article_text_is_shown_literally_never_interpreted(tmp_path):
    article = tmp_path / "tricky.md"
    article.write_text(
        "---\ntitle: Tags & <b>bold</b> {{ title }}\n---\n## A <font color=red>x</font>\n\n"
        "Use <script>alert(1)</script> & {% if x %}y{% endif %} and {{ 7*7 }} here.\n",
        encoding="utf-8",
    )
    result = build_article(article, Options(out=tmp_path / "out"))
    text = " ".join(page_texts(result.outputs[1]))
    assert "Tags & <b>bold</b> {{ title }}" in text
    assert "Use <script>alert(1)</script> & {% if x %}y{% endif %} and {{ 7*7 }} here." in text
    assert "<font color=red>x</font>" in text


def test_discussion_by_sections_ends_each_part_on_its_question_in_deck_and_handout(tmp_path):
    from pptx import Presentation

    article = tmp_path / "sections.md"
    article.write_text(SEED.read_text(encoding="utf-8").replace("---\n", "---\ndiscussion: sections\n", 1))
    result = build_article(article, Options(out=tmp_path / "out"))
    deck = Presentation(str(result.outputs[0]))
    titles = [s.shapes.title.text_frame.text for s in deck.slides]
    assert sum(t.startswith("Discuss: ") for t in titles) == 4 and "Discussion" not in titles
    assert titles[titles.index("Conclusion") + 1] == "Discuss: Conclusion"
    text = " ".join(page_texts(result.outputs[1]))
    assert text.count("Discuss ") >= 4
    for question in discussion_questions(segment(read_article(article))).questions:
        assert len(re.findall(r"\d+\. " + re.escape(question.text), text)) == 1, question.text  # asked once
