"""Evidence for a claim across all sources: every window of every source is a candidate.

BM25 ranks all windows (that is the examination of every part of every source); the model then
scores, by one ``CandidatePolicy``, the best window plus one passage assembled from the sentences that
best cover the claim's words (assembling lifted WiCE dev by 4 points over windows alone). Evidence
anywhere counts.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from onrecord.cancel import checkpoint
from onrecord.documents import Document
from onrecord.report import Evidence
from onrecord.retrieve.synonyms import without_synonyms
from onrecord.retrieve.tables import readable_sentences
from onrecord.runtime.embedder import Embedder, shared_embedder
from onrecord.runtime.model import LABELS, GroundingModel
from onrecord.text.lexical import BM25, content_stems, coverage
from onrecord.text.segment import Span, is_heading, windows
from onrecord.text.terms import AbsentTerms, SourceStems, absent_terms, text_terms
from onrecord.text.vocab import NEGATION

SYNONYMS_FROM = 2
"""A claim's new words are checked for synonyms in its closest sentence (``retrieve.synonyms``) from this
many on: the judge weighs them from two (``Thresholds.doubted_absent_words``), and one word alone changes no
verdict, so it is not worth the embedder's time."""

WINDOW_TOKENS = 180
COVER_SENTENCES = 3
BM25_WEIGHT = 0.3
"""A sentence's rank for assembling a passage: its cosine similarity to the claim plus this weight times
its BM25 score (normalised to the source's best): meaning first, shared words as a tie-breaker."""
ABSENT_CAP = 3
"""Absent numbers or names are counted up to this many for the combiner (the cap it was measured with,
docs/model_results.md): in a linear fit, a claim with a long list of names no source has must not
outweigh every other signal."""


@dataclass
class SourceIndex:
    """A source cut into sentences and windows, with BM25 over each and sentence embeddings."""

    doc: Document
    sentences: list[Span]
    windows: list[Span]
    sentence_bm25: BM25
    window_bm25: BM25
    sentence_vecs: np.ndarray | None = None
    window_sentences: list[tuple[Span, ...]] = field(default_factory=list)
    """The sentences inside each window (for evidence finer than a window), computed once."""
    sentence_texts: list[str] = field(default_factory=list)
    """What each sentence is read as: its words, or for a table row its readable unit ("Model: Brio 15;
    Battery life: 8 hours"), whose span is the row's cells (``onrecord.retrieve.tables``)."""
    terms: frozenset[str] = frozenset()
    """The source's numbers and words (``onrecord.text.terms``), for a claim's absent figures and names."""
    readings: list[SentenceReading] = field(default_factory=list)
    """How each sentence is read as a hit (with the sentence it heads, or with its answer), computed once."""
    stems: SourceStems = field(default_factory=SourceStems)
    """The source's content stems, for a claim's words that no source has."""

    @classmethod
    def build(cls, doc: Document, embedder: Embedder | None = None) -> SourceIndex:
        sents, texts = readable_sentences(doc.text)
        wins = windows(doc.text, WINDOW_TOKENS)
        vecs = embedder.encode(texts) if embedder is not None and texts else None
        inside = [tuple(x for x in sents if x.start >= w.start and x.end <= w.end) for w in wins]
        return cls(doc, sents, wins, BM25.of_texts(texts), BM25.of_texts([w.text_of(doc.text) for w in wins]), vecs,
                   inside, texts, text_terms(doc.text), _readings(doc.text, sents, texts), SourceStems.of(doc.text))

    def sentence_text(self, i: int) -> str:
        return self.sentence_texts[i] if self.sentence_texts else self.sentences[i].text_of(self.doc.text)


@dataclass(frozen=True)
class SentenceReading:
    """What a source sentence is read as when it is a hit: its span and words, and for a question the
    sentence that answers it."""

    span: Span
    text: str
    answer: str = ""
    answer_span: Span | None = None


