"""Which words are names: decided here, once, by how the article itself capitalises them.

A word capitalised inside sentences more often than not is a name ("Nosotek's founders", "the
Carpentries"); so is an acronym ("NMDA"). The first word of a sentence says nothing either way.
A word the running text never shows mid-sentence is judged by its headings. A heading written in
sentence case names what it capitalises after its first word ("## Life in North Korea"); one of
a single word names it ("### Nosotek"), unless it only titles ("Introduction"). A heading that
capitalises every word ("### Noko Jeans", "## The Distribution of Code") is a name only if the
text writes it so too ("Noko Jeans was founded in 2009."), and then names those of its words the text
never writes in lower case: "Noko", not "Jeans" beside "jeans" in a sentence.

Every reader of names asks `Names.is_name`: the key points (whose referent a pronoun takes),
the questions (which words of a title keep their capital, what is a case or a source).
"""

from __future__ import annotations

from collections import Counter

from lecturekit.language.heuristics import attempt
from lecturekit.lexicon import language
from lecturekit.lexicon.english import GENERIC_TITLES, NAME_PARTICLES
from lecturekit.model.lesson import Heading, Lesson, paragraphs, plain
from lecturekit.model.text import capitalised_throughout, core, sentences

RUN_MOST = 6  # words of a run of capitalised words that a heading is looked for in


class Names:
    """How often the article writes each word capitalised, and lower case, inside its sentences."""

    def __init__(self, lesson: Lesson | None = None):
        self.capital: Counter[str] = Counter()
        self.lower: Counter[str] = Counter()
        self.runs: set[str] = set()  # runs of capitalised words the text writes: "noko jeans"
        self.headings: set[str] = set()  # the words headings name (see `_heading_names`)
        # the text's language: condensing reads English only (see lecturekit.language.keypoints)
        self.lang = language(lesson.meta.lang) if lesson is not None else "en"
        if lesson is not None:
            attempt("names", str(lesson.path), self._count_lesson, lambda _: None, lesson)
        # Two readings of texts that capitalise alike are equal: the key points cached for one
        # serve the other (a rebuild under --watch, a course worker's next article).
        self._key = (
            frozenset(self.capital.items()),
            frozenset(self.lower.items()),
            frozenset(self.headings),
            frozenset(self.runs),
            self.lang,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Names) and self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)

    def _count_lesson(self, lesson: Lesson) -> None:
        titles = []
        for section in lesson.sections:
            titles.append(plain(section.title))
            for block in section.blocks:
                if isinstance(block, Heading):
                    titles.append(plain(block.inlines))
                for paragraph in paragraphs(block):
                    self._count(plain(paragraph.inlines))
        for title in titles:  # once the text is counted: it tells title case from names
            self.headings.update(self._heading_names(title))

    def _heading_names(self, title: str) -> list[str]:
        """Return the words a heading names, lower case (see the module's docstring)."""
        words = [w for w in (core(w) for w in title.split()) if w]
        if len(words) > 1 and capitalised_throughout(words):  # title case: names or not
            phrase = " ".join(w.lower() for w in words)
            if phrase not in self.runs and phrase.removeprefix("the ") not in self.runs:
                return []
            return [w.lower() for w in words if w[:1].isupper() and not self.lower[w.lower()]]
        # its first word is capitalised as a sentence's is, unless it stands alone ("Nosotek")
        return [w.lower() for w in words[1:] or words if w[:1].isupper()]

    def _count(self, text: str) -> None:
        for start, end in sentences(text, self.lang):
            words = [core(w) for w in text[start:end].split()]
            self._runs(words)
            for word in words[1:]:
                if word[:1].isupper():
                    self.capital[word.lower()] += 1
                elif word[:1].islower():
                    self.lower[word.lower()] += 1

    def _runs(self, words: list[str]) -> None:
        """Note the runs of capitalised words of a sentence ("Institute for Peace"), up to
        RUN_MOST words each, sentence-initial ones too."""
        run: list[str] = []
        for word in [*words, ""]:
            if word[:1].isupper() or (run and word.lower() in NAME_PARTICLES):
                run.append(word.lower())
                continue
            while run and run[-1] in NAME_PARTICLES:
                run.pop()
            for start in range(len(run) - 1):
                for end in range(start + 2, min(len(run), start + RUN_MOST) + 1):
                    self.runs.add(" ".join(run[start:end]))
            run = []

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
