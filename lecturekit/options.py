"""What a build is asked to do. Plain records with no heavy imports: the course manifest hashes them,
and a rebuild with nothing to do reads them before anything else is loaded."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

DEFAULT_MAX_BYTES = 4 * 1024 * 1024


class HandoutOptions(NamedTuple):
    paper: str | None = None  # None: the article's `paper:`, else A4
    reading: bool = True
    answer_lines: int | None = None  # None: the article's `answer_lines:`, else 4
    instructor: bool = False


class Options(NamedTuple):
    out: Path = Path("build")
    max_bytes: int = DEFAULT_MAX_BYTES
    handout: HandoutOptions = HandoutOptions()
    questions_templates: Path | None = None
    defaults: dict | None = None  # front-matter fields from course.toml
    template: Path | None = None  # an institution's .pptx or .potx; None: lecturekit's own

    def fingerprint(self) -> str:
        """Return what of these options shapes the outputs, as text (the output folder does not)."""
        defaults = sorted((self.defaults or {}).items(), key=lambda kv: kv[0])
        return repr((tuple(self.handout), defaults, str(self.template or "")))
