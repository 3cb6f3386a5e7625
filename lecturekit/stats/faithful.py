"""The guard: does a bullet say what its sentence says? Judged word by word, independently.

`faithful` finds the sentence a bullet's words come from, in order, and checks that no clause
it keeps has lost its negation, modal or condition. It keeps word lists of its own on purpose
(PROTECTED, the condition and clause words): it checks the bullets that the condensing rules
and their lexicon (lecturekit/lexicon/english.py) shaped, so it must not share their mistakes.
The tests run it on every bullet of the fixtures and of the real-prose corpus.
"""

from __future__ import annotations

import re

from lecturekit.language.keypoints import LONG_WORD
from lecturekit.lexicon import MATH_WORD
from lecturekit.model.lesson import Heading, Lesson, paragraphs, plain
from lecturekit.model.text import bracketed, sentences

# Words whose loss changes what a clause says: negation, modality, condition, quantity.
PROTECTED = frozenset(
    """not no never nor neither none nobody nothing nowhere cannot can't don't doesn't isn't aren't
    wasn't weren't won't wouldn't shouldn't mustn't without must may might should shall can could
    would will need required requires require only unless if except until most few many all every
    each some several minority majority""".split()
) | {MATH_WORD}  # an equation: a clause that keeps part of itself keeps its equation
_WORD = re.compile(
    rf"[(\[]*[\"“‘']?[\w’'%.{MATH_WORD}-]+[!?]*[\"”’']?[)\]]*[,;:]?|[—–]"
)  # brackets and a clause-ending mark stay on their word; a dash is a word: it ends a clause


def source_units(lesson: Lesson) -> list[list[str]]:
    """Return the sentences of the article's paragraphs and list items, and its subheadings (a
    lecture shows a short one over its claims), as word lists, in order: what `faithful` checks
    bullets against."""
    units = []
    for section in lesson.sections:
        for block in section.blocks:
            if isinstance(block, Heading):
                units.append(words_of(plain(block.inlines)))
            for paragraph in paragraphs(block):
                text = " ".join(plain(paragraph.inlines).split())
                units += [words_of(_unbracketed(text[a:b])) for a, b in sentences(text)]
    return units


def _unbracketed(sentence: str) -> str:
    """Return a sentence set wholly in parentheses without them: "(That includes ...)"."""
    return sentence[1:].rstrip(".")[:-1] if bracketed(sentence) else sentence


def faithful(bullet: str, units: list[list[str]], group: list[str] | None = None) -> str:
    """Return "ok" if the bullet's words appear in order in one sentence of the article (its
    first words may be a referent from the sentence before), "dropped" if it, with its
    sub-bullets (`group`: its text and theirs), keeps part of a clause but loses that clause's
    negation, modal or condition, or leaves out a condition of a clause it keeps, else
    "changed". A sub-bullet (`group` None) is judged with its parent."""
    bullet, group = _unshortened(bullet), group and [_unshortened(text) for text in group]
    words = words_of(bullet.rstrip("…:"))
    if not words:
        return "ok"
    best = None  # (share of the sentence shown, sentence, words that must be in it)
    for index, unit in enumerate(units):
        for skip in range(0, min(5, len(words) - 1) + 1):  # a referent brought in: up to 5 words
            head, rest = words[:skip], words[skip:]
            earlier = [w for unit_ in units[max(index - 5, 0) : index] for w in unit_]
            if skip and not in_order(head, earlier):
                continue  # a referent comes from the author's own words just before
            if in_order(rest, unit):
                share = len(rest) / len(unit)
                if best is None or share > best[0]:
                    best = (share, unit, skip)
                break
    if best is None:
        return "changed"
    _, unit, skip = best
    if group is None:
        return "ok"
    found: set[int] = set()
    for number, text in enumerate(group):  # each sub-bullet on its own: a concession comes first
        shown = words_of(text.replace("…", " ").rstrip(":"))[skip if not number else 0 :]
        found.update(_positions(shown, unit))
    # A bullet cut with "…" says that its sentence goes on: what it leaves out past the cut is
    # marked, not lost, so only the words up to the cut are judged.
    cut = max(found, default=0) if any(text.rstrip().endswith("…") for text in group) else len(unit)
    return "dropped" if found and _loses_protected(sorted(found), unit, cut) else "ok"


def _unshortened(text: str) -> str:
    """Return a bullet without the words it shows shortened ("https://www.tensorflow.org/t…"): a
    URL or identifier too long for a slide shows its start, whole in the notes, and its start
    is no word of the sentence. Only its opening brackets stay, to keep the words after it in
    or out of the bracket they are in."""
    return _SHORTENED.sub(lambda m: "".join(c for c in m.group() if c in "([") + " ", text)


_SHORTENED = re.compile(rf"\S{{{LONG_WORD - 10}}}…")


