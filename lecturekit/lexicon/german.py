"""German, as far as lecturekit reads it: where a full stop ends no sentence.

German writes an ordinal with a full stop ("im 19. Jahrhundert", "am 17. Juli", "der 2.
Weltkrieg") and abbreviates with stops inside ("z. B.", "d. h.", "u. a."); a single letter
before a stop is an initial everywhere (lecturekit.model.text), so "z." and "B." are already read
so; written without the space ("z.B.", "d.h."), they are listed. Condensing has no German word lists yet: a German lecture's bullets are its sentences whole.
"""

from __future__ import annotations

ABBREVIATIONS = frozenset(
    """bzw usw vgl ca nr jh jhs abs abb bd bspw ggf evtl inkl insb sog zzgl dt engl frz lat
    dr prof hr fr st str tel mio mrd z.b d.h u.a o.ä u.ä s.o s.u v.a z.t i.d.r u.u""".split()
)

# a month or "Jahrhundert" after a number's full stop: an ordinal, as German writes a date
ORDINAL_NOUNS = frozenset(
    """januar jänner februar märz april mai juni juli august september oktober november dezember
    jahrhundert jahrhunderts jahrhunderte jh jahrtausend jahrtausends""".split()
)

# A sentence that opens with one of these opens with a subordinate clause, which runs to the first
# comma: a bullet never stops there ("Wenn die Bestände ..., " says nothing yet).
SUBORDINATORS = frozenset(
    """wenn obwohl obgleich da weil falls sobald solange während nachdem bevor ehe damit dass ob
    indem sofern soweit seit seitdem als""".split()
)

# German has none to leave out: a fronted connective takes the verb after it ("Außerdem wird
# versucht, ..."), and without it the sentence opens with its verb, as a question does.
CONNECTIVES: frozenset[str] = frozenset()
