"""The check itself: text + sources in, one Report out. Every interface calls this."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from onrecord.documents import Document, from_text
from onrecord.errors import UsageError
from onrecord.extract import attribution
from onrecord.extract.claims import ClaimUnit, claim_units
from onrecord.extract.quotes import check_quotes, find_quotes
from onrecord.inputs import validate as validate_inputs
from onrecord.judge.contrast import Opposition, opposed, swapped_modifier
from onrecord.judge.documents import (
    DocVerdict,
    documents_meant,
    edge_passage,
    judge_mentions,
    judge_omits,
    judge_position,
)
from onrecord.judge.figures import Pool, QuantityCheck, check_quantities, source_pool
from onrecord.report import ClaimResult, Evidence, QuoteResult, Report, SourceInfo
from onrecord.retrieve.evidence import (
    ModelJudgement,
    SentenceHit,
    SourceIndex,
    evidence_at,
    evidence_from,
    features_of,
    judge_many,
    three_way,
)
from onrecord.runtime.embedder import Embedder, shared_embedder
from onrecord.runtime.model import GroundingModel, shared_model
from onrecord.text.language import unreadable_reason
from onrecord.text.lexical import coverage
from onrecord.text.segment import Span

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): called as a long check advances."""

# A quotation this much of a claim carries it: the claim is mostly "X said <words>".
QUOTE_SHARE = 0.55
# Cosine similarity (all-MiniLM-L6-v2) between a claim and its closest source sentence: below
# SIM_TOPIC nothing in the sources is about it; at SIM_SUPPORT (with most of its words) a source says it.
SIM_TOPIC = 0.45
SIM_SUPPORT = 0.62
SIM_POLARITY = 0.5
# A same-thing-other-modifier swap ("serious burns" vs "minor burns") is telling even at low similarity.
SIM_MODIFIER = 0.3
# similarity + coverage/2 at or above this, with at least half the claim's words: a source says it.
SUPPORT_STRENGTH = 0.8
# The combined, calibrated P(supported) at which a claim counts as supported on that alone (set above
# the combiner's dev threshold: a false "supported" costs a reader more than a missed one).
COMBINED_SUPPORT = 0.7
# The confidence a rule states when it finds support that the calibrated combiner gives less.
RULE_SUPPORT = 0.6
# The grounding model alone calls a contradiction only when this sure and the topic clearly matches.
CON_MODEL = 0.9
_QUALIFIER_AFTER = re.compile(r"^[\s,;:—–-]*(unless|except|only if|if|until|provided|as long as|but only)\b",
                              re.I)
_NEGATION = re.compile(r"\b(not|no|never|none|neither|nor|without|nobody|nothing|cannot)\b|n't\b", re.I)


@dataclass
class _Judged:
    label: str
    score: float
    reason: str
    evidence: list[Evidence]
    probabilities: dict[str, float] | None = None


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


