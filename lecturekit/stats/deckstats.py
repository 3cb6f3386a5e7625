"""How presentable a deck is, measured on the real .pptx against the article it was made from.

    python -m lecturekit.stats.deckstats ARTICLE.md DECK.pptx [ARTICLE.md DECK.pptx ...]
    (or ./scripts/deckstats)

The figures are the deck's quality targets (see the README): how much of the deck is ceremony,
how full the content slides are, how many of the article's figures, years and names reach a
slide, and whether any bullet cuts, dangles or changes its sentence. The tests assert them on
the seed and on the fixture articles; course staff can run it on their own.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lecturekit.language.condense.dropping import CITATION_KEY
from lecturekit.language.keypoints import LONG_WORD, is_back_matter
from lecturekit.layout.furniture import CEREMONY, without_continued
from lecturekit.lexicon.english import SELF_NOUNS
from lecturekit.model.lesson import Lesson, paragraphs, plain
from lecturekit.model.text import bracketed, core, sentences

PRONOUNS = frozenset("it its this these those they them their such he she his her that".split())
# Words whose loss changes what a clause says: negation, modality, condition, quantity.
PROTECTED = frozenset(
    """not no never nor neither none nobody nothing nowhere cannot can't don't doesn't isn't aren't
    wasn't weren't won't wouldn't shouldn't mustn't without must may might should shall can could
    would will need required requires require only unless if except until most few many all every
    each some several minority majority""".split()
)
_WORD = re.compile(
    r"[(\[]*[\"“‘']?[\w’'%.-]+[!?]*[\"”’']?[)\]]*[,;:]?|[—–]"
)  # brackets and a clause-ending mark stay on their word; a dash is a word: it ends a clause
_FIGURE = re.compile(r"\d")


@dataclass
class Bullet:
    text: str
    level: int


@dataclass
class Slide:
    number: int
    title: str
    kind: str  # title | section | ceremony | bullets | statement | picture | table | code | quote
    bullets: list[Bullet] = field(default_factory=list)
    text: str = ""  # everything the slide shows


@dataclass
class Stats:
    article: str
    slides: int
    ceremony: int  # slides that carry no article text
    content: int  # slides that do
    lonely: int  # bullet slides showing a single bullet
    bullets: int  # on bullet slides (sub-bullets included)
    facts: int  # figures, years and names in the article's paragraphs
    facts_shown: int
    ellipses: int
    lead_ins: int  # bullets that are a bare lead-in (ending in ":" with nothing under them)
    pronouns: int  # bullets opening with a pronoun whose referent is not on the slide
    changed: list[str]  # bullets whose words are not, in order, in a sentence of the article
    dropped: list[str]  # bullets that keep a clause but drop its negation, modal or condition
    parts: int  # sections of the lecture
    missing_facts: list[str] = field(default_factory=list)

    @property
    def bullets_per_slide(self) -> float:
        shown = self.bullet_slides
        return self.bullets / shown if shown else 0.0

    bullet_slides: int = 0

    def row(self) -> list[str]:
        def pct(n: int, d: int) -> str:
            return f"{100 * n / d:.0f}%" if d else "-"

        return [
            self.article,
            str(self.slides),
            pct(self.ceremony, self.slides),
            f"{self.lonely} ({pct(self.lonely, self.content)})",
            f"{self.bullets_per_slide:.1f}",
            pct(self.facts_shown, self.facts),
            pct(self.ellipses, self.bullets),
            str(self.lead_ins),
            str(self.pronouns),
            str(len(self.changed) + len(self.dropped)),
            str(self.parts),
        ]


HEADER = [
    "article",
    "slides",
    "no article text",
    "1-bullet slides",
    "bullets/slide",
    "facts shown",
    "ellipses",
    "bare lead-ins",
    "dangling pronouns",
    "meaning changed",
    "parts",
]


def deck_stats(article: Path, deck: Path) -> Stats:
    """Return the figures of `deck`, made from `article`."""
    from lecturekit.language.segment import segment
    from lecturekit.model.reader import read_article

    lesson = segment(read_article(article))
    slides = read_slides(deck)
    units = source_units(lesson)
    shown = " ".join(s.text for s in slides)
    facts = sorted(_facts(lesson))
    shown_words = _norm(shown)
    missing = [f for f in facts if _norm(f) not in shown_words]
    content = [s for s in slides if s.kind not in ("title", "section", "ceremony")]
    bullet_slides = [s for s in content if s.kind == "bullets"]
    bullets = [b for s in bullet_slides for b in s.bullets]
    changed, dropped = [], []
    for slide in bullet_slides:
        for index, b in enumerate(slide.bullets):
            parent = index and b.level > 0 and any(a.level < b.level for a in slide.bullets[:index])
            verdict = faithful(b.text, units, None if parent else _with_children(slide.bullets, index))
            if verdict == "changed":
                changed.append(b.text)
            elif verdict == "dropped":
                dropped.append(b.text)
    return Stats(
        article=article.name,
        slides=len(slides),
        ceremony=len(slides) - len(content),
        content=len(content),
        lonely=sum(1 for s in bullet_slides if len(s.bullets) == 1),
        bullets=len(bullets),
        facts=len(facts),
        facts_shown=len(facts) - len(missing),
        ellipses=sum(1 for b in bullets if b.text.rstrip().endswith("…")),
        lead_ins=sum(
            1 for s in bullet_slides for i, b in enumerate(s.bullets) if _bare_lead_in(s.bullets, i)
        ),
        pronouns=sum(1 for s in bullet_slides for i, _ in enumerate(s.bullets) if _dangling(s, i, units)),
        changed=changed,
        dropped=dropped,
        parts=len(lesson.sections),
        missing_facts=missing,
        bullet_slides=len(bullet_slides),
    )


def read_slides(deck: Path) -> list[Slide]:
    """Return what each slide of `deck` shows, and what kind of slide it is."""
    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER

    slides = []
    for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        names = [shape.name.split()[0] for shape in slide.shapes]
        texts, bullets = [], []
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
            is_body = shape.is_placeholder and shape.placeholder_format.type in (
                PP_PLACEHOLDER.BODY,
                PP_PLACEHOLDER.OBJECT,
            )
            if is_body:
                bullets += [Bullet(p.text, p.level) for p in shape.text_frame.paragraphs if p.text.strip()]
        layout = slide.slide_layout.name
        if number == 1:
            kind = "title"
        elif layout == "Section Header" or title.startswith("Part "):
            kind = "section"
        elif without_continued(title) in CEREMONY:
            kind = "ceremony"
        else:
            kind = next(
                (k for k in ("Picture", "Table", "Code", "Quote", "Statement") if k in names), ""
            ).lower() or ("bullets" if bullets else "statement")
        slides.append(Slide(number, title, kind, bullets, "\n".join(texts)))
    return slides


def source_units(lesson: Lesson) -> list[list[str]]:
    """Return the sentences of the article's paragraphs and list items, as word lists, in order:
    what `faithful` checks bullets against."""
    units = []
    for section in lesson.sections:
        for block in section.blocks:
            for paragraph in paragraphs(block):
                text = " ".join(plain(paragraph.inlines).split())
                units += [_words(_unbracketed(text[a:b])) for a, b in sentences(text)]
    return units


def _unbracketed(sentence: str) -> str:
    """Return a sentence set wholly in parentheses without them: "(That includes ...)"."""
    return sentence[1:].rstrip(".")[:-1] if bracketed(sentence) else sentence


def _facts(lesson: Lesson) -> set[str]:
    """Return the figures, years and names of the article's paragraphs (not its code or tables)."""
    found: set[str] = set()
    lower: set[str] = set()
    capital_runs: list[str] = []
    for section in lesson.sections:
        if is_back_matter(plain(section.title)):
            continue  # references and thanks are for the notes, not the slides
        for block in section.blocks:
            for paragraph in paragraphs(block):
                text = _REFERENCE.sub("", plain(paragraph.inlines))
                for start, end in sentences(text):
                    words = text[start:end].split()
                    lower.update(w.lower() for w in (core(x) for x in words) if w and w[0].islower())
                    run: list[str] = []
                    for position, word in enumerate(words + [""]):
                        bare = core(word)
                        if CITATION_KEY.fullmatch(bare):
                            bare = ""  # "[Wilson2016]": a reference, left out of bullets like "(2017a)"
                        if _FIGURE.search(bare) and len(bare) <= 12 and "/" not in bare:
                            found.add(bare)
                        if position and bare[:1].isupper() and not word.startswith(("(", "[", "http")):
                            run.append(bare)
                            if not word.endswith((",", ".", ";", ":", ")", "?", "!")):
                                continue
                        if run:
                            capital_runs.append(" ".join(run))
                        run = []
    for name in capital_runs:
        if name.split()[0].lower() not in lower or len(name.split()) > 1:
            found.add(name)
    return found


