"""Build one article: read and check it, plan both outputs, then write them atomically.

Everything that can fail on bad input (reading, planning) happens before the first byte is
written, and outputs appear only by renaming a finished temporary file over the old one: a build
that fails or is killed leaves the previous outputs exactly as they were.

The planners and writers are imported when a build runs, not before: a rebuild with nothing to
do, `--check` and `--help` stay quick.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import io
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from lecturekit.errors import Diagnostic, LessonError
from lecturekit.options import HandoutOptions, Options

if TYPE_CHECKING:  # for annotations only: a build imports these when it runs (see the docstring)
    from lecturekit.deck.plan import Deck
    from lecturekit.deck.theme import Theme
    from lecturekit.handouts.blocks import Block
    from lecturekit.handouts.plan import Handout
    from lecturekit.importers.document import Finding
    from lecturekit.language.points import ArticlePoints
    from lecturekit.model.lesson import Image, Lesson, Meta
    from lecturekit.pipeline.prefork import Helpers
    from lecturekit.questions.discussion import Question, Questions


@dataclass
class Result:
    article: Path
    outputs: list[Path] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    slides: int = 0
    pages: int = 0
    questions: int = 0
    seconds: float = 0.0
    dependencies: list[Path] = field(default_factory=list)  # files the outputs were made from
    found: tuple[Finding, ...] = ()  # what importing the article inferred (see lecturekit.importers)


def output_paths(article: Path, options: Options) -> list[Path]:
    """Return where the outputs of `article` go, in the order the build makes them: the deck,
    the handout, the instructor's, their web pages, the slides as a PDF (the last three if asked for)."""
    out, stem = options.out, article.stem
    editions = ["handout", "instructor"] if options.handout.instructor else ["handout"]
    paths = [out / f"{stem}.pptx", *(out / f"{stem}-{e}.pdf" for e in editions)]
    if options.handout.html:
        paths += [out / f"{stem}-{e}.html" for e in editions]
    if options.slides_pdf:
        paths.append(out / f"{stem}-slides.pdf")
    return paths


def build_article(
    article: Path, options: Options, write: bool = True, helpers: Helpers | None = None
) -> Result:
    """Build the deck and handout of `article`; raise `LessonError` on bad input, writing nothing.

    With `write` False, read and plan everything but write nothing (`lecturekit build --check`).
    `helpers` (deck, handout; see lecturekit.pipeline.prefork) plan and render in processes of their own.
    """
    started = time.perf_counter()
    planned = plan_article(article, options)
    lesson, questions = planned.lesson, planned.questions
    deck_job, handout_job = planned.deck_job(write), planned.handout_job(options, write)
    if helpers:
        helpers.deck.submit(make_deck, deck_job)
        helpers.handout.submit(make_handouts, handout_job)
        deck, handout = helpers.deck.result(), helpers.handout.result()
    else:
        deck, handout = make_deck(deck_job), make_handouts(handout_job)
    deck_warnings = [*planned.theme_warnings, *deck.warnings]
    # A heuristic that slips on a sentence slips in every process that reads it: said once.
    slips = {w[:3]: w for w in [*planned.slips, *deck_warnings, *handout.warnings] if w.detail}
    warnings = [
        *lesson.warnings,
        *questions.warnings,
        *slips.values(),
        *(w for w in deck_warnings if not w.detail),
    ]
    if options.strict and warnings:
        raise _strict_error(warnings)
    paths = output_paths(article, options)
    if write:
        outputs = [deck.pptx, *handout.files]
        if options.slides_pdf:
            from lecturekit.pipeline.office import slides_pdf

            outputs.append(slides_pdf(deck.pptx, article, lesson.meta.lang, build_time(lesson.meta)))
        with atomic_outputs(paths) as files:
            for file, data in zip(files, outputs, strict=True):
                file.write(data)
    images = [b.path for s in lesson.sections for b in _images(s.blocks) if b.path is not None]
    templates = [options.template] if options.template else []
    return Result(
        article,
        paths if write else [],
        warnings,
        deck.slides,
        handout.pages,
        len(questions.questions),
        time.perf_counter() - started,
        [article, *images, *templates],
        planned.found,
    )


