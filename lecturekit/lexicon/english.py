"""English: every word list lecturekit's text analysis reads, each beside the rule that reads it.

A rule names the lists it reads here; only a rule keyed to one particular word ("but" after a
comma, "rather than", "not only") spells that word out. Another language is another module with
the same names. The bullet guard (lecturekit/stats/faithful.py) and the deck's figures
(lecturekit/stats/deckstats.py) keep small lists of their own on purpose: they check the bullets
these lists shaped, so they must not share their mistakes.
"""

from __future__ import annotations

import re

from lecturekit.lexicon import MATH_WORD

# -- sentences (model/text.py: sentences) -------------------------------------------------------

# A full stop after one of these does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt vs etc e.g i.e cf al fig figs no nos vol vols pp ca approx inc ltd
    co corp dept est jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m ph.d
    b.a m.a m.sc b.sc""".split()
)

# Abbreviations that often end a sentence anyway, and the words that then open the next one.
ENDS_TOO = re.compile(r"\b(?:etc|al)$")
SENTENCE_OPENERS = re.compile(
    r"\s+(?:The|This|These|That|Those|It|Its|One|Such|We|They|There|In|A|An|Our|Some|Many|Most)\b"
)

# -- pictures (model/pictures.py) --------------------------------------------------------------

# `read_picture`: alt text of a badge, a README's status picture, which says nothing in a lecture.
BADGE_WORDS = re.compile(
    r"\b(?:build|ci|test|tests|coverage|codecov|license|licence|pypi|npm|version|release|downloads|docs|"
    r"documentation|status|badge|chat|gitter|discord|doi|travis|circleci|appveyor|binder|zenodo)\b",
    re.IGNORECASE,
)

# -- headings (model/reader.py) -----------------------------------------------------------------

# Titles of a section that holds the author's own discussion questions.
DISCUSSION_TITLES = frozenset(("discussion questions", "questions for discussion", "questions"))

# -- words of every sentence --------------------------------------------------------------------

# Pronouns that point back to something named before. condense: `with_under` shows a concession
# first when the claim opens with one; discussion: a question opening with one leans on the text.
BACK_REFERENCES = frozenset("it its this these those they them their he she".split())
# keypoints: a bullet opening with one of these takes its referent from the sentence before.
OPENING_PRONOUNS = BACK_REFERENCES | {"such", "that"}
REFERRING = OPENING_PRONOUNS - {"that"}  # "...: that this work can ...": a "that" that refers to nothing
# concepts: a slot's value or a claim's subject that opens with one of these names nothing.
SUBJECT_PRONOUNS = (BACK_REFERENCES - {"them"}) | {"that", "we", "you", "i", "his", "her", "our", "such"}
# discussion: a question holding one anywhere is about someone the text named before.
PERSONAL_BACK = frozenset("he she him it they them".split())  # not "its": "a state ... its people"

# Verbs that carry a clause. condense: `frame` ("The limitation is that ..."), `asides` (an aside
# with a finite verb is a clause of its own), `is_expletive`; keypoints: a name followed by one of
# these is what the sentence is about; concepts: the verb of a claim's subject.
COPULAS = frozenset("is was are were".split())
_HAVE = frozenset("has have had".split())
_DO = frozenset("do does did".split())
MODALS = frozenset("can could may might must should will would".split())
FINITE = COPULAS | _HAVE | _DO | {"will", "would", "can", "could"}
FINITE_VERBS = COPULAS | _HAVE | _DO | MODALS
AUXILIARIES = FINITE_VERBS | {"become", "became", "becomes", "remains", "remained"}
LINKING_VERBS = COPULAS | _HAVE | {"remains", "remained", "become", "became", "becomes"}

# Function words: what is never the last word of a cut bullet (condense: `cut`), nor a topic.
STOP = frozenset(
    """a an the of to in on at by for with from and or but as that which who is are was were be been
    its their his her our your this these those than then into onto over under about so not""".split()
)

# -- condensing a sentence (language/condense/) -------------------------------------------------

# `asides`: an aside that denies answers its claim with its opposite ("all readers can do is trust
# (or not trust) the results", "(spoiler: you aren't!)"), so it stays.
NEGATIONS = frozenset(
    """not no never nor neither none nobody nothing nowhere cannot can't don't doesn't isn't aren't
    wasn't weren't won't wouldn't shouldn't mustn't couldn't didn't hasn't haven't""".split()
)

# Every rule that leaves a part out: a part holding one of these is never left out, since its
# loss changes what the clause says (a negation, modality, condition or quantity). `cut` keeps a
# sentence whole rather than lose one.
PROTECTED = (
    NEGATIONS
    | {MATH_WORD}  # an equation: never left out of its bullet
    | frozenset(
        """without must may might should shall can could would will need needs required requires
    require only unless if except until most few many all every each some several minority
    majority any sometimes often usually always rarely seldom generally typically mostly largely
    mainly partly hardly barely almost nearly""".split()
    )
)

# `opening phrase`: a phrase opening with one is a condition, never left out; `asides`, `trailing
# clause`: a part holding one is never left out.
CONDITIONS = frozenset("if unless only until once provided providing whenever except".split())

# `opening phrase`, `split`, `cut`: words that make what follows them hold only under a condition,
# or only at a time.
CONDITIONAL = frozenset("if unless when whenever once until given assuming provided".split())
# `opening phrase`: nouns that make an opening phrase a condition ("In the absence of lactose,").
CONDITION_NOUNS = frozenset("absence presence event lack".split())

# `enumeration`: a participle with one of these after it opens a phrase, not a list's item
# ("characterized by ...", "located in ..."); "missing documentation" is an item.
PARTICIPLE_LINKS = frozenset("by in as to with from for on at of into".split())
# `split`: a semicolon before one of these ("...; which allows ...") opens a relative clause: no split.
RELATIVES = frozenset("which who whom whose".split())

# `connectives`: words that only link a sentence to the one before ("However,", "And"); "now", "then"
# and "still" only with their comma.
CONNECTIVES = frozenset(
    """however moreover furthermore indeed thus therefore hence also so and but yet still meanwhile
    nevertheless nonetheless instead additionally consequently ultimately besides plus now well
    accordingly likewise similarly then or""".split()
)
TIMES = frozenset("now then still".split())

# `connectives`: connectives of several words, left out when they open a sentence.
CONNECTIVE_PHRASES = tuple(
    tuple(p.split())
    for p in """in fact|of course|in addition|in other words|as a result|as a consequence|on the other hand
    |believe it or not|at the same time|for example|for instance|in particular|in short|in sum|to be sure
    |after all|above all|despite this|despite that|even so|that said|having said that|first of all
    |by contrast|in contrast|by the way|in turn|to begin with|to start with|at first|in the end
    |all in all|what is more|on top of that|with that in mind|more specifically|specifically|more importantly
    |most importantly|as a bonus|more generally|put simply|simply put|in practice|in general terms
    |as discussed above|as mentioned above|as noted above|as we saw above|as discussed earlier""".replace(
        "\n", " "
    ).split("|")
)

# `asides`: a bracket holding only a connective, "(for example)", is no qualifier.
PHRASE_WORDS = frozenset(" ".join(p) for p in CONNECTIVE_PHRASES) | CONNECTIVES

# `opening phrase`: words that open a phrase which, set off by a comma, can go while the bullet is
# too long; a cause, a time or a scope (KEPT_OPENERS) only at the second tier.
OPENERS = frozenset(
    """after although though as at before despite during following given in on by for since unlike
    whereas while with upon throughout within like compared amid among against beyond under over
    from to""".split()
)
KEPT_OPENERS = frozenset("when because since as in for within under among".split())

# `opening phrase`: past participles that open a phrase ("Held every year, ...").
PARTICIPLES = frozenset(
    """held known made built born given taken seen found led set put run written done shown grown
    thought brought bought sold told kept left met paid sent spent won begun drawn""".split()
)

# `opening phrase`: a number after the comma starts a subject ("Given this, three ...").
COUNT_WORDS = frozenset("one two three four five six seven eight nine ten dozens hundreds thousands".split())

# `frame`: "X claims that Y". A subject of GENERIC_SOURCES or NOT_A_SOURCE names no one: the frame
# is hearsay's form and goes; a named source stays, with the claim under it.
REPORTING_VERBS = frozenset(
    """claim claims claimed say says said report reports reported argue argues argued state states
    stated note notes noted believe believes believed suggest suggests suggested show shows showed
    shown find finds found estimate estimates estimated explain explains explained write writes wrote
    warn warns warned conclude concludes concluded observe observes observed predict predicts
    predicted insist insists insisted admit admits admitted""".split()
)
GENERIC_SOURCES = frozenset(
    """sources experts studies research reports critics locals people observers analysts some many
    others it they we i one evidence data scholars historians researchers surveys commentators""".split()
)
NOT_A_SOURCE = frozenset("have has had the is was are were be been being please".split())  # "Please note"

# `citations`: a citation one of these needs ("works such as [Alinsky1989]", "equation (5)") is no aside.
CITED_BY = frozenset(
    "as in by from of and or to with like see equation equations formula formulas eq eqs".split()
)

# `is_expletive`: "It is worth ...", "It can be difficult to ...": an "it" that refers to nothing.
EXPLETIVE = frozenset(
    """thanks worth important possible impossible likely unlikely clear unclear true false not hard
    easy difficult necessary essential time best better common rare vital crucial""".split()
)

# `asides`: how an appositive or a relative clause between commas opens.
ASIDE_OPENERS = frozenset(
    """which who whom whose also a an the one known formerly including especially particularly like
    such not often usually typically perhaps probably in at for by from with of as now then
    founded born based""".split()
)
RELATIVES = frozenset("which who whom whose where when".split())

# `trailing clause`: how a trailing clause that can go opens (", meaning that ...").
TRAILING = frozenset(
    """which making leading resulting allowing causing including especially particularly where
    thereby""".split()
)

# `trailing clause`: what opens the examples or alternatives a clause ends with (and "such as").
TRAILING_EXAMPLES = frozenset(("e.g", "whether"))

# `rather than`: "rather than X" runs to the next of these, unless a clause's subject comes first.
CLAUSE_SUBJECTS = frozenset("i we you he she they".split())
RATHER_THAN_ENDS = frozenset("for in on at to by with".split())

# What opens a subordinate clause. `split`, `cut`, `condition`: a concession (CONCESSIVE) goes under
# its claim, any other stays with what follows from it; `opening phrase`, `trailing clause`,
# `frame`, `asides`: a subordinate clause is no phrase to leave out, nor a source.
SUBORDINATORS = frozenset(
    """once if when whenever although though because since while whether as after before unless until
    whereas given assuming provided""".split()
)
CONCESSIVE = frozenset("although though whereas whilst".split())

# `split`, `cut`: what joins two claims, what only joins them (left out at the split), and what a
# clause that shares no subject opens with.
JOINER_WORDS = frozenset("and but meaning which means that whereas while because so where".split())
SUBJECT_JOINERS = frozenset("and while whereas because so where".split())
CLAUSE_STARTS = frozenset(
    "and but so yet or which because while meaning making including where who whereas".split()
)
BEFORE_CLAUSE = CONNECTIVES | {"even"}  # "but then we ...", "but even if ..."

# `enumeration`: a word that introduces a list ("divided into A, B and C"); items never open with NOT_ITEMS.
LIST_CUES = frozenset(
    "into include includes including included such as like are is were was of between among".split()
)
# ... nor with a finite verb: "concepts of computer science, such as X, are hard and ...": a predicate
NOT_ITEMS = (
    SUBORDINATORS | CLAUSE_STARTS | FINITE | frozenset("we i you they it he she there rather than".split())
)

# `split`, `cut`: a "because" after one of these is hedged ("partly because"): no split there.
HEDGES = frozenset("part partly just only not mainly largely simply merely".split())

# `asides`: what opens the main clause after a condition ("If X, then Y, where Z"): no aside.
CONSEQUENTS = frozenset(("then",))

# The sentence state (`subject_like`): a word that can open a subject. `connectives`: a word that
# needs the connective before it ("So is ...", "Still water").
SUBJECT_STARTS = frozenset(
    "the a an this these those it they we you i he she there its their many most some people".split()
)
NEEDS_SUBJECT = frozenset("is was are were do does did much many far that".split())

# The words the rules test one list at a time. `enumeration`, `cut`, `listing`: the words that
# join a list's last item; `asides`: what an aside is never followed by, nor preceded by.
AND_OR = frozenset(("and", "or"))
COORDINATORS = AND_OR | {"but", "nor"}
BEFORE_NO_ASIDE = SUBORDINATORS | {"that", "and", "but", "or"}
# `citations`: a bracket opening with one of these is a cross-reference, however long.
CROSS_REFERENCES = frozenset(("see", "cf"))
# `opening phrase`, `trailing clause`: words ending in -ing or -ed that open no participle clause.
NOT_PARTICIPLES = frozenset(("during", "following"))
NOT_TRAILING_PARTICIPLES = frozenset(("during", "meaning"))
# `enumeration`: the last "item" that opens an example runs on: the list sits mid-sentence.
EXAMPLE_CUES = frozenset(("such", "including", "like"))
# `cut`: a clause boundary with no comma before it.
REASON_STARTS = frozenset(("because", "whereas"))
# `is_expletive`: "It is worth ...", "It seems that ...".
EXPLETIVE_VERBS = frozenset(("is", "was", "be", "has", "seems", "appears"))

# -- key points (language/keypoints.py) ---------------------------------------------------------

# "This chapter outlines ...": the text speaking of itself, no referent needed.
SELF_NOUNS = frozenset(
    """policy document article chapter lesson paper guide post episode section lecture book report
    essay text page tutorial course workshop module unit session""".split()
)

# `worth_a_slide`: sentences that navigate, thank or set the mood: worth saying, not showing.
NOT_A_CLAIM = re.compile(
    r"""^(?:here\s+(?:is|are)\b|below\b|the\s+following\b|let(?:'|’)?s\b|let\s+us\b|in\s+this\s+
    (?:section|chapter|paper|article|lesson|episode|post|lecture|tutorial|guide)\b|the\s+rest\s+of\s+this\b
    |this\s+(?:section|chapter|paper|article|lesson|episode|post|tutorial)\s+(?:will|is|covers|describes
    |outlines|introduces|explains|discusses|presents|summari[sz]es|looks\s+at|sets\s+out)\b
    |so\s+far\s+(?:we|i|this)\b
    |\((?:edited|updated|adapted|translated|emphasis)\b[^()]*\)\.?$
    |in\s+the\s+(?:next|following|previous|last)\s+(?:section|chapter|episode|lesson)\b|we\s+(?:now\s+)?(?:turn|move)\s+to\b
    |(?:watch|read|see)\s+(?:this|the|a|an)\s+(?:talk|video|post|article|tutorial|book|page|discussion|thread)\b
    |(?:see|read)\s+(?:the\s+)?(?:previous|next|following|earlier|later|other)\s+(?:sections?|chapters?|episodes?|lessons?)\b
    |click\s+here\b
    |read\s+on\b|stay\s+tuned\b|welcome\s+to\b|thanks\s+(?:to|go)\b
    |key\s*words?\s*:
    |(?:photo(?:graph)?|image|picture|map|figure|illustration)s?\s+(?:by|courtesy\s+of|credit)\b.{0,120}$)""",
    re.IGNORECASE | re.VERBOSE,
)
NAVIGATION = re.compile(
    r"\b(?:as\s+(?:shown|seen|described|discussed|illustrated|listed)\s+in\s+(?:table|figure|fig\.|section)"
    r"|(?:table|figure|fig\.)\s+\d+\s+(?:shows|highlights|presents|summari[sz]es|lists|illustrates|gives)"
    r"|is\s+(?:organi[sz]ed|structured)\s+as\s+follows|we(?:'|’)ll\s+cover|acknowledg|grateful\s+to"
    r"|(?:would\s+like|wish|wants?)\s+to\s+thank|\b(?:we|i)\s+thank"
    r"|\b(?:i|we)\s+(?:want|wanted|would\s+like)\s+to\s+(?:spend|start|begin|talk|look|discuss|cover|introduce)"
    r"|^(?:for\s+(?:more|further|additional|help)\b[^.;]{0,80},\s+)?(?:see|visit|consult)\s+(?:the\s+)?(?-i:[A-Z])\w*"
    r"|^[^.:]{1,60}\?*:\s+see\b|\bwe\s+hope\s+you\s+(?:enjoy|find|like)|\bfeel\s+free\s+to"
    r"|\b(?:contributions|feedback|suggestions)\s+(?:are|is)\s+(?:always\s+)?welcome|\bwe(?:'|’)ve\s+got\s+answers"
    r"|\bcontact\s+us\b|\bemail\s+\S+@\S+|\bi\s+hope\s+(?:these|this|that\s+these)\s+(?:tips|notes|ideas)"
    r"|\bwe\s+(?:are\s+)?(?:always\s+)?(?:open\s+to|welcome)\s+(?:more\s+|new\s+|your\s+)?(?:contributions|feedback))\b",
    re.IGNORECASE,
)

# A word each of NAVIGATION's phrases holds: a sentence with none is searched no further (the
# search tries every phrase at every word, and a table flattened into a sentence is long).
NAVIGATION_CUES = (
    "table", "figure", "fig.", "section", "follows", "cover", "acknowledg", "grateful", "thank",
    "want", "would like", "see", "visit", "consult", "hope", "free to", "welcome", "answers", "contact", "@", "open to",
)  # fmt: skip

# `_name_at`: the small words inside a name ("Institute for Peace", "van Rossum").
NAME_PARTICLES = frozenset(("of", "for", "and", "de", "van", "von"))
# `_trim_end`: abbreviations whose full stop stays at the end of a bullet.
FINAL_ABBREVIATIONS = frozenset(("etc.", "al.", "inc.", "ltd.", "co."))
# `is_back_matter`: sections for the notes, not the slides: thanks, references.
BACK_MATTER = re.compile(
    r"^(?:acknowledge?ments?|thanks|references|bibliography|works cited|further reading|funding|credits"
    r"|about the authors?|licen[cs]e|footnotes|abbreviations|(?:learning |lesson )?objectives|authors?['’]?\s+(?:information|contributions?)|competing interests?|conflicts? of interests?"
    r"|declaration of interests?|author contributions?|data availability|availability of data and materials"
    r"|(?:further reading|additional resources|references)\b.*)$",
    re.IGNORECASE,
)
# outcomes: a section or heading of the text's own learning objectives, and the sentence that
# introduces a list of them; headings that name no topic ("Introduction", "Fun fact").
OBJECTIVES = re.compile(
    r"^(?:(?:learning|lesson|course|chapter|section)\s+)?(?:objectives?|outcomes?|goals?)\s*:?$",
    re.IGNORECASE,
)
# outcomes: the observable verbs a learning objective opens with (Bloom's, as syllabi use them): a
# list at the very start of a text whose every item opens with one states its objectives.
OBJECTIVE_VERBS = frozenset(
    """identify explain describe define list name recall recognise recognize summarise summarize
    distinguish compare contrast classify interpret apply use demonstrate solve analyse analyze
    examine differentiate evaluate assess judge justify critique design develop create construct
    formulate outline discuss state calculate predict relate remember present organise organize
    perform navigate manipulate extract employ write read select understand recognise learn know
    practise practice plan build choose combine convert load save plot filter import install
    locate modify reflect review share teach work access handle interpret translate transform resolve
    configure inspect debug test measure estimate compute prepare produce record restore revert undo
    collaborate visualise visualize join merge export subset slice index loop call clone commit push
    pull branch run execute automate count sort group aggregate reshape query redirect manipulate
    interconvert""".split()
)
OBJECTIVES_LEAD = re.compile(
    r"\b(?:by the end of this (?:section|chapter|lesson|lecture|unit|module|episode),? you (?:will|should) be able to"
    r"|(?:after|having) (?:reading|completing|studying) this (?:section|chapter|lesson|unit|module),? you (?:will|should)"
    r"|learning (?:objectives|outcomes)\s*:)",
    re.IGNORECASE,
)


# `lead_ins`: a short paragraph that introduces the list, picture, table or code after it.
INTRODUCES = re.compile(
    r"(?::|\b(?:we(?:'|’)ll|we\s+will|i\s+will|you\s+will|this\s+lecture\s+will)\s+(?:cover|discuss|look\s+at|learn)"
    r"\b.*|\bas\s+follows\.?|\bthe\s+following(?:\s+\w+){0,3}\.?|\bincludes?\.?)$",
    re.IGNORECASE,
)

# -- choosing what a lecture shows (language/selection.py) --------------------------------------

# `_score`: a claim that says it matters ("The main problem is", "crucially"), one that speaks of
# the text itself ("In this paper we", "this section"), and one that opens an example.
CLAIM_CUES = re.compile(
    r"\b(?:important|key|main|central|crucial(?:ly)?|essential|fundamental|primary|above all"
    r"|in (?:short|sum|summary|conclusion)|therefore|thus|the (?:problem|point|reason|result) is)\b",
    re.IGNORECASE,
)
SELF_REFERENCE = re.compile(
    r"\b(?:in this (?:paper|article|chapter|section|post|lesson|report|study|guide|page|episode)|this (?:paper"
    r"|article|chapter|section|post|lesson|report|study|guide|page|episode) (?:will|is|has|describes|presents"
    r"|shows|discusses|aims)"
    r"|(?:we|I) (?:will|shall|now|first|then|next)\b|our (?:approach|paper|study|work|method))",
    re.IGNORECASE,
)
EXAMPLE_CUES_OPENING = re.compile(r"^(?:for (?:example|instance)|e\.g\.|as an example|take)\b", re.IGNORECASE)

# -- topics (language/segment.py, questions/concepts.py) ----------------------------------------

# Words that carry no topic, beyond STOP: a part's title or a term never is one of these.
EMPTY_WORDS = STOP | frozenset(
    """i you he she it we they me him her us them my your our its their what which who whom whose
    this that these those am is are was were be been being have has had having do does did doing
    would should could ought can will may might must shall also just only very more most much many
    some any each every all both few other such no nor not own same so than too can't don't won't
    there here when where why how again further once one two three first second new old good great
    well even still however thus often always never way thing things lot make made get got like
    use used using see seen say said know known think want need take come go going see really
    something anything everything nothing someone anyone everyone nobody part parts time people
    person kind sort top bottom end start idea ideas example examples case cases number day year
    today tomorrow yesterday able because why yes right left back came come comes went gone let
    put set give given gave keep kept find found tell told ask asked try tried call called seem
    seems look looks looking feel felt mean means meant show shows shown help helps work works
    yet though although while whether until since unless upon about above below after before into
    onto over under around through across between without within rather quite almost already
    etc isbn doi url http https www com org""".split()
)

# concepts: section titles that name no subject to ask about; names: a heading's word that only titles.
GENERIC_TITLES = frozenset(
    """introduction conclusion conclusions overview summary background discussion preface outlook
    recap context notes""".split()
)
# `parallel_parts`: heads that name a kind of something the heading leaves unsaid ("Static version",
# "Dynamic version" of what?): two such headings are no pair a question can name.
RELATIVE_HEADS = frozenset(
    """version versions case cases type types kind kinds form forms part parts step steps stage
    stages phase phases approach approaches method methods option options example examples variant
    variants scenario scenarios setting settings""".split()
)

# outcomes: the same, and the labels of a lesson's furniture, as whole headings ("Fun fact", "Recap 1")
GENERIC_HEADINGS = re.compile(
    r"^(?:" + "|".join(sorted(GENERIC_TITLES)) + r"|intro|recap\b.*|fun facts?|key (?:points|questions)"
    r"|takeaways?|exercises?|solutions?|questions|answers?|note|examples?|abstract|prerequisites|setup"
    r"|(?:final |more |extra )?challenges?|suggestions?|(?:good |best )practices?|the process"
    r"|(?:further|additional|suggested) (?:reading|resources)|resources|references|see also|tips"
    r"|(?:quick )?dos and don[’']?ts|next steps|part \d+|chapter \d+|section \d+)$",
    re.IGNORECASE,
)

# outcomes: a heading that ends on one of these states a claim ("Motivation Matters"): "Explain why".
CLAIMING_VERBS = frozenset("matters counts works helps fails pays changes happens".split())
# outcomes: a heading that opens with one of these names a class exercise, not a topic to explain
# ("Brainstorming Motivational Impacts").
EXERCISE_GERUNDS = frozenset(
    """brainstorming discussing reflecting sharing thinking writing practising practicing reviewing
    summarising summarizing trying exploring""".split()
)

# topics: what tells a noun from a verb in the text's own use of a word. A word after one of
# VERB_SIGNALS is a verb there ("they report", "to build"), one after a determiner a noun ("the
# report"); TOPIC_JOINERS may join two nouns inside a key phrase ("distribution of code").
VERB_SIGNALS = frozenset(
    "to i we you they he she it who can could may might must should will would shall do does did not".split()
)
DETERMINERS = frozenset("the a an this these those its their his her our your my every each".split())
TOPIC_JOINERS = frozenset(("of",))
NOUN_SIGNALS = DETERMINERS | frozenset("of in on for with by from about into through".split())  # "of reports"
OBJECTS = DETERMINERS | frozenset(
    "them him us me everything something anything nothing".split()
)  # "requires everything"
PARTICLES = frozenset("up out down off away".split())  # "opened up": a verb's, never a topic's
# ... nor an irregular verb's past, which no ending gives away ("professors ran seminars").
IRREGULAR_PAST = frozenset(
    """ran made took gave went came saw held led grew began became built brought bought wrote won
    lost left kept met paid sent spent stood rose fell drew drove chose knew sought taught fought
    caught thought understood""".split()
)
# ... nor these: prepositions beyond STOP, and comparisons ("life better", "better overall").
NOT_IN_TOPICS = frozenset(
    """towards toward via beyond despite per versus vs upon throughout along against among amongst
    inside outside unlike near better best worse worst overall lots less least another third fourth
    fifth last next consists consist requires require differ differs involves involve contains
    depends seems seem appears provides enables ensures says themselves himself herself itself ourselves
    yourselves ever""".split()
)  # ... and verbs that are never a noun ("Human digestive system consists", "Remote-first requires")

# concepts: a title opening with one of these reads as an instruction or a question, not a topic.
VERBISH = frozenset(
    """be start ask figure build test keep collect learn celebrate use make get find write how what why
    when where who which do does is are can should will would could may must this these support
    avoid choose give take think try evaluate assess identify describe explain define analyse analyze
    apply clarify""".split()
)
TOPIC_PREPOSITIONS = frozenset(
    "before after during about against for from into of on to with without beyond".split()
)

# concepts: a topic holding one of these is a statement, not a subject.
STATEMENT_VERBS = frozenset(
    """is are was were be being been do does did can could should will would may must has have had
    take takes make makes get gets need needs require requires start starts give gives held not""".split()
)

# concepts `_noun_phrase`: "Ten tips for ...", "Recap of ...": what a title says before its subject.
LISTING_TITLE = re.compile(
    r"^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:tips|ways|lessons|rules|steps|things|ideas)\s+(?:for|to|on|about|in)\s+",
    re.I,
)
TITLE_PREFACE = re.compile(
    r"^(?:(?:recap|summary|review|overview|notes|introduction|a note)\s+(?:on|of|to)\s+|(?:of|on|about)\s+(?=the\s))",
    re.I,
)  # ... and the "Of"/"On" of an essay's title: "Of the Origin and Design of Government" -> "the origin ..."
# concepts `_subject`: a determiner or an uncountable head makes a topic read as a subject.
DETERMINED = re.compile(r"^(?:the|a|an|this|these|those|its|their|some|many|most|all)\s", re.I)
UNCOUNTED = re.compile(
    r"(?:ing|ship|ism|tion|sion|ity|ness|ance|ence|ics|age|ure|s|research|data|code|software|"
    r"knowledge|information|evidence|work|governance|practice|change|power|trust|policy)$",
    re.I,
)

# -- what a question asks about (questions/concepts.py, questions/discussion.py) ----------------

# concepts `_sources`: "X claims/said/found ...": the named source of a claim.
REPORTED_SOURCE = re.compile(
    r"^(?:[^,]{0,40},\s+)?(?P<source>.+?)\s+(?:has\s+|have\s+)?(?:claims?|claimed|says|said|argues?|argued|"
    r"reports?|reported|believes?|believed|estimates?|estimated|found|finds|suggests?|suggested|notes?|noted|"
    r"writes|wrote|warns?|warned)\b"
)

# concepts `_terms`: a term the text defines ("known as X", "is called X").
DEFINED_TERM = re.compile(
    r"\b(?:(?<!also )known as|(?:is|are|was|were|been|being)\s+(?:often\s+|also\s+)?(?:called|dubbed|termed)|"
    r"referred to as)\s+(?P<term>[“\"‘']?[A-Za-z][\w’'-]*(?:\s+[\w’'-]+){0,4}[”\"’']?)"
)

# concepts `_figures`: a figure with its qualifier and unit, a share of a whole; never a hypothetical's.
FIGURE = re.compile(
    r"(?:(?P<qualifier>over|more than|less than|about|around|nearly|almost|some|up to|at least)\s+)?"
    r"(?P<number>(?:[$€£]?\d[\d,.]*\s*(?:to|–|-)\s*)?"  # a range: "6 to 12 months"
    r"[$€£]?\d[\d,.]*(?:%| per cent| percent)?(?:\s+(?:million|billion|thousand))?)"
    r"(?:\s+(?P<unit>(?!of\b|in\b|to\b|and\b|or\b|the\b)[a-z][a-z-]+))?"
)
SHARE = re.compile(
    r" of (?:the |their |its |all )?(?!(?:this|these|those|us|his|its)\b)(?P<whole>[a-z][a-z-]+s)\b"
)  # a share of a plural: "of households"; "30% of this" is a share of what the sentence before said
HYPOTHETICAL = re.compile(r"^(?:imagine|suppose|say|let us say|let's say|if)\b", re.I)

# concepts `_obstacles`: a heading or lead-in that announces obstacles.
OBSTACLE = re.compile(
    r"\b(obstacles?|barriers?|limits?|limitations?|constraints?|holdbacks?|holding\b.{0,20}\bback|held back"
    r"|challenges?|problems?|difficult(?:y|ies)|hurdles?|restrictions?|risks?)\b",
    re.IGNORECASE,
)

# concepts `_evidence`: a claim worth asking about names no one personal, refers back to
# nothing, prescribes nothing, and states a cause or a figure or a name.
OPENING_NOT_SUBJECT = frozenset("there here on in at for to with by from of as".split())
# concepts: a part that argues, with two sentences or more holding one of these, has claims a
# student can weigh ("Which claim ... do you find least convincing?"). Not "should" or "must": a
# how-to and a policy prescribe in every line, and have no claim to doubt.
ARGUING = re.compile(
    r"\b(?:argues?|argued|evidence|suggests?|important|crucial|essential|problems?|risks?|benefits?"
    r"|advantages?|disadvantages?|however|although|barriers?|because)\b",
    re.IGNORECASE,
)
ARGUED = 2

# concepts `_said`: a claim a question quotes to ask why it holds states how things are: one of
# these present-tense verbs ("can" says what is possible, not what is so), none of PAST, and it
# is no definition ("The shell is a program ...").
PRESENT = frozenset(
    """is are isn't aren't has have does do doesn't don't tend tends remain remains
    need needs make makes mean means require requires depend depends become becomes allow allows
    help helps lead leads rely relies""".split()
)
PAST = frozenset("was were wasn't weren't had did didn't".split())
# ... and it generalises or judges, with one of these: a quantifier, a frequency, a judgement or a
# comparison ("Most ...", "often", "is cumbersome", "less"): what a student can ask "why?" of. A
# plain fact ("Peroxisomes have enzymes that ...") has a reason in the textbook, not in a debate.
GENERALISING = frozenset(
    """most many few all no often usually rarely seldom generally typically normally always never
    frequently increasingly tend tends general important difficult hard easy easier harder better
    worse best worst necessary essential crucial critical useful valuable popular suitable common
    uncommon rare cumbersome complex complicated effective integral central helpful costly risky
    dangerous safe more less fewer only require requires depend depends""".split()
)
# ... nor one of these words, which point at the text around it ("One such scheme", "the former",
# "Experts are also better"), or date it ("is now required": a change, not a claim).
POINTING = frozenset(
    """such former latter example examples following above below described listed here also too
    another other same next previous now therefore thus hence thereof therein thereby""".split()
)
# ... nor give its own reason or name a term: no "why?" left to ask.
ANSWERED = re.compile(
    r"\b(?:so that|owing to|since|reasons?|called|named|termed|dubbed|keep in mind|note|remember)\b", re.I
)
# ... nor open with one of these: a task ("Do not force ...", "Replace unicode errors ..."), or a
# relative that needs its context.
TASK_OPENERS = frozenset(
    """do don't never always please let whatever add allow avoid check create fix keep load make remove
    replace run set try update use""".split()
)
# ... nor describe in the present passive ("Fieldset is used to ...", "Salloum is accused of"):
# what a manual or a news item reports, nothing to explain.
PASSIVE = re.compile(
    r"\b(?:is|are|has been|have been)\s+(?:\w+ly\s+|not\s+|already\s+|also\s+|still\s+)*(?:\w+ed|\w+en|\w+wn|\w+rn|built|made|done|held|kept|set|put|run)\b",
    re.I,
)
DEFINITION = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:\S+\s+){0,6}?(?:is|are|refers? to|means)\s+(?:an?|the|one|any|all|when|where|how)\b",
    re.IGNORECASE,
)
REFERRING_WORDS = re.compile(r"\b(?:it|its|they|they're|them|this|these|those|he|she|his|her)\b", re.I)
PERSONAL = re.compile(r"\b(?:I|I'm|I’m|me|my|we|our|us|you|your)\b")
PRESCRIBING = re.compile(r"\b(?:should|must|shall|ought|is required|are required)\b", re.I)
CAUSAL = re.compile(
    r"\b(?:because|thanks to|due to|leads? to|led to|result(?:s|ed)? in|means? that|causes?|caused)\b"
)

# discussion: what a question put to the reader opens with (after "So", "And", "But").
QUESTION_OPENERS = frozenset(
    """what why how when where who whom whose which is are was were do does did can could would
    should will shall may might must have has had isn't aren't don't doesn't didn't can't won't
    wouldn't shouldn't couldn't""".split()
)

