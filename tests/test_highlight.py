"""Code in every language pygments knows: coloured without a crash, on the slide and in the handout.

pygments' token types form a tree and lexers make types of their own (YAML's
Token.Literal.Scalar.Plain): every one must find its colour through its parents.
"""

from __future__ import annotations

import pytest
from pptx import Presentation
from pygments.lexers import get_all_lexers
from pygments.token import Token

from lecturekit.cli import main
from lecturekit.layout.colours import contrast
from lecturekit.layout.highlight import BACKGROUND, _look, highlight
from lecturekit.pipeline.build import Options, build_article

# A little of what most languages have: a comment, a key and a string, a number, a block, a tab.
SAMPLE = '# a comment\nname: "value" 42\nif (x < 3) { print(x); }\n\tdone'
ALIASES = sorted(aliases[0] for _, aliases, _, _ in get_all_lexers() if aliases)
WORKFLOW = """\
name: tests
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: ./scripts/test   # the suite
"""
COMPOSE = """\
services:
  web:
    image: "nginx:1.27"
    ports: ["8080:80"]
    environment:
      DEBUG: 'false'
"""


def test_every_lexer_colours_its_sample_keeping_every_character():
    assert len(ALIASES) > 500
    failures = []
    for alias in ALIASES:
        try:
            lines = highlight(SAMPLE, alias)
        except Exception as err:  # noqa: BLE001 - the test lists every lexer that fails
            failures.append(f"{alias}: {type(err).__name__}: {err}")
            continue
        if ["".join(t.text for t in line) for line in lines] != SAMPLE.expandtabs(4).split("\n"):
            failures.append(f"{alias}: text changed")
        for line in lines:
            for token in line:
                if token.colour and contrast(token.colour, BACKGROUND) < 4.5:
                    failures.append(f"{alias}: {token.colour} is too light")
    assert failures == []


def test_a_token_type_no_style_names_takes_its_nearest_parents_colour():
    assert _look(Token.Literal.Scalar.Plain) == _look(Token.Literal)
    assert _look(Token.Name.Variable.Magic.Made.Up) == _look(Token.Name.Variable.Magic)


def test_yaml_is_coloured(tmp_path):
    lines = highlight(WORKFLOW, "yaml")
    assert any(token.colour for line in lines for token in line)


def test_an_article_with_a_code_block_in_every_language_builds_deck_and_handout(tmp_path):
    blocks = "\n".join(f"```{alias}\n{SAMPLE}\n```\n" for alias in ALIASES)
    article = tmp_path / "languages.md"
    article.write_text(f"---\ntitle: Every language\n---\n## Code\n\n{blocks}", encoding="utf-8")
    result = build_article(article, Options(out=tmp_path / "out"))
    deck = Presentation(str(result.outputs[0]))
    assert len(deck.slides) > len(ALIASES) // 4  # code slides, several blocks' worth each at most
    assert result.outputs[1].stat().st_size > 0


@pytest.mark.parametrize("text", [WORKFLOW, COMPOSE], ids=["ci-workflow", "docker-compose"])
def test_yaml_course_notes_build_from_the_command_line(text, tmp_path, capsys):
    article = tmp_path / "notes.md"
    article.write_text(f"## Continuous integration\n\nThe workflow file:\n\n```yaml\n{text}```\n")
    assert main(["build", str(article), "--out", str(tmp_path / "out"), "-q"]) == 0
    assert "internal error" not in capsys.readouterr().err
