"""Bloom's level of a question: what kind of thinking it asks for, judged by its wording."""

from __future__ import annotations

import re

from lecturekit.lexicon.english import BLOOM_CUES

BLOOM_LEVELS = ("understand", "apply", "analyse", "evaluate", "create")


def classify(question: str) -> str:
    """Return the Bloom level a question asks for, judged by its wording (understand when unsure)."""
    text = question.casefold()
    for level, pattern in BLOOM_CUES:
        if re.search(pattern, text):
            return level
    return "understand"
