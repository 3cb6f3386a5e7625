"""Condensing one sentence, step by step: what each step leaves out, and what it never does.

`condense` takes the words of a sentence and returns which of them each bullet shows (indices),
with sub-bullets, a cut mark and a lead-in mark. These cases call it directly, one step each;
tests/fixtures/keypoints.txt holds whole paragraphs as the slides show them.
"""

from __future__ import annotations

import pytest

from lecturekit.language.condense import MAX, Condensed, condense


def shown(sentence: str) -> list[str]:
    """Return the bullets of `sentence` as text: "bullet", "  - sub-bullet", "…" where cut."""
    words = sentence.split()
    out = []
    for part in condense(words):
        out.append(" ".join(words[i] for i in part.keep) + ("…" if part.cut else ""))
        out += ["  - " + " ".join(words[i] for i in child) for child in part.children]
    return out


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


def test_a_leading_connective_goes():
    assert shown("However, the loans were approved by the state bank after a long and public inquiry.")[
        0
    ].startswith("the loans were approved")


def test_a_citation_goes_and_a_cross_reference_goes():
    (bullet,) = shown(
        "The zone holds most of the country's software firms and their staff (Smith et al., 2019) (see Figure 3)."
    )
    assert "Smith" not in bullet and "Figure" not in bullet and bullet.startswith("The zone holds")


def test_a_named_source_stays_above_its_claim_and_hearsay_goes():
    assert shown(
        "The Institute for Peace in Seoul claims that North Korea relies on markets for over 80% of income."
    ) == [
        "The Institute for Peace in Seoul claims",
        "  - North Korea relies on markets for over 80% of income.",
    ]
    (bullet,) = shown(
        "Sources claim that the nation has recovered from the famine that began in the early 1990s."
    )
    assert bullet.startswith("the nation has recovered")


@pytest.mark.parametrize("frame", ["It is suggested that", "Please note that"])
def test_a_frame_that_names_no_one_goes(frame):
    bullets = shown(
        f"{frame} most realistic C code samples would require running the C preprocessor before passing the"
        " code to the parser."
    )
    assert bullets[0].startswith("most realistic C code samples")


def test_a_semicolon_joins_two_claims_and_makes_two_bullets():
    assert len(shown(
        "Private markets have been liberalised since the early 2000s across the whole country; urban markets"
        " are now held regularly in every one of the provincial capitals."
    )) == 2  # fmt: skip


def test_a_concession_goes_under_its_claim():
    assert shown(
        "Although the committee, also known as the Number One, will only fund new roads, most farmers"
        " approved the loans, because the state approved a budget."
    ) == [
        "most farmers approved the loans, because the state approved a budget.",
        "  - Although the committee, also known as the Number One, will only fund new roads,",
    ]


def test_a_list_becomes_sub_bullets_under_what_introduces_it():
    assert shown(
        "This zone is divided into information technology, biological technology, and other sectors such"
        " as engineering technology."
    ) == [
        "This zone is divided into",
        "  - information technology,",
        "  - biological technology,",
        "  - other sectors such as engineering technology.",
    ]


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
    assert part.cut and len(part.keep) <= MAX + MAX // 2  # at a comma, rather than mid-clause


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
