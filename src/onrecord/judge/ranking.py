"""A ranking reversed: the claim puts first what a source sentence ranks after something else.

"Cost savings were the reason districts cited most often" against "districts most often cited teacher
recruitment, followed by cost savings"; "Fishing is the largest employer" against "Tourism employs the
most people, ahead of fishing". The source orders two things by a cue ("followed by", "ahead of",
"trailed by", "behind", "second to"); the claim gives the lower one a first place ("most often",
"the largest", "top", "led") and does not name the higher one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.text.lexical import content_stems

# "A, followed by B" / "A ahead of B" / "A, trailed by B": A ranks above B. The two sides are the phrases
# on either side of the cue, up to a clause edge.
_HIGH_FIRST = re.compile(
    r"(?P<a>[^,;:.()]{3,120}?),?\s+(?:followed\s+(?:closely\s+)?by|(?:well\s+|just\s+|narrowly\s+)?ahead\s+of|"
    r"trailed\s+by|then\s+by|with\s+(?:the\s+)?next\s+being)\s+(?P<b>[^,;:.()]{3,120})", re.I)
# "B trailed A" / "B, behind A" / "B came second to A": B ranks below A.
_LOW_FIRST = re.compile(
    r"(?P<b>[^,;:.()]{3,120}?),?\s+(?:trail(?:ed|s|ing)|(?:came\s+|ranked\s+|finished\s+|was\s+|placed\s+)?"
    r"(?:second|third|well|just|narrowly)?\s*behind|(?:came\s+|ranked\s+|finished\s+|was\s+)?second\s+(?:only\s+)?to)"
    r"\s+(?P<a>[^,;:.()]{3,120})", re.I)
# A first place in the claim. "most" alone is a quantity ("most districts"), so only "the most" and
# "most" before a word of frequency or degree count; "first" alone is an order in time ("her first
# marriage"), so only "came first", "first place".
_FIRST_PLACE = re.compile(
    r"\b(?:the\s+most|most\s+(?:often|common(?:ly)?|frequent(?:ly)?|popular|cited|important|likely|widely|"
    r"heavily|used|visited|watched|sold)|top|topped|tops|(?:came|ranked|finished|placed)\s+first|first\s+place|"
    r"leading|(?:led|leads)(?!\s+(?:to|by|into)\b)|largest|biggest|highest|greatest|main|primary|chief|foremost|"
    r"commonest|number\s+one|no\.\s*1|won|wins)\b", re.I)
_RANKS = re.compile(_FIRST_PLACE.pattern + r"|\b(?:second|third|ranked|ranks|rank)\b", re.I)
# The claim gives a lower place itself ("the second most cited"), or keeps the order: no reversal.
_LOWER_PLACE = re.compile(r"\b(?:second|third|fourth|runner-up|after|behind|followed|trail\w*|next|ahead)\b", re.I)


@dataclass(frozen=True)
class Reversal:
    higher: str
    """What the source ranks first (its words as the source gives them)."""
    lower: str
    """What the claim puts first, ranked below ``higher`` by the source."""
    claim_place: str
    """The claim's words that give it a first place ("most often")."""


def _orderings(sentence: str) -> list[tuple[str, str]]:
    """(higher, lower) phrases the sentence orders."""
    out = [(m.group("a"), m.group("b")) for m in _HIGH_FIRST.finditer(sentence)]
    out += [(m.group("a"), m.group("b")) for m in _LOW_FIRST.finditer(sentence)]
    return [(a.strip(), b.strip()) for a, b in out]


def reversed_rank(claim: str, sentence: str) -> Reversal | None:
    """The claim's first place goes to what ``sentence`` ranks below another thing the claim does not name.

    The sentence must rank, not merely order in time ("The storm hit on Monday, followed by flooding"; "met
    ahead of the vote"): it gives a place itself ("the most", "largest", "second").
    """
    place = _FIRST_PLACE.search(claim)
    if place is None or _LOWER_PLACE.search(claim) or not _RANKS.search(sentence):
        return None
    said = set(content_stems(claim))
    for higher, lower in _orderings(sentence):
        # The lower thing is the head of its phrase ("noise and litter", "Labour on 98"), less any word the
        # higher side has too ("a 1999 marriage ..., followed by a 2001 marriage": "marriage" names neither);
        # the higher thing is what its side holds that the claim does not ("Tourism" of "Tourism is the
        # largest employer in the county", the claim reusing the rest).
        high = set(content_stems(higher))
        low = set(content_stems(" ".join(lower.split()[:4]))) - high
        if low and len(low & said) * 2 >= len(low) and high - said:
            return Reversal(higher, lower, place.group(0))
    return None
