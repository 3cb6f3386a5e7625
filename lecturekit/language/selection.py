"""Choose what a lecture shows: a slide budget from its length, and the claims that matter most.

**The budget.** A lecturer makes about 0.04 x words^0.75 content slides of a text: 5 of a
600-word report, 8 of 1,200 words, 12 of 2,000, 20 of a 4,500-word paper (fitted to lecturers'
plans of twelve texts of 600 to 2,300 words, tests/fixtures/lecturers and the issue's four, and
to authors' decks of 4,000-5,000-word papers, 15 to 20 slides). A lecture's length caps it:
0.4 slides a minute, 20 in 50 minutes. `slides:` sets the count itself; `slides: all` shows
every claim.

**The claims.** Each claim is scored by how central it is (the cosine of its words, weighted
by their rarity, with the centroid of its part and of the whole text: the centroid method of
MEAD, linear in the text's length where LexRank's sentence graph is quadratic), by the words it
shares with its part's title and the lecture's, by whether it opens its paragraph, states a
definition, a figure or a name, or says that it matters; self-reference ("In this paper we")
and examples count against it, as does a claim that had to be cut or that opens with a pronoun;
a claim cut before its end, or one that speaks of people it never names ("Perhaps we never saw
them before"), is taken only where its part has no other.
Each part gets slides in proportion to its words, at least one (the largest parts, when the
lecture's length allows fewer slides than there are parts); its claims fill them, less the
slides its pictures, tables, code and lists take (in a lecture its length caps, its lists only
while there is room, and never claims under more subheadings than it has slides: its own
opening first, then the subheadings with the best claims; a reading list, of links, never).
Within a part the best are taken one at a time, each time passing over one too like a claim
already taken (maximal marginal relevance), and shown in the text's order.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lecturekit.language.keypoints import Point, is_back_matter
from lecturekit.lexicon import lexicon
from lecturekit.lexicon.english import (
    BACK_PEOPLE,
    CLAIM_CUES,
    CONNECTIVES,
    DEFINED_TERM,
    EMPTY_WORDS,
    EQUATION_CITED,
    EXAMPLE_CUES_OPENING,
    OPENERS,
    OPENING_PRONOUNS,
    POINTED,
    SELF_REFERENCE,
    SENTENCE_ADVERBS,
    STOP,
    SUBORDINATORS,
)
from lecturekit.model.lesson import (
    MATH_WORD,
    Block,
    BulletList,
    Code,
    Equation,
    Image,
    Lesson,
    Section,
    Table,
    joined_code,
    paragraphs,
    plain,
    reading_list,
    short_code,
)
from lecturekit.model.text import core, stems

A, B = 0.04, 0.75  # content slides = A * words ** B
PER_MINUTE = 0.4  # content slides a minute of lecture, at most
DEFAULT_MINUTES = 50
PER_SLIDE = 4  # claims a content slide shows, as the packer fills them
LEAST = 3  # content slides of any lecture with something to say
FIRST = 0.15  # a paragraph's first claim: its topic, as a lecturer reads it
LONGEST = 2_000  # characters of a claim's sentence read
CUT = 0.3  # what a cut claim, or one opening with a pronoun, loses
FORMULA = 0.25  # what a claim leading into a display equation gains: "The key formula is"
BREATH = 20  # words of the longest bullet a lecturer says in one breath: a longer claim stays in the notes
SHORT = 10  # words of a bullet that needs no shortening; each word over it costs LONG
LONG = 0.02
LIST_ITEMS = 6  # items of a list a slide shows
SIMILAR = 0.5  # MMR: how much likeness to a claim already taken counts against a claim
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_UNQUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")  # a quotation's "they" is its own
OPENING_WORDS = CONNECTIVES | STOP | OPENERS | SUBORDINATORS | SENTENCE_ADVERBS


@dataclass(frozen=True)
class Length:
    """How long a lecture is: `minutes`, and `slides` (a count, "all", or None: from its words)."""

    minutes: int = DEFAULT_MINUTES
    slides: int | str | None = None


def slide_budget(words: int, length: Length) -> int | None:
    """Return how many content slides a lecture on a text of `words` words has (None: every claim)."""
    if length.slides == "all":
        return None
    if isinstance(length.slides, int):
        return length.slides
    return max(LEAST, min(_by_words(words), round(PER_MINUTE * length.minutes)))


def is_capped(words: int, length: Length) -> bool:
    """Tell whether a lecture's length (or its `slides:`) holds it below what its text would be given."""
    budget = slide_budget(words, length)
    return budget is not None and budget < _by_words(words)


