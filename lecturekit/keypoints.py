"""Key points: one short bullet per paragraph, made only of the paragraph's own words.

A bullet is never reworded: it is one sentence of the paragraph with parts left out, so every
fact, figure, date and name it shows is exactly as the author wrote it. Sentences are scored
(topic sentence first, figures, names, words of the section title), and each is shortened by
leaving out what a lecturer would say aloud rather than show: a leading "Despite this,", a
"sources claim that" frame, an appositive, a trailing ", meaning that ..." clause, filler adverbs.
Only when that is not enough is the sentence cut at a clause boundary and marked with "…".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .lesson import Inlines, plain
from .text import Piece, is_question, sentences, take, word_count, words

MAX_WORDS = 14
ELLIPSIS = "…"

# Openers that make a leading clause subordinate or merely connective: "Despite this, ...".
_OPENERS = frozenset(
    """after although as because before besides despite during following furthermore given however if
    in indeed instead meanwhile moreover nevertheless nonetheless once since so still then therefore
    though thus unlike when whereas while yet additionally also consequently ultimately""".split()
)
_CONJUNCTIONS = frozenset(["and", "but", "so", "yet", "or"])
# Adverbs whose loss changes no fact. "only", "not", "never", "exactly" and the like change
# meaning and stay.
_FILLER = frozenset(["also", "even", "actually", "really", "very", "quite", "indeed", "simply", "basically"])
# "X claims that Y" and "The problem is that Y": Y carries the point.
_FRAME = re.compile(
    r"\b(?:claims?|claimed|says?|said|reports?|reported|argues?|argued|states?|stated|notes?|noted|"
    r"believes?|believed|suggests?|suggested|shows?|showed|found|finds|estimates?|estimated|"
    r"means?|meant|is|was)\s+that\s+$",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"\b(?:claims?|claimed|says?|said|reports?|reported|argues?|argued|states?|stated|believes?|believed|"
    r"found|finds|estimates?|estimated|is|was|are|were)\s+that\s+$",
    re.IGNORECASE,
)
# Words that start a trailing clause that can go: ", meaning that ...", ", which ...".
_TRAILING = frozenset(
    """meaning which who whom whose where while whereas although though including such making leading
    resulting allowing causing as especially particularly a an the""".split()
)
_STOP = frozenset(
    """a an the of to in on at by for with from and or but as that which who is are was were be been
    its their his her our your this these those than then into onto over under about so not""".split()
)
# Words before which a sentence can be cut and still read as a clause: not "that", which
# mostly follows a verb ("meaning that").
_CLAUSE_STARTS = _CONJUNCTIONS | {
    "which",
    "because",
    "while",
    "meaning",
    "making",
    "including",
    "where",
    "who",
}
_FIGURE = re.compile(r"\d")
_DETERMINERS = frozenset(
    "a an the this that these those its their his her our my your each every some many most".split()
)


@dataclass(frozen=True)
class _Candidate:
    pieces: list[Piece]
    text: str
    score: float


@lru_cache(maxsize=4096)  # the deck and the handout ask for the same bullets
def key_point(inlines: Inlines, topic: str = "", max_words: int = MAX_WORDS) -> Inlines:
    """Return the bullet for a paragraph: its key point in at most `max_words` of its own words.

    `topic` (the section title) makes sentences that share its words more likely to be chosen.
    """
    return _elide_long_words(_key_point(inlines, topic, max_words))


def _key_point(inlines: Inlines, topic: str, max_words: int) -> Inlines:
    text = plain(inlines)
    if word_count(text) <= max_words:
        start, end = _strip_span(text, 0, len(text))
        return take(inlines, [(start, _drop_full_stop(text, start, end))])
    topic_words = {w.lower().strip(".,;:!?’'\"") for w in topic.split()} - _STOP
    found = sentences(text)
    statements = [s for s in found if not is_question(text[s[0] : s[1]])] or found
    best = max(
        (_shorten(text, s, index == 0, topic_words, max_words) for index, s in enumerate(statements)),
        key=lambda c: c.score,
    )
    return take(inlines, best.pieces)


@dataclass(frozen=True)
class Claim:
    """A statement of the text, shortened like a bullet: `text` is whole words of `sentence`."""

    text: str
    sentence: str
    cut: bool  # True when it had to be cut (and ends with "…")
    opener: str  # the first word of the sentence, before shortening ("However,", "Despite")


def claims(text: str, limit: int = 20) -> list[Claim]:
    """Return every statement (not question) of `text`, shortened to at most `limit` words."""
    found = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if is_question(sentence) or sentence.rstrip().endswith(
            ":"
        ):  # a lead-in ("... in Python:") claims nothing
            continue
        candidate = _shorten(text, (start, end), False, set(), limit, eager=True)
        opener = sentence.split(None, 1)[0] if sentence.strip() else ""
        found.append(Claim(candidate.text, sentence, candidate.text.endswith(ELLIPSIS), opener))
    return found


LONG_WORD = 40  # characters; a longer "word" is a URL or an identifier
_LONG = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def _elide_long_words(inlines: Inlines) -> Inlines:
    """Shorten words over LONG_WORD characters to their start and "…": a bullet is no place for a
    whole URL, and the notes keep it whole."""
    if not any(_LONG.search(span.text) for span in inlines):
        return inlines
    return tuple(
        replace(span, text=_LONG.sub(lambda m: m.group()[: LONG_WORD - 10] + ELLIPSIS, span.text))
        for span in inlines
    )


def _shorten(
    text: str, sentence: tuple[int, int], first: bool, topic: set[str], limit: int, eager: bool = False
) -> _Candidate:
    """Return `sentence` shortened to at most `limit` words; `eager` drops openers and frames anyway."""
    start, end = sentence
    spans = [(start + a, start + b) for a, b in words(text[start:end])]
    keep = list(range(len(spans)))

    def n() -> int:
        return len(keep)

    def tokens(indices) -> list[str]:
        return [text[spans[i][0] : spans[i][1]] for i in indices]

    # 1. A short opener before a comma ("In fact,", "Despite this,", "Although not ..., ").
    comma = next((i for i in keep if text[spans[i][1] - 1] == ","), None)
    if comma is not None and (eager or n() > limit) and len(keep) - comma - 1 >= 5:
        opener = tokens(keep[: comma + 1])
        # Keep an opener that carries a figure or a name ("In 2016,", "Nosotek, also known as").
        informative = any(_FIGURE.search(w) or w[:1].isupper() for w in opener[1:])
        # Not a subject set off by an appositive: "A landscape photograph, far larger than ...".
        subject = _bare(opener[0]) in _DETERMINERS
        if not informative and (_bare(opener[0]) in _OPENERS or (2 <= len(opener) <= 4 and not subject)):
            keep = keep[comma + 1 :]
    # 2. A reporting or copular frame: "X claims that Y", "The problem is that Y" -> "Y". Eagerly
    # not "the system means that Y": that Y needs its subject.
    frame = _FRAME if n() > limit else _REPORTING if eager else None
    if frame is not None:
        words_ = tokens(keep)
        for cut in range(1, n() - 4):
            head = " ".join(words_[:cut]) + " "
            if "," in head:  # a frame has no comma, and every longer head has this one
                break
            if frame.search(head):
                keep = keep[cut:]
                break
    # 3. Appositives and trailing clauses set off by commas; eagerly, a trailing ", meaning ...".
    keep = _drop_comma_clauses(keep, tokens, limit)
    if eager:
        keep = _drop_comma_clauses(keep, tokens, 5, appositives=False)
    # 4. "rather than Y" up to the next preposition or comma.
    if len(keep) > limit:
        keep = _drop_rather_than(keep, tokens)
    # 5. Filler adverbs.
    if len(keep) > limit:
        keep = [i for i in keep if _bare(tokens([i])[0]) not in _FILLER]
    # 6. Leading conjunction: "So can ..." -> "Can ...".
    if len(keep) > 1 and _bare(tokens(keep[:1])[0]) in _CONJUNCTIONS:
        keep = keep[1:]
    cut = len(keep) > limit
    if cut:
        keep = _cut_at_clause(keep, tokens, limit)
    return _candidate(text, spans, keep, cut, first, topic, start)


def _drop_comma_clauses(keep: list[int], tokens, limit: int, appositives: bool = True) -> list[int]:
    """Leave out ", also known as X," and trailing ", meaning that ..." clauses while too long."""
    while len(keep) > limit:
        words_ = tokens(keep)
        commas = [k for k, w in enumerate(words_[:-1]) if w.endswith(",")]
        dropped = False
        # Trailing clause after the last comma that starts with a dependent word.
        if commas:
            last = commas[-1]
            if _bare(words_[last + 1]) in _TRAILING and last + 1 >= 5:
                keep = keep[: last + 1]
                dropped = True
        # Appositive between two commas: "Nosotek, also known as ..., is".
        if not dropped and appositives:
            for a, b in zip(commas, commas[1:], strict=False):
                if b - a <= 8 and a + 1 >= 1 and len(keep) - (b - a) >= 5:
                    keep = keep[: a + 1] + keep[b + 1 :]
                    dropped = True
                    break
        if not dropped:
            break
    return keep


def _drop_rather_than(keep: list[int], tokens) -> list[int]:
    words_ = [_bare(w) for w in tokens(keep)]
    for k in range(len(words_) - 2):
        if words_[k] == "rather" and words_[k + 1] == "than":
            stop = k + 2
            while stop < len(words_) and words_[stop] not in ("for", "in", "on", "at", "to", "by", "with"):
                if tokens(keep[stop : stop + 1])[0].endswith(","):
                    stop += 1
                    break
                stop += 1
            if stop < len(words_):
                return keep[:k] + keep[stop:]
    return keep


def _cut_at_clause(keep: list[int], tokens, limit: int) -> list[int]:
    """Cut to at most `limit` words, at a clause boundary if there is one, never on a stop word."""
    words_ = tokens(keep)
    for size in range(limit, 5, -1):
        last = words_[size - 1]
        following = _bare(words_[size]) if size < len(words_) else ""
        boundary = last.endswith((",", ";", ":")) or following in _CLAUSE_STARTS
        if boundary and _bare(last) not in _STOP:
            return keep[:size]
    size = limit
    while size > 1 and _bare(words_[size - 1]) in _STOP:
        size -= 1
    return keep[:size]


def _candidate(text, spans, keep, cut, first, topic, sentence_start) -> _Candidate:
    while len(keep) > 1 and not _bare(text[spans[keep[-1]][0] : spans[keep[-1]][1]]):
        keep = keep[:-1]  # a dash or other lone punctuation cannot end a bullet
    pieces: list[Piece] = []
    for position, index in enumerate(keep):
        start, end = spans[index]
        last = position == len(keep) - 1
        joined = position > 0 and keep[position - 1] == index - 1
        if last or (position + 1 < len(keep) and keep[position + 1] != index + 1):
            end = _strip_trailing_punctuation(text, start, end, keep_full_stop=not cut and last)
        if joined:
            pieces[-1] = (pieces[-1][0], end)
        else:
            if pieces:
                pieces.append(" ")
            pieces.append((start, end))
    if cut:
        pieces.append(ELLIPSIS)
    bullet = "".join(p if isinstance(p, str) else text[p[0] : p[1]] for p in pieces)
    if pieces and not isinstance(pieces[0], str) and pieces[0][0] > sentence_start and bullet[:1].islower():
        # The opener went: the new first word takes its capital ("having" -> "Having").
        first_char = (pieces[0][0], pieces[0][0] + 1)
        pieces[0:1] = [bullet[0].upper(), (first_char[1], pieces[0][1])]
    return _Candidate(pieces, bullet, _score(bullet, cut, first, topic))


def _score(bullet: str, cut: bool, first: bool, topic: set[str]) -> float:
    tokens_ = bullet.split()
    score = 0.0 if cut else 3.0
    score += 2.5 if first else 0.0
    score += 1.0 if _FIGURE.search(bullet) else 0.0
    names = {_bare(w) for w in tokens_[1:] if w[:1].isupper()}
    score += min(len(names), 2) * 0.5
    score += min(sum(1 for w in tokens_ if _bare(w) in topic), 2) * 0.75
    score -= 2.0 if len(tokens_) < 5 else 0.0
    return score


def _bare(word: str) -> str:
    return word.strip(".,;:!?…\"'“”‘’()[]").lower()


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _strip_trailing_punctuation(text: str, start: int, end: int, keep_full_stop: bool) -> int:
    strip = ",;:" if keep_full_stop or _is_abbrev(text, start, end) else ",;:."
    while end - 1 > start and text[end - 1] in strip:
        end -= 1
    return _drop_full_stop(text, start, end)


def _drop_full_stop(text: str, start: int, end: int) -> int:
    """Slides show bullets without a closing full stop; abbreviations keep theirs."""
    if (
        end > start
        and text[end - 1] == "."
        and text[end - 2 : end] != ".."
        and not _is_abbrev(text, start, end)
    ):
        return end - 1
    return end


def _is_abbrev(text: str, start: int, end: int) -> bool:
    last = text[start:end].rsplit(None, 1)[-1].lower()
    return last in ("etc.", "al.", "e.g.", "i.e.", "inc.", "ltd.", "co.") or last.count(".") > 1


def section_key_points(section) -> list[tuple[str, object, Inlines]]:
    """Return (heading in effect, paragraph, bullet) for each paragraph of `section`, in order.

    The one place the deck and the handout get their bullets from, so both show the same ones.
    A paragraph's key point favours the words of the heading it sits under. A lead-in (see
    `lead_ins`) is no key point: the deck shows it above what it introduces.
    """
    from .lesson import Heading, Paragraph

    title = plain(section.title)
    points = []
    leads = lead_ins(section.blocks)
    for block in section.blocks:
        if isinstance(block, Heading):
            title = plain(block.inlines)
        elif isinstance(block, Paragraph) and id(block) not in leads:
            points.append((title, block, key_point(block.inlines, topic=title)))
    return points


LEAD_IN_WORDS = 14


def lead_ins(blocks) -> set[int]:
    """Return the ids of the paragraphs that introduce the picture, table or code right after
    them: short, and ending with a colon ("The same survey in JavaScript:")."""
    from .lesson import Code, Image, Paragraph, Table

    return {
        id(block)
        for block, after in zip(blocks, blocks[1:], strict=False)
        if isinstance(block, Paragraph)
        and isinstance(after, Image | Table | Code)
        and plain(block.inlines).rstrip().endswith(":")
        and word_count(plain(block.inlines)) <= LEAD_IN_WORDS
    }
