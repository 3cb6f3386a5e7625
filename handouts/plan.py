"""Plan a handout: Lesson + questions + outcomes -> typed blocks on pages of a known size. No reportlab.

The plan decides everything the page shows: the words (templates/handout.j2), the type scale,
where each part starts, the size of every picture, each table's type size and column widths,
every row of code (layout.py), and where the questions and outcomes go. The writers draw it:
pdf_writer.py on paper, html_writer.py as a web page.

The first page opens with the title, the learning outcomes and an overview of the parts. Each
part gives its key points (the slides' bullets) and its reading. The questions come last,
grouped by the part they are about, each with lines to answer on; with `discussion: sections`
each part ends on its best question instead, and the list at the end holds the rest.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from lecturekit.language.keypoints import is_back_matter
from lecturekit.language.points import ArticlePoints, article_points
from lecturekit.layout import furniture, highlight
from lecturekit.layout.links import followable
from lecturekit.model import lesson as model
from lecturekit.model.lesson import Inlines, Lesson, Span, date_text, plain
from lecturekit.model.text import take
from lecturekit.options import HandoutOptions
from lecturekit.questions.discussion import section_prompts
from lecturekit.questions.outcomes import LEAD

from . import layout
from .blocks import (
    MUTED,
    RULE,
    Block,
    Footnotes,
    Handout,
    ListBlock,
    Page,
    Panel,
    Part,
    QuestionBlock,
    QuoteBlock,
    Rule,
    Style,
    Text,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from lecturekit.questions.discussion import Question, Questions

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_ANSWER_LINES = 4
FEWEST = 3  # questions a handout asks; below it, ruled space for the lecturer's own
DEFAULT_OPTIONS = HandoutOptions()
MM = 72 / 25.4
PAPER = {"a4": (210 * MM, 297 * MM), "letter": (612.0, 792.0)}
MAX_DEPTH = 5  # lists and quotes nested deeper are not indented further: the column would vanish
LIST_INDENT, QUOTE_INDENT = 14.0, 18.0
SECTION_ROOM = 45 * MM  # a part starts a new page unless this much of the page is left
QUESTIONS_ROOM = 110 * MM  # the questions too, unless there is room for several


BODY_SIZE = 10.5


def styles(accent: str) -> dict[str, Style]:
    """Return the handout's type scale: 10.5 pt body text, headings at 16, 13 and 12."""
    label = Style(9, 12, bold=True, colour=MUTED, before=4, after=3, keep_with_next=True)
    return {
        "body": Style(BODY_SIZE, 14.5),
        "header": Style(8.5, 10, colour=MUTED, after=0),
        "kicker": Style(10, 13, colour=accent, after=4),
        "title": Style(24, 28.5, bold=True),
        "subtitle": Style(14, 18, colour=MUTED),
        "byline": Style(10.5, 14.5, colour=MUTED, after=2),
        "label": label,
        "overview": Style(10.5, 14.5, after=1.5, indent=2),
        "h1": Style(16, 20, bold=True, before=10, keep_with_next=True),
        "h2": Style(13, 17, bold=True, before=10, after=4, keep_with_next=True),
        "h3": Style(12, 15.5, bold=True, before=6, after=3, keep_with_next=True),
        "point": Style(10.5, 14.5, after=0, indent=12),
        "subpoint": Style(10.5, 14.5, after=0, indent=26, bullet_indent=14),
        "point_heading": Style(9.5, 13, bold=True, colour=MUTED, before=3, after=0),
        "quote": Style(10.5, 14.5, italic=True, colour=MUTED, after=4),
        "attribution": Style(10.5, 14.5, colour=MUTED, after=2),
        "muted": Style(10.5, 14.5, colour=MUTED, after=8),
        "question": Style(11, 15, indent=16, before=10, after=4),
        "note": Style(9, 12, colour=MUTED, indent=16, after=2),
        "caption": Style(9, 12, colour=MUTED, centred=True, after=8),
        "footnote": Style(9, 12, colour=MUTED, after=2, indent=12, bullet_indent=0),
        "code": Style(
            layout.CODE_SIZE,
            layout.CODE_LEADING,
            colour=highlight.INK,
            mono=True,
            before=4,
            after=10,
            indent=4,
        ),
    }


