"""What a section offers a question: the concepts it names, each a phrase of its own kind.

A question is about something the article names: a case (a subheading such as "Noko Jeans"),
a named source of a claim, a term the text defines, a figure with its unit, the obstacles an
author lists, a table, a piece of code, or the part's own subject. Each is taken as the author
wrote it and checked for its kind: a "source" is a name that reports a claim, never a date; a
"figure" has a unit, never a year; no slot holds a citation, a link or a whole sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lecturekit.language.names import Names
from lecturekit.layout.highlight import language_name
from lecturekit.lexicon.english import (
    ANSWERED,
    ARGUED,
    ARGUING,
    CASE_JOINERS,
    CAUSAL,
    CLAIMING_VERBS,
    CONNECTIVES,
    DEFINED_TERM,
    DEFINITION,
    DETERMINED,
    DETERMINERS,
    EMPTY_WORDS,
    EXAMPLE_CUES_OPENING,
    FIGURE,
    FINITE_VERBS,
    GENERALISING,
    GENERIC_HEADINGS,
    GENERIC_TITLES,
    HYPOTHETICAL,
    IMPERATIVE_NEXT,
    LISTING_TITLE,
    OBSTACLE,
    OPENERS,
    OPENING_NOT_SUBJECT,
    PARTICLES,
    PASSIVE,
    PAST,
    PERSONAL,
    PERSONAL_BACK,
    PHRASE_WORDS,
    POINTING,
    PRESCRIBING,
    PRESENT,
    REFERRING_WORDS,
    RELATIVE_HEADS,
    REPORTED_SOURCE,
    SELF_NOUNS,
    SELF_REFERENCE,
    SHARE,
    STATEMENT_VERBS,
    SUBJECT_PRONOUNS,
    TASK_NEXT,
    TASK_OPENERS,
    TITLE_PREFACE,
    TOPIC_PREPOSITIONS,
    UNCOUNTED,
    VAGUE_OPENERS,
    VERBISH,
)
from lecturekit.model.lesson import (
    BulletList,
    Code,
    Heading,
    Lesson,
    Paragraph,
    Section,
    Table,
    paragraphs,
    plain,
)
from lecturekit.model.text import core, in_sentence_case, is_question, sentences


@dataclass(frozen=True)
class Concept:
    kind: str  # case | cases | source | claim | said | term | figure | obstacles | heading | topic | argued | table | code
    values: tuple[tuple[str, object], ...]  # the template's slots, as (name, value)
    sources: tuple[str, ...]  # the sentences it comes from

    @property
    def slots(self) -> dict[str, object]:
        return dict(self.values)


_YEAR = re.compile(r"^(1[0-9]|20)\d\d(s|’s|'s)?$")
NOT_A_SLOT = re.compile(r"https?:|www\.|\(|\)|\[|\]|\bet al\b|…|\.\.\.|\.\s|:|\|", re.IGNORECASE)


def as_phrase(text: str, names: Names) -> str:
    """Return a title as a phrase inside a sentence: "What Is X Back?" -> "what is X back".

    Every word keeps a capital only if it is a name (or "I"): "The Distribution of Code" -> "the
    distribution of code", "Noko Jeans" stays "Noko Jeans"."""
    words = text.strip().rstrip("?:.!").split()
    shown = [w if names.is_name(w) or core(w) == "I" else in_sentence_case(w) for w in words]
    if shown and not names.is_name(words[0]):
        shown[0] = in_sentence_case(words[0])
    return " ".join(shown)


def sentence_case(title: str, names: Names) -> str:
    """Return a title in title case as a sentence writes it, names kept ("How Can Content
    Influence Motivation?" -> "How can content influence motivation?"); any other as it is."""
    words = title.split()
    if len(words) < 3 or sum(w[:1].isupper() for w in words[1:]) < len(words[1:]) - 1:
        return title  # not title case: the author's own capitals
    return (
        words[0]
        + " "
        + " ".join(
            w if names.is_name(w.strip("?!.,:;")) or core(w) == "I" else in_sentence_case(w)
            for w in words[1:]
        )
    )


def lecture_topic(lesson: Lesson, names: Names, phrases: bool = True) -> str:
    """Return what the lecture is about, as a noun phrase: its first keyword, else its subtitle
    or title when either reads as one ("the encasement strategy", "organizational change"),
    else (with `phrases`) the phrase of two or three words its text uses most, else ""."""
    meta = lesson.meta
    if meta.keywords:
        return meta.keywords[0]
    for title in (meta.subtitle, meta.title):
        phrase = noun_phrase(title, names)
        if phrase:
            return phrase
    if not phrases:
        return ""  # a phrase used most ("moral feelings") is no subject to learn
    text = " ".join(plain(p.inlines) for s in lesson.sections for b in s.blocks for p in paragraphs(b))
    found = _phrases(text)
    if found:
        return found[max(found, key=lambda p: (found[p][0], len(p)))][1]
    return as_phrase(meta.title, names)