def _by_words(words: int) -> int:
    return round(A * math.pow(words, B))


@dataclass(frozen=True)
class Part:
    """What a part of the lecture offers: its title, its words, and its claims in the text's order."""

    title: str
    words: int
    claims: tuple[Point, ...]
    fixed: int = 0  # slides its pictures, tables and code take whatever is chosen
    groups: tuple[str, ...] = ()  # the subheading each claim is under: a slide of its own on the deck
    lists: tuple[BulletList, ...] = ()  # its lists, in order: each a slide or more if the lecture shows it


def choose(
    lesson: Lesson, parts: Sequence[Part], budget: int, capped: bool = False
) -> tuple[set[int], set[BulletList]]:
    """Return the indices of the claims (into all parts' claims, in order) and the lists a deck
    of `budget` content slides shows. Every list is shown, unless the
    lecture's length `capped` the budget: then a part's lists are shown in order while its
    slides have room beside one for its claims, and the rest stay in the notes."""
    claims = [c for part in parts for c in part.claims]
    if not claims:
        return set(), {b for p in parts for b in p.lists}
    idf = _idf(claims)
    vectors = [_vector(_sentence(c), idf) for c in claims]
    whole = _centroid(vectors)
    lecture = _terms(lesson.meta.title)
    words = lexicon(lesson.meta.lang)
    naming = words.NAMING if words else None  # English's definitions: DEFINED_TERM
    slides = _slides([len(p.claims) for p in parts], [p.words for p in parts], budget)
    # a part's pictures, tables and code take slides of its share, then its lists; its claims keep one
    lists: set[BulletList] = set()
    own_slides = []
    for part, n in zip(parts, slides, strict=True):
        room, shown = n - 1 - part.fixed, 0
        for block in part.lists:
            size = math.ceil(len(block.items) / LIST_ITEMS)
            if not capped or shown + size <= room or not part.claims:
                lists.add(block)  # a part of lists alone shows them: they are what it says
                shown += size
        own_slides.append(max(1, n - part.fixed - shown) if n else 0)
    shares = [min(len(p.claims), n * PER_SLIDE) for p, n in zip(parts, own_slides, strict=True)]
    chosen: set[int] = set()
    start = 0
    for part, share, room in zip(parts, shares, own_slides, strict=True):
        mine = range(start, start + len(part.claims))
        start += len(part.claims)
        if not share:
            continue
        centre = _centroid([vectors[i] for i in mine])
        own = _terms(part.title) | lecture
        sayable = [i for i in mine if said_in_a_breath(claims[i])]
        standing = [i for i in sayable if _stands_alone(claims[i])]
        scores = {
            i: _score(claims[i], vectors[i], centre, whole, own, i == mine.start, naming)
            for i in standing or sayable
        }  # a claim cut before its end ("…"), or one about people it never names, only for want of others
        if part.groups:
            group = {i: part.groups[i - mine.start] for i in scores}
            formulas = {group[i] for i in scores if claims[i].equation}
            kept = _groups(scores, group, room, part.title, formulas)
            scores = {i: score for i, score in scores.items() if group[i] in kept}
        chosen.update(_mmr(scores, vectors, share))
    return chosen, lists


def _groups(
    scores: dict[int, float],
    group: dict[int, str],
    room: int,
    lead: str = "",
    formulas: frozenset[str] | set[str] = frozenset(),
) -> set[str]:
    """Return the subheadings (`group` of each claim) whose claims a part of `room` slides shows:
    its own opening (the group `lead`, under its heading, before any subheading: what the part is
    about), then those whose best claim scores highest. The deck gives each subheading a slide of
    its own, so claims under more subheadings than the part has slides would run the deck past
    its budget. A subheading over a formula (one of `formulas`) ranks with the opening: in a text
    with equations, the key formulas are what a part is about."""
    best: dict[str, float] = {}
    for i, score in scores.items():
        best[group[i]] = max(best.get(group[i], -math.inf), score)
    return set(sorted(best, key=lambda g: (g != lead and g not in formulas, -best[g], g))[:room])


def said_in_a_breath(claim: Point) -> bool:
    """Tell whether a claim is short enough for a lecture's slide: BREATH words at most, each of
    its sub-bullets too."""
    return all(len(plain(inlines).split()) <= BREATH for inlines in (claim.inlines, *claim.children))


