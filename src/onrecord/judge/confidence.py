"""The score a verdict states: how often the rule that decided it is right about that label, measured on
held-out labelled pairs, rather than a hand-set number.

``rule_counts.json`` holds, per ``"rule:label"``, how many claims the rule decided with that label on the
``fit`` half of the dev pairs (``bench/checks_on_pairs.py --half fit --rule-counts ...``: the whole
Checker, one claim per pair, the pair's document the one source) and how many of those verdicts agreed
with the pair's label. "Agreed" is binary, as the pairs are: a ``supported`` verdict on a supported pair,
a ``contradicted`` or ``unsupported`` verdict on a pair that is not supported. So the score of a
supported claim is the probability that it is supported; that of any other verdict, the probability
that the claim is not supported.

Smoothing: the rule's own stated confidence (its ``Thresholds`` field, or the calibrated combiner's
probability where the rule states that) counts as ``PRIOR_WEIGHT`` claims. A rule the dev pairs seldom
reach (quotations, claims about documents) keeps close to its stated confidence; a rule that decides
hundreds of pairs states what it achieved.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

COUNTS = Path(__file__).with_name("rule_counts.json")
PRIOR_WEIGHT = 4.0
"""Pseudo-claims the rule's stated confidence is worth: four claims' evidence moves a score halfway."""


@lru_cache(maxsize=1)
def rule_counts() -> dict[str, dict[str, int]]:
    """``{"rule:label": {"n": claims decided, "right": agreed with the pair}}``; empty when not measured."""
    if not COUNTS.is_file():
        return {}
    return json.loads(COUNTS.read_text(encoding="utf-8"))


def measured(rule: str, label: str, stated: float) -> float:
    """The smoothed share of ``rule``'s ``label`` verdicts that were right, ``stated`` as the prior."""
    c = rule_counts().get(f"{rule}:{label}", {})
    n, right = c.get("n", 0), c.get("right", 0)
    return (right + PRIOR_WEIGHT * stated) / (n + PRIOR_WEIGHT)
