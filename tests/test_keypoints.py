"""Key points: the examples in fixtures/keypoints.txt, and the rules every bullet keeps."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lecturekit.keypoints import MAX_WORDS, key_point
from lecturekit.lesson import Span, plain
from lecturekit.reader import read_article

from .helpers import FIXTURES, SEED


def cases():
    text = (FIXTURES / "keypoints.txt").read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n\n") if b.strip() and not b.startswith("#")]
    return [tuple(line.removeprefix("=> ") for line in block.strip().split("\n")) for block in blocks]


def bullet_of(text: str) -> str:
    return plain(key_point((Span(text),)))


def check_bullet(paragraph: str, bullet: str) -> None:
    """A bullet has at most MAX_WORDS words, all the paragraph's own, in the paragraph's order."""
    words = bullet.split()
    assert len(words) <= MAX_WORDS, bullet
    source = [_bare(w) for w in paragraph.split()]
    position = 0
    for word in words:
        bare = _bare(word)
        if not bare:
            continue
        elided = word.endswith("…") and len(bare) >= 25  # a long word shortened to its start
        while position < len(source) and not (
            source[position] == bare or elided and source[position].startswith(bare)
        ):
            position += 1
        assert position < len(source), f"{word!r} of {bullet!r} is not in order in the paragraph"
        position += 1


def _bare(word: str) -> str:
    return word.strip(".,;:!?…\"'“”‘’()").lower()


@pytest.mark.parametrize(("paragraph", "expected"), cases(), ids=lambda v: v[:40])
def test_key_point_examples(paragraph, expected):
    bullet = bullet_of(paragraph)
    assert bullet == expected
    check_bullet(paragraph, bullet)


def test_every_seed_paragraph_gives_a_short_bullet_of_its_own_words():
    lesson = read_article(SEED)
    for section in lesson.sections:
        for block in section.blocks:
            if hasattr(block, "inlines") and type(block).__name__ == "Paragraph":
                text = plain(block.inlines)
                check_bullet(text, plain(key_point(block.inlines, plain(section.title))))


def test_figures_and_names_are_never_changed():
    text = "Revenue rose 12.5% in 2019 to $3.2 billion, according to Aalto School of Business figures."
    bullet = bullet_of(text)
    for token in re.findall(r"\S*\d\S*", bullet):
        assert token.rstrip(".,…") in text


def test_formatting_and_links_survive_the_cut():
    inlines = (
        Span("Despite everything, "),
        Span("Nosotek", bold=True),
        Span(" is the first "),
        Span("joint venture", href="https://example.org"),
        Span(" of its kind in the country, which many observers found remarkable at the time."),
    )
    bullet = key_point(inlines)
    assert Span("Nosotek", bold=True) in bullet
    assert Span("joint venture", href="https://example.org") in bullet
    assert plain(bullet) == "Nosotek is the first joint venture of its kind in the country"


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGH0123456789’-", min_size=1, max_size=12)
PUNCT = st.sampled_from(["", "", "", ",", ".", "?", ";", ":"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORD, PUNCT), min_size=1, max_size=80))
def test_any_paragraph_gives_a_bullet_within_the_rules(pieces):
    paragraph = " ".join(word + mark for word, mark in pieces)
    bullet = bullet_of(paragraph)
    assert bullet.strip()
    check_bullet(paragraph, bullet)
