"""The command line: arguments, orchestration, messages and exit codes. The only place that prints.

Exit codes: 0 built (or nothing to do), 1 bad input in at least one article (one clear message
each, no traceback), 2 bad usage, 3 internal error (a bug, in any article: it wins over 1).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from . import __version__
from .errors import InternalError, LessonError

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
DEFAULT_ARTICLE = Path("source/article.md")

DESCRIPTION = """\
Turn a lecture article in Markdown into a PowerPoint deck a lecturer can present as it is
(short bullets on the slides, the full text in the speaker notes) and a printable PDF handout."""

BUILD_EPILOG = """\
examples:
  lecturekit build                          source/article.md -> build/article.pptx, build/article-handout.pdf
  lecturekit build notes/week1.md --out out build another article into out/
  lecturekit build course/ -j 4             every *.md below course/, four at a time, into build/...
  lecturekit build course/ --check          read and plan everything, write nothing: for CI
  lecturekit build course/ --shard 2/4      the second of four slices of the course (a CI matrix)

A course.toml beside the articles (or in a folder above them) gives defaults for all of them:
  course = "Entrepreneurship and the State"
  lecturer = "Dr A. N. Other"
  paper = "letter"
  answer_lines = 6
Each article's own front matter overrides them.

Only articles whose inputs changed are rebuilt: the output folder keeps a manifest of what each
output was made from (the article, its images, course.toml, templates, options, lecturekit itself).

