"""The check itself: text + sources in, one Report out. Every interface calls this.

Stages, in order: validate the inputs; check the quotations (alignment, speakers); extract the claim
units; retrieve, for every claim, the passages of every source and the model's reading where a rule
does not decide alone; compare figures; judge each claim by the ordered rules of
``onrecord.judge.rules``; report.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from onrecord.documents import Document, from_text
from onrecord.errors import UsageError
from onrecord.extract.claims import ClaimUnit, claim_units
from onrecord.extract.verbatim import Repeat, quote_blocks, repeated_sentence, sentence_keys
from onrecord.inputs import validate as validate_inputs
from onrecord.judge.documents import documents_meant, read_edge
from onrecord.judge.figures import check_quantities
from onrecord.judge.finding import Cited, ClaimCase, EdgeReading, Finding
from onrecord.judge.quotes import QuoteCheck, check_quotes, quoted_share, within
from onrecord.judge.rules import judge_claim
from onrecord.judge.tables import figure_pool
from onrecord.judge.thresholds import DEFAULT_THRESHOLDS, Thresholds
from onrecord.judge.values import read_values
from onrecord.report import ClaimResult, QuoteResult, Report, SourceInfo
from onrecord.retrieve.evidence import SourceIndex, evidence_at, features_of, judge_many, three_way
from onrecord.runtime.embedder import Embedder, shared_embedder
from onrecord.runtime.model import GroundingModel, shared_model
from onrecord.text.analysis import TextAnalysis
from onrecord.text.detect_language import unreadable_reason

_SPECIAL_TOKENS = 48
"""Room kept in the model's window for the claim and the separator tokens: a passage longer than the rest
is read in part."""

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): called as a long check advances."""