# discussion: a question the text answers itself (": how ...?"), or one that only illustrates.
TOLD = re.compile(r":\s+(?:how|what|which|who|why|when|where|did|does|do|is|are|can)\b[^.!]*\?")
ASIDE_QUESTION = re.compile(r"^(?:for example|for instance|e\.g\.)|\(", re.I)

# discussion `_without_preface`: "A question to pose could be: Which ...?".
QUESTION_PREFACE = re.compile(r"\b(?:question|ask|consider|pose)\w*\b", re.I)
# discussion `_answers`: a sentence opening like this answers the question before it.
ANSWER_CUES = re.compile(
    r"^(?:because|well|yes|no|simple|simply|the answer|that's|it's|it is|this is|they are|here's)\b", re.I
)

# bloom `classify`: the Bloom level a question's wording asks for. Checked in order; the
# first match decides: "create" first, so "design a better policy" is not taken for a judgement.
BLOOM_CUES = (
    (
        "create",
        r"^(design|propose|devise|imagine|plan|create|develop|suggest)\b|\bhow would you (design|build|create"
        r"|plan|change)\b|\bwhat would you (do|propose|design|change)\b",
    ),
    (
        "evaluate",
        r"\b(should|agree|justify|how far|to what extent|assess|evaluate|judge|better|worse|necessarily"
        r"|convincing|reliable|worth|do you think)\b|^(so )?(can|could|is|are|was|were|does|do|did)\b.*\bif\b",
    ),
    (
        "analyse",
        r"\b(why|compare|contrast|relationship|differ|cause|effect|what does .+ (show|reveal|suggest)"
        r"|how does .+ relate)\b",
    ),
    ("apply", r"\b(how could|how might|apply|example|where else|in practice|what would (happen|change))\b"),
)