# "(Ed Yong, The Atlantic, 2017)": a reference that ends with its year, which bullets leave out
# as they do "[Wilson2016]"; its names are the source's, not the article's facts.
_REFERENCE = re.compile(r"\((?:[^()]*[,;]\s*)?(?:19|20)\d\d[a-z]?\)")


def _with_children(bullets: list[Bullet], index: int) -> list[str]:
    """Return a bullet's text and its sub-bullets': together they show one sentence."""
    parts = [bullets[index].text]
    for below in bullets[index + 1 :]:
        if below.level <= bullets[index].level:
            break
        parts.append(below.text)
    return parts


def faithful(bullet: str, units: list[list[str]], group: list[str] | None = None) -> str:
    """Return "ok" if the bullet's words appear in order in one sentence of the article (its
    first words may be a referent from the sentence before), "dropped" if it, with its
    sub-bullets (`group`: its text and theirs), keeps part of a clause but loses that clause's
    negation, modal or condition, or leaves out a condition of a clause it keeps, else
    "changed". A sub-bullet (`group` None) is judged with its parent."""
    bullet, group = _unshortened(bullet), group and [_unshortened(text) for text in group]
    words = _words(bullet.rstrip("…:"))
    if not words:
        return "ok"
    best = None  # (share of the sentence shown, sentence, words that must be in it)
    for index, unit in enumerate(units):
        for skip in range(0, min(5, len(words) - 1) + 1):  # a referent brought in: up to 5 words
            head, rest = words[:skip], words[skip:]
            earlier = [w for unit_ in units[max(index - 5, 0) : index] for w in unit_]
            if skip and not _in_order(head, earlier):
                continue  # a referent comes from the author's own words just before
            if _in_order(rest, unit):
                share = len(rest) / len(unit)
                if best is None or share > best[0]:
                    best = (share, unit, skip)
                break
    if best is None:
        return "changed"
    _, unit, skip = best
    if group is None:
        return "ok"
    found: set[int] = set()
    for number, text in enumerate(group):  # each sub-bullet on its own: a concession comes first
        shown = _words(text.replace("…", " ").rstrip(":"))[skip if not number else 0 :]
        found.update(_positions(shown, unit))
    # A bullet cut with "…" says that its sentence goes on: what it leaves out past the cut is
    # marked, not lost, so only the words up to the cut are judged.
    cut = max(found, default=0) if any(text.rstrip().endswith("…") for text in group) else len(unit)
    return "dropped" if found and _loses_protected(sorted(found), unit, cut) else "ok"


