"""The words lecturekit reads text by, one home per language (english.py, german.py, ...), and
the two marks that stand in plain text for what is not a word.

English has the full lists condensing, titles and questions read by. Another language's module
(`lexicon(lang)`) has the same few lists under the same names: where a full stop ends no
sentence, what opens a subordinate clause, what only links a sentence to the one before, what
makes a clause negative, conditional or contrary (a cut never leaves such a clause out), and the
pronouns that point back (a bullet opening with one shows only after its referent's).

An equation is one word to every rule (MATH_WORD): it is never cut inside, and a bullet never
leaves it out (english.PROTECTED). A footnote marker (NOTE_MARK) is nothing at all: it clings to
the word before it, and every rule strips it as it strips punctuation.
"""

import re
from functools import cache
from importlib import import_module
from types import ModuleType

MATH_WORD = "\ue000"  # a private-use character: no text holds it
NOTE_MARK = "\u2063"  # INVISIBLE SEPARATOR


def language(lang: str) -> str:
    """Return the language of a `lang` tag, whose word lists and catalog a lecture takes: "de-AT"
    and "de_CH" are "de"; no tag is English."""
    return re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0] or "en"


@cache
def lexicon(lang: str) -> ModuleType | None:
    """Return the word lists of a lecture's language (`lang`, a tag), or None for English, whose
    lists are lecturekit.lexicon.english, and for a language lecturekit has none for. A language's
    module is imported when a lecture first asks for it: an English build reads none of them."""
    name = _LEXICONS.get(language(lang))
    return import_module(f"lecturekit.lexicon.{name}") if name else None


_LEXICONS = {"de": "german", "es": "spanish", "fr": "french"}
