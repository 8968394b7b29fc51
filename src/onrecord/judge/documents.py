"""Claims about what a document says, judged by searching the whole document.

"The letter mentioned X" is supported only when X's words are in the letter; "makes no reference
to Y or Z" is supported only when neither is anywhere in it; "it began with ..." / "concluded ..."
are checked against where the words sit. Absence is a finding only because every character of the
document was searched, and the reason says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from onrecord.documents import Document
from onrecord.extract.claims import DocClaim
from onrecord.judge.factual import figures_note
from onrecord.judge.figures import check_quantities
from onrecord.judge.finding import Cited, ClaimCase, EdgeReading, Finding, probability_dict
from onrecord.judge.thresholds import FigureTolerances, Thresholds
from onrecord.report import QuoteResult
from onrecord.runtime.model import GroundingModel
from onrecord.text.lexical import STOPWORDS, content_stems, coverage, stem, tokens
from onrecord.text.segment import Span, sentences

# Generic words of a "mentions" target that say nothing about the topic ("specific reference").
_WEAK = {"specific", "specifical", "particular", "direct", "explicit", "issue", "matter", "topic", "question",
         "follow", "includ", "regard", "concern"}


@dataclass(frozen=True)
class Mentions:
    """What a search of the documents found of a "mentions" target."""

    finding: Finding
    share: float
    """The share of the target's key words found in the best document."""


def documents_meant(dc: DocClaim, docs: list[Document]) -> list[Document]:
    """The sources the claim's subject names ("the letter" → a source with "letter" in id or title)."""
    words = {stem(w) for w in tokens(dc.subject.lower())} - {"the", "this", "that", "it", "text", "actual"}
    named = [d for d in docs if words & {stem(w) for w in tokens(f"{d.id} {d.title}".lower())}]
    return named or docs


def _stems_by_sentence(doc: Document) -> list[tuple[Span, set[str]]]:
    return _stems_of(doc.text)


@lru_cache(maxsize=16)
def _stems_of(text: str) -> list[tuple[Span, set[str]]]:
    # Several claims about one document search it again and again: stem its sentences once.
    return [(s, set(content_stems(s.text_of(text)))) for s in sentences(text)]


def _key_terms(target: str) -> list[str]:
    # Quote marks and "specific" are framing, not topic.
    terms = [t for t in content_stems(target.replace("“", " ").replace("”", " ").replace('"', " "))]
    return [t for t in dict.fromkeys(terms) if t not in _WEAK and t not in STOPWORDS]


def _cited(doc: Document, span: Span, score: float) -> Cited:
    return Cited(doc.id, span.start, span.end, score)


def _searched(docs: list[Document]) -> str:
    return ", ".join(f"{d.id} ({len(d.text):,} chars)" for d in docs)


def search_mentions(dc: DocClaim, docs: list[Document], t: Thresholds) -> Mentions:
    """"The letter mentioned X": how much of X's key words the best of ``docs`` has, and the verdict."""
    terms = _key_terms(dc.target)
    if not terms:
        # Nothing to search for is nothing found (share 0): "focused on <nothing checkable>" is never supported.
        return Mentions(Finding("unsupported", t.nothing_checkable, "nothing checkable in what is said to be mentioned"),
                        0.0)
    best: tuple[float, Document, list[str], list[Span]] | None = None
    for doc in docs:
        sents = _stems_by_sentence(doc)
        have = set().union(*(s for _, s in sents)) if sents else set()
        present = [t for t in terms if t in have]
        hits = [sp for sp, st in sents if st & set(present)]
        frac = len(present) / len(terms)
        if best is None or frac > best[0]:
            best = (frac, doc, present, hits)
    assert best is not None
    frac, doc, present, hits = best
    missing = [t for t in terms if t not in present]
    ev = tuple(_cited(doc, sp, frac) for sp in hits[:3])
    floor, span = t.mention_confidence_floor, t.mention_confidence_span
    if frac >= t.mentions_supported:
        return Mentions(Finding("supported", floor + span * frac, f"{doc.id} contains {', '.join(present)}", ev), frac)
    why = f"searched all of {_searched(docs)}: no {', '.join(repr(m) for m in missing)}"
    if frac <= t.mentions_contradicted:
        return Mentions(Finding("contradicted", floor + span * (1 - frac), why, ev), frac)
    return Mentions(Finding("unsupported", t.mention_undecided, why, ev), frac)