def _unshortened(text: str) -> str:
    """Return a bullet without the words it shows shortened ("https://www.tensorflow.org/t…"): a
    URL or identifier too long for a slide shows its start, whole in the notes, and its start
    is no word of the sentence. Only its opening brackets stay, to keep the words after it in
    or out of the bracket they are in."""
    return _SHORTENED.sub(lambda m: "".join(c for c in m.group() if c in "([") + " ", text)


_SHORTENED = re.compile(rf"\S{{{LONG_WORD - 10}}}…")


def _loses_protected(kept: list[int], sentence: list[str], cut: int | None = None) -> bool:
    """Tell whether the bullet (the positions `kept` of `sentence` it shows) keeps part of a
    clause but not that clause's negation, modal or condition; for a bullet cut with "…", of
    the words up to `cut`.

    Clauses end at a comma, semicolon or colon, or where "because", "which", "although" and
    their like begin a new one (a condition, "if" or "unless", stays part of its clause).
    """
    shown = set(kept)
    clauses: list[range] = []
    start = 0
    for end, word in enumerate(sentence):
        following = sentence[end + 1] if end + 1 < len(sentence) else ""
        boundary = word.endswith((",", ";", ":", ")")) or following.startswith("(")
        boundary = boundary or following in _CLAUSE_WORDS or following in _DASHES or word in _DASHES
        if boundary or end == len(sentence) - 1:
            clauses.append(range(start, end + 1))
            start = end + 1
    cut = len(sentence) if cut is None else cut
    seen = [any(p in shown for p in clause) for clause in clauses]
    for number, clause in enumerate(clauses):
        if seen[number] and any(
            _key(sentence[p]) in PROTECTED and p not in shown and p < cut for p in clause
        ):
            return True  # a clause kept in part, without its "not", "must" or "if"
        if clause[0] > cut:
            break  # past the cut
        if not seen[number] and _condition(sentence, clause) and _governs(sentence, clauses, seen, number):
            return True  # "If it rains, we stay in": the condition of a clause shown, left out whole
    return False


