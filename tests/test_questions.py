"""Discussion questions and learning outcomes: golden fixtures, and the rules all of them keep.

tests/fixtures/questions/questions.txt holds the cases in markdown-it-py's fixture style:

    what the case is
    .
    the article: a path under tests/fixtures, or Markdown written out
    .
    its questions, one a line: origin | Bloom level | section | question; "*" before the ones
    on the discussion slide; then its learning outcomes, "outcome | ..."
    .

Each was reviewed by reading it as a lecturer would. Rewrite them after a deliberate change
with LK_UPDATE_FIXTURES=1 ./scripts/test tests/test_questions.py, then read the diff.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from lecturekit.language.segment import segment
from lecturekit.model.lesson import LessonError, paragraphs, plain
from lecturekit.model.reader import parse_article, read_article
from lecturekit.model.text import sentences
from lecturekit.questions.bloom import classify
from lecturekit.questions.discussion import discussion_questions
from lecturekit.questions.outcomes import learning_outcomes
from lecturekit.questions.template_files import TEMPLATE_DIR

from .helpers import FIXTURES, SEED

FIXTURE_FILE = FIXTURES / "questions" / "questions.txt"
ARTICLES = [SEED, *sorted((FIXTURES / "articles").glob("*.md"))]
ARTICLES = [a for a in ARTICLES if a.name != "SOURCES.md"]


def read_cases(path: Path) -> list[tuple[str, str, str]]:
    """Return the (title, article, expected) cases of a fixture file in markdown-it-py's style."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, index = [], 0
    while index < len(lines):
        if lines[index + 1 : index + 2] == ["."]:
            title, parts, index = lines[index], [], index + 2
            while len(parts) < 2:
                end = lines.index(".", index)
                parts.append("\n".join(lines[index:end]))
                index = end + 1
            cases.append((title, *parts))
        else:
            index += 1
    return cases


def lesson_of(article: str):
    path = FIXTURES / article.strip()
    if "\n" not in article.strip() and path.suffix == ".md":
        return segment(read_article(path if path.exists() else Path(article.strip())))
    return segment(parse_article(article + "\n", SEED))


def shown(lesson) -> str:
    questions = discussion_questions(lesson)
    lines = [
        f"{'* ' if q in questions.deck else ''}{q.origin} | {q.bloom} | {q.section} | {q.text}"
        for q in questions.questions
    ]
    lines += [f"outcome | {o}" for o in learning_outcomes(questions, lesson.meta.outcomes, lesson)]
    return "\n".join(lines)


CASES = read_cases(FIXTURE_FILE)


@pytest.mark.parametrize(("title", "article", "expected"), CASES, ids=[c[0] for c in CASES])
def test_questions_fixture(title, article, expected):
    if os.environ.get("LK_UPDATE_FIXTURES"):
        _rewrite_fixtures()
        expected = next(e for t, _, e in read_cases(FIXTURE_FILE) if t == title)
    assert shown(lesson_of(article)) == expected


@functools.cache
def _rewrite_fixtures() -> None:
    """Write the questions the code gives now into the fixture file (LK_UPDATE_FIXTURES=1)."""
    out = []
    for title, article, _ in CASES:
        out += [title, ".", article, ".", shown(lesson_of(article)), ".", ""]
    FIXTURE_FILE.write_text("\n".join(out), encoding="utf-8")


def test_the_fixtures_cover_five_kinds_of_text():
    articles = [a.strip() for _, a, _ in CASES if a.strip().endswith(".md") and "\n" not in a.strip()]
    assert len(articles) >= 5


@pytest.fixture(scope="module", params=ARTICLES, ids=[a.stem for a in ARTICLES])
def asked(request):
    lesson = segment(read_article(request.param))
    return lesson, discussion_questions(lesson)


def article_sentences(lesson) -> list[str]:
    found = []
    for section in lesson.sections:
        for block in section.blocks:
            for p in paragraphs(block):
                text = " ".join(plain(p.inlines).split())
                found += [text[a:b] for a, b in sentences(text) if len(text[a:b].split()) >= 5]
    return found


def test_questions_are_short_and_ask_one_thing(asked):
    _, questions = asked
    for q in questions.questions:
        assert len(q.text.split()) <= 30, q.text  # in the handout
        unquoted = re.sub(r"“[^”]*”", "", q.text)  # "the answers to “How do I ...?”" asks one thing
        assert unquoted.count("?") == 1 and q.text.endswith("?"), q.text
    for q in questions.deck:
        assert len(q.text.split()) <= 25, q.text  # on a slide


