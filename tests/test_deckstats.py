"""The deck's quality targets, measured on the real .pptx of the seed and of every real article
(tests/fixtures/articles), as `lecturekit stats` (./scripts/deckstats) prints them."""

from __future__ import annotations

import pytest

from lecturekit.pipeline.build import Options, build_article
from lecturekit.stats.deckstats import deck_stats, read_slides

from .helpers import FIXTURES, SEED

ARTICLES = [SEED, *sorted((FIXTURES / "articles").glob("*-*.md"))]


@pytest.fixture(scope="module", params=ARTICLES, ids=lambda p: p.stem)
def built(request, tmp_path_factory):
    """A deck of every claim (`slides: all`): the figures below are of a transcript's slides;
    tests/test_lecture.py measures the lecture each article gets by default."""
    result = build_article(request.param, Options(out=tmp_path_factory.mktemp("stats"), slides="all"))
    return request.param, result.outputs[0], deck_stats(request.param, result.outputs[0])


def test_content_slides_are_full(built):
    article, _, stats = built
    allowed = 0 if article == SEED else 0.10 * stats.content
    assert stats.lonely <= allowed, "one-bullet content slides"
    assert 3 <= stats.bullets_per_slide <= 5


def test_ceremony_is_a_minority_of_the_deck(built):
    article, _, stats = built
    assert stats.ceremony <= 0.35 * stats.slides, (stats.ceremony, stats.slides)


def test_the_articles_figures_years_and_names_reach_the_slides(built):
    _, _, stats = built
    assert stats.facts_shown >= 0.85 * stats.facts, stats.missing_facts


def test_bullets_are_whole_claims(built):
    _, _, stats = built
    assert stats.ellipses <= 0.05 * stats.bullets
    assert stats.lead_ins == 0
    assert stats.pronouns == 0
    assert stats.changed == [] and stats.dropped == []


def test_a_text_without_headings_gets_three_to_six_parts_titled_in_its_own_words(tmp_path):
    article = FIXTURES / "articles" / "18f-encasement-strategy.md"
    assert "\n#" not in article.read_text(encoding="utf-8")  # no headings at all
    deck = build_article(article, Options(out=tmp_path)).outputs[0]
    stats = deck_stats(article, deck)
    assert 3 <= stats.parts <= 6
    slides = read_slides(deck)
    agenda = next(s for s in slides if s.title == "Agenda")
    text = article.read_text(encoding="utf-8").lower()
    for part in agenda.bullets:
        assert part.text.lower() in text  # a key phrase of the text, as the author wrote it
    assert not any("Introduction" in s.title for s in slides)


def test_lecturekit_stats_prints_the_figures_and_refuses_odd_arguments(tmp_path, capsys):
    from lecturekit.cli import main

    deck = build_article(SEED, Options(out=tmp_path)).outputs[0]
    assert main(["stats", str(SEED), str(deck)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].startswith("| article") and table[2].startswith(f"| {SEED.name}")
    assert main(["stats", str(SEED)]) == 2 and "takes pairs" in capsys.readouterr().err
    assert main(["stats", str(SEED), str(tmp_path / "none.pptx")]) == 1
    assert "none.pptx: error: no such file" in capsys.readouterr().err
