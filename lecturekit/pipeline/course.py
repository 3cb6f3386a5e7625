"""A course: many articles, defaults from course.toml, and a manifest so nothing is built twice.

Standard library only. A rebuild with nothing to do must answer in a few hundredths of a second,
without importing Markdown, python-pptx or reportlab.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from collections import namedtuple
from pathlib import Path
from typing import Any

from lecturekit.errors import Diagnostic, LessonError
from lecturekit.options import Options

COURSE_FILE = "course.toml"
MANIFEST = ".lecturekit-manifest.json"
# Front-matter fields a course may set for all its articles; each article's own front matter wins.
COURSE_FIELDS = (
    "course",
    "lecturer",
    "institution",
    "author",
    "source",
    "url",
    "lang",
    "keywords",
    "paper",
    "answer_lines",
    "accent",
    "section_headers",
    "discussion",
    "minutes",
    "slides",
)
COURSE_OPTIONS = ("questions_templates", "template")


# One article to build, the folder its outputs go to, and its course.toml, if any.
Job = namedtuple("Job", "article out config", defaults=(None,))


def find_jobs(paths: list[Path], out: Path) -> list[Job]:
    """Return the articles named by `paths` (files, or folders searched for *.md) and where they go.

    An article found in a folder keeps its place below that folder (course/week1/intro.md ->
    OUT/week1/intro.pptx), so two articles with the same name never overwrite each other; so do
    articles named one by one whose names clash. Each gets the nearest course.toml between its
    own folder and the folder named.
    """
    jobs: list[Job] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*.md")
                if not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise LessonError(
                    path,
                    None,
                    "no Markdown files (*.md) in this folder",
                    "Name an article or a course folder.",
                )
            jobs += [Job(p, out / p.parent.relative_to(path), _nearest_config(p.parent, path)) for p in found]
        else:
            jobs.append(Job(path, out, _nearest_config(path.parent, path.parent)))
    stems = [job.article.stem for job in jobs if job.out == out]
    if len(stems) != len(set(stems)):  # same names from different folders: keep the folders apart
        base = Path(os.path.commonpath([j.article.resolve().parent for j in jobs]))
        jobs = [
            j._replace(out=out / j.article.resolve().parent.relative_to(base)) if j.out == out else j
            for j in jobs
        ]
    return jobs


@functools.cache
def _nearest_config(folder: Path, top: Path) -> Path | None:
    folder, top = folder.resolve(), top.resolve()
    while True:
        candidate = folder / COURSE_FILE
        if candidate.is_file():
            return candidate
        if folder == top or folder.parent == folder:
            return None
        folder = folder.parent


def forget_found_configs() -> None:
    """Forget where each folder's course.toml was found: under --watch one may appear or go."""
    _nearest_config.cache_clear()


def shard(jobs: list[Job], spec: str) -> list[Job]:
    """Return the I-th of N deterministic slices of `jobs` ("2/4"), for splitting a course over machines.

    Slices go by the articles' sorted paths, so every machine of a CI matrix agrees on them.
    """
    index, count = (int(part) for part in spec.split("/"))
    ordered = sorted(jobs, key=lambda job: str(job.article))
    return [job for position, job in enumerate(ordered) if position % count == index - 1]


CourseConfig = namedtuple(
    "CourseConfig", "defaults questions_templates warnings template", defaults=(None, None, (), None)
)


def read_config(path: Path | None) -> CourseConfig:
    """Return the checked settings of a course.toml; raise `LessonError` naming its line if one is wrong."""
    if path is None:
        return CourseConfig()
    import tomllib

    from lecturekit.model.frontmatter import FIELDS

    text = path.read_text(encoding="utf-8-sig")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line = int(str(err).rsplit("line ", 1)[-1].split(",")[0]) if "line " in str(err) else None
        raise LessonError(
            path,
            line,
            f"not valid TOML: {str(err).split(' (at')[0]}",
            'Write one setting per line: key = "value".',
        ) from None
    defaults: dict[str, Any] = {}
    warnings = []
    paths: dict[str, Path] = {}
    for key, value in data.items():
        line = _line_of(text, key)
        if key in COURSE_OPTIONS:
            paths[key] = (path.parent / str(value)).resolve()
            if not paths[key].exists():
                raise LessonError(
                    path, line, f"{key!r}: {value!r} not found (paths are relative to course.toml)"
                )
            continue
        if key not in COURSE_FIELDS:
            known = ", ".join(COURSE_FIELDS + COURSE_OPTIONS)
            warnings.append(
                Diagnostic(path, line, f"unknown course setting {key!r} ignored (known: {known})")
            )
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float | list):
            raise LessonError(path, line, f"{key!r} must be text, a number or a list of text")
        try:
            text_value = [str(v) for v in value] if isinstance(value, list) else str(value)
            defaults[key] = FIELDS[key](text_value, key)
        except ValueError as err:
            raise LessonError(path, line, f"course setting: {err}") from None
    return CourseConfig(defaults, paths.get("questions_templates"), tuple(warnings), paths.get("template"))


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith((key + " ", key + "=")):
            return number
    return None


# -- the manifest: what each output was made from --------------------------------------------------


