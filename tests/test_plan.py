"""The deck planner on hand-built lessons: pure, no python-pptx, no files."""

from __future__ import annotations

from pathlib import Path

from lecturekit.deck.measure import Measurer
from lecturekit.deck.plan import plan_deck
from lecturekit.deck.slides import BulletSlide, QuoteSlide, SectionSlide, TitleSlide
from lecturekit.deck.theme import DEFAULT_THEME
from lecturekit.lesson import (
    Break,
    BulletList,
    Heading,
    Lesson,
    ListItem,
    Meta,
    Paragraph,
    Quote,
    Section,
    Span,
    plain,
)

THEME = DEFAULT_THEME
SENTENCE = "The state approves every new venture in the zone, which slows growth for years at a time."


def para(text: str, line: int = 1) -> Paragraph:
    return Paragraph((Span(text),), line)


def section(title: str, *blocks) -> Section:
    return Section((Span(title),), 1, tuple(blocks))


def lesson(*sections: Section, **meta) -> Lesson:
    return Lesson(
        Meta(**{"title": "A Lecture", "course": "Course 101", **meta}), tuple(sections), Path("a.md")
    )


def check_deck(deck) -> None:
    """The rules every planned deck keeps, whatever the input."""
    measure = Measurer(THEME.sans, THEME.mono)
    titles = [s.title for s in deck.slides]
    assert all(t.strip() for t in titles)
    assert len({t.casefold() for t in titles}) == len(titles), titles
    room = (THEME.body.h - 2 * THEME.inset_y) * (1 - THEME.slack)
    for slide in deck.slides:
        assert slide.notes.strip(), f"{slide.title!r} has no notes"
        if isinstance(slide, BulletSlide):
            assert len(slide.bullets) <= THEME.max_bullets
            assert THEME.body_min <= slide.body_size <= THEME.body_size
            assert THEME.title_min <= slide.title_size <= THEME.title_size
            height = 0.0
            for bullet in slide.bullets:
                margin = THEME.margin(bullet.level, bullet.number is not None)
                width = (THEME.body.w - 2 * THEME.inset_x - margin) * (1 - THEME.slack)
                space = THEME.space_before if bullet.level == 0 else THEME.space_before_nested
                height += measure.height(bullet.inlines, slide.body_size, width) + space
            assert height <= room, f"{slide.title!r} overflows"


def bullet_slides(deck):
    return [s for s in deck.slides if isinstance(s, BulletSlide) and s.kind == "content"]


def test_deck_shape_title_agenda_sections_discussion_sources():
    deck = plan_deck(lesson(section("One", para("First.")), section("Two", para("Second."))), THEME, ["Why?"])
    kinds = [type(s).__name__ if not isinstance(s, BulletSlide) else s.kind for s in deck.slides]
    assert kinds == [
        "TitleSlide",
        "agenda",
        "SectionSlide",
        "content",
        "SectionSlide",
        "content",
        "discussion",
        "sources",
    ]
    check_deck(deck)


def test_a_single_section_needs_no_agenda_or_section_header():
    deck = plan_deck(lesson(section("Only", para("Text."))), THEME)
    assert not any(isinstance(s, SectionSlide) for s in deck.slides)
    assert [s.kind for s in deck.slides if isinstance(s, BulletSlide)] == ["content", "sources"]


def test_more_than_six_bullets_continue_balanced_under_cont_titles():
    deck = plan_deck(lesson(section("Many", *[para(f"Point number {n}.") for n in range(8)])), THEME)
    slides = bullet_slides(deck)
    assert [s.title for s in slides] == ["Many", "Many (cont.)"]
    assert [len(s.bullets) for s in slides] == [4, 4]
    check_deck(deck)


def test_long_paragraphs_are_measured_not_just_counted():
    long = " ".join([SENTENCE] * 3)
    deck = plan_deck(lesson(section("Dense", *[para(long) for _ in range(6)])), THEME)
    check_deck(deck)
    for slide in bullet_slides(deck):
        for bullet in slide.bullets:
            assert len(plain(bullet.inlines).split()) <= 14


def test_every_paragraph_is_in_the_notes_of_the_slide_that_shows_its_bullet():
    paragraphs = [f"Paragraph {n} has its own words and a figure of {n * 7}%." for n in range(9)]
    deck = plan_deck(lesson(section("Notes", *[para(p) for p in paragraphs])), THEME)
    for slide in bullet_slides(deck):
        for bullet in slide.bullets:
            number = plain(bullet.inlines).split()[1]
            assert f"Paragraph {number} has its own words" in slide.notes


