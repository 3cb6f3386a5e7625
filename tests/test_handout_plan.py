"""The handout's plan, without reportlab: what goes on paper, in which order, at which size.

Golden fixtures in tests/fixtures/handout/NAME.json hold the planned handouts of real articles.
After a deliberate change: LK_UPDATE_FIXTURES=1 ./scripts/test tests/test_handout_plan.py, then
read the diff (and look at the PDFs) before committing.
"""

from __future__ import annotations

import sys

import pytest

from lecturekit.handouts.blocks import CodeBlock, Panel, Picture, QuestionBlock, TableBlock, Text
from lecturekit.handouts.layout import TABLE_SIZES
from lecturekit.model.lesson import plain
from lecturekit.options import HandoutOptions
from lecturekit.pipeline.build import Options, plan_article
from lecturekit.questions.outcomes import LEAD

from .helpers import FIXTURES, SEED, golden, to_data

GOLDEN = {
    "article": SEED,
    "swc-shell-intro": FIXTURES / "articles" / "swc-shell-intro.md",
    "wilson-organizational-change": FIXTURES / "articles" / "wilson-organizational-change.md",
    "rich": FIXTURES / "rich" / "rich.md",
}


class Planned:
    """An article as the build plans it, with its handout's plan."""

    def __init__(self, path, **options):
        settings = Options(handout=HandoutOptions(**options))
        self.article = plan_article(path, settings)
        self.questions, self.outcomes = self.article.questions, self.article.outcomes
        self.handout = self.article.handout_job(settings, render=False).plan()


planned = Planned


def blocks_of(handout):
    """Every block of the handout, lists and quotes opened, in order."""

    def walk(blocks):
        for block in blocks:
            yield block
            if isinstance(block, Panel):
                yield from (block.label, *block.rows)
            for inner in getattr(block, "items", ()):
                yield from walk(inner)
            yield from walk(getattr(block, "blocks", ()))

    yield from walk(handout.front)
    for part in handout.parts:
        yield part.heading
        yield from walk(part.blocks)


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_planned_handout_matches_its_golden_fixture(name):
    handout = planned(GOLDEN[name]).handout
    actual = {"page": to_data(handout.page), "front": to_data(handout.front), "parts": to_data(handout.parts)}
    assert actual == golden(actual, FIXTURES / "handout" / f"{name}.json")


