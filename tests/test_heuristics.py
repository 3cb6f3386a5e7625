"""A bug in a text heuristic costs the sentence or part it met, never the article.

Each test provokes a failure inside one heuristic (condensing a sentence, making a part's
questions, making outcomes, splitting a text into parts) and builds the article for real: the
deck is reopened with python-pptx and the warning read as the lecturer sees it.
"""

from __future__ import annotations

import pytest
from pptx import Presentation

from lecturekit.cli import main
from lecturekit.language import heuristics, keypoints, segment
from lecturekit.questions import concepts, outcomes

DOOMED = "The zebra migration crosses the Mara river every year between July and October"
ARTICLE = f"""---
title: Migrations
source: A test
---
## Herds

Wildebeest move in their hundreds of thousands across the Serengeti plains.

{DOOMED}, and crocodiles wait for the herds at the crossings near the border with Kenya.

Rains decide where the grass grows, and the grass decides where the herds go next.
"""
LINE = 9  # where DOOMED stands in ARTICLE


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "migrations.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def fresh():
    """Forget cached points and slips, before and after: each test provokes its own."""
    keypoints.paragraph_points.cache_clear()
    heuristics.forget_slips()
    yield
    keypoints.paragraph_points.cache_clear()
    heuristics.forget_slips()


def _break_condensing(monkeypatch):
    real = keypoints.condense

    def condense(words, *args):
        if "zebra" in words:
            raise IndexError("provoked by the test")
        return real(words, *args)

    monkeypatch.setattr(keypoints, "condense", condense)


def _slide_texts(path) -> list[str]:
    deck = Presentation(str(path))
    return [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]


@pytest.mark.parametrize("helpers", [True, False], ids=["forked-helpers", "in-process"])
def test_a_sentence_condensing_fails_on_is_shown_whole_with_a_warning_naming_its_line(
    article, tmp_path, capsys, monkeypatch, helpers
):
    if not helpers:
        monkeypatch.setenv("LECTUREKIT_NO_HELPERS", "1")
    _break_condensing(monkeypatch)
    out = tmp_path / "out"
    assert main(["build", str(article), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if "could not condense" in line]
    assert len(warnings) == 1, err  # three processes met it; the lecturer is told once
    assert warnings[0].startswith(f"{article}:{LINE}: warning: lecturekit could not condense this sentence")
    assert "IndexError: provoked by the test" in warnings[0]
    assert "bug in lecturekit" in warnings[0] and "--debug" in warnings[0]
    assert "Traceback" not in err
    shown = "\n".join(_slide_texts(out / "migrations.pptx"))
    notes = " ".join(
        " ".join(s.notes_slide.notes_text_frame.text.split())
        for s in Presentation(str(out / "migrations.pptx")).slides
        if s.has_notes_slide
    )
    assert DOOMED in notes  # the sentence, whole; a slide shows it cut ("…") only for want of others
    assert "Wildebeest move in their hundreds of thousands" in shown  # and the rest of the article
    assert (out / "migrations-handout.pdf").stat().st_size > 0


def test_debug_shows_the_traceback_of_a_heuristic_that_failed(article, tmp_path, capsys, monkeypatch):
    _break_condensing(monkeypatch)
    assert main(["build", str(article), "--out", str(tmp_path / "out"), "--debug"]) == 0
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert "IndexError: provoked by the test" in err and "in condense" in err


def test_strict_makes_a_heuristic_that_failed_an_error_and_writes_nothing(
    article, tmp_path, capsys, monkeypatch
):
    _break_condensing(monkeypatch)
    out = tmp_path / "out"
    assert main(["build", str(article), "--out", str(out), "--strict"]) == 1
    err = capsys.readouterr().err
    assert f"{article}:{LINE}: error: lecturekit could not condense this sentence" in err
    assert not out.exists() or not any(out.iterdir())


def test_a_part_whose_questions_fail_has_none_and_the_rest_builds(article, tmp_path, capsys, monkeypatch):
    def broken(*_):
        raise ValueError("provoked by the test")

    monkeypatch.setattr(concepts, "section_concepts", broken)
    monkeypatch.setattr("lecturekit.questions.discussion.section_concepts", broken)
    out = tmp_path / "out"
    assert main(["build", str(article), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "could not make discussion questions of this part" in err
    assert f"{article}:5: warning:" in err  # the part's heading
    assert (out / "migrations.pptx").is_file()


@pytest.mark.parametrize(
    ("module", "name", "said"),
    [
        (outcomes, "learning_outcomes", "could not make learning outcomes"),
        (segment, "segment", "could not split the text into parts"),
    ],
)
def test_a_lesson_wide_heuristic_that_fails_is_left_out_with_a_warning(
    article, tmp_path, capsys, monkeypatch, module, name, said
):
    def broken(*_):
        raise RuntimeError("provoked by the test")

    monkeypatch.setattr(f"lecturekit.pipeline.build.{name}", broken, raising=False)
    monkeypatch.setattr(module, name, broken)
    out = tmp_path / "out"
    assert main(["build", str(article), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{article}: warning: lecturekit {said}" in err
    assert (out / "migrations.pptx").is_file()


def test_attempt_returns_the_fallback_and_keeps_the_slip():
    def fails(x):
        return [][x]

    assert heuristics.attempt("condense", "some text", fails, lambda x: ("fallback", x), 3) == ("fallback", 3)
    (slip,) = heuristics.slips()
    assert slip.step == "condense" and slip.text == "some text" and slip.error.startswith("IndexError")
    assert "in fails" in slip.traceback


def test_attempt_lets_memory_errors_through():
    def exhausted():
        raise MemoryError

    with pytest.raises(MemoryError):
        heuristics.attempt("condense", "x", exhausted, lambda: None)
