"""A lecture in the article's own language: every word lecturekit adds, from its gettext catalog.

The catalogs (lecturekit/locale/<lang>/LC_MESSAGES/lecturekit.po, compiled to .mo by
./scripts/catalogs) hold every message the code and the handout's templates say, in German,
Spanish, French, Italian, Portuguese and Dutch. A lecture in one of them gets its slides' and
handout's furniture in that language; one in another language gets English, with one warning;
no language but English gets questions or outcomes written from English templates.
"""

from __future__ import annotations

import gettext
import re
import subprocess
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from babel.messages.pofile import read_po
from lxml import etree

from lecturekit.layout.furniture import LANGUAGES, LOCALES, words
from lecturekit.model.lesson import paragraphs, plain
from lecturekit.pipeline.build import Options, build_article, plan_article

from .helpers import FIXTURES, ROOT

CATALOGS = [lang for lang in LANGUAGES if lang != "en"]
GERMAN = FIXTURES / "imports" / "web" / "10-globalvoices-de-nicaragua.html"


def _catalog(lang: str):
    with open(LOCALES / lang / "LC_MESSAGES" / "lecturekit.po", "rb") as po:
        return read_po(po)


def test_every_message_lecturekit_says_is_in_every_catalog_translated(tmp_path):
    """Babel reads the code and the handout's templates (babel.cfg) as ./scripts/catalogs does:
    the messages found are exactly each catalog's, none left untranslated."""
    pot = tmp_path / "lecturekit.pot"
    subprocess.run(
        [
            str(Path(ROOT / ".venv/bin/pybabel")) if (ROOT / ".venv/bin/pybabel").exists() else "pybabel",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_",
            "-k",
            "ngettext:1,2",
            "-k",
            "N_",
            "--no-location",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with open(pot, "rb") as file:
        said = {m.id for m in read_po(file) if m.id}
    assert len(said) > 60
    for lang in CATALOGS:
        catalog = _catalog(lang)
        held = {m.id for m in catalog if m.id}
        assert held == said, (lang, said - held, held - said)
        empty = [
            m.id
            for m in catalog
            if m.id and not all(m.string if isinstance(m.string, tuple) else (m.string,))
        ]
        assert empty == [], (lang, empty)


@pytest.mark.parametrize("lang", CATALOGS)
def test_the_compiled_catalog_is_the_catalog_and_keeps_its_placeholders(lang):
    """The .mo lecturekit reads says what the .po says (./scripts/catalogs was run), and every
    translation keeps the message's {placeholders}, so no build fails on one."""
    compiled = gettext.translation("lecturekit", LOCALES, languages=[lang])
    for message in _catalog(lang):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            for count, expected in zip((1, 5), message.string, strict=False):
                assert compiled.ngettext(*message.id, count) == expected
        else:
            assert compiled.gettext(message.id) == message.string
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"{\w+}", " ".join(ids)))
        for string in strings:
            assert set(re.findall(r"{\w+}", string)) <= wanted, (lang, message.id, string)


def test_a_lecture_tag_picks_its_catalog_never_the_machines_locale():
    assert words("de-AT")("Agenda") == "Gliederung" and words("de_CH")("Sources") == "Quellen"
    assert words("es")("Learning outcomes") == "Resultados de aprendizaje"
    assert words("fi").lang == "en" and words("fi")("Sources") == "Sources"
    assert words("de").continued("Bauhaus", 2) == "Bauhaus (Forts. 2)"
    assert words("fr").quoted("Bauhaus") == "«\u00a0Bauhaus\u00a0»"  # no line breaks inside


