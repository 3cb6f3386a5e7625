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
