"""The rules for a claim about the world ("the council approved the budget"), each ``(case, t) -> Finding | None``.

Their order (in ``onrecord.judge.rules``) is their precedence: what a quotation settles, then other
figures, a quotation carrying the claim, then what the closest source sentences and the calibrated
model say. ``unsupported_by_passages`` always decides, so a list ending with it always finds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from onrecord.judge.exclusive import extended_past
from onrecord.judge.figures import QuantityCheck, names_part
from onrecord.judge.finding import Cited, ClaimCase, Finding, at_sentence, cite_sentences
from onrecord.judge.quotes import quoted_share
from onrecord.judge.ranking import reversed_rank
from onrecord.judge.sentences import (
    NEGATION,
    denied_in_scope,
    names_absent,
    opposed_sentence,
    overstated_sentence,
    swapped_modifier_near,
    swapped_name,
)
from onrecord.judge.thresholds import Thresholds
from onrecord.judge.values import contradicting, overlaps, supported_spans
from onrecord.report import QuoteResult
from onrecord.retrieve.evidence import SentenceHit
from onrecord.retrieve.tables import readable_sentences
from onrecord.text.lexical import coverage

R = TypeVar("R")

_QUALIFIER_AFTER = re.compile(r"^[\s,;:—–-]*(unless|except|only if|if|until|provided|as long as|but only)\b",
                              re.I)
_QUALIFIER_WINDOW = 60
"""How far past a quotation's end in the source a dropped condition is looked for (characters)."""


# -- quotations ------------------------------------------------------------------------------------


def _quote_cited(case: ClaimCase, q: QuoteResult, t: Thresholds) -> tuple[Cited, ...]:
    return (Cited(q.source, q.source_start, q.source_end, t.quote_evidence),)  # type: ignore[arg-type]


def misattributed_quote(case: ClaimCase, q: QuoteResult, t: Thresholds) -> Finding | None:
    if not q.misattributed:
        return None
    return Finding("contradicted", t.misattributed_quote,
                   f"the source gives these words to {q.source_speaker}, not {q.speaker}", _quote_cited(case, q, t))


def negated_quote(case: ClaimCase, q: QuoteResult, t: Thresholds) -> Finding | None:
    """The source's words follow a negation the claim does not carry."""
    claim_negated = bool(NEGATION.search(case.text[: max(0, q.start - case.unit.start)]))
    if not q.context_negated or claim_negated:
        return None
    return Finding("contradicted", t.negated_quote,
                   "the source says the opposite: the quoted words follow a negation", _quote_cited(case, q, t))


def dropped_condition(case: ClaimCase, q: QuoteResult, t: Thresholds) -> Finding | None:
    """The source goes on "... unless ...", "... provided ..." where the quotation stops."""
    after = case.source(q.source).text[q.source_end : q.source_end + _QUALIFIER_WINDOW]  # type: ignore[arg-type]
    m = _QUALIFIER_AFTER.match(after)
    if not m:
        return None
    end = after.find(".", m.end())
    cond = after[: end if end > 0 else len(after)].strip(" ,;")
    return Finding("unsupported", t.dropped_condition,
                   f"the source goes on with a condition the text leaves out: {cond!r}", _quote_cited(case, q, t))


QUOTE_RULES = (misattributed_quote, negated_quote, dropped_condition)
"""What one located quotation settles on its own, in order."""


def quotation(case: ClaimCase, t: Thresholds) -> Finding | None:
    """Each located quotation in the claim, in order, against ``QUOTE_RULES``."""
    for q in case.quotes:
        if q.label == "not_found" or q.source is None or q.source_start is None:
            continue
        for rule in QUOTE_RULES:
            found = rule(case, q, t)
            if found is not None:
                return found
    return None


def verbatim_quote(case: ClaimCase, t: Thresholds) -> Finding | None:
    """The claim is mostly an exact quotation of what its speaker said."""
    exact = [q for q in case.quotes if q.label == "exact" and not q.misattributed]
    if not exact or quoted_share(case.unit, case.quotes) < t.quote_share:
        return None
    q = exact[0]
    return Finding("supported", t.verbatim_quote, "the quoted words are in the source verbatim",
                   (Cited(q.source, q.source_start, q.source_end, t.verbatim_evidence),))  # type: ignore[arg-type]


