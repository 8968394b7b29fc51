"""Claim units: which spans of the text make a checkable claim, and what kind of claim each is.

A sentence is one claim unless it joins separable facts (", and", "; ", ", but") or carries a
non-restrictive relative clause (", which was first obtained by Fox News,"), which becomes a
claim of its own about the clause's antecedent. Reported speech ("According to X, P") keeps the
speaker and checks P. Claims about what a document says ("the letter mentioned X", "makes no
reference to Y", "it began ...", "concluded: ...") are recognised here and judged on the whole
document by :mod:`onrecord.judge.documents`.

An LLM's answer is read as its words, not its Markdown: list markers, heading marks, emphasis and a
leading label ("**Scale of the study:**", "Grades:") are left out of the checked proposition
(``onrecord.text.markup``) while the unit's offsets still index the original text, so a list number
or a label is never read as the claim's figure. Conversational filler ("Here are the key findings:",
"Let me know if you'd like more detail!", ``onrecord.extract.filler``) and headings are units too,
marked ``unchecked`` ("not a claim", "a heading"): listed, never judged, never a finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from onrecord.documents.tables import row_sentence, table_line_spans, table_rows
from onrecord.extract.attribution import attribute, reported_frame
from onrecord.extract.filler import A_HEADING, NOT_A_CLAIM, filler
from onrecord.report import Attribution
from onrecord.text.analysis import TextAnalysis, analysis_of
from onrecord.text.markup import Plain, has_finite_verb, is_heading, strip_markup
from onrecord.text.segment import Span, sentences
from onrecord.text.vocab import DOCUMENT_NOUNS

DocClaimKind = Literal["mentions", "omits", "begins", "ends", "about"]


@dataclass(frozen=True)
class DocClaim:
    """A claim about a document's content: ``kind`` of ``subject`` (e.g. "the letter"), about ``target``."""

    kind: DocClaimKind
    subject: str
    target: str
    target_start: int
    target_end: int


@dataclass(frozen=True)
class ClaimUnit:
    start: int
    end: int
    text: str
    """The proposition to check; may differ from the text's span when a clause was lifted out."""
    sentence: Span
    attribution: Attribution | None
    doc_claim: DocClaim | None
    unchecked: str | None = None
    """Why the unit is listed but not judged: "not a claim" (conversational filler), "a heading"."""


_SKIP_LINE = re.compile(r"^\s*(read more|related|see also|advertisement|click here|subscribe|share this)\b",
                        re.I)
_DOC_NOUNS = "|".join(re.escape(n) for n in sorted(DOCUMENT_NOUNS, key=lambda n: (-len(n), n)))
_SUBJECT = rf"(?P<subj>(?:(?:the|this|that|her|his|their|its)\s+(?:[\w'’\-]+\s+){{0,4}}?(?:{_DOC_NOUNS})\b|it\b))"
_ADVERB = r"(?:\s+(?:specifically|explicitly|directly|also|only|even|never|repeatedly|clearly|briefly|merely))*"
_FILLER = r"(?:[^.;:]{0,80}?,\s*)?"  # "the actual text of the letter, as made public, makes no ..."

