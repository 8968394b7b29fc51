"""The word lists onrecord reads text by, each kept once, with why it exists.

Every module imports from here; none keeps a copy of its own (two copies drift apart: a document noun
added to one list and not the other let "the speech" be a speaker in one place and a document in another).
"""

from __future__ import annotations

import re

from onrecord.text.numwords import SCALES, TENS, UNITS

STOPWORDS = frozenset("""
a an the and or but if then else of to in on at by for with from as into onto over under about than
that this these those it its it's is are was were be been being am do does did done have has had having
not no nor so too very can could may might must shall should will would i me my we our ours you your
he him his she her hers they them their theirs who whom whose which what when where why how all any
both each few more most other some such only own same just also there here up down out off again
further once s t don now said says say told according while during before after above below between
through because until against among one ones per via upon within without whether either neither yet
mr mrs ms dr
cannot n't isn't aren't wasn't weren't don't doesn't didn't haven't hasn't hadn't can't couldn't won't wouldn't
shouldn't mustn't mightn't needn't shan't ain't i'm i've i'll i'd you're you've you'll you'd he's he'll he'd
she's she'll she'd it'll it'd we're we've we'll we'd they're they've they'll they'd that's that'll there's
there'll who's what's here's
""".split())
"""Words that carry no content of a claim: BM25 ranking and word coverage compare the other words only.
Reporting verbs ("said", "told", "according") are here too: every reported claim has one, so sharing it
says nothing about whether a source speaks to the claim. So are the contracted forms of the stop words
("didn't", "can't", "they're", "that's"; "n't" where a text is split as "was n't"), written with a straight
apostrophe (readers fold "’" first): "The mayor didn't attend" against "did not attend" covered 75% of
its words before, and "cannot" against "can't" 50%. The denial itself is the negation rules' to read
(``NEGATIONS``), not a content word's."""

QUOTE_FUNCTION_WORDS = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been it its this that "
    "these those he she they we you i his her their our your my me him them us not no so if than then "
    "there here have has had do does did will would can could may might shall should".split()
)
"""Function words left out when a near-match quotation's content words are counted (``extract.quotes``).
Narrower than ``STOPWORDS`` on purpose: a changed "said" or "one" inside a quotation is a changed word of
the quotation, so reporting verbs and numerals count as content there."""

NEGATIONS = ("not", "no", "never", "neither", "nor", "none", "nobody", "nothing", "cannot", "without")
"""Words that negate what follows; with "n't" they flip a sentence's polarity (a contradiction when a
claim and its closest source sentence differ in it) and mark a quotation quoted inside a denial."""

_RANK_AFTER_NO = r"\.?\s*\d{1,3}(?![\d,%\w-]|\.\d)"
NUMBER_ABBREVIATION = r"(?!" + _RANK_AFTER_NO + ")"
"""After "no": not the abbreviation of "number" ("world No 1", "No. 10 Downing Street", "no 3 seed"); a
figure that goes on ("no 24-hour service", "no 5G", "no 10% rise") is denied."""

NUMBER_NO = re.compile(r"\bno(?=" + _RANK_AFTER_NO + ")", re.I)
"""The "No" that abbreviates "number", where ``NUMBER_ABBREVIATION`` reads no denial: a text whose figures
are blanked must blank it with them, or "world No 1" would read as "world No"."""

NOT_ONLY = r"(?!\s+(?:only|just|merely|simply)\b)"
"""After "not": not the correlative "not only ... but", "not just", which asserts what follows ("the video not
only entertains, but inspires")."""

# What may follow "declined to" or "fell to" where it is a level, not an act: a figure, an article or a
# possessive, a hedge of a figure, a number in words, a superlative ("declined to its lowest", "declined to
# record lows", "declined to three").
_LEVEL_WORDS = ("the a an its their his her our my your this that these those some any about around nearly almost "
                "roughly just only below under above over less more fewer record new levels level lows low highs "
                "high half " + " ".join([*UNITS, *TENS, *SCALES]))