def test_no_question_pastes_in_two_sentences_of_the_article(asked):
    lesson, questions = asked
    found = article_sentences(lesson)
    for q in questions.questions:
        pasted = [s for s in found if s.rstrip(".?!") in q.text]
        quoting = q.origin == "article" or q.kind == "said"  # "The text says: “...” Why might that be?"
        assert len(pasted) <= (1 if quoting else 0), (q.text, pasted)


def test_no_cookie_cutter_stem_and_no_date_citation_or_link_in_a_slot(asked):
    _, questions = asked
    for q in questions.questions:
        assert not re.match(r"what is the main (point|idea) of", q.text, re.I), q.text
        for name, value in q.slots:
            for text in value if isinstance(value, tuple) else (value,):
                text = str(text)
                assert not re.search(r"https?:|www\.|\bet al\b|\(\d{4}\)|\[\d+\]", text), (name, text)
                assert not re.fullmatch(r"(?:\d{1,2} \w+ )?(1[5-9]|20)\d\d", text), (name, text)


def test_the_articles_own_questions_are_genuine(asked):
    """Not quoted speech, not a heading, not one that leans on a referent before it."""
    lesson, questions = asked
    headings = {plain(s.title) for s in lesson.sections}
    for q in questions.questions:
        if q.origin == "article":
            assert q.text[0] not in "\"“‘'" and q.text not in headings, q.text
            assert len(q.text.split()) >= 4, q.text


def test_the_deck_shows_three_to_five_each_once_in_the_handout(asked):
    _, questions = asked
    assert 3 <= len(questions.deck) <= 5 or len(questions.deck) == len(questions.questions)
    for q in questions.deck:
        assert questions.questions.count(q) == 1


def test_one_to_five_outcomes_each_an_observable_verb_and_no_fragment_in_a_slot(asked):
    """Three to five where the parts name topics; fewer where they do not (a text without
    headings, its parts titled by lecturekit's key phrases): fewer rather than bad."""
    lesson, questions = asked
    outcomes = learning_outcomes(questions, (), lesson)
    assert 1 <= len(outcomes) <= 5, outcomes
    made = all(s.made for s in lesson.sections)
    assert len(outcomes) >= 2 or made or len(lesson.sections) < 3, outcomes
    for outcome in outcomes:
        words = outcome.split()
        assert words[0] in (
            "Explain",
            "Compare",
            "Answer",
            "Interpret",
            "Assess",
            "Define",
            "Describe",
            "Apply",
        ), outcome
        assert len(words) <= 18, outcome
        assert not re.search(r"\d|\{|\(ref:|\b(?:the|of|a|an|and|to)$", outcome), (
            outcome
        )  # no figure, markup, dangling word
        assert "the evidence that" not in outcome and "the figure of" not in outcome, outcome


def test_no_stem_is_asked_three_times_and_no_outcome_wording_three_times(asked):
    lesson, questions = asked
    stems = Counter((q.kind, q.bloom) for q in questions.questions if q.origin == "generated")
    assert max(stems.values(), default=0) <= 2, stems
    wordings = Counter(" ".join(o.split()[:4]) for o in learning_outcomes(questions, (), lesson))
    assert max(wordings.values(), default=0) <= 2, wordings


@pytest.mark.parametrize(
    ("claim", "asked_about"),
    [
        (
            "claims that North Korea relies on markets for 80% of household income.",
            "claims about North Korea?",
        ),
        (
            "claims that a “real” start-up fair will be possible only after reforms.",
            "about a “real” start-up fair?",
        ),
        # a textbook's history of an idea (no "you" or "we" in the text): no claim to check
        ("suggested that markets could degenerate into monopolies.", None),
        ("claims that small businesses grow slowly in 2024.", None),  # a plural is no verb: no subject found
        ("claims that it grew by 80% in 2024.", None),  # a pronoun names nothing
    ],
)
def test_a_named_source_is_asked_about_what_it_claims(claim, asked_about):
    """... and not asked about at all when what it claims names nothing: "What would we need to
    know before trusting what X claims here?" asks about nothing a slide shows."""
    lesson = parse_article(f"## Markets\n\nThe Institute for Market Studies {claim}\n", SEED)
    texts = [q.text for q in discussion_questions(lesson).questions if q.kind == "source"]
    if asked_about is None:
        assert texts == [], texts
    else:
        assert texts and texts[0].endswith(asked_about), texts