class Checker:
    """Holds the model (loaded once) and checks texts against sources. Safe to share across threads.

    ``timings=True`` adds the check's wall time (``model.seconds``) to each report; off by default, so that
    the same input gives the same report, byte for byte.
    """

    def __init__(self, model: GroundingModel | None = None, model_dir: str | None = None, device: str = "auto",
                 thresholds: Thresholds = DEFAULT_THRESHOLDS, embedder: Embedder | None = None,
                 timings: bool = False):
        self._model = model
        self._model_dir = model_dir
        self._device = device
        self._embedder = embedder
        self._lock = threading.Lock()
        self.thresholds = thresholds
        self.timings = timings

    @property
    def embedder(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                self._embedder = shared_embedder(self._device)
            return self._embedder

    @property
    def model(self) -> GroundingModel:
        with self._lock:
            if self._model is None:
                self._model = shared_model(self._model_dir, self._device)
            return self._model

    def check(
        self,
        text: str | Document,
        sources: Sequence[Document] | Mapping[str, str] | Document | str,
        progress: Progress | None = None,
    ) -> Report:
        """Check every claim and quotation of ``text`` against ``sources``."""
        t0 = time.perf_counter()
        say = progress or (lambda stage, done, total: None)
        run = self._judged(text, sources, say)
        doc, docs, model = run.doc, run.docs, run.model
        claims = [_claim_result(n, unit, doc, case, judge_claim(case, run.thresholds) if case is not None else None)
                  for n, (unit, case) in enumerate(zip(run.units, run.cases, strict=True), start=1)]
        say("claims", len(run.units), len(run.units))
        warnings = list(doc.warnings) + [w for d in docs for w in d.warnings] + list(run.quotes.warnings)
        return Report(
            sources=[SourceInfo(d.id, d.title, len(d.text), d.path, d.format) for d in docs],
            claims=claims,
            quotes=run.quotes.results,
            text=doc.text,
            source_texts={d.id: d.text for d in docs},
            warnings=warnings,
            not_examined=_not_examined(run.indexes, model),
            model=self._model_info(model, run.indexes, t0),
        )

    def findings(
        self, text: str | Document, sources: Sequence[Document] | Mapping[str, str] | Document | str
    ) -> list[tuple[ClaimUnit, Finding | None]]:
        """Each claim unit of ``text`` with the judge's finding (None for a claim that cannot be read),
        ``Finding.rule`` naming the rule that decided: what ``check`` reports, before the report."""
        run = self._judged(text, sources, lambda stage, done, total: None)
        return [(u, judge_claim(c, run.thresholds) if c is not None else None)
                for u, c in zip(run.units, run.cases, strict=True)]

    def _judged(self, text: str | Document, sources: Sequence[Document] | Mapping[str, str] | Document | str,
                say: Progress) -> _Run:
        """The stages before the verdicts: inputs validated, quotations checked, claims retrieved."""
        doc, docs = _validated(text, sources)
        say("quotes", 0, 1)
        analysis = TextAnalysis(doc.text)  # read once; every stage below reads this
        qcheck = check_quotes(analysis, docs)
        units = claim_units(analysis)
        say("claims", 0, len(units))
        embedder, model = self.embedder, self.model
        t = self.thresholds.for_model(model.config.threshold, model.config.raw.get("combiner", {}).get("threshold"))
        indexes = [SourceIndex.build(d, embedder) for d in docs]
        # The model's reading is the long part: the count of claims advances as each claim's is done.
        cases = _retrieve(doc.text, units, docs, qcheck.results, indexes, model, embedder, t,
                          lambda done, _total: say("claims", done, len(units)))
        return _Run(doc, docs, qcheck, units, cases, indexes, model, t)

    def _model_info(self, model: GroundingModel, indexes: list[SourceIndex], t0: float) -> dict[str, object]:
        info: dict[str, object] = {"name": model.config.name, "threshold": model.config.threshold,
                                   "device": model.device, "windows_examined": sum(len(i.windows) for i in indexes)}
        if self.timings:
            info["seconds"] = round(time.perf_counter() - t0, 3)
        return info


@dataclass(frozen=True)
class _Run:
    """What the stages before the verdicts produced for one check."""

    doc: Document
    docs: list[Document]
    quotes: QuoteCheck
    units: list[ClaimUnit]
    cases: list[ClaimCase | None]
    indexes: list[SourceIndex]
    model: GroundingModel
    thresholds: Thresholds


def _as_sources(sources: Sequence[Document] | Mapping[str, str] | Document | str) -> list[Document]:
    if isinstance(sources, Document):
        return [sources]
    if isinstance(sources, str):
        return [from_text(sources, id="source")]
    if isinstance(sources, Mapping):
        return [from_text(t, id=str(k)) for k, t in sources.items()]
    docs = list(sources)
    if not all(isinstance(d, Document) for d in docs):
        raise UsageError("sources must be Documents, a mapping of id to text, or one text")
    return docs


def _validated(text: str | Document,
               sources: Sequence[Document] | Mapping[str, str] | Document | str) -> tuple[Document, list[Document]]:
    """The text and the sources as Documents, or a UsageError saying what is wrong with them."""
    text, sources = validate_inputs(text, sources)  # the API boundary: types, surrogates, empty sources
    doc = text if isinstance(text, Document) else from_text(text, id="text")
    docs = _as_sources(sources)
    if not docs:
        raise UsageError("no sources given: there is nothing to check the text against")
    ids = [d.id for d in docs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise UsageError(f"two sources share the id {dupes[0]!r}; give each its own (--source id=FILE)")
    if not doc.text.strip():
        raise UsageError("the text to check is empty")
    return doc, docs


def _needs_model(unit: ClaimUnit, quotes: list[QuoteResult], t: Thresholds) -> bool:
    """Claims a rule decides whatever the model says: most document claims, quote-carried claims."""
    if unit.doc_claim is not None:
        return unit.doc_claim.kind == "about"
    return quoted_share(unit, quotes) < t.quote_share


def _repeat(unit: ClaimUnit, docs: list[Document], keys: list[dict[str, Repeat]], t: Thresholds) -> Cited | None:
    """The source sentence a factual claim repeats word for word (``keys``: each source's sentence keys)."""
    if unit.doc_claim is not None:
        return None
    for d, k in zip(docs, keys, strict=True):
        r = repeated_sentence(unit.text, d.text, k)
        if r is not None:
            return Cited(d.id, r.source_start, r.source_end, t.repeated_sentence)
    return None


def _edge(unit: ClaimUnit, docs: list[Document], model: GroundingModel, t: Thresholds) -> EdgeReading | None:
    dc = unit.doc_claim
    if dc is None or dc.kind not in ("begins", "ends"):
        return None
    return read_edge(unit.text, dc.kind, documents_meant(dc, docs), model, t.figures)


def _retrieve(text: str, units: list[ClaimUnit], docs: list[Document], quotes: list[QuoteResult],
              indexes: list[SourceIndex], model: GroundingModel, embedder: Embedder, t: Thresholds,
              progress: Callable[[int, int], None] | None = None) -> list[ClaimCase | None]:
    """Per claim, what the rules weigh: its quotations, passages, the model's reading, figures (None for a
    claim that cannot be read)."""
    # Filler and headings (``unit.unchecked``) and claims in another language are listed, not judged.
    readable = [u for u in units if u.unchecked is None and unreadable_reason(u.text) is None]
    inside = [[q for q in quotes if within(q, u.start, u.end)] for u in readable]
    # One batched model call for the claims that need the model; rules settle the others.
    needs = [_needs_model(u, qs, t) for u, qs in zip(readable, inside, strict=True)]
    judged = judge_many(model, [u.text for u in readable], indexes, embedder, needs,
                        min_similarity=t.topic_similarity, min_coverage=t.topic_coverage, progress=progress)
    pool = figure_pool({d.id: d.text for d in docs})  # table rows' figures read with their headers
    keys = [sentence_keys(d.text) for d in docs]  # each source's sentences folded once per check
    combiner = model.config.combiner
    cases: dict[int, ClaimCase] = {}
    for u, qs, mj in zip(readable, inside, judged, strict=True):
        factual = u.doc_claim is None
        figures = tuple(check_quantities(u.text, pool, t.figures)) if factual else ()
        values = read_values(u.text, mj.top_sentences) if factual and mj is not None else ()
        cases[id(u)] = ClaimCase(u, docs, qs, mj, figures, three_way(features_of(mj), combiner),
                               _edge(u, docs, model, t), values, _repeat(u, docs, keys, t),
                               tuple(quote_blocks(u.start, u.end, qs)), u.sentence.text_of(text))
    return [cases.get(id(u)) for u in units]


def _claim_result(n: int, unit: ClaimUnit, doc: Document, case: ClaimCase | None, f: Finding | None) -> ClaimResult:
    span_text = doc.text[unit.start : unit.end]
    out = ClaimResult(id=f"c{n}", start=unit.start, end=unit.end, text=span_text, label="unsupported",
                      score=0.0, attribution=unit.attribution, kind="document" if unit.doc_claim else "factual",
                      proposition=unit.text if unit.text != " ".join(span_text.split()) else None)
    if case is None or f is None:
        why_not = unit.unchecked or unreadable_reason(unit.text)
        out.unchecked = why_not
        out.reason = f"not checked: {why_not}"
        return out
    out.label = f.label
    out.score = round(float(f.score), 4)
    out.reason = f.reason
    out.evidence = [evidence_at(case.source(c.source), c.start, c.end, c.score) for c in f.evidence]
    out.probabilities = dict(f.probabilities) if f.probabilities is not None else None
    return out


def _not_examined(indexes: list[SourceIndex], model: GroundingModel) -> list[str]:
    """Say where the model could not read a whole window (a very long sentence is cut to fit)."""
    out = []
    limit = model.config.max_length
    for idx in indexes:
        long = [w for w in idx.windows if model.count_tokens(w.text_of(idx.doc.text)) > limit - _SPECIAL_TOKENS]
        for w in long[:5]:
            out.append(f"{idx.doc.id}[{w.start}:{w.end}]: a passage longer than the model's {limit} tokens; "
                       "the model read its first part only (BM25 and quote search read all of it)")
    return out


_default: Checker | None = None
_default_lock = threading.Lock()


def check(text: str | Document, sources: Sequence[Document] | Mapping[str, str] | Document | str,
          progress: Progress | None = None) -> Report:
    """Check ``text`` against ``sources`` with the shipped model (loaded once per process)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Checker()
    return _default.check(text, sources, progress)
