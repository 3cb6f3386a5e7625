"""Discussion questions a lecturer would ask: the author's, the article's own, and ones about its concepts.

Deterministic and offline. Three origins, in this order:
1. authored: front matter `questions:` and a "Discussion questions" section, verbatim;
2. the article's own: questions it puts to the reader, verbatim; not a rhetorical question the
   next sentence answers, not one inside quoted speech, not a fragment;
3. generated: question templates (see template_files.py; lecturekit's or a course's own), each
   filled with a concept of its kind that a section names (see concepts.py): a case, two cases to
   compare, a named source, a defined term, a figure with its unit, the obstacles an author
   lists, a question a heading asks, the part's subject, a claim the slides show (quoted whole,
   to ask why it holds). A template whose kind the section
   does not offer is not used; a question over MAX_WORDS words is not asked. A lecture in German,
   Spanish or French takes the templates in its language, filled with what its form marks (see
   marked.py); a language with no word lists (lecturekit.lexicon) gets no generated question.

The handout lists all of them (at most 12; fewer when the text offers fewer sound ones),
grouped by section; the deck shows the best three to
five: the author's and the article's first, then the most open questions that name concrete
things. The instructor edition adds each question's sentences and what a good answer mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from lecturekit.language.heuristics import attempt
from lecturekit.language.keypoints import is_back_matter, paragraph_points
from lecturekit.language.points import ArticlePoints, article_points
from lecturekit.layout.furniture import NO_CATALOG, has_catalog
from lecturekit.layout.furniture import words as wording
from lecturekit.lexicon import language, lexicon
from lecturekit.lexicon.english import (
    ANSWER_CUES,
    ASIDE_QUESTION,
    BACK_REFERENCES,
    PERSONAL_BACK,
    POINTED,
    QUESTION_OPENERS,
    QUESTION_PREFACE,
    TOLD,
)
from lecturekit.model.lesson import (
    BulletList,
    Diagnostic,
    Heading,
    Lesson,
    Paragraph,
    Section,
    Span,
    has_math,
    paragraphs,
    plain,
)
from lecturekit.model.text import core, is_question, sentences
from lecturekit.questions.bloom import classify
from lecturekit.questions.concepts import Concept, lecture_topic, parallel_parts, practical, section_concepts
from lecturekit.questions.marked import marked_concepts, marked_pairs
from lecturekit.questions.template_files import (
    WRITTEN_IN,
    QuestionTemplate,
    load_templates,
    render,
    templates_for,
)

MOST, LEAST = 12, 6  # questions for the handout, when the article offers them
TARGET = 8  # past this, a further question must bring a Bloom level not yet asked
PER_SECTION = 2  # generated questions a section gets at most
ARTICLE_MOST = 4  # of the article's own questions
ARTICLE_PER_SECTION = 2
PER_TEMPLATE = 2  # questions of one template in a lecture: a stem asked a third time reads as a form
FOR_DECK = 5
MAX_WORDS = 25  # a question a lecturer can read out and a student can hold in mind
# Open questions first on the deck: a judgement or a design before an explanation.
OPENNESS = {"evaluate": 0, "create": 1, "analyse": 2, "apply": 3, "understand": 4}
CONCRETE = frozenset(
    ("case", "cases", "pair", "source", "claim", "said", "term", "figure", "obstacles", "heading")
)
_QUOTE_MARKS = '"“”‘’«»'


@dataclass(frozen=True)
class Question:
    text: str
    section: str  # the section it was drawn from; "" for the lecture as a whole
    bloom: str
    origin: str  # "authored" | "article" | "generated"
    sources: tuple[str, ...]  # the sentence(s) it came from
    kind: str = ""  # the concept a generated question is about: case, source, term ...
    slots: tuple[tuple[str, object], ...] = ()  # what filled its template
    answer: tuple[str, ...] = ()  # what a good answer mentions (instructor edition)


@dataclass(frozen=True)
class Questions:
    questions: tuple[Question, ...]  # all of them, in the handout's order (by section)
    deck: tuple[Question, ...] = ()  # the best three to five, for the discussion slide
    warnings: tuple[Diagnostic, ...] = field(default=(), compare=False)

    @property
    def texts(self) -> list[str]:
        return [q.text for q in self.questions]


def discussion_questions(
    lesson: Lesson, template_dir: Path | None = None, points: ArticlePoints | None = None
) -> Questions:
    """Return the discussion questions for `lesson`: all, in section order, and the deck's best.
    `points` are the article's (see lecturekit.language.points), worked out here when not given:
    what a good answer mentions is worded as the slides word it."""
    points = points or article_points(lesson)
    warnings: list[Diagnostic] = []
    lang = lesson.meta.lang
    readable = language(lang) == "en" or lexicon(lang) is not None  # else a course's templates too
    folder = (template_dir or templates_for(lang)) if readable else None  # would be filled by English rules
    templates = load_templates(folder) if folder else ()
    chosen: list[Question] = []
    for text in lesson.meta.questions:
        _add(chosen, Question(text, "", classify(text), "authored", (text,)))
    own = [
        (section, found)
        for section in lesson.sections
        if not is_back_matter(plain(section.title))
        for found in attempt(
            "questions", plain(section.title), article_questions, _none, section, language(lesson.meta.lang)
        )
        if not has_math(found[0])
    ]
    if len(own) > ARTICLE_MOST:  # the closing part's questions first: where an article asks its own
        closing = [o for o in own if o[0] is lesson.sections[-1]]
        own = [o for o in own if o in closing[-ARTICLE_MOST:] or o not in closing][:ARTICLE_MOST]
        own = sorted(own, key=lambda o: lesson.sections.index(o[0]))
    for section, (sentence, context) in own:
        grounds = tuple(c for c in context if not is_question(c))
        question = Question(sentence, plain(section.title), classify(sentence), "article", context)
        _add(chosen, replace(question, answer=_answer(grounds, points)))
    chosen = chosen[:MOST]
    warnings += language_warnings(lesson)
    if templates:  # none in a language lecturekit cannot read: English around its fragments
        chosen += attempt(
            "questions", str(lesson.path), _made, _none, lesson, chosen, templates, warnings, points
        )
    ordered = _by_section(chosen, lesson)
    return Questions(tuple(ordered), tuple(deck_order(chosen)[:FOR_DECK]), tuple(warnings))


def language_warnings(lesson: Lesson) -> list[Diagnostic]:
    """Return what a lecture in a language other than English is told once: the words
    lecturekit adds are English when it has no catalog for the language, and it writes no
    questions or outcomes of its own when it has no templates in it."""
    lang = lesson.meta.lang
    if language(lang) == "en":
        return []
    found = [] if has_catalog(lang) else [Diagnostic(lesson.path, None, NO_CATALOG.format(lang=lang))]
    if lesson.meta.questions and lesson.meta.outcomes or templates_for(lang):
        return found  # the lecturer wrote both, or lecturekit writes them in this language
    found.append(
        Diagnostic(
            lesson.path,
            None,
            f"lecturekit writes questions and learning outcomes in {', '.join(WRITTEN_IN[:-1])} "
            f"and {WRITTEN_IN[-1]}: a lecture in {lang!r} gets the text's own questions and "
            "objectives, and those in its front matter ('questions:', 'outcomes:')",
        )
    )
    return found


def _made(
    lesson: Lesson,
    chosen: list[Question],
    templates: tuple[QuestionTemplate, ...],
    warnings: list[Diagnostic],
    points: ArticlePoints,
) -> list[Question]:
    """Return the questions the templates make of each part's concepts, beside those `chosen`:
    in English, what concepts.py reads; in another language, what its form marks (marked.py)."""
    names = points.names
    words = lexicon(lesson.meta.lang)
    concepts: Callable[[Section], list[Concept]]
    if words is None:
        lecture = lecture_topic(lesson, names)
        practice = practical(lesson)
        pairs = parallel_parts(lesson, names)

        def concepts(s: Section) -> list[Concept]:
            found = section_concepts(s, names, lecture, _shown(s, points), practice)
            return [*pairs.get(plain(s.title), []), *found]
    else:
        _ = wording(lesson.meta.lang)
        also, other = " " + _("and") + " ", _("{count} other columns")  # a table's: "A, B und C"
        marked = marked_pairs(lesson, words)

        def concepts(s: Section) -> list[Concept]:
            found = marked_concepts(s, words, lesson.meta.lang, also, other)
            return [*marked.get(plain(s.title), []), *found]

    candidates = [
        attempt("questions", plain(s.title), _candidates, _none, s, templates, warnings, concepts)
        for s in lesson.sections
        if not is_back_matter(plain(s.title))
    ]
    # "where have you come across X" only of the lecture's own subject, as its title or keywords
    # name it: a part's ("password managers", a side box) or a phrase the text repeats is no
    # subject students meet outside the text
    subject = lecture_topic(lesson, names, phrases=False).casefold()
    candidates = [
        [
            (q, order)
            for q, order in found
            if (q.kind != "topic" or str(dict(q.slots)["topic"]).casefold() == subject)
            and not has_math(q.text)
        ]
        for found in candidates
    ]
    return [
        replace(q, answer=_answer(_opening(lesson, q.sources) if q.kind == "pair" else q.sources, points))
        for q in _generated(chosen, candidates)
    ]


def _opening(lesson: Lesson, headings: tuple[str, ...]) -> tuple[str, ...]:
    """Return the first sentence under each of two headings a question compares: what a good
    answer starts from (the headings themselves say nothing)."""
    found = []
    for heading in headings:
        for section in lesson.sections:
            blocks = list(section.blocks)
            starts = [
                i + 1
                for i, b in enumerate(blocks)
                if isinstance(b, Heading) and plain(b.inlines).strip() == heading
            ]
            if plain(section.title).strip() == heading:
                starts.append(0)
            for start in starts[:1]:
                first = next((b for b in blocks[start:] if isinstance(b, Paragraph | Heading)), None)
                if isinstance(first, Paragraph):
                    text = " ".join(plain(first.inlines).split())
                    found += [text[a:b] for a, b in sentences(text)[:1]]
    return tuple(found) or headings


def _shown(section: Section, points: ArticlePoints) -> frozenset[str]:
    """Return the sentences of `section` whose claims the lecture's slides show."""
    said = {
        point.sentence
        for block in section.blocks
        for p in paragraphs(block)
        for point in points.shown(p.inlines)
    }
    return frozenset(
        " ".join(sentence.split()) for sentence in said
    )  # a sentence's claims share it: once each


