from __future__ import annotations

import pytest

from lecturekit.build import Options, build_article

from .helpers import SEED


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """Build the seed article once for the session; return the build's `Result`."""
    out = tmp_path_factory.mktemp("seed")
    return build_article(SEED, Options(out=out))


@pytest.fixture(scope="session")
def seed_deck(seed_build):
    from pptx import Presentation

    return Presentation(str(seed_build.outputs[0]))
