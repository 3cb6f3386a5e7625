"""Learning outcomes: "By the end of this lecture you can: ...", three to five of them.

Each is an observable verb (explain, compare, evaluate, apply) and a concept the lecture
covers, drawn from the concepts its discussion questions are about, part by part, so the
outcomes and the questions agree. An `outcomes:` list in the front matter replaces them,
verbatim.
"""

from __future__ import annotations

from collections import Counter

from lecturekit.questions.discussion import Questions

MOST, LEAST = 5, 3
MAX_WORDS = 18  # an outcome is read at a glance, on a slide and on the first page
PER_KIND = 2  # outcomes of one wording: five "Evaluate the text's answers to ..." read as a form
LEAD = "By the end of this lecture you can:"

# What a student can do with each kind of concept, as a phrase to follow LEAD.
_WORDING = {
    "cases": "compare {first} and {second}",
    "case": "explain what {case} shows about {topic}",
    "source": "evaluate what {source} claims",
    "claim": "evaluate the evidence that {claim}",
    "term": "explain what the text means by “{term}”",
    "figure": "explain what the figure of {figure} tells us",
    "obstacles": "compare the obstacles to {topic} that the text names",
    "heading": "evaluate the text's answers to “{question}”",
    "table": "explain what the table of {columns} shows",
    "code": "explain what the code in “{section}” does",
    "topic": "explain what the text says about {topic}",
}
# A part's subject, a second and a third time: other verbs, so the outcomes ask for more than recall.
_TOPIC_AGAIN = (
    "evaluate the text's claims about {topic}",
    "apply what the text says about {topic} to a case of your own",
)


def learning_outcomes(questions: Questions, authored: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Return the lecture's learning outcomes: the `authored` ones, else up to five made from the
    concepts of its generated questions, the most concrete first, given in the lecture's order."""
    if authored:
        return authored
    candidates: dict[str, tuple[int, int]] = {}  # outcome -> (rank of its kind, place in the lecture)
    kinds = list(_WORDING)
    sections: set[str] = set()
    topics = 0
    per_kind: Counter[str] = Counter()
    for place, question in enumerate(questions.questions):
        if question.origin != "generated" or question.kind not in _WORDING:
            continue
        wording = _WORDING[question.kind]
        if question.kind == "topic":
            wording = (wording, *_TOPIC_AGAIN)[topics % 3]
        text = wording.format(**dict(question.slots))
        if len(text.split()) > MAX_WORDS or text in candidates or question.section in sections:
            continue  # one outcome a part
        if question.kind != "topic" and per_kind[question.kind] >= PER_KIND:
            continue
        candidates[text] = (kinds.index(question.kind), place)
        sections.add(question.section)
        topics += question.kind == "topic"
        per_kind[question.kind] += 1
    chosen = sorted(candidates, key=lambda t: candidates[t])[:MOST]
    return tuple(t[:1].upper() + t[1:] for t in sorted(chosen, key=lambda t: candidates[t][1]))
