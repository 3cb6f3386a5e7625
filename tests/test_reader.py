"""The reader on fixture files: each tests/fixtures/reader/NAME.md has its model in NAME.json.

After a deliberate change to the model, rewrite the expectations with
LK_UPDATE_FIXTURES=1 ./scripts/test tests/test_reader.py, then read the diff before committing.
"""

from __future__ import annotations

import pytest

from lecturekit.model.lesson import LessonError, Paragraph, plain
from lecturekit.model.reader import parse_article, read_article

from .helpers import FIXTURES, SEED, golden, to_data

CASES = sorted((FIXTURES / "reader").glob("*.md"))


def snapshot(path):
    lesson = read_article(path)
    return {
        "lesson": to_data(lesson),
        "warnings": [f"{w.line}: {w.message}" for w in lesson.warnings],
    }


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_reader_fixture(case):
    expected_file = case.with_suffix(".json")
    actual = snapshot(case)
    assert actual == golden(actual, expected_file)


def test_seed_sections_and_levels():
    lesson = read_article(SEED)
    titles = [plain(s.title) for s in lesson.sections]
    assert titles == [
        "Introduction",
        "What Is Holding Startups Back?",
        "North Korea’s Silicon Valley",
        "Conclusion",
    ]
    valley = lesson.sections[2]
    assert [plain(b.inlines) for b in valley.blocks if not isinstance(b, Paragraph)] == [
        "Noko Jeans",
        "Nosotek",
    ]
    assert lesson.meta.lang == "en-GB"
    assert lesson.meta.title == "What It’s Like Having A Startup In North Korea"


def test_seed_text_keeps_its_typography():
    """The seed's text is kept as written: curly quotes, accents and all ten paragraphs."""
    lesson = read_article(SEED)
    text = "\n".join(plain(b.inlines) for s in lesson.sections for b in s.blocks if isinstance(b, Paragraph))
    assert sum(isinstance(b, Paragraph) for s in lesson.sections for b in s.blocks) == 10
    for fragment in (
        "a “real” start-up fair",
        "Jukka-Pekka Heikkilä",
        "The nations ‘hybrid’",
        "early 2000’s",
    ):
        assert fragment in text
    assert "Let us know in the comments" not in text


def test_line_numbers_point_at_the_source(tmp_path):
    text = "---\ntitle: T\n---\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n"
    lesson = parse_article(text, tmp_path / "a.md")
    assert [s.line for s in lesson.sections] == [5, 9]
    assert [s.blocks[0].line for s in lesson.sections] == [7, 11]


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("title: [1, 2]", 2, "'title' must be text, not a list"),
        ("title: ok\ndate: tomorrow", 3, "'date' must be a date written YYYY-MM-DD"),
        ("questions: {a: 1}", 2, "'questions' must be a list of text items"),
        ("lang: en_GB!", 2, "'lang' must be a language tag"),
        ("paper: a3", 2, "'paper' must be a4 or letter"),
        ("answer_lines: many", 2, "'answer_lines' must be a whole number"),
        ("title: a\n  b: c", 3, "front matter is not valid YAML"),
    ],
)
def test_front_matter_errors_name_the_key_and_line(tmp_path, front, line, message):
    with pytest.raises(LessonError) as caught:
        parse_article(f"---\n{front}\n---\n\n## Body\n\nText.\n", tmp_path / "bad.md")
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{tmp_path / 'bad.md'}:{line}: error: ")


def test_yaml_1_1_booleans_stay_text(tmp_path):
    lesson = parse_article("---\ntitle: yes\nlang: no\n---\nText.\n", tmp_path / "a.md")
    assert lesson.meta.title == "yes"
    assert lesson.meta.lang == "no"


def test_unknown_front_matter_key_is_a_warning(tmp_path):
    lesson = parse_article("---\ntitle: T\ncolour: red\n---\nText.\n", tmp_path / "a.md")
    assert [(w.line, "colour" in w.message) for w in lesson.warnings] == [(3, True)]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("---\ntitle: From front matter\n---\n# Heading\n\n## A\n\nx\n", "From front matter"),
        ("# From the heading\n\n## A\n\nx\n\n## B\n\ny\n", "From the heading"),
        ("Just text.\n", "My lecture"),
    ],
)
def test_title_falls_back_to_heading_then_file_name(tmp_path, text, title):
    assert parse_article(text, tmp_path / "my_lecture.md").meta.title == title


QUARTO = """---
title: Daten
---

::: {.callout-note title="Zusammenfassung"}

Die Beschreibung von **Ressourcen** ist zentral.

:::

## Einleitung {.unnumbered}

Text {hier} bleibt, wie er steht.

## RFID {#rfid}

:::: columns
::: column
Spalte A.
:::
::::

## Ablauf {-}

Mehr Text.

## Preise {$5}

Ende.

::: {.content-visible when-format="html"}
Nur im Web.
:::

::: {.content-visible when-format="pdf"}
Nur im PDF.
:::

::: {.content-hidden when-format="html"}
Nicht im Web.
:::
"""


def test_quarto_fenced_divs_and_heading_attributes_are_read_through(tmp_path):
    """A fenced div's blocks are the lecture's, its fences on no slide; a heading's attributes
    ({#id}, {.class}, {-}) are taken off its title; text in braces that is no attribute block
    stays as written."""
    article = tmp_path / "quarto.md"
    article.write_text(QUARTO, encoding="utf-8")
    lesson = read_article(article)
    titles = [plain(s.title) for s in lesson.sections]
    assert titles == ["Introduction", "Einleitung", "RFID", "Ablauf", "Preise {$5}"]
    texts = [plain(b.inlines) for s in lesson.sections for b in s.blocks if isinstance(b, Paragraph)]
    assert texts[:2] == ["Die Beschreibung von Ressourcen ist zentral.", "Text {hier} bleibt, wie er steht."]
    assert "Spalte A." in texts
    assert not any(":::" in t or "{#" in t for t in texts + titles)
    # Quarto's content for one format: lecturekit reads the web version
    assert "Nur im Web." in texts and "Nur im PDF." not in texts and "Nicht im Web." not in texts


def test_a_pictures_attributes_in_pandocs_looser_form_are_no_text(tmp_path):
    """`{#fig-a width=90%}`: a bare value with "%", which pandoc reads and mdit-py-plugins' parser
    does not, is taken off the text after the picture."""
    from lecturekit.model.lesson import Image

    (tmp_path / "a.png").write_bytes((FIXTURES / "rich" / "chart.png").read_bytes())
    article = tmp_path / "p.md"
    article.write_text(
        "---\ntitle: T\n---\n\n## Eins\n\n![Ein Bild](a.png){#fig-a width=90%}\n", encoding="utf-8"
    )
    blocks = read_article(article).sections[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Image"] and isinstance(blocks[0], Image)