@dataclass(frozen=True)
class DeckJob:
    """What the deck's process is sent: plan_deck's inputs, the build's date, and whether to render."""

    lesson: Lesson
    points: ArticlePoints
    theme: Theme
    questions: tuple[str, ...]  # the discussion slide's (or, with `discussion: sections`, the author's)
    outcomes: tuple[str, ...]
    prompts: dict[str, str]  # with `discussion: sections`: each part's question, by its title
    when: _dt.datetime
    render: bool

    def plan(self) -> Deck:
        """Return the planned deck."""
        from lecturekit.deck.plan import plan_deck

        return plan_deck(self.lesson, self.theme, self.questions, self.outcomes, self.prompts, self.points)


@dataclass(frozen=True)
class HandoutJob:
    """What the handout's process is sent: plan_handout's inputs, and whether to render."""

    lesson: Lesson
    points: ArticlePoints
    questions: Questions
    prompts: dict[str, Question]  # with `discussion: sections`: each part's question, by its title
    outcomes: tuple[str, ...]
    accent: str  # the deck's, darkened where it would be too light to read on paper
    options: HandoutOptions
    render: bool

    def plan(self) -> Handout:
        """Return the planned handout."""
        from lecturekit.handouts.plan import plan_handout

        return plan_handout(
            self.lesson, self.questions, self.outcomes, self.accent, self.options, self.points, self.prompts
        )


class DeckMade(NamedTuple):
    slides: int
    warnings: list[Diagnostic]
    pptx: bytes | None  # None when not rendering


class HandoutMade(NamedTuple):
    pages: int  # the student's handout's
    warnings: list[Diagnostic]  # the heuristics' slips met while planning (see heuristics)
    files: list[bytes]  # the PDF, the instructor's, their web pages; none when not rendering


@dataclass
class Planned:
    """What one read of an article gives both outputs: its lesson, its points (names and key
    points), questions, each part's prompt and outcomes, and the deck's theme and accent,
    resolved once, here, for both planners."""

    lesson: Lesson
    points: ArticlePoints
    questions: Questions
    prompts: dict[str, Question]  # with `discussion: sections`: each part's best question, by its title
    outcomes: tuple[str, ...]
    theme: Theme
    theme_warnings: list[Diagnostic]
    slips: list[Diagnostic]  # heuristics that failed on a piece of text while planning (see heuristics)
    found: tuple[Finding, ...] = ()  # what importing the article inferred (not Markdown: see importers)

    def deck_job(self, render: bool) -> DeckJob:
        """Return the deck's job: the discussion slide's questions, or (with `discussion:
        sections`) the author's, with each part's prompt."""
        questions = tuple(q.text for q in self.questions.deck)
        if self.lesson.meta.discussion == "sections":
            questions = tuple(q.text for q in self.questions.questions if q.origin == "authored")
        prompts = {title: q.text for title, q in self.prompts.items()}
        when = build_time(self.lesson.meta)
        return DeckJob(self.lesson, self.points, self.theme, questions, self.outcomes, prompts, when, render)

    def handout_job(self, options: Options, render: bool) -> HandoutJob:
        """Return the handout's job: its accent is the deck's, darkened for paper where needed."""
        from lecturekit.layout.colours import BLACK, WHITE, readable

        accent = readable(self.theme.accent, WHITE, BLACK)
        return HandoutJob(
            self.lesson,
            self.points,
            self.questions,
            self.prompts,
            self.outcomes,
            accent,
            options.handout,
            render,
        )


def plan_article(article: Path, options: Options) -> Planned:
    """Read `article` and plan what both outputs share; raise `LessonError` on bad input."""
    from lecturekit.importers import read_source
    from lecturekit.language.heuristics import attempt, slip_warnings
    from lecturekit.language.points import article_points
    from lecturekit.language.segment import segment
    from lecturekit.language.selection import DEFAULT_MINUTES, Length
    from lecturekit.questions.discussion import discussion_questions, section_prompts
    from lecturekit.questions.outcomes import learning_outcomes

    lesson, found = read_source(article, options.max_bytes, options.defaults, picture_cache())
    lesson = attempt("segment", str(lesson.path), segment, lambda read: read, lesson)
    points = article_points(lesson)  # once, here: both planners and the questions read them
    meta = lesson.meta
    minutes = options.minutes or meta.minutes
    length = Length(minutes or DEFAULT_MINUTES, options.slides or meta.slides)
    attempt("selection", str(lesson.path), points.select, lambda *_: None, lesson, length)
    questions = discussion_questions(lesson, options.questions_templates, points)
    prompts = section_prompts(questions) if lesson.meta.discussion == "sections" else {}
    authored = lesson.meta.outcomes
    outcomes = attempt(
        "outcomes", str(lesson.path), learning_outcomes, lambda *_: authored, questions, authored, lesson
    )
    theme, warnings = deck_theme(lesson.meta.accent, options.template)
    return Planned(
        lesson, points, questions, prompts, outcomes, theme, warnings, slip_warnings(lesson), found
    )