_DENIES_ACT = (r"\b(?:fail(?:s|ed|ing|ure)?|refus(?:e|es|ed|ing|al)|declin(?:e|es|ed|ing)|neglect(?:s|ed|ing)?)\s+to\s+"
               r"(?!(?:" + "|".join(_LEVEL_WORDS.split()) + r")\b)(?=[a-z]+\b)(?![a-z]+est\b)"
               # "has yet to approve", "is yet to be approved": not yet; "needed before the drug can be recommended":
               # not yet recommended.
               r"|\b(?:has|have|had|is|are|was|were)\s+(?:still\s+)?yet\s+to\s+(?:be\s+)?(?=[a-z]+\b)"
               r"|\b(?:needed|required|necessary)\s+before\s+(?:[\w'’-]+\s+){1,3}?(?:can|could)\s+be\s+(?=[a-z]+ed\b)"
               # "too hot to support life", "too late to apply": the act after it cannot be, as "cannot" says.
               r"|\btoo\s+[a-z]+(?:\s+[a-z]+)?[\'’\"”]?\s+to\s+(?=[a-z]+\b)"
               # "postponed a vote on the fee increase": no vote yet, as "did not vote on" says.
               r"|\b(?:postpon|delay|defer|put\s+off|tabl)\w*(?=\s+(?:a|the|its|their|any)\s+(?:final\s+)?"
               r"(?:vote|decision|ruling)s?\b)")
# "denied that ...", "denies taking bribes" (not "denied everything"), "rejected claims that ...", "disputed reports
# that ..." (not "disputed that account": "that" there is no clause's).
_DENIES_CLAUSE = (r"\bden(?:y|ies|ied|ying)\s+(?:that\b|(?!(?:every|any|no|some)thing\b)(?=[a-z]+ing\b))"
                  r"|\b(?:reject|dismiss|disput)(?:s|es|ed|ing|e)?\s+(?:(?:the|any|all)\s+)?(?:claims?|suggestions?"
                  r"|allegations?|reports?|accusations?|assertions?|charges?)\s+that\b")
IMPLICIT_NEGATION = re.compile(_DENIES_ACT + "|" + _DENIES_CLAUSE, re.I)
"""A verb that denies what it names next. An act after "to": "refused to sign" says the signing did not happen, as
"did not sign" does; "failed to pay", "declined to comment", "neglected to file", "his failure to pay", "has yet to
approve" (not yet), "is yet to be approved". Only an
act follows: "shares declined to $4", "declined to their lowest level" and "declined to three" give a level
(the rise/fall rules read those). A clause someone denies: "the mayor denied that the city had overspent" gives
the mayor's word that it had not, as "the mayor said the city had not overspent" does ("denies taking bribes",
"rejected claims that ..."). The match is the cue ("refused to ", "denied that") alone, so a
text can drop it and keep the words it denies."""

_NEGATION_FOLLOWS = {"no": NUMBER_ABBREVIATION, "not": NOT_ONLY}
NEGATION = re.compile(r"\b(?:" + "|".join(w + _NEGATION_FOLLOWS.get(w, "") for w in NEGATIONS) + r")\b|n['’]t\b|"
                      + IMPLICIT_NEGATION.pattern, re.I)
