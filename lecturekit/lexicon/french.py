"""French, as far as lecturekit reads it: where a full stop ends no sentence, and where a long
sentence may be cut.

A French bullet is its sentence, without the linking word it opens with, whole or cut at a comma
(lecturekit.language.keypoints), never inside the subordinate clause it opens with.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset("cf env av apr éd coll vol chap ibid op cit mme mlle mm dr pr".split())

# A sentence that opens with one of these opens with a subordinate clause, which runs to the first
# comma: a bullet never stops there ("Bien que le corpus soit ..., " says nothing yet).
SUBORDINATORS = frozenset(
    """si quand lorsque lorsqu bien quoique puisque puisqu comme parce afin pour tandis alors dès
    avant après pendant""".split()
)

# What only links a sentence to the one before, set off by a comma ("Cependant, ..."): a bullet
# leaves it out and opens with its claim.
CONNECTIVES = frozenset(
    " ".join(phrase.split())
    for phrase in """cependant|toutefois|néanmoins|pourtant|par ailleurs|de plus|en outre|en effet|ainsi|donc|
    enfin|d'abord|ensuite|par conséquent|en revanche|au contraire|de même|autrement dit|en résumé|
    en somme|d’abord""".split("|")
)

# A clause holding one of these says what is not so; one opening with a condition or a contrast
# limits or turns the claim before it ("..., à condition que ...", "..., mais pas ..."). A cut
# never leaves such a clause out: the bullet would claim more than the text.
NEGATIONS = frozenset("ne n pas jamais rien personne aucun aucune ni sans guère".split())
CONDITIONS = frozenset("si sauf excepté seulement uniquement pourvu tant lorsque lorsqu quand".split())
CONTRASTS = frozenset("mais sinon pourtant toutefois cependant tandis alors bien quoique".split())

# A sentence opening with one of these points back to what came before ("Cela permet ...", "Ces
# outils ...", "C'est ..."): its bullet shows only after the bullet that names what it means. Not "Il", which
# opens "Il faut ..." and "Il existe ..." as often.
BACK_REFERENCES = frozenset(
    "cela ceci ça c ce cet cette ces celui celle ceux celles elle ils elles aussi ainsi également ici là".split()
)
# A bullet with one of these in its first words leans on what came before as well ("Les outils
# de cette époque ...", "Le modèle, toutefois, ..."). Not "ce", which opens "ce que" as often.
POINTING = frozenset(
    "cet cette ces cela ceci ici là celui celle ceux celles toutefois cependant pourtant".split()
)
# ... unless it points at the text itself ("in diesem Kapitel", "este capítulo", "cette leçon")
SELF_NOUNS = frozenset("chapitre texte article section partie livre leçon tutoriel guide cours".split())

# What questions and outcomes read (lecturekit.questions.marked): a word that names or defines
# ("que nous appelons", "dit", "désigne", "on entend par"), the headings that label a part rather
# than name a subject, and where a noun phrase has its head: first, after its article
# ("Données ouvertes" and "Données fermées" are both "données").
NAMING = re.compile(
    r"\b(?:appel|nomm|désign|défini|signifi|entend|qualifi|notion|terme|concept)\w*|\bdite?s?\b",
    re.IGNORECASE,
)
GENERIC_HEADINGS = frozenset(
    """introduction résumé conclusion conclusions bibliographie références remerciements annexe
    préface avant-propos discussion""".split()
)
ARTICLES = frozenset("le la les l un une des du de d".split())
HEAD_LAST = False
GENITIVE: frozenset[str] = frozenset()  # no case: a term reads the same after any word
NOUNS_CAPITALISED = False

# The text's own learning objectives (lecturekit.questions.outcomes): a heading that names them,
# or a paragraph that leads into their list ("À la fin de ce tutoriel, vous serez en mesure de :").
OBJECTIVES = re.compile(
    r"^objectifs(?: (?:d['’]apprentissage|pédagogiques|(?:de (?:la|cette|ce)|du) (?:leçon|cours|tutoriel)))?\s*:?$",
    re.I,
)
OBJECTIVES_LEAD = re.compile(
    r"\b(?:à la fin de (?:ce|cette) (?:leçon|tutoriel|chapitre|cours|séance|section),? vous (?:serez en mesure de"
    r"|saurez|pourrez|serez capables? de)|dans (?:ce|cette) (?:leçon|tutoriel|cours),? vous (?:apprendrez|allez apprendre)"
    r"|objectifs\s*:)",
    re.IGNORECASE,
)
# A word an interface names a thing by: what is set off after it is a name on a screen ("colonne « Categories »"), not a term
UI_NOUNS = frozenset(
    "colonne colonnes champ champs bouton menu onglet option fichier dossier commande fenêtre".split()
)
# "Supprimer", "Créer", "Lire": a task's heading opens with one (not "Écriture", "Structure")
INFINITIVE = re.compile(
    r"^(?:\w{2,}(?:er|ir)|faire|lire|écrire|prendre|produire|construire|traduire|décrire|comprendre|apprendre"
    r"|mettre|reproduire|inscrire|dire)$",
    re.IGNORECASE,
)
COLON = "\u00a0:"  # what ends a lead-in's bullet ("... les suivants :")  # French sets a no-break space before its colon
# What a word is glossed by: what is set off after it is a meaning, not the term ("Sort, qui signifie
# « trier »")
GLOSS_VERBS = frozenset("signifie signifient veut dire traduit".split())
# An infinitive after a comma is no object of the verb before it here: nothing to keep for it
INFINITIVE_MARK = ""
PURPOSE: frozenset[str] = frozenset()