# -- figures ---------------------------------------------------------------------------------------


def _way(direction: int) -> str:
    """A change's way, so that "9%" against "9%" reads as a fall against a rise."""
    return " (a rise)" if direction > 0 else " (a fall)" if direction < 0 else ""


def figures_note(checks: list[QuantityCheck]) -> str:
    parts = []
    for q in checks:
        if q.source is None:
            parts.append(f"{q.claim.text!r} not found")
        elif q.status == "mismatch":
            ways = q.claim.direction != q.source.direction  # said only where the two go different ways
            parts.append(f"{q.claim.text!r}{_way(q.claim.direction) if ways else ''} vs "
                         f"{q.source.derived or q.source.text!r}{_way(q.source.direction) if ways else ''} in {q.source_id}")
        else:
            parts.append(f"{q.claim.text!r} ~ {q.source.derived or q.source.text!r}")
    return "; ".join(parts)


def _figure_sentence(case: ClaimCase, q: QuantityCheck, score: float) -> Cited:
    """The source sentence around a figure (its table row for a cell), so the reader sees what the
    figure is about: the sentence spans of the source, from the one the figure starts in to the one it
    ends in (a derived change spans two figures)."""
    text = case.source(q.source_id).text  # type: ignore[arg-type]
    s, e = q.source.start, q.source.end  # type: ignore[union-attr]
    spans = readable_sentences(text)[0]
    first = next((sp for sp in spans if sp.end > s), None)
    last = next((sp for sp in reversed(spans) if sp.start < e), None)
    if first is None or last is None:
        return Cited(q.source_id, s, e, score)  # type: ignore[arg-type]
    return Cited(q.source_id, min(first.start, s), max(last.end, e), score)  # type: ignore[arg-type]


def other_figures(case: ClaimCase, t: Thresholds) -> Finding | None:
    """The sources give other figures for what the claim counts, and they speak to the claim (a figure a
    close sentence gives in other words, "30 months" for "two and a half years", is no mismatch)."""
    said = supported_spans(case.values)
    mismatch = [q for q in case.figures if q.status == "mismatch" and not overlaps((q.claim.start, q.claim.end), said)]
    mj = case.judgement
    if not mismatch or not (mj is None or t.figures_on_topic(mj.similarity, mj.coverage)):
        return None
    known = {d.id for d in case.sources}
    ev = tuple(_figure_sentence(case, q, t.other_figures) for q in mismatch
               if q.source is not None and q.source_id in known)
    return Finding("contradicted", t.other_figures, f"the sources give other figures: {figures_note(mismatch)}", ev)


def other_values(case: ClaimCase, t: Thresholds) -> Finding | None:
    """A close sentence gives the same quantity of the same thing outside the claim's range ("doubled"
    vs "more than tripled", "free" vs "$1.75", "5-2" vs "unanimously"), and no close sentence supports it."""
    r = contradicting(case.values, t.values_similarity)
    if r is None or not _speaks_to(case, t):
        return None
    m = r.match
    return Finding("contradicted", t.other_values,
                   f"a source sentence gives {m.source.text!r} where the text says {m.claim.text!r}",  # type: ignore[union-attr]
                   at_sentence(r.hit), case.probability_dict())


# -- the closest passages and sentences --------------------------------------------------------------


def no_passage(case: ClaimCase, t: Thresholds) -> Finding | None:
    mj = case.judgement
    if mj is None or mj.best is None:
        return Finding("unsupported", t.no_passage, "no passage of any source shares its words")
    return None


def _hits(case: ClaimCase) -> list[SentenceHit]:
    return case.judgement.top_sentences if case.judgement is not None else []


def _speaks_to(case: ClaimCase, t: Thresholds) -> bool:
    mj = case.judgement
    return mj is not None and t.speaks_to(mj.similarity, mj.coverage)


