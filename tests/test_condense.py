"""Condensing one sentence, rule by rule: what each rule leaves out, and what none ever does.

`condense` takes the words of a sentence and returns which of them each bullet shows (indices),
with sub-bullets, a cut mark and a lead-in mark. tests/fixtures/condense.txt holds each rule's
cases, read by one parametrised test; tests/fixtures/keypoints.txt holds whole paragraphs as the
slides show them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lecturekit.language.condense.rules import NAMES, RULES, condense
from lecturekit.language.condense.sentence import MAX, WHOLE, Condensed

FIXTURE = Path(__file__).parent / "fixtures" / "condense.txt"
KEEPS = Path(__file__).parent / "fixtures" / "condense-keeps.txt"


def shown(sentence: str, without: frozenset[str] = frozenset()) -> list[str]:
    """Return the bullets of `sentence` as text: "bullet", "  - sub-bullet", "…" where cut."""
    words = sentence.split()
    out = []
    for part in condense(words, without=without):
        out.append(" ".join(words[i] for i in part.keep) + ("…" if part.cut else ""))
        out += [
            "  - " + " ".join(words[i] for i in c) + ("…" if part.child_cut else "") for c in part.children
        ]
    return out


def _cases(fixture: Path = FIXTURE) -> list:
    """Return (rule, sentence, bullets) for every case of a fixture file (rule None before the first
    section)."""
    cases, rule = [], None
    for block in fixture.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if line and not line.startswith("# ")]
        if lines and lines[0].startswith("## "):
            rule, lines = lines[0][3:], lines[1:]
        if lines and lines[0] != "#":
            bullets = [line[2:] for line in lines[1:]]
            cases.append(pytest.param(rule, lines[0], bullets, id=f"{rule}: {lines[0][:40]}"))
    return cases


@pytest.mark.parametrize(("rule", "sentence", "bullets"), _cases())
def test_each_rule_does_what_its_cases_show(rule, sentence, bullets):
    assert rule in NAMES
    assert shown(sentence) == bullets
    assert shown(sentence, frozenset({rule})) != bullets, f"without {rule!r} the sentence comes out the same"


@pytest.mark.parametrize(("rule", "sentence", "bullets"), _cases(KEEPS))
def test_no_rule_splits_or_cuts_inside_what_holds_together(rule, sentence, bullets):
    """A name, an abbreviation, a list whose items hold commas, "but for", a condition and its claim."""
    assert shown(sentence) == bullets


def test_every_rule_has_cases():
    assert {rule for rule, *_ in (case.values for case in _cases())} == NAMES - {"fits"}
    assert [rule.name for rule in RULES][-1] == "cut"  # the last resort is last


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Short sentences stay whole.", ["Short sentences stay whole."]),
        ("", [""]),
        ("Word", ["Word"]),
    ],
)
def test_short_sentences_and_empty_ones_stay_as_they_are(sentence, expected):
    assert shown(sentence) == expected


@pytest.mark.parametrize("frame", ["It is suggested that", "Please note that"])
def test_a_frame_that_names_no_one_goes(frame):
    bullets = shown(
        f"{frame} most realistic C code samples would require running the C preprocessor before passing the"
        " code to the parser."
    )
    assert bullets[0].startswith("most realistic C code samples")


def test_a_comma_inside_brackets_ends_no_clause():
    """A split or an aside at a bracket's own comma or semicolon would leave half a parenthesis."""
    sentence = (
        "Access and visualize single-cell electrophysiology and two-photon imaging data"
        " (S. E. de Vries et al., 2023; S. E. J. de Vries et al., 2020) from the Allen Institute."
    )
    for bullet in shown(sentence):
        assert bullet.count("(") == bullet.count(")"), bullet


def test_a_number_range_is_no_aside():
    sentence = (
        "There is substantial individual variation, with the standard reference range for men being"
        " 1,180–1,620 g (2.60–3.57 lb) and for women 1,030–1,400 g (2.27–3.09 lb)."
    )
    (bullet,) = shown(sentence)
    assert "1,180–1,620 g" in bullet and "1,030–1,400 g" in bullet


def test_a_condition_is_never_split_from_what_it_governs():
    bullets = shown(
        "There is a tendency to degenerate into the mechanical; and unless there were a succession of persons"
        " whose originality prevents it, such dead matter would not resist the smallest shock, and there would"
        " be no reason why civilisation should not die out, as in the Byzantine Empire."
    )
    assert not any(b.startswith("there would be no reason") for b in bullets), bullets


def test_a_long_sentence_is_cut_at_a_clause_boundary_and_marked():
    words = " ".join(f"clause{n} holds the figure {n}," for n in range(40))
    (part,) = condense(f"The report lists {words} and more.".split())
    assert part.cut and len(part.keep) <= WHOLE  # at a comma, rather than mid-clause


def test_a_half_that_would_split_again_is_cut_when_it_runs_to_pages():
    """A page's script read as one sentence once put 113,000 characters on one bullet."""
    words = ("alpha beta, gamma delta; " * 3000).split()
    for part in condense(words):
        assert len(part.keep) <= 3 * MAX and all(len(c) <= 3 * MAX for c in part.children)


def test_every_index_is_a_word_of_the_sentence_in_order():
    words = "Nosotek, also known as The Number One, is the first joint venture; it makes games (such as Racer).".split()
    for part in condense(words):
        assert isinstance(part, Condensed)
        for indices in (part.keep, *part.children):
            assert list(indices) == sorted(indices) and all(0 <= i < len(words) for i in indices)


def test_rather_than_inside_an_opening_condition_stays():
    """Leaving it out joined the verb to the main clause: "or accidentally discourage formative
    assessment has the power ..." (a real text, not tuned on)."""
    sentence = (
        "If you stumble into an expert awareness gap, create confusion by using interchangeable terms,"
        " or accidentally discourage rather than invite questions, formative assessment has the power"
        " to bring these problems to the surface."
    )
    assert all("discourage rather than invite questions," in bullet for bullet in shown(sentence))


def test_a_predicate_after_an_aside_is_no_item_of_a_list():
    """ "Many of the foundational concepts of: / Computer science / Are difficult to learn" was no list."""
    bullets = shown(
        "Many of the foundational concepts of computer science, such as computability, are difficult to"
        " learn and not immediately useful."
    )
    assert len(bullets) == 1 and bullets[0].startswith(
        "Many of the foundational concepts of computer science"
    )
