"""The lecture's frame: its title slide, agenda, learning outcomes, part headers, discussion
and sources. Each is planned to fit, as the article's own slides are."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from lecturekit.layout.furniture import OUTCOMES, Words
from lecturekit.model.lesson import Heading, Image, Inlines, Lesson, Meta, Section, Span, date_text, plain
from lecturekit.questions.outcomes import LEAD

from .bullets import BulletPlanner, Item
from .fitter import Fitter
from .slides import Bullet, SectionSlide, Slide, TitleSlide

AGENDA_COLUMN = 6  # more parts than this: the agenda in two columns
DISCUSSION_MOST, DISCUSSION_LEAST = 5, 3  # questions on the discussion slide


class FramePlanner:
    """Plan the slides around the article's own; `warn(line, message)` reports."""

    def __init__(
        self, fit: Fitter, bullets: BulletPlanner, warn: Callable[[int | None, str], None], words: Words
    ):
        self._ = words  # the lecture's language
        self.fit = fit
        self.theme = fit.theme
        self.bullets = bullets
        self.warn = warn

    def outcomes(self, outcomes: Sequence[str]) -> list[Slide]:
        """The learning outcomes, under "By the end of this lecture you can:"."""
        _ = self._
        items = [Item((Bullet((Span(_(LEAD)),), lead=True),), _(LEAD), 0)]
        items += [Item((Bullet((Span(text),)),), text, 0) for text in outcomes]
        return self.bullets.listing(items, "outcomes", _("{title}:", title=_(OUTCOMES)))

    def title_slide(self, meta: Meta) -> TitleSlide:
        _ = self._
        details = tuple(part for part in (meta.course, meta.lecturer, date_text(meta, _)) if part)
        notes = [_("Lecture: {title}.", title=meta.title)]
        if meta.subtitle:
            notes.append(meta.subtitle)
        if meta.source:
            notes.append(_("Based on an article from {source}.", source=meta.source))
        title, size = self.fit.fit_hero(meta.title, self.theme.hero_title, "hero")
        return TitleSlide(title, size, meta.subtitle, details, "\n".join(notes))

    def agenda(self, sections: Sequence[Section]) -> list[Slide]:
        """One slide listing the parts: in two columns when there are more than six."""
        items = [
            Item((Bullet(section.title, 0, number),), plain(section.title), 0)
            for number, section in enumerate(sections, start=1)
        ]
        columns = 2 if len(items) > AGENDA_COLUMN else 1
        notes = self._.ngettext(
            "This lecture has {count} part.", "This lecture has {count} parts.", len(sections)
        )
        slides = self.bullets.listing(items, "agenda", notes, columns)
        if len(slides) > 1:  # too many parts even for two columns: each part's title on one line
            items = [replace(item, bullets=(self.fit.one_line(item.bullets[0], columns),)) for item in items]
            slides = self.bullets.listing(items, "agenda", notes, columns)
        return slides

    def section_slide(self, number: int, total: int, section: Section) -> SectionSlide:
        _ = self._
        heading = plain(section.title)
        kicker = _("Part {number}", number=number)
        subheadings = [plain(b.inlines) for b in section.blocks if isinstance(b, Heading)]
        notes = _("Part {number} of {total}: {heading}.", number=number, total=total, heading=heading)
        if subheadings:
            notes += " " + _("It covers {subheadings}.", subheadings=", ".join(subheadings))
        theme = self.theme
        # The kicker ("Part 2") shares the title box, one line at the title minimum above the heading.
        kicker_height = self.fit.titles.line_height(theme.title_min) + theme.kicker_gap
        shown, size = self.fit.fit_hero(heading, theme.section, "section", reserve=kicker_height)
        if shown == heading:
            return SectionSlide(f"{kicker}\n{heading}", kicker, heading, size, notes)
        # A small title box (some templates'): one line, "Part 2: ...", rather than losing the heading.
        shown, size = self.fit.fit_hero(
            _("{kicker}: {heading}", kicker=kicker, heading=heading), theme.section, "section"
        )
        return SectionSlide(shown, "", shown, size, notes)

    def discussion(self, questions: Sequence[str]) -> list[Slide]:
        """One slide of the first (best) questions, as many of DISCUSSION_MOST as fit; the
        handout has them all."""
        for count in range(min(len(questions), DISCUSSION_MOST), 0, -1):
            items = [
                Item((Bullet((Span(q),), 0, n),), f"{n}. {q}", 0) for n, q in enumerate(questions[:count], 1)
            ]
            slides = self.bullets.listing(items, "discussion", self._("Questions for discussion:"))
            if len(slides) == 1 or count <= DISCUSSION_LEAST:
                return slides
        return []

    def sources(self, lesson: Lesson, back_matter: list[str]) -> list[Slide]:
        """The article's source, author and address, and the pictures' credits; the back matter
        (references, thanks) in the notes."""
        _ = self._
        meta = lesson.meta
        lines: list[Inlines] = []
        link = meta.url or None  # on the title: link text that says where it goes
        if meta.source:
            # the colon between a label and what it labels: French sets a no-break space before it
            lines.append((Span(meta.source, bold=True), Span(_(": ")), Span(_.quoted(meta.title), href=link)))
        else:
            lines.append((Span(_.quoted(meta.title), href=link),))
            self.warn(
                None, "no 'source' in the front matter: the sources slide cannot credit the publication"
            )
        if meta.author:
            lines.append((Span(_("Written by {author}", author=meta.author)),))
        if meta.published:
            lines.append((Span(_("Published {date}", date=meta.published)),))
        if meta.url:
            lines.append((Span(meta.url),))  # the address itself, to copy down
        pictures = [b for s in lesson.sections for b in s.blocks if isinstance(b, Image) and b.title]
        for image in pictures:
            lines.append((Span(f"{_.quoted(image.title)} ({Path(image.src).name})"),))
        items = [Item((Bullet(line),), plain(line), 0) for line in lines]
        notes = "\n\n".join([_("Sources and attribution:"), *back_matter])
        return self.bullets.listing(items, "sources", notes)