"""A negation anywhere in a string (case-insensitive; "n't" as in "didn't", with either apostrophe: "didn’t" is
as common in published text; a verb that denies its act, ``IMPLICIT_NEGATION``)."""

ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr no v vs etc inc ltd co corp jan feb mar apr jun
jul aug sep sept oct nov dec e.g i.e u.s u.k u.n a.m p.m approx fig art sec para ch vol pp ft mt ave blvd
dept est
""".split())
"""Words after which a full stop does not end a sentence ("Mr. Putin", "U.S. officials", "Jan. 6"): the
sentence splitter and the speaker finder both read a full stop by this list."""

DOCUMENT_NOUNS = frozenset("""
letter document text guidance report statement policy notice transcript memo memorandum article email
e-mail filing opinion ruling release speech bill law order decision paper study summary contract
agreement complaint lawsuit indictment message post note tweet record minutes survey faq website page
book
""".split())
"""Nouns that name a document. "The letter says ..." is a claim about a document (checked against the
document's own words), and "the letter" is never a person who said something."""

AUXILIARIES = frozenset("""
is are was were be been am has have had will would can could should shall may might must do does did
isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't shouldn't mustn't
doesn't don't didn't cannot
""".split())
"""Auxiliaries and copulas: one of them makes a string a clause ("the bridge is unsafe")."""

IRREGULAR_PAST = frozenset("""
rose fell grew won lost held made took gave came went saw ran met left kept paid sold built spent sent
began broke brought bought caught chose drew drove fought found flew got hit hurt knew led lent let lay
meant put quit rode rang set shook shot shut sang sank sat slept spoke stood stole struck swore swept
threw taught thought understood woke wore cut cost became overtook withdrew forgot rebuilt shrank
sprang upheld overtook undertook arose bore beat bit blew bled bred dealt dug fed felt fled forbade
froze hung hid laid mistook outgrew overcame overran oversaw paid rebuilt rid sought split spread stuck
stung strove swung tore told said wrote wound
""".split())
"""Past forms without "-ed": with the auxiliaries and "-ed" words, what marks a clause's finite verb
("said revenue rose 8%") where no parser is at hand."""

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""Names of months and days: one in place of another of its kind is another date (``judge.substitution``)."""
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                       "oct": 10, "nov": 11, "dec": 12}
"""Months as news writes them before a day ("Mar. 14, 2027"): a date, and no name where a day follows."""
CURRENCY_CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "JPY", "CNY", "INR")
"""Codes written before an amount ("USD 3 million"): money, as "$" is, and never a name a source must give."""

NAME_READINGS: dict[str, tuple[str, ...]] = {
    "washington": ("federal", "u.s.", "united states", "white house", "congress", "administration"),
    "beijing": ("china", "chinese"),
    "moscow": ("russia", "russian", "kremlin"),
    "kremlin": ("russia", "russian", "moscow"),
    "brussels": ("european union", "eu", "european commission"),
    "london": ("britain", "british", "uk", "united kingdom"),
    "whitehall": ("british government", "civil service", "ministry"),
    "westminster": ("parliament", "british government"),
    "paris": ("france", "french"),
    "berlin": ("germany", "german"),
    "tokyo": ("japan", "japanese"),
    "ottawa": ("canada", "canadian"),
    "canberra": ("australia", "australian"),
    "pentagon": ("defense department", "department of defense", "defence ministry", "military"),
    "us": ("u.s.", "america", "american", "americans"),
    "uk": ("u.k.", "britain", "british"),
    "eu": ("e.u.", "european"),
    "un": ("u.n.",),
    "ceo": ("chief executive",),
    "cfo": ("chief financial", "finance chief", "finance director"),
    "coo": ("chief operating",),
    "cto": ("chief technology", "chief technical"),
}
"""Words a source may use for a name a claim gives: a place that stands for the power seated there
("Washington will pay half" for "the federal government will pay half"), a country's acronym its adjective
stands for ("US" for "American officials"), a title's acronym whose expansion
is not spelled out word for word ("CEO" for "chief executive"). A claim's name is one its source gives when
the source has one of these."""

LIGHT_WORDS = frozenset("""
go goes going went gone come comes coming came get gets getting got make makes making made take takes taking
took taken give gives giving gave given put puts putting keep keeps keeping kept tell tells telling told bring
brings bringing brought set sets setting let lets say says saying see sees seeing saw seen look looks looking
find found show shows showed shown turn turns turned seem seems seemed become becomes became begin begins began
beginning start starts started end ends ended ahead early earlier late later latest first last next new old big
small many much more most less least still however also even yet already soon now then today time times year
years day days week weeks month months part parts way ways thing things lot lots due every each several various
certain whole other another same such own able well back away around nearly almost roughly approximately
about some just only
""".split())
"""Content words too common to be a claim's own fact: light verbs ("went ahead", "tells schools to bring"),
adverbs of time and degree, hedges of a figure ("nearly half": the figure rules read those), vague nouns.
A paraphrase uses them freely; a claim that brings words no source has is weighed on its other words
(``onrecord.text.terms.new_words``)."""

LIST_WORDS = frozenset("and or nor plus both either neither also as well".split())
"""Words that join the items of one list: two items exchanged across only these are the same list
(``judge.exchange``)."""

SYMMETRIC_WORDS = frozenset("""
meet met meeting marry married wed wedded tie tied draw drew drawn play played face faced clash clashed
merge merged collide collided partner partnered versus vs v between against alongside together talk
talked spoke speak negotiate negotiated trade traded compete competed equal equals match matched same
similar resemble resembled differ differs differed like unlike share shared
""".split())
"""Words of a relation that holds both ways ("A met B" is "B met A"; "Leeds played Hull"), or that sets two
things side by side ("A versus B", "between A and B"): across one of them two exchanged words say the same
(``judge.exchange``)."""
