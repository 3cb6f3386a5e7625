"""Column widths from the content, as browsers lay out tables, for the deck and the handout alike."""

from __future__ import annotations

from collections.abc import Sequence


def column_widths(
    minimums: Sequence[float], naturals: Sequence[float], available: float
) -> list[float] | None:
    """Share `available` among columns; None if even their `minimums` do not fit.

    A column's minimum is its longest word, its natural width its longest cell on one line.
    Each column gets at least its minimum; the room above the minimums goes to the columns that
    want more, in proportion to what they want; room left when every column has its natural
    width is shared in proportion to those widths, so the table spans the space.
    """
    count = len(minimums)
    if count == 0 or sum(minimums) > available:
        return None
    naturals = [max(n, m) for n, m in zip(naturals, minimums, strict=True)]
    wanted = sum(naturals)
    if wanted <= available:
        return [n + (available - wanted) * (n / wanted if wanted else 1 / count) for n in naturals]
    growth = [n - m for n, m in zip(naturals, minimums, strict=True)]
    spare = available - sum(minimums)
    return [m + spare * g / sum(growth) for m, g in zip(minimums, growth, strict=True)]
