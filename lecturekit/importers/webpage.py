"""A web page (saved as .html, or fetched from its address) -> Markdown, through trafilatura.

trafilatura (Apache-2.0) finds a page's main text and leaves its navigation, sidebars, share
buttons and comments; it reads the title, author, date and site name from the page's metadata.
Its result is a tree of headings, paragraphs, lists, quotes, code, tables and pictures, which
this module writes as Markdown, every text escaped, its headings counted from the page's own
top level. Left out: the page's title heading and a byline that repeat the metadata, a
paragraph of furniture the extraction kept ("Share this article"), a note about the author,
and the pictures' captions (a caption on a slide without its picture says nothing). A picture of a saved page comes from beside it (its `_files` folder);
a remote one stays remote, as a Markdown picture always does (named in the notes, never fetched).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlparse

from lecturekit.errors import LessonError
from lecturekit.importers.document import Document, escape
from lecturekit.lexicon.english import BYLINE, FURNITURE

LEAST_WORDS = 30  # of main text: less, and the page's text was not found
_HEADING = re.compile(r"h([1-6])")
_MARKS = {"#b": "**", "#strong": "**", "#i": "*", "#em": "*", "#t": "`", "#u": ""}
# Line breaks and spaces at a paragraph's edges: a break that ends a paragraph shows as "\".
_EDGES = re.compile(r"^(?:\\\n|\s)+|(?:\\\n|\s)+$")
# A link to the page's own comment form ("Cancel", "abbrechen", "Responder"), in any language.
_COMMENT_FORM = re.compile(r"#(?:respond|reply|comments?|comment-form)$", re.IGNORECASE)


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)


def import_page(
    data: bytes, path: Path, _pictures: Path | None = None, _relative_to: Path | None = None
) -> Document:
    """Return the article of the web page in `data` (read from `path`)."""
    import trafilatura
    from trafilatura.utils import decode_file

    html = decode_file(data)  # UTF-8, else the encoding the page declares or its bytes suggest
    saved = _SAVED_FROM.search(html[:4096])  # a browser's mark on a saved page: its address
    url = saved.group(1) if saved else ""
    doc = Document()
    lines = _Lines(html)  # where a text stands in the page as saved
    html = _without_captions(html, doc)
    found: Any = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_formatting=True,
        include_links=True,
        include_images=True,
        include_tables=True,
    )
    body = getattr(found, "body", None)
    words = len(" ".join(body.itertext()).split()) if body is not None else 0
    if body is None or words < LEAST_WORDS:
        raise LessonError(
            path,
            None,
            f"no article text found in this page (the main text found has {words} words)",
            "Save the page with its text (not only its frame), or copy the text into a .txt file.",
        )
    for key, value in (
        ("title", _title(found.title or "", body, found.sitename or "")),
        ("author", found.author),
        ("source", found.sitename or found.hostname or urlparse(url or found.url or "").hostname or ""),
        ("published", found.date),
        ("url", url or found.url),
        ("lang", _language(html)),  # the page's own: a German page gets a German lecture's words
    ):
        if value:
            doc.set(key, str(value), lines.place(str(value)))
    _Writer(doc, lines, path.parent, url or found.url or "").write(body)
    if not doc.blocks:
        raise LessonError(path, None, "no article text found in this page", "Copy the text into a .txt file.")
    return doc


_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)", re.I)


def _language(html: str) -> str:
    """Return the language a page says it is in (`<html lang="de">`), or ""."""
    found = _HTML_LANG.search(html[:20000])
    return found.group(1) if found else ""


_ANCHOR = re.compile(r"\s*[#¶§🔗]$")  # a heading's permalink mark: "Feature detection #"


def _title(title: str, body: Any, site: str) -> str:
    """Return the page's title without the site's name after it ("Neural network - Wikipedia",
    "What we do - Creative Commons"): its first heading, when the title starts with that heading
    and runs on after a separator; else the title less " - " and the site's name."""
    for separator in (" - ", " | ", " – ", " — ", " · "):
        if site and title.endswith(separator + site):
            return title[: -len(separator + site)]
    first = next((e for e in body.iter("head")), None)
    heading = _ANCHOR.sub("", _plain(first)) if first is not None else ""
    rest = title[len(heading) :].strip() if heading and title.startswith(heading) else ""
    return heading if rest[:1] in ("-", "|", "–", "—", ":", "·") and len(rest.split()) <= 8 else title


