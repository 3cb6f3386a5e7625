"""LibreOffice, where lecturekit uses it: a deck turned into a PDF, for previews and for the slides PDF.

LibreOffice is not needed to build the deck and handouts; only `lecturekit preview` of a deck
and `--slides-pdf` call it. It is given the fonts lecturekit ships, so it lays the slides out
as they were measured, and a home of its own, so that builds can run side by side.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from lecturekit.errors import LessonError
from lecturekit.fonts import FONT_DIR

# The slides PDF for a course site: tagged (a structure tree a screen reader follows, in slide
# order), PDF/UA where LibreOffice manages it, a bookmark per slide title; no notes pages.
TAGGED = {
    "UseTaggedPDF": True,
    "PDFUACompliance": True,
    "ExportBookmarks": True,
    "ExportNotesPages": False,
    "UseReferenceXObject": False,
}
INSTALL = "Install LibreOffice (Debian and Ubuntu: apt-get install libreoffice-impress) and run again."


def deck_to_pdf(deck: Path, work: Path, tagged: bool = False) -> Path:
    """Return a PDF of `deck` made by LibreOffice in the folder `work`; `tagged` for the slides PDF."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise LessonError(
            deck, None, "LibreOffice is needed to turn the deck into a PDF, and it is not installed", INSTALL
        )
    home = work / "home"
    config = home / ".config" / "fontconfig"
    config.mkdir(parents=True, exist_ok=True)
    (config / "fonts.conf").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f'<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{FONT_DIR}</dir>'
        "</fontconfig>\n",
        encoding="utf-8",
    )
    target = "pdf"
    if tagged:
        options = {key: {"type": "boolean", "value": str(value).lower()} for key, value in TAGGED.items()}
        target = "pdf:impress_pdf_Export:" + json.dumps(options, separators=(",", ":"))
    profile = (home / "profile").as_uri()
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(work),
            str(deck),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(home)},
        timeout=600,
    )
    pdf = work / (deck.stem + ".pdf")
    if done.returncode != 0 or not pdf.is_file():
        raise LessonError(deck, None, f"LibreOffice could not convert the deck: {done.stderr.strip()[-300:]}")
    return pdf


def slides_pdf(deck: bytes, article: Path, lang: str, when: _dt.datetime) -> bytes:
    """Return the deck (the bytes of a .pptx) as a tagged PDF for `article`'s slides, in the
    lecture's language and dated `when`, so that the same deck gives the same bytes."""
    with tempfile.TemporaryDirectory(prefix="lecturekit-slides-") as work:
        source = Path(work) / f"{article.stem}.pptx"
        source.write_bytes(deck)
        try:
            pdf = deck_to_pdf(source, Path(work), tagged=True).read_bytes()
        except LessonError as err:
            raise LessonError(article, None, err.message, err.hint) from None
    return _settled(pdf, lang, when)


def _settled(pdf: bytes, lang: str, when: _dt.datetime) -> bytes:
    """Return LibreOffice's PDF with the lecture's language (LibreOffice writes its own locale's)
    and `when` for the clock time it stamps, and an identifier made from the content."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject, NameObject, StreamObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    root = writer._root_object  # pypdf's name for the catalog, which has no public setter
    root[NameObject("/Lang")] = TextStringObject(lang)
    writer.add_metadata({"/CreationDate": when.strftime("D:%Y%m%d%H%M%SZ")})
    metadata = root["/Metadata"].get_object() if "/Metadata" in root else None
    if isinstance(metadata, StreamObject):
        xmp = metadata.get_data().decode("utf-8")
        xmp = re.sub(
            r"<xmp:(Create|Modify|Metadata)Date>[^<]*<", rf"<xmp:\1Date>{when:%Y-%m-%dT%H:%M:%SZ}<", xmp
        )
        metadata.set_data(xmp.encode("utf-8"))
    unstamped = re.sub(rb"D:\d{14}Z'?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"", pdf.split(b"trailer")[0])
    identifier = ByteStringObject(hashlib.md5(unstamped + lang.encode(), usedforsecurity=False).digest())
    writer._ID = ArrayObject([identifier, identifier])  # pypdf would draw a random one
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