def test_a_part_about_the_text_itself_and_a_rule_get_no_question():
    lesson = parse_article(
        "## Future Changes of the Policy\n\nThis policy is a living document. The team expects to change "
        "this policy in the future.\n\n## Rules\n\nAll code written by Federal staff must be released "
        "under CC0 by 2024.\n",
        SEED,
    )
    texts = [q.text for q in discussion_questions(lesson).questions]
    assert not [t for t in texts if "future changes" in t.lower() or "CC0" in t], texts


def test_outcomes_in_the_front_matter_replace_them_verbatim():
    lesson = segment(
        parse_article("---\ntitle: T\noutcomes:\n  - Explain why markets grew\n---\n## A\n\nText.\n", SEED)
    )
    assert learning_outcomes(discussion_questions(lesson), lesson.meta.outcomes) == (
        "Explain why markets grew",
    )


def _articles_own(markdown: str) -> list[str]:
    lesson = parse_article(markdown, SEED)
    return [q.text for q in discussion_questions(lesson).questions if q.origin == "article"]


def test_a_rhetorical_or_quoted_question_is_not_the_articles_own():
    assert _articles_own(
        "## Markets\n\nWhy did markets grow so fast after the famine? Because the state could not feed "
        "everyone. The minister asked, “Who will feed the cities now?” Nobody answered him. "
        "Should a state that cannot feed its people still control its markets?\n"
    ) == ["Should a state that cannot feed its people still control its markets?"]


def test_the_seed_gets_six_to_twelve_questions_across_the_levels():
    questions = discussion_questions(segment(read_article(SEED)))
    assert 6 <= len(questions.questions) <= 12
    assert len({q.bloom for q in questions.questions}) >= 4
    # Its own closing questions open the discussion slide, verbatim.
    assert [q.origin for q in questions.deck[:2]] == ["article", "article"]
    assert (
        questions.deck[1].text
        == "Do the two phenomena necessarily need to work together to create a prosperous nation?"
    )


def test_no_two_questions_are_near_duplicates():
    questions = discussion_questions(read_article(SEED)).questions
    for i, a in enumerate(questions):
        for b in questions[i + 1 :]:
            wa, wb = set(re.findall(r"\w+", a.text.lower())), set(re.findall(r"\w+", b.text.lower()))
            assert len(wa & wb) / len(wa | wb) < 0.7, (a.text, b.text)


def test_a_figure_with_its_unit_invites_weighing_the_evidence():
    lesson = parse_article("## Markets\n\nThe survey found that 80% of households rely on markets.\n", SEED)
    texts = [q.text for q in discussion_questions(lesson).questions]
    assert any("80% of households" in t and "trust" in t for t in texts), texts


def test_authored_questions_come_first_verbatim_and_their_section_is_not_content():
    lesson = read_article(FIXTURES / "questions" / "authored.md")
    assert [plain(s.title) for s in lesson.sections] == ["Markets"]
    questions = discussion_questions(lesson).questions
    assert [q.text for q in questions[:3]] == [
        "Who benefits most when markets are liberalised?",
        "Should the state own the largest companies?",
        "What would change if loans were not state given?",
    ]
    assert {q.origin for q in questions[:3]} == {"authored"}


@pytest.mark.parametrize(
    ("question", "level"),
    [
        ("Should the state own the largest companies?", "evaluate"),
        ("Why do governments tolerate them?", "analyse"),
        ("How would you design a better policy?", "create"),
        ("What would happen if loans were private?", "apply"),
        ("What is a joint venture?", "understand"),
    ],
)
def test_bloom_level_of_a_written_question(question, level):
    assert classify(question) == level


PRACTICE = FIXTURES / "articles" / "wilson-organizational-change.md"


def test_a_course_can_use_its_own_templates(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "one.j2").write_text(
        "{#- bloom: create\n    needs: topic -#}\nHow would you teach {{ topic }}?\n"
    )
    lesson = read_article(PRACTICE)  # a text of what people do: its subjects are ones students meet
    questions = discussion_questions(lesson, folder).questions
    generated = [q.text for q in questions if q.origin == "generated"]
    assert generated[0] == "How would you teach organizational change?"
    assert all(q.bloom == "create" for q in questions if q.origin == "generated")