def _none(*_: object) -> list[Any]:
    return []  # what a part whose questions failed gets: none, rather than odd ones


def article_questions(section: Section, lang: str = "en") -> list[tuple[str, tuple[str, ...]]]:
    """Return the questions a section puts to the reader, each with the sentences around it.

    Not a rhetorical question that the next sentence answers ("Why? Because ..."), nor one its
    paragraph goes on from in statements ("Who can analyze the nameless charm ...? We are
    touched with ..."), not one inside quoted speech, not a fragment of a few words. In English
    it opens as a question does ("What", "Why", "Is"); in another language (`lang`), whose
    question words lecturekit does not know, its question mark says it ("¿...?" too).
    """
    found = []
    texts, in_list = [], []
    for block in section.blocks:
        mine = [" ".join(plain(p.inlines).split()) for p in paragraphs(block)]
        listing = isinstance(block, BulletList)
        if listing and sum(_opens_with_question(text) for text in mine) >= CHECKLIST:
            continue  # "- What is the context ...? - What are the needs ...?": questions to ask users, not students
        texts += mine
        in_list += [listing] * len(mine)
    for number, text in enumerate(texts):
        spans = sentences(text)
        if TOLD.search(text) or _checklist([is_question(text[a:b]) for a, b in spans]):
            continue  # "Take notes: how did ...? Which ...?", "Is there ...? Can you ...? Can you ...?": examples
        if in_list[number] and len(spans) > 1:
            continue  # "3. Wow, you did that perfectly. Have you thought ...?": an example's words
        after = texts[number + 1] if number + 1 < len(texts) else ""
        for index, (start, end) in enumerate(spans):
            sentence = text[start:end]
            if (
                not is_question(sentence)
                or len(sentence.split()) < 6
                or _leans_back(sentence)
                or _aside(sentence)
                or _introduced(sentence, text[spans[max(0, index - 3)][0] : start])
                or _LABELLED.match(text)
                or lang == "en"
                and not _asks(_without_preface(sentence))
            ):
                continue
            following = text[spans[index + 1][0] : spans[index + 1][1]] if index + 1 < len(spans) else after
            quoted = _in_quotes(text[:start], sentence)
            rhetorical = index + 1 < len(spans) and not is_question(following)  # the paragraph goes on
            if not _answers(following, sentence) and not quoted and not rhetorical:
                context = tuple(text[a:b] for a, b in spans[max(0, index - 2) : index + 1])
                found.append((_without_preface(sentence), context))
    return found[:ARTICLE_PER_SECTION]


