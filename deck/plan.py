"""Plan a deck: Lesson -> slides, with every piece of text measured, split and sized here.

Pure: no python-pptx, no files. The rules a lecturer can rely on:
- one short bullet per paragraph (its key point, in its own words); the paragraph in the notes;
- author-written lists kept as they are, nested levels and numbering included;
- at most `theme.max_bullets` bullets a slide, and never more text than the box holds at the
  minimum size: what does not fit continues on a slide titled "<title> (cont.)";
- a subheading starts a new slide titled by it; `---` starts a new slide;
- every slide has a title, unique in the deck, and speaker notes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from lecturekit.keypoints import section_key_points
from lecturekit.lesson import (
    Break,
    BulletList,
    Code,
    Diagnostic,
    Heading,
    Image,
    Inlines,
    Lesson,
    Paragraph,
    Quote,
    Section,
    Span,
    Table,
    date_text,
    plain,
)
from lecturekit.text import take

from .measure import Measurer
from .slides import (
    Bullet,
    BulletSlide,
    Deck,
    PictureSlide,
    QuoteSlide,
    SectionSlide,
    Slide,
    TitleSlide,
)
from .theme import DEFAULT_THEME, Box, Theme

MAX_LEVEL = 4  # deeper list items are shown at this level: more indentation leaves no room for text
_SUFFIX = re.compile(r" \((?:cont\.(?: \d+)?|\d+)\)$")


@dataclass(frozen=True)
class _Item:
    bullet: Bullet
    note: str
    group: int  # items of one source block share a group; their notes are one paragraph


def plan_deck(lesson: Lesson, theme: Theme = DEFAULT_THEME, questions: Sequence[str] = ()) -> Deck:
    """Return the slides for `lesson`; `questions` go on the closing discussion slide(s)."""
    return _Planner(lesson, theme).plan(questions)


class _Planner:
    def __init__(self, lesson: Lesson, theme: Theme):
        self.lesson = lesson
        self.meta = lesson.meta
        self.theme = theme
        self.measure = Measurer(theme.sans, theme.mono, theme.line_spacing)
        self.measure_titles = Measurer(theme.heading, theme.mono, theme.line_spacing)
        self.slides: list[Slide] = []
        self.warnings: list[Diagnostic] = []
        self.title_uses: dict[str, int] = {}
        self.groups = 0

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(Diagnostic(self.lesson.path, line, message))

    # -- the deck ------------------------------------------------------------------------------

    def plan(self, questions: Sequence[str]) -> Deck:
        sections = self.lesson.sections
        self.title_slide()
        many = len(sections) > 1
        if many:
            self.agenda(sections)
        for number, section in enumerate(sections, start=1):
            if many:
                self.section_slide(number, len(sections), section)
            self.section_content(section)
        if questions:
            self.discussion(questions)
        self.sources()
        slides = self.fit_titles(_unique_titles(self.slides))
        return Deck(self.meta.title, self.footer(), tuple(slides), tuple(self.warnings))

    def footer(self) -> str:
        """Return "course · title" for the foot of content slides, shortened to one line."""
        theme = self.theme
        text = " · ".join(part for part in (self.meta.course, self.meta.title) if part)
        width = (theme.footer.w - 2 * theme.inset_x) * (1 - theme.slack)
        if self.measure.width(text, theme.footer_size) <= width:
            return text
        while text and self.measure.width(text + "…", theme.footer_size) > width:
            text = text[: max(len(text) - 4, 0)].rstrip()
        return text + "…"

    def title_slide(self) -> None:
        meta = self.meta
        date = date_text(meta)
        details = tuple(part for part in (meta.course, meta.lecturer, date) if part)
        notes = [f"Lecture: {meta.title}."]
        if meta.subtitle:
            notes.append(meta.subtitle)
        if meta.source:
            notes.append(f"Based on an article from {meta.source}.")
        title, size = self.fit_hero(meta.title, self.theme.hero_title, "hero")
        self.slides.append(TitleSlide(title, size, meta.subtitle, details, "\n".join(notes)))

    def agenda(self, sections: Sequence[Section]) -> None:
        items = [
            _Item(Bullet(section.title, 0, number), plain(section.title), 0)
            for number, section in enumerate(sections, start=1)
        ]
        notes = f"This lecture has {len(sections)} parts."
        self.bullet_slides("Agenda", items, kind="agenda", notes=notes)

    def section_slide(self, number: int, total: int, section: Section) -> None:
        heading = plain(section.title)
        kicker = f"Part {number}"
        subheadings = [plain(b.inlines) for b in section.blocks if isinstance(b, Heading)]
        notes = f"Part {number} of {total}: {heading}."
        if subheadings:
            notes += " It covers " + ", ".join(subheadings) + "."
        theme = self.theme
        # The kicker ("Part 2") shares the title box, one line at the title minimum above the heading.
        kicker_height = self.measure_titles.line_height(theme.title_min) + theme.kicker_gap
        shown, size = self.fit_hero(heading, theme.section, "section", reserve=kicker_height)
        if shown == heading:
            self.slides.append(SectionSlide(f"{kicker}\n{heading}", kicker, heading, size, notes))
            return
        # A small title box (some templates'): one line, "Part 2: ...", rather than losing the heading.
        shown, size = self.fit_hero(f"{kicker}: {heading}", theme.section, "section")
        self.slides.append(SectionSlide(shown, "", shown, size, notes))

    def discussion(self, questions: Sequence[str]) -> None:
        items = [_Item(Bullet((Span(q),), 0, n), f"{n}. {q}", 0) for n, q in enumerate(questions, start=1)]
        self.bullet_slides("Discussion", items, kind="discussion", notes="Questions for discussion:")

    def sources(self) -> None:
        meta = self.meta
        lines: list[Inlines] = []
        if meta.source:
            lines.append((Span(meta.source, bold=True), Span(f": “{meta.title}”")))
        else:
            lines.append((Span(f"“{meta.title}”"),))
            self.warn(
                None, "no 'source' in the front matter: the sources slide cannot credit the publication"
            )
        if meta.author:
            lines.append((Span(f"Written by {meta.author}"),))
        if meta.url:
            lines.append((Span(meta.url, href=meta.url),))
        pictures = [b for s in self.lesson.sections for b in s.blocks if isinstance(b, Image) and b.title]
        for image in pictures:
            lines.append((Span(f"“{image.title}” ({Path(image.src).name})"),))
        items = [_Item(Bullet(line), plain(line), 0) for line in lines]
        self.bullet_slides("Sources", items, kind="sources", notes="Sources and attribution:")

    # -- a section -----------------------------------------------------------------------------

    def section_content(self, section: Section) -> None:
        title = plain(section.title)
        run: list[_Item] = []
        bullets = {id(paragraph): bullet for _, paragraph, bullet in section_key_points(section)}

        def flush() -> None:
            if run:
                self.bullet_slides(title, run)
                run.clear()

        for block in section.blocks:
            if isinstance(block, Paragraph):
                self.groups += 1
                bullet = Bullet(bullets[id(block)])
                run.append(_Item(bullet, plain(block.inlines), self.groups))
            elif isinstance(block, BulletList):
                self.groups += 1
                run.extend(self.list_items(block, 0, self.groups))
            elif isinstance(block, Heading):
                flush()
                title = plain(block.inlines)
            elif isinstance(block, Break):
                flush()
            elif isinstance(block, Quote):
                flush()
                self.quote_slide(title, block)
            elif isinstance(block, Image):
                flush()
                self.picture_slide(title, block)
            elif isinstance(block, Table):
                self.groups += 1
                run.extend(self.table_items(block, self.groups))
            elif isinstance(block, Code):
                self.groups += 1
                code = (Span(block.text, code=True),)
                run.append(_Item(Bullet(code), block.text, self.groups))
        flush()

    def list_items(self, block: BulletList, level: int, group: int) -> list[_Item]:
        if level == MAX_LEVEL:
            self.warn(
                block.line,
                f"list nested deeper than {MAX_LEVEL + 1} levels: deeper items are shown at that level",
            )
        shown = min(level, MAX_LEVEL)
        items: list[_Item] = []
        for position, item in enumerate(block.items):
            number = block.start + position if block.ordered else None
            marker = f"{number}." if number is not None else "•"
            first = True
            for inner in item.blocks:
                if isinstance(inner, Paragraph | Heading):
                    text = plain(inner.inlines)
                    bullet = Bullet(inner.inlines, shown, number if first else None)
                    items.append(
                        _Item(bullet, "  " * level + (marker + " " if first else "  ") + text, group)
                    )
                    first = False
                elif isinstance(inner, BulletList):
                    items.extend(self.list_items(inner, level + 1, group))
                elif isinstance(inner, Code):
                    items.append(_Item(Bullet((Span(inner.text, code=True),), shown), inner.text, group))
                elif isinstance(inner, Quote):
                    for quoted in inner.blocks:
                        if isinstance(quoted, Paragraph):
                            spans = tuple(replace(s, italic=True) for s in quoted.inlines)
                            items.append(_Item(Bullet(spans, min(level + 1, MAX_LEVEL)), plain(spans), group))
        return items

    def table_items(self, block: Table, group: int) -> list[_Item]:
        rows = [block.header, *block.rows]
        items = []
        for row in rows:
            cells = [plain(cell) for cell in row]
            text = " | ".join(cells)
            items.append(_Item(Bullet((Span(text, bold=row is block.header),)), text, group))
        return items

    def quote_slide(self, title: str, block: Quote) -> None:
        quote = _join_paragraphs([b for b in block.blocks if isinstance(b, Paragraph)])
        attribution = plain(block.attribution)
        notes = plain(quote) + (f"\n— {attribution}" if attribution else "")
        box = self.theme.body
        size = self.fit_size(quote, box, self.theme.quote_size, self.theme.body_min, reserve=1)
        if size is None:  # too long to show whole: show what fits, the rest is in the notes
            size = self.theme.body_min
            quote = self.truncate(quote, box, size, reserve=1)
            self.warn(
                block.line, "quote too long for one slide: the slide shows its start, the notes all of it"
            )
        self.slides.append(QuoteSlide(self.next_title(title), 0, quote, attribution, size, notes))

    def picture_slide(self, title: str, block: Image) -> None:
        caption = block.title
        notes = block.alt or block.title or "Picture."
        if block.path is None:
            # A remote image is never fetched: its alt text stands in for it.
            alt = block.alt or block.src
            item = _Item(Bullet((Span(f"[Image: {alt}]", italic=True),)), notes, 0)
            self.bullet_slides(block.title or title, [item])
            return
        self.slides.append(PictureSlide(self.next_title(block.title or title), 0, block, caption, notes))

    # -- packing bullets onto slides -----------------------------------------------------------

    def bullet_slides(self, title: str, items: list[_Item], kind: str = "content", notes: str = "") -> None:
        """Add slides showing `items`, as few as the box allows, continuing under "(cont.)"."""
        items = [piece for item in items for piece in self.split_oversized(item)]
        for page, size in self.pack(items):
            page_notes = _notes(page)
            if notes:
                page_notes = f"{notes}\n\n{page_notes}"
            bullets = tuple(item.bullet for item in page)
            self.slides.append(BulletSlide(self.next_title(title), 0, bullets, size, page_notes, kind))

    def pack(self, items: list[_Item]) -> list[tuple[list[_Item], float]]:
        """Return `items` split into slides, each within the bullet limit, with the size it fits at.

        Bullets are set at the body size; a slide shrinks towards the minimum only when that
        saves a continuation slide, or when its one item needs it.
        """
        theme = self.theme
        sizes = _sizes(theme.body_size, theme.body_min)
        pages = self._greedy(items, theme.body_size, theme.max_bullets)
        if len(pages) > 1:
            for smaller in sizes[1:]:
                if len(self._greedy(items, smaller, theme.max_bullets)) == 1:
                    return [(items, smaller)]
            cap = math.ceil(len(items) / len(pages))  # balance: 4 + 3 reads better than 6 + 1
            balanced = self._greedy(items, theme.body_size, cap)
            if len(balanced) == len(pages):
                pages = balanced
        room = self.room(theme.body)
        return [
            (page, next((s for s in sizes if self.page_height(page, s) <= room), sizes[-1])) for page in pages
        ]

    def page_height(self, page: list[_Item], size: float) -> float:
        return sum(self.bullet_height(item.bullet, size) for item in page)

    def _greedy(self, items: list[_Item], size: float, cap: int) -> list[list[_Item]]:
        pages: list[list[_Item]] = [[]]
        height = 0.0
        room = self.room(self.theme.body)
        for item in items:
            h = self.bullet_height(item.bullet, size)
            if pages[-1] and (len(pages[-1]) >= cap or height + h > room):
                pages.append([])
                height = 0.0
            pages[-1].append(item)
            height += h
        return [page for page in pages if page]

    def split_oversized(self, item: _Item) -> list[_Item]:
        """Return `item`, or pieces of it if even alone at the minimum size it overflows the box."""
        theme = self.theme
        bullet = item.bullet
        if self.bullet_height(bullet, theme.body_min) <= self.room(theme.body):
            return [item]
        self.warn(None, f"a list item of {len(plain(bullet.inlines).split())} words is split over slides")
        pieces: list[_Item] = []
        rest = bullet.inlines
        while rest:
            numbered = bullet.number is not None and not pieces
            head = self.truncate(rest, theme.body, theme.body_size, level=bullet.level, numbered=numbered)
            shown = len(plain(head).rstrip("…"))
            rest = _strip_leading(take(rest, [(shown, len(plain(rest)))]))
            if pieces:
                head = (Span("…"), *head)
            pieces.append(
                replace(
                    item, bullet=replace(bullet, inlines=head, number=bullet.number if not pieces else None)
                )
            )
        return pieces

    def truncate(
        self,
        inlines: Inlines,
        box: Box,
        size: float,
        level: int = 0,
        reserve: int = 0,
        numbered: bool = False,
        measure: Measurer | None = None,
    ) -> Inlines:
        """Return the longest start of `inlines` (plus "…") that fits `box` at `size`."""
        measure = measure or self.measure
        width = self.width(box, level, numbered)
        line = measure.line_height_of(inlines, size)
        room = self.room(box) - reserve * line
        max_lines = max(1, int(room // line))
        lines = measure.lines(inlines, size, width)
        if len(lines) <= max_lines:
            return inlines
        kept = sum(len(text) for line in lines[:max_lines] for _, text in line)
        text = plain(inlines)
        # Count the characters the measured lines hold, in the original text (spaces included).
        end = _offset_after(text, kept)
        cut = text.rfind(" ", 0, end - 1)
        end = cut if cut > end // 2 else end - 1
        return take(inlines, [(0, end), "…"])

    # -- measuring -----------------------------------------------------------------------------

    def width(self, box: Box, level: int = 0, numbered: bool = False) -> float:
        """Return the measuring width of text in `box`: list items at `level`, or plain text at -1."""
        theme = self.theme
        margin = theme.margin(level, numbered) if level >= 0 else 0.0
        return (box.w - 2 * theme.inset_x - margin) * (1 - theme.slack)

    def room(self, box: Box) -> float:
        return (box.h - 2 * self.theme.inset_y) * (1 - self.theme.slack)

    def bullet_height(self, bullet: Bullet, size: float) -> float:
        """Return the height of `bullet` at `size`, with the space PowerPoint puts before it."""
        theme = self.theme
        width = self.width(theme.body, bullet.level, bullet.number is not None)
        space = theme.space_before if bullet.level == 0 else theme.space_before_nested
        return self.measure.height(bullet.inlines, size, width) + space

    def fit_size(
        self,
        inlines: Inlines,
        box: Box,
        size: float,
        minimum: float,
        reserve: int = 0,
        measure: Measurer | None = None,
    ) -> float | None:
        """Return the largest size from `size` down to `minimum` at which `inlines` fits `box`."""
        measure = measure or self.measure
        for candidate in _sizes(size, minimum):
            room = self.room(box) - reserve * measure.line_height_of(inlines, candidate)
            if measure.height(inlines, candidate, self.width(box, -1)) <= room:
                return candidate
        return None

    def title_text(self, text: str, role: str = "title") -> Inlines:
        """Return a title as it is drawn, to measure it: bold, or in capitals, if the template sets it so."""
        theme = self.theme
        bold = {"title": theme.title_bold, "hero": theme.hero_bold, "section": theme.section_bold}[role]
        return (Span(text.upper() if role in theme.caps else text, bold=bold),)

    def fit_hero(self, text: str, box: Box, role: str, reserve: float = 0.0) -> tuple[str, float]:
        """Return a big title and its size: the hero size, shrunk to the title minimum, then shortened."""
        theme = self.theme
        room = self.room(box) - reserve
        width = self.width(box, -1)
        for candidate in _sizes(theme.hero_size, theme.title_min):
            if self.measure_titles.height(self.title_text(text, role), candidate, width) <= room:
                return text, candidate
        return self.shorten_title(text, box, theme.title_min, role, reserve), theme.title_min

    def shorten_title(
        self, text: str, box: Box, size: float, role: str, reserve: float = 0.0, suffix: str = ""
    ) -> str:
        """Return the longest start of `text` that, with "…" and `suffix`, fits `box` as the title is drawn.

        The cut is estimated on the text as it is, then moved back a word at a time while the
        title, in the template's capitals or bold, still does not fit.
        """
        width, room = self.width(box, -1), self.room(box) - reserve

        def fits(candidate: str) -> bool:
            return self.measure_titles.height(self.title_text(candidate, role), size, width) <= room

        if fits(text + suffix):
            return text + suffix
        shown = Box(box.x, box.y, box.w, box.h - reserve / (1 - self.theme.slack))
        short = plain(self.truncate((Span(text),), shown, size, level=-1, measure=self.measure_titles))
        short = short.removesuffix("…").rstrip()
        while short:
            if fits(short + "…" + suffix):
                return short + "…" + suffix
            cut = short.rfind(" ")
            short = short[:cut].rstrip() if cut > 0 else short[:-1]  # always shorter: this ends
        return "…" + suffix

    def next_title(self, title: str) -> str:
        uses = self.title_uses.get(title, 0)
        self.title_uses[title] = uses + 1
        if uses == 0:
            return title
        return f"{title} (cont.)" if uses == 1 else f"{title} (cont. {uses})"

    def fit_titles(self, slides: list[Slide]) -> list[Slide]:
        """Size every title to its box; shorten one that does not fit even at the minimum."""
        theme = self.theme
        fitted: list[Slide] = []
        for slide in slides:
            if isinstance(slide, TitleSlide | SectionSlide):
                fitted.append(slide)
                continue
            text = slide.title
            titles = self.measure_titles
            size = self.fit_size(
                self.title_text(text), theme.title, theme.title_size, theme.title_min, measure=titles
            )
            if size is None:
                size = theme.title_min
                suffix = m.group() if (m := _SUFFIX.search(text)) else ""
                text = self.shorten_title(
                    text[: len(text) - len(suffix)], theme.title, size, "title", suffix=suffix
                )
            fitted.append(replace(slide, title=text, title_size=size))
        return fitted


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


def _sizes(size: float, minimum: float) -> list[float]:
    sizes = []
    while size >= minimum:
        sizes.append(size)
        size -= 2
    return sizes or [minimum]


def _notes(items: list[_Item]) -> str:
    parts: list[str] = []
    last_group = None
    for item in items:
        if parts and item.group and item.group == last_group:
            parts[-1] += "\n" + item.note
        elif not parts or parts[-1] != item.note:
            parts.append(item.note)
        last_group = item.group
    return "\n\n".join(parts)


def _join_paragraphs(paragraphs: list[Paragraph]) -> Inlines:
    spans: list[Span] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            spans.append(Span("\n"))
        spans.extend(paragraph.inlines)
    return tuple(spans)


def _strip_leading(inlines: Inlines) -> Inlines:
    spans = list(inlines)
    while spans and not spans[0].text.strip():
        spans.pop(0)
    if spans:
        spans[0] = replace(spans[0], text=spans[0].text.lstrip())
    return tuple(spans)


def _offset_after(text: str, visible: int) -> int:
    """Return the offset in `text` after `visible` characters, counting collapsed spaces once."""
    count = 0
    for offset, char in enumerate(text):
        if count >= visible:
            return offset
        if not (char == " " and offset and text[offset - 1] == " "):
            count += 1
    return len(text)