def plan_handout(
    lesson: Lesson,
    questions: Questions,
    outcomes: tuple[str, ...],
    accent: str,
    options: HandoutOptions = DEFAULT_OPTIONS,
    points: ArticlePoints | None = None,
    prompts: Mapping[str, Question] | None = None,
) -> Handout:
    """Return the handout of `lesson`, its headings and labels in the `accent` colour's family.
    `points` are the article's and `prompts` each part's question (with `discussion: sections`),
    worked out here when not given."""
    meta = lesson.meta
    words = _words(meta.lang)
    paper = options.paper or meta.paper or "a4"
    lines = options.answer_lines if options.answer_lines is not None else meta.answer_lines
    page = Page(*PAPER[paper], 20 * MM, 22 * MM, 20 * MM, 12 * MM, 10 * MM, 8 * MM)
    sections = lesson.sections  # the references too: students read them, though no slide shows them
    asked = _Asked(DEFAULT_ANSWER_LINES if lines is None else lines, options.instructor, meta.lang)
    if prompts is None:
        prompts = section_prompts(questions) if meta.discussion == "sections" else {}
    points = points or article_points(lesson)
    parts = [
        _section_part(number, section, points, page.column, prompts, asked, options.reading, lesson.footnotes)
        for number, section in enumerate(sections, start=1)
    ]
    rest = [q for q in questions.questions if q not in prompts.values()]
    blanks = max(0, FEWEST - len(questions.questions)) if asked.lines else 0
    if rest or blanks:
        parts.append(_questions_part(rest, sections, asked, blanks))
    parts.append(_source_part(meta))
    looks = styles(accent)
    return Handout(
        meta=meta,
        page=page,
        styles=looks,
        accent=accent,
        front=_front(meta, outcomes, sections, accent),
        parts=tuple(parts),
        header=_one_line(_text(words.running_header(meta)), page.column, looks["header"].size),
        footer=_text(words.page_footer()),
        instructor=options.instructor,
    )


# -- the first page ------------------------------------------------------------------------------


def _front(meta, outcomes, sections, accent) -> tuple[Block, ...]:
    words = _words(meta.lang)
    front: list[Block] = []
    kicker = _text(words.kicker(meta))
    if kicker:
        front.append(Text("kicker", _spans(kicker)))
    front.append(Text("title", _spans(meta.title), heading=1, anchor="title"))
    if meta.subtitle:
        front.append(Text("subtitle", _spans(meta.subtitle)))
    byline = _text(words.byline(meta, date_text(meta, furniture.words(meta.lang))))
    if byline:
        front.append(Text("byline", _spans(byline)))
    front.append(Rule(1.0, 1.2, accent, 4, 10))
    if outcomes:
        rows = tuple(Text("point", _spans(o), bullet="•") for o in outcomes)
        label = Text("label", _spans(_text(words.outcomes_heading())))
        lead = furniture.words(meta.lang)(LEAD)
        front.append(Panel(label, (Text("point_heading", _spans(lead)), *rows)))
    if len(sections) > 1:
        front.append(Text("label", _spans(_text(words.overview_heading()))))
        for number, section in enumerate(sections, start=1):
            front.append(
                Text("overview", (Span(str(number), bold=True), Span("\u00a0\u00a0" + plain(section.title))))
            )
    return tuple(front)


# -- the parts -----------------------------------------------------------------------------------