exit codes: 0 built, 1 bad input (the message says what, where and what to do),
            2 bad usage, 3 internal error (please report it, with --debug output);
            when a course has both, 3 wins: the other articles' messages are still printed"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, told the terminal width: left to find it, argparse imports shutil
    (and with it bz2 and lzma) for every run, help or not."""

    def __init__(self, prog: str) -> None:
        try:
            width = int(os.environ["COLUMNS"])
        except (KeyError, ValueError):
            try:
                width = os.get_terminal_size(sys.stdout.fileno()).columns
            except (OSError, ValueError):
                width = 80
        super().__init__(prog, width=max(width - 2, 40))


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="lecturekit", description=DESCRIPTION, formatter_class=_Formatter)
    top.add_argument("--version", action="version", version=f"lecturekit {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser(
        "build",
        help="build the deck and the handout of one or more articles",
        description="Build the deck (.pptx) and the handout (.pdf) of each article.",
        epilog=BUILD_EPILOG,
        formatter_class=_Formatter,
    )
    build.add_argument(
        "articles",
        nargs="*",
        type=Path,
        metavar="ARTICLE.md",
        help=f"Markdown articles, or folders of them, to build (default: {DEFAULT_ARTICLE})",
    )
    build.add_argument(
        "-o",
        "--out",
        type=Path,
        default=Path("build"),
        metavar="DIR",
        help="folder for the outputs (default: build)",
    )
    handout = build.add_argument_group("handout")
    handout.add_argument(
        "--paper", choices=("a4", "letter"), help="paper size (default: the article's 'paper:', else a4)"
    )
    handout.add_argument("--no-reading", action="store_true", help="leave the reading (the full text) out")
    handout.add_argument(
        "--answer-lines",
        type=int,
        metavar="N",
        help="ruled lines under each question (default: the article's 'answer_lines:', else 4)",
    )
    handout.add_argument(
        "--instructor",
        action="store_true",
        help="also write ARTICLE-instructor.pdf (and .html): each question with its Bloom level, its "
        "source sentences and what a good answer mentions",
    )
    handout.add_argument(
        "--no-html",
        action="store_true",
        help="do not write the handout as a web page (ARTICLE-handout.html, written by default)",
    )
    build.add_argument(
        "--slides-pdf",
        action="store_true",
        help="also write the slides as a tagged PDF, ARTICLE-slides.pdf, for the course site (needs LibreOffice)",
    )
    build.add_argument(
        "--template",
        type=Path,
        metavar="FILE",
        help="the institution's slide template (.pptx or .potx): its layouts, fonts and colours",
    )
    build.add_argument(
        "--questions-templates",
        type=Path,
        metavar="DIR",
        help="question templates to use instead of the built-in ones (see lecturekit/questions/README.md)",
    )
    course = build.add_argument_group("course")
    course.add_argument(
        "-j", "--jobs", type=int, metavar="N", help="build N articles at a time (default: one per CPU core)"
    )
    course.add_argument("--force", action="store_true", help="rebuild even what is up to date")
    course.add_argument(
        "--check", action="store_true", help="read and plan everything, write nothing; exit 1 on errors"
    )
    course.add_argument(
        "--watch", action="store_true", help="rebuild what changes as soon as it is saved (Ctrl-C stops)"
    )
    course.add_argument(
        "--shard", metavar="I/N", help="build only the I-th of N slices of the articles (e.g. 2/4)"
    )
    build.add_argument(
        "--strict",
        action="store_true",
        help="treat every warning (a picture not found, a remote picture, ...) as an error: for CI",
    )
    build.add_argument(
        "--max-size",
        type=float,
        default=4.0,
        metavar="MB",
        help="refuse articles larger than this (default: 4 MB)",
    )
    show = commands.add_parser(
        "preview",
        help="render decks and handouts to PNG pages and a contact sheet",
        description="Render each deck (through LibreOffice) or handout to PNG pages and a contact sheet.",
        formatter_class=_Formatter,
    )
    show.add_argument("files", nargs="+", type=Path, metavar="FILE", help="decks (.pptx) and handouts (.pdf)")
    show.add_argument(
        "-o",
        "--out",
        type=Path,
        default=Path("build/preview"),
        metavar="DIR",
        help="where the pictures go, one folder per file (default: build/preview)",
    )
    show.add_argument("--dpi", type=int, default=60, help="resolution of the pages (default: 60)")
    show.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    noise = build.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    noise.add_argument(
        "-v", "--verbose", action="store_true", help="also print warnings and times of each article"
    )
    build.add_argument("--debug", action="store_true", help="show the Python traceback of an error")
    return top


def run() -> None:
    """The command: `main`, then an exit that skips Python's teardown.

    Unloading python-pptx, reportlab and the rest takes tens of milliseconds after the work is
    done. By the time `main` returns every output is written and closed and every worker has
    ended, so once what was printed is flushed the process can end at once.
    """
    code = main()
    if sys.gettrace() or sys.getprofile():  # a profiler or coverage still has to write its report
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: what was printed is lost anyway
            stream.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command is None:
        parser().print_help()
        return EXIT_USAGE
    if args.command == "preview":
        return _preview(args)
    problem = _usage_problem(args)
    if problem:
        print(f"lecturekit: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return _build(args)
    except LessonError as err:
        if args.debug:
            _print_traceback(err)
        print(err, file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("lecturekit: interrupted; previous outputs are untouched", file=sys.stderr)
        return 130
    except Exception as err:  # a bug: say so plainly, the traceback only on request
        if args.debug:
            _print_traceback(err)
        print(f"lecturekit: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        print("  This is a bug in lecturekit. Run again with --debug and report the output.", file=sys.stderr)
        return EXIT_INTERNAL


def _print_traceback(err: BaseException) -> None:
    import traceback

    print("".join(traceback.format_exception(err)).rstrip(), file=sys.stderr)


def _preview(args) -> int:
    from .preview import preview

    failed = 0
    for path in args.files:
        try:
            for picture in preview(path, args.out / path.stem.replace(".", "-"), args.dpi):
                print(picture)
        except LessonError as err:
            print(err, file=sys.stderr)
            failed += 1
    return EXIT_INPUT if failed else EXIT_OK


def _usage_problem(args) -> str:
    if args.max_size <= 0:
        return "--max-size must be a positive number of MB"
    if args.answer_lines is not None and not 0 <= args.answer_lines <= 40:
        return "--answer-lines must be from 0 to 40"
    if args.jobs is not None and args.jobs < 1:
        return "--jobs must be 1 or more"
    if args.shard:
        parts = args.shard.split("/")
        if len(parts) != 2 or not all(p.isdigit() for p in parts) or not 1 <= int(parts[0]) <= int(parts[1]):
            return "--shard must be I/N with 1 <= I <= N, such as 2/4"
    if args.check and args.watch:
        return "--check and --watch do not go together"
    if args.template and args.template.suffix.lower() not in (".pptx", ".potx"):
        return "--template must be a .pptx or .potx file"
    return ""


def _build(args) -> int:
    from .course import Manifest, build_key

    jobs = _find(args)
    report = _Report(args, len(jobs))
    options, problems = _job_options(jobs, args)
    report.configs(problems)
    failed = len(jobs) - len(options)
    runnable = list(options)

    if args.check:
        failed += _run(runnable, options, report, args, write=False)
        return report.finish(failed)

    manifest = Manifest(args.out)
    tool = manifest.tool_fingerprint()
    keys = {job: build_key(options[job], tool) for job in runnable}
    todo = [job for job in runnable if args.force or not manifest.up_to_date(job, keys[job])]
    report.up_to_date(len(runnable) - len(todo))
    failed += _run(todo, options, report, args, write=True, manifest=manifest, keys=keys)
    manifest.save()
    code = report.finish(failed)
    if args.watch:
        return _watch(args, options, manifest, tool)
    return code


def _find(args):
    """Return the jobs the command line names: its articles and folders, sharded if asked."""
    from .course import find_jobs, shard

    jobs = find_jobs(args.articles or [DEFAULT_ARTICLE], args.out)
    return shard(jobs, args.shard) if args.shard else jobs


def _job_options(jobs, args) -> tuple[dict, list]:
    """Return the options of each job whose course.toml is sound (the command line's over the
    course's), and what is wrong with the course.toml files: each is read once, now, so each
    mistake is reported once."""
    from .course import read_config
    from .options import HandoutOptions, Options

    base = Options(
        out=args.out,
        max_bytes=int(args.max_size * 1024 * 1024),
        handout=HandoutOptions(
            paper=args.paper,
            reading=not args.no_reading,
            answer_lines=args.answer_lines,
            instructor=args.instructor,
            html=not args.no_html,
        ),
        questions_templates=args.questions_templates,
        strict=args.strict,
        slides_pdf=args.slides_pdf,
    )
    configs: dict = {}
    options: dict = {}
    problems: list = []  # LessonErrors and warnings
    for job in jobs:
        if job.config not in configs:
            try:
                configs[job.config] = read_config(job.config)
                problems.extend(configs[job.config].warnings)
            except LessonError as err:
                configs[job.config] = err
                problems.append(err)
        config = configs[job.config]
        if isinstance(config, LessonError):
            continue
        options[job] = base._replace(
            out=job.out,
            defaults=config.defaults,
            questions_templates=args.questions_templates or config.questions_templates,
            template=args.template or config.template,
        )
    return options, problems


def _run(jobs, options, report, args, write: bool, manifest=None, keys=None) -> int:
    """Build (or check) `jobs`, in parallel when there are several; return how many failed."""
    failed = 0
    workers = min(args.jobs or os.cpu_count() or 1, len(jobs))
    if len(jobs) == 1 and write and _can_fork() and not args.watch:
        # One article from cold: python-pptx and reportlab load in helpers while this process plans.
        outcomes = iter([_build_with_helpers(jobs[0], options[jobs[0]])])
    elif workers <= 1:
        outcomes = (_build_one(job, options[job], write) for job in jobs)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        # fork starts workers at once, with what this process has imported already.
        context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        futures = [pool.submit(_build_one, job, options[job], write) for job in jobs]
        outcomes = (future.result() for future in as_completed(futures))
    try:
        for job, result, error in outcomes:
            if error is not None:
                failed += 1
                if manifest is not None:
                    manifest.forget(job)
                report.error(error, job)
                continue
            if manifest is not None:
                manifest.record(job, keys[job], result.dependencies, result.outputs)
            report.built(job, result)
    finally:
        if workers > 1:
            pool.shutdown(cancel_futures=True)
    return failed


def _can_fork() -> bool:
    return (
        hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and os.environ.get("LECTUREKIT_NO_HELPERS") is None
    )


def _build_with_helpers(job, options):
    from .build import start_helpers

    helpers = start_helpers()
    try:
        return _build_one(job, options, True, helpers)
    finally:
        for helper in helpers:
            helper.cancel()


def _build_one(job, options, write: bool, helpers=None):
    """Build one article; return (job, result, None) or (job, None, the error). Runs in a worker."""
    from .build import build_article

    try:
        return job, build_article(job.article, options, write=write, helpers=helpers), None
    except LessonError as err:
        return job, None, err
    except Exception as err:  # a bug, but one article's bug must not stop the course
        return job, None, InternalError.from_exception(job.article, err)


def _watch(args, options, manifest, tool: str) -> int:
    """Rebuild, in this process, whatever changes; until Ctrl-C.

    Each round starts from the files as they are now: the articles are found again and every
    course.toml is read again, so a changed setting, a new article or an edited question
    template takes effect at once. What is cached between rounds is keyed by content.
    """
    from watchfiles import watch

    from .course import build_key, forget_found_configs

    watched = _watched_folders(options)
    print(f"watching {', '.join(map(str, watched))} (Ctrl-C stops)", file=sys.stderr)
    args.jobs = 1  # in this process: modules and caches stay warm between rebuilds
    try:
        for changes in watch(*watched):
            changed = {Path(path).resolve() for _, path in changes}
            forget_found_configs()
            try:
                jobs = _find(args)
            except LessonError as err:  # the folder lost its last article
                print(err, file=sys.stderr)
                continue
            options, problems = _job_options(jobs, args)
            keys = {job: build_key(options[job], tool) for job in options}
            todo = [
                job
                for job in options
                if job.article.is_file()
                and (job.article.resolve() in changed or not manifest.up_to_date(job, keys[job]))
            ]
            settings_changed = any(path.suffix == ".toml" for path in changed)
            if not todo and not (settings_changed and problems):
                continue
            report = _Report(args, len(todo))
            if settings_changed:  # else its mistakes were shown when it was saved
                report.configs(problems)
            failed = _run(todo, options, report, args, write=True, manifest=manifest, keys=keys)
            manifest.save()
            report.finish(failed)
    except KeyboardInterrupt:
        return EXIT_OK
    return EXIT_OK


def _watched_folders(options: dict) -> list[Path]:
    """Return the folders to watch for `options`' jobs: the articles', their course.toml's and
    the question templates' (each once, and none inside another)."""
    folders = set()
    for job, option in options.items():
        folders.add(job.article.resolve().parent)
        for path in (job.config, option.template):
            if path is not None:
                folders.add(Path(path).resolve().parent)
        if option.questions_templates is not None:
            folders.add(Path(option.questions_templates).resolve())
    return sorted(f for f in folders if not any(f != g and f.is_relative_to(g) for g in folders))


class _Report:
    """What the user sees: paths on stdout; progress, warnings, errors and a summary on stderr.

    On a terminal, a progress bar and a table (rich); otherwise one plain line per article, so
    CI logs read well.
    """

    def __init__(self, args, total: int):
        self.args = args
        self.total = total
        self.rows: list = []
        self.failures: list = []
        self.internal = 0  # failures that are bugs, not bad input
        self.done = 0
        self.course = total > 1
        self.progress = None
        if self.course and not args.quiet and sys.stderr.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(
                TextColumn("[bold]building"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                transient=True,
            )
            self.task = self.progress.add_task("", total=total)
            self.progress.start()

    def configs(self, problems: list) -> None:
        """Report what is wrong with the course.toml files: errors, and warnings unless quiet."""
        for problem in problems:
            if isinstance(problem, LessonError):
                self.error(problem)
            elif not self.args.quiet:
                self._err(str(problem))

    def up_to_date(self, count: int) -> None:
        if count and not self.args.quiet:
            noun = "article is" if count == 1 else "articles are"
            self._err(f"{count} {noun} up to date, not rebuilt (--force rebuilds)")

    def built(self, job, result) -> None:
        self.done += 1
        self.rows.append((job, result))
        args = self.args
        if self.progress is not None:
            self.progress.update(self.task, advance=1, description=str(job.article))
        if args.quiet:
            return
        for path in result.outputs:
            print(path)
        if not self.course or args.verbose:
            for warning in result.warnings:
                self._err(str(warning))
                if args.debug and warning.detail:
                    self._err(warning.detail.rstrip())
        if self.course and self.progress is None:
            self._err(f"[{self.done}/{self.total}] {job.article}: {_numbers(result)}")
        elif args.verbose:
            self._err(f"{job.article}: {_numbers(result)}")

    def error(self, err: LessonError | InternalError, job=None) -> None:
        self.done += 1
        self.failures.append(err)
        text = str(err)
        if isinstance(err, InternalError):
            self.internal += 1
            if self.args.debug:
                text = err.with_traceback_text()
        if self.progress is not None:
            self.progress.update(self.task, advance=1)
            self.progress.console.print(text, markup=False, highlight=False)
        else:
            self._err(text)

    def finish(self, failed: int) -> int:
        """Print the summary; return the exit code. A bug wins over bad input: exit 3 if any
        article met one, so it is reported rather than taken for a fault of the article."""
        if self.progress is not None:
            self.progress.stop()
        if (self.course or self.args.verbose) and not self.args.quiet and (self.rows or self.failures):
            self._summary()
        if self.internal:
            return EXIT_INTERNAL
        return EXIT_INPUT if failed else EXIT_OK

    def _summary(self) -> None:
        header = ("article", "slides", "pages", "questions", "warnings", "time")
        rows = [
            (
                str(job.article),
                str(r.slides),
                str(r.pages),
                str(r.questions),
                str(len(r.warnings)),
                f"{r.seconds:.2f} s",
            )
            for job, r in sorted(self.rows, key=lambda row: str(row[0].article))
        ]
        ok = f"{len(rows)} built" + (f", {len(self.failures)} failed" if self.failures else "")
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.table import Table

            table = Table(*header, title=ok, title_justify="left")
            for row in rows:
                table.add_row(*row)
            Console(stderr=True).print(table)
        else:
            widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=False)]
            for row in (header, *rows):
                self._err(
                    "  ".join(
                        cell.ljust(w) if i == 0 else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(row, widths, strict=True))
                    )
                )
            self._err(ok)
        for err in self.failures:
            self._err(f"failed: {err.path}: {err.message}")

    def _err(self, text: str) -> None:
        print(text, file=sys.stderr)


def _numbers(result) -> str:
    counts = [
        (result.slides, "slide"),
        (result.pages, "handout page"),
        (result.questions, "question"),
        (len(result.warnings), "warning"),
    ]
    return ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts) + f", {result.seconds:.2f} s"
