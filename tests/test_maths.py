"""Equations and footnotes, from the Markdown to every output.

`$...$`, `$$...$$`, `\\(...\\)` and `\\[...\\]` become equations: native OMML on the slides
(with a picture of the shape for applications that do not read OMML), vector outlines in the
handout PDF, MathML on the web page, their LaTeX source in the speaker notes. `[^label]`
footnotes go to the slide's notes, the end of the handout's part and the web page's list of
notes. The fixture of real lecture notes with mathematics is QuantEcon's "Geometric Series for
Elementary Economics" (tests/fixtures/articles/SOURCES.md).
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from lxml import etree
from pptx import Presentation

from lecturekit.lexicon import MATH_WORD, NOTE_MARK
from lecturekit.model.lesson import Code, Equation, Paragraph, plain
from lecturekit.model.reader import read_article
from lecturekit.pipeline.build import Options, build_article

from .helpers import FIXTURES, ROOT, render_as_powerpoint, schema_findings

GEOMETRIC = FIXTURES / "articles" / "quantecon-geometric-series.md"
NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "a14": "http://schemas.microsoft.com/office/drawing/2010/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
# what must never show: a dollar sign around an equation, a LaTeX command, a footnote's label,
# the marks that stand for an equation and a footnote in plain text
LEAKS = re.compile(r"\$|\\[A-Za-z]+|\[\^|" + MATH_WORD + "|" + NOTE_MARK)
LATEX = re.compile(r"\$(?!\d)|\\[A-Za-z]+|\[\^|" + MATH_WORD + "|" + NOTE_MARK)  # a price ("$5") aside

OSCILLATOR = """---
title: Simple harmonic motion
---

## The oscillator

A mass $m$ on a spring of stiffness $k$ obeys Newton's second law, $m\\ddot{x} = -kx$, so it
oscillates with angular frequency $\\omega = \\sqrt{k/m}$.[^small] The period does not depend
on the amplitude $A$.

The general solution is

$$
x(t) = A\\cos(\\omega t + \\varphi) \\tag{1}
$$

where the phase \\(\\varphi\\) is fixed by the initial conditions.

## Energy

The total energy $E = \\tfrac12 kA^2$ is conserved, and it moves back and forth between kinetic
and potential energy.[^heat] A ticket costs $5 and a book $6, and neither is an equation.

\\[
E = \\frac{1}{2} m \\dot{x}^2 + \\frac{1}{2} k x^2 = \\frac{1}{2} m \\omega^2 A^2 \\sin^2(\\omega t + \\varphi) + \\frac{1}{2} k A^2 \\cos^2(\\omega t + \\varphi) = \\frac{1}{2} k A^2
\\]

[^small]: This holds only for small oscillations, where the spring obeys Hooke's law.
[^heat]: Friction turns some of it into heat in any real spring.
"""


@pytest.fixture(scope="module")
def oscillator(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("oscillator")
    article = folder / "oscillator.md"
    article.write_text(OSCILLATOR, encoding="utf-8")
    return article


@pytest.fixture(scope="module")
def geometric_build(tmp_path_factory):
    return build_article(GEOMETRIC, Options(out=tmp_path_factory.mktemp("geometric")))


@pytest.fixture(scope="module")
def oscillator_build(oscillator, tmp_path_factory):
    return build_article(oscillator, Options(out=tmp_path_factory.mktemp("oscillator-build")))


# -- reading ---------------------------------------------------------------------------------------


def test_dollars_brackets_and_environments_are_read_as_equations(oscillator):
    lesson = read_article(oscillator)
    spans = [s for sec in lesson.sections for b in sec.blocks if isinstance(b, Paragraph) for s in b.inlines]
    inline = [s.math for s in spans if s.math]
    assert inline[:4] == ["m", "k", "m\\ddot{x} = -kx", "\\omega = \\sqrt{k/m}"]
    assert "\\varphi" in inline  # \( ... \)
    shown = [b for sec in lesson.sections for b in sec.blocks if isinstance(b, Equation)]
    assert [(e.latex, e.tag) for e in shown][0] == ("x(t) = A\\cos(\\omega t + \\varphi)", "1")
    assert shown[1].latex.startswith("E = \\frac{1}{2}")  # \[ ... \]
    text = " ".join(
        plain(b.inlines) for sec in lesson.sections for b in sec.blocks if isinstance(b, Paragraph)
    )
    assert "A ticket costs $5 and a book $6, and neither is an equation." in text  # prices stay prices


def test_a_command_no_converter_knows_is_shown_as_its_source_with_a_warning(tmp_path):
    article = tmp_path / "odd.md"
    article.write_text(
        "---\ntitle: Odd\n---\n\nThe sum $\\weirdsum{x}$ is odd.\n\n$$\n\\frac{1}{\n$$\n", encoding="utf-8"
    )
    lesson = read_article(article)
    spans = lesson.sections[0].blocks[0].inlines
    assert any(s.code and s.text == "\\weirdsum{x}" for s in spans)
    assert isinstance(lesson.sections[0].blocks[1], Code)  # kept, as its source: never dropped
    said = [(w.line, w.message) for w in lesson.warnings]
    assert (
        5,
        "the equation $\\weirdsum{x}$ is shown as its LaTeX source: lecturekit does not know \\weirdsum",
    ) in said
    assert any(line == 7 and "shown as its LaTeX source: it cannot be read" in m for line, m in said)


FORMS = r"""## Forms

