"""What an importer found in a source, and the Markdown it writes of it.

Every importer ends here: front matter from what the source says of itself (title, publication,
author, date, address), then the text as Markdown blocks, with the text escaped so that
markdown-it reads back exactly the words the source has. `Finding`s say what was inferred and
from where, for the build and `lecturekit import` to print.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SHOWN = 60  # characters of a text left out that the import's report shows
META_ORDER = ("title", "subtitle", "author", "source", "published", "url", "lang")


@dataclass(frozen=True)
class Finding:
    """One thing an importer inferred: `what` ("title", "source", "heading", "left out" ...),
    its `text`, and where it came from (`place`: "line 5", "page 2")."""

    what: str
    text: str
    place: str = ""

    def __str__(self) -> str:
        where = f" ({self.place})" if self.place else ""
        return f"{self.what}: {self.text}{where}"


@dataclass
class Document:
    """The article an importer builds up: its front-matter fields, its Markdown blocks, and
    what it found on the way."""

    meta: dict[str, str] = field(default_factory=dict)
    blocks: list[str] = field(default_factory=list)
    found: list[Finding] = field(default_factory=list)
    level: int = 1  # of the last heading: the title is the lecture's `#`

    def note(self, what: str, text: str, place: str = "") -> None:
        self.found.append(Finding(what, " ".join(text.split()), place))

    def left_out(self, text: str, why: str = "", place: str = "") -> None:
        """Note a text left out of the article, its first SHOWN characters, and why."""
        text = " ".join(text.split())
        shown = text if len(text) <= SHOWN else text[:SHOWN] + "…"
        self.note("left out", f"{shown} ({why})" if why else shown, place)

    def set(self, key: str, value: str, place: str = "") -> None:
        """Set a front-matter field once: the first the source gives wins."""
        value = " ".join(value.split())
        if value and not self.meta.get(key):
            self.meta[key] = value
            self.note(key, value, place)

    def heading(self, level: int, text: str, place: str = "") -> None:
        """Add a heading, at most one level below the one before it: a page that jumps from
        its title to an `h4` has that part at `##`, not below a part it does not have."""
        level = min(level, self.level + 1)
        self.level = level
        self.blocks.append("#" * level + " " + escape(text))
        self.note(f"heading {level}", text, place)

    def paragraph(self, text: str) -> None:
        self.blocks.append(escape(text))

    def markdown(self) -> str:
        """Return the article as Markdown with front matter."""
        fields = {key: self.meta[key] for key in META_ORDER if self.meta.get(key)}
        head = ""
        if fields:
            import yaml  # only an import writes front matter

            dumped = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000)
            head = f"---\n{dumped}---\n\n"
        return head + "\n\n".join(self.blocks) + "\n"


_INLINE = re.compile(r"([\\`*_\[\]<>&~|$])")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d{1,9}(?=[.)](?:\s|$)))")


def escape(text: str) -> str:
    """Return `text` escaped so that Markdown shows it as written: no emphasis, link, HTML or
    entity of its own, and no line read as a heading, a quote or a list."""
    text = _INLINE.sub(r"\\\1", " ".join(text.split()))
    match = _LINE_START.match(text)
    if match and match.group(2).isdigit():
        end = match.end()
        return text[:end] + "\\" + text[end:]
    return _LINE_START.sub(r"\1\\\2", text, count=1)
