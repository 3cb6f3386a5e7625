"""The course run: find the articles, give each its options, build what changed (one article
with forked helpers, a course in a pool of processes), keep the manifest, and watch for edits."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lecturekit.errors import EXIT_OK, InternalError, LessonError
from lecturekit.options import DEFAULT_ARTICLE
from lecturekit.pipeline.report import Report

if TYPE_CHECKING:
    from argparse import Namespace
    from collections.abc import Iterator

    from lecturekit.options import Options
    from lecturekit.pipeline.build import Result
    from lecturekit.pipeline.course import Job, Manifest
    from lecturekit.pipeline.prefork import Helpers

    Outcome = tuple[Job, Result | None, LessonError | InternalError | None]


def build(args: Namespace) -> int:
    """Build what the command line names (an article, or a course) and report it; return the
    exit code. With --watch, then rebuild whatever changes until interrupted."""
    from lecturekit.pipeline.course import Manifest, build_key

    jobs = _find(args)
    report = Report(args, len(jobs))
    options, problems = _job_options(jobs, args)
    report.configs(problems)
    failed = len(jobs) - len(options)
    runnable = list(options)

    if args.check:
        failed += _run(runnable, options, report, args, write=False)
        return report.finish(failed)

    manifest = Manifest(args.out)
    tool = manifest.tool_fingerprint()
    keys = {job: build_key(options[job], tool) for job in runnable}
    todo = [job for job in runnable if args.force or not manifest.up_to_date(job, keys[job])]
    report.up_to_date(len(runnable) - len(todo))
    failed += _run(todo, options, report, args, write=True, manifest=manifest, keys=keys)
    manifest.save()
    code = report.finish(failed)
    if args.watch:
        return _watch(args, options, manifest, tool)
    return code


def _find(args: Namespace) -> list[Job]:
    """Return the jobs the command line names: its articles and folders, sharded if asked."""
    from lecturekit.pipeline.course import find_jobs, shard

    jobs = find_jobs([_local(article, args) for article in args.articles] or [DEFAULT_ARTICLE], args.out)
    return shard(jobs, args.shard) if args.shard else jobs


def _local(article: str, args: Namespace) -> Path:
    """Return the file an article argument names: an address is fetched into OUT/fetched/ first,
    kept there as the page was (see lecturekit.importers.fetch)."""
    if article.startswith(("http://", "https://")):  # only then the network's modules are loaded
        from lecturekit.importers.fetch import fetch

        return fetch(article, args.out / "fetched", int(args.max_size * 1024 * 1024))
    return Path(article)


def _job_options(jobs: list[Job], args: Namespace) -> tuple[dict[Job, Options], list[object]]:
    """Return the options of each job whose course.toml is sound (the command line's over the
    course's), and what is wrong with the course.toml files: each is read once, now, so each
    mistake is reported once."""
    from lecturekit.options import HandoutOptions, Options
    from lecturekit.pipeline.course import CourseConfig, read_config

    base = Options(
        out=args.out,
        max_bytes=int(args.max_size * 1024 * 1024),
        handout=HandoutOptions(
            paper=args.paper,
            reading=not args.no_reading,
            answer_lines=args.answer_lines,
            instructor=args.instructor,
            html=not args.no_html,
        ),
        questions_templates=args.questions_templates,
        strict=args.strict,
        slides_pdf=args.slides_pdf,
        minutes=args.minutes,
        slides=int(args.slides) if args.slides and args.slides.isdigit() else args.slides,
    )
    configs: dict[Path | None, CourseConfig | LessonError] = {}
    options: dict[Job, Options] = {}
    problems: list[object] = []  # LessonErrors and warnings
    for job in jobs:
        if job.config not in configs:
            try:
                read = configs[job.config] = read_config(job.config)
                problems.extend(read.warnings)
            except LessonError as err:
                configs[job.config] = err
                problems.append(err)
        config = configs[job.config]
        if isinstance(config, LessonError):
            continue
        options[job] = base._replace(
            out=job.out,
            defaults=config.defaults,
            questions_templates=args.questions_templates or config.questions_templates,
            template=args.template or config.template,
        )
    return options, problems


def _run(
    jobs: list[Job],
    options: dict[Job, Options],
    report: Report,
    args: Namespace,
    write: bool,
    manifest: Manifest | None = None,
    keys: dict[Job, str] | None = None,
) -> int:
    """Build (or check) `jobs`, in parallel when there are several; return how many failed."""
    failed = 0
    workers = min(args.jobs or os.cpu_count() or 1, len(jobs))
    if len(jobs) == 1 and write and _can_fork() and not args.watch:
        # One article from cold: python-pptx and reportlab load in helpers while this process plans.
        outcomes: Iterator[Outcome] = iter([_build_with_helpers(jobs[0], options[jobs[0]])])
    elif workers <= 1:
        outcomes = (_build_one(job, options[job], write) for job in jobs)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        # fork starts workers at once, with what this process has imported already.
        context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        futures = [pool.submit(_build_one, job, options[job], write) for job in jobs]
        outcomes = (future.result() for future in as_completed(futures))
    try:
        for job, result, error in outcomes:
            if error is not None:
                failed += 1
                if manifest is not None:
                    manifest.forget(job)
                report.error(error, job)
                continue
            assert result is not None
            if manifest is not None and keys is not None:
                manifest.record(job, keys[job], result.dependencies, result.outputs)
            report.built(job, result)
    finally:
        if workers > 1:
            pool.shutdown(cancel_futures=True)
    return failed


def _can_fork() -> bool:
    return (
        hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and os.environ.get("LECTUREKIT_NO_HELPERS") is None
    )


def _build_with_helpers(job: Job, options: Options) -> Outcome:
    from lecturekit.pipeline.prefork import start_helpers

    helpers = start_helpers()
    try:
        return _build_one(job, options, True, helpers)
    finally:
        for helper in helpers:
            helper.cancel()


def _build_one(job: Job, options: Options, write: bool, helpers: Helpers | None = None) -> Outcome:
    """Build one article; return (job, result, None) or (job, None, the error). Runs in a worker."""
    from lecturekit.pipeline.build import build_article

    try:
        return job, build_article(job.article, options, write=write, helpers=helpers), None
    except LessonError as err:
        return job, None, err
    except Exception as err:  # a bug, but one article's bug must not stop the course
        return job, None, InternalError.from_exception(job.article, err)


def _watch(args: Namespace, options: dict[Job, Options], manifest: Manifest, tool: str) -> int:
    """Rebuild, in this process, whatever changes; until Ctrl-C.

    Each round starts from the files as they are now: the articles are found again and every
    course.toml is read again, so a changed setting, a new article or an edited question
    template takes effect at once. What is cached between rounds is keyed by content.
    """
    from watchfiles import watch

    from lecturekit.pipeline.course import build_key, forget_found_configs

    watched = _watched_folders(options)
    print(f"watching {', '.join(map(str, watched))} (Ctrl-C stops)", file=sys.stderr)
    args.jobs = 1  # in this process: modules and caches stay warm between rebuilds
    try:
        for changes in watch(*watched):
            changed = {Path(path).resolve() for _, path in changes}
            forget_found_configs()
            try:
                jobs = _find(args)
            except LessonError as err:  # the folder lost its last article
                print(err, file=sys.stderr)
                continue
            options, problems = _job_options(jobs, args)
            keys = {job: build_key(options[job], tool) for job in options}
            todo = [
                job
                for job in options
                if job.article.is_file()
                and (job.article.resolve() in changed or not manifest.up_to_date(job, keys[job]))
            ]
            settings_changed = any(path.suffix == ".toml" for path in changed)
            if not todo and not (settings_changed and problems):
                continue
            report = Report(args, len(todo))
            if settings_changed:  # else its mistakes were shown when it was saved
                report.configs(problems)
            failed = _run(todo, options, report, args, write=True, manifest=manifest, keys=keys)
            manifest.save()
            report.finish(failed)
    except KeyboardInterrupt:
        return EXIT_OK
    return EXIT_OK


def _watched_folders(options: dict[Job, Options]) -> list[Path]:
    """Return the folders to watch for `options`' jobs: the articles', their course.toml's and
    the question templates' (each once, and none inside another)."""
    folders = set()
    for job, option in options.items():
        folders.add(job.article.resolve().parent)
        for path in (job.config, option.template):
            if path is not None:
                folders.add(Path(path).resolve().parent)
        if option.questions_templates is not None:
            folders.add(Path(option.questions_templates).resolve())
    return sorted(f for f in folders if not any(f != g and f.is_relative_to(g) for g in folders))