def _in_quotes(before: str, sentence: str) -> bool:
    """Tell whether a question is quoted speech: it opens a quotation, or its question mark is
    inside one ("The minister asked, “Who will feed the cities now?”"), or the text before it
    left a quotation open."""
    head = sentence[: sentence.rfind("?")]
    return (
        sentence[:1] in _QUOTE_MARKS
        or sentence[sentence.rfind("?") + 1 :].lstrip()[:1] in ("”", '"')  # "... what did you learn?""
        or head.count("“") > head.count("”")
        or head.count('"') % 2 == 1
        or before.count("“") > before.count("”")
    )


def _leans_back(question: str) -> bool:
    """Tell whether a question leans on a referent before it ("How did they arrange ...?", "Why
    do governments tolerate them?", "... to complete this task?"): read out alone, nobody would
    know what it asks about."""
    words = [w.strip("“”\"'‘’,?").lower() for w in question.split()]
    return (
        any(w in BACK_REFERENCES for w in words[:3])
        or any(w in PERSONAL_BACK for w in words)
        or POINTED.search(question) is not None
    )


def _asks(question: str) -> bool:
    """Tell whether a question is one a reader is asked: it opens (after "So", "And", "But") with a
    question word or an auxiliary; "Looking for language to introduce ...?" is a callout's line."""
    words = [core(w).lower() for w in question.split()[:2]]
    first = words[1] if words[0] in ("so", "and", "but", "then") and len(words) > 1 else words[0]
    return first in QUESTION_OPENERS


