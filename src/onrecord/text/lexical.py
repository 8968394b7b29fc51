"""Words as evidence: stems, stop words, BM25 ranking and how well a passage covers a claim."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from onrecord.text.vocab import STOPWORDS

_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d+(?:[.,]\d+)*")
_SUFFIXES = ("ization", "ational", "fulness", "ousness", "iveness", "ations", "ation", "ments", "ment",
             "ings", "ing", "edly", "ed", "ies", "es", "ly", "s")


# Plurals the suffixes miss: irregular ones, and short words whose plural "s" the length floor below keeps
# ("men" and "man" were two words, so "Neither man has been charged" did not speak of "two men"; "jobs" and
# "job", "fans" and "fan" likewise). Four-letter words ending in "s" that are no plural stay as they are.
_IRREGULAR_PLURALS = {"men": "man", "women": "woman", "children": "child", "people": "person", "feet": "foot",
                      "teeth": "tooth", "mice": "mouse", "geese": "goose", "wives": "wife",
                      "knives": "knife", "wolves": "wolf"}
_NOT_PLURAL = frozenset("news lens bias gas plus thus yes this less loss mass pass boss kiss mess fuss does goes "
                        "axis iris oasis basis crisis chaos bus virus focus bonus campus census status".split())


def _singular(w: str) -> str:
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if len(w) == 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in _NOT_PLURAL:
        return w[:-1]
    return w


def stem(word: str) -> str:
    """A light suffix stripper: "protecting"/"protection"/"protected" → "protect"; "men" → "man".

    Porter-grade accuracy is not needed: stems are only compared with each other.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = _singular(w)
    if w.isdigit() or len(w) <= 4:
        return w
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)]
            break
    if w.endswith(("ion", "ive")) and len(w) > 6:
        w = w[:-3]
    return w[:8] if len(w) > 8 else w


def tokens(text: str) -> list[str]:
    return [m.group(0) for m in _TOKEN_RE.finditer(text)]


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """``tokens`` with where each one is in ``text``."""
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry content (no stop words), numbers kept without separators."""
    out = []
    for t in tokens(text):
        low = t.lower().replace("’", "'")
        if low in STOPWORDS:
            continue
        out.append(low.replace(",", "") if low[0].isdigit() else stem(low))
    return out


def stems_meet(a: str, b: str) -> bool:
    # A light stemmer leaves "shade"/"shad(ed)" or "indoor(s)"; a long shared prefix is the same word.
    if a == b:
        return True
    if a[0].isdigit() or b[0].isdigit():
        return False
    n = min(len(a), len(b))
    need = max(4, n - 1)
    return n >= 4 and a[:need] == b[:need]


def coverage(claim: str, passage: str) -> float:
    """Share of the claim's content stems found in the passage (1.0 when the claim has none)."""
    want = set(content_stems(claim))
    if not want:
        return 1.0
    have = set(content_stems(passage))
    found = sum(1 for w in want if w in have or any(stems_meet(w, h) for h in have))
    return found / len(want)


@dataclass
class BM25:
    """Okapi BM25 over a fixed list of passages (k1=1.5, b=0.75)."""

    docs: list[list[str]]
    k1: float = 1.5
    b: float = 0.75

    def __post_init__(self) -> None:
        self._tf = [Counter(d) for d in self.docs]
        self._len = [len(d) for d in self.docs]
        self._avg = (sum(self._len) / len(self._len)) if self._len else 0.0
        df: Counter[str] = Counter()
        for tf in self._tf:
            df.update(tf.keys())
        n = len(self.docs)
        self._idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    @classmethod
    def of_texts(cls, texts: list[str]) -> BM25:
        return cls([content_stems(t) for t in texts])

    def scores(self, query: list[str]) -> list[float]:
        out = []
        for tf, ln in zip(self._tf, self._len, strict=True):
            s = 0.0
            for q in set(query):
                f = tf.get(q, 0)
                if f:
                    norm = f + self.k1 * (1 - self.b + self.b * ln / (self._avg or 1))
                    s += self._idf.get(q, 0.0) * f * (self.k1 + 1) / norm
            out.append(s)
        return out