def _governs(sentence: list[str], clauses: list[range], seen: list[bool], number: int) -> bool:
    """Tell whether the condition `clauses[number]` bears on a clause shown: one after it, up to
    a semicolon or colon, or the one just before it, past a comma ("we stay in, unless ...")."""
    bracketed = sentence[clauses[number][0]].startswith("(")
    for after in range(number, len(clauses)):
        if after > number and bracketed and not sentence[clauses[after][0]].startswith("("):
            break  # "(or justified, if you want to be critical)": a bracket's condition is its own
        if after > number and _key(sentence[clauses[after][0]]) in ("but", "yet"):
            break  # "..., especially if X, but they must ...": the contrast is a claim of its own
        if after > number and seen[after]:
            return True
        if sentence[clauses[after][-1]].endswith((";", ":")):
            break
    trails = _key(sentence[clauses[number][0]]).lower() in _CONDITIONS  # not "..., but if X, Y"
    return trails and number > 0 and seen[number - 1] and sentence[clauses[number - 1][-1]].endswith(",")


def _condition(sentence: list[str], clause: range) -> bool:
    """Tell whether a clause is a condition: it opens with "if", "unless", "only", "provided" ..."""
    opening = [_key(sentence[p]).strip('("“-—–').lower() for p in clause][:2]
    # "but if ...", "especially if ...", never "will only fund ...": "only" conditions a clause it opens
    return bool(opening) and (opening[0] in _CONDITIONS or opening[-1] in _CONDITIONS - {"only"})


_CONDITIONS = frozenset("if unless only until provided providing except".split())
_CLAUSE_WORDS = frozenset("because which who whom although though whereas while so".split())
_DASHES = frozenset(("-", "—", "–", "--", "---"))


def _positions(needles: list[str], haystack: list[str]) -> list[int]:
    """Return where `needles` are found in order in `haystack`, in as few runs of neighbouring
    words as can be (a word may occur more than once: "so the result" is not the "so" of an
    earlier parenthesis), or [] if they are not all there."""
    bare = [_key(w) for w in haystack]
    needles = [_key(w) for w in needles]
    if not needles:
        return []
    inf = len(needles) + 1
    # runs[i][j]: fewest runs with needle i at haystack j; best is each row's running minimum.
    runs = [[inf] * len(bare) for _ in needles]
    for j, word in enumerate(bare):
        if word == needles[0]:
            runs[0][j] = 1
    for i in range(1, len(needles)):
        best = inf
        for j in range(len(bare)):
            if j >= 2:
                best = min(best, runs[i - 1][j - 2])
            if bare[j] == needles[i]:
                runs[i][j] = min(runs[i - 1][j - 1] if j else inf, best + 1)
    end = min(range(len(bare)), key=lambda j: runs[-1][j], default=None)
    if end is None or runs[-1][end] >= inf:
        return []
    found = [end]
    for i in range(len(needles) - 1, 0, -1):
        j = found[-1]
        if j and runs[i - 1][j - 1] == runs[i][j]:
            found.append(j - 1)
        else:
            found.append(min(range(j - 1), key=lambda k: runs[i - 1][k]))
    return found[::-1]


