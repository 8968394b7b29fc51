"""The one a verb goes to: "diverted to Denver" where a close sentence says "diverted to Chicago".

A claim that takes a verb and its preposition from a source sentence but names another place, party or thing
after them says another fact, even where the sentence names the claim's one elsewhere ("Flight 202 from Boston to
Denver was diverted to Chicago": Denver is the route's end, not where it was diverted). Read on names only (a
capitalised run of words): what they stand for is settled by how the text writes them, and an ordinary word after
the same verb may be a synonym.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from onrecord.judge.finding import ClaimCase, Finding, at_sentence, spoken_to
from onrecord.judge.names import CAPITALISED, one_referent
from onrecord.judge.thresholds import Thresholds
from onrecord.retrieve.evidence import SentenceHit
from onrecord.text.lexical import stem
from onrecord.text.vocab import MONTHS, STOPWORDS, WEEKDAYS

_DATES = frozenset(MONTHS + WEEKDAYS)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
"""A year written in a sentence (1500-2099): a dated claim is read only against sentences of its years."""

_PREPOSITIONS = ("to", "from", "in", "into", "at", "for", "with", "against", "by", "of", "on")
_CAP = CAPITALISED
_RUN = _CAP + r"(?:\s+(?:of\s+|de\s+|the\s+)?" + _CAP + r")*"
# A verb (or noun) in lower case, its preposition, and the name after it ("diverted to Chicago", "signed with the
# Celtics", "lost to Arsenal").
_FRAME = re.compile(r"\b(?P<head>[a-z][a-z'-]{2,})\s+(?P<prep>" + "|".join(_PREPOSITIONS) + r")\s+(?:the\s+)?"
                    r"(?P<name>" + _RUN + r")")
# More names the same preposition governs ("for Israel and Ukraine", "to Paris, Rome or Vienna").
_MORE = re.compile(r"(?:\s*,\s*|\s+(?:and|or)\s+)(?:the\s+)?(" + _RUN + r")")


@dataclass(frozen=True)
class OtherName:
    hit: SentenceHit
    claim_words: str
    """The claim's frame ("diverted to Denver")."""
    source_words: str
    """The sentence's ("diverted to Chicago")."""


def _frames(text: str) -> list[re.Match[str]]:
    # A month or a day is a date, read by the figure rules ("introduced in February" for "in May").
    return [m for m in _FRAME.finditer(text) if m.group("head") not in STOPWORDS
            and m.group("name").split()[0].lower() not in _DATES]


def _governed(text: str, m: re.Match[str]) -> list[str]:
    """The names the frame's preposition governs: its own and any listed after it."""
    names, pos = [m.group("name")], m.end()
    while (more := _MORE.match(text, pos)) is not None:
        names.append(more.group(1))
        pos = more.end()
    return names


def _said_with(name: str, prep: str, text: str) -> bool:
    """The text has the preposition before ``name`` after a conjunction, its verb left out ("moved to London in 1936
    and to Paris in 1950"): the claim's frame is the second of two the sentence tells."""
    return bool(re.search(r"(?:\band|\bor|\bthen|\bbut|,)\s+(?:later\s+|also\s+)?" + prep + r"\s+(?:the\s+)?"
                          + re.escape(name) + r"\b", text))


_DOER = re.compile(r"(" + _RUN + r")(?:['’]s)?\s+(?:(?:was|were|is|are|has|have|had)\s+)?$")


def _doer(text: str, m: re.Match[str]) -> str | None:
    """The name right before the frame's verb ("Smith lost to Jones": "Smith"), if any; a name after a preposition is
    none ("Flight 202 from Boston to Denver was diverted": "Denver" is where the flight was going)."""
    found = _DOER.search(text[: m.start("head")])
    if found is None or re.search(r"\b(?:" + "|".join(_PREPOSITIONS) + r")\s+(?:the\s+)?$", text[: found.start(1)]):
        return None
    return found.group(1)


def _same_doer(claim: str, c: re.Match[str], sentence: str, s: re.Match[str]) -> bool:
    """The two frames may tell one doer's act: where both name who did it, one referent, and the sentence's doer is
    not the claim's name after the verb."""
    mine, theirs, texts = _doer(claim, c), _doer(sentence, s), (claim, sentence)
    if theirs is not None and one_referent(c.group("name"), theirs, texts):
        return False
    return mine is None or theirs is None or one_referent(mine, theirs, texts)


def other_name(claim: str, hits: Sequence[SentenceHit], read: int) -> OtherName | None:
    """The first of the ``read`` closest sentences whose verb and preposition the claim takes with another name
    after them, where none of those sentences gives the claim's name after that verb and preposition."""
    # A claim dated where a sentence is not may tell another event of the same kind ("signed with Cavalry FC ... on
    # January 23, 2019" against an earlier "sign with the Devonport City Strikers"): only sentences that give the
    # claim's years, if it has any, are read.
    years = set(_YEAR.findall(claim))
    close = [h for h in hits[:read] if years <= set(_YEAR.findall(h.text))]
    for c in _frames(claim):
        head, prep, name = stem(c.group("head")), c.group("prep"), c.group("name")
        said, other = False, None
        for hit in close:
            said = said or _said_with(name, prep, hit.text)
            for s in _frames(hit.text):
                if stem(s.group("head")) != head or s.group("prep") != prep:
                    continue
                if not _same_doer(claim, c, hit.text, s):
                    continue  # "Smith lost to Jones" tells nothing of "Patel lost to Smith"
                if any(one_referent(name, g, (claim, hit.text)) for g in _governed(hit.text, s)):
                    said = True
                elif other is None:
                    other = OtherName(hit, c.group(0), s.group(0))
        if other is not None and not said:
            return other
    return None


def other_frame(case: ClaimCase, t: Thresholds) -> Finding | None:
    """A close sentence gives the claim's verb and preposition another name (rule ``other_name``)."""
    hits = spoken_to(case, t)
    found = other_name(case.text, hits, t.relation_sentences) if hits is not None else None
    if found is None:
        return None
    return Finding("contradicted", t.other_name,
                   f"a source sentence says {found.source_words!r} where the text says {found.claim_words!r}",
                   at_sentence(found.hit), case.probability_dict())
