"""The worst inputs under the size limit build, scaled down (scripts/bench builds them at 4 MB).

Each of tests/worst.py's inputs (one line, one paragraph, one list item, one table cell holding
all the text; text with no space; a saved news page read as Markdown) is built for real at
128 KB, in a process of its own that may take a minute at most: a loop that stops making
progress shows here as a hang, not as a slow benchmark. The outputs are read back: the deck
with python-pptx, the PDF with pypdf.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pptx import Presentation
from pypdf import PdfReader

from .worst import worst_inputs

SIZE = 128 * 1024
INPUTS = worst_inputs(SIZE)


@pytest.mark.parametrize("name", list(INPUTS))
def test_a_worst_input_builds_and_the_outputs_read_back(tmp_path, name):
    article = tmp_path / "worst.md"
    article.write_text(INPUTS[name], encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "lecturekit", "build", str(article), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "LECTUREKIT_NO_HELPERS": "1"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    deck = Presentation(str(out / "worst.pptx"))
    assert 2 <= len(deck.slides) <= 40  # a lecture's length, not a slide for every screenful
    assert len(PdfReader(out / "worst-handout.pdf").pages) >= 1
    assert (out / "worst-handout.html").stat().st_size > 0


def test_a_list_item_longer_than_three_slides_shows_its_start_and_says_so(tmp_path):
    """A list item with no claim to condense (figures only, as a page's data reads) is shown as
    written when every claim is shown; over three slides' worth, its start only. (A lecture of a
    length leaves an item it cannot say in a breath to the notes.)"""
    article = tmp_path / "item.md"
    figures = " ".join(str(n) for n in range(SIZE // 6))
    article.write_text(f"---\ntitle: Figures\n---\n## Data\n\n- {figures}\n- 42\n", encoding="utf-8")
    out = str(tmp_path / "out")
    done = subprocess.run(
        [sys.executable, "-m", "lecturekit", "build", str(article), "--out", out, "--slides", "all"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "its first 3 slides' worth is shown, the notes keep it whole" in done.stderr
    deck = Presentation(str(tmp_path / "out" / "item.pptx"))
    notes = [s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide]
    assert any(len(n) > SIZE // 2 for n in notes)  # the whole item, in the notes


@pytest.mark.parametrize(("width", "hang"), [(50.0, 60.0), (50.0, 50.0), (0.0, 0.0)])
def test_measuring_a_code_line_ends_when_a_row_has_no_room(width, hang):
    from lecturekit.fonts import MONO, SANS
    from lecturekit.layout.measure import Measurer

    assert Measurer(SANS, MONO).code_rows("x" * 10_000, 10, width, hang) >= 1  # it returns at all


def test_a_table_cell_too_long_for_a_slide_is_whole_in_the_notes(tmp_path):
    article = tmp_path / "cell.md"
    article.write_text(INPUTS["one table cell"], encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "lecturekit", "build", str(article), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        "a table row is too long for a slide: the slide shows its start, the notes all of it" in done.stderr
    )
    cell = INPUTS["one table cell"].split("|---|---|\n| ", 1)[1].split(" | x |")[0]
    deck = Presentation(str(tmp_path / "out" / "cell.pptx"))
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide)
    assert " ".join(cell.split()) in " ".join(notes.split())
