"""Learning outcomes: "By the end of this lecture you can: ...", up to five of them.

First the lecturer's (`outcomes:` in the front matter), then the text's own: a section or a
list of learning objectives ("Learning Objectives", "By the end of this section, you will be
able to:"), verbatim. Otherwise one outcome for each main part of the lecture, the largest
first, by what the part offers: two named cases to compare, a term it defines, or its heading
read as what it is: a topic, with a verb by what the part does with it (roles.py: defines it,
advises on it, walks through its steps, weighs figures, argues, or explains), a claim to explain
why, the author's advice, a task, a question to answer.

A part whose heading is none of these (a label such as "Introduction" or "Fun fact", one word,
a name, a number, a fragment) or that speaks of the text itself gets no outcome: three sound
outcomes beat five with a bad one. With fewer than three, the lecture's own topic is one.

A lecture in German, Spanish or French states its objectives in its own words ("À la fin de ce
tutoriel, vous serez en mesure de :"); lecturekit's outcomes for it come only from the questions
made of what its form marks (marked.py): two kinds of one thing, a term, a heading's question,
worded by the language's catalog ("„2D-Objekte“ und „3D-Objekte“ vergleichen").
"""

from __future__ import annotations

import re
from collections import Counter

from lecturekit.language.keypoints import is_back_matter
from lecturekit.language.names import Names
from lecturekit.language.topics import NOUN_ENDINGS, Usage
from lecturekit.layout.furniture import N_
from lecturekit.layout.furniture import words as wording
from lecturekit.lexicon import language, lexicon
from lecturekit.lexicon.english import (
    CLAIMING_VERBS,
    DETERMINERS,
    EMPTY_WORDS,
    EXERCISE_GERUNDS,
    FINITE_VERBS,
    GENERIC_HEADINGS,
    IRREGULAR_PAST,
    MATTERING,
    NOT_PARTICIPLES,
    NOT_TOPIC_OPENERS,
    OBJECTIVE_VERBS,
    OBJECTIVES,
    OBJECTIVES_LEAD,
    PERSONAL_WORDS,
    SUBJECT_PRONOUNS,
    TOPIC_PREPOSITIONS,
    VAGUE_OPENERS,
    VERBISH,
    WH_WORDS,
)
from lecturekit.model.lesson import (
    BulletList,
    Code,
    Heading,
    Lesson,
    ListItem,
    Paragraph,
    Section,
    has_math,
    paragraphs,
    plain,
)
from lecturekit.model.text import core, in_sentence_case
from lecturekit.questions.concepts import (
    TITLE_WORDS,
    about_itself,
    as_named,
    lecture_topic,
    noun_phrase,
    sentence_case,
)
from lecturekit.questions.discussion import Questions
from lecturekit.questions.roles import ADVISES, ARGUES, DEFINES, EXPLAINS, FIGURES, STEPS, role

MOST, LEAST = 5, 3
MAX_WORDS = 18  # an outcome is read at a glance, on a slide and on the first page
CASE_WORDS = 4  # words of a named case; a longer one is a heading ("Advances in ... Models")
TOPIC_WORDS = 7  # words of a heading that is still a topic, not a sentence
SUBSTANCE, SHARE = 60, 10  # a part worth an outcome: 60 words, or a tenth of a short text
PER_WORDING = 2  # outcomes that open alike
LEAD = N_("By the end of this lecture you can:")  # translated where it is said


