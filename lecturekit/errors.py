"""Problems with the input: warnings kept as data, and the one error a build stops for.

No dataclasses and no typing here: the command line imports this before deciding whether there
is anything to build, and a rebuild with nothing to do must stay quick.
"""

from __future__ import annotations

from collections import namedtuple
from pathlib import Path


class Diagnostic(namedtuple("Diagnostic", "path line message")):
    """A warning about the input, kept as data; the CLI decides whether and how to print it.

    path: Path; line: int or None; message: str.
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

    def __reduce__(self):  # course builds send errors back from worker processes
        return LessonError, (self.path, self.line, self.message, self.hint)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        text = f"{where}: error: {self.message}"
        return f"{text}\n  {self.hint}" if self.hint else text