# -- questions and outcomes (questions/concepts.py, questions/outcomes.py) ------------------------

# concepts `_sound`: a slot opening with one of these names no subject ("more resources", "no
# circulatory system").
VAGUE_OPENERS = frozenset("more further additional other some various several no".split())
# concepts `_cases`: the small words a name's capitals skip ("Bank of England").
CASE_JOINERS = frozenset("of and the de la le von van der du da".split())  # "Bank of England"
# concepts: a word after a sentence's first that makes it a task ("Describe how ...", "Decide if ...").
IMPERATIVE_NEXT = frozenset("how what why which the a an all your our each every this these those".split())
TASK_NEXT = IMPERATIVE_NEXT | frozenset("if whether that to sure it them up out".split())
# outcomes: a heading that asks; a gerund heading naming whose ("Choosing our Praises"); what no
# topic a student can name opens with ("From 1 to N").
WH_WORDS = frozenset("what why how when who which where".split())
PERSONAL_WORDS = frozenset("our your my their his her".split())
NOT_TOPIC_OPENERS = frozenset(
    "not from to in on at by for with of and or but before after during since until about".split()
)
# roles: a sentence that tells the reader what to do ("Avoid ...", "Use ...", "You should ...");
# a quarter of a part's sentences like it, and the part gives advice.
ADVICE = re.compile(
    r"(?:(?:if|when|where|for|in|unless)\b[^,]{0,80},\s*)?"  # "If it is relevant, be specific"
    r"(?:(?:avoid|use|don't|do not|never|always|ask|be|choose|consider|prefer|try|write|say|include"
    r"|keep|make|check|remember|think|refer|describe|let|give|put|follow|focus|instead)\b"
    r"|.*\b(?:you|we|writers?|authors?) (?:should|must|need to|ought to)\b"
    r"|.*\bshould (?:not )?be avoided\b)",
    re.IGNORECASE,
)
# roles: the words that walk through steps in order ("First ..., next ..., finally ..."); three
# of them, told apart, and the part describes a sequence.
SEQUENCE = re.compile(
    r"\b(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|next|finally|afterwards|followed by|step \d|stage \d)\b",
    re.I,
)
# outcomes: a part that says why its topic matters gives one of these; else no "why ... matters".
MATTERING = re.compile(
    r"\b(?:important|importance|matters?|essential|crucial|critical|benefits?|helps?|so that|because"
    r"|otherwise|without it|ensures?|allows?|enables?|makes? it (?:easier|possible))\b",
    re.IGNORECASE,
)
# selection `_points_back`: who a claim may speak of without naming them ("we never saw them"),
# and words a sentence opens with, capitalised by their place, not names.
BACK_PEOPLE = frozenset("he she him his her they them their".split())
SENTENCE_ADVERBS = frozenset("perhaps maybe yet still even thus hence".split())
# selection `_score`: a claim that speaks of an equation by its place or number ("Substituting the
# second equation into the first", "In (6), convergence holds"): shown without it, it points at nothing.
EQUATION_CITED = re.compile(
    r"\b(?:the\s+(?:first|second|third|fourth|last|next|above|previous|preceding|following|two|three)\s+"
    r"(?:equations?|formulas?|expressions?|identit(?:y|ies))\b"
    r"|(?:equations?|formulas?|eqs?\.?)\s*\(\d+\)|\b(?:in|from|by|of|and|with)\s+\(\d+\))",
    re.IGNORECASE,
)