TITLE_WORDS = 8  # a longer title is a sentence, or a subtitle run on


def noun_phrase(title: str, names: Names) -> str:
    """Return a title as a noun phrase, or "" when it is none ("What It's Like ...", a question)."""
    title = title.split(":")[0].strip()
    title = TITLE_PREFACE.sub("", LISTING_TITLE.sub("", title))
    words = title.split()
    if words and words[0].lower().endswith("ing") and len(words) > 1:
        if core(words[1]).lower() not in DETERMINERS:
            return ""  # "Maximizing Community Involvement and Reuse": the gerund carries the subject
        words = words[1:]  # "Introducing the Shell" -> "the Shell"
    if (
        not 1 <= len(words) <= TITLE_WORDS
        or title.endswith("?")
        or core(words[0]).lower() in VERBISH | TOPIC_PREPOSITIONS | TASK_OPENERS
        or len(words) > 1
        and core(words[0]).lower() not in DETERMINERS
        and core(words[1]).lower() in TASK_NEXT
    ):
        return ""  # a question, a preposition's phrase, or a task ("Follow the guides")
    return as_phrase(" ".join(words), names)


def _phrases(text: str, least: int = 2) -> dict[str, tuple[int, str]]:
    """Return the lowercase runs of two or three words (no stop words) a text uses `least` times or more,
    each with its count and its first appearance as written."""
    first: dict[str, str] = {}  # each key's first appearance, as written
    counts: Counter[str] = Counter()
    run: list[str] = []
    for word in [*re.findall(r"[A-Za-z][A-Za-z’'-]*|\S", text), "."]:
        if word[:1].islower() and word.lower() not in EMPTY_WORDS | PARTICLES and len(word) > 2:
            run.append(word)
            continue  # a particle ends a run: "point out" is a verb's, never a subject
        for size in (2, 3):
            for start in range(len(run) - size + 1):
                shown = " ".join(run[start : start + size])
                key = shown.lower().rstrip("s")
                first.setdefault(key, shown)
                counts[key] += 1
        run = []
    return {key: (counts[key], shown) for key, shown in first.items() if counts[key] >= least}


def parallel_parts(lesson: Lesson, names: Names) -> dict[str, list[Concept]]:
    """Return, by the title of the section holding the first, the pairs of sibling headings that
    name two kinds of one thing ("The lac operon" and "The trp operon", "Status quo contract
    administration" and "Agile contract administration"): a comparison the text sets up."""
    found: dict[str, list[Concept]] = {}
    if section_made(lesson):
        return found  # lecturekit's own titles: key phrases, not kinds of one thing
    for heading, after, home in siblings(lesson):
        first, second = noun_phrase(heading, names), noun_phrase(after, names)
        if (
            first
            and second
            and first != second
            and _head(first) == _head(second)
            and _head(first).lower() not in RELATIVE_HEADS
            and _like(first, second)
            and all(
                len(p.split()) <= PAIR_WORDS and _sound(p, "pair") and not GENERIC_HEADINGS.match(p)
                for p in (first, second)
            )
        ):
            found.setdefault(home, []).append(
                Concept("pair", (("first", first), ("second", second)), (heading, after))
            )
    return found


def siblings(lesson: Lesson) -> list[tuple[str, str, str]]:
    """Return each heading with the next heading of its level under the same parent, and the
    title of the section holding the first: (heading, next, section)."""
    headings: list[tuple[int, str, str]] = []  # (level, heading, the section it is in)
    for section in lesson.sections:
        title = plain(section.title).strip()
        headings.append((1, title, title))
        headings += [
            (1 + b.level, plain(b.inlines).strip(), title) for b in section.blocks if isinstance(b, Heading)
        ]
    found = []
    for index, (level, heading, home) in enumerate(headings):
        after = next((h for h in headings[index + 1 :] if h[0] <= level), None)
        if after is not None and after[0] == level:
            found.append((heading, after[1], home))
    return found


PAIR_WORDS = 5  # words of each of two headings to compare: longer ones are sentences


def section_made(lesson: Lesson) -> bool:
    """Tell whether lecturekit made the lesson's parts (a text without headings)."""
    return any(s.made for s in lesson.sections)


def _head(phrase: str) -> str:
    """Return a noun phrase's head noun, as written: "the trp operon" -> "operon", "regulation of
    translation" -> "regulation"; "excretory systems" and "the human urinary system" (a class and
    one of its members) have none in common."""
    words = _JOINED.split(phrase)[0].split()
    return core(words[-1]).lower() if words else ""