def _loses_protected(kept: list[int], sentence: list[str], cut: int | None = None) -> bool:
    """Tell whether the bullet (the positions `kept` of `sentence` it shows) keeps part of a
    clause but not that clause's negation, modal or condition; for a bullet cut with "…", of
    the words up to `cut`.

    Clauses end at a comma, semicolon or colon, or where "because", "which", "although" and
    their like begin a new one (a condition, "if" or "unless", stays part of its clause).
    """
    shown = set(kept)
    clauses: list[range] = []
    start = 0
    for end, word in enumerate(sentence):
        following = sentence[end + 1] if end + 1 < len(sentence) else ""
        boundary = word.endswith((",", ";", ":", ")")) or following.startswith("(")
        boundary = boundary or following in _CLAUSE_WORDS or following in _DASHES or word in _DASHES
        if boundary or end == len(sentence) - 1:
            clauses.append(range(start, end + 1))
            start = end + 1
    cut = len(sentence) if cut is None else cut
    seen = [any(p in shown for p in clause) for clause in clauses]
    for number, clause in enumerate(clauses):
        if seen[number] and any(
            _key(sentence[p]) in PROTECTED and p not in shown and p < cut for p in clause
        ):
            return True  # a clause kept in part, without its "not", "must" or "if"
        if clause[0] > cut:
            break  # past the cut
        if not seen[number] and _condition(sentence, clause) and _governs(sentence, clauses, seen, number):
            return True  # "If it rains, we stay in": the condition of a clause shown, left out whole
    return False


def _governs(sentence: list[str], clauses: list[range], seen: list[bool], number: int) -> bool:
    """Tell whether the condition `clauses[number]` bears on a clause shown: one after it, up to
    a semicolon or colon, or the one just before it, past a comma ("we stay in, unless ...")."""
    bracketed = sentence[clauses[number][0]].startswith("(")
    for after in range(number, len(clauses)):
        if after > number and bracketed and not sentence[clauses[after][0]].startswith("("):
            break  # "(or justified, if you want to be critical)": a bracket's condition is its own
        if after > number and _key(sentence[clauses[after][0]]) in ("but", "yet"):
            break  # "..., especially if X, but they must ...": the contrast is a claim of its own
        if after > number and seen[after]:
            return True
        if sentence[clauses[after][-1]].endswith((";", ":")):
            break
    trails = _key(sentence[clauses[number][0]]).lower() in _CONDITIONS  # not "..., but if X, Y"
    return trails and number > 0 and seen[number - 1] and sentence[clauses[number - 1][-1]].endswith(",")


def _condition(sentence: list[str], clause: range) -> bool:
    """Tell whether a clause is a condition: it opens with "if", "unless", "only", "provided" ..."""
    opening = [_key(sentence[p]).strip('("“-—–').lower() for p in clause][:2]
    # "but if ...", "especially if ...", never "will only fund ...": "only" conditions a clause it opens
    return bool(opening) and (opening[0] in _CONDITIONS or opening[-1] in _CONDITIONS - {"only"})


_CONDITIONS = frozenset("if unless only until provided providing except".split())
_CLAUSE_WORDS = frozenset("because which who whom although though whereas while so".split())
_DASHES = frozenset(("-", "—", "–", "--", "---"))


def _positions(needles: list[str], haystack: list[str]) -> list[int]:
    """Return where `needles` are found in order in `haystack`, in as few runs of neighbouring
    words as can be (a word may occur more than once: "so the result" is not the "so" of an
    earlier parenthesis), or [] if they are not all there."""
    bare = [_key(w) for w in haystack]
    needles = [_key(w) for w in needles]
    if not needles:
        return []
    inf = len(needles) + 1
    # runs[i][j]: fewest runs with needle i at haystack j; best is each row's running minimum.
    runs = [[inf] * len(bare) for _ in needles]
    for j, word in enumerate(bare):
        if word == needles[0]:
            runs[0][j] = 1
    for i in range(1, len(needles)):
        best = inf
        for j in range(len(bare)):
            if j >= 2:
                best = min(best, runs[i - 1][j - 2])
            if bare[j] == needles[i]:
                runs[i][j] = min(runs[i - 1][j - 1] if j else inf, best + 1)
    end = min(range(len(bare)), key=lambda j: runs[-1][j], default=None)
    if end is None or runs[-1][end] >= inf:
        return []
    found = [end]
    for i in range(len(needles) - 1, 0, -1):
        j = found[-1]
        if j and runs[i - 1][j - 1] == runs[i][j]:
            found.append(j - 1)
        else:
            found.append(min(range(j - 1), key=lambda k: runs[i - 1][k]))
    return found[::-1]


def _key(word: str) -> str:
    """Return a word as compared: without its clause-ending mark (its brackets stay: "trust)" in
    a parenthesis left out is not the "trust" a bullet keeps)."""
    return word.rstrip(",;:")


def in_order(needles: list[str], haystack: list[str]) -> bool:
    bare = [_key(w) for w in haystack]
    position = 0
    for word in needles:
        word = _key(word)
        try:
            position = bare.index(word, position) + 1
        except ValueError:
            return False
    return True


def words_of(text: str) -> list[str]:
    """Return the words of `text`, lower case, a clause-ending mark (",;:") kept on its word, and
    each word inside brackets marked as such: a parenthesis is a clause of its own, and its words
    are not the same words outside it."""
    found, depth = [], 0
    for word in _WORD.findall(_OWNER.sub("", text)):
        opens = len(word) - len(word.lstrip("(["))
        mark = word[-1] if word[-1] in ",;:" else ""
        core = word.rstrip(",;:")
        closes = len(core) - len(core.rstrip(")]"))
        core = core.strip("()[]").lower().strip(".’'\"“”‘!?")
        depth += opens
        found.append(("(" if depth else "") + core + mark)
        depth = max(0, depth - closes)
    return found


_OWNER = re.compile(r"’s(?=[\s….,;:!?]|$)")  # "Korea’s" is "Korea", before a cut too ("it’s…")
