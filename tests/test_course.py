"""Course builds: a folder of generated articles, one of them broken; defaults, manifest, shards, watch."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from lecturekit.cli import main
from lecturekit.pipeline.course import find_jobs, shard

from .helpers import FIXTURES

ARTICLE = "---\ntitle: {title}\n---\n## Markets\n\nPrivate markets grew by {n}% in {year}.\n\n## The state\n\nThe state approves every venture.\n"


@pytest.fixture
def course(tmp_path) -> Path:
    """A course of six generated articles in two weeks (two share a name), one of them broken."""
    folder = tmp_path / "course"
    for week in ("week1", "week2"):
        (folder / week).mkdir(parents=True)
    for n, name in enumerate(("intro", "markets", "state")):
        (folder / "week1" / f"{name}.md").write_text(
            ARTICLE.format(title=f"Week 1 {name}", n=n, year=2000 + n)
        )
    (folder / "week2" / "intro.md").write_text(ARTICLE.format(title="Week 2 intro", n=7, year=2016))
    (folder / "week2" / "ventures.md").write_text(ARTICLE.format(title="Ventures", n=9, year=2011))
    (folder / "week2" / "broken.md").write_text("---\ntitle: [1, 2]\n---\nText.\n")
    (folder / "course.toml").write_text(
        'course = "Entrepreneurship and the State"\nlecturer = "Dr A. N. Other"\n'
    )
    return folder


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["build", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def outputs(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.suffix in (".pptx", ".pdf", ".html")
    }


def test_a_course_builds_every_article_into_its_own_place_and_reports_the_broken_one(
    course, tmp_path, capsys
):
    out = tmp_path / "out"
    code, stdout, err = run(capsys, course, "--out", out, "-j", "2")
    assert code == 1
    assert sorted(outputs(out)) == sorted(
        f"{week}/{name}{suffix}"
        for week, name in [
            ("week1", "intro"),
            ("week1", "markets"),
            ("week1", "state"),
            ("week2", "intro"),
            ("week2", "ventures"),
        ]
        for suffix in (".pptx", "-handout.pdf", "-handout.html")
    )
    assert "broken.md:2: error: front matter: 'title' must be text" in err
    assert "failed: " in err and "5 built, 1 failed" in err
    for line in ("article", "slides", "pages", "questions", "warnings", "time"):
        assert line in err  # the summary table
    assert len(stdout.split()) == 15  # the paths written


def test_course_toml_gives_defaults_that_front_matter_overrides(course, tmp_path, capsys):
    (course / "week1" / "markets.md").write_text(
        "---\ntitle: Own\ncourse: Its Own Course\n---\n## A\n\nText.\n"
    )
    run(capsys, course, "--out", tmp_path / "out")
    deck = Presentation(str(tmp_path / "out" / "week1" / "intro.pptx"))
    texts = " ".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    assert "Entrepreneurship and the State" in texts and "Dr A. N. Other" in texts
    own = Presentation(str(tmp_path / "out" / "week1" / "markets.pptx"))
    assert "Its Own Course" in " ".join(s.text_frame.text for s in own.slides[0].shapes if s.has_text_frame)


def test_course_toml_mistakes_are_named_with_their_line(course, tmp_path, capsys):
    (course / "course.toml").write_text('course = "A"\ncolour = "red"\nanswer_lines = "many"\n')
    code, _, err = run(capsys, course, "--out", tmp_path / "out")
    assert code == 1
    assert f"{course / 'course.toml'}:3: error: course setting: 'answer_lines' must be a whole number" in err


def test_unknown_course_settings_are_warned_about(course, tmp_path, capsys):
    (course / "course.toml").write_text('course = "A"\ncolour = "red"\n')
    (course / "week2" / "broken.md").unlink()
    code, _, err = run(capsys, course, "--out", tmp_path / "out")
    assert code == 0
    assert f"{course / 'course.toml'}:2: warning: unknown course setting 'colour'" in err


def test_nothing_is_rebuilt_twice_and_one_change_rebuilds_one_article(course, tmp_path, capsys):
    (course / "week2" / "broken.md").unlink()
    out = tmp_path / "out"
    assert run(capsys, course, "--out", out)[0] == 0
    first = {p: p.stat().st_mtime_ns for p in out.rglob("*.pptx")}
    code, stdout, err = run(capsys, course, "--out", out)
    assert code == 0 and stdout == "" and "5 articles are up to date" in err
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.pptx")} == first
    changed = course / "week1" / "markets.md"
    changed.write_text(changed.read_text().replace("grew", "shrank"))
    code, stdout, err = run(capsys, course, "--out", out)
    assert stdout.split() == [
        str(out / "week1" / f"markets{s}") for s in (".pptx", "-handout.pdf", "-handout.html")
    ]
    assert "4 articles are up to date" in err
    code, stdout, err = run(capsys, course, "--out", out, "--force")
    assert len(stdout.split()) == 15  # five articles, three files each


def test_touching_without_changing_rebuilds_nothing(course, tmp_path, capsys):
    (course / "week2" / "broken.md").unlink()
    run(capsys, course, "--out", tmp_path / "out")
    article = course / "week1" / "intro.md"
    os.utime(article, (time.time() + 10, time.time() + 10))
    assert run(capsys, course, "--out", tmp_path / "out")[1] == ""


@pytest.mark.parametrize(
    "change",
    ["course.toml", "image", "option", "deleted output"],
)
def test_what_an_output_depends_on_rebuilds_it(tmp_path, capsys, change):
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "course.toml").write_text('course = "A"\n')
    (folder / "pixel.png").write_bytes((FIXTURES / "reader" / "pixel.png").read_bytes())
    (folder / "lecture.md").write_text("## Figure\n\n![A dot](pixel.png)\n")
    out = tmp_path / "out"
    run(capsys, folder, "--out", out)
    extra = []
    if change == "course.toml":
        (folder / "course.toml").write_text('course = "B"\n')
    elif change == "image":
        from PIL import Image

        Image.new("RGB", (30, 30), (200, 0, 0)).save(folder / "pixel.png")
    elif change == "option":
        extra = ["--paper", "letter"]
    else:
        (out / "lecture-handout.pdf").unlink()
    code, stdout, _ = run(capsys, folder, "--out", out, *extra)
    assert code == 0 and stdout.split() == [
        str(out / f"lecture{s}") for s in (".pptx", "-handout.pdf", "-handout.html")
    ]


def test_a_rebuild_with_nothing_to_do_imports_neither_writer(course, tmp_path):
    (course / "week2" / "broken.md").unlink()
    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, "-m", "lecturekit", "build", str(course), "--out", str(out), "-q"], check=True
    )
    probe = (
        "import sys; from lecturekit.cli import main; code = main(['build', sys.argv[1], '--out', sys.argv[2], '-q']);"
        "heavy = [m for m in ('pptx', 'reportlab', 'markdown_it', 'jinja2') if m in sys.modules]; print(code, heavy)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(course), str(out)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "0 []"


def test_shards_split_a_course_into_disjoint_slices_that_cover_it(course, tmp_path):
    jobs = find_jobs([course], tmp_path / "out")
    slices = [shard(jobs, f"{i}/3") for i in (1, 2, 3)]
    names = [sorted(str(j.article) for j in s) for s in slices]
    assert sorted(sum(names, [])) == sorted(str(j.article) for j in jobs)
    assert all(len(n) == 2 for n in names)
    assert names == [
        sorted(str(j.article) for j in shard(find_jobs([course], tmp_path / "o"), f"{i}/3"))
        for i in (1, 2, 3)
    ]


def test_shard_builds_only_its_slice(course, tmp_path, capsys):
    (course / "week2" / "broken.md").unlink()
    run(capsys, course, "--out", tmp_path / "out", "--shard", "1/5")
    assert len(outputs(tmp_path / "out")) == 3  # one article: deck, handout, its web page


@pytest.mark.parametrize("argv", [["--shard", "0/2"], ["--shard", "3/2"], ["--shard", "x"], ["-j", "0"]])
def test_bad_course_usage_exits_2(argv, capsys):
    assert main(["build", *argv]) == 2


def test_check_reads_and_plans_everything_and_writes_nothing(course, tmp_path, capsys):
    out = tmp_path / "out"
    code, stdout, err = run(capsys, course, "--out", out, "--check")
    assert code == 1 and "broken.md:2: error" in err and "5 built, 1 failed" in err
    assert not out.exists()
    (course / "week2" / "broken.md").unlink()
    assert run(capsys, course, "--out", out, "--check")[0] == 0
    assert not out.exists()


def test_parallel_and_serial_builds_give_the_same_bytes(course, tmp_path, capsys):
    (course / "week2" / "broken.md").unlink()
    run(capsys, course, "--out", tmp_path / "serial", "-j", "1")
    run(capsys, course, "--out", tmp_path / "parallel", "-j", "2")
    digest = lambda folder: {k: hashlib.sha256(v).hexdigest() for k, v in outputs(folder).items()}  # noqa: E731
    assert digest(tmp_path / "serial") == digest(tmp_path / "parallel")


def test_watch_rebuilds_on_save_and_keeps_outputs_on_error(course, tmp_path):
    (course / "week2" / "broken.md").unlink()
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "lecturekit", "build", str(course / "week1"), "--out", str(out), "--watch"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deck = out / "markets.pptx"
    try:
        _wait_for(lambda: deck.exists())
        time.sleep(1.5)  # the watcher is running
        before = deck.stat().st_mtime_ns
        article = course / "week1" / "markets.md"
        article.write_text(article.read_text().replace("grew", "fell"))
        _wait_for(lambda: deck.stat().st_mtime_ns != before)
        built = deck.read_bytes()
        article.write_text("---\ntitle: [broken\n---\n")
        time.sleep(3)
        assert deck.read_bytes() == built  # the error is shown, the previous outputs stay
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0
    assert "markets.md:2: error: front matter is not valid YAML" in err


def _wait_for(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.2)


# -- --watch keeps one process alive: nothing it caches may outlive the file it came from ----------


@contextlib.contextmanager
def _watching(*argv):
    """Run `lecturekit build ... --watch` until the block ends; yield the process."""
    process = subprocess.Popen(
        [sys.executable, "-m", "lecturekit", "build", *map(str, argv), "--watch"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield process
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)


def _rebuilt(path: Path, change) -> None:
    """Make `change`, then wait until `path` is written again."""
    time.sleep(1.5)  # the watcher is running
    before = path.stat().st_mtime_ns
    change()
    _wait_for(lambda: path.stat().st_mtime_ns != before)


def _png(colour: tuple[int, int, int]) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_watch_embeds_a_replaced_picture_not_the_old_one(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "chart.png").write_bytes(_png((200, 0, 0)))
    (folder / "week.md").write_text("## Markets\n\nPrices rose.\n\n![A chart](chart.png)\n")
    deck = tmp_path / "out" / "week.pptx"
    with _watching(folder / "week.md", "--out", tmp_path / "out"):
        _wait_for(deck.exists)
        new = _png((0, 0, 200))
        _rebuilt(deck, lambda: (folder / "chart.png").write_bytes(new))
        with zipfile.ZipFile(deck) as package:
            media = [package.read(n) for n in package.namelist() if n.startswith("ppt/media/")]
    assert media == [new]


def test_watch_uses_an_edited_question_template(tmp_path):
    from lecturekit.questions.template_files import TEMPLATE_DIR

    templates = tmp_path / "questions"
    shutil.copytree(TEMPLATE_DIR, templates)
    article = tmp_path / "week.md"
    # "we": a text of what people do, whose subject (its title's) a student has met (the template's kind)
    article.write_text(ARTICLE.format(title="The state", n=3, year=2011) + "\nWe watch the state at work.\n")
    handout = tmp_path / "out" / "week-handout.pdf"
    topic = templates / "apply-topic.j2"
    with _watching(article, "--out", tmp_path / "out", "--questions-templates", templates):
        _wait_for(handout.exists)
        header, _, _ = topic.read_text().partition("-#}")
        _rebuilt(handout, lambda: topic.write_text(header + "-#}\nWhat would you ask about {{ topic }}?\n"))
        text = _pdf_text(handout)
    assert "What would you ask about" in text


def test_watch_reads_a_changed_course_toml_again(course, tmp_path):
    (course / "week2" / "broken.md").unlink()
    deck = tmp_path / "out" / "week1" / "intro.pptx"
    config = course / "course.toml"
    with _watching(course, "--out", tmp_path / "out"):
        _wait_for(deck.exists)
        _rebuilt(
            deck, lambda: config.write_text(config.read_text().replace("Dr A. N. Other", "Prof B. Y. Next"))
        )
        title_slide = Presentation(str(deck)).slides[0]
        text = " ".join(shape.text_frame.text for shape in title_slide.shapes if shape.has_text_frame)
    assert "Prof B. Y. Next" in text


def _pdf_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return " ".join(page.extract_text() or "" for page in pdf.pages)
