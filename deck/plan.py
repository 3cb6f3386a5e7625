"""Plan a deck: Lesson -> slides, every piece of text measured, split and sized here.

Pure: no python-pptx, no files. This module walks the lecture (title, agenda, each section,
discussion, sources) and hands each stretch of a section to the planner of its slide kind:
bullets.py for the article's claims and the lecture's lists, media.py for pictures, tables,
code and quotes, frame.py for the slides around them; fitter.py measures for all of them. What a lecturer can rely on:
- every claim of a paragraph is a bullet on some slide, three to six to a slide, and the
  paragraphs it comes from are in that slide's notes, verbatim;
- slides break where the author does: a subheading, `---`, a picture, table, code or quote;
- a part gets a header slide only when it spans three or more slides (`section_headers`);
- every slide has a title, unique in the deck, that fits its box.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from lecturekit.language.keypoints import closes_with_lead, is_back_matter, lead_ins, lead_point
from lecturekit.language.points import ArticlePoints, article_points
from lecturekit.language.topics import Usage
from lecturekit.layout.furniture import AGENDA, DISCUSSION, OUTCOMES, SOURCES, words
from lecturekit.lexicon.english import OPENING_PRONOUNS, SELF_NOUNS
from lecturekit.model.lesson import (
    NOTE_MARK,
    Break,
    BulletList,
    Code,
    Diagnostic,
    Equation,
    Footnote,
    Heading,
    Image,
    Lesson,
    Paragraph,
    Quote,
    Section,
    Span,
    Table,
    joined_code,
    plain,
    short_code,
    written,
)
from lecturekit.questions.outcomes import leads_objectives, lists_objectives

from .bullets import MAX_LEVEL, BulletPlanner, Item, equation_item, list_items, paragraph_items
from .fitter import Fitter
from .frame import FramePlanner
from .media import Lead, MediaPlanner, quote_notes
from .slides import Bullet, Deck, SectionSlide, Slide, TitleSlide
from .theme import DEFAULT_THEME, Theme
from .titles import name_slides

HEADER_SLIDES = 3  # a part gets a header slide when it spans at least this many content slides
CEREMONY = 0.35  # ... and while the slides that carry no article text stay within this share
# in a lecture of a length, a run of fewer claims than MERGE_BELOW goes on with the next
# subheading's, as does one that has room for them all (fewer than MERGE_UP_TO together)
MERGE_BELOW = 3
MERGE_UP_TO = 6
LEAD_WORDS = 40  # a run this short right before a picture, table or code becomes its lead-in


def plan_deck(
    lesson: Lesson,
    theme: Theme = DEFAULT_THEME,
    questions: Sequence[str] = (),
    outcomes: Sequence[str] = (),
    prompts: Mapping[str, str] | None = None,
    points: ArticlePoints | None = None,
) -> Deck:
    """Return the slides for `lesson`: `questions` (the best first) on the closing discussion
    slide, `outcomes` on a slide after the agenda; with `prompts` (a section's title -> its
    question) each part ends on its own "Discuss" slide instead. `points` are the article's (see
    lecturekit.language.points), worked out here when not given."""
    return _Walker(lesson, theme, points or article_points(lesson)).plan(questions, outcomes, prompts or {})


class _Walker:
    def __init__(self, lesson: Lesson, theme: Theme, points: ArticlePoints):
        self.lesson = lesson
        self.meta = lesson.meta
        self.theme = theme
        self.fit = Fitter(theme, words(lesson.meta.lang))
        self.bullets = BulletPlanner(self.fit, self.warn)
        self.media = MediaPlanner(self.fit, self.warn)
        self._ = words(lesson.meta.lang)  # the words lecturekit adds, in the lecture's language
        self.frame = FramePlanner(self.fit, self.bullets, self.warn, self._)
        self.points = points
        self.warnings: list[Diagnostic] = []
        self.uses: dict[str, int] = {}
        self.groups = 0
        self.back_matter: list[str] = []
        self.usage = Usage(
            [t for s in lesson.sections for b in s.blocks for t in _text(b, plain).split("\n")],
            lesson.meta.lang,
        )  # its nouns and verbs

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(Diagnostic(self.lesson.path, line, message))

    def plan(self, questions: Sequence[str], outcomes: Sequence[str], prompts: Mapping[str, str]) -> Deck:
        parts = self.parts(prompts)
        opening: list[Slide] = [self.frame.title_slide(self.meta)]
        if len(parts) > 1:
            opening += self.titled(self._(AGENDA), self.frame.agenda([section for section, _ in parts]))
        if outcomes:
            opening += self.titled(self._(OUTCOMES), self.frame.outcomes(outcomes))
        closing = self.titled(self._(DISCUSSION), self.frame.discussion(questions)) if questions else []
        closing += self.titled(self._(SOURCES), self.frame.sources(self.lesson, self.back_matter))
        headers = self._headers(parts, len(opening) + len(closing))
        slides = list(opening)
        for number, (section, content) in enumerate(parts, start=1):
            if number in headers:
                slides.append(self.frame.section_slide(number, len(parts), section))
            slides += content
        slides += closing
        slides = [
            replace(s, title=t, title_size=z) if not isinstance(s, TitleSlide | SectionSlide) else s
            for s, (t, z) in zip(slides, self._fitted_titles(slides), strict=True)
        ]
        slides = [replace(s, notes=footnoted(s.notes, self.lesson.footnotes)) for s in slides]
        footer = self.fit.footer(" · ".join(part for part in (self.meta.course, self.meta.title) if part))
        return Deck(self.meta.title, footer, tuple(slides), tuple(self.warnings))

    def parts(self, prompts: Mapping[str, str]) -> list[tuple[Section, list[Slide]]]:
        """Return each part of the lecture with its content slides (and its "Discuss" slide, with
        `prompts`); the notes of a part with no slide of its own go on a neighbour's."""
        parts: list[tuple[Section, list[Slide]]] = []
        carried: list[str] = []
        for section in self.lesson.sections:
            if is_back_matter(plain(section.title)):  # its text goes in the sources slide's notes
                self.back_matter += [_text(b) for b in section.blocks if _text(b)]
                continue
            content, leftover = self.section(section)
            if content:
                if carried:
                    content[0] = replace(content[0], notes="\n\n".join([*carried, content[0].notes]))
                    carried = []
                prompt = prompts.get(plain(section.title))
                if prompt:
                    content += self.titled(
                        f"Discuss: {plain(section.title)}", self.frame.discussion([prompt])
                    )
                parts.append((section, content))
            elif leftover and parts:
                last = parts[-1][1]
                last[-1] = replace(last[-1], notes="\n\n".join([last[-1].notes, *leftover]))
            else:
                carried += leftover
        self.back_matter = carried + self.back_matter
        return parts

    def _headers(self, parts, frame: int) -> set[int]:
        """Return the numbers of the parts that get a header slide.

        With `section_headers: auto`: a part after the first (the agenda has just announced the
        first) that spans HEADER_SLIDES slides or more, the longest first, while the slides that
        carry no article text stay within CEREMONY of the deck.
        """
        mode = self.meta.section_headers
        if len(parts) < 2 or mode == "off":
            return set()
        if mode == "on":
            return set(range(1, len(parts) + 1))
        total = frame + sum(len(content) for _, content in parts)
        ceremony = frame + sum(1 for _, content in parts for s in content if s.title.startswith("Discuss"))
        chosen: set[int] = set()
        long_parts = [
            (len(c), n) for n, (_, c) in enumerate(parts, start=1) if n > 1 and len(c) >= HEADER_SLIDES
        ]
        for _, number in sorted(long_parts, reverse=True):
            if (ceremony + len(chosen) + 1) / (total + len(chosen) + 1) > CEREMONY:
                break
            chosen.add(number)
        return chosen

    # -- a section -------------------------------------------------------------------------------

    def section(self, section: Section) -> tuple[list[Slide], list[str]]:
        """Return a section's content slides, titled, and the notes of what had no slide to go on
        (a section of questions and lead-ins only)."""
        walk = _SectionWalk(self, plain(section.title))
        blocks = joined_code(section.blocks) if self.points.brief else section.blocks
        leads = lead_ins(blocks)
        under = self._claims_under(blocks) if self.points.brief else {}
        stated = -1  # the list of the text's own learning objectives: the outcomes slide shows it
        if blocks and section is self.lesson.sections[0] and isinstance(blocks[0], BulletList):
            stated = 0 if lists_objectives(blocks[0]) else -1  # a list of tasks that opens the text
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if index == stated:
                walk.add(
                    [
                        Item(
                            (),
                            "\n".join("• " + line for line in _text(block).split("\n")),
                            self._group(),
                            glue=True,
                        )
                    ]
                )
            elif (
                isinstance(block, Paragraph)
                and isinstance(following, BulletList)
                and leads_objectives(plain(block.inlines), self.lesson.meta.lang)
            ):
                walk.add([Item((), written(block.inlines), self._group(), glue=True)])
                stated = index + 1
            elif isinstance(block, Paragraph) and id(block) in leads and _hidden(following, self.points):
                walk.add(
                    [Item((), written(block.inlines), self._group(), glue=True)]
                )  # its list is in the notes
            elif isinstance(block, Paragraph) and id(block) in leads:
                walk.lead_in(block, following)
            elif isinstance(block, Paragraph):
                group = self._group()
                walk.add(paragraph_items(block, group, self.points))
                if (
                    isinstance(following, BulletList)
                    and closes_with_lead(block.inlines)
                    and not _hidden(following, self.points)
                ):
                    walk.introduce(block, group)  # "... Here are things you should not do:" stays
            elif isinstance(block, BulletList) and _hidden(block, self.points):
                walk.add(
                    [Item((), _text(block), self._group(), glue=True)]
                )  # no room in the lecture: the notes
            elif isinstance(block, BulletList):
                later: list = []
                items = list_items(block, self._group(), self.points, later, self.warn)
                walk.add(items, glue_start=walk.list_lead)
                walk.list_lead = False
                for inner in later:  # pictures and tables in the list get slides after it
                    walk.media_block(inner)
            elif isinstance(block, Heading) and self.points.brief and not under.get(index):
                walk.add([Item((), plain(block.inlines), self._group(), glue=True)])  # nothing of it is shown
            elif isinstance(block, Heading):
                shown = walk.shown()
                if (
                    self.points.brief
                    and shown
                    and (shown < MERGE_BELOW or shown + under[index] < MERGE_UP_TO)
                ):
                    walk.subheading(block)  # a lecture of a length: a short subheading shares a slide
                else:
                    walk.flush()
                    walk.title = plain(block.inlines)
            elif isinstance(block, Break):
                walk.flush()
            elif isinstance(block, Quote) and self.points.brief:
                # a lecture of a length: the quote is read from the notes, where its claims go too
                walk.add([Item((), quote_notes(block), self._group(), glue=True)])
            elif isinstance(block, Quote):
                walk.flush()
                walk.emit(self.media.quote("", block))
            elif isinstance(block, Code) and self.points.brief and short_code(block):
                code = Bullet(
                    (Span(block.text.strip(), code=True),), 0
                )  # among the bullets, as a lecturer shows it
                walk.add([Item((code,), f"Code:\n{block.text.strip()}", self._group(), glue=True)])
            elif isinstance(block, Image | Table | Code):
                walk.media_block(block)
            elif isinstance(block, Equation):  # with the claim it completes, if the lecture shows that
                shown = not self.points.brief or bool(walk.run and walk.run[-1].bullets)
                walk.add([equation_item(block, self._group(), shown)])
        walk.flush()
        taken = {title.casefold() for title in self.uses}
        slides = name_slides(walk.slides, walk.headings, self.usage, taken, self._)
        for slide in slides:
            self.uses.setdefault(slide.title, 1)
        return slides, walk.pending

    def _claims_under(self, blocks: Sequence) -> dict[int, int]:
        """Return, for the index of each subheading in `blocks`, how many bullets the lecture
        shows under it (its paragraphs' chosen claims and its lists' items)."""
        found: dict[int, int] = {}
        current = None
        for index, block in enumerate(blocks):
            if isinstance(block, Heading):
                current, found[index] = index, 0
            elif current is not None and isinstance(block, Paragraph):
                found[current] += len(self.points.shown(block.inlines))
            elif current is not None and isinstance(block, BulletList) and not _hidden(block, self.points):
                found[current] += len(block.items)
        return found

    def _group(self) -> int:
        self.groups += 1
        return self.groups

    # -- titles ----------------------------------------------------------------------------------

    def titled(self, title: str, slides: list[Slide]) -> list[Slide]:
        """Return `slides` titled `title`, "(cont.)" from the second on."""
        return [replace(slide, title=self.next_title(title)) for slide in slides]

    def next_title(self, title: str) -> str:
        uses = self.uses.get(title, 0)
        self.uses[title] = uses + 1
        return self._.continued(title, uses)

    def _fitted_titles(self, slides: list[Slide]) -> list[tuple[str, float]]:
        """Return every slide's title, unique in the deck, and the size it fits its box at."""
        found = []
        for slide in _unique_titles(slides):
            if isinstance(slide, TitleSlide | SectionSlide):
                found.append((slide.title, slide.title_size))
            else:
                found.append(self.fit.fit_title(slide.title))
        return found


