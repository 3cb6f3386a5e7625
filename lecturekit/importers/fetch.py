"""An address (http:// or https://) fetched once, and kept as the file it is: a page, a PDF.

A build of an address saves what it fetched in the output folder (`fetched/`), so the lecture
can be rebuilt, checked and quoted from the page as it was. A page is saved as browsers save
one, with a first line naming its address (`<!-- saved from url=(0042)https://... -->`), which
the page importer reads as the article's `url:`. The network is used only here, only when an
address is given, and a failure says what happened: the HTTP status, or no connection.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from lecturekit import __version__
from lecturekit.errors import LessonError

TIMEOUT = 30  # seconds to wait for a server
# what a server says it sends -> the file it is kept as (and so the importer that reads it)
KINDS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
}
_UNSAFE = re.compile(r"[^\w.-]+")


def is_address(text: str) -> bool:
    """Tell whether a command-line argument is a web address rather than a file's path."""
    return text.startswith(("http://", "https://"))


def fetch(url: str, folder: Path, max_bytes: int) -> Path:
    """Fetch `url` into `folder` and return the file it is kept as; raise `LessonError` when it
    cannot be fetched or is not a page, a PDF, a Word file or text."""
    from urllib.error import HTTPError, URLError
    from urllib.request import Request, urlopen

    where = Path(url.split("://", 1)[1])
    request = Request(url, headers={"User-Agent": f"lecturekit/{__version__}"})
    try:
        with urlopen(request, timeout=TIMEOUT) as response:
            data = response.read(max_bytes + 1)
            kind = response.headers.get_content_type()
    except HTTPError as err:
        raise LessonError(
            where,
            None,
            f"the page could not be fetched: HTTP {err.code} {err.reason}",
            "Check the address; or open it in a browser, save the page, and build the saved file.",
        ) from None
    except (URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise LessonError(
            where,
            None,
            f"the page could not be fetched: {reason} (is this machine offline?)",
            "Fetching an address needs the network: save the page from a browser and build the saved file.",
        ) from None
    if len(data) > max_bytes:
        raise LessonError(
            where,
            None,
            f"the page is over the {max_bytes / 1048576:.1f} MB limit",
            "Raise the limit with --max-size MB.",
        )
    suffix = KINDS.get(kind)
    if suffix is None:
        raise LessonError(
            where,
            None,
            f"the address gives {kind}, not a web page, a PDF, a Word file or text",
            "Give the address of the article itself.",
        )
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (saved_name(url) + suffix)
    if suffix == ".html":  # the mark browsers leave on a saved page: where it came from
        data = f"<!-- saved from url=({len(url):04d}){url} -->\n".encode() + data
    target.write_bytes(data)
    return target


def saved_name(url: str) -> str:
    """Return the name a fetched address is kept under: the last part of its path, else its host
    ("https://example.org/news/galveston-1900.html" -> "galveston-1900")."""
    parts = urlparse(url)
    last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    name = _UNSAFE.sub("-", Path(last).stem if "." in last else last).strip("-.")
    return name[:80] or _UNSAFE.sub("-", parts.hostname or "page")