_CAPTION = "//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' wp-caption-text ')]"


def _without_captions(html: str, doc: Document) -> str:
    """Return the page without its pictures' captions, listed as left out: a caption belongs to
    its picture, and a slide that shows it without the picture says nothing."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html  # not a page lxml reads: trafilatura says what it finds
    captions = root.xpath(_CAPTION)
    if not captions:
        return html
    for caption in captions:
        text = " ".join(caption.text_content().split())
        if text:
            doc.left_out(text, "a picture's caption")
        caption.drop_tree()
    return str(lxml_html.tostring(root, encoding="unicode"))


class _Lines:
    """Where a text stands in the page's source, for the import's report."""

    def __init__(self, html: str):
        self.html = html

    def place(self, text: str) -> str:
        at = self.html.find(text[:40])
        return f"line {self.html.count(chr(10), 0, at) + 1}" if at >= 0 else ""


class _Writer:
    """Writes trafilatura's tree as Markdown blocks into a `Document`."""

    def __init__(self, doc: Document, lines: _Lines, folder: Path, url: str):
        self.doc, self.lines, self.folder, self.url = doc, lines, folder, url
        self.seen_title = False
        self.top = 2  # the page's top heading level (see `write`)

    def write(self, body: Any) -> None:
        """Write the page's main text; its headings' levels counted from the top one it uses."""
        title = self.doc.meta.get("title", "").casefold()
        levels = [_level(h) for h in body.iter("head") if _plain(h).casefold() != title]
        self.top = min(levels, default=2)
        self.blocks(body)

    def blocks(self, parent: Any, depth: int = 0) -> None:
        for element in parent:
            tag = element.tag
            if tag == "head":
                self.heading(element)
            elif tag == "p":
                self.paragraph(element)
            elif tag == "list":
                self.doc.blocks.append("\n".join(self.items(element, 0)))
            elif tag == "quote":
                self.quote(element)
            elif tag == "code":
                self.code(element)
            elif tag == "table":
                self.table(element)
            elif tag == "graphic":
                self.picture(element)
            elif len(element):
                self.blocks(element, depth + 1)

    def heading(self, element: Any) -> None:
        text = _ANCHOR.sub("", _plain(element))
        if not text:
            return
        if not self.seen_title and text.casefold() == self.doc.meta.get("title", "").casefold():
            self.seen_title = True  # the page's own title: the front matter has it
            return
        # the page's top heading level is the lecture's `##`: a blog's parts are often h3
        self.doc.heading(max(2, min(6, _level(element) - self.top + 2)), text, self.lines.place(text))

    def paragraph(self, element: Any) -> None:
        text = _EDGES.sub("", self.inline(element))
        plain = _plain(element)
        if not plain:
            return
        links = list(element.iter("ref"))
        if len(links) == 1 and _COMMENT_FORM.search(links[0].get("target", "")) and _plain(links[0]) == plain:
            self.doc.left_out(plain, "a link to the comment form", self.lines.place(plain))
            return
        author = self.doc.meta.get("author", "")
        if FURNITURE.match(plain) or BYLINE.match(plain) and (not author or author in plain):
            self.doc.left_out(plain, "", self.lines.place(plain))
            return
        if author and re.match(re.escape(author) + r"(?: is| was|,) ", plain):
            self.doc.left_out(plain, "about the author", self.lines.place(plain))
            return
        self.doc.blocks.append(text)
        for picture in element.iter("graphic"):
            self.picture(picture)

    def inline(self, element: Any) -> str:
        """Return an element's text as Markdown inlines: emphasis, code, links; the rest escaped."""
        parts = [_text(element.text)]
        for child in element:
            inner = self.inline(child).strip()
            if inner[:1].isalnum() and child.tag in ("hi", "ref") and _word_end(parts[-1]):
                parts.append(" ")  # "including <b>Yurik</b>": the space the extraction trimmed
            if child.tag == "hi" and inner:
                mark = _MARKS.get(child.get("rend", ""), "")
                if mark == "`":
                    parts.append(_code("".join(child.itertext())))
                elif _flanked(inner):
                    parts.append(f"{mark}{inner}{mark}")
                else:
                    parts.append(inner)  # "<b>, lang=...</b>": marks Markdown would show as they are
            elif child.tag == "code" and inner:
                parts.append(_code("".join(child.itertext())))
            elif child.tag == "ref" and inner and child.get("target", "").startswith(("http://", "https://")):
                parts.append(f"[{inner}](<{child.get('target')}>)")
            elif child.tag == "lb":
                parts.append("\\\n")
            elif child.tag == "del":
                parts.append(f"~~{inner}~~" if inner else "")
            elif child.tag != "graphic":
                parts.append(inner)
            tail = _text(child.tail)
            if inner and child.tag in ("hi", "ref") and tail[:1].isalnum():
                tail = " " + tail
            parts.append(tail)
        return "".join(_joined(parts))

    def items(self, element: Any, depth: int) -> list[str]:
        ordered = element.get("rend") == "ol"
        lines: list[str] = []
        for number, item in enumerate((i for i in element if i.tag == "item"), 1):
            nested = [child for child in item if child.tag == "list"]
            for child in nested:
                item.remove(child)
            marker = f"{number}." if ordered else "-"
            lines.append("   " * depth + f"{marker} {self.inline(item).strip()}")
            for child in nested:
                lines += self.items(child, depth + 1)
        return lines

    def quote(self, element: Any) -> None:
        texts = [self.inline(p).strip() for p in element if p.tag == "p"] or [self.inline(element).strip()]
        self.doc.blocks.append("\n>\n".join(f"> {t}" for t in texts if t))

    def code(self, element: Any) -> None:
        text = "".join(element.itertext()).strip("\n")
        fence = "````" if "```" in text else "```"
        self.doc.blocks.append(f"{fence}\n{text}\n{fence}")

    def table(self, element: Any) -> None:
        rows = [
            [self.inline(cell).strip().replace("\n", " ") for cell in row]
            for row in element
            if row.tag == "row"
        ]
        rows = [row for row in rows if row]
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        self.doc.blocks.append("\n".join(lines))

    def picture(self, element: Any) -> None:
        src, alt = element.get("src", ""), " ".join((element.get("alt") or "").split())
        if not src or src.startswith("data:"):
            return
        if not src.startswith(("http://", "https://")):
            local = self.folder / unquote(src.split("?")[0])
            if not src.startswith("/") and local.is_file():
                src = local.relative_to(self.folder).as_posix()  # saved with the page, in its _files folder
            elif self.url:
                src = urljoin(self.url, src)  # on the site: a remote picture, named in the notes
            else:
                self.doc.note("left out", f"a picture not saved with the page: {alt or src}")
                return
        self.doc.blocks.append(f"![{escape(alt)}](<{src}>)")
        self.doc.note("picture", alt or src, self.lines.place(src))


