"""Read a Markdown article into a `Lesson`: markdown-it-py tokens -> frozen dataclasses.

Everything about the input is checked here, before anything is written: encoding, size,
front matter, images. Problems the build can work around come back as `Diagnostic`s in
`Lesson.warnings`; problems it cannot raise `LessonError` with the file and line.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from lecturekit.fonts import uncovered
from lecturekit.lexicon.english import DISCUSSION_TITLES
from lecturekit.model.frontmatter import read_front_matter
from lecturekit.model.lesson import (
    Block,
    Break,
    BulletList,
    Code,
    Diagnostic,
    Heading,
    Image,
    Inlines,
    Lesson,
    LessonError,
    ListItem,
    Meta,
    Paragraph,
    Quote,
    Section,
    Span,
    Table,
    plain,
)
from lecturekit.model.text import merge
from lecturekit.options import DEFAULT_MAX_BYTES

INTRODUCTION = "Introduction"

# Characters XML 1.0 forbids (python-pptx refuses them): C0 controls other than tab and
# newlines, DEL, and the non-characters U+FFFE and U+FFFF.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_DASH_ATTRIBUTION = re.compile(r"^\s*(?:—|―|--|– )\s*")
_SOFT = "\x00"  # marks a soft line break while reading a quote; NUL never survives cleaning


# markdown-it drops, without a word, whatever is nested deeper than its maxNesting (20 by
# default: a 10-level list); so it gets room for anything, and the reader itself flattens
# lists and quotes nested deeper than MAX_DEPTH, keeping their text.
MAX_NESTING = 100_000
MAX_DEPTH = 32  # containers: a list level is two (the list and its item)
_CONTAINERS = ("bullet_list", "ordered_list", "list_item", "blockquote")


def _parser(front_matter: bool = True) -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    # `![](divider.png){.decorative}`: attributes after a picture only, so "{...}" anywhere else
    # stays text as CommonMark reads it
    parser = parser.use(attrs_plugin, after=("image",))
    return parser.use(front_matter_plugin) if front_matter else parser


def read_article(
    path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES, defaults: dict[str, Any] | None = None
) -> Lesson:
    """Return the `Lesson` read from the Markdown file at `path`; raise `LessonError` if it is unusable.

    `defaults` are checked front-matter fields (from a course.toml) that the article's own front
    matter overrides.
    """
    path = Path(path)
    text = decode_article(path, _read_bytes(path, max_bytes))
    return parse_article(text, path, defaults)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LessonError(
                path,
                None,
                f"the article is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.1f} MB limit",
                "Split it into several articles, or raise the limit with --max-size MB.",
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise LessonError(
            path, None, "no such file", "Check the path; run from the project folder."
        ) from None
    except IsADirectoryError:
        raise LessonError(path, None, "this is a folder, not an article") from None
    except PermissionError:
        raise LessonError(path, None, "permission denied", "Make the file readable.") from None


# A byte-order mark is the only way a Markdown file declares its encoding. UTF-32's marks come
# first: the UTF-32 LE mark starts with UTF-16 LE's.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # not tab, newlines, vertical tab, form feed
BINARY_SHARE = 0.25  # of the first characters being controls: not text


def decode_article(path: Path, data: bytes) -> str:
    """Return `data` as text, or raise a clear error when it is not text.

    A byte-order mark names the encoding (UTF-8, UTF-16, UTF-32); without one the file must be
    valid UTF-8. Text that decodes is refused only when it is mostly control characters, as a
    binary file or UTF-16 saved without its mark is: a stray NUL or bell in real text is kept
    (see `_clean_characters`).
    """
    encoding = next((name for mark, name in _BYTE_ORDER_MARKS if data.startswith(mark)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        if b"\x00" in data[:8192]:
            raise LessonError(path, None, "this looks like a binary file, not Markdown text") from None
        line = data[: err.start].decode(encoding, errors="replace").count("\n") + 1
        raise LessonError(
            path,
            line,
            f"not valid {encoding.upper().removesuffix('-SIG')} (byte {err.start}: "
            f"{data[err.start : err.start + 1]!r})",
            "Save the file as UTF-8 in your editor.",
        ) from None
    head = text[:8192]
    if head and len(_CONTROLS.findall(head)) > BINARY_SHARE * len(head):
        utf16 = head.count("\x00") > len(head) // 3
        raise LessonError(
            path,
            None,
            "this looks like a binary file, not Markdown text",
            "It may be UTF-16 without a byte-order mark: save it as UTF-8." if utf16 else "",
        )
    return text


def parse_article(text: str, path: Path, defaults: dict[str, Any] | None = None) -> Lesson:
    """Return the `Lesson` for Markdown `text` read from `path` (used for messages and images)."""
    warnings: list[Diagnostic] = []
    text = _clean_characters(text, path, warnings)
    _warn_uncovered_characters(text, path, warnings)
    if not text.strip():
        raise LessonError(path, None, "the article is empty", "Write some Markdown, starting with a heading.")
    body = _tree(_parse(text, path), path, warnings)
    fields: dict[str, Any] = {}
    if body and body[0].type == "front_matter":
        first = body[0].map[0] + 2 if body[0].map else 2
        found = read_front_matter(body[0].content, path, first, warnings)
        if found is None:
            warnings.append(
                Diagnostic(
                    path,
                    1,
                    "the lines between the first two '---' are not 'key: value' "
                    "front matter; they are read as Markdown",
                )
            )
            body = _tree(_parse(text, path, front_matter=False), path, [])
        else:
            fields = found
            body = body[1:]
    reader = _BlockReader(path, warnings)
    top_title, sections = reader.sections(body)
    fields = {**(defaults or {}), **fields}
    title = fields.pop("title", "") or top_title or _title_from_file_name(path)
    sections, authored = _take_discussion_section(sections)
    fields["questions"] = tuple(fields.get("questions", ())) + authored
    meta = Meta(title=title, **fields)
    if not sections:
        warnings.append(
            Diagnostic(path, None, "the article has no text to show: only its title and sources are built")
        )
    return Lesson(meta=meta, sections=tuple(sections), path=path, warnings=tuple(warnings))


PARSE_RECURSION = 30_000


def _parse(text: str, path: Path, front_matter: bool = True) -> list[Token]:
    """Return markdown-it's tokens for `text`; an absurdly deep nesting is a clear error.

    markdown-it parses nested quotes and lists by recursion, a few calls a level; Python's
    default limit of 1000 calls would stop it near 300 levels. Pure-Python calls cost no C
    stack, so the limit is raised while parsing.
    """
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, PARSE_RECURSION))
    try:
        return _parser(front_matter).parse(text)
    except RecursionError:
        raise LessonError(
            path, None, "lists or block quotes are nested thousands of levels deep", "Nest them less deeply."
        ) from None
    finally:
        sys.setrecursionlimit(limit)


def _tree(tokens: list[Token], path: Path, warnings: list[Diagnostic]) -> list[SyntaxTreeNode]:
    """Return the top-level nodes of the token stream, lists and quotes nested past MAX_DEPTH flattened.

    A container that deep is left out, its contents kept in the container above it, so no text
    is lost and nothing downstream recurses without bound.
    """
    kept = []
    stack: list[bool] = []  # per open container: was it kept?
    depth = 0
    flattened_at = None
    for token in tokens:
        kind = token.type.removesuffix("_open").removesuffix("_close")
        if kind in _CONTAINERS and token.nesting == 1:
            keep = depth < MAX_DEPTH
            stack.append(keep)
            if keep:
                depth += 1
            elif flattened_at is None and token.map:
                flattened_at = token.map[0] + 1
            if not keep:
                continue
        elif kind in _CONTAINERS and token.nesting == -1:
            keep = stack.pop()
            if not keep:
                continue
            depth -= 1
        kept.append(token)
    if flattened_at is not None:
        warnings.append(
            Diagnostic(
                path, flattened_at, f"lists and quotes nested over {MAX_DEPTH // 2} levels deep are flattened"
            )
        )
    return list(SyntaxTreeNode(kept).children)


def _take_discussion_section(sections: list[Section]) -> tuple[list[Section], tuple[str, ...]]:
    """Return the sections without a "Discussion questions" section, and that section's questions.

    The author's questions go on the discussion slides and into the handout's questions part;
    the section itself is not lecture content.
    """
    kept: list[Section] = []
    questions: list[str] = []
    for section in sections:
        if plain(section.title).strip().rstrip(":").casefold() not in DISCUSSION_TITLES:
            kept.append(section)
            continue
        for block in section.blocks:
            if isinstance(block, BulletList):
                for item in block.items:
                    first = next((b for b in item.blocks if isinstance(b, Paragraph)), None)
                    if first is not None:
                        questions.append(" ".join(plain(first.inlines).split()))
            elif isinstance(block, Paragraph):
                questions.append(" ".join(plain(block.inlines).split()))
    return kept, tuple(q for q in questions if q)


def _title_from_file_name(path: Path) -> str:
    words = path.stem.replace("_", " ").replace("-", " ").strip() or "Lecture"
    return words[0].upper() + words[1:]


MAX_GLYPH_WARNINGS = 10


def _warn_uncovered_characters(text: str, path: Path, warnings: list[Diagnostic]) -> None:
    """Warn, by line, about characters no shipped font can draw (most often emoji)."""
    if text.isascii():
        return
    reported = 0
    for number, line in enumerate(text.split("\n"), start=1):
        missing = uncovered(line)
        if not missing:
            continue
        reported += 1
        if reported > MAX_GLYPH_WARNINGS:
            warnings.append(
                Diagnostic(path, number, "more characters no shipped font has (further lines not listed)")
            )
            return
        names = ", ".join(f"{c} (U+{ord(c):04X})" for c in missing[:8])
        warnings.append(
            Diagnostic(
                path,
                number,
                f"no shipped font has {names}: the handout may show a box, the deck depends on the viewer",
            )
        )


def _clean_characters(text: str, path: Path, warnings: list[Diagnostic]) -> str:
    """Return `text` with the characters XML (and so the deck) cannot hold made visible.

    U+0000 becomes U+FFFD, as CommonMark says; a vertical tab or form feed (white space to
    CommonMark) becomes a space; other control characters and the non-characters U+FFFE and
    U+FFFF become U+FFFD too, each line with one a warning. Other non-characters are valid XML
    and are kept.
    """
    if not _UNWANTED.search(text):
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        found = sorted(set(_UNWANTED.findall(line)))
        if found:
            names = ", ".join(f"U+{ord(c):04X}" for c in found)
            warnings.append(
                Diagnostic(path, number, f"control or non-characters ({names}) shown as U+FFFD or a space")
            )
            lines[number - 1] = _UNWANTED.sub(_shown_as, line)
    return "\n".join(lines)


def _shown_as(match: re.Match[str]) -> str:
    return " " if match.group() in "\x0b\x0c" else "\ufffd"


class _BlockReader:
    """Turn markdown-it's syntax tree into model blocks, keeping source lines."""

    def __init__(self, path: Path, warnings: list[Diagnostic]):
        self.path = path
        self.folder = path.resolve().parent
        self.warnings = warnings

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(Diagnostic(self.path, line, message))

    # -- sections --------------------------------------------------------------------------

    def sections(self, nodes: list[SyntaxTreeNode]) -> tuple[str, list[Section]]:
        """Return the document title taken from a lone top heading (or "") and the sections.

        Heading levels are relative: the highest level used makes the sections. A single heading
        at that level, first in the body, is the document's title, as in notes that start "# Title".
        """
        headings = [n for n in nodes if n.type == "heading"]
        title = ""
        if headings:
            top = min(_level(n) for n in headings)
            at_top = [n for n in headings if _level(n) == top]
            if len(at_top) == 1 and nodes[0] is at_top[0] and len(headings) > 1:
                title = plain(self.inlines(nodes[0])[0]).strip()
                nodes = nodes[1:]
                headings = headings[1:]
        section_level = min((_level(n) for n in headings), default=1)

        sections: list[Section] = []
        current_title: Inlines = (Span(INTRODUCTION),)
        current_line = 1
        blocks: list[Block] = []
        for node in nodes:
            if node.type == "heading" and _level(node) == section_level:
                if blocks:
                    sections.append(Section(current_title, current_line, tuple(blocks)))
                elif sections or current_title != (Span(INTRODUCTION),):
                    sections.append(Section(current_title, current_line, ()))
                current_title = self.heading_text(node)
                current_line = _line(node)
                blocks = []
            elif node.type == "heading":
                blocks.append(Heading(self.heading_text(node), _level(node) - section_level, _line(node)))
            else:
                blocks.extend(self.block(node))
        if blocks or current_title != (Span(INTRODUCTION),):
            sections.append(Section(current_title, current_line, tuple(blocks)))
        if sections and sections[0].title == (Span(INTRODUCTION),) and sections[0].blocks:
            sections[0] = replace(sections[0], line=getattr(sections[0].blocks[0], "line", 1))
        return title, sections

    def heading_text(self, node: SyntaxTreeNode) -> Inlines:
        inlines, images = self.inlines(node)
        if images:
            self.warn(_line(node), "an image in a heading is shown by its alt text only")
        return inlines or (Span("Untitled"),)

    # -- blocks ----------------------------------------------------------------------------

    def block(self, node: SyntaxTreeNode) -> list[Block]:
        kind = node.type
        line = _line(node)
        if kind == "paragraph":
            inlines, images = self.inlines(node)
            out: list[Block] = [Paragraph(inlines, line)] if plain(inlines).strip() else []
            return out + images
        if kind in ("bullet_list", "ordered_list"):
            items = tuple(ListItem(tuple(self.blocks(item.children))) for item in node.children)
            start = int(node.attrs.get("start", 1)) if kind == "ordered_list" else 1
            return [BulletList(items, kind == "ordered_list", start, line)]
        if kind == "blockquote":
            return [self.quote(node)]
        if kind in ("fence", "code_block"):
            info = (node.info or "").strip()
            return [Code(node.content.removesuffix("\n"), info.split()[0] if info else "", line)]
        if kind == "hr":
            return [Break(line)]
        if kind == "table":
            return [self.table(node)]
        if kind == "html_block":
            self.warn(line, "raw HTML block ignored (lecturekit shows Markdown only)")
            return []
        if kind == "heading":  # only inside quotes and lists: keep it as a bold paragraph
            return [Paragraph(tuple(replace(s, bold=True) for s in self.heading_text(node)), line)]
        self.warn(line, f"unsupported Markdown element {kind!r} ignored")
        return []

    def blocks(self, nodes: Iterable[SyntaxTreeNode]) -> tuple[Block, ...]:
        return tuple(block for node in nodes for block in self.block(node))

    def quote(self, node: SyntaxTreeNode) -> Quote:
        """Return a block quote; a last line starting with a dash ("— Name") is its attribution."""
        children = list(node.children)
        attribution: Inlines = ()
        tail_blocks: list[Block] = []
        if children and children[-1].type == "paragraph":
            # Read the last paragraph with soft breaks marked, to find its last source line.
            spans, images = self.inlines(children[-1], soft=_SOFT)
            text = plain(spans)
            cut = max(text.rfind(_SOFT), text.rfind("\n"))
            tail = text[cut + 1 :]
            if _DASH_ATTRIBUTION.match(tail):
                children = children[:-1]
                head, rest = _split_spans(spans, max(cut, 0))
                dash = len(tail) - len(_DASH_ATTRIBUTION.sub("", tail, count=1))
                attribution = _strip_spans(_split_spans(rest, dash + (1 if cut >= 0 else 0))[1])
                head = _strip_spans(tuple(replace(s, text=s.text.replace(_SOFT, " ")) for s in head))
                if plain(head).strip():
                    tail_blocks.append(Paragraph(head, _line(node)))
                tail_blocks.extend(images)
        blocks = self.blocks(children) + tuple(tail_blocks)
        return Quote(blocks, attribution, _line(node))

    def table(self, node: SyntaxTreeNode) -> Table:
        header: tuple[Inlines, ...] = ()
        rows: list[tuple[Inlines, ...]] = []
        align: tuple[str, ...] = ()
        for part in node.children:
            for row in part.children:
                cells = tuple(self.inlines(cell)[0] for cell in row.children)
                if part.type == "thead":
                    header = cells
                    align = tuple(_align(cell) for cell in row.children)
                else:
                    rows.append(cells)
        return Table(header, tuple(rows), align, _line(node))

    # -- inline text -------------------------------------------------------------------------

    def inlines(self, node: SyntaxTreeNode, soft: str = " ") -> tuple[Inlines, list[Image]]:
        """Return the formatted text of a block and the images found inside it (moved out).

        A soft line break becomes `soft` (a space, as in rendered Markdown).
        """
        spans: list[Span] = []
        images: list[Image] = []
        inline = next((c for c in node.children if c.type == "inline"), None)
        if inline is not None:
            self._soft = soft
            self._walk(inline.children, Span(""), spans, images, [_line(node)])
        return _collapse_spaces(merge(spans)), images

    def _walk(
        self,
        nodes: Iterable[SyntaxTreeNode],
        style: Span,
        out: list[Span],
        images: list[Image],
        line: list[int],
    ) -> None:
        for node in nodes:
            kind = node.type
            if kind == "text":
                out.append(replace(style, text=node.content))
            elif kind == "softbreak":
                out.append(replace(style, text=self._soft))
                line[0] += 1
            elif kind == "hardbreak":
                out.append(replace(style, text="\n"))
                line[0] += 1
            elif kind == "code_inline":
                out.append(replace(style, text=node.content, code=True))
            elif kind == "html_inline":
                out.append(replace(style, text=node.content))  # shown literally, never interpreted
            elif kind == "strong":
                self._walk(node.children, replace(style, bold=True), out, images, line)
            elif kind == "em":
                self._walk(node.children, replace(style, italic=True), out, images, line)
            elif kind == "s":
                self._walk(node.children, replace(style, strike=True), out, images, line)
            elif kind == "link":
                href = str(node.attrs.get("href", ""))
                self._walk(node.children, replace(style, href=href or None), out, images, line)
            elif kind == "image":
                image = self.image(node, line[0], inside_link=style.href is not None)
                if image is not None:
                    images.append(image)
            else:
                self._walk(node.children, style, out, images, line)

    def image(self, node: SyntaxTreeNode, line: int, inside_link: bool = False) -> Image | None:
        """Return the picture `node` shows, or None for a badge (dropped, with a warning).

        A remote picture is never fetched, and a local one that is missing or outside the
        article's folder cannot be shown: each is kept without a file, so the deck names it in
        the speaker notes, and a warning gives its line (`--strict` makes that an error).
        """
        src = str(node.attrs.get("src", ""))
        alt = _alt_text(node)
        title = str(node.attrs.get("title", "") or "")
        decorative = "decorative" in str(node.attrs.get("class", "")).split()
        parts = urlsplit(src)
        remote = bool(parts.scheme) or src.startswith("//")
        if remote and (inside_link or _BADGE.search(alt) or _BADGE_HOSTS.search(src)):
            self.warn(
                line, f"badge image {src!r} ({alt or 'no alt text'}) left out: it is no lecture content"
            )
            return None
        if remote:
            self.warn(line, f"remote image {src!r} is not fetched (the build is offline): the notes name it")
            return Image(src, alt, title, line, None)
        target = (self.folder / unquote(parts.path)).resolve()
        if not target.is_relative_to(self.folder):
            self.warn(
                line, f"image {src!r} is outside the article's folder, so it is not shown: the notes name it"
            )
            return Image(src, alt, title, line, None)
        if not target.is_file():
            self.warn(line, f"image {src!r} not found (looked for {target}): the notes name it")
            return Image(src, alt, title, line, None)
        if not alt and not decorative:
            self.warn(
                line,
                f"picture {src!r} has no alt text, so a screen-reader user will miss it: describe it as"
                f" ![what it shows]({src}), or mark it ![]({src}){{.decorative}} if it only decorates",
            )
        size = _picture_size(target, src, self.path, line)
        return Image(src, alt, title, line, target, size, decorative)


