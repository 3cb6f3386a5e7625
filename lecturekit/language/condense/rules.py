"""Condense one sentence into a bullet by leaving whole parts out, never by rewording.

`RULES` is the recipe, in the order it runs, the way markdown-it lists its block rules: each
rule does one thing to the sentence's state (see `sentence.Sentence`). First what only links or
cites goes, then a part at a time while the bullet is longer than it aims at (`TARGET`), then a
long sentence takes a shape of its own (a source over its claim, a list, two claims), and only
when all that is not enough is the sentence cut, at a clause boundary, with "…". A "fits" step
ends the run as soon as the bullet is within its tier: the target, `most`, or `most` and SLACK.

Every rule is one pass over the words (or a fixed number of passes), so condensing costs time
linear in the sentence's length, however long the "sentence" (a table flattened into text).
tests/fixtures/condense.txt holds each rule's cases; a test switches a rule off by its name.
"""

from __future__ import annotations

from lecturekit.language.condense.cutting import cut
from lecturekit.language.condense.dropping import (
    drop_asides,
    drop_citations,
    drop_leading_connectives,
    drop_opening_phrase,
    drop_rather_than,
    drop_trailing_clause,
)
from lecturekit.language.condense.sentence import MAX, TARGET, Condensed, Rule, Sentence
from lecturekit.language.condense.shaping import condition, enumeration, explanation, frame
from lecturekit.language.condense.splitting import part, split, with_under


def fits(s: Sentence, limit: int) -> Condensed | None:
    """End the run with what is left when it is within `limit` words."""
    return s.done() if len(s.alive) <= limit else None


RULES: tuple[Rule, ...] = (
    Rule("citations", drop_citations),
    Rule("connectives", drop_leading_connectives),
    Rule("fits", fits, "target"),
    Rule("opening phrase", drop_opening_phrase, "target"),
    Rule("frame", frame),
    Rule("asides", drop_asides, "target"),
    Rule("trailing clause", drop_trailing_clause, "target"),
    Rule("fits", fits, "target"),
    Rule("enumeration", enumeration),
    Rule("fits", fits, "most"),  # the rest carries facts: up to `most` words is fine
    Rule("explanation", explanation),
    Rule("split", split),
    Rule("fits", fits, "slack"),  # a few words over, rather than lose a fact
    # the second tier: a part with a figure or a name may go too
    Rule("opening phrase", drop_opening_phrase, "most"),
    Rule("asides", drop_asides, "most"),
    Rule("trailing clause", drop_trailing_clause, "most"),
    Rule("rather than", drop_rather_than),
    Rule("fits", fits, "slack"),
    Rule("condition", condition),
    Rule("cut", cut),
)
NAMES = frozenset(rule.name for rule in RULES)


def condense(
    words: list[str], target: int = TARGET, most: int = MAX, without: frozenset[str] = frozenset()
) -> list[Condensed]:
    """Return what of the sentence made of `words` (as written, punctuation attached) bullets
    show: one bullet, or two when the sentence joins two claims ("X; Y", "X, but Y"). "Although
    X, Y" is one bullet, Y, with the concession under it: the contrast stays with its claim.

    `without` names rules to leave out of the run (a test's way to see what one rule does)."""
    rules = tuple(rule for rule in RULES if rule.name not in without) if without else RULES
    sentence = Sentence(words, target, most, rules)
    found = sentence.run()
    if found is not None:
        return [found]
    if sentence.joined:
        return with_under(sentence)
    return [part(sentence, half) for half in sentence.halves]
