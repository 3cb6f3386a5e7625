"""The words lecturekit reads text by, one home per language (english.py), and the two marks that
stand in plain text for what is not a word.

An equation is one word to every rule (MATH_WORD): it is never cut inside, and a bullet never
leaves it out (english.PROTECTED). A footnote marker (NOTE_MARK) is nothing at all: it clings to
the word before it, and every rule strips it as it strips punctuation.
"""

import re

MATH_WORD = "\ue000"  # a private-use character: no text holds it
NOTE_MARK = "\u2063"  # INVISIBLE SEPARATOR


def language(lang: str) -> str:
    """Return the language of a `lang` tag, whose word lists and catalog a lecture takes: "de-AT"
    and "de_CH" are "de"; no tag is English."""
    return re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0] or "en"
