"""Bad and real-world input: one clear message and exit 1, or a valid build; never a traceback.

"Valid" means the deck reopens with python-pptx and the PDF passes qpdf --check (the render and
corpus tests also convert decks with LibreOffice).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from lecturekit.cli import main
from lecturekit.pipeline.build import Options, build_article

from .helpers import FIXTURES, SEED

PIXEL = FIXTURES / "reader" / "pixel.png"


def run(tmp_path, capsys, *argv) -> tuple[int, str]:
    code = main(["build", *map(str, argv)])
    return code, capsys.readouterr().err


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def assert_valid(outputs: list[Path]) -> None:
    deck = Presentation(str(outputs[0]))
    assert len(deck.slides) >= 1
    check_pdf(outputs[1])


def check_pdf(path: Path) -> None:
    qpdf = shutil.which("qpdf")
    if qpdf:
        done = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout
    elif os.environ.get("CI"):
        pytest.fail("qpdf is required in CI")
    assert len(PdfReader(path).pages) >= 1


def all_text(outputs: list[Path]) -> tuple[str, str]:
    """Return the text of every slide (and notes) and of the handout."""
    deck = Presentation(str(outputs[0]))
    slides = []
    for slide in deck.slides:
        slides += [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        slides.append(slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "")
    handout = " ".join((page.extract_text() or "") for page in PdfReader(outputs[1]).pages)
    return "\n".join(slides), " ".join(handout.split())


# -- bad input: one clear message, exit 1, nothing written ---------------------------------------------------------

BAD = [
    ("empty file", "", None, "the article is empty"),
    ("only white space", "  \n\n\t\n", None, "the article is empty"),
    ("binary file", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), None, "binary file"),
    ("invalid UTF-8", b"## Caf\xc3\xa9\n\nna\xefve text\n", 3, "not valid UTF-8 (byte 12"),
    ("invalid YAML", "---\ntitle: [unclosed\ncourse: x\n---\nText.\n", 3, "front matter is not valid YAML"),
    ("title is a list", "---\ntitle: [1, 2]\n---\nText.\n", 2, "'title' must be text, not a list"),
    ("date is no date", "---\ndate: next week\n---\nText.\n", 2, "'date' must be a date written YYYY-MM-DD"),
    ("image not a picture", "## A\n\n![x](fake.png)\n", 3, "not a picture lecturekit can read"),
    ("image too large", "## A\n\n![x](huge.png)\n", 3, "over the limit of 40 megapixels"),
    ("image is SVG", "## A\n\n![x](drawing.svg)\n", 3, "SVG drawing"),
]


@pytest.mark.parametrize(("name", "content", "line", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_one_clear_message(tmp_path, capsys, name, content, line, message):
    folder = tmp_path / "course"
    write(folder / "fake.png", "this is text, not a picture")
    write(folder / "drawing.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    write(tmp_path / "outside.png", PIXEL.read_bytes())
    from PIL import Image

    Image.new("1", (8000, 6000)).save(folder / "huge.png")
    article = write(folder / "lecture.md", content)
    out = tmp_path / "out"
    code, err = run(tmp_path, capsys, article, "--out", out)
    assert code == 1
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) <= 2, err
    where = f"{article}:{line}: error: " if line else f"{article}: error: "
    assert err.startswith(where), err
    assert message in err
    assert not out.exists(), "nothing is written for bad input"


def test_missing_file_and_empty_folder(tmp_path, capsys):
    code, err = run(tmp_path, capsys, tmp_path / "nope.md", "--out", tmp_path / "out")
    assert (code, err.split(": error: ")[1].split("\n")[0]) == (1, "no such file")
    (tmp_path / "empty").mkdir()
    code, err = run(tmp_path, capsys, tmp_path / "empty")
    assert code == 1 and "no Markdown files (*.md) in this folder" in err


def test_size_limit_is_clear_and_configurable(tmp_path, capsys):
    article = write(tmp_path / "big.md", "## Big\n\n" + ("word " * 200 + "\n\n") * 10_500)  # about 10 MB
    code, err = run(tmp_path, capsys, article, "--out", tmp_path / "out")
    assert code == 1 and "over the 4.0 MB limit" in err and "--max-size" in err
    small = write(tmp_path / "small.md", "## Small\n\n" + "word " * 400)
    code, err = run(tmp_path, capsys, small, "--max-size", "0.001", "--out", tmp_path / "out")
    assert code == 1 and "over the 0.0 MB limit" in err


def test_a_bad_article_does_not_stop_the_others(tmp_path, capsys):
    write(tmp_path / "course" / "a.md", "## A\n\nFine.\n")
    write(tmp_path / "course" / "b.md", "---\ntitle: [1\n---\n")
    write(tmp_path / "course" / "c.md", "## C\n\nFine too.\n")
    code, err = run(tmp_path, capsys, tmp_path / "course", "--out", tmp_path / "out")
    assert code == 1
    assert "b.md:2: error" in err
    outputs = sorted(p.name for p in (tmp_path / "out").iterdir() if p.suffix != ".json")  # not the manifest
    assert outputs == [f"{a}{s}" for a in "ac" for s in ("-handout.html", "-handout.pdf", ".pptx")]


# -- awkward input: it builds, validly, with a warning where something was left out ---------------------------------


def build(tmp_path, markdown: str | bytes, name: str = "lecture.md"):
    article = write(tmp_path / name, markdown)
    result = build_article(article, Options(out=tmp_path / "out"))
    assert_valid(result.outputs)
    return result


def test_byte_order_mark_is_accepted(tmp_path):
    result = build(tmp_path, "\ufeff---\ntitle: With a BOM\n---\n## A\n\nText.\n".encode())
    assert Presentation(str(result.outputs[0])).core_properties.title == "With a BOM"


def test_alias_bomb_in_front_matter_is_bounded(tmp_path):
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, 12):
        prev = chr(ord("a") + n - 1)
        cur = chr(ord("a") + n)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    started = time.perf_counter()
    result = build(tmp_path, "---\ntitle: Bomb\n" + "\n".join(lines) + "\nextra: *l\n---\n## A\n\nText.\n")
    assert time.perf_counter() - started < 30
    assert any("unknown front-matter key" in str(w) for w in result.warnings)


def test_alias_bomb_where_a_list_is_expected_is_an_error_not_a_hang(tmp_path, capsys):
    article = write(
        tmp_path / "bomb.md", "---\nx: &x [a, a, a]\ny: &y [*x, *x, *x]\nquestions: [*y, *y]\n---\nText.\n"
    )
    code, err = run(tmp_path, capsys, article, "--out", tmp_path / "out")
    assert code == 1 and "'questions' must be a list of text items" in err


def test_no_headings_gives_one_section_and_headings_only_build(tmp_path):
    result = build(tmp_path, "Just a paragraph.\n\nAnd another one.\n", "plain.md")
    assert result.slides >= 3
    build(tmp_path, "# One\n## Two\n### Three\n## Four\n", "headings.md")


def test_a_fifty_thousand_character_paragraph(tmp_path):
    sentence = "The state approves every new venture in the zone after a long review of its plans. "
    paragraph = (sentence * 600)[:50_000]
    result = build(tmp_path, f"## Long\n\n{paragraph}\n")
    deck = Presentation(str(result.outputs[0]))
    slides = [s for s in deck.slides if s.shapes.title.text_frame.text.startswith("Long")]
    assert len(slides) <= 3  # a paragraph gives at most three slides' worth of bullets
    for slide in slides:
        body = next(s for s in slide.placeholders if s.placeholder_format.idx == 1)
        assert all(len(p.text.split()) <= 20 for p in body.text_frame.paragraphs)
        assert paragraph.strip() in slide.notes_slide.notes_text_frame.text


def test_a_two_thousand_character_word_is_broken_to_fit(tmp_path):
    url = "https://example.org/" + "a" * 2000
    result = build(tmp_path, f"## Link\n\nSee {url} for the data.\n\n- {url}\n")
    slides, handout = all_text(result.outputs)
    assert url in slides  # whole in the notes and the list item
    assert "See https://example.org/aaaaaaaaaa… for the data" in slides  # shortened in the bullet


def test_fifty_nested_list_levels(tmp_path):
    nested = "".join("  " * n + f"- level {n}\n" for n in range(50))
    result = build(tmp_path, f"## Deep\n\n{nested}")
    assert any("nested deeper than" in w.message for w in result.warnings)
    slides, handout = all_text(result.outputs)
    assert "level 49" in slides and "level 49" in handout
    assert any("flattened" in w.message and w.line == 19 for w in result.warnings)


def test_a_thirty_column_table(tmp_path):
    header = "|" + "|".join(f"c{n}" for n in range(30)) + "|"
    rule = "|" + "|".join("---" for _ in range(30)) + "|"
    row = "|" + "|".join(str(n * 7) for n in range(30)) + "|"
    result = build(tmp_path, f"## Wide\n\n{header}\n{rule}\n{row}\n{row}\n")
    slides, handout = all_text(result.outputs)
    assert "c29" in slides and "c29" in handout


def test_control_and_non_characters_are_shown_as_replacement_characters_with_a_warning(tmp_path):
    result = build(tmp_path, "## Odd\n\nBell\x07 and escape\x1b and \ufffe shown.\n")
    slides, handout = all_text(result.outputs)
    assert "Bell\ufffd and escape\ufffd and \ufffd shown" in slides
    assert any(w.line == 3 and "U+0007" in w.message and "U+FFFE" in w.message for w in result.warnings)


def test_a_nul_becomes_the_replacement_character_as_commonmark_says(tmp_path):
    result = build(tmp_path, "## Nul\n\nA stray\x00 NUL in real text.\n")
    slides, _ = all_text(result.outputs)
    assert "A stray\ufffd NUL in real text" in slides
    assert any(w.line == 3 and "U+0000" in w.message for w in result.warnings)


def test_vertical_tabs_and_form_feeds_are_white_space(tmp_path):
    result = build(tmp_path, "## Pages\n\nOne\x0cpage, one\x0bline.\n\x0c\n## Next\n\nMore.\n")
    slides, handout = all_text(result.outputs)
    assert "One page, one line" in slides and "One page, one line" in handout


def test_other_non_characters_are_valid_xml_and_kept(tmp_path):
    result = build(tmp_path, "## Rare\n\nKept \ufdd0 and \U0001fffe here.\n")
    slides, _ = all_text(result.outputs)
    assert "Kept \ufdd0 and \U0001fffe here" in slides


@pytest.mark.parametrize(
    ("encoding", "mark"),
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00")],
)
def test_a_byte_order_mark_names_the_encoding(tmp_path, encoding, mark):
    article = tmp_path / "bom.md"
    article.write_bytes(mark + "## Café\n\nNaïve text, in UTF-16 or 32.\n".encode(encoding))
    result = build_article(article, Options(out=tmp_path / "out"))
    slides, _ = all_text(result.outputs)
    assert "Naïve text, in UTF-16 or 32" in slides


@pytest.mark.parametrize(
    ("content", "hint"),
    [
        (bytes(range(32)) * 40, ""),
        ("## UTF-16 without its mark\n".encode("utf-16-le"), "UTF-16 without a byte-order mark"),
    ],
    ids=["control-bytes", "utf-16-without-mark"],
)
def test_text_that_is_mostly_control_characters_is_refused_as_binary(tmp_path, capsys, content, hint):
    article = write(tmp_path / "lecture.md", content)
    code, err = run(tmp_path, capsys, article, "--out", tmp_path / "out")
    assert code == 1 and "binary file, not Markdown text" in err and hint in err


def test_markup_in_the_text_is_shown_literally(tmp_path):
    text = "Use <script>alert(1)</script> & <font color=red>x</font> with {{ title }} and {% raw %} < 3."
    result = build(tmp_path, f"---\ntitle: A & B <b>c</b>\n---\n## Tags\n\n{text}\n")
    slides, handout = all_text(result.outputs)
    assert text in slides
    assert text in handout
    assert "A & B <b>c</b>" in handout


def test_raw_html_blocks_are_ignored_with_a_warning(tmp_path):
    result = build(tmp_path, "## A\n\n<div class='x'>\nhidden\n</div>\n\nShown.\n")
    slides, _ = all_text(result.outputs)
    assert "hidden" not in slides and "Shown" in slides
    assert any("raw HTML block ignored" in w.message and w.line == 3 for w in result.warnings)


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("See ![a map of the zone](missing.png).", "image 'missing.png' not found"),
        ("See ![a map of the zone](../outside.png).", "outside the article's folder"),
        ("See ![a map of the zone](/static/map.png).", "outside the article's folder"),
    ],
    ids=["missing", "outside", "site-path"],
)
def test_a_picture_that_cannot_be_shown_is_a_warning_and_named_in_the_notes(
    tmp_path, capsys, markdown, message
):
    write(tmp_path / "outside.png", PIXEL.read_bytes())
    folder = tmp_path / "course"
    article = write(folder / "lecture.md", f"## Maps\n\nThe zone is north of the capital. {markdown}\n")
    code, err = run(tmp_path, capsys, article, "--out", tmp_path / "out")
    assert code == 0
    assert f"{article}:3: warning: " in err and message in err
    slides, _ = all_text([tmp_path / "out" / "lecture.pptx", tmp_path / "out" / "lecture-handout.pdf"])
    assert "Picture: a map of the zone (" in slides


def test_strict_makes_a_warning_an_error_and_writes_nothing(tmp_path, capsys):
    article = write(
        tmp_path / "lecture.md", "## Maps\n\nThe zone is north of the capital. ![map](missing.png)\n"
    )
    code, err = run(tmp_path, capsys, article, "--out", tmp_path / "out", "--strict")
    assert code == 1
    assert err.startswith(f"{article}:3: error: image 'missing.png' not found")
    assert "--strict makes every warning an error" in err
    assert not (tmp_path / "out").exists()


def test_badges_are_left_out_with_a_warning(tmp_path, capsys):
    badges = (
        "[![Build Status](https://travis-ci.org/x/y.svg?branch=main)](https://travis-ci.org/x/y) "
        "![coverage](https://img.shields.io/codecov/c/github/x/y)"
    )
    article = write(tmp_path / "notes.md", f"# Notes\n\n{badges}\n\n## Tools\n\nLinters check code style.\n")
    code, err = run(tmp_path, capsys, article, "--out", tmp_path / "out")
    assert code == 0 and err.count("badge image") == 2
    slides, _ = all_text([tmp_path / "out" / "notes.pptx", tmp_path / "out" / "notes-handout.pdf"])
    assert "Build Status" not in slides and "[Image" not in slides


def test_remote_images_are_never_fetched(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the build tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = build(tmp_path, "## Remote\n\n![A chart of exports](https://example.org/chart.png)\n")
    slides, handout = all_text(result.outputs)
    assert "A chart of exports" in slides and "A chart of exports" in handout
    assert any("not fetched" in w.message for w in result.warnings)


def test_scripts_draw_from_shipped_fonts_and_uncovered_characters_are_named(tmp_path):
    import pdfplumber

    text = "서울 Αθήνα Москва Kraków שלום مرحبا"
    result = build(tmp_path, f"## Scripts\n\n{text} and a rocket 🚀.\n")
    assert any("🚀 (U+1F680)" in w.message and w.line == 3 for w in result.warnings)
    with pdfplumber.open(result.outputs[1]) as pdf:
        fonts = {c["text"]: c["fontname"].split("+")[-1] for p in pdf.pages for c in p.chars}
    assert fonts["서"] == "NanumGothic"
    assert fonts["Α"] == "Carlito" and fonts["М"] == "Carlito" and fonts["ó"] == "Carlito"
    assert fonts["ש"].startswith("NotoSansHebrew")
    assert any(f.startswith("NotoSansArabic") for f in fonts.values())
    deck = Presentation(str(result.outputs[0]))
    xml = "".join(s._element.xml for slide in deck.slides for s in slide.shapes if s.has_text_frame)
    assert 'lang="ko-KR"' in xml and '<a:ea typeface="NanumGothic"/>' in xml
    assert 'lang="he-IL"' in xml and '<a:cs typeface="Noto Sans Hebrew"/>' in xml


def test_a_document_with_nothing_to_show_still_builds(tmp_path):
    result = build(tmp_path, "[foo]: /url\n")
    assert any("no text to show" in w.message for w in result.warnings)


# -- nothing lost -----------------------------------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return the outputs in `folder` (a build that completes also records them in its manifest)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != ".lecturekit-manifest.json"}


def test_a_killed_build_leaves_the_previous_outputs_and_no_temporary_files(tmp_path):
    """SIGKILL a build at many moments; every time the old outputs stand and nothing else appears."""
    out = tmp_path / "out"
    build_article(SEED, Options(out=out))
    before = snapshot(out)
    article = write(
        tmp_path / "article.md", SEED.read_text(encoding="utf-8").replace("Introduction", "Opening")
    )
    command = [sys.executable, "-m", "lecturekit", "build", str(article), "--out", str(out), "-q"]
    for delay in (0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.5, 2.0):
        process = subprocess.Popen(command)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = snapshot(out)
        assert set(now) == set(before), f"after {delay} s: {sorted(now)}"
        for name, data in now.items():  # each output is wholly the old or wholly the new build
            assert data == before[name] or _complete(out / name), name


def _complete(path: Path) -> bool:
    if path.suffix == ".pptx":
        return len(Presentation(str(path)).slides) > 0
    if path.suffix == ".html":
        return path.read_bytes().rstrip().endswith(b"</html>")
    return len(PdfReader(path).pages) > 0


def _limited_file_size():
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


def test_a_full_disk_is_a_clear_error_and_the_previous_outputs_stay(tmp_path):
    out = tmp_path / "out"
    build_article(SEED, Options(out=out))
    before = snapshot(out)
    article = write(
        tmp_path / "article.md", SEED.read_text(encoding="utf-8").replace("Introduction", "Opening")
    )
    done = subprocess.run(
        [sys.executable, "-m", "lecturekit", "build", str(article), "--out", str(out)],
        capture_output=True,
        text=True,
        preexec_fn=_limited_file_size,
    )
    assert done.returncode == 1, done.stderr
    assert "writing the outputs failed" in done.stderr and "Traceback" not in done.stderr
    assert snapshot(out) == before


def test_an_unwritable_output_folder_is_a_clear_error(tmp_path, capsys, monkeypatch):
    out = tmp_path / "locked"
    build_article(SEED, Options(out=out))
    before = snapshot(out)
    if os.geteuid() == 0:
        # Root writes through any permission bits: make the folder refuse new files as it would
        # refuse anyone else.
        real_open, real_mkstemp = os.open, __import__("tempfile").mkstemp

        def refuse_open(path, flags, *args, **kwargs):
            if str(path) == str(out):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)

        def refuse_mkstemp(*args, dir=None, **kwargs):
            if str(dir) == str(out):
                raise PermissionError(13, "Permission denied", str(dir))
            return real_mkstemp(*args, dir=dir, **kwargs)

        monkeypatch.setattr(os, "open", refuse_open)
        monkeypatch.setattr("tempfile.mkstemp", refuse_mkstemp)
    else:
        out.chmod(0o555)
    try:
        code, err = run(tmp_path, capsys, SEED, "--out", out)
    finally:
        out.chmod(0o755)
    assert code == 1
    assert "Permission denied" in err and "Traceback" not in err
    assert snapshot(out) == before


def test_an_output_path_that_is_a_file_is_a_clear_error(tmp_path, capsys):
    blocker = write(tmp_path / "file", "not a folder")
    code, err = run(tmp_path, capsys, SEED, "--out", blocker / "out")
    assert code == 1 and "cannot create the output folder" in err


def test_the_build_writes_only_its_outputs(tmp_path):
    folder = tmp_path / "course"
    write(folder / "lecture.md", "## A\n\nText.\n")
    write(folder / "pixel.png", PIXEL.read_bytes())
    before = {p: p.stat().st_mtime_ns for p in folder.iterdir()}
    out = tmp_path / "out"
    write(out / "notes.txt", "a file of the lecturer's, left alone")
    build_article(folder / "lecture.md", Options(out=out))
    assert {p: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    assert sorted(p.name for p in out.iterdir()) == [
        "lecture-handout.html",
        "lecture-handout.pdf",
        "lecture.pptx",
        "notes.txt",
    ]


# -- same bytes every time --------------------------------------------------------------------------------------------


def digests(out: Path) -> dict[str, str]:
    """Return the hashes of the decks and handouts in `out` (the manifest names its own folder)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.iterdir())
        if p.suffix != ".json"
    }


