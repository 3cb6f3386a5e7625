"""Equations as the reader checks them: can they be shown, and how do they read as plain text.

latex2mathml (MIT) turns LaTeX into MathML, the one form every output starts from. It is loaded
only when an article holds an equation. A command it does not know comes out as text with its
backslash ("\\foo"): such an equation is shown as its source instead.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_NS = "{http://www.w3.org/1998/Math/MathML}"
_NUMBERING = re.compile(r"\\label\{[^{}]*\}|\\nonumber\b|\\notag\b")
_TAG = re.compile(r"\\tag\*?\{([^{}]*)\}")
_SUPERSCRIPTS = str.maketrans("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
_COMBINING = {
    "¯": "\u0304",
    "―": "\u0305",
    "→": "\u20d7",
    "^": "\u0302",
    "~": "\u0303",
    "˙": "\u0307",
    "¨": "\u0308",
}
_SUBSCRIPTS = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")


_ENVIRONMENT = re.compile(
    r"^\\begin\{(equation|align|gather|multline|flalign|alignat)(\*?)\}(.*)\\end\{\1\2\}$", re.S
)
_ALIGNED = re.compile(r"\\begin\{(aligned|gathered|split)\}(.*?)\\end\{\1\}", re.S)


def displayed(latex: str) -> str:
    """Return a display equation as latex2mathml reads it. An environment written bare in Markdown
    (`\\begin{align}`) is the equation inside it; `aligned` and `gathered`, which latex2mathml
    misreads (an "&" left in its output), are the `array` they lay out: columns right and left
    in turn, or one centred."""
    found = _ENVIRONMENT.match(latex.strip())
    if found is not None:
        kind, body = found.group(1), found.group(3).strip()
        if kind == "alignat":
            body = re.sub(r"^\{\d+\}", "", body)  # its column count
        inner = "gathered" if kind == "gather" else "aligned"
        latex = body if kind == "equation" else f"\\begin{{{inner}}}{body}\\end{{{inner}}}"
    return _ALIGNED.sub(_as_array, latex)


def _as_array(found: re.Match[str]) -> str:
    body = found.group(2)
    if found.group(1) == "gathered":
        return f"\\begin{{array}}{{c}}{body}\\end{{array}}"
    columns = 1 + max((row.count("&") for row in body.split("\\\\")), default=0)
    return f"\\begin{{array}}{{{('rl' * columns)[:columns]}}}{body}\\end{{array}}"


def without_tag(latex: str) -> tuple[str, str]:
    """Return an equation without its `\\tag{n}`, and n ("" when it has none); a `\\label`,
    `\\nonumber` or `\\notag`, which only LaTeX's numbering reads, is left out too."""
    latex = _NUMBERING.sub("", latex)
    found = _TAG.search(latex)
    if found is None:
        return latex.strip(), ""
    return (latex[: found.start()] + latex[found.end() :]).strip(), found.group(1).strip()


@lru_cache(maxsize=4096)
def mathml(latex: str, display: bool = False) -> str:
    """Return the MathML of `latex` (raise ValueError when it cannot be read)."""
    from latex2mathml.converter import convert

    try:
        return _tidied(convert(latex, display="block" if display else "inline"))
    except Exception as error:  # latex2mathml raises its own errors and IndexError on bad input
        raise ValueError(str(error) or type(error).__name__) from None


_MINUS = "<mo>&#x02212;</mo>"
_BEFORE_A_SIGN = re.compile(
    r"(<mrow>|<mo[^>]*>(?:[(\[{,=<>]|&#x0002[8C];|&#x0003[CDE];|&#x0005B;|&#x0007B;)</mo>)" + _MINUS
)


def _tidied(found: str) -> str:
    """Return latex2mathml's MathML with a sign set as a sign ("(−1, 1)", "= −3", not "( − 1") and
    ":=" as one symbol, as TeX sets them."""
    found = _BEFORE_A_SIGN.sub(lambda m: m.group(1) + '<mo form="prefix">&#x02212;</mo>', found)
    return found.replace("<mi>:</mi><mo>&#x0003D;</mo>", "<mo>&#x02254;</mo>")


def problem(latex: str) -> str:
    """Return what keeps `latex` from being shown as an equation ("" when nothing does)."""
    from xml.etree import ElementTree

    if not latex.strip():
        return "it is empty"
    try:
        tree = ElementTree.fromstring(mathml(latex))
    except (ValueError, ElementTree.ParseError) as error:
        return f"it cannot be read ({error})"
    unknown = sorted({t for t in tree.itertext() if t.startswith("\\") and len(t) > 1})
    if unknown:
        return "lecturekit does not know " + ", ".join(unknown[:3])
    return ""


@lru_cache(maxsize=4096)
def linear(latex: str) -> str:
    """Return an equation as plain text a title can hold: "E = mc²", "√(k/m)", "(1 − cⁿ)/(1 − c)"."""
    from xml.etree import ElementTree

    try:
        tree = ElementTree.fromstring(mathml(latex))
    except (ValueError, ElementTree.ParseError):
        return latex
    text = _linear(tree)
    return re.sub(r"\s+", " ", text).strip()


def _linear(node: Any) -> str:  # an ElementTree element
    tag = node.tag.removeprefix(_NS)
    parts = [_linear(child) for child in node]
    if tag in ("mi", "mn", "mtext", "ms"):
        return node.text or ""
    if tag == "mo":
        text = node.text or ""
        sign = node.get("form") == "prefix"  # "−3", not "− 3"
        return f" {text} " if text in "=+−<>≤≥≈≠→×±" and text and not sign else text
    if tag == "mspace":
        return " "
    if tag in ("msup", "msub") and len(parts) == 2:
        table = _SUPERSCRIPTS if tag == "msup" else _SUBSCRIPTS
        small = parts[1].strip()
        if small and all(ord(c) in table for c in small):
            return parts[0] + small.translate(table)
        return f"{parts[0]}{'^' if tag == 'msup' else '_'}{_grouped(small)}"
    if tag == "msubsup" and len(parts) == 3:
        return f"{parts[0]}_{_grouped(parts[1].strip())}^{_grouped(parts[2].strip())}"
    if tag == "mfrac" and len(parts) == 2:
        return f"{_grouped(parts[0].strip())}/{_grouped(parts[1].strip())}"
    if tag == "msqrt":
        return f"√{_grouped(''.join(parts).strip())}"
    if tag == "mroot" and len(parts) == 2:
        return f"√[{parts[1]}]{_grouped(parts[0].strip())}"
    if tag == "mover" and len(parts) == 2 and parts[1].strip() in _COMBINING:
        return "".join(c + _COMBINING[parts[1].strip()] for c in parts[0])  # "x̄", "v⃗", "ẋ"
    if tag in ("mover", "munder", "munderover") and parts:
        return parts[0]
    if tag == "mtr":
        return ", ".join(p.strip() for p in parts)
    if tag == "mtable":
        return "; ".join(p.strip() for p in parts)
    return "".join(parts)


def _grouped(text: str) -> str:
    return text if len(text) == 1 or text.isalnum() else f"({text})"