HARD_CASES = {  # a text, and the sentences it is: ordinals, abbreviations, decimal commas, ¿...?
    "de": [
        ("Ursprünglich wurde es im 19. Jahrhundert gebaut. Zimmer starb am 17. Juli 1938.", 2),
        ("Das gilt z. B. für Häuser, d. h. für alle. Siehe S. 12 und vgl. Abb. 3. Dann kam der Krieg.", 3),
        ("Die Quote stieg auf 3,5 Prozent. Das war bzw. ist viel.", 2),
        (
            "Systeme wie z.B. Goobi, d.h. freie Software, gibt es seit dem 16. und 17. Jahrhundert. Mehr nicht.",
            2,
        ),
    ],
    "es": [
        ("El Sr. García llegó. ¿Por qué vino? ¡Nadie lo sabe! Ver pág. 4 del informe.", 4),
        ("La inflación fue del 3,5 % en 2020. Luego bajó, etc. Al final subió.", 2),
        ("Según el art. 5 de la ley no hay plazo. Otra cosa.", 2),
    ],
    "en": [
        ("It was in 1990. The next year, things changed.", 2),
        ("Chapter 12. July is hot.", 2),
        # words another language abbreviates ("art.", "cap.", "abs.") end an English sentence
        (
            "She loves modern art. The museum opened in May. He wore a cap. Then he trained his abs. It hurt.",
            5,
        ),
    ],
}


@pytest.mark.parametrize("lang", sorted(HARD_CASES))
def test_sentences_end_where_the_language_ends_them(lang):
    from lecturekit.model.text import sentences

    for text, count in HARD_CASES[lang]:
        found = [text[a:b] for a, b in sentences(text, lang)]
        assert len(found) == count, found
        assert found[-1] == text[-len(found[-1]) :]  # nothing lost


def test_a_lecture_in_another_language_shows_its_sentences_whole(german_build):
    """The condensing rules read English: a German bullet is its sentence, cut only at a comma
    (with "…") when it is too long, and never at an ordinal's full stop."""
    from lecturekit.deck.slides import BulletSlide

    planned = plan_article(german_build.article, Options())
    deck = planned.deck_job(False).plan()
    content = [s for s in deck.slides if isinstance(s, BulletSlide) and s.kind == "content"]
    bullets = [plain(b.inlines) for s in content for b in s.bullets]
    lesson = planned.lesson
    text = " ".join(plain(p.inlines) for sec in lesson.sections for b in sec.blocks for p in paragraphs(b))
    text += " ".join(plain(sec.title) for sec in lesson.sections)  # a part's title, as a bullet
    for bullet in (b for b in bullets if len(b.split()) > 3):  # claims, not a part's title
        assert not re.search(r"\b\d{1,2}$", bullet.rstrip("…")), bullet  # "im 19" cut at an ordinal
        shown = bullet.removesuffix("…").rstrip(",;:")
        assert shown[1:40] in " ".join(text.split()), bullet  # the sentence as written, from its start


def _english_furniture(lang: str = "de") -> set[str]:
    """Return the words of English messages that lecturekit adds and `lang` says otherwise:
    what a lecture in `lang` must never show."""
    said = words(lang)
    found = set()
    own = " ".join(  # the language's own words ("Lecture" is French for a reading)
        " ".join(m.string) if isinstance(m.string, tuple) else m.string for m in _catalog(lang) if m.id
    ).lower()
    for message in _catalog(lang):
        if not message.id or isinstance(message.id, tuple):
            continue
        english = re.sub(r"{\w+}", " ", message.id)
        translated = said.catalog.gettext(message.id)
        for word in re.findall(r"[A-Za-z][a-z']{3,}", english):
            if word.lower() not in translated.lower() and word.lower() not in own:
                found.add(word)
    return found


@pytest.fixture(scope="module")
def german_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("de")
    article = folder / "nicaragua.md"
    from lecturekit.importers import import_file

    markdown = import_file(GERMAN, 10_000_000).markdown
    assert "\nlang: de\n" in markdown  # the page's own <html lang="de">
    markdown = markdown.replace("---\n", "---\ndate: 2026-12-07\n", 1)
    article.write_text(markdown, encoding="utf-8")
    return build_article(article, Options(out=folder / "out"))


def _deck_text(pptx: Path) -> str:
    with zipfile.ZipFile(pptx) as deck:
        texts = []
        for name in sorted(deck.namelist()):
            if re.fullmatch(r"ppt/(slides|notesSlides)/\w+\d+\.xml", name):
                root = etree.fromstring(deck.read(name))
                texts += [
                    t.text or ""
                    for t in root.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}t")
                ]
    return "\n".join(texts)


