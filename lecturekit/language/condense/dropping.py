"""The rules that leave a part of a sentence out: never a word of what is left is changed.

What can go, and only while the bullet is longer than the `limit` a rule works toward: a
citation, a leading connective ("However,"), a short opening phrase ("Despite having a bad
press,"), an aside (an appositive, a parenthesis, a part between dashes), a trailing clause
(", meaning that ..."), "rather than X". A part that holds a figure or a name goes only at the
second tier; a part that holds a negation, a condition, a modal or a quantifier never goes.
"""

from __future__ import annotations

import re

from lecturekit.language.condense.sentence import DASHES, WHOLE, Sentence, balanced
from lecturekit.lexicon.english import (
    AND_OR,
    ASIDE_OPENERS,
    BACK_REFERENCES,
    BEFORE_NO_ASIDE,
    CITED_BY,
    CLAUSE_SUBJECTS,
    CONCESSIVE,
    CONDITION_NOUNS,
    CONDITIONAL,
    CONDITIONS,
    CONNECTIVE_PHRASES,
    CONNECTIVES,
    CONSEQUENTS,
    COORDINATORS,
    COUNT_WORDS,
    CROSS_REFERENCES,
    DETERMINERS,
    FINITE,
    KEPT_OPENERS,
    NEEDS_SUBJECT,
    NEGATIONS,
    NOT_PARTICIPLES,
    NOT_TRAILING_PARTICIPLES,
    OPENERS,
    PARTICIPLES,
    PHRASE_WORDS,
    RATHER_THAN_ENDS,
    RELATIVES,
    SUBORDINATORS,
    TIMES,
    TRAILING,
    TRAILING_EXAMPLES,
)

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


def drop_citations(s: Sentence, _tier: int) -> None:
    """Leave out citations and references: "(2017a)", "[12]", "(Smith et al., 2019)", "(see Figure 3)",
    "(Eisenstein, 1979)", "[Alinsky1989, Brown2007]", and editorial notes in braces ("{Trainer note: ...}")."""
    out: list[int] = []
    group: list[int] = []
    depth = 0
    for i in s.alive:
        word = s.words[i]
        if not (depth or word.startswith(("(", "[", "{"))):
            out.append(i)
            continue
        group.append(i)
        depth += sum(word.count(c) for c in "([{") - sum(word.count(c) for c in ")]}")
        if depth <= 0:
            text = " ".join(s.words[k] for k in group).rstrip(".,;:")
            see = s.bare[group[0]] in CROSS_REFERENCES  # a cross-reference, however long
            needed = out and s.bare[out[-1]].lower() in CITED_BY  # "works such as [Alinsky1989]"
            note = s.words[group[0]].startswith("{")  # "{Trainer note: ...}": for the notes
            if not note and not see and (needed or len(group) > 8 or not _CITATION.match(text)):
                out.extend(group)
            group, depth = [], 0
    s.alive = out + group  # an unclosed bracket is kept as written


def drop_leading_connectives(s: Sentence, _tier: int) -> None:
    """Leave out what only links the sentence to the one before ("However,", "In fact,", "And")."""
    while len(s.alive) > 4:
        phrase = next((p for p in CONNECTIVE_PHRASES if _starts_with(s, p)), None)
        if phrase is not None:
            s.alive = s.alive[len(phrase) :]
        elif _connective(s, s.alive[0]) and not _needs_subject(s, 1):
            s.alive = s.alive[1:]
        else:
            return


def _connective(s: Sentence, index: int) -> bool:
    """Tell whether a word only links: "However", "And"; "now", "then" or "still" only with
    their comma ("but now it connotes ...": the time is the point)."""
    word = s.bare[index]
    return word in CONNECTIVES and (word not in TIMES or s.punct[index].endswith(","))


def _starts_with(s: Sentence, phrase: tuple[str, ...]) -> bool:
    alive = s.alive
    if len(alive) <= len(phrase) + 3 or any(s.bare[alive[k]] != w for k, w in enumerate(phrase)):
        return False
    return s.punct[alive[len(phrase) - 1]].endswith(",") or len(phrase) > 2


def _needs_subject(s: Sentence, position: int) -> bool:
    """Tell whether the word at `position` needs the one before it ("So is ...", "Still water")."""
    return position < len(s.alive) and s.bare[s.alive[position]] in NEEDS_SUBJECT


