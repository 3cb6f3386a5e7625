"""Importers: the article as the lecturer has it -> Markdown with front matter -> a `Lesson`.

Plain text (.txt: a copied web page), a saved web page (.html, .htm), a Word file (.docx) and
a PDF (.pdf) each have an importer that writes the Markdown `lecturekit import` shows and a
build reads, and says what it inferred (`Finding`). Each importer, and the library it rests on,
is imported only when a file of its kind is built: a Markdown build pays nothing for them,
and a build with nothing to do (which may still fetch an address) not even for the reader.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lecturekit.importers.document import Finding
    from lecturekit.model.lesson import Lesson

# the importer of each kind of file, by its suffix: a module and its function, bytes -> Document
FORMATS = {
    ".txt": ("plaintext", "import_plain"),
    ".text": ("plaintext", "import_plain"),
    ".html": ("webpage", "import_page"),
    ".htm": ("webpage", "import_page"),
    ".docx": ("word", "import_word"),
    ".pdf": ("pdf", "import_pdf"),
}


@dataclass(frozen=True)
class Imported:
    """An article brought in: its Markdown, and what the importer inferred on the way."""

    markdown: str
    found: tuple[Finding, ...] = ()


def imports(path: Path) -> bool:
    """Tell whether `path` is a kind of file an importer reads, not Markdown."""
    return path.suffix.lower() in FORMATS


def import_file(
    path: Path, max_bytes: int, pictures: Path | None = None, relative_to: Path | None = None
) -> Imported:
    """Return the article in the file at `path` as Markdown; raise `LessonError` when it cannot
    be read. Pictures inside the file (a Word file's) are written to `pictures`, and named in the
    Markdown by their path from `relative_to` (else in full)."""
    from lecturekit.model.reader import decode_article, read_bytes

    data = read_bytes(path, max_bytes)
    module, function = FORMATS[path.suffix.lower()]
    importer = getattr(importlib.import_module(f"lecturekit.importers.{module}"), function)
    doc = importer(data, path, pictures, relative_to)
    if doc is None:  # plain text that is Markdown already
        return Imported(decode_article(path, data))
    return Imported(doc.markdown(), tuple(doc.found))


def read_source(
    path: Path, max_bytes: int, defaults: dict[str, Any] | None = None, pictures: Path | None = None
) -> tuple[Lesson, tuple[Finding, ...]]:
    """Return the `Lesson` of an article in any format lecturekit reads, and what importing it found."""
    from lecturekit.model.reader import parse_article, read_article

    path = Path(path)
    if not imports(path):
        return read_article(path, max_bytes=max_bytes, defaults=defaults), ()
    imported = import_file(path, max_bytes, pictures)
    return parse_article(imported.markdown, path, defaults), imported.found
