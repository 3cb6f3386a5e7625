"""Plan a handout: Lesson + questions -> what goes on paper, in order. Pure: no reportlab."""

from __future__ import annotations

from dataclasses import dataclass

from lecturekit.keypoints import section_key_points
from lecturekit.lesson import Block, Inlines, Lesson, Meta, plain
from lecturekit.questions import Question

PAPERS = ("a4", "letter")
DEFAULT_ANSWER_LINES = 4


@dataclass(frozen=True)
class KeyPoint:
    inlines: Inlines
    heading: str  # the subheading it falls under, "" for the section itself


@dataclass(frozen=True)
class HandoutSection:
    number: int
    title: str
    key_points: tuple[KeyPoint, ...]
    reading: tuple[Block, ...]  # empty when the reading is left out


@dataclass(frozen=True)
class Handout:
    meta: Meta
    date: str
    sections: tuple[HandoutSection, ...]
    questions: tuple[Question, ...]
    paper: str
    answer_lines: int
    instructor: bool  # the instructor edition shows each question's Bloom level and sources


@dataclass(frozen=True)
class HandoutOptions:
    paper: str | None = None  # None: the article's `paper:`, else A4
    reading: bool = True
    answer_lines: int | None = None  # None: the article's `answer_lines:`, else 4
    instructor: bool = False


def plan_handout(
    lesson: Lesson, questions: tuple[Question, ...], options: HandoutOptions, date: str
) -> Handout:
    """Return the handout of `lesson`: per section its key points (the slides' bullets) and reading."""
    meta = lesson.meta
    sections = []
    for number, section in enumerate(lesson.sections, start=1):
        title = plain(section.title)
        points = tuple(
            KeyPoint(bullet, heading if heading != title else "")
            for heading, _, bullet in section_key_points(section)
        )
        reading = section.blocks if options.reading else ()
        sections.append(HandoutSection(number, title, points, reading))
    paper = options.paper or meta.paper or "a4"
    lines = options.answer_lines if options.answer_lines is not None else meta.answer_lines
    return Handout(
        meta=meta,
        date=date,
        sections=tuple(sections),
        questions=questions,
        paper=paper,
        answer_lines=DEFAULT_ANSWER_LINES if lines is None else lines,
        instructor=options.instructor,
    )