def test_a_broken_template_header_is_an_error_naming_the_file(tmp_path):
    shutil.copytree(TEMPLATE_DIR, tmp_path / "t")
    (tmp_path / "t" / "bad.j2").write_text("How about {{ topic }}?\n")
    with pytest.raises(LessonError) as caught:
        discussion_questions(read_article(SEED), tmp_path / "t")
    assert caught.value.path.name == "bad.j2"


def test_templates_run_sandboxed(tmp_path):
    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / "evil.j2").write_text(
        "{#- bloom: create\n    needs: topic -#}\n{{ ''.__class__.__mro__[1].__subclasses__() }}?\n"
    )
    (folder / "fine.j2").write_text("{#- bloom: understand\n    needs: topic -#}\nWhat about {{ topic }}?\n")
    result = discussion_questions(read_article(PRACTICE), folder)
    assert all("class" not in q.text for q in result.questions)
    assert any("evil.j2" in str(w) for w in result.warnings)


def test_article_text_is_never_run_as_a_template(tmp_path):
    lesson = parse_article(
        "## {{ 7 * 7 }} Part\n\nThe state owns {% if true %}all{% endif %} the firms.\n", SEED
    )
    texts = " ".join(q.text for q in discussion_questions(lesson).questions)
    assert "49" not in texts


def test_a_checklist_or_an_example_question_is_not_the_articles_own():
    assert _articles_own(
        "## Visible\n\nTake notes: how did that group's leaders make decisions? Which journalists were "
        "sympathetic?\n\nIs there a newsletter you can be in? Can you get someone to mention you? Can "
        "you post notices in the lunchroom?\n\nFor example, if your change will eliminate jobs, what can "
        "those people do instead? Should a volunteer group ever hire its own staff to do the work?\n"
    ) == ["Should a volunteer group ever hire its own staff to do the work?"]


@pytest.mark.parametrize("article", sorted((FIXTURES / "articles").glob("*-*.md")), ids=lambda p: p.stem)
def test_a_good_answer_mentions_the_claims_as_the_slides_word_them(article):
    """The instructor's "a good answer mentions" takes each claim from the same points the deck and
    the handout show: with the article's names ("Nelle Nemo has been sampling", not "She has been
    sampling"), never a wording of its own."""
    from lecturekit.language.points import article_points

    lesson = segment(read_article(article))
    points = article_points(lesson)
    shown = set()
    for paragraph_points in points.by_paragraph.values():
        for point in paragraph_points:
            text = plain(point.inlines)
            if point.children:
                text = text.rstrip(":") + ": " + "; ".join(plain(c) for c in point.children)
            shown.add(text)
    questions = discussion_questions(lesson, None, points).questions
    answers = [line for q in questions for line in q.answer]
    assert answers or not questions  # a text with questions has answers to them
    assert all(line in shown for line in answers), [a for a in answers if a not in shown]


READ = FIXTURES / "questions" / "outcomes-read.txt"
READ_QUESTIONS = FIXTURES / "questions" / "questions-read.txt"


