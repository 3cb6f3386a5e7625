"""The slide model: what `plan_deck` decides and `write_pptx` draws, with no XML in sight.

Every size is decided when planning (text measured, split, shrunk within limits), so the writer
only renders. Lengths are in points.
"""

from __future__ import annotations

from dataclasses import dataclass

from lecturekit.lesson import Diagnostic, Image, Inlines


@dataclass(frozen=True)
class Bullet:
    inlines: Inlines
    level: int = 0
    number: int | None = None  # shown as "3." when set (ordered lists, agenda, questions)


@dataclass(frozen=True)
class TitleSlide:
    title: str
    title_size: float
    subtitle: str
    details: tuple[str, ...]  # course, lecturer, date: one line each
    notes: str


@dataclass(frozen=True)
class SectionSlide:
    title: str  # "Part 2\nWhat Is Holding Startups Back?": kicker and heading, one unique title
    kicker: str
    heading: str
    title_size: float
    notes: str


@dataclass(frozen=True)
class BulletSlide:
    title: str
    title_size: float
    bullets: tuple[Bullet, ...]
    body_size: float
    notes: str
    kind: str = "content"  # "content" | "agenda" | "discussion" | "sources"


@dataclass(frozen=True)
class QuoteSlide:
    title: str
    title_size: float
    quote: Inlines
    attribution: str
    body_size: float
    notes: str


@dataclass(frozen=True)
class PictureSlide:
    title: str
    title_size: float
    image: Image
    caption: str
    notes: str


Slide = TitleSlide | SectionSlide | BulletSlide | QuoteSlide | PictureSlide


@dataclass(frozen=True)
class Deck:
    title: str
    footer: str
    slides: tuple[Slide, ...]
    warnings: tuple[Diagnostic, ...] = ()