def _section_part(
    number, section, points: ArticlePoints, width, prompts, asked, reading: bool, footnotes=()
) -> Part:
    words = asked.words
    title = plain(section.title)
    shown = _spans(f"{number}\u00a0\u00a0{title}")
    heading = Text("h1", shown, heading=2, anchor=f"section-{number}", outline=f"{number}. {title}")
    blocks: list[Block] = []
    rows: list[Text] = []
    last = None
    for subheading, _, found in points.section(section):
        if found and subheading != title and subheading != last:
            rows.append(Text("point_heading", _spans(subheading)))
            last = subheading
        for point in found:
            rows.append(Text("point", _completed(_without_notes(point.inlines), point.equation), bullet="•"))
            rows += [Text("subpoint", _without_notes(child), bullet="–") for child in point.children]
    if rows and not is_back_matter(title):  # thanks and references have no points to take away
        blocks.append(Panel(Text("label", _spans(_text(words.key_points_heading()))), tuple(rows)))
    if reading and section.blocks:
        blocks.append(Text("label", _spans(_text(words.reading_heading()))))
        blocks += _reading(section.blocks, width, number)
        blocks += _footnotes(section, footnotes)
    if title in prompts:
        blocks.append(
            Text("h3", _spans(_text(words.discuss_heading())), heading=3, anchor=f"discuss-{number}")
        )
        blocks.append(asked.block(prompts[title]))
    return Part(heading, tuple(blocks), SECTION_ROOM)


def _questions_part(questions: list[Question], sections, asked, blanks: int = 0) -> Part:
    """The questions, grouped by the part they are about (the lecture's own first), then
    `blanks` ruled spaces for questions of the lecturer's own, when the text gave too few."""
    words = asked.words
    heading = Text("h1", _spans(_text(words.questions_heading())), heading=2, anchor="questions")
    intro = _text(words.questions_intro(len(questions), asked.lines))
    blocks: list[Block] = [Text("muted", _spans(intro))] if questions else []
    titles = [plain(s.title) for s in sections]
    groups = {title: [q for q in questions if q.section == title] for title in ["", *titles]}
    grouped = sum(1 for group in groups.values() if group) > 1
    for index, (title, group) in enumerate(groups.items()):
        if not group:
            continue
        if grouped:
            shown = title or _text(words.lecture_questions())
            blocks.append(Text("h3", _spans(shown), heading=3, anchor=f"questions-{index}"))
        blocks += [asked.block(q) for q in group]
    if blanks:
        # asked.count: these and, with `discussion: sections`, those that end each part
        blocks.append(Text("muted", _spans(_text(words.few_questions(asked.count)))))
        blocks += [asked.blank(_spans(_text(words.own_question()))) for _ in range(blanks)]
    return Part(heading, tuple(blocks), QUESTIONS_ROOM)


class _Asked:
    """Numbers the questions in the order the handout asks them and plans each one's block."""

    def __init__(self, lines: int, instructor: bool, lang: str = "en"):
        self.words = _words(lang)  # the handout's wording, in the lecture's language
        self.lines = lines
        self.instructor = instructor
        self.count = 0

    def block(self, question: Question) -> QuestionBlock:
        self.count += 1
        notes: tuple[Text, ...] = ()
        if self.instructor:
            words = self.words
            level = (
                Span(_text(words.level(question)), bold=True),
                Span(" · " + _text(words.origin(question))),
            )
            notes = (
                Text("note", level),
                *(Text("note", _spans(_text(words.instructor_source(s)))) for s in question.sources),
            )
            if question.answer:
                mentions = (
                    Span(_text(words.answer_heading()) + " ", bold=True),
                    Span("; ".join(question.answer)),
                )
                notes += (Text("note", mentions),)
        return QuestionBlock(self.count, _spans(question.text), self.lines, notes)

    def blank(self, label: Inlines) -> QuestionBlock:
        """Return a numbered space for a question of the lecturer's own: a line to write it on,
        and the lines to answer it."""
        self.count += 1
        return QuestionBlock(self.count, label, self.lines + 1)


def _source_part(meta) -> Part:
    words = _words(meta.lang)
    blocks: list[Block] = [Text("body", _spans(_text(words.source_text(meta))))]
    if followable(meta.url):
        blocks.append(Text("body", (Span(meta.url, href=meta.url),)))
    heading = Text("h2", _spans(_text(words.source_heading())), heading=2, anchor="source")
    return Part(heading, tuple(blocks), 0.0)


# -- the reading ---------------------------------------------------------------------------------