def _read_marks(path: Path) -> dict[tuple[str, str], str]:
    """Return {(article, item): mark} from a lecturer's reading of the fixtures' outcomes or questions."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            article, mark, item = (part.strip() for part in line.split("  #")[0].split(" | "))
            assert mark in ("use", "adapt", "drop"), line
            found[(article, item)] = mark
    return found


def _marked(path: Path, article: Path, items) -> list[str]:
    """Return the marks of what `article` gives, failing on one marked "drop" or not read."""
    marks = _read_marks(path)
    given = []
    for item in items:
        given.append(marks.get((article.name, item), "unread"))
        assert given[-1] != "drop", (article.name, item)
        assert given[-1] != "unread", f"read it and mark it in {path.name}: {article.name} | {item}"
    return given


def test_outcomes_are_ones_a_lecturer_read_and_would_use():
    """Every outcome the fixtures give was read and marked; none marked "drop" comes back; at
    least 70% are used as they are."""
    given = []
    for article in ARTICLES:
        lesson = segment(read_article(article))
        outcomes = learning_outcomes(discussion_questions(lesson), lesson.meta.outcomes, lesson)
        given += _marked(READ, article, outcomes)
    assert given.count("use") >= 0.7 * len(given), given


def test_questions_are_ones_a_lecturer_read_and_would_use():
    """Every question the fixtures' builds ask was read and marked; none marked "drop" comes
    back; at least 60% are used as they are; none gives more than MOST, and the deck at most
    FOR_DECK."""
    from lecturekit.options import Options
    from lecturekit.pipeline.build import plan_article
    from lecturekit.questions.discussion import FOR_DECK, MOST

    given = []
    for article in ARTICLES:
        questions = plan_article(
            article, Options()
        ).questions  # as the build asks them: from the chosen claims
        assert len(questions.questions) <= MOST and len(questions.deck) <= FOR_DECK
        given += _marked(READ_QUESTIONS, article, questions.texts)
    assert given.count("use") >= 0.6 * len(given), given


@pytest.mark.parametrize(
    ("text", "objectives", "phrase"),
    [
        (  # a section's "By the end of this section, you will be able to:" and its list
            "---\ntitle: Cell membranes\n---\n## The plasma membrane\n\n"
            "By the end of this section, you will be able to:\n\n"
            "- Describe the fluid mosaic model of the plasma membrane\n"
            "- Explain the roles of phospholipids and proteins in membranes\n\n"
            "The plasma membrane is a thin layer of lipids and proteins that separates the cell from its "
            "surroundings. Phospholipids form a bilayer, with their hydrophobic tails facing inward.\n",
            (
                "Describe the fluid mosaic model of the plasma membrane",
                "Explain the roles of phospholipids and proteins in membranes",
            ),
            "fluid mosaic model",
        ),
        (  # a list of tasks that opens the text, then the questions it answers (a lesson's
            # objectives and questions boxes, copied as text)
            "---\ntitle: Memory\n---\n"
            "- Remember the quantitative limit of human memory.\n"
            "- Distinguish desirable from undesirable cognitive load.\n\n"
            "- Why does working memory limit what a lesson can cover?\n\n"
            "## Working memory\n\nWorking memory holds a handful of items at once. Teachers chunk "
            "material so that learners can hold more of it.\n",
            (
                "Remember the quantitative limit of human memory",
                "Distinguish desirable from undesirable cognitive load",
            ),
            "quantitative limit",
        ),
    ],
)
def test_the_texts_own_learning_objectives_are_the_outcomes_and_leave_the_slides(
    tmp_path, text, objectives, phrase
):
    from pptx import Presentation

    from lecturekit.options import Options
    from lecturekit.pipeline.build import build_article

    article = tmp_path / "objectives.md"
    article.write_text(text, encoding="utf-8")
    lesson = segment(read_article(article))
    assert learning_outcomes(discussion_questions(lesson), (), lesson) == objectives
    deck = Presentation(str(build_article(article, Options(out=tmp_path)).outputs[0]))
    where = [
        slide.shapes.title.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame and phrase in shape.text_frame.text
    ]
    assert where == ["Learning outcomes"]  # on the outcomes slide, not on a content slide


def test_a_textbook_gets_no_question_of_where_students_met_its_subject_or_which_claim_they_doubt():
    """A text that never speaks to or of people ("you", "we") states facts: "Where have you come
    across nitrogenous waste in your own work?" reads wrong, and so does doubting a textbook."""
    text = (
        "---\ntitle: Nitrogenous wastes\n---\n## Nitrogenous wastes\n\n"
        + "Nitrogenous wastes are toxic and must be removed from the body. However, ammonia is "
        "the most toxic of them, and the problem grows with the size of the animal. "
        * 3
        + "\n\n## Kidneys\n\nKidneys filter the blood. The risk of damage is important because "
        "each kidney holds about a million nephrons, an essential filter.\n"
    )
    lesson = segment(parse_article(text, Path("excretion.md")))
    kinds = {q.kind for q in discussion_questions(lesson).questions}
    assert not kinds & {"topic", "argued"}, kinds
    practised = parse_article(text.replace("Kidneys filter", "You can see how kidneys filter"), Path("e.md"))
    assert "topic" in {q.kind for q in discussion_questions(segment(practised)).questions}


