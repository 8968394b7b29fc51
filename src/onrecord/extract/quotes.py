"""Quotations: find them in a text, fold-and-align them to the sources, diff them word by word.

Three steps, each a small pure function:

* ``find_quotes(text)`` (``onrecord.text.marks``, re-exported here) scans the quotation marks and returns
  every quotation with the offsets of its words *inside* the marks.
* ``fold(text)`` builds a matching key (case, whitespace, quote marks, dashes, ellipses unified) and
  an index map back to the original, so everything reported is the source's own words.
* ``align_quote(quote, sources)`` says ``exact`` / ``altered`` / ``not_found`` with the source span
  and a word diff. Who said each quotation is ``onrecord.extract.attribution``'s; both together are
  ``onrecord.judge.quotes.check_quotes``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from onrecord.documents import Document
from onrecord.report import DiffOp, QuoteLabel
from onrecord.text.marks import QuoteScan, QuoteSpan, find_quotes
from onrecord.text.vocab import NEGATION, QUOTE_FUNCTION_WORDS

__all__ = [
    "Folded",
    "QuoteMatch",
    "QuoteScan",
    "QuoteSpan",
    "align_quote",
    "find_quotes",
    "fold",
    "prepare_sources",
]

# --------------------------------------------------------------------------------------------
# Folding
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Folded:
    """A matching key and, for each key character, the offset in the original it came from.

    ``index`` has ``len(key) + 1`` entries; the last is ``len(original)``. A key span ``[a, b)``
    maps back to ``[index[a], index[b - 1] + 1)`` of the original.
    """

    key: str
    index: list[int]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original offsets of key span ``[a, b)`` (empty spans map to an empty span)."""
        if b <= a:
            return self.index[a], self.index[a]
        return self.index[a], self.index[b - 1] + 1


_QUOTE_CHARS = set("\"'‘’‚‛“”„‟«»‹›′″`´")
_DASHES = set("-‐‑‒–—―−")
_INVISIBLE = set("\u00ad\u200b\u200c\u200d\u2060\ufeff")


def fold(text: str) -> Folded:
    """Fold ``text`` into a key for matching quotations, keeping the map back to the original."""
    key: list[str] = []
    idx: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c in _INVISIBLE:
            # soft hyphens / zero-width spaces from web copy: invisible, yet they break a match
            i += 1
            continue
        if c.isspace():
            # line breaks, double spaces, NBSP: a quote re-wrapped by a layout is the same quote
            if key and key[-1] not in " -":
                key.append(" ")
                idx.append(i)
            i += 1
            continue
        if c in _QUOTE_CHARS:
            prev = text[i - 1] if i > 0 else ""
            nxt = text[i + 1] if i + 1 < n else ""
            if prev.isalnum() and nxt.isalnum():
                # curly vs straight apostrophe (don’t / don't) is typography, not an alteration
                key.append("'")
                idx.append(i)
            # a quotation mark is dropped: quoting a quote turns “ into ‘, and a continued
            # paragraph reopens with a mark the source never had
            i += 1
            continue
        if c in _DASHES:
            # "purity—an" vs "purity - an" vs "purity -- an": dash style and spacing are typography
            if key and key[-1] == " ":
                key.pop()
                idx.pop()
            if not (key and key[-1] == "-"):
                key.append("-")
                idx.append(i)
            i += 1
            while i < n and (text[i].isspace() or text[i] in _DASHES):
                i += 1
            continue
        if c == "…":
            # the ellipsis character and three full stops are the same ellipsis
            key.extend("...")
            idx.extend((i, i, i))
            i += 1
            continue
        if c.isascii():
            # quotes recase their first word when embedded ("It is time" / "it is time")
            key.append(c.lower())
            idx.append(i)
        else:
            # compatibility forms (ligatures, full-width letters) and case, one char at a time
            for d in unicodedata.normalize("NFKC", c).lower():
                key.append(d)
                idx.append(i)
        i += 1
    idx.append(n)
    return Folded("".join(key), idx)