# discussion `_leans_back`, selection `_stands_alone`: "this task", "these concepts", "the previous
# step", "the same ends", "the former": what the text set out before the sentence.
POINTED = re.compile(
    r"\b(?:(?:this|these|those)\s+(?!year|week|month|day|time|century|decade|way)\w+"
    r"|the (?:previous|above|following|former|latter)\b|the same\s+\w+s\b|\bthat same\b"
    r"|\b(?:listed|shown|given|described)\s+(?:below|above)\b)",
    re.IGNORECASE,
)

# -- importers: text as a lecturer has it (lecturekit/importers) ---------------------------------

# A line of page furniture: it prompts, shares, sells or navigates, and says nothing of the topic.
FURNITURE = re.compile(
    r"^(?:let us know\b.*|leave a (?:comment|reply)\b.*|(?:\d+\s+)?comments?\b.{0,20}|share (?:this|on)\b.*"
    r"|(?:share|tweet|email|print|pin it|like|follow us|subscribe|sign up)(?: this)?(?: (?:article|page|post|story))?"
    r"|(?:subscribe|sign up) (?:to|for) (?:our|the)\b.*|.*\bnewsletter\b.{0,40}|read more\b.*|continue reading\b.*"
    r"|related (?:articles?|posts?|stories|content)\b.*|you (?:may|might) also like\b.*|advertisement"
    r"|(?:photo|image|picture|credit|source|via)s?\s*:.*|(?:photo(?:graph)?|image|picture)s? (?:by|courtesy|credit)\b.*"
    r"|courtesy of\b.*|(?:tags?|categor(?:y|ies)|filed under|posted in)\s*:.*"
    r"|(?:©|copyright\b|\(c\)).*|all rights reserved\.?|skip to (?:main )?content|back to top|menu|home"
    r"|(?:\d+\s+)?min(?:ute)?s? read|click here\b.*|what do you think\?.*)$",
    re.IGNORECASE,
)
# A line naming the publication ("Linkilaw Business News", "The Daily Herald"): the source.
PUBLICATION = re.compile(
    r"\b(?:news|times|post|journal|magazine|review|blog|gazette|herald|tribune|daily|weekly|press"
    r"|chronicle|observer|digest|insider|wire|bulletin|quarterly|monthly|newsletter)\b|\b\w+\.(?:com|org|net|co\.uk|io)\b",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^(?:by|written by|words by|author:?)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$"
)
DATELINE = re.compile(
    r"^(?:(?:published|posted|updated|last updated)(?: on)?:?\s*)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* \d{4}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* \d{1,2}(?:st|nd|rd|th)?,? \d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})$",
    re.IGNORECASE,
)
# A paragraph that announces what the headings after it name: they are its sub-parts.
ANNOUNCING = re.compile(
    r"(?::$|\b(?:here are|the following|as follows|below are|listed below|these include|for example:)\b)",
    re.IGNORECASE,
)
# The heading given to an article's closing paragraph when it ends inside a case's sub-part.
CONCLUSION = "Conclusion"
