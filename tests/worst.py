"""The worst inputs under the size limit: what a lecturer's file can hold that prose never does.

Each is an article of about `size` bytes: one line, one paragraph, one list item or one table
cell holding all of it; text with no space at all; and a page saved from a news site and read as
Markdown, its lines long with inline CSS and script. `scripts/bench` builds them at up to the
4 MB limit and reports time and peak memory; tests/test_worst.py builds them scaled down.
"""

from __future__ import annotations

import random

FRONT = "---\ntitle: Worst input\nsource: lecturekit's benchmark\n---\n\n## All of it\n\n"
WORDS = (
    "the committee approved loans over 80% of household income private markets racing game budget "
    "three Swedish professionals rights of property million joint venture government preprocessor "
    "however, although; which means that (see Figure 3) [12] — not only but also e.g. U.S. if unless"
).split()


def _words(size: int, seed: int) -> str:
    """Return about `size` bytes of words, commas and the odd semicolon, with no full stop."""
    rng = random.Random(seed)
    out, length = [], 0
    while length < size:
        word = rng.choice(WORDS)
        out.append(word)
        length += len(word) + 1
    return " ".join(out)


def _sentences(size: int, seed: int) -> str:
    """Return about `size` bytes of sentences of 5 to 40 words."""
    rng = random.Random(seed)
    out, length = [], 0
    while length < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 40)))
        out.append(sentence[:1].upper() + sentence[1:] + ".")
        length += len(out[-1]) + 1
    return " ".join(out)


def _page(size: int, seed: int) -> str:
    """Return about `size` bytes shaped like a saved news page: head, minified CSS and script on
    lines of tens of kilobytes, nested markup, a little article text between."""
    rng = random.Random(seed)
    css = "".join(
        f".c{n}{{margin:{n % 9}px;padding:0 {n % 5}px;font:{12 + n % 6}px/1.4 sans-serif}}"
        for n in range(600)
    )
    script = "".join(f"var a{n}=function(b){{return b*{n}+window.x{n % 13}}};" for n in range(600))
    parts = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Royal news</title>']
    length = len(parts[0])
    while length < size:
        kind = rng.randint(0, 3)
        if kind == 0:  # a blank line ends the <div>'s HTML block: what follows is a paragraph
            part = f"<div class='css'>\n\n{css}\n\n</div>"
        elif kind == 1:
            part = f"<div class='js'>\n\n{script}\n\n</div>"
        elif kind == 2:
            part = "<div class='user'>\n\n" + _sentences(2000, rng.randint(0, 10**6)) + "\n\n</div>"
        else:
            part = f'<p><img src="data:image/png;base64,{"iVBORw0KGgo" * 800}" alt=""></p>'
        parts.append(part)
        length += len(part) + 2
    return "\n\n".join(parts) + "\n</body></html>\n"


def _within(text: str, size: int) -> str:
    """Return `text` cut at a space to at most `size` bytes of UTF-8."""
    data = text.encode("utf-8")
    if len(data) <= size:
        return text
    cut = data[: size - 1].decode("utf-8", "ignore")
    return cut[: cut.rfind(" ")] + "\n" if " " in cut[-1000:] else cut + "\n"


def worst_inputs(size: int) -> dict[str, str]:
    """Return each worst input, as the article's text, at `size` bytes or just under."""
    return {name: _within(text, size) for name, text in _made(size).items()}


def _made(size: int) -> dict[str, str]:
    return {
        "one line": FRONT + _words(size, 1) + "\n",
        "one paragraph": FRONT + _sentences(size, 2).replace(". ", ".\n") + "\n",
        "one list item": FRONT + "- " + _sentences(size, 3) + "\n",
        "one table cell": FRONT + "| cell | other |\n|---|---|\n| " + _sentences(size, 4) + " | x |\n",
        "no spaces": FRONT + ("abcdefghij" * (size // 10 + 1))[:size] + "\n",
        "saved page": _page(size, 5),
    }
