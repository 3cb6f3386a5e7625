"""Discussion questions: the author's, the article's own, and ones made from each section.

Deterministic and offline. Three origins, in this order, merged and de-duplicated:
1. authored: front matter `questions:` and a "Discussion questions" section, verbatim;
2. article: the interrogative sentences of the text, verbatim;
3. generated: jinja2 templates (lecturekit/questions/*.j2, or a course's own folder) filled
   with what each section offers: its claims, figures and dates, named cases, contrasts, views
   reported from named people or institutions, quoted terms, obstacles. Every section gets at
   least one, and the choice spreads the questions over Bloom's levels.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from .code import language_name
from .keypoints import claims
from .lesson import (
    BulletList,
    Code,
    Diagnostic,
    Heading,
    Lesson,
    LessonError,
    Paragraph,
    Quote,
    Section,
    Table,
    plain,
)
from .text import is_question, sentences

TEMPLATE_DIR = Path(__file__).parent / "questions"
BLOOM_LEVELS = ("understand", "apply", "analyse", "evaluate", "create")
TARGET = 10  # questions for a lecture, when the sections offer enough
SPREAD = 15  # how much each earlier question of the same Bloom level counts against a template
UNUSED_BONUS = 10  # how much a Bloom level not yet asked counts for it
MAX_CLAIM_WORDS = 22


@dataclass(frozen=True)
class Question:
    text: str
    section: str  # the section it was drawn from; "" for the lecture as a whole
    bloom: str
    origin: str  # "authored" | "article" | "generated"
    sources: tuple[str, ...]  # the sentence(s) it came from


@dataclass(frozen=True)
class Questions:
    questions: tuple[Question, ...]
    warnings: tuple[Diagnostic, ...] = field(default=(), compare=False)

    @property
    def texts(self) -> list[str]:
        return [q.text for q in self.questions]


@dataclass(frozen=True)
class QuestionTemplate:
    path: Path
    bloom: str
    needs: str
    order: int
    source: str
    compiled: object = field(default=None, compare=False, repr=False)  # the jinja2 Template


@dataclass(frozen=True)
class _Fact:
    kind: str
    values: dict
    sources: tuple[str, ...]


def discussion_questions(lesson: Lesson, template_dir: Path | None = None, target: int = TARGET) -> Questions:
    """Return the discussion questions for `lesson`, authored first, then the article's, then generated."""
    warnings: list[Diagnostic] = []
    templates = load_templates(template_dir or TEMPLATE_DIR)
    chosen: list[Question] = []
    for text in lesson.meta.questions:
        _add(chosen, Question(text, "", classify(text), "authored", (text,)))
    for section in lesson.sections:
        for sentence in _interrogatives(section):
            _add(chosen, Question(sentence, plain(section.title), classify(sentence), "article", (sentence,)))
    casing = _Casing(lesson)
    lesson_topic = casing.phrase(lesson.meta.title)
    candidates = [
        _candidates(section, lesson_topic, casing, templates, warnings) for section in lesson.sections
    ]
    # Template order says which question a section offers best; the spread over Bloom's levels
    # (of the generated questions) breaks ties and brings in levels not yet asked.
    bloom_used: Counter[str] = Counter()

    def score(question: Question) -> float:
        used = bloom_used[question.bloom]
        return question_order[question] + SPREAD * used - (UNUSED_BONUS if used == 0 else 0)

    question_order = {q: order for options in candidates for q, order in options}
    per_section: list[list[Question]] = [[] for _ in lesson.sections]
    # Round one gives every section a question; later rounds add more up to the target.
    for round_ in range(3):
        for index, options in enumerate(candidates):
            if round_ and len(chosen) >= target:
                break
            mine = per_section[index]
            # Round one may ask two sections the same kind of question: each section needs one.
            fresh = [
                q
                for q, _ in options
                if not _duplicate(chosen, q, across=round_ > 0) and q.bloom not in {m.bloom for m in mine}
            ]
            if not fresh:
                continue
            # Keep room for levels not asked yet: once the picks left are few, take those first.
            unused = {q.bloom for q in fresh if not bloom_used[q.bloom]}
            missing = [level for level in BLOOM_LEVELS if not bloom_used[level]]
            if unused and round_ and target - len(chosen) <= len(missing):
                fresh = [q for q in fresh if q.bloom in unused]
            best = min(fresh, key=score)
            chosen.append(best)
            mine.append(best)
            bloom_used[best.bloom] += 1
    return Questions(tuple(_order(chosen, lesson)), tuple(warnings))


