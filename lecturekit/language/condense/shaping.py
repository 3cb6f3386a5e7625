"""The rules that give a long sentence a shape of its own, rather than a cut.

A reporting frame ("X claims that Y": the source, with the claim under it), a list ("divided
into A, B and C": a sub-bullet for each item), an explanation after a colon, and a condition
with what follows from it under it.
"""

from __future__ import annotations

from lecturekit.language.condense.sentence import Condensed, Sentence, balanced
from lecturekit.language.condense.splitting import nested
from lecturekit.lexicon.english import (
    AND_OR,
    CONCESSIVE,
    COPULAS,
    EXAMPLE_CUES,
    FINITE_VERBS,
    GENERIC_SOURCES,
    LIST_CUES,
    NOT_A_SOURCE,
    NOT_ITEMS,
    PARTICIPLE_LINKS,
    PROTECTED,
    RELATIVES,
    REPORTING_VERBS,
    SUBORDINATORS,
)


def frame(s: Sentence, _tier: int) -> Condensed | None:
    """A reporting or copular frame: "X claims that Y", "The main limitation is that Y".

    A frame whose subject names no one ("sources claim that") goes; a named source, or the
    subject of "is that", becomes the bullet, with the claim under it: who says it stays.
    """
    alive = s.alive
    for position in range(1, min(len(alive) - 6, 16)):
        if s.punct[alive[position - 1]].endswith((",", ";", ":")):
            return None  # a frame's subject has no comma in it
        verb, that = s.bare[alive[position]], s.bare[alive[position + 1]]
        if that != "that" or (verb not in REPORTING_VERBS and verb not in COPULAS):
            continue
        if s.bare[alive[position + 2]] in ("which", "who") or verb in COPULAS and position == 1:
            return None  # "It is that which you know not": "that" is no "that"-clause's; "It is that ...": no subject
        subject, claim = alive[:position], alive[position + 2 :]
        named = {s.bare[k] for k in subject} - GENERIC_SOURCES - NOT_A_SOURCE
        if any(s.bare[k] in PROTECTED or s.bare[k].lower() in SUBORDINATORS for k in subject):
            return None  # "when I say that ...": a clause, not a source
        if verb in REPORTING_VERBS and not named:
            s.alive = claim  # hearsay's form only: the claim is what counts
            return None
        if len(subject) > 12:
            return None
        child = s.part_of([s.words[k] for k in claim]).run()
        if child is None or child.children or child.cut or not child.keep:
            return None  # the claim joins two claims of its own, lists, or had to be cut: no frame
        shown = subject + ([alive[position]] if verb in REPORTING_VERBS else [])
        return Condensed(tuple(shown), (tuple(claim[k] for k in child.keep),), lead=True)
    return None


def enumeration(s: Sentence, _tier: int) -> Condensed | None:
    """A sentence listing three to six items ("divided into A, B and C"): a bullet for what
    introduces them, a sub-bullet for each."""
    alive = s.alive
    if s.bare[alive[0]] in SUBORDINATORS:
        return None  # "Provided that X, Y and Z": a condition and its claim, not a list (see `condition`)
    last = next((p for p in range(len(alive) - 2, 1, -1) if s.bare[alive[p]] in AND_OR), None)
    if last is None:
        return None
    commas: list[int] = []
    for p in range(last - 1, -1, -1):  # the commas of the run before "and", nearest first
        if s.punct[alive[p]].endswith(","):
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
    cue = next((p for p in range(commas[0], -1, -1) if s.bare[alive[p]] in LIST_CUES), None)
    if longest == 0 or cue is None or cue < 2 or commas[0] - cue > longest + 1:
        return None
    items.insert(0, list(range(cue + 1, commas[0] + 1)))
    if not 3 <= len(items) <= 6 or not all(1 <= len(item) <= 8 for item in items):
        return None
    lengths = [len(item) for item in items]
    if max(lengths) > 4 * min(lengths):
        return None  # "needed, rather than ... or ...": parts of a sentence, not items
    if any(s.bare[alive[item[0]]] in NOT_ITEMS for item in items):
        return None  # "whether that is ...", "and we welcome ...": a clause, not an item
    participles = [
        _participle(s.bare[alive[item[0]]], s.bare[alive[item[1]]] if len(item) > 1 else "") for item in items
    ]
    if any(participles) and not all(participles):
        return None  # "known as a plastid, characterized by A and B": a description, not three items
    if not all(balanced(s.words[alive[p]] for p in item) for item in items):
        return None  # "(0 is dog and 1 is cat)": a bracket's own "and", not the list's
    lead_verb = any(s.bare[alive[p]] in FINITE_VERBS for p in range(cue + 1))
    relative = next(
        (k for k, p in enumerate(items[-1]) if s.bare[alive[p]] in RELATIVES | {"that"}), len(items[-1])
    )
    if not lead_verb and any(s.bare[alive[p]] in FINITE_VERBS for p in items[-1][:relative]):
        return None  # "The trees of the forest, the waving grass and ... have grown": the list is the subject
    head = next((k for k, p in enumerate(items[-1]) if s.bare[alive[p]] in EXAMPLE_CUES), None)
    if (head or len(items[-1])) > longest + 3:
        return None  # the last "item" runs on: the list sits mid-sentence
    children = tuple(tuple(alive[p] for p in item) for item in items)
    return Condensed(tuple(alive[: cue + 1]), children, lead=True)


def _participle(word: str, after: str) -> bool:
    """Tell whether a word opens a participle's phrase, a preposition after it ("characterized
    by", "located in"), not an adjective ("missing documentation", "unpinned versions")."""
    return len(word) > 4 and word.endswith(("ed", "ing")) and after in PARTICIPLE_LINKS


def explanation(s: Sentence, _tier: int) -> Condensed | None:
    """A sentence whose colon introduces what explains it ("A lot has changed: open access
    journals have proven ..."): what comes before the colon, with the rest under it."""
    alive = s.alive
    colon = next((p for p in range(3, len(alive) - 5) if s.punct[alive[p]].endswith(":")), None)
    if colon is None or "(" in s.words[alive[colon]]:
        return None  # "(spoiler: you aren't!)": a parenthesis's own colon
    return _under(s, alive[: colon + 1], alive[colon + 1 :])


def condition(s: Sentence, _tier: int) -> Condensed | None:
    """A long sentence that opens with a condition or a time ("If you show up ..., they should
    ..."): the condition, with what follows from it under it, rather than a cut."""
    alive = s.alive
    if s.bare[alive[0]] not in SUBORDINATORS - CONCESSIVE:
        return None
    main = s.main_clause()
    if not 5 < main <= s.most + s.most // 2 or len(alive) - main < 6:
        return None
    return _under(s, alive[:main], alive[main:])


def _under(s: Sentence, head: list[int], rest: list[int]) -> Condensed | None:
    """Return `head` as a bullet with `rest`, condensed, under it (its items, if it lists some)."""
    if s.punct[head[-1]].endswith(":") and s.bare[rest[0]] in ("a", "an"):
        return None  # "... (ATP): a molecule that ...": a noun described, not a claim explained
    child = nested(s, [s.words[k] for k in rest])
    if child.children and not child.lead:
        return None
    if child.lead:  # "...: A, B and C" lists its items under the head
        if child.keep:
            return None
        return Condensed(tuple(head), tuple(tuple(rest[k] for k in c) for c in child.children), lead=True)
    return Condensed(
        tuple(head), (tuple(rest[k] for k in child.keep),), cut=False, lead=True, child_cut=child.cut
    )
