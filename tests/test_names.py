"""Which words are names: one model, judged by how the article itself capitalises its words."""

from __future__ import annotations

from pathlib import Path

import pytest

from lecturekit.language.keypoints import paragraph_points
from lecturekit.language.names import NO_NAMES, Names
from lecturekit.model.lesson import Paragraph, plain
from lecturekit.model.reader import parse_article
from lecturekit.questions.concepts import as_phrase

from .helpers import SEED

ARTICLE = """\
# Startups

## Introduction

Many founders move to Berlin, and Berlin rewards them. The NLA funds a few.
I think the city is small. A city grows when Berlin invests; berlin is a word too.

## The Distribution of Code

Distribution of code is what licences are about. Code is text.

## Life in Pyongyang

Pyongyang is the capital.

### Nosotek

Nosotek, also known as the company, is based in Pyongyang.

### Noko Jeans

Noko Jeans was founded in 2009. It sold jeans.

- Founders admire Kim Jong-un in a list.
"""


def _paragraph(lesson, start: str) -> Paragraph:
    """Return the lesson's paragraph that opens with `start`."""
    return next(
        block
        for section in lesson.sections
        for block in section.blocks
        if isinstance(block, Paragraph) and plain(block.inlines).startswith(start)
    )


@pytest.fixture(scope="module")
def names() -> Names:
    return Names(parse_article(ARTICLE, Path("startups.md")))


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("Berlin", True),  # capitalised mid-sentence twice, lower case once
        ("Berlin’s,", True),  # the owner's "’s" and the comma are not the word
        ("berlin", False),  # as written: lower case is never a name
        ("NLA", True),  # an acronym
        ("I", False),  # capitalised, and no name
        ("Nosotek", True),  # never mid-sentence, but a heading of its own
        ("Pyongyang", True),  # mid-sentence
        ("Life", False),  # a heading in title case ("life" is a word the text could write)
        ("Noko", True),  # a heading in title case, and a sentence's first word, never lower case
        ("Jeans", False),  # in the same heading, but the text writes "jeans"
        ("Introduction", False),  # a heading that only titles
        ("Distribution", False),  # in a heading in title case, and nowhere in the text
        ("Code", False),  # the text writes "code"
        ("Kim", True),  # in a list item's paragraph
        ("Founders", False),  # only ever a sentence's first word
    ],
)
def test_a_name_is_what_the_article_writes_as_one(names, word, name):
    assert names.is_name(word) is name


def test_a_pronoun_after_a_name_in_a_title_case_heading_takes_it(names):
    """ "### Noko Jeans" / "Noko Jeans was founded in 2009. It sold jeans.": "It" is Noko Jeans."""
    paragraph = _paragraph(parse_article(ARTICLE, Path("startups.md")), "Noko")
    shown = [plain(point.inlines) for point in paragraph_points(paragraph.inlines, names)]
    assert shown == ["Noko Jeans was founded in 2009", "Noko Jeans sold jeans"]


def test_a_title_keeps_the_capitals_of_its_names_and_of_i(names):
    assert as_phrase("Lessons I Learned in Pyongyang", names) == "lessons I learned in Pyongyang"
    assert as_phrase("The Distribution of Code", names) == "the distribution of code"
    assert as_phrase("Noko Jeans", names) == "Noko jeans"


def test_no_article_knows_no_names():
    assert not NO_NAMES.is_name("Berlin") and NO_NAMES.is_name("NASA")


def test_a_pronoun_takes_the_name_the_sentence_before_opens_with():
    """ "Nosotek, also known as ..., is ... It is known for ..." (the seed): with the article's names the
    "It" becomes "Nosotek"; without them it stays, marked to follow the bullet before."""
    lesson = parse_article(SEED.read_text(encoding="utf-8"), SEED)
    names = Names(lesson)
    paragraph = _paragraph(lesson, "Nosotek, also")
    named = [plain(p.inlines) for p in paragraph_points(paragraph.inlines, names)]
    unnamed = paragraph_points(paragraph.inlines, NO_NAMES)
    assert named[1].startswith("Nosotek is known for creating computer games")
    assert plain(unnamed[1].inlines).startswith("It is known for") and unnamed[1].follows
