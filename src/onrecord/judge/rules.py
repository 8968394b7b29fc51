"""The judge's rules in order of precedence: the first rule that decides a claim gives its verdict.

Every rule is ``(case: ClaimCase, t: Thresholds) -> Finding | None`` (see ``onrecord.judge.finding``).
To add a rule: write it beside its kind (``factual.py``, ``documents.py``, or a new module), give any
cut-off it needs a named field in ``Thresholds``, and insert it here where its precedence belongs;
tests in ``tests/test_rules.py``.
"""

from __future__ import annotations

from dataclasses import replace

from onrecord.judge import (
    attributed,
    documents,
    exchange,
    factual,
    frames,
    outcomes,
    roles,
    substitution,
    titles,
)
from onrecord.judge.confidence import measured
from onrecord.judge.finding import ClaimCase, Finding, Rule, first_finding
from onrecord.judge.thresholds import Thresholds

PASSAGE_RULES: tuple[tuple[str, Rule], ...] = (
    # What the closest source sentences say against the claim. A swapped modifier is telling even
    # when the sources barely speak to the claim; the next three need them to speak to it.
    ("swapped_modifier", factual.swapped_modifier),
    ("polarity", factual.polarity),
    ("opposed_verb", factual.opposed_verb),
    ("reversed_ranking", factual.reversed_ranking),
    ("extended_restriction", factual.extended_restriction),
    ("other_person", factual.other_person),
    ("near_copy", substitution.substituted),  # a near-copy of a close sentence, one telling word changed
    ("exchanged_words", exchange.exchanged_words),  # ... or two of its words in each other's place
    ("exchanged_roles", roles.exchanged_roles),  # ... or its doer and the one done to, passive or not
    ("other_name", frames.other_frame),  # ... or another name after its verb and preposition
    ("reversed_outcome", outcomes.reversed_outcome),  # ... or the win given to the side that lost
    ("off_topic", factual.off_topic),
    ("other_speaker", attributed.other_speaker),  # the claim's words, given by the source to another person
    ("other_title", titles.other_title),  # a person called by a role the sources do not give them
    ("overstated", factual.overstated),  # support the closest sentence gives only as possible or partial
    ("supported", factual.supported),
    ("model_contradiction", factual.model_contradiction),
    ("unsupported_by_passages", factual.unsupported_by_passages),
)
"""A claim weighed on the retrieved passages, the combiner and the model (always decides)."""

FACTUAL_RULES: tuple[tuple[str, Rule], ...] = (
    ("quotation", factual.quotation),  # misattributed, negated, a dropped condition: see QUOTE_RULES
    ("other_figures", factual.other_figures),
    ("other_values", factual.other_values),
    ("verbatim_quote", factual.verbatim_quote),
    ("no_passage", factual.no_passage),
    *PASSAGE_RULES,
)


def focus_read_by_model(case: ClaimCase, t: Thresholds) -> Finding | None:
    """"The letter focused on X" that the model reads the document as saying: weighed as a factual claim."""
    mj = case.judgement
    if case.doc_claim is None or case.doc_claim.kind != "about" or mj is None:
        return None
    if mj.p_supported < t.model_support:  # type: ignore[operator]
        return None
    found = first_finding(case, PASSAGE_RULES, t)
    return replace(found, rule="") if found is not None else None  # measured as focus_read_by_model


DOCUMENT_RULES: tuple[tuple[str, Rule], ...] = (
    ("mentioned", documents.mentioned),
    ("omitted", documents.omitted),
    ("quote_at_edge", documents.quote_at_edge),
    ("edge_passage", documents.edge_passage_says),
    ("focus_read_by_model", focus_read_by_model),
    ("focus_in_words", documents.focus_in_words),
)
"""Claims about what a document says, judged on the whole document."""


def repeated_sentence(case: ClaimCase, t: Thresholds) -> Finding | None:
    """The claim's checked words are a source sentence (folded as quotations are): that sentence says it."""
    if case.repeat is None or case.doc_claim is not None:
        return None
    return Finding("supported", t.repeated_sentence, "a source sentence says it word for word", (case.repeat,),
                   case.probability_dict())


def blocked_by_quotes(case: ClaimCase, found: Finding, t: Thresholds) -> Finding:
    """A claim found supported that stands on a quotation the sources do not bear out is not supported:
    the reason names each such quotation (and what supported the rest)."""
    if found.label != "supported" or not case.blocks:
        return found
    why = "; ".join(b.why for b in case.blocks)
    return Finding("unsupported", t.quote_block, f"{why} (otherwise: {found.reason})", found.evidence,
                   found.probabilities, rule="quote_block")


def judge_claim(case: ClaimCase, t: Thresholds) -> Finding:
    """The verdict on one claim: the first rule of its kind's list that decides, under two policies of
    one story per claim: a claim that repeats a source sentence is supported by it (no rule may then
    contradict it with the very sentence it repeats), and a quotation that is altered, not found or
    someone else's never carries a claim to "supported"."""
    repeat = repeated_sentence(case, t)
    if repeat is not None and not case.blocks:
        found = replace(repeat, rule="repeated_sentence")
    else:
        rules = DOCUMENT_RULES if case.doc_claim is not None else FACTUAL_RULES
        decided = first_finding(case, rules, t)
        assert decided is not None, "the last rule of each list always decides"
        found = blocked_by_quotes(case, decided, t)
    # The score stated is how often this rule is right about this label on held-out pairs.
    return replace(found, score=measured(found.rule, found.label, found.score))
