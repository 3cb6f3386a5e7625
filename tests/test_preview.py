"""`lecturekit preview`: PNG pages and a contact sheet for decks and handouts."""

from __future__ import annotations

from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from lecturekit.cli import main

from .helpers import soffice


def test_handout_preview_has_a_picture_per_page_and_a_contact_sheet(seed_build, tmp_path, capsys):
    handout = seed_build.outputs[1]
    assert main(["preview", str(handout), "--out", str(tmp_path), "--dpi", "30"]) == 0
    folder = tmp_path / handout.stem
    pages = sorted(folder.glob("page-*.png"))
    assert len(pages) == len(PdfReader(handout).pages)
    with Image.open(pages[0]) as first:
        assert first.height > first.width  # A4, portrait
        low, high = first.convert("L").getextrema()
        assert low < 64 and high > 192  # drawn, not blank
    with Image.open(folder / "contact.png") as sheet:
        assert sheet.width > first.width * 3  # four pages across
    printed = capsys.readouterr().out.split()
    assert printed[-1] == str(folder / "contact.png")


def test_deck_preview_renders_every_slide(seed_build, tmp_path):
    soffice()  # skipped without LibreOffice, except in CI
    deck = seed_build.outputs[0]
    assert main(["preview", str(deck), "--out", str(tmp_path), "--dpi", "20"]) == 0
    pages = sorted((tmp_path / deck.stem).glob("page-*.png"))
    assert len(pages) == len(Presentation(str(deck)).slides)
    with Image.open(pages[0]) as first:
        assert abs(first.width / first.height - 16 / 9) < 0.02


def test_preview_without_libreoffice_says_what_to_install(seed_build, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert main(["preview", str(seed_build.outputs[0]), "--out", str(tmp_path)]) == 1
    error = capsys.readouterr().err
    assert (
        "LibreOffice is needed to turn the deck into a PDF" in error
        and "apt-get install libreoffice-impress" in error
    )
    assert "Traceback" not in error


def test_preview_refuses_other_files_clearly(tmp_path, capsys):
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    assert main(["preview", str(text), str(tmp_path / "gone.pdf"), "--out", str(tmp_path / "out")]) == 1
    error = capsys.readouterr().err.splitlines()
    assert error == [
        f"{text}: error: preview shows decks (.pptx) and handouts (.pdf)",
        f"{tmp_path / 'gone.pdf'}: error: no such file",
    ]
