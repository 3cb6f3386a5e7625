"""How presentable a deck is, measured on the real .pptx against the article it was made from.

    lecturekit stats ARTICLE.md DECK.pptx [ARTICLE.md DECK.pptx ...] [--plans DIR]
    (or ./scripts/deckstats)

The figures are the deck's quality targets (see the README): how much of the deck is ceremony,
how full the content slides are, how many of the article's figures, years and names reach a
slide, and whether any bullet cuts, dangles or changes its sentence. The tests assert them on
the seed and on the fixture articles; course staff can run it on their own.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lecturekit.language.keypoints import is_back_matter
from lecturekit.layout.furniture import ceremony, every, without_continued
from lecturekit.model.lesson import MATH_WORD, Lesson, paragraphs, plain
from lecturekit.model.text import core, sentences
from lecturekit.stats.faithful import faithful, in_order, source_units, words_of

# Its own word lists, on purpose (see faithful.py): the figures check what the lexicon shaped.
PRONOUNS = frozenset("it its this these those they them their such he she his her that".split())
SELF_NOUNS = frozenset(  # "This chapter ...": the text itself, no referent needed
    """policy document article chapter lesson paper guide post episode section lecture book report
    essay text page tutorial course workshop module unit session""".split()
)
CITATION_KEY = re.compile(r"[A-Z][A-Za-z’'-]+\d{4}[a-z]?")  # "[Wilson2016]": a reference
_FIGURE = re.compile(r"\d")


@dataclass
class Bullet:
    text: str
    level: int
    equation: bool = False  # a display equation: its characters, no words of the text


@dataclass
class Slide:
    number: int
    title: str
    kind: str  # title | section | ceremony | bullets | statement | picture | table | code | quote
    bullets: list[Bullet] = field(default_factory=list)
    text: str = ""  # everything the slide shows


@dataclass
class Stats:
    article: str
    slides: int
    ceremony: int  # slides that carry no article text
    content: int  # slides that do
    lonely: int  # bullet slides showing a single bullet
    bullets: int  # on bullet slides (sub-bullets included)
    facts: int  # figures, years and names in the article's paragraphs
    facts_shown: int
    ellipses: int
    lead_ins: int  # bullets that are a bare lead-in (ending in ":" with nothing under them)
    pronouns: int  # bullets opening with a pronoun whose referent is not on the slide
    changed: list[str]  # bullets whose words are not, in order, in a sentence of the article
    dropped: list[str]  # bullets that keep a clause but drop its negation, modal or condition
    parts: int  # sections of the lecture
    missing_facts: list[str] = field(default_factory=list)

    @property
    def bullets_per_slide(self) -> float:
        shown = self.bullet_slides
        return self.bullets / shown if shown else 0.0

    bullet_slides: int = 0

    def row(self) -> list[str]:
        def pct(n: int, d: int) -> str:
            return f"{100 * n / d:.0f}%" if d else "-"

        return [
            self.article,
            str(self.slides),
            pct(self.ceremony, self.slides),
            f"{self.lonely} ({pct(self.lonely, self.content)})",
            f"{self.bullets_per_slide:.1f}",
            pct(self.facts_shown, self.facts),
            pct(self.ellipses, self.bullets),
            str(self.lead_ins),
            str(self.pronouns),
            str(len(self.changed) + len(self.dropped)),
            str(self.parts),
        ]


HEADER = [
    "article",
    "slides",
    "no article text",
    "1-bullet slides",
    "bullets/slide",
    "facts shown",
    "ellipses",
    "bare lead-ins",
    "dangling pronouns",
    "meaning changed",
    "parts",
]


def deck_stats(article: Path, deck: Path) -> Stats:
    """Return the figures of `deck`, made from `article`."""
    return figures(_lesson(article), read_slides(deck))


def _lesson(article: Path) -> Lesson:
    from lecturekit.language.segment import segment
    from lecturekit.model.reader import read_article

    return segment(read_article(article))


def figures(lesson: Lesson, slides: list[Slide]) -> Stats:
    """Return the figures of a deck's `slides` (see `read_slides`), made from `lesson`."""
    units = source_units(lesson)
    shown = " ".join(s.text for s in slides)
    facts = sorted(_facts(lesson))
    shown_words = _norm(shown)
    missing = [f for f in facts if _norm(f) not in shown_words]
    content = [s for s in slides if s.kind not in ("title", "section", "ceremony")]
    bullet_slides = [s for s in content if s.kind == "bullets"]
    bullets = [b for s in bullet_slides for b in s.bullets]
    changed, dropped = [], []
    for slide in bullet_slides:
        for index, b in enumerate(slide.bullets):
            if b.equation:
                continue  # an equation on its own line: no sentence to compare with
            parent = index and b.level > 0 and any(a.level < b.level for a in slide.bullets[:index])
            verdict = faithful(b.text, units, None if parent else _with_children(slide.bullets, index))
            if verdict == "changed":
                changed.append(b.text)
            elif verdict == "dropped":
                dropped.append(b.text)
    return Stats(
        article=lesson.path.name,
        slides=len(slides),
        ceremony=len(slides) - len(content),
        content=len(content),
        lonely=sum(1 for s in bullet_slides if len(s.bullets) == 1),
        bullets=len(bullets),
        facts=len(facts),
        facts_shown=len(facts) - len(missing),
        ellipses=sum(1 for b in bullets if b.text.rstrip().endswith("…")),
        lead_ins=sum(
            1 for s in bullet_slides for i, b in enumerate(s.bullets) if _bare_lead_in(s.bullets, i)
        ),
        pronouns=sum(1 for s in bullet_slides for i, _ in enumerate(s.bullets) if _dangling(s, i, units)),
        changed=changed,
        dropped=dropped,
        parts=len(lesson.sections),
        missing_facts=missing,
        bullet_slides=len(bullet_slides),
    )


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_EQUATION = "{http://schemas.microsoft.com/office/drawing/2010/main}m"
_TEXT = (
    "{http://schemas.openxmlformats.org/drawingml/2006/main}t",
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}t",
)