def test_a_german_lecture_shows_no_english_word_lecturekit_adds(german_build):
    deck, pdf, html = german_build.outputs[:3]
    article = german_build.article.read_text(encoding="utf-8")
    with pdfplumber.open(pdf) as document:
        handout = "\n".join(page.extract_text() or "" for page in document.pages)
    page = re.sub(r"<style.*?</style>|<[^>]+>", " ", html.read_text(encoding="utf-8"), flags=re.S)
    english = {w for w in _english_furniture() if w not in article}  # the article's own words aside
    for name, text in (("deck", _deck_text(deck)), ("handout", handout), ("web page", page)):
        shown = set(re.findall(r"[A-Za-z][a-z']{3,}", text))
        assert shown & english == set(), (name, sorted(shown & english))
    assert "Lernziele" not in _deck_text(deck) or "Nach dieser Vorlesung können Sie:" in _deck_text(deck)
    assert "Seite 1 von" not in handout and "Seite 2 von" in handout
    assert "7. Dezember 2026" in handout  # the date as German writes it


def test_a_german_slide_is_titled_by_its_heading_never_by_a_phrase_read_as_english(german_build):
    """Key phrases are read by English function words: in German they find "Laut der
    niedrigsten Schätzung" ("According to the lowest estimate"). A slide after the first under a
    heading keeps the heading, continued ("Einführung (Forts. 2)")."""
    from pptx import Presentation

    lesson = plan_article(german_build.article, Options()).lesson
    headings = {plain(section.title) for section in lesson.sections}
    from lecturekit.layout.furniture import ceremony

    shown = [  # the text's slides: not the title slide nor those lecturekit adds (outcomes, sources)
        slide.shapes.title.text
        for slide in list(Presentation(str(german_build.outputs[0])).slides)[1:]
        if slide.shapes.title.text not in ceremony()
    ]
    assert len(shown) >= 6 and headings <= set(shown)
    assert [t for t in shown if re.sub(r" \(Forts\.(?: \d+)?\)$", "", t) not in headings] == []


def test_a_german_lecture_gets_its_questions_and_outcomes_in_german(german_build):
    """The Global Voices page quotes a name the police gave an operation: the question asks of
    it in German, from German templates, and so does the outcome; nothing says "only in English"."""
    planned = plan_article(german_build.article, Options())
    generated = [q.text for q in planned.questions.questions if q.origin == "generated"]
    assert generated == ["Was meint der Text mit „Operación limpieza“, und wie gut passt die Bezeichnung?"]
    assert planned.outcomes == ("erklären, was der Text unter „Operación limpieza“ versteht",)
    said = [w.message for w in german_build.warnings]
    assert not any("writes questions and learning outcomes" in m for m in said)
    deck, pdf = german_build.outputs[:2]
    assert "Was meint der Text mit „Operación limpieza“" in _deck_text(deck)
    with pdfplumber.open(pdf) as document:
        handout = " ".join(" ".join((page.extract_text() or "").split()) for page in document.pages)
    assert "Operación limpieza" in handout and "Nach dieser Vorlesung können Sie:" in handout


# What lecturekit asks of each real text, and what it says its students can do after it: read by
# someone who writes the language (see the README), kept here so that a change to a rule shows.
ASKED = {
    "de": (
        [
            "Was versteht der Text unter „Digitalisierung“, und wie würden Sie den Begriff an einem "
            "eigenen Beispiel erklären?",
            "Worin unterscheiden sich „2D-Objekte“ und „3D-Objekte“, und warum ist der Unterschied wichtig?",
        ],
        [
            "erklären, was der Text unter „Digitalisierung“ versteht",
            "„2D-Objekte“ und „3D-Objekte“ vergleichen",
        ],
    ),
    "es": (
        [
            "¿Qué entiende el texto por «sobrevivir» y cómo lo explicaría usted con un ejemplo propio?",
        ],
        ["explicar qué entiende el texto por «sobrevivir»"],
    ),
    "fr": (
        [
            "Que désigne l'expression «\u00a0vérité terrain\u00a0» dans le texte, et vous semble-t-elle bien "
            "choisie\u00a0?",
            "Comment répondriez-vous à la question «\u00a0Des données oui, mais pour quoi faire\u202f?\u00a0» pour un "
            "cas que vous connaissez bien\u00a0?",
        ],
        [
            "expliquer ce que le texte entend par «\u00a0vérité terrain\u00a0»",
            "répondre à la question «\u00a0Des données oui, mais pour quoi faire\u202f?\u00a0» à partir du texte",
        ],
    ),
}


