"""Title each content slide by what it says: the author's heading on the first slide under it, the
key phrase of its own words on the slides after (see lecturekit.language.topics).

A lecturer titles a slide "Private markets since the 2000s", never "Introduction (cont. 2)". A
slide that follows another under the same heading takes the phrase that names its topic: one its
bullets (or its quote, caption, lead-in) use, and the other slides of the deck seldom; a phrase
that opens a bullet, its subject, weighs more. A slide whose words hold no such phrase takes one
from its notes; one whose notes hold none either keeps its heading, marked "(cont.)". Code or a
table takes a phrase of the sentence above it; one that runs on, with none, is "(cont.)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from lecturekit.language.topics import Usage, as_title, key_phrases
from lecturekit.layout.furniture import Words, words
from lecturekit.model.lesson import has_math, plain

from .slides import (
    BulletSlide,
    CodeSlide,
    PictureSlide,
    QuoteSlide,
    Slide,
    StatementSlide,
    TableSlide,
)


def name_slides(
    slides: Sequence[Slide], headings: Sequence[str], usage: Usage, taken: set[str], _: Words | None = None
) -> list[Slide]:
    """Return `slides` (a part's) with each untitled one (title "") titled by its key phrase, else
    by `headings[i]`, the heading it stands under, continued. `usage` tells the article's nouns from its
    verbs; `taken` holds the titles (case-folded) already in the deck, and gets those given here."""
    _ = _ or words("en")
    named = list(slides)
    untitled = [i for i, s in enumerate(slides) if not s.title]
    if not untitled:
        return named
    ranked = key_phrases([slide_text(s) for s in slides], usage)
    fuller: list[list[str]] | None = None  # the phrases of the slides' notes, when its words hold none
    taken |= {h.casefold() for h in headings}
    for index in untitled:
        slide = slides[index]
        found = None
        if not isinstance(slide, CodeSlide | TableSlide):
            found = _first_free(ranked[index], taken)
            if found is None:
                fuller = fuller or key_phrases([s.notes for s in slides], usage)
                found = _first_free(fuller[index], taken)
        elif plain(slide.lead[0]):  # code or a table: what the sentence above it names, not its cells
            found = _first_free(ranked[index], taken)
        title = found or _.continued(headings[index], headings[:index].count(headings[index]))
        taken.add(title.casefold())
        named[index] = replace(slides[index], title=title)
    return named


def _first_free(phrases: list[str], taken: set[str]) -> str | None:
    """Return the first of `phrases` as a title not yet in the deck, or None."""
    return next(
        (as_title(p) for p in phrases if as_title(p).casefold() not in taken and not _formula(p)), None
    )


def _formula(phrase: str) -> bool:
    """Tell whether a phrase holds an equation: as it stands in a slide's text, or in its notes'
    LaTeX. A title never shows one."""
    return has_math(phrase) or re.search(r"\$(?!\d)|\\", phrase) is not None  # "$5 billion" is no formula


def slide_text(slide: Slide) -> str:
    """Return the words a slide shows (apart from its title), a line for each bullet."""
    if isinstance(slide, BulletSlide):
        return "\n".join(plain(b.inlines) for b in slide.bullets)
    if isinstance(slide, StatementSlide):
        return plain(slide.text)
    if isinstance(slide, QuoteSlide):
        return plain(slide.quote)
    if isinstance(slide, PictureSlide):
        return "\n".join((plain(slide.lead[0]), slide.caption, slide.image.alt))
    if isinstance(slide, TableSlide):
        return "\n".join((plain(slide.lead[0]), *(plain(cell) for cell in slide.header)))
    if isinstance(slide, CodeSlide):
        return plain(slide.lead[0])
    return ""
