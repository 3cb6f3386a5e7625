"""Condensing fuzzed with sentences built from the shapes real clauses take.

hypothesis joins clauses with semicolons, colons and dashes; nests parentheses and quotes; opens
with "although" or a condition; writes "not only ... but", lists with "and" and "or", markup,
code spans, URLs and citations; and makes sentences of one word or of hundreds. Every sentence
must condense without an exception or a fallback, and every bullet of a sentence written
without markup must keep its sentence's meaning by the guard the deck statistics use.

The examples are derandomised, so CI sees the same ones every run; set LECTUREKIT_FUZZ_EXAMPLES
to try more on your machine.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lecturekit.language import heuristics
from lecturekit.language.condense.rules import condense
from lecturekit.language.keypoints import paragraph_points
from lecturekit.model.lesson import Paragraph, Section, Span, plain
from lecturekit.stats.faithful import faithful, source_units

EXAMPLES = int(os.environ.get("LECTUREKIT_FUZZ_EXAMPLES", "400"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

SUBJECTS = ["the committee", "most farmers", "Nosotek", "the state", "each member", "it", "they", "Kim Jong-un",
            "the 2016 fair", "a new policy", "researchers in Seoul", "this approach", "the Federal Reserve"]  # fmt: skip
VERBS = ["approved", "must approve", "did not approve", "can reduce", "may never reach", "reported", "showed",
         "is", "was known for", "will only fund", "requires", "had doubled", "cannot guarantee"]  # fmt: skip
OBJECTS = ["the loans", "over 80% of household income", "private markets", "a racing game", "the budget",
           "three Swedish professionals", "the rights of property", "$5 million", "its own rules",
           "a joint venture with the government", "the C preprocessor"]  # fmt: skip
OPENERS = ["However,", "In 2016,", "Despite this,", "For example,", "As a result,", "Meanwhile,"]
ASIDES = ["also known as the Number One", "which lasted two years", "for the most part", "not least",
          "as the report notes", "in theory"]  # fmt: skip
CITATIONS = ["(Smith, 2019)", "[12]", "(see Figure 3)", "(Smith et al., 2020; Jones, 2021)", "[Wilson2016]"]
MARKUP = ["`pycparser`", "**pycparser**", "https://example.org/a/very/long/path/that/goes/on/and/on.html",
          "_emphasis_", "~~struck~~", "<kbd>Tab</kbd>", "e.g.", "U.S.", "i.e."]  # fmt: skip


@st.composite
def clause(draw, depth: int = 0) -> str:
    """Return a clause: subject, verb, object, with what real clauses carry around them."""
    words = [draw(st.sampled_from(SUBJECTS)), draw(st.sampled_from(VERBS)), draw(st.sampled_from(OBJECTS))]
    shape = draw(st.integers(0, 9))
    if shape == 1:
        words.insert(1, f", {draw(st.sampled_from(ASIDES))},")
    elif shape == 2:
        words.append(draw(st.sampled_from(CITATIONS)))
    elif shape == 3 and depth < 2:
        words.insert(1, f"({draw(clause(depth + 1))})")  # nested parentheses
    elif shape == 4:
        words.insert(1, f"— {draw(st.sampled_from(ASIDES))} —")
    elif shape == 5:
        words.append(f"“{draw(st.sampled_from(OBJECTS))}”")
    elif shape == 6:
        items = draw(st.lists(st.sampled_from(OBJECTS), min_size=2, max_size=6, unique=True))
        words.append(", ".join(items[:-1]) + f", {draw(st.sampled_from(['and', 'or']))} {items[-1]}")
    return " ".join(words).replace(" ,", ",")


@st.composite
def sentence(draw, markup: bool) -> str:
    """Return a sentence of one to several clauses joined as real sentences join them."""
    joins = ["; ", ": ", " — ", ", but ", ", and ", ", because ", ", which means that ", ", so "]
    parts = draw(st.lists(clause(), min_size=1, max_size=5, unique_by=lambda c: c.split()[0]))
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from(joins)) + part
    frame = draw(st.integers(0, 7))
    if frame == 1:
        text = f"Although {draw(clause())}, {text}"
    elif frame == 2:
        text = f"If {draw(clause())}, {text}"
    elif frame == 3:
        text = f"{draw(st.sampled_from(OPENERS))} {text}"
    elif frame == 4:
        verb, thing = draw(st.sampled_from(VERBS)), draw(st.sampled_from(OBJECTS))
        text = f"{draw(st.sampled_from(SUBJECTS))} not only {verb} {thing}, but {text}"
    elif frame == 5:
        text = f"{draw(st.sampled_from(SUBJECTS))} claims that {text}"
    if markup:
        for _ in range(draw(st.integers(0, 3))):
            words = text.split()
            at = draw(st.integers(0, len(words)))
            words.insert(at, draw(st.sampled_from(MARKUP)))
            text = " ".join(words)
    return text[:1].upper() + text[1:] + draw(st.sampled_from([".", "!", "?", "", "…"]))


def _bullets(text: str) -> list[list[str]]:
    """Return each point of `text` as its bullet and sub-bullets, with no fallback taken."""
    heuristics.forget_slips()
    points = paragraph_points.__wrapped__((Span(text),))
    assert not heuristics.slips(), heuristics.slips()[0].traceback
    return [[plain(p.inlines), *(plain(c) for c in p.children)] for p in points]


class _Lesson:
    def __init__(self, text: str):
        self.sections = [Section((), 0, (Paragraph((Span(text),), 1),))]


@FUZZ
@given(sentence(markup=False))
def test_a_sentence_of_real_clause_shapes_condenses_and_keeps_its_meaning(text):
    # The guard finds a bullet's words in its sentence; a sentence that says the same three words
    # twice ("approved the loans; ... approved the loans") leaves it to guess which, as real
    # sentences seldom do.
    words = [w.strip(",;:.!?…—()“”").lower() for w in text.split()]
    trigrams = list(zip(words, words[1:], words[2:], strict=False))
    assume(len(trigrams) == len(set(trigrams)))
    units = source_units(_Lesson(text))
    for group in _bullets(text):
        assert faithful(group[0], units, group) == "ok", (text, group)
        for child in group[1:]:
            assert faithful(child, units) == "ok", (text, child)


@FUZZ
@given(sentence(markup=True))
def test_a_sentence_with_markup_urls_and_citations_condenses_without_a_fallback(text):
    _bullets(text)


@FUZZ
@given(st.lists(st.sampled_from(SUBJECTS + VERBS + OBJECTS + ASIDES + MARKUP + [",", ";", "—", "(", ")"]),
                max_size=400))  # fmt: skip
def test_any_run_of_words_and_punctuation_condenses(words):
    text = " ".join(words)
    _bullets(text)
    found = condense(text.split())
    assert all(0 <= i < len(text.split()) for part in found for i in part.keep)


@FUZZ
@given(st.integers(1, 3000), st.sampled_from(["word", "word,", "and", "(aside)", "—", "x;"]))
def test_one_word_and_very_long_sentences_condense(count, word):
    _bullets(" ".join([word] * count) + ".")
