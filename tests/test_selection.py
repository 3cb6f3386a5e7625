"""A lecture has a length (lecturekit/language/selection.py): a budget of content slides from the
text's words and the lecture's minutes, and the claims that matter most chosen to fill it; the
notes keep every paragraph."""

from __future__ import annotations

import pytest
from pptx import Presentation

from lecturekit.errors import LessonError
from lecturekit.language.points import article_points
from lecturekit.language.segment import segment
from lecturekit.language.selection import Length, slide_budget
from lecturekit.model.lesson import paragraphs, plain
from lecturekit.model.reader import read_article
from lecturekit.pipeline.build import Options, build_article
from lecturekit.stats.deckstats import deck_stats, read_slides

from .helpers import FIXTURES, SEED


@pytest.mark.parametrize(
    ("words", "length", "budget"),
    [
        (598, Length(), 5),  # a short report: a handful of slides
        (1200, Length(), 8),
        (2000, Length(), 12),  # a full lecture
        (4500, Length(), 20),  # a paper: about what its authors make, within 50 minutes
        (9000, Length(), 20),  # no text gives more than the lecture's length allows
        (2000, Length(minutes=15), 6),
        (100, Length(), 3),  # any lecture has a few slides
        (2000, Length(slides=7), 7),
        (2000, Length(slides="all"), None),  # every claim, as before
    ],
)
def test_the_slide_budget_comes_from_the_words_and_the_minutes(words, length, budget):
    assert slide_budget(words, length) == budget


@pytest.mark.parametrize("name", ["wilson-organizational-change", "18f-open-source-policy"])
def test_the_chosen_claims_fill_the_budget_part_by_part_in_the_texts_order(name):
    lesson = segment(read_article(FIXTURES / "articles" / f"{name}.md"))
    points = article_points(lesson)
    points.select(lesson, Length(50, None))
    assert points.chosen is not None and points.budget is not None
    shown = [p for paragraph in points.chosen.values() for p in paragraph]
    assert points.budget // 2 * 4 <= len(shown) <= points.budget * 4 + len(lesson.sections)
    every = [
        p.sentence for _, _, found in (x for s in lesson.sections for x in points.section(s)) for p in found
    ]
    order = [every.index(p.sentence) for p in shown]
    assert order == sorted(order)  # the text's order
    for section in lesson.sections:  # every part with claims shows one
        mine = [found for _, paragraph, found in points.section(section) if found]
        if mine:
            assert any(paragraph.inlines in points.chosen for _, paragraph, _ in points.section(section))


def _lecture(tmp_path, front: str):
    text = SEED.read_text(encoding="utf-8").replace("\n---\n", f"\n{front}\n---\n", 1)
    article = tmp_path / "lecture.md"
    article.write_text(text, encoding="utf-8")
    return article


def test_a_lecture_with_minutes_is_shorter_and_its_notes_keep_every_paragraph(tmp_path):
    every = build_article(SEED, Options(out=tmp_path / "all", slides="all")).outputs[0]
    article = _lecture(tmp_path, "minutes: 50")
    deck = build_article(article, Options(out=tmp_path / "lecture")).outputs[0]
    assert len(read_slides(deck)) < len(read_slides(every))
    stats = deck_stats(article, deck)
    assert stats.pronouns == 0 and not stats.changed and not stats.dropped
    notes = " ".join(
        " ".join(s.notes_slide.notes_text_frame.text.split()) for s in Presentation(str(deck)).slides
    )
    lesson = read_article(article)
    for section in lesson.sections:
        for block in section.blocks:
            for paragraph in paragraphs(block):
                assert " ".join(plain(paragraph.inlines).split()) in notes


def test_slides_on_the_command_line_override_the_article(tmp_path):
    article = _lecture(tmp_path, "slides: all")
    every = build_article(article, Options(out=tmp_path / "a")).outputs[0]
    fewer = build_article(article, Options(out=tmp_path / "b", slides=3)).outputs[0]
    assert len(read_slides(fewer)) < len(read_slides(every))


@pytest.mark.parametrize(
    ("front", "message"), [("slides: many", "'slides' must be"), ("minutes: 3", "'minutes' must be")]
)
def test_a_lecture_length_that_makes_no_sense_is_one_clear_error(tmp_path, front, message):
    with pytest.raises(LessonError, match=message):
        build_article(_lecture(tmp_path, front), Options(out=tmp_path / "out"))