def _key(word: str) -> str:
    """Return a word as compared: without its clause-ending mark (its brackets stay: "trust)" in
    a parenthesis left out is not the "trust" a bullet keeps)."""
    return word.rstrip(",;:")


def _in_order(needles: list[str], haystack: list[str]) -> bool:
    bare = [_key(w) for w in haystack]
    position = 0
    for word in needles:
        word = _key(word)
        try:
            position = bare.index(word, position) + 1
        except ValueError:
            return False
    return True


def _bare_lead_in(bullets: list[Bullet], index: int) -> bool:
    bullet = bullets[index]
    if not bullet.text.rstrip().endswith(":"):
        return False
    following = bullets[index + 1] if index + 1 < len(bullets) else None
    return following is None or following.level <= bullet.level and not following.text


def _dangling(slide: Slide, index: int, units: list[list[str]]) -> bool:
    """Tell whether bullet `index` opens with a pronoun or demonstrative whose referent is not
    on the slide: neither in a bullet above it from the sentence before, nor (for "this zone")
    its noun in the title or a bullet above it."""
    bullet = slide.bullets[index]
    words = _words(bullet.text)
    if not words or words[0] not in PRONOUNS:
        return False
    if bullet.level > 0:
        return False  # a sub-bullet: its parent is its referent
    above = slide.bullets[:index]
    if len(words) > 1 and words[0] in ("this", "these") and words[1] in SELF_NOUNS:
        return False  # "This chapter outlines ...": the text itself
    if len(words) > 1 and words[0] in ("this", "these", "that", "those", "such"):
        noun = words[1].rstrip("s")
        context = _words(slide.title) + [w for b in above for w in _words(b.text)]
        if any(w.rstrip("s") == noun for w in context):
            return False
    if not above:
        return True
    before = _words(above[-1].text.rstrip("…:"))[-3:]
    for number, unit in enumerate(units):
        if _in_order(words[1:], unit) and (
            _in_order(before, unit) or number and _in_order(before, units[number - 1])
        ):
            return False  # the bullet above is the sentence before (or the first half of this one)
    return True


def _words(text: str) -> list[str]:
    """Return the words of `text`, lower case, a clause-ending mark (",;:") kept on its word, and
    each word inside brackets marked as such: a parenthesis is a clause of its own, and its words
    are not the same words outside it."""
    found, depth = [], 0
    for word in _WORD.findall(_OWNER.sub("", text)):
        opens = len(word) - len(word.lstrip("(["))
        mark = word[-1] if word[-1] in ",;:" else ""
        core = word.rstrip(",;:")
        closes = len(core) - len(core.rstrip(")]"))
        core = core.strip("()[]").lower().strip(".’'\"“”‘!?")
        depth += opens
        found.append(("(" if depth else "") + core + mark)
        depth = max(0, depth - closes)
    return found


_OWNER = re.compile(r"’s(?=[\s….,;:!?]|$)")  # "Korea’s" is "Korea", before a cut too ("it’s…")


def _norm(text: str) -> str:
    """Return `text` as words for comparing: lower case, possessives and punctuation gone."""
    text = re.sub(r"[’']s\b", "", text.lower())
    return " " + " ".join(re.sub(r"[^\w%]+", " ", text).split()) + " "


def main(argv: list[str]) -> int:
    if not argv or len(argv) % 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    rows = [deck_stats(Path(a), Path(d)).row() for a, d in zip(argv[::2], argv[1::2], strict=True)]
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(HEADER, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
