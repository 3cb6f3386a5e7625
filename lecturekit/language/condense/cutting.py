"""The last rule: cut a sentence that nothing else made short enough, at a clause boundary."""

from __future__ import annotations

from lecturekit.language.condense.sentence import WHOLE, Condensed, Sentence, balanced
from lecturekit.lexicon.english import (
    AND_OR,
    CLAUSE_STARTS,
    CONDITIONAL,
    HEDGES,
    PROTECTED,
    REASON_STARTS,
    STOP,
    SUBORDINATORS,
)
from lecturekit.model.text import bare


def cut(s: Sentence, _tier: int = 0) -> Condensed:
    """Cut at the last clause boundary within `most` words (never right after an opening
    subordinate clause: the main clause must stay); with none, keep the sentence whole up to
    WHOLE words (a lecture leaves such a claim to its notes); only a longer one is cut at `most` words."""
    alive = s.alive
    main = s.main_clause() if s.bare[alive[0]] in SUBORDINATORS else 0
    for size in range(min(s.most, len(alive) - 1), 7, -1):  # a cut leaves a word out
        if size < main + 4 or s.listing(size - 1):
            continue  # "Once a valuable API is defined," alone says nothing; nor does half a list
        last, following = s.punct[alive[size - 1]], s.bare[alive[size]]
        comma = last.endswith((",", ":"))
        hedged = bare(last) in HEDGES
        clause = last.endswith(";") or following in REASON_STARTS and not hedged
        clause = clause or comma and (following in CLAUSE_STARTS or s.subject_like(size))
        if bare(last) in STOP or not clause or size + 1 < len(alive) and s.punct[alive[size]].endswith(","):
            continue  # one word between commas opens no clause: "Tucson, Arizona, during ..."
        if following == "but" and (s.not_only(size - 1) or s.but_for(size)):
            continue  # "you would not only be clicking ..., but you could ...": its other half
        if following in AND_OR and s.bare[alive[size + 1]] in CONDITIONAL:
            continue  # "... are required, or when the user base grows": the other condition
        if _condition_before(s, size):
            continue  # "... that if you find an error message frustrating," needs what follows
        return Condensed(tuple(alive[:size]), cut=True)
    longest = WHOLE
    protected = any(s.bare[i] in PROTECTED for i in alive[: 2 * WHOLE])
    if len(alive) <= longest or len(alive) <= 2 * WHOLE and protected:
        return Condensed(tuple(alive))  # whole, rather than lose a "must" or a "not" by a cut
    ends = range(longest - 1, max(7, main + 3), -1)
    commas = [p for p in ends if s.punct[alive[p]].endswith((",", ";", ":"))]
    at = next(
        (
            p
            for p in commas
            if not s.listing(p) and not s.but_for(p + 1) and balanced(s.words[i] for i in alive[: p + 1])
        ),
        None,
    )  # not "... best practices (e.g.,": half a bracket
    if at is not None:  # at a comma, rather than mid-clause
        return Condensed(tuple(alive[: at + 1]), cut=True)
    if len(alive) <= 3 * s.most:
        return Condensed(tuple(alive))  # whole, rather than cut inside a list or a clause ("… around …")
    size = s.most
    while size > 1 and s.bare[alive[size - 1]] in STOP:
        size -= 1
    return Condensed(tuple(alive[:size]), cut=True)


def _condition_before(s: Sentence, size: int) -> bool:
    """Tell whether the clause that ends at `size` words is a condition ("if ...,")."""
    alive = s.alive
    start = next((p + 1 for p in range(size - 2, -1, -1) if s.punct[alive[p]].endswith((",", ";"))), 0)
    return any(s.bare[i] in CONDITIONAL for i in alive[start:size])