class Checker:
    """Holds the model (loaded once) and checks texts against sources. Safe to share across threads."""

    def __init__(self, model: GroundingModel | None = None, model_dir: str | None = None, device: str = "auto"):
        self._model = model
        self._model_dir = model_dir
        self._device = device
        self._embedder: Embedder | None = None
        self._lock = threading.Lock()

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
        say = progress or (lambda stage, done, total: None)

        say("quotes", 0, 1)
        qcheck = check_quotes(doc.text, docs)
        quotes = qcheck.results
        scan = find_quotes(doc.text)
        protected = [Span(q.mark_start or q.start, q.mark_end or q.end) for q in scan.quotes if q.depth == 0]
        units = claim_units(doc.text, protected, frame_of=attribution.reported_frame,
                            attribute=attribution.attribute)
        say("claims", 0, len(units))
        embedder = self.embedder
        indexes = [SourceIndex.build(d, embedder) for d in docs]
        texts = {d.id: d.text for d in docs}
        pool = source_pool(texts)
        model = self.model

        # One batched model call for the claims that need the model; rules settle the others.
        model_units = [u for u in units if unreadable_reason(u.text) is None]
        needs = [self._needs_model(u, quotes) for u in model_units]
        judged = judge_many(model, [u.text for u in model_units], indexes, embedder, needs,
                            min_similarity=SIM_TOPIC, min_coverage=0.6)
        judgements = dict(zip((id(u) for u in model_units), judged, strict=True))
        results: list[ClaimResult] = []
        for n, unit in enumerate(units, start=1):
            results.append(self._claim_result(n, unit, doc, docs, pool, quotes, judgements.get(id(unit)), model))
            say("claims", n, len(units))

        windows = sum(len(i.windows) for i in indexes)
        warnings = list(doc.warnings) + [w for d in docs for w in d.warnings] + list(qcheck.warnings)
        not_examined = _not_examined(indexes, model)
        return Report(
            sources=[SourceInfo(d.id, d.title, len(d.text), d.path, d.format) for d in docs],
            claims=results,
            quotes=quotes,
            text=doc.text,
            source_texts=texts,
            warnings=warnings,
            not_examined=not_examined,
            model={"name": model.config.name, "threshold": model.config.threshold, "device": model.device,
                   "windows_examined": windows, "seconds": round(time.perf_counter() - t0, 3)},
        )

    @staticmethod
    def _needs_model(unit: ClaimUnit, quotes: list[QuoteResult]) -> bool:
        """Claims a rule decides whatever the model says: most document claims, quote-carried claims."""
        if unit.doc_claim is not None:
            return unit.doc_claim.kind == "about"
        inside = [q for q in quotes if q.start >= unit.start and q.end <= unit.end and q.label == "exact"]
        return sum(q.end - q.start for q in inside) / max(1, unit.end - unit.start) < QUOTE_SHARE

    def _claim_result(self, n: int, unit: ClaimUnit, doc: Document, docs: list[Document], pool: Pool,
                      quotes: list[QuoteResult], mj: ModelJudgement | None, model: GroundingModel) -> ClaimResult:
        span_text = doc.text[unit.start : unit.end]
        base = ClaimResult(id=f"c{n}", start=unit.start, end=unit.end, text=span_text, label="unsupported",
                           score=0.0, attribution=unit.attribution, kind="document" if unit.doc_claim else "factual",
                           proposition=unit.text if unit.text != " ".join(span_text.split()) else None)
        why_not = unreadable_reason(unit.text)
        if why_not:
            base.unchecked = why_not
            base.reason = f"not checked: {why_not}"
            return base
        inside = [q for q in quotes if q.start >= unit.start and q.end <= unit.end]
        j = (self._judge_document_claim(unit, docs, inside, mj, model) if unit.doc_claim
             else self._judge_factual(unit, docs, pool, inside, mj, model))
        base.label = j.label  # type: ignore[assignment]
        base.score = round(float(j.score), 4)
        base.reason = j.reason
        base.evidence = j.evidence
        base.probabilities = j.probabilities
        return base

    # -- claims about a document ------------------------------------------------------------

    def _judge_document_claim(self, unit: ClaimUnit, docs: list[Document], quotes: list[QuoteResult],
                              mj: ModelJudgement | None, model: GroundingModel) -> _Judged:
        dc = unit.doc_claim
        meant = documents_meant(dc, docs)
        v: DocVerdict | None = None
        if dc.kind == "mentions":
            v = judge_mentions(dc, meant)
        elif dc.kind == "omits":
            v = judge_omits(dc, meant)
        elif dc.kind in ("begins", "ends"):
            v = judge_position(dc, meant, quotes)
            if v is None:
                return self._judge_passage(unit, meant, dc.kind, model)
        if v is not None:
            return _Judged(v.label, v.score, v.reason, v.evidence)
        # "focused on X": the document's words for X, or the model reading the whole document.
        mention = judge_mentions(dc, meant)
        if mj is not None and mj.p_supported >= model.config.threshold:
            return self._from_model(unit, mj, docs, model, "the model reads the document as saying so")
        if mention.share >= 0.5:
            return _Judged("supported", 0.6, f"{mention.reason} (the document's own words for it)", mention.evidence)
        return _Judged("unsupported", 0.6, mention.reason, mention.evidence)

    def _judge_passage(self, unit: ClaimUnit, docs: list[Document], kind: str, model: GroundingModel) -> _Judged:
        """``It ends by noting that ...``: the claim's words against the opening or closing passage."""
        spans = {d.id: edge_passage(d, kind) for d in docs}
        passages = [(d, spans[d.id]) for d in docs]
        pairs = [(d.text[s.start : s.end], unit.text) for d, s in passages]
        probs = model.predict(pairs)
        best = int(probs[:, 0].argmax())
        d, s = passages[best]
        ev = [evidence_at(d, s.start, s.end, float(probs[best, 0]))]
        qty = check_quantities(unit.text, {d.id: d.text[s.start : s.end]})
        where = "opening" if kind == "begins" else "closing"
        if any(q.status == "mismatch" for q in qty):
            return _Judged("contradicted", 0.8, f"the {where} passage gives other figures: {_qty_note(qty)}", ev)
        cov = coverage(unit.text, pairs[best][0])
        if probs[best, 0] >= model.config.threshold or (qty and all(q.status == "match" for q in qty) and cov >= 0.5):
            return _Judged("supported", float(max(probs[best, 0], 0.6)), f"the {where} passage says so", ev,
                           _probs(probs[best]))
        if probs[best, 1] >= 0.5:
            return _Judged("contradicted", float(probs[best, 1]), f"the {where} passage says otherwise", ev,
                           _probs(probs[best]))
        return _Judged("unsupported", float(probs[best, 2]), f"the {where} passage does not say so", ev,
                       _probs(probs[best]))

    # -- factual claims ---------------------------------------------------------------------

    def _judge_factual(self, unit: ClaimUnit, docs: list[Document], pool: Pool, quotes: list[QuoteResult],
                       mj: ModelJudgement | None, model: GroundingModel) -> _Judged:
        quoted = sum(q.end - q.start for q in quotes)
        share = quoted / max(1, len(unit.text))
        for q in quotes:
            v = self._quote_rule(unit, q, docs)
            if v is not None:
                return v
        qty = check_quantities(unit.text, pool)
        mismatch = [q for q in qty if q.status == "mismatch"]
        # A figure contradicts only where the sources speak to the claim at all: in a long source some
        # figure always sits near some shared word.
        topical = mj is None or mj.similarity >= SIM_TOPIC or mj.coverage >= 0.5
        if mismatch and topical:
            ev = _qty_evidence(mismatch, docs)
            return _Judged("contradicted", 0.85, f"the sources give other figures: {_qty_note(mismatch)}", ev)
        exact = [q for q in quotes if q.label == "exact" and not q.misattributed]
        if exact and share >= QUOTE_SHARE:
            q = exact[0]
            d = next(d for d in docs if d.id == q.source)
            ev = [evidence_at(d, q.source_start, q.source_end, 1.0)]
            return _Judged("supported", 0.95, "the quoted words are in the source verbatim", ev)
        if mj is None or mj.best is None:
            return _Judged("unsupported", 0.9, "no passage of any source shares its words", [])
        return self._from_model(unit, mj, docs, model, None, qty)

    def _quote_rule(self, unit: ClaimUnit, q: QuoteResult, docs: list[Document]) -> _Judged | None:
        """What a quotation alone settles: misattribution, negation cut away, a dropped condition."""
        if q.label == "not_found" or q.source is None or q.source_start is None:
            return None
        d = next(d for d in docs if d.id == q.source)
        ev = [evidence_at(d, q.source_start, q.source_end, 0.9)]
        if q.misattributed:
            return _Judged("contradicted", 0.9, f"the source gives these words to {q.source_speaker}, not {q.speaker}", ev)
        claim_negated = bool(_NEGATION.search(unit.text[: max(0, q.start - unit.start)]))
        if q.context_negated and not claim_negated:
            return _Judged("contradicted", 0.85, "the source says the opposite: the quoted words follow a negation", ev)
        after = d.text[q.source_end : q.source_end + 60]
        m = _QUALIFIER_AFTER.match(after)
        if m:
            end = after.find(".", m.end())
            cond = after[: end if end > 0 else len(after)].strip(" ,;")
            return _Judged("unsupported", 0.8, f"the source goes on with a condition the text leaves out: {cond!r}", ev)
        return None

    def _from_model(self, unit: ClaimUnit, mj: ModelJudgement, docs: list[Document], model: GroundingModel,
                    why: str | None,
                    qty: list[QuantityCheck] | None = None) -> _Judged:
        """Decide from what the sources say to the claim: similarity, word coverage, polarity, the model."""
        by_id = {d.id: d for d in docs}
        best = mj.best
        # A year used as a label ("the 2025 policy") is no figure the claim stands on.
        unmatched = [q for q in (qty or []) if q.status == "unmatched" and q.claim.unit != "year"]
        matched = [q for q in (qty or []) if q.status == "match"]
        thr = model.config.threshold
        sim, cov = mj.similarity, mj.coverage
        combiner = model.config.raw.get("combiner")
        # The calibrated P(supported) from similarity, coverage and the model (fitted on dev data), and
        # the calibrated split of the rest between contradicted and unsupported.
        p3 = three_way(features_of(mj), combiner)
        p_support = float(p3[0])
        probs = _probs(p3)

        def ev(score: float) -> list[Evidence]:
            return evidence_from(best, unit.text, score, by_id[best.source]) if best else []

        topical = sim >= SIM_TOPIC or cov >= 0.6
        finding = _contradicting_sentence(unit.text, mj.top_sentences, topical)
        if finding is not None:
            d = by_id[finding.hit.source]
            return _Judged("contradicted", finding.score, finding.reason,
                           [evidence_at(d, finding.hit.span.start, finding.hit.span.end, finding.hit.similarity)], probs)
        if not topical:
            return _Judged("unsupported", 1 - p_support,
                           f"nothing in the sources speaks to it: examined {mj.examined_windows} passage(s) in "
                           f"{len(docs)} source(s); closest similarity {sim:.2f}, word coverage {cov:.0%}", [], probs)
        supported_by = None
        if sim >= SIM_TOPIC and cov >= 0.5 and sim + 0.5 * cov >= SUPPORT_STRENGTH:
            supported_by = f"a source sentence says the same (similarity {sim:.2f}, word coverage {cov:.0%})"
        elif combiner and p_support >= COMBINED_SUPPORT and cov >= 0.4:
            supported_by = f"similarity, word coverage and the grounding model together (p={p_support:.2f})"
        elif mj.p_supported >= thr and sim >= SIM_TOPIC and cov >= 0.4:
            supported_by = why or f"the grounding model reads a source passage as supporting it (p={mj.p_supported:.2f})"
        elif matched and (sim >= 0.5 or _coverage_beyond_figures(unit.text, best.text, matched) >= 0.5):
            supported_by = f"figures agree with the source: {_qty_note(matched)}"
        strangers = _names_absent(unit.text, docs)
        if supported_by and not unmatched and not strangers:
            # A rule (a sentence saying the same, agreeing figures) can support a claim the combiner
            # doubts; its verdict then carries the rules' stated confidence, never a score below one half.
            score = max(p_support, RULE_SUPPORT)
            return _Judged("supported", score, supported_by, ev(score), probs)
        if mj.p_contradicted >= CON_MODEL and sim >= SIM_SUPPORT and cov >= 0.6:
            return _Judged("contradicted", mj.p_contradicted, "the grounding model reads a source passage as saying otherwise",
                           ev(mj.p_contradicted), probs)
        note = (f"no source passage supports it: examined {mj.examined_windows} passage(s) in {len(docs)} source(s); "
                f"closest similarity {sim:.2f}, word coverage {cov:.0%}")
        if unmatched:
            note += f"; no source gives {', '.join(repr(q.claim.text) for q in unmatched)}"
        if strangers:
            note += f"; no source names {', '.join(repr(n) for n in strangers)}"
        return _Judged("unsupported", 1 - p_support, note, ev(p_support), probs)