Roots $\sqrt{x}$ and $\sqrt[3]{x}$, sums $\sum x_i$ and $\sum_{i=1}^n x_i$, $\prod_i x_i$,
integrals $\int f$ and $\int_0^1 f(x)\,dx$, limits $\lim_{x \to 0} f(x)$, fractions $\dfrac{1}{2}$
and $\binom{n}{k}$, accents $\hat{x}$, $\bar{x}$, $\vec{v}$, $\overline{AB}$, $\boxed{x}$,
$\cancel{y}$, functions $\operatorname{Var}(X)$, $\mathbb{E}[X]$, $\mathcal{N}(\mu, \sigma^2)$,
delimiters $\left( \frac{a}{b} \right)$, $\langle x, y \rangle$, $x := -1$, braces
$\overbrace{a+b}^{n}$, $x_{i,j}^{(k)}$.

$$
\begin{pmatrix} a & b \\ c & d \end{pmatrix} \quad f(x) = \begin{cases} 1 & x > 0 \\ 0 & \text{else} \end{cases}
$$

$$
\begin{aligned} a &= b + c \label{eq:a} \\ d &= e \nonumber \end{aligned}
$$

\begin{align}
x &= 1 \\
y &= 2
\end{align}
"""


def test_every_common_form_is_read_and_written_valid(tmp_path):
    """Roots, limits, accents, frames, matrices, cases and alignments: no warning, and OMML the
    schema accepts (mathml2omml's gaps filled, its unclosed group characters closed)."""
    from lecturekit.layout.equations import omml

    article = tmp_path / "forms.md"
    article.write_text("---\ntitle: Forms\nsource: A test\n---\n\n" + FORMS, encoding="utf-8")
    build = build_article(article, Options(out=tmp_path / "out", slides="all"))
    assert [w.message for w in build.warnings] == []
    assert schema_findings(build.outputs[0]) == []
    assert "<m:groupChr>" in omml("\\bar{x}") and "<m:t>x̄</m:t>" not in omml(
        "\\bar{x}"
    )  # written, not plain text


def test_a_bracket_markdown_escapes_is_no_equation(tmp_path):
    from lecturekit.importers.document import escape

    article = tmp_path / "brackets.md"
    lines = ["He said \\[sic\\] twice.", "", escape("[Pause for questions]"), "", "Before", "\\[ x = 1 \\]"]
    article.write_text("\n".join(lines) + "\n", encoding="utf-8")
    blocks = read_article(article).sections[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph", "Paragraph", "Equation"]
    assert plain(blocks[1].inlines) == "[Pause for questions]"  # an import's bracketed line stays text


def test_footnotes_marked_twice_in_a_heading_or_nowhere(tmp_path):
    article = tmp_path / "notes.md"
    article.write_text(
        "## A heading[^h]\n\nA note[^a], a missing one[^zz] and the first again[^a].\n\n"
        "[^a]: The note, citing[^b].\n[^b]: Nested.\n[^h]: In a heading.\n",
        encoding="utf-8",
    )
    build = build_article(article, Options(out=tmp_path / "out"))
    said = sorted((w.line, w.message) for w in build.warnings if "footnote" in w.message)
    assert said == [
        (3, "the footnote [^zz] has no text: add a line '[^zz]: ...'"),
        (6, "the footnote is marked only in a heading or another note: it is left out"),  # [^b]
        (7, "the footnote is marked only in a heading or another note: it is left out"),  # [^h]
    ]
    page = next(p for p in build.outputs if p.suffix == ".html").read_text(encoding="utf-8")
    assert page.count('id="fnref-1"') == 1 and page.count('href="#fn-1"') == 2  # one anchor, two links
    assert 'id="fn-2"' not in page and NOTE_MARK not in page
    titles = [_shown_text(s).split("\n")[0] for s in _slides_xml(build.outputs[0])]
    assert "A heading" in titles


def test_a_display_equation_taller_than_a_page_is_set_smaller_not_a_crash(tmp_path):
    rows = " \\\\ ".join(f"x_{{{n}}} &= a_{{{n}}} + b_{{{n}}}" for n in range(40))
    article = tmp_path / "tall.md"
    article.write_text(
        f"## Tall\n\nThe system is\n\n$$\n\\begin{{aligned}} {rows} \\end{{aligned}}\n$$\n", encoding="utf-8"
    )
    build = build_article(article, Options(out=tmp_path / "out"))
    assert any("too large for a slide" in w.message for w in build.warnings)
    assert schema_findings(build.outputs[0]) == []


def test_footnotes_are_numbered_in_the_order_they_are_marked(oscillator):
    lesson = read_article(oscillator)
    assert [(n.number, plain(n.inlines)[:20]) for n in lesson.footnotes] == [
        (1, "This holds only for "),
        (2, "Friction turns some "),
    ]
    marks = [
        s.note for sec in lesson.sections for b in sec.blocks if isinstance(b, Paragraph) for s in b.inlines
    ]
    assert [m for m in marks if m] == [1, 2]
    assert all(
        "[^" not in plain(b.inlines)
        for sec in lesson.sections
        for b in sec.blocks
        if isinstance(b, Paragraph)
    )


def test_an_equation_in_a_heading_is_plain_text(tmp_path):
    article = tmp_path / "heading.md"
    article.write_text("## Why $E = mc^2$ matters\n\nEnergy and mass are one thing.\n", encoding="utf-8")
    assert plain(read_article(article).sections[0].title) == "Why E = mc² matters"


def test_an_equation_is_one_word_that_no_bullet_cuts_or_leaves_out(geometric_build):
    from lecturekit.language.points import article_points

    lesson = read_article(GEOMETRIC)
    points = article_points(lesson)
    for section in lesson.sections:
        for block in section.blocks:
            if not isinstance(block, Paragraph):
                continue
            for point in points.points(block.inlines):
                shown = [s for inlines in (point.inlines, *point.children) for s in inlines]
                for span in shown:
                    assert not span.math or span.text == MATH_WORD, span  # never cut inside
                kept = sum(1 for s in shown if s.math)
                sentence_math = point.sentence.count(MATH_WORD)
                # a bullet of a sentence keeps its equations (the protected word), cut or not
                assert kept == sentence_math or point.cut or len(points.points(block.inlines)) > 1


# -- the deck --------------------------------------------------------------------------------------


def _slides_xml(pptx: Path) -> list[etree._Element]:
    with zipfile.ZipFile(pptx) as z:
        names = sorted(
            (n for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
            key=lambda n: int(re.search(r"\d+", n).group()),
        )
        return [etree.fromstring(z.read(n)) for n in names]


def _shown_text(slide: etree._Element) -> str:
    """Return the text a slide shows, as PowerPoint reads it: the Choice of each alternative."""
    texts = []
    for t in slide.iter(f"{{{NS['a']}}}t"):
        if not any(a.tag == f"{{{NS['mc']}}}Fallback" for a in t.iterancestors()):
            texts.append(t.text or "")
    return "\n".join(texts)


def test_the_deck_shows_equations_and_no_latex(geometric_build):
    deck = geometric_build.outputs[0]
    slides = _slides_xml(deck)
    equations = sum(len(s.findall(".//m:oMath", NS)) for s in slides)
    assert equations >= 20
    for number, slide in enumerate(slides, start=1):
        assert not LEAKS.search(_shown_text(slide)), (number, LEAKS.search(_shown_text(slide)))
        titles = slide.xpath(".//p:sp[.//p:ph[@type='title' or @type='ctrTitle']]", namespaces=NS)
        assert all(not t.xpath(".//m:oMath", namespaces=NS) for t in titles)  # never in a title


def test_each_shape_with_an_equation_has_a_picture_for_applications_without_omml(geometric_build):
    slides = _slides_xml(geometric_build.outputs[0])
    alternates = [a for s in slides for a in s.iter(f"{{{NS['mc']}}}AlternateContent")]
    assert alternates
    for alternate in alternates:
        choice, fallback = alternate
        assert choice.get("Requires") == "a14 m"
        assert choice.find(".//a14:m", NS) is not None
        blip = fallback.find("p:sp/p:spPr/a:blipFill/a:blip", NS)
        assert blip is not None and blip.get(f"{{{NS['r']}}}embed")
        assert fallback.find("p:sp/p:spPr/a:xfrm", NS) is not None  # where the shape is
    loose = [
        m
        for s in slides
        for m in s.iter(f"{{{NS['a14']}}}m")
        if not list(m.iterancestors(f"{{{NS['mc']}}}Choice"))
    ]
    assert loose == []


def test_the_notes_carry_the_latex_source_and_never_an_equation(geometric_build):
    deck = Presentation(str(geometric_build.outputs[0]))
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide)
    assert "The key formula is\n\n$$1 + c + c^2 + c^3 + \\cdots = \\frac{1}{1 -c }$$ (1)\n\nTo prove" in notes
    assert MATH_WORD not in notes and NOTE_MARK not in notes
    with zipfile.ZipFile(geometric_build.outputs[0]) as z:
        parts = [n for n in z.namelist() if n.startswith("ppt/notesSlides/") and n.endswith(".xml")]
        assert parts and all(b"oMath" not in z.read(n) for n in parts)


def test_the_deck_with_equations_has_no_schema_findings_in_either_branch(geometric_build, oscillator_build):
    for build in (geometric_build, oscillator_build):
        assert schema_findings(build.outputs[0]) == []  # both: Office 2007 reads the pictures, 2010 the OMML


def test_a_footnote_leaves_its_slide_for_the_notes(oscillator_build):
    deck = oscillator_build.outputs[0]
    slides = _slides_xml(deck)
    shown = "\n".join(_shown_text(s) for s in slides)
    assert "This holds only for small oscillations" not in shown and "[^" not in shown
    notes = [s.notes_slide.notes_text_frame.text for s in Presentation(str(deck)).slides]
    oscillator = next(n for n in notes if "angular frequency" in n)
    assert "\\sqrt{k/m}$.[1] The period" in oscillator
    assert oscillator.endswith(
        "[1] This holds only for small oscillations, where the spring obeys Hooke's law."
    )
    energy = next(n for n in notes if "total energy" in n)
    assert "[2] Friction turns some of it into heat in any real spring." in energy


def test_no_question_or_outcome_quotes_an_equation(geometric_build, oscillator_build):
    from lecturekit.pipeline.build import plan_article

    for article in (GEOMETRIC, oscillator_build.article):
        planned = plan_article(article, Options())
        for question in planned.questions.questions:
            assert not LATEX.search(question.text), question.text
        assert all(not LATEX.search(outcome) for outcome in planned.outcomes)


def test_a_long_display_equation_is_set_small_enough_to_fit_the_body(oscillator, school_4x3):
    from lecturekit.deck.slides import BulletSlide
    from lecturekit.layout.equations import outline
    from lecturekit.pipeline.build import plan_article

    planned = plan_article(oscillator, Options(template=school_4x3))
    theme = planned.theme
    deck = planned.deck_job(False).plan()
    shown = [(b, s) for s in deck.slides if isinstance(s, BulletSlide) for b in s.bullets if b.display]
    assert len(shown) == 2
    width = theme.body.w - 2 * theme.inset_x
    for bullet, _ in shown:
        assert outline(bullet.inlines[0].math, display=True).width * bullet.size <= width
    short, long = shown
    assert short[0].size == short[1].body_size and long[0].size < long[1].body_size


def test_an_inline_equation_wider_than_a_line_gets_a_line_of_its_own(tmp_path):
    from lecturekit.deck.slides import BulletSlide
    from lecturekit.pipeline.build import plan_article

    wide = "E = " + " + ".join(
        f"\\frac{{1}}{{{n}}} m_{{{n}}} \\omega_{{{n}}}^2 A_{{{n}}}^2" for n in range(2, 12)
    )
    article = tmp_path / "wide.md"
    article.write_text(
        f"## Energy\n\nAdding the terms gives ${wide}$, which is constant over time.\n\n"
        "The energy of an ideal spring is conserved, as the sum shows at every instant.\n",
        encoding="utf-8",
    )
    deck = plan_article(article, Options()).deck_job(False).plan()
    slide = next(s for s in deck.slides if isinstance(s, BulletSlide) and s.title == "Energy")
    texts = [(plain(b.inlines), b.display, b.level) for b in slide.bullets]
    assert texts[:3] == [
        ("Adding the terms gives", False, 0),
        (MATH_WORD, True, 0),  # set apart, scaled to the body's width
        ("which is constant over time", False, 1),  # what it says of the equation, beneath it
    ]
    assert slide.bullets[1].size < slide.body_size


# -- LibreOffice ---------------------------------------------------------------------------------


@pytest.mark.render
def test_libreoffice_shows_every_equation_inside_its_box(oscillator, school_4x3, tmp_path):
    """A narrow (4:3) template and a display equation longer than its body: LibreOffice draws
    each shape with an equation as its picture, within the shape's box, with ink in it."""
    import pypdfium2

    build = build_article(oscillator, Options(out=tmp_path / "out", template=school_4x3))
    deck = build.outputs[0]
    pdf = render_as_powerpoint(deck, tmp_path / "rendered")
    slides = _slides_xml(deck)
    document = pypdfium2.PdfDocument(str(pdf))
    checked = 0
    with pdfplumber.open(pdf) as rendered:
        width, height = rendered.pages[0].width, rendered.pages[0].height
        scale = width / (slide_width(deck) / 12700)
        for number, (slide, page) in enumerate(zip(slides, rendered.pages, strict=True), start=1):
            for alternate in slide.iter(f"{{{NS['mc']}}}AlternateContent"):
                off = alternate.find("mc:Fallback/p:sp/p:spPr/a:xfrm/a:off", NS)
                ext = alternate.find("mc:Fallback/p:sp/p:spPr/a:xfrm/a:ext", NS)
                box = [int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy"))]
                x, y, w, h = (v / 12700 * scale for v in box)
                pictures = [i for i in page.images if abs(i["x0"] - x) < 2 and abs(i["top"] - y) < 2]
                assert pictures, f"slide {number}: no picture where the equation's shape is"
                picture = pictures[0]
                assert picture["x1"] <= x + w + 2 and picture["bottom"] <= y + h + 2
                assert picture["x1"] <= width + 0.5 and picture["bottom"] <= height + 0.5
                shown = document[number - 1].render(scale=1).to_pil().convert("L")
                region = shown.crop((int(x), int(y), int(x + w), int(y + h)))
                assert region.getextrema()[0] < 100, f"slide {number}: the picture is blank"
                checked += 1
    assert checked >= 2  # both parts of the note have equations on their slides


def slide_width(deck: Path) -> int:
    return Presentation(str(deck)).slide_width


# -- the handout -----------------------------------------------------------------------------------


def test_the_handout_pdf_draws_equations_and_shows_no_latex(geometric_build):
    pdf = next(p for p in geometric_build.outputs if p.suffix == ".pdf")
    with pdfplumber.open(pdf) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
        curves = sum(len(page.curves) for page in document.pages)
    assert not LEAKS.search(text), LEAKS.search(text)
    assert "(1)" in text and "(7)" in text  # the equations' numbers, at their right
    assert curves > 500  # the glyphs of the equations, drawn as outlines


def test_the_handout_sets_footnotes_at_the_end_of_their_part(oscillator_build):
    pdf = next(p for p in oscillator_build.outputs if p.suffix == ".pdf")
    with pdfplumber.open(pdf) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    assert "[^" not in text
    oscillator, energy = [m.start() for m in re.finditer("Reading", text)]
    first, second = text.index("1 This holds only for small"), text.index("2 Friction turns some")
    assert oscillator < text.index("where the phase", oscillator) < first < energy  # the part's end
    assert energy < text.index("total energy", energy) < second


def test_the_web_page_has_mathml_and_a_list_of_notes_with_links_both_ways(geometric_build, oscillator_build):
    page = next(p for p in geometric_build.outputs if p.suffix == ".html").read_text(encoding="utf-8")
    assert page.count("<math ") >= 60 and 'display="block"' in page
    assert "<script" not in page and "@font-face" not in page
    shown = re.sub(r"<math.*?</math>|<style.*?</style>|<[^>]+>", " ", page, flags=re.S)
    assert not LEAKS.search(shown), LEAKS.search(shown)
    notes = next(p for p in oscillator_build.outputs if p.suffix == ".html").read_text(encoding="utf-8")
    assert 'href="#fn-1" id="fnref-1"' in notes and 'id="fn-1"' in notes and 'href="#fnref-1"' in notes
    assert 'href="#fn-2" id="fnref-2"' in notes and 'id="fn-2"' in notes
    assert "[^" not in re.sub(r"<[^>]+>", " ", notes)


# -- cost ------------------------------------------------------------------------------------------


def test_a_build_without_equations_loads_no_maths_library(tmp_path):
    out = tmp_path / "out"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from lecturekit.pipeline.build import Options, build_article\n"
        f"build_article(Path({str(ROOT / 'source' / 'article.md')!r}), Options(out=Path({str(out)!r})))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('latex2mathml', 'ziamath', 'ziafont', 'mathml2omml')))\n"
    )
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"
