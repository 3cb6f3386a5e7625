"""The deck planner on hand-built lessons: pure, no python-pptx, no files."""

from __future__ import annotations

from pathlib import Path

import pytest

from lecturekit.deck.plan import plan_deck
from lecturekit.deck.slides import BulletSlide, QuoteSlide, SectionSlide, StatementSlide, TitleSlide
from lecturekit.deck.theme import DEFAULT_THEME
from lecturekit.language.segment import segment
from lecturekit.layout.measure import Measurer
from lecturekit.model.lesson import (
    Break,
    BulletList,
    Code,
    Heading,
    Image,
    Lesson,
    ListItem,
    Meta,
    Paragraph,
    Quote,
    Section,
    Span,
    plain,
)
from lecturekit.model.reader import read_article

from .helpers import FIXTURES, SEED, golden, to_data

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


def deck_in_words(deck) -> str:
    """Return a planned deck as a reader reads it: each slide's title, then its bullets (indented
    by level, numbered where numbered) or a line saying what else it shows."""
    out = []
    for number, slide in enumerate(deck.slides, 1):
        out.append(f"{number}. {slide.title.replace(chr(10), ' / ')}  [{type(slide).__name__}]")
        for bullet in getattr(slide, "bullets", ()):
            mark = f"{bullet.number}." if bullet.number is not None else ("" if bullet.lead else "-")
            out.append(f"{'  ' * (bullet.level + 1)}{mark} {plain(bullet.inlines)}".rstrip())
        if hasattr(slide, "text"):
            out.append(f"  {plain(slide.text)}")
        if hasattr(slide, "quote"):
            out.append(f"  “{plain(slide.quote)}” {slide.attribution}".rstrip())
        if hasattr(slide, "image"):
            out.append(f"  [picture: {slide.image.alt or slide.image.src}]")
        if hasattr(slide, "rows"):
            out.append(f"  [table: {' | '.join(plain(c) for c in slide.header)}; {len(slide.rows)} rows]")
        if hasattr(slide, "lines"):
            out.append(f"  [code: {len(slide.lines)} lines]")
        if hasattr(slide, "details"):
            out += [f"  {line}" for line in (slide.subtitle, *slide.details) if line]
    return "\n".join(out) + "\n"


def check_deck(deck) -> None:
    """The invariants every planned deck keeps, whatever the input: titles present and unique,
    notes on every slide, at most six bullets, sizes within the theme's range, and the bullets'
    height within the body as the fitter's own formula measures it. That last is the planner
    agreeing with the fitter, not an overflow check: whether text stays on the slide as
    PowerPoint lays it out is checked by rendering through LibreOffice (test_render)."""
    measure = Measurer(THEME.sans, THEME.mono)
    titles = [s.title for s in deck.slides]
    assert all(t.strip() for t in titles)
    assert len({t.casefold() for t in titles}) == len(titles), titles
    room = (THEME.body.h - 2 * THEME.inset_y) * (1 - THEME.slack)
    for slide in deck.slides:
        assert slide.notes.strip(), f"{slide.title!r} has no notes"
        if isinstance(slide, BulletSlide):
            assert (
                sum(1 if b.level == 0 else 0.5 for b in slide.bullets if not b.lead)
                <= THEME.max_bullets * slide.columns
            )
            assert THEME.body_min <= slide.body_size <= THEME.body_size
            assert THEME.title_min <= slide.title_size <= THEME.title_size
            height = 0.0
            for bullet in slide.bullets:
                margin = 0 if bullet.lead else THEME.margin(bullet.level, bullet.number is not None)
                column = (
                    THEME.body.w - 2 * THEME.inset_x - (slide.columns - 1) * THEME.column_gap
                ) / slide.columns
                width = (column - margin) * (1 - THEME.slack)
                space = THEME.space_before if bullet.level == 0 else THEME.space_before_nested
                height += measure.height(bullet.inlines, slide.body_size, width) + space
            assert height / slide.columns <= room, f"{slide.title!r} overflows"


def bullet_slides(deck):
    return [s for s in deck.slides if isinstance(s, BulletSlide) and s.kind == "content"]


def contents(deck):
    """Return the content slides: bullets and statements."""
    return [
        s
        for s in deck.slides
        if isinstance(s, StatementSlide) or isinstance(s, BulletSlide) and s.kind == "content"
    ]


CLAIMS = [
    "The state approves every new venture in the zone before it opens.",
    "Most private businesses in the country are foreign owned.",
    "Three Swedish professionals opened the first jeans company in 2009.",
    "The only loans present are given by the state.",
    "Connectivity is lacking in most of the country outside the capital.",
    "Six foreign professors ran seminars for students in 2016.",
    "Private markets have been liberalised since the early 2000s.",
]