@pytest.mark.parametrize(
    "text",
    [
        # questions a text lists for its readers to ask others: a checklist, not discussion
        "## Interviews\n\nAsk users:\n\n- What is the context of their work?\n- What are their needs?\n"
        "- What would they change about the service?\n",
        # a scenario's question: "the learner" is the one the scenario introduced
        "## Errors\n\nA learner at your workshop shows you an attempt with a fundamental error in it. "
        "What would you say to the learner about this?\n",
        # a checklist whose items open with a question and go on
        "## Partners\n\nIt is helpful to ask:\n\n- What are our partner's normal working hours? We ask early.\n"
        "- What is the best way for everyone to talk? We prefer video.\n- Which activities should be in person?\n",
        # a callout's line, not a question put to the reader
        "## Code of conduct\n\nLooking for language to introduce the Code of Conduct during your workshop?\n",
        # an example's words inside a list item
        "## Praise\n\nWhich praise is best?\n\n1. Wow, you did that perfectly without any help. Have you "
        "thought about taking more computing classes?\n",
        "## Beauty\n\nWho can analyze the nameless charm which glances from one face to another? We are "
        "touched with emotions of tenderness, but we cannot find whereat this dainty emotion points.\n",
        "## Armies\n\nStanding armies grow in a state at war.\n\nWhat would the same causes produce among "
        "the states of a divided continent?\n",
        "## Commits\n\nGitHub shows every commit in its web page.\n\nHow would you get that same information "
        "in the shell of your own computer?\n",
    ],
)
def test_the_articles_own_questions_leave_out_checklists_scenarios_and_examples(text):
    lesson = parse_article("---\ntitle: T\n---\n" + text, Path("t.md"))
    own = [q.text for q in discussion_questions(lesson).questions if q.origin == "article"]
    assert own == [], own


def _outcomes_of(text: str) -> tuple[str, ...]:
    lesson = parse_article(text, Path("lecture.md"))
    return learning_outcomes(discussion_questions(lesson), (), lesson)


@pytest.mark.parametrize(
    ("heading", "subheadings", "outcome"),
    [
        (
            "Outcomes of evolution",
            ("Adaptation", "Coevolution"),
            "Explain outcomes of evolution: adaptation and coevolution",
        ),
        (
            "Neurons and glial cells",
            ("Neurons", "Glia"),
            "Explain neurons and glial cells",
        ),  # says its heading twice
        (
            "Outcomes of evolution",
            ("Building the tree locally", "Coevolution"),
            "Explain outcomes of evolution",
        ),  # a step
    ],
)
def test_an_outcome_names_the_scope_its_parts_subheadings_give(heading, subheadings, outcome):
    subs = "".join(
        f"### {s}\n\nSome species show {s.lower()} in the wild over many generations.\n\n"
        for s in subheadings
    )
    text = (
        "---\ntitle: Evolution\n---\n## Introduction\n\nLife changes over time in many ways.\n\n"
        f"## {heading}\n\nEvolution has several outcomes in nature.\n\n{subs}"
    )
    outcomes = _outcomes_of(text)
    assert outcome in outcomes, outcomes


@pytest.mark.parametrize(
    ("heading", "body", "outcome"),
    [
        (
            "Functional groups",
            "A functional group is a molecular module. Alcohols, for example, all have the subunit C-O-H.",
            "Define functional groups",
        ),  # the part defines its topic
        (
            "Gender and sexuality",
            "Use gender-neutral language. Avoid gendered terms such as guys. If a pronoun is needed, "
            "use they. Do not assume a person's gender.",
            "Apply the text's advice on gender and sexuality",
        ),  # the part tells the reader what to do
        (
            "The blood flow",
            "1. Blood enters the right atrium.\n2. It passes to the right ventricle.\n"
            "3. It is pumped to the lungs.\n",
            "Describe the blood flow",
        ),  # the part walks through steps
        (
            "Molecular basis for inheritance",
            "Genes are made of DNA. The molecular basis for inheritance lies in how DNA pairs its bases.",
            "Explain the molecular basis for inheritance",
        ),  # "the", as the text writes it
        (
            "How to find a data repository?",
            "Many repositories take data of any kind. Some take only one discipline's data.",
            "Explain how to find a data repository",
        ),  # a task, not a question to answer
    ],
)
def test_an_outcomes_verb_says_what_its_part_does(heading, body, outcome):
    text = (
        "---\ntitle: Lecture\n---\n## Introduction\n\nThis lecture covers several things in turn.\n\n"
        f"## {heading}\n\n{body}\n"
    )
    outcomes = _outcomes_of(text)
    assert outcome in outcomes, outcomes


