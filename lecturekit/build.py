"""Build one article: read and check it, plan both outputs, then write them atomically.

Everything that can fail on bad input (reading, planning) happens before the first byte is
written, and outputs appear only by renaming a finished temporary file over the old one: a build
that fails or is killed leaves the previous outputs exactly as they were.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from .deck.plan import format_date, plan_deck
from .deck.theme import DEFAULT_THEME
from .handouts.plan import HandoutOptions, plan_handout
from .lesson import Diagnostic, LessonError, Meta
from .questions import discussion_questions
from .reader import DEFAULT_MAX_BYTES, read_article


@dataclass(frozen=True)
class Options:
    out: Path = Path("build")
    max_bytes: int = DEFAULT_MAX_BYTES
    handout: HandoutOptions = HandoutOptions()
    questions_templates: Path | None = None


@dataclass
class Result:
    article: Path
    outputs: list[Path] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    slides: int = 0
    pages: int = 0
    questions: int = 0
    seconds: float = 0.0


def output_paths(article: Path, out: Path) -> tuple[Path, Path, Path]:
    """Return where the deck, the handout and the instructor's handout of `article` go in `out`."""
    stem = article.stem
    return out / f"{stem}.pptx", out / f"{stem}-handout.pdf", out / f"{stem}-instructor.pdf"


@dataclass(frozen=True)
class Job:
    """One article to build, and the folder its outputs go to."""

    article: Path
    out: Path


def find_jobs(paths: list[Path], out: Path) -> list[Job]:
    """Return the articles named by `paths` (files, or folders searched for *.md) and their output folders.

    An article found in a folder keeps its place below that folder (course/week1/intro.md ->
    OUT/week1/intro.pptx), so two articles with the same name never overwrite each other; so do
    articles named one by one whose names clash.
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
            jobs += [Job(p, out / p.parent.relative_to(path)) for p in found]
        else:
            jobs.append(Job(path, out))
    stems = [job.article.stem for job in jobs if job.out == out]
    if len(stems) != len(set(stems)):  # same names from different folders: keep the folders apart
        base = Path(os.path.commonpath([j.article.resolve().parent for j in jobs]))
        jobs = [
            Job(j.article, out / j.article.resolve().parent.relative_to(base)) if j.out == out else j
            for j in jobs
        ]
    return jobs


def build_article(article: Path, options: Options) -> Result:
    """Build the deck and handout of `article`; raise `LessonError` on bad input, writing nothing."""
    started = time.perf_counter()
    lesson = read_article(article, max_bytes=options.max_bytes)
    questions = discussion_questions(lesson, options.questions_templates)
    theme = DEFAULT_THEME.with_accent(lesson.meta.accent)
    deck = plan_deck(lesson, theme, questions.texts)
    date = format_date(lesson.meta)
    handout = plan_handout(lesson, questions.questions, options.handout, date)
    when = build_time(lesson.meta)
    deck_path, handout_path, instructor_path = output_paths(article, options.out)
    paths = [deck_path, handout_path] + ([instructor_path] if options.handout.instructor else [])

    from .deck.pptx_writer import write_pptx
    from .handouts.pdf_writer import write_pdf

    with atomic_outputs(paths) as files:
        write_pptx(deck, files[0], theme, lesson.meta, when)
        pages = write_pdf(replace(handout, instructor=False), files[1], theme.accent)
        if options.handout.instructor:
            write_pdf(handout, files[2], theme.accent)
    return Result(
        article,
        paths,
        [*lesson.warnings, *questions.warnings, *deck.warnings],
        len(deck.slides),
        pages,
        len(questions.questions),
        time.perf_counter() - started,
    )


def build_time(meta: Meta) -> _dt.datetime:
    """Return the date written into the outputs: SOURCE_DATE_EPOCH, else the lecture's date.

    Never the clock: the same source must give the same bytes.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC)
    if meta.date is not None:
        return _dt.datetime.combine(meta.date, _dt.time(), _dt.UTC)
    return _dt.datetime(1980, 1, 1, tzinfo=_dt.UTC)


@contextlib.contextmanager
def atomic_outputs(paths: list[Path]) -> Iterator[list[BinaryIO]]:
    """Yield open files for `paths`; put them in place only if the block succeeds, all of them.

    Each file is written beside its target and renamed over it when complete (a rename within one
    folder is atomic), after being flushed to disk. On Linux the file has no name at all until
    then (O_TMPFILE), so even a build killed mid-write leaves nothing behind; elsewhere a named
    temporary file is removed on failure.
    """
    pending: list[_Pending] = []
    try:
        for path in paths:
            pending.append(_Pending.open(path))
        yield [p.file for p in pending]
        for p in pending:
            p.file.flush()
            os.fsync(p.file.fileno())
        for p in pending:
            p.place()
    except OSError as err:
        raise LessonError(
            paths[0].parent,
            None,
            f"writing the outputs failed: {err.strerror or err}",
            "Check the free disk space and the folder's permissions; the previous outputs are untouched.",
        ) from None
    finally:
        for p in pending:
            p.discard()


@dataclass
class _Pending:
    """An output being written: an open file, and how to give it its name."""

    path: Path
    file: BinaryIO
    temp: Path | None  # the named temporary file, when O_TMPFILE is not available

    @classmethod
    def open(cls, path: Path) -> _Pending:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise LessonError(
                path.parent,
                None,
                f"cannot create the output folder: {err.strerror}",
                "Choose another folder with --out, or fix its permissions.",
            ) from None
        if hasattr(os, "O_TMPFILE") and Path("/proc/self/fd").is_dir():
            try:
                fd = os.open(path.parent, os.O_TMPFILE | os.O_WRONLY, 0o644)
                return cls(path, os.fdopen(fd, "wb"), None)
            except OSError as err:
                if err.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                    raise
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        return cls(path, os.fdopen(fd, "wb"), Path(temp))

    def place(self) -> None:
        if self.temp is None:
            # Give the nameless file a name beside its target, then rename it over the target.
            temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
            # linkat(AT_SYMLINK_FOLLOW) through /proc is how an O_TMPFILE file gets a name;
            # a dir_fd makes Python use linkat rather than link, which would not follow.
            proc = os.open("/proc/self/fd", os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.link(str(self.file.fileno()), temp, src_dir_fd=proc, follow_symlinks=True)
            finally:
                os.close(proc)
            self.temp = temp
        else:
            os.chmod(self.temp, 0o644)
        self.file.close()
        os.replace(self.temp, self.path)
        self.temp = None

    def discard(self) -> None:
        with contextlib.suppress(OSError):  # closing flushes, which fails again on a full disk
            self.file.close()
        if self.temp is not None:
            with contextlib.suppress(FileNotFoundError):
                self.temp.unlink()