def test_real_texts_get_questions_and_outcomes_a_native_speaker_would_write(fixture_build):
    lang = fixture_build.article.stem
    planned = plan_article(fixture_build.article, Options())
    questions, outcomes = ASKED[lang]
    assert [q.text for q in planned.questions.questions if q.origin == "generated"] == questions
    assert list(planned.outcomes) == outcomes


def test_a_language_without_a_catalog_gets_english_furniture_and_one_warning(tmp_path):
    article = tmp_path / "suomi.md"
    article.write_text(
        "---\ntitle: Suomen historia\nlang: fi\nsource: Testi\n---\n\n## Alku\n\n"
        + "Suomi oli pitkään osa Ruotsin kuningaskuntaa. Vuonna 1809 siitä tuli Venäjän suuriruhtinaskunta. "
        * 4
        + "\n\n## Itsenäisyys\n\nSuomi itsenäistyi vuonna 1917. Mitä itsenäisyys merkitsi Suomen kansalle ja sen tulevaisuudelle?\n",
        encoding="utf-8",
    )
    build = build_article(article, Options(out=tmp_path / "out"))
    said = [w.message for w in build.warnings]
    assert sum("lecturekit has no words in 'fi'" in m for m in said) == 1
    assert sum("writes questions and learning outcomes in English, German" in m for m in said) == 1
    deck = _deck_text(build.outputs[0])
    assert "Sources" in deck and "Learning outcomes" not in deck  # English furniture, no outcome made
    planned = plan_article(article, Options())
    assert [q.origin for q in planned.questions.questions] == ["article"]  # the text's own question only


def test_a_spanish_question_is_found_by_its_marks(tmp_path):
    article = tmp_path / "es.md"
    article.write_text(
        "---\ntitle: La imprenta\nlang: es\n---\n\n## Origen\n\n"
        "La imprenta de tipos móviles llegó a Europa a mediados del siglo XV. "
        "Los libros se hicieron más baratos y más comunes. ¿Por qué cambió tanto la forma de leer?\n",
        encoding="utf-8",
    )
    planned = plan_article(article, Options())
    assert [q.text for q in planned.questions.questions] == ["¿Por qué cambió tanto la forma de leer?"]


# real texts by others in German, Spanish and French: tests/fixtures/languages/SOURCES.md
LANGUAGE_FIXTURES = sorted((FIXTURES / "languages").glob("??.md"))


@pytest.fixture(scope="module", params=LANGUAGE_FIXTURES, ids=lambda p: p.stem)
def fixture_build(request, tmp_path_factory):
    return build_article(request.param, Options(out=tmp_path_factory.mktemp(request.param.stem)))


def test_real_texts_in_german_spanish_and_french_show_no_english_word_lecturekit_adds(fixture_build):
    deck, pdf, html = fixture_build.outputs[:3]
    article = fixture_build.article.read_text(encoding="utf-8")
    lang = fixture_build.article.stem
    with pdfplumber.open(pdf) as document:
        handout = "\n".join(page.extract_text() or "" for page in document.pages)
    page = re.sub(r"<style.*?</style>|<[^>]+>", " ", html.read_text(encoding="utf-8"), flags=re.S)
    english = {w for w in _english_furniture(lang) if w not in article}
    for name, text in (("deck", _deck_text(deck)), ("handout", handout), ("web page", page)):
        shown = set(re.findall(r"[A-Za-z][a-z']{3,}", text))
        assert shown & english == set(), (lang, name, sorted(shown & english))


