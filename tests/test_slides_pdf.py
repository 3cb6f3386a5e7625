"""`--slides-pdf`: the deck as a tagged PDF for the course site, made by LibreOffice."""

from __future__ import annotations

import os
import subprocess
import sys

import pdfplumber
import pytest
from pptx import Presentation
from pypdf import PdfReader

from lecturekit.pipeline.build import Options, build_article

from .helpers import SEED, soffice


@pytest.fixture(scope="module")
def slides(tmp_path_factory):
    soffice()  # skips without LibreOffice, except in CI
    out = tmp_path_factory.mktemp("slides")
    result = build_article(SEED, Options(out=out, slides_pdf=True))
    assert [p.name for p in result.outputs][-1] == "article-slides.pdf"
    return result.outputs[0], result.outputs[-1]


def test_the_slides_pdf_is_tagged_with_the_lectures_title_and_language(slides):
    _, pdf = slides
    reader = PdfReader(pdf)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True  # a pypdf BooleanObject
    tree = root["/StructTreeRoot"].get_object()
    assert tree.get("/K") is not None  # a structure tree with content
    assert root["/Lang"] == "en-GB"
    assert reader.metadata.title == "What It’s Like Having A Startup In North Korea"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]


def test_a_bookmark_per_slide_title_and_text_in_slide_order(slides):
    deck, pdf = slides
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(deck)).slides]
    reader = PdfReader(pdf)
    assert [item.title for item in reader.outline] == titles
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) == len(titles)
        for page, title in zip(document.pages, titles, strict=True):
            text = " ".join((page.extract_text() or "").split())
            assert text.startswith(" ".join(title.split())), (title, text[:80])  # the title is read first


def test_the_same_deck_gives_the_same_slides_pdf(slides, tmp_path):
    _, pdf = slides
    again = build_article(SEED, Options(out=tmp_path, slides_pdf=True)).outputs[-1]
    assert again.read_bytes() == pdf.read_bytes()


def test_without_libreoffice_one_clear_message_and_nothing_written(tmp_path):
    env = {**os.environ, "PATH": str(tmp_path / "empty")}
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "lecturekit", "build", str(SEED), "--out", str(out), "--slides-pdf"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 1
    assert "LibreOffice is needed" in done.stderr and "apt-get install libreoffice-impress" in done.stderr
    assert "Traceback" not in done.stderr
    assert not any(out.glob("*.p*"))  # no deck or handout half-made either