def picture_cache() -> Path:
    """Return the folder where the pictures inside an imported file (a Word file's) are kept for
    the build: named by their content, so a rebuild finds the same files."""
    return Path(tempfile.gettempdir()) / "lecturekit-pictures"


def _strict_error(warnings: list[Diagnostic]) -> LessonError:
    """Return the error a --strict build stops with: its first warning, and how many there are."""
    first = warnings[0]
    more = (
        f" (and {len(warnings) - 1} more warning{'s' if len(warnings) > 2 else ''})"
        if len(warnings) > 1
        else ""
    )
    return LessonError(
        first.path,
        first.line,
        f"{first.message}{more}",
        "--strict makes every warning an error: fix the article, or build without --strict.",
    )


def make_deck(job: DeckJob) -> DeckMade:
    """Plan the deck and, if the job says so, render it."""
    from lecturekit.language.heuristics import slip_warnings

    deck = job.plan()
    warnings = [*deck.warnings, *slip_warnings(job.lesson)]
    if not job.render:
        return DeckMade(len(deck.slides), warnings, None)
    from lecturekit.deck.pptx_writer import write_pptx

    buffer = io.BytesIO()
    write_pptx(deck, buffer, job.theme, job.lesson.meta, job.when)
    return DeckMade(len(deck.slides), warnings, buffer.getvalue())


def deck_theme(accent: str, template: Path | None) -> tuple[Theme, list[Diagnostic]]:
    """Return the theme of the deck (lecturekit's own, or read from `template`) and its warnings."""
    if template is None:
        from lecturekit.deck.theme import DEFAULT_THEME

        return DEFAULT_THEME.with_accent(accent), []
    from lecturekit.deck.template import read_template

    theme, warnings = read_template(template, accent)
    return theme, warnings


def make_handouts(job: HandoutJob) -> HandoutMade:
    """Plan the handout and, if the job says so, render it: the PDF, the instructor's (if asked
    for), then their web pages (unless turned off)."""
    from lecturekit.language.heuristics import slip_warnings

    handout = job.plan()
    slips = slip_warnings(job.lesson)
    if not job.render:
        return HandoutMade(0, slips, [])
    from lecturekit.handouts.pdf_writer import write_pdf

    editions = [_student_edition(handout)] + ([handout] if handout.instructor else [])
    files, pages = [], []
    for edition in editions:
        pdf = io.BytesIO()
        pages.append(write_pdf(edition, pdf))
        files.append(pdf.getvalue())
    if job.options.html:
        from lecturekit.handouts.html_writer import write_html

        files += [write_html(edition) for edition in editions]
    return HandoutMade(pages[0], slips, files)


def _student_edition(handout: Handout) -> Handout:
    """Return the instructor's handout without what only the instructor sees."""
    from lecturekit.handouts.blocks import QuestionBlock

    def strip(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        return tuple(replace(b, notes=()) if isinstance(b, QuestionBlock) else b for b in blocks)

    parts = tuple(replace(p, blocks=strip(p.blocks)) for p in handout.parts)
    return replace(handout, parts=parts, instructor=False)


def _images(blocks: Iterable[Block]) -> Iterator[Image]:
    from lecturekit.model.lesson import BulletList, Image, Quote

    for block in blocks:
        if isinstance(block, Image):
            yield block
        elif isinstance(block, Quote):
            yield from _images(block.blocks)
        elif isinstance(block, BulletList):
            for item in block.items:
                yield from _images(item.blocks)


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