def _like(first: str, second: str) -> bool:
    """Tell whether two phrases are built alike, both with a phrase after the head ("regulation
    of ...") or neither: "post-transcriptional regulation" and "regulation of translation" are
    not two kinds of one thing."""
    return bool(_JOINED.search(first)) == bool(_JOINED.search(second))


_JOINED = re.compile(r"\s+(?:of|by|in|for|with)\s+")


def section_topic(section: Section, names: Names, lecture: str) -> str:
    """Return what a section is about, as a phrase to put in a question: its title when that is
    a name for a subject ("North Korea's Silicon Valley"), else the phrase its text uses most,
    else the lecture's topic. A part lecturekit made and titled (of a text without headings) is
    about the lecture's topic: its title is only its key phrase."""
    title = plain(section.title).strip()
    if section.made:
        return lecture  # a phrase a part uses three times ("bad men") is no subject it is about
    if not GENERIC_HEADINGS.match(title) and not title[:1].isdigit():
        phrase = noun_phrase(title, names)
        if phrase and (_subject(phrase, names) or len(phrase.split()) == 1):
            return phrase
    text = " ".join(plain(p.inlines) for b in section.blocks for p in paragraphs(b))
    found = _phrases(text, 3)  # used twice in a part can be chance ("wrong answer"); three times is a subject
    if found:
        return found[max(found, key=lambda p: (found[p][0], len(p)))][1]
    return lecture


def as_named(topic: str) -> str:
    """Return a topic as a question can name it whatever surrounds it: as it is when it needs no
    article ("the encasement strategy", "open source licenses", "reproducible research"), else
    in quotation marks ("“legacy system”"), which make it a name and the sentence grammatical."""
    head = re.split(r"\s+(?:in|of|for|to|on|at|with|under|towards?)\s+", topic)[
        0
    ]  # "entrepreneurship in ..."
    if DETERMINED.match(topic) or UNCOUNTED.search(head) or topic[:1].isupper():
        return topic
    return f"“{topic}”"


def section_concepts(
    section: Section,
    names: Names,
    lecture: str,
    shown: frozenset[str] = frozenset(),
    practice: bool = True,
) -> list[Concept]:
    """Return every concept a section names, in the order a question would best be asked of them.
    `shown` holds the sentences whose claims the lecture's slides show: one of them may be quoted.
    A text not of `practice` (see `practical`) offers no subject met at work, no claim to doubt."""
    topic = as_named(section_topic(section, names, lecture))
    texts = [" ".join(plain(p.inlines).split()) for b in section.blocks for p in paragraphs(b)]
    found: list[Concept] = []
    # a how-to's steps: one answer, none to weigh against another, no claim to doubt
    steps = any(isinstance(b, Code) for b in section.blocks)
    found += _cases(section, names, topic)
    for text in texts:
        spans = sentences(text)
        for index, (start, end) in enumerate(spans):
            sentence = text[start:end]
            if is_question(sentence):
                continue
            if sentence in shown:
                after = tuple(text[a:b] for a, b in spans[index + 1 : index + 3])
                found += _said(sentence, after)
            found += _sources(sentence, names, topic, practice)
            if (
                practice and not steps
            ):  # a textbook's mechanism is taught, a how-to's step followed: neither weighed
                found += _evidence(sentence, names)
            found += _terms(sentence, names)
            found += [f for f in _figures(sentence) if practice or _WEIGHED.search(str(f.slots["figure"]))]
    if not practice:  # a textbook's technical term: nothing to ask of how well its name fits
        found = [c for c in found if c.kind != "term" or c.slots["coined"]]
    found += _obstacles(section, names, topic)
    title = plain(section.title).strip()
    asks = (
        title.endswith("?")
        and 4 <= len(title.split()) <= 10
        and re.fullmatch(r"[\w\s'’,-]+\?", title)
        and not re.search(r"(?:^|\s)-", title)  # "What Does sort -n Do?": a command's option
        and not {w.lower().strip("?") for w in title.split()}
        & PERSONAL_BACK  # "Why Isn't It Doing Anything?"
    )
    if (
        asks and len(texts) >= HEADING_ANSWERS and not steps
    ):  # not a label: "Which Pipe?", "What does >> mean?"
        answers = tuple(_first_sentence(t) for t in texts[:3])  # where the part starts answering it
        asked = sentence_case(title, names)
        found.append(Concept("heading", (("question", asked), ("topic", topic)), answers or (title,)))
    found += exhibits(section)
    # a subject that needs quotation marks to read ("“legacy system”") reads stiffly in a question
    if _subject(topic, names) and not about_itself(texts) and practice and not topic.startswith("“"):
        opening = tuple(texts[:1] and [_first_sentence(texts[0])])
        # a named thing ("Chernobyl reactor core") is met in the text, not at work
        if not topic[:1].isupper():
            found.append(Concept("topic", (("topic", topic),), opening))
        arguing = [s for t in texts for a, b in sentences(t) if ARGUING.search(s := t[a:b])]
        if len(arguing) >= ARGUED and not steps and not PERSONAL.search(" ".join(arguing)):
            found.append(Concept("argued", (("topic", topic),), tuple(arguing[:2])))
    return [
        c
        for c in found
        if all(_fits(str(v), 14) for k, v in c.values if v and k not in ("options", "section", "said"))
        and all(
            _sound(str(v), k) for k, v in c.values if v and k in ("topic", "term", "case", "first", "second")
        )
    ]


