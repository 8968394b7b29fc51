"""Conversational filler in a checked text: what an assistant says around its answer is not a claim.

An answer often opens with a frame ("Based on the research brief, here are the key findings:"),
closes with a sign-off ("I hope this helps!") or an offer ("Let me know if you'd like more detail!").
None of these says anything about the sources; they are listed as not checked ("not a claim"),
never as findings. Recognised by the speech act, not by the sentence: an opener announces what
follows and says nothing itself; a sign-off or an offer addresses the reader about the conversation.

A sentence that carries content is never filler: text after an opener's colon, a quotation, or
a reported speaker ("the mayor said she hoped this helps residents") keeps it a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

FillerKind = Literal["opener", "sign_off", "offer", "interjection", "disclaimer", "heading", "references"]
# Why a unit of a checked text is listed but is no claim (``ClaimResult.unchecked``). Counted apart from
# the claims that could not be checked (another language), which a gate on "unchecked" must see
# (``onrecord.findings``).
NOT_A_CLAIM = "not a claim"
A_HEADING = "a heading"
NOT_CLAIMS = (NOT_A_CLAIM, A_HEADING)
# A line that only names what follows ("Key findings:") has at most this many words.
HEADING_MAX_WORDS = 6

_I = r"(?:i|i'd|i'll|i'm|i've|we|we'd|we'll)"
_RX: list[tuple[FillerKind, re.Pattern[str]]] = [(k, re.compile(p, re.I)) for k, p in [
    ("opener", r"^(?:in (?:summary|short|brief)|to (?:summari[sz]e|sum up)|overall|key (?:findings|points|"
               r"takeaways)|tl;?dr)\s*[:,]?\s*$"),
    ("interjection", r"^(?:sure|certainly|of course|absolutely|great question|good question|okay|ok|alright|"
                     r"yes|no problem|happy to help|glad to help|gladly)(?:[,!.]|\s*[-–—])*\s*"
                     r"(?:(?:here(?:'s| is| are)|here you go|" + _I + r" can|let me)\b[^:]*:?)?\s*$"),
    # "Here you go:", "To answer your question:": they hand over the answer and say nothing of it.
    ("opener", r"^(?:here you go|here it is|to answer your question|in answer to your question|"
               r"as requested|as you asked)\s*[:,.!]?\s*$"),
    ("opener", r"^(?:the|this|these|its|their|your) (?:\w+ ){0,3}(?:is|are) (?:summari[sz]ed|listed|outlined|set out|"
               r"described|broken down|shown) (?:below|as follows)\s*[:.]?\s*$"),
    ("opener", r"^(?:(?:based on|according to|drawing on|from|using|after reviewing|having reviewed|"
               r"looking at|in)\s+(?:the|your|this|these|those|that|my)\b[^,:]{0,80},\s*)?"
               r"(?:here(?:'s| is| are)|below (?:is|are)|the following (?:is|are)|these are|"
               r"" + _I + r"(?:'ll| will| can| have| would)?\s+(?:summari[sz]e|outline|break (?:it|this) down|"
               r"explain|walk you through|go through|list|highlight)|let me\s+(?:summari[sz]e|outline|"
               r"break (?:it|this) down|explain|walk you through|go through))\b[^:]*:?\s*$"),
    ("offer", r"^(?:please\s+)?(?:let me know|feel free|don't hesitate|do not hesitate|just (?:let me know|ask))\b"),
    ("offer", r"^(?:would|do|shall|should) (?:you )?(?:you like|you want|want|like|i|me)\b.*\?\s*$"),
    ("offer", r"^(?:is there|are there) anything else\b"),
    ("offer", r"^(?:do you |would you )?want me to\b.*\?\s*$"),
    ("offer", r"^(?:does|did) (?:this|that) (?:help|answer)\b.*\?\s*$"),
    ("offer", r"^just ask\b"),
    ("offer", r"^" + _I + r" can (?:also )?\w+\b.*\bif (?:that|this|it) (?:would|might|could)? ?(?:be|is)? ?"
              r"(?:useful|helpful|of use)\b"),
    # Advice to read the source itself says nothing the source says.
    ("offer", r"^(?:" + _I + r"(?:'d| would) )?(?:recommend|suggest) (?:reading|checking|consulting|reviewing|"
              r"looking at) the (?:full|original|complete|whole)\b"),
    ("offer", r"^if you(?:'d| would)? (?:have|need|want|like|would like|are interested)\b[^,]*,\s*"
              r"(?:please\s+)?(?:let me know|feel free|just ask|" + _I + r"(?:'d| would| can| am| will)?\b)"),
    ("offer", r"^" + _I + r"(?:'d| would)? (?:be )?(?:happy|glad|pleased) to\b"),
    ("offer", r"^" + _I + r" can (?:also )?(?:provide|give|share|expand|elaborate|go into|help)\b.*"
              r"\b(?:if|should) you\b"),
    ("sign_off", r"^(?:i )?hope (?:this|that|it) (?:helps|is (?:helpful|useful|clear)|was (?:helpful|useful)|"
                 r"answers|clarifies|clears)\b"),
    ("sign_off", r"^(?:i )?hope you (?:find|found) (?:this|that|it) (?:helpful|useful)\b"),
    ("sign_off", r"^(?:thanks|thank you) for (?:asking|your question|reaching out|the question)\b"),
    ("sign_off", r"^(?:good luck|best of luck|have a (?:great|good|nice) (?:day|one)|happy (?:reading|studying))\b"),
    ("sign_off", r"^(?:thanks|thank you|cheers|you're welcome|best|best regards|kind regards)\s*[!.,]?\s*$"),
    ("sign_off", r"^(?:happy|glad) (?:to|i could|i was able to) help\b"),
    # A list of the sources an answer cites ("Sources: [1] State report; [2] ...") names them and claims nothing.
    ("references", r"^(?:sources?|references?|citations?|bibliography|works cited|further reading)\s*:\s*"
                   r"(?:\[\d{1,3}\]|\d{1,3}[.)]\s|$)"),
    ("disclaimer", r"^as an ai\b|^" + _I + r"(?:'m| am) (?:an ai|a language model)\b|"
                   r"^" + _I + r" (?:do not|don't|cannot|can't) (?:have access|browse|access)\b"),
]]
# An opener without a closing colon must announce something generic ("Here is a summary."); "Here is
# why the council rejected the plan." claims that it did.
_GENERIC = re.compile(r"\b(?:summary|overview|breakdown|answer|findings|points|highlights|takeaways|details|"
                      r"information|what (?:i|we) found|what the (?:\w+ ){0,2}says?)\b", re.I)
# The "(Based on X,) here are ..." pattern of _RX.
_FRAMED_OPENER = next(i for i, (_, rx) in enumerate(_RX) if "below (?:is|are)" in rx.pattern)
_QUOTED = re.compile(r"[\"“”«»]")
_REPORTED = re.compile(r"\b(?:said|says|told|tells|wrote|writes|added|adds|announced|stated|according to)\b",
                       re.I)
_LEAD_MARKUP = re.compile(r"^[\s>*_#\-•]*(?:\d{1,3}[.)]\s+)?[*_]*")


@dataclass(frozen=True)
class Filler:
    kind: FillerKind
    reason: str = NOT_A_CLAIM


def _clean(sentence: str) -> str:
    s = _LEAD_MARKUP.sub("", sentence.strip())
    return re.sub(r"[*_`]+", "", s).replace("’", "'").strip()


def filler(sentence: str) -> Filler | None:
    """The kind of filler ``sentence`` is, or None when it may claim something."""
    s = _clean(sentence)
    if not s or _QUOTED.search(s):
        return None
    for i, (kind, rx) in enumerate(_RX):
        if rx.search(s):
            if i == _FRAMED_OPENER and not s.endswith(":") and not _GENERIC.search(s):
                continue
            if kind not in ("opener", "interjection") and _REPORTED.search(s):
                return None
            return Filler(kind)
    if s.endswith(":") and not re.search(r"\d", s) and len(s.split()) <= HEADING_MAX_WORDS \
            and not _REPORTED.search(s):
        return Filler("heading")
    return None
