"""The command line: its arguments, usage errors and exit codes; the build itself is lecturekit.pipeline.run,
what it prints lecturekit.pipeline.report (with this module, the only places that print).

Exit codes: 0 built (or nothing to do), 1 bad input in at least one article (one clear message
each, no traceback), 2 bad usage, 3 internal error (a bug, in any article: it wins over 1).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from lecturekit import __version__
from lecturekit.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, LessonError
from lecturekit.options import DEFAULT_ARTICLE

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
        metavar="ARTICLE.md",
        help="articles (Markdown, or .txt, .html, .docx, .pdf, or an http(s):// address, fetched into"
        f" OUT/fetched/), or folders of Markdown articles, to build (default: {DEFAULT_ARTICLE})",
    )
    build.add_argument(
        "-o",
        "--out",
        type=Path,
        default=Path("build"),
        metavar="DIR",
        help="folder for the outputs (default: build)",
    )
    deck = build.add_argument_group("deck")
    deck.add_argument(
        "--minutes",
        type=int,
        metavar="N",
        help="the lecture's length: its content slides are chosen to fit (default: the article's"
        " 'minutes:'; without it or --slides, every claim is shown)",
    )
    deck.add_argument(
        "--slides",
        metavar="N|all",
        help="how many content slides the lecture has, or all: every claim (default: the article's 'slides:')",
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
    bring = commands.add_parser(
        "import",
        help="turn a text, saved web page, Word file or PDF into the Markdown a build reads",
        description="Write the Markdown (with front matter) that lecturekit builds from SOURCE, to edit"
        " and keep, and print what it inferred: the title, source, author, date, the headings found"
        " and what was left out as page furniture, each with the line it came from.",
        formatter_class=_Formatter,
    )
    bring.add_argument(
        "source", metavar="SOURCE", help="a .txt, .html/.htm, .docx or .pdf file, or an http(s):// address"
    )
    bring.add_argument(
        "-o",
        "--out",
        type=Path,
        metavar="ARTICLE.md",
        help="where to write the Markdown (default: standard output); a Word file's pictures go"
        " beside it, in ARTICLE-pictures/",
    )
    bring.add_argument(
        "--max-size",
        type=float,
        default=4.0,
        metavar="MB",
        help="refuse files larger than this (default: 4 MB)",
    )
    bring.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
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
    stats = commands.add_parser(
        "stats",
        help="measure how presentable decks are, against the articles they were made from",
        description="Print each deck's quality figures: ceremony, full slides, facts on screen, cut or"
        " dangling bullets, bullets that change their sentence (see the README's quality targets).",
        formatter_class=_Formatter,
    )
    stats.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="ARTICLE DECK",
        help="pairs: an article (.md) and its deck (.pptx)",
    )
    stats.add_argument(
        "--plans",
        type=Path,
        metavar="DIR",
        help="a folder of lecturers' plans (NAME.txt for NAME.md): slide count and key points to compare",
    )
    stats.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
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
    if args.command == "stats":
        return _stats(args)
    if args.command == "import":
        return _import(args)
    problem = _usage_problem(args)
    if problem:
        print(f"lecturekit: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        from lecturekit.pipeline.run import build

        return build(args)
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


def _preview(args: argparse.Namespace) -> int:
    from lecturekit.pipeline.preview import preview

    failed = 0
    for path in args.files:
        try:
            for picture in preview(path, args.out / path.stem.replace(".", "-"), args.dpi):
                print(picture)
        except LessonError as err:
            print(err, file=sys.stderr)
            failed += 1
    return EXIT_INPUT if failed else EXIT_OK


def _import(args: argparse.Namespace) -> int:
    import tempfile

    from lecturekit.importers import import_file, imports
    from lecturekit.importers.fetch import fetch, is_address
    from lecturekit.pipeline.build import atomic_outputs, picture_cache

    out, limit = args.out, int(args.max_size * 1024 * 1024)
    pictures = out.with_name(f"{out.stem}-pictures") if out else picture_cache()
    try:
        with tempfile.TemporaryDirectory() as fetched:
            source = (
                fetch(args.source, Path(fetched), limit) if is_address(args.source) else Path(args.source)
            )
            if not imports(source):
                print(
                    f"{source}: error: lecturekit imports .txt, .html, .htm, .docx and .pdf files",
                    file=sys.stderr,
                )
                return EXIT_USAGE
            imported = import_file(source, limit, pictures, out.parent if out else None)
    except LessonError as err:
        if args.debug:
            _print_traceback(err)
        print(err, file=sys.stderr)
        return EXIT_INPUT
    for finding in imported.found:
        print(f"{args.source}: {finding}", file=sys.stderr)
    if out is None:
        sys.stdout.write(imported.markdown)
        return EXIT_OK
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_outputs([out]) as (file,):
        file.write(imported.markdown.encode("utf-8"))
    print(out)
    return EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    from lecturekit.stats.deckstats import main as print_stats

    if len(args.files) % 2:
        print(
            "lecturekit: error: stats takes pairs: ARTICLE.md DECK.pptx [ARTICLE.md DECK.pptx ...]",
            file=sys.stderr,
        )
        return EXIT_USAGE
    missing = next((path for path in args.files if not path.is_file()), None)
    if missing is not None:
        print(f"{missing}: error: no such file", file=sys.stderr)
        return EXIT_INPUT
    try:
        return print_stats([str(path) for path in args.files], args.plans)
    except LessonError as err:
        print(err, file=sys.stderr)
        return EXIT_INPUT


def _usage_problem(args: argparse.Namespace) -> str:
    if args.max_size <= 0:
        return "--max-size must be a positive number of MB"
    if args.minutes is not None and not 5 <= args.minutes <= 300:
        return "--minutes must be from 5 to 300"
    if (
        args.slides is not None
        and args.slides != "all"
        and not (args.slides.isdigit() and 1 <= int(args.slides) <= 200)
    ):
        return "--slides must be a number of content slides from 1 to 200, or all"
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