_ITEM_SPLIT = re.compile(r",\s*(?:or|and|nor)?\s*|\s+(?:or|and|nor)\s+")


def search_omits(dc: DocClaim, docs: list[Document], t: Thresholds) -> Finding:
    """"Makes no reference to Y or Z": supported only when neither is anywhere in the documents."""
    items = [i for i in (_ITEM_SPLIT.split(dc.target)) if i and _key_terms(i)]
    if not items:
        return Finding("unsupported", t.nothing_checkable, "nothing checkable in what is said to be missing")
    for doc in docs:
        sents = _stems_by_sentence(doc)
        for item in items:
            terms = set(_key_terms(item))
            for sp, st in sents:
                if terms <= st:
                    return Finding("contradicted", t.omission, f"{doc.id} does mention {item.strip()!r}",
                                   (_cited(doc, sp, t.omission),))
    listed = "; ".join(repr(i.strip()) for i in items)
    return Finding("supported", t.omission, f"searched all of {_searched(docs)}: none of {listed}")


_SIGNOFF_WORDS = r"(sincerely|regards|best regards|kind regards|yours( truly| sincerely| faithfully)?|respectfully|" \
                 r"cordially|thank you|thanks)"
_SIGNOFF = re.compile(r"^\s*" + _SIGNOFF_WORDS + r"\b.*$", re.I | re.S)
_SIGNOFF_TAIL = re.compile(r"(?<=[.!?])\s+" + _SIGNOFF_WORDS + r"(?=[,.!\s]*(?:\n|$)|,).*$", re.I | re.S)
"""A sign-off closing the last paragraph itself ("... We ask for funds. Sincerely, the Harbour Board.")."""
_SIGNOFF_TAIL_WORDS = 8
"""A sign-off is short: "Sincerely, the Harbour Board." Longer, it is a sentence of the body ("Thanks, all of ...")."""


def body_edges(doc: Document) -> tuple[int, int]:
    """Where the body starts and ends: past a salutation-free start, before a sign-off block."""
    text = doc.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    paras = [m for m in re.finditer(r"\S(?:.*?)(?=\n\s*\n|\Z)", text, re.S)]
    for m in reversed(paras):
        if m.start() <= start and len(m.group(0).split()) > _SIGNOFF_TAIL_WORDS:
            break  # a first paragraph of some length is the body, whatever its first word ("Thanks to ...")
        if _SIGNOFF.match(m.group(0)) or len(m.group(0).split()) <= 3:
            end = m.start()
            continue
        break
    end = len(text[:end].rstrip())
    tail = _SIGNOFF_TAIL.search(text, start, end)
    if tail and len(text[tail.start() : end].split()) <= _SIGNOFF_TAIL_WORDS:
        end = len(text[: tail.start()].rstrip())
    return start, end


def quote_position(dc: DocClaim, docs: list[Document], quotes: list[QuoteResult], t: Thresholds) -> Finding | None:
    """``begins``/``ends`` with a quotation: is the quote at that end of the document?

    Returns None when the claim has no located quotation (the caller judges the words on the
    opening or closing passage instead).
    """
    inside = [q for q in quotes if q.start >= dc.target_start - 2 and q.label != "not_found" and q.source]
    if not inside:
        return None
    q = inside[0]
    doc = next((d for d in docs if d.id == q.source), None)
    if doc is None or q.source_start is None or q.source_end is None:
        return None
    start, end = body_edges(doc)
    slack = max(t.edge_slack_chars, int(t.edge_slack_share * (end - start)))
    at_edge = (q.source_start - start <= slack) if dc.kind == "begins" else (end - q.source_end <= slack)
    ev = (Cited(doc.id, q.source_start, q.source_end, t.quote_at_edge),)
    where = "start" if dc.kind == "begins" else "end"
    if at_edge:
        return Finding("supported", t.quote_at_edge, f"the quoted words are at the {where} of {doc.id}", ev)
    return Finding("contradicted", t.quote_not_at_edge, f"the quoted words are in {doc.id} but not at its {where}", ev)