def _order(chosen: list[Question], lesson: Lesson) -> list[Question]:
    """Authored, then the article's own, then generated in section order."""
    sections = {plain(s.title): i for i, s in enumerate(lesson.sections)}
    rank = {"authored": 0, "article": 1, "generated": 2}
    return sorted(
        chosen, key=lambda q: (rank[q.origin], sections.get(q.section, -1) if q.origin == "generated" else 0)
    )


def _add(chosen: list[Question], question: Question) -> None:
    if not _duplicate(chosen, question):
        chosen.append(question)


def _duplicate(chosen: list[Question], question: Question, across: bool = True) -> bool:
    """Tell whether `question` repeats one already chosen: same words, or the same source sentence.

    With `across` False, generated questions about different sections never count as repeats,
    however alike their wording (two sections may both be asked for their main point).
    """
    words = _words(question.text)
    for other in chosen:
        if question.origin == "generated" and set(question.sources) & set(other.sources):
            return True
        if (
            not across
            and question.origin == other.origin == "generated"
            and question.section != other.section
        ):
            continue
        theirs = _words(other.text)
        if words and theirs and len(words & theirs) / len(words | theirs) >= 0.7:
            return True
    return False


@lru_cache(maxsize=4096)  # every candidate is compared with every question chosen
def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.casefold()))


# -- Bloom's level of a question someone wrote ---------------------------------------------------

# Checked in order; the first match decides. "create" comes first so "design a better policy"
# is not taken for a judgement ("better").
_CUES = (
    (
        "create",
        r"^(design|propose|devise|imagine|plan|create|develop|suggest)\b|\bhow would you (design|build|create"
        r"|plan|change)\b|\bwhat would you (do|propose|design|change)\b",
    ),
    (
        "evaluate",
        r"\b(should|agree|justify|how far|to what extent|assess|evaluate|judge|better|worse|necessarily"
        r"|convincing|reliable|worth|do you think)\b|^(so )?(can|could|is|are|was|were|does|do|did)\b.*\bif\b",
    ),
    (
        "analyse",
        r"\b(why|compare|contrast|relationship|differ|cause|effect|what does .+ (show|reveal|suggest)"
        r"|how does .+ relate)\b",
    ),
    ("apply", r"\b(how could|how might|apply|example|where else|in practice|what would (happen|change))\b"),
)


def classify(question: str) -> str:
    """Return the Bloom level a question asks for, judged by its wording (understand when unsure)."""
    text = question.casefold()
    for level, pattern in _CUES:
        if re.search(pattern, text):
            return level
    return "understand"


# -- templates -----------------------------------------------------------------------------------

_HEADER = re.compile(r"\A\{#-?(.*?)-?#\}", re.DOTALL)
_KINDS = (
    "claim",
    "figure_claim",
    "case",
    "contrast",
    "reported",
    "term",
    "obstacles",
    "table",
    "code",
    "topic",
)


def load_templates(folder: Path) -> tuple[QuestionTemplate, ...]:
    """Return the question templates in `folder`; raise `LessonError` naming a malformed one.

    The files are read every time (they are small) and compiled once per content: under --watch
    an edited template takes effect at the next build.
    """
    folder = Path(folder).resolve()
    files = sorted(folder.glob("*.j2")) if folder.is_dir() else []
    if not files:
        raise LessonError(
            folder,
            None,
            "no question templates (*.j2) in this folder",
            "Point --questions-templates at a folder of .j2 files (see lecturekit/questions).",
        )
    templates = [_template(path, path.read_text(encoding="utf-8")) for path in files]
    return tuple(sorted(templates, key=lambda t: (t.order, t.path.name)))