def exhibits(section: Section, other: str = "{count} other columns", also: str = " and ") -> list[Concept]:
    """A table (named by its columns: the first three and `other`, or up to four joined by `also`)
    and a piece of code a section shows, each named by the section's title."""
    title = plain(section.title).strip()
    found = []
    for block in section.blocks:
        if isinstance(block, Table) and block.header:
            header = [plain(cell) for cell in block.header if plain(cell).strip()]
            named = header[:3] + [other.format(count=len(header) - 3)] if len(header) > 4 else header
            columns = ", ".join(named[:-1]) + (also if len(named) > 1 else "") + named[-1] if named else ""
            found.append(Concept("table", (("section", title), ("columns", columns)), (" | ".join(header),)))
        elif isinstance(block, Code) and (
            block.lang or _CODELIKE.search(block.text) and not block.text.lstrip().startswith("<")
        ):  # not an indented run of prose or of a page's markup ("<th class=...>"): no code to explain
            first = next((line for line in block.text.splitlines() if line.strip()), "")
            found.append(
                Concept("code", (("section", title), ("language", language_name(block.lang))), (first,))
            )
    return found


def _sound(slot: str, kind: str) -> bool:
    """Tell whether a slot reads as a noun phrase a question can name: no markup ("abstract
    {.page_break_before}"), no number ("episodes 04 data types"), no quotation of its own, no opening particle or adverb
    ("out data to CSV", "merely social intolerance kills")."""
    if slot[:1] == "“" and slot[-1:] == "”":
        slot = slot[1:-1]  # a topic `as_named` quoted
    if re.search(r"[{}@\[\]_]|\(ref:|\d|(?:^|\s)['‘\"“]|\s[-–—]\s", slot):
        return False  # markup, an identifier ("species_id"), a number, a quotation inside, a dash
    first = core(slot.split()[0]).lower() if slot.split() else ""
    return not (
        first in PARTICLES | TOPIC_PREPOSITIONS | VAGUE_OPENERS or len(first) > 4 and first.endswith("ly")
    )


_ITSELF = re.compile(r"\b(?:this|these|our)\s+(?:" + "|".join(sorted(SELF_NOUNS)) + r")s?\b", re.I)


def about_itself(texts: list[str]) -> bool:
    """Tell whether a part speaks mostly of the text itself ("This policy is a living document.
    18F expects to make changes to this policy"): housekeeping, no subject to discuss."""
    found = [text[a:b] for text in texts for a, b in sentences(text)]
    return bool(found) and 2 * sum(bool(_ITSELF.search(s)) for s in found) >= len(found)


PRACTICAL = (
    0.08  # of a part's sentences speaking to or of people ("you", "we"): a practice, not a textbook's facts
)


def practical(lesson: Lesson) -> bool:
    """Tell whether a text speaks of what people do, to its readers or as "we" (a guide, an
    essay, a lesson), so that its subjects are ones a student has met and its claims are ones to
    weigh; a textbook's account of osmoregulation is neither."""
    texts = [plain(p.inlines) for s in lesson.sections for b in s.blocks for p in paragraphs(b)]
    found = [text[a:b] for text in texts for a, b in sentences(text)]
    personal = sum(bool(_PEOPLE.search(s)) for s in found)
    return bool(found) and personal >= max(1, PRACTICAL * len(found))


_PEOPLE = re.compile(r"\b(?:you|your|we|our|us)\b", re.IGNORECASE)


def _subject(topic: str, names: Names) -> bool:
    """Tell whether a topic can be asked about as a subject: a phrase of two to eight words, a
    common noun phrase ("reproducible research", "open source licenses"), no verb in it."""
    words = topic.split()
    if not 2 <= len(words) <= 8 or not _fits(topic, 8) or words[0].lower() in ("a", "an"):
        return False  # "a typical work session": one occasion, not a subject met elsewhere
    if (
        any(core(w).lower() in STATEMENT_VERBS | CLAIMING_VERBS for w in words)
        or PERSONAL.search(topic)
        or REFERRING_WORDS.search(topic)
        or re.search(r"\btheir\b", topic, re.IGNORECASE)
    ):
        return False  # a statement, or "governance for your growing project": no subject to name
    return not names.is_name(words[0]) or len(words) > 2


def _first_sentence(text: str) -> str:
    found = sentences(text)
    return text[found[0][0] : found[0][1]] if found else text


