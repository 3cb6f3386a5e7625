"""Bullet slides: the article's claims packed onto full slides, and the lecture's own lists.

A run of bullets (what lies between the author's breaks: a subheading, `---`, a picture, table,
code or quote) is split into slides of three to six bullets, measured: consecutive short
paragraphs share a slide, a long one may fill one alone, and a slide starts at a paragraph when
it can. A bullet that follows the one before it (a pronoun's referent, a list after its lead-in)
never starts a slide. A run of a single claim is a statement slide: the sentence set large.
Notes hold exactly the paragraphs whose bullets the slide shows, verbatim.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from lecturekit.language.keypoints import Point
from lecturekit.language.points import ArticlePoints
from lecturekit.language.selection import said_in_a_breath
from lecturekit.model.lesson import (
    MATH_WORD,
    BulletList,
    Code,
    Equation,
    Heading,
    Image,
    Paragraph,
    Quote,
    Span,
    Table,
    plain,
    written,
)
from lecturekit.model.text import take

from .fitter import Fitter, sizes
from .slides import Bullet, BulletSlide, Slide, StatementSlide

MAX_LEVEL = 4  # deeper list items are shown at this level: more indentation leaves no room for text
LIST_ITEM_WORDS = 14  # a longer list item is condensed as a paragraph is, its whole text in the notes
LABEL_WORDS = 5  # "Flexible usage." opening a list item: its label
# What a slide of n bullets costs the plan: fewer slides first, then no stubs, then full ones.
SLIDE_COST = 100
COUNT_COST = {1: 80, 2: 25, 5: 10, 6: 60}
MID_PARAGRAPH_COST = 12  # a slide that starts inside a paragraph
GLUE_COST = 400  # a slide that starts with what belongs to the bullet before it
ALT_COST = 30  # ... where the referent can be named instead ("Nelle Nemo has ...", not "She has ...")
LINE_COST = 110  # each line a slide shows over FULL_LINES (lead-ins and sub-bullets too): a slide, rather
FULL_LINES = 6


@dataclass(frozen=True)
class Item:
    """What the packer moves as one: a bullet and its sub-bullets, with the text for the notes."""

    bullets: tuple[Bullet, ...]  # empty for a note only (a paragraph with no claim, a picture not shown)
    note: str  # the paragraph it comes from, verbatim
    group: int  # the items of one paragraph or list share a group: their notes are one paragraph
    glue: bool = False  # cannot start a slide: it belongs with the item before it
    start: bool = False  # opens a paragraph: a slide starts well here
    alt: tuple[Bullet, ...] = ()  # the bullets with the referent brought in, for a slide that starts here


def paragraph_items(paragraph: Paragraph, group: int, found: ArticlePoints) -> list[Item]:
    """Return a paragraph's claims as items; a paragraph with none is a note for the slide it sits on."""
    note = written(paragraph.inlines)
    points = found.shown(paragraph.inlines)
    if not points:
        return [Item((), note, group, glue=True)]
    return [
        Item(
            _bullets(point, 0),
            note,
            group,
            point.follows,
            point.first,
            _bullets(replace(point, inlines=point.alt), 0) if point.alt else (),
        )
        for point in points
    ]


def equation_item(block: Equation, group: int, shown: bool = True) -> Item:
    """Return a display equation as an item: a centred line that stays with the claim before it;
    its LaTeX source for the notes."""
    tag = f"({block.tag})" if block.tag else ""
    number = (Span(TAG_GAP + tag),) if tag else ()  # its number, as the text refers to it
    bullets = (Bullet((Span(MATH_WORD, math=block.latex), *number), display=True),) if shown else ()
    return Item(bullets, f"$${block.latex}$$ {tag}".rstrip(), group, glue=True)


TAG_GAP = "\u2003\u2003"  # two em spaces between an equation and its number


def _bullets(point: Point, level: int, number: int | None = None) -> tuple[Bullet, ...]:
    child = min(level + 1, MAX_LEVEL)
    return (Bullet(point.inlines, level, number), *(Bullet(c, child) for c in point.children))