def _readings(text: str, sents: list[Span], texts: list[str]) -> list[SentenceReading]:
    out = []
    for i, (sp, st) in enumerate(zip(sents, texts, strict=True)):
        more = i + 1 < len(sents)
        if more and is_heading(st) and "\n" not in text[sp.end : sents[i + 1].start]:
            # A heading in a paragraph is read with the sentence it heads ("R. v. Castellano. The court
            # reversed ..."), ranked by its own similarity. A title on a line of its own heads a whole
            # document or section, not the sentence under it.
            sp, st = Span(sp.start, sents[i + 1].end), f"{st} {texts[i + 1]}"
        if more and st.rstrip().endswith("?"):
            out.append(SentenceReading(sp, st, texts[i + 1], sents[i + 1]))
        else:
            out.append(SentenceReading(sp, st))
    return out


@dataclass(frozen=True)
class Candidate:
    source: str
    span: Span
    text: str
    sentence_spans: tuple[Span, ...]
    """The sentences the window is made of, for evidence offsets finer than the window."""


@dataclass(frozen=True)
class SentenceHit:
    source: str
    span: Span
    text: str
    similarity: float
    answer: str = ""
    """For a question in the source (an FAQ, an interview), the sentence that answers it."""
    answer_span: Span | None = None
    """Where ``answer`` is in the source."""


@dataclass
class ModelJudgement:
    """What the sources say to one claim: the model's probabilities and the retrieval signals."""

    probs: np.ndarray
    """Aggregated probabilities in ``LABELS`` order."""
    best: Candidate | None
    coverage: float
    """Share of the claim's content words found in the best assembled passage."""
    examined_windows: int
    candidates: list[tuple[Candidate, np.ndarray]] = field(default_factory=list)
    similarity: float = 0.0
    """Highest cosine similarity between the claim and any sentence (or sentence pair) of any source."""
    top_sentences: list[SentenceHit] = field(default_factory=list)
    scored: bool = True
    """False when the model was not run (a rule decides, or nothing in the sources is about the claim)."""
    absent: AbsentTerms = AbsentTerms()
    """The claim's numbers and names that no source contains."""
    negation_unmatched: bool = False
    """The claim is negated and its closest source sentence is not."""

    @property
    def p_supported(self) -> float:
        return float(self.probs[0])

    @property
    def p_contradicted(self) -> float:
        return float(self.probs[1])


@dataclass
class _Ranked:
    assembled: list[tuple[float, Candidate]]
    windows: list[tuple[float, Candidate]]
    sentences: list[SentenceHit]
    similarity: float
    examined: int


def _rank(claim: str, claim_vec: np.ndarray | None, indexes: list[SourceIndex]) -> _Ranked:
    query = content_stems(claim)
    assembled: list[tuple[float, Candidate]] = []
    plain: list[tuple[float, Candidate]] = []
    hits: list[SentenceHit] = []
    examined, best_sim = 0, 0.0
    for idx in indexes:
        text = idx.doc.text
        examined += len(idx.windows)
        for w, sc, inside in zip(idx.windows, idx.window_bm25.scores(query), idx.window_sentences, strict=True):
            plain.append((sc, Candidate(idx.doc.id, w, w.text_of(text), inside)))
        if not idx.sentences:
            continue
        bm = np.asarray(idx.sentence_bm25.scores(query), dtype=np.float32)
        hybrid = bm / (bm.max() or 1.0) * BM25_WEIGHT
        if claim_vec is not None and idx.sentence_vecs is not None:
            cos = idx.sentence_vecs @ claim_vec
            # A fact told across two sentences: the mean of neighbours' vectors stands for the pair.
            if len(cos) > 1:
                pair = (idx.sentence_vecs[:-1] + idx.sentence_vecs[1:])
                pair /= np.clip(np.linalg.norm(pair, axis=1, keepdims=True), 1e-9, None)
                pcos = pair @ claim_vec
                best_sim = max(best_sim, float(pcos.max()))
            best_sim = max(best_sim, float(cos.max()))
            hybrid = hybrid + cos
            for rd, c in zip(idx.readings, cos, strict=True):
                hits.append(SentenceHit(idx.doc.id, rd.span, rd.text, float(c), rd.answer, rd.answer_span))
        best = sorted(int(i) for i in np.argsort(-hybrid)[:COVER_SENTENCES] if hybrid[i] > 0)
        if best:
            spans = tuple(idx.sentences[i] for i in best)
            joined = " ".join(idx.sentence_text(i) for i in best)
            assembled.append((float(hybrid[best].max()), Candidate(idx.doc.id, Span(spans[0].start, spans[-1].end),
                                                                   joined, spans)))
    assembled.sort(key=lambda t: -t[0])
    plain.sort(key=lambda t: -t[0])
    hits.sort(key=lambda h: -h.similarity)
    return _Ranked(assembled, plain, hits[:5], best_sim, examined)