def _cases(section: Section, names: Names, topic: str) -> list[Concept]:
    """A subheading that names a venture, a person, a project ("Noko Jeans"); two of them invite a
    comparison."""
    cases: list[tuple[str, tuple[str, ...]]] = []
    blocks = section.blocks
    for index, block in enumerate(blocks):
        if not isinstance(block, Heading):
            continue
        name = plain(block.inlines).strip()
        words = name.split()
        if not 0 < len(words) <= 5 or name.endswith("?") or not any(_namelike(w, names) for w in words):
            continue
        capitals = [w for w in words if w[:1].isupper() and core(w).lower() not in CASE_JOINERS]
        if 2 * sum(_namelike(w, names) for w in capitals) < len(capitals):
            continue  # "Carpentries Classroom Practices": a title's capitals on common nouns, not a name
        if re.search(r"[!,:;&]", name) or any(w[:1].islower() and w not in CASE_JOINERS for w in words[1:]):
            continue  # "Encourage a Growth Mindset", "First, Do No Harm!": advice, not a name
        body = " ".join(plain(p.inlines) for b in blocks[index + 1 :] for p in paragraphs(b))
        if name.lower() in GENERIC_TITLES or len(words) == 1 and core(name) not in body:
            continue  # "Background" is no case; "Nosotek" is, as its text names it
        named = words[1:] if core(words[0]).lower() in ("the", "a", "an") else words
        common = " ".join(w if names.is_name(w) else w.lower() for w in named)
        if len(named) > 1 and common != " ".join(named) and common in body:
            continue  # "The Golgi Apparatus": an organelle its text calls "the Golgi apparatus"
        if core(words[0]).lower() in ("the", "a", "an"):
            name = name[:1].lower() + name[1:]
        under, told = [], 0
        for after in blocks[index + 1 :]:
            if isinstance(after, Heading):
                break
            for p in paragraphs(after):
                text = " ".join(plain(p.inlines).split())
                under.append(_first_sentence(text))
                told += sum(not is_question(text[a:b]) for a, b in sentences(text))
        if told < CASE_SENTENCES:
            continue  # "Useful Resource" over a link, "DNA and RNA Digestion" in a sentence: no story to ask of
        cases.append((name, tuple(under[:2])))
    found = [Concept("case", (("case", name), ("topic", topic)), sources) for name, sources in cases]
    if len(cases) >= 2:
        (first, one), (second, two) = cases[0], cases[1]
        found.insert(
            0, Concept("cases", (("first", first), ("second", second), ("topic", topic)), one[:1] + two[:1])
        )
    return found


HEADING_ANSWERS = 2  # paragraphs or items under a heading that asks: fewer give no answers to weigh
CASE_SENTENCES = 2  # sentences under a subheading that make it a case a question can ask about


def _namelike(word: str, names: Names) -> bool:
    """Tell whether a heading's word can name a case: a name, or a word the text never writes in
    lower case ("Noko Jeans")."""
    return names.is_name(word) or core(word)[:1].isupper() and not names.written_lower(word)


def _sources(sentence: str, names: Names, topic: str, practice: bool = True) -> list[Concept]:
    """A named person or institution a claim is reported from ("Jukka-Pekka Heikkilä ... claimed")."""
    match = REPORTED_SOURCE.match(sentence)
    if not match:
        return []
    source = match["source"].strip()
    words = source.split()
    if (
        not 1 <= len(words) <= 12
        or not names.is_name(words[-1])
        and not any(names.is_name(w) for w in words[1:])
    ):
        return []
    if re.match(r"^\S+\s+(?:1[0-9]|20)\d\d\b", sentence):
        return []  # "In 1911, Thomas Hunt Morgan argued ...": history told, a settled result
    if not practice and _PAST_REPORT.search(sentence[: match.end()]):
        return []  # a textbook's "Buffon suggested that ...": the history of an idea, not a claim to check
    if "," in source or any(core(w).lower() in FINITE_VERBS for w in words):
        return []  # "the oldest fossil ... is Palaeoancistrus, found": a clause, not who reports
    if not (names.is_name(words[0]) or core(words[0]).lower() == "the" and len(words) > 1):
        return []
    if core(words[0]).lower() == "the":
        source = "the" + source[3:]
    about = _claim_subject(sentence[match.end() :])
    if not about:
        return []  # "... writes that all projects must ...": a rule quoted, no claim about something to doubt
    return [Concept("source", (("source", source), ("about", about), ("topic", topic)), (sentence,))]


