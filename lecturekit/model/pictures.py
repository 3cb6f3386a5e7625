"""A picture the article shows: checked where it is, what it is and how big, before anything is built.

A badge (a README's status picture) is left out; a remote picture is never fetched; a local one
must sit in the article's folder, be a format slides and PDFs take, and have a sane size.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it.tree import SyntaxTreeNode

from lecturekit.lexicon.english import BADGE_WORDS
from lecturekit.model.lesson import Image, LessonError

Warn = Callable[[int | None, str], None]  # warn(line, message)


def read_picture(
    node: SyntaxTreeNode, line: int, folder: Path, path: Path, warn: Warn, inside_link: bool = False
) -> Image | None:
    """Return the picture `node` shows, or None for a badge (dropped, with a warning).

    A remote picture is never fetched, and a local one that is missing or outside the
    article's folder cannot be shown: each is kept without a file, so the deck names it in
    the speaker notes, and a warning gives its line (`--strict` makes that an error).
    """
    src = str(node.attrs.get("src", ""))
    alt = alt_text(node)
    title = str(node.attrs.get("title", "") or "")
    decorative = "decorative" in str(node.attrs.get("class", "")).split()
    parts = urlsplit(src)
    remote = bool(parts.scheme) or src.startswith("//")
    if remote and (inside_link or BADGE_WORDS.search(alt) or _BADGE_HOSTS.search(src)):
        warn(line, f"badge image {src!r} ({alt or 'no alt text'}) left out: it is no lecture content")
        return None
    if remote:
        warn(line, f"remote image {src!r} is not fetched (the build is offline): the notes name it")
        return Image(src, alt, title, line, None)
    target = (folder / unquote(parts.path)).resolve()
    if not target.is_relative_to(folder):
        warn(line, f"image {src!r} is outside the article's folder, so it is not shown: the notes name it")
        return Image(src, alt, title, line, None)
    if not target.is_file():
        warn(line, f"image {src!r} not found (looked for {target}): the notes name it")
        return Image(src, alt, title, line, None)
    if not alt and not decorative:
        warn(
            line,
            f"picture {src!r} has no alt text, so a screen-reader user will miss it: describe it as"
            f" ![what it shows]({src}), or mark it ![]({src}){{.decorative}} if it only decorates",
        )
    size = _picture_size(target, src, path, line)
    return Image(src, alt, title, line, target, size, decorative)


_BADGE_HOSTS = re.compile(
    r"shields\.io|badge|travis-ci|circleci|codecov|appveyor|badgen\.net|/actions/workflows/", re.I
)
IMAGE_FORMATS = ("PNG", "JPEG", "GIF", "BMP", "TIFF")
MAX_PIXELS = 40_000_000  # a 40-megapixel photo is already ten times what a slide can show


def _picture_size(target: Path, src: str, path: Path, line: int) -> tuple[int, int]:
    """Return the pixel size of the image at `target`; raise `LessonError` if it is unusable."""
    with target.open("rb") as file:
        head = file.read(512).lstrip()
    if head[:5] == b"<?xml" and b"<svg" in head or head[:4] == b"<svg" or target.suffix.lower() == ".svg":
        raise LessonError(
            path,
            line,
            f"image {src!r} is an SVG drawing, which slides cannot show as it is",
            "Export it as PNG (for example with Inkscape: File > Export) and link the PNG.",
        )
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    try:
        with PILImage.open(target) as picture:
            kind, size = picture.format, picture.size
    except (UnidentifiedImageError, OSError):
        raise LessonError(
            path, line, f"image {src!r} is not a picture lecturekit can read", "Use a PNG, JPEG or GIF file."
        ) from None
    except PILImage.DecompressionBombError:
        kind, size = "", (MAX_PIXELS + 1, 1)
    if kind and kind not in IMAGE_FORMATS:
        raise LessonError(
            path,
            line,
            f"image {src!r} is {kind}, which PowerPoint and the handout cannot show",
            "Save it as PNG or JPEG.",
        )
    if size[0] * size[1] > MAX_PIXELS:
        raise LessonError(
            path,
            line,
            f"image {src!r} is {size[0]} x {size[1]} pixels, over the limit of "
            f"{MAX_PIXELS // 1_000_000} megapixels",
            "Scale it down, to 4000 pixels across at most.",
        )
    return size


def alt_text(node: SyntaxTreeNode) -> str:
    def text(n: SyntaxTreeNode) -> str:
        if n.type in ("text", "code_inline"):
            return n.content
        if n.type in ("softbreak", "hardbreak"):
            return " "
        return "".join(text(c) for c in n.children)

    return "".join(text(c) for c in node.children).strip()
