"""A sentence that joins two claims becomes two bullets, or one with the other under it.

"X; Y", "X, meaning that Y", "X, but Y": two bullets. "Although X, Y": Y, with the concession
under it. "X, but only ...": X with its "but" under it; "X because Y": X with its reason under it.
"""

from __future__ import annotations

from lecturekit.language.condense.cutting import cut
from lecturekit.language.condense.sentence import DASHES, SLACK, Condensed, Sentence, is_expletive
from lecturekit.lexicon.english import (
    BACK_REFERENCES,
    BEFORE_CLAUSE,
    CONCESSIVE,
    CONDITIONAL,
    COORDINATORS,
    HEDGES,
    JOINER_WORDS,
    RELATIVES,
    SUBJECT_JOINERS,
    SUBORDINATORS,
)


def split(s: Sentence, _tier: int) -> None:
    """Find the two claims of a sentence that joins them (see `_halves`): the run ends there."""
    s.halves = _halves(s)


def _halves(s: Sentence) -> list[list[int]]:
    """Return the two claims of a sentence that joins them, or nothing: "Although X, Y",
    "X; Y", "X, meaning that Y", "X, but Y". Each is at least five words; the words that
    only join them ("although", "meaning that") go."""
    alive = s.alive
    if s.bare[alive[0]] in SUBORDINATORS - CONCESSIVE:
        return []  # a condition and what follows from it stay together (see `condition`)
    if s.bare[alive[0]] in CONCESSIVE:
        # The concession ends at its comma, or where an aside between dashes closes it.
        dashes = [p for p, i in enumerate(alive) if s.words[i] in DASHES and not s.enclosed[i]]
        comma = next(
            (
                p
                for p, i in enumerate(alive[:-1])
                if s.punct[i].endswith(",") and not s.listing(p) and s.subject_like(p + 1)
            ),
            None,
        )
        if len(dashes) >= 2 and (comma is None or dashes[1] < comma):
            comma = dashes[1]
        if comma is not None and comma >= 5 and len(alive) - comma - 1 >= 5:
            s.joined = "concession"
            return [alive[: comma + 1], alive[comma + 1 :]]
    best = shared = None
    conditioned = False  # a condition opened since the last semicolon: it governs what follows
    for p in range(len(alive) - 5):
        word = s.punct[alive[p]]
        conditioned = s.bare[alive[p]] in CONDITIONAL or conditioned and not word.endswith(";")
        if p < 4 or not word.endswith((",", ";")) or conditioned:
            continue  # "unless X, A, and B": B holds only unless X too
        if s.bare[alive[p]] in SUBORDINATORS | COORDINATORS | {"because", "that"}:
            continue  # "We use SSH here because, while ...": the clause before the comma is not done
        following = s.bare[alive[p + 1]]
        if following == "but" and (s.not_only(p) or s.but_for(p + 1)):
            continue  # "not only X, but Y", "X, but for Y": one claim
        but = following == "but" and _clause_after(s, p + 2)
        if following == "but" and not but and len(alive) > s.most + SLACK:
            shared = p  # "X, but only has impact when ...": under X, with its "but"
        # "X; and have endeavored to ...": the second half shares X's subject, and alone has none
        semicolon = (
            word.endswith(";")
            and not (following in ("and", "or") and not _clause_after(s, p + 2))
            and following not in RELATIVES  # "...; which allows for ...": a relative clause, mispunctuated
        )
        joiner = semicolon or following == "meaning" or but or s.which_means(p + 1)
        subject = following in SUBJECT_JOINERS and s.subject_like(p + 2) and not s.listing(p)
        if (joiner or subject) and (best is None or abs(p - len(alive) / 2) < abs(best - len(alive) / 2)):
            best = p
    if best is None and shared is not None:
        s.joined = "shared"
        return [alive[: shared + 1], alive[shared + 1 :]]
    because = _because(s) if best is None and len(alive) > s.most + SLACK else None
    if because is not None:  # "I do it by hand because either a) ... or b) ...": the reason under it
        s.joined = "reason"
        return [alive[:because], alive[because:]]
    if best is None:
        return []
    tail = best + 1
    while tail < len(alive) - 5 and s.bare[alive[tail]] in JOINER_WORDS:
        tail += 1
    return [alive[: best + 1], alive[tail:]]


def _because(s: Sentence) -> int | None:
    """Return where a "because" that gives the sentence's reason starts ("... by hand because
    either ..."), not a hedged one ("partly because"), or None."""
    alive = s.alive
    for p in range(5, len(alive) - 5):
        if s.bare[alive[p]] == "because" and s.bare[alive[p - 1]] not in HEDGES and not s.enclosed[alive[p]]:
            return p
    return None


def _clause_after(s: Sentence, position: int) -> bool:
    """Tell whether a clause with its own subject starts at `position`, past a connective
    ("but it fails", "but then we ..."), rather than a phrase that shares the one before."""
    while position < len(s.alive) - 1 and s.bare[s.alive[position]] in BEFORE_CLAUSE:
        position += 1
    return s.subject_like(position) or s.bare[s.alive[position]] in SUBORDINATORS


def with_under(s: Sentence) -> list[Condensed]:
    """Return the claim of "Although X, Y" with its concession under it, of "X, but only ..."
    with its "but" under it, or of "X because Y" with its reason under it; or the two as
    bullets of their own when either needs sub-bullets of its own."""
    first, second = s.halves
    if s.joined != "concession":  # "But only ...", "Because ...": the joining word shown
        main, aside = part(s, first), part(s, second[1:])
        if main.children or aside.children:
            return [main, part(s, second)]
        return [Condensed(main.keep, ((second[0], *aside.keep),), main.cut, child_cut=aside.cut)]
    main, aside = part(s, second), part(s, first)
    opener = [s.bare[i] for i in main.keep[:10]]
    backward = bool(opener) and opener[0] in BACK_REFERENCES and not is_expletive(opener)
    if main.children or aside.children or aside.cut or backward:
        # ... or "it" in the claim names what the concession named: that first
        return [part(s, first[1:]), main]
    return [Condensed(main.keep, (aside.keep,), main.cut)]


def part(s: Sentence, indices: list[int]) -> Condensed:
    """Return one of the claims `split` found, condensed (and never split again)."""
    words = [s.words[i] for i in indices]
    found = nested(s, words)

    def remap(kept: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(indices[k] for k in kept)

    return Condensed(remap(found.keep), tuple(remap(c) for c in found.children), found.cut, found.lead)


def nested(s: Sentence, words: list[str]) -> Condensed:
    """Return a part of the sentence (a claim, what follows a colon) condensed, never split
    again: a part that would split in two is shown whole, or cut when it runs to more than
    three bullets' words (a table or a page's script read as one sentence)."""
    inner = s.part_of(words)
    found = inner.run()
    if found is None:
        return cut(inner) if len(words) > 3 * s.most else Condensed(tuple(range(len(words))))
    return found
