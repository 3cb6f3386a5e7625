"""The state one sentence is condensed in, and what the rules ask of it.

A `Sentence` holds the words as written, the words as compared (`bare`), their clause punctuation
(a bracket's own comma ends no clause) and the indices still `alive`. The rules (see `rules`)
leave words out of `alive`, or return the bullet; `run` applies them in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from lecturekit.lexicon.english import (
    AND_OR,
    CONDITIONS,
    EXPLETIVE,
    EXPLETIVE_VERBS,
    MODALS,
    PROTECTED,
    SUBJECT_STARTS,
)
from lecturekit.model.text import bare

TARGET = 10  # words a bullet aims at
MAX = 16  # words a bullet may take when its claim needs them, rather than be cut
SLACK = 4  # words over `most` a bullet may keep rather than be cut
WHOLE = 30  # words a sentence with no clause to cut at is shown whole up to, rather than cut mid-clause
ITEM = 8  # words of a list's item, at most, as `listing` reads one
DASHES = frozenset(("—", "–", "--", "-"))

Tier = Literal["target", "most", "slack"]


@dataclass(frozen=True)
class Condensed:
    """What is left of a sentence: the indices of its words, in order."""

    keep: tuple[int, ...]
    children: tuple[tuple[int, ...], ...] = ()  # sub-bullets: items the sentence lists, or a claim
    cut: bool = False  # the sentence had to be cut: the bullet ends with "…"
    lead: bool = False  # `keep` introduces `children`: shown ending with ":"
    child_cut: bool = False  # the one child had to be cut: it ends with "…"


@dataclass(frozen=True)
class Rule:
    """One step of condensing: it leaves words out of `alive` and returns None, or returns the
    bullet. `tier` names the length it works toward (the target, `most`, or `most` and SLACK):
    the run passes the rule that many words as its `limit`."""

    name: str
    apply: Callable[[Sentence, int], Condensed | None]
    tier: Tier = "target"


class Sentence:
    def __init__(
        self, words: list[str], target: int, most: int, rules: tuple[Rule, ...], lone_dash: bool | None = None
    ):
        self.words = words
        # The whole sentence has an odd number of dashes: its last may open a closing aside.
        if lone_dash is None:
            lone_dash = sum(w.endswith(("—", "–")) or w in DASHES for w in words) % 2 == 1
        self.lone_dash = lone_dash
        self.enclosed = enclosed(words)
        # the words as their clause punctuation counts: a bracket's own comma ends no clause
        self.punct = [w.rstrip(",;:") if inner else w for w, inner in zip(words, self.enclosed, strict=True)]
        self.bare = [bare(w) for w in words]
        self.target, self.most, self.rules = target, most, rules
        self.alive = list(range(len(words)))
        self.halves: list[list[int]] = []  # the two claims, when `split` found the sentence joins them
        # How `halves` join, when one goes under the other: "concession" (the first, "although"
        # and all), "shared" (the second, a "but ..." sharing the first's subject) or "reason"
        # (the second, from its "because").
        self.joined: str | None = None

    def run(self) -> Condensed | None:
        """Apply the rules in order: the first that returns a bullet ends the run, and so does one
        that splits the sentence into two claims (`halves`: then None)."""
        limits = {"target": self.target, "most": self.most, "slack": self.most + SLACK}
        for rule in self.rules:
            found = rule.apply(self, limits[rule.tier])
            if found is not None:
                return found
            if self.halves:
                return None
        return self.done()

    def part_of(self, words: list[str]) -> Sentence:
        """Return a part of this sentence (a claim, what follows a colon) as a sentence of its own."""
        return Sentence(words, self.target, self.most, self.rules, self.lone_dash)

    def done(self) -> Condensed:
        return Condensed(tuple(self.alive))

    def listing(self, comma: int) -> bool:
        """Tell whether the comma at position `comma` separates items of a list ("A, B, or C")."""
        alive = self.alive
        if comma + 1 < len(alive) and self.bare[alive[comma + 1]] in AND_OR:
            return any(self.punct[alive[p]].endswith(",") for p in range(max(0, comma - 12), comma))
        last, reach = (
            comma,
            20,
        )  # the next comma within 20 words, the ones after within ITEM: "A, B, C, and D"
        for p in range(comma + 1, min(len(alive) - 1, comma + 60)):
            if p - last > reach:
                return False
            if self.punct[alive[p]].endswith(","):
                if self.bare[alive[p + 1]] in AND_OR:
                    return True
                last, reach = p, ITEM
        return False

    def main_clause(self) -> int:
        """Return where the main clause of a sentence that opens with a subordinate clause starts:
        after the first comma (not a list's) that a subject follows."""
        alive = self.alive
        for p in range(1, len(alive) - 1):
            if self.punct[alive[p]].endswith(",") and not self.listing(p) and self.subject_like(p + 1):
                return p + 1
        return len(alive)

    def which_means(self, position: int) -> bool:
        """Tell whether ", which means that Y" starts at `position`."""
        alive = self.alive
        return position + 1 < len(alive) and (self.bare[alive[position]], self.bare[alive[position + 1]]) == (
            "which",
            "means",
        )

    def subject_like(self, position: int) -> bool:
        """Tell whether the word at `position` can start a clause's subject: an article, a
        pronoun or a name."""
        if position >= len(self.alive):
            return False
        word = self.words[self.alive[position]]
        return self.bare[self.alive[position]] in SUBJECT_STARTS or word[:1].isupper()

    def but_for(self, position: int) -> bool:
        """Tell whether "but for" starts at `position`: "X, but for Y" is "X, had it not been for
        Y", one claim that a split or a cut there would turn to its opposite."""
        alive = self.alive
        return position + 1 < len(alive) and (self.bare[alive[position]], self.bare[alive[position + 1]]) == (
            "but",
            "for",
        )

    def not_only(self, position: int) -> bool:
        """Tell whether "not only" comes before `position`: the "but" after it completes it."""
        alive = self.alive
        return any(
            (self.bare[alive[p]], self.bare[alive[p + 1]]) == ("not", "only")
            for p in range(max(0, position - 20), position)
        )

    def informative(self, part: list[int], limit: int, whole: bool = False) -> bool:
        """Tell whether leaving `part` out loses what it must not: a negation, condition, modal or
        quantifier, ever; a figure or a name, unless only that keeps the bullet within `most`.

        A `whole` clause (an aside, a trailing clause) takes its own negation or modal with it,
        which changes nothing the bullet still says: only a condition in it keeps it.
        """
        if whole and any(self.bare[i] in CONDITIONS for i in part):
            return True
        if not whole and any(self.bare[i] in PROTECTED for i in part):
            return True
        if limit == self.most:
            return False
        return any(
            any(c.isdigit() for c in self.words[i]) or (k and self.words[i][:1].isupper())
            for k, i in enumerate(part)
        )


def is_expletive(words: list[str]) -> bool:
    """Tell whether an opening "it" refers to nothing: "It is thanks to X that", "It is worth",
    "It can be difficult to"."""
    if len(words) > 3 and words[1] in MODALS and words[2] == "be":
        words = words[:1] + words[2:]
    if len(words) < 3 or words[1] not in EXPLETIVE_VERBS:
        return False
    return words[2] in EXPLETIVE or "that" in words[3:] or words[2] == "to"


def balanced(words: Iterable[str]) -> bool:
    """Tell whether words close every bracket they open, and open none they do not close."""
    text = "".join(words)
    return text.count("(") == text.count(")") and text.count("[") == text.count("]")


def enclosed(words: list[str]) -> list[bool]:
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
