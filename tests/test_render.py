"""The deck as PowerPoint shows it, rendered by LibreOffice: no character outside its shape.

Runs wherever LibreOffice is installed, and always in CI (CI=true), where its absence fails.
"""

from __future__ import annotations

import pdfplumber
import pytest
from pptx import Presentation

from .helpers import FIXTURES, render_as_powerpoint

TOLERANCE = 1.5  # points: anti-aliasing and glyph side bearings


def text_boxes(slide):
    """Return (x0, y0, x1, y1, text, cell) in points of every shape with text, and of every table
    cell where the table says it is: a row that grew past its measured height moves the rows
    below it out of their cells, which the overflow check then reports."""
    boxes = []
    for shape in slide.shapes:
        if shape.has_table:
            top = shape.top
            for row in shape.table.rows:
                left = shape.left
                for column, cell in zip(shape.table.columns, row.cells, strict=True):
                    box = (left, top, left + column.width, top + row.height)
                    boxes.append((*(v / 12700 for v in box), cell.text, True))
                    left += column.width
                top += row.height
        if shape.has_text_frame and shape.text_frame.text.strip():
            boxes.append(
                (
                    shape.left / 12700,
                    shape.top / 12700,
                    (shape.left + shape.width) / 12700,
                    (shape.top + shape.height) / 12700,
                    shape.text_frame.text,
                    False,
                )
            )
    return boxes


def overflowing_characters(pptx_path, outdir):
    """Return (slide number, text) of every character drawn outside all text shapes of its slide."""
    deck = Presentation(str(pptx_path))
    pdf = render_as_powerpoint(pptx_path, outdir)
    faults = []
    with pdfplumber.open(pdf) as rendered:
        assert len(rendered.pages) == len(deck.slides)
        for number, (slide, page) in enumerate(zip(deck.slides, rendered.pages, strict=True), start=1):
            boxes = text_boxes(slide)
            for char in page.chars:
                if not char["text"].strip():
                    continue
                # A glyph's box as pdfminer reports it reaches above the line it sits on; a table
                # cell has no room to spare above its text, so there the glyph's middle counts.
                middle = (char["top"] + char["bottom"]) / 2
                inside = any(
                    x0 - TOLERANCE <= char["x0"]
                    and char["x1"] <= x1 + TOLERANCE
                    and (
                        y0 <= middle <= y1
                        if cell
                        else y0 - TOLERANCE <= char["top"] and char["bottom"] <= y1 + TOLERANCE
                    )
                    for x0, y0, x1, y1, _, cell in boxes
                )
                if not inside:
                    faults.append((number, char["text"], round(char["x0"]), round(char["top"])))
    return faults


@pytest.mark.render
def test_seed_deck_has_no_character_outside_its_shape(seed_build, tmp_path):
    assert overflowing_characters(seed_build.outputs[0], tmp_path) == []


@pytest.mark.render
def test_the_overflow_check_catches_text_that_runs_off_its_shape(seed_build, tmp_path):
    """The check above can fail: text made too big for its box is reported."""
    from pptx.util import Pt

    deck = Presentation(str(seed_build.outputs[0]))
    body = next(s for s in deck.slides[3].placeholders if s.placeholder_format.idx == 1)
    for paragraph in body.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(60)
    broken = tmp_path / "broken.pptx"
    deck.save(str(broken))
    faults = overflowing_characters(broken, tmp_path / "render")
    assert faults and {slide for slide, *_ in faults} == {4}


AWKWARD = {
    "long-word": "## Link\n\nSee https://example.org/"
    + "a" * 2000
    + " for the data.\n\n- https://example.org/"
    + "b" * 2000
    + "\n",
    "long-paragraph": "## Long\n\n"
    + "The state approves every venture after a long review of its plans. " * 700
    + "\n",
    "deep-list": "## Deep\n\n"
    + "".join("  " * n + f"- level {n} of a list nested far too deep\n" for n in range(50)),
    "wide-table": "## Wide\n\n|"
    + "|".join(f"column {n}" for n in range(30))
    + "|\n|"
    + "---|" * 30
    + "\n|"
    + "|".join(str(n) for n in range(30))
    + "|\n",
    "scripts": "## 서울과 Αθήνα\n\n서울은 한국의 수도이다. Η Αθήνα είναι η πρωτεύουσα. Москва — столица России.\n\n"
    "## שלום\n\nשלום עולם, مرحبا بالعالم, and Kraków.\n",
    "long-titles": "---\ntitle: "
    + "A very long lecture title that keeps on going " * 6
    + "\n---\n## "
    + "A section heading that is far too long for any slide title box " * 4
    + "\n\nText.\n\n### "
    + "Supercalifragilisticexpialidocious" * 6
    + "\n\nMore text.\n",
    "quote": "## Q\n\n> " + "A quoted sentence that goes on. " * 80 + "\n> — Someone Quoted\n",
    "code": "## Code\n\nA long line, then many:\n\n```python\nx = '"
    + "a long string " * 250
    + "'\n"
    + "".join(f"    value_{n} = compute({n}, 'text {n}')  # step {n}\n" for n in range(60))
    + "```\n\n```\n"
    + "一二三四五六七八九十" * 30
    + "\n```\n",
    "tables": "## Tables\n\n| Only | A | Header |\n|---|---|---|\n\n| Cell | Long |\n|---|---|\n| x | "
    + "words in one cell that go on and on " * 60
    + "|\n",
}


@pytest.mark.render
@pytest.mark.parametrize("name", sorted(AWKWARD))
def test_awkward_decks_have_no_character_outside_its_shape(name, tmp_path):
    from lecturekit.pipeline.build import Options, build_article

    article = tmp_path / f"{name}.md"
    article.write_text(AWKWARD[name], encoding="utf-8")
    result = build_article(article, Options(out=tmp_path / "out"))
    assert overflowing_characters(result.outputs[0], tmp_path / "render") == []


REAL = sorted((FIXTURES / "articles").glob("*-*.md"))


@pytest.mark.render
@pytest.mark.parametrize("article", REAL, ids=lambda p: p.stem)
def test_real_article_decks_have_no_character_outside_its_shape(article, tmp_path):
    """Full slides, statements, two-column agendas and lead-ins, as LibreOffice lays them out."""
    from lecturekit.pipeline.build import Options, build_article

    result = build_article(article, Options(out=tmp_path / "out"))
    assert overflowing_characters(result.outputs[0], tmp_path / "render") == []
