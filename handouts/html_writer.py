"""Draw a planned `Handout` as one self-contained, accessible web page.

The same plan as the PDF, in the same order: the first page's title, outcomes and contents,
each part with its key points and reading, the questions, the source. Semantic HTML (one h1,
headings that never skip a level, `main`, `nav`, `section`s, lists, tables with header cells,
pictures with their alt text), styles and pictures inline, no script, no external request.

The article's content is only ever data: jinja2 escapes every value, a link keeps only a safe
scheme, token colours are classes rather than style attributes, and the page's
Content-Security-Policy allows no script at all and only the one style sheet it carries
(by its hash).
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from lecturekit.layout import furniture
from lecturekit.layout.highlight import BACKGROUND, Line
from lecturekit.layout.links import followable
from lecturekit.layout.pictures import picture_bytes
from lecturekit.model.lesson import Inlines, plain

from .blocks import (
    INK,
    LINK,
    MUTED,
    RULE,
    TINT,
    CodeBlock,
    EquationBlock,
    Footnotes,
    Handout,
    ListBlock,
    Panel,
    Picture,
    QuestionBlock,
    QuoteBlock,
    Rule,
    TableBlock,
    Text,
)

TEMPLATES = Path(__file__).parent / "templates"


def write_html(handout: Handout) -> bytes:
    """Return the web page of `handout`, UTF-8."""
    _MARKED.clear()
    css = _css(handout)
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    said = furniture.words(handout.meta.lang)
    page = _template().render(
        _=said,
        handout=handout,
        meta=handout.meta,
        css=Markup(css),
        csp=f"default-src 'none'; img-src data:; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'",
        front=_front(handout),
        parts=[(part, _grouped(part.blocks)) for part in handout.parts],
        contents=[(part.heading.anchor, plain(part.heading.inlines)) for part in handout.parts],
    )
    return page.encode("utf-8")


def _front(handout: Handout) -> list:
    """The first page's blocks, its overview lines left out: the page's `nav` lists the parts."""
    return _grouped(
        [b for b in handout.front if not (isinstance(b, Text) and b.style in ("overview", "label"))]
    )


def _grouped(blocks) -> list[tuple[str, Any]]:
    """Return blocks as the template draws them: (kind, block), consecutive questions joined
    into one ("questions", [...]) so that they form one numbered list."""
    out: list[tuple[str, Any]] = []
    for block in blocks:
        if isinstance(block, QuestionBlock):
            if out and out[-1][0] == "questions":
                out[-1][1].append(block)
            else:
                out.append(("questions", [block]))
        else:
            out.append((_KINDS[type(block)], block))
    return out


_KINDS = {
    Text: "text",
    Rule: "rule",
    Picture: "picture",
    TableBlock: "table",
    CodeBlock: "code",
    ListBlock: "list",
    QuoteBlock: "quote",
    Panel: "panel",
    EquationBlock: "equation",
    Footnotes: "footnotes",
}


def inline_html(inlines: Inlines) -> Markup:
    """Return formatted text as HTML, every text node escaped, links only with a safe scheme."""
    parts = []
    for span in inlines:
        if span.math:  # MathML, which browsers draw and screen readers read, no script or font
            from lecturekit.layout.equations import web_mathml  # only a lecture with equations loads it

            parts.append(Markup(web_mathml(span.math)))
            continue
        if span.note:  # the first marker of a note is where its note links back to
            parts.append(Markup(_NOTE_REF if span.note not in _MARKED else _NOTE_AGAIN) % {"n": span.note})
            _MARKED.add(span.note)
            continue
        text = escape(span.text).replace("\n", Markup("<br>"))
        if span.code:
            text = Markup("<code>%s</code>") % text
        if span.bold:
            text = Markup("<strong>%s</strong>") % text
        if span.italic:
            text = Markup("<em>%s</em>") % text
        if span.strike:
            text = Markup("<s>%s</s>") % text
        if span.href and followable(span.href, relative=True):
            text = Markup('<a href="%s">%s</a>') % (span.href, text)
        parts.append(text)
    return Markup("").join(parts)


_MARKED: set[int] = set()  # the notes marked so far on the page being written (see write_html)
_NOTE_AGAIN = (
    '<sup><a href="#fn-%(n)s" class="noteref" role="doc-noteref" aria-label="note %(n)s">%(n)s</a></sup>'
)
_NOTE_REF = (
    '<sup><a href="#fn-%(n)s" id="fnref-%(n)s" class="noteref" role="doc-noteref" '
    'aria-label="note %(n)s">%(n)s</a></sup>'
)


def equation_html(block: EquationBlock) -> Markup:
    """Return a display equation as MathML, with its number."""
    from lecturekit.layout.equations import web_mathml

    return Markup(web_mathml(block.latex, display=True))


def panel_lists(rows: tuple[Text, ...]) -> list[tuple[str, Any]]:
    """Return a panel's rows as ("heading", Text) and ("list", [(point, [children])]) runs."""
    out: list[tuple[str, Any]] = []
    for row in rows:
        if row.bullet == "–" and out and out[-1][0] == "list":
            out[-1][1][-1][1].append(row)
        elif row.bullet:
            if not out or out[-1][0] != "list":
                out.append(("list", []))
            out[-1][1].append((row, []))
        else:
            out.append(("heading", row))
    return out


def code_lines(block: CodeBlock) -> list[Line]:
    """Return the code's lines as written: the rows the PDF wrapped, joined again (a browser wraps)."""
    lines: list[list] = []
    for row, continued in zip(block.rows, block.continued, strict=True):
        if continued and lines:
            lines[-1].extend(row)
        else:
            lines.append(list(row))
    return [tuple(line) for line in lines]


def token_class(token) -> str:
    names = [f"c{token.colour}"] if token.colour else []
    names += ["b"] * token.bold + ["i"] * token.italic
    return " ".join(names)


def picture_src(block: Picture) -> str:
    data, _ = picture_bytes(block.path, block.width, block.height)
    kind = "image/jpeg" if data[:2] == b"\xff\xd8" else "image/png"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def _css(handout: Handout) -> str:
    """Return the page's style sheet: the handout's type scale and colours, token colours as classes."""
    colours = sorted(
        {
            t.colour
            for part in handout.parts
            for b in _all_blocks(part.blocks)
            if isinstance(b, CodeBlock)
            for row in b.rows
            for t in row
            if t.colour
        }
    )
    tokens = "".join(f".c{c}{{color:#{c}}}" for c in colours)
    size = "A4" if round(handout.page.width) != 612 else "letter"
    return (
        _css_template().render(
            ink=INK,
            muted=MUTED,
            rule=RULE,
            tint=TINT,
            link=LINK,
            accent=handout.accent,
            code_background=BACKGROUND,
            page_size=size,
        )
        + tokens
    )


def _all_blocks(blocks):
    for block in blocks:
        yield block
        for item in getattr(block, "items", ()):
            yield from _all_blocks(item)
        yield from _all_blocks(getattr(block, "blocks", ()))


@cache
def _environment():
    from lecturekit.layout.jinja import environment

    env = environment(TEMPLATES, autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(
        inlines=inline_html,
        plain=plain,
        panel_lists=panel_lists,
        code_lines=code_lines,
        token_class=token_class,
        picture_src=picture_src,
        equation=equation_html,
    )
    env.globals["grouped"] = _grouped
    return env


@cache
def _template():
    return _environment().get_template("handout.html.j2")


@cache
def _css_template():
    return _environment().get_template("handout.css.j2")