def test_a_text_that_repeats_itself_still_gets_a_lecture_of_its_budget(tmp_path):
    """Paragraphs repeated word for word (a text pasted twice, a benchmark's long text) share
    their claims: the chosen claims are not multiplied by the copies, nor the slides with them."""
    front, body = SEED.read_text(encoding="utf-8").split("\n---\n", 1)
    article = tmp_path / "ten.md"
    article.write_text(f"{front}\n---\n{body * 10}", encoding="utf-8")
    lesson = segment(read_article(article))
    points = article_points(lesson)
    points.select(lesson, Length(50, None))
    assert points.chosen is not None and points.budget is not None
    assert all(len(set(found)) == len(found) for found in points.chosen.values())
    deck = build_article(article, Options(out=tmp_path / "out")).outputs[0]
    content = [s for s in read_slides(deck) if s.kind not in ("title", "section", "ceremony")]
    assert len(content) <= 2 * points.budget, (len(content), points.budget)


def test_a_lecture_its_length_caps_leaves_the_smallest_parts_and_lists_without_room_to_the_notes(tmp_path):
    """Twelve parts, each with a list, in a ten-minute lecture: four content slides, not one a
    part and one a list; the notes keep every paragraph and every item."""
    parts = []
    for n in range(12):
        claims = " ".join(
            f"Soil type {n} holds water for {d} days in a dry summer." for d in range(3 + n % 4)
        )
        parts.append(
            f"## Soil type {n}\n\n{claims}\n\nIts layers are these:\n\n- topsoil {n}\n- subsoil {n}\n- bedrock {n}\n"
        )
    article = tmp_path / "soils.md"
    article.write_text("---\ntitle: Soils\nminutes: 10\n---\n" + "\n".join(parts), encoding="utf-8")
    deck = build_article(article, Options(out=tmp_path / "out")).outputs[0]
    budget = slide_budget(sum(len(p.split()) for p in parts), Length(10))
    assert budget == 4
    slides = Presentation(str(deck)).slides
    content = [s for s in slides if s.shapes.title.text_frame.text.startswith("Soil type")]
    assert len(content) <= budget + 1, [s.shapes.title.text_frame.text for s in content]
    notes = " ".join(" ".join(s.notes_slide.notes_text_frame.text.split()) for s in slides)
    for n in range(12):
        assert f"bedrock {n}" in notes and f"Soil type {n} holds water for 0 days" in notes


def test_a_subheading_whose_claims_a_short_lecture_leaves_out_is_no_bare_bullet(tmp_path):
    """Twelve short subheadings in a two-slide lecture: the ones with nothing shown under them are
    read from the notes, never left on a slide as a heading over nothing."""
    parts = "".join(f"### Kind {n}\n\nKind {n} soils drain water in {n + 2} days.\n\n" for n in range(12))
    article = tmp_path / "kinds.md"
    intro = (
        "## Intro\n\nSoils differ in many ways that matter to farmers. They drain at different speeds.\n\n"
    )
    article.write_text(f"---\ntitle: Soils\nslides: 2\n---\n{intro}## Soils\n\n{parts}", encoding="utf-8")
    deck = Presentation(str(build_article(article, Options(out=tmp_path / "out")).outputs[0]))
    for slide in list(deck.slides)[
        2:-1
    ]:  # the content slides: after the title and the agenda, before the sources
        lines = [
            p.text.strip()
            for shape in slide.shapes
            if shape.has_text_frame and shape != slide.shapes.title
            for p in shape.text_frame.paragraphs
            if p.text.strip()
        ]
        for k, line in enumerate(lines):
            if line.startswith("Kind ") and len(line.split()) == 2:
                assert k + 1 < len(lines) and not (
                    lines[k + 1].startswith("Kind ") and len(lines[k + 1].split()) == 2
                ), lines
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in deck.slides)
    assert all(f"Kind {n}" in notes for n in range(12))


