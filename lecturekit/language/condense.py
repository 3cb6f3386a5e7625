"""Condense one sentence into a bullet by leaving whole parts out, never by rewording.

What can go, and only while the bullet is too long: a leading connective ("However,"), a
short opening phrase ("Despite having a bad press,"), a reporting frame ("sources claim that"),
a citation or parenthesis, an appositive (", also known as ..., "), a trailing dependent clause
(", meaning that ..."), filler adverbs, "rather than X". A part that holds a figure or a name
goes only when the bullet would otherwise run over `MAX` words; a part that holds a negation,
a condition, a modal or a quantifier never goes. A sentence that lists items becomes a bullet
with sub-bullets; one that reports a named source's claim becomes the source with the claim
under it. Only when all that is not enough is the sentence cut, at a clause boundary, with "…".

Every step is one pass over the words (or a fixed number of passes), so condensing costs time
linear in the sentence's length, however long the "sentence" (a table flattened into text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lecturekit.lexicon.english import (
    ASIDE_OPENERS,
    BACK_REFERENCES,
    BEFORE_CLAUSE,
    CITED_BY,
    CLAUSE_STARTS,
    CONCESSIVE,
    CONDITIONAL,
    CONDITIONS,
    CONNECTIVE_PHRASES,
    CONNECTIVES,
    COPULAS,
    COUNT_WORDS,
    EXPLETIVE,
    FINITE,
    GENERIC_SOURCES,
    HEDGES,
    JOINER_WORDS,
    KEPT_OPENERS,
    LIST_CUES,
    MODALS,
    NEEDS_SUBJECT,
    NEGATIONS,
    NOT_A_SOURCE,
    NOT_ITEMS,
    OPENERS,
    PARTICIPLES,
    PHRASE_WORDS,
    PROTECTED,
    RATHER_THAN_ENDS,
    RELATIVES,
    REPORTING_VERBS,
    STOP,
    SUBJECT_JOINERS,
    SUBJECT_STARTS,
    SUBORDINATORS,
    TIMES,
    TRAILING,
)
from lecturekit.model.text import bare

TARGET = 14  # words a bullet aims at
MAX = 20  # words a bullet may take when its claim needs them, rather than be cut

_AUTHOR = r"[A-Z][A-Za-z’'-]+"
CITATION_KEY = re.compile(_AUTHOR + r"\d{4}[a-z]?")  # "Wilson2016"
_AUTHOR_YEAR = (
    rf"{_AUTHOR}(?:\s+(?:and|&)\s+{_AUTHOR})?,?\s*\d{{4}}[a-z]?"  # "Eisenstein, 1979", "Wilson2016"
)
_CITATION = re.compile(
    r"^\(?\[?(\d{4}[a-z]?|\d+(?:[,–-]\d+)*|see\b.*|cf\..*|.*\bet al\..*|fig(?:ure)?\.? ?\d+.*"
    rf"|(?-i:{_AUTHOR_YEAR}(?:[;,]\s*{_AUTHOR_YEAR})*))\]?\)?$",  # names capitalised, whatever re.I says
    re.I,
)


@dataclass(frozen=True)
class Condensed:
    """What is left of a sentence: the indices of its words, in order."""

    keep: tuple[int, ...]
    children: tuple[tuple[int, ...], ...] = ()  # sub-bullets: items the sentence lists, or a claim
    cut: bool = False  # the sentence had to be cut: the bullet ends with "…"
    lead: bool = False  # `keep` introduces `children`: shown ending with ":"
    child_cut: bool = False  # the one child had to be cut: it ends with "…"


def condense(words: list[str], target: int = TARGET, most: int = MAX) -> list[Condensed]:
    """Return what of the sentence made of `words` (as written, punctuation attached) bullets
    show: one bullet, or two when the sentence joins two claims ("X; Y", "X, but Y"). "Although
    X, Y" is one bullet, Y, with the concession under it: the contrast stays with its claim."""
    condenser = _Condenser(words, target, most)
    found = condenser.run()
    if found is not None:
        return [found]
    if condenser.joined:
        return condenser.with_under()
    return [condenser.part(part) for part in condenser.halves]


