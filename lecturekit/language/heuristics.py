"""Run the text heuristics so that a bug in one costs the piece of text it met, never the article.

Condensing, key points, concepts, questions, outcomes and segmentation are rules of thumb over
open-ended prose: however well tested, some sentence will one day meet a rule wrongly. `attempt`
runs one such step on one piece (a sentence, a part, the lesson); when it raises, the piece gets
its plain fallback (the sentence whole, no question) and the failure is kept as a `Slip`. The
build turns the slips that concern its article into warnings (`slip_warnings`) that name the line
and say it is lecturekit's bug to report; `--debug` adds the traceback, and `--strict` makes
them errors, as it does every warning.

Slips are kept for the process's life, keyed by step and text: the steps are pure and cached,
so a second build of the same text (`--watch`, a course worker) meets the cached fallback and
must still be told.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from lecturekit.errors import Diagnostic

if TYPE_CHECKING:
    from lecturekit.model.lesson import Lesson

T = TypeVar("T")
MOST_KEPT = 1000  # slips kept at once: a process building a course cannot fill its memory with them


class Slip(NamedTuple):
    """A heuristic that raised: which step, on what text, the error, and its traceback."""

    step: str
    text: str
    error: str
    traceback: str


_slips: dict[tuple[str, str], Slip] = {}


def attempt(step: str, text: str, run: Callable[..., T], fallback: Callable[..., T], *args: Any) -> T:
    """Return run(*args); if it raises, keep the failure as a slip of `step` on `text` and
    return fallback(*args).

    MemoryError and KeyboardInterrupt are not caught: they are no bug of one sentence's.
    """
    try:
        return run(*args)
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as err:  # noqa: BLE001 - a heuristic's bug must cost its piece, not the build
        if len(_slips) >= MOST_KEPT:
            _slips.pop(next(iter(_slips)))
        _slips[(step, text)] = Slip(step, text, f"{type(err).__name__}: {err}", traceback.format_exc())
        return fallback(*args)


def slips() -> list[Slip]:
    """Return the slips this process has met, oldest first."""
    return list(_slips.values())


def forget_slips() -> None:
    """Forget every slip (a test that provokes one cleans up after itself)."""
    _slips.clear()


_WHAT = {
    "condense": "could not condense this sentence, so it stays whole (in the notes; on a slide only for want of a better claim)",
    "lead-in": "could not condense this lead-in, so the slide shows it whole",
    "questions": "could not make discussion questions of this part, so it has none",
    "outcomes": "could not make learning outcomes, so the lecture has none",
    "names": "could not tell which words are names, so pronouns keep their own words",
    "segment": "could not split the text into parts, so it is one part",
    "selection": "could not choose what the lecture shows, so its slides show every claim",
}


def slip_warnings(lesson: Lesson) -> list[Diagnostic]:
    """Return a warning for each slip whose text is in `lesson`, at the line of the block that
    holds it, in the order of the article."""
    from lecturekit.model.lesson import paragraphs, plain

    if not _slips:
        return []
    blocks: list[tuple[str, int | None]] = [
        (str(lesson.path), None)
    ]  # a step over the whole lesson keeps its path as its text
    for section in lesson.sections:
        blocks.append((" ".join(plain(section.title).split()), section.line))
        blocks += [
            (" ".join(plain(p.inlines).split()), p.line) for b in section.blocks for p in paragraphs(b)
        ]
    found = []
    for slip in _slips.values():
        text = " ".join(slip.text.split())
        found_in = [number for block, number in blocks if text and text in block]
        if not found_in:
            continue  # another article's
        line = found_in[0]
        quoted = "" if text == str(lesson.path) else text if len(text) <= 60 else text[:57].rstrip() + "…"
        message = (
            f"lecturekit {_WHAT.get(slip.step, 'met a bug here')} ({slip.error}"
            + (f', in "{quoted}"' if quoted else "")
            + "). This is a bug in lecturekit, not in the article: please report it (--debug shows the traceback)"
        )
        found.append((line or 0, Diagnostic(lesson.path, line, message, slip.traceback)))
    return [d for _, d in sorted(found, key=lambda f: f[0])]
