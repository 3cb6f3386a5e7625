"""What the user sees of a build: paths on stdout; progress, warnings, errors and a summary on
stderr; and the exit code they add up to."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from lecturekit.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, InternalError, LessonError

if TYPE_CHECKING:
    from argparse import Namespace

    from lecturekit.pipeline.build import Result
    from lecturekit.pipeline.course import Job


class Report:
    """What the user sees: paths on stdout; progress, warnings, errors and a summary on stderr.

    On a terminal, a progress bar and a table (rich); otherwise one plain line per article, so
    CI logs read well.
    """

    def __init__(self, args: Namespace, total: int):
        self.args = args
        self.total = total
        self.rows: list[tuple[Job, Result]] = []
        self.failures: list[LessonError | InternalError] = []
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

    def configs(self, problems: list[object]) -> None:
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

    def built(self, job: Job, result: Result) -> None:
        self.done += 1
        self.rows.append((job, result))
        args = self.args
        if self.progress is not None:
            self.progress.update(self.task, advance=1, description=str(job.article))
        if args.quiet:
            return
        for path in result.outputs:
            print(path)
        if result.found and (not self.course or args.verbose):
            self._err(f"{job.article}: imported; it read:")
            for finding in result.found:
                self._err(f"  {finding}")
        if not self.course or args.verbose:
            for warning in result.warnings:
                self._err(str(warning))
                if args.debug and warning.detail:
                    self._err(warning.detail.rstrip())
        if self.course and self.progress is None:
            self._err(f"[{self.done}/{self.total}] {job.article}: {_numbers(result)}")
        elif args.verbose:
            self._err(f"{job.article}: {_numbers(result)}")

    def error(self, err: LessonError | InternalError, job: Job | None = None) -> None:
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


def _numbers(result: Result) -> str:
    counts = [
        (result.slides, "slide"),
        (result.pages, "handout page"),
        (result.questions, "question"),
        (len(result.warnings), "warning"),
    ]
    return ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts) + f", {result.seconds:.2f} s"