def test_no_bullet_of_a_real_text_ends_at_an_ordinal_or_an_abbreviation(fixture_build):
    from lecturekit.deck.slides import BulletSlide
    from lecturekit.lexicon import german, spanish

    planned = plan_article(fixture_build.article, Options())
    deck = planned.deck_job(False).plan()
    lesson = planned.lesson
    source = " ".join(
        " ".join(plain(p.inlines).split())
        for sec in lesson.sections
        for b in sec.blocks
        for p in paragraphs(b)
    )
    stops = german.ABBREVIATIONS | spanish.ABBREVIATIONS | {"z", "b", "d", "h", "u", "a", "s", "p"}
    for slide in (s for s in deck.slides if isinstance(s, BulletSlide) and s.kind == "content"):
        for bullet in slide.bullets:
            text = " ".join(plain(bullet.inlines).rstrip("…").split())
            at = source.find(text[1:])
            after = source[at + len(text) - 1 : at + len(text) + 20] if at >= 0 else ""
            stopped = re.search(r"\b\d{1,2}$", text) or text.rsplit(" ", 1)[-1].lower() in stops
            # never at a stop its sentence goes on after ("im 19. Jahrhundert", "z. B. für")
            assert not (stopped and re.match(r"\.\s+\S", after)), (text, after)


def test_a_sentence_of_another_language_is_cut_only_at_its_punctuation(fixture_build):
    """No English rule reads it, so a long sentence is cut at a comma outside brackets, with
    "…", or shown whole: never mid-clause ("si ese historiador no es…")."""
    from lecturekit.language.points import article_points
    from lecturekit.model.reader import read_article

    lesson = read_article(fixture_build.article)
    found = article_points(lesson)
    for section in lesson.sections:
        for block in section.blocks:
            for paragraph in paragraphs(block):
                for point in found.points(paragraph.inlines):
                    shown = plain(point.inlines)
                    if not shown.endswith("…"):
                        continue
                    kept = shown.removesuffix("…")
                    at = point.sentence.find(kept[1:]) + len(kept) - 1
                    assert point.sentence[at : at + 1] in (",", ";", ":"), (kept, point.sentence)
                    assert kept.count("(") <= kept.count(")"), kept


