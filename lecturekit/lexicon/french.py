"""French, as far as lecturekit reads it: where a sentence's opening clause ends.

Condensing has no French word lists: a French lecture's bullets are its sentences whole, cut at a
comma only when too long, never inside the subordinate clause a sentence opens with.
"""

from __future__ import annotations

# A sentence that opens with one of these opens with a subordinate clause, which runs to the first
# comma: a bullet never stops there ("Bien que le corpus soit ..., " says nothing yet).
SUBORDINATORS = frozenset(
    """si quand lorsque lorsqu bien quoique puisque puisqu comme parce afin pour tandis alors dès
    avant après pendant""".split()
)

# What only links a sentence to the one before, set off by a comma ("Cependant, ..."): a bullet
# leaves it out and opens with its claim.
CONNECTIVES = frozenset(
    " ".join(phrase.split())
    for phrase in """cependant|toutefois|néanmoins|pourtant|par ailleurs|de plus|en outre|en effet|ainsi|donc|
    enfin|d'abord|ensuite|par conséquent|en revanche|au contraire|de même|autrement dit|en résumé|
    en somme|d’abord""".split("|")
)