def swapped_modifier(case: ClaimCase, t: Thresholds) -> Finding | None:
    """Another modifier of the same thing ("minor burns" for "serious burns"), telling even off topic."""
    found = swapped_modifier_near(case.text, _hits(case), t)
    if found is None:
        return None
    hit, opp = found
    return Finding("contradicted", t.swapped_modifier,
                   f"a source sentence says {opp.source_word!r} where the text says {opp.claim_word!r}",
                   at_sentence(hit), case.probability_dict())


def polarity(case: ClaimCase, t: Thresholds) -> Finding | None:
    """A close sentence denies what the claim asserts (within the scope of its negation or contrast:
    "but not Friday", "except Thursday", "no longer", "not until June"), or asserts what the claim denies."""
    found = denied_in_scope(case.text, _hits(case), t) if _speaks_to(case, t) else None
    if found is None:
        return None
    hit, why = found
    return Finding("contradicted", t.polarity_confidence(hit.similarity),
                   f"the closest source sentence says the opposite: {why}", at_sentence(hit), case.probability_dict())


def opposed_verb(case: ClaimCase, t: Thresholds) -> Finding | None:
    found = opposed_sentence(case.text, _hits(case), t) if _speaks_to(case, t) else None
    if found is None:
        return None
    hit, opp = found
    said = (f"the source asks whether {opp.source_word!r} and is answered {_first_words(hit.answer)!r}"
            if hit.answer else f"the closest source sentence says {opp.source_word!r}")
    return Finding("contradicted", t.opposed_verb, f"{said} where the text says {opp.claim_word!r}",
                   at_sentence(hit), case.probability_dict())


def _relation_in_close_sentences(case: ClaimCase, t: Thresholds, read: Callable[[str, str], R | None]
                                 ) -> tuple[SentenceHit, R] | None:
    """The first of the closest sentences (``relation_sentences`` of them) where ``read(claim, sentence)``
    finds a relation the claim breaks; None when the sources do not speak to the claim."""
    if not _speaks_to(case, t):
        return None
    for hit in _hits(case)[: t.relation_sentences]:
        found = read(case.text, hit.text)
        if found is not None:
            return hit, found
    return None


def reversed_ranking(case: ClaimCase, t: Thresholds) -> Finding | None:
    """The claim gives first place to what a close source sentence ranks below something else."""
    found = _relation_in_close_sentences(case, t, reversed_rank)
    if found is None:
        return None
    hit, rev = found
    why = (f"a source sentence ranks {_first_words(rev.higher)!r} above {_first_words(rev.lower)!r}, "
           f"where the text gives the latter first place ({rev.claim_place!r})")
    return Finding("contradicted", t.reversed_ranking, why, at_sentence(hit), case.probability_dict())


def extended_restriction(case: ClaimCase, t: Thresholds) -> Finding | None:
    """The claim adds to the one place or party a close source sentence restricts something to."""
    found = _relation_in_close_sentences(case, t, extended_past)
    if found is None:
        return None
    hit, ext = found
    why = f"a source sentence names {ext.name!r} alone, where the text adds {ext.extension!r}"
    return Finding("contradicted", t.extended_restriction, why, at_sentence(hit), case.probability_dict())


def _first_words(answer: str, n: int = 8) -> str:
    words = answer.split()
    return " ".join(words[:n]) + (" ..." if len(words) > n else "")


def other_person(case: ClaimCase, t: Thresholds) -> Finding | None:
    """The closest sentence tells the same event with another person in one role."""
    found = swapped_name(case.text, _hits(case), t) if _speaks_to(case, t) else None
    if found is None:
        return None
    hit, said, source_says = found
    return Finding("contradicted", t.swapped_name, f"the closest source sentence names {source_says}, not {said}",
                   at_sentence(hit), case.probability_dict())


def _not_found_note(case: ClaimCase, head: str) -> str:
    mj = case.judgement
    return (f"{head}: examined {mj.examined_windows} passage(s) in {len(case.sources)} source(s); "  # type: ignore[union-attr]
            f"closest similarity {mj.similarity:.2f}, word coverage {mj.coverage:.0%}")  # type: ignore[union-attr]


