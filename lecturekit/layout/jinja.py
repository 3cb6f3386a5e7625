"""The jinja2 environment lecturekit's own templates load through, with their bytecode cached.

Compiling the handout's wording and its web page takes about 45 ms, on the cold build's longest
path. jinja2 keeps what it compiled in a per-user cache, as Python keeps .pyc files: a later
build loads it instead (about 1 ms), and a template whose text changed is compiled afresh, since
the cache is keyed by its source's checksum. The cache never changes an output. When it cannot
be written (a read-only or full disk), templates are compiled each time, as without it.

Question templates (a course's own are untrusted) run in a sandboxed environment of their own
(see lecturekit/questions/template_files.py), their bytecode cached here too (`from_source`).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, Template
from jinja2.bccache import Bucket


class QuietCache(FileSystemBytecodeCache):
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
        bytecode_cache=QuietCache(str(cache_dir())),
        **options,
    )


def from_source(env: Environment, source: str, name: str, filename: str) -> Template:
    """Return the template `source` (read from `filename`) compiled by `env`, through env's
    bytecode cache: what jinja2 does for a template its loader finds, for one read already."""
    cache = env.bytecode_cache
    bucket = cache.get_bucket(env, name, filename, source) if cache is not None else None
    code = bucket.code if bucket is not None else None
    if code is None:
        code = env.compile(source, name, filename)
        if cache is not None and bucket is not None:
            bucket.code = code
            cache.set_bucket(bucket)
    return env.template_class.from_code(env, code, env.make_globals(None), None)