def test_a_word_file_in_german_is_a_german_lecture(tmp_path):
    """The language the file's text is marked with by default (its styles) is the lecture's;
    an English one, Word's own default whatever the text, is left to the lecture's default."""
    from lecturekit.importers import import_file

    original = sorted((FIXTURES / "imports" / "word").glob("*.docx"))[0]
    german = tmp_path / "deutsch.docx"
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(german, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/styles.xml":
                data = re.sub(
                    rb'(<w:rPrDefault>.*?<w:lang w:val=")[^"]*', rb"\g<1>de-DE", data, count=1, flags=re.S
                )
            target.writestr(item, data)
    assert "\nlang: de-DE\n" in import_file(german, 10_000_000).markdown
    assert "\nlang:" not in import_file(original, 10_000_000).markdown.split("\n---\n", 1)[0]


def test_a_pdf_in_spanish_is_a_spanish_lecture(tmp_path):
    """A PDF's /Lang is the lecture's language (an English one is the lecture's default)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    from lecturekit.importers import import_file

    original = sorted((FIXTURES / "imports" / "pdf").glob("*.pdf"))[0]
    writer = PdfWriter(clone_from=PdfReader(original))
    writer._root_object[NameObject("/Lang")] = TextStringObject("es-MX")
    spanish = tmp_path / "espanol.pdf"
    with open(spanish, "wb") as out:
        writer.write(out)
    assert "\nlang: es-MX\n" in import_file(spanish, 10_000_000).markdown


@pytest.mark.parametrize(
    "lang, sentence",
    [
        (
            "es",
            "Si ese historiador no es capaz de documentar con cuidado cada uno de los pasos que sigue en su "
            "investigación, sus colegas no podrán reproducir el trabajo ni comprobar las fuentes que presenta "
            "en el libro ni discutir sus conclusiones.",
        ),
        (
            "de",
            "Wenn eine Bibliothek ihre Bestände digitalisieren möchte und dafür keine eigenen Scanner und "
            "keine Fachleute hat, muss sie einen Dienstleister beauftragen und die Kosten planen und die "
            "Rechte an den Objekten vorher sorgfältig klären.",
        ),
    ],
)
def test_a_long_sentence_is_never_cut_inside_the_clause_it_opens_with(lang, sentence, tmp_path):
    from lecturekit.language.points import article_points
    from lecturekit.model.reader import read_article

    article = tmp_path / "text.md"
    article.write_text(f"---\ntitle: T\nlang: {lang}\n---\n\n## Eins\n\n{sentence}\n", encoding="utf-8")
    lesson = read_article(article)
    paragraph = lesson.sections[0].blocks[0]
    (point,) = article_points(lesson).points(paragraph.inlines)
    shown = plain(point.inlines).removesuffix("…")
    first_comma = sentence.index(",")
    assert len(shown) > first_comma + 1, shown  # past the subordinate clause, or the sentence whole


@pytest.mark.parametrize(
    "lang, sentence, bullet",
    [
        ("es", "Sin embargo, los datos se pierden con facilidad.", "Los datos se pierden con facilidad"),
        ("fr", "En effet, les manuscrits anciens sont rares.", "Les manuscrits anciens sont rares"),
        (
            "de",
            "Außerdem wird versucht, weitere Attribute zu erfassen.",
            "Außerdem wird versucht, weitere Attribute zu erfassen",
        ),
    ],
)
def test_a_connective_that_only_links_is_left_out_where_the_language_allows(lang, sentence, bullet, tmp_path):
    """Spanish and French drop "Sin embargo,", "En effet,"; German keeps "Außerdem": without it
    the sentence would open with its verb, as a question does."""
    from lecturekit.language.points import article_points
    from lecturekit.model.reader import read_article

    article = tmp_path / "text.md"
    article.write_text(f"---\ntitle: T\nlang: {lang}\n---\n\n## Eins\n\n{sentence}\n", encoding="utf-8")
    lesson = read_article(article)
    (point,) = article_points(lesson).points(lesson.sections[0].blocks[0].inlines)
    assert plain(point.inlines) == bullet


def _points(lang: str, text: str, tmp_path: Path):
    from lecturekit.language.points import article_points
    from lecturekit.model.reader import read_article

    article = tmp_path / "text.md"
    article.write_text(f"---\ntitle: T\nlang: {lang}\n---\n\n## Eins\n\n{text}\n", encoding="utf-8")
    lesson = read_article(article)
    return article_points(lesson).points(lesson.sections[0].blocks[0].inlines)


@pytest.mark.parametrize(
    "lang, sentence, kept",
    [
        (
            "de",
            "Die Bibliothek kann die digitalisierten Bestände ihrer historischen Sammlungen im Netz frei "
            "zugänglich machen und dauerhaft in ihrem Repositorium bewahren, sofern die Rechte an allen "
            "Objekten geklärt sind.",
            "sofern",
        ),
        (  # the infinitive after the comma is the verb's object: "befähigen, ... zu entwickeln"
            "de",
            "Die kontinuierliche Arbeit mit und Entwicklung von digitalen Werkzeugen kann das Personal in den "
            "Bibliotheken befähigen, ein vertieftes technisches Verständnis und neue Fertigkeiten zu entwickeln.",
            "entwickeln",
        ),
        (
            "es",
            "Los formatos de archivo que elegimos para guardar los datos de investigación no deben depender "
            "de un programa concreto ni de una empresa, sino de estándares abiertos y bien documentados.",
            "sino",
        ),
        (
            "fr",
            "Les modèles de reconnaissance entraînés sur les écritures latines donnent de très bons "
            "résultats sur les imprimés modernes du monde entier, mais pas sur les manuscrits anciens.",
            "pas",
        ),
    ],
)
def test_a_cut_never_leaves_out_a_clause_that_limits_or_denies_the_claim(lang, sentence, kept, tmp_path):
    """A long sentence is cut at a comma, never before "sofern ...", "sino ...", "mais pas ...":
    the bullet would claim more than the text does."""
    (point,) = _points(lang, sentence, tmp_path)
    assert kept in plain(point.inlines).split(), plain(point.inlines)


@pytest.mark.parametrize(
    "lang, text, back",
    [
        (
            "de",
            "Die Regierung schloss mehrere Organisationen. Dazu gehörten auch zwei Zentren für Menschenrechte.",
            "Dazu gehörten",
        ),
        (
            "es",
            "Los datos se pierden con facilidad. Esto ocurre sobre todo con los formatos cerrados.",
            "Esto",
        ),
        ("fr", "Les manuscrits anciens sont rares. Cela rend leur transcription difficile.", "Cela"),
        (  # a pointing word among its first words: "in diesen Fällen"
            "de",
            "Die Bibliothek bietet eine Open Library an. Zugang erhalten in diesen Fällen nur angemeldete Nutzer.",
            "Zugang erhalten",
        ),
        (
            "de",
            "Die Regierung schloss mehrere Organisationen. Somit gibt es keine unabhängige Aufsicht.",
            "Somit",
        ),
    ],
)
def test_a_bullet_that_points_back_follows_the_bullet_it_points_to(lang, text, back, tmp_path):
    """A bullet opening "Dazu gehörten ...", "Esto ...", "Cela ..." shows only after the one that says what it
    means (see ArticlePoints), never alone on a slide."""
    first, second = _points(lang, text, tmp_path)
    assert not first.follows
    assert second.follows and plain(second.inlines).startswith(back)


@pytest.mark.parametrize(
    "lang, sentence",
    [
        (
            "de",
            "Digitalisierung steht in diesem Kapitel für die Überführung von Kulturgütern in digitale Formate.",
        ),
        ("es", "En este capítulo se describen los formatos de archivo más habituales."),
        ("fr", "Dans cette leçon, nous présentons les étapes de la reconnaissance d'écriture."),
    ],
)
def test_a_bullet_pointing_at_the_text_itself_leans_on_nothing(lang, sentence, tmp_path):
    """ "in diesem Kapitel", "este capítulo", "cette leçon": the text itself, no referent to show first."""
    (point,) = _points(lang, sentence, tmp_path)
    assert not point.follows


@pytest.mark.parametrize("fixture_build", [FIXTURES / "languages" / "de.md"], indirect=True, ids=["de"])
def test_a_german_definition_in_bold_makes_the_slides(fixture_build):
    """The term a question asks of is defined on a slide: "**Digitalisierung** steht in diesem
    Kapitel für ..." counts as a definition, as English's "is called ..." does."""
    assert "Digitalisierung steht in diesem Kapitel für die Überführung" in _deck_text(
        fixture_build.outputs[0]
    )


def test_a_german_bullet_that_points_back_is_shown_after_its_referent_or_not_at_all(german_build):
    """The Global Voices page: "Dazu gehörten auch ..." right under the closing of the NGOs it
    names; "Darin hat sich die Regierung verpflichtet ..." (in the agreement a slide before does not
    show) only in the notes."""
    from pptx import Presentation

    deck = Presentation(str(german_build.outputs[0]))
    lines = [
        paragraph.text.strip()
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
    ]
    dazu = next(k for k, line in enumerate(lines) if line.startswith("Dazu gehörten"))
    assert "NGOs" in lines[dazu - 1]
    assert not any(line.startswith("Darin hat sich") for line in lines)


def test_a_lecture_whose_lecturer_wrote_questions_and_outcomes_is_told_nothing(tmp_path):
    article = tmp_path / "de.md"
    article.write_text(
        "---\ntitle: Digitalisierung\nlang: de\nsource: Test\nquestions: ['Warum digitalisieren Bibliotheken?']\n"
        "outcomes: ['Digitalisierung erklären']\n---\n\n## Eins\n\nBibliotheken digitalisieren ihre Bestände seit Jahren.\n",
        encoding="utf-8",
    )
    build = build_article(article, Options(out=tmp_path / "out", strict=True))  # strict: no warning at all
    assert build.warnings == []


def test_a_sentence_that_only_points_to_another_part_is_no_bullet_in_any_language(tmp_path):
    """Quarto's "@sec-x" outside brackets: the sentence sends the reader elsewhere ("Einen Überblick
    gibt @sec-kompetenzerwerb"); inside brackets it is an aside of a claim, which stays."""
    text = (
        "Einen Überblick über Formen und Methoden der Aus- und Weiterbildung gibt @sec-kompetenzerwerb. "
        "IT-Projektmanagement (siehe @sec-projektmanagement) beschränkt sich auf das konkrete Vorgehen."
    )
    (point,) = _points("de", text, tmp_path)
    assert plain(point.inlines).startswith("IT-Projektmanagement")
