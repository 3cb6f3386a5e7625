"""Parts for a text without headings: split where the vocabulary shifts, titled in its own words.

Many essays and notes have no headings, or one heading over everything; a deck of them would be
one long part. Like TextTiling (Hearst, 1997), the blocks of such a text are compared by the
words they share: where the words on either side of a gap between paragraphs have least in
common, relative to the gaps around it, the topic shifts. The deepest gaps become part breaks,
3 to 6 parts by length. Each part is titled by its key phrase (see topics.py), as the author wrote it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from lecturekit.language.topics import Usage, as_title, key_phrases
from lecturekit.layout import furniture
from lecturekit.lexicon.english import EMPTY_WORDS
from lecturekit.model.lesson import Block, BulletList, Heading, Lesson, Paragraph, Quote, Section, Span, plain
from lecturekit.model.markdown import INTRODUCTION

MIN_WORDS = 450  # a shorter text stays one part
WORDS_PER_PART = 300
MIN_PARTS, MAX_PARTS = 3, 6
WINDOW_TERMS = 60  # words compared on each side of a gap
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def segment(lesson: Lesson) -> Lesson:
    """Return `lesson`, its text split into titled parts if it is long and has no headings; the
    opening part the reader titled "Introduction" titled so in the lecture's language."""
    lesson = _introduced(lesson)
    if len(lesson.sections) != 1:
        return lesson
    section = lesson.sections[0]
    blocks = section.blocks
    if any(isinstance(b, Heading) for b in blocks):
        return lesson
    units = _units(blocks)
    words = sum(len(_terms(text)) for _, text in units)
    total = sum(len(text.split()) for _, text in units)
    parts = min(MAX_PARTS, max(MIN_PARTS, round(total / WORDS_PER_PART)), len(units) // 2)
    if total < MIN_WORDS or parts < MIN_PARTS or not words:
        return lesson
    breaks = _breaks([_terms(text) for _, text in units], parts)
    groups = _split(units, breaks)
    titles = _titles([" ".join(text for _, text in group) for group in groups], lesson.meta.lang)
    sections = tuple(
        Section(
            (Span(title),),
            getattr(group[0][0][0], "line", section.line),
            tuple(b for part, _ in group for b in part),
            made=True,
        )
        for title, group in zip(titles, groups, strict=True)
    )
    return replace(lesson, sections=sections)


Unit = tuple[list[Block], str]  # blocks, and the text they carry


def _units(blocks: Sequence[Block]) -> list[Unit]:
    """Return the blocks as units of text: each paragraph, list or quote with the pictures,
    tables and code that follow it (they belong to what introduces them)."""
    units: list[Unit] = []
    for block in blocks:
        text = _text(block)
        if text or not units:
            units.append(([block], text))
        else:
            units[-1][0].append(block)
    return units


def _text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return plain(block.inlines)
    if isinstance(block, BulletList):
        return " ".join(_text(b) for item in block.items for b in item.blocks)
    if isinstance(block, Quote):
        return " ".join(_text(b) for b in block.blocks)
    return ""


def _terms(text: str) -> list[str]:
    """Return the words of `text` that can carry a topic, lower case, a plural's "s" dropped."""
    found = []
    for word in _WORD.findall(text):
        word = word.lower().replace("’", "'").removesuffix("'s")
        if word not in EMPTY_WORDS and len(word) > 2:
            found.append(word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
    return found


def _breaks(units: list[list[str]], parts: int) -> list[int]:
    """Return the gaps (after unit i) where the topic shifts most: the `parts - 1` deepest valleys
    of lexical cohesion, each part at least half an even share of the words.

    As in TextTiling, each side of a gap is a window of about WINDOW_TERMS words, not a number of
    paragraphs, so a short paragraph does not look like a change of topic.
    """
    flat = [w for unit in units for w in unit]
    ends = list(_running(len(unit) for unit in units))  # where each unit's words end in `flat`
    gaps = len(units) - 1
    similarity = []
    for gap in range(gaps):
        at = ends[gap]
        left, right = Counter(flat[max(0, at - WINDOW_TERMS) : at]), Counter(flat[at : at + WINDOW_TERMS])
        similarity.append(_cosine(left, right))
    depth = []
    for gap, value in enumerate(similarity):
        depth.append((max(similarity[: gap + 1]) - value) + (max(similarity[gap:]) - value))
    return _deepest(depth, ends, len(flat), parts)


def _deepest(depth: list[float], ends: list[int], total: int, parts: int) -> list[int]:
    """Return the `parts - 1` gaps of greatest total depth such that every part holds between
    0.6 and 1.6 times an even share of the words (dynamic programming over the gaps)."""
    share = total / parts
    low, high = share * 0.6, share * 1.6
    cuts = [0, *ends[:-1], total]  # cuts[k]: where the words after gap k - 1 start; gap g is cuts[g + 1]
    gaps = len(depth)
    # best[j][g]: the greatest depth of j breaks with the last at gap g (None: no such split).
    best: list[dict[int, tuple[float, list[int]]]] = [{-1: (0.0, [])}]
    for j in range(1, parts):
        layer: dict[int, tuple[float, list[int]]] = {}
        for g in range(gaps):
            for previous, (score, chosen) in best[j - 1].items():
                size = cuts[g + 1] - cuts[previous + 1]
                if (
                    previous < g
                    and low <= size <= high
                    and (g not in layer or layer[g][0] < score + depth[g])
                ):
                    layer[g] = (score + depth[g], [*chosen, g])
        best.append(layer)
    finals = [
        (score, chosen) for g, (score, chosen) in best[-1].items() if low <= total - cuts[g + 1] <= high
    ]
    return max(finals)[1] if finals else []


def _running(sizes: Iterable[int]) -> Iterator[int]:
    total = 0
    for size in sizes:
        total += size
        yield total


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    shared = sum(a[w] * b[w] for w in a.keys() & b.keys())
    norm = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
    return shared / norm if norm else 0.0


def _split(units: list[Unit], breaks: list[int]) -> list[list[Unit]]:
    groups: list[list[Unit]] = []
    start = 0
    for gap in [*breaks, len(units) - 1]:
        groups.append(units[start : gap + 1])
        start = gap + 1
    return groups


def _introduced(lesson: Lesson) -> Lesson:
    """Return `lesson` with the title the reader gives the text before its first heading
    ("Introduction") in the lecture's language."""
    _ = furniture.words(lesson.meta.lang)
    first = lesson.sections[0] if lesson.sections else None
    if first is None or _.lang == "en" or first.title != (Span(INTRODUCTION),):
        return lesson
    sections = (replace(first, title=(Span(_(INTRODUCTION)),)), *lesson.sections[1:])
    return replace(lesson, sections=sections)


def _titles(texts: list[str], lang: str) -> list[str]:
    """Return a title for each part: its key phrase, as written, unique among the parts."""
    _ = furniture.words(lang)
    titles: list[str] = []
    for found in key_phrases(texts, Usage(texts, lang)):
        taken = {t.casefold() for t in titles}
        title = next((as_title(p) for p in found if as_title(p).casefold() not in taken), "")
        titles.append(title or _("Part {number}", number=len(titles) + 1))
    return titles
