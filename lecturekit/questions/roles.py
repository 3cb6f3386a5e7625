"""What a part of a text does with its topic, read from its sentences: defines it, advises on
it, walks through it step by step, weighs figures on it, argues about it, or explains it.

A learning outcome's verb follows from it: a student defines what the text defines, applies
the advice it gives, describes what it walks through. Each test is a count of cues over the
part's own sentences, so a passing word does not decide: one definition among the first
sentences, a quarter of the sentences telling the reader what to do, three steps in order.
"""

from __future__ import annotations

import re

from lecturekit.lexicon.english import ADVICE, DETERMINERS, SEQUENCE, STOP
from lecturekit.model.text import sentences

DEFINES, ADVISES, STEPS, FIGURES, ARGUES, EXPLAINS = (
    "defines",
    "advises",
    "steps",
    "figures",
    "argues",
    "explains",
)
OPENING = 3  # a part defines its topic among its first sentences, or not at all
ADVICE_SHARE = 4  # one sentence in this many tells the reader what to do: the part advises
LEAST_ADVICE = 2
LEAST_STEPS = 3  # "First ... next ... finally", or an ordered list of as many items
STEM = 5  # letters of a word that match its other forms ("group", "groups")
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:%|per ?cent|percent|million|billion|thousand)|[$£€]\s?\d")
_MODALS = re.compile(r"\b(?:should|must|ought to|need to|argue[sd]?|recommend(?:s|ed)?)\b", re.IGNORECASE)
_NAMING = re.compile(
    r"\b(?:is|are)\s+(?:called|termed|known as|defined as|referred to as)\s+(?:an?\s+|the\s+)?", re.I
)


def role(topic: str, text: str, steps: int = 0) -> str:
    """Return what a part does with `topic` (a noun phrase), from its prose `text` (a line for
    each paragraph) and the length of its longest ordered list `steps`."""
    said = [line[a:b] for line in text.split("\n") for a, b in sentences(line)]
    if not said:
        return EXPLAINS
    if any(defines(topic, s) for s in said[:OPENING]):
        return DEFINES
    advice = sum(1 for s in said if ADVICE.match(s))
    if advice >= max(LEAST_ADVICE, len(said) / ADVICE_SHARE):
        return ADVISES
    if steps >= LEAST_STEPS or any(
        len({c.lower() for c in SEQUENCE.findall(line)}) >= LEAST_STEPS for line in text.split("\n")
    ):
        return STEPS
    if len(_FIGURE.findall(text)) >= max(3, len(said) // 3):
        return FIGURES
    if len(_MODALS.findall(text)) >= max(3, len(said) // 3):
        return ARGUES
    return EXPLAINS


def defines(topic: str, sentence: str) -> bool:
    """Tell whether `sentence` defines `topic`: "A functional group is a molecular module",
    "Lipids are hydrocarbons that ...", "... is called a functional group"."""
    words = [w for w in re.findall(r"[\w'’-]+", topic.lower()) if w not in DETERMINERS]
    if not words:
        return False
    head = r"\s+".join(re.escape(w[:STEM]) + r"[\w'’-]*" for w in words)
    named = _NAMING.search(sentence)
    if named and re.match(head + r"\b", sentence[named.end() :], re.IGNORECASE):
        return True
    opening = re.match(r"(?:(?:an?|the)\s+)?" + head + r"\s+(is|are)\s+([\w'’-]+)", sentence, re.IGNORECASE)
    if not opening:
        return False
    verb, following = opening.group(1).lower(), opening.group(2).lower()
    if following in ("a", "an", "the", "one", "any"):
        return True  # "A functional group is a molecular module"
    plural = following.endswith("s") and not following.endswith(("ss", "ous", "us", "is"))
    return verb == "are" and plural and following not in STOP  # "Lipids are hydrocarbons"
