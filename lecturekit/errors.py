"""Problems with the input: warnings kept as data, and the one error a build stops for.

No dataclasses and no typing here: the command line imports this before deciding whether there
is anything to build, and a rebuild with nothing to do must stay quick.
"""

from __future__ import annotations

from collections import namedtuple
from pathlib import Path

# What a build exits with: built (or nothing to do), bad input, bad usage, a bug (which wins).
EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class Diagnostic(namedtuple("Diagnostic", "path line message detail", defaults=("",))):
    """A warning about the input, kept as data; the CLI decides whether and how to print it.

    path: Path; line: int or None; message: str; detail: what `--debug` adds (a traceback).
    """

    __slots__ = ()

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: warning: {self.message}"


class LessonError(Exception):
    """Bad input: what is wrong, where, and what to do about it. Printed without a traceback."""

    def __init__(self, path: Path | str, line: int | None, message: str, hint: str = ""):
        super().__init__(message)
        self.path = Path(path)
        self.line = line
        self.message = message
        self.hint = hint

    def __reduce__(self) -> tuple[type[LessonError], tuple[Path, int | None, str, str]]:
        # course builds send errors back from worker processes
        return LessonError, (self.path, self.line, self.message, self.hint)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        text = f"{where}: error: {self.message}"
        return f"{text}\n  {self.hint}" if self.hint else text


class InternalError(Exception):
    """A bug met while building one article: reported as such (exit code 3), never as bad input.

    The traceback travels as text, since a course build's worker processes cannot send the
    traceback object back; `--debug` prints it.
    """

    def __init__(self, path: Path | str, error: str, traceback: str):
        super().__init__(error)
        self.path = Path(path)
        self.line = None
        self.message = f"internal error: {error}"
        self.traceback = traceback

    @classmethod
    def from_exception(cls, path: Path | str, err: BaseException) -> InternalError:
        import traceback

        text = getattr(err, "remote_traceback", "") or "".join(traceback.format_exception(err))
        return cls(path, f"{type(err).__name__}: {err}", text)

    def __reduce__(self) -> tuple[type[InternalError], tuple[Path, str, str]]:
        return InternalError, (self.path, self.message.removeprefix("internal error: "), self.traceback)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}\n  {self.hint}"

    @property
    def hint(self) -> str:
        return (
            "This is a bug in lecturekit, not in the article. Run again with --debug and report the output."
        )

    def with_traceback_text(self) -> str:
        """Return the message for --debug: the original traceback, then what went wrong."""
        return (
            f"{self.traceback.rstrip()}\n{self.path}: {self.message}\n"
            "  This is a bug in lecturekit, not in the article: please report the traceback above."
        )
