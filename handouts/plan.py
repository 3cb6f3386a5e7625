"""Plan a handout: Lesson + questions -> what goes on paper, in order, in which words. No reportlab.

Every piece of wording comes from templates/handout.j2 (jinja2, autoescaped), rendered here into
reportlab's paragraph markup; the writer only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from lecturekit.keypoints import names_in, section_points
from lecturekit.lesson import Block, Inlines, Lesson, Meta, date_text, plain
from lecturekit.options import HandoutOptions

if TYPE_CHECKING:
    from lecturekit.questions import Question

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_ANSWER_LINES = 4
# Stand-ins for the page numbers in the footer's words, filled in when the pages are known.
PAGE, PAGES = "\x01page\x01", "\x01pages\x01"


@dataclass(frozen=True)
class KeyPoint:
    inlines: Inlines
    heading: str  # the subheading it falls under, "" for the section itself
    children: tuple[Inlines, ...] = ()  # its sub-bullets, as on the slide


@dataclass(frozen=True)
class HandoutSection:
    number: int
    title: str
    heading: str  # its heading, as markup
    overview: str  # its line in the first page's overview, as markup
    key_points: tuple[KeyPoint, ...]
    reading: tuple[Block, ...]  # empty when the reading is left out


@dataclass(frozen=True)
class HandoutQuestion:
    question: Question
    text: str  # markup
    note: str  # markup: its Bloom level and origin (instructor edition)
    sources: tuple[str, ...]  # markup: the sentences it came from (instructor edition)


@dataclass(frozen=True)
class Words:
    """The handout's own wording, as reportlab paragraph markup."""

    kicker: str
    title: str
    subtitle: str
    byline: str
    overview_heading: str
    key_points_heading: str
    reading_heading: str
    questions_heading: str
    questions_intro: str
    source_heading: str
    source_text: str
    source_link: str
    running_header: str
    page_footer: str  # with PAGE and PAGES standing in for the numbers


@dataclass(frozen=True)
class Handout:
    meta: Meta
    words: Words
    sections: tuple[HandoutSection, ...]
    questions: tuple[HandoutQuestion, ...]
    paper: str
    answer_lines: int
    instructor: bool  # the instructor edition shows each question's Bloom level and sources


def plan_handout(lesson: Lesson, questions: tuple[Question, ...], options: HandoutOptions) -> Handout:
    """Return the handout of `lesson`: per section its key points (the slides' bullets) and reading."""
    meta = lesson.meta
    words = _templates()
    sections = []
    names = names_in(lesson)
    for number, section in enumerate(lesson.sections, start=1):
        title = plain(section.title)
        points = tuple(
            KeyPoint(point.inlines, heading if heading != title else "", point.children)
            for heading, _, found in section_points(section, names)
            for point in found
        )
        reading = section.blocks if options.reading else ()
        shown = _SectionWords(number, title)
        sections.append(
            HandoutSection(
                number,
                title,
                _text(words.section_heading(shown)),
                _text(words.overview_item(shown)),
                points,
                reading,
            )
        )
    paper = options.paper or meta.paper or "a4"
    lines = options.answer_lines if options.answer_lines is not None else meta.answer_lines
    lines = DEFAULT_ANSWER_LINES if lines is None else lines
    planned = tuple(
        HandoutQuestion(
            q,
            _text(words.question(q)),
            _text(words.instructor_note(q)),
            tuple(_text(words.instructor_source(s)) for s in q.sources),
        )
        for q in questions
    )
    return Handout(
        meta=meta,
        words=_words(words, meta, len(questions), lines),
        sections=tuple(sections),
        questions=planned,
        paper=paper,
        answer_lines=lines,
        instructor=options.instructor,
    )


@dataclass(frozen=True)
class _SectionWords:  # what a template sees of a section
    number: int
    title: str


def _words(words, meta: Meta, questions: int, lines: int) -> Words:
    return Words(
        kicker=_text(words.kicker(meta)),
        title=_text(words.title(meta)),
        subtitle=_text(words.subtitle(meta)),
        byline=_text(words.byline(meta, date_text(meta))),
        overview_heading=_text(words.overview_heading()),
        key_points_heading=_text(words.key_points_heading()),
        reading_heading=_text(words.reading_heading()),
        questions_heading=_text(words.questions_heading()),
        questions_intro=_text(words.questions_intro(questions, lines)),
        source_heading=_text(words.source_heading()),
        source_text=_text(words.source_text(meta)),
        source_link=_text(words.source_link(meta)),
        running_header=_text(words.running_header(meta)),
        page_footer=_text(words.page_footer(PAGE, PAGES)),
    )


def _text(markup) -> str:
    return " ".join(str(markup).split())


@cache
def _templates():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    # autoescape=True, not select_autoescape(): that would not cover .j2 files. Article text is
    # only ever a value here, never a template.
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined)
    return env.get_template("handout.j2").module