def _claim_subject(claim: str) -> str:
    """Return what a reported claim is about: the subject of its "that" clause, up to its verb
    ("that North Korea relies on ..." -> "North Korea"); "" when there is none to name (a
    pronoun, a subject of over five words, no verb found)."""
    words = claim.split()
    if words[:1] and core(words[0]).lower() == "that":
        words = words[1:]
    for end, word in enumerate(words[:6]):
        verb = core(word)
        subject = words[:end]
        named = all(w[:1].isupper() for w in subject)  # "North Korea relies": "relies" is no plural
        if end and (verb in FINITE_VERBS or named and re.fullmatch(r"[a-z]{3,}(?:s|ed)", verb)):
            if (
                any(not core(w) or w[-1] in ",;:" for w in subject)
                or core(subject[0]).lower() in SUBJECT_PRONOUNS
            ):
                return ""
            return " ".join(subject)
    return ""


# in a text of facts (a textbook), only a sum of money or a share of people is a figure to weigh:
# "about 2 million proteins" in a cell is a fact to learn, not a statistic to doubt
_WEIGHED = re.compile(r"[$€£]|%|per ?cent")
_RATE = re.compile(r"\b(?:per|in every|every|one in|1 in)\s+$")  # before a rate's denominator
_PAST_REPORT = re.compile(
    r"\b(?:claimed|said|argued|believed|estimated|found|suggested|noted|wrote|warned|reported|proposed)\b"
)
_EXHIBIT = re.compile(
    r"\b(?:figure|fig\.|table|section|chapter|listing|box|appendix)\s+\d"
    r"|\bthe (?:first|second|third|fourth|fifth|last|next|previous) (?:assertion|line|step|example|call|test|command)s?\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(?<![\w-])[$€£]?\d[\d,.]*(?:%|s)?(?![\w-])")  # "2000s", not "18F"
SAID_WORDS = (8, 18)  # a claim quoted whole: long enough to say something, short enough to hold in mind
_NOT_SAID = re.compile(r"[:;()\[\]{}\"“”«»|*_`<>=/\\@#~^]|\d|—|–|--|\s-|\.\.|\w\.\w|\bet al\b")
# a list after the verb ("are the heart, blood and blood vessels"): an inventory, not a claim to explain
_LISTING = re.compile(r"\w+, (?:\w+ ){0,2}\w+,? (?:and|or) \w+")
# two claims in one sentence (", and with new teammates comes ..."): no one "that" to ask why of
_TWO_CLAUSES = re.compile(r", (?:and|but|or|so|yet) (?!also\b)\w+ \w+")
# a run-in heading fused onto its sentence ("... of projects As a project grows"): no sentence to quote
_RUN_IN = re.compile(r"[a-z] (?:As|The|This|When|If|In|It|A|An|For|To|While|Since|Because)\b")


def _said(sentence: str, after: tuple[str, ...]) -> list[Concept]:
    """A claim the lecture shows, quoted whole as its author wrote it, to ask why it holds: one
    plain statement of how things are, in the present tense, that generalises or judges, about the
    world rather than the reader, the author or the text ("Collaborative writing with traditional
    word processors is cumbersome.", "Most legacy systems are never replaced in one go."). Not one
    that leans on a sentence before it, gives its own cause, a rule, a definition, an example,
    a figure or a date, nor one holding a quotation, a bracket or markup. The sentences after
    it are what a good answer draws on."""
    words = sentence.split(maxsplit=SAID_WORDS[1])
    if not SAID_WORDS[0] <= len(words) <= SAID_WORDS[1]:
        return []
    lower = [core(w).lower() for w in words]
    if (
        not sentence.endswith(".")
        or not words[0][:1].isupper()
        or _NOT_SAID.search(sentence)
        or _LISTING.search(sentence)
        or _RUN_IN.search(sentence)
        or _TWO_CLAUSES.search(sentence)
        or any(
            w.rstrip(",").lower() in CONNECTIVES and (w.endswith(",") or words[k - 1].endswith(","))
            for k, w in enumerate(words[1:], 1)
        )
    ):
        return []  # ", and with new teammates comes ...": two claims; "does not, however, ...": leans back
    opening = " ".join(lower[:2])
    if (
        lower[0] in SUBJECT_PRONOUNS | OPENING_NOT_SUBJECT | OPENERS | PHRASE_WORDS | PARTICLES | TASK_OPENERS
        or opening in PHRASE_WORDS
        or words[0].endswith(",")
        or lower[0].endswith("ed")
        or EXAMPLE_CUES_OPENING.match(sentence)
        or HYPOTHETICAL.match(sentence)
    ):
        return []  # "This means ...", "However, ...", "Notably, ...", "Fixed ...": it leans on what came before
    if lower[0] not in DETERMINERS and (lower[1] in TASK_NEXT or lower[1].endswith("ly")):
        return []  # "Keep your data ...", "Decide if ...": a task
    if (
        set(lower) & POINTING
        or PERSONAL.search(sentence)
        or {"we", "you", "i", "us", "our", "your"} & set(lower)
        or REFERRING_WORDS.search(sentence)
        or SELF_REFERENCE.search(sentence)
        or _ITSELF.search(sentence)
    ):
        return []  # about the reader, the author, the text, or someone named before
    if (
        PRESCRIBING.search(sentence)
        or CAUSAL.search(sentence)
        or ANSWERED.search(sentence)
        or DEFINITION.match(sentence)
        or DEFINED_TERM.search(sentence)
        or PASSIVE.search(sentence)
        or REPORTED_SOURCE.match(sentence)
    ):
        return []  # a rule, its own reason, what a word means, what a manual or a report describes
    if not set(lower) & PRESENT or set(lower) & PAST or not set(lower) & GENERALISING:
        return []  # a past event is told, a plain fact taught: neither is argued
    if set(lower) & {"will", "shall"}:
        return []  # "An integer will never have a decimal point": what a thing is, by its definition
    return [Concept("said", (("said", sentence),), (sentence, *after))]