def drop_opening_phrase(s: Sentence, limit: int) -> None:
    """Leave out a short phrase before the first comma ("After attending,", "Despite having
    a bad press,"), never a condition ("If ...,", "Only after ...,")."""
    alive = s.alive
    if len(alive) <= limit:
        return
    comma = next((p for p, i in enumerate(alive[:12]) if s.punct[i].endswith(",")), None)
    if comma is None or len(alive) - comma - 1 < 6:
        return
    first = s.bare[alive[0]]
    participle = first.endswith(("ing", "ed")) and first not in NOT_PARTICIPLES or first in PARTICIPLES
    if first in CONDITIONS or not (first in OPENERS or participle):
        return
    if any(s.bare[i] in CONDITIONAL or s.bare[i] in CONDITION_NOUNS for i in alive[1 : comma + 1]):
        return  # "for when we suffer,", "In the absence of lactose,": a condition of what follows
    if first in SUBORDINATORS and not s.subject_like(comma + 1):
        return  # "Although the committee, also known as ..., will ...": the clause runs on
    if (first in KEPT_OPENERS or participle) and limit == s.target:
        # a cause, a time, a means ("Combined with pandoc,") or a scope ("For a smaller
        # project,", "In such a case,") is worth keeping while there is room
        return
    if s.listing(comma):
        return  # "Given a repetitive task, an enumerative task, or ...": the first of a list
    after = comma + 1
    counted = s.bare[alive[after]] in COUNT_WORDS or s.words[alive[after]][:1].isdigit()
    if participle and not (s.subject_like(after) or counted):
        return  # "Giving evidence against yourself, particularly if ..., is difficult": the subject
    if participle and comma == 0:
        return  # "Thus altered, the repressor is unable to bind": the state the claim holds in
    if participle and comma > 7:
        return  # "Limited incentives to give evidence against yourself (or ...), the ...": a list's item
    if comma > 1 and _points_into(s, alive[after:]):
        return  # "As we build government services, we want to ensure they are ...": its referent
    if not s.informative(alive[: comma + 1], limit):
        s.alive = alive[comma + 1 :]


POINTED_BACK = BACK_REFERENCES - {"this", "these", "those"}  # "they", "it": a referent the phrase may name


def _points_into(s: Sentence, clause: list[int]) -> bool:
    """Tell whether a clause whose subject is "we", "you" or "I" points back ("they", "it") before
    it names anything itself: the referent is in the phrase before it."""
    if not clause or s.bare[clause[0]] not in ("we", "you", "i"):
        return False
    for i in clause[1:]:
        if s.bare[i] in DETERMINERS:
            return False  # "you have to copy the third line ... and paste it": its own noun
        if s.bare[i] in POINTED_BACK:
            return True
    return False


def drop_asides(s: Sentence, limit: int) -> None:
    """Leave out asides, shortest first, while the bullet is too long: an appositive or a
    clause between commas, a parenthesis, a part between dashes."""
    if len(s.alive) <= limit:
        return
    position = {i: p for p, i in enumerate(s.alive)}
    gone = bytearray(len(s.alive))
    left = len(s.alive)
    # after an opening phrase, the main clause's subject: "In the absence of lactose, the lac
    # repressor, lacI, halts ..." is no aside
    subject = s.main_clause() if s.bare[s.alive[0]].lower() in OPENERS | SUBORDINATORS else -1
    for start, end in sorted(_asides(s), key=lambda span: span[1] - span[0]):
        if left <= limit:
            break
        a, b = position[start], position[end]
        part = s.alive[a : b + 1]
        if a == subject or s.bare[start] in CONSEQUENTS:
            continue  # the main clause itself, or ", then the main clause," after a condition
        if any(gone[a : b + 1]) or left - len(part) < 6 or s.informative(part, limit, whole=True):
            continue
        bracketed = s.words[start].startswith("(") or s.words[start] in DASHES
        if bracketed and any(s.bare[i].lower() in NEGATIONS for i in part):
            continue  # an aside that denies answers its claim: "trust (or not trust)", "(you aren't!)"
        short = len(part) <= 2 and " ".join(s.bare[i] for i in part) not in PHRASE_WORDS
        if bracketed and (short or s.bare[part[1 if s.words[start] in DASHES else 0]] == "or"):
            continue  # a qualifier, "not (easily) readable", or an alternative, "You - or someone - may"
        if s.words[end].endswith(("),", ");")):
            continue  # the comma after it separates a list's items: without it they run together
        conceding = s.bare[start] in CONCESSIVE | {"while"}  # "because, while X, Y": X is the aside
        if a and s.bare[s.alive[a - 1]] in BEFORE_NO_ASIDE and not conceding:
            continue  # "although - as discussed, ... -": what the "although" says, not an aside
        gone[a : b + 1] = b"\x01" * len(part)
        left -= len(part)
    s.alive = [i for p, i in enumerate(s.alive) if not gone[p]]


def _asides(s: Sentence) -> list[tuple[int, int]]:
    """Return the (first, last) words of the asides of what is left, found in one pass."""
    spans: list[tuple[int, int]] = []
    alive = s.alive
    comma = paren = dash = None
    depth = 0  # of the parenthesis opened at `paren`: "(e.g. non-NMDA (AMPA) receptors)" is one
    for p, i in enumerate(alive):
        word = s.words[i]
        if word.startswith("(") and paren is None:
            paren, depth = i, 0
        if paren is not None:
            depth += word.count("(") - word.count(")")
            if depth <= 0:
                spans.append((paren, i))
                paren = None
            continue  # a dash or comma inside a parenthesis pairs with none outside it
        if word.endswith(("—", "–")) or word in DASHES:
            if dash is not None:
                spans.append((dash, i))
            opens = dash is None and p + 1 < len(alive)
            dash = (
                (i if word in DASHES else alive[p + 1]) if opens else None
            )  # a lone dash goes with its aside
        if s.punct[i].endswith(",") and p + 1 < len(alive):
            if comma is not None and 1 <= p - comma <= 10 and _aside_at(s, comma + 1, p + 1):
                spans.append((alive[comma + 1], i))  # the part and the comma that closes it
            comma = p
    if dash is not None and dash != alive[-1] and s.lone_dash:
        spans.append((dash, alive[-1]))  # "... at all—the Encasement Strategy": a closing aside
    return spans


