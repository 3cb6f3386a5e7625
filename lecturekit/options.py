"""What a build is asked to do. Plain records with no heavy imports: the course manifest hashes them,
and a rebuild with nothing to do reads them before anything else is loaded."""

from __future__ import annotations

from collections import namedtuple
from pathlib import Path

DEFAULT_MAX_BYTES = 4 * 1024 * 1024
DEFAULT_ARTICLE = Path("source/article.md")  # what `lecturekit build` builds when named nothing

# paper: None, the article's `paper:`, else A4; answer_lines: None, the article's, else 4.
# html: also write the handout as a web page.
HandoutOptions = namedtuple(
    "HandoutOptions", "paper reading answer_lines instructor html", defaults=(None, True, None, False, True)
)


class Options(
    namedtuple(
        "Options",
        "out max_bytes handout questions_templates defaults template strict slides_pdf minutes slides",
        defaults=(
            Path("build"),
            DEFAULT_MAX_BYTES,
            HandoutOptions(),
            None,
            None,
            None,
            False,
            False,
            None,
            None,
        ),
    )
):
    """out: the output folder; defaults: front-matter fields from course.toml; template: an
    institution's .pptx or .potx (None: lecturekit's own); strict: every warning is an error;
    slides_pdf: also write the deck as a tagged PDF, through LibreOffice; minutes, slides: the
    lecture's length, over the article's `minutes:` and `slides:`. (collections.namedtuple: importing
    typing would cost a rebuild with nothing to do a tenth of its time.)"""

    __slots__ = ()

    def fingerprint(self) -> str:
        """Return what of these options shapes the outputs, as text (the output folder does not)."""
        defaults = sorted((self.defaults or {}).items(), key=lambda kv: kv[0])
        return repr(
            (tuple(self.handout), defaults, str(self.template or ""), self.strict, self.slides_pdf)
            + ((self.minutes, self.slides) if self.minutes or self.slides else ())
        )
