"""How much of a lecture a deck is: its length and wording against the text, and against a
lecturer's plan of the same text where there is one.

A lecture is not a transcript. These figures say how far a deck is from one a lecturer would
present: how many content slides it has, how much of the text's wording it carries onto them,
how long its bullets are, what kind of titles its slides have, and, given a lecturer's plan
(written from the text alone, before seeing any deck), how close its slide count comes and how
many of the lecturer's key points reach a slide.

A plan is a text file (tests/fixtures/lecturers/ holds one per fixture article):

    minutes: 30
    content slides: 8
    titles:
    - Why legacy systems are hard to replace
    key points:
    - An API hides the implementation; users care only about what passes through.

A key point "reaches a slide" when at least half of its content words (without function words,
compared by their Snowball stems: "approval" is "approved") stand on one content slide: a crude
measure, the same for every deck, and no judge of wording.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from lecturekit.model.lesson import Lesson, paragraphs, plain
from lecturekit.model.text import stems
from lecturekit.stats.deckstats import Slide

# Its own list, on purpose (see faithful.py): a measure must not share the planner's words.
FUNCTION_WORDS = frozenset(
    """a an the of to in on at by for with from and or but as that which who whom is are was were
    be been being it its this these those they them their he she his her we our you your i not no
    so than then there here can could may might must should will would do does did has have had
    into about over under more most less very also only just such what when where why how all any
    each every some""".split()
)
REACHED = 0.5  # of a key point's content words on one slide
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9’'-]*")
_CONTINUED = re.compile(r"\(cont\.(?: \d+)?\)$")


@dataclass(frozen=True)
class Plan:
    """A lecturer's plan of a text: its length, content slides, their titles and the key points."""

    minutes: int
    slides: int
    titles: tuple[str, ...]
    points: tuple[str, ...]


@dataclass
class LectureStats:
    article: str
    words: int  # of the text's paragraphs and list items
    content: int  # content slides: not the title, agenda, outcomes, part headers, discussion, sources
    words_on_slides: int  # what the content slides show, titles aside
    bullets: list[int] = field(default_factory=list)  # the length of each bullet, in words
    continued: int = 0  # titles "... (cont.)", "... (cont. 3)"
    continued_media: int = 0  # ... of them, on a piece of code, a table or a picture that runs on
    one_word: int = 0  # titles of a single word ("Alan", "Bagua")
    plan: Plan | None = None
    reached: list[str] = field(default_factory=list)  # the plan's key points some slide shows

    @property
    def share(self) -> float:
        return self.words_on_slides / self.words if self.words else 0.0

    @property
    def median_bullet(self) -> float:
        return statistics.median(self.bullets) if self.bullets else 0.0

    def row(self) -> list[str]:
        plan = self.plan
        return [
            self.article,
            str(self.words),
            str(self.content),
            str(plan.slides) if plan else "-",
            f"{self.words_on_slides} ({100 * self.share:.0f}%)",
            f"{self.median_bullet:g}",
            str(max(self.bullets, default=0)),
            str(self.continued),
            str(self.one_word),
            f"{len(self.reached)}/{len(plan.points)}" if plan else "-",
        ]


HEADER = [
    "article",
    "words",
    "content slides",
    "lecturer's plan",
    "words on slides",
    "bullet median",
    "longest bullet",
    "(cont.) titles",
    "one-word titles",
    "key points on slides",
]


def lecture_stats(lesson: Lesson, slides: list[Slide], plan: Plan | None = None) -> LectureStats:
    """Return the lecture figures of a deck's `slides` (see deckstats.read_slides), made from `lesson`."""
    words = sum(
        len(_WORD.findall(plain(p.inlines))) for s in lesson.sections for b in s.blocks for p in paragraphs(b)
    )
    content = [s for s in slides if s.kind not in ("title", "section", "ceremony")]
    shown = [_without_title(s) for s in content]
    found = LectureStats(
        lesson.path.name,
        words,
        len(content),
        sum(len(_WORD.findall(text)) for text in shown),
        [len(_WORD.findall(b.text)) for s in content for b in s.bullets],
        sum(1 for s in content if _CONTINUED.search(s.title)),
        sum(1 for s in content if _CONTINUED.search(s.title) and s.kind in ("code", "table", "picture")),
        sum(1 for s in content if len(_WORD.findall(_CONTINUED.sub("", s.title))) == 1),
        plan,
    )
    if plan is not None:
        on_slides = [_content_words(f"{s.title} {text}") for s, text in zip(content, shown, strict=True)]
        found.reached = [p for p in plan.points if _reaches(_content_words(p), on_slides)]
    return found


def read_plan(path: Path) -> Plan:
    """Return the lecturer's plan in the file at `path` (see the module's docstring)."""
    fields: dict[str, str] = {}
    lists: dict[str, list[str]] = {"titles": [], "key points": []}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("- ") and current is not None:
            lists[current].append(line[2:].strip())
        elif ":" in line:
            key, _, value = line.partition(":")
            current = key.strip() if key.strip() in lists else None
            fields[key.strip()] = value.strip()
    return Plan(
        int(fields.get("minutes", "50")),
        int(fields["content slides"]),
        tuple(lists["titles"]),
        tuple(lists["key points"]),
    )


def _without_title(slide: Slide) -> str:
    """Return what a slide shows apart from its title."""
    text = slide.text
    return text[len(slide.title) :] if slide.title and text.startswith(slide.title) else text


def _content_words(text: str) -> set[str]:
    """Return the stems of the content words of `text` ("approved", "approval" -> "approv")."""
    words = [w.lower().replace("’", "'").removesuffix("'s") for w in _WORD.findall(text)]
    return set(stems([w for w in words if w not in FUNCTION_WORDS]))


def _reaches(point: set[str], slides: list[set[str]]) -> bool:
    return bool(point) and any(len(point & slide) >= REACHED * len(point) for slide in slides)