def test_a_step_gives_no_why_it_matters_when_its_part_gives_no_reason():
    text = (
        "---\ntitle: Lecture\n---\n## Making code citable\n\nA commit identifies a version of the code. "
        "Archives assign a DOI to a release.\n"
    )
    outcomes = _outcomes_of(text)
    assert not any("matters" in o for o in outcomes), outcomes


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "## Binary files\n\nTheirs is a picture of a guacamole with nachos, but it is also called "
            "guacamole.jpg. Git cannot show the two pictures side by side. You pick one of them.\n\n"
            "Git stores every version of a picture you commit. Which one you keep is up to you.\n",
            "guacamole",
        ),  # a file's name is no term
        (
            "## Rb isoforms\n\nMono-phosphorylated Rb, also referred to as “hypo-phosphorylated’ or "
            "‘partially’ phosphorylated Rb, appears in early G1. It binds E2F.\n\n"
            "Each isoform has its own partners. They differ in what they switch on.\n",
            "hypo",
        ),  # quotation marks that do not pair
        (
            "## A typical work session\n\nYou sit down at your computer to work on a shared project. "
            "You pull the latest changes first. You then edit, commit and push your work.\n\n"
            "Pulling first means you work on the latest version. It makes conflicts less likely for you.\n",
            "typical work session",
        ),  # an occasion, not a subject met elsewhere
    ],
)
def test_no_question_or_outcome_is_built_on_a_file_name_a_broken_quotation_or_an_occasion(text, absent):
    lesson = parse_article("---\ntitle: Lecture\n---\n" + text, Path("q.md"))
    questions = discussion_questions(lesson)
    said = [q.text for q in questions.questions] + list(learning_outcomes(questions, (), lesson))
    assert not any(absent in s.lower() for s in said), said


def test_a_part_of_two_sentences_in_a_long_text_gets_no_outcome_of_its_own():
    body = " ".join(
        f"Endpoints of kind {n} take a verb and a path, and return data as JSON." for n in range(12)
    )
    text = (
        f"---\ntitle: APIs\n---\n## API endpoints\n\n{body}\n\n## Error handling\n\n{body}\n\n"
        "## Notifications of updates\n\nHave a simple way to tell users of changes. A mailing list will do.\n"
    )
    outcomes = _outcomes_of(text)
    assert "Explain API endpoints" in outcomes and not any("notifications" in o for o in outcomes), outcomes


def test_a_carpentries_episodes_objectives_with_join_become_its_outcomes_and_its_labels_no_topic():
    text = (
        "---\ntitle: Merging data\n---\n- Combine two DataFrames using a unique ID.\n"
        "- Join DataFrames using common fields (join keys).\n\n- How can I combine data sets?\n\n"
        "## Joining DataFrames\n\nCombining DataFrames on a common field is called joining. The column "
        "is called species_id in both. Joins come in several kinds.\n\nAn inner join keeps matching rows. "
        "A left join keeps every row of the left one.\n\n## Final Challenges\n\nPlot the taxa by plot. "
        "Then plot the taxa by sex.\n\nCompare the two plots. Explain the differences you see.\n"
    )
    lesson = parse_article(text, Path("m.md"))
    questions = discussion_questions(lesson)
    outcomes = learning_outcomes(questions, (), lesson)
    assert outcomes == (
        "Combine two DataFrames using a unique ID",
        "Join DataFrames using common fields (join keys)",
    )
    asked = " ".join(q.text for q in questions.questions)
    assert "species_id”" not in asked and "final challenges" not in asked.lower(), asked


def test_an_acronym_in_a_heading_keeps_its_capitals_in_an_outcome():
    body = " ".join(
        f"Character model {n} predicts the next character from the ones before it." for n in range(8)
    )
    outcomes = _outcomes_of(
        f"---\ntitle: RNNs\n---\n## RNN-Based Character-Level Language Models\n\n{body}\n"
    )
    assert "Explain RNN-based character-level language models" in outcomes, outcomes


def test_where_have_you_come_across_asks_only_of_the_lectures_own_subject():
    """The lecture's subject, as its title names it, is met outside the text; a part's side box
    ("Password managers") is not."""
    part = " ".join(
        f"We use SSH keys for the {n}th push of the day to our shared repository." for n in range(6)
    )
    text = (
        "---\ntitle: Remote repositories\n---\n## Remote repositories\n\nWe keep remote repositories on "
        f"GitHub so that we can share our work. We push to them and pull from them.\n\n{part}\n\n"
        "## Password managers\n\nWe store our passwords in a password manager. We unlock it once a day. "
        "A password manager fills in each password for us.\n"
    )
    lesson = parse_article(text, Path("r.md"))
    asked = [q.text for q in discussion_questions(lesson).questions if "come across" in q.text]
    assert asked and all("remote repositories" in q for q in asked), asked


