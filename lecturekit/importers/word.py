"""A Word file (.docx) -> Markdown, through mammoth and markdownify.

mammoth (BSD-2) reads the document by its styles: Heading 1-6 become headings, lists, tables,
emphasis, links, footnotes and pictures come through, and comments and tracked changes do not
(a deletion is left out, an insertion kept). Its HTML becomes Markdown through markdownify
(MIT), which escapes the text. The title is the paragraph in the Title style, else the file's
own title property, else its first heading, a top-level one; the author and date come from the
file's properties. Headings keep their order: the top level the document uses becomes `##`.
A footnote's marker stays in its sentence as "[1]", and the notes follow as a list at the end.
Pictures are written, named by their content, to the folder the build or the import gives.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from lecturekit.errors import LessonError
from lecturekit.importers.document import Document
from lecturekit.lexicon.english import DATELINE

SUBTITLE_WORDS = 14  # of a line in italics under the title, at most, to be its subtitle
OLE = b"\xd0\xcf\x11\xe0"  # an encrypted .docx (and an old .doc) is an OLE compound file, not a zip
STYLE_MAP = """
p[style-name='Title'] => h1.lk-title:fresh
p[style-name='Subtitle'] => p.lk-subtitle:fresh
p[style-name='TOC Heading'] => !
p[style-name^='toc '] => !
p[style-name^='TOC '] => !
comment-reference => !
"""
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CORE = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "author": "{http://purl.org/dc/elements/1.1/}creator",
    "published": "{http://purl.org/dc/terms/}created",
    "lang": "{http://purl.org/dc/elements/1.1/}language",
}
_EXTENSIONS = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/bmp": ".bmp"}


def import_word(
    data: bytes, path: Path, pictures: Path | None = None, relative_to: Path | None = None
) -> Document:
    """Return the article in the Word file `data` (read from `path`)."""
    import mammoth
    from lxml import html as lxml_html

    if data.startswith(OLE):
        raise LessonError(
            path,
            None,
            "this Word file is password-protected (or an old .doc, not a .docx)",
            "Open it in Word, remove the password (or save it as .docx), and build that copy.",
        )
    try:
        properties = _properties(data)
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=STYLE_MAP + _derived_headings(data),
            convert_image=mammoth.images.img_element(_picture_saver(pictures, relative_to)),
        )
    except (zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError) as err:
        raise LessonError(
            path,
            None,
            f"this Word file cannot be read: it is damaged or not a .docx ({err})",
            "Save it again from Word.",
        ) from None
    doc = Document()
    root = lxml_html.fragment_fromstring(result.value or "<p></p>", create_parent="div")
    title = root.find(".//h1[@class='lk-title']")
    if title is not None:
        doc.set("title", title.text_content(), "the Title style")
        title.getparent().remove(title)
    subtitle = root.find(".//p[@class='lk-subtitle']")
    if subtitle is not None:
        doc.set("subtitle", subtitle.text_content(), "the Subtitle style")
        subtitle.getparent().remove(subtitle)
    for img in list(root.iter("img")):
        if not img.get("src"):
            doc.note("left out", f"a picture lecturekit cannot show ({img.get('alt', '')})")
            img.drop_tree()
    _first_heading(root, doc, properties)
    _front(root, doc)
    _footnote_markers(root)
    _shift_headings(root)
    for heading in _headings(root):
        for mark in [e for e in heading.iter("strong", "b", "em", "i") if e is not heading]:
            mark.drop_tag()  # a heading set in bold is a heading, not emphasis
    doc.blocks.append(_markdown(lxml_html.tostring(root, encoding="unicode")))
    for level in range(2, 7):
        for heading in root.iter(f"h{level}"):
            doc.note(f"heading {level}", heading.text_content())
    if not " ".join(root.text_content().split()):
        raise LessonError(path, None, "this Word file has no text", "Check that it is the right file.")
    return doc


def _properties(data: bytes) -> dict[str, str]:
    """Return the title, author, date and language the file's own properties give (docProps/core.xml;
    the language also from its styles), an English one left out: it is Word's default."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "word/document.xml" not in archive.namelist():
            raise ValueError("no word/document.xml in it")
        try:
            core = ElementTree.fromstring(archive.read("docProps/core.xml"))
        except KeyError:
            return {}
        found = {key: " ".join((core.findtext(tag) or "").split()) for key, tag in _CORE.items()}
        found["published"] = found["published"][:10]  # "2019-03-01T10:00:00Z": the day is enough
        found["lang"] = found["lang"] or _default_language(archive)
    if found["lang"].lower().startswith("en"):
        found["lang"] = ""  # an English Word's default, whatever the text: the lecture's own default
    return {key: value for key, value in found.items() if value}


def _default_language(archive: zipfile.ZipFile) -> str:
    """Return the language the file's text is marked with by default (its styles), or ""."""
    try:
        root = ElementTree.fromstring(archive.read("word/styles.xml"))
    except KeyError:
        return ""
    mark = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}lang")
    return mark.get(f"{_W}val", "") if mark is not None else ""