def off_topic(case: ClaimCase, t: Thresholds) -> Finding | None:
    """Nothing in the sources speaks to the claim: every passage was ranked, none is close."""
    if _speaks_to(case, t):
        return None
    p_support = float(case.probabilities[0])  # type: ignore[index]
    return Finding("unsupported", 1 - p_support, _not_found_note(case, "nothing in the sources speaks to it"), (),
                   case.probability_dict())


def _best_cited(case: ClaimCase, score: float) -> tuple[Cited, ...]:
    best = case.judgement.best  # type: ignore[union-attr]
    return cite_sentences(best, case.text, score, case.source(best.source).text) if best else ()


def _coverage_beyond_figures(claim: str, passage: str, figures: list[QuantityCheck]) -> float:
    """Word coverage of the claim once its figures (already compared on value) are taken out."""
    rest = claim
    for q in sorted(figures, key=lambda q: -q.claim.start):
        rest = rest[: q.claim.start] + " " + rest[q.claim.end :]
    rest = re.sub(r"\d[\d,.]*", " ", rest)
    return coverage(rest, passage)


def _doubted(case: ClaimCase, t: Thresholds) -> bool:
    """The calibrated combiner puts a claim about the world below its own operating point. A claim about what
    a document says ("the letter centred on ...") is read against the whole document, which the combiner,
    fitted on claims and their closest passages, does not weigh: it is never doubted here."""
    if case.doc_claim is not None:
        return False
    return float(case.probabilities[0]) < (t.support_doubt or 0.0)  # type: ignore[index]


def _doubt_answered(case: ClaimCase, t: Thresholds) -> bool:
    """The combiner does not doubt the claim, or something answers its doubt: a source sentence close to the
    same statement, or a model that reads the best passage as giving the claim some support. A merely
    similar passage the model finds silent on the claim was, on held-out summaries, as a rule a copy with
    one detail changed or facts of several sentences stitched together. A claim with words of its own that
    no source has, or a denial of its own, needs the model (``doubted_absent_words``, ``_own_denial``)."""
    mj = case.judgement
    if not _doubted(case, t):
        return True
    if _new_words(case, t) or _own_denial(case, t):
        return mj.p_supported >= t.doubted_absent_model_support  # type: ignore[union-attr]
    return (mj.similarity >= t.doubted_close_similarity  # type: ignore[union-attr]
            or mj.p_supported >= t.doubted_model_support)  # type: ignore[union-attr]


def _new_words(case: ClaimCase, t: Thresholds) -> bool:
    """The claim has ``doubted_absent_words`` content words that no source has in any form."""
    return len(case.judgement.absent.words) >= t.doubted_absent_words  # type: ignore[union-attr]


def _own_denial(case: ClaimCase, t: Thresholds) -> bool:
    """The claim denies ("not", "cannot", "no", "never") and none of its closest sentences (``denial_sentences``
    of them) denies anything: the denial is the claim's own, a word of its own as much as a new one ("a new
    client who is not interested", "is not designed to save ... time" against sentences that say neither).
    The combiner's ``negation_unmatched`` asks the same of the closest sentence alone, as it was fitted; the
    judge reads ``denial_sentences``, as the sentence that denies is not always the closest."""
    if not NEGATION.search(case.text):
        return False
    return not any(NEGATION.search(h.text) for h in _hits(case)[: t.denial_sentences])


def _model_silent(case: ClaimCase, t: Thresholds) -> bool:
    """The combiner doubts the claim and the model does not read it as supported (under
    ``doubted_absent_model_support``): what a claim brings of its own then goes unanswered."""
    return _doubted(case, t) and case.judgement.p_supported < t.doubted_absent_model_support  # type: ignore[union-attr]


def _unanswered_new_words(case: ClaimCase, t: Thresholds) -> bool:
    """A claim with words of its own that the model is silent on: no similar sentence carries it
    (``_doubt_answered``), and its reason names the words."""
    return _model_silent(case, t) and _new_words(case, t)


def _unanswered_denial(case: ClaimCase, t: Thresholds) -> bool:
    """A claim whose denial no close sentence makes, that the model is silent on."""
    return _model_silent(case, t) and _own_denial(case, t)