def learning_outcomes(
    questions: Questions, authored: tuple[str, ...] = (), lesson: Lesson | None = None
) -> tuple[str, ...]:
    """Return the lecture's learning outcomes: the `authored` ones, else the text's own stated
    objectives, else one for each main part of `lesson` (see the module's docstring)."""
    if authored:
        return authored
    if lesson is None:
        return ()
    stated = stated_objectives(lesson)
    if stated:
        return stated
    if language(lesson.meta.lang) != "en":
        return _marked(questions, lesson)
    _ = wording("en")
    parts = [
        s
        for s in lesson.sections
        if not is_back_matter(plain(s.title)) and not _objectives(plain(s.title), "en")
    ]
    texts = [_words_of(s) for s in parts]
    usage = Usage([t for text in texts for t in text.split("\n")])
    names = Names(lesson)
    concrete: dict[str, str] = {}  # a part's two named cases to compare, or a term it defines
    compared: set[str] = set()  # a part the comparison before it covers ("The trp operon")
    for q in questions.questions:
        if (
            q.origin == "generated"
            and q.kind == "pair"
            and q.section not in concrete
            and q.section not in compared
        ):
            slots = dict(q.slots)
            concrete[q.section] = _(COMPARE, first=slots["first"], second=slots["second"])
            compared.add(q.sources[1])
        if q.origin == "generated" and q.kind in ("cases", "term") and q.section not in concrete:
            slots = dict(q.slots)
            cases = [str(slots.get(k, "")) for k in ("first", "second")]
            if q.kind == "cases" and any(len(c.split()) > CASE_WORDS or " and " in c for c in cases):
                continue  # "Compare Purpose and Scope and Conceptual Foundations": headings, not cases
            concrete[q.section] = (
                _(COMPARE, first=slots["first"], second=slots["second"])
                if q.kind == "cases"
                else _(MEANS, term=slots["term"])
            )
    found: list[tuple[int, str]] = []  # (the part's place, the outcome)
    total = sum(len(text.split()) for text in texts)
    for place, (section, text) in enumerate(zip(parts, texts, strict=True)):
        heading = plain(section.title)
        if about_itself(text.split("\n")) or heading.strip() in compared and heading not in concrete:
            continue  # "This policy is a living document": housekeeping; or compared with the part before
        if len(text.split()) < min(SUBSTANCE, total / SHARE) and heading not in concrete:
            continue  # two sentences of a long text: too little to learn for an outcome of its own
        code = any(isinstance(b, Code) for b in section.blocks)
        outcome = concrete.get(heading) or (
            None
            if section.made
            else _outcome(heading, text, usage, names, code, _subtopics(section, names), _steps(section))
        )  # a title lecturekit made is a key phrase, not the author's word for the part's subject
        if outcome and has_math(outcome):
            continue  # an equation is no slot in an outcome: its source would show as a symbol
        if outcome and len(outcome.split()) <= MAX_WORDS and outcome not in (o for _, o in found):
            found.append((place, outcome))
    largest = sorted(_varied(found), key=lambda f: (-len(texts[f[0]].split()), f[0]))[:MOST]
    if len(largest) < LEAST:  # the lecture's own topic, when its parts name too few
        topic = lecture_topic(lesson, names, phrases=False)
        if topic and 2 <= len(topic.split()) <= TITLE_WORDS and not any(c.isdigit() for c in topic):
            largest.insert(0, (-1, f"Explain {topic}"))
    return tuple(outcome for _, outcome in sorted(largest))


COMPARE = N_("Compare {first} and {second}")
MEANS = N_("Explain what the text means by “{term}”")
ANSWER = N_("Answer the question “{question}” from the text")


def _marked(questions: Questions, lesson: Lesson) -> tuple[str, ...]:
    """Return the outcomes of a lecture in another language: one a part, in the order of the
    parts, from the first question made of what the part's form marks (see marked.py): two kinds
    of one thing to compare, a term to explain, or the question its heading asks, each quoted in
    the wording of the language's catalog."""
    _ = wording(lesson.meta.lang)
    made = {"pair": COMPARE, "term": MEANS, "heading": ANSWER}
    found: dict[str, str] = {}
    for q in questions.questions:
        if q.origin == "generated" and q.kind in made and q.section not in found:
            outcome = _(
                made[q.kind], **{k: v for k, v in q.slots if k in ("first", "second", "term", "question")}
            )
            if len(outcome.split()) <= MAX_WORDS:
                found[q.section] = outcome
    order = [plain(s.title) for s in lesson.sections]
    ranked = sorted(found, key=lambda title: order.index(title) if title in order else len(order))
    return tuple(found[title] for title in ranked[:MOST])


