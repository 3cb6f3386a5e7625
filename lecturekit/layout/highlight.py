"""Code as coloured tokens, line by line: pygments reads it, both writers draw it.

Lines are kept exactly: the tokens of a line join to the line as written (tabs expanded to
four columns, which is how the writers show them). Colours come from pygments' default style,
each darkened where needed to keep 4.5:1 contrast on the code background.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from lecturekit.layout.colours import readable

if TYPE_CHECKING:  # pygments is imported when code is highlighted, not before
    from pygments.lexer import Lexer
    from pygments.token import _TokenType

BACKGROUND = "F3F5F8"
INK = "1F2933"
MUTED = "52606D"  # for marks that are not code, such as the handout's wrap arrow
TAB = 4
STYLE = "default"


@dataclass(frozen=True)
class Token:
    text: str
    colour: str = ""  # RRGGBB, "" for the code's ink
    bold: bool = False
    italic: bool = False


Line = tuple[Token, ...]


def code_lines(text: str) -> list[str]:
    """Return the lines of a code block as they are shown: tabs expanded, nothing else changed."""
    return [line.expandtabs(TAB) for line in text.split("\n")]


@lru_cache(maxsize=256)
def highlight(text: str, lang: str) -> tuple[Line, ...]:
    """Return the lines of `text` as tokens coloured for `lang` (plain when lecturekit does not know it)."""
    lines = code_lines(text)
    lexer = _lexer(lang)
    if lexer is None:
        return tuple((Token(line),) if line else () for line in lines)
    out: list[list[Token]] = [[]]
    for kind, value in lexer.get_tokens("\n".join(lines)):
        look = _look(kind)
        for index, part in enumerate(value.split("\n")):
            if index:
                out.append([])
            if part:
                out[-1].append(Token(part, *look))
    # pygments ends the text with a newline of its own: drop the empty line it makes.
    while len(out) > len(lines) and not out[-1]:
        out.pop()
    found = tuple(tuple(_merge(line)) for line in out)
    if ["".join(t.text for t in line) for line in found] != lines:  # a lexer that changes text: show it plain
        return tuple((Token(line),) if line else () for line in lines)
    return found


def language_name(lang: str) -> str:
    """Return the display name of `lang` ("Python"), or "" when it is not known."""
    if lang.lower() in _NAMES:
        return _NAMES[lang.lower()]
    lexer = _lexer(lang)
    return lexer.name if lexer is not None else ""


# Fence tags pygments reads otherwise than authors mean them: "ttl" is Turtle's file extension
# (pygments gives it to Tera Term macros), and R's lexer is named after S, R's parent language.
_ALIASES = {"ttl": "turtle"}
_NAMES = {"r": "R"}


@lru_cache(maxsize=64)
def _lexer(lang: str) -> Lexer | None:
    if not lang:
        return None
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        name = _ALIASES.get(lang.lower(), lang.lower())
        return get_lexer_by_name(name, stripnl=False, stripall=False, ensurenl=True, tabsize=0)
    except ClassNotFound:
        return None


@lru_cache(maxsize=512)
def _look(kind: _TokenType) -> tuple[str, bool, bool]:
    """Return the colour, bold and italic of a pygments token type.

    Token types form a tree (Token.Literal.Scalar.Plain under Token.Literal), and lexers make
    types of their own that a style has no entry for: the nearest ancestor the style knows
    decides, as pygments' own formatters do.
    """
    from pygments.styles import get_style_by_name

    style_class = get_style_by_name(STYLE)
    while not style_class.styles_token(kind) and kind.parent is not None:
        kind = kind.parent
    style = style_class.style_for_token(kind)
    colour = readable(style["color"].upper(), BACKGROUND, INK) if style["color"] else ""
    return colour, bool(style["bold"]), bool(style["italic"])


def _merge(tokens: list[Token]) -> Iterator[Token]:
    """Yield `tokens` with neighbours of the same look, and spaces, joined: fewer runs to write."""
    last: Token | None = None
    for token in tokens:
        same = last is not None and (last.colour, last.bold, last.italic) == (
            token.colour,
            token.bold,
            token.italic,
        )
        if last is not None and (same or token.text.isspace()):  # spaces look the same in any colour
            last = Token(last.text + token.text, last.colour, last.bold, last.italic)
            continue
        if last is not None:
            yield last
        last = token
    if last is not None:
        yield last