def _shapes(slide: Any) -> list[Any]:
    """Return a slide's shapes, a shape with an equation too: python-pptx skips what stands in
    an alternative (`mc:AlternateContent`), which holds it with its picture for other applications."""
    from pptx.shapes.shapetree import SlideShapeFactory

    shapes = list(slide.shapes)
    for alternate in slide.shapes._spTree.iter(f"{_MC}AlternateContent"):
        shapes += [SlideShapeFactory(element, slide.shapes) for element in alternate[0]]
    return shapes


def _said(paragraph: Any, equations: bool = True) -> str:
    """Return a paragraph's text: its equations' characters in it ("c + i = y"), or each as the
    one word the text's analysis reads it as (MATH_WORD), to compare with the text's sentences."""
    found = []
    for child in paragraph._p:
        if child.tag == _EQUATION:
            found.append("".join(t.text or "" for t in child.iter(*_TEXT)) if equations else MATH_WORD)
        else:
            found += [t.text or "" for t in child.iter(*_TEXT)]
    return "".join(found)


def _displayed(paragraph: Any) -> bool:
    """Tell whether a paragraph is an equation on a line of its own (with its number, if any)."""
    element = paragraph._p
    has_math = element.find(_EQUATION) is not None
    return has_math and not re.sub(r"\(\w+\)", "", "".join(paragraph.text.split()))


@cache
def _kickers() -> tuple[str, ...]:
    """Return what a part header's kicker opens with, in every language ("Part 2", "Teil 2")."""
    return tuple(sorted(p.split("{")[0] for p in every("Part {number}")))


def read_slides(deck: Path) -> list[Slide]:
    """Return what each slide of `deck` shows, and what kind of slide it is."""
    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER

    slides = []
    for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        shapes = _shapes(slide)
        names = [shape.name.split()[0] for shape in shapes]
        texts, bullets = [], []
        for shape in shapes:
            furniture = shape.is_placeholder and shape.placeholder_format.type in (
                PP_PLACEHOLDER.FOOTER,
                PP_PLACEHOLDER.SLIDE_NUMBER,
                PP_PLACEHOLDER.DATE,
            )
            said = [_said(p) for p in shape.text_frame.paragraphs] if shape.has_text_frame else []
            if shape.has_text_frame and not furniture:  # the footer and number say nothing of the slide
                texts.append("\n".join(said))
            if getattr(shape, "has_table", False) and shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
            is_body = shape.is_placeholder and shape.placeholder_format.type in (
                PP_PLACEHOLDER.BODY,
                PP_PLACEHOLDER.OBJECT,
            )
            if is_body:
                bullets += [
                    Bullet(_said(p, equations=False), p.level, _displayed(p))
                    for p, text in zip(shape.text_frame.paragraphs, said, strict=True)
                    if text.strip()
                ]
        layout = slide.slide_layout.name
        if number == 1:
            kind = "title"
        elif layout == "Section Header" or title.startswith(_kickers()):
            kind = "section"
        elif without_continued(title) in ceremony():
            kind = "ceremony"
        else:
            kind = next(
                (k for k in ("Picture", "Table", "Code", "Quote", "Statement") if k in names), ""
            ).lower() or ("bullets" if bullets else "statement")
        slides.append(Slide(number, title, kind, bullets, "\n".join(texts)))
    return slides