@lru_cache(maxsize=256)
def _template(path: Path, source: str) -> QuestionTemplate:
    """Return the template `source` read from `path`, its settings checked and its body compiled."""
    import yaml

    match = _HEADER.match(source)
    settings = None
    if match is not None:
        try:
            header = "\n".join(line.strip() for line in match.group(1).strip().rstrip("-").splitlines())
            settings = yaml.safe_load(header)
        except yaml.YAMLError:
            pass
    if not isinstance(settings, dict):
        raise LessonError(path, 1, "a question template must start with {#- bloom: ..., needs: ... -#}")
    bloom, needs = str(settings.get("bloom", "")), str(settings.get("needs", ""))
    if bloom not in BLOOM_LEVELS or needs not in _KINDS:
        raise LessonError(
            path,
            1,
            f"bloom must be one of {', '.join(BLOOM_LEVELS)} and needs one of "
            f"{', '.join(_KINDS)}; found bloom={bloom!r}, needs={needs!r}",
        )
    body = source[match.end() :].strip()
    from jinja2 import TemplateSyntaxError

    try:
        compiled = _environment().from_string(body)
    except TemplateSyntaxError as err:
        line = source[: match.end()].count("\n") + (err.lineno or 1)
        raise LessonError(path, line, f"the question template does not parse: {err.message}") from None
    return QuestionTemplate(path, bloom, needs, int(settings.get("order", 50)), body, compiled)


@cache
def _environment():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    # Questions are plain text (escaped later by each writer); templates a course supplies are
    # untrusted code, so they run sandboxed.
    return SandboxedEnvironment(autoescape=False, undefined=StrictUndefined, keep_trailing_newline=False)


def _render(template: QuestionTemplate, values: dict, warnings: list[Diagnostic]) -> str | None:
    from jinja2 import TemplateError

    try:
        text = template.compiled.render(**values)
    except TemplateError as err:
        warnings.append(Diagnostic(template.path, None, f"this question template failed: {err}"))
        return None
    text = " ".join(text.split())
    if not text.endswith("?"):
        message = "this question template did not make a question ending in '?'"
        warnings.append(Diagnostic(template.path, None, message))
        return None
    return text


# -- what a section offers -------------------------------------------------------------------------

_DETERMINERS = frozenset(
    """the a an many most some several all few every each no one two three four five six seven eight
    nine ten there private public foreign local""".split()
)
_PREPOSITIONS = frozenset(
    """about above after against along among around at before behind beneath beside between beyond by
    during for from in inside into near of on onto outside over since through to towards under until
    upon with within without""".split()
)
_PRONOUNS = frozenset(
    """it this these those that they he she we you i its their his her our such here""".split()
)
_GENERIC_TITLES = frozenset(
    (
        "introduction",
        "conclusion",
        "conclusions",
        "overview",
        "summary",
        "background",
        "discussion",
        "preface",
        "outlook",
        "recap",
        "context",
        "closing thoughts",
        "final thoughts",
    )
)
_CONTRAST = re.compile(
    r"^(However|Despite this|Despite that|Nevertheless|Nonetheless|Even so|Yet|But|Still),?\s"
)
_REPORTED = re.compile(
    r"^(?:[^,]{0,40},\s+)?(?P<source>.+?)\s+(?:claims?|claimed|says|said|argues?|argued|reports?|reported|"
    r"believes?|believed|estimates?|estimated|found|finds|suggests?|suggested|notes?|noted)\s+that\s+(?P<view>.+)$"
)
_QUOTED = re.compile(r"[‘“\"]([^‘’“”\"]{2,40})[’”\"]")
_OBSTACLE = re.compile(
    r"\b(obstacles?|barriers?|limits?|limitations?|constraints?|holdbacks?|hold(?:ing|s)?\b.{0,20}\bback|held back"
    r"|challenges?|problems?|difficult(?:y|ies)|hurdles?|restrictions?)\b",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"\d")


