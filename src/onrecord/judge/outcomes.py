"""Who won and who lost: "Eastvale won 3-1" where a close sentence says "Harbor City beat Eastvale 3-1".

A contest's result is told many ways: "A beat B", "B was defeated by A", "B lost to A", "A won". Each names a
winner, a loser or both; a claim that gives the win to the side a close sentence gives the loss (or the loss to
the winner) says the opposite, though its words ("won") are not the sentence's ("beat"). Sides are names (runs
of capitalised words), compared as names are elsewhere (``substitution.one_referent``: "Harbor City" and
"City" may be one side).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from onrecord.judge.finding import ClaimCase, Finding, at_sentence, spoken_to
from onrecord.judge.names import CAPITALISED, one_referent
from onrecord.judge.thresholds import Thresholds
from onrecord.retrieve.evidence import SentenceHit
from onrecord.text.vocab import STOPWORDS

_CAP = CAPITALISED
_SIDE = r"(?:the\s+)?(?P<{0}>" + _CAP + r"(?:\s+(?:of\s+)?" + _CAP + r")*)"
_BEAT = (r"(?:(?:had|has|have)\s+(?:been\s+)?)?(?:beat|beaten|defeated|overcame|overcome|edged(?:\s+past)?|thrashed"
         r"|routed|crushed|upset|outplayed|knocked\s+out|eliminated)(?!\s+by\b)")
_BEATEN = r"(?:beaten|defeated|knocked\s+out|eliminated|edged\s+out|thrashed|routed|upset)"
_SCORE = r"(?:\d+\s*[-–]\s*\d+\s+)?"
# Each reading names the winner (group "win"), the loser ("lose") or both; "The" or "He" opening a sentence is no side.
_READINGS = [
    re.compile(_SIDE.format("win") + r"\s+" + _BEAT + r"\s+" + _SIDE.format("lose")),
    # A second contest told with the first one's side left out: "Smith lost to Jones but beat Patel".
    re.compile(_SIDE.format("win") + r"\s[^.;]*?\b(?:but|and|then|before)\s+(?:later\s+|also\s+|went\s+on\s+to\s+)?"
               + _BEAT + r"\s+" + _SIDE.format("lose")),
    re.compile(_SIDE.format("lose") + r"\s+(?:was|were|had\s+been|have\s+been|has\s+been)\s+" + _BEATEN
               + r"\s+(?:" + _SCORE + r")?by\s+" + _SIDE.format("win")),
    re.compile(_SIDE.format("lose") + r"\s+(?:lost|fell|went\s+down|were\s+beaten|was\s+beaten)\s+" + _SCORE
               + r"(?:to|against)\s+" + _SIDE.format("win")),
    re.compile(_SIDE.format("win") + r"\s+(?:won|triumphed|prevailed|claimed\s+victory|secured\s+(?:a\s+)?victory)\b"),
    re.compile(_SIDE.format("lose") + r"\s+(?:lost|were\s+beaten|was\s+beaten|were\s+defeated|was\s+defeated)\b"),
]


@dataclass(frozen=True)
class Result:
    winners: tuple[str, ...]
    losers: tuple[str, ...]


def result(text: str) -> Result:
    """The winners and losers ``text`` names."""
    wins: list[str] = []
    losses: list[str] = []
    for rx in _READINGS:
        for m in rx.finditer(text):
            found = {k: v for k, v in m.groupdict().items() if v and v.split()[0].lower() not in STOPWORDS}
            if "win" in found:
                wins.append(found["win"])
            if "lose" in found:
                losses.append(found["lose"])
    return Result(tuple(wins), tuple(losses))


@dataclass(frozen=True)
class OtherSide:
    hit: SentenceHit
    side: str
    """The side the claim gives the result to."""
    claim_says: str
    """"won" or "lost"."""


def _among(name: str, names: Sequence[str], texts: tuple[str, ...]) -> bool:
    return any(one_referent(name, n, texts) for n in names)


def same_result(claim: str, sentence: str) -> bool:
    """The sentence gives every side the claim names the claim's result ("Eastvale lost" and "Harbor City beat
    Eastvale"): a won/lost opposition of their words ("lost" / "beat") is no contradiction."""
    mine, theirs, texts = result(claim), result(sentence), (claim, sentence)
    if not mine.winners and not mine.losers:
        return False
    return (all(_among(w, theirs.winners, texts) for w in mine.winners)
            and all(_among(x, theirs.losers, texts) for x in mine.losers))


def reversed_result(claim: str, hits: Sequence[SentenceHit], read: int) -> OtherSide | None:
    """The first of the ``read`` closest sentences that gives the claim's winner the loss (or its loser the win),
    and gives that side no result the claim's way."""
    mine = result(claim)
    if not mine.winners and not mine.losers:
        return None
    close = hits[:read]
    told = [(hit, result(hit.text)) for hit in close]
    texts = (claim, *(h.text for h in close))
    # A side any close sentence gives the claim's result is no contradiction: a story tells several contests
    # ("Lyon defeated Porto in the final" beside "Porto had beaten Ajax in the semi-final").
    won = [w for _, r in told for w in r.winners]
    lost = [x for _, r in told for x in r.losers]
    for hit, theirs in told:
        for side in mine.winners:
            if _among(side, theirs.losers, texts) and not _among(side, won, texts):
                return OtherSide(hit, side, "won")
        for side in mine.losers:
            if _among(side, theirs.winners, texts) and not _among(side, lost, texts):
                return OtherSide(hit, side, "lost")
    return None


def reversed_outcome(case: ClaimCase, t: Thresholds) -> Finding | None:
    """A close sentence gives the other result to the side the claim names (rule ``reversed_outcome``)."""
    hits = spoken_to(case, t)
    found = reversed_result(case.text, hits, t.relation_sentences) if hits is not None else None
    if found is None:
        return None
    other = "lost" if found.claim_says == "won" else "won"
    return Finding("contradicted", t.reversed_outcome,
                   f"a source sentence says {found.side!r} {other}, where the text says it {found.claim_says}",
                   at_sentence(found.hit), case.probability_dict())
