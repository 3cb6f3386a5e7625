"""Plain text, as a lecturer has it (copied out of a web page, saved from an editor) -> Markdown.

A copied page is a run of blocks separated by blank lines. It opens with a header of short
lines: the page's title, the publication, a byline, a date, the title again. Its body mixes
paragraphs with the author's headings, short lines of their own. It ends with the page's
furniture: a comment prompt, a tag line. The rules:

- **Title:** the first of two equal header lines, else the first line. A line naming the
  publication ("Linkilaw Business News") is the source; "By ..." the author; a date the date
  published. Any other header line is page furniture, left out.
- **Headings:** a short line of its own that does not end a sentence (it may ask a question),
  followed by text. Its level follows the document's pattern: a numbered heading's number
  ("2.1"), else part level, except the headings a paragraph announces ("Here are some recent
  ventures"), which are sub-parts while they stay as short; a heading in sentence case among
  Title Case ones is a sub-part too.
- **A lost heading.** Where a copy has two blank lines inside a run of sub-parts and the next
  paragraph opens with a name ("Nosotek, also known as ..."), the heading was there and did not
  copy (a picture, a link): the name heads the sub-part.
- **The close.** A closing paragraph that asks the reader questions, after the last sub-part's
  own text and not about it, is the article's conclusion, a part of its own.
- **Furniture** (comment prompts, share and subscribe lines, "Read more", captions, tags, a
  closing tag line in lower case) is left out, and listed.
- Lines wrapped inside a paragraph are joined; lines that open with a bullet or a number are a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lecturekit.errors import LessonError
from lecturekit.importers.document import Document, escape
from lecturekit.lexicon.english import (
    ANNOUNCING,
    BYLINE,
    CONCLUSION,
    CONNECTIVES,
    DATELINE,
    FURNITURE,
    OPENERS,
    PUBLICATION,
    STOP,
)
from lecturekit.model.reader import decode_article
from lecturekit.model.text import capitalised_throughout

HEADER_MOST = 8  # short lines before the first paragraph read as the page's header
HEADING_WORDS = 12  # words of a heading, at most
SOURCE_WORDS = 6  # words of a publication's name, at most
NAME_WORDS = 4  # words of a name that heads a sub-part whose heading was lost
_ITEM = re.compile(r"^\s*(?:[-*•·◦‣–]|(?P<number>\d{1,3})[.)])\s+")
_NUMBERED = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=[A-Z])")
_SENTENCE_END = re.compile(r"[.!:;,…]['’\"”)\]]*$")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_NAME = re.compile(r"^(?P<name>[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,3})(?:,| (?:is|was|are|were)\b)")
_NOT_NAMES = STOP | CONNECTIVES | OPENERS


@dataclass(frozen=True)
class Block:
    """Lines of the text between blank lines: where they start (`line`, from 1) and how many
    blank lines came before them (`gap`)."""

    lines: tuple[str, ...]
    line: int
    gap: int

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())

    @property
    def place(self) -> str:
        return f"line {self.line}"


_MARKDOWN = re.compile(r"\A---\s*\n|^#{1,6} \S|^```", re.MULTILINE)


def import_plain(
    data: bytes, path: Path, _pictures: Path | None = None, _relative_to: Path | None = None
) -> Document | None:
    """Return the article in a text file; None when the text is Markdown already (front matter,
    "#" headings or fenced code), to be read as it is."""
    text = decode_article(path, data)
    if not text.strip():
        raise LessonError(path, None, "the file is empty", "Paste the article's text into it.")
    if _MARKDOWN.search(text):
        return None
    return import_text(text)


def import_text(text: str) -> Document:
    """Return the article in plain `text` as a `Document` (see the module's docstring)."""
    doc = Document()
    blocks = split_blocks(text)
    body = blocks[_header(blocks, doc) :]
    end = _furniture_end(body)
    _body(body[:end], doc)
    for block in body[end:]:
        doc.left_out(block.text, "", block.place)
    return doc


def split_blocks(text: str) -> list[Block]:
    """Return the blocks of `text`: runs of lines between blank lines. A text with no blank line
    at all has a paragraph a line, as a copy often has."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not any(not line.strip() for line in lines[:-1]):
        return [Block((line.strip(),), k, 1) for k, line in enumerate(lines, 1) if line.strip()]
    blocks: list[Block] = []
    current: list[str] = []
    start, gap = 1, 0
    for number, line in enumerate(lines, 1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
            continue
        if current:
            blocks.append(Block(tuple(current), start, gap))
            current, gap = [], 0
        gap += 1
    if current:
        blocks.append(Block(tuple(current), start, gap))
    return blocks


def _header(blocks: list[Block], doc: Document) -> int:
    """Read the page's header (title, source, byline, date) into `doc`; return where its body starts."""
    header = 0
    while header < min(len(blocks), HEADER_MOST) and _short_line(blocks[header]):
        header += 1
    if header == len(blocks):  # nothing but short lines: a list of lines, no header to read
        header = min(1, header)
    lines = blocks[:header]
    if not lines:
        return 0
    texts = [" ".join(b.text.split()) for b in lines]
    title = next((k for k, t in enumerate(texts) if texts.count(t) > 1), 0)
    doc.set("title", texts[title], lines[title].place)
    rest = header
    for k, block in enumerate(lines):
        text = texts[k]
        if k == title:
            continue
        if _loose(text) == _loose(texts[title]):
            doc.left_out(text, "the title again", block.place)
        elif match := BYLINE.match(text):
            doc.set("author", match.group("name"), block.place)
        elif DATELINE.match(text):
            doc.set("published", text, block.place)
        elif PUBLICATION.search(text) and len(text.split()) <= SOURCE_WORDS and not doc.meta.get("source"):
            doc.set("source", text, block.place)
        elif k == header - 1 and k > title and _heading_like(text):
            rest = k  # the last short line before the text: the first part's heading
        else:
            doc.left_out(text, "", block.place)
    return rest


def _short_line(block: Block) -> bool:
    return (
        len(block.lines) == 1 and len(block.text.split()) <= HEADING_WORDS and not _ends_sentence(block.text)
    )


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text)) and not _NUMBERED.match(text + " X")


