"""Score lecture decks of research papers against the slides the papers' own authors made.

The set is SciDuet's ACL part (Sun et al., "D2S: Document-to-Slide Generation Via Query-Based
Text Summarization", NAACL 2021; github.com/IBM/document2slides, Apache-2.0): ACL Anthology
papers as GROBID read them, with the text of the slides their authors uploaded.

    scripts/paper-bench prepare SCIDUET_ACL_DIR DATA   # once: papers as Markdown, slides as text
    scripts/paper-bench score DATA                     # build each deck and score it

`prepare` reads SciDuet-ACL/ (paper_jsons/, slides_w_images.json, train-test-split/) from a
checkout of that repository and writes DATA/papers/ID.md (title, abstract, a "##" heading per
section: GROBID keeps no paragraphs, so a section is one paragraph) and DATA/slides/ID.txt (the
authors' slide text, titles included, footers repeated on most slides left out). It takes the
first COUNT papers of 3,000 to 6,000 words, test split first, that cite work of 2016 or later
(so that they are CC BY 4.0 in the Anthology) and whose section headings are all found in the text.

`score` builds each paper's deck as `lecturekit build` does (a 50-minute lecture) and measures
ROUGE-1 F (the rouge-score package, Porter stemming) of the words on its content slides, titles
included, against the authors' slides; and the same of the baseline the issue set (the first
sentence of each paragraph, cut to 14 words) and of that baseline made as long as the deck.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

COUNT = 40
WORDS = (3000, 6000)
BASELINE_WORDS = 14


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text or "")).strip()


def _sections(paper: dict) -> tuple[str, list[tuple[int, str]]] | None:
    """Return the paper's text and where each section heading starts in it, or None when one is
    not found. SciDuet's sentence indices of headings drift, so each heading's own words are found
    near where it says."""
    sentences = [_norm(t["string"]) for t in paper["text"]]
    offsets, at = [], 0
    for sentence in sentences:
        offsets.append(at)
        at += len(sentence) + 1
    text = " ".join(sentences)
    found, floor = [], 0
    for header in paper["headers"]:
        title = _norm(header["section"])
        first = min(header["start"], len(sentences) - 1)
        last = min(len(sentences) - 1, max(header["end"], header["start"]) + 4)
        low = max(floor, offsets[max(0, first - 4)])
        high = offsets[last] + len(sentences[last])
        places = [m.start() + low for m in re.finditer(re.escape(title), text[low:high])] if title else []
        if not places:
            return None
        place = min(places, key=lambda p: abs(p - offsets[first]))
        found.append((place, title))
        floor = place + len(title)
    return text, found


def _paper(paper: dict) -> str | None:
    located = _sections(paper)
    if located is None:
        return None
    text, found = located
    if found and text[: found[0][0]].strip():
        return None  # text before the first heading: the boundaries are not to be trusted
    lines = [f"# {_norm(paper['title'])}", ""]
    if _norm(paper.get("abstract")):
        lines += ["## Abstract", "", _norm(paper["abstract"]), ""]
    for k, (place, title) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(text)
        lines += [f"## {title}", "", text[place + len(title) : end].strip(), ""]
    return "\n".join(lines).rstrip() + "\n"


def _slides(deck: dict) -> str:
    slides = [deck["slides"][k] for k in sorted(deck["slides"], key=int)]
    seen: Counter[str] = Counter()
    for slide in slides:
        seen.update({re.sub(r"\d+", "#", _norm(x)).lower() for x in slide["text"] if _norm(x)})
    footers = {line for line, n in seen.items() if n >= 3 and n >= 0.4 * len(slides)}
    blocks = []
    for slide in slides:
        lines = [_norm(slide.get("title"))] + [
            _norm(x)
            for x in slide["text"]
            if _norm(x) and re.sub(r"\d+", "#", _norm(x)).lower() not in footers
        ]
        if any(lines):
            blocks.append("\n".join(line for line in lines if line))
    return "\n---\n".join(blocks) + "\n"


def prepare(source: Path, data: Path, count: int) -> None:
    decks = json.loads((source / "slides_w_images.json").read_text(encoding="utf-8"))
    split = {}
    for name in ("test", "val", "train"):
        for line in (source / "train-test-split" / f"{name}.txt").read_text().split():
            split[line] = name
    order = {"test": 0, "val": 1, "train": 2}
    chosen = []
    for key in sorted(decks, key=lambda k: (order.get(split.get(k, "train"), 3), int(k))):
        paper = json.loads((source / "paper_jsons" / f"{key}.json").read_text(encoding="utf-8"))
        body = " ".join(t["string"] for t in paper["text"])
        years = [int(y) for y in re.findall(r"(?<![\d.])((?:19|20)\d\d)[a-z]?(?!\d)", body) if int(y) <= 2021]
        markdown = _paper(paper) if years and max(years) >= 2016 and len(paper["headers"]) >= 4 else None
        if markdown is None:
            continue
        words = sum(len(line.split()) for line in markdown.splitlines() if not line.startswith("#"))
        slides = _slides(decks[key])
        if not WORDS[0] <= words <= WORDS[1] or slides.count("\n---\n") < 7 or len(slides.split()) < 250:
            continue
        (data / "papers").mkdir(parents=True, exist_ok=True)
        (data / "slides").mkdir(parents=True, exist_ok=True)
        (data / "papers" / f"{key}.md").write_text(markdown, encoding="utf-8")
        (data / "slides" / f"{key}.txt").write_text(slides, encoding="utf-8")
        chosen.append(key)
        if len(chosen) == count:
            break
    print(f"{len(chosen)} papers with their authors' slides in {data}")


def _paragraphs(markdown: str) -> list[list[str]]:
    """Return each paragraph of the paper as its sentences, each cut to BASELINE_WORDS words (a
    paragraph with no sentence end is one sentence)."""
    from lecturekit.model.text import sentences

    found = []
    for block in markdown.split("\n\n"):
        block = block.strip()
        if block and not block.startswith("#"):
            spans = sentences(block) or [(0, len(block))]
            found.append([" ".join(block[a:b].split()[:BASELINE_WORDS]) for a, b in spans])
    return found


def _baseline(markdown: str) -> str:
    """The first sentence of each paragraph, cut to BASELINE_WORDS words."""
    return "\n".join(paragraph[0] for paragraph in _paragraphs(markdown))


def _lead(markdown: str, words: int) -> str:
    """Sentences of the paper as many words long as `words`, cut to BASELINE_WORDS each: the first
    of every paragraph, then the second, and so on (the baseline above, made as long as the deck)."""
    paragraphs = _paragraphs(markdown)
    found: list[str] = []
    for rank in range(max(map(len, paragraphs), default=0)):
        for paragraph in paragraphs:
            if rank < len(paragraph) and sum(len(s.split()) for s in found) < words:
                found.append(paragraph[rank])
    return "\n".join(found)


def score(data: Path) -> None:
    from rouge_score import rouge_scorer

    from lecturekit.options import Options
    from lecturekit.pipeline.build import build_article
    from lecturekit.stats.deckstats import read_slides

    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    rows = []
    with tempfile.TemporaryDirectory() as out:
        for paper in sorted((data / "papers").glob("*.md"), key=lambda p: int(p.stem)):
            authors = (
                (data / "slides" / f"{paper.stem}.txt").read_text(encoding="utf-8").replace("\n---\n", "\n")
            )
            markdown = paper.read_text(encoding="utf-8")
            deck = build_article(paper, Options(out=Path(out))).outputs[0]
            content = [s for s in read_slides(deck) if s.kind not in ("title", "section", "ceremony")]
            shown = "\n".join(s.text for s in content)
            ours = scorer.score(authors, shown)["rouge1"].fmeasure
            base = scorer.score(authors, _baseline(markdown))["rouge1"].fmeasure
            lead = scorer.score(authors, _lead(markdown, len(shown.split())))["rouge1"].fmeasure
            words = sum(len(line.split()) for line in markdown.splitlines() if not line.startswith("#"))
            shown_words = len(shown.split())
            rows.append(
                (paper.stem, words, len(content), shown_words, len(authors.split()), ours, base, lead)
            )
    print(
        "| paper | words | content slides | words on slides | authors' words | ROUGE-1 F "
        "| first sentences | first sentences, as long |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for key, *counts, ours, base, lead in rows:
        shown = " | ".join(str(c) for c in counts)
        print(f"| {key} | {shown} | {100 * ours:.1f} | {100 * base:.1f} | {100 * lead:.1f} |")
    mean = [statistics.mean(column) for column in list(zip(*rows, strict=True))[1:]]
    print(
        f"| mean of {len(rows)} | {mean[0]:.0f} | {mean[1]:.1f} | {mean[2]:.0f} | {mean[3]:.0f} "
        f"| {100 * mean[4]:.1f} | {100 * mean[5]:.1f} | {100 * mean[6]:.1f} |"
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("prepare", help="convert SciDuet-ACL into papers and slides")
    made.add_argument("source", type=Path, help="the SciDuet-ACL folder of IBM/document2slides")
    made.add_argument("data", type=Path)
    made.add_argument("--count", type=int, default=COUNT)
    scored = commands.add_parser("score", help="build and score a deck for each paper")
    scored.add_argument("data", type=Path)
    args = parser.parse_args(argv)
    if args.command == "prepare":
        prepare(args.source, args.data, args.count)
    else:
        score(args.data)


if __name__ == "__main__":
    main(sys.argv[1:])
