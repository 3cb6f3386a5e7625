"""Render decks and handouts to PNG pages and a contact sheet: `lecturekit preview`.

A deck goes through LibreOffice (which must be installed: lecturekit does not need it to build),
given the fonts lecturekit ships so it lays slides out as they were measured; a PDF is drawn
page by page with pdfium. Pillow makes the contact sheet.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import LessonError
from .fonts import FONT_DIR

SHEET_COLUMNS = {True: 3, False: 4}  # landscape pages (slides) three across, portrait four


def preview(path: Path, out: Path, dpi: int = 60) -> list[Path]:
    """Render `path` (.pptx or .pdf) into `out`: page-NN.png for each page, then contact.png."""
    if not path.is_file():
        raise LessonError(path, None, "no such file")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("page-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as work:
        pdf = path
        if path.suffix.lower() == ".pptx":
            pdf = deck_to_pdf(path, Path(work))
        elif path.suffix.lower() != ".pdf":
            raise LessonError(path, None, "preview shows decks (.pptx) and handouts (.pdf)")
        pages = _pages(pdf, out, dpi)
    return [*pages, _contact_sheet(pages, out / "contact.png")]


def deck_to_pdf(deck: Path, work: Path) -> Path:
    """Return a PDF of `deck` made by LibreOffice, with lecturekit's fonts available to it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise LessonError(
            deck,
            None,
            "LibreOffice is needed to preview a deck, and it is not installed",
            "Install it (Debian and Ubuntu: apt-get install libreoffice-impress), or open the deck itself.",
        )
    home = work / "home"
    config = home / ".config" / "fontconfig"
    config.mkdir(parents=True)
    (config / "fonts.conf").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f'<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{FONT_DIR}</dir>'
        "</fontconfig>\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(work), str(deck)],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(home)},
        timeout=600,
    )
    pdf = work / (deck.stem + ".pdf")
    if done.returncode != 0 or not pdf.is_file():
        raise LessonError(deck, None, f"LibreOffice could not convert the deck: {done.stderr.strip()[-300:]}")
    return pdf


def _pages(pdf: Path, out: Path, dpi: int) -> list[Path]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    pages = []
    try:
        for number in range(len(document)):
            image = document[number].render(scale=dpi / 72).to_pil()
            target = out / f"page-{number + 1:02d}.png"
            image.save(target)
            pages.append(target)
    finally:
        document.close()
    return pages


def _contact_sheet(pages: list[Path], target: Path) -> Path:
    from PIL import Image, ImageDraw

    images = [Image.open(p).convert("RGB") for p in pages]
    width, height = max(i.width for i in images), max(i.height for i in images)
    columns = SHEET_COLUMNS[width > height]
    rows = (len(images) + columns - 1) // columns
    gap = 8
    sheet = Image.new("RGB", (columns * (width + gap) + gap, rows * (height + gap) + gap), (90, 90, 90))
    draw = ImageDraw.Draw(sheet)
    for n, image in enumerate(images):
        x, y = gap + (n % columns) * (width + gap), gap + (n // columns) * (height + gap)
        sheet.paste(image, (x, y))
        draw.text((x + 4, y + 4), str(n + 1), fill=(200, 0, 0))
    sheet.save(target)
    return target