def _evidence(sentence: str, names: Names) -> list[Concept]:
    """A claim to weigh: a short statement (the sentence condensed) that gives a figure or a
    cause, never one that opens with a pronoun or was cut."""
    from lecturekit.language.keypoints import paragraph_points
    from lecturekit.model.lesson import Span

    points = paragraph_points((Span(sentence),))
    if len(points) != 1 or points[0].children or points[0].cut or sentence.rstrip().endswith(":"):
        return []
    claim = plain(points[0].inlines)
    words = claim.split()
    if any(mark in claim for mark in ',|—"“”') or PERSONAL.search(claim) or REFERRING_WORDS.search(claim):
        return []  # a claim to weigh is one plain statement, not someone's aside
    if _EXHIBIT.search(claim):
        return []  # "Figure 1 provides an overview of ...", "the third assertion checks ...": what the page shows
    if re.search(r"\b(?:might|may|could|would)\b", claim):
        return []  # "a single pull request might change 15+ files": an illustration, not a claim
    if PRESCRIBING.search(claim):
        return []  # "... should be used": a rule to follow, not a claim with evidence to weigh
    if not 6 <= len(words) <= 14 or core(words[0]).lower() in SUBJECT_PRONOUNS | OPENING_NOT_SUBJECT:
        return []
    second = core(words[1]).lower()
    if core(words[0]).lower() in TASK_OPENERS:
        return []  # "Make changes by appending the number 100 ...": a step of an exercise
    if core(words[0]).lower() not in DETERMINERS and (second in IMPERATIVE_NEXT or second.endswith("ly")):
        return []  # "Describe how information is stored", "Publish publicly all source code": a task, not a claim
    finite = any(core(w).lower() in FINITE_VERBS or core(w).endswith(("ed", "es")) for w in words[1:])
    figure = _NUMBER.search(claim) is not None  # "18F" is a name, not a figure
    if not finite:
        return []  # "a decision to create an API", "activities with fewer than 10 people": no statement
    if not (figure or CAUSAL.search(claim)):
        return []  # a figure or a cause to weigh; a name alone ("React is run by ...") is a fact, no argument
    if not names.is_name(words[0]):
        claim = claim[:1].lower() + claim[1:]
    return [Concept("claim", (("claim", claim),), (sentence,))]


def _terms(sentence: str, names: Names) -> list[Concept]:
    """A term the text defines or names something by: "dubbed North Korea’s Silicon Valley",
    "is called power mapping", "known as “scraping”". Not a plain name ("known as Chernobyl")."""
    found = []
    for match in DEFINED_TERM.finditer(sentence):
        raw = match["term"]
        if re.match(r"\.\w", sentence[match.end("term") :]):
            continue  # "called guacamole.jpg": a file's name, not a term
        quoted = raw[:1] in "“\"‘'"
        words = raw.strip("“”\"‘’'.,;").split()
        if quoted:
            words = raw.split(raw[0] if raw[0] != "“" else "”")[0].strip("“\"‘'").split()[:5]
        elif words and words[0][:1].isupper():
            run = []
            for word in words:  # a capitalised name and what it owns: "North Korea’s Silicon Valley"
                if not word[:1].isupper():
                    break
                run.append(word.rstrip(".,;"))
            if len(run) < 2 or "dubbed" not in sentence[: match.start("term")]:
                continue  # "known as Chernobyl": a name, not a term
            words = run
        while words and core(words[-1]).lower() in EMPTY_WORDS:
            words.pop()
        coined = quoted or "dubbed" in sentence[: match.start("term")]
        if any(mark in word for word in words for mark in '“”"‘') or any(w.endswith("’") for w in words):
            continue  # "“hypo-phosphorylated’ or ‘partially’": quotation marks that do not pair
        if 1 <= len(words) <= 4 and core(words[0]).lower() not in EMPTY_WORDS:
            term = (("term", " ".join(words).rstrip(".,;")), ("coined", coined))
            found.append(Concept("term", term, (sentence,)))
    return found


