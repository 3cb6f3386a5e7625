"""What a stretch of text is about: its key phrase, a noun phrase in the author's words.

A slide, or a part of a text without headings, is titled by the phrase that names its topic:
"Private markets", "The Unjong technology zone", "Market-oriented reforms". Without a
part-of-speech tagger, a phrase is found the way RAKE finds keywords (Rose et al., 2010): runs of
words between punctuation and function words, joined across "of" ("distribution of code"). The
text itself tells a noun from a verb: a word that follows "to", a pronoun or a modal ("they
report", "to build"), or comes before an object, is a verb there, and ends a phrase; one that
follows an article or a preposition is a noun. A phrase that ends in an adverb, an "-ed" form, a
possessive or a word the text only puts before its noun ("equal political") names nothing and is
passed over, as is a lone word unless it is an acronym or a name of capitalised parts, and any
stretch that cuts a name ("Helsinki's Aalto School" of "... of Helsinki's Aalto School of Business").

Phrases are weighed as tf-idf weighs words: used in this stretch, seldom in the others, its
words rare in the whole text; names weigh more, and so does a phrase that opens a sentence (its
subject).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from lecturekit.lexicon import MATH_WORD, language
from lecturekit.lexicon.english import (
    CONDITIONS,
    CONNECTIVES,
    DETERMINERS,
    EMPTY_WORDS,
    FINITE_VERBS,
    IRREGULAR_PAST,
    LINKING_VERBS,
    NEGATIONS,
    NOT_IN_TOPICS,
    NOUN_SIGNALS,
    OBJECTS,
    OPENERS,
    PARTICLES,
    SUBORDINATORS,
    TOPIC_JOINERS,
    VERB_SIGNALS,
    VERBISH,
)
from lecturekit.model.text import stems

MOST_WORDS = 4  # words of a key phrase
LONGEST_WORD = 40  # characters: a longer token is no word of a phrase
STRETCH = 20_000  # characters of a stretch read for its phrases: its title is in them
SAMPLE = 200_000  # characters of a text read for how it uses its words
SUBJECT_AFTER = 4  # function words a sentence's subject may follow ("Most of the ...")
NOT_TOPIC = (
    EMPTY_WORDS
    | CONNECTIVES
    | SUBORDINATORS
    | CONDITIONS
    | NEGATIONS
    | PARTICLES
    | NOT_IN_TOPICS
    | IRREGULAR_PAST
    | LINKING_VERBS  # "become", "remains": a title never ends on one
)
# a word (inner dots, dashes and apostrophes kept: "Node.js", "Jong-un", "Helsinki's"), a number,
# or punctuation; without a repeated group, which holds memory for every character it repeats
_TOKEN = re.compile(r"[^\W\d_][\w’'-]*(?:\.[\w’'-]+)*+|\d[\d,.]*|[^\w\s]+")
# an adverb made of an adjective, whatever the text seems to say: "privately", "publicly", "wholly"
_ADVERB = re.compile(r"^\w{2,}(?:al|ate|ic|ive|ous|ful|ent|ant|ing|ed|ar|less|ol|ct|nt)ly$|^\w{2,}[ai]bly$")
_TRAILING = re.compile(r"[’'_-]+$")
# a word made to stand before a noun ("manly", "intelligent", "electrical"): a phrase that stops
# at it, with its noun after it in the text, has lost its head
_ADJECTIVE = re.compile(r"\w{2,}(?:ly|ful|ous|ive|al|ic|able|ible|ent|ant|ary)$")
NOUN_ENDINGS = re.compile(r"(?:tion|sion|ment|ness|ity|ism|ship|ance|ence|ist|ure|ogy|ics|age|ery)s?$")
_CONTRACTED = re.compile(
    r"['’](?:m|ll|re|ve|d)$|n['’]t$|^(?:it|that|there|here|what|let|he|she|who)['’]s$", re.I
)


@dataclass(frozen=True)
class Phrase:
    key: str  # its words' stems: "privat market"
    shown: str  # its first appearance, as written: "Private markets"
    count: int  # how often the stretch uses it
    opening: bool  # it opens a sentence or a bullet: what the sentence is about
    line: int = 0  # the line (a slide's bullet) it first appears on: the first says what a slide is about


class Usage:
    """How a text uses its words: as verbs ("they report", "to build") or as nouns ("the report")."""

    def __init__(self, texts: Sequence[str], lang: str = "en"):
        """Read `texts` (paragraphs), up to SAMPLE characters of them: how a text uses a word is
        plain long before a book's end. The phrases are read in English, by English function
        words: a text in another language (`lang`) has none ("Laut der niedrigsten Schätzung" is
        no topic), and is not read."""
        self.english = language(lang) == "en"
        self.verb: Counter[str] = Counter()
        self.noun: Counter[str] = Counter()
        self.spread: Counter[str] = Counter()  # how many of the texts (paragraphs) use each word
        sample = _sample(texts) if self.english else []
        self.texts = len(sample)
        tokenised = [_tokens(text) for text in sample]
        self.lower = {t for tokens in tokenised for t in tokens if t[:1].islower()}  # "strategy", never "kim"
        for tokens in tokenised:
            padded = ["", "", *tokens, ""]
            for index, token in enumerate(tokens, start=2):
                word, before, after = _key(token), _key(padded[index - 1]), _key(padded[index + 1])
                # after a name, not a word capitalised only because it opens the sentence
                named = padded[index - 1][:1].isupper() and padded[index - 2][-1:].isalnum()
                if before in VERB_SIGNALS or after in OBJECTS or after in PARTICLES:
                    self.verb[_base(word)] += 1
                elif (
                    before in NOUN_SIGNALS
                    or after in FINITE_VERBS
                    or _key(padded[index - 2]) in DETERMINERS
                    and not after.isalpha()
                ):
                    self.noun[_base(word)] += (
                        1  # "the report", "of reports", "the zone is", "the large companies."
                    )
                elif (
                    named
                    and word.endswith("s")
                    and not word.endswith("ss")
                    and (after in NOT_TOPIC or not after[:1].isalnum())
                ):
                    self.verb[_base(word)] += 1  # "North Korea relies on", "the University claims:"
                elif named and word.endswith("ed") and word.isalpha():
                    self.verb[_base(word)] += 1  # "Chernobyl released"
            self.spread.update({_base(_key(t)) for t in tokens})
        self.heads: Counter[str] = Counter()  # words that end a noun phrase somewhere: heads, not modifiers
        for tokens in tokenised:
            for _, run in _runs(tokens, self):
                self.heads[_base(_key(run[-1]))] += 1

    def rarity(self, word: str) -> float:
        """Return the inverse document frequency of `word` over the texts."""
        return math.log((1 + self.texts) / (1 + self.spread[_base(_key(word))])) + 1

    def verb_like(self, word: str) -> bool:
        """Tell whether the text uses `word` (any of its forms) as a verb more than as a noun."""
        base = _base(_key(word))
        return self.verb[base] > self.noun[base]


ONE_LINES = 0.5  # what a proper name only one later line mentions keeps of its weight as a title
_LINES = re.compile(r"(?<=[.!?:;])\s+|\n+")  # a stretch's sentences and bullets


def phrases(text: str, usage: Usage) -> dict[str, Phrase]:
    """Return the noun phrases of `text`, each once, by key (see the module's docstring)."""
    found: dict[str, Phrase] = {}
    counts: Counter[str] = Counter()
    for line, sentence in enumerate(_LINES.split(text)):
        tokens = _tokens(sentence)
        for start, words in _runs(tokens, usage):
            subject = _subject_at(tokens, start)
            for offset, phrase in _candidates(words, usage):
                key = " ".join(_base(_key(w)) for w in phrase)
                counts[key] += 1
                if key not in found:
                    found[key] = Phrase(key, " ".join(phrase), 0, subject and not offset, line)
    return {key: Phrase(key, p.shown, counts[key], p.opening, p.line) for key, p in found.items()}


def key_phrases(texts: Sequence[str], usage: Usage | None = None) -> list[list[str]]:
    """Return, for each of `texts`, its phrases as written, the best title first: used there,
    seldom in the others. Each is read to its first STRETCH characters, so that a page of text
    costs what a long part does."""
    texts = [text[:STRETCH] for text in texts]
    usage = usage or Usage(texts)
    if not usage.english:
        return [[] for _ in texts]
    found = [phrases(text, usage) for text in texts]
    spread = Counter(key for each in found for key in each)
    ranked = []
    for text, each in zip(texts, found, strict=True):
        aside = _Aside(text)
        weights = {key: _weight(p, spread[key], len(texts), usage, aside) for key, p in each.items()}
        ranked.append([each[k].shown for k in sorted(weights, key=lambda k: (-weights[k], k)) if weights[k]])
    return ranked


def as_title(phrase: str) -> str:
    """Return a phrase as a title: its first letter a capital, the rest as written."""
    return phrase[:1].upper() + phrase[1:]


class _Aside:
    """Tells of a proper name in a stretch whether it is one line's aside: no "the" before it (a
    person, not "the Strangler Pattern") and no word of it on another line. Asked only of names
    on a later line, so a stretch's lines are read once, and only for those."""

    def __init__(self, text: str):
        self.text = text
        self.lines: list[set[str]] | None = None

    def __call__(self, phrase: Phrase) -> bool:
        if re.search(rf"\b[Tt]he\s+{re.escape(phrase.shown)}", self.text):
            return False
        if self.lines is None:
            self.lines = [{_base(_key(t)) for t in _tokens(line)} for line in _LINES.split(self.text)]
        words = [w for w in phrase.key.split() if w not in TOPIC_JOINERS]
        return sum(1 for line in self.lines if any(w in line for w in words)) <= 1


def _weight(
    phrase: Phrase,
    stretches_with_it: int,
    stretches: int,
    usage: Usage,
    aside: Callable[[Phrase], bool] | None = None,
) -> float:
    """Return how well a phrase titles its stretch: used there and not in the others, its words
    rare in the whole text (tf-idf over its paragraphs: "North Korea" names every slide of a
    lecture about it, and so none). A proper name (no word of it written in lower case, nor
    "the" before it: a person) that one later line mentions, and no other, is that line's
    subject, not the stretch's ("Kim Jong-un is the first ..."); a named idea ("the Strangler
    Pattern") is not."""
    words = phrase.shown.split()
    named = sum(w[:1].isupper() for w in words)
    if len(words) == 1 and not (_compound_name(words[0]) or _acronym(words[0])):
        return 0.0  # a lone word: "Alan", "Christian", "Non-specific" say little of a topic
    rare = sum(usage.rarity(w) for w in words if _key(w) not in TOPIC_JOINERS)
    weight = phrase.count * rare * math.log(1 + stretches / stretches_with_it)
    name = named == len(words) - ("of" in words)
    proper = name and not any(w.lower() in usage.lower for w in words if w != "of")
    if proper and phrase.line and aside is not None and aside(phrase):
        return weight * ONE_LINES  # "Kim Jong-un is the first ...": one later bullet's subject
    if phrase.opening:
        weight *= 1.5 if phrase.line else 4  # the subject of a slide's first claim: its topic
    if name:
        weight *= 1.3
    if words[-1].endswith("ing"):
        weight *= 0.6
    return weight


def _runs(tokens: list[str], usage: Usage) -> list[tuple[int, list[str]]]:
    """Return the runs of words that can be part of a noun phrase, each with where it starts: a
    function word, a verb or punctuation ends one."""
    runs: list[tuple[int, list[str]]] = []
    run: list[str] = []
    start = 0
    for index, token in enumerate([*tokens, "."]):
        word = _key(token)
        usable = len(word) > 1 and token[:1].isalpha()
        usable = usable and (word not in NOT_TOPIC or word in TOPIC_JOINERS and bool(run))
        if usable and word not in TOPIC_JOINERS:  # a verb ends a run, as does a contraction
            opening = not run and index == 0
            verb = (token[:1].islower() or opening) and usage.verb_like(token)
            verb = verb or opening and _third_person(token, tokens[index + 1 : index + 2])  # "Carries weight"
            usable = not verb and not ("'" in word and _CONTRACTED.search(word))
        if usable:
            if not run:
                start = index
            run.append(token)
            continue
        while run and _key(run[-1]) in TOPIC_JOINERS:
            run.pop()
        if run and MATH_WORD not in token:  # "bank [i + 1]": a run an equation ends names half a thing
            runs.append((start, run))
        run = []
    return runs


def _candidates(words: list[str], usage: Usage) -> list[tuple[int, list[str]]]:
    """Return the phrases in a run of words, each with where in the run it starts: every stretch
    of up to MOST_WORDS that can be one."""
    found = []
    for size in range(1, MOST_WORDS + 1):
        for start in range(len(words) - size + 1):
            phrase = words[start : start + size]
            cuts_name = (
                _named(words, start - 1)
                and _named(words, start)
                or _named(words, start + size - 1)
                and _named(words, start + size)
            )  # "Heikkilä of Helsinki's Aalto": part of a name
            following = words[start + size] if start + size < len(words) else ""
            modifier = (
                following and _key(following) not in TOPIC_JOINERS and _ADJECTIVE.search(_key(phrase[-1]))
            )
            if not cuts_name and not modifier and _noun_phrase(phrase, usage):
                found.append((start, phrase))  # not "drop of manly" out of "drop of manly blood"
    return found


def _noun_phrase(words: list[str], usage: Usage) -> bool:
    first, last = _key(words[0]), words[-1]
    if first in TOPIC_JOINERS or _key(last) in TOPIC_JOINERS or first in VERBISH:
        return False
    if any(
        _key(w).endswith("ly") and (not usage.noun[_base(_key(w))] or _ADVERB.search(_key(w))) for w in words
    ):
        return False  # an adverb: "privately", "wholly proprietary"
    if last.endswith(("'s", "’s", "s'")) or last[:1].islower() and last.endswith("ed"):
        return False
    if len(words) > 1 and _key(words[-2]) in TOPIC_JOINERS and _key(last).endswith("ing"):
        return False  # "Result of compelling": the phrase stops before its noun
    if last[:1].islower() and not usage.heads[_base(_key(last))]:
        return False  # "equal political": a word the text only ever puts before its noun
    plural = last.endswith("s") and not last.endswith("ss")
    if last[:1].islower() and not (usage.noun[_base(_key(last))] or plural or NOUN_ENDINGS.search(last)):
        return False  # "companies continue": no sign that the text uses it as a noun
    return not any(c.isdigit() for c in last)


def _sample(texts: Sequence[str]) -> list[str]:
    """Return the first of `texts` up to SAMPLE characters in all (the last one cut to fit)."""
    found, left = [], SAMPLE
    for text in texts:
        if left <= 0:
            break
        found.append(text[:left])
        left -= len(found[-1])
    return found


def _tokens(text: str) -> list[str]:
    """Return the words and punctuation of `text`; a "word" longer than any word (a URL, a run of
    letters with no space) is punctuation here: it ends a phrase and is never remembered."""
    found = []
    for token in _TOKEN.findall(text):
        end = _TRAILING.search(token) if token[-1] in "’'_-" else None
        if end:  # "students'": the word, then its mark, as punctuation
            token, mark = token[: end.start()], token[end.start() :]
            found += [token if len(token) <= LONGEST_WORD else ".", mark] if token else [mark]
        else:
            found.append(token if len(token) <= LONGEST_WORD else ".")
    return found


def _subject_at(tokens: list[str], start: int) -> bool:
    """Tell whether a run starting at `start` opens its sentence, after a few function words only
    ("The first control mechanism"), not after a preposition ("In the current model")."""
    if start > SUBJECT_AFTER:
        return False
    before = [_key(t) for t in tokens[:start]]
    return not before or before[0] not in OPENERS | SUBORDINATORS and all(w in EMPTY_WORDS for w in before)


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper() and word.isalpha()


def _third_person(token: str, following: list[str]) -> bool:
    """Tell whether a sentence's first word reads as a verb whose subject went: "Carries risks"."""
    return (
        token.endswith("s")
        and not token.endswith(("ss", "us", "is"))
        and token[1:].islower()
        and bool(following)
        and following[0][:1].islower()
    )


def _named(words: list[str], index: int) -> bool:
    """Tell whether the word at `index` is part of a name: capitalised, or an "of" between two
    capitalised words ("School of Business")."""
    if not 0 <= index < len(words):
        return False
    if words[index] == "of":
        return (
            0 < index < len(words) - 1 and words[index - 1][:1].isupper() and words[index + 1][:1].isupper()
        )
    return words[index][:1].isupper()


def _compound_name(word: str) -> bool:
    """Tell whether a word is a name of two or more capitalised parts ("Jukka-Pekka")."""
    parts = word.split("-")
    return len(parts) > 1 and all(p[:1].isupper() for p in parts)


@lru_cache(maxsize=1 << 17)
def _key(token: str) -> str:
    return token.lower().replace("’", "'")


@lru_cache(maxsize=65536)
def _base(word: str) -> str:
    """Return a word's stem, the same for its verb and plural forms: "requires", "require" -> "requir"."""
    return stems([word])[0]
