"""The jinja2 environment lecturekit's own templates load through, with their bytecode cached.

Compiling the handout's wording and its web page takes about 45 ms, on the cold build's longest
path. jinja2 keeps what it compiled in a per-user cache, as Python keeps .pyc files: a later
build loads it instead (about 1 ms), and a template whose text changed is compiled afresh, since
the cache is keyed by its source's checksum. The cache never changes an output. When it cannot
be written (a read-only or full disk), templates are compiled each time, as without it.

A course's own question templates are untrusted and run sandboxed (see questions.py); they do
not come through here.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket


class _QuietCache(FileSystemBytecodeCache):
    """jinja2's file cache, made optional: a cache it cannot read or write is no cache."""

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)


def cache_dir() -> Path:
    """Where compiled templates are kept: $XDG_CACHE_HOME/lecturekit/jinja2, else ~/.cache/..."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lecturekit" / "jinja2"


def environment(folder: Path, **options: Any) -> Environment:
    """Return an environment loading the templates in `folder`, undefined values an error."""
    return Environment(
        loader=FileSystemLoader(folder),
        undefined=StrictUndefined,
        bytecode_cache=_QuietCache(str(cache_dir())),
        **options,
    )