_DOI = re.compile(r"\bdoi\b", re.IGNORECASE)
_CODELIKE = re.compile(r"[=(){};]|^\s*(?:\$ |>>> |#)", re.MULTILINE)  # an assignment, a call, a prompt
_TEX = re.compile(r"\$[^$\s]*\\[A-Za-z]")  # "$4\mathbf{x}$", "$\theta_i$": TeX between dollars


def _figures(sentence: str) -> list[Concept]:
    """A statistic with what it counts ("over 80% of households", "$34 million", "3.5 billion
    years"), never a year, a count ("1520 samples": a detail) or an identifier."""
    found: list[Concept] = []
    if HYPOTHETICAL.match(sentence):
        return found  # "Imagine that 100 years from now ...": no figure to check
    if _TEX.search(sentence):
        return found  # "should be $4\mathbf{x}$": a formula's number, not a sum of money
    cites = _DOI.search(sentence) is not None  # once a sentence: a page run together is one "sentence"
    for match in FIGURE.finditer(sentence):
        number = match["number"].rstrip(".,")
        unit = (
            match["unit"]
            if match["unit"] and match["unit"].endswith("s") and not number.endswith("%")
            else ""
        )
        first = re.split(r"\s*(?:to|–|-)\s*", number)[0]
        if unit and (
            unit.lower() in EMPTY_WORDS or len(unit) < 4 or unit.endswith(("ous", "ss", "is", "us"))
        ):
            unit = ""  # "3 is", "1.13 as", "22 homologous": no unit, so no figure
        if re.match(r"0\d", first) or cites:
            continue  # "0135-4" of a DOI: an identifier, not a figure
        statistic = number.endswith(("%", "cent", "million", "billion", "thousand")) or number[:1] in "$€£"
        if _YEAR.match(first) or not statistic:
            continue  # a count ("13 proteins", "5 years") is a detail; a share, a sum, a scale is a figure
        if re.match(r"(?:years|months|weeks|days|hours|decades|centuries)\b", unit or ""):
            continue  # "3.5 billion years": a date or a span, not a statistic to weigh
        if number.endswith(("%", "cent")):
            share = SHARE.match(sentence, match.end())
            if not share:
                continue  # "100% online": a share of nothing
            unit = share["whole"]  # "80% of households"
        if match.start() and (sentence[match.start() - 1].isalnum() or sentence[match.start() - 1] in "-/"):
            continue  # part of a word: "H2O", "QD1-999", "COVID-19"
        if sentence[match.end("number") : match.end("number") + 1].isalpha():
            continue  # "$1–2M/year": a figure written short, its scale unread
        if not unit and number[:1] not in "$€£" and number.endswith(("million", "billion", "thousand")):
            continue  # "2.2 million" of what? A scale with nothing counted is no figure to weigh
        if _RATE.search(sentence[max(0, match.start() - 16) : match.start()]):
            continue  # "1 error in every 10–100 million bases": a rate, its figure not this one
        if re.search(r",\s", match["number"]):
            continue  # "COVID-19, thousands of ...": two things, not one figure
        figure = " ".join(
            part
            for part in (
                match["qualifier"],
                number,
                unit and "of " + unit if number.endswith(("%", "cent")) else unit,
            )
            if part
        )
        found.append(Concept("figure", (("figure", figure),), (sentence,)))
    return found[:2]


def _obstacles(section: Section, names: Names, topic: str) -> list[Concept]:
    """The author's own list of obstacles (two to five short items) in a part about them."""
    title = plain(section.title)
    for index, block in enumerate(section.blocks):
        if not isinstance(block, BulletList):
            continue
        previous = section.blocks[index - 1] if index else None
        before = plain(previous.inlines) if isinstance(previous, Paragraph) else ""
        if not OBSTACLE.search(title + " " + before):
            continue
        items = []
        for item in block.items:
            first = next((b for b in item.blocks if isinstance(b, Paragraph)), None)
            if first is not None:
                items.append(" ".join(plain(first.inlines).split()).rstrip("."))
        if 2 <= len(items) <= 5 and all(len(i.split()) <= 10 for i in items):
            options = [i if names.is_name(i.split()[0]) else i[:1].lower() + i[1:] for i in items]
            return [Concept("obstacles", (("options", tuple(options)), ("topic", topic)), tuple(items))]
    return []


def _fits(value: str, most_words: int) -> bool:
    """Tell whether a phrase can fill a slot: short, no citation, link, date or whole sentence in it."""
    words = value.split()
    if not words or len(words) > most_words or NOT_A_SLOT.search(value):
        return False
    return core(words[0]).lower() not in SUBJECT_PRONOUNS and not all(_YEAR.match(core(w)) for w in words)