def _loose(text: str) -> str:
    """Return `text` as compared loosely: case, quotes and punctuation aside."""
    return " ".join(_WORD.findall(text.casefold().replace("’", "'")))


def _heading_like(text: str) -> bool:
    """Tell whether a line reads as a heading: short, starting with a capital or a number, not
    ending a sentence (a question may), and not furniture."""
    words = text.split()
    if _NUMBERED.match(text):
        return len(words) <= HEADING_WORDS and not _SENTENCE_END.search(text)
    return (
        0 < len(words) <= HEADING_WORDS
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "“\"'‘")
        and not _ends_sentence(text)
        and not FURNITURE.match(text)
        and not _ITEM.match(text)
    )


def _furniture(block: Block) -> bool:
    text = block.text
    return len(block.lines) == 1 and bool(FURNITURE.match(text) or BYLINE.match(text) or DATELINE.match(text))


def _furniture_end(body: list[Block]) -> int:
    """Return where the furniture the page ends with starts; a last short line in lower case with
    no full stop is its tag line ("startup in north korea")."""
    end = len(body)
    while end:
        block = body[end - 1]
        tagline = (
            len(block.lines) == 1 and block.text == block.text.lower() and not _ends_sentence(block.text)
        )
        if not (_furniture(block) or tagline and len(block.text.split()) <= HEADING_WORDS):
            break
        end -= 1
    return end


def _title_case(text: str) -> bool:
    return capitalised_throughout(_WORD.findall(text)[1:])


def _body(body: list[Block], doc: Document) -> None:
    """Write the body's headings, paragraphs and lists into `doc`, furniture left out."""
    kinds = [_kind(body, k) for k in range(len(body))]
    first_style = next(
        (_title_case(b.text) for b, kind in zip(body, kinds, strict=True) if kind == "heading"), False
    )
    level, sub_words = 0, 0  # the level of the last heading; a run of sub-parts' heading length
    sub_name = ""  # the last sub-part's heading
    announced = False
    last_paragraph = max((k for k, kind in enumerate(kinds) if kind == "paragraph"), default=-1)
    for k, (block, kind) in enumerate(zip(body, kinds, strict=True)):
        text = block.text
        if kind == "furniture":
            doc.left_out(text, "", block.place)
            continue
        if kind == "heading":
            level, sub_words = _level(text, level, sub_words, announced, first_style)
            sub_name = text if level == 3 else ""
            doc.heading(level, text, block.place)
            announced = False
            continue
        if level == 3 and sub_words:
            lost = _NAME.match(text)
            if block.gap >= 2 and lost and lost.group("name").split()[0].lower() not in _NOT_NAMES:
                name = lost.group("name").rstrip(".")
                if len(name.split()) <= NAME_WORDS:
                    doc.heading(3, name, f"{block.place}, a heading lost in the copy")
                    sub_name = name
            elif k == last_paragraph and "?" in text and sub_name.lower() not in text.lower():
                doc.heading(2, CONCLUSION, f"{block.place}, the closing paragraph")
                level = 2
        if kind == "list":
            _list(block, doc)
        else:
            doc.paragraph(text)
        announced = bool(ANNOUNCING.search(text))


def _level(text: str, level: int, sub_words: int, announced: bool, first_style: bool) -> tuple[int, int]:
    """Return a heading's level, after one at `level`, and the length of the sub-parts' headings
    in the run it starts or goes on (0: none). A numbered heading's number gives its level
    ("2.1" is `###`). Sub-parts are the headings a paragraph announced, those as short as the
    run's first, and one in sentence case among Title Case ones; any other is a part."""
    words = len(text.split())
    numbered = _NUMBERED.match(text)
    if numbered:
        return min(6, 2 + numbered.group("number").count(".")), sub_words
    if level and sub_words and words <= sub_words + 2 and not text.endswith("?"):
        return 3, sub_words
    if level and (announced or first_style and not _title_case(text) and words >= 3):
        return 3, words
    return 2, 0


def _kind(body: list[Block], k: int) -> str:
    block = body[k]
    if _furniture(block):
        return "furniture"
    if all(_ITEM.match(line) for line in block.lines[:1]) and (
        len(block.lines) > 1 or k + 1 < len(body) and _ITEM.match(body[k + 1].lines[0])
    ):
        return "list"
    following = next((b for b in body[k + 1 :] if not _furniture(b)), None)
    if (
        len(block.lines) == 1
        and _heading_like(block.text)
        and following is not None
        and not _heading_like(following.text)
    ):
        return "heading"
    return "paragraph"


def _list(block: Block, doc: Document) -> None:
    """Write a block of items as a Markdown list; a line that opens no item goes on the one before."""
    items: list[str] = []
    first = _ITEM.match(block.lines[0])
    ordered = bool(first and first.group("number"))
    for line in block.lines:
        marker = _ITEM.match(line)
        if marker or not items:
            items.append(line[marker.end() :] if marker else line)
        else:
            items[-1] += " " + line
    doc.blocks.append(
        "\n".join(
            f"{n}. {escape(item)}" if ordered else f"- {escape(item)}" for n, item in enumerate(items, 1)
        )
    )
    doc.note("list", f"{len(items)} items", block.place)