def list_items(
    block: BulletList, group: int, found: ArticlePoints, later: list, warn, level: int = 0
) -> list[Item]:
    """Return the items of an author's list, levels and numbers kept; a long item is condensed
    (its label, if it opens with one, and its claims). Pictures and tables in the list go to
    `later`, for slides of their own; `warn(line, message)` reports a list nested too deep."""
    if level == MAX_LEVEL:
        warn(
            block.line,
            f"list nested deeper than {MAX_LEVEL + 1} levels: deeper items are shown at that level",
        )
    shown = min(level, MAX_LEVEL)
    items: list[Item] = []
    for position, entry in enumerate(block.items):
        number = block.start + position if block.ordered else None
        marker = f"{number}." if number is not None else "•"
        first = True
        for inner in entry.blocks:
            note_prefix = "  " * level + (marker + " " if first else "  ")
            if isinstance(inner, Paragraph | Heading):
                note = note_prefix + written(inner.inlines)
                bullets = _item_bullets(inner, shown, number if first else None, found)
                # A nested item belongs under the item above it: it never starts a slide.
                said = bool(bullets)  # an item with nothing to show is a note of the slide it sits on
                items.append(
                    Item(bullets, note, group, glue=level > 0 or not said, start=first and not level and said)
                )
                first = False
            elif isinstance(inner, BulletList):
                items.extend(list_items(inner, group, found, later, warn, level + 1))
            elif isinstance(inner, Image | Table):
                later.append(inner)
            elif isinstance(inner, Code):
                items.append(Item((Bullet((Span(inner.text, code=True),), shown),), inner.text, group))
            elif isinstance(inner, Equation):  # an item's equation, on its line under the item
                items.append(equation_item(inner, group))
            elif isinstance(inner, Quote):
                for quoted in inner.blocks:
                    if isinstance(quoted, Paragraph):
                        spans = tuple(replace(s, italic=True) for s in quoted.inlines)
                        items.append(Item((Bullet(spans, min(level + 1, MAX_LEVEL)),), written(spans), group))
                    elif isinstance(quoted, Equation):
                        items.append(equation_item(quoted, group))
    return items


def _item_bullets(
    block: Paragraph | Heading, level: int, number: int | None, found: ArticlePoints
) -> tuple[Bullet, ...]:
    """Return a list item's bullets: the item as written when short, else its label and claims."""
    text = plain(block.inlines)
    if len(text.split()) <= LIST_ITEM_WORDS or isinstance(block, Heading):
        return (Bullet(block.inlines, level, number),)
    points = found.points(block.inlines)
    label = _label(block)
    if label and found.brief:  # a lecture of a length: a long item shows its label, or its first claim
        return (Bullet(label, level, number),)
    if found.brief:  # its first claim, if a lecturer can say it in a breath; else the notes say it
        return _bullets(points[0], level, number) if points and said_in_a_breath(points[0]) else ()
    if label:
        child = min(level + 1, MAX_LEVEL)
        claims = [p for p in points if plain(p.inlines) != plain(label)]  # the label is shown once
        return (Bullet(label, level, number), *(b for p in claims for b in _bullets(p, child)))
    if not points:
        return (Bullet(block.inlines, level, number),)
    head, *rest = points
    return _bullets(head, level, number) + tuple(
        b for p in rest for b in _bullets(p, min(level + 1, MAX_LEVEL))
    )


def _label(block: Paragraph) -> tuple[Span, ...]:
    """Return the label a list item opens with ("Flexible usage." before its sentences), or ()."""
    from lecturekit.model.text import sentences

    text = plain(block.inlines)
    found = sentences(text)
    if len(found) < 2:
        return ()
    start, end = found[0]
    label = text[start:end].rstrip()
    if len(label.split()) > LABEL_WORDS or label.endswith("?"):
        return ()
    return take(block.inlines, [(start, start + len(label.rstrip(".:")))])