def _aside_at(s: Sentence, first: int, after: int) -> bool:
    """Tell whether the part between commas from position `first` is an aside (an appositive,
    a relative clause, a phrase), not an item of a list nor a clause with a verb of its own:
    it opens as asides do, and no "and" or "or" follows it."""
    opens = s.bare[s.alive[first]]
    following = s.bare[s.alive[after]] if after < len(s.alive) else ""
    if s.which_means(first):
        return (
            False  # ", which means that its data, including names, are ...": a clause running past the comma
        )
    if opens in CONCESSIVE | {"while"} and first >= 2 and s.bare[s.alive[first - 1]] in ("because", "that"):
        return True  # "because, while it requires some configuration, it is ...": a concession inside
    if opens not in ASIDE_OPENERS or following in COORDINATORS:
        return False
    if s.listing(after - 1):
        return False  # ", such as A, B, or C": the start of a list
    if opens not in RELATIVES and any(s.bare[i] in AND_OR for i in s.alive[first:after]):
        return False  # "a hammer, a saw and a drill, which ...": the end of a list, not an aside
    # ", the overall product is still proprietary software,": a clause, not an appositive
    return opens in RELATIVES or not any(s.bare[i] in FINITE for i in s.alive[first:after])


def drop_trailing_clause(s: Sentence, limit: int) -> None:
    """Leave out a trailing ", which ..." or ", making ..." clause, or the examples or alternatives
    it ends with (", such as A, B, or C", ", whether X or Y"): a list's own commas are passed over."""
    alive = s.alive
    if len(alive) <= limit:
        return
    listed = False  # passed a list's comma: only what opens examples ends the clause before it
    for p in range(len(alive) - 2, 5, -1):
        if not s.punct[alive[p]].endswith(","):
            continue
        following = s.bare[alive[p + 1]]
        participle = following.endswith("ing") and following not in NOT_TRAILING_PARTICIPLES
        trailing = (following in TRAILING or participle) and not s.which_means(p + 1)  # a consequence
        examples = _examples(s, p + 1)
        if examples and len(alive) <= WHOLE and any(s.words[i][:1].isupper() for i in alive[p + 2 :]):
            return  # ", such as the Export Administration Regulations": named examples are facts; the sentence stays whole
        trailing = (trailing and not listed) or examples
        if s.bare[alive[0]] in SUBORDINATORS and p + 1 <= s.main_clause():
            return  # "As clusters become popular, being able to ...": that is the main clause
        kept = alive[: p + 1]
        if (
            trailing
            and balanced(s.words[i] for i in kept)
            and not s.informative(alive[p + 1 :], limit, whole=True)
        ):
            s.alive = kept  # not "... best practices (e.g.,": half a bracket
            return
        if not s.listing(p):
            return
        listed = True


def _examples(s: Sentence, position: int) -> bool:
    """Tell whether the words from `position` give examples or alternatives: "such as ...",
    "e.g. ...", "whether ... or ..."."""
    alive = s.alive
    word = s.bare[alive[position]]
    if word == "such":
        return position + 1 < len(alive) and s.bare[alive[position + 1]] == "as"
    return word in TRAILING_EXAMPLES


RATHER_THAN_MOST = 10  # words "rather than" may take with it


def drop_rather_than(s: Sentence, _tier: int) -> None:
    """Leave out "rather than X", up to the next preposition or comma."""
    alive = s.alive
    for p in range(len(alive) - 2):
        if (s.bare[alive[p]], s.bare[alive[p + 1]]) == ("rather", "than"):
            if s.bare[alive[0]] in SUBORDINATORS and p < s.main_clause():
                return  # "If you ... discourage rather than invite questions, ...": the condition's own
            stop = p + 2
            while stop < len(alive) and s.bare[alive[stop]] not in RATHER_THAN_ENDS:
                stop += 1
                if s.punct[alive[stop - 1]].endswith(","):
                    break
            span = [s.bare[i] for i in alive[p + 2 : stop]]
            if span in (["one"], ["ones"], ["that"], ["those"]):
                return  # "base e rather than one with base 2": what follows is the pronoun's
            if stop < len(alive) and s.bare[alive[stop]] in ("say", "e.g"):
                return  # "rather than X, say Y, ...": the example is the alternative's
            whole = balanced(s.words[i] for i in alive[p:stop])  # "(or waiting for": half a bracket
            if (
                stop < len(alive)
                and len(span) <= RATHER_THAN_MOST
                and whole
                and not CLAUSE_SUBJECTS & set(span)
            ):
                s.alive = alive[:p] + alive[stop:]
            return  # "rather than write all our own rules we recommend": a clause of its own runs on