def _polarity(s: str) -> bool:
    return bool(_NEGATION.search(s))


_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")
_LEADING_NAME_WORDS = {"The", "A", "An", "It", "In", "On", "At", "But", "And", "However", "Meanwhile", "After", "When"}


def _names(s: str) -> set[str]:
    out = set()
    for m in _NAME.finditer(s):
        words = m.group(0).split()
        while words and words[0] in _LEADING_NAME_WORDS:
            words = words[1:]
        if len(words) >= 2:
            out.add(" ".join(words))
    return out


def _names_absent(claim: str, docs: list[Document]) -> list[str]:
    """Multi-word names in the claim that no source has (first and last word both present counts)."""
    lows = [d.text.lower() for d in docs]
    out = []
    for n in _names(claim):
        words = n.lower().split()
        if any(n.lower() in t or (re.search(rf"\b{re.escape(words[0])}\b", t) and re.search(rf"\b{re.escape(words[-1])}\b", t))
               for t in lows):
            continue
        out.append(n)
    return out


def _swapped_name(claim: str, hits: list[SentenceHit]) -> tuple[SentenceHit, str, str] | None:
    """The claim's closest sentence tells the same event with another person in one role.

    "Reed's winner came in the 81st minute from a cross by Sam Kelly" against "Reed scored again in
    the 81st minute, finishing a low cross from substitute Ade Bakare": the event is anchored by what
    they share (81st minute, cross), and the claim's name is not in the sentence while another is.
    """
    if not hits or hits[0].similarity < SIM_SUPPORT:
        return None
    top = hits[0]
    c_names, s_names = _names(claim), _names(top.text)
    surname = lambda n: n.split()[-1].lower()  # noqa: E731
    c_last, s_last = {surname(n) for n in c_names}, {surname(n) for n in s_names}
    missing = [n for n in c_names if surname(n) not in s_last and surname(n) not in top.text.lower()]
    extra = [n for n in s_names if surname(n) not in c_last and surname(n) not in claim.lower()]
    if len(missing) != 1 or len(extra) != 1:
        return None
    rest = claim.replace(missing[0], " ")
    if coverage(rest, top.text) < 0.6:
        return None  # the claim is not about that one sentence's fact
    return top, missing[0], extra[0]