def test_deck_shape_title_agenda_parts_discussion_sources():
    deck = plan_deck(
        lesson(
            section("One", para(CLAIMS[0] + " " + CLAIMS[1])),
            section("Two", para(CLAIMS[2] + " " + CLAIMS[3])),
        ),
        THEME,
        ["Why?"],
    )
    kinds = [type(s).__name__ if not isinstance(s, BulletSlide) else s.kind for s in deck.slides]
    assert kinds == ["TitleSlide", "agenda", "content", "content", "discussion", "sources"]
    check_deck(deck)


def test_every_claim_of_a_paragraph_is_a_bullet_and_short_paragraphs_share_a_slide():
    deck = plan_deck(
        lesson(section("Markets", para(CLAIMS[0] + " " + CLAIMS[1]), para(CLAIMS[2]), para(CLAIMS[3]))), THEME
    )
    slides = contents(deck)
    assert len(slides) == 1
    assert [plain(b.inlines) for b in slides[0].bullets] == [c.rstrip(".") for c in CLAIMS[:4]]
    check_deck(deck)


def test_a_lone_claim_is_a_statement_slide_not_a_one_bullet_slide():
    deck = plan_deck(
        lesson(section("Conclusion", para("North Korea does have a business scene at an embryonic level."))),
        THEME,
    )
    (slide,) = contents(deck)
    assert isinstance(slide, StatementSlide)
    assert plain(slide.text) == "North Korea does have a business scene at an embryonic level"
    assert slide.size >= THEME.body_size
    check_deck(deck)


def test_a_long_run_is_split_into_full_balanced_slides_never_a_stub():
    deck = plan_deck(lesson(section("Many", *[para(f"{c} It matters.") for c in CLAIMS])), THEME)
    slides = contents(deck)
    counts = [len(s.bullets) for s in slides]
    assert min(counts) >= 3, counts
    assert [s.title for s in slides][:2] == ["Many", "Six foreign professors"]  # its own key phrase
    check_deck(deck)


def test_every_paragraph_is_verbatim_in_the_notes_of_the_slide_that_shows_its_bullets():
    paragraphs = [f"Paragraph {n} has its own words and a figure of {n * 7}%." for n in range(9)]
    deck = plan_deck(lesson(section("Notes", *[para(p) for p in paragraphs])), THEME)
    for slide in contents(deck):
        for bullet in slide.bullets:
            number = plain(bullet.inlines).split()[1]
            assert f"Paragraph {number} has its own words" in slide.notes
        shown = {plain(b.inlines).split()[1] for b in slide.bullets}
        assert {n for n in "012345678" if f"Paragraph {n} " in slide.notes} == shown  # exactly those


def test_a_subheading_starts_a_slide_titled_by_it_and_a_break_starts_a_new_slide():
    body = section(
        "Ventures",
        para(CLAIMS[0] + " " + CLAIMS[1]),
        Heading((Span("Noko Jeans"),), 1, 3),
        para(CLAIMS[2] + " " + CLAIMS[3]),
        Break(5),
        para(CLAIMS[4] + " " + CLAIMS[5]),
    )
    deck = plan_deck(lesson(body), THEME)
    assert [s.title for s in contents(deck)] == ["Ventures", "Noko Jeans", "Six foreign professors"]


def test_a_pronoun_stays_on_the_slide_of_its_referent():
    text = (
        "The Unjong zone is where the startups are. It is divided into three sectors. It is run by the state."
    )
    deck = plan_deck(lesson(section("Zone", *[para(c) for c in CLAIMS[:4]], para(text))), THEME)
    for slide in contents(deck):
        texts = [plain(b.inlines) for b in slide.bullets]
        if "It is divided into three sectors" in texts:
            assert texts.index("It is divided into three sectors") > 0
            assert texts[texts.index("It is divided into three sectors") - 1].startswith("The Unjong zone")


