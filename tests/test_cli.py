"""The command line: what it prints and the exit codes course staff script against."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lecturekit.cli import main

from .helpers import ROOT, SEED

ARTICLE = "---\ntitle: A Small Lecture\n---\n## One\n\nFirst paragraph.\n\n## Two\n\nSecond paragraph?\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "small.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_build_prints_the_paths_it_wrote(article, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(article), "--out", str(out)]) == 0
    printed = capsys.readouterr().out.split()
    assert printed == [
        str(out / "small.pptx"),
        str(out / "small-handout.pdf"),
        str(out / "small-handout.html"),
    ]
    assert all(
        (out / name).stat().st_size > 0 for name in ("small.pptx", "small-handout.pdf", "small-handout.html")
    )


def test_quiet_prints_nothing(article, tmp_path, capsys):
    assert main(["build", "-q", str(article), "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr() == ("", "")


def test_verbose_reports_slides_and_time(article, tmp_path, capsys):
    assert main(["build", "-v", str(article), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert re.search(
        r"small.md: \d+ slides, \d+ handout pages?, \d+ questions?, \d+ warnings?, [\d.]+ s", err
    )


def test_default_builds_source_article_into_build(tmp_path, capsys, monkeypatch):
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "article.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 0
    assert (tmp_path / "build" / "article.pptx").is_file()
    assert (tmp_path / "build" / "article-handout.pdf").is_file()


def test_missing_file_is_one_clear_line_and_exit_1(tmp_path, capsys):
    missing = tmp_path / "nope.md"
    assert main(["build", str(missing), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{missing}: error: no such file")
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) <= 2


def test_bad_input_names_file_and_line(tmp_path, capsys):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: [1, 2]\n---\nText.\n", encoding="utf-8")
    assert main(["build", str(bad), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.startswith(f"{bad}:2: error: front matter: 'title' must be text")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "argv", [["build", "--no-such-option"], ["frobnicate"], ["build", "--max-size", "0"]]
)
def test_bad_usage_exits_2(argv, capsys):
    with pytest.raises(SystemExit) as exited:
        code = main(argv)
        raise SystemExit(code)
    assert exited.value.code == 2


def test_help_explains_itself(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["build", "--help"])
    assert exited.value.code == 0
    text = capsys.readouterr().out
    for words in ("ARTICLE.md", "--out", "--quiet", "--verbose", "exit codes"):
        assert words in text


def test_python_dash_m_works(article, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "lecturekit", "build", str(article), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # The command ends without Python's teardown: what it printed must be flushed first.
    assert [Path(line).name for line in done.stdout.splitlines()] == [
        "small.pptx",
        "small-handout.pdf",
        "small-handout.html",
    ]
    broken = subprocess.run(
        [sys.executable, "-m", "lecturekit", "build", str(tmp_path / "missing.md"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert broken.returncode == 1 and "missing.md" in broken.stderr


def test_a_profiler_still_gets_to_write_its_report(article, tmp_path):
    """The quick exit skips Python's teardown, but not under a profiler or coverage."""
    profile = tmp_path / "build.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "lecturekit", "build"]
    done = subprocess.run(
        [*command, str(article), "--out", str(tmp_path / "out"), "-q"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert profile.stat().st_size > 0


def test_scripts_build_forwards_its_arguments(article, tmp_path):
    """The README's build command, as a newcomer runs it, with an article and an output folder."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    done = subprocess.run(
        [str(ROOT / "scripts" / "build"), str(article), "--out", str(tmp_path / "elsewhere")],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "elsewhere" / "small.pptx").is_file()


# -- internal errors: a bug is reported as one, exit 3, with its traceback under --debug -------------


def _provoke_a_bug(monkeypatch, only_title: str | None = None) -> None:
    """Make the deck planner fail as a bug would (for every article, or one titled `only_title`)."""
    import lecturekit.deck.plan as plan

    original = plan.plan_deck

    def broken(lesson, *args, **kwargs):
        if only_title is None or lesson.meta.title == only_title:
            raise ZeroDivisionError("provoked by the test")
        return original(lesson, *args, **kwargs)

    monkeypatch.setattr(plan, "plan_deck", broken)


@pytest.mark.parametrize("helpers", [True, False], ids=["forked-helpers", "in-process"])
def test_an_internal_error_exits_3_and_says_it_is_a_bug(article, tmp_path, capsys, monkeypatch, helpers):
    if not helpers:
        monkeypatch.setenv("LECTUREKIT_NO_HELPERS", "1")
    _provoke_a_bug(monkeypatch)
    assert main(["build", str(article), "--out", str(tmp_path / "out")]) == 3
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError: provoked by the test" in err
    assert "bug in lecturekit" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out" / "small.pptx").exists()


@pytest.mark.parametrize("helpers", [True, False], ids=["forked-helpers", "in-process"])
def test_debug_prints_the_traceback_of_the_original_error(article, tmp_path, capsys, monkeypatch, helpers):
    if not helpers:
        monkeypatch.setenv("LECTUREKIT_NO_HELPERS", "1")
    _provoke_a_bug(monkeypatch)
    assert main(["build", str(article), "--out", str(tmp_path / "out"), "--debug"]) == 3
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert "in broken" in err and "ZeroDivisionError: provoked by the test" in err
    assert "make_deck" in err  # where it was called from, inside the build


def test_in_a_course_a_bug_wins_over_bad_input_and_the_rest_still_builds(tmp_path, capsys, monkeypatch):
    course = tmp_path / "course"
    course.mkdir()
    (course / "a-fine.md").write_text("## One\n\nFine text.\n", encoding="utf-8")
    (course / "b-buggy.md").write_text("---\ntitle: Buggy\n---\n## One\n\nText.\n", encoding="utf-8")
    (course / "c-bad.md").write_text("---\ndate: yesterday\n---\n## One\n\nText.\n", encoding="utf-8")
    _provoke_a_bug(monkeypatch, only_title="Buggy")
    out = tmp_path / "out"
    assert main(["build", str(course), "--out", str(out), "-j", "2"]) == 3
    err = capsys.readouterr().err
    assert "b-buggy.md: internal error: ZeroDivisionError" in err
    assert "c-bad.md:2: error:" in err
    assert (out / "a-fine.pptx").is_file()


def test_bad_input_still_exits_1_with_debug(tmp_path, capsys):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ndate: yesterday\n---\n## One\n\nText.\n", encoding="utf-8")
    assert main(["build", str(bad), "--out", str(tmp_path / "out"), "--debug"]) == 1
    assert "bad.md:2: error:" in capsys.readouterr().err
