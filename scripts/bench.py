"""Benchmark lecturekit; print one table of medians [min-max] and ratios against named peers.

Run through ./scripts/bench (it sets up .venv with pandoc from pypandoc-binary). Every figure
is measured in the same run, on the same machine, with runs of the two sides interleaved so
that a noisy machine weighs on both alike.

  1. cold build of source/article.md (a fresh process) against the floor: a script that only
     imports python-pptx and reportlab and writes an empty deck and an empty PDF;
  2. a course of 100 articles, deck and handout each, against pandoc writing only the 100
     decks, with the same number of processes at a time;
  3. a rebuild of that course with nothing changed, against the floor;
  4. one article at 1x, 10x and 100x the seed's length: time and peak memory;
  5. an in-process rebuild of the seed after an edit (what --watch does), against (1);
  6. key points of one "sentence" of 500, 5,000 and 50,000 words (a table flattened into
     text): time per word must stay flat, condensing is linear in the sentence's length;
  7. the worst inputs under the 4 MB limit (tests/worst.py: one line, one paragraph, one list
     item, one table cell, no spaces, a saved news page) at 1 MB and 4 MB: time and peak
     memory must grow no faster than the input, and stay under 1 GiB.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source" / "article.md"
PYTHON = sys.executable
LECTUREKIT = [PYTHON, "-m", "lecturekit"]
FLOOR = """
import sys
from pptx import Presentation
from reportlab.pdfgen.canvas import Canvas
Presentation().save(sys.argv[1] + "/empty.pptx")
canvas = Canvas(sys.argv[1] + "/empty.pdf")
canvas.showPage()
canvas.save()
"""


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7, help="runs of each single-process measurement")
    parser.add_argument("--course-runs", type=int, default=3, help="runs of each 100-article measurement")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="processes at a time for courses"
    )
    parser.add_argument(
        "--no-worst", action="store_true", help="leave out the worst inputs (7), a few minutes"
    )
    args = parser.parse_args()
    pandoc = _pandoc()
    cpu_before = _cpu_times()
    # Installed packages carry compiled bytecode; give lecturekit's own (editable) sources theirs too.
    subprocess.run(
        [
            PYTHON,
            "-m",
            "compileall",
            "-q",
            str(ROOT / "lecturekit"),
            str(ROOT / "deck"),
            str(ROOT / "handouts"),
        ],
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""},
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        floor_script = tmp / "floor.py"
        floor_script.write_text(FLOOR)
        (tmp / "floor").mkdir()

        # 1. cold build against the floor
        cold, floor = _interleaved(
            args.runs,
            lambda: _timed(
                [*LECTUREKIT, "build", str(SEED), "--out", str(tmp / "cold"), "-q", "--force"], env
            ),
            lambda: _timed([PYTHON, str(floor_script), str(tmp / "floor")], env),
        )
        rows.append(("1. cold build of the seed (deck + handout)", cold, "floor", floor, 1.5))

        # 2. a course of 100 articles against pandoc's 100 decks
        course = tmp / "course"
        make_course(course, 100)
        articles = sorted(course.rglob("*.md"))
        ours, theirs = _interleaved(
            args.course_runs,
            lambda: _timed(
                [
                    *LECTUREKIT,
                    "build",
                    str(course),
                    "--out",
                    str(tmp / "out"),
                    "-q",
                    "--force",
                    "-j",
                    str(args.jobs),
                ],
                env,
            ),
            lambda: _pandoc_course(pandoc, articles, tmp / "pandoc", args.jobs),
        )
        rows.append(
            (
                f"2. course of 100 articles, {args.jobs} at a time (200 files)",
                ours,
                "pandoc, 100 decks",
                theirs,
                1.0,
            )
        )

        # 3. a rebuild of that course with nothing changed, against the floor
        noop, floor3 = _interleaved(
            args.runs,
            lambda: _timed([*LECTUREKIT, "build", str(course), "--out", str(tmp / "out"), "-q"], env),
            lambda: _timed([PYTHON, str(floor_script), str(tmp / "floor")], env),
        )
        rows.append(("3. rebuild of the course, nothing changed", noop, "floor", floor3, 0.3))

        # 4. one article at 1x, 10x and 100x the seed
        scale = {}
        for factor in (1, 10, 100):
            article = tmp / f"seed-{factor}x.md"
            article.write_text(scaled_seed(factor), encoding="utf-8")
            words = len(re.findall(r"\S+", article.read_text(encoding="utf-8")))
            runs = [
                _timed_memory(
                    [*LECTUREKIT, "build", str(article), "--out", str(tmp / "scale"), "-q", "--force"], env
                )
                for _ in range(3 if factor < 100 else 2)
            ]
            seconds = [r[0] for r in runs]
            scale[factor] = (words, seconds, max(r[1] for r in runs))

        # 5. an in-process rebuild after an edit, against the cold build
        edit = _in_process_rebuild(tmp, args.runs, env)
        rows.append(("5. in-process rebuild of the seed after an edit", edit, "cold build (1)", cold, 0.3))

        long_text = _long_sentences(env)
        worst = _worst_inputs(tmp, env) if not args.no_worst else {}
    _print(rows, scale, args, _steal(cpu_before, _cpu_times()))
    _print_long(long_text)
    if worst:
        _print_worst(worst)
    return 0


WORST_SIZES = (1 << 20, 4 << 20)  # 1 MB and the 4 MB limit


def _worst_inputs(tmp: Path, env: dict) -> dict[str, dict[int, tuple[float, int]]]:
    """Return the seconds and peak memory (MB) of a build of each worst input, by its size."""
    sys.path.insert(0, str(ROOT))
    from tests.worst import worst_inputs

    found: dict[str, dict[int, tuple[float, int]]] = {}
    for size in WORST_SIZES:
        for name, text in worst_inputs(size).items():
            article = tmp / f"worst-{name.replace(' ', '-')}.md"
            article.write_text(text, encoding="utf-8")
            command = [*LECTUREKIT, "build", str(article), "--out", str(tmp / "worst"), "-q", "--force"]
            found.setdefault(name, {})[size] = _timed_memory(command, env)
    return found


def _print_worst(found: dict[str, dict[int, tuple[float, int]]]) -> None:
    small, large = WORST_SIZES
    print(
        "\n| 7. worst input | time at 1 MB | time at 4 MB | growth per byte | peak memory at 1 MB | at 4 MB |"
    )
    print("|---|---|---|---|---|---|")
    worst_growth, worst_memory = 0.0, 0
    for name, runs in found.items():
        (t1, m1), (t4, m4) = runs[small], runs[large]
        growth = (t4 / large) / (t1 / small)
        worst_growth, worst_memory = max(worst_growth, growth), max(worst_memory, m4)
        print(f"| {name} | {t1:.2f} s | {t4:.2f} s | {growth:.2f} | {m1} MB | {m4} MB |")
    print(
        f"\nworst time per byte at 4 MB / at 1 MB: {worst_growth:.2f} (target <= 1.5, linear: "
        f"{'met' if worst_growth <= 1.5 else 'not met'}); worst peak memory at 4 MB: {worst_memory} MB "
        f"(target < 1024 MB: {'met' if worst_memory < 1024 else 'not met'})"
    )


LONG_SENTENCE = """
import json, sys, time
try:
    from lecturekit.model.lesson import Span
    from lecturekit.language.keypoints import paragraph_points as points
