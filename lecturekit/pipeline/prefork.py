"""Helper processes that import a writer while the main process reads and plans.

A cold build of one article spends most of its time importing: python-pptx, reportlab,
markdown-it. Forked at start-up, one helper imports python-pptx and another reportlab while
the main process reads the article and asks the questions. The deck helper then plans and
renders the deck from the lesson it is sent, the handout helper plans and renders the handout,
and each sends back the bytes and its warnings. The main process alone writes files, so
outputs still appear all together or not at all.

POSIX only (fork); elsewhere, and for course builds (a worker pool), builds render in process.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Any, NamedTuple


class Helper:
    """A forked process: it runs `warm()` at once, then one task it is sent, and sends back the result."""

    # The main process's ends of every live helper's pipes. A helper forked later would inherit
    # them, keep an earlier helper's task pipe open, and that helper would never see it end.
    _parent_ends: set[int] = set()

    def __init__(self, warm: Callable[[], None]):
        task_read, task_write = os.pipe()
        result_read, result_write = os.pipe()
        self._task_write: int | None = task_write
        self._result_read: int | None = result_read
        self.pid = os.fork()
        if self.pid == 0:  # the helper
            for fd in (task_write, result_read, *Helper._parent_ends):
                os.close(fd)
            _serve(warm, task_read, result_write)
        os.close(task_read)
        os.close(result_write)
        Helper._parent_ends.update((task_write, result_read))

    def submit(self, function: Callable[..., Any], *args: Any) -> None:
        """Send the task: `function` (a module-level function) and its arguments."""
        fd, self._task_write = self._task_write, None
        assert fd is not None, "one task a helper"
        Helper._parent_ends.discard(fd)
        with os.fdopen(fd, "wb") as pipe:
            pickle.dump((function, args), pipe, protocol=pickle.HIGHEST_PROTOCOL)

    def result(self) -> Any:
        """Return the task's result, or raise its error here, as if it had run in this process."""
        fd, self._result_read = self._result_read, None
        assert fd is not None, "one result a helper"
        Helper._parent_ends.discard(fd)
        with os.fdopen(fd, "rb") as pipe:
            try:
                ok, value = pickle.load(pipe)
            except EOFError:
                ok, value = False, RuntimeError("a helper process ended without an answer")
        self._reap()
        if not ok:
            raise value
        return value

    def cancel(self) -> None:
        """Close what is still open and wait for the helper: it ends when it finds no task."""
        for name in ("_task_write", "_result_read"):
            fd = getattr(self, name)
            if fd is not None:  # a descriptor closed before may already be another file's
                setattr(self, name, None)
                Helper._parent_ends.discard(fd)
                os.close(fd)
        self._reap()

    def _reap(self) -> None:
        if self.pid:
            pid, self.pid = self.pid, 0
            os.waitpid(pid, 0)


def _serve(warm: Callable[[], None], task_read: int, result_write: int) -> None:
    code = 0
    try:
        warm()
        with os.fdopen(task_read, "rb") as pipe:
            try:
                function, args = pickle.load(pipe)
            except EOFError:  # no task: the main process stopped before writing
                os._exit(0)
        try:
            answer = (True, function(*args))
        except Exception as err:  # sent back and raised in the main process
            answer = (False, _with_traceback(err))
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # an error that cannot travel: send what it said
            error = answer[1]
            sent = RuntimeError(f"{type(error).__name__}: {error}")
            sent.remote_traceback = getattr(error, "remote_traceback", "")  # type: ignore[attr-defined]
            data = pickle.dumps((False, sent))
        with os.fdopen(result_write, "wb") as pipe:
            pipe.write(data)
    except BaseException:
        code = 1
    finally:
        os._exit(code)  # never run the main process's exit handlers, never flush its buffers


def _with_traceback(err: Exception) -> Exception:
    """Return `err` carrying its traceback as text (`remote_traceback`): a traceback object does
    not pickle, and `--debug` must show where a helper's bug happened."""
    import contextlib
    import traceback

    with contextlib.suppress(AttributeError):  # an exception type without a __dict__
        err.remote_traceback = "".join(traceback.format_exception(err))  # type: ignore[attr-defined]
    return err


class Helpers(NamedTuple):
    """The forked processes a single build plans and renders in: one for the deck, one for the handout."""

    deck: Helper
    handout: Helper


def start_helpers() -> Helpers:
    """Fork the deck and handout helpers and return them.

    What every process needs is imported once, before the forks, rather than three times after
    them: the questions module brings the model, key points and text helpers with it (and the
    tasks the helpers are sent hold questions); the fonts are measured by all three. The
    handout's planner is the handout helper's own: it plans while the deck helper plans.
    """
    import lecturekit.fonts  # noqa: F401
    import lecturekit.questions.discussion  # noqa: F401

    handout = Helper(warm_handout)
    try:
        return Helpers(Helper(warm_deck), handout)
    except BaseException:
        handout.cancel()
        raise


def warm_deck() -> None:
    """What the deck helper does while the main process reads: import the planner and python-pptx."""
    import lecturekit.deck.plan  # noqa: F401
    import lecturekit.deck.pptx_writer  # noqa: F401
    from lecturekit.fonts import SANS, metrics

    metrics(SANS.file())
    metrics(SANS.file(bold=True))


def warm_handout() -> None:
    """What the handout helper does while the main process reads: import its planner and
    reportlab, load the text font."""
    import lecturekit.handouts.plan  # noqa: F401
    from lecturekit.fonts import SANS
    from lecturekit.handouts.pdf_text import register_font

    register_font(SANS, "LK-Sans")
    register_font(SANS, "LK-Sans", bold=True)
