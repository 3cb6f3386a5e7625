"""Render decks and handouts to PNG pages and a contact sheet: `lecturekit preview`.

A deck goes through LibreOffice (see office.py), which lays slides out with the fonts
lecturekit ships; a PDF is drawn page by page with pdfium. Pillow makes the contact sheet.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from lecturekit.errors import LessonError
from lecturekit.pipeline.office import deck_to_pdf

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