except ImportError:  # an older lecturekit (flat modules), for comparing
    from lecturekit.lesson import Span
    from lecturekit.keypoints import paragraph_points as points
found = {}
for words in (500, 5000, 50000):
    text = " ".join(f"cell{n}," if n % 7 == 6 else f"value{n}" for n in range(words)) + "."
    best = None
    for run in range(3):
        started = time.perf_counter()
        points((Span(text + " " * run),))  # a new text each run: nothing cached
        seconds = time.perf_counter() - started
        best = seconds if best is None else min(best, seconds)
    found[words] = best
print(json.dumps(found))
"""


def _long_sentences(env: dict) -> dict[int, float]:
    """Return the seconds the key points of one long "sentence" take, by its number of words."""
    import json

    done = subprocess.run([PYTHON, "-c", LONG_SENTENCE], check=True, env=env, capture_output=True, text=True)
    return {int(k): v for k, v in json.loads(done.stdout).items()}


def _print_long(found: dict[int, float]) -> None:
    print("\n| 6. one sentence (a table flattened into text) | words | key points | time per 1000 words |")
    print("|---|---|---|---|")
    for words, seconds in found.items():
        print(f"| | {words} | {seconds * 1000:.1f} ms | {seconds / words * 1e6:.2f} ms |")
    growth = (found[50000] / 50000) / (found[500] / 500)
    print(
        f"\ntime per word at 50,000 / at 500 words: {growth:.2f} (target <= 1.5, linear: {'met' if growth <= 1.5 else 'not met'})"
    )


# -- measuring ---------------------------------------------------------------------------------------------------------


def _timed(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def _timed_memory(command: list[str], env: dict) -> tuple[float, int]:
    """Return the seconds and the peak memory (MB) of a build run in one process (no helpers)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env={**env, "LECTUREKIT_NO_HELPERS": "1"}, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"failed: {' '.join(command)}")
    return time.perf_counter() - started, usage.ru_maxrss // 1024


