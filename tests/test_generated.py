"""Generated Markdown documents (hypothesis): always a valid deck and handout, or a clear error.

Never an exception of any other kind. "Valid": the deck reopens with python-pptx, the PDF
passes qpdf --check.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from lecturekit.model.lesson import LessonError
from lecturekit.pipeline.build import Options, build_article

from .helpers import FIXTURES

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CHARACTERS = st.sampled_from(
    list("abcdefghij ABCDE 0123 .,;:!?'\"-")
    + list("*_`[]()#>|<&{}%\\~!")
    + list("éßΩжש서🚀\t")
    + ["\x07", "\ufffe"]
)
WORDS = st.text(alphabet=CHARACTERS, min_size=0, max_size=60)
PLAIN = st.text(alphabet=st.sampled_from(list("abcdefgh ABC 123.,?")), min_size=1, max_size=40)


@st.composite
def blocks(draw, depth=0):
    kind = draw(
        st.sampled_from(
            ["heading", "paragraph", "paragraph", "list", "quote", "code", "table", "rule", "html", "image"]
        )
    )
    if kind == "heading":
        return "#" * draw(st.integers(1, 6)) + " " + draw(PLAIN)
    if kind == "paragraph":
        return draw(WORDS) or "text"
    if kind == "list" and depth < 3:
        marker = draw(st.sampled_from(["- ", "* ", "1. "]))
        items = draw(st.lists(st.one_of(WORDS, blocks(depth=depth + 1)), min_size=1, max_size=4))
        indent = " " * len(marker)
        return "\n".join(marker + item.replace("\n", "\n" + indent) for item in items)
    if kind == "quote" and depth < 3:
        inner = draw(st.one_of(WORDS, blocks(depth=depth + 1)))
        return "\n".join("> " + line for line in inner.split("\n"))
    if kind == "code":
        fence = draw(st.sampled_from(["```", "~~~"]))
        return f"{fence}{draw(st.sampled_from(['', 'python', 'js', 'nonsense']))}\n{draw(WORDS)}\n{fence}"
    if kind == "table":
        columns = draw(st.integers(1, 6))
        rows = draw(st.integers(0, 4))
        cells = lambda: "|" + "|".join(draw(PLAIN).replace("|", "") for _ in range(columns)) + "|"  # noqa: E731
        return "\n".join([cells(), "|" + "|".join(["---"] * columns) + "|", *[cells() for _ in range(rows)]])
    if kind == "rule":
        return "---"
    if kind == "html":
        return draw(st.sampled_from(["<div>\nraw\n</div>", "<script>alert(1)</script>", "<!-- note -->"]))
    if kind == "image":
        src = draw(st.sampled_from(["pixel.png", "missing.png", "https://example.org/x.png", "../pixel.png"]))
        return f"![{draw(PLAIN)}]({src})"
    return draw(WORDS) or "text"


FRONT = st.sampled_from(
    [
        "",
        "---\ntitle: Generated\nlang: en-GB\n---\n",
        "---\ntitle: [1, 2]\n---\n",
        "---\nlang: no\ncourse: 101\n---\n",
        "---\n: broken\n---\n",
    ]
)


@st.composite
def documents(draw):
    return draw(FRONT) + "\n\n".join(draw(st.lists(blocks(), min_size=0, max_size=12)))


@SETTINGS
@given(documents())
def test_a_generated_document_builds_or_fails_clearly(markdown):
    check(markdown)


@SETTINGS
@given(st.text(max_size=400))
def test_any_text_at_all_builds_or_fails_clearly(text):
    check(text)


def check(markdown: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        (folder / "pixel.png").write_bytes((FIXTURES / "reader" / "pixel.png").read_bytes())
        article = folder / "generated.md"
        article.write_text(markdown, encoding="utf-8", errors="surrogatepass")
        try:
            result = build_article(article, Options(out=folder / "out"))
        except LessonError as err:
            assert err.message and str(err).startswith(str(article))
            assert not (folder / "out").exists() or not any((folder / "out").iterdir())
            return
        assert len(Presentation(str(result.outputs[0])).slides) >= 1
        qpdf = shutil.which("qpdf")
        if qpdf:
            done = subprocess.run([qpdf, "--check", str(result.outputs[1])], capture_output=True, text=True)
            assert done.returncode == 0, done.stdout
