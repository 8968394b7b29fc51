"""What counts as a finding: the one definition shared by ``onrecord check``, ``onrecord batch``,
the report's ``findings`` count and :func:`onrecord.testing.assert_grounded`.

Every claim and quote carries labels. A claim has one: ``supported``, ``contradicted``,
``unsupported``, or ``unchecked`` when it could not be judged. A quote has ``exact``, ``altered`` or
``not_found``, plus ``misattributed`` when the source gives the words to someone else. An item is a finding when one of its labels is in the fail-on set.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from onrecord.errors import UsageError

CLAIM_LABELS = ("supported", "contradicted", "unsupported", "unchecked")
QUOTE_LABELS = ("exact", "altered", "not_found", "misattributed")
ROW_LABELS = ("error",)
"""``error``: a batch row that could not be checked (batch only; a failed check exits 2)."""
ALL_LABELS = tuple(dict.fromkeys(CLAIM_LABELS + QUOTE_LABELS + ROW_LABELS))

DEFAULT_FAIL_ON: frozenset[str] = frozenset({"contradicted", "unsupported", "altered", "not_found",
                                             "misattributed"})
"""Today's meaning of a finding: a judged claim that is not supported, a quote that is not exact or
is given to someone else. Unchecked claims are said out loud in the report but fail nothing."""


def parse_fail_on(spec: str | Iterable[str] | None) -> frozenset[str]:
    """``"contradicted,altered"`` (or a list of labels) to a label set; None gives the default.

    Raises ``UsageError`` naming the unknown label and the known ones."""
    if spec is None:
        return DEFAULT_FAIL_ON
    parts = spec.split(",") if isinstance(spec, str) else list(spec)
    labels = {p.strip().lower().replace("-", "_") for p in parts if p.strip()}
    unknown = sorted(labels - set(ALL_LABELS))
    if unknown:
        raise UsageError(f"--fail-on: unknown label {unknown[0]!r}; use some of {', '.join(ALL_LABELS)}")
    if not labels:
        raise UsageError(f"--fail-on: no label given; use some of {', '.join(ALL_LABELS)}")
    return frozenset(labels)


def _get(item: Any, key: str) -> Any:
    return item.get(key) if isinstance(item, Mapping) else getattr(item, key, None)


def claim_label(claim: Any) -> str:
    """A claim's one label (a ``ClaimResult`` or its JSON dict)."""
    return "unchecked" if _get(claim, "unchecked") else str(_get(claim, "label"))


def quote_labels(quote: Any) -> tuple[str, ...]:
    """A quote's labels (a ``QuoteResult`` or its JSON dict): its match, and ``misattributed``."""
    label = str(_get(quote, "label"))
    return (label, "misattributed") if _get(quote, "misattributed") else (label,)


def findings_of(report: Any, fail_on: Iterable[str] = DEFAULT_FAIL_ON) -> list[Any]:
    """The claims and quotes of ``report`` (a ``Report`` or its JSON dict) that are findings."""
    labels = frozenset(fail_on)
    claims = [c for c in _get(report, "claims") or () if claim_label(c) in labels]
    quotes = [q for q in _get(report, "quotes") or () if labels.intersection(quote_labels(q))]
    return claims + quotes


def count_findings(report: Any, fail_on: Iterable[str] = DEFAULT_FAIL_ON) -> int:
    return len(findings_of(report, fail_on))