_OMITS = re.compile(
    _SUBJECT + _FILLER + _ADVERB +
    r"\s*(?:makes?|made|contains?|contained|includes?|included|has|had|gives?|gave)\s+no\s+(?:\w+\s+)?"
    r"(?:mention|reference|references|word|allusion)s?\s+(?:of|to|about)\s+(?P<target>.+)"
    r"|" + _SUBJECT.replace("subj", "subj2") + _FILLER + _ADVERB +
    r"\s*(?:does|did|do)\s*(?:not|n['’]t)\s+(?:\w+\s+)?(?:mention|refer\s+to|reference|cite|name|discuss|say\s+anything\s+about)"
    r"\s+(?P<target2>.+)"
    r"|" + _SUBJECT.replace("subj", "subj3") + _FILLER + _ADVERB +
    r"\s*(?:never|nowhere)\s+(?:mentions|mentioned|refers\s+to|referred\s+to)\s+(?P<target3>.+)"
    r"|" + _SUBJECT.replace("subj", "subj4") + _FILLER + _ADVERB +
    r"\s*(?:is|was)\s+silent\s+(?:on|about)\s+(?P<target4>.+)",
    re.I,
)
_MENTIONS = re.compile(
    _SUBJECT + _FILLER + _ADVERB +
    r"\s*[\"“']?(?:mentions|mentioned|refers\s+to|referred\s+to|references|referenced|cites|cited|names|named)"
    r"\s+(?P<target>.+)",
    re.I,
)
_BEGINS = re.compile(
    _SUBJECT + _FILLER + _ADVERB + r"\s*(?:begins|began|opens|opened|starts|started)\b[\s,:]*(?:with|by)?\s*(?P<target>.+)",
    re.I,
)
_ENDS = re.compile(
    _SUBJECT + _FILLER + _ADVERB +
    r"\s*(?:ends|ended|concludes|concluded|closes|closed|finishes|finished)\b[\s,:]*(?:with|by)?\s*(?P<target>.+)",
    re.I,
)
_ABOUT = re.compile(
    _SUBJECT + _FILLER + _ADVERB +
    r"\s*(?:focuses|focused|centres|centered|centers|centred)\s+on\s+(?P<target>.+)",
    re.I,
)


def find_doc_claim(text: str, start: int, end: int) -> DocClaim | None:
    """Recognise a claim about a document's content in ``text[start:end]``."""
    seg = text[start:end]
    for kind, rx in (("omits", _OMITS), ("mentions", _MENTIONS), ("begins", _BEGINS), ("ends", _ENDS),
                     ("about", _ABOUT)):
        m = rx.search(seg)
        if not m:
            continue
        subj_group = next(g for g in ("subj", "subj2", "subj3", "subj4") if g in m.groupdict() and m.group(g))
        tgt_group = {"subj": "target", "subj2": "target2", "subj3": "target3", "subj4": "target4"}[subj_group]
        subj = m.group(subj_group)
        if m.start(subj_group) > 0 and not re.fullmatch(r".*[,:;]\s*|\s*|(?:.*\b(?:that|and|but|however|contrast)\b.*)",
                                                      seg[: m.start(subj_group)], re.S):
            continue  # the document noun is not the subject ("...in the letter, which she wrote...")
        if subj.lower() == "it" and kind in ("about",):
            continue
        t0, t1 = m.start(tgt_group), m.end(tgt_group)
        target = seg[t0:t1].rstrip(" .!?\"”'’")
        return DocClaim(kind, subj, target, start + t0, start + t0 + len(target))
    return None


_RELATIVE = re.compile(r",\s+(which|who)\s+(?P<body>[^,]{6,160}?),\s+")
_JOINERS = re.compile(r",\s+(?:and|but|while|whereas|though|although)\s+|;\s+")


# A clause whose subject is a bare share ("..., while nearly a third wanted five days back", "but most
# stayed") counts part of what the clause before it counted: it cannot be checked apart from it.
_BARE_SHARE = re.compile(
    r"(?:(?:nearly|almost|about|around|roughly|just|only|over|under|more\s+than|less\s+than|fewer\s+than)\s+)?"
    r"(?:a\s+(?:third|quarter|fifth|tenth|half|majority|minority|few|handful)|half|most|some|many|few|others|"
    r"the\s+(?:rest|remainder|others|majority|minority)|(?:one|two|three|four|five|six|seven|eight|nine)\s+in\s+\w+|"
    r"(?:one|two|three|four)[\s-](?:thirds?|quarters?|fifths?|tenths?)|\d+(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b))"
    r"(?!\s+of\b)\s+(?:\w+ly\s+)?(?:\w+ed|said|says|were|was|are|is|had|has|have|did|would|could|will|thought|"
    r"felt|chose|took|went|saw|gave|made|want|wants|say|prefer|prefers|support|supports|oppose|opposes)\b", re.I)