# "Stakeholder management: Who needs time on the agenda?": a planning checklist's prompt
_LABELLED = re.compile(r"^[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}:\s")


def _opens_with_question(text: str) -> bool:
    """Tell whether a list item opens with a question ("What's the best way ...? We prefer ...")."""
    first = sentences(text)[:1]
    return bool(first) and is_question(text[first[0][0] : first[0][1]])


def _introduced(question: str, before: str) -> bool:
    """Tell whether a question speaks of "the X" that its paragraph introduced as "a X" ("A
    learner at your workshop asks ... What would you say to the learner?"): a scenario's
    question, which means nothing without the scenario."""
    introduced = {m.lower() for m in re.findall(r"\b(?:an?|one)\s+(\w+)", before, re.IGNORECASE)}
    named = {m.lower() for m in re.findall(r"\bthe\s+(\w+)", question, re.IGNORECASE)}
    return bool(introduced & named)


CHECKLIST = 3  # questions in a row that make a paragraph a checklist for the reader, not prompts


def _checklist(asks: list[bool]) -> bool:
    """Tell whether CHECKLIST questions or more come one after another."""
    run = 0
    for ask in asks:
        run = run + 1 if ask else 0
        if run >= CHECKLIST:
            return True
    return False


def _aside(question: str) -> bool:
    """Tell whether a question only illustrates the text around it: "For example, if ..., what
    ...?", one with a parenthesis of its own."""
    return ASIDE_QUESTION.search(question) is not None


def _without_preface(question: str) -> str:
    """Return a question without what announces it: "A question to pose could be: Which ...?"."""
    head, colon, rest = question.partition(": ")
    if colon and rest[:1].isupper() and QUESTION_PREFACE.search(head):
        return rest
    return question


def _answers(following: str, question: str) -> bool:
    """Tell whether the sentence after a question answers it: it opens as an answer does, or
    takes up the question's last word ("What is a shell? A shell is ...")."""
    if not following or is_question(following):
        return False
    if ANSWER_CUES.match(following):
        return True
    words = re.findall(r"\w+", question.lower())
    last = next((w for w in reversed(words) if len(w) > 3), "")
    return bool(last) and last in re.findall(r"\w+", following.lower())[:6]


def _candidates(
    section: Section,
    templates: tuple[QuestionTemplate, ...],
    warnings: list[Diagnostic],
    concepts_of: Callable[[Section], list[Concept]],
) -> list[tuple[Question, int]]:
    """Return the questions the templates make of a section's concepts, with each template's order."""
    found = []
    concepts = concepts_of(section)
    for template in templates:
        for concept in concepts:
            if concept.kind != template.needs:
                continue
            text = render(template, concept.slots, warnings)
            if text and len(text.split()) <= MAX_WORDS:
                question = Question(
                    text,
                    plain(section.title),
                    template.bloom,
                    "generated",
                    concept.sources,
                    concept.kind,
                    concept.values,
                )
                found.append((question, template.order))
    return found


