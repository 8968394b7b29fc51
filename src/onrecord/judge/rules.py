"""The judge's rules in order of precedence: the first rule that decides a claim gives its verdict.

Every rule is ``(case: ClaimCase, t: Thresholds) -> Finding | None`` (see ``onrecord.judge.finding``).
To add a rule: write it beside its kind (``factual.py``, ``documents.py``, or a new module), give any
cut-off it needs a named field in ``Thresholds``, and insert it here where its precedence belongs;
tests in ``tests/test_rules.py``.
"""

from __future__ import annotations

from onrecord.judge import documents, factual
from onrecord.judge.finding import ClaimCase, Finding, Rule, first_finding
from onrecord.judge.thresholds import Thresholds

PASSAGE_RULES: tuple[tuple[str, Rule], ...] = (
    # What the closest source sentences say against the claim. A swapped modifier is telling even
    # when the sources barely speak to the claim; the next three need them to speak to it.
    ("swapped_modifier", factual.swapped_modifier),
    ("polarity", factual.polarity),
    ("opposed_verb", factual.opposed_verb),
    ("other_person", factual.other_person),
    ("off_topic", factual.off_topic),
    ("supported", factual.supported),
    ("model_contradiction", factual.model_contradiction),
    ("unsupported_by_passages", factual.unsupported_by_passages),
)
"""A claim weighed on the retrieved passages, the combiner and the model (always decides)."""

FACTUAL_RULES: tuple[tuple[str, Rule], ...] = (
    ("quotation", factual.quotation),  # misattributed, negated, a dropped condition: see QUOTE_RULES
    ("other_figures", factual.other_figures),
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
    return first_finding(case, PASSAGE_RULES, t)


DOCUMENT_RULES: tuple[tuple[str, Rule], ...] = (
    ("mentioned", documents.mentioned),
    ("omitted", documents.omitted),
    ("quote_at_edge", documents.quote_at_edge),
    ("edge_passage", documents.edge_passage_says),
    ("focus_read_by_model", focus_read_by_model),
    ("focus_in_words", documents.focus_in_words),
)
"""Claims about what a document says, judged on the whole document."""


def judge_claim(case: ClaimCase, t: Thresholds) -> Finding:
    """The verdict on one claim: the first rule of its kind's list that decides."""
    rules = DOCUMENT_RULES if case.doc_claim is not None else FACTUAL_RULES
    found = first_finding(case, rules, t)
    assert found is not None, "the last rule of each list always decides"
    return found