@dataclass(frozen=True)
class _SentenceFinding:
    hit: SentenceHit
    reason: str
    score: float


def _contradicting_sentence(claim: str, hits: list[SentenceHit], topical: bool) -> _SentenceFinding | None:
    """A close source sentence that says otherwise: another modifier of the same thing (telling even at
    low similarity), then, when the sources speak to the claim at all, the opposite polarity, an opposed
    verb, or another person in one role."""
    swapped = _swapped_modifier_near(claim, hits)
    if swapped is not None:
        hit, opp = swapped
        return _SentenceFinding(hit, f"a source sentence says {opp.source_word!r} where the text says "
                                     f"{opp.claim_word!r}", 0.7)
    if not topical:
        return None
    flipped = _opposite_polarity(claim, hits)
    if flipped is not None:
        return _SentenceFinding(flipped, "the closest source sentence says the opposite (one is negated, the "
                                         "other is not)", min(0.95, 0.5 + flipped.similarity / 2))
    against = _opposed_sentence(claim, hits)
    if against is not None:
        hit, opp = against
        return _SentenceFinding(hit, f"the closest source sentence says {opp.source_word!r} where the text says "
                                     f"{opp.claim_word!r}", 0.75)
    swap = _swapped_name(claim, hits)
    if swap is not None:
        hit, said, source_says = swap
        return _SentenceFinding(hit, f"the closest source sentence names {source_says}, not {said}", 0.8)
    return None


