"""The shipped fonts: their metric tables match them, and every script falls back to a font that has it."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json

import pytest

from lecturekit.fonts import (
    ARABIC,
    ARIAL,
    CAMBRIA,
    FONT_DIR,
    HANGUL,
    HEBREW,
    MONO,
    SANS,
    TIMES,
    font_runs,
    uncovered,
)

from .helpers import ROOT


def _script():
    loader = importlib.machinery.SourceFileLoader("font_metrics", str(ROOT / "scripts" / "font-metrics"))
    spec = importlib.util.spec_from_loader("font_metrics", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.mark.parametrize("font", sorted(p.name for p in FONT_DIR.glob("*.ttf")))
def test_metrics_table_matches_the_font(font):
    """Builds measure with fonts/metrics/*.json; after changing a font, run scripts/font-metrics."""
    stored = json.loads((FONT_DIR / "metrics" / font.replace(".ttf", ".json")).read_text(encoding="utf-8"))
    assert stored == json.loads(json.dumps(_script().font_metrics(FONT_DIR / font)))


def test_every_shipped_font_has_its_licence():
    licences = " ".join(p.read_text(encoding="utf-8") for p in FONT_DIR.glob("*-OFL.txt"))
    assert licences.count("SIL Open Font License") >= 5
    for family in (SANS, MONO, ARIAL, TIMES, CAMBRIA, HANGUL, HEBREW, ARABIC):
        for file in family.files:
            assert (FONT_DIR / file).is_file()


def test_runs_fall_back_per_script():
    runs = [(text, family.name) for text, family in font_runs("Seoul 서울, Tel Aviv תל אביב, Москва")]
    assert runs == [
        ("Seoul ", "Carlito"),
        ("서울", "NanumGothic"),
        (", Tel Aviv ", "Carlito"),
        ("תל אביב", "Noto Sans Hebrew"),
        (", Москва", "Carlito"),
    ]
    assert uncovered("plain text, Ελλάδα, 서울 and 🚀") == ["🚀"]