def edge_passage(doc: Document, kind: str, n_sentences: int = 2) -> Span:
    """The opening (after a title line) or closing passage of a document, for begins/ends claims."""
    start, end = body_edges(doc)
    sents = [s for s in sentences(doc.text) if s.start >= start and s.end <= end]
    if not sents:
        return Span(start, end)
    if kind == "begins":
        # A first line without a full stop is a title; the opening is what follows it.
        first = 1 if len(sents) > 1 and not re.search(r"[.!?:]$", sents[0].text_of(doc.text)) else 0
        chosen = sents[first : first + n_sentences]
        return Span(sents[0].start, chosen[-1].end)
    chosen = sents[-n_sentences:]
    return Span(chosen[0].start, chosen[-1].end)


def read_edge(text: str, kind: str, docs: list[Document], model: GroundingModel, tol: FigureTolerances) -> EdgeReading:
    """The stage for "it ends by noting that ...": the model reads the claim against each document's
    opening or closing passage; the best reading, with the passage's figures compared, is kept."""
    passages = [(d, edge_passage(d, kind)) for d in docs]
    probs = model.predict([(d.text[s.start : s.end], text) for d, s in passages])
    best = int(probs[:, 0].argmax())
    d, s = passages[best]
    passage = d.text[s.start : s.end]
    return EdgeReading(d, s, probs[best], coverage(text, passage), tuple(check_quantities(text, {d.id: passage}, tol)))


# -- the rules for claims about a document (each ``(case, t) -> Finding | None``) ----------------------


def _meant(case: ClaimCase) -> list[Document]:
    return documents_meant(case.doc_claim, list(case.sources))  # type: ignore[arg-type]


def _kind(case: ClaimCase) -> str | None:
    return case.doc_claim.kind if case.doc_claim is not None else None


def mentioned(case: ClaimCase, t: Thresholds) -> Finding | None:
    """"The letter mentioned X": X's key words searched for in all of the letter."""
    return search_mentions(case.doc_claim, _meant(case), t).finding if _kind(case) == "mentions" else None  # type: ignore[arg-type]


def omitted(case: ClaimCase, t: Thresholds) -> Finding | None:
    """"The letter makes no reference to Y": supported only when Y is nowhere in it."""
    return search_omits(case.doc_claim, _meant(case), t) if _kind(case) == "omits" else None  # type: ignore[arg-type]


def quote_at_edge(case: ClaimCase, t: Thresholds) -> Finding | None:
    """"It began: '...'": is the located quotation at that end of the document?"""
    if _kind(case) not in ("begins", "ends"):
        return None
    return quote_position(case.doc_claim, _meant(case), list(case.quotes), t)  # type: ignore[arg-type]


def edge_passage_says(case: ClaimCase, t: Thresholds) -> Finding | None:
    """"It ends by noting that ...": the model's reading of the closing (or opening) passage."""
    r = case.edge
    if _kind(case) not in ("begins", "ends") or r is None:
        return None
    ev = (Cited(r.source.id, r.span.start, r.span.end, float(r.probs[0])),)
    where = "opening" if _kind(case) == "begins" else "closing"
    qty = list(r.figures)
    if any(q.status == "mismatch" for q in qty):
        return Finding("contradicted", t.passage_figures, f"the {where} passage gives other figures: {figures_note(qty)}",
                       ev)
    probs = probability_dict(r.probs)
    figures_agree = bool(qty) and all(q.status == "match" for q in qty) and r.coverage >= t.passage_coverage
    if r.probs[0] >= t.model_support or figures_agree:  # type: ignore[operator]
        return Finding("supported", float(max(r.probs[0], t.rule_support)), f"the {where} passage says so", ev, probs)
    if r.probs[1] >= t.passage_contradiction:
        return Finding("contradicted", float(r.probs[1]), f"the {where} passage says otherwise", ev, probs)
    return Finding("unsupported", float(r.probs[2]), f"the {where} passage does not say so", ev, probs)


def focus_in_words(case: ClaimCase, t: Thresholds) -> Finding | None:
    """"The letter focused on X", the model unconvinced: the document's own words for X."""
    if _kind(case) != "about":
        return None
    m = search_mentions(case.doc_claim, _meant(case), t)  # type: ignore[arg-type]
    if m.share >= t.focus_share:
        return Finding("supported", t.focus, f"{m.finding.reason} (the document's own words for it)", m.finding.evidence)
    return Finding("unsupported", t.focus, m.finding.reason, m.finding.evidence)