# --------------------------------------------------------------------------------------------
# Aligning
# --------------------------------------------------------------------------------------------

# Similarity threshold for "altered". The score is RapidFuzz's partial_ratio on folded text: the
# best window of the source scored against the quote (100 = identical). At 80 and above at most
# about one character in five differs, i.e. a changed word or two in a sentence-long quote: the
# quote is recognisably that passage, and a diff is informative. Below it, the "quote" is mostly
# words the source does not have, and showing a diff against some passage would mislead.
ALTERED_MIN_SIMILARITY = 0.80
# ...and at least this share of the quote's content words (not stop words) must appear in the
# matched source span, so that short quotes do not "match" passages sharing only letters.
ALTERED_MIN_CONTENT = 0.6

_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\s*){2,}\]|\(\s*(?:\.\s*){2,}\)|\.(?:\s?\.){2,})\s*")
_EDGE_PUNCT = " .,;:!?-"
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


@dataclass
class QuoteMatch:
    """Where a quotation sits in the sources, and how faithfully."""

    label: QuoteLabel
    source: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    diff: list[DiffOp] = field(default_factory=list)
    similarity: float = 0.0
    context_negated: bool = False
    """The source negates what was quoted: a negation right before the match or in a cut (ellipsis)."""
    note: str | None = None


def _strip_edges(key: str) -> str:
    return key.strip(_EDGE_PUNCT)


def _find_bounded(hay: str, needle: str, start: int = 0) -> int:
    """``hay.find(needle, start)`` but only at word boundaries (a quote "act" is not in "exact")."""
    pos = hay.find(needle, start)
    while pos != -1:
        before_ok = pos == 0 or not hay[pos - 1].isalnum() or not needle[0].isalnum()
        end = pos + len(needle)
        after_ok = end == len(hay) or not hay[end].isalnum() or not needle[-1].isalnum()
        if before_ok and after_ok:
            return pos
        pos = hay.find(needle, pos + 1)
    return -1


def _negated_before(fs: Folded, kstart: int) -> bool:
    """A negation among the few source words right before ``kstart``, within the same clause."""
    left = fs.key[max(0, kstart - 60) : kstart]
    cut = max(left.rfind(ch) for ch in ".;:!?\n")
    if cut != -1:
        left = left[cut + 1 :]
    words = left.split()[-4:]
    return bool(NEGATION.search(" ".join(words)))