def _sentence_says(case: ClaimCase, t: Thresholds) -> bool:
    """A close source sentence says the same: similar enough, with the claim's words in the passage, and
    any doubt of the combiner's answered (``_doubt_answered``)."""
    mj = case.judgement
    sim, cov = mj.similarity, mj.coverage  # type: ignore[union-attr]
    if (sim < t.topic_similarity or cov < t.support_coverage
            or sim + t.strength_coverage_weight * cov < t.support_strength):
        return False
    return _doubt_answered(case, t)


def _support_reason(case: ClaimCase, t: Thresholds) -> tuple[str, str] | None:
    """The first ground of support that holds (``sentence``, ``combined``, ``model``, ``figures``) and why;
    None when none does."""
    mj = case.judgement
    sim, cov = mj.similarity, mj.coverage  # type: ignore[union-attr]
    p_support = float(case.probabilities[0])  # type: ignore[index]
    # A number that is part of a name ("the Aero 14") agrees with the same name, not as a figure; a condition's
    # threshold ("when the heat index exceeds 105°F") says nothing of what the claim says happens then.
    matched = [q for q in case.figures if q.status == "match" and not names_part(q.claim, case.text)
               and not q.claim.threshold]
    if _sentence_says(case, t):
        return "sentence", f"a source sentence says the same (similarity {sim:.2f}, word coverage {cov:.0%})"
    if p_support >= t.combined_support and cov >= t.min_support_coverage:
        return "combined", f"similarity, word coverage and the grounding model together (p={p_support:.2f})"
    # The model's reading alone yields to the combiner's doubt, as a similar sentence does.
    if (mj.p_supported >= t.model_support and sim >= t.topic_similarity  # type: ignore[operator,union-attr]
            and cov >= t.min_support_coverage and not _doubted(case, t)):
        if case.doc_claim is not None:
            return "model", "the model reads the document as saying so"
        return "model", f"the grounding model reads a source passage as supporting it (p={mj.p_supported:.2f})"  # type: ignore[union-attr]
    # Agreeing figures are their own ground, doubt or no doubt: a claim whose every figure a close sentence
    # gives is the figures' claim (tables, tallies); where a figure differs, the figure rules decide first.
    best = mj.best  # type: ignore[union-attr]
    if (matched and _figures_carry(case, matched, t)
            and (sim >= t.figures_similarity
                 or _coverage_beyond_figures(case.text, best.text, matched) >= t.figures_coverage)):
        return "figures", f"figures agree with the source: {figures_note(matched)}"
    said = [r for r in case.values if r.match.verdict == "supported"]
    if said and not matched and sim >= t.figures_similarity:
        # The same figures in other words ("30 months" for "two and a half years"), on a close sentence.
        return "figures", "figures agree with the source: " + "; ".join(
            f"{r.match.claim.text!r} ~ {r.match.source.text!r}" for r in said)  # type: ignore[union-attr]
    return None


_MARKERS = ("year", "ordinal")
"""Figures that place a fact rather than state it: "in 1980", "the second round"."""


def _figures_carry(case: ClaimCase, matched: list[QuantityCheck], t: Thresholds) -> bool:
    """Whether the agreeing figures can carry the claim. A year or a place in an order ("in 1980", "won
    the second gold", "reached the third round") only places what the claim says; many sentences about
    other things share it. Where such markers are all the claim's figures and the claim also brings words
    of its own that the model does not read as supported (``_unanswered_new_words``), its new words are
    what it says, and the figures do not answer for them: on the held-out single-claim pairs (both halves)
    the claims this turns away were false 5 times in 6, while a count, a sum, a share or a dated day that
    agrees still carries a paraphrase (hand-labelled cases: none lost). Nor do agreeing figures carry a
    denial no close sentence makes (``_unanswered_denial``: "no dedicated customer support ... for $480/month",
    "he does not assure ... a 15% discount")."""
    if _unanswered_denial(case, t):
        return False  # the figures agree, but the claim denies what no close sentence denies
    if any(q.claim.unit not in _MARKERS for q in matched):
        return True
    return not _unanswered_new_words(case, t)


