"""Parts for a text without headings: split where the vocabulary shifts, titled in its own words."""

from __future__ import annotations

from pathlib import Path

from lecturekit.language.segment import MIN_WORDS, segment
from lecturekit.model.lesson import Paragraph, plain
from lecturekit.model.reader import parse_article

TOPICS = {
    "glaciers": "Glaciers retreat as summers warm, and meltwater from the glaciers feeds rivers below the ice. "
    "Glacier ice holds air bubbles that record the climate, and glaciers carve valleys as the ice moves. ",
    "vaccines": "Vaccines train the immune system, and vaccine trials measure how well a vaccine prevents "
    "disease. Vaccine doses are stored cold, and vaccines reach clinics through supply chains. ",
    "railways": "Railways carried freight across continents, and railway companies laid track through "
    "mountains. Railway timetables made clocks agree, and railways moved whole towns to the stations. ",
}


def _article(paragraphs_each: int = 3, repeat: int = 3) -> str:
    body = "\n\n".join(text * repeat for text in TOPICS.values() for _ in range(paragraphs_each))
    return f"---\ntitle: Three topics\n---\n\n{body}\n"


def test_a_long_text_without_headings_is_split_where_its_topic_changes():
    lesson = segment(parse_article(_article(), Path("three.md")))
    assert len(lesson.sections) == 3
    for section, topic in zip(lesson.sections, TOPICS, strict=True):
        text = " ".join(plain(b.inlines) for b in section.blocks if isinstance(b, Paragraph)).lower()
        assert text.count(topic.rstrip("s")) > 5, (plain(section.title), text[:80])
        assert plain(section.title).lower() in text  # titled in the part's own words


def test_every_block_is_kept_in_order():
    read = parse_article(_article(), Path("three.md"))
    split = segment(read)
    assert [b for s in split.sections for b in s.blocks] == [b for s in read.sections for b in s.blocks]


def test_a_short_text_or_one_with_headings_stays_as_it_is():
    short = parse_article("---\ntitle: Short\n---\n\nOne paragraph about glaciers.\n", Path("short.md"))
    assert len(plain(short.sections[0].blocks[0].inlines).split()) < MIN_WORDS
    assert segment(short) is short
    headed = parse_article("## Glaciers\n\n" + TOPICS["glaciers"] * 40 + "\n", Path("headed.md"))
    assert segment(headed) is headed