def _swapped_modifier_near(claim: str, hits: list[SentenceHit]) -> tuple[SentenceHit, Opposition] | None:
    """Among the three closest sentences, one that gives the claim's thing another modifier of its class."""
    for hit in hits[:3]:
        if hit.similarity < SIM_MODIFIER or hit.text.rstrip().endswith("?"):
            continue
        opp = swapped_modifier(claim, hit.text)
        if opp is not None:
            return hit, opp
    return None


def _opposed_sentence(claim: str, hits: list[SentenceHit]) -> tuple[SentenceHit, Opposition] | None:
    """A close sentence tells the same thing with the opposite verb ("postponed" vs "approved") or
    gives the same thing another modifier of its class ("second yellow card" vs "straight red card")."""
    if not hits or hits[0].similarity < SIM_POLARITY:
        return None
    for rank, hit in enumerate(hits[:2]):
        if hit.text.rstrip().endswith("?") or hit.similarity < SIM_TOPIC:
            continue
        opp = opposed(claim, hit.text) if rank == 0 else None
        if opp is None:
            continue
        rest = re.sub(re.escape(opp.claim_word), " ", claim, flags=re.I)
        if opp.claim_word.split()[-1] in hit.text.lower() or coverage(rest, hit.text) >= 0.5:
            return hit, opp
    return None


