"""The command line: arguments, messages and exit codes. The only place that prints.

Exit codes: 0 built, 1 bad input (one clear message, no traceback), 2 bad usage, 3 internal error.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from . import __version__
from .lesson import LessonError

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
DEFAULT_ARTICLE = Path("source/article.md")

DESCRIPTION = """\
Turn a lecture article in Markdown into a PowerPoint deck a lecturer can present as it is
(short bullets on the slides, the full text in the speaker notes) and a printable PDF handout."""

BUILD_EPILOG = """\
examples:
  lecturekit build                          source/article.md -> build/article.pptx, build/article-handout.pdf
  lecturekit build notes/week1.md --out out build another article into out/

exit codes: 0 built, 1 bad input (the message says what, where and what to do),
            2 bad usage, 3 internal error (please report it, with --debug output)"""


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="lecturekit", description=DESCRIPTION)
    top.add_argument("--version", action="version", version=f"lecturekit {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser(
        "build",
        help="build the deck and the handout of one or more articles",
        description="Build the deck (.pptx) and the handout (.pdf) of each article.",
        epilog=BUILD_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
        help="also write ARTICLE-instructor.pdf: each question with its Bloom level and its source sentences",
    )
    build.add_argument(
        "--questions-templates",
        type=Path,
        metavar="DIR",
        help="question templates to use instead of the built-in ones (see lecturekit/questions/README.md)",
    )
    build.add_argument(
        "--max-size",
        type=float,
        default=4.0,
        metavar="MB",
        help="refuse articles larger than this (default: 4 MB)",
    )
    noise = build.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    noise.add_argument(
        "-v", "--verbose", action="store_true", help="also print what each build made and its time"
    )
    build.add_argument("--debug", action="store_true", help="show the Python traceback of an error")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command is None:
        parser().print_help()
        return EXIT_USAGE
    if args.max_size <= 0:
        print("lecturekit: error: --max-size must be a positive number of MB", file=sys.stderr)
        return EXIT_USAGE
    if args.answer_lines is not None and not 0 <= args.answer_lines <= 40:
        print("lecturekit: error: --answer-lines must be from 0 to 40", file=sys.stderr)
        return EXIT_USAGE
    try:
        return _build(args)
    except LessonError as err:
        if args.debug:
            raise
        print(err, file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("lecturekit: interrupted; previous outputs are untouched", file=sys.stderr)
        return 130
    except Exception as err:  # a bug: say so plainly, the traceback only on request
        if args.debug:
            raise
        print(f"lecturekit: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        print("  This is a bug in lecturekit. Run again with --debug and report the output.", file=sys.stderr)
        return EXIT_INTERNAL


def _build(args) -> int:
    from .build import Options, build_article, find_jobs
    from .handouts.plan import HandoutOptions

    handout = HandoutOptions(
        paper=args.paper,
        reading=not args.no_reading,
        answer_lines=args.answer_lines,
        instructor=args.instructor,
    )
    options = Options(
        out=args.out,
        max_bytes=int(args.max_size * 1024 * 1024),
        handout=handout,
        questions_templates=args.questions_templates,
    )
    failed = 0
    for job in find_jobs(args.articles or [DEFAULT_ARTICLE], args.out):
        try:
            result = build_article(job.article, replace(options, out=job.out))
        except LessonError as err:  # one bad article does not stop the others
            if args.debug:
                raise
            print(err, file=sys.stderr)
            failed += 1
            continue
        if not args.quiet:
            for warning in result.warnings:
                print(warning, file=sys.stderr)
            for path in result.outputs:
                print(path)
        if args.verbose:
            print(
                f"{job.article}: {result.slides} slides, {result.pages} handout pages, "
                f"{result.questions} questions in {result.seconds:.2f} s",
                file=sys.stderr,
            )
    return EXIT_INPUT if failed else EXIT_OK
