"""The titles lecturekit gives the slides it adds around the article, and the mark of a title
continued on the next slide: one home, for the planner that writes them and the statistics that
tell them from the article's own slides (and, with the languages issue, for their translations)."""

from __future__ import annotations

import re

AGENDA = "Agenda"
OUTCOMES = "Learning outcomes"
DISCUSSION = "Discussion"
SOURCES = "Sources"
CEREMONY = (AGENDA, DISCUSSION, SOURCES, OUTCOMES)  # slides that carry no article text

CONTINUED = re.compile(r" \((?:cont\.(?: \d+)?|\d+)\)$")  # "Title (cont.)", "(cont. 2)", "(2)"


def continued(title: str, uses: int) -> str:
    """Return `title` for its slide after `uses` earlier ones: "(cont.)", then "(cont. 2)", ..."""
    if uses == 0:
        return title
    return f"{title} (cont.)" if uses == 1 else f"{title} (cont. {uses})"


def without_continued(title: str) -> str:
    """Return a title without its continuation mark."""
    return CONTINUED.sub("", title)
