"""Key points: the examples in fixtures/keypoints.txt, and the rules every bullet keeps.

The meaning guard: every bullet's words appear, in order, in its source sentence (a referent
brought in from the author's words just before is the one exception), and a negation, modal or
condition of a source clause the bullet keeps is in the bullet too. It runs on the seed and on
every real article of the fixtures.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lecturekit.language.condense.rules import condense
from lecturekit.language.condense.sentence import WHOLE
from lecturekit.language.keypoints import paragraph_points
from lecturekit.language.points import article_points
from lecturekit.language.segment import segment
from lecturekit.model.lesson import Paragraph, Span, plain
from lecturekit.model.reader import read_article
from lecturekit.stats.faithful import faithful, source_units, words_of

from .helpers import FIXTURES, SEED

ARTICLES = [SEED, *sorted((FIXTURES / "articles").glob("*-*.md"))]


def cases():
    text = (FIXTURES / "keypoints.txt").read_text(encoding="utf-8")
    blocks = [b.strip() for b in text.split("\n\n") if b.strip() and not b.startswith("#")]
    return [
        (block.split("\n")[0], [line.removeprefix("=> ") for line in block.split("\n")[1:]])
        for block in blocks
    ]


def shown(points) -> list[str]:
    """Return points as the fixture writes them: a bullet, then its sub-bullets as "  - ..."."""
    lines = []
    for point in points:
        lines.append(plain(point.inlines))
        lines += [f"  - {plain(child)}" for child in point.children]
    return lines


@pytest.mark.parametrize(
    ("paragraph", "expected"), cases(), ids=lambda v: v[:40] if isinstance(v, str) else ""
)
def test_key_point_examples(paragraph, expected):
    assert shown(paragraph_points((Span(paragraph),))) == expected


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_no_bullet_changes_the_meaning_of_its_sentence(article):
    lesson = segment(read_article(article))
    units = source_units(lesson)
    found = article_points(lesson)
    for section in lesson.sections:
        for _, _, points in found.section(section):
            for point in points:
                group = [plain(point.inlines), *(plain(c) for c in point.children)]
                assert faithful(plain(point.inlines), units, group) == "ok", (point.sentence, group)
                for child in point.children:
                    assert faithful(plain(child), units) == "ok", (point.sentence, plain(child))


def test_the_guard_catches_a_dropped_negation_and_a_changed_word():
    units = source_units(read_article(SEED))
    kept = "North Korea is not exactly known for its open approach to innovation"
    assert faithful(kept, units, [kept]) == "ok"
    dropped = "North Korea is exactly known for its open approach to innovation"
    assert faithful(dropped, units, [dropped]) == "dropped"
    changed = "North Korea is famous for its open approach to innovation"
    assert faithful(changed, units, [changed]) == "changed"


def test_the_guard_catches_a_condition_left_out_whole():
    units = [
        words_of(
            "If the code is released to the public, every contract must require that the code is"
            " dedicated to the public domain."
        ),
        words_of("Everyone is drowning in requests; if they ask you a question, they move on."),
        words_of("Although there are ways to set seeds, it can be difficult to have identical data."),
    ]
    main = "Every contract must require that the code is dedicated to the public domain"
    assert faithful(main, units, [main]) == "dropped"
    assert faithful(main, units, ["If the code is released to the public:", main]) == "ok"
    assert faithful("Everyone is drowning in requests", units, ["Everyone is drowning in requests"]) == "ok"
    claim, concession = "It can be difficult to have identical data", "Although there are ways to set seeds"
    assert faithful(claim, units, [claim, concession]) == "ok"


def test_a_referent_is_brought_in_from_the_sentence_before():
    lesson = read_article(SEED)
    points = [p for _, _, found in article_points(lesson).section(lesson.sections[2]) for p in found]
    assert (
        "Nosotek is known for creating computer games such as Pyongyang Racer, a racing video game developed to promote tourism"
        in [plain(p.inlines) for p in points]
    )


def test_a_pronoun_without_a_named_referent_follows_the_bullet_before():
    points = paragraph_points(
        (Span("The state approves every venture in the zone. It also owns most of them."),)
    )
    assert [p.follows for p in points] == [False, True]


def test_figures_and_names_are_never_changed():
    text = (
        "Revenue rose 12.5% in 2019 to $3.2 billion, according to figures from the Aalto School of Business."
    )
    bullet = plain(paragraph_points((Span(text),))[0].inlines)
    assert "12.5%" in bullet and "2019" in bullet and "$3.2 billion" in bullet


def test_a_condition_is_never_left_out():
    text = "If the code is released to the public, every contract must require that the code is dedicated to the public domain worldwide."
    assert "If the code is released to the public" in " ".join(shown(paragraph_points((Span(text),))))


def test_navigation_thanks_and_questions_stay_in_the_notes():
    text = (
        "The rest of this paper is structured as follows. As shown in Table 1, the results hold. "
        "We thank the reviewers for their comments. Why does this matter?"
    )
    assert paragraph_points((Span(text),)) == ()


@pytest.mark.parametrize(
    "text",
    [
        "For more detailed guidance, see the GLAAD Media Reference Guide.",
        "For help finding accurate language, see the Disability Language Style Guide from the NCDJ.",
        "Visit the National Archives for the full record.",
    ],
)
def test_a_pointer_to_another_guide_stays_in_the_notes(text):
    """It names another document; a slide titled by it would be about that document."""
    assert paragraph_points((Span(text),)) == ()


def test_citations_and_references_are_left_out():
    text = "Reproducible research is held to higher standards than other research (Smith et al., 2019) [12]."
    assert shown(paragraph_points((Span(text),))) == [
        "Reproducible research is held to higher standards than other research"
    ]


def test_formatting_and_links_survive_condensing():
    inlines = (
        Span("Despite everything, "),
        Span("Nosotek", bold=True),
        Span(" is the first "),
        Span("joint venture", href="https://example.org"),
        Span(" of its kind in the country, which many observers found remarkable at the time."),
    )
    bullet = paragraph_points(inlines)[0].inlines
    assert Span("Nosotek", bold=True) in bullet
    assert Span("joint venture", href="https://example.org") in bullet
    assert plain(bullet) == "Nosotek is the first joint venture of its kind in the country"


def test_a_5000_word_sentence_is_condensed_into_a_short_bullet_of_its_own_words():
    """A table flattened into text: one "sentence" of 5,000 words. The bench's long-text row
    measures how long it takes; here only what comes out."""
    words = [f"cell{n}," if n % 7 == 6 else f"value{n}" for n in range(5000)]
    found = condense(words)
    assert len(found) == 1 and found[0].cut
    kept = [words[i] for i in found[0].keep]
    assert 1 <= len(kept) <= WHOLE
    assert list(found[0].keep) == sorted(found[0].keep)  # in the sentence's own order


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGH0123456789’-", min_size=1, max_size=12)
PUNCT = st.sampled_from(["", "", "", ",", ".", "?", ";", ":", "—"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORD, PUNCT), min_size=1, max_size=80))
def test_any_paragraph_gives_bullets_made_of_its_own_words_in_order(pieces):
    paragraph = " ".join(word + mark for word, mark in pieces)
    lesson_units = source_units(_lesson(paragraph))
    for point in paragraph_points((Span(paragraph),)):
        for text in [plain(point.inlines), *(plain(c) for c in point.children)]:
            assert text.strip()
            assert faithful(text, lesson_units) == "ok", (paragraph, text)


def _lesson(text: str):
    from pathlib import Path

    from lecturekit.model.lesson import Lesson, Meta, Section

    return Lesson(Meta("t"), (Section((Span("s"),), 1, (Paragraph((Span(text),), 1),)),), Path("a.md"))


@pytest.mark.parametrize(
    ("paragraph", "lead"),
    [
        (  # a bare "They are:" says what only with the sentence before it
            "A mitochondrion has two membranes. Because of this, there are five distinct parts to a "
            "mitochondrion. They are:",
            "Because of this, there are five distinct parts to a mitochondrion:",
        ),
        (
            "We teach often. Here are a few things you should not do in your workshop:",
            "Here are a few things you should not do in your workshop:",
        ),
    ],
)
def test_a_lists_lead_in_says_what_the_list_is_of(paragraph, lead):
    from lecturekit.language.keypoints import lead_point

    assert plain(lead_point((Span(paragraph),))) == lead


def test_an_identifier_that_opens_a_bullet_keeps_its_spelling():
    text = "In fact, merged_left contains the same number of rows as the original survey_sub DataFrame."
    assert shown(paragraph_points((Span(text),)))[0].startswith("merged_left contains")
