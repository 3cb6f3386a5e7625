"""Key phrases (lecturekit/language/topics.py): the noun phrase that names what a stretch of text
is about, in the author's words, for a slide's or a part's title."""

from __future__ import annotations

from lecturekit.language.topics import Usage, key_phrases

SLIDES = [
    "Private markets have been liberalised since the early 2000s.\nUrban markets are held regularly.",
    "The Unjong technology zone is where the startup scene is concentrated.\n"
    "Most private businesses are foreign owned.",
    "Jukka-Pekka Heikkilä of Helsinki's Aalto School of Business claimed:\n"
    "A real start-up fair needs legal reform.",
]


def test_each_stretch_is_titled_by_a_noun_phrase_of_its_own():
    ranked = key_phrases(SLIDES)
    assert ranked[0][0] == "Private markets"  # the subject of the first claim
    assert ranked[1][0] == "Unjong technology zone"
    assert all(phrase in text for phrases, text in zip(ranked, SLIDES, strict=True) for phrase in phrases)


def test_a_phrase_never_holds_a_verb_nor_cuts_a_name():
    usage = Usage(["They report it to the board.", "The board will report them.", *SLIDES])
    found = [p for phrases in key_phrases(SLIDES, usage) for p in phrases]
    assert not [p for p in found if "liberalised" in p or "claimed" in p or "held" in p]
    assert "Helsinki's Aalto School" not in found  # part of "... of Helsinki's Aalto School of Business"
    assert "Aalto School" not in found


def test_a_lone_common_word_or_one_capitalised_by_its_place_is_no_title():
    ranked = key_phrases(["Decisions matter.\nNon-specific binding occurs.", "Alan walked home."])
    assert "Decisions" not in ranked[0] and "Non-specific" not in ranked[0]
    assert ranked[1] == []


def test_runs_of_joiners_and_long_runs_end_in_time():
    """Text no prose holds ("Bank of of of ...", one run of 20,000 words) gives phrases or none,
    never an error, in time linear in its length."""
    text = "Bank of of of of Scotland holds gold. " + "Alpha of " * 10_000 + "Beta."
    assert key_phrases([text, "x"])[1] == []


def test_a_verb_the_text_never_uses_as_a_verb_elsewhere_still_ends_a_phrase():
    """ "consists", "requires": verbs whatever the text around them says ("Remote-first requires")."""
    ranked = key_phrases(
        ["The human digestive system consists of many organs.\nRemote-first requires trust.", "x"]
    )
    assert not [p for p in ranked[0] if p.endswith(("consists", "requires"))], ranked[0]


def test_a_person_one_later_bullet_names_does_not_title_the_slide_but_a_named_idea_may():
    slide = (
        "Since the early 2000s private markets have been liberalised.\n"
        "Urban markets are regularly held.\n"
        "Kim Jong-un is the first leader to implement market-oriented reforms."
    )
    assert key_phrases([slide, "Trade grew slowly."])[0][0] != "Kim Jong-un"
    idea = (
        "Rewrites of legacy systems are costly.\nThis was the Strangler Pattern which Fowler blogged about."
    )
    assert key_phrases([idea, "Trade grew slowly."])[0][0] == "Strangler Pattern"


def test_a_phrase_never_stops_at_a_modifier_before_its_noun_nor_holds_a_reflexive():
    ranked = key_phrases(
        [
            "He was manly. The heart pumps a drop of manly blood into the vessels.",
            "Things are ever grouping themselves.",
        ]
    )
    assert "drop of manly" not in [p.lower() for p in ranked[0]], ranked[0]
    assert not [p for p in ranked[1] if "themselves" in p or p.lower().startswith("ever")], ranked[1]
