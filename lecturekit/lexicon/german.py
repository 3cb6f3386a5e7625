"""German, as far as lecturekit reads it: where a full stop ends no sentence, and where a long
sentence may be cut.

German writes an ordinal with a full stop ("im 19. Jahrhundert", "am 17. Juli", "der 2.
Weltkrieg") and abbreviates with stops inside ("z. B.", "d. h.", "u. a."); a single letter
before a stop is an initial everywhere (lecturekit.model.text), so "z." and "B." are already read
so; written without the space ("z.B.", "d.h."), they are listed.

A German bullet is its sentence, whole or cut at a comma (lecturekit.language.keypoints): German
puts a subordinate clause's verb last and a fronted connective's verb right after it, so leaving
a part out would need the words put in another order, which lecturekit never does.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """bzw usw vgl ca nr jh jhs abs abb bd bspw ggf evtl inkl insb sog zzgl dt engl frz lat
    dr prof hr fr st str tel mio mrd z.b d.h u.a o.ä u.ä s.o s.u v.a z.t i.d.r u.u""".split()
)

# a month or "Jahrhundert" after a number's full stop: an ordinal, as German writes a date
ORDINAL_NOUNS = frozenset(
    """januar jänner februar märz april mai juni juli august september oktober november dezember
    jahrhundert jahrhunderts jahrhunderte jh jahrtausend jahrtausends""".split()
)

# A sentence that opens with one of these opens with a subordinate clause, which runs to the first
# comma: a bullet never stops there ("Wenn die Bestände ..., " says nothing yet).
SUBORDINATORS = frozenset(
    """wenn obwohl obgleich da weil falls sobald solange während nachdem bevor ehe damit dass ob
    indem sofern soweit seit seitdem als""".split()
)

# German has none to leave out: a fronted connective takes the verb after it ("Außerdem wird
# versucht, ..."), and without it the sentence opens with its verb, as a question does.
CONNECTIVES: frozenset[str] = frozenset()

# A clause holding one of these says what is not so; one opening with a condition or a contrast
# limits or turns the claim before it ("..., sofern die Rechte geklärt sind", "..., sondern ...").
# A cut never leaves such a clause out: the bullet would claim more than the text.
NEGATIONS = frozenset(
    "nicht kein keine keinen keinem keiner keines nie niemals nichts niemand weder kaum ohne".split()
)
CONDITIONS = frozenset("wenn falls sofern soweit solange sobald nur außer ausser vorausgesetzt".split())
CONTRASTS = frozenset("aber jedoch sondern doch allerdings obwohl obgleich wobei während".split())

# A sentence opening with one of these points back to what came before ("Dazu gehörten auch ...",
# "Diese Verfahren ..."): its bullet shows only after the bullet that names what it means.
# Not "Das" and "Es", which open "Das Projekt ..." and "Es gibt ..." as often, nor "Sie" and
# "Ihre", which address the reader as often as they point back.
BACK_REFERENCES = frozenset(
    """dies diese dieser dieses diesem diesen er dazu darin damit dadurch davon darauf
    darüber daraus dabei dafür dagegen daneben derartige solche solcher solches so somit daher
    deshalb deswegen dennoch trotzdem auch anders hier hierfür hierbei hierzu darunter hierunter
    dort""".split()
)
# A bullet with one of these in its first words leans on what came before as well ("Zugang
# erhalten in diesen Fällen ...", "Die Allianz betonte jedoch, ...").
POINTING = frozenset(
    """dies diese dieser dieses diesem diesen hier hierfür hierbei hierzu hiermit hierdurch jedoch
    allerdings ebenfalls ebenso""".split()
)
# ... unless it points at the text itself ("in diesem Kapitel", "este capítulo", "cette leçon")
SELF_NOUNS = frozenset(
    """kapitel kapitels text textes beitrag beitrags artikel artikels abschnitt abschnitts buch
    buches handbuch handbuchs lektion vorlesung""".split()
)

# What questions and outcomes read (lecturekit.questions.marked): a word that names or defines
# ("steht für", "bezeichnet", "genannt", "versteht man unter", "spricht von"), the headings that
# label a part rather than name a subject, and where a noun phrase has its head: last, and in a
# compound written with a hyphen, its last part ("2D-Objekte" and "3D-Objekte" are both "Objekte").
NAMING = re.compile(  # not "Bedeutung" (also "importance") nor "Nenner"
    r"\b(?:bezeichn\w*|genannt\w*|nenn(?:t|en)|nannte\w*|heißt|heißen|versteh\w*|verstanden|begriff\w*"
    r"|gesprochen|spricht|definier\w*|bedeute(?:t|n)|geprägt|prägt|steh(?:t|en)(?:\s+\S+){0,4}\s+für)\b",
    re.IGNORECASE,
)
# an article or pronoun of the genitive: a term after it is inflected ("die Bedeutung des
# Datenschutzes"), and a question would ask of a form no one looks up
GENITIVE = frozenset("des eines dieses jenes".split())
# German writes every noun with a capital: a term of one word in lower case is an adjective or a
# verb ("semantisch"), which a question cannot ask the meaning of as of a term
NOUNS_CAPITALISED = True
GENERIC_HEADINGS = frozenset(
    """einleitung einführung überblick übersicht zusammenfassung fazit ausblick literatur
    literaturverzeichnis quellen anhang danksagung vorwort schluss diskussion""".split()
)
ARTICLES = frozenset("der die das den dem des ein eine einer einen einem eines".split())
HEAD_LAST = True  # but before what follows it: "Ursprung von Discovery-Systemen" is an "Ursprung"

# The text's own learning objectives (lecturekit.questions.outcomes): a heading that names them,
# or a paragraph that leads into their list ("Nach diesem Kapitel können Sie:").
OBJECTIVES = re.compile(
    r"^(?:lernziele|lernergebnisse|kompetenzziele|ziele (?:des|dieses) (?:kapitels|abschnitts|kurses|tutorials))\s*:?$",
    re.I,
)
OBJECTIVES_LEAD = re.compile(
    r"\b(?:(?:nach|am ende) (?:dieser|dieses|diesem) (?:lektion|kapitels?|einheit|vorlesung|abschnitts?|sitzung|tutorials?)"
    r",? (?:können|werden|sollten) sie|lernziele\s*:)",
    re.IGNORECASE,
)
# A word an interface names a thing by: what is set off after it is a name on a screen ("Spalte „Kategorien“"), not a term
UI_NOUNS = frozenset(
    "spalte spalten feld felder schaltfläche knopf menü menüpunkt reiter registerkarte option datei ordner befehl".split()
)
INFINITIVE = re.compile(
    r"^[a-zäöüß]\w*$"
)  # German nouns have capitals: a lower-case head is a verb ("Daten sammeln")
COLON = ":"  # what ends a lead-in's bullet ("... les suivants :")
# What a word is glossed by: what is set off after it is a meaning, not the term ("Sort, qui signifie
# « trier »")
GLOSS_VERBS = frozenset("bedeutet bedeuten meint meinen heißt übersetzt".split())
# A clause after a comma with "zu" before its infinitive completes the verb before the comma
# ("... kann das Personal befähigen, ein Verständnis zu entwickeln"): a cut never leaves it out,
# unless it opens as a purpose or a manner does ("um ... zu", "ohne ... zu"), which may go.
INFINITIVE_MARK = "zu"
PURPOSE = frozenset("um ohne statt anstatt".split())
