from __future__ import annotations

from pathlib import Path

import pytest

from lecturekit.pipeline.build import Options, build_article

from .helpers import SEED
from .templates import make_campus_16x9, make_school_4x3


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """Build the seed article once for the session; return the build's `Result`."""
    out = tmp_path_factory.mktemp("seed")
    return build_article(SEED, Options(out=out))


@pytest.fixture(scope="session")
def seed_deck(seed_build):
    from pptx import Presentation

    return Presentation(str(seed_build.outputs[0]))


@pytest.fixture(scope="session")
def school_4x3(tmp_path_factory) -> Path:
    """A 4:3 template in Arial, titles 40 pt not bold, with two example slides of its own."""
    return make_school_4x3(tmp_path_factory.mktemp("templates"))


@pytest.fixture(scope="session")
def campus_16x9(tmp_path_factory) -> Path:
    """A 16:9 .potx, Cambria headings and Calibri text, with no Section Header layout."""
    return make_campus_16x9(tmp_path_factory.mktemp("templates"))
