"""A claim's figures read as values with ranges against the closest source sentences
(``onrecord.text.quantities``).

Only two uses, both general: a figure of the claim that the same quantity of the same thing in a
close sentence puts outside the claim's interval contradicts the claim ("doubled" vs "more than
tripled", "free" vs "$1.75", "5-2" vs "unanimously"); and a figure the close sentence supports in other
words ("30 months" vs "two and a half years", "35 dollars" vs "$35") is no longer a figure "no source
gives". A matching figure never supports a claim by itself: a claim can get every figure right and
still say something else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from onrecord.retrieve.evidence import SentenceHit
from onrecord.text.quantities import Quantity, QuantityMatch, match_quantities, quantities

CLOSE_HITS = 3
"""How many of the closest sentences a claim's figures are read against (as for swapped modifiers)."""


@dataclass(frozen=True)
class ValueReading:
    """One figure of the claim read against one close source sentence."""

    hit: SentenceHit
    match: QuantityMatch


def read_values(claim: str, hits: Sequence[SentenceHit]) -> tuple[ValueReading, ...]:
    """Each figure of ``claim`` against each of the closest sentences where a figure measures the same thing."""
    out = []
    for hit in hits[:CLOSE_HITS]:
        for m in match_quantities(claim, hit.text):
            if m.verdict != "unrelated":
                out.append(ValueReading(hit, m))
    return tuple(out)


def supported_spans(readings: Sequence[ValueReading]) -> list[tuple[int, int]]:
    """The claim's figures (start, end) that a close sentence supports."""
    return [(r.match.claim.start, r.match.claim.end) for r in readings if r.match.verdict == "supported"]


def overlaps(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def contradicting(readings: Sequence[ValueReading], min_similarity: float) -> ValueReading | None:
    """A figure of the claim that the closest sentence giving the same quantity puts outside the claim's
    range, and that no sentence at ``min_similarity`` gives as the claim does: a farther one that happens
    to agree ("at no charge" for carry-on bags) does not save "the first checked bag is free" from "$35
    ... for the first bag"."""
    # A close sentence that gives the figure as the claim does settles it (several sentences may tell
    # the same event for different years or reports).
    said = [(r.match.claim.start, r.match.claim.end) for r in readings
            if r.match.verdict == "supported" and r.hit.similarity >= min_similarity]
    closest: dict[tuple[int, int], ValueReading] = {}
    for r in readings:
        if overlaps((r.match.claim.start, r.match.claim.end), said):
            continue
        span = (r.match.claim.start, r.match.claim.end)
        if span not in closest or r.hit.similarity > closest[span].hit.similarity:
            closest[span] = r
    for r in sorted(closest.values(), key=lambda r: -r.hit.similarity):
        if r.match.verdict == "contradicted" and r.hit.similarity >= min_similarity \
                and not any(_gives(r2.hit, r.match.claim) for r2 in readings if r2.hit.similarity > r.hit.similarity):
            return r
    return None


def _gives(hit: SentenceHit, figure: Quantity) -> bool:
    """A sentence states the claim's very figure, whatever it reads it as ("up from 96 in 2015-16" for "the 96
    districts in 2015-16"). Closer to the claim than the one that gives another ("61 districts" of a study),
    it is the claim's sentence, and the other is about something else."""
    return any(q.kind == figure.kind and q.nominal == figure.nominal and q.unit == figure.unit
               for q in quantities(hit.text))
