"""What pandoc's and Quarto's Markdown add that a lecture reads through: fenced divs, and the
attributes of headings and pictures.

A fenced div (`::: {.callout-note title="Summary"}` ... `:::`, and `::::` around `:::`) groups
blocks for a page's layout: its blocks are the lecture's, read as if the fences were not there
(mdit-py-plugins' container rule finds them; the reader leaves their tokens out), except content
Quarto shows only in another format than the web's (`shown`). A heading's attributes (`## RFID
{#rfid}`, `# Intro {.unnumbered}`, `{-}`) name it for links and numbering: they are read with
mdit-py-plugins' attribute parser (else by pandoc's looser rule for a bare value, `width=90%`) and
taken off the heading's text, so that "{#rfid}" is on no slide; so are a picture's that the
attribute plugin cannot read.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.attrs.parse import ParseError, parse
from mdit_py_plugins.container import container_plugin

DIV = "container_div"  # the tokens of a fenced div: "container_div_open", "container_div_close"


def pandoc_plugin(md: MarkdownIt) -> None:
    md.use(container_plugin, name="div", validate=lambda *_: True)
    md.core.ruler.after("inline", "heading_attributes", _heading_attributes)
    md.core.ruler.after("heading_attributes", "picture_attributes", _picture_attributes)


def shown(info: str) -> bool:
    """Tell whether a fenced div's content is for a lecture: not content Quarto shows only in
    another format (`{.content-visible when-format="pdf"}`, `{.content-hidden when-format="html"}`).
    lecturekit's outputs read as the web version does: a deck and a handout are no LaTeX."""
    found = _attributes(info.strip()) or {}
    classes = found.get("class", "").split()
    when, unless = found.get("when-format"), found.get("unless-format")
    if "content-visible" in classes:
        return (when is None or when == "html") and unless != "html"
    if "content-hidden" in classes:
        return when not in (None, "html") or unless == "html"
    return True


def _heading_attributes(state: StateCore) -> None:
    """Take a trailing attribute block off each heading's text, its id kept on the heading."""
    tokens = state.tokens
    for index, token in enumerate(tokens[:-1]):
        children = tokens[index + 1].children
        if token.type != "heading_open" or not children:
            continue
        last = children[-1]
        if last.type != "text" or not last.content.rstrip().endswith("}"):
            continue
        text = last.content.rstrip()
        start = text.rfind("{")
        found = _attributes(text[start:]) if start > 0 and text[start - 1].isspace() else None
        if found is None:
            continue
        block = text[start:]
        last.content = text[:start].rstrip()
        source = tokens[index + 1].content.rstrip()
        tokens[index + 1].content = source.removesuffix(block).rstrip()
        if "id" in found:
            token.attrSet("id", found["id"])


def _picture_attributes(state: StateCore) -> None:
    """Take off the text right after a picture an attribute block mdit-py-plugins' parser does not
    read, as pandoc writes it (`![...](a.svg){#fig-a width=90%}`: a bare value with "%")."""
    for token in state.tokens:
        children = token.children or []
        for picture, after in zip(children, children[1:], strict=False):
            if picture.type != "image" or after.type != "text" or not after.content.startswith("{"):
                continue
            end = after.content.find("}") + 1
            if end and _attributes(after.content[:end]) is not None:
                after.content = after.content[end:]


def _attributes(block: str) -> dict[str, str] | None:
    """Return the attributes a `{...}` block sets, or None when it is not one (text in braces):
    read by mdit-py-plugins' parser, else by pandoc's looser rule for a bare value ("90%")."""
    if block == "{-}":
        return {"class": "unnumbered"}  # pandoc's shorthand
    try:
        end, found = parse(block)
    except ParseError:
        loose = _LOOSE.fullmatch(block)
        if loose is None:
            return None
        pairs = (pair.split("=", 1) for pair in _PAIR.findall(block))
        return {key: value.strip('"') for key, value in pairs}
    return found if end == len(block) - 1 else None  # `end` is where its closing brace is


_ITEM = r'(?:[#.][\w:-]+|[\w:-]+=(?:"[^"]*"|[^\s{}"]+))'
_LOOSE = re.compile(rf"\{{\s*{_ITEM}(?:\s+{_ITEM})*\s*\}}")  # {#fig-a .wide width=90%}
_PAIR = re.compile(r'[\w:-]+=(?:"[^"]*"|[^\s{}"]+)')
