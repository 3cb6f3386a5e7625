"""A born-digital PDF -> Markdown, through pdfplumber (MIT).

A PDF holds positioned characters, not a document: the structure is read back from them.
- **Lines** in reading order, each with its characters' size and whether they are bold.
- **Running headers and footers:** a line at the top or foot of the pages that comes back on
  most of them (its numbers aside), and a page number there, are left out.
- **Body text** is the size most characters have. Text clearly smaller (footnotes, captions,
  affiliations) is left out and listed.
- **Headings:** a short line set larger than the body, or wholly bold, that does not end a
  sentence. Its level comes from its size: the largest heading size is `##`.
- **Title:** the document's own Title property when it has one, else the largest line of the
  first page; the author and date come from its properties.
- **Paragraphs:** lines are joined until a gap wider than the line spacing, a line that ends
  short with a full stop, or a new item; a word hyphenated at a line's end is joined again.

A PDF with no text layer (a scan) is refused with a clear message: lecturekit does no OCR.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lecturekit.errors import LessonError
from lecturekit.importers.document import Document, escape
from lecturekit.lexicon.english import STOP

MARGIN = 0.08  # of the page's height, at its top and foot, where running headers and footers sit
RUNNING = 0.3  # of the pages (a running header may alternate between left and right pages) a line comes back on to be a running header or footer
LARGER = 1.15  # times the body's size: a heading
SMALLER = 0.85  # times the body's size: small print
HEADING_WORDS = 14
X_TOLERANCE = (
    1.5  # points between letters that still join them in a word (pdfplumber's 3 runs words together)
)
GUTTER = 10  # points of empty page, top to foot, between two columns
SIDEBAR = 0.3  # of the page's width: a column narrower, set smaller than the page's text, is a sidebar
SMALLER_SIDEBAR = 0.95  # times the size of the page's text: a sidebar's
GAP = 1.6  # times the usual line spacing: a new paragraph
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[ivxlc]{1,6}$", re.IGNORECASE)
_ITEM = re.compile(r"^(?:[•◦▪●○‣∙·–-]|\d{1,2}[.)])\s+")
_BULLET = re.compile(r"^[•◦▪●○‣∙·–-]\s")
_AUTHORS = re.compile(r"[^\W\d]\s?[\d∗†‡*]+(?:,\d+)*\s?,")  # a name with its affiliation's mark, then a comma
_MARKS = re.compile(r"(?<=[^\W\d])\s?[\d∗†‡*]+(?:,\d+)*(?=\s*(?:,|\band\b|$))")  # "Duda∗1", "Wilson 3"
_LEADERS = re.compile(r"(?:\.\s?){4,}|…{2,}")  # a table of contents' dot leaders
_FILE_NAME = re.compile(r"^(?:microsoft \w+ - .*|\S+\.(?:docx?|pdf|indd|pptx?)|\S*_\S*)$", re.IGNORECASE)
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    text: str
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    height: float  # of the page

    @property
    def place(self) -> str:
        return f"page {self.page}"


def import_pdf(
    data: bytes, path: Path, _pictures: Path | None = None, _relative_to: Path | None = None
) -> Document:
    """Return the article in the PDF `data` (read from `path`)."""
    doc = Document()
    lines, meta = _read(data, path, doc)
    if sum(len(line.text.split()) for line in lines) < 20:
        raise LessonError(
            path,
            None,
            "this PDF has no text layer (a scan, or pictures of pages); lecturekit does no OCR",
            "Run OCR on it first (for example ocrmypdf), or copy its text into a .txt file.",
        )
    lines, citation = _without_running(lines, doc)
    body = _body_size(lines)
    title = meta.get("Title", "").strip()
    if _FILE_NAME.match(title):
        title = ""  # "FedRAMP_OSCAL_Vendor_Resources", "Microsoft Word - draft.docx": a file's name
    first_page = [line for line in lines if line.page == 1]
    largest = max((line.size for line in first_page), default=body)
    if largest >= body * LARGER:  # the first page's largest lines: the title as set
        start = next(k for k, line in enumerate(first_page) if line.size >= largest - 0.5)
        set_title = [first_page[start]]
        for line in first_page[start + 1 :]:
            if line.size < largest - 0.5 or not _close(set_title[-1], line, line.bottom - line.top):
                break
            set_title.append(line)
        shown = " ".join(line.text for line in set_title)
        doc.set("title", title or shown, "its Title property" if title else "page 1, the largest type")
        lines = [line for line in lines if line not in set_title]
    elif title:
        doc.set("title", title, "its Title property")
    if meta.get("Author"):
        doc.set("author", str(meta["Author"]), "its Author property")
    doc.set("source", _journal(citation, doc.meta.get("title", "")), "its running citation")
    created = re.match(r"D:(\d{4})(\d{2})(\d{2})", str(meta.get("CreationDate", "")))
    if created:
        doc.set("published", "-".join(created.groups()), "its creation date")
    if meta.get("Lang") and not meta["Lang"].lower().startswith("en"):  # English: the lecture's default
        doc.set("lang", meta["Lang"], "its Lang entry")
    _write(lines, body, doc)
    return doc


def _language(pdf: Any) -> str:
    """Return the language a PDF says its text is in (its catalog's /Lang), or ""."""
    from pdfminer.pdftypes import resolve1

    found = resolve1(pdf.doc.catalog.get("Lang"))
    found = found.decode("latin-1", "replace") if isinstance(found, bytes) else str(found or "")
    return found if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", found) else ""


def _read(data: bytes, path: Path, doc: Document) -> tuple[list[Line], dict[str, Any]]:
    """Return the lines of every page in reading order, and the PDF's properties."""
    import io

    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    lines: list[Line] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            meta = {k: v for k, v in (pdf.metadata or {}).items() if isinstance(v, str)}
            meta["Lang"] = _language(pdf)
            for number, page in enumerate(pdf.pages, 1):
                text_size = _common_size(page.chars)
                for column in _columns(page):
                    narrow = column.width < SIDEBAR * page.width
                    if narrow and _common_size(column.chars) < SMALLER_SIDEBAR * text_size:
                        # a journal's sidebar, line numbers: narrow, and set smaller than the page's text
                        doc.left_out(
                            column.extract_text(x_tolerance=X_TOLERANCE), "a sidebar", f"page {number}"
                        )
                        continue
                    lines += _lines(column, number, float(page.height))
    except (PDFPasswordIncorrect, PdfminerException, PDFSyntaxError) as err:
        encrypted = (
            isinstance(err, PDFPasswordIncorrect)
            or "password" in repr(err).lower()
            or "encrypt" in repr(err).lower()
        )
        raise LessonError(
            path,
            None,
            "this PDF is password-protected" if encrypted else "this PDF is damaged and cannot be read",
            "Save a copy without the password, and build that." if encrypted else "Save or export it again.",
        ) from None
    return lines, meta


def _common_size(chars: list[dict[str, Any]]) -> float:
    """Return the size most of `chars` are set in (0 for none)."""
    sizes = Counter(round(c["size"], 1) for c in chars if c["text"].strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _columns(page: Any) -> list[Any]:
    """Return the page's columns, left to right: split where a band at least GUTTER wide holds no
    character from the top of the text to its foot (margins aside), the whole page when none does."""
    top, foot = MARGIN * page.height, (1 - MARGIN) * page.height
    covered = bytearray(int(page.width) + 2)
    for char in page.chars:
        if char["text"].strip() and top < char["top"] < foot:
            covered[max(0, int(char["x0"])) : int(char["x1"]) + 1] = b"\x01" * (
                int(char["x1"]) + 1 - max(0, int(char["x0"]))
            )
    used = [x for x, c in enumerate(covered) if c]
    if not used:
        return [page]
    cuts, run = [], 0
    for x in range(used[0], used[-1] + 1):
        run = 0 if covered[x] else run + 1
        if run == GUTTER:
            cuts.append(x - GUTTER // 2)
    edges = [0.0, *(float(x) for x in cuts), float(page.width)]
    return [page.crop((a, 0, b, page.height)) for a, b in zip(edges, edges[1:], strict=False)]


def _lines(column: Any, number: int, height: float) -> list[Line]:
    """Return the lines of one column of page `number`, each with its size and boldness."""
    found = []
    for line in column.extract_text_lines(return_chars=True, strip=True, x_tolerance=X_TOLERANCE):
        chars = [c for c in line["chars"] if c["text"].strip()]
        if not chars or not line["text"].strip():
            continue
        size = statistics.median(c["size"] for c in chars)
        bold = sum(bool(_BOLD.search(c["fontname"])) for c in chars) > 0.8 * len(chars)
        found.append(
            Line(
                line["text"], number, line["top"], line["bottom"], line["x0"], line["x1"], size, bold, height
            )
        )
    return found


def _without_running(lines: list[Line], doc: Document) -> tuple[list[Line], str]:
    """Leave out page numbers and the running headers and footers: lines in a page's margin
    that come back, numbers aside, on most pages. Return the lines left, and the running lines
    of the page that has most of them, joined (a journal's citation of the paper)."""
    pages = len({line.page for line in lines})
    margin = [line for line in lines if _in_margin(line)]
    repeats = Counter(shape for _, shape in {(line.page, _shape(line.text)) for line in margin})
    kept: list[Line] = []
    listed: set[str] = set()
    cited: dict[int, list[Line]] = {}
    for line in lines:
        shape = _shape(line.text)
        running = pages >= 3 and repeats[shape] >= max(2, RUNNING * pages)
        if _in_margin(line) and (running or _PAGE_NUMBER.match(line.text.strip())):
            if running and not _PAGE_NUMBER.match(line.text.strip()):
                cited.setdefault(line.page, []).append(line)
            if running and shape not in listed:
                listed.add(shape)
                doc.note(
                    "left out",
                    f"{line.text} (a running header or footer, on {repeats[shape]} pages)",
                    line.place,
                )
            continue
        kept.append(line)
    # the page with the most of them, in reading order, without the page number set on a line
    fullest = max(cited.values(), key=len, default=[])
    return kept, " ".join(
        re.sub(r"\s\d{1,4}$", "", line.text) for line in sorted(fullest, key=lambda c: c.top)
    )


def _journal(citation: str, title: str) -> str:
    """Return the journal a running citation names after the paper's title ("Zieliński et al.
    (2025). Good Enough Practices ... Researchers. Journal of Open Source Education, 8(87), 279.")."""
    at = " ".join(citation.split()).casefold().find(" ".join(title.split()).casefold()) if title else -1
    if at < 0:
        return ""
    after = " ".join(citation.split())[at + len(" ".join(title.split())) :].lstrip(". ")
    found = re.match(r"([A-Z][^,.()]{3,80}?),\s*(?:\d|vol|\()", after)
    return found.group(1).strip() if found else ""


def _in_margin(line: Line) -> bool:
    return line.top < MARGIN * line.height or line.bottom > (1 - MARGIN) * line.height


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).casefold())


def _body_size(lines: list[Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _heading(line: Line, body: float) -> bool:
    words = line.text.split()
    return (
        0 < len(words) <= HEADING_WORDS
        and not _AUTHORS.search(line.text)  # "Marlena Duda1, Kelly L. Sovacool1, ...": the authors
        and not _BULLET.match(line.text)
        and (line.size >= body * LARGER or line.bold and line.size >= body * SMALLER)
        and not line.text.rstrip().endswith((".", ",", ";"))
        and any(c.isalpha() for c in line.text)
    )


def _write(lines: list[Line], body: float, doc: Document) -> None:
    levels = _levels(lines, body)
    spacing = statistics.median(
        [
            b.top - a.top
            for a, b in zip(lines, lines[1:], strict=False)
            if a.page == b.page and 0 < b.top - a.top < 3 * body
        ]
        or [body * 1.2]
    )
    right = statistics.median([line.x1 for line in lines] or [0])
    paragraph: list[str] = []
    items: list[str] = []
    previous: Line | None = None
    small: list[Line] = []
    authors: list[str] = []
    front: list[Line] = []
    bullet = 0.0  # where the last item's bullet stands

    def flush() -> None:
        if paragraph:
            doc.paragraph(_joined(paragraph))
            paragraph.clear()
        if items:
            doc.blocks.append("\n".join(f"- {escape(item)}" for item in items))
            items.clear()

    for line in lines:
        text = line.text.strip()
        if line.size < body * SMALLER:
            small.append(line)
            continue
        if _LEADERS.search(text):
            doc.left_out(text, "the table of contents", line.place)
            continue
        if line.page == 1 and not doc.blocks and _AUTHORS.search(text):
            authors.append(text)  # "Tomasz Zieliński 1, Andres Romanowski 1,2, ...": the byline
            continue
        if line.page == 1 and not doc.blocks and authors and line.size < body:
            front.append(line)  # the affiliations under the byline
            continue
        if _heading(line, body):
            flush()
            level = levels[round(line.size)] if line.size >= body * LARGER else min(6, 2 + len(levels))
            if (
                previous is not None
                and abs(previous.size - line.size) < 0.5
                and previous.bold == line.bold
                and doc.blocks
                and doc.blocks[-1].startswith("#" * level + " ")
                and _close(previous, line, spacing)
            ):
                doc.blocks[-1] += " " + escape(text)  # a heading set over two lines
            else:
                doc.heading(level, text, line.place)
            previous = line
            continue
        new = _new_paragraph(previous, line, paragraph[-1] if paragraph else "", spacing, right)
        marker = _ITEM.match(text)
        if marker:
            if paragraph:
                flush()
            items.append(text[marker.end() :])
            bullet = line.x0
        elif items and not new and line.x0 > bullet + 1:  # an item's next line is indented past its bullet
            items[-1] += " " + text
        else:
            if new or items:
                flush()
            paragraph.append(text)
        previous = line
    flush()
    if authors:
        doc.set("author", _byline(" ".join(authors)), "page 1, under the title")
    if front:
        doc.note("left out", f"{len(front)} lines of the authors' affiliations", "page 1")
    if small:
        doc.note(
            "left out",
            f"{len(small)} lines of small print (footnotes, captions, affiliations)",
            small[0].place,
        )


def _levels(lines: list[Line], body: float) -> dict[int, int]:
    """Return the level of each size a heading is set larger than the body in: the largest `##`,
    the next `###`, down to `#####`. A heading in bold at the body's size comes below them all."""
    larger = sorted(
        {round(line.size) for line in lines if _heading(line, body) and line.size >= body * LARGER}
    )
    return {size: 2 + min(3, rank) for rank, size in enumerate(reversed(larger))}


def _new_paragraph(previous: Line | None, line: Line, last: str, spacing: float, right: float) -> bool:
    """Tell whether `line` starts a paragraph after the `last` line of the one before: after a gap
    wider than the line spacing, or a line that ends short with a full stop; over a page break,
    only when the page ended a sentence."""
    if previous is None:
        return True
    if previous.page != line.page:
        return last.rstrip().endswith(".")
    ended = last.rstrip().endswith((".", ":", "?", "!"))
    return line.top - previous.top > GAP * spacing or previous.x1 < 0.8 * right and ended


def _byline(text: str) -> str:
    """Return the authors a paper's byline names, without their affiliations' marks: all of
    them up to three, else the first "et al."."""
    names = [n.strip() for n in re.split(r",|\band\b", _MARKS.sub("", text)) if n.strip()]
    return ", ".join(names) if len(names) <= 3 else f"{names[0]} et al."


def _close(a: Line, b: Line, spacing: float) -> bool:
    return a.page == b.page and 0 < b.top - a.top <= 1.5 * max(spacing, a.bottom - a.top)


def _joined(lines: list[str]) -> str:
    """Join a paragraph's lines: a word hyphenated at a line's end is one word again; a hyphen
    before a word of its own ("performance-metrics-|and-measures", an address) stays."""
    text = ""
    for line in lines:
        hyphenated = text.endswith("-") and line[:1].islower() and text[-2:-1].isalpha()
        if hyphenated and line.split(" ", 1)[0].split("-", 1)[0] in STOP:
            text += line
        elif hyphenated:
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return text