class _Casing:
    """Which words are names, judged by how the article itself capitalises them."""

    def __init__(self, lesson: Lesson):
        self.capital: Counter[str] = Counter()
        self.lower: Counter[str] = Counter()
        self.heading_words: set[str] = set()
        for section in lesson.sections:
            for block in section.blocks:
                if isinstance(block, Heading):
                    self.heading_words.update(_bare(w) for w in plain(block.inlines).split())
                for paragraph in _paragraphs(block):
                    self._count(plain(paragraph.inlines))

    def _count(self, text: str) -> None:
        for start, end in sentences(text):
            for word in text[start:end].split()[1:]:
                bare = _bare(word)
                if bare[:1].isupper():
                    self.capital[bare] += 1
                elif bare[:1].islower():
                    self.lower[bare] += 1

    def is_name(self, word: str) -> bool:
        bare = _bare(word)
        if not bare[:1].isupper():
            return False
        if len(bare) > 1 and bare.isupper():
            return True  # an acronym
        low = self.lower[bare.lower()]
        return self.capital[bare] > low or (low == 0 and bare in self.heading_words)

    def phrase(self, title: str) -> str:
        """Return a title as a phrase to use inside a sentence: "What Is X Back?" -> "what is X back"."""
        words = title.strip().rstrip("?:.!").split()
        return " ".join(w if self.is_name(w) else w.lower() for w in words)

    def clause(self, text: str) -> str | None:
        """Return a claim as a clause to follow "that", or None if it cannot stand alone."""
        words = text.rstrip(".").split()
        if not (5 <= len(words) <= MAX_CLAIM_WORDS) or text.endswith("…"):
            return None
        first = _bare(words[0])
        if first.lower() in _PRONOUNS:
            return None
        if first[:1].islower() or first[:1].isdigit() or first.lower() in _DETERMINERS:
            return " ".join([words[0][:1].lower() + words[0][1:], *words[1:]])
        if self.is_name(words[0]):
            return " ".join(words)
        return None

    def names_someone(self, text: str) -> bool:
        return any(self.is_name(w) for w in text.split())


def _bare(word: str) -> str:
    word = word.strip(".,;:!?…\"'“”‘’()[]")
    for suffix in ("’s", "'s"):
        word = word.removesuffix(suffix)
    return word


def _paragraphs(block):
    if isinstance(block, Paragraph):
        yield block
    elif isinstance(block, Quote):
        for inner in block.blocks:
            yield from _paragraphs(inner)
    elif isinstance(block, BulletList):
        for item in block.items:
            for inner in item.blocks:
                yield from _paragraphs(inner)


def _interrogatives(section: Section):
    for block in section.blocks:
        for paragraph in _paragraphs(block):
            text = " ".join(plain(paragraph.inlines).split())
            for start, end in sentences(text):
                if is_question(text[start:end]):
                    yield text[start:end]