def test_a_subheading_starts_a_slide_titled_by_it_and_a_break_starts_a_new_slide():
    body = section(
        "Ventures",
        para("Intro text."),
        Heading((Span("Noko Jeans"),), 1, 3),
        para("Jeans text."),
        Break(5),
        para("After the break."),
    )
    deck = plan_deck(lesson(body), THEME)
    assert [s.title for s in bullet_slides(deck)] == ["Ventures", "Noko Jeans", "Noko Jeans (cont.)"]


def test_author_lists_keep_their_words_levels_and_numbers():
    nested = BulletList(
        (ListItem((para("inner item with many more words than fourteen, kept exactly as written"),)),),
        False,
        1,
        2,
    )
    items = (ListItem((para("first"), nested)), ListItem((para("second"),)))
    deck = plan_deck(lesson(section("List", BulletList(items, True, 3, 1))), THEME)
    bullets = bullet_slides(deck)[0].bullets
    assert [(plain(b.inlines), b.level, b.number) for b in bullets] == [
        ("first", 0, 3),
        ("inner item with many more words than fourteen, kept exactly as written", 1, None),
        ("second", 0, 4),
    ]


def test_an_item_too_long_for_any_slide_is_split_not_shrunk_below_the_minimum():
    huge = " ".join(["word"] * 400)
    deck = plan_deck(lesson(section("Huge", BulletList((ListItem((para(huge),)),), False, 1, 1))), THEME)
    slides = bullet_slides(deck)
    assert len(slides) > 1
    assert plain(slides[0].bullets[0].inlines).endswith("…")
    assert plain(slides[1].bullets[0].inlines).startswith("…")
    check_deck(deck)
    assert any("split over slides" in w.message for w in deck.warnings)


def test_titles_are_unique_even_when_the_article_repeats_them():
    deck = plan_deck(
        lesson(section("Agenda", para("a.")), section("Agenda", para("b.")), section("Sources", para("c."))),
        THEME,
        ["Why?"],
    )
    check_deck(deck)


def test_an_overlong_title_is_shortened_to_fit_at_the_minimum_size():
    title = "A heading that goes on " + "and on " * 40
    deck = plan_deck(lesson(section(title, para("Text."))), THEME)
    slide = bullet_slides(deck)[0]
    assert slide.title.endswith("…")
    assert slide.title_size == THEME.title_min
    title_slide = deck.slides[0]
    assert isinstance(title_slide, TitleSlide)


def test_a_quote_becomes_a_quote_slide_with_its_attribution():
    quote = Quote((para("Innovation needs room."),), (Span("Jukka-Pekka Heikkilä"),), 4)
    deck = plan_deck(lesson(section("Voices", para("Before."), quote)), THEME)
    slide = next(s for s in deck.slides if isinstance(s, QuoteSlide))
    assert plain(slide.quote) == "Innovation needs room."
    assert slide.attribution == "Jukka-Pekka Heikkilä"
    assert slide.title == "Voices (cont.)"
    check_deck(deck)


def test_discussion_questions_continue_over_slides_numbered_in_order():
    questions = [
        f"What does case {n} show about markets under a centralised state, and why?" for n in range(1, 10)
    ]
    deck = plan_deck(lesson(section("Only", para("Text."))), THEME, questions)
    slides = [s for s in deck.slides if isinstance(s, BulletSlide) and s.kind == "discussion"]
    assert len(slides) >= 2
    numbers = [b.number for s in slides for b in s.bullets]
    assert numbers == list(range(1, 10))
    check_deck(deck)


def test_a_long_item_that_fits_only_smaller_gets_a_smaller_size_not_an_overflow():
    item = " ".join(["A list item that goes on and on."] * 30)
    deck = plan_deck(lesson(section("Long", BulletList((ListItem((para(item),)),), False, 1, 1))), THEME)
    check_deck(deck)
    slides = bullet_slides(deck)
    assert len(slides) == 1 and slides[0].body_size < THEME.body_size


def test_a_long_footer_is_shortened_to_one_line():
    deck = plan_deck(lesson(section("A", para("x.")), course="C" * 80, title="T" * 120), THEME)
    measure = Measurer(THEME.sans, THEME.mono)
    assert deck.footer.endswith("…")
    assert measure.width(deck.footer, THEME.footer_size) <= THEME.footer.w - 2 * THEME.inset_x