def test_processes_build_the_same_bytes_with_and_without_compiled_templates(tmp_path):
    """Other hash seeds, and jinja2's bytecode cache empty (filled by the build), full (loaded),
    and unwritable (a file where its folder should be): the same bytes every time."""
    cache = tmp_path / "cache"
    (tmp_path / "blocked").write_text("not a folder")
    runs = {"1": cache, "2": cache, "3": tmp_path / "blocked"}
    for seed, cache_home in runs.items():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "lecturekit",
                "build",
                str(SEED),
                "--out",
                str(tmp_path / seed),
                "-q",
                "--instructor",
            ],
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(cache_home)},
        )
        if seed == "1":
            assert len(list((cache / "lecturekit" / "jinja2").glob("*.cache"))) >= 2
    assert digests(tmp_path / "1") == digests(tmp_path / "2") == digests(tmp_path / "3")


def test_source_date_epoch_dates_the_files(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = build_article(SEED, Options(out=tmp_path / "a"))
    build_article(SEED, Options(out=tmp_path / "b"))
    assert digests(tmp_path / "a") == digests(tmp_path / "b")
    deck = Presentation(str(result.outputs[0]))
    assert deck.core_properties.created.year == 2023
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert (
        Presentation(
            str(build_article(SEED, Options(out=tmp_path / "c")).outputs[0])
        ).core_properties.created.year
        == 2026
    )


def test_a_picture_in_a_list_item_at_a_page_end(tmp_path):
    """Found by hypothesis: a picture kept with its caption inside a list item near the foot of a
    page made reportlab split it into a frame break, which list items cannot hold."""
    from PIL import Image

    Image.new("RGB", (800, 600), (200, 30, 30)).save(tmp_path / "photo.png")
    for fillers in (8, 10, 12):
        markdown = (
            "## A\n\n"
            + "Filler paragraph text.\n\n" * fillers
            + '- item\n  - ![photo](photo.png "Caption")\n'
        )
        build(tmp_path, markdown, f"list-{fillers}.md")


def test_a_picture_in_a_quote_and_a_quote_longer_than_a_page(tmp_path):
    """Found by hypothesis: quotes were table cells, which cannot hold a picture or run over a page."""
    (tmp_path / "pixel.png").write_bytes(PIXEL.read_bytes())
    build(tmp_path, "> ![1](pixel.png)\n", "picture.md")
    result = build(
        tmp_path, "## Q\n\n> " + "A long quoted sentence goes on and on. " * 1500 + "\n", "long.md"
    )
    assert result.pages > 5