def _text(text: str | None) -> str:
    """Return a run of text escaped, keeping a space at either end as one."""
    if not text:
        return ""
    if not text.strip():
        return " "
    return (" " if text[0].isspace() else "") + escape(text) + (" " if text[-1].isspace() else "")


def _plain(element: Any) -> str:
    """Return an element's text, its spaces collapsed."""
    return " ".join("".join(element.itertext()).split())


def _level(head: Any) -> int:
    """Return a heading's level in the page: its `h1`-`h6`; 2 when trafilatura does not say."""
    found = _HEADING.fullmatch(head.get("rend", "") or "")
    return int(found.group(1)) if found else 2


def _flanked(inner: str) -> bool:
    """Tell whether emphasis marks around `inner` read as emphasis: it opens and closes with a
    word's letter or digit (CommonMark shows "**, lang=**" with its stars)."""
    return inner[0].isalnum() and (inner[-1].isalnum() or inner[-1] in ")’'\"”")


def _joined(parts: list[str]) -> list[str]:
    return [part for part in parts if part]


def _code(text: str) -> str:
    text = " ".join(text.split())
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}" if text else ""


def _word_end(text: str) -> bool:
    """Tell whether `text` ends a word or a clause's punctuation, with no space after it."""
    return text[-1:].isalnum() or text[-1:] in ",;:.!?)"