def _facts(lesson: Lesson) -> set[str]:
    """Return the figures, years and names of the article's paragraphs (not its code or tables)."""
    found: set[str] = set()
    lower: set[str] = set()
    capital_runs: list[str] = []
    for section in lesson.sections:
        if is_back_matter(plain(section.title)):
            continue  # references and thanks are for the notes, not the slides
        for block in section.blocks:
            for paragraph in paragraphs(block):
                text = _REFERENCE.sub("", plain(paragraph.inlines))
                for start, end in sentences(text):
                    words = text[start:end].split()
                    lower.update(w.lower() for w in (core(x) for x in words) if w and w[0].islower())
                    run: list[str] = []
                    for position, word in enumerate(words + [""]):
                        bare = core(word)
                        if CITATION_KEY.fullmatch(bare):
                            bare = ""  # "[Wilson2016]": a reference, left out of bullets like "(2017a)"
                        if _FIGURE.search(bare) and len(bare) <= 12 and "/" not in bare:
                            found.add(bare)
                        if position and bare[:1].isupper() and not word.startswith(("(", "[", "http")):
                            run.append(bare)
                            if not word.endswith((",", ".", ";", ":", ")", "?", "!")):
                                continue
                        if run:
                            capital_runs.append(" ".join(run))
                        run = []
    for name in capital_runs:
        if name.split()[0].lower() not in lower or len(name.split()) > 1:
            found.add(name)
    return found


# "(Ed Yong, The Atlantic, 2017)": a reference that ends with its year, which bullets leave out
# as they do "[Wilson2016]"; its names are the source's, not the article's facts.
_REFERENCE = re.compile(r"\((?:[^()]*[,;]\s*)?(?:19|20)\d\d[a-z]?\)")


def _with_children(bullets: list[Bullet], index: int) -> list[str]:
    """Return a bullet's text and its sub-bullets': together they show one sentence."""
    parts = [bullets[index].text]
    for below in bullets[index + 1 :]:
        if below.level <= bullets[index].level:
            break
        parts.append(below.text)
    return parts


def _bare_lead_in(bullets: list[Bullet], index: int) -> bool:
    bullet = bullets[index]
    if not bullet.text.rstrip().endswith(":"):
        return False
    following = bullets[index + 1] if index + 1 < len(bullets) else None
    return following is None or following.level <= bullet.level and not following.text


def _dangling(slide: Slide, index: int, units: list[list[str]]) -> bool:
    """Tell whether bullet `index` opens with a pronoun or demonstrative whose referent is not
    on the slide: neither in a bullet above it from the sentence before, nor (for "this zone")
    its noun in the title or a bullet above it."""
    bullet = slide.bullets[index]
    words = words_of(bullet.text)
    if not words or words[0] not in PRONOUNS or bullet.equation:
        return False  # an equation's "i_t" is no "it"
    if index and slide.bullets[index - 1].equation:
        return False  # "This states ...": the equation above it
    if bullet.level > 0:
        return False  # a sub-bullet: its parent is its referent
    above = slide.bullets[:index]
    if len(words) > 1 and words[0] in ("this", "these") and words[1] in SELF_NOUNS:
        return False  # "This chapter outlines ...": the text itself
    if len(words) > 1 and words[0] in ("this", "these", "that", "those", "such"):
        noun = words[1].rstrip("s")
        context = words_of(slide.title) + [w for b in above for w in words_of(b.text)]
        if any(w.rstrip("s") == noun for w in context):
            return False
    if not above:
        return True
    before = words_of(above[-1].text.rstrip("…:"))[-3:]
    for number, unit in enumerate(units):
        if in_order(words[1:], unit) and (
            in_order(before, unit) or number and in_order(before, units[number - 1])
        ):
            return False  # the bullet above is the sentence before (or the first half of this one)
    return True


def _norm(text: str) -> str:
    """Return `text` as words for comparing: lower case, possessives and punctuation gone."""
    text = re.sub(r"[’']s\b", "", text.lower())
    return " " + " ".join(re.sub(r"[^\w%]+", " ", text).split()) + " "


def main(argv: list[str], plans: Path | None = None) -> int:
    """Print the deck figures of each (article, deck) pair in `argv`, then the lecture figures
    (see lecture.py), each deck beside its lecturer's plan when `plans` holds one (NAME.txt)."""
    from lecturekit.stats import lecture

    if not argv or len(argv) % 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    deck_rows, lecture_rows = [], []
    for a, d in zip(argv[::2], argv[1::2], strict=True):
        article, lesson, slides = Path(a), _lesson(Path(a)), read_slides(Path(d))
        plan_file = plans / f"{article.stem}.txt" if plans is not None else None
        plan = lecture.read_plan(plan_file) if plan_file is not None and plan_file.is_file() else None
        deck_rows.append(figures(lesson, slides).row())
        lecture_rows.append(lecture.lecture_stats(lesson, slides, plan).row())
    _print_table(HEADER, deck_rows)
    print()
    _print_table(lecture.HEADER, lecture_rows)
    return 0


def _print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