@dataclass(frozen=True)
class CandidatePolicy:
    """Which of the ranked passages the model reads for a claim. One policy serves checks,
    ``bench pairs`` (``score_document``) and calibration (``training/calibrate.py``), so that what is
    calibrated and benchmarked is what a check does."""

    assembled: int = 1
    """The best assembled passages (the sentences that best cover the claim's words, joined)."""
    windows: int = 1
    """The best BM25 windows that share a word with the claim (any, when nothing could be assembled)."""

    @staticmethod
    def speaking(probs: np.ndarray) -> int:
        """Which of the candidates' (k, 3) probabilities speaks for the claim: the most supporting one,
        unless another contradicts it more strongly (union semantics: support anywhere wins)."""
        i_sup, i_con = int(np.argmax(probs[:, 0])), int(np.argmax(probs[:, 1]))
        return i_sup if probs[i_sup, 0] >= probs[i_con, 1] else i_con

    def pick(self, r: _Ranked) -> list[Candidate]:
        return ([c for _, c in r.assembled[: self.assembled]]
                + [c for sc, c in r.windows[: self.windows] if sc > 0 or not r.assembled])


CANDIDATES = CandidatePolicy()
"""The policy onrecord ships."""


def candidates_for(claim: str, indexes: list[SourceIndex], embedder: Embedder | None,
                   policy: CandidatePolicy = CANDIDATES) -> tuple[list[Candidate], int]:
    """The passages the model reads for ``claim`` under ``policy`` (ranked with the sentence embedder, as
    a check ranks them), and how many windows were examined."""
    vec = embedder.encode([claim])[0] if embedder is not None else None
    r = _rank(claim, vec, indexes)
    return policy.pick(r), r.examined


def judge_many(model: GroundingModel, claims: list[str], indexes: list[SourceIndex],
               embedder: Embedder | None = None, needs_model: list[bool] | None = None,
               min_similarity: float = 0.0, min_coverage: float = 0.0,
               policy: CandidatePolicy = CANDIDATES,
               progress: Callable[[int, int], None] | None = None) -> list[ModelJudgement]:
    """Rank every source passage for every claim, then score the claims that need the model in one batch.

    A claim skips the model when ``needs_model`` says so (a rule already decides it) or when no
    passage reaches ``min_similarity`` or ``min_coverage`` (nothing in the sources is about it: the
    ranking over every passage is the proof). Union semantics: support in any source wins;
    otherwise the strongest contradiction speaks. ``progress(done, total)`` is called as each claim's
    reading is done (the model reads each pair alone, so claim by claim costs nothing).
    """
    vecs = embedder.encode(claims) if embedder is not None and claims else None
    ranked = [_rank(c, None if vecs is None else vecs[i], indexes) for i, c in enumerate(claims)]
    per_claim: list[list[Candidate]] = []
    covs: list[float] = []
    for i, (claim, r) in enumerate(zip(claims, ranked, strict=True)):
        checkpoint()  # a cancelled or late check stops here too (coverage of long sources takes seconds)
        cands = policy.pick(r)
        cov = max((coverage(claim, c.text) for c in cands), default=0.0)
        covs.append(cov)
        wanted = (needs_model is None or needs_model[i]) and (r.similarity >= min_similarity or cov >= min_coverage)
        per_claim.append(cands if wanted else [])
    known = [idx.terms for idx in indexes]
    stems = [idx.stems for idx in indexes]
    out = []
    for i, (cands, r) in enumerate(zip(per_claim, ranked, strict=True)):
        mj = _judgement(model, claims[i], cands, r, covs[i])
        mj.absent = absent_terms(claims[i], known, stems)
        if embedder is not None and len(mj.absent.words) >= SYNONYMS_FROM and r.sentences:
            mj.absent = replace(mj.absent, words=without_synonyms(mj.absent.words, r.sentences[0].text, embedder))
        mj.negation_unmatched = bool(NEGATION.search(claims[i])) and not (
            r.sentences and NEGATION.search(r.sentences[0].text))
        out.append(mj)
        if progress is not None:
            progress(i + 1, len(claims))
    return out


