"""Quotations checked: each top-level quotation of a text aligned with the sources (exact, altered or not
found, by ``onrecord.extract.quotes``) and given its speaker on both sides (``onrecord.extract.attribution``):
misattributed when the source gives the words to someone else."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from onrecord.documents import Document
from onrecord.extract import attribution as attr
from onrecord.extract.claims import ClaimUnit
from onrecord.extract.quotes import align_quote, prepare_sources
from onrecord.report import QuoteResult
from onrecord.text.analysis import TextAnalysis, analysis_of


@dataclass
class QuoteCheck:
    results: list[QuoteResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _a_name_in_quotes(words: str) -> bool:
    """One capitalised word in quotation marks ("Red", "Tapestry"): the title of a work or a name, which
    nobody is quoted as saying, so no source gives it to a speaker."""
    w = words.strip(" .,;:!?")
    return bool(re.fullmatch(r"[A-Z][\w'’-]*", w))


def check_quotes(text: str | TextAnalysis, sources: list[Document]) -> QuoteCheck:
    """Find every top-level quotation in ``text``, align it, and check who said it.

    Quotations nested inside another quotation are not checked on their own: their words are
    checked as part of the outer one (a quote-within-a-quote is what the outer speaker said).
    """
    ta = analysis_of(text)
    scan = ta.quotes
    out = QuoteCheck(warnings=list(scan.warnings))
    prepared = prepare_sources(sources)
    turns = {s.doc.id: attr.source_turns(s.doc) for s in prepared}
    n = 0
    for q in scan.quotes:
        if q.depth > 0:
            continue
        n += 1
        a = attr.attribute(ta, q.start, q.end)
        speaker = a.speaker if a else None
        checkable = speaker is not None and attr.is_checkable_speaker(a) and not _a_name_in_quotes(q.text)

        def prefer(source_id: str, start: int, _sp: str | None = speaker, _ok: bool = checkable) -> bool:
            if not _ok or _sp is None:
                return False
            who = attr.speaker_at(turns.get(source_id, []), start)
            return who is not None and attr.same_person(_sp, who)

        m = align_quote(q.text, prepared, prefer=prefer)  # type: ignore[arg-type]
        source_speaker = None
        if m.source is not None and m.source_start is not None:
            source_speaker = attr.speaker_at(turns.get(m.source, []), m.source_start)
        misattributed = bool(
            checkable and speaker and source_speaker and not attr.same_person(speaker, source_speaker)
        )
        out.results.append(
            QuoteResult(
                id=f"q{n}",
                start=q.start,
                end=q.end,
                text=q.text,
                label=m.label,
                source=m.source,
                source_start=m.source_start,
                source_end=m.source_end,
                diff=m.diff,
                speaker=speaker,
                source_speaker=source_speaker,
                misattributed=misattributed,
                similarity=m.similarity,
                cue=a.cue if a else None,
                context_negated=m.context_negated,
                note=m.note,
            )
        )
    return out


def within(q: QuoteResult, start: int, end: int) -> bool:
    """Whether quotation ``q`` lies in the claim ``[start, end)``. A claim framed on a quotation
    ('"Buy out the homes," Reyes said.' checks "Buy out the homes") ends before the comma or full stop the
    quotation holds at its end, so the quotation's closing punctuation may run past the claim."""
    body_end = q.start + len(q.text.rstrip(" ,.;:!?"))
    return start <= q.start and min(q.end, max(body_end, q.start + 1)) <= end


def quoted_share(unit: ClaimUnit, quotes: Sequence[QuoteResult]) -> float:
    """How much of a claim its exact, rightly attributed quotations make up (characters of the claim's
    span): the one measure of "the claim is mostly 'X said <words>'", for the model's skip and for
    ``verbatim_quote`` alike."""
    exact = [q for q in quotes if q.label == "exact" and not q.misattributed and within(q, unit.start, unit.end)]
    return min(1.0, sum(q.end - q.start for q in exact) / max(1, unit.end - unit.start))
