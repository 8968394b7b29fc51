"""Evidence for a claim across all sources: every window of every source is a candidate.

BM25 ranks all windows (that is the examination of every part of every source); the model then
scores the best windows plus one window assembled from the sentences that best cover the claim's
words (DESIGN.md: this lifted WiCE dev by 4 points over windows alone). Evidence anywhere counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .documents import Document
from .lexical import BM25, content_stems, coverage
from .model import LABELS, GroundingModel
from .report import Evidence
from .segment import Span, sentences, windows

WINDOW_TOKENS = 180
TOP_WINDOWS = 2
COVER_SENTENCES = 3


@dataclass
class SourceIndex:
    """A source cut into sentences and windows, with BM25 over each (built once per check)."""

    doc: Document
    sentences: list[Span]
    windows: list[Span]
    sentence_bm25: BM25
    window_bm25: BM25

    @classmethod
    def build(cls, doc: Document) -> SourceIndex:
        sents = sentences(doc.text)
        wins = windows(doc.text, WINDOW_TOKENS)
        return cls(doc, sents, wins, BM25.of_texts([s.text_of(doc.text) for s in sents]),
                   BM25.of_texts([w.text_of(doc.text) for w in wins]))


@dataclass(frozen=True)
class Candidate:
    source: str
    span: Span
    text: str
    sentence_spans: tuple[Span, ...]
    """The sentences the window is made of, for evidence offsets finer than the window."""


@dataclass
class ModelJudgement:
    probs: np.ndarray
    """Aggregated probabilities in ``LABELS`` order."""
    best: Candidate | None
    coverage: float
    examined_windows: int
    candidates: list[tuple[Candidate, np.ndarray]] = field(default_factory=list)

    @property
    def p_supported(self) -> float:
        return float(self.probs[0])

    @property
    def p_contradicted(self) -> float:
        return float(self.probs[1])


def candidates_for(claim: str, indexes: list[SourceIndex], top_windows: int = TOP_WINDOWS) -> tuple[list[Candidate], int]:
    """The windows worth scoring for ``claim``, and how many windows were examined to pick them."""
    query = content_stems(claim)
    assembled: list[tuple[float, Candidate]] = []
    plain: list[tuple[float, Candidate]] = []
    examined = 0
    for idx in indexes:
        text = idx.doc.text
        examined += len(idx.windows)
        for w, s in zip(idx.windows, idx.window_bm25.scores(query), strict=True):
            inside = tuple(x for x in idx.sentences if x.start >= w.start and x.end <= w.end)
            plain.append((s, Candidate(idx.doc.id, w, w.text_of(text), inside)))
        sscores = idx.sentence_bm25.scores(query)
        best = sorted(range(len(idx.sentences)), key=lambda i: -sscores[i])[:COVER_SENTENCES]
        best = sorted(i for i in best if sscores[i] > 0)
        if best:
            spans = tuple(idx.sentences[i] for i in best)
            joined = " ".join(s.text_of(text) for s in spans)
            assembled.append((max(sscores), Candidate(idx.doc.id, Span(spans[0].start, spans[-1].end), joined, spans)))
    assembled.sort(key=lambda t: -t[0])
    plain.sort(key=lambda t: -t[0])
    chosen = [c for _, c in assembled[:2]] + [c for s, c in plain[:top_windows] if s > 0 or not assembled]
    return chosen, examined


def judge_many(model: GroundingModel, claims: list[str], indexes: list[SourceIndex]) -> list[ModelJudgement]:
    """Score every claim against its best candidates in all sources, in one batched model call.

    Union semantics: support in any source wins; otherwise the strongest contradiction speaks.
    """
    per_claim = [candidates_for(c, indexes) for c in claims]
    pairs = [(cand.text, claim) for claim, (cands, _) in zip(claims, per_claim, strict=True) for cand in cands]
    probs = model.predict(pairs) if pairs else np.zeros((0, len(LABELS)), dtype=np.float32)
    out, k = [], 0
    for claim, (cands, examined) in zip(claims, per_claim, strict=True):
        p = probs[k : k + len(cands)]
        k += len(cands)
        if not cands:
            out.append(ModelJudgement(np.array([0.0, 0.0, 1.0]), None, 0.0, examined))
            continue
        i_sup, i_con = int(np.argmax(p[:, 0])), int(np.argmax(p[:, 1]))
        chosen = i_sup if p[i_sup, 0] >= p[i_con, 1] else i_con
        best = cands[chosen]
        out.append(ModelJudgement(p[chosen].copy(), best, coverage(claim, best.text), examined,
                                  list(zip(cands, p, strict=True))))
    return out


def judge(model: GroundingModel, claim: str, indexes: list[SourceIndex]) -> ModelJudgement:
    return judge_many(model, [claim], indexes)[0]


def evidence_from(candidate: Candidate, claim: str, score: float, doc: Document, limit: int = 3) -> list[Evidence]:
    """The sentences of ``candidate`` that bear on ``claim`` (most overlapping first), as Evidence."""
    want = set(content_stems(claim))
    scored = []
    for s in candidate.sentence_spans or (candidate.span,):
        st = s.text_of(doc.text)
        overlap = len(want & set(content_stems(st)))
        scored.append((overlap, s))
    scored.sort(key=lambda t: -t[0])
    keep = [s for o, s in scored[:limit] if o > 0] or [scored[0][1]]
    out = []
    for s in sorted(keep, key=lambda x: x.start):
        loc = doc.locate(s.start)
        out.append(Evidence(doc.id, s.start, s.end, s.text_of(doc.text), round(float(score), 4), loc.page, loc.line))
    return out


@dataclass(frozen=True)
class DocScore:
    """One document against one claim, every window scored (for benchmarks on pairs)."""

    probs: np.ndarray
    windows: int

    @property
    def p_supported(self) -> float:
        return float(self.probs[0])


def score_document(model: GroundingModel, doc: str, claim: str) -> DocScore:
    """Score ``claim`` against ``doc``: the assembled best-covering window plus every window."""
    d = Document(id="doc", text=doc)
    idx = SourceIndex.build(d)
    cands, _ = candidates_for(claim, [idx], top_windows=len(idx.windows))
    if not cands:
        cands = [Candidate("doc", Span(0, len(doc)), doc, ())]
    probs = model.predict([(c.text, claim) for c in cands])
    i = int(np.argmax(probs[:, 0]))
    return DocScore(probs[i], len(cands))


__all__ = ["LABELS", "Candidate", "DocScore", "ModelJudgement", "SourceIndex", "evidence_from", "judge",
           "judge_many", "score_document"]
