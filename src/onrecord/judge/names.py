"""Whether two names may stand for one referent: "UN" and "United Nations", "China" and "Chinese", "Joe Biden" and
"Biden" (read by the rules that compare names: ``substitution``, ``frames``, ``outcomes``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A run of capitalised words is one name ("Joe Biden", "Court of Appeals"): two words inside one run
# name one referent.
# A full stop belongs to an initial only ("J. Smith"): "... said Smith. Jones added" is two runs.
CAPITALISED = r"[A-Z][A-Za-z'’-]*"
"""A capitalised word, a full stop left out (the rules that read a name's place in a sentence build on it)."""
_CAP = r"(?:[A-Z]\.|" + CAPITALISED + ")"
_NAME_RUN = re.compile(_CAP + r"(?:\s+(?:(?:of|de|van|von|der|al|bin|la|le|del)\s+)?" + _CAP + r")*")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def one_referent(a: str, b: str, texts: Sequence[str]) -> bool:
    """Whether names ``a`` and ``b`` may be one referent: one is the other's initials ("UN" / "United
    Nations"), they share a stem ("China" / "Chinese"), or one run of capitalised words in a text holds
    both ("Joe Biden" / "Biden", "the Court of Appeals" / "Appeals")."""
    if a[:4].lower() == b[:4].lower() or a == _initials(b) or b == _initials(a):
        return True
    words_a, words_b = a.split(), b.split()
    for text in texts:
        for run in _NAME_RUN.findall(text):
            held = set(re.sub(r"['’]s\b", "", run).split())
            if held.intersection(words_a) and held.intersection(words_b):
                return True
    return False
