"""What the media planners share: the lead-in above a picture, table or code, and splitting
rows or lines into slides."""

from __future__ import annotations

from dataclasses import dataclass

from lecturekit.model.lesson import Inlines

from .theme import Box


@dataclass(frozen=True)
class Lead:
    """A one-line paragraph introducing a picture, table or code, shown above it."""

    inlines: Inlines
    size: float
    height: float  # of its box
    note: str


def paginate(
    heights: list[float], room: float, first: float, breaks: frozenset[int] = frozenset()
) -> list[list[int]]:
    """Return the indices of items of `heights` split into pages holding `room` (the first page
    `first`): as few pages as greedy filling gives, evened out so no page is a stub, each page
    ending after an item of `breaks` (a blank line of code) when one falls in its last third."""

    def fill(first_cap: float, cap: float, breaks: frozenset[int]) -> list[list[int]]:
        pages: list[list[int]] = [[]]
        used = 0.0
        for index, height in enumerate(heights):
            limit = first_cap if len(pages) == 1 else cap
            if pages[-1] and used + height > limit:
                page = pages[-1]
                cut = next(
                    (k for k in range(len(page) - 1, len(page) * 2 // 3, -1) if page[k] in breaks), None
                )
                moved = page[cut + 1 :] if cut is not None else []
                del page[len(page) - len(moved) :]
                pages.append(moved)
                used = sum(heights[k] for k in moved)
                if moved and used + height > cap:
                    pages.append([])
                    used = 0.0
            pages[-1].append(index)
            used += height
        return [page for page in pages if page]

    if not heights:
        return [[]]  # a table with a header and no rows: one slide with the header
    pages = fill(first, room, frozenset())
    even = sum(heights) / len(pages) + max(heights, default=0.0)
    tries = [(min(first, even), min(room, even))] if len(pages) > 1 else []
    for caps in [*tries, (first, room)]:
        for preferred in (breaks, frozenset[int]()):
            found = fill(*caps, preferred)
            if len(found) == len(pages):  # never more slides for the sake of a nicer break
                return found
    return pages


def under_lead(box: Box, lead: Lead | None) -> Box:
    """Return what is left of `box` under a lead-in."""
    return box if lead is None else Box(box.x, box.y + lead.height, box.w, box.h - lead.height)


def shown_lead(lead: Lead | None) -> tuple[Inlines, float, float]:
    """Return a lead-in as a slide shows it: text, size and the height of its box."""
    return (lead.inlines, lead.size, lead.height) if lead is not None else ((), 0.0, 0.0)