def is_expletive(words: list[str]) -> bool:
    """Tell whether an opening "it" refers to nothing: "It is thanks to X that", "It is worth",
    "It can be difficult to"."""
    if len(words) > 3 and words[1] in MODALS and words[2] == "be":
        words = words[:1] + words[2:]
    if len(words) < 3 or words[1] not in ("is", "was", "be", "has", "seems", "appears"):
        return False
    return words[2] in EXPLETIVE or "that" in words[3:] or words[2] == "to"


class _Condenser:
    def __init__(self, words: list[str], target: int, most: int, lone_dash: bool | None = None):
        self.words = words
        # The whole sentence has an odd number of dashes: its last may open a closing aside.
        if lone_dash is None:
            lone_dash = sum(w.endswith(("—", "–")) or w in _DASHES for w in words) % 2 == 1
        self.lone_dash = lone_dash
        self.enclosed = _enclosed(words)
        # the words as their clause punctuation counts: a bracket's own comma ends no clause
        self.punct = [w.rstrip(",;:") if inner else w for w, inner in zip(words, self.enclosed, strict=True)]
        self.bare = [bare(w) for w in words]
        self.target, self.most = target, most
        self.alive = list(range(len(words)))
        self.halves: list[list[int]] = []  # the two claims, when `run` found the sentence joins them
        # How `halves` join, when one goes under the other: "concession" (the first, "although"
        # and all), "shared" (the second, a "but ..." sharing the first's subject) or "reason"
        # (the second, from its "because").
        self.joined: str | None = None

    def run(self) -> Condensed | None:
        """Return the condensed sentence, or None when it is better split in two (`halves`)."""
        self.drop_citations()
        self.drop_leading_connectives()
        if len(self.alive) <= self.target:
            return self.done()
        self.drop_opening_phrase(self.target)
        framed = self.frame()
        if framed is not None:
            return framed
        self.drop_asides(self.target)
        self.drop_trailing_clause(self.target)
        if len(self.alive) <= self.target:
            return self.done()
        listed = self.enumeration()
        if listed is not None:
            return listed
        if len(self.alive) <= self.most:  # the rest carries facts: up to `most` words is fine
            return self.done()
        explained = self.explanation()
        if explained is not None:
            return explained
        self.halves = self.split()
        if self.halves:
            return None
        if len(self.alive) <= self.most + SLACK:  # a few words over, rather than lose a fact
            return self.done()
        self.drop_opening_phrase(self.most)
        self.drop_asides(self.most)
        self.drop_trailing_clause(self.most)
        self.drop_rather_than()
        if len(self.alive) <= self.most + SLACK:  # a few words over, rather than cut
            return self.done()
        return self.condition() or self.cut()

    def done(self) -> Condensed:
        return Condensed(tuple(self.alive))

    # -- what can go ---------------------------------------------------------------------------

    def drop_citations(self) -> None:
        """Leave out citations and references: "(2017a)", "[12]", "(Smith et al., 2019)", "(see Figure 3)",
        "(Eisenstein, 1979)", "[Alinsky1989, Brown2007]", and editorial notes in braces ("{Trainer note: ...}")."""
        out: list[int] = []
        group: list[int] = []
        depth = 0
        for i in self.alive:
            word = self.words[i]
            if not (depth or word.startswith(("(", "[", "{"))):
                out.append(i)
                continue
            group.append(i)
            depth += sum(word.count(c) for c in "([{") - sum(word.count(c) for c in ")]}")
            if depth <= 0:
                text = " ".join(self.words[k] for k in group).rstrip(".,;:")
                see = self.bare[group[0]] in ("see", "cf")  # a cross-reference, however long
                needed = out and self.bare[out[-1]].lower() in CITED_BY  # "works such as [Alinsky1989]"
                note = self.words[group[0]].startswith("{")  # "{Trainer note: ...}": for the notes
                if not note and not see and (needed or len(group) > 8 or not _CITATION.match(text)):
                    out.extend(group)
                group, depth = [], 0
        self.alive = out + group  # an unclosed bracket is kept as written

    def drop_leading_connectives(self) -> None:
        """Leave out what only links the sentence to the one before ("However,", "In fact,", "And")."""
        while len(self.alive) > 4:
            phrase = next((p for p in CONNECTIVE_PHRASES if self._starts_with(p)), None)
            if phrase is not None:
                self.alive = self.alive[len(phrase) :]
            elif self._connective(self.alive[0]) and not self._needs_subject(1):
                self.alive = self.alive[1:]
            else:
                return

    def _connective(self, index: int) -> bool:
        """Tell whether a word only links: "However", "And"; "now", "then" or "still" only with
        their comma ("but now it connotes ...": the time is the point)."""
        word = self.bare[index]
        return word in CONNECTIVES and (word not in TIMES or self.punct[index].endswith(","))

    def drop_opening_phrase(self, tier: int) -> None:
        """Leave out a short phrase before the first comma ("After attending,", "Despite having
        a bad press,"), never a condition ("If ...,", "Only after ...,")."""
        alive = self.alive
        if len(alive) <= tier:
            return
        comma = next((p for p, i in enumerate(alive[:12]) if self.punct[i].endswith(",")), None)
        if comma is None or len(alive) - comma - 1 < 6:
            return
        first = self.bare[alive[0]]
        participle = (
            first.endswith(("ing", "ed")) and first not in ("during", "following") or first in PARTICIPLES
        )
        if first in CONDITIONS or not (first in OPENERS or participle):
            return
        if any(self.bare[i] in CONDITIONAL for i in alive[1 : comma + 1]):
            return  # "for when we suffer,": a condition of what follows, not a scene
        if first in SUBORDINATORS and not self._subject_like(comma + 1):
            return  # "Although the committee, also known as ..., will ...": the clause runs on
        if (first in KEPT_OPENERS or participle) and tier == self.target:
            # a cause, a time, a means ("Combined with pandoc,") or a scope ("For a smaller
            # project,", "In such a case,") is worth keeping while there is room
            return
        if self._listing(comma):
            return  # "Given a repetitive task, an enumerative task, or ...": the first of a list
        after = comma + 1
        counted = self.bare[alive[after]] in COUNT_WORDS or self.words[alive[after]][:1].isdigit()
        if participle and not (self._subject_like(after) or counted):
            return  # "Giving evidence against yourself, particularly if ..., is difficult": the subject
        if participle and comma > 7:
            return  # "Limited incentives to give evidence against yourself (or ...), the ...": a list's item
        if not self._informative(alive[: comma + 1], tier):
            self.alive = alive[comma + 1 :]

    def _listing(self, comma: int) -> bool:
        """Tell whether the comma at position `comma` separates items of a list ("A, B, or C")."""
        alive = self.alive
        if comma + 1 < len(alive) and self.bare[alive[comma + 1]] in ("and", "or"):
            return any(self.punct[alive[p]].endswith(",") for p in range(max(0, comma - 12), comma))
        for p in range(comma + 1, min(len(alive) - 1, comma + 20)):
            if self.punct[alive[p]].endswith(","):
                return self.bare[alive[p + 1]] in ("and", "or")
        return False

    def frame(self) -> Condensed | None:
        """A reporting or copular frame: "X claims that Y", "The main limitation is that Y".

        A frame whose subject names no one ("sources claim that") goes; a named source, or the
        subject of "is that", becomes the bullet, with the claim under it: who says it stays.
        """
        alive = self.alive
        for position in range(1, min(len(alive) - 6, 16)):
            if self.punct[alive[position - 1]].endswith((",", ";", ":")):
                return None  # a frame's subject has no comma in it
            verb, that = self.bare[alive[position]], self.bare[alive[position + 1]]
            if that != "that" or (verb not in REPORTING_VERBS and verb not in COPULAS):
                continue
            subject, claim = alive[:position], alive[position + 2 :]
            named = {self.bare[k] for k in subject} - GENERIC_SOURCES - NOT_A_SOURCE
            if any(self.bare[k] in PROTECTED or self.bare[k].lower() in SUBORDINATORS for k in subject):
                return None  # "when I say that ...": a clause, not a source
            if verb in REPORTING_VERBS and not named:
                self.alive = claim  # hearsay's form only: the claim is what counts
                return None
            if len(subject) > 12:
                return None
            child = _Condenser([self.words[k] for k in claim], self.target, self.most, self.lone_dash).run()
            if child is None or child.children or child.cut or not child.keep:
                return None  # the claim joins two claims of its own, lists, or had to be cut: no frame
            shown = subject + ([alive[position]] if verb in REPORTING_VERBS else [])
            return Condensed(tuple(shown), (tuple(claim[k] for k in child.keep),), lead=True)
        return None

    def drop_asides(self, tier: int) -> None:
        """Leave out asides, shortest first, while the bullet is too long: an appositive or a
        clause between commas, a parenthesis, a part between dashes."""
        if len(self.alive) <= tier:
            return
        position = {i: p for p, i in enumerate(self.alive)}
        gone = bytearray(len(self.alive))
        left = len(self.alive)
        for start, end in sorted(self._asides(), key=lambda s: s[1] - s[0]):
            if left <= tier:
                break
            a, b = position[start], position[end]
            part = self.alive[a : b + 1]
            if any(gone[a : b + 1]) or left - len(part) < 6 or self._informative(part, tier, whole=True):
                continue
            bracketed = self.words[start].startswith("(") or self.words[start] in _DASHES
            if bracketed and any(self.bare[i].lower() in NEGATIONS for i in part):
                continue  # an aside that denies answers its claim: "trust (or not trust)", "(you aren't!)"
            short = len(part) <= 2 and " ".join(self.bare[i] for i in part) not in PHRASE_WORDS
            if bracketed and (short or self.bare[part[1 if self.words[start] in _DASHES else 0]] == "or"):
                continue  # a qualifier, "not (easily) readable", or an alternative, "You - or someone - may"
            if self.words[end].endswith(("),", ");")):
                continue  # the comma after it separates a list's items: without it they run together
            if a and self.bare[self.alive[a - 1]] in SUBORDINATORS | {"that", "and", "but", "or"}:
                continue  # "although - as discussed, ... -": what the "although" says, not an aside
            gone[a : b + 1] = b"\x01" * len(part)
            left -= len(part)
        self.alive = [i for p, i in enumerate(self.alive) if not gone[p]]

    def _asides(self) -> list[tuple[int, int]]:
        """Return the (first, last) words of the asides of what is left, found in one pass."""
        spans: list[tuple[int, int]] = []
        alive = self.alive
        comma = paren = dash = None
        depth = 0  # of the parenthesis opened at `paren`: "(e.g. non-NMDA (AMPA) receptors)" is one
        for p, i in enumerate(alive):
            word = self.words[i]
            if word.startswith("(") and paren is None:
                paren, depth = i, 0
            if paren is not None:
                depth += word.count("(") - word.count(")")
                if depth <= 0:
                    spans.append((paren, i))
                    paren = None
                continue  # a dash or comma inside a parenthesis pairs with none outside it
            if word.endswith(("—", "–")) or word in _DASHES:
                if dash is not None:
                    spans.append((dash, i))
                if dash is None and p + 1 < len(alive):
                    dash = i if word in _DASHES else alive[p + 1]  # a lone dash goes with its aside
                else:
                    dash = None
            if self.punct[i].endswith(",") and p + 1 < len(alive):
                if comma is not None and 1 <= p - comma <= 10 and self._aside_at(comma + 1, p + 1):
                    spans.append((alive[comma + 1], i))  # the part and the comma that closes it
                comma = p
        if dash is not None and dash != alive[-1] and self.lone_dash:
            spans.append((dash, alive[-1]))  # "... at all—the Encasement Strategy": a closing aside
        return spans

    def _aside_at(self, first: int, after: int) -> bool:
        """Tell whether the part between commas from position `first` is an aside (an appositive,
        a relative clause, a phrase), not an item of a list nor a clause with a verb of its own:
        it opens as asides do, and no "and" or "or" follows it."""
        opens = self.bare[self.alive[first]]
        following = self.bare[self.alive[after]] if after < len(self.alive) else ""
        if opens not in ASIDE_OPENERS or following in ("and", "or", "but", "nor"):
            return False
        if self._listing(after - 1):
            return False  # ", such as A, B, or C": the start of a list
        # ", the overall product is still proprietary software,": a clause, not an appositive
        return opens in RELATIVES or not any(self.bare[i] in FINITE for i in self.alive[first:after])

    def drop_trailing_clause(self, tier: int) -> None:
        """Leave out a trailing ", meaning that ..." or ", which ..." clause."""
        alive = self.alive
        if len(alive) <= tier:
            return
        for p in range(len(alive) - 2, 5, -1):
            if not self.punct[alive[p]].endswith(","):
                continue
            following = self.bare[alive[p + 1]]
            participle = following.endswith("ing") and following not in ("during", "meaning")
            trailing = (following in TRAILING or participle) and not self._which_means(p + 1)  # a consequence
            if self.bare[alive[0]] in SUBORDINATORS and p + 1 <= self._main_clause():
                return  # "As clusters become popular, being able to ...": that is the main clause
            if trailing and not self._informative(alive[p + 1 :], tier, whole=True):
                self.alive = alive[: p + 1]
            return

    def drop_rather_than(self) -> None:
        """Leave out "rather than X", up to the next preposition or comma."""
        alive = self.alive
        for p in range(len(alive) - 2):
            if (self.bare[alive[p]], self.bare[alive[p + 1]]) == ("rather", "than"):
                stop = p + 2
                while stop < len(alive) and self.bare[alive[stop]] not in RATHER_THAN_ENDS:
                    stop += 1
                    if self.punct[alive[stop - 1]].endswith(","):
                        break
                if stop < len(alive):
                    self.alive = alive[:p] + alive[stop:]
                return

    # -- when leaving out is not enough --------------------------------------------------------

    def split(self) -> list[list[int]]:
        """Return the two claims of a sentence that joins them, or nothing: "Although X, Y",
        "X; Y", "X, meaning that Y", "X, but Y". Each is at least five words; the words that
        only join them ("although", "meaning that") go."""
        alive = self.alive
        if self.bare[alive[0]] in SUBORDINATORS - CONCESSIVE:
            return []  # a condition and what follows from it stay together (see `condition`)
        if self.bare[alive[0]] in CONCESSIVE:
            # The concession ends at its comma, or where an aside between dashes closes it.
            dashes = [p for p, i in enumerate(alive) if self.words[i] in _DASHES and not self.enclosed[i]]
            comma = next(
                (
                    p
                    for p, i in enumerate(alive[:-1])
                    if self.punct[i].endswith(",") and not self._listing(p) and self._subject_like(p + 1)
                ),
                None,
            )
            if len(dashes) >= 2 and (comma is None or dashes[1] < comma):
                comma = dashes[1]
            if comma is not None and comma >= 5 and len(alive) - comma - 1 >= 5:
                self.joined = "concession"
                return [alive[: comma + 1], alive[comma + 1 :]]
        best = shared = None
        conditioned = False  # a condition opened since the last semicolon: it governs what follows
        for p in range(len(alive) - 5):
            word = self.punct[alive[p]]
            conditioned = self.bare[alive[p]] in CONDITIONAL or conditioned and not word.endswith(";")
            if p < 4 or not word.endswith((",", ";")) or conditioned:
                continue  # "unless X, A, and B": B holds only unless X too
            following = self.bare[alive[p + 1]]
            if following == "but" and self._not_only(p):
                continue  # "not only X, but Y": one claim
            but = following == "but" and self._clause_after(p + 2)
            if following == "but" and not but and len(alive) > self.most + SLACK:
                shared = p  # "X, but only has impact when ...": under X, with its "but"
            joiner = word.endswith(";") or following == "meaning" or but or self._which_means(p + 1)
            subject = following in SUBJECT_JOINERS and self._subject_like(p + 2) and not self._listing(p)
            if (joiner or subject) and (best is None or abs(p - len(alive) / 2) < abs(best - len(alive) / 2)):
                best = p
        if best is None and shared is not None:
            self.joined = "shared"
            return [alive[: shared + 1], alive[shared + 1 :]]
        because = self._because() if best is None and len(alive) > self.most + SLACK else None
        if because is not None:  # "I do it by hand because either a) ... or b) ...": the reason under it
            self.joined = "reason"
            return [alive[:because], alive[because:]]
        if best is None:
            return []
        tail = best + 1
        while tail < len(alive) - 5 and self.bare[alive[tail]] in JOINER_WORDS:
            tail += 1
        return [alive[: best + 1], alive[tail:]]

    def explanation(self) -> Condensed | None:
        """A sentence whose colon introduces what explains it ("A lot has changed: open access
        journals have proven ..."): what comes before the colon, with the rest under it."""
        alive = self.alive
        colon = next((p for p in range(3, len(alive) - 5) if self.punct[alive[p]].endswith(":")), None)
        if colon is None or "(" in self.words[alive[colon]]:
            return None  # "(spoiler: you aren't!)": a parenthesis's own colon
        return self._under(alive[: colon + 1], alive[colon + 1 :])

    def condition(self) -> Condensed | None:
        """A long sentence that opens with a condition or a time ("If you show up ..., they should
        ..."): the condition, with what follows from it under it, rather than a cut."""
        alive = self.alive
        if self.bare[alive[0]] not in SUBORDINATORS - CONCESSIVE:
            return None
        main = self._main_clause()
        if not 5 < main <= self.most + self.most // 2 or len(alive) - main < 6:
            return None
        return self._under(alive[:main], alive[main:])

    def _under(self, head: list[int], rest: list[int]) -> Condensed | None:
        """Return `head` as a bullet with `rest`, condensed, under it (its items, if it lists some)."""
        child = self._nested([self.words[k] for k in rest])
        if child.children and not child.lead:
            return None
        if child.lead:  # "...: A, B and C" lists its items under the head
            if child.keep:
                return None
            return Condensed(tuple(head), tuple(tuple(rest[k] for k in c) for c in child.children), lead=True)
        return Condensed(
            tuple(head), (tuple(rest[k] for k in child.keep),), cut=False, lead=True, child_cut=child.cut
        )

    def with_under(self) -> list[Condensed]:
        """Return the claim of "Although X, Y" with its concession under it, of "X, but only ..."
        with its "but" under it, or of "X because Y" with its reason under it; or the two as
        bullets of their own when either needs sub-bullets of its own."""
        first, second = self.halves
        if self.joined != "concession":  # "But only ...", "Because ...": the joining word shown
            main, aside = self.part(first), self.part(second[1:])
            if main.children or aside.children:
                return [main, self.part(second)]
            return [Condensed(main.keep, ((second[0], *aside.keep),), main.cut, child_cut=aside.cut)]
        main, aside = self.part(second), self.part(first)
        opener = [self.bare[i] for i in main.keep[:10]]
        backward = bool(opener) and opener[0] in BACK_REFERENCES and not is_expletive(opener)
        if main.children or aside.children or aside.cut or backward:
            # ... or "it" in the claim names what the concession named: that first
            return [self.part(first[1:]), main]
        return [Condensed(main.keep, (aside.keep,), main.cut)]

    def part(self, indices: list[int]) -> Condensed:
        """Return one of the claims `split` found, condensed (and never split again)."""
        words = [self.words[i] for i in indices]
        found = self._nested(words)
        remap = lambda found_: tuple(indices[k] for k in found_)  # noqa: E731
        return Condensed(remap(found.keep), tuple(remap(c) for c in found.children), found.cut, found.lead)

    def _nested(self, words: list[str]) -> Condensed:
        """Return a part of the sentence (a claim, what follows a colon) condensed, never split
        again: a part that would split in two is shown whole, or cut when it runs to more than
        three bullets' words (a table or a page's script read as one sentence)."""
        condenser = _Condenser(words, self.target, self.most, self.lone_dash)
        found = condenser.run()
        if found is None:
            return condenser.cut() if len(words) > 3 * self.most else Condensed(tuple(range(len(words))))
        return found

    def enumeration(self) -> Condensed | None:
        """A sentence listing three to six items ("divided into A, B and C"): a bullet for what
        introduces them, a sub-bullet for each."""
        alive = self.alive
        last = next((p for p in range(len(alive) - 2, 1, -1) if self.bare[alive[p]] in ("and", "or")), None)
        if last is None:
            return None
        commas = []
        for p in range(last - 1, -1, -1):  # the commas of the run before "and", nearest first
            if self.punct[alive[p]].endswith(","):
                if commas and commas[-1] - p > 8:
                    break
                commas.append(p)
        if not commas or last - commas[0] > 8:
            return None
        commas.reverse()
        items = [list(range(a + 1, b + 1)) for a, b in zip(commas, commas[1:], strict=False)]
        if commas[-1] < last - 1:
            items.append(list(range(commas[-1] + 1, last)))
        longest = max((len(item) for item in items), default=0)
        items.append(list(range(last + 1, len(alive))))
        cue = next((p for p in range(commas[0], -1, -1) if self.bare[alive[p]] in LIST_CUES), None)
        if longest == 0 or cue is None or cue < 2 or commas[0] - cue > longest + 1:
            return None
        items.insert(0, list(range(cue + 1, commas[0] + 1)))
        if not 3 <= len(items) <= 6 or not all(1 <= len(item) <= 8 for item in items):
            return None
        lengths = [len(item) for item in items]
        if max(lengths) > 4 * min(lengths):
            return None  # "needed, rather than ... or ...": parts of a sentence, not items
        if any(self.bare[alive[item[0]]] in NOT_ITEMS for item in items):
            return None  # "whether that is ...", "and we welcome ...": a clause, not an item
        if not all(_balanced(self.words[alive[p]] for p in item) for item in items):
            return None  # "(0 is dog and 1 is cat)": a bracket's own "and", not the list's
        head = next(
            (k for k, p in enumerate(items[-1]) if self.bare[alive[p]] in ("such", "including", "like")), None
        )
        if (head or len(items[-1])) > longest + 3:
            return None  # the last "item" runs on: the list sits mid-sentence
        children = tuple(tuple(alive[p] for p in item) for item in items)
        return Condensed(tuple(alive[: cue + 1]), children, lead=True)

    def cut(self) -> Condensed:
        """Cut at the last clause boundary within `most` words (never right after an opening
        subordinate clause: the main clause must stay); with none, keep the sentence whole up to
        half as long again; only a longer one is cut at `most` words."""
        alive = self.alive
        main = self._main_clause() if self.bare[alive[0]] in SUBORDINATORS else 0
        for size in range(self.most, 7, -1):
            if size < main + 4 or self._listing(size - 1):
                continue  # "Once a valuable API is defined," alone says nothing; nor does half a list
            last, following = self.punct[alive[size - 1]], self.bare[alive[size]]
            comma = last.endswith((",", ":"))
            hedged = bare(last) in HEDGES
            clause = last.endswith(";") or following in ("because", "whereas") and not hedged
            clause = clause or comma and (following in CLAUSE_STARTS or self._subject_like(size))
            if bare(last) in STOP or not clause:
                continue
            if following == "but" and self._not_only(size - 1):
                continue  # "you would not only be clicking ..., but you could ...": its other half
            if following in ("or", "and") and self.bare[alive[size + 1]] in CONDITIONAL:
                continue  # "... are required, or when the user base grows": the other condition
            if self._condition_before(size):
                continue  # "... that if you find an error message frustrating," needs what follows
            return Condensed(tuple(alive[:size]), cut=True)
        longest = self.most + self.most // 2
        protected = any(self.bare[i] in PROTECTED for i in alive[: 2 * self.most])
        if len(alive) <= longest or len(alive) <= 2 * self.most and protected:
            return Condensed(tuple(alive))  # whole, rather than lose a "must" or a "not" by a cut
        ends = range(longest - 1, max(7, main + 3), -1)
        commas = [p for p in ends if self.punct[alive[p]].endswith((",", ";", ":"))]
        comma = next((p for p in commas if not self._listing(p)), commas[0] if commas else None)
        if comma is not None:  # any comma (a list's only if no other), rather than mid-clause
            return Condensed(tuple(alive[: comma + 1]), cut=True)
        size = self.most
        while size > 1 and self.bare[alive[size - 1]] in STOP:
            size -= 1
        return Condensed(tuple(alive[:size]), cut=True)

    # -- helpers -------------------------------------------------------------------------------

    def _starts_with(self, phrase: tuple[str, ...]) -> bool:
        alive = self.alive
        if len(alive) <= len(phrase) + 3 or any(self.bare[alive[k]] != w for k, w in enumerate(phrase)):
            return False
        return self.punct[alive[len(phrase) - 1]].endswith(",") or len(phrase) > 2

    def _main_clause(self) -> int:
        """Return where the main clause of a sentence that opens with a subordinate clause starts:
        after the first comma (not a list's) that a subject follows."""
        alive = self.alive
        for p in range(1, len(alive) - 1):
            if self.punct[alive[p]].endswith(",") and not self._listing(p) and self._subject_like(p + 1):
                return p + 1
        return len(alive)

    def _condition_before(self, size: int) -> bool:
        """Tell whether the clause that ends at `size` words is a condition ("if ...,")."""
        alive = self.alive
        start = next((p + 1 for p in range(size - 2, -1, -1) if self.punct[alive[p]].endswith((",", ";"))), 0)
        return any(self.bare[i] in CONDITIONAL for i in alive[start:size])

    def _which_means(self, position: int) -> bool:
        """Tell whether ", which means that Y" starts at `position`."""
        alive = self.alive
        return position + 1 < len(alive) and (self.bare[alive[position]], self.bare[alive[position + 1]]) == (
            "which",
            "means",
        )

    def _subject_like(self, position: int) -> bool:
        """Tell whether the word at `position` can start a clause's subject: an article, a
        pronoun or a name."""
        if position >= len(self.alive):
            return False
        word = self.words[self.alive[position]]
        return self.bare[self.alive[position]] in SUBJECT_STARTS or word[:1].isupper()

    def _not_only(self, position: int) -> bool:
        """Tell whether "not only" comes before `position`: the "but" after it completes it."""
        alive = self.alive
        return any(
            (self.bare[alive[p]], self.bare[alive[p + 1]]) == ("not", "only")
            for p in range(max(0, position - 20), position)
        )

    def _because(self) -> int | None:
        """Return where a "because" that gives the sentence's reason starts ("... by hand because
        either ..."), not a hedged one ("partly because"), or None."""
        alive = self.alive
        for p in range(5, len(alive) - 5):
            if self.bare[alive[p]] == "because" and self.bare[alive[p - 1]] not in HEDGES:
                return p
        return None

    def _clause_after(self, position: int) -> bool:
        """Tell whether a clause with its own subject starts at `position`, past a connective
        ("but it fails", "but then we ..."), rather than a phrase that shares the one before."""
        while position < len(self.alive) - 1 and self.bare[self.alive[position]] in BEFORE_CLAUSE:
            position += 1
        return self._subject_like(position) or self.bare[self.alive[position]] in SUBORDINATORS

    def _needs_subject(self, position: int) -> bool:
        """Tell whether the word at `position` needs the one before it ("So is ...", "Still water")."""
        return position < len(self.alive) and self.bare[self.alive[position]] in NEEDS_SUBJECT

    def _informative(self, part: list[int], tier: int, whole: bool = False) -> bool:
        """Tell whether leaving `part` out loses what it must not: a negation, condition, modal or
        quantifier, ever; a figure or a name, unless only that keeps the bullet within `most`.

        A `whole` clause (an aside, a trailing clause) takes its own negation or modal with it,
        which changes nothing the bullet still says: only a condition in it keeps it.
        """
        if whole and any(self.bare[i] in CONDITIONS for i in part):
            return True
        if not whole and any(self.bare[i] in PROTECTED for i in part):
            return True
        if tier == self.most:
            return False
        return any(
            any(c.isdigit() for c in self.words[i]) or (k and self.words[i][:1].isupper())
            for k, i in enumerate(part)
        )