def test_a_reading_list_stays_in_the_notes_and_names_no_slide(tmp_path):
    """A list of links ("Other resources we used:") points elsewhere: no slide shows it or is
    titled by it, and the notes keep it."""
    guides = "".join(f"- [Style Guide {n}](https://example.org/{n})\n" for n in range(4))
    article = tmp_path / "style.md"
    article.write_text(
        "---\ntitle: Inclusive language\n---\n## Introduction\n\nImpact matters more than intent in writing. "
        "Words build trust with readers or break it.\n\nOther resources we used:\n\n"
        + guides
        + "\n## Age\n\n"
        "Avoid referring to age unless it is relevant. Prefer older person to elderly.\n",
        encoding="utf-8",
    )
    slides = Presentation(str(build_article(article, Options(out=tmp_path / "out")).outputs[0])).slides
    shown = " ".join(shape.text_frame.text for s in slides for shape in s.shapes if shape.has_text_frame)
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in slides if s.has_notes_slide)
    assert "Style Guide" not in shown
    assert all(f"Style Guide {n}" in notes for n in range(4))


def _bullets(deck) -> list[str]:
    """Return the lines of every slide's body, in order."""
    return [
        p.text
        for s in Presentation(str(deck)).slides
        for shape in s.placeholders
        if shape.has_text_frame and shape.placeholder_format.idx == 1
        for p in shape.text_frame.paragraphs
    ]


def test_a_claim_cut_before_its_end_or_pointing_at_people_left_out_is_shown_only_for_want_of_others(tmp_path):
    """A bullet that ends in "…" or says "them" of people a slide leaves out reads wrong; a part
    with whole, self-standing claims shows those."""
    long = (
        "For it is a fire that kindling its first embers in the narrow nook of a private bosom, caught from a "
        "wandering spark out of another private heart, glows and enlarges until it warms and beams upon "
        "multitudes of men and women, upon the universal heart of all, and so lights up the whole world."
    )
    whole = " ".join(f"Love number {n} changes the way a young person sees the world." for n in range(6))
    article = tmp_path / "love.md"
    article.write_text(
        f"---\ntitle: Love\n---\n## Love\n\n{long} Perhaps we never saw them before. {whole}\n",
        encoding="utf-8",
    )
    shown = _bullets(build_article(article, Options(out=tmp_path / "out")).outputs[0])
    assert not [b for b in shown if b.endswith("…") or "them" in b], shown
    assert any(b.startswith("Love number") for b in shown), shown


def test_a_part_with_one_slide_shows_what_its_opening_says_before_its_subheadings(tmp_path):
    """The part's own opening says what it is about; a subheading's detail comes only if room."""
    sub = "".join(
        f"### Detail {n}\n\nThe row index number {n} repeats after stacking two frames of survey data. "
        f"Reset index {n} renumbers every row of the stacked frame from zero.\n\n"
        for n in range(3)
    )
    article = tmp_path / "merge.md"
    article.write_text(
        "---\ntitle: Merging\nslides: 2\n---\n## Why combine\n\nData often come in several files. "
        "Pandas combines them in two ways.\n\n## Concatenating DataFrames\n\nThe concat function appends "
        "the rows of one DataFrame to another. Concatenation needs the same columns in both frames.\n\n"
        + sub,
        encoding="utf-8",
    )
    slides = Presentation(str(build_article(article, Options(out=tmp_path / "out")).outputs[0])).slides
    shown = " ".join(
        shape.text_frame.text for s in slides for shape in s.placeholders if shape.has_text_frame
    )
    assert "The concat function appends" in shown, shown


def test_a_list_said_again_word_for_word_is_shown_once(tmp_path):
    duties = "".join(f"- Duty {n} of every interviewer on the panel\n" for n in range(4))
    article = tmp_path / "roles.md"
    article.write_text(
        "---\ntitle: Interviews\n---\n## Back-end\n\nBack-end candidates talk about data stores and queues. "
        f"They explain one system they built.\n\nThe interviewers:\n\n{duties}\n## Front-end\n\nFront-end "
        f"candidates talk about browsers and layout. They explain one page they built.\n\nThe interviewers:\n\n{duties}",
        encoding="utf-8",
    )
    shown = _bullets(build_article(article, Options(out=tmp_path / "out")).outputs[0])
    assert shown.count("Duty 0 of every interviewer on the panel") == 1, shown
