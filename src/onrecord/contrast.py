"""Opposed predicates: "approved" where the source says "postponed", "rose" where it says "fell".

A sentence can share nearly every word with a claim and still say the opposite through its verb.
Each group lists poles of word prefixes; a claim using one pole against a close source sentence
that uses another pole of the same group (and not the claim's) is a contradiction candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Prefixes match inflections: "approv" → approve/approved/approval. Keep them long enough to be
# unambiguous ("rose" the verb, not "roses": a claim and its source share the context anyway).
_GROUPS: list[list[tuple[str, ...]]] = [
    [("approv", "passed", "adopt", "accept", "endors", "ratif"),
     ("reject", "veto", "vetoed", "voted down", "turned down", "refus", "block"),
     ("postpon", "delay", "defer", "tabled", "suspend", "put off")],
    [("increas", "rise", "rose", "risen", "rising", "grow", "grew", "climb", "jump", "gain", "soar", "surg",
      "expand", "rais", "boost", "higher"),
     ("decreas", "fall", "fell", "fallen", "drop", "declin", "shrink", "shrank", "reduc", "lower", "slash",
      "plung", "slump", "tumbl", "cut")],
    [("won", "win", "beat", "victor"), ("lost", "lose", "losing", "defeated by", "loss to")],
    [("open",), ("clos", "shut")],
    [("begin", "began", "begun", "start", "launch", "resum"), ("end", "ended", "finish", "halt", "stop", "ceas")],
    [("support", "favor", "favour", "back", "champion"), ("oppos", "against", "object", "criticiz", "criticis")],
    [("allow", "permit", "legaliz", "authoriz"), ("ban", "prohibit", "forbid", "forbade", "outlaw", "bar ")],
    [("hire", "hiring", "hired", "recruit"), ("fire", "fired", "lay off", "laid off", "dismiss", "sack")],
    [("buy", "bought", "acquir", "purchas"), ("sell", "sold", "divest")],
    [("confirm", "admit", "acknowledg"), ("deni", "deny")],
    [("guilty", "convict"), ("acquit", "not guilty", "innocent", "cleared")],
    [("more", "larger", "bigger", "greater"), ("less", "fewer", "smaller")],
    [("increase", "add"), ("eliminat", "remov", "abolish", "scrap")],
]
_WORD = re.compile(r"[a-z][a-z']*(?: (?:down|off|up|by|to))?")


@dataclass(frozen=True)
class Opposition:
    claim_word: str
    source_word: str


def _poles(text: str) -> dict[int, dict[int, str]]:
    """group index -> {pole index: the word that hit it}."""
    low = " " + text.lower() + " "
    words = [m.group(0) for m in _WORD.finditer(low)]
    joined = " " + " ".join(words) + " "
    out: dict[int, dict[int, str]] = {}
    for g, poles in enumerate(_GROUPS):
        for p, prefixes in enumerate(poles):
            for pre in prefixes:
                m = re.search(r" (" + re.escape(pre.strip()) + r"[a-z']*)", joined)
                if m:
                    out.setdefault(g, {})[p] = m.group(1)
                    break
    return out


def opposed(claim: str, sentence: str) -> Opposition | None:
    """The first predicate the sentence opposes to the claim's, if any."""
    c, s = _poles(claim), _poles(sentence)
    for g, cpoles in c.items():
        spoles = s.get(g, {})
        for p, word in cpoles.items():
            if p in spoles:
                continue  # the source uses the claim's own word too: no plain opposition
            for q, sword in spoles.items():
                if q != p:
                    return Opposition(word, sword)
    return None
