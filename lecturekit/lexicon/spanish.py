"""Spanish, as far as lecturekit reads it: where a full stop ends no sentence.

A question or an exclamation opens with its own mark ("¿Por qué ...?", "¡Basta!"), which
lecturekit.model.text reads as a sentence's start. Condensing has no Spanish word lists yet: a
Spanish lecture's bullets are its sentences whole.
"""

from __future__ import annotations

ABBREVIATIONS = frozenset(
    """sr sra sres srta dr dra lic ing ud uds pág págs núm art cap vol aprox etc ee uu avda
    p.ej""".split()
)