class BulletPlanner:
    """Plan bullet slides: content runs, statements, and the lecture's agenda, questions and sources."""

    def __init__(self, fit: Fitter, warn):
        self.fit = fit
        self.theme = fit.theme
        self.warn = warn

    def content(self, items: list[Item]) -> list[Slide]:
        """Return the slides of a run of items: full slides, or one statement for a lone claim."""
        items = [replace(item, bullets=self._set_apart(item.bullets)) for item in items]
        shown = [item for item in items if item.bullets]
        if not shown:
            return []
        if len(shown) == 1 and _statement(shown[0].bullets):
            return [self.statement(items)]
        return [
            BulletSlide(
                "", 0, tuple(self._sized(b, size) for item in page for b in item.bullets), size, _notes(page)
            )
            for page, size in self.pack(items)
        ]

    def _set_apart(self, bullets: tuple[Bullet, ...]) -> tuple[Bullet, ...]:
        """Return bullets with an inline equation too large for a line at the body's size (wider
        than it, or taller than half the body) moved to a display line after the words before it
        ("Adding the terms gives"); the words after it, if any, go beneath it ("which is constant
        over time"). An equation is never broken over lines."""
        found: list[Bullet] = []
        for bullet in bullets:
            width = self.fit.width(self.theme.body, bullet.level, bullet.number is not None)
            wide = next(
                (
                    k
                    for k, span in enumerate(bullet.inlines)
                    if span.math and self._too_large(span.math, width)
                ),
                None,
            )
            if bullet.display or wide is None:
                found.append(bullet)
                continue
            before, after = bullet.inlines[:wide], bullet.inlines[wide + 1 :]
            if plain(before).strip():
                found.append(replace(bullet, inlines=_strip_end(before)))
            found.append(Bullet((replace(bullet.inlines[wide], text=MATH_WORD),), display=True))
            if plain(after).strip(" .,;:"):  # ", which is constant": what it says of the equation, beneath it
                rest = _strip_leading(
                    take(after, [(len(plain(after)) - len(plain(after).lstrip(" ,;:")), len(plain(after)))])
                )
                level = min(bullet.level + 1, MAX_LEVEL)
                found += self._set_apart((replace(bullet, inlines=rest, level=level, number=None),))
        return tuple(found)

    def _too_large(self, latex: str, width: float) -> bool:
        """Tell whether an inline equation at the body's size is wider than a line or taller than
        half the body."""
        from lecturekit.layout.equations import outline  # only a lecture with equations loads it

        shape = outline(latex)
        size = self.theme.body_size
        return shape.width * size > width or shape.height * size > self.fit.room(self.theme.body) / 2

    def _sized(self, bullet: Bullet, size: float) -> Bullet:
        """Return a display equation with the size it fits the body's width at (see Fitter)."""
        if not bullet.display:
            return bullet
        fitted = self.fit.display_size(bullet, size)
        if fitted < self.theme.body_min:
            self.warn(
                None,
                f"an equation is too large for a slide at {self.theme.body_min:g} pt; it is shown at "
                f"{fitted:.0f} pt: split it, or break a long one over lines (\\\\ in an aligned block)",
            )
        return replace(bullet, size=round(fitted, 1))

    def statement(self, items: list[Item]) -> StatementSlide:
        """One claim, set large in the middle of the body: a key sentence, not a leftover bullet."""
        theme = self.theme
        text = next(item for item in items if item.bullets).bullets[0].inlines
        size = self.fit.fit_size(text, theme.body, theme.statement_size, theme.body_min)
        if size is None:
            size = theme.body_min
            text = self.fit.truncate(text, theme.body, size, level=-1)
        return StatementSlide("", 0, text, size, _notes(items))

    def listing(self, items: list[Item], kind: str, notes: str = "", columns: int = 1) -> list[Slide]:
        """Return the lecture's own lists (agenda, discussion, sources) as slides, as few as fit."""
        slides: list[Slide] = []
        for page, size in self.pack(items, columns=columns, balanced=True):
            page_notes = _notes(page)
            if notes:
                page_notes = f"{notes}\n\n{page_notes}"
            bullets = tuple(b for item in page for b in item.bullets)
            slides.append(BulletSlide("", 0, bullets, size, page_notes, kind, columns))
        return slides

    # -- packing -------------------------------------------------------------------------------

    def pack(
        self, items: list[Item], columns: int = 1, balanced: bool = False
    ) -> list[tuple[list[Item], float]]:
        """Return `items` split into slides, each set at the largest size it fits at.

        Slides are planned at the body size; a smaller size (down to the minimum) is used only
        where it saves a slide.
        """
        theme = self.theme
        items = [piece for item in items for piece in self.split_oversized(item, columns)]
        best = None
        for size in sizes(theme.body_size, theme.body_min):
            pages = self._partition(items, size, columns, balanced)
            if pages is not None and (best is None or len(pages) < len(best)):
                best = pages
        if best is None:  # nothing fits together: one item a slide
            best = [[item] for item in items]
        room = self.fit.room(theme.body)
        steps = sizes(theme.body_size, theme.body_min)
        return [
            (page, next((s for s in steps if self._height(page, s, columns) <= room), steps[-1]))
            for page in best
        ]

    def _partition(
        self, items: list[Item], size: float, columns: int, balanced: bool
    ) -> list[list[Item]] | None:
        """Return the cheapest split of `items` into slides that fit at `size` (see COUNT_COST),
        found by dynamic programming over where slides start: linear in the number of items."""
        theme = self.theme
        room = self.fit.room(theme.body) * columns
        cap = theme.max_bullets * columns
        heights = [sum(self.fit.bullet_height(b, size, columns) for b in item.bullets) for item in items]
        counts = [_weight(item) for item in items]
        lines = [len(item.bullets) for item in items]
        total = sum(counts)
        cost = [0.0] + [math.inf] * len(items)
        back = [0] * (len(items) + 1)
        for end in range(1, len(items) + 1):
            height = count = shown = 0.0
            for start in range(end - 1, -1, -1):
                height += heights[start]
                count += counts[start]
                shown += lines[start]
                if count > cap or height > room:
                    break
                if count == 0 or cost[start] == math.inf:
                    continue
                price = self._slide_cost(count, shown, total, items[start].start or not start, balanced)
                if start and items[start].glue:  # a referent left behind: named, or only where nothing fits
                    price += ALT_COST if items[start].alt else GLUE_COST
                if cost[start] + price < cost[end]:
                    cost[end], back[end] = cost[start] + price, start
        if cost[-1] == math.inf:
            return None
        pages, end = [], len(items)
        while end:
            page = items[back[end] : end]
            if back[end] and page[0].glue and page[0].alt:
                page = [replace(page[0], bullets=page[0].alt, glue=False), *page[1:]]
            pages.append(page)
            end = back[end]
        return pages[::-1]

    @staticmethod
    def _slide_cost(count: float, lines: float, total: float, at_paragraph: bool, balanced: bool) -> float:
        """What a slide of `count` bullets shown on `lines` lines (lead-ins, sub-bullets) costs."""
        if balanced:  # the lecture's own lists: fewest slides, evened out
            return SLIDE_COST + count * count * 0.01
        stub = COUNT_COST.get(math.ceil(count), 0) if total > count else 0
        full = COUNT_COST.get(int(lines), 0) if lines >= 5 else 0  # as full as it looks
        dense = LINE_COST * max(0, lines - FULL_LINES)
        return SLIDE_COST + max(stub, full) + dense + (0 if at_paragraph else MID_PARAGRAPH_COST)

    def _height(self, page: list[Item], size: float, columns: int) -> float:
        height = sum(self.fit.bullet_height(b, size, columns) for item in page for b in item.bullets)
        return height / columns

    def split_oversized(self, item: Item, columns: int = 1) -> list[Item]:
        """Return `item`, or pieces of its bullets if even alone at the minimum size it overflows."""
        theme = self.theme
        room = self.fit.room(theme.body)
        if sum(self.fit.bullet_height(b, theme.body_min, columns) for b in item.bullets) <= room:
            return [item]
        pieces: list[Item] = []
        for bullet in item.bullets:
            for part in self._split_bullet(bullet):
                pieces.append(replace(item, bullets=(part,), glue=item.glue if not pieces else True))
        return pieces

    def _split_bullet(self, bullet: Bullet) -> list[Bullet]:
        """Return a bullet too long for a slide as pieces that each fill one, at most MAX_PIECES
        of them: a list item that runs to pages (a page's script read as text) shows its start,
        and the notes keep it whole. Each piece is measured on a window of the text, not all of
        it, and takes at least one character, so the loop ends and costs time linear in the text."""
        theme = self.theme
        if self.fit.bullet_height(bullet, theme.body_min) <= self.fit.room(theme.body):
            return [bullet]
        words = len(plain(bullet.inlines).split())
        parts: list[Bullet] = []
        rest = bullet.inlines
        left = len(plain(rest))
        while left and len(parts) < MAX_PIECES:
            numbered = bullet.number is not None and not parts
            window = take(rest, [(0, min(left, WINDOW))]) if left > WINDOW else rest
            head = self.fit.truncate(
                window, theme.body, theme.body_size, level=bullet.level, numbered=numbered
            )
            shown = len(plain(head).rstrip("…"))
            if not shown:  # not one word fits the box: one character, so the loop moves on
                shown = 1
                head = take(window, [(0, 1), "…"])
            rest = _strip_leading(take(rest, [(shown, left)]))
            left = len(plain(rest))
            if left and len(parts) + 1 == MAX_PIECES and not plain(head).endswith("…"):
                head = (*head, Span("…"))
            if parts:
                head = (Span("…"), *head)
            parts.append(replace(bullet, inlines=head, number=bullet.number if not parts else None))
        shown_all = (
            "" if not left else f"; its first {MAX_PIECES} slides' worth is shown, the notes keep it whole"
        )
        self.warn(None, f"a list item of {words} words is split over slides{shown_all}")
        return parts