def _clauses(text: str, sent: Span, quotes: list[Span]) -> list[Span]:
    """Split a sentence at joints between separable facts, never inside a quotation."""
    cuts = [sent.start]
    for m in _JOINERS.finditer(text, sent.start, sent.end):
        if any(q.start <= m.start() < q.end for q in quotes):
            continue
        left = text[cuts[-1] : m.start()]
        right = text[m.end() : sent.end]
        if (len(left.split()) >= 4 and len(right.split()) >= 4 and _has_verb(right) and _has_verb(left)
                and not _BARE_SHARE.match(right)):
            cuts.append(m.start())
    cuts.append(sent.end)
    spans = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        sub = text[a:b]
        lead = len(sub) - len(sub.lstrip(" ,;"))
        spans.append(Span(a + lead, b))
    # Joiner words ("and ") stay at the start of the right-hand clause; drop them from the span.
    out = []
    for s in spans:
        m = re.match(r"(?:and|but|while|whereas|though|although)\s+", text[s.start : s.end], re.I)
        out.append(Span(s.start + (m.end() if m else 0), s.end))
    return out


_VERBISH = re.compile(
    r"\b(is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|shall|do|does|did|"
    r"\w+ed|\w{3,}s)\b", re.I)


def _has_verb(s: str) -> bool:
    return bool(_VERBISH.search(s))


def is_claim_sentence(text: str, sent: Span) -> bool:
    """Questions, link lines and fragments make no claim to check."""
    s = text[sent.start : sent.end].strip()
    if _SKIP_LINE.match(s) or s.endswith("?"):
        return False
    return len(re.findall(r"\w+", s)) >= 3


def split_relative(text: str, clause: Span, quotes: list[Span]) -> tuple[Span | None, str, str]:
    """Lift a non-restrictive relative clause out of ``clause``.

    Returns (the relative clause's span or None, the main claim's text without it, the relative
    claim's text with its antecedent restored: "The text of the letter was first obtained by Fox News").
    """
    seg = text[clause.start : clause.end]
    m = _RELATIVE.search(seg)
    if not m or any(q.start <= clause.start + m.start() < q.end for q in quotes):
        return None, seg, ""
    antecedent = seg[: m.start()].strip()
    # The antecedent is the noun phrase just before the comma: the sentence's start when short.
    if len(antecedent.split()) > 8:
        return None, seg, ""
    main = seg[: m.start()] + " " + seg[m.end() :]
    rel_text = f"{antecedent} {m.group('body')}"
    rel_span = Span(clause.start + m.start() + 1, clause.start + m.end() - 2)
    while text[rel_span.start] == " ":
        rel_span = Span(rel_span.start + 1, rel_span.end)
    return rel_span, main, rel_text


def claim_units(text: str | TextAnalysis, quotes: list[Span] | None = None) -> list[ClaimUnit]:
    """Every claim unit of ``text`` in order. ``quotes`` are quotation spans (not split inside); by
    default the text's top-level quotations.

    Reported speech (speaker + proposition span) and the speaker of a span come from
    :mod:`onrecord.extract.attribution`, reading the same analysis of the text. Filler and headings
    come back as ``unchecked`` units.
    """
    ta = analysis_of(text)
    if quotes is None:
        quotes, sents = ta.quotation_spans, list(ta.sentences)
    else:
        sents = sentences(ta.text, protected=quotes)
    text = ta.text
    units, tables = _table_units(text)
    heading_end = -1
    for sent in sents:
        if sent.start < heading_end or any(a <= sent.start < b for a, b in tables):
            continue  # inside a heading's line, or a table's line: read whole
        heading = _heading_line(text, sent)
        if heading is not None:
            units.append(ClaimUnit(heading.start, heading.end, _clean(heading.text_of(text)), heading, None, None,
                                   A_HEADING))
            heading_end = heading.end
            continue
        line = text[sent.start : sent.end]
        not_claim = _not_a_claim(line)
        if not_claim is not None:
            units.append(ClaimUnit(sent.start, sent.end, _clean(line), sent, None, None, not_claim))
            continue
        plain = strip_markup(line, sent.start)
        words = _words_span(plain)
        if words is None or not is_claim_sentence(text, sent):
            continue
        if plain.label_span and not (is_claim_sentence(text, words)
                                     and (plain.text[0].isupper() or has_finite_verb(plain.text))):
            # "**Sample size:** 2,340 students", "Cost: about $1,100": the words after the label do not
            # begin a sentence of their own; the label is their subject, so it is checked with them.
            start = plain.label_span[0]
            units.append(ClaimUnit(start, words.end, _clean(f"{plain.label}: {plain.text}"), Span(start, words.end),
                                   None, None))
            continue
        if not is_claim_sentence(text, words):
            continue
        for clause in _clauses(text, words, quotes):
            units.extend(_plain_words(text, u, plain) for u in _units_of_clause(ta, words, clause, quotes))
    return sorted(units, key=lambda u: (u.start, u.end)) if tables else units


