"""A source that names the one place or party something held of, and a claim that adds others.

"The levees held everywhere except at Millford" and "Only Millford flooded" name Millford alone; "the
levees failed at Millford and in two other towns" adds to it. The claim must name the source's one
exception and extend past it in words ("and in two other towns", "and elsewhere", "as well as other
districts"); a claim that only names it agrees, and one that names neither is another rule's to read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The one name a sentence restricts to: a capitalised name after the restriction's words.
_NAME = r"(?P<x>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
# (The restriction's words in any case, the name capitalised.)
_RESTRICTIONS = (
    # "only in Canada", "applies only to kettles sold in Canada": up to four plain words before the name.
    # ("only if Leeds agrees" is a condition, not a restriction.)
    re.compile(r"(?i:\b(?:only|solely|exclusively)\s+(?!(?:if|when|after|until|once|because|as|where|while)\b))(?:[a-z][\w'’-]*\s+){0,4}?(?:(?:at|in|on|for|to|by|from)\s+)?"
               r"(?:the\s+)?" + _NAME),
    re.compile(r"(?i:\b(?:everywhere|every\s+\w+|all\s+(?:\w+\s+)?\w+|each\s+\w+|nowhere|no\s+\w+|none)\b[^.;:]{0,60}?"
               r"\b(?:except|but|apart\s+from|other\s+than|save)\s+(?:for\s+)?(?:(?:at|in|on)\s+)?(?:the\s+)?)" + _NAME),
)
# The claim goes past the one name: "and in two other towns", "and elsewhere", "as well as other districts".
_EXTENDS = re.compile(
    r"\b(?:and|as\s+well\s+as|plus|along\s+with)\s+(?:(?:in|at|on|to|for)\s+)?(?:(?:the|\w+)\s+)?"
    r"(?:other|others|more|several|many|further)\b|\b(?:and|or)\s+elsewhere\b", re.I)


@dataclass(frozen=True)
class Extension:
    name: str
    """The one name the source restricts to."""
    extension: str
    """The claim's words that go past it."""


def extended_past(claim: str, sentence: str) -> Extension | None:
    """The claim names the one thing ``sentence`` restricts to, and more."""
    ext = _EXTENDS.search(claim)
    if ext is None:
        return None
    for rx in _RESTRICTIONS:
        for m in rx.finditer(sentence):
            name = m.group("x")
            if re.search(r"\b" + re.escape(name) + r"\b", claim, re.I):
                return Extension(name, ext.group(0))
    return None
