"""Read a Markdown article into a `Lesson`: the file's bytes -> markdown-it-py tokens -> frozen
dataclasses (the tree is walked by markdown.py, its pictures checked by pictures.py).

Everything about the input is checked before anything is written: here its encoding, size,
characters and front matter. Problems the build can work around come back as `Diagnostic`s in
`Lesson.warnings`; problems it cannot raise `LessonError` with the file and line.
"""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.amsmath import amsmath_plugin
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from lecturekit.fonts import uncovered
from lecturekit.lexicon.english import DISCUSSION_TITLES
from lecturekit.model.brackets import brackets_plugin
from lecturekit.model.frontmatter import read_front_matter
from lecturekit.model.lesson import (
    BulletList,
    Diagnostic,
    Lesson,
    LessonError,
    Meta,
    Paragraph,
    Section,
    plain,
)
from lecturekit.model.markdown import BlockReader
from lecturekit.model.pandoc import DIV, pandoc_plugin, shown
from lecturekit.options import DEFAULT_MAX_BYTES

# Characters XML 1.0 forbids (python-pptx refuses them): C0 controls other than tab and
# newlines, DEL, and the non-characters U+FFFE and U+FFFF.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


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
    # Equations as Jupyter, Quarto, MyST and pandoc read them: `$...$` is no equation where it
    # is a price ("$5 and $6": no space inside the dollars, no digit right after the closing one);
    # also `\(...\)`, `\[...\]` and a bare `\begin{align}`; footnotes as `[^label]`.
    parser = parser.use(dollarmath_plugin, allow_labels=True, allow_space=False, allow_digits=False)
    parser = parser.use(brackets_plugin).use(amsmath_plugin).use(footnote_plugin)
    parser = parser.use(pandoc_plugin)  # fenced divs and heading attributes, as Quarto writes them
    return parser.use(front_matter_plugin) if front_matter else parser


def read_article(
    path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES, defaults: dict[str, Any] | None = None
) -> Lesson:
    """Return the `Lesson` read from the Markdown file at `path`; raise `LessonError` if it is unusable.

    `defaults` are checked front-matter fields (from a course.toml) that the article's own front
    matter overrides.
    """
    path = Path(path)
    text = decode_article(path, read_bytes(path, max_bytes))
    return parse_article(text, path, defaults)


def read_bytes(path: Path, max_bytes: int) -> bytes:
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
    reader = BlockReader(path, warnings)
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
    footnotes = tuple(reader.footnotes)
    return Lesson(meta, tuple(sections), path, footnotes, warnings=tuple(warnings))


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
    hidden = 0  # inside a fenced div for another format, and how deep
    for token in tokens:
        kind = token.type.removesuffix("_open").removesuffix("_close")
        if kind == DIV:  # a fenced div lays a page out: its blocks are read where it stands
            hidden += token.nesting if hidden or token.nesting == 1 and not shown(token.info) else 0
            continue
        if hidden:
            continue  # `{.content-visible when-format="pdf"}`: the PDF's version of what the web shows
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
