"""Question templates: jinja2 files that each turn one kind of concept into a question.

Each file opens with its settings in a comment, {#- bloom: analyse, needs: cases, order: 20 -#},
then the question's wording. lecturekit's own are in lecturekit/questions/templates/; a course
can bring its own folder (--questions-templates). They run sandboxed: a course's are untrusted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lecturekit.errors import Diagnostic, LessonError
from lecturekit.lexicon import language, lexicon
from lecturekit.questions.bloom import BLOOM_LEVELS

if TYPE_CHECKING:  # jinja2 is imported when questions are made, not before
    from jinja2 import Template
    from jinja2.sandbox import SandboxedEnvironment

TEMPLATE_DIR = Path(__file__).parent / "templates"  # English; another language's in its own folder
WRITTEN_IN = ("English", "German", "Spanish", "French")  # the languages lecturekit has templates in


def templates_for(lang: str) -> Path | None:
    """Return the folder of lecturekit's question templates for a lecture in `lang` (a tag), or
    None when it has none in that language or no word lists to find their concepts by."""
    code = language(lang)
    if code == "en":
        return TEMPLATE_DIR
    folder = TEMPLATE_DIR / code
    return folder if lexicon(code) is not None and folder.is_dir() else None


@dataclass(frozen=True)
class QuestionTemplate:
    path: Path
    bloom: str
    needs: str
    order: int
    source: str
    compiled: Template | None = field(default=None, compare=False, repr=False)


_HEADER = re.compile(r"\A\{#-?(.*?)-?#\}", re.DOTALL)
_KINDS = (
    "case",
    "cases",
    "pair",
    "source",
    "claim",
    "said",
    "term",
    "figure",
    "obstacles",
    "heading",
    "topic",
    "argued",
    "table",
    "code",
)


def load_templates(folder: Path) -> tuple[QuestionTemplate, ...]:
    """Return the question templates in `folder`; raise `LessonError` naming a malformed one.

    The files are read every time (they are small) and compiled once per content: under --watch
    an edited template takes effect at the next build.
    """
    folder = Path(folder).resolve()
    files = sorted(folder.glob("*.j2")) if folder.is_dir() else []
    if not files:
        raise LessonError(
            folder,
            None,
            "no question templates (*.j2) in this folder",
            "Point --questions-templates at a folder of .j2 files (see lecturekit/questions).",
        )
    templates = [_template(path, path.read_text(encoding="utf-8")) for path in files]
    return tuple(sorted(templates, key=lambda t: (t.order, t.path.name)))


@lru_cache(maxsize=256)
def _template(path: Path, source: str) -> QuestionTemplate:
    """Return the template `source` read from `path`, its settings checked and its body compiled."""
    import yaml

    match = _HEADER.match(source)
    settings = None
    if match is not None:
        try:
            header = "\n".join(line.strip() for line in match.group(1).strip().rstrip("-").splitlines())
            settings = yaml.load(
                header, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            )  # libyaml: faster
        except yaml.YAMLError:
            pass
    if not isinstance(settings, dict):
        raise LessonError(path, 1, "a question template must start with {#- bloom: ..., needs: ... -#}")
    bloom, needs = str(settings.get("bloom", "")), str(settings.get("needs", ""))
    if bloom not in BLOOM_LEVELS or needs not in _KINDS:
        raise LessonError(
            path,
            1,
            f"bloom must be one of {', '.join(BLOOM_LEVELS)} and needs one of "
            f"{', '.join(_KINDS)}; found bloom={bloom!r}, needs={needs!r}",
        )
    assert match is not None  # no settings without a header
    body = source[match.end() :].strip()
    from jinja2 import TemplateSyntaxError

    from lecturekit.layout.jinja import from_source

    try:
        compiled = from_source(_environment(), body, path.name, str(path))
    except TemplateSyntaxError as err:
        line = source[: match.end()].count("\n") + (err.lineno or 1)
        raise LessonError(path, line, f"the question template does not parse: {err.message}") from None
    return QuestionTemplate(path, bloom, needs, int(settings.get("order", 50)), body, compiled)


@cache
def _environment() -> SandboxedEnvironment:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from lecturekit.layout.jinja import QuietCache, cache_dir

    # Questions are plain text (escaped later by each writer); templates a course supplies are
    # untrusted code, so they run sandboxed. What they compile to is cached apart from
    # lecturekit's own templates (see lecturekit.layout.jinja).
    return SandboxedEnvironment(
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        bytecode_cache=QuietCache(str(cache_dir() / "questions")),
    )


_SPACES = re.compile(r"[ \t\r\n]+")


def render(template: QuestionTemplate, values: dict[str, object], warnings: list[Diagnostic]) -> str | None:
    """Return the question `template` makes of `values`, one line, or None (with a warning) when
    it fails or makes no question."""
    from jinja2 import TemplateError

    try:
        text = template.compiled.render(**values) if template.compiled else ""
    except TemplateError as err:
        warnings.append(Diagnostic(template.path, None, f"this question template failed: {err}"))
        return None
    text = " ".join(_SPACES.split(text.strip()))  # not a no-break space: French "«\u00a0x\u00a0»"
    if not text.endswith("?"):
        message = "this question template did not make a question ending in '?'"
        warnings.append(Diagnostic(template.path, None, message))
        return None
    return text