def _unmatched_figures(case: ClaimCase) -> list[QuantityCheck]:
    # A year used as a label ("the 2025 policy") is no figure the claim stands on; a figure a close
    # sentence gives in other words ("35 dollars" for "$35") is found.
    said = supported_spans(case.values)
    # Nor is "every day" or "at weekends" ("Every day, thousands of commuters ..."): compared where a source
    # names days, never required.
    # A year that a source only bounds ("opens in 2029" against "not before 2028") stands unconfirmed.
    return [q for q in case.figures if q.status == "unmatched" and q.claim.days is None
            and (q.claim.unit != "year" or (q.source is not None and q.source.bound))
            and not overlaps((q.claim.start, q.claim.end), said)]


def overstated(case: ClaimCase, t: Thresholds) -> Finding | None:
    """A ground of support holds, but the close sentence that carries the claim commits less than the claim:
    it gives as possible or intended what the claim states as done or certain, or to part of a group what the
    claim gives to more of it. The source speaks to the claim and does not support it."""
    if not _speaks_to(case, t) or _support_reason(case, t) is None:
        return None  # the cheap test first: most claims have no ground of support to question
    found = overstated_sentence(case.text, _hits(case), t)
    if found is None:
        return None
    hit, o = found
    said = {"hedge": f"gives it only as possible or intended ({o.cue!r}), where the text states it",
            "future": f"gives it as still to come ({o.cue!r}), where the text says it happened",
            "open": f"leaves it open ({o.cue!r}), where the text states it",
            "share": f"says it of {o.cue!r}, where the text says it of more",
            "rank": f"ranks it {o.cue!r}, where the text gives it the first place",
            "condition": f"holds it only on a condition ({o.cue!r}) the text leaves out",
            "bound": f"gives the first place only {o.cue!r}, where the text gives it with no bound",
            "cause": f"gives no cause, only {o.cue!r}, where the text says one thing causes the other"}[o.kind]
    return Finding("unsupported", t.overstated, f"the closest source sentence {said}", at_sentence(hit),
                   case.probability_dict())


def supported(case: ClaimCase, t: Thresholds) -> Finding | None:
    """A ground for support holds, every figure of the claim is in the sources, and every name."""
    ground = _support_reason(case, t)
    if ground is None or _unmatched_figures(case) or names_absent(case.text, case.sources):
        return None
    kind, why = ground
    # A rule (a sentence saying the same, agreeing figures) can support a claim the combiner doubts;
    # its verdict then carries the rules' stated confidence, never a score below one half. Each ground
    # is named apart (``supported_sentence`` ...): how often it is right is measured apart.
    score = max(float(case.probabilities[0]), t.rule_support)  # type: ignore[index]
    return Finding("supported", score, why, _best_cited(case, score), case.probability_dict(),
                   rule=f"supported_{kind}")


def model_contradiction(case: ClaimCase, t: Thresholds) -> Finding | None:
    """The grounding model is sure a close passage says otherwise."""
    mj = case.judgement
    if (mj is None or mj.p_contradicted < t.model_contradiction or mj.similarity < t.close_similarity
            or mj.coverage < t.contradiction_coverage):
        return None
    return Finding("contradicted", mj.p_contradicted, "the grounding model reads a source passage as saying otherwise",
                   _best_cited(case, mj.p_contradicted), case.probability_dict())


def unsupported_by_passages(case: ClaimCase, t: Thresholds) -> Finding:
    """No rule decided: no passage supports the claim, and the reason says what was examined."""
    p_support = float(case.probabilities[0])  # type: ignore[index]
    note = _not_found_note(case, "no source passage supports it")
    unmatched = _unmatched_figures(case)
    if unmatched:
        note += f"; no source gives {', '.join(repr(q.claim.text) for q in unmatched)}"
    strangers = names_absent(case.text, case.sources)
    if strangers:
        note += f"; no source names {', '.join(repr(n) for n in strangers)}"
    if _unanswered_new_words(case, t):
        note += f"; no source has the words {', '.join(repr(w) for w in case.judgement.absent.words)}"  # type: ignore[union-attr]
    if _unanswered_denial(case, t):
        note += "; no close source sentence denies anything, where the text does"
    return Finding("unsupported", 1 - p_support, note, _best_cited(case, p_support), case.probability_dict())
