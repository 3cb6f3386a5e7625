"""LaTeX's own delimiters in Markdown: `\\(...\\)` inline and `\\[...\\]` on lines of their own,
read as equations as MathJax reads them in Jupyter, Quarto and pandoc's tex_math_single_backslash.

Markdown also writes `\\[` for a bracket it shows as written ("\\[sic\\]", an escaped
"\\[not\\](a link)"), so a display equation is taken only where `\\[` opens a line and `\\]` closes
one, with no blank line between, and holds what an equation does (a command, a sign, a figure)
or is one word; anything else stays text ("\\[Pause for questions\\]", as an import escapes it). markdown-it calls these rules as
it calls its own: `state` is its parser's, and each rule moves it past what it read.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

_INLINE = re.compile(r"\\\((.+?)\\\)", re.DOTALL)
_MATHLIKE = re.compile(r"[\\^_=+\-*/<>()|\d]")  # what an equation of more than one word holds


def brackets_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("escape", "math_inline_parenthesis", _inline)
    # like `$$`, it may interrupt a paragraph: "The key formula is\n\\[ ... \\]"
    md.block.ruler.before(
        "fence", "math_block_bracket", _block, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )


def _inline(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("\\(", state.pos):
        return False
    match = _INLINE.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        token = state.push("math_inline", "math", 0)
        token.content, token.markup = match.group(1), "\\("
    state.pos = match.end()
    return True


def _block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    begin = state.bMarks[start_line] + state.tShift[start_line]
    if state.sCount[start_line] - state.blkIndent >= 4 or not state.src.startswith("\\[", begin):
        return False  # indented code, or no `\[` opening the line
    line = start_line
    while line < end_line:
        text = state.src[(begin + 2 if line == start_line else state.bMarks[line]) : state.eMarks[line]]
        if line > start_line and not text.strip():
            return False  # a blank line: the paragraph ended with no `\]`
        if text.rstrip().endswith("\\]"):
            break
        line += 1
    else:
        return False
    content = state.src[begin + 2 : state.eMarks[line]].rstrip()[:-2]
    if len(content.split()) > 1 and not _MATHLIKE.search(content):
        return False  # "\\[Pause for questions\\]": words in brackets, as an import escapes them
    if not silent:
        token = state.push("math_block", "math", 0)
        token.block = True
        token.content = content
        token.markup = "\\["
        token.map = [start_line, line + 1]
    state.line = line + 1
    return True