class _SectionWalk:
    """The slides of one section as its blocks come: bullets gather into a run until a break."""

    def __init__(self, walker: _Walker, title: str):
        self.walker = walker
        self.title = title
        self.run: list[Item] = []
        self.under = False  # the run goes on under a subheading: its claims are shown beneath it
        self.slides: list[Slide] = []
        self.headings: list[str] = []  # the heading each slide stands under
        self.pending: list[str] = []  # notes of what has no slide yet
        self.list_lead = False  # the run ends with a list's lead-in: the list's first items follow it
        self.lead: Lead | None = None  # a lead-in waiting for the picture, table or code it introduces

    def add(self, items: list[Item], glue_start: bool = False) -> None:
        """Add `items` to the run; with `glue_start` they are a list after its lead-in, which never
        stands alone, and which a slide the list runs on to repeats: an item without its lead-in
        can say the opposite ("Take over the learner's keyboard" after "things you should not do:")."""
        if self.under:  # beneath the subheading they stand under
            items = [_beneath(item) for item in items]
        if glue_start and self.run:
            lead = self.run[-1].bullets
            opening = plain(lead[0].inlines).split(" ", 1)[0].lower() if lead else ""
            again = lead if opening not in OPENING_PRONOUNS else ()  # not "These slides present:" alone
            items = [  # the first two never apart from it; a slide starting after them repeats it
                replace(
                    item,
                    glue=True,
                    alt=item.alt if k < 2 or not again else item.alt or (*again, *item.bullets),
                )
                for k, item in enumerate(items)
            ]
        self.run.extend(items)

    def shown(self) -> int:
        """Return how many claims the run shows so far."""
        return sum(1 for item in self.run if item.bullets)

    def subheading(self, heading: Heading) -> None:
        """A subheading over a claim or two, in a lecture of a length: a bullet of its own on the
        slide the run is on ("Noko Jeans"), with its claims beneath it."""
        self.under = False
        bold = tuple(replace(span, bold=True) for span in heading.inlines)
        self.run.append(Item((Bullet(bold),), plain(heading.inlines), self.walker._group(), start=True))
        self.under = True

    def introduce(self, paragraph: Paragraph, group: int) -> None:
        """The closing sentence of a longer paragraph introduces the list after it ("... Here are
        a few things you should not do:"): it leads the list, as a lead-in paragraph does."""
        bullet = Bullet(lead_point(paragraph.inlines, self.walker.lesson.meta.lang), lead=True)
        self.run.append(Item((bullet,), written(paragraph.inlines), group, start=True))
        self.list_lead = True

    def lead_in(self, paragraph: Paragraph, following) -> None:
        """A paragraph that introduces what follows: a list's opening line, or the line above a
        picture, table or code."""
        if isinstance(following, BulletList):
            bullet = Bullet(lead_point(paragraph.inlines, self.walker.lesson.meta.lang), lead=True)
            self.run.append(Item((bullet,), written(paragraph.inlines), self.walker._group(), start=True))
            self.list_lead = True
            return
        self.flush()
        self.lead = self.walker.media.lead(paragraph, paragraph.inlines)

    def media_block(self, block: Image | Table | Code) -> None:
        """Slides for a picture, table or code; a short run of claims before it becomes its lead-in.

        A picture that cannot be shown is named in the notes; one its author marked decorative
        is left off the slides, which are for what it decorates."""
        if isinstance(block, Image) and block.path is None:
            _ = self.walker._
            note = _(
                "Picture: {description} ({address})",
                description=block.alt or _("no description"),
                address=block.src,
            )
            self.add([Item((), note, self.walker._group(), glue=True)])
            return
        if isinstance(block, Image) and block.decorative:
            return
        lead, self.lead = self.lead, None
        if lead is None:
            lead = self._lead_from_run()
        self.flush()
        self.emit(self.walker.media.slides("", block, lead))

    def _lead_from_run(self) -> Lead | None:
        """Return the claims right before a picture, table or code as the line above it: a short
        run whole, or else its last paragraph when that is one short claim and the rest of the
        run still fills a slide ("When the shell is first opened, you are presented with a prompt")."""
        for tail in (self.run, self._last_paragraph()):
            shown = [item for item in tail if item.bullets]
            words = sum(len(plain(b.inlines).split()) for item in shown for b in item.bullets)
            rest = [item for item in self.run[: len(self.run) - len(tail)] if item.bullets]
            short = 0 < len(shown) <= (2 if tail is self.run else 1) and words <= LEAD_WORDS
            if short and all(len(i.bullets) == 1 for i in shown) and (not rest or len(rest) >= 3):
                self.run = self.run[: len(self.run) - len(tail)]
                notes = "\n\n".join(dict.fromkeys(item.note for item in tail))
                joined: list[Span] = []
                for index, item in enumerate(shown):
                    joined += [Span("\n")] * bool(index) + list(item.bullets[0].inlines)
                return self.walker.media.lead(Paragraph((Span(notes),), 0), tuple(joined))
        return None

    def _last_paragraph(self) -> list[Item]:
        """Return the items of the run's last paragraph (or list)."""
        if not self.run:
            return []
        group = self.run[-1].group
        start = len(self.run)
        while start and self.run[start - 1].group == group:
            start -= 1
        return self.run[start:]

    def flush(self) -> None:
        if self.run:
            self._drop_dangling_start()
            made = self.walker.bullets.content(self.run)
            if made:
                self.emit(made)
            else:
                self.orphan("\n\n".join(dict.fromkeys(item.note for item in self.run)))
            self.run = []
        self.under = False

    def _drop_dangling_start(self) -> None:
        """A run that opens with a bullet whose referent went before it ("This does not mean ...",
        after a subheading or a code block): that sentence stays in the notes."""
        first = next((k for k, item in enumerate(self.run) if item.bullets), None)
        if first is None or not self.run[first].glue:
            return
        words = plain(self.run[first].bullets[0].inlines).lower().split()
        if not words or words[0].strip(".,;:") not in OPENING_PRONOUNS:
            return
        if len(words) > 1 and (words[1] in SELF_NOUNS or words[1].rstrip("s") in self.title.lower()):
            return  # "This policy ...", "This zone ..." under a title that names it
        item = self.run[first]
        self.run[first] = replace(item, bullets=item.alt, glue=False, alt=())  # named, or in the notes only

    def emit(self, slides: list[Slide]) -> None:
        for slide in slides:
            if self.pending:
                slide = replace(slide, notes="\n\n".join([*self.pending, slide.notes]))
                self.pending = []
            # the first slide under a heading has it for title; those after, their own (see titles.py)
            first = not self.walker.uses.get(self.title)
            self.slides.append(replace(slide, title=self.walker.next_title(self.title) if first else ""))
            self.headings.append(self.title)

    def orphan(self, note: str) -> None:
        """Put a note with no slide of its own on the slide before it, or else the next one."""
        if self.slides:
            self.slides[-1] = replace(self.slides[-1], notes=f"{self.slides[-1].notes}\n\n{note}")
        else:
            self.pending.append(note)