def test_objectives_opening_with_a_verb_and_a_comma_are_stated_objectives():
    text = (
        "---\ntitle: Data types\n---\n- Describe how information is stored in a DataFrame.\n"
        "- Define, manipulate, and interconvert integers and floats.\n- Redirect a command's output to a file.\n\n"
        "## Types\n\nPandas stores text as objects and numbers as integers or floats.\n"
    )
    assert _outcomes_of(text) == (
        "Describe how information is stored in a DataFrame",
        "Define, manipulate, and interconvert integers and floats",
        "Redirect a command's output to a file",
    )


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "## Gradients\n\nThe gradient of the function with respect to $\\mathbf{x}$ should be $4\\mathbf{x}$. "
            "We check that the gradient was computed correctly. It was.\n\nThe gradient tells us how fast it grows. "
            "Most training loops compute it 100 times a second.\n",
            "$4",
        ),  # a formula's number is no sum of money
        (
            "## Pipes\n\nPipes join commands. Filters read input and write output.\n\n"
            "Which command listed below would work on the files you sorted?\n",
            "listed below",
        ),  # points at what the slide does not show
        (
            "## Technical approach\n\nBids show how the team would work. Look for each of these signs.\n\n"
            '    <th class="what">What to look for</th>\n    <td>Competency</td>\n',
            "code",
        ),  # a page's markup, indented: no code to explain
        (
            "## Which Pipe?\n\nThe file holds animal counts by date. You want the three largest.\n\n"
            "Sort them by number first. Then take the first three lines of what comes out.\n",
            "Which Pipe",
        ),  # a two-word exercise label, not a question to answer
        (
            "## Why Isn't It Doing Anything?\n\nSince it doesn't have any filenames, `wc` assumes it is supposed "
            "to process input given at the command prompt, so it just sits there and waits for us to give it some "
            "data interactively.\n\nIf you make this kind of mistake, you can escape out of this state by holding "
            "down the control key and pressing the letter C once.\n",
            "doing anything",
        ),  # "it": a question about what came before, one answer
        (
            "## What Does sort -n Do?\n\nThe sort command orders lines as text by default. "
            "Ten then comes before two.\n\nThe option orders them as numbers. Two then comes before ten.\n",
            "sort -n",
        ),  # a command's option: an exercise, not a question to weigh answers to
    ],
)
def test_no_question_of_a_formulas_number_what_is_listed_below_markup_or_a_label(text, absent):
    lesson = parse_article("---\ntitle: Lecture\n---\n" + text, Path("q.md"))
    asked = [q.text for q in discussion_questions(lesson).questions]
    assert not any(absent in q for q in asked), asked


def test_a_heading_that_tells_the_reader_to_evaluate_is_no_topic_to_explain():
    body = " ".join(
        f"Read bid number {n} against the criteria you set before the call went out." for n in range(8)
    )
    outcomes = _outcomes_of(f"---\ntitle: Bids\n---\n## Evaluate bids\n\n{body}\n")
    assert not any("evaluate bids" in o.lower() for o in outcomes), outcomes


def test_a_label_heading_is_no_question_to_answer_and_a_quoted_question_is_no_discussion_question():
    body = " ".join(
        f"Design research number {n} explores possibilities with people to inform decisions."
        for n in range(8)
    )
    assert not any(
        "What it is" in o for o in _outcomes_of(f"---\ntitle: Research\n---\n## What it is\n\n{body}\n")
    )
    text = (
        "---\ntitle: Screens\n---\n## Questions\n\nAsk one of these.\n\n"
        '> - "Tell me about a practice you helped introduce to a team. What was the outcome, and what did you learn?"\n'
    )
    asked = [q.text for q in discussion_questions(parse_article(text, Path("s.md"))).questions]
    assert not any("outcome" in q for q in asked), asked


def test_a_heading_for_the_rest_is_no_topic_to_explain():
    body = " ".join(f"A back-end candidate answers question {n} about queues and stores." for n in range(8))
    outcomes = _outcomes_of(f"---\ntitle: Screens\n---\n## Other job role interview questions\n\n{body}\n")
    assert not any("other" in o.lower() for o in outcomes), outcomes
