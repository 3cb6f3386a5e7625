"""Questions and outcomes of a lecture not in English: made of what the text marks by its form
(lecturekit.questions.marked), worded by the language's templates and catalog."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from lecturekit.lexicon import lexicon
from lecturekit.model.reader import read_article
from lecturekit.questions.discussion import discussion_questions
from lecturekit.questions.marked import marked_concepts, marked_pairs
from lecturekit.questions.outcomes import learning_outcomes


def _lesson(tmp_path: Path, lang: str, body: str):
    article = tmp_path / "text.md"
    article.write_text(f"---\ntitle: T\nlang: {lang}\n---\n\n{body}\n", encoding="utf-8")
    return read_article(article)


def _terms(tmp_path: Path, lang: str, body: str) -> list[tuple[str, bool]]:
    lesson = _lesson(tmp_path, lang, f"## Eins\n\n{body}")
    found = marked_concepts(lesson.sections[0], lexicon(lang), lang, " und ", "{count} weitere Spalten")
    return [(str(c.slots["term"]), bool(c.slots["coined"])) for c in found if c.kind == "term"]


@pytest.mark.parametrize(
    "lang, body, terms",
    [
        (  # bold, beside the words that define it
            "de",
            "**Digitalisierung** steht in diesem Kapitel für die Überführung von Kulturgütern in digitale Formate.",
            [("Digitalisierung", False)],
        ),
        (  # quoted, a name someone gave: "coined"
            "de",
            "Die Polizei führte einen „Operación limpieza“ genannten Einsatz im ganzen Land durch.",
            [("Operación limpieza", True)],
        ),
        (  # italics where the author says what a word means
            "es",
            "Y cuando digo *sobrevivir* no me refiero a su permanencia en un sentido literal.",
            [("sobrevivir", False)],
        ),
        (  # italics for a foreign word, no word naming it near: no term
            "es",
            "Muchas *suites* de ofimática incluyen la opción de guardar archivos en formatos que se definen abiertos.",
            [],
        ),
        (  # a work's title, every word capitalised: no term
            "es",
            'En su ensayo "Scarcity or Abundance", Roy Rosenzweig llamó la atención sobre la fragilidad de las pruebas.',
            [],
        ),
        (  # bold with no word that names or defines: emphasis, not a term
            "fr",
            "Les manuscrits anciens sont **très rares** dans les bibliothèques publiques.",
            [],
        ),
        (  # a name on a screen, after the word for the place it is on
            "fr",
            "Les valeurs de la colonne « Categories » sont appelées des catégories dans OpenRefine.",
            [],
        ),
        (  # an infinitive's phrase: a task, no term
            "fr",
            "Cette étape permet de « créer des données liées » comme on appelle ce travail.",
            [],
        ),
        (  # a meaning given for another word: a gloss, not the term
            "fr",
            "Cliquez sur le menu Sort (cet élément, qui signifie « trier », n'est pas traduit).",
            [],
        ),
        (  # a product's name
            "fr",
            "Ce logiciel, que l'on appelle *OpenRefine*, nettoie les données des musées.",
            [],
        ),
        (  # German, inflected after a genitive: a form no one looks up
            "de",
            "Im Folgenden wird die Sicherung des **Datenschutzes** genannt und erläutert.",
            [],
        ),
        (  # German, one word in lower case: an adjective, no term
            "de",
            "Die Daten werden **semantisch** beschrieben, wie man es in der Fachsprache nennt.",
            [],
        ),
        (
            "fr",
            "Il faut créer ce que nous appelons classiquement la création de « vérité terrain » pour entraîner un modèle.",
            [("vérité terrain", True)],
        ),
    ],
)
def test_a_term_is_what_the_text_sets_off_where_it_names_or_defines_it(lang, body, terms, tmp_path):
    assert _terms(tmp_path, lang, body) == terms


@pytest.mark.parametrize(
    "lang, first, second, paired",
    [
        ("de", "2D-Objekte", "3D-Objekte", True),  # German: the head is last, after a hyphen
        ("de", "2D-Objekte", "AV-Medien", False),
        ("es", "Formatos abiertos", "Formatos cerrados", True),  # Spanish: first, after the article
        ("es", "Formatos abiertos", "Formatos de archivo", False),  # a kind and a phrase of its own
        ("fr", "L'écriture latine", "L'écriture arabe", True),
        ("de", "Einleitung", "Einleitung", False),
        ("de", "Dienste für Nutzer", "Dienste für Mitarbeiter", True),  # the head before "für"
        ("de", "Ursprung von Discovery-Systemen", "Bestandteile von Discovery-Systemen", False),
        ("de", "Katalog {#katalog}", "Katalogisierung {#katalogisierung}", False),  # attributes
        ("es", "Resumen 1", "Resumen 2", False),  # labels, with numbers
        ("fr", "Supprimer les lignes vides", "Supprimer les doublons", False),  # two steps, no kinds
        ("es", "Crear un mapa", "Crear una capa", False),
    ],
)
def test_two_sibling_headings_are_a_pair_when_they_name_two_kinds_of_one_thing(
    lang, first, second, paired, tmp_path
):
    body = f"## Teil\n\nText eins.\n\n### {first}\n\nText zwei.\n\n### {second}\n\nText drei.\n"
    lesson = _lesson(tmp_path, lang, body)
    found = [c.slots for cs in marked_pairs(lesson, lexicon(lang)).values() for c in cs]
    assert found == ([{"first": first, "second": second}] if paired else [])


def test_a_german_table_and_code_are_asked_of_in_german(tmp_path):
    body = (
        "## Formate im Vergleich\n\nDie Tabelle vergleicht die Formate.\n\n"
        "| Format | Offen | Verlustfrei |\n|---|---|---|\n| TIFF | ja | ja |\n| JPEG | ja | nein |\n\n"
        "## Ein Skript\n\nDas Skript zählt die Dateien.\n\n```python\nprint(len(files))\n```\n"
    )
    questions = discussion_questions(_lesson(tmp_path, "de", body))
    asked = [q.text for q in questions.questions if q.origin == "generated"]
    assert (
        "Welches Muster zeigt die Tabelle mit den Spalten Format, Offen und Verlustfrei im Abschnitt "
        "„Formate im Vergleich“, und wie ließe es sich erklären?" in asked
    )
    assert (
        "Was tut der Python-Code im Abschnitt „Ein Skript“ Schritt für Schritt, und wie würden Sie ihn "
        "für eine eigene Fragestellung anpassen?" in asked
    )


def test_data_and_unnamed_code_are_not_asked_to_be_followed_step_by_step(tmp_path):
    """A MARC record in XML and a regular expression with no language named are no program."""
    body = (
        "## Ein Datensatz\n\nSo sieht ein Datensatz aus.\n\n```xml\n<record><leader>x</leader></record>\n```\n\n"
        "## Eine Prüfung\n\nDer Ausdruck prüft eine ISBN.\n\n```\n^97[89][0-9]{10}$\n```\n"
    )
    questions = discussion_questions(_lesson(tmp_path, "de", body))
    assert [q for q in questions.questions if q.kind == "code"] == []


def test_a_language_with_a_catalog_but_no_templates_gets_no_generated_question_and_one_warning(tmp_path):
    body = (
        "## Introduzione\n\nIl **restauro digitale** indica il recupero delle immagini danneggiate. "
        "Le biblioteche lo usano spesso.\n"
    )
    lesson = _lesson(tmp_path, "it", body)
    questions = discussion_questions(lesson)
    assert [q for q in questions.questions if q.origin == "generated"] == []
    assert learning_outcomes(questions, (), lesson) == ()
    said = [w.message for w in questions.warnings]
    assert (
        sum(
            "writes questions and learning outcomes in English, German, Spanish and French" in m for m in said
        )
        == 1
    )


def test_a_question_heading_gives_a_question_and_an_outcome_in_spanish(tmp_path):
    body = (
        "## ¿Por qué preservar los datos de investigación?\n\n"
        "Los datos se pierden con facilidad cuando nadie los documenta.\n\n"
        "Los formatos cerrados dependen de un programa concreto.\n"
    )
    lesson = _lesson(tmp_path, "es", body)
    questions = discussion_questions(lesson)
    asked = [q.text for q in questions.questions if q.origin == "generated"]
    assert asked and all("«¿Por qué preservar los datos de investigación?»" in q for q in asked)
    assert learning_outcomes(questions, (), lesson) == (
        "responder a la pregunta «¿Por qué preservar los datos de investigación?» a partir del texto",
    )


def test_a_french_text_states_its_own_objectives_and_the_outcomes_slide_shows_them(tmp_path):
    body = (
        "## Introduction\n\nÀ la fin de ce tutoriel, vous serez en mesure de\u00a0:\n\n"
        "- charger un corpus dans AntConc\n- comparer deux corpus\n- lire des concordances\n\n"
        "Le logiciel est gratuit. Il fonctionne sur tous les systèmes.\n"
    )
    lesson = _lesson(tmp_path, "fr", body)
    assert learning_outcomes(discussion_questions(lesson), (), lesson) == (
        "charger un corpus dans AntConc",
        "comparer deux corpus",
        "lire des concordances",
    )


def test_a_french_lead_in_keeps_its_no_break_space_before_the_colon(tmp_path):
    from lecturekit.language.keypoints import lead_point
    from lecturekit.model.lesson import plain

    lesson = _lesson(
        tmp_path, "fr", "## Un\n\nLes outils sont les suivants pour nos documents\u00a0:\n\n- un\n- deux\n"
    )
    lead = lesson.sections[0].blocks[0]
    assert plain(lead_point(lead.inlines, "fr")).endswith("documents\u00a0:")
    assert plain(lead_point(lead.inlines, "de")).endswith("documents:")


def test_a_fence_tag_is_named_as_its_author_means_it():
    from lecturekit.layout.highlight import language_name

    assert (language_name("ttl"), language_name("r"), language_name("python")) == ("Turtle", "R", "Python")


@pytest.mark.parametrize("lang", ["de", "es", "fr"])
def test_every_commonmark_example_is_read_for_questions_in_another_language(lang, tmp_path):
    """Another language's concepts are found by other rules (bold, quotation marks, headings):
    none of the 655 examples may crash them."""
    from lecturekit.errors import LessonError
    from lecturekit.options import Options
    from lecturekit.pipeline.build import plan_article

    from .test_corpus import EXAMPLES

    for example in EXAMPLES:
        article = tmp_path / f"{example['example']}.md"
        article.write_text(
            f"---\ntitle: T\nlang: {lang}\n---\n\n## Teil\n\n{example['markdown']}", encoding="utf-8"
        )
        with contextlib.suppress(LessonError):  # a clear message about the input: not a crash
            plan_article(article, Options())


def test_a_course_template_folder_is_not_filled_by_english_rules_for_a_language_lecturekit_cannot_read(
    tmp_path,
):
    from lecturekit.questions.template_files import TEMPLATE_DIR

    body = "## Introduzione\n\nIl **restauro digitale** indica il recupero delle immagini danneggiate nelle biblioteche.\n"
    questions = discussion_questions(_lesson(tmp_path, "it", body), template_dir=TEMPLATE_DIR)
    assert [q for q in questions.questions if q.origin == "generated"] == []


def test_a_french_section_of_objectives_gives_them_as_its_author_wrote_them(tmp_path):
    """ "## Objectifs du cours", a paragraph, then the list: the outcomes, lower case after
    « vous saurez : » as the author wrote them, without their closing « ; »."""
    body = (
        "## Objectifs du cours\n\nDans ce cours, vous apprendrez quatre tâches essentielles\u00a0:\n\n"
        "- supprimer les doublons\u00a0;\n- séparer plusieurs valeurs\u00a0;\n- regrouper les valeurs proches.\n\n"
        "## Données\n\nLe musée publie ses métadonnées. Elles sont libres.\n"
    )
    lesson = _lesson(tmp_path, "fr", body)
    assert learning_outcomes(discussion_questions(lesson), (), lesson) == (
        "supprimer les doublons",
        "séparer plusieurs valeurs",
        "regrouper les valeurs proches",
    )