def _balanced(words) -> bool:
    """Tell whether words close every bracket they open, and open none they do not close."""
    text = "".join(words)
    return text.count("(") == text.count(")") and text.count("[") == text.count("]")


def _enclosed(words: list[str]) -> list[bool]:
    """Return for each word whether it stands inside brackets ("(e.g., biology, chemistry)",
    "(Smith, 2023; Jones, 2020)") or a formula ("$p_{X, Y}$"): its comma, semicolon, colon or
    dash is the bracket's, and ends no clause of the sentence, so a part left out or a split
    there would leave half a bracket. Brackets that do not balance are no guide, nor is a lone
    "$" (a price)."""
    joined = "".join(words)
    if not any(mark in joined for mark in "()[]$"):
        return [False] * len(words)  # most sentences: nothing to count in every word
    depth, lowest, math, inside, formula = 0, 0, False, [], []
    for word in words:
        depth += word.count("(") + word.count("[") - word.count(")") - word.count("]")
        lowest = depth if depth < lowest else lowest
        math ^= word.count("$") % 2 == 1
        inside.append(depth > 0)
        formula.append(math)
    brackets = depth == 0 and lowest == 0
    return [(brackets and inside[k]) or (not math and formula[k]) for k in range(len(words))]


SLACK = 4  # words over `most` a bullet may keep rather than be cut
_DASHES = frozenset(("—", "–", "--", "-"))
