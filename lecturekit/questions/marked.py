"""What a question or an outcome is made of in a lecture not in English: what the text marks by its
form, which a language's word lists (lecturekit.lexicon) are enough to read, never a phrase cut out
of a sentence by rules that read English.

- a term: a phrase of one to four words the text sets in bold, quotation marks or italics, in a
  sentence that names or defines ("**Digitalisierung** steht in diesem Kapitel für ...", "ce que nous
  appelons la création de « vérité terrain »");
- a question a part's heading asks ("Des données oui, mais pour quoi faire ?"), which its
  paragraphs answer;
- two sibling headings that name two kinds of one thing ("2D-Objekte" and "3D-Objekte");
- a table, and a program in a language its author names (see concepts.exhibits).

The templates of each language (templates/<lang>/) put every one of them in quotation marks, as
written: a quotation is a name in any grammar, so no article, case or gender has to agree with it.
"""

from __future__ import annotations

import re
from types import ModuleType

from lecturekit.model.lesson import Code, Lesson, Section, paragraphs, plain
from lecturekit.model.text import core, sentences
from lecturekit.questions.concepts import (
    HEADING_ANSWERS,
    NOT_A_SLOT,
    PAIR_WORDS,
    Concept,
    exhibits,
    section_made,
    siblings,
)

TERM_WORDS = 4  # a longer phrase in bold or in quotation marks is a quotation, not a term
TERMS = 3  # of a part: its key terms, not every word it stresses
NEAR = 5  # words from a term to the word that names it ("que nous appelons classiquement la création de « ... »")
_QUOTED = re.compile(r"[„“\"«‹]\s*([^„“”\"«»‹›]{2,60}?)\s*[“”\"»›]")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")  # quotation marks, spaces, punctuation: «\u00a0x\u00a0»
_ELIDED = re.compile(r"^\w+['’]")  # "l'écriture": the article written onto its noun


def marked_concepts(section: Section, words: ModuleType, lang: str, also: str, other: str) -> list[Concept]:
    """Return what `section` of a text in `lang` offers a question, read by its language's `words`:
    its terms, the question its heading asks, its tables (their columns joined by `also`, the rest
    counted by `other`) and its code."""
    found = _terms(section, words, lang)
    title = plain(section.title).strip()
    texts = [" ".join(plain(p.inlines).split()) for b in section.blocks for p in paragraphs(b)]
    asks = title.endswith("?") and 3 <= len(title.split()) <= 12 and not NOT_A_SLOT.search(title.rstrip(" ?"))
    if asks and len(texts) >= HEADING_ANSWERS and not any(isinstance(b, Code) for b in section.blocks):
        answers = tuple(text[a:b] for text in texts[:3] for a, b in sentences(text, lang)[:1])
        found.append(Concept("heading", (("question", title), ("topic", "")), answers or (title,)))
    return found + [c for c in exhibits(section, other, also) if c.kind != "code" or _program(c)]


# what a code block shows that is data or markup, not steps: no question asks what it "does"
_DATA = frozenset("xml html json yaml csv tsv turtle markdown text bibtex toml ini sparql-results".split())


def _program(code: Concept) -> bool:
    """Tell whether a code block is a program a question can ask to follow step by step: one its
    author names the language of ("python"), not data ("XML", a MARC record) nor an unnamed
    snippet (a regular expression)."""
    named = str(code.slots["language"]).casefold()
    return bool(named) and named not in _DATA


def _terms(section: Section, words: ModuleType, lang: str) -> list[Concept]:
    """The terms a part sets off where it names or defines them, each with the sentence it is in:
    in bold first, then in quotation marks (a name someone gave: `coined`), then in italics
    ("cuando digo *sobrevivir* no me refiero a ...")."""
    found: dict[str, Concept] = {}
    for block in section.blocks:
        for paragraph in paragraphs(block):
            text = plain(paragraph.inlines)
            bold: list[tuple[int, int]] = []
            italic: list[tuple[int, int]] = []
            at = 0
            for span in paragraph.inlines:
                (bold if span.bold else italic if span.italic else []).append((at, at + len(span.text)))
                at += len(span.text)
            for start, end in sentences(text, lang):
                sentence = text[start:end]
                if not words.NAMING.search(sentence):
                    continue
                marked = [(a, b, False) for a, b in bold if start <= a and b <= end]
                marked += [(start + m.start(), start + m.end(), True) for m in _QUOTED.finditer(sentence)]
                marked += [(a, b, False) for a, b in italic if start <= a and b <= end]
                for a, b, coined in marked:
                    term = _EDGES.sub("", text[a:b])
                    before = text[start:a].split()[-NEAR:]
                    near = " ".join(before + text[b:end].split()[:NEAR])
                    named = words.NAMING.search(near)  # "... wird als ETL-Prozess bezeichnet"
                    if named and term.casefold() not in found and _a_term(term, sentence, before, words):
                        found[term.casefold()] = Concept(
                            "term", (("term", term), ("coined", coined)), (sentence,)
                        )
    return list(found.values())[:TERMS]