def _heading_line(text: str, sent: Span) -> Span | None:
    """The whole line of a Markdown heading that ``sent`` opens ("#### 1. Attendance", which the sentence
    splitter cuts after "1."), or None when ``sent`` opens no heading."""
    line_start = text.rfind("\n", 0, sent.start) + 1
    if text[line_start : sent.start].strip():
        return None
    line_end = text.find("\n", sent.start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    if not is_heading(line):
        return None
    lead = len(line) - len(line.lstrip())
    return Span(line_start + lead, line_start + len(line.rstrip()))


def _table_units(text: str) -> tuple[list[ClaimUnit], list[tuple[int, int]]]:
    """A table in the text (a Markdown table in an answer) claims one thing per row: the row read with its
    headers ("2024: Students: 12,300", as a source's rows are read), spanning the row's cells. Its header and
    separator lines claim nothing. Returns the rows' units and every table line's span."""
    lines = table_line_spans(text)
    if not lines:
        return [], []
    units = []
    for row in table_rows(text):
        words = row_sentence(row)[0]
        span = Span(row.start, row.end)
        units.append(ClaimUnit(row.start, row.end, _clean(words), span, None, None))
    return units, lines


def _not_a_claim(line: str) -> str | None:
    """Why a sentence is listed but not judged: a heading ("## Caveats", "**Findings**", "Key points:")
    or conversational filler (an opener, a sign-off, an offer to help); None for a possible claim."""
    if is_heading(line):
        return A_HEADING
    f = filler(line)
    if f is None:
        return None
    return A_HEADING if f.kind == "heading" else NOT_A_CLAIM


def _words_span(plain: Plain) -> Span | None:
    """The original span of a sentence's words without its leading markup and label ("1. **Cost:** ")."""
    if not plain.text:
        return None
    return Span(plain.origin[0], plain.origin[len(plain.text) - 1] + 1)


def _plain_words(text: str, unit: ClaimUnit, plain: Plain) -> ClaimUnit:
    """``unit`` with the Markdown inside its span (emphasis, link syntax) left out of the checked words;
    its offsets are unchanged. A unit whose words were rewritten (a lifted relative clause) is cleaned
    of the same markup by reading it as a sentence of its own."""
    span = text[unit.start : unit.end]
    if not any(ch in span for ch in "*_`[~"):
        return unit
    if unit.text == _clean(span):
        keep = set(plain.origin)
        words = "".join(text[i] for i in range(unit.start, unit.end) if i in keep)
    else:
        words = strip_markup(unit.text).text
    return ClaimUnit(unit.start, unit.end, _clean(words), unit.sentence, unit.attribution, unit.doc_claim,
                     unit.unchecked)


def _units_of_clause(ta: TextAnalysis, sent: Span, clause: Span, quotes: list[Span]) -> list[ClaimUnit]:
    text = ta.text
    prop = clause
    frame = reported_frame(ta, clause.start, clause.end)
    if frame is not None and frame.prop_end > frame.prop_start:
        attribution: Attribution | None = Attribution(frame.speaker, frame.cue, frame.speaker_start, frame.speaker_end)
        prop = Span(frame.prop_start, frame.prop_end)
    else:
        attribution = attribute(ta, clause.start, clause.end)
    out: list[ClaimUnit] = []
    rel_span, main_text, rel_text = split_relative(text, prop, quotes)
    doc_claim = find_doc_claim(text, prop.start, prop.end)
    if rel_span is not None:
        out.append(ClaimUnit(rel_span.start, rel_span.end, rel_text, sent, attribution, None))
    if doc_claim is not None:
        main_text = text[prop.start : prop.end]  # the document claim's offsets index the whole proposition
    out.insert(0, ClaimUnit(prop.start, prop.end, _clean(main_text), sent, attribution, doc_claim))
    return out


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()