class _Source:
    """A source prepared once: its folded key (``onrecord.judge.quotes.check_quotes`` prepares each source once)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.folded = fold(doc.text)


def prepare_sources(sources: list[Document] | list[_Source]) -> list[_Source]:
    return [s if isinstance(s, _Source) else _Source(s) for s in sources]


def align_quote(
    quote: str,
    sources: list[Document],
    prefer: object = None,
) -> QuoteMatch:
    """Align ``quote`` (the words inside the marks) to the best place in any of ``sources``.

    ``prefer`` is an optional callable ``(source_id, source_start) -> bool``: among several exact
    occurrences, the first it accepts wins (``onrecord.judge.quotes.check_quotes`` uses it to prefer the occurrence
    spoken by the speaker the text names).
    """
    prepared = prepare_sources(sources)
    qf = fold(quote)
    qkey = _strip_edges(qf.key)
    qorig = _QuoteText(quote, qf)
    if not qkey:
        return QuoteMatch("not_found", note="empty quotation")
    parts = [p for p in (_strip_edges(x) for x in _ELLIPSIS.split(qkey)) if p]
    if not parts:
        return QuoteMatch("not_found", note="quotation is only an ellipsis")

    exact = _exact(parts, prepared, prefer)
    if exact is not None:
        return exact
    out_of_order = len(parts) > 1 and any(
        all(_find_bounded(s.folded.key, p) != -1 for p in parts) for s in prepared
    )
    # approximate alignment on the quote with its ellipses closed up
    joined = " ".join(parts)
    best = _approximate(joined, prepared, qorig)
    if out_of_order and best.label != "altered":
        # Every part is verbatim but stitched in another order: an alteration, shown as a diff
        # of the quote against the source passage its parts come from.
        for src in prepared:
            pos = [_find_bounded(src.folded.key, p) for p in parts]
            if all(p != -1 for p in pos):
                lo = min(pos)
                hi = max(p + len(x) for p, x in zip(pos, parts, strict=True))
                best = _judge(joined, src, qorig, _words(src.folded.key, lo, hi), force="altered")
                break
    if out_of_order:
        best.note = "the parts around the ellipsis appear in the source in a different order"
    return best


def _exact(parts: list[str], prepared: list[_Source], prefer: object) -> QuoteMatch | None:
    candidates: list[QuoteMatch] = []
    for src in prepared:
        skey = src.folded.key
        pos = _find_bounded(skey, parts[0])
        while pos != -1 and len(candidates) < 50:
            spans = [(pos, pos + len(parts[0]))]
            ok = True
            for p in parts[1:]:
                q = _find_bounded(skey, p, spans[-1][1])
                if q == -1:
                    ok = False
                    break
                spans.append((q, q + len(p)))
            if not ok:
                break  # later occurrences of the first part cannot do better
            candidates.append(_exact_match(src, spans))
            pos = _find_bounded(skey, parts[0], pos + 1)
    if not candidates:
        return None
    if callable(prefer):
        for c in candidates:
            if prefer(c.source, c.source_start):
                return c
    return candidates[0]


def _exact_match(src: _Source, spans: list[tuple[int, int]]) -> QuoteMatch:
    f = src.folded
    text = src.doc.text
    s0, _ = f.span(*spans[0])
    _, e1 = f.span(*spans[-1])
    diff: list[DiffOp] = []
    negated = _negated_before(f, spans[0][0])
    for k, (a, b) in enumerate(spans):
        os_, oe = f.span(a, b)
        diff.append(DiffOp("equal", text[os_:oe], text[os_:oe]))
        if k + 1 < len(spans):
            gap_s, gap_e = oe, f.span(*spans[k + 1])[0]
            cut = text[gap_s:gap_e].strip(" .,;:!?-\n")
            if cut:
                diff.append(DiffOp("delete", "", cut))
                if NEGATION.search(f.key[b : spans[k + 1][0]]):
                    negated = True
    return QuoteMatch("exact", src.doc.id, s0, e1, diff if len(spans) > 1 else [], 1.0, negated)


def _approximate(qkey: str, prepared: list[_Source], qorig: _QuoteText) -> QuoteMatch:
    best = QuoteMatch("not_found")
    best_score = -1.0
    for src in prepared:
        skey = src.folded.key
        if not skey:
            continue
        al = fuzz.partial_ratio_alignment(qkey, skey)
        if al is None:
            continue
        m = _refine(qkey, src, al.dest_start, al.dest_end, qorig)
        if m is not None and m.similarity > best_score:
            best, best_score = m, m.similarity
    if best.label == "not_found":
        return QuoteMatch("not_found", similarity=max(best.similarity, 0.0))
    return best


class _QuoteText:
    """The quotation as written, its fold, and its words (folded, with key offsets)."""

    def __init__(self, text: str, folded: Folded) -> None:
        self.text = text
        self.folded = folded
        self.words = _words(folded.key)


def _words(key: str, a: int = 0, b: int | None = None) -> list[tuple[str, int, int]]:
    b = len(key) if b is None else b
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(key, a, b)]


def _refine(qkey: str, src: _Source, ds: int, de: int, qorig: _QuoteText) -> QuoteMatch | None:
    """Word-level alignment around RapidFuzz's character window; builds the diff and the label."""
    f = src.folded
    skey = f.key
    pad = max(10, len(qkey) // 2)
    lo, hi = max(0, ds - pad), min(len(skey), de + pad)
    qw = qorig.words
    sw = _words(skey, lo, hi)
    # Drop words cut by the window edge.
    if sw and sw[0][1] == lo and lo > 0 and skey[lo - 1].isalnum():
        sw = sw[1:]
    if sw and sw[-1][2] == hi and hi < len(skey) and skey[hi].isalnum():
        sw = sw[:-1]
    if not qw or not sw:
        return None
    ops = Indel.opcodes([w for w, _, _ in qw], [w for w, _, _ in sw])
    equal = [o for o in ops if o.tag == "equal"]
    if not equal:
        return QuoteMatch("not_found")
    # The span runs from the first to the last matching word, plus at each edge as many source
    # words as the quote has unmatched words there (a changed first or last word is a replace,
    # not a reason to pull in the rest of the paragraph).
    es, ee = equal[0].dest_start, equal[-1].dest_end
    q_lead, q_trail = equal[0].src_start, len(qw) - equal[-1].src_end
    first_s = es - min(q_lead, es)
    last_s = ee + min(q_trail, len(sw) - ee)
    return _judge(qkey, src, qorig, sw[first_s:last_s])


def _judge(qkey: str, src: _Source, qorig: _QuoteText, sw, force: QuoteLabel | None = None) -> QuoteMatch:
    """Label, similarity and diff of the quote's words ``qw`` against the source words ``sw``."""
    f = src.folded
    qw = qorig.words
    kstart, kend = sw[0][1], sw[-1][2]
    span_key = f.key[kstart:kend]
    similarity = fuzz.ratio(qkey, span_key) / 100.0
    # share of the quote's content words present in the span (substring: "single" in "singlehanded")
    content = [w for w, _, _ in qw if w not in QUOTE_FUNCTION_WORDS]
    present = sum(1 for w in content if w in span_key) / len(content) if content else 1.0
    ops = Indel.opcodes([w for w, _, _ in qw], [w for w, _, _ in sw])
    triples = [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in ops]
    diff = _diff_ops(triples, qorig, src.doc.text, f, sw)
    os_, oe = f.span(kstart, kend)
    if force is not None:
        label: QuoteLabel = force
    elif all(d.op == "equal" for d in diff):
        # the words match; only punctuation differs ("Mr Putin" / "Mr. Putin", "laughter, it")
        return QuoteMatch(
            "exact", src.doc.id, os_, oe, [], max(round(similarity, 4), 0.99), _negated_before(f, kstart)
        )
    elif similarity >= ALTERED_MIN_SIMILARITY and present >= ALTERED_MIN_CONTENT:
        label = "altered"
    else:
        return QuoteMatch("not_found", similarity=round(similarity, 4))
    return QuoteMatch(label, src.doc.id, os_, oe, diff, round(similarity, 4), _negated_before(f, kstart))


def _diff_ops(triples, qorig: _QuoteText, stext: str, f: Folded, sw) -> list[DiffOp]:
    """Indel opcodes on word lists → DiffOps in the original words (delete+insert merged to replace)."""
    raw: list[tuple[str, str, str]] = []

    qw = qorig.words

    def qtext(a: int, b: int) -> str:
        if b <= a:
            return ""
        s, e = qorig.folded.span(qw[a][1], qw[b - 1][2])
        return qorig.text[s:e]

    def stext_of(a: int, b: int) -> str:
        if b <= a:
            return ""
        s, e = f.span(sw[a][1], sw[b - 1][2])
        return stext[s:e]

    for tag, qa, qb, sa, sb in triples:
        if tag == "equal":
            raw.append(("equal", stext_of(sa, sb), stext_of(sa, sb)))
        elif tag == "delete":  # quote words the source lacks: the text inserted them
            raw.append(("insert", qtext(qa, qb), ""))
        else:  # "insert" in Indel terms: source words the quote left out
            raw.append(("delete", "", stext_of(sa, sb)))
    merged: list[DiffOp] = []
    for op, t, s in raw:
        prev = merged[-1] if merged else None
        if prev and op != "equal" and prev.op != "equal" and (prev.op == "replace" or prev.op != op):
            merged[-1] = DiffOp("replace", f"{prev.text} {t}".strip(), f"{prev.source_text} {s}".strip())
        else:
            merged.append(DiffOp(op, t, s))  # type: ignore[arg-type]
    return merged
