"""What a part offers a question: the concepts it names, each a phrase of its kind, as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from lecturekit.language.names import Names
from lecturekit.model.reader import parse_article
from lecturekit.questions.concepts import lecture_topic, parallel_parts, section_concepts

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
    assert heading and heading[0]["question"] == "What is holding startups back?"  # as a sentence writes it


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The fund spent $34 million on the new roads in the north of the country.", "$34 million"),
        ("The fair was first held in 2016 in the capital, with six foreign professors.", None),  # a year
        ("Error rates are low, about 1 error in every 10 million bases of the genome.", None),  # a rate
        ("The stomach does 30% of this initial starch digestion in most mammals.", None),  # "of this": what?
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


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        # what a question may quote whole: a claim that generalises or judges, about the world
        ("Collaborative writing with traditional word processors is cumbersome.", True),
        ("Most mental models worth mapping are not so simple.", True),
        ("Biological data processing is rarely a one-step process.", True),
        # ... and what it may not
        ("It is usually the result of a transformation written with GREL.", False),  # leans back
        ("However, most definitions in biology are descriptive.", False),  # a connective
        ("Since there is no definition of life, most definitions are descriptive.", False),  # its own reason
        ("A shell is a program that usually runs other programs.", False),  # a definition
        ("The dominant system is often called the Linnaean taxonomy.", False),  # names a term
        ("Fieldset is often used to group a set of elements.", False),  # a manual's passive
        ("Most early printers were goldsmiths who often worked alone.", False),  # the past, told
        ("We usually find that most teams are slower than they think.", False),  # the author
        ("Do not force people to share their pronouns, which is often rude.", False),  # a task
        ("Peroxisomes have enzymes that rid the cell of toxic peroxides.", False),  # a plain fact
        ("Most teams use `git` to share their code with others.", False),  # markup
        ("Most legacy systems cost 40% more to run than new ones.", False),  # a figure: its own question
        ("Small projects should always start with a short governance document.", False),  # a rule
        ("Projects are often slow.", False),  # too short to say something
        (
            "Most projects require handoffs, and with new teammates comes fresh perspectives.",
            False,
        ),  # two claims
        ("The repair does not, however, always restore the original sequence.", False),  # leans back
        ("A genome is all the DNA contained within an organism or a cell.", False),  # a definition
        ("An integer will never have a decimal point in any pandas column.", False),  # by definition
    ],
)
def test_a_claim_the_lecture_shows_is_quoted_whole_only_when_it_invites_why(sentence, quoted):
    lesson = parse_article(f"---\ntitle: Claims\n---\n## Teams\n\n{sentence} It goes on.\n", Path("c.md"))
    names = Names(lesson)
    found = _of(section_concepts(lesson.sections[0], names, "teams", frozenset((sentence,))), "said")
    assert found == ([{"said": sentence}] if quoted else []), found
    assert not _of(section_concepts(lesson.sections[0], names, "teams"), "said")  # not shown: not quoted


@pytest.mark.parametrize(
    ("first", "second", "pair"),
    [
        ("The lac operon", "The trp operon", ("the lac operon", "the trp operon")),  # two kinds of one thing
        (
            "Status quo contract administration",
            "Agile contract administration",
            ("status quo contract administration", "agile contract administration"),
        ),
        ("Excretory systems", "The human urinary system", None),  # a class and one of its members
        ("Post-transcriptional regulation", "Regulation of translation", None),  # built unlike
        ("Executive summary", "Recommendations", None),  # nothing in common
    ],
)
def test_sibling_headings_naming_two_kinds_of_one_thing_are_a_pair_to_compare(first, second, pair):
    text = f"---\ntitle: Pairs\n---\n## {first}\n\nSome text here.\n\n## {second}\n\nMore text here.\n"
    lesson = parse_article(text, Path("p.md"))
    found = [tuple(c.slots.values()) for cs in parallel_parts(lesson, Names(lesson)).values() for c in cs]
    assert found == ([pair] if pair else []), found


@pytest.mark.parametrize(
    "sentence",
    [
        "The essential components of most hearts are the chambers, valves and walls.",  # an inventory
        "Scalability of projects As a project grows, code often becomes hard to manage.",  # a run-in heading
    ],
)
def test_an_inventory_or_a_run_in_heading_is_never_quoted_as_a_claim(sentence):
    lesson = parse_article(f"---\ntitle: T\n---\n## Hearts\n\n{sentence}\n", Path("h.md"))
    found = _of(section_concepts(lesson.sections[0], Names(lesson), "hearts", frozenset((sentence,))), "said")
    assert found == [], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Figure 1 provides an overview of the course timeline.",  # a caption
        "The third assertion checks that the total of the list is greater than 0.",  # the code on the page
    ],
)
def test_what_the_page_shows_is_no_claim_to_weigh(sentence):
    text = f"---\ntitle: T\n---\n## Plan\n\nWe teach it well. {sentence}\n"
    lesson = parse_article(text, Path("c.md"))
    assert not _of(section_concepts(lesson.sections[0], Names(lesson), "plan"), "claim")


def test_in_a_textbook_only_a_sum_or_a_share_is_a_figure_to_weigh():
    text = (
        "---\ntitle: T\n---\n## Cells\n\nA bacterial cell holds about 2 million proteins of many kinds. "
        "Treatment costs $34 million a year in the region.\n"
    )
    lesson = parse_article(text, Path("c.md"))
    figures = [
        c["figure"]
        for c in _of(section_concepts(lesson.sections[0], Names(lesson), "cells", practice=False), "figure")
    ]
    assert figures == ["$34 million"], figures


def test_an_illustration_is_no_claim_to_weigh_and_history_no_source_to_doubt():
    text = (
        "---\ntitle: T\n---\n## Code\n\nWe review code. A single pull request might change 15 files "
        "because of the indirection.\n\nIn 1911, Thomas Hunt Morgan argued that genes are on chromosomes "
        "of fruit flies.\n"
    )
    lesson = parse_article(text, Path("c.md"))
    concepts = section_concepts(lesson.sections[0], Names(lesson), "code")
    assert not _of(concepts, "claim") and not _of(concepts, "source"), concepts


@pytest.mark.parametrize(
    ("heading", "case"),
    [
        ("Noko Jeans", True),
        ("Carpentries Classroom Practices", False),
        ("Participatory Instruction & Help", False),
    ],
)
def test_a_case_is_a_subheading_that_names_something(heading, case):
    body = (
        "Noko sells jeans to the Carpentries. They teach classroom practices and participatory instruction."
    )
    text = f"---\ntitle: T\n---\n## Intro\n\n{body}\n\n## Ventures\n\n{body}\n\n### {heading}\n\n{body}\n\n### Nosotek\n\nNosotek writes games. It sells them abroad.\n"
    lesson = parse_article(text, Path("v.md"))
    found = [c["case"] for c in _of(section_concepts(lesson.sections[1], Names(lesson), "ventures"), "case")]
    assert found == ([heading, "Nosotek"] if case else ["Nosotek"]), found