def _slides(available: list[int], words: list[int], budget: int) -> list[int]:
    """Return how many slides each part gets: in proportion to its words (largest remainders),
    at least one for a part with claims, none for one without, `budget` in all. When there are
    more parts with claims than slides, the largest parts get one each and the rest none: the
    lecture's length caps the deck, and the notes keep what the slides leave out."""
    having = [k for k, n in enumerate(available) if n]
    if len(having) > budget:
        having = sorted(sorted(having, key=lambda k: (-words[k], k))[:budget])
    total = sum(words[k] for k in having) or 1
    exact = {k: max(budget, len(having)) * words[k] / total for k in having}
    slides = [0] * len(available)
    for k in having:
        slides[k] = max(1, math.floor(exact[k]))
    left = max(budget, len(having)) - sum(slides)
    for k in sorted(having, key=lambda k: (-(exact[k] - math.floor(exact[k])), k))[: max(0, left)]:
        slides[k] += 1
    while sum(slides) > max(budget, len(having)):
        spare = [k for k in having if slides[k] > 1]
        if not spare:
            break
        slides[max(spare, key=lambda k: (slides[k] - exact[k], -k))] -= 1
    return slides


def _score(
    claim: Point,
    vector: dict[str, float],
    centre: dict[str, float],
    whole: dict[str, float],
    own: set[str],
    first: bool,
    naming: re.Pattern[str] | None = None,
) -> float:
    """Return how much a claim matters to its part (see the module's docstring). In a language
    other than English, a claim that sets a term in bold where it names it (`naming`: its
    language's words for that, "steht für", "se denomina") counts as a definition."""
    text = plain(claim.inlines)
    score = 0.5 * _cosine(vector, centre) + 0.5 * _cosine(vector, whole)
    words = _terms(text)
    if own and words:
        score += 0.2 * len(words & own) / len(own)
    if claim.first or first:
        score += FIRST
    if re.search(r"\d", text) or MATH_WORD in text:
        score += 0.1  # a figure, or an equation
    if claim.equation:
        score += FORMULA  # it leads into a display equation: a formula the lecture works with
    elif EQUATION_CITED.search(text):
        score -= CUT  # "Substituting the second equation into the first": which equations?
    if (
        DEFINED_TERM.search(_sentence(claim))
        if naming is None
        else any(span.bold for span in claim.inlines) and naming.search(_sentence(claim))
    ):
        score += 0.1
    if CLAIM_CUES.search(_sentence(claim)):
        score += 0.1
    if SELF_REFERENCE.search(_sentence(claim)):
        score -= 0.2
    if EXAMPLE_CUES_OPENING.match(_sentence(claim)):
        score -= 0.1
    score -= LONG * max(0, len(text.split()) - SHORT)  # the shorter of two claims is the easier to say
    if claim.cut:
        score -= CUT  # a claim that had to be cut ("…") reads as one, and a chosen lecture need not
    if text.split(" ", 1)[0].lower() in OPENING_PRONOUNS and not claim.alt:
        score -= CUT  # "This shows ...": its referent may not be on the slide
    elif POINTED.search(_UNQUOTED.sub("", text)) and not claim.alt:
        score -= CUT  # "Different answers may be given to this question": which question?
    return score


def _stands_alone(claim: Point) -> bool:
    """Tell whether a claim reads whole on a slide: not cut ("…"), and naming whom it speaks of."""
    return not claim.cut and (bool(claim.alt) or not _points_back(_UNQUOTED.sub("", plain(claim.inlines))))


def _points_back(text: str) -> bool:
    """Tell whether a claim says "they", "them", "he" or "her" of people it never names: no
    plural noun or name before the pronoun ("Perhaps we never saw them"; not "Farmers sell their
    crops", "Juliet lost her")."""
    words = text.split()
    for k, word in enumerate(words):
        pronoun = core(word).lower()
        if pronoun not in BACK_PEOPLE:
            continue
        before = [core(w) for w in words[:k]]
        if before and (before[0].lower() in OPENING_WORDS or before[0].lower().endswith("ly")):
            before = before[1:]  # "Perhaps", "However", "Usually": capitalised by their place
        plural = pronoun in ("they", "them", "their") and any(
            len(w) > 3 and w.lower().endswith("s") and not w.lower().endswith(("ss", "us")) for w in before
        )
        return not plural and not any(w[:1].isupper() for w in before)
    return False


