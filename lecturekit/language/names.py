"""Which words are names: decided here, once, by how the article itself capitalises them.

A word capitalised inside sentences more often than not is a name ("Nosotek's founders", "the
Carpentries"); so is an acronym ("NMDA"). The first word of a sentence says nothing either way.
A word the running text never shows mid-sentence is judged by its headings: a capitalised word
of a heading not in title case is taken for a name ("### Nosotek", "## Life in Pyongyang"),
unless it only titles ("Introduction").

Every reader of names asks `Names.is_name`: the key points (whose referent a pronoun takes),
the questions (which words of a title keep their capital, what is a case or a source).
"""

from __future__ import annotations

from collections import Counter

from lecturekit.language.heuristics import attempt
from lecturekit.lexicon.english import GENERIC_TITLES
from lecturekit.model.lesson import Heading, Lesson, paragraphs, plain
from lecturekit.model.text import core, sentences


class Names:
    """How often the article writes each word capitalised, and lower case, inside its sentences."""

    def __init__(self, lesson: Lesson | None = None):
        self.capital: Counter[str] = Counter()
        self.lower: Counter[str] = Counter()
        self.headings: set[str] = set()
        if lesson is not None:
            attempt("names", str(lesson.path), self._count_lesson, lambda _: None, lesson)
        self.known = frozenset(w for w in self.capital.keys() | self.headings if self.is_name(w.capitalize()))

    def _count_lesson(self, lesson: Lesson) -> None:
        for section in lesson.sections:
            self._heading(plain(section.title))
            for block in section.blocks:
                if isinstance(block, Heading):
                    self._heading(plain(block.inlines))
                for paragraph in paragraphs(block):
                    self._count(plain(paragraph.inlines))

    def _heading(self, title: str) -> None:
        """Note the capitalised words of a heading, unless it capitalises every word it can: a
        heading in title case ("The Distribution of Code") says nothing of which are names."""
        words = [core(w) for w in title.split()]
        if len(words) > 1 and all(w[:1].isupper() for w in words if len(w) > 3):
            return
        # its first word is capitalised as a sentence's is, unless it stands alone ("Nosotek")
        self.headings.update(w.lower() for w in words[1:] or words if w[:1].isupper())

    def _count(self, text: str) -> None:
        for start, end in sentences(text):
            for word in text[start:end].split()[1:]:
                word = core(word)
                if word[:1].isupper():
                    self.capital[word.lower()] += 1
                elif word[:1].islower():
                    self.lower[word.lower()] += 1

    def is_name(self, word: str) -> bool:
        """Tell whether `word`, as written, is a name the article uses."""
        word = core(word)
        if not word[:1].isupper() or word == "I":
            return False
        if len(word) > 1 and word.isupper():
            return True  # an acronym
        key = word.lower()
        capital, lower = self.capital[key], self.lower[key]
        if capital or lower:
            return capital > lower
        return key in self.headings and key not in GENERIC_TITLES

    def written_lower(self, word: str) -> bool:
        """Tell whether the article's sentences ever write `word` in lower case."""
        return self.lower[core(word).lower()] > 0


NO_NAMES = Names()  # for a paragraph read without its article