def _interleaved(runs: int, ours, theirs) -> tuple[list[float], list[float]]:
    ours(), theirs()  # one of each first, unmeasured: disk caches warm for both
    a, b = [], []
    for _ in range(runs):
        a.append(ours())
        b.append(theirs())
    return a, b


def _pandoc() -> str:
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        found = shutil.which("pandoc")
        if not found:
            raise SystemExit(
                "pandoc not found: ./scripts/bench installs pypandoc-binary into .venv"
            ) from None
        return found


def _pandoc_course(pandoc: str, articles: list[Path], out: Path, jobs: int) -> float:
    out.mkdir(exist_ok=True)
    started = time.perf_counter()

    def one(article: Path) -> None:
        target = out / f"{article.parent.name}-{article.stem}.pptx"
        subprocess.run([pandoc, str(article), "-o", str(target)], check=True)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, articles))
    return time.perf_counter() - started


def _in_process_rebuild(tmp: Path, runs: int, env: dict) -> list[float]:
    """Time, in one process, the rebuild of the seed after one of its paragraphs changed."""
    script = f"""
import sys, time
from pathlib import Path
from lecturekit.pipeline.build import build_article
from lecturekit.options import Options
article = Path({str(tmp / "edited.md")!r})
text = Path({str(SEED)!r}).read_text(encoding="utf-8")
article.write_text(text, encoding="utf-8")
options = Options(out=Path({str(tmp / "edited")!r}))
build_article(article, options)
for n in range({runs}):
    article.write_text(text.replace("little can grow", f"little can grow ({{n}})"), encoding="utf-8")
    started = time.perf_counter()
    build_article(article, options)
    print(time.perf_counter() - started)
"""
    done = subprocess.run([PYTHON, "-c", script], check=True, env=env, capture_output=True, text=True)
    return [float(line) for line in done.stdout.split()]


# -- inputs ------------------------------------------------------------------------------------------------------------


def scaled_seed(factor: int) -> str:
    """Return the seed article with its body repeated `factor` times, each part numbered."""
    text = SEED.read_text(encoding="utf-8")
    end = text.index("---", 3) + 3
    front, body = text[:end], text[end:]
    parts = [
        body.replace("## ", f"## Part {n}: ").replace("### ", f"### {n}. ") for n in range(1, factor + 1)
    ]
    return front + "\n" + "\n".join(parts)


