"""What a part offers a question: the concepts it names, each a phrase of its kind, as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from lecturekit.language.names import Names
from lecturekit.model.reader import parse_article
from lecturekit.questions.concepts import lecture_topic, section_concepts

from .helpers import SEED


@pytest.fixture(scope="module")
def seed_concepts() -> dict[str, list]:
    lesson = parse_article(SEED.read_text(encoding="utf-8"), SEED)
    names = Names(lesson)
    lecture = lecture_topic(lesson, names)
    return {section.title[0].text: section_concepts(section, names, lecture) for section in lesson.sections}


def _of(concepts, kind: str) -> list[dict]:
    return [c.slots for c in concepts if c.kind == kind]


def test_subheadings_are_cases_and_two_of_them_a_comparison(seed_concepts):
    part = seed_concepts["North Korea’s Silicon Valley"]
    assert [s["case"] for s in _of(part, "case")] == ["Noko Jeans", "Nosotek"]
    assert _of(part, "cases") == [
        {"first": "Noko Jeans", "second": "Nosotek", "topic": "North Korea’s Silicon Valley"}
    ]


def test_a_named_source_of_a_claim_is_a_source_whole_and_as_written(seed_concepts):
    sources = [s["source"] for s in _of(seed_concepts["Introduction"], "source")]
    assert "the Institute for Peace and Unification Studies in Seoul National University" in sources
    assert "Jukka-Pekka Heikkilä of Helsinki’s Aalto School of Business" in sources


def test_a_dubbed_name_is_a_term_and_a_heading_that_asks_is_a_question(seed_concepts):
    assert [s["term"] for s in _of(seed_concepts["Introduction"], "term")] == ["North Korea’s Silicon Valley"]
    heading = _of(seed_concepts["What Is Holding Startups Back?"], "heading")
    assert heading and heading[0]["question"] == "What Is Holding Startups Back?"


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The fund spent $34 million on the new roads in the north of the country.", "$34 million"),
        ("The fair was first held in 2016 in the capital, with six foreign professors.", None),  # a year
    ],
)
def test_a_figure_has_its_unit_and_a_year_is_no_figure(sentence, figure):
    lesson = parse_article(f"---\ntitle: Figures\n---\n## Markets\n\n{sentence}\n", Path("f.md"))
    names = Names(lesson)
    found = [s for s in _of(section_concepts(lesson.sections[0], names, "markets"), "figure")]
    values = [" ".join(str(v) for v in s.values()) for s in found]
    if figure is None:
        assert not any("2016" in v for v in values), values
    else:
        assert any(figure in v for v in values), values