def _mmr(scores: dict[int, float], vectors: list[dict[str, float]], count: int) -> list[int]:
    """Return `count` claims, the best first, each time passing over likeness to those taken.
    Each claim's likeness to what is taken is kept up to date: time linear in the part's claims
    for each claim taken."""
    taken: list[int] = []
    left = dict(scores)
    alike = dict.fromkeys(scores, 0.0)
    while left and len(taken) < count:
        best = max(left, key=lambda i: (left[i] - SIMILAR * alike[i], -i))
        taken.append(best)
        del left[best]
        for i in left:
            alike[i] = max(alike[i], _cosine(vectors[i], vectors[best]))
    return taken


def _sentence(claim: Point) -> str:
    """Return a claim's sentence as the choice reads it: to its first LONGEST characters (a
    "sentence" longer than that is a table or a page run together, and its start says enough)."""
    return claim.sentence[:LONGEST]


def _terms(text: str) -> set[str]:
    return set(_stems(text))


def _stems(text: str) -> list[str]:
    """Return the stems of the content words of `text` ("approval", "approved" -> "approv")."""
    words = [w.lower() for w in _WORD.findall(text)]
    return stems([w for w in words if w not in EMPTY_WORDS and len(w) > 2])


def _idf(claims: Sequence[Point]) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for claim in claims:
        counts.update(_terms(_sentence(claim)))
    total = len(claims)
    return {w: math.log((1 + total) / (1 + n)) + 1 for w, n in counts.items()}


def _vector(text: str, idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(_stems(text))
    return {w: n * idf.get(w, 1.0) for w, n in counts.items()}


def _centroid(vectors: Sequence[dict[str, float]]) -> dict[str, float]:
    found: Counter[str] = Counter()
    for vector in vectors:
        found.update(vector)
    return dict(found)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    if not dot:
        return 0.0
    return dot / math.sqrt(_norm2(a) * _norm2(b))


_NORMS: dict[int, tuple[dict[str, float], float]] = {}


def _norm2(vector: dict[str, float]) -> float:
    """Return the squared length of `vector`, remembered while it lives: a part's centroid is
    compared with each of its claims, and must not be summed again for each."""
    known = _NORMS.get(id(vector))
    if known is not None and known[0] is vector:
        return known[1]
    found = sum(v * v for v in vector.values())
    if len(vector) > 64:  # only the large ones are worth remembering
        if len(_NORMS) > 256:
            _NORMS.clear()
        _NORMS[id(vector)] = (vector, found)
    return found


def _first_time(block: BulletList, listed: set[str]) -> bool:
    """Tell whether a list's words are new to the lecture, and remember them."""
    words = " ".join(" ".join(plain(p.inlines).split()) for p in paragraphs(block))
    if words in listed:
        return False
    listed.add(words)
    return True


EQUATION_WORDS = 25  # what a display equation counts toward its part's share of the slides: as
# much as a sentence or two, which is what it takes a lecturer to say it


def spoken_words(blocks: Sequence[Block]) -> int:
    """Return the words `blocks` hold, in their paragraphs, lists and quotes, a display equation
    counting EQUATION_WORDS: what a lecturer says of them."""
    words = sum(len(plain(p.inlines).split()) for b in blocks for p in paragraphs(b))
    return words + EQUATION_WORDS * sum(isinstance(b, Equation) for b in blocks)


def lecture_parts(lesson: Lesson, claims_of: Callable[[Section], Sequence[tuple[str, Point]]]) -> list[Part]:
    """Return the lecture's parts (its sections, back matter aside) with their words and claims:
    `claims_of(section)` gives a section's claims in order, each with the subheading it is under."""
    parts = []
    listed: set[str] = set()  # the lists already shown, by their words
    for section in lesson.sections:
        title = plain(section.title)
        if is_back_matter(title):
            continue
        words = spoken_words(section.blocks)
        shown = joined_code(section.blocks)  # a command and its output: one slide; a line or two: a bullet
        fixed = sum(isinstance(b, Image | Table) or isinstance(b, Code) and not short_code(b) for b in shown)
        lists = tuple(
            b
            for b in section.blocks
            if isinstance(b, BulletList) and not reading_list(b) and _first_time(b, listed)
        )  # a reading list points elsewhere, and a list said again word for word was shown: the notes
        found = claims_of(section)
        groups = tuple(g for g, _ in found)
        parts.append(Part(title, words, tuple(p for _, p in found), fixed, groups, lists))
    return parts