def footnoted(notes: str, footnotes: Sequence[Footnote]) -> str:
    """Return a slide's notes with each footnote marker as "[n]" and the footnotes it marks
    after them: a slide leaves the marker out, its notes say the note."""
    if NOTE_MARK not in notes:
        return notes
    found: list[int] = []

    def number(marker: re.Match[str]) -> str:
        found.append(int(marker.group(1)))
        return f"[{marker.group(1)}]"

    notes = _MARKER.sub(number, notes)
    text = {note.number: written(note.inlines) for note in footnotes}
    said = [f"[{n}] {_MARKER.sub('', text[n])}" for n in dict.fromkeys(found) if n in text]
    return "\n\n".join([notes, *said])


_MARKER = re.compile(f"{NOTE_MARK}(\\d+){NOTE_MARK}")


def _text(block, text=written) -> str:
    """Return a paragraph's or a list's text: as written, for the notes, or `plain`."""
    if isinstance(block, Paragraph | Heading):
        return text(block.inlines)
    if isinstance(block, BulletList):
        return "\n".join(_text(b, text) for item in block.items for b in item.blocks)
    if isinstance(block, Equation):
        return f"$${block.latex}$$" if text is written else ""
    return ""


def _hidden(block, points: ArticlePoints) -> bool:
    """Tell whether `block` is a list the lecture leaves to the notes (see ArticlePoints.select)."""
    return isinstance(block, BulletList) and not points.shows_list(block)


def _beneath(item: Item) -> Item:
    """Return `item` a level down, kept with the subheading above it."""

    def down(bullets: tuple[Bullet, ...]) -> tuple[Bullet, ...]:
        return tuple(replace(b, level=min(b.level + 1, MAX_LEVEL)) for b in bullets)

    return replace(item, bullets=down(item.bullets), alt=down(item.alt), glue=True)


def _unique_titles(slides: list[Slide]) -> list[Slide]:
    """Return `slides` with repeated titles numbered: screen readers and the outline need them unique."""
    seen: dict[str, int] = {}
    out = []
    for slide in slides:
        title = slide.title
        count = seen.get(title.casefold(), 0)
        seen[title.casefold()] = count + 1
        while count and f"{title} ({count + 1})".casefold() in seen:
            count += 1
        if count:
            title = f"{title} ({count + 1})"
            seen[title.casefold()] = 1
            slide = replace(slide, title=title)
        out.append(slide)
    return out
