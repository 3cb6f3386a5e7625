"""The words lecturekit adds around the article, in the lecture's language: the titles of the
slides it adds, the mark of a title continued on the next slide, the handout's labels.

One home for them, for the planners that write them and the statistics that tell them from the
article's own slides. Their translations are gettext catalogs, one a language, in
lecturekit/locale/<lang>/LC_MESSAGES/lecturekit.mo (compiled from the .po beside it by
./scripts/catalogs, with Babel). A lecture's `lang` ("de", "de-AT", "pt_BR") picks its catalog,
never the machine's locale; a language without one gets English, and the build says so once.
"""

from __future__ import annotations

import gettext
import re
from functools import cache
from pathlib import Path

from lecturekit.lexicon import language

LOCALES = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "lecturekit"
LANGUAGES = ("en", "de", "es", "fr", "it", "pt", "nl")  # English, and those with a catalog


def N_(message: str) -> str:  # noqa: N802 - gettext's name for a message marked, translated later
    """Return `message`: it marks a message for the catalogs where it is defined, not said."""
    return message


# The English titles and words said elsewhere: what every catalog translates (see `Words`).
AGENDA = N_("Agenda")
OUTCOMES = N_("Learning outcomes")
DISCUSSION = N_("Discussion")
SOURCES = N_("Sources")
MARKED = (  # said by Words and by lecturekit.model.lesson.date_text
    N_("{title} (cont.)"),
    N_("{title} (cont. {count})"),
    N_("“{text}”"),
    N_("{day} {month} {year}"),
    N_("Introduction"),  # the reader's title for the text before the first heading
    N_("Picture: {description} ({address})"),
    N_("no description"),
    N_("Understand"),  # Bloom's levels, which the instructor's handout names (lecturekit.questions.bloom)
    N_("Apply"),
    N_("Analyse"),
    N_("Evaluate"),
    N_("Create"),
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


class Words:
    """The words lecturekit adds, in one language: `_("Agenda")`, `_.ngettext("{count} part",
    "{count} parts", 3)`; Babel finds them by those two names (./scripts/catalogs)."""

    def __init__(self, lang: str, catalog: gettext.NullTranslations):
        self.lang = lang  # the catalog's language, "en" when there is none
        self.catalog = catalog

    def __call__(self, message: str, **values: object) -> str:
        """Return `message` translated, its {names} filled in from `values`."""
        found = self.catalog.gettext(message)
        return found.format(**values) if values else found

    def ngettext(self, singular: str, plural: str, count: int, **values: object) -> str:
        """Return the singular or plural of a message, as the language says it for `count`."""
        return self.catalog.ngettext(singular, plural, count).format(count=count, **values)

    def quoted(self, text: str) -> str:
        """Return `text` in the language's quotation marks: “x” in English, „x“ in German."""
        return self("“{text}”", text=text)

    def continued_mark(self, title: str) -> re.Match[str] | None:
        """Return the continuation mark a title ends with in this language ("(Forts. 2)"), if any."""
        return _continued_pattern((self.lang,)).search(title)

    def continued(self, title: str, uses: int) -> str:
        """Return `title` for its slide after `uses` earlier ones: "(cont.)", then "(cont. 2)"."""
        if uses == 0:
            return title
        if uses == 1:
            return self("{title} (cont.)", title=title)
        return self("{title} (cont. {count})", title=title, count=uses)


@cache
def words(lang: str) -> Words:
    """Return the words for a lecture in `lang`, its catalog read once a process."""
    code = language(lang)
    if code == "en" or code not in LANGUAGES:
        return Words("en", gettext.NullTranslations())
    return Words(code, gettext.translation(DOMAIN, LOCALES, languages=[code]))


def has_catalog(lang: str) -> bool:
    """Tell whether lecturekit speaks `lang` (English does, without a catalog)."""
    return language(lang) in LANGUAGES


NO_CATALOG = (
    "lecturekit has no words in {lang!r}: the slides and handout it adds are in English. To add "
    "them, copy lecturekit/locale/de/LC_MESSAGES/lecturekit.po to a folder for the language, "
    "translate it and run ./scripts/catalogs"
)


def every(message: str) -> frozenset[str]:
    """Return `message` in every language lecturekit speaks: what tells its own slides apart."""
    return frozenset(words(lang)(message) for lang in LANGUAGES)


@cache
def ceremony() -> frozenset[str]:
    """Return the titles of the slides lecturekit adds, in every language it speaks."""
    return frozenset().union(*(every(m) for m in (AGENDA, DISCUSSION, SOURCES, OUTCOMES)))


@cache
def _continued_pattern(langs: tuple[str, ...] = LANGUAGES) -> re.Pattern[str]:
    """Return what ends a title continued in any of `langs` ("(cont.)", "(Forts. 2)", "(2)")."""
    marks = {
        re.escape(w(template, title="", count=0)).replace("0", r"\d+").strip()
        for w in (words(lang) for lang in {"en", *langs})
        for template in ("{title} (cont.)", "{title} (cont. {count})")
    }
    return re.compile(rf" (?:{'|'.join(sorted(marks))}|\(\d+\))$")


def without_continued(title: str) -> str:
    """Return a title without its continuation mark, in any language (what the statistics read)."""
    return _continued_pattern().sub("", title)