# A badge: a README's status picture, which says nothing in a lecture.
_BADGE = re.compile(
    r"\b(?:build|ci|test|tests|coverage|codecov|license|licence|pypi|npm|version|release|downloads|docs|"
    r"documentation|status|badge|chat|gitter|discord|doi|travis|circleci|appveyor|binder|zenodo)\b",
    re.IGNORECASE,
)
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


def _alt_text(node: SyntaxTreeNode) -> str:
    def text(n: SyntaxTreeNode) -> str:
        if n.type in ("text", "code_inline"):
            return n.content
        if n.type in ("softbreak", "hardbreak"):
            return " "
        return "".join(text(c) for c in n.children)

    return "".join(text(c) for c in node.children).strip()


def _level(node: SyntaxTreeNode) -> int:
    return int(node.tag[1:])


def _line(node: SyntaxTreeNode) -> int:
    return node.map[0] + 1 if node.map else 1


def _align(cell: SyntaxTreeNode) -> str:
    style = str(cell.attrs.get("style", ""))
    return style.removeprefix("text-align:") if style.startswith("text-align:") else ""


def _collapse_spaces(inlines: Inlines) -> Inlines:
    """Return `inlines` with runs of spaces outside code as one space, as rendered Markdown shows them.

    Runs appear where an inline image was moved out of its paragraph ("an  image").
    """
    out: list[Span] = []
    previous_space = False
    for span in inlines:
        if span.code:
            out.append(span)
            previous_space = span.text.endswith(" ")
            continue
        text = re.sub(" {2,}", " ", span.text)
        if previous_space and text.startswith(" "):
            text = text[1:]
        if text:
            out.append(replace(span, text=text))
            previous_space = text.endswith(" ")
    return tuple(out)


def _split_spans(inlines: Inlines, at: int) -> tuple[Inlines, Inlines]:
    """Split formatted text at character offset `at` of its plain text."""
    head: list[Span] = []
    tail: list[Span] = []
    pos = 0
    for span in inlines:
        end = pos + len(span.text)
        if end <= at:
            head.append(span)
        elif pos >= at:
            tail.append(span)
        else:
            head.append(replace(span, text=span.text[: at - pos]))
            tail.append(replace(span, text=span.text[at - pos :]))
        pos = end
    return tuple(head), tuple(tail)


def _strip_spans(inlines: Inlines) -> Inlines:
    spans = list(inlines)
    while spans and not spans[0].text.strip():
        spans.pop(0)
    while spans and not spans[-1].text.strip():
        spans.pop()
    if spans:
        spans[0] = replace(spans[0], text=spans[0].text.lstrip())
        spans[-1] = replace(spans[-1], text=spans[-1].text.rstrip())
    return tuple(spans)
