"""Discussion questions from the lesson."""

from __future__ import annotations

from .lesson import BulletList, Lesson, Paragraph, Quote, plain
from .text import is_question, sentences


def article_questions(lesson: Lesson) -> list[str]:
    """Return the article's own questions: its interrogative sentences, in order, verbatim."""
    found: list[str] = []
    for section in lesson.sections:
        for block in section.blocks:
            for paragraph in _paragraphs(block):
                text = " ".join(plain(paragraph.inlines).split())
                for start, end in sentences(text):
                    sentence = text[start:end]
                    if is_question(sentence) and sentence not in found:
                        found.append(sentence)
    return found


def _paragraphs(block):
    if isinstance(block, Paragraph):
        yield block
    elif isinstance(block, Quote):
        for inner in block.blocks:
            yield from _paragraphs(inner)
    elif isinstance(block, BulletList):
        for item in block.items:
            for inner in item.blocks:
                yield from _paragraphs(inner)