def test_a_header_slide_only_for_a_long_part_after_the_first_or_as_set():
    long_part = section("Long", *[para(f"{c} {c}") for c in CLAIMS], para(CLAIMS[0]))
    longer = section("Longer", *[para(f"{c} {c} {c}") for c in CLAIMS * 2])
    short = section("Short", para(CLAIMS[1] + " " + CLAIMS[2]))
    auto = plan_deck(lesson(short, long_part, longer), THEME)
    assert [s.heading for s in auto.slides if isinstance(s, SectionSlide)] == ["Long", "Longer"]
    # A header slide is ceremony: in a deck of seven slides, title, agenda and sources are enough.
    budget = plan_deck(lesson(short, long_part), THEME)
    assert len(budget.slides) == 7 and not any(isinstance(s, SectionSlide) for s in budget.slides)
    first = plan_deck(lesson(long_part, short), THEME)
    assert not any(isinstance(s, SectionSlide) for s in first.slides)  # the agenda announced it
    always = plan_deck(lesson(long_part, short, section_headers="on"), THEME)
    assert [s.heading for s in always.slides if isinstance(s, SectionSlide)] == ["Long", "Short"]
    never = plan_deck(lesson(short, long_part, section_headers="off"), THEME)
    assert not any(isinstance(s, SectionSlide) for s in never.slides)


def test_the_agenda_is_one_slide_in_two_columns_when_it_has_more_than_six_parts():
    parts = [
        section(f"Part number {n} of the lecture", para(CLAIMS[n % 7] + " " + CLAIMS[(n + 1) % 7]))
        for n in range(9)
    ]
    deck = plan_deck(lesson(*parts), THEME)
    agenda = [s for s in deck.slides if isinstance(s, BulletSlide) and s.kind == "agenda"]
    assert len(agenda) == 1 and agenda[0].columns == 2
    assert [b.number for b in agenda[0].bullets] == list(range(1, 10))
    check_deck(deck)


def test_author_lists_keep_their_words_levels_and_numbers():
    nested = BulletList((ListItem((para("inner item, kept exactly as written"),)),), False, 1, 2)
    items = (ListItem((para("first"), nested)), ListItem((para("second"),)))
    deck = plan_deck(lesson(section("List", para(CLAIMS[0]), BulletList(items, True, 3, 1))), THEME)
    bullets = contents(deck)[0].bullets
    assert [(plain(b.inlines), b.level, b.number) for b in bullets][1:] == [
        ("first", 0, 3),
        ("inner item, kept exactly as written", 1, None),
        ("second", 0, 4),
    ]


def test_a_list_items_label_is_shown_once_with_its_claims_under_it():
    item = ListItem(
        (
            para(
                "Borrow, borrow, and borrow again. This is a mainstay of programming and a practice "
                "common to all skill levels, from professional programmers to librarians."
            ),
        )
    )
    deck = plan_deck(
        lesson(section("Lessons", para("Main lessons:"), BulletList((item,), False, 1, 9))), THEME
    )
    shown = [plain(b.inlines) for s in contents(deck) for b in s.bullets]
    assert shown.count("Borrow, borrow, and borrow again") == 1, shown


def test_a_lead_in_opens_its_list_on_the_same_slide():
    items = tuple(ListItem((para(f"item number {n}"),)) for n in range(1, 5))
    deck = plan_deck(
        lesson(
            section(
                "Plan",
                *[para(c) for c in CLAIMS[:4]],
                para("In this lecture, we'll cover"),
                BulletList(items, False, 1, 9),
            )
        ),
        THEME,
    )
    for slide in contents(deck):
        leads = [b for b in slide.bullets if b.lead]
        if leads:
            assert slide.bullets[-1] is not leads[0]  # never alone at the foot of a slide
            assert len([b for b in slide.bullets[slide.bullets.index(leads[0]) :] if not b.lead]) >= 2
    assert any(
        b.lead and plain(b.inlines) == "In this lecture, we'll cover:"
        for s in contents(deck)
        for b in s.bullets
    )


def test_a_long_list_item_is_condensed_and_whole_in_the_notes():
    long = (
        "A list item that goes on and on about the state approving every venture "
        + "in the zone " * 20
        + "today."
    )
    deck = plan_deck(
        lesson(section("Long", para(CLAIMS[0]), BulletList((ListItem((para(long),)),), False, 1, 1))), THEME
    )
    slide = contents(deck)[0]
    assert len(plain(slide.bullets[-1].inlines).split()) <= 40
    assert long in slide.notes
    check_deck(deck)


def test_a_picture_not_shown_goes_in_the_notes_and_a_decorative_one_is_left_off():
    remote = Image("https://example.org/map.png", "A map of the zone", "", 3, None)
    divider = Image("divider.png", "", "", 4, Path("divider.png"), (1200, 60), decorative=True)
    deck = plan_deck(lesson(section("Maps", para(CLAIMS[0] + " " + CLAIMS[1]), remote, divider)), THEME)
    (slide,) = contents(deck)
    assert "Picture: A map of the zone (https://example.org/map.png)" in slide.notes
    assert not any(type(s).__name__ == "PictureSlide" for s in deck.slides)


