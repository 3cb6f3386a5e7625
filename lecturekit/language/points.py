"""The article's points: its names and the key points of every paragraph, computed once.

The main process works them out before it sends the deck and the handout to be
planned in helper processes; both planners and the questions then take the same points from
it, so a claim is worded alike on its slide, in the handout and in an instructor's "a good
answer mentions".
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace

from lecturekit.language.keypoints import Point, lead_ins, paragraph_points
from lecturekit.language.names import Names
from lecturekit.language.selection import (
    Length,
    choose,
    is_capped,
    lecture_parts,
    said_in_a_breath,
    slide_budget,
    spoken_words,
)
from lecturekit.model.lesson import (
    BulletList,
    Equation,
    Heading,
    Inlines,
    Lesson,
    Paragraph,
    Section,
    paragraphs,
    plain,
)
from lecturekit.model.text import sentences


@dataclass(eq=False)
class ArticlePoints:
    """The article's names, and the points of each paragraph and sentence (see `article_points`)."""

    names: Names = field(default_factory=Names)
    by_paragraph: dict[Inlines, tuple[Point, ...]] = field(default_factory=dict)
    by_sentence: dict[str, tuple[Point, ...]] = field(default_factory=dict)
    # what the lecture shows of each paragraph, when it shows less than every claim (see `select`)
    chosen: dict[Inlines, tuple[Point, ...]] | None = None
    budget: int | None = None  # the content slides the lecture was given, if not every claim
    lists: frozenset[BulletList] | None = None  # the lists the lecture shows, if not every one

    def points(self, inlines: Inlines) -> tuple[Point, ...]:
        """Return the points of the paragraph made of `inlines` (worked out here for a paragraph the
        article does not hold: one a test makes up)."""
        found = self.by_paragraph.get(inlines)
        if found is None:
            found = self.by_paragraph[inlines] = paragraph_points(inlines, self.names)
        return found

    @property
    def brief(self) -> bool:
        """Tell whether the lecture has a length: it shows the chosen claims, not every one."""
        return self.chosen is not None

    def shown(self, inlines: Inlines) -> tuple[Point, ...]:
        """Return the points of a paragraph the lecture shows: all of them unless it was given a
        budget, then those `select` chose (the paragraph's notes keep the rest)."""
        if self.chosen is None:
            return self.points(inlines)
        return self.chosen.get(inlines, ())

    def select(self, lesson: Lesson, length: Length) -> None:
        """Choose the points a lecture of `length` shows (see lecturekit.language.selection)."""
        if length.slides == "all":
            return  # every claim: nothing to count, nothing to choose
        words = sum(spoken_words(s.blocks) for s in lesson.sections)
        budget = slide_budget(words, length)
        if budget is None:
            return
        order: list[tuple[Inlines, Point]] = []

        def claims_of(section: Section) -> list[tuple[str, Point]]:
            found = [
                (heading, paragraph.inlines, p)
                for heading, paragraph, points in self.section(section)
                for p in points
            ]
            order.extend((inlines, p) for _, inlines, p in found)
            return [(heading, p) for heading, _, p in found]

        parts = lecture_parts(lesson, claims_of)
        picked, lists = choose(lesson, parts, budget, is_capped(words, length))
        self.lists = frozenset(lists)
        # the two claims one sentence makes ("X, but Y") are shown together or not at all: the
        # first alone stops before the point ("Editing a text file seems like a quick task")
        partners = {
            i: [
                j
                for j in (i - 1, i + 1)
                if 0 <= j < len(order)
                and order[j][0] == order[i][0]
                and order[j][1].sentence == order[i][1].sentence
            ]
            for i in picked
        }
        picked = {  # a claim whose other half is too long for a slide stays in the notes with it
            i for i, js in partners.items() if all(said_in_a_breath(order[j][1]) for j in js)
        }
        picked |= {j for i in picked for j in partners[i]}
        chosen: dict[Inlines, tuple[Point, ...]] = {}
        for index, (inlines, point) in enumerate(order):
            if index not in picked:
                continue
            before = order[index - 1] if index else None
            if point.follows and not (before and before[0] == inlines and index - 1 in picked):
                if not point.alt:
                    continue  # "It grew ...", its referent left out: the notes say it
                point = replace(point, inlines=point.alt, follows=False, alt=())  # "Nosotek grew ..."
            if point not in chosen.get(inlines, ()):  # a paragraph the text repeats word for word shows once
                chosen[inlines] = (*chosen.get(inlines, ()), point)
        self.chosen, self.budget = chosen, budget

    def lead_into(self, inlines: Inlines, equation: Equation) -> None:
        """Mark the last claim of a paragraph the display equation after it completes ("The key
        formula is"): the lecture shows them together, and counts the claim as one with a figure."""
        points = self.points(inlines)
        if points and not plain(inlines).rstrip().endswith((".", "!", "?", "…")):  # not "... four papers."
            self.by_paragraph[inlines] = (*points[:-1], replace(points[-1], equation=equation.latex))

    def shows_list(self, block: BulletList) -> bool:
        """Tell whether the lecture shows a list of the text (every one, unless it has a length)."""
        return self.lists is None or block in self.lists

    def sentence_points(self, sentence: str) -> tuple[Point, ...] | None:
        """Return the points of `sentence` as its paragraph gave them, or None if the article does
        not hold it."""
        return self.by_sentence.get(" ".join(sentence.split()))

    def section(self, section: Section) -> list[tuple[str, Paragraph, tuple[Point, ...]]]:
        """Return (heading in effect, paragraph, its points) for each paragraph of `section`, in
        order: the one place the deck and the handout get their bullets from. A lead-in (see
        `lead_ins`) is no key point: the deck shows it above what it introduces."""
        title = plain(section.title)
        found = []
        leads = lead_ins(section.blocks)
        for block in section.blocks:
            if isinstance(block, Heading):
                title = plain(block.inlines)
            elif isinstance(block, Paragraph) and id(block) not in leads:
                found.append((title, block, self.points(block.inlines)))
        return found


def article_points(lesson: Lesson) -> ArticlePoints:
    """Return the points of `lesson`: its names, then the points of every paragraph it holds,
    in lists and quotes too, and of every sentence (none for one that makes no claim)."""
    found_points = ArticlePoints(Names(lesson))
    for section in lesson.sections:
        for block, after in itertools.pairwise(section.blocks):
            if isinstance(block, Paragraph) and isinstance(after, Equation):
                found_points.lead_into(block.inlines, after)
        for block in section.blocks:
            for paragraph in paragraphs(block):
                points = found_points.points(paragraph.inlines)
                text = " ".join(plain(paragraph.inlines).split())
                by_sentence: dict[str, tuple[Point, ...]] = {
                    text[a:b]: () for a, b in sentences(text, lesson.meta.lang)
                }
                for point in points:
                    key = " ".join(point.sentence.split())
                    by_sentence[key] = (*by_sentence.get(key, ()), point)
                for key, found in by_sentence.items():
                    found_points.by_sentence.setdefault(key, found)
    return found_points