def _judgement(model: GroundingModel, claim: str, cands: list[Candidate], r: _Ranked, cov: float) -> ModelJudgement:
    """The model's reading of ``claim`` against its candidate passages (none: not scored)."""
    best_guess = r.assembled[0][1] if r.assembled else (r.windows[0][1] if r.windows else None)
    if not cands:
        return ModelJudgement(np.array([0.0, 0.0, 1.0]), best_guess, cov, r.examined, [], r.similarity,
                              r.sentences, scored=False)
    p = model.predict([(cand.text, claim) for cand in cands])
    chosen = CANDIDATES.speaking(p)
    return ModelJudgement(p[chosen].copy(), best_guess or cands[chosen], cov, r.examined,
                          list(zip(cands, p, strict=True)), r.similarity, r.sentences)


def evidence_at(doc: Document, start: int, end: int, score: float) -> Evidence:
    """Evidence for ``doc.text[start:end]``, with the page and line it sits on in the original."""
    loc = doc.locate(start)
    return Evidence(doc.id, start, end, doc.text[start:end], round(float(score), 4), loc.page, loc.line)


@dataclass(frozen=True)
class SupportFeatures:
    """What the product knows about one claim against one set of sources, as numbers."""

    similarity: float
    coverage: float
    p_supported: float
    p_contradicted: float
    second_similarity: float = 0.0
    """Cosine similarity of the second closest source sentence (a fact told in two places, or in parts)."""
    windows: int = 0
    """Passages examined: the more there are, the likelier a spurious best window."""
    absent: AbsentTerms = AbsentTerms()
    """The claim's numbers and names that no source contains."""
    negation_unmatched: bool = False
    """The claim is negated and its closest source sentence is not: a denial the source does not make is
    as new as a word it lacks (MiniLM reads "not" weakly; summaries edited to err often add one)."""

    def named(self) -> dict[str, float]:
        """Every feature a fitted combiner may name (``config.json`` ``combiner.features``)."""
        p = min(max(self.p_supported, 1e-4), 1 - 1e-4)
        q = min(max(self.p_contradicted, 1e-4), 1 - 1e-4)
        return {
            "similarity": self.similarity,
            "coverage": self.coverage,
            "p_supported": self.p_supported,
            "p_contradicted": self.p_contradicted,
            "logit_supported": float(np.log(p / (1 - p))),
            "logit_contradicted": float(np.log(q / (1 - q))),
            "second_similarity": self.second_similarity,
            "log_windows": float(np.log1p(self.windows)),
            "absent_numbers": float(min(self.absent.numbers, ABSENT_CAP)),
            "absent_names": float(min(self.absent.names, ABSENT_CAP)),
            "negation_unmatched": float(self.negation_unmatched),
        }

    def vector(self, names: list[str] | tuple[str, ...]) -> np.ndarray:
        d = self.named()
        return np.array([d[n] for n in names], dtype=np.float64)


def _logistic(f: SupportFeatures, fit: dict) -> float:
    w = np.asarray(fit["weights"], dtype=np.float64)
    z = float(f.vector(fit["features"]) @ w + float(fit["bias"]))
    return float(1.0 / (1.0 + np.exp(-z)))