def _varied(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Return the outcomes with at most PER_WORDING of one wording ("Explain the advice ..."): more
    read as a form."""
    kept, uses = [], Counter[str]()
    for place, outcome in found:
        wording = " ".join(outcome.split()[:3])
        if uses[wording] < PER_WORDING:
            kept.append((place, outcome))
            uses[wording] += 1
    return kept


def stated_objectives(lesson: Lesson) -> tuple[str, ...]:
    """Return the learning objectives the text states, verbatim: the items of a section titled
    "Learning objectives" (or the like), of the list after "By the end of this section, you
    will be able to:", or of a list that opens the text, each item an observable task ("Identify
    ...", "Explain ..."); () when it states none."""
    lang = lesson.meta.lang
    opening = lesson.sections[0].blocks[0] if lesson.sections and lesson.sections[0].blocks else None
    stated = lists_objectives(opening) if isinstance(opening, BulletList) else 0
    if isinstance(opening, BulletList) and stated:
        return tuple(_stated(_item(item), lang) for item in opening.items[:stated])
    for section in lesson.sections:
        blocks = section.blocks
        for index, block in enumerate(blocks):
            after = blocks[index + 1] if index + 1 < len(blocks) else None
            leads = isinstance(block, Paragraph) and leads_objectives(plain(block.inlines), lang)
            headed = isinstance(block, Heading) and _objectives(plain(block.inlines), lang)
            titled = index == 0 and _objectives(plain(section.title), lang)
            listed = after if (leads or headed or titled) and isinstance(after, BulletList) else None
            listed = block if titled and isinstance(block, BulletList) else listed
            if listed is not None:
                return tuple(_stated(_item(item), lang) for item in listed.items if _item(item))
    return ()


def lists_objectives(listing: BulletList) -> int:
    """Return how many items a list opens with that state objectives, each opening with an
    objective's verb ("Identify ...", "Explain ..."): two to eight, and the rest only the
    questions a lesson sets out to answer ("Why is motivation important?"); else 0."""
    items = [_item(item) for item in listing.items]
    count = next((n for n, item in enumerate(items) if not _task(item)), len(items))
    if not 2 <= count <= 8 or not all(item.endswith("?") for item in items[count:]):
        return 0
    return count


def _task(item: str) -> bool:
    """Tell whether a list item states a task: it opens with an objective's verb ("Identify
    ...") or with "How to"."""
    words = [core(w).lower() for w in item.split()]
    return bool(words) and (
        words[0] in OBJECTIVE_VERBS or words[:2] == ["how", "to"]
    )  # "Define, manipulate, ..."


def _objectives(heading: str, lang: str) -> bool:
    """Tell whether a heading names the text's learning objectives, in its language (`lang`)."""
    words = lexicon(lang)
    return bool((words.OBJECTIVES if words else OBJECTIVES).match(heading.strip()))


def leads_objectives(text: str, lang: str) -> bool:
    """Tell whether a paragraph leads into the text's learning objectives ("By the end of this
    section, you will be able to:", "À la fin de ce tutoriel, vous serez en mesure de :")."""
    words = lexicon(lang)
    return bool((words.OBJECTIVES_LEAD if words else OBJECTIVES_LEAD).search(text))


def _item(item: ListItem) -> str:
    return " ".join(plain(p.inlines) for b in item.blocks for p in paragraphs(b)).strip().rstrip(";.\u00a0 ")


def _stated(objective: str, lang: str) -> str:
    """Return an objective as the outcomes slide shows it: capitalised in English ("Identify
    ..."), as its author wrote it in another language ("supprimer les doublons", after "vous
    saurez :")."""
    return objective[:1].upper() + objective[1:] if language(lang) == "en" else objective


def _words_of(section: Section) -> str:
    """Return a part's prose, a line for each paragraph (its headings left out: they capitalise
    every word)."""
    return "\n".join(plain(p.inlines) for block in section.blocks for p in paragraphs(block))


def _outcome(
    heading: str,
    text: str,
    usage: Usage,
    names: Names,
    code: bool = False,
    scope: tuple[str, ...] = (),
    steps: int = 0,
) -> str | None:
    """Return the outcome of one part, from its heading: a topic to explain, a claim to explain
    why, advice to explain, a question to answer; None when the heading is none of these (a
    label, one word, a name, a fragment)."""
    heading = re.sub(r"\s*\{[^{}]*\}\s*$", "", heading).strip()  # "Abstract {.page_break_before}"
    heading = re.sub(r"^\(?\d+(?:\.\d+)*[.)]?\s+", "", heading)  # "1) Be sure ...", "2.1. Make all data open"
    heading = heading.split(": ")[0]  # "Nelle's Pipeline: A Typical Problem"
    words = heading.rstrip(".!").split()
    if not 2 <= len(words) <= TOPIC_WORDS or GENERIC_HEADINGS.match(heading) or is_back_matter(heading):
        return None
    if any(c.isdigit() for c in heading) or ROMAN.match(words[-1]):
        return None  # "Plays 03", "Chapter II": a number, not a topic
    first = words[0].lower()
    if first in WH_WORDS and not heading.endswith("?") and words[1].lower() in SUBJECT_PRONOUNS:
        return None  # "What it is", "How it works": a label, not a question to answer
    if heading.endswith("?") or first in WH_WORDS:
        asked = sentence_case(heading, names).rstrip("?")
        if words[1].lower() == "to":  # "How to Find an Appropriate Data Repository?": a task
            task = _in_sentence([w.rstrip("?") for w in words[2:]], text, names)
            return f"Explain how to {task}" if first == "how" else None
        return f"Answer the question “{asked}?”" if first in WH_WORDS else None
    if words[-1].lower() in EMPTY_WORDS or all(w[:1].isupper() for w in words) and _named(words, text):
        return None  # "... of the", or a person's name ("Martin Fowler"): no topic to explain
    if first in IRREGULAR_PAST or first.endswith("ed") and first not in NOT_PARTICIPLES:
        if usage.verb_like(words[0]) or words[1].lower() in NOT_TOPIC_OPENERS:
            return None  # "Held to higher standards than others": what happens to someone, no topic
        return f"Explain {_in_sentence(words, text, names)}"  # "Limited incentives to ..."
    if words[-1].lower() in CLAIMING_VERBS:  # "Motivation Matters"
        return f"Explain why {_in_sentence(words, text, names)}"
    if (
        first.endswith("ing") and len(words) > 2 and not _compound(words, text)
    ):  # "Teaching computational skills to ...", "Checking the format"
        if first in EXERCISE_GERUNDS or {w.lower() for w in words} & PERSONAL_WORDS or "and" in words:
            return None  # "Brainstorming ...": an exercise; "Choosing our Praises": whose?; "X and Y matters"
        base = _base_form(first, text)
        if code and base:  # a step of a method lesson: how to do it
            return f"Explain how to {base} {_in_sentence(words[1:], text, names)}"
        if not MATTERING.search(text):
            return None  # "Making Code Citable" that gives no reason: no "why it matters" to explain
        return f"Explain why {_in_sentence(words, text, names)} matters"
    if first in NOT_TOPIC_OPENERS or first.endswith("ly") and len(first) > 4:
        return None  # "From 1 to N", "Merely social intolerance kills": no topic a student can name
    verb = (
        (usage.verb_like(words[0]) or first in VERBISH)
        and not NOUN_ENDINGS.search(first)
        and first not in DETERMINERS
    )
    if verb:  # "Build alliances.": the author's advice, quoted; without its full stop, it may be a label
        return f"Explain the advice “{heading.rstrip('.')}”" if heading.endswith(".") else None
    if any(w.lower() in FINITE_VERBS for w in words[1:]) or any(
        w.endswith("s")
        and not w.endswith("ings")
        and usage.verb_like(w)
        and before.lower() not in TOPIC_PREPOSITIONS
        for before, w in zip(words[1:], words[2:], strict=False)
    ):  # "Keyboard shortcuts are your friend", "Contract administration looks different in agile"
        return f"Explain why {_in_sentence(words, text, names)}"
    if first in ("a", "an") or first in VAGUE_OPENERS:
        return None  # "A typical work session": an occasion; "Other job role interview questions": the rest
    topic = _determined(_in_sentence(words, text, names), text)
    if as_named(topic).startswith("“"):
        return None  # "Explain product owner": one of a kind, with no article to say which
    outcome = f"{VERBS[role(topic, text, steps)]} {topic}"
    if scope:  # "Explain mechanisms of evolution: natural selection, genetic drift and gene flow"
        scoped = f"{outcome}: {', '.join(scope[:-1])} and {scope[-1]}"
        if len(scoped.split()) <= MAX_WORDS:
            return scoped
    return outcome


def _steps(section: Section) -> int:
    """Return the items of a part's longest numbered list: the steps it walks through."""
    return max((len(b.items) for b in section.blocks if isinstance(b, BulletList) and b.ordered), default=0)


def _compound(words: list[str], text: str) -> bool:
    """Tell whether a heading's "-ing" word is part of a noun the text uses with a determiner
    ("Learning objectives and outline": "the learning objectives"), not a gerund."""
    pair = rf"{re.escape(words[0])}\s+{re.escape(words[1])}"
    return (
        re.search(rf"\b(?:the|a|an|our|their|its|these|those|of)\s+{pair}\b", text, re.IGNORECASE) is not None
    )


def _subtopics(section: Section, names: Names) -> tuple[str, ...]:
    """Return what a part's own subheadings name, when they are two to four noun phrases of a few
    words each that do not restate the part's heading (its scope, as its author divided it), else ()."""
    heading = plain(section.title)
    found = []
    for block in section.blocks:
        if isinstance(block, Heading) and block.level == 1:
            title = plain(block.inlines).strip()
            task = (
                title.split()[0].lower().endswith("ing") if title else True
            )  # "Building the site locally": a step
            phrase = noun_phrase(title, names) if not (GENERIC_HEADINGS.match(title) or task) else ""
            if (
                not phrase
                or len(phrase.split()) > SUBTOPIC_WORDS
                or not re.fullmatch(r"[\w’' -]+", phrase)
                or " and " in phrase
            ):
                return ()  # no noun phrase ("Try it yourself"), or one with its own "and": no scope to list
            found.append(phrase)
    if not 2 <= len(found) <= 4 or len(set(found)) < len(found) or any(_restates(f, heading) for f in found):
        return ()  # "Neurons and glial cells: neurons and glia" says its heading twice
    return tuple(found)


def _restates(phrase: str, heading: str) -> bool:
    """Tell whether most of a phrase's words are its heading's (by their first four letters)."""
    stems = {w.lower()[:4] for w in re.findall(r"\w{4,}", heading)}
    words = [w.lower()[:4] for w in re.findall(r"\w{4,}", phrase)]
    return bool(words) and 2 * sum(w in stems for w in words) > len(words)


SUBTOPIC_WORDS = 4


def _base_form(gerund: str, text: str) -> str | None:
    """Return the verb of a gerund as the text writes it ("checking" -> "check", "computing" ->
    "compute", "summing" -> "sum"), or None when the text never does."""
    stem = gerund[:-3]
    for base in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
        if base and re.search(rf"\b{re.escape(base)}\b", text, re.IGNORECASE):
            return base
    return None


ROMAN = re.compile(r"^[IVXLC]+\.?$")


def _named(words: list[str], text: str) -> bool:
    """Tell whether a heading of capitalised words is written so in the text too: a name."""
    return re.search(r"[a-z,;] " + re.escape(" ".join(words)), text) is not None


def _in_sentence(words: list[str], text: str, names: Names) -> str:
    """Return a heading's words as they read inside a sentence: "The Distribution of Code" ->
    "the distribution of code"; a word the text writes capitalised mid-sentence keeps its capital
    ("North Korea", "GUI", "OpenRefine")."""
    shown: list[str] = []
    for word in words:
        mid = re.search(r"[a-z,;] " + re.escape(word) + r"\b", text) and not re.search(
            r"\b" + re.escape(word.lower()) + r"\b", text
        )
        name = mid or (names.is_name(word) and bool(shown))
        shown.append(word if name else in_sentence_case(word))
    return " ".join(shown)


def _determined(topic: str, text: str) -> str:
    """Return a topic with "the" when the text mostly writes it so ("molecular basis for
    inheritance" -> "the molecular basis for inheritance")."""
    if topic.split()[0].lower() in DETERMINERS:
        return topic
    said = re.findall(rf"(\w+\s+)?{re.escape(topic)}\b", text, re.IGNORECASE)
    the = sum(1 for before in said if before.strip().lower() == "the")
    return f"the {topic}" if the and 2 * the >= len(said) else topic


# What a student does with a part's topic, by what the part does with it (questions/roles.py).
VERBS = {
    DEFINES: "Define",
    ADVISES: "Apply the text's advice on",
    STEPS: "Describe",
    FIGURES: "Interpret the figures the text gives on",
    ARGUES: "Assess the case the text makes on",
    EXPLAINS: "Explain",
}