def _a_term(phrase: str, sentence: str, before: list[str], words: ModuleType) -> bool:
    """Tell whether a phrase set off in a sentence (after the words `before` it) can be a term: a
    few words with a letter, and not:
    - a link, bracket, question or clause of its own, or the whole sentence ("**Hinweis:**");
    - a title, every word capitalised ("Scarcity or Abundance");
    - a name on a screen ("la colonne « Categories »"), or a meaning given for another word
      ("Sort, qui signifie « trier »");
    - a German word inflected after a genitive ("des **Datenschutzes**"), or one in lower case,
      an adjective or a verb ("semantisch");
    - a task, a phrase opening with an infinitive ("créer des données liées"; "sobrevivir" alone
      is a term);
    - a name: a product's ("OpenRefine"), or in Spanish or French one word with a capital inside
      a sentence."""
    found = phrase.split()
    last = core(before[-1]).casefold() if before else ""
    return (
        1 <= len(found) <= TERM_WORDS
        and any(c.isalpha() for c in phrase)
        and not NOT_A_SLOT.search(phrase)
        and not re.search(r"[?!¿¡{}]", phrase)
        and not (len(found) > 1 and all(w[:1].isupper() for w in found if len(w) > 3))
        and len(sentence.split()) > len(found) + 2
        and last not in words.UI_NOUNS | words.GENITIVE | words.GLOSS_VERBS
        and not (words.NOUNS_CAPITALISED and len(found) == 1 and phrase[:1].islower())
        and not (len(found) > 1 and not words.NOUNS_CAPITALISED and words.INFINITIVE.match(found[0]))
        and not re.search(r"[a-z][A-Z]", phrase)  # "OpenRefine", "GitHub": a product's name
        and not (not words.NOUNS_CAPITALISED and len(found) == 1 and phrase[:1].isupper() and before)
    )


def marked_pairs(lesson: Lesson, words: ModuleType) -> dict[str, list[Concept]]:
    """Return, by the title of the section holding the first, the pairs of sibling headings that
    name two kinds of one thing: the same head noun ("2D-Objekte" and "3D-Objekte", "Formatos
    abiertos" and "Formatos cerrados"), each a short heading that is neither a question nor a
    label ("Einleitung", "Resumen 1")."""
    found: dict[str, list[Concept]] = {}
    if section_made(lesson):
        return found  # lecturekit's own titles: key phrases, not kinds of one thing
    for first, second, home in siblings(lesson):
        if (
            first != second
            and all(_kind(h, words) for h in (first, second))
            and _head(first, words) == _head(second, words)
            and not words.INFINITIVE.match(_head(first, words, cased=True))
            and _joined(first) == _joined(second)
        ):
            found.setdefault(home, []).append(
                Concept("pair", (("first", first), ("second", second)), (first, second))
            )
    return found


def _kind(heading: str, words: ModuleType) -> bool:
    """Tell whether a heading can name one kind of a thing: a short phrase, no question, label,
    number or markup."""
    found = [core(w).casefold() for w in heading.split()]
    return (
        1 <= len(found) <= PAIR_WORDS
        and not heading.endswith("?")
        and not set(found) & words.GENERIC_HEADINGS
        and not any(w.isdigit() for w in found)
        and not NOT_A_SLOT.search(heading)
    )


def _head(heading: str, words: ModuleType, cased: bool = False) -> str:
    """Return the head noun of a heading as its language places it: last in German, and of a
    compound the part after its last hyphen ("3D-Objekte" -> "objekte"); else first, after its
    article ("Los formatos abiertos" -> "formatos", "L'écriture latine" -> "écriture")."""
    found = [core(w) if cased else core(w).casefold() for w in heading.split()]
    if words.HEAD_LAST:  # before what follows it: "Bestandteile von Discovery-Systemen"
        found = found[: next((k for k, w in enumerate(found) if k and w.casefold() in _JOINERS), len(found))]
        return found[-1].rsplit("-", 1)[-1]
    found = [_ELIDED.sub("", w) for w in found if w.casefold() not in words.ARTICLES]
    return found[0] if found else ""


_JOINERS = frozenset("de del du des der von vom für".split())


def _joined(heading: str) -> bool:
    """Tell whether a heading goes on after its head with a phrase of its own ("Formatos de
    archivo", "Ziele der Digitalisierung"): "Formatos abiertos" and "Formatos de archivo" are not
    two kinds of one thing."""
    return any(core(w).casefold() in _JOINERS or w.startswith(("d'", "d’")) for w in heading.split()[1:])