def test_the_plan_needs_no_reportlab():
    import subprocess

    code = (
        "import sys; from lecturekit.pipeline.build import Options, plan_article; "
        f"plan_article({str(SEED)!r}, Options()).handout_job(Options(), render=False).plan(); "
        "print('reportlab' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_outcomes_open_the_first_page_and_the_parts_follow_in_order():
    article = planned(SEED)
    front = article.handout.front
    panel = next(b for b in front if isinstance(b, Panel))
    assert [plain(r.inlines) for r in panel.rows] == [LEAD, *article.outcomes]
    assert front.index(panel) < max(
        i for i, b in enumerate(front) if isinstance(b, Text) and b.style == "overview"
    )
    headings = [plain(p.heading.inlines) for p in article.handout.parts]
    assert headings[:4] == [
        "1\u00a0\u00a0Introduction",
        "2\u00a0\u00a0What Is Holding Startups Back?",
        "3\u00a0\u00a0North Korea’s Silicon Valley",
        "4\u00a0\u00a0Conclusion",
    ]
    assert headings[4:] == ["Discussion questions", "Source"]


def test_every_question_once_grouped_by_section_numbered_in_order():
    article = planned(SEED)
    asked = [b for b in blocks_of(article.handout) if isinstance(b, QuestionBlock)]
    assert [plain(b.text) for b in asked] == [q.text for q in article.questions.questions]
    assert [b.number for b in asked] == list(range(1, len(asked) + 1))
    assert all(b.lines == 4 for b in asked)
    questions = article.handout.parts[-2]
    groups = [plain(b.inlines) for b in questions.blocks if isinstance(b, Text) and b.heading == 3]
    assert groups == [
        "Introduction",
        "What Is Holding Startups Back?",
        "North Korea’s Silicon Valley",
        "Conclusion",
    ]
    for q in article.questions.deck:  # the discussion slide's questions, each in the handout once
        assert [plain(b.text) for b in asked].count(q.text) == 1


def test_the_instructor_edition_adds_sources_and_what_a_good_answer_mentions():
    article = planned(SEED, instructor=True)
    asked = [b for b in blocks_of(article.handout) if isinstance(b, QuestionBlock)]
    for block, question in zip(asked, article.questions.questions, strict=True):
        notes = [plain(n.inlines) for n in block.notes]
        assert notes[0].startswith(question.bloom.capitalize())
        assert all(f"From the text: “{s}”" in notes for s in question.sources)
        if question.answer:
            assert notes[-1].startswith("A good answer mentions: ")
    assert sum(1 for b in asked if plain(b.notes[-1].inlines).startswith("A good answer")) >= 6
    assert not any(b.notes for b in blocks_of(planned(SEED).handout) if isinstance(b, QuestionBlock))


def test_with_discussion_by_sections_each_part_ends_on_its_best_question(tmp_path):
    article = tmp_path / "sections.md"
    article.write_text(SEED.read_text(encoding="utf-8").replace("---\n", "---\ndiscussion: sections\n", 1))
    plan = planned(article)
    sections = plan.handout.parts[:4]
    for part in sections:
        assert isinstance(part.blocks[-1], QuestionBlock), plain(part.heading.inlines)
        assert plain(part.blocks[-2].inlines) == "Discuss"
    asked = [plain(b.text) for b in blocks_of(plan.handout) if isinstance(b, QuestionBlock)]
    assert sorted(asked) == sorted(q.text for q in plan.questions.questions)  # each once
    job = plan.article.deck_job(render=False)
    assert job.questions == () and len(job.prompts) == 4  # the deck's "Discuss" slides, no closing one


def test_pictures_tables_and_code_are_sized_to_the_column():
    handout = planned(GOLDEN["rich"]).handout
    column = handout.page.column
    found = list(blocks_of(handout))
    pictures = [b for b in found if isinstance(b, Picture)]
    assert pictures and all(0 < p.width <= column + 0.01 and p.height <= 255 for p in pictures)
    tables = [b for b in found if isinstance(b, TableBlock)]
    assert tables and all(b.size in TABLE_SIZES and sum(b.widths) <= column + 0.1 for b in tables)
    code = [b for b in found if isinstance(b, CodeBlock)]
    assert code and any(any(b.continued) for b in code)  # a long line continues, marked
    widest = max(sum(len(t.text) for t in row) for b in code for row in b.rows)
    assert widest * 0.6 * code[0].size <= column  # Fira Mono-like advance: 0.6 em


def test_letter_paper_and_no_reading():
    handout = planned(SEED, paper="letter", reading=False, answer_lines=2).handout
    assert (round(handout.page.width), round(handout.page.height)) == (612, 792)
    labels = [plain(b.inlines) for b in blocks_of(handout) if isinstance(b, Text) and b.style == "label"]
    assert "Reading" not in labels and "Key points" in labels
    assert {b.lines for b in blocks_of(handout) if isinstance(b, QuestionBlock)} == {2}


def test_thanks_and_references_give_no_key_points(tmp_path):
    article = tmp_path / "paper.md"
    article.write_text(
        SEED.read_text(encoding="utf-8")
        + "\n## References\n\nDuda, M. (2021). Teaching Python for Data Science. Journal of Open Source"
        " Education, 4(46), 138.\n\n## Acknowledgements\n\nWe thank the learners of the Ed-DaSH"
        " workshops for their feedback, which shaped every episode.\n",
        encoding="utf-8",
    )
    parts = {plain(p.heading.inlines).split("\u00a0")[-1]: p for p in planned(article).handout.parts}
    for title in ("References", "Acknowledgements"):
        assert not any(isinstance(b, Panel) for b in parts[title].blocks), title
    assert any(isinstance(b, Panel) for b in parts["Introduction"].blocks)
