"""Plain-text helpers shared by the planners: sentences, words, and cutting formatted text.

Markdown is never parsed here (the reader did that); these work on the text of one paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Protocol

from lecturekit.lexicon import lexicon
from lecturekit.lexicon.english import ABBREVIATIONS, ENDS_TOO, SENTENCE_OPENERS
from lecturekit.model.lesson import MATH_WORD, NOTE_MARK, Inlines, Span


class Stemmer(Protocol):
    def stemWords(self, words: list[str]) -> list[str]: ...  # noqa: N802 (Snowball's name)


# a sentence's end: its marks, then closing quotes and brackets and a footnote's marker
_SENTENCE_END = re.compile(rf"[.!?…。！？]+[\"'”’»)\]{NOTE_MARK}]*")
_NEXT_STARTS = re.compile(  # the next one opens with a capital, a figure, an equation ...
    rf"\s+[\"'“‘«„¿¡(\[]*[A-Z0-9À-ÖØ-ÞΑ-ΩА-Я{MATH_WORD}\u0590-\u08ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
)
_WORD = re.compile(r"\S+")
_GLUED = re.compile(r"(?<=[a-z’'][a-z]{3})\.(?=[A-Z][a-z]+\s)")


def sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the sentences of `text`, trimmed of spaces; a full stop
    after an abbreviation of its language (`lang`) ends none."""
    abbreviations = _abbreviations(lang)
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if end < len(text) and text[match.start()] not in "。！？":
            if not _NEXT_STARTS.match(text, end):
                continue
            if match.group() == "." and _ordinal(text, match.start(), end):
                continue  # "im 19. Jahrhundert", "am 17. Juli": a German ordinal
            if match.group().startswith(".") and _is_abbreviation(text[start : match.start()], abbreviations):
                before = text[max(0, match.start() - 4) : match.start()]
                if not (ENDS_TOO.search(before) and SENTENCE_OPENERS.match(text, end)):
                    continue  # not "... headers, breaks, et al. One such scheme is ...", which ended one
        _glued(text, start, end, spans)
        start = end
    if start < len(text):
        _glued(text, start, len(text), spans)
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _glued(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Add the sentence from `start` to `end`, split where a full stop lacks its space ("... the
    user’s concern.The customers ...")."""
    for match in _GLUED.finditer(text, start, end):
        spans.append((start, match.start() + 1))
        start = match.start() + 1
    spans.append((start, end))


def _is_abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.lstrip("\"'“‘(„«¿¡")
    # A single letter is an initial ("J. Smith"), except "I", which ends sentences more often.
    return word.lower() in abbreviations or (len(word) == 1 and word.isalpha() and word != "I")


@cache
def _abbreviations(lang: str) -> frozenset[str]:
    """Return the abbreviations of a language, and the English its texts quote ("Dr.", "e.g."):
    not every language's, as English writes "art." and "cap." as words, which Spanish abbreviates."""
    words = lexicon(lang)
    return ABBREVIATIONS | words.ABBREVIATIONS if words else ABBREVIATIONS


_ORDINAL = re.compile(r"(?<![\d.,])\d{1,2}$")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _ordinal(text: str, stop: int, end: int) -> bool:
    """Tell whether the full stop at `stop` makes a number of one or two figures an ordinal, as
    German writes one before a month or a century ("am 17. Juli", "im 19. Jahrhundert")."""
    if not _ORDINAL.search(text, max(0, stop - 3), stop):
        return False
    after = _NEXT_WORD.match(text, end)
    german = lexicon("de")  # German's dates and centuries, in a text of any language
    return after is not None and german is not None and after.group(1).lower() in german.ORDINAL_NOUNS


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def bracketed(sentence: str) -> bool:
    """Tell whether a whole sentence is set in parentheses, or in square brackets (as some
    notes mark what to stress: "[Thus for each time step ...]")."""
    if not sentence.startswith(("(", "[")):
        return False
    opening = sentence[0]
    closing = ")" if opening == "(" else "]"
    inner = sentence[1:].removesuffix(".").removesuffix(closing)
    return sentence.rstrip(".").endswith(closing) and opening not in inner and closing not in inner


# What clings to a word without being part of it: punctuation, quotes, brackets, emphasis marks.
AROUND = ".,;:!?…\"'“”‘’()[]*_" + NOTE_MARK


def core(word: str) -> str:
    """Return a word without the punctuation around it or an owner's "’s", its case kept
    ("Korea’s," -> "Korea"): the word as a name or a fact is compared."""
    word = word.strip(AROUND)
    for suffix in ("’s", "'s"):
        word = word.removesuffix(suffix)
    return word


def spelt_so(word: str) -> bool:
    """Tell whether a word keeps its capitals inside a sentence whoever wrote it: an acronym, on
    its own or before a hyphen ("GUI", "RNNs", "RNN-based")."""
    head = core(word).split("-")[0].removesuffix("s")
    return len(head) > 1 and head.isupper() and head.isalpha()


def in_sentence_case(word: str) -> str:
    """Return a title's word as a sentence writes it: an acronym's head kept, the rest in lower
    case ("RNN-Based" -> "RNN-based", "Models" -> "models")."""
    if not spelt_so(word):
        return word.lower()
    head, dash, rest = word.partition("-")
    return head + dash + rest.lower()


def capitalised_throughout(words: list[str]) -> bool:
    """Tell whether every word over three letters starts with a capital: a title in Title Case
    ("What Is Holding Startups Back?"), not one in sentence case ("Why the shell matters")."""
    return all(w[:1].isupper() for w in words if len(w) > 3)


def bare(word: str) -> str:
    """Return a word as the rules compare it: lower case, without what clings to it, a brace or
    a dash included ("However," -> "however")."""
    return word.strip(AROUND + "{}—–").lower()


def is_question(sentence: str) -> bool:
    """Tell whether a sentence asks something (ends with a question mark, quotes aside)."""
    return sentence.rstrip("\"'”’»)] ").endswith(("?", "？"))


def words(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the whitespace-separated words of `text`."""
    return [m.span() for m in _WORD.finditer(text)]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


Piece = tuple[int, int] | str


def take(inlines: Inlines, pieces: list[Piece]) -> Inlines:
    """Return the formatted text made of character ranges of `inlines` and literal strings.

    Ranges keep their formatting and links; a literal takes the formatting of the text before it
    (without a link), so an inserted space or ellipsis never looks different from its neighbours.
    """
    out: list[Span] = []
    bounds = []
    pos = 0
    for span in inlines:
        bounds.append((pos, pos + len(span.text), span))
        pos += len(span.text)
    for piece in pieces:
        if isinstance(piece, str):
            style = replace(out[-1], href=None) if out else Span("")
            out.append(replace(style, text=piece))
            continue
        start, end = piece
        for lo, hi, span in bounds:
            if hi <= start or lo >= end:
                continue
            out.append(replace(span, text=span.text[max(start, lo) - lo : min(end, hi) - lo]))
    return merge(out)


def merge(spans: list[Span]) -> Inlines:
    """Return `spans` with neighbours of the same formatting joined and empty ones dropped."""
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if merged and replace(merged[-1], text="") == replace(span, text=""):
            merged[-1] = replace(merged[-1], text=merged[-1].text + span.text)
        else:
            merged.append(span)
    return tuple(merged)


def stems(words: list[str]) -> list[str]:
    """Return the Snowball (English) stems of `words`: "approval" and "approved" are "approv"."""
    return list(_stemmer().stemWords(words))


@cache
def _stemmer() -> Stemmer:
    """Return the English Snowball stemmer: PyStemmer's, compiled from Snowball's C, which
    snowballstemmer hands out when it is installed (its own pure-Python one is 50 times slower,
    the same stems)."""
    import snowballstemmer

    found: Stemmer = snowballstemmer.stemmer("english")
    return found