def make_course(folder: Path, count: int) -> None:
    """Write `count` articles into week folders: half variations of the seed, half generated texts."""
    rng = random.Random(20261128)
    seed = SEED.read_text(encoding="utf-8")
    end = seed.index("---", 3) + 3
    paragraphs = [p for p in seed[end:].split("\n\n") if p.strip() and not p.startswith("#")]
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[.?])\s+", p) if len(s.split()) > 5]
    topics = [
        "Markets",
        "Institutions",
        "Technology",
        "Finance",
        "Trade",
        "Regulation",
        "Labour",
        "Innovation",
    ]
    (folder).mkdir(parents=True)
    (folder / "course.toml").write_text('course = "Benchmark Course"\nlecturer = "Dr A. N. Other"\n')
    for n in range(count):
        week = folder / f"week{n // 10 + 1:02d}"
        week.mkdir(exist_ok=True)
        if n % 2 == 0:
            body = seed.replace(
                "title: What It’s Like Having A Startup In North Korea",
                f'title: "Lecture {n + 1}: What It’s Like Having A Startup In North Korea"',
            )
            body_end = body.index("---", 3) + 3
            parts = body[body_end:].split("\n\n")
            rng.shuffle(parts)  # the same sections and paragraphs, in another order
            text = body[:body_end] + "\n\n" + "\n\n".join(p for p in parts if p.strip())
        else:
            lines = [f"---\ntitle: Lecture {n + 1} on {rng.choice(topics)}\nsource: Generated\n---\n"]
            for section in range(rng.randint(3, 5)):
                lines.append(f"## {rng.choice(topics)} and the state, part {section + 1}\n")
                for _ in range(rng.randint(2, 4)):
                    lines.append(" ".join(rng.sample(sentences, rng.randint(2, 4))) + "\n")
                if rng.random() < 0.4:
                    lines.append("\n".join(f"- {rng.choice(sentences)}" for _ in range(3)) + "\n")
                if rng.random() < 0.3:
                    lines.append(f"> {rng.choice(sentences)}\n> — A commentator\n")
            text = "\n".join(lines)
        (week / f"lecture{n + 1:03d}.md").write_text(text, encoding="utf-8")


# -- the table ---------------------------------------------------------------------------------------------------------


def _fmt(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} s [{min(values):.3f}-{max(values):.3f}]"


def _print(rows, scale, args, steal: float | None) -> None:
    print(f"lecturekit benchmark, {datetime.date.today().isoformat()}")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {_cpu()}, Python {platform.python_version()}"
    )
    if steal is not None:  # a virtual machine's CPU time taken by its neighbours: figures are noisier
        print(f"CPU time stolen by the hypervisor during the run: {steal:.0%}")
    print(f"medians [min-max] of {args.runs} runs ({args.course_runs} for courses); ratio = ours / peer\n")
    print("| measurement | lecturekit | peer | peer time | ratio | target | met |")
    print("|---|---|---|---|---|---|---|")
    for name, ours, peer, theirs, target in rows:
        ratio = statistics.median(ours) / statistics.median(theirs)
        met = "yes" if ratio <= target else "no"
        print(f"| {name} | {_fmt(ours)} | {peer} | {_fmt(theirs)} | {ratio:.2f} | <= {target} | {met} |")
    words10, seconds10, _ = scale[10]
    words100, seconds100, memory100 = scale[100]
    per10 = statistics.median(seconds10) / words10
    per100 = statistics.median(seconds100) / words100
    print("\n| 4. one article | words | time | time per 1000 words | peak memory |")
    print("|---|---|---|---|---|")
    for factor, (words, seconds, memory) in scale.items():
        per = statistics.median(seconds) / words * 1000
        print(f"| {factor}x the seed | {words} | {_fmt(seconds)} | {per:.3f} s | {memory} MB |")
    growth = per100 / per10
    print(
        f"\ntime per word at 100x / at 10x: {growth:.2f} (target <= 1.2: {'met' if growth <= 1.2 else 'not met'}); "
        f"peak memory at 100x: {memory100} MB (target < 500 MB: {'met' if memory100 < 500 else 'not met'})"
    )


def _cpu_times() -> list[int] | None:
    """Return the machine's CPU times (Linux /proc/stat: user, nice, system, idle, ..., steal)."""
    try:
        return [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None


def _steal(before: list[int] | None, after: list[int] | None) -> float | None:
    if not before or not after or len(before) < 8:
        return None
    delta = [b - a for a, b in zip(before[:8], after[:8], strict=True)]  # guest time is in user already
    return delta[7] / sum(delta) if sum(delta) else None


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    sys.exit(main())
