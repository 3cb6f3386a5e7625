"""Spanish, as far as lecturekit reads it: where a full stop ends no sentence.

A question or an exclamation opens with its own mark ("¿Por qué ...?", "¡Basta!"), which
lecturekit.model.text reads as a sentence's start. A Spanish bullet is its sentence, without the
linking phrase it opens with, whole or cut at a comma (lecturekit.language.keypoints).
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """sr sra sres srta dr dra lic ing ud uds pág págs núm art cap vol aprox etc ee uu avda
    p.ej""".split()
)

# A sentence that opens with one of these opens with a subordinate clause, which runs to the first
# comma: a bullet never stops there ("Si ese historiador no es ..., " says nothing yet).
SUBORDINATORS = frozenset(
    """si aunque cuando porque como mientras ya puesto dado para según conforme siempre apenas
    antes después""".split()
)

# What only links a sentence to the one before, set off by a comma ("Sin embargo, ..."): a bullet
# leaves it out and opens with its claim.
CONNECTIVES = frozenset(
    " ".join(phrase.split())
    for phrase in """sin embargo|además|no obstante|por lo tanto|por tanto|por consiguiente|por otra parte|por otro
    lado|en cambio|asimismo|así pues|de hecho|en efecto|en primer lugar|en segundo lugar|por último|
    finalmente|igualmente|del mismo modo|es decir|en resumen|en definitiva|en realidad""".split("|")
)

# A clause holding one of these says what is not so; one opening with a condition or a contrast
# limits or turns the claim before it ("..., siempre que ...", "..., sino ..."). A cut never
# leaves such a clause out: the bullet would claim more than the text.
NEGATIONS = frozenset("no ni nunca jamás nada nadie ninguno ninguna ningún tampoco sin apenas".split())
CONDITIONS = frozenset("si salvo excepto siempre solo sólo solamente únicamente mientras cuando".split())
CONTRASTS = frozenset("pero sino aunque sin embargo mientras que".split())

# A sentence opening with one of these points back to what came before ("Esto significa ...",
# "Dichos archivos ..."): its bullet shows only after the bullet that names what it means.
BACK_REFERENCES = frozenset(
    """esto eso ello este esta estos estas ese esa esos esas él ella ellos ellas dicho dicha dichos
    dichas tal tales así también tampoco allí aquí""".split()
)
# A bullet with one of these in its first words leans on what came before as well ("Los datos
# de este tipo ...", "El historiador, sin embargo, ...").
POINTING = frozenset(
    """este esta estos estas esto ese esa esos esas eso ello dicho dicha dichos dichas aquí allí
    embargo también tampoco""".split()
)
# ... unless it points at the text itself ("in diesem Kapitel", "este capítulo", "cette leçon")
SELF_NOUNS = frozenset("capítulo texto artículo apartado sección libro lección tutorial guía clase".split())

# What questions and outcomes read (lecturekit.questions.marked): a word that names or defines
# ("se denomina", "llamado", "conocido como", "se entiende por"), the headings that label a part
# rather than name a subject, and where a noun phrase has its head: first, after its article
# ("Formatos abiertos" and "Formatos cerrados" are both "formatos").
NAMING = re.compile(
    r"\b(?:denomin|llam|conoc|defin|signific|entiend|entend|refier|design|concepto|término)\w*", re.IGNORECASE
)
GENERIC_HEADINGS = frozenset(
    """introducción resumen conclusión conclusiones bibliografía referencias agradecimientos
    apéndice anexo prólogo discusión""".split()
)
ARTICLES = frozenset("el la los las un una unos unas lo".split())
HEAD_LAST = False
GENITIVE: frozenset[str] = frozenset()  # no case: a term reads the same after any word
NOUNS_CAPITALISED = False

# The text's own learning objectives (lecturekit.questions.outcomes): a heading that names them,
# or a paragraph that leads into their list ("Al final de esta lección podrás:").
OBJECTIVES = re.compile(
    r"^(?:objetivos(?: (?:de aprendizaje|de (?:la|esta) lección|del? (?:este )?(?:curso|tutorial)))?"
    r"|resultados de aprendizaje)\s*:?$",
    re.I,
)
OBJECTIVES_LEAD = re.compile(
    r"\b(?:al (?:final|terminar|acabar) (?:de )?(?:esta|este) (?:lección|capítulo|tutorial|unidad|clase|sección),?"
    r" (?:podrás|podrá|podréis|serás capaz|será capaz|sabrás|sabrá)|en (?:esta|este) (?:lección|tutorial),?"
    r" (?:aprenderás|aprenderá|aprenderéis)|objetivos\s*:)",
    re.IGNORECASE,
)
# A word an interface names a thing by: what is set off after it is a name on a screen ("columna «Categories»"), not a term
UI_NOUNS = frozenset(
    "columna columnas campo campos botón menú pestaña opción archivo carpeta comando ventana".split()
)
INFINITIVE = re.compile(r"^\w{2,}(?:ar|er|ir)$")  # "Documentar", "Crear": a task's heading opens with one
COLON = ":"  # what ends a lead-in's bullet ("... les suivants :")
# What a word is glossed by: what is set off after it is a meaning, not the term ("Sort, qui signifie
# « trier »")
GLOSS_VERBS = frozenset("significa significan quiere decir traduce".split())
# An infinitive after a comma is no object of the verb before it here: nothing to keep for it
INFINITIVE_MARK = ""
PURPOSE: frozenset[str] = frozenset()
