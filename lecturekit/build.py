"""Build one article: read and check it, plan both outputs, then write them atomically.

Everything that can fail on bad input (reading, planning) happens before the first byte is
written, and outputs appear only by renaming a finished temporary file over the old one: a build
that fails or is killed leaves the previous outputs exactly as they were.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
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
    """Yield open temporary files for `paths`; rename them all into place only if the block succeeds.

    The temporary files sit beside their targets (a rename within one folder is atomic), are
    flushed to disk before the rename, and are removed if anything fails.
    """
    handles: list[tuple[BinaryIO, Path, Path]] = []
    try:
        for path in paths:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            except OSError as err:
                raise LessonError(
                    path.parent,
                    None,
                    f"cannot write the output folder: {err.strerror}",
                    "Choose another folder with --out, or fix its permissions.",
                ) from None
            handles.append((os.fdopen(fd, "wb"), Path(tmp), path))
        yield [handle for handle, _, _ in handles]
        for handle, _, _ in handles:
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
        for _, tmp, path in handles:
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
    except OSError as err:
        raise LessonError(
            paths[0].parent,
            None,
            f"writing the outputs failed: {err.strerror or err}",
            "Check the free disk space and the folder's permissions; the previous outputs are untouched.",
        ) from None
    finally:
        for handle, tmp, _ in handles:
            handle.close()
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