def _derived_headings(data: bytes) -> str:
    """Return mammoth's style map for paragraph styles based on a heading style ("Section Header
    Blue", based on Heading 2): headings of that level, as Word's outline shows them."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            root = ElementTree.fromstring(archive.read("word/styles.xml"))
        except KeyError:
            return ""
    based: dict[str, str] = {}
    names: dict[str, str] = {}
    for style in root.iter(f"{_W}style"):
        if style.get(f"{_W}type") != "paragraph":
            continue
        ident = style.get(f"{_W}styleId", "")
        named, parent = style.find(f"{_W}name"), style.find(f"{_W}basedOn")
        names[ident] = named.get(f"{_W}val", "") if named is not None else ident
        if parent is not None:
            based[ident] = parent.get(f"{_W}val", "")
    lines = []
    for ident, name in names.items():
        ancestor, steps = based.get(ident), 0
        while ancestor and not re.fullmatch(r"Heading[1-6]", ancestor) and steps < 10:
            ancestor, steps = based.get(ancestor), steps + 1
        if ancestor and not re.fullmatch(r"heading [1-6]", name, re.IGNORECASE) and "'" not in name:
            lines.append(f"p[style-name='{name}'] => h{ancestor[-1]}:fresh")
    return "\n".join(lines)


def _picture_saver(pictures: Path | None, relative_to: Path | None) -> Any:
    def save(image: Any) -> dict[str, str]:
        with image.open() as stream:
            data = stream.read()
        if pictures is None or image.content_type not in _EXTENSIONS:
            return {"alt": f"{image.content_type}: {image.alt_text or ''}"}  # a WMF drawing: left out
        pictures.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha256(data).hexdigest()[:16] + _EXTENSIONS.get(image.content_type, ".png")
        target = pictures / name
        if not target.exists():
            target.write_bytes(data)
        src = os.path.relpath(target, relative_to) if relative_to else str(target.resolve())
        return {"src": Path(src).as_posix(), "alt": image.alt_text or ""}

    return save


def _first_heading(root: Any, doc: Document, properties: dict[str, str]) -> None:
    """Title the document, after its Title style: by its only top-level heading when that comes
    first, else by its properties (often stale: "FedRAMP_Template_v2"), else by its first heading,
    which then leaves the text; a first heading that repeats the title leaves it too. Empty
    headings go."""
    for heading in _headings(root):
        if not heading.text_content().strip():
            heading.drop_tag()
    headings = _headings(root)
    first = headings[0] if headings and headings[0].tag == "h1" else None
    text = " ".join(first.text_content().split()) if first is not None else ""
    if first is not None and not doc.meta.get("title") and sum(h.tag == "h1" for h in headings) == 1:
        doc.set("title", text, "its one top-level heading")
    for key, value in properties.items():
        doc.set(key, value, "the file's properties")
    if first is not None and not doc.meta.get("title"):
        doc.set("title", text, "its first heading")
    if first is not None and doc.meta["title"].casefold() == text.casefold():
        first.getparent().remove(first)


def _front(root: Any, doc: Document) -> None:
    """Read what comes before the first heading: a line wholly in italics or bold is the
    subtitle, a "Last updated ..." line is furniture, and a short line set as plain text right
    before a heading one level down is a heading its style does not say ("Introduction")."""
    headings = _headings(root)
    if not headings:
        return
    top = min(int(h.tag[1]) for h in headings)
    for element in list(root):
        if element in headings:
            break
        text = " ".join(element.text_content().split())
        if element.tag != "p" or not text:
            continue
        marked = (
            len(element) == 1
            and element[0].tag in ("em", "i", "strong", "b")
            and not (element.text or "").strip()
        )
        if DATELINE.match(text):
            doc.left_out(text, "", "before the first heading")
            element.drop_tree()
        elif marked and not doc.meta.get("subtitle") and len(text.split()) <= SUBTITLE_WORDS:
            doc.set("subtitle", text, "the line under the title")
            element.drop_tree()
    for element in list(root):
        following = element.getnext()
        text = " ".join(element.text_content().split())
        if (
            element.tag == "p"
            and following is not None
            and re.fullmatch(r"h[1-6]", str(following.tag))
            and int(following.tag[1]) > top
            and 0 < len(text.split()) <= 6
            and not re.search(r"[.:;,!?]$", text)
        ):
            element.tag = f"h{top}"


def _headings(root: Any) -> list[Any]:
    return [e for e in root.iter() if isinstance(e.tag, str) and re.fullmatch(r"h[1-6]", e.tag)]


def _shift_headings(root: Any) -> None:
    """Make the document's top heading level `##`: the title is the lecture's `#`."""
    headings = _headings(root)
    if not headings:
        return
    shift = 2 - min(int(e.tag[1]) for e in headings)
    for element in headings:
        element.tag = f"h{max(2, min(6, int(element.tag[1]) + shift))}"


def _footnote_markers(root: Any) -> None:
    """Turn mammoth's footnote links into plain markers ("[1]") and drop its back-links ("↑")."""
    for link in list(root.iter("a")):
        href = link.get("href", "")
        if href.startswith(("#footnote-ref-", "#endnote-ref-")):
            link.drop_tree()
        elif href.startswith(("#footnote-", "#endnote-")):
            link.drop_tag()


def _markdown(html: str) -> str:
    from markdownify import markdownify

    text = markdownify(html, heading_style="ATX", bullets="-", escape_misc=True, strip=["span"])
    return re.sub(r"\n{3,}", "\n\n", text).strip()
