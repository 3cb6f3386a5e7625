"""Helpers shared by the tests: model snapshots, rendering through LibreOffice."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source" / "article.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def golden(actual, path: Path):
    """Return the expected value stored at `path`: JSON data, or text in a .txt file. With
    LK_UPDATE_FIXTURES=1, first write `actual` there, for a deliberate change whose diff is then
    read before committing."""
    text = path.suffix == ".txt"
    if os.environ.get("LK_UPDATE_FIXTURES"):
        path.parent.mkdir(exist_ok=True)
        written = actual if text else json.dumps(actual, indent=1, ensure_ascii=False) + "\n"
        path.write_text(written, encoding="utf-8")
    stored = path.read_text(encoding="utf-8")
    return stored if text else json.loads(stored)


def to_data(value):
    """Return a JSON-ready snapshot of model objects: type names kept, default fields left out."""
    if dataclasses.is_dataclass(value):
        data = {"type": type(value).__name__}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name in ("path", "warnings") or item == f.default:
                continue
            data[f.name] = to_data(item)
        if data["type"] == "Span":
            del data["type"]
        return data
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Path):
        return value.name
    return value


def soffice() -> str:
    """Return the LibreOffice command; skip without it, except in CI where it must be there."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is required in CI: .ci/run installs libreoffice-impress")
    pytest.skip("LibreOffice not installed (these tests run in CI)")


def render_as_powerpoint(pptx: Path, outdir: Path) -> Path:
    """Return a PDF of `pptx` rendered by LibreOffice as PowerPoint opens it: auto-fit ignored.

    PowerPoint applies <a:normAutofit/> only after someone edits the text, so a bare flag is
    turned off first; otherwise LibreOffice would shrink overflowing text and hide the fault.
    """
    command = soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    deck = outdir / pptx.name
    with zipfile.ZipFile(pptx) as zin, zipfile.ZipFile(deck, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith(".xml"):
                data = re.sub(rb"<a:normAutofit\s*/>", b"<a:noAutofit/>", data)
            zout.writestr(item, data)
    with tempfile.TemporaryDirectory() as home:
        _show_shipped_fonts(Path(home))
        subprocess.run(
            [command, "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(deck)],
            check=True,
            capture_output=True,
            env={**os.environ, "HOME": home},
            timeout=300,
        )
    return outdir / (pptx.stem + ".pdf")


def _show_shipped_fonts(home: Path) -> None:
    """Let LibreOffice (through fontconfig) find the fonts lecturekit ships, as a viewer would
    have them: Carlito for Calibri, NanumGothic for Hangul, Noto for Hebrew and Arabic."""
    from lecturekit.fonts import FONT_DIR

    config = home / ".config" / "fontconfig"
    config.mkdir(parents=True)
    (config / "fonts.conf").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f'<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{FONT_DIR}</dir></fontconfig>\n',
        encoding="utf-8",
    )


def schema_findings(pptx: Path) -> list[str]:
    """Return what the OOXML validator finds wrong in `pptx`: nothing, for a deck PowerPoint opens
    without offering to repair it.

    openxml-audit ports the Open XML SDK's validator: every part's elements against the
    ECMA-376 schema (which elements, in which order, how many, their attributes' types) and the
    package's relationships and content types. The oldest format (Office 2007) is the strictest:
    what passes there passes in every later PowerPoint. It reads an equation's alternative for
    applications without OMML (its picture); a deck with equations is validated as Office 2010
    too, which reads the OMML.
    """
    formats = ["office2007"]
    with zipfile.ZipFile(pptx) as deck:
        if any(
            b"mc:AlternateContent" in deck.read(n) for n in deck.namelist() if n.startswith("ppt/slides/")
        ):
            formats.append("office2010")  # Office 2007 reads an equation's picture; 2010 on, the OMML
    found = []
    for name in formats:
        result = _validator(name).validate(pptx)
        found += [f"{e.part_uri} {e.path}: {e.description}" for e in result.errors]
    return found


@functools.cache
def _validator(name: str = "office2007"):
    from openxml_audit import OpenXmlValidator
    from openxml_audit.errors import FileFormat

    return OpenXmlValidator(file_format=FileFormat(name), max_errors=0)