def _reading(blocks, width: float, section: int, depth: int = 0, body: str = "body", framed: bool = True):
    """Return the planned blocks of the article's `blocks` in a column `width` wide; `framed` is
    False inside a list item, where a quote is not indented further."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        if isinstance(block, model.Paragraph):
            out.append(Text(body, block.inlines))
        elif isinstance(block, model.Heading):
            level = min(6, 2 + block.level)
            out.append(Text("h3", block.inlines, heading=level, anchor=f"section-{section}-{index}"))
        elif isinstance(block, model.BulletList):
            indent = LIST_INDENT if depth < MAX_DEPTH else 0.0
            items = tuple(
                tuple(_reading(item.blocks, width - indent, section, depth + 1, framed=False))
                for item in block.items
            )
            out.append(ListBlock(block.ordered, block.start, items, indent))
        elif isinstance(block, model.Quote):
            indent = QUOTE_INDENT if depth < MAX_DEPTH and framed else 0.0
            inner = _reading(block.blocks, width - indent, section, depth + 1, "quote", framed)
            out.append(QuoteBlock(tuple(inner), block.attribution, indent))
        elif isinstance(block, model.Image):
            if block.path is None:  # never fetched: the alt text stands in
                out.append(Text("caption", _spans(f"[{block.alt or block.src}]")))
            else:
                out.append(layout.picture(block, width))
        elif isinstance(block, model.Table):
            out.append(layout.table(block, width))
        elif isinstance(block, model.Code):
            out.append(layout.code(block, width))
        elif isinstance(block, model.Break):
            out.append(Rule(0.3, 0.5, RULE, 6, 8))
        elif isinstance(block, model.Equation):
            out.append(layout.equation(block, width, BODY_SIZE))
    return out


def _footnotes(section: model.Section, footnotes: tuple[model.Footnote, ...]) -> list[Block]:
    """Return the footnotes the part's reading marks, numbered, under a short rule."""
    marked = {span.note for block in section.blocks for span in _spans_of(block) if span.note}
    found = tuple((note.number, note.inlines) for note in footnotes if note.number in marked)
    return [Rule(0.3, 0.5, RULE, 8, 2), Footnotes(found)] if found else []


def _spans_of(block: model.Block):
    """Yield the spans of a block's text: its paragraphs (in lists and quotes too) and table cells."""
    for paragraph in model.paragraphs(block):
        yield from paragraph.inlines
    if isinstance(block, model.Table):
        for row in (block.header, *block.rows):
            for cell in row:
                yield from cell


def _completed(inlines: Inlines, equation: str) -> Inlines:
    """Return a key point with the display equation it leads into ("The general solution is"),
    set in its line."""
    if not equation:
        return inlines
    text = plain(inlines).rstrip().rstrip(":")
    return (*take(inlines, [(0, len(text))]), Span(" "), Span(model.MATH_WORD, math=equation))


def _without_notes(inlines: Inlines) -> Inlines:
    """Return a key point without footnote markers: its note is the reading's."""
    return tuple(span for span in inlines if not span.note)


# -- words ---------------------------------------------------------------------------------------


def _one_line(text: str, width: float, size: float) -> str:
    """Return `text` short enough for one line `width` wide at `size` ("…" where cut)."""
    measure = layout.measurer()
    if measure.width(text, size) <= width:
        return text
    while text and measure.width(text + "…", size) > width:
        text = text[:-2].rstrip()
    return text + "…"


def _spans(text: str) -> Inlines:
    return (Span(text),) if text else ()


def _text(rendered) -> str:
    return " ".join(str(rendered).split())


@cache
@cache
def _words(lang: str):
    """Return the handout's wording (handout.j2's macros) in the lecture's language `lang`."""
    from lecturekit.layout.jinja import environment

    # The words are plain text, escaped by each writer for its own format: no autoescaping here,
    # and article text is only ever a value, never a template.
    env = environment(TEMPLATES, autoescape=False)
    said = furniture.words(lang)
    env.globals.update(_=said, ngettext=said.ngettext)
    return env.get_template("handout.j2").module
