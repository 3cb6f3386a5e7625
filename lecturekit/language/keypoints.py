"""Key points: a bullet for every sentence of a paragraph that makes a claim, in its own words.

A claim is a figure, a date, a name, a cause or consequence, a contrast, a definition, a step.
What only connects, sets the mood, navigates ("In this section we ..."), thanks or cites stays
in the speaker notes, and so does a question (the questions have their own place). Each claim
is condensed by leaving whole parts out (see `condense`), so every fact a bullet shows is as
the author wrote it.

A bullet that opens with a pronoun ("It is known for ...") takes its referent from the
sentence before when that one opens with a name ("Nosotek is known for ..."); otherwise it is
marked to follow the bullet before it, so the planner keeps the two on one slide.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from types import ModuleType

from lecturekit.language.condense.rules import condense
from lecturekit.language.condense.sentence import Condensed, is_expletive
from lecturekit.language.heuristics import attempt
from lecturekit.language.names import NO_NAMES, Names
from lecturekit.lexicon import language, lexicon
from lecturekit.lexicon.english import (
    AUXILIARIES,
    BACK_MATTER,
    FINAL_ABBREVIATIONS,
    INTRODUCES,
    LINKING_VERBS,
    NAME_PARTICLES,
    NAVIGATION,
    NAVIGATION_CUES,
    NOT_A_CLAIM,
    OPENING_PRONOUNS,
    REFERRING,
    SELF_NOUNS,
)
from lecturekit.model.lesson import NOTE_MARK, Block, Inlines, Paragraph, plain
from lecturekit.model.text import Piece, bare, bracketed, is_question, sentences, take, words

Spans = list[tuple[int, int]]  # the (start, end) of each word of a sentence in its paragraph's text
# What a sentence is about, for a pronoun after it: (named by this very sentence, where the name
# stands, whether the sentence describes it: "Nosotek ... is the first ...").
Topic = tuple[bool, Piece, bool]
ELLIPSIS = "…"
LONG_WORD = 40  # characters; a longer "word" is a URL or an identifier


def _navigates(sentence: str) -> bool:
    lower = sentence.lower()
    if _CROSS_REFERENCE.search(sentence):
        return True  # "Einen Überblick gibt @sec-kompetenzerwerb": a pointer to a part elsewhere, in any language
    return any(cue in lower for cue in NAVIGATION_CUES) and NAVIGATION.search(sentence) is not None


# Quarto's cross-reference to a section, outside brackets ("(siehe @sec-x)" is an aside of a claim)
_CROSS_REFERENCE = re.compile(r"(?<![\w(@])@sec-[\w-]+(?![^(]*\))")


@dataclass(frozen=True)
class Point:
    """A bullet: whole parts of one sentence of a paragraph, never other words."""

    inlines: Inlines
    children: tuple[Inlines, ...] = ()  # sub-bullets: the items the sentence lists, or a source's claim
    sentence: str = ""  # the sentence it comes from, as written
    follows: bool = False  # opens with a pronoun whose referent is the bullet before it
    alt: Inlines = ()  # the bullet with its pronoun's referent brought in, for when it starts a slide
    first: bool = False  # from the paragraph's first claim: a slide may start here
    cut: bool = False  # the sentence had to be cut: it ends with "…"
    equation: str = ""  # the display equation it leads into ("The key formula is"), its LaTeX


@lru_cache(maxsize=4096)  # in one process (a course worker, --watch) the deck and the handout ask alike
def paragraph_points(inlines: Inlines, names: Names = NO_NAMES) -> tuple[Point, ...]:
    """Return the bullets of a paragraph: one (or two, or one with sub-bullets) per claim.

    `names` are the words the article writes as names (see `Names`): a pronoun takes its
    referent from the sentence before only when that sentence opens with one.
    """
    text = plain(inlines)
    found = sentences(text, names.lang)
    points: list[Point] = []
    topic: Topic | None = None  # the name the last sentences are about ("Nelle Nemo ... She ... She ...")
    for start, end in found:
        sentence = text[start:end]
        if not worth_a_slide(sentence, alone=len(found) == 1):
            continue
        if bracketed(sentence):  # "(That includes ... work.)": the sentence, shown without them
            start, end = start + 1, end - 1 - sentence.endswith((").", "]."))
        spans = _word_spans(text, start, end)
        if not spans:
            continue
        if names.lang != "en":  # the condensing rules read English: another language's sentence whole
            condensed = _in_own_words(inlines, text, spans, sentence, lexicon(names.lang))
        else:
            condensed = attempt(
                "condense", sentence, _sentence_points, _whole, inlines, text, spans, sentence, topic, names
            )
        for point, named in condensed:
            points.append(point if points else replace(point, first=True))
            topic = named
    return tuple(_most_telling(points)) if len(points) > MAX_POINTS else tuple(points)


def _sentence_points(
    inlines: Inlines, text: str, spans: Spans, sentence: str, topic: Topic | None, names: Names
) -> list[tuple[Point, Topic | None]]:
    """Return the points of one sentence (one, or two when it joins two claims), each with the
    name it is about (see `_point`)."""
    found = []
    for part in condense([text[a:b] for a, b in spans]):
        point, topic = _point(inlines, text, spans, part, sentence, topic, names)
        found.append((point, topic))
    if len(found) > 1:  # "...; see the previous sections for more details": that half, for the notes
        shown = [(p, t) for p, t in found if not _only_navigates(plain(p.inlines))]
        return shown or found[:1]
    return found


def _only_navigates(text: str) -> bool:
    return NOT_A_CLAIM.match(text) is not None or _navigates(text)


def _whole(
    inlines: Inlines,
    text: str,
    spans: Spans,
    sentence: str,
    *_: object,
    at_a_comma: bool = False,
    opening: frozenset[str] = frozenset(),
    begins: int | None = None,
    keeps: Callable[[list[str]], bool] | None = None,
    follows: bool = False,
) -> list[tuple[Point, Topic | None]]:
    """Return a sentence that condensing failed on as its bullet: whole, or, when longer than a
    bullet may be, cut at the last comma or semicolon before that (else at that many words, or,
    `at_a_comma` only, not at all: a sentence no rule can read is cut nowhere but at its
    punctuation), with "…". A sentence that opens with one of `opening` (its language's
    subordinators: "Wenn", "Si", "Bien que") is never cut inside the clause that word opens, nor
    before words (bare) that `keeps` says a bullet must not leave out."""
    keep = len(spans)
    clause = 0  # the words a cut must keep: an opening subordinate clause, to its comma
    if bare(text[slice(*spans[0])]) in opening:
        clause = next((k + 1 for k in range(len(spans)) if text[spans[k][1] - 1] in ",;:"), len(spans))
    if keep > WHOLE_MOST:
        commas = [
            k
            for k in range(WHOLE_MOST - 1, 7, -1)
            if text[spans[k][1] - 1] in ",;:"
            and _closed(text[spans[0][0] : spans[k][1]])
            and not bare(text[slice(*spans[k])]).isdigit()  # "des 16., 17. und 18.": a list's comma
            and k >= clause
            and not (keeps and keeps([bare(text[a:b]) for a, b in spans[k + 1 :]]))
        ]
        keep = commas[0] + 1 if commas else len(spans) if at_a_comma else WHOLE_MOST
    pieces: list[Piece] = [(spans[0][0], _trim_end(text, *spans[keep - 1]))]
    if keep < len(spans):
        pieces.append(ELLIPSIS)
    shown = take(inlines, _capitalised(text, pieces, spans[0][0] if begins is None else begins))
    return [(Point(shown, (), sentence, follows, cut=keep < len(spans)), None)]


def _in_own_words(
    inlines: Inlines, text: str, spans: Spans, sentence: str, words: ModuleType | None
) -> list[tuple[Point, Topic | None]]:
    """Return the bullet of a sentence in a language other than English, read by its language's
    `words` (see lecturekit.lexicon): the sentence without the linking phrase it opens with ("Sin
    embargo, los datos ..." -> "Los datos ..."), whole, or cut at a comma when too long, never
    leaving out a clause that denies, limits or turns its claim. A bullet that opens pointing
    back ("Dazu gehörten ...", "Somit ...", "Zugang erhalten in diesen Fällen ...") follows the
    bullet before it. Without word lists, the sentence whole, cut only at a comma."""
    if words is None:
        return _whole(inlines, text, spans, sentence, at_a_comma=True)
    begins = spans[0][0]
    spans = spans[_linked(text, spans, words.CONNECTIVES) :]

    def keeps(tail: list[str]) -> bool:  # "..., sofern ...", "..., sino ...", "..., mais pas ..."
        said = {part for word in tail for part in _ELISION.split(word)}
        # "kann das Personal befähigen, ein Verständnis zu entwickeln": the infinitive is its object
        completes = (
            bool(words.INFINITIVE_MARK)
            and words.INFINITIVE_MARK in tail[:-1]
            and tail[0] not in words.PURPOSE
        )
        return (
            bool(said & words.NEGATIONS)
            or bool(tail and tail[0] in words.CONDITIONS | words.CONTRASTS)
            or completes
        )

    opening = [_ELISION.split(bare(text[a:b]))[0] for a, b in spans[: POINTING_WORDS + 1]] + [""]
    leans = any(  # "in diesem Kapitel" points at the text itself, and leans on nothing
        word in (words.POINTING if k else words.BACK_REFERENCES) and opening[k + 1] not in words.SELF_NOUNS
        for k, word in enumerate(opening[:POINTING_WORDS])
    )
    return _whole(
        inlines,
        text,
        spans,
        sentence,
        at_a_comma=True,
        opening=words.SUBORDINATORS,
        begins=begins,
        keeps=keeps,
        follows=leans,
    )


def _closed(text: str) -> bool:
    """Tell whether every bracket `text` opens it closes: a cut inside one leaves it open."""
    return text.count("(") <= text.count(")") and text.count("[") <= text.count("]")


WHOLE_MOST = 24  # words of a sentence shown whole when condensing it failed
POINTING_WORDS = 4  # a sentence's first words, where "in diesen Fällen" leans on the one before
_ELISION = re.compile(r"['’]")  # "n'est", "c'est": the word elided onto the next, read apart


def _linked(text: str, spans: Spans, connectives: frozenset[str]) -> int:
    """Return how many words a sentence opens with that only link it to the one before and a
    comma sets off ("Sin embargo,", "En effet,"): 0 when none, or when nothing would be left."""
    for count in range(1, min(4, len(spans) - 3)):
        last = text[slice(*spans[count - 1])]
        if last.endswith(","):
            phrase = " ".join(bare(text[slice(*spans[k])]) for k in range(count))
            return count if phrase in connectives else 0
    return 0


MAX_POINTS = 12  # a paragraph's bullets: three slides' worth; a longer one keeps its most telling


def _most_telling(points: list[Point]) -> list[Point]:
    """Return the MAX_POINTS points that carry most (figures, names, the opening claim), in order."""

    def weight(index: int) -> float:
        words = plain(points[index].inlines).split()
        figures = sum(any(c.isdigit() for c in w) for w in words)
        names = sum(w[:1].isupper() for w in words[1:])
        return figures * 2 + names + (3 if index == 0 else 0) - index * 0.01

    chains: list[list[int]] = []  # a point and those that follow it: kept or left out together
    for index, point in enumerate(points):
        if point.follows and chains:
            chains[-1].append(index)
        else:
            chains.append([index])
    keep: list[int] = []
    for chain in sorted(chains, key=lambda c: max(map(weight, c)), reverse=True):
        if len(keep) + len(chain) <= MAX_POINTS:
            keep += chain
    return [points[i] for i in sorted(keep)]


def _word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the words of a sentence; a dash inside a word ("beyond—whether") ends a word, so an
    aside between dashes can be left out whole."""
    found = [(start + a, start + b) for a, b in words(text[start:end])]
    if "—" not in text[start:end] and "–" not in text[start:end]:
        return found  # most sentences: no dash to look for in every word
    spans = []
    for a, b in found:
        for match in _INNER_DASH.finditer(text, a, b):
            if a < match.end() < b:
                spans.append((a, match.end()))
                a = match.end()
        spans.append((a, b))
    return spans


_INNER_DASH = re.compile(r"(?<!\d)[—–]|[—–](?!\d)")  # not a range's: "1,180–1,620 g"


def worth_a_slide(sentence: str, alone: bool = False) -> bool:
    """Tell whether a sentence makes a claim a bullet should show."""
    if is_question(sentence) or _only_navigates(sentence):
        return False
    lexical = [w for w in sentence.split() if sum(c.isalpha() for c in w) >= 2]
    if len(lexical) < (2 if alone else 3):
        return False  # a lone number, a citation, a label
    return not sentence.rstrip().endswith(":") or alone


def _point(
    inlines: Inlines,
    text: str,
    spans: Spans,
    part: Condensed,
    sentence: str,
    topic: Topic | None,
    names: Names,
) -> tuple[Point, Topic | None]:
    """Return the point for one condensed sentence, and the name it is about (its own opening
    name, or the topic it carries on with a pronoun; None when it turns to something else).

    A pronoun right after the sentence that names its referent takes that name ("Nosotek is
    known for ..."); further on it stays, marked to follow the bullet before it, with the named
    version kept for a slide that starts with it.
    """
    keep = list(part.keep)
    end_mark = ":" if part.lead else (ELLIPSIS if part.cut else "")
    child_mark = ELLIPSIS if part.child_cut else ""  # the one child had to be cut
    children = tuple(
        _long_words(take(inlines, _capitalised(text, _pieces(text, spans, list(c), child_mark), -1)))
        for c in part.children
    )
    opener = bare(text[spans[keep[0]][0] : spans[keep[0]][1]]) if keep else ""
    noun = bare(text[slice(*spans[keep[1]])]) if len(keep) > 1 else ""
    own = _name_at(text, spans, keep, names)
    # "It can be difficult to ...": an "it" with no referent
    expletive = opener == "it" and is_expletive([bare(text[a:b]) for a, b in (spans[i] for i in keep[:10])])
    if opener not in OPENING_PRONOUNS or opener in ("this", "these") and noun in SELF_NOUNS or expletive:
        shown = _capitalised(text, _pieces(text, spans, keep, end_mark), spans[0][0])
        # "Given a repetitive task: / It can produce ...": the sub-bullet's referent is before
        follows = (
            part.lead and bool(part.children) and bare(text[slice(*spans[part.children[0][0]])]) in REFERRING
        )
        return Point(_long_words(take(inlines, shown)), children, sentence, follows, cut=part.cut), own
    named = None
    if topic is not None and (opener in ("he", "she") or opener == "it" and topic[2]):
        named = topic
    pieces = _capitalised(text, _pieces(text, spans, keep, end_mark), spans[0][0])
    if named is None:
        return Point(_long_words(take(inlines, pieces)), children, sentence, True, cut=part.cut), None
    with_name = [named[1], " ", *_pieces(text, spans, keep[1:], end_mark)]
    alt = _long_words(take(inlines, with_name))
    carried = (False, named[1], named[2])
    if named[0]:  # the sentence before named it: say the name
        return Point(alt, children, sentence, cut=part.cut), carried
    return Point(_long_words(take(inlines, pieces)), children, sentence, True, alt, cut=part.cut), carried


def _name_at(text: str, spans: Spans, keep: list[int], names: Names) -> Topic | None:
    """Return (True, where it is) for the name a sentence opens with ("Nosotek", "Kim Jong-un"),
    if it opens with one that a verb or a comma follows; else None."""
    run: list[int] = []
    for index in keep:
        word = text[spans[index][0] : spans[index][1]]
        if word[:1].isupper() or (run and bare(word) in NAME_PARTICLES):
            run.append(index)
            if word.endswith(","):
                break
            continue
        break
    while run and not text[spans[run[-1]][0]].isupper():
        run.pop()
    if not run or len(run) > 5 or not names.is_name(text[slice(*spans[run[0]])]):
        return None
    after = keep[len(run)] if len(run) < len(keep) else None
    ends_at_comma = text[spans[run[-1]][1] - 1] == ","
    verb = after is not None and (bare(text[slice(*spans[after])]) in AUXILIARIES or ends_at_comma)
    if not verb or after is None:
        return None
    start, end = spans[run[0]][0], spans[run[-1]][1]
    # "Nosotek ... is the first ...": the sentence is about the name, so a following "it" is too;
    # "Dr. Smith founded the company. It grew ...": "it" may be the company.
    described = ends_at_comma or bare(text[slice(*spans[after])]) in LINKING_VERBS
    return True, (start, end - 1 if ends_at_comma else end), described


def _pieces(text: str, spans: Spans, keep: list[int], end_mark: str) -> list[Piece]:
    """Return the character ranges of the kept words, neighbours joined, without the punctuation
    that would dangle at a cut or at the end ("given," -> "given"), and `end_mark` after them."""
    pieces: list[Piece] = []
    while keep and not bare(text[spans[keep[-1]][0] : spans[keep[-1]][1]].rstrip(")]}-")):
        if text[spans[keep[-1]][1] - 1] in ")]}":
            break  # "... skills ...)": it closes a bracket the bullet opened
        keep = keep[:-1]  # a dash or other lone punctuation cannot end a bullet
    for position, index in enumerate(keep):
        start, end = spans[index]
        last = position == len(keep) - 1
        gap = position + 1 < len(keep) and keep[position + 1] != index + 1
        if last or gap:
            end = _trim_end(text, start, end)
        joined = pieces[-1] if position and keep[position - 1] == index - 1 and pieces else None
        if isinstance(joined, tuple):  # the word right after the last kept: one range
            pieces[-1] = (joined[0], end)
        else:
            if pieces:
                pieces.append(" ")
            pieces.append((start, end))
    if end_mark and pieces:
        pieces.append(end_mark)
    return pieces


def _trim_end(text: str, start: int, end: int) -> int:
    """Return where a word ends without a trailing comma, semicolon or colon, and without a
    closing full stop (slides show bullets without one), abbreviations aside."""
    while end - 1 > start and text[end - 1] in ",;:—–" + NOTE_MARK:  # a footnote's marker too
        end -= 1
    last = text[start:end].lower()
    abbreviation = last in FINAL_ABBREVIATIONS or _INITIALS.search(last) is not None
    if end > start and text[end - 1] == "." and text[end - 2 : end] != ".." and not abbreviation:
        end -= 1
    return end


def _capitalised(text: str, pieces: list[Piece], sentence_start: int) -> list[Piece]:
    """Give the bullet's first word a capital when the words before it were left out, unless it
    is an identifier or a name spelt with capitals inside it ("merged_left", "iPhone")."""
    if not pieces or isinstance(pieces[0], str):
        return pieces
    start, end = pieces[0]
    word = text[start:].split(" ", 1)[0]
    if "_" in word or any(c.isupper() for c in word[1:]):
        return pieces  # "merged_left", "iPhone": a name as its author spells it
    if start > sentence_start and text[start].islower():
        return [text[start].upper(), (start + 1, end), *pieces[1:]]
    return pieces


_INITIALS = re.compile(r"(?:^|[^a-z])(?:[a-z]{1,2}\.){2,}$")  # "e.g.", "U.S.", "Ph.D.", not "GOVERNANCE.md."
_LONG = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def _long_words(inlines: Inlines) -> Inlines:
    """Shorten words over LONG_WORD characters to their start and "…": a bullet is no place for a
    whole URL, and the notes keep it whole."""
    if not any(_LONG.search(span.text) for span in inlines):
        return inlines
    return tuple(
        replace(span, text=_LONG.sub(lambda m: m.group()[: LONG_WORD - 10] + ELLIPSIS, span.text))
        for span in inlines
    )


def is_back_matter(title: str) -> bool:
    """Tell whether a section is the article's back matter (thanks, references): for the notes."""
    return bool(BACK_MATTER.match(title.strip().rstrip(":")))


LEAD_IN_WORDS = 25


def lead_ins(blocks: Sequence[Block]) -> set[int]:
    """Return the ids of the paragraphs that introduce the list, picture, table or code right
    after them: short, and ending with a colon or an introduction ("In this lecture, we'll cover")."""
    from lecturekit.model.lesson import BulletList, Code, Image, Table

    return {
        id(block)
        for block, after in zip(blocks, blocks[1:], strict=False)
        if isinstance(block, Paragraph)
        and isinstance(after, BulletList | Image | Table | Code)
        and INTRODUCES.search(plain(block.inlines).rstrip())
        and len(plain(block.inlines).split()) <= LEAD_IN_WORDS
    }


def closes_with_lead(inlines: Inlines) -> bool:
    """Tell whether a paragraph of several sentences ends with one that introduces what follows
    ("Here are a few things you should not do in your workshop:"), which no key point shows."""
    text = plain(inlines).rstrip()
    return text.endswith(":") and len(sentences(text)) > 1


def _lead_keep(words: list[str]) -> list[int]:
    return list(condense(words)[0].keep)


BARE_LEAD = 4  # words of a closing "They are:", "This translated to:": a pronoun, and no more


def lead_point(inlines: Inlines, lang: str = "en") -> Inlines:
    """Return a lead-in as the slide shows it: its last sentence, condensed, ending with ":"; the
    sentence before it instead when the last is a bare pronoun ("They are:"). In a language
    other than English (`lang`), its words whole, and its colon as the language writes it."""
    own = lexicon(lang)
    text = plain(inlines)
    found = sentences(text, lang)
    start, end = found[-1] if found else (0, len(text))
    last = text[start:end].split()
    pronouns = own.BACK_REFERENCES if own else OPENING_PRONOUNS
    if len(found) > 1 and len(last) <= BARE_LEAD and bare(last[0]) in pronouns:
        start, end = found[-2]  # "... there are five parts to a mitochondrion. They are:": say what they are
        end = len(text[:end].rstrip().rstrip("."))
    spans = [(start + a, start + b) for a, b in words(text[start:end])]
    every = list(range(len(spans)))
    if len(spans) > 14 and language(lang) == "en":  # the condensing rules read English
        every = attempt(
            "lead-in",
            text[start:end],
            lambda: list(condense([text[a:b] for a, b in spans])[0].keep),
            lambda: every,
        )
    return take(inlines, _capitalised(text, _pieces(text, spans, every, own.COLON if own else ":"), start))