def digest(path: Path) -> str:
    import hashlib  # here, not at the top: loading OpenSSL is a tenth of a rebuild with nothing to do

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _seen(path: Path) -> list[str | int]:
    """Return what the manifest keeps of a file: its content's hash, size and modification time."""
    stat = path.stat()
    return [digest(path), stat.st_size, stat.st_mtime_ns]


def _unchanged(path: Path, seen: list[str | int]) -> bool:
    """Tell whether `path` still has the content recorded in `seen`.

    Size and modification time unchanged: the same file (git's index makes the same bet). Else
    its content decides: a file touched but not changed needs no rebuild.
    """
    recorded, size, mtime = seen
    stat = path.stat()
    if stat.st_size == size and stat.st_mtime_ns == mtime:
        return True
    return bool(stat.st_size == size and digest(path) == recorded)


def folder_digest(folder: Path | None) -> str:
    if folder is None or not folder.is_dir():
        return ""
    import hashlib

    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def tool_fingerprint(cached: dict[str, str] | None = None) -> tuple[str, str]:
    """Return a hash of lecturekit's own code and data and the writers' versions (a new tool
    rebuilds), and the files' sizes and times it was made from. Given what an earlier call
    returned as `cached` ({"files": ..., "hash": ...}), files that have not changed since are
    not read again."""
    from importlib.util import find_spec

    from lecturekit import __version__

    files = []
    for package in ("lecturekit", "lecturekit.deck", "lecturekit.handouts"):
        spec = find_spec(package)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            for path in sorted(Path(folder).rglob("*")):
                if path.suffix in (".py", ".j2", ".json", ".pptx") and "__pycache__" not in path.parts:
                    files.append(path)
    writers = " ".join(_installed(("python_pptx", "reportlab", "markdown_it_py", "jinja2", "pygments")))
    seen = [__version__, writers] + [f"{p} {p.stat().st_size} {p.stat().st_mtime_ns}" for p in files]
    stamp = "\n".join(seen)
    if cached and cached.get("files") == stamp and isinstance(cached.get("hash"), str):
        return cached["hash"], stamp
    import hashlib

    h = hashlib.sha256(f"{__version__}\n{writers}".encode())
    for path in files:
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest(), stamp


def _installed(names: tuple[str, ...]) -> list[str]:
    """Return the installed distributions among `names` with their versions ("reportlab-4.2.0").

    Read from the *.dist-info folder names: importlib.metadata would cost more than the rest
    of a rebuild with nothing to do.
    """
    found = []
    for entry in sys.path:
        with contextlib.suppress(OSError):
            for name in os.listdir(entry or "."):
                if name.endswith(".dist-info") and name.split("-", 1)[0].lower() in names:
                    found.append(name.removesuffix(".dist-info"))
    return sorted(found)


def build_key(options: Options, tool: str) -> str:
    """Return everything besides the files that the outputs depend on, as one string."""
    return "\n".join(
        [
            tool,
            options.fingerprint(),
            folder_digest(options.questions_templates),
            os.environ.get("SOURCE_DATE_EPOCH", ""),
        ]
    )


class Manifest:
    """The record, in the output folder, of what each article's outputs were made from."""

    def __init__(self, out: Path):
        self.path = out / MANIFEST
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.entries: dict[str, Any] = data.get("articles", {})
            self.tool: dict[str, str] = data.get("tool", {})
        except (OSError, ValueError, AttributeError):
            self.entries, self.tool = {}, {}
        self.changed = self.tool_changed = False

    def tool_fingerprint(self) -> str:
        """Return lecturekit's fingerprint (see `tool_fingerprint`), remembered between runs."""
        fingerprint, stamp = tool_fingerprint(self.tool)
        if self.tool != {"files": stamp, "hash": fingerprint}:
            self.tool = {"files": stamp, "hash": fingerprint}
            self.tool_changed = True
        return fingerprint

    def up_to_date(self, job: Job, key: str) -> bool:
        """Tell whether the outputs of `job` exist and were made from exactly what it has now."""
        entry = self.entries.get(str(job.article.resolve()))
        if not entry or entry.get("key") != key:
            return False
        try:
            return all(
                _unchanged(Path(path), seen)
                for path, seen in {**entry["dependencies"], **entry["outputs"]}.items()
            )
        except (OSError, KeyError, TypeError, ValueError):
            return False

    def record(self, job: Job, key: str, dependencies: list[Path], outputs: list[Path]) -> None:
        files = [*dependencies, *([job.config] if job.config else [])]
        self.changed = True
        self.entries[str(job.article.resolve())] = {
            "key": key,
            "dependencies": {str(p.resolve()): _seen(p) for p in files},
            "outputs": {str(p.resolve()): _seen(p) for p in outputs},
        }

    def forget(self, job: Job) -> None:
        if self.entries.pop(str(job.article.resolve()), None) is not None:
            self.changed = True

    def save(self) -> None:
        """Write the manifest atomically (a reader never sees half of it), if anything changed."""
        # A new tool fingerprint alone is worth keeping for outputs already recorded, and only then:
        # a build that made nothing leaves no manifest (nor an output folder) behind.
        if not (self.changed or (self.tool_changed and self.entries)):
            return
        from lecturekit.pipeline.build import atomic_outputs

        record = {"version": 2, "tool": self.tool, "articles": self.entries}
        data = json.dumps(record, indent=1, sort_keys=True) + "\n"
        with atomic_outputs([self.path]) as (file,):
            file.write(data.encode("utf-8"))
