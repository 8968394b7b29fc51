"""What a rule receives (``ClaimCase``: one claim and what the earlier stages found for it) and what it
returns (``Finding``: a verdict with its confidence, evidence and reason), and how a list of rules is run.

Every rule has one signature, ``Rule``: ``(case, thresholds) -> Finding | None``; None means "not mine,
ask the next rule". Rules compute nothing from the sources themselves beyond comparing what the case
holds: retrieval, figures, quotations and passage readings are done once, by their stages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from onrecord.documents import Document
from onrecord.extract.claims import ClaimUnit, DocClaim
from onrecord.extract.verbatim import QuoteBlock
from onrecord.judge.figures import QuantityCheck
from onrecord.judge.thresholds import Thresholds
from onrecord.judge.values import ValueReading
from onrecord.report import ClaimLabel, QuoteResult
from onrecord.retrieve.evidence import Candidate, ModelJudgement, SentenceHit
from onrecord.text.lexical import content_stems
from onrecord.text.segment import Span


@dataclass(frozen=True)
class Cited:
    """A passage of a source a finding rests on (turned into report ``Evidence`` with its page and line
    by the report stage)."""

    source: str
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Finding:
    label: ClaimLabel
    score: float
    """The confidence stated for ``label``."""
    reason: str
    evidence: tuple[Cited, ...] = ()
    probabilities: Mapping[str, float] | None = None
    """The calibrated three-way probabilities, where the combiner was consulted."""
    rule: str = ""
    """The name of the rule that decided (set by ``first_finding``, or by a rule naming its ground)."""


@dataclass(frozen=True)
class EdgeReading:
    """The model's reading of a claim against a document's opening or closing passage (begins/ends
    claims without a located quotation)."""

    source: Document
    span: Span
    probs: np.ndarray
    """(supported, contradicted, unsupported) for the best passage."""
    coverage: float
    figures: tuple[QuantityCheck, ...]


@dataclass(frozen=True)
class ClaimCase:
    """One claim and everything the earlier stages computed for it."""

    unit: ClaimUnit
    sources: Sequence[Document]
    quotes: Sequence[QuoteResult]
    """The quotations inside the claim, checked (alignment, speaker) by the quote stage."""
    judgement: ModelJudgement | None
    """Retrieval over every passage of every source and, where it was needed, the model's reading."""
    figures: Sequence[QuantityCheck] = ()
    """The claim's figures compared with every figure of the sources (factual claims)."""
    probabilities: np.ndarray | None = None
    """The combiner's calibrated (supported, contradicted, unsupported), where there is a judgement."""
    edge: EdgeReading | None = None
    """For begins/ends claims: the model's reading of the opening or closing passage."""
    values: Sequence[ValueReading] = ()
    """The claim's figures as values with ranges, read against the closest source sentences."""
    repeat: Cited | None = None
    """The source sentence the claim's checked words repeat (folded as quotations are), if any."""
    blocks: Sequence[QuoteBlock] = ()
    """The quotations inside the claim that cannot carry it (altered, not found, negated, someone else's)."""
    sentence: str = ""
    """The text's sentence the claim is in, as written: what the checked words leave out (a speaker's title,
    "Moss, the hospital's chief executive, said ...") is read from it."""

    @property
    def text(self) -> str:
        return self.unit.text

    @property
    def doc_claim(self) -> DocClaim | None:
        return self.unit.doc_claim

    def source(self, source_id: str) -> Document:
        return next(d for d in self.sources if d.id == source_id)

    def probability_dict(self) -> dict[str, float] | None:
        return None if self.probabilities is None else probability_dict(self.probabilities)


def probability_dict(p: np.ndarray) -> dict[str, float]:
    """(supported, contradicted, unsupported) as the report states them."""
    return {"supported": round(float(p[0]), 4), "contradicted": round(float(p[1]), 4),
            "unsupported": round(float(p[2]), 4)}


Rule = Callable[[ClaimCase, Thresholds], "Finding | None"]


def first_finding(case: ClaimCase, rules: Sequence[tuple[str, Rule]], t: Thresholds) -> Finding | None:
    """The finding of the first rule, in order, that decides the claim, named by the rule's list entry
    unless the rule names its ground itself (``supported_sentence``, ``supported_figures`` ...)."""
    for name, rule in rules:
        found = rule(case, t)
        if found is not None:
            return replace(found, rule=found.rule or name)
    return None


def cite_sentences(candidate: Candidate, claim: str, score: float, source_text: str, limit: int = 3) -> tuple[Cited, ...]:
    """The sentences of ``candidate`` that bear on ``claim`` (most overlapping first)."""
    want = set(content_stems(claim))
    scored = []
    for s in candidate.sentence_spans or (candidate.span,):
        overlap = len(want & set(content_stems(s.text_of(source_text))))
        scored.append((overlap, s))
    scored.sort(key=lambda t: (-t[0], t[1].start))
    top = scored[0][0]
    # Strongest first; a sentence sharing a word or two with the claim is no evidence.
    keep = [s for o, s in scored[:limit] if o > 0 and o >= top / 2] or [scored[0][1]]
    return tuple(Cited(candidate.source, s.start, s.end, score) for s in keep)


def spoken_to(case: ClaimCase, t: Thresholds) -> list[SentenceHit] | None:
    """The closest source sentences of a claim about the world that the sources speak to (``Thresholds.speaks_to``);
    None for a claim about a document or one nothing in the sources is about."""
    mj = case.judgement
    if case.doc_claim is not None or mj is None or not t.speaks_to(mj.similarity, mj.coverage):
        return None
    return mj.top_sentences


def at_sentence(hit: SentenceHit) -> tuple[Cited, ...]:
    """A close source sentence as a finding's evidence."""
    return (Cited(hit.source, hit.span.start, hit.span.end, hit.similarity),)
