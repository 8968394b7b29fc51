"""Helpers for tests and CI: fail a test when a text says what its sources do not.

    from onrecord.testing import assert_grounded

    def test_answer_is_grounded():
        assert_grounded(answer, {"doc1": passage1, "doc2": passage2})
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from onrecord.findings import claim_label, findings_of, parse_fail_on, quote_labels

if TYPE_CHECKING:
    from onrecord.documents import Document
    from onrecord.pipeline import Checker
    from onrecord.report import Report

_SHOWN = 120
"""Characters of a claim or quote shown per finding: enough to recognise it in a test log."""


def assert_grounded(
    text: str | Document,
    sources: Sequence[Document] | Mapping[str, str] | Document | str,
    fail_on: str | Iterable[str] | None = None,
    *,
    checker: Checker | None = None,
) -> Report:
    """Check ``text`` against ``sources``; raise ``AssertionError`` listing every finding.

    ``fail_on``: the labels that count (``"contradicted,unsupported"`` or a list); default the same
    as ``onrecord check``. Returns the report when there is nothing to report."""
    labels = parse_fail_on(fail_on)
    if checker is None:
        from onrecord.pipeline import Checker

        checker = Checker()
    report = checker.check(text, sources)
    found = findings_of(report, labels)
    if found:
        lines = [f"{len(found)} finding(s) (fail on {', '.join(sorted(labels))}):"]
        lines += [f"  - {_describe(item)}" for item in found]
        raise AssertionError("\n".join(lines))
    return report


def _describe(item: Any) -> str:
    shown = item.text if len(item.text) <= _SHOWN else item.text[: _SHOWN - 1] + "…"
    if hasattr(item, "diff"):  # a quote
        where = f" (source {item.source})" if item.source else ""
        return f"quote {'/'.join(quote_labels(item))}: “{shown}”{where}"
    why = f" — {item.reason}" if item.reason else ""
    return f"claim {claim_label(item)} [{item.start}:{item.end}]: {shown}{why}"