def _answer(sentences: tuple[str, ...], points: ArticlePoints) -> tuple[str, ...]:
    """Return what a good answer mentions: the claims of the question's sentences, condensed as
    their slides show them (a sentence the article does not hold, on its own)."""
    found: list[str] = []
    for sentence in sentences[:3]:
        known = points.sentence_points(sentence)
        for point in paragraph_points((Span(sentence),)) if known is None else known:
            shown = plain(point.inlines)
            if point.children:
                shown = shown.rstrip(":") + ": " + "; ".join(plain(c) for c in point.children)
            found.append(shown)
    return tuple(found[:3])


def _generated(chosen: list[Question], candidates: list[list[tuple[Question, int]]]) -> list[Question]:
    """Return generated questions, sections in turn, the best first: up to PER_SECTION a section
    and MOST in all, TARGET where the sections offer them and more only for a new Bloom level."""
    added: list[Question] = []
    used: Counter[str] = Counter(q.bloom for q in chosen)
    for round_ in range(PER_SECTION + 1):  # a last round only while under LEAST
        for options in candidates:
            if len(chosen) + len(added) >= MOST:
                return added
            mine = [q for q in added if options and q.section == options[0][0].section]
            stems = Counter((q.kind, q.bloom) for q in added)
            fresh = [
                (q, order)
                for q, order in options
                if not _duplicate(chosen + added, q)
                and q.bloom not in {m.bloom for m in mine}
                and q.kind not in {m.kind for m in mine}
                and stems[(q.kind, q.bloom)] < PER_TEMPLATE
            ]
            enough = len(chosen) + len(added) >= TARGET
            if (
                not fresh
                or round_ == PER_SECTION
                and enough
                or round_
                and enough
                and not _new_level(fresh, used)
            ):
                continue
            best = min(fresh, key=lambda qo: qo[1] + 15 * used[qo[0].bloom])[0]
            added.append(best)
            used[best.bloom] += 1
    return added


def _new_level(options: list[tuple[Question, int]], used: Counter[str]) -> bool:
    return any(not used[q.bloom] for q, _ in options)


def deck_order(chosen: Sequence[Question]) -> list[Question]:
    """Return questions in the order the deck would show them: the author's and the article's
    own first, then the most open generated ones that name concrete things, one a section
    before a second from any."""
    own = [q for q in chosen if q.origin != "generated"]
    generated = sorted(
        (q for q in chosen if q.origin == "generated"),
        key=lambda q: (q.kind not in CONCRETE, OPENNESS[q.bloom]),
    )
    picked: list[Question] = []
    for q in generated:
        if q.section not in {p.section for p in picked}:
            picked.append(q)
    return own + picked + [q for q in generated if q not in picked]


def section_prompts(questions: Questions) -> dict[str, Question]:
    """Return each part's best question (by the discussion slide's order), by part title."""
    best: dict[str, Question] = {}
    for question in deck_order(questions.questions):
        if question.section:
            best.setdefault(question.section, question)
    return best


def _by_section(chosen: list[Question], lesson: Lesson) -> list[Question]:
    """Authored first (the lecture as a whole), then section by section: the article's own, then
    generated."""
    sections = {plain(s.title): i for i, s in enumerate(lesson.sections)}
    rank = {"authored": 0, "article": 1, "generated": 2}
    return sorted(chosen, key=lambda q: (q.origin != "authored", sections.get(q.section, -1), rank[q.origin]))


def _add(chosen: list[Question], question: Question) -> None:
    if not _duplicate(chosen, question):
        chosen.append(question)


def _duplicate(chosen: list[Question], question: Question) -> bool:
    """Tell whether `question` repeats one already chosen: most of the same words."""
    words = _words(question.text)
    for other in chosen:
        if question.kind and (question.kind, question.bloom) == (other.kind, other.bloom):
            if question.slots == other.slots:
                return True
            continue  # one template, other concepts: its words are bound to be alike
        theirs = _words(other.text)
        if words and theirs and len(words & theirs) / len(words | theirs) >= 0.7:
            return True
    return False


@lru_cache(maxsize=4096)  # every candidate is compared with every question chosen
def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.casefold()))
