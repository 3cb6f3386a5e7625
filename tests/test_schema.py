"""Every deck lecturekit writes passes the OOXML schema validator: PowerPoint checks parts on load
and offers to "repair" (or refuses) a file that breaks the schema, which LibreOffice forgives.

Decks: the seed, the instructor build, every fixture article, both test templates (.pptx and
.potx), a sample of the CommonMark corpus, and one built for pictures, tables, code, links and
notes. A test breaks a part on purpose, so the check is seen to fail.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from lecturekit.options import HandoutOptions
from lecturekit.pipeline.build import Options, build_article

from .helpers import FIXTURES, SEED, schema_findings
from .test_corpus import EXAMPLES

ARTICLES = sorted(p for p in FIXTURES.rglob("*.md") if "expected" not in p.parts)
CORPUS_SAMPLE = EXAMPLES[::15]


def test_the_seed_deck_has_no_schema_findings(seed_build):
    assert schema_findings(seed_build.outputs[0]) == []


def test_the_builtin_template_itself_has_no_schema_findings():
    from lecturekit.deck.theme import BUILTIN_TEMPLATE

    assert schema_findings(BUILTIN_TEMPLATE) == []


def test_the_instructor_build_deck_has_no_schema_findings(tmp_path):
    result = build_article(SEED, Options(out=tmp_path, handout=HandoutOptions(instructor=True)))
    assert schema_findings(result.outputs[0]) == []


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_fixture_deck_has_no_schema_findings(article, tmp_path):
    result = build_article(article, Options(out=tmp_path))
    assert schema_findings(result.outputs[0]) == []


@pytest.mark.parametrize("name", ["school_4x3", "campus_16x9"])
def test_template_decks_have_no_schema_findings(name, request, tmp_path):
    template = request.getfixturevalue(name)
    for article in (SEED, FIXTURES / "rich" / "rich.md"):
        result = build_article(article, Options(out=tmp_path, template=template))
        assert schema_findings(result.outputs[0]) == [], (name, article.name)


def test_a_sample_of_the_commonmark_corpus_has_no_schema_findings(tmp_path):
    from lecturekit.model.lesson import LessonError

    checked = 0
    for example in CORPUS_SAMPLE:
        article = tmp_path / f"example-{example['example']:03d}.md"
        article.write_text(example["markdown"], encoding="utf-8")
        try:
            result = build_article(article, Options(out=tmp_path / "out"))
        except LessonError:
            continue  # an example naming an image that is not there (see test_corpus)
        assert schema_findings(result.outputs[0]) == [], example["example"]
        checked += 1
    assert checked >= len(CORPUS_SAMPLE) - 3


def test_links_notes_pictures_tables_and_code_have_no_schema_findings(tmp_path):
    article = tmp_path / "mixed.md"
    picture = FIXTURES / "rich" / "chart.png"
    (tmp_path / "chart.png").write_bytes(picture.read_bytes())
    article.write_text(
        "---\ntitle: Mixed\nurl: https://example.org/a\n---\n## Links\n\n"
        "See [the report](https://example.org/report) and <mailto:staff@example.org>, "
        'not [this](javascript:alert(1)).\n\n![A chart](chart.png "Growth")\n\n'
        "| Year | Ventures |\n|---|--:|\n| 2016 | 6 |\n| 2017 | 9 |\n\n"
        "```yaml\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n```\n\n"
        "> Innovation needs room.\n> — A. Lecturer\n",
        encoding="utf-8",
    )
    result = build_article(article, Options(out=tmp_path / "out"))
    assert schema_findings(result.outputs[0]) == []


def _rewrite(deck: Path, part: str, change, target: Path) -> Path:
    with zipfile.ZipFile(deck) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == part:
                data = change(data)
            out.writestr(entry, data)
    return target


@pytest.mark.parametrize(
    "breakage",
    [
        # The bug this check was added for: a second <a:spcBef> where the schema allows one.
        lambda xml: re.sub(rb"(<a:spcBef>.*?</a:spcBef>)", rb"\1\1", xml, count=1),
        # An element out of its place: <a:buNone/> before the spacing it must follow.
        lambda xml: re.sub(rb"(<a:lnSpc>.*?</a:lnSpc>)(.*?)(<a:buNone/>)", rb"\3\1\2", xml, count=1),
    ],
    ids=["duplicated-element", "element-out-of-order"],
)
def test_the_validator_catches_a_broken_part(seed_build, tmp_path, breakage):
    broken = _rewrite(seed_build.outputs[0], "ppt/slides/slide2.xml", breakage, tmp_path / "broken.pptx")
    with zipfile.ZipFile(broken) as package:
        assert package.read("ppt/slides/slide2.xml") != zipfile.ZipFile(seed_build.outputs[0]).read(
            "ppt/slides/slide2.xml"
        )
    findings = schema_findings(broken)
    assert findings and all("/ppt/slides/slide2.xml" in f for f in findings), findings


def test_the_pinned_python_pptx_is_the_one_installed():
    """deck/ooxml.py leans on python-pptx internals; pyproject pins the version they were tested with."""
    from importlib.metadata import version

    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    pinned = re.search(r'"python-pptx==([\d.]+)"', pyproject)
    assert pinned, "pyproject.toml must pin python-pptx exactly (see deck/ooxml.py)"
    assert version("python-pptx") == pinned.group(1)


def test_only_the_ooxml_module_touches_python_pptx_internals():
    deck = Path(__file__).resolve().parent.parent / "deck"
    for path in deck.glob("*.py"):
        if path.name == "ooxml.py":
            continue
        text = path.read_text(encoding="utf-8")
        found = re.findall(r"\.(_spTree|_sldIdLst|_element|_blob|_rels|_write_\w+)\b", text)
        assert not found, (path.name, found)