def _facts(section: Section, lesson_topic: str, casing: _Casing) -> list[_Fact]:
    title = plain(section.title)
    first_word = title.split()[0].casefold() if title.split() else ""
    # "Introduction" says nothing about the subject, and "Before Gutenberg" is no noun phrase:
    # questions about such a section speak of the lecture's subject instead.
    generic = title.strip().rstrip(":").casefold() in _GENERIC_TITLES or first_word in _PREPOSITIONS
    topic = lesson_topic if generic else casing.phrase(title)
    facts: list[_Fact] = []
    good: list[tuple[str, str]] = []  # (clause, sentence)
    texts = [" ".join(plain(p.inlines).split()) for b in section.blocks for p in _paragraphs(b)]
    for text in texts:
        previous: tuple[str, str] | None = None
        for claim in claims(text):
            clause = casing.clause(claim.text)
            sentence = claim.sentence
            if clause:
                good.append((clause, sentence))
                kind = "figure_claim" if _FIGURE.search(clause) else "claim"
                facts.append(_Fact(kind, {"claim": clause}, (sentence,)))
                if kind == "figure_claim":
                    facts.append(_Fact("claim", {"claim": clause}, (sentence,)))
                if previous and _CONTRAST.match(sentence):
                    facts.append(
                        _Fact("contrast", {"first": previous[0], "second": clause}, (previous[1], sentence))
                    )
            reported = _REPORTED.match(sentence.rstrip("."))
            if reported and casing.names_someone(reported["source"]):
                source = reported["source"]
                view = " ".join(reported["view"].split())
                if len(view.split()) <= MAX_CLAIM_WORDS:
                    if _bare(source.split()[0]).lower() in _DETERMINERS:
                        source = source[:1].lower() + source[1:]  # "The Institute" -> "the Institute"
                    facts.append(_Fact("reported", {"source": source, "view": view}, (sentence,)))
            previous = (clause, sentence) if clause else None
        for term in _QUOTED.findall(text):
            if len(term.split()) <= 3:
                facts.append(_Fact("term", {"term": term}, (_sentence_with(text, term),)))
    for block in section.blocks:
        if isinstance(block, Heading) and _is_case(plain(block.inlines), casing):
            name = plain(block.inlines)
            if _bare(name.split()[0]).lower() in _DETERMINERS:
                name = name[:1].lower() + name[1:]  # "the case of the Gutenberg Bible"
            facts.append(_Fact("case", {"case": name, "topic": topic}, (plain(block.inlines),)))
    if _OBSTACLE.search(title + " " + " ".join(texts)):
        # The author's own list of obstacles if there is one, else the section's short claims.
        listed = [_list_items(b) for b in section.blocks if isinstance(b, BulletList)]
        items = next((found for found in listed if 2 <= len(found) <= 5), None)
        if items:
            options = [_lower_first(item, casing) for item in items]
            sources = tuple(items)
        else:
            chosen = [(clause, sentence) for clause, sentence in good if len(clause.split()) <= 14][:3]
            options = [clause for clause, _ in chosen]
            sources = tuple(sentence for _, sentence in chosen)
        if len(options) >= 2:
            facts.append(_Fact("obstacles", {"options": options}, sources))
    for block in section.blocks:
        if isinstance(block, Table) and block.header:
            header = [plain(cell) for cell in block.header if plain(cell).strip()]
            named = header[:3] + [f"{len(header) - 3} other columns"] if len(header) > 4 else header
            columns = ", ".join(named[:-1]) + (" and " if len(named) > 1 else "") + named[-1] if named else ""
            facts.append(_Fact("table", {"section": title, "columns": columns}, (" | ".join(header),)))
        elif isinstance(block, Code):
            first = next((line for line in block.text.splitlines() if line.strip()), "")
            facts.append(_Fact("code", {"section": title, "language": language_name(block.lang)}, (first,)))
    facts.append(_Fact("topic", {"topic": topic, "section": title}, (title,)))
    return facts


def _list_items(block: BulletList) -> list[str]:
    items = []
    for item in block.items:
        first = next((b for b in item.blocks if isinstance(b, Paragraph)), None)
        if first is not None:
            items.append(" ".join(plain(first.inlines).split()).rstrip("."))
    return items


def _lower_first(text: str, casing: _Casing) -> str:
    first = text.split()[0] if text.split() else ""
    return text if casing.is_name(first) else text[:1].lower() + text[1:]


def _is_case(heading: str, casing: _Casing) -> bool:
    """Tell whether a subheading names a case (a venture, person, project) rather than a theme."""
    words = heading.split()
    return 0 < len(words) <= 5 and any(casing.is_name(w) or _unknown_capital(w, casing) for w in words)


def _unknown_capital(word: str, casing: _Casing) -> bool:
    """A capitalised word the text never writes in lower case: likely a name ("Noko", "Nosotek")."""
    bare = _bare(word)
    return bare[:1].isupper() and not casing.lower[bare.lower()]


def _sentence_with(text: str, term: str) -> str:
    for start, end in sentences(text):
        if term in text[start:end]:
            return text[start:end]
    return text


def _candidates(section, lesson_topic, casing, templates, warnings) -> list[tuple[Question, int]]:
    facts = _facts(section, lesson_topic, casing)
    found = []
    for template in templates:
        for fact in facts:
            if fact.kind != template.needs:
                continue
            text = _render(template, fact.values, warnings)
            if text:
                question = Question(text, plain(section.title), template.bloom, "generated", fact.sources)
                found.append((question, template.order))
    return found
