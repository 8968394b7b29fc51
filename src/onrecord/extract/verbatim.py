"""What a claim repeats word for word, and the quotations a claim stands on.

Two guarantees of one story per claim:

* a claim whose checked words are a source sentence (folded as quotations are: case, quote marks,
  dashes, spacing) is that sentence: ``repeated_sentence`` finds it, so the judge can support the
  claim with a high score and never contradict it with the very sentence it repeats;
* a claim containing a quotation that is altered, not found, negated in context or given to
  someone else cannot be supported on that quotation's strength: ``quote_blocks`` names each such
  quotation and why, for the claim's "why".
"""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.extract.quotes import fold
from onrecord.report import QuoteResult
from onrecord.text.segment import sentences

_EDGE = " .,;:!?-"
# A repeated "sentence" this short ("Thank you.") says nothing worth a high score on its own.
MIN_REPEAT_WORDS = 3


@dataclass(frozen=True)
class Repeat:
    source_start: int
    source_end: int
    """The repeated sentence's span in the source text."""


@dataclass(frozen=True)
class QuoteBlock:
    quote_start: int
    quote_end: int
    label: str
    why: str


def _key(text: str) -> str:
    return fold(text).key.strip(_EDGE)


def sentence_keys(source_text: str) -> dict[str, Repeat]:
    """Each sentence of ``source_text`` by its folded key (the first, where a sentence recurs). Built once
    per source and check, so what a claim repeats is one lookup, not a pass folding the source per claim."""
    keys: dict[str, Repeat] = {}
    for sp in sentences(source_text):
        keys.setdefault(_key(source_text[sp.start : sp.end]), Repeat(sp.start, sp.end))
    return keys


def repeated_sentence(claim_checked: str, source_text: str, keys: dict[str, Repeat] | None = None) -> Repeat | None:
    """The source sentence that ``claim_checked`` (the claim's checked words, markup stripped) repeats;
    ``keys`` is the source's ``sentence_keys`` when already built."""
    key = _key(claim_checked)
    if len(key.split()) < MIN_REPEAT_WORDS:
        return None
    return (keys if keys is not None else sentence_keys(source_text)).get(key)


def _why(q: QuoteResult) -> str | None:
    shown = q.text if len(q.text) <= 60 else q.text[:57] + "..."
    if q.label == "not_found":
        return f'the quotation "{shown}" is not in any source'
    if q.label == "altered":
        return f'the quotation "{shown}" is altered from the source ({q.source})'
    if q.misattributed:
        return f'the quotation "{shown}" is {q.source_speaker}\'s in the source, not {q.speaker}\'s'
    if q.context_negated:
        return f'the source negates the quoted words "{shown}"'
    return None


def quote_blocks(claim_start: int, claim_end: int, quotes: list[QuoteResult]) -> list[QuoteBlock]:
    """The quotations inside ``[claim_start, claim_end)`` that cannot carry the claim, each with why."""
    out = []
    for q in quotes:
        if not (claim_start <= q.start and q.end <= claim_end):
            continue
        why = _why(q)
        if why:
            out.append(QuoteBlock(q.start, q.end, q.label, why))
    return out
