"""What a text calls a named person, against what its source calls them: "Dr. Alan Moss, the hospital's chief
executive, said ..." against "Dr. Alan Moss, the chief of emergency medicine, said ...".

A person's role is read where it is told of a name: in apposition after it ("Moss, the chief of emergency
medicine,") or as a title before it ("Treasurer Ana Lindqvist", "board chair Miriam Okafor"). Roles are compared
by their role nouns (``ROLE_NOUNS``: "chief", "executive", "mayor", "treasurer"), written one way ("chairwoman" is
"chair", "Sen." is "senator", "CEO" is "chief executive"); the words around them ("the hospital's", "former") are
left to the other rules. A claim's role is another than the source's when the source gives the person a role,
and a role noun of the claim's is in none of the source's roles nor in any source sentence that names the person
("Moss, who also runs the hospital as its chief executive"). A person the source gives no role is no matter here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from onrecord.judge.finding import Cited, ClaimCase, Finding
from onrecord.judge.thresholds import Thresholds
from onrecord.text.segment import sentences
from onrecord.text.vocab import STOPWORDS

ROLE_NOUNS = frozenset("""
mayor president governor senator representative judge justice minister secretary commander
chancellor councillor commissioner chief director executive officer manager chair treasurer superintendent principal
professor lecturer teacher coach captain sergeant detective inspector constable sheriff lieutenant general colonel
admiral spokesperson lawyer prosecutor doctor surgeon nurse economist analyst editor reporter founder owner deputy
vice trustee member clerk auditor comptroller administrator coordinator adviser consultant researcher scientist
engineer architect pastor priest bishop rabbi imam ambassador envoy premier king queen prince princess striker
goalkeeper midfielder defender forward quarterback pitcher pilot firefighter paramedic dean provost rector warden
""".split())
"""Nouns that name a role a person holds; the words around them are not compared."""
_SAME_ROLE = {"chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "spokesman": "spokesperson",
              "spokeswoman": "spokesperson", "councilman": "councillor", "councilwoman": "councillor",
              "councilor": "councillor", "councilmember": "councillor", "head": "chief", "leader": "chief",
              "boss": "chief", "attorney": "lawyer", "counsel": "lawyer", "solicitor": "lawyer", "barrister": "lawyer",
              "physician": "doctor", "advisor": "adviser", "sen": "senator", "rep": "representative",
              "gov": "governor", "gen": "general", "lt": "lieutenant", "sgt": "sergeant", "capt": "captain",
              "det": "detective", "supt": "superintendent", "prof": "professor", "atty": "lawyer", "goalie": "goalkeeper",
              "keeper": "goalkeeper", "insp": "inspector", "cmdr": "commander", "pres": "president", "dir": "director",
              "mgr": "manager", "congressman": "representative", "congresswoman": "representative",
              "assemblyman": "representative", "assemblywoman": "representative", "lawmaker": "representative"}
_ACRONYMS = {"ceo": ("chief", "executive"), "cfo": ("chief", "officer"), "coo": ("chief", "officer"),
             "cto": ("chief", "officer"), "md": ("director",)}
_HONORIFICS = frozenset("dr mr mrs ms miss mx sir dame".split())
# Roles and names are read within one clause: a title is the words right before a name, back to a stop word
# or a mark; an apposition runs from the comma after a name to the next comma or the sentence's end.
_NAME = r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+(?:van|von|de|da|del|al|bin)?\s*[A-Z][a-z'’-]+){0,2}"
_APPOSITION = re.compile(r"(?P<name>" + _NAME + r"),\s+(?P<role>(?:the|a|an|its|his|her|their|[A-Z][\w&.-]*['’]s)\s+"
                         r"[^,;:()\"“”.]{2,70}?)\s*(?=,|;|\.(?:\s|$)|$)")
# An apposition is a noun phrase: one with a verb in it is a clause ("In Denver, the judge ruled ...").
_NOT_IN_A_ROLE = re.compile(r"\b(?:said|says|told|is|are|was|were|has|have|had|will|would|can|could|may|might|\w+ed)\b")
_REPORTING = frozenset("said says told added noted explained wrote asked according".split())
_TITLED = re.compile(r"(?P<role>(?:[A-Za-z][\w'’-]*\.?\s+){1,4}?)(?P<name>" + _NAME + r")")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class Role:
    surname: str
    words: str
    """The role as written ("the chief of emergency medicine")."""
    nouns: frozenset[str]
    """Its role nouns, written one way."""


def role_nouns(words: str) -> frozenset[str]:
    """The role nouns of ``words``, written one way: "Chief Executive" → {"chief", "executive"}, "CEO" too."""
    out: set[str] = set()
    for w in _WORD.findall(words):
        low = w.lower().removesuffix("'s").removesuffix("’s")
        if low in _ACRONYMS:
            out.update(_ACRONYMS[low])
            continue
        low = _SAME_ROLE.get(low, low)
        if low in ROLE_NOUNS:
            out.add(low)
    return frozenset(out)


def _surname(name: str) -> str:
    return name.split()[-1]


def _title_before(m: re.Match[str]) -> Role | None:
    """A title right before a name ("Treasurer Ana Lindqvist", "said board chair Miriam Okafor"): the words before
    the name up to a stop, ending in a role noun. A capitalised title ("Treasurer") is read off the name's run."""
    words = m.group("role").split()
    name = m.group("name").split()
    while len(name) > 1 and (role_nouns(name[0].rstrip(".")) or name[0].lower().rstrip(".") in _HONORIFICS):
        words.append(name.pop(0))  # "Treasurer Ana Lindqvist": the run's first word is the title
    while words and words[-1].lower().rstrip(".") in _HONORIFICS:
        words.pop()  # "Dr." says a degree, not a role
    if not words or not role_nouns(words[-1].rstrip(".")):
        return None
    kept: list[str] = []
    for w in reversed(words[-3:]):  # back to a stop word or a reporting verb ("said board chair Miriam Okafor")
        if w.lower() in STOPWORDS or w.lower() in _REPORTING or w.endswith((",", ";", ":")):
            break
        kept.insert(0, w)
    return Role(_surname(" ".join(name)), " ".join(kept), role_nouns(" ".join(kept)))