_ANSWER_NO = re.compile(r"^\s*(?:A\s*[:.]\s*)?no\b", re.I)
_ANSWER_YES = re.compile(r"^\s*(?:A\s*[:.]\s*)?yes\b", re.I)


def _stated_polarity(hit: SentenceHit) -> bool | None:
    """Whether the sentence asserts its content negated; a question takes its answer's yes or no."""
    if hit.text.rstrip().endswith("?"):
        if _ANSWER_NO.match(hit.answer):
            return not _polarity(hit.text)
        if _ANSWER_YES.match(hit.answer):
            return _polarity(hit.text)
        return None  # a question with no plain answer asserts nothing
    return _polarity(hit.text)


def _opposite_polarity(claim: str, hits: list[SentenceHit]) -> SentenceHit | None:
    """The best-matching source sentence, when it is close and negated where the claim is not (or back)."""
    if not hits or hits[0].similarity < SIM_POLARITY:
        return None
    top = hits[0]
    stated = _stated_polarity(top)
    if stated is None or stated == _polarity(claim):
        return None
    # The sentence must carry most of the claim: a neighbour that shares its topic but not its
    # negated part ("… although he has not yet decided") proves nothing.
    if coverage(claim, top.text) < 0.5:
        return None
    if top.answer:
        return SentenceHit(top.source, Span(top.span.start, top.span.end), top.text, top.similarity, top.answer)
    return top


def _coverage_beyond_figures(claim: str, passage: str, figures: list[QuantityCheck]) -> float:
    """Word coverage of the claim once its figures (already compared on value) are taken out."""
    rest = claim
    for q in sorted(figures, key=lambda q: -q.claim.start):
        rest = rest[: q.claim.start] + " " + rest[q.claim.end :]
    rest = re.sub(r"\d[\d,.]*", " ", rest)
    return coverage(rest, passage)


def _probs(p) -> dict[str, float]:
    return {"supported": round(float(p[0]), 4), "contradicted": round(float(p[1]), 4),
            "unsupported": round(float(p[2]), 4)}


def _qty_note(checks: list[QuantityCheck]) -> str:
    parts = []
    for q in checks:
        if q.source is None:
            parts.append(f"{q.claim.text!r} not found")
        elif q.status == "mismatch":
            parts.append(f"{q.claim.text!r} vs {q.source.derived or q.source.text!r} in {q.source_id}")
        else:
            parts.append(f"{q.claim.text!r} ~ {q.source.derived or q.source.text!r}")
    return "; ".join(parts)


def _qty_evidence(checks: list[QuantityCheck], docs: list[Document]) -> list[Evidence]:
    by_id = {d.id: d for d in docs}
    out = []
    for q in checks:
        if q.source is None or q.source_id not in by_id:
            continue
        d = by_id[q.source_id]
        # Widen to the sentence so the reader sees what the figure is about.
        a = max(d.text.rfind(". ", 0, q.source.start) + 2, d.text.rfind("\n", 0, q.source.start) + 1, 0)
        b_candidates = [i for i in (d.text.find(". ", q.source.end), d.text.find("\n", q.source.end)) if i >= 0]
        b = min(b_candidates) + 1 if b_candidates else len(d.text)
        out.append(evidence_at(d, a, b, 0.85))
    return out


def _not_examined(indexes: list[SourceIndex], model: GroundingModel) -> list[str]:
    """Say where the model could not read a whole window (a very long sentence is cut to fit)."""
    out = []
    limit = model.config.max_length
    for idx in indexes:
        long = [w for w in idx.windows if model.count_tokens(w.text_of(idx.doc.text)) > limit - 48]
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