MAX_PIECES = 3  # slides one list item may fill; a longer one is shown in part, whole in the notes
WINDOW = 4000  # characters measured for one piece: more than a slide holds at any size


def _weight(item: Item) -> float:
    """Return what an item counts toward a slide's bullets: a sub-bullet, short and under its
    bullet, half; a lead-in nothing."""
    shown = [b for b in item.bullets if not b.lead]
    if not shown:
        return 0
    return sum(1 if b.level == shown[0].level else 0.5 for b in shown)


def _statement(bullets: tuple[Bullet, ...]) -> bool:
    """Tell whether a run's one item is a lone claim (not a list item, lead-in or sub-bullets)."""
    return len(bullets) == 1 and bullets[0].level == 0 and bullets[0].number is None and not bullets[0].lead


def _notes(items: list[Item]) -> str:
    """Return the notes of a slide: each item's paragraph once, a list's items line by line."""
    parts: list[str] = []
    last_group = None
    for item in items:
        if parts and item.group and item.group == last_group:
            if not parts[-1].endswith(item.note):
                parts[-1] += "\n" + item.note
        elif not parts or parts[-1] != item.note:
            parts.append(item.note)
        last_group = item.group
    return "\n\n".join(part for part in parts if part)


def _strip_leading(inlines):
    spans = list(inlines)
    while spans and not spans[0].text.strip():
        spans.pop(0)
    if spans:
        spans[0] = replace(spans[0], text=spans[0].text.lstrip())
    return tuple(spans)


def _strip_end(inlines):
    """Return words before an equation set apart, as its lead-in: no space or comma at the end."""
    spans = list(inlines)
    while spans and not spans[-1].text.strip(" ,;"):
        spans.pop()
    if spans:
        spans[-1] = replace(spans[-1], text=spans[-1].text.rstrip(" ,;"))
    return tuple(spans)