def _after_a_stop_word(name: str) -> bool:
    """ "In Denver", "On Thursday": a phrase, not a name."""
    return name.split()[0].lower() in STOPWORDS


@lru_cache(maxsize=256)
def roles_in(text: str) -> tuple[Role, ...]:
    """Every role ``text`` gives a named person, in apposition or as a title."""
    out = []
    for sp in sentences(text):
        s = text[sp.start : sp.end]
        for m in _APPOSITION.finditer(s):
            nouns = role_nouns(m.group("role"))
            if nouns and not _NOT_IN_A_ROLE.search(m.group("role")) and not _after_a_stop_word(m.group("name")):
                out.append(Role(_surname(m.group("name")), m.group("role").strip(), nouns))
        for m in _TITLED.finditer(s):
            r = _title_before(m)
            if r is not None:
                out.append(r)
    return tuple(out)


def _named_with(text: str, surname: str, noun: str) -> bool:
    """A sentence of ``text`` names the person and holds the role noun, in any of its forms."""
    for sp in sentences(text):
        s = text[sp.start : sp.end]
        if re.search(rf"\b{re.escape(surname)}\b", s) and noun in role_nouns(s):
            return True
    return False


def other_role(claim_sentence: str, sources: Sequence[tuple[str, str]]) -> tuple[Role, Role, str] | None:
    """A role the claim's sentence gives a person that the sources give them none of: the claim's role, one the
    source gives, and the source's id."""
    for mine in roles_in(claim_sentence):
        theirs = [(r, sid) for sid, text in sources for r in roles_in(text) if r.surname == mine.surname]
        if not theirs:
            continue
        held = frozenset().union(*(r.nouns for r, _ in theirs))
        missing = [n for n in mine.nouns - held
                   if not any(_named_with(text, mine.surname, n) for _, text in sources)]
        if missing:
            r, sid = theirs[0]
            return mine, r, sid
    return None


def other_title(case: ClaimCase, t: Thresholds) -> Finding | None:
    """The claim's sentence calls a person by a role the sources do not give them (rule ``other_title``)."""
    if case.doc_claim is not None or not case.sentence:
        return None
    found = other_role(case.sentence, [(d.id, d.text) for d in case.sources])
    if found is None:
        return None
    mine, theirs, sid = found
    doc = case.source(sid).text
    at = doc.find(theirs.words)
    ev = (Cited(sid, at, at + len(theirs.words), t.other_title),) if at >= 0 else ()
    return Finding("contradicted", t.other_title,
                   f"the source calls {mine.surname} {theirs.words!r}, not {mine.words!r}", ev,
                   case.probability_dict())
