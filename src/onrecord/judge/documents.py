"""Claims about what a document says, judged by searching the whole document.

"The letter mentioned X" is supported only when X's words are in the letter; "makes no reference
to Y or Z" is supported only when neither is anywhere in it; "it began with ..." / "concluded ..."
are checked against where the words sit. Absence is a finding only because every character of the
document was searched, and the reason says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from onrecord.documents import Document
from onrecord.extract.claims import DocClaim
from onrecord.report import ClaimLabel, Evidence, QuoteResult
from onrecord.retrieve.evidence import evidence_at
from onrecord.text.lexical import STOPWORDS, content_stems, stem, tokens
from onrecord.text.segment import Span, sentences

# Generic words of a "mentions" target that say nothing about the topic ("specific reference").
_WEAK = {"specific", "specifical", "particular", "direct", "explicit", "issue", "matter", "topic", "question",
         "follow", "includ", "regard", "concern"}


@dataclass
class DocVerdict:
    label: ClaimLabel
    score: float
    reason: str
    evidence: list[Evidence] = field(default_factory=list)
    share: float = 1.0
    """For mentions: the share of the target's key words found in the document."""


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


def _evidence(doc: Document, span: Span, score: float) -> Evidence:
    return evidence_at(doc, span.start, span.end, score)


def _searched(docs: list[Document]) -> str:
    return ", ".join(f"{d.id} ({len(d.text):,} chars)" for d in docs)


def judge_mentions(dc: DocClaim, docs: list[Document]) -> DocVerdict:
    terms = _key_terms(dc.target)
    if not terms:
        return DocVerdict("unsupported", 0.5, "nothing checkable in what is said to be mentioned")
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
    ev = [_evidence(doc, sp, frac) for sp in hits[:3]]
    if frac >= 0.75:
        return DocVerdict("supported", 0.6 + 0.4 * frac, f"{doc.id} contains {', '.join(present)}", ev, frac)
    why = f"searched all of {_searched(docs)}: no {', '.join(repr(m) for m in missing)}"
    if frac <= 0.5:
        return DocVerdict("contradicted", 0.6 + 0.4 * (1 - frac), why, ev, frac)
    return DocVerdict("unsupported", 0.6, why, ev, frac)


_ITEM_SPLIT = re.compile(r",\s*(?:or|and|nor)?\s*|\s+(?:or|and|nor)\s+")


def judge_omits(dc: DocClaim, docs: list[Document]) -> DocVerdict:
    items = [i for i in (_ITEM_SPLIT.split(dc.target)) if i and _key_terms(i)]
    if not items:
        return DocVerdict("unsupported", 0.5, "nothing checkable in what is said to be missing")
    for doc in docs:
        sents = _stems_by_sentence(doc)
        for item in items:
            terms = set(_key_terms(item))
            for sp, st in sents:
                if terms <= st:
                    return DocVerdict("contradicted", 0.9, f"{doc.id} does mention {item.strip()!r}",
                                      [_evidence(doc, sp, 0.9)])
    listed = "; ".join(repr(i.strip()) for i in items)
    return DocVerdict("supported", 0.9, f"searched all of {_searched(docs)}: none of {listed}")


_SIGNOFF = re.compile(r"^\s*(sincerely|regards|best regards|yours( truly| sincerely)?|respectfully|cordially|"
                      r"thank you|thanks)\b.*$", re.I | re.S)


def body_edges(doc: Document) -> tuple[int, int]:
    """Where the body starts and ends: past a salutation-free start, before a sign-off block."""
    text = doc.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    paras = [m for m in re.finditer(r"\S(?:.*?)(?=\n\s*\n|\Z)", text, re.S)]
    for m in reversed(paras):
        if _SIGNOFF.match(m.group(0)) or len(m.group(0).split()) <= 3:
            end = m.start()
            continue
        break
    end = len(text[:end].rstrip())
    return start, end


def judge_position(dc: DocClaim, docs: list[Document], quotes: list[QuoteResult]) -> DocVerdict | None:
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
    slack = max(40, int(0.05 * (end - start)))
    at_edge = (q.source_start - start <= slack) if dc.kind == "begins" else (end - q.source_end <= slack)
    ev = [_evidence(doc, Span(q.source_start, q.source_end), 0.95)]
    where = "start" if dc.kind == "begins" else "end"
    if at_edge:
        return DocVerdict("supported", 0.95, f"the quoted words are at the {where} of {doc.id}", ev)
    return DocVerdict("contradicted", 0.8, f"the quoted words are in {doc.id} but not at its {where}", ev)


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
