"""Which links an output lets a reader follow: one policy for the deck, the PDF and the web page.

Article text is data: a link to `javascript:`, `data:` or `file:` would act on the reader's
machine, so only http(s) and mailto are followed. A relative link ("notes/week2.html") is
followed only on the web page, which has a place to resolve it from; a deck or a PDF does not.
"""

from __future__ import annotations

from urllib.parse import urlsplit

SCHEMES = frozenset(("http", "https", "mailto"))


def followable(href: str, relative: bool = False) -> bool:
    """Tell whether `href` may be made a link: http(s) or mailto, or, if `relative`, a link
    relative to the page; never one with control characters or a protocol-relative "//host"."""
    href = href.strip()
    if not href or any(ord(c) < 32 for c in href) or href.startswith("//"):
        return False
    try:
        scheme = urlsplit(href).scheme.lower()
    except ValueError:
        return False
    return scheme in SCHEMES or (relative and not scheme)
