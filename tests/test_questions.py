"""Discussion questions: fixture articles with their expected questions, and the rules all keep.

Each tests/fixtures/questions/NAME.md has its questions in NAME.txt, one a line:
origin | Bloom level | section | question. Rewrite them after a deliberate change with
LK_UPDATE_FIXTURES=1 ./scripts/test tests/test_questions.py, then read the diff.
"""

from __future__ import annotations

import os
import re
import shutil

import pytest

from lecturekit.lesson import LessonError, plain
from lecturekit.questions import BLOOM_LEVELS, TEMPLATE_DIR, classify, discussion_questions
from lecturekit.reader import parse_article, read_article

from .helpers import FIXTURES, SEED

CASES = [SEED, *sorted((FIXTURES / "questions").glob("*.md"))]
STOP_WORDS = {"the", "a", "an", "of", "in", "to", "and", "north", "is", "it", "this"}


def lines_of(path):
    questions = discussion_questions(read_article(path))
    return [f"{q.origin} | {q.bloom} | {q.section} | {q.text}" for q in questions.questions]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_questions_fixture(case):
    expected_file = FIXTURES / "questions" / f"{case.stem}.txt"
    actual = lines_of(case)
    if os.environ.get("LK_UPDATE_FIXTURES"):
        expected_file.write_text("\n".join(actual) + "\n", encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_every_question_keeps_the_rules(case):
    lesson = read_article(case)
    questions = discussion_questions(lesson).questions
    texts = [q.text for q in questions]
    assert len(set(texts)) == len(texts)
    for q in questions:
        assert q.text.endswith("?"), q.text
        assert q.text[0].isupper(), q.text
        assert "…" not in q.text and "  " not in q.text, q.text
        assert q.bloom in BLOOM_LEVELS
        assert q.sources and all(s.strip() for s in q.sources)
        # Never built around a fragment or a stop word: "What is North?"
        short = re.fullmatch(r"What is (\w+)\?", q.text)
        assert not short or short.group(1).lower() not in STOP_WORDS
    generated_sections = {q.section for q in questions if q.origin == "generated"}
    assert generated_sections == {plain(s.title) for s in lesson.sections}, "every section gets a question"


def test_the_seed_gets_six_to_twelve_questions_over_all_five_levels():
    questions = discussion_questions(read_article(SEED)).questions
    assert 6 <= len(questions) <= 12
    assert {q.bloom for q in questions} == set(BLOOM_LEVELS)
    # Its own closing questions come first, verbatim.
    assert [q.origin for q in questions[:2]] == ["article", "article"]
    assert (
        questions[1].text
        == "Do the two phenomena necessarily need to work together to create a prosperous nation?"
    )


def test_no_two_questions_are_near_duplicates():
    questions = discussion_questions(read_article(SEED)).questions
    for i, a in enumerate(questions):
        for b in questions[i + 1 :]:
            wa, wb = set(re.findall(r"\w+", a.text.lower())), set(re.findall(r"\w+", b.text.lower()))
            assert len(wa & wb) / len(wa | wb) < 0.7, (a.text, b.text)


def test_a_claim_with_a_figure_invites_weighing_the_evidence():
    lesson = parse_article("## Markets\n\nThe survey found that 80% of households rely on markets.\n", SEED)
    texts = [q.text for q in discussion_questions(lesson).questions]
    assert any("80% of households rely on markets" in t and "evidence" in t for t in texts), texts


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


def test_a_course_can_use_its_own_templates(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "one.j2").write_text(
        "{#- bloom: create\n    needs: topic -#}\nHow would you teach {{ topic }}?\n"
    )
    lesson = read_article(SEED)
    questions = discussion_questions(lesson, folder).questions
    generated = [q.text for q in questions if q.origin == "generated"]
    assert generated[0] == "How would you teach what it’s like having a startup in North Korea?"
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
    result = discussion_questions(read_article(SEED), folder)
    assert all("class" not in q.text for q in result.questions)
    assert any("evil.j2" in str(w) for w in result.warnings)


def test_article_text_is_never_run_as_a_template(tmp_path):
    lesson = parse_article(
        "## {{ 7 * 7 }} Part\n\nThe state owns {% if true %}all{% endif %} the firms.\n", SEED
    )
    texts = " ".join(q.text for q in discussion_questions(lesson).questions)
    assert "49" not in texts
