"""The terms a source must contain to say what a claim says: its numbers and its names.

A claim whose figure or name appears nowhere in the sources is seldom supported by them, whatever the
rest of its words share with a passage. Counting such terms is a signal the combiner weighs beside
similarity, word coverage and the model (``onrecord.retrieve.evidence.SupportFeatures``). Out of fold on
the dev pairs the two counts raised WiCE's ROC-AUC from 73.8 to 81.1 and SummEdits' from 64.2 to 70.4
(docs/model_results.md, 2026-12-07). The judge's own rules about absent figures and names (``names_absent``,
unmatched figures) read values and whole names; this count is coarser on purpose: it is a feature, not a
verdict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A capitalised word that does not open a sentence (or follow an opening quotation mark or bracket).
_NAME_WORD = re.compile(r"(?<![.!?:]\s)(?<![.!?:][\"'“‘(\[]\s)(?<=\s)[A-Z][A-Za-z'’-]+")


def _number(token: str) -> str:
    return token.replace(",", "")


def _word(token: str) -> str:
    w = token.lower().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w


def text_terms(text: str) -> frozenset[str]:
    """Every number (without thousands separators) and every word (lower case, no possessive 's) of a
    source, for membership tests."""
    return frozenset(_number(m.group(0)) for m in _NUMBER.finditer(text)) | frozenset(
        _word(m.group(0)) for m in _WORD.finditer(text))


@dataclass(frozen=True)
class AbsentTerms:
    """How many of a claim's numbers and names no source contains."""

    numbers: int = 0
    names: int = 0


def claim_terms(claim: str) -> tuple[set[str], set[str]]:
    """The claim's numbers and the words of its names (capitalised words that open no sentence)."""
    numbers = {_number(m.group(0)) for m in _NUMBER.finditer(claim)}
    names = {_word(m.group(0)) for m in _NAME_WORD.finditer(claim)}
    return numbers, names


def absent_terms(claim: str, sources: Iterable[frozenset[str]]) -> AbsentTerms:
    """The claim's numbers and name words that none of ``sources`` (``text_terms`` of each) contains."""
    numbers, names = claim_terms(claim)
    known = list(sources)
    return AbsentTerms(sum(1 for n in numbers if not any(n in s for s in known)),
                       sum(1 for n in names if not any(n in s for s in known)))


__all__ = ["AbsentTerms", "absent_terms", "claim_terms", "text_terms"]
