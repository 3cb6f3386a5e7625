"""markdown-it's syntax tree -> the lesson's sections, blocks and inlines, source lines kept."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from markdown_it.tree import SyntaxTreeNode

from lecturekit.model.lesson import (
    MATH_WORD,
    NOTE_MARK,
    Block,
    Break,
    BulletList,
    Code,
    Diagnostic,
    Equation,
    Footnote,
    Heading,
    Image,
    Inlines,
    ListItem,
    Paragraph,
    Quote,
    Section,
    Span,
    Table,
    plain,
)
from lecturekit.model.pictures import read_picture
from lecturekit.model.text import merge

INTRODUCTION = "Introduction"  # translated with the lecture (lecturekit.language.segment)
_DASH_ATTRIBUTION = re.compile(r"^\s*(?:—|―|--|– )\s*")
_UNDEFINED_NOTE = re.compile(r"\[\^[^\]\s]+\](?!:)")  # a marker markdown-it found no note for
_SOFT = "\x00"  # marks a soft line break while reading a quote; NUL never survives cleaning


class BlockReader:
    """Turn markdown-it's syntax tree into model blocks, keeping source lines."""

    def __init__(self, path: Path, warnings: list[Diagnostic]):
        self.path = path
        self.folder = path.resolve().parent
        self.warnings = warnings
        self.footnotes: list[Footnote] = []
        self.numbers: dict[int, int] = {}  # a footnote's number, in the order the text marks them
        self._in_heading = False
        self._in_footnote = False

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(Diagnostic(self.path, line, message))

    # -- sections --------------------------------------------------------------------------

    def sections(self, nodes: list[SyntaxTreeNode]) -> tuple[str, list[Section]]:
        """Return the document title taken from a lone top heading (or "") and the sections.

        Heading levels are relative: the highest level used makes the sections. A single heading
        at that level, the first heading of the body, is the document's title, as in notes that
        start "# Title", and in a chapter that puts a note before it (a Quarto callout): what comes
        before it opens the introduction.
        """
        headings = [n for n in nodes if n.type == "heading"]
        title = ""
        if headings:
            top = min(_level(n) for n in headings)
            at_top = [n for n in headings if _level(n) == top]
            if len(at_top) == 1 and headings[0] is at_top[0] and len(headings) > 1:
                title = plain(self.inlines(headings[0])[0]).strip()
                nodes = [n for n in nodes if n is not headings[0]]
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
            elif node.type == "footnote_block":
                found = (self.footnote(n) for n in node.children if n.type == "footnote")
                self.footnotes.extend(note for note in found if note is not None)
            else:
                blocks.extend(self.block(node))
        self.footnotes.sort(key=lambda note: note.number)
        if blocks or current_title != (Span(INTRODUCTION),):
            sections.append(Section(current_title, current_line, tuple(blocks)))
        if sections and sections[0].title == (Span(INTRODUCTION),) and sections[0].blocks:
            sections[0] = replace(sections[0], line=getattr(sections[0].blocks[0], "line", 1))
        return title, sections

    def heading_text(self, node: SyntaxTreeNode) -> Inlines:
        self._in_heading = True  # a title shows an equation as plain text ("E = mc²")
        try:
            inlines, images = self.inlines(node)
        finally:
            self._in_heading = False
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
        if kind in ("math_block", "math_block_label", "amsmath"):
            return [self.equation(node, line)]
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

    def equation(self, node: SyntaxTreeNode, line: int) -> Block:
        """Return a display equation, or its source as code when it cannot be shown (warned)."""
        from lecturekit.model.formula import displayed, problem, without_tag  # only for an equation

        latex, tag = without_tag(displayed(node.content))
        trouble = problem(latex)
        if trouble:
            self.warn(line, f"the equation is shown as its LaTeX source: {trouble}")
            return Code(node.content.strip(), "latex", line)
        return Equation(latex, line, tag)

    def footnote(self, node: SyntaxTreeNode) -> Footnote | None:
        """Return a footnote's text: its paragraphs joined, read as any paragraph is; None, with
        a warning, for one the text marks nowhere but in a heading or another note."""
        line = _line(node.children[0]) if node.children else _line(node)
        number = self.numbers.get(int(node.meta.get("id", 0)))
        if number is None:
            self.warn(line, "the footnote is marked only in a heading or another note: it is left out")
            return None
        spans: list[Span] = []
        self._in_footnote = True  # a note marked in a note: left out (no list can link it)
        try:
            for child in node.children:
                if child.type == "paragraph":
                    inlines, _ = self.inlines(child)
                    spans += [Span(" ")] * bool(spans) + list(inlines)
        finally:
            self._in_footnote = False
        return Footnote(number, merge(spans), line)

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
                for label in _UNDEFINED_NOTE.findall(node.content):
                    self.warn(line[0], f"the footnote {label} has no text: add a line '{label}: ...'")
            elif kind == "softbreak":
                out.append(replace(style, text=self._soft))
                line[0] += 1
            elif kind == "hardbreak":
                out.append(replace(style, text="\n"))
                line[0] += 1
            elif kind in ("math_inline", "math_inline_double"):
                out.append(self.math(node.content, style, line[0]))
            elif kind == "footnote_ref":
                if not (self._in_heading or self._in_footnote):  # a title shows no marker
                    number = self.numbers.setdefault(int(node.meta.get("id", 0)), len(self.numbers) + 1)
                    out.append(replace(style, text=NOTE_MARK, href=None, note=number))
            elif kind == "footnote_anchor":
                continue
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

    def math(self, latex: str, style: Span, line: int) -> Span:
        """Return an inline equation: one word to the analysis (MATH_WORD), its source kept; in a
        heading, plain text; its source as code when it cannot be shown (warned)."""
        from lecturekit.model.formula import linear, problem  # only for an equation

        latex = latex.strip()
        trouble = problem(latex)
        if trouble:
            self.warn(line, f"the equation ${latex}$ is shown as its LaTeX source: {trouble}")
            return replace(style, text=latex, code=True)
        if self._in_heading:
            return replace(style, text=linear(latex))
        return replace(style, text=MATH_WORD, math=latex, code=False)

    def image(self, node: SyntaxTreeNode, line: int, inside_link: bool = False) -> Image | None:
        """Return the picture `node` shows (see lecturekit.model.pictures), or None for a badge."""
        return read_picture(node, line, self.folder, self.path, self.warn, inside_link)


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