def support_probability(f: SupportFeatures, combiner: dict) -> float:
    """P(supported) from similarity, word coverage and the model, by the logistic combiner fitted on dev
    data (``config.json`` ``combiner``, written by ``training/fit_combiner.py``)."""
    return _logistic(f, combiner)


def three_way(f: SupportFeatures, combiner: dict) -> np.ndarray:
    """Calibrated (supported, contradicted, unsupported) probabilities.

    P(supported) is the combiner's; the rest is split by a second logistic fitted on the dev pairs that
    are not supported (``combiner.contradiction``): contradicted when a source says otherwise,
    unsupported when none speaks to it.
    """
    p_sup = support_probability(f, combiner)
    q = _logistic(f, combiner["contradiction"])
    return np.array([p_sup, (1 - p_sup) * q, (1 - p_sup) * (1 - q)], dtype=np.float64)


def features_of(mj: ModelJudgement) -> SupportFeatures:
    second = mj.top_sentences[1].similarity if len(mj.top_sentences) > 1 else 0.0
    return SupportFeatures(mj.similarity, mj.coverage, mj.p_supported if mj.scored else 0.0,
                           mj.p_contradicted if mj.scored else 0.0, second, mj.examined_windows, mj.absent,
                           mj.negation_unmatched)


@dataclass(frozen=True)
class DocScore:
    """One document against one claim (for benchmarks on pairs)."""

    probs: np.ndarray
    windows: int
    features: SupportFeatures | None = None
    probs3: np.ndarray | None = None
    """The product's calibrated three-way probabilities (``three_way``); None for a model exported but
    not yet given its combiner (``training/fit_combiner.py`` scores such a model for its features)."""

    @property
    def p_supported(self) -> float:
        """The product's P(supported): the fitted combiner's when there is one, else the model's."""
        return float(self.probs3[0] if self.probs3 is not None else self.probs[0])


class IndexCache:
    """Source indexes by document text, for one caller scoring many claims against the same documents
    (``bench pairs``, calibration): each document is split and embedded once. Owned by that caller, never
    shared at module level; the least recently used go first past ``size``."""

    def __init__(self, embedder: Embedder, size: int = 256):
        self.embedder = embedder
        self.size = size
        self._indexes: OrderedDict[str, SourceIndex] = OrderedDict()

    def get(self, doc: str) -> SourceIndex:
        idx = self._indexes.pop(doc, None)
        if idx is None:
            idx = SourceIndex.build(Document(id="doc", text=doc), self.embedder)
        self._indexes[doc] = idx
        while len(self._indexes) > self.size:
            self._indexes.popitem(last=False)
        return idx


def score_document(model: GroundingModel, doc: str, claim: str, embedder: Embedder | None = None,
                   cache: IndexCache | None = None) -> DocScore:
    """Score ``claim`` against ``doc`` the way a check does: every window ranked, the best ones scored.

    Uses the shipped sentence embedder and the fitted combiner when present, so that benchmarks on
    pairs measure what onrecord ships. ``cache`` keeps the document's index for the next claim on it.
    """
    if embedder is None:
        embedder = cache.embedder if cache is not None else shared_embedder()
    idx = cache.get(doc) if cache is not None else SourceIndex.build(Document(id="doc", text=doc), embedder)
    mj = judge_many(model, [claim], [idx], embedder)[0]
    f = features_of(mj)
    combiner = model.config.raw.get("combiner")
    if not combiner:
        return DocScore(mj.probs, len(mj.candidates), f)
    return DocScore(mj.probs, len(mj.candidates), f, three_way(f, combiner))


__all__ = ["CANDIDATES", "LABELS", "Candidate", "CandidatePolicy", "DocScore", "IndexCache", "ModelJudgement", "SourceIndex", "SupportFeatures", "candidates_for", "evidence_at",
           "features_of", "judge_many", "score_document", "support_probability", "three_way"]