def test_a_picture_without_alt_text_is_shown_all_the_same():
    chart = Image("chart.png", "", "", 4, Path("chart.png"), (800, 600))
    deck = plan_deck(lesson(section("Maps", para(CLAIMS[0] + " " + CLAIMS[1]), chart)), THEME)
    (picture,) = [s for s in deck.slides if type(s).__name__ == "PictureSlide"]
    assert picture.image is chart and not picture.decorative


def test_titles_are_unique_even_when_the_article_repeats_them():
    deck = plan_deck(
        lesson(
            section("Agenda", para(CLAIMS[0])),
            section("Agenda", para(CLAIMS[1])),
            section("Sources", para(CLAIMS[2])),
        ),
        THEME,
        ["Why?"],
    )
    check_deck(deck)


def test_an_overlong_title_is_shortened_to_fit_at_the_minimum_size():
    title = "A heading that goes on " + "and on " * 40
    deck = plan_deck(lesson(section(title, para(CLAIMS[0]))), THEME)
    slide = contents(deck)[0]
    assert slide.title.endswith("…")
    assert slide.title_size == THEME.title_min
    assert isinstance(deck.slides[0], TitleSlide)


def test_a_quote_becomes_a_quote_slide_with_its_attribution():
    quote = Quote((para("Innovation needs room."),), (Span("Jukka-Pekka Heikkilä"),), 4)
    deck = plan_deck(lesson(section("Voices", para(CLAIMS[0] + " " + CLAIMS[1]), quote)), THEME)
    slide = next(s for s in deck.slides if isinstance(s, QuoteSlide))
    assert plain(slide.quote) == "Innovation needs room."
    assert slide.attribution == "Jukka-Pekka Heikkilä"
    assert slide.title == "Jukka-Pekka Heikkilä"  # the second slide under "Voices": its own phrase
    check_deck(deck)


def test_a_callout_keeps_its_code_on_the_quote_slide():
    quote = Quote((para("It will print an error message such as:"), Code("$ ks\n", "bash", 5)), (), 4)
    deck = plan_deck(lesson(section("Errors", para(CLAIMS[0] + " " + CLAIMS[1]), quote)), THEME)
    slide = next(s for s in deck.slides if isinstance(s, QuoteSlide))
    assert plain(slide.quote) == "It will print an error message such as:\n$ ks"
    assert [span.code for span in slide.quote if span.text == "$ ks"] == [True]
    check_deck(deck)


def test_the_discussion_is_one_slide_of_the_first_questions_that_fit():
    questions = [
        f"What does case {n} show about markets under a centralised state, and why?" for n in range(1, 10)
    ]
    deck = plan_deck(lesson(section("Only", para(CLAIMS[0]))), THEME, questions)
    (slide,) = [s for s in deck.slides if isinstance(s, BulletSlide) and s.kind == "discussion"]
    assert [b.number for b in slide.bullets] == [1, 2, 3, 4, 5]
    assert plain(slide.bullets[0].inlines) == questions[0]
    check_deck(deck)


def test_a_long_footer_is_shortened_to_one_line():
    deck = plan_deck(lesson(section("A", para(CLAIMS[0])), course="C" * 80, title="T" * 120), THEME)
    measure = Measurer(THEME.sans, THEME.mono)
    assert deck.footer.endswith("…")
    assert measure.width(deck.footer, THEME.footer_size) <= THEME.footer.w - 2 * THEME.inset_x


# -- golden plans: the planned deck of real articles, reviewed by eye whenever it changes ----------

GOLDEN = {
    "article": SEED,
    "18f-encasement-strategy": FIXTURES / "articles" / "18f-encasement-strategy.md",
    "swc-shell-intro": FIXTURES / "articles" / "swc-shell-intro.md",
    "lc-openrefine-arrays": FIXTURES / "articles" / "lc-openrefine-arrays.md",
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_planned_deck_matches_its_golden_fixture(name):
    """The data of plan_deck(lesson) (no questions: those have their own fixtures). After a
    change: LK_UPDATE_FIXTURES=1 ./scripts/test tests/test_plan.py, then read the diff."""
    deck = plan_deck(segment(read_article(GOLDEN[name])), THEME)
    check_deck(deck)
    actual = to_data(deck)
    assert actual == golden(actual, FIXTURES / "plan" / f"{name}.json")
    # the same plan in words, for a reviewer to read the change: titles, bullets, what else shows
    words = deck_in_words(deck)
    assert words == golden(words, FIXTURES / "plan" / f"{name}.txt")
