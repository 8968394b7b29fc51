"""The end-of-run summary: rows, errors, claims and quotes by label, rows with findings.

Built from the output records themselves (those read back on resume and those just written), so a
resumed run reports on the whole output, and its exit status covers every row.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from onrecord.findings import claim_label, findings_of, quote_labels


@dataclass
class Summary:
    fail_on: frozenset[str]
    rows: int = 0
    resumed: int = 0
    """Rows found already done in the output when this run started."""
    errors: int = 0
    error_codes: Counter = field(default_factory=Counter)
    claims: Counter = field(default_factory=Counter)
    quotes: Counter = field(default_factory=Counter)
    """Quotes by label; a misattributed quote counts under its match label and under misattributed."""
    findings: int = 0
    rows_with_findings: int = 0
    seconds: float = 0.0
    checked: int = 0
    """Rows checked by this run."""
    workers_peak_rss_mb: dict[str, float] = field(default_factory=dict)

    def add(self, record: dict[str, Any], resumed: bool = False) -> None:
        self.rows += 1
        self.resumed += resumed
        self.checked += not resumed
        report = record.get("report")
        if report is None:
            self.errors += 1
            self.error_codes[str((record.get("error") or {}).get("code"))] += 1
            if "error" in self.fail_on:
                self.findings += 1
                self.rows_with_findings += 1
            return
        for c in report.get("claims") or ():
            self.claims[claim_label(c)] += 1
        for q in report.get("quotes") or ():
            self.quotes.update(quote_labels(q))
        found = len(findings_of(report, self.fail_on))
        self.findings += found
        self.rows_with_findings += found > 0

    def note_worker(self, pid: int, mb: float) -> None:
        if pid:
            key = str(pid)
            self.workers_peak_rss_mb[key] = round(max(mb, self.workers_peak_rss_mb.get(key, 0.0)), 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "resumed": self.resumed,
            "checked": self.checked,
            "errors": self.errors,
            "error_codes": dict(sorted(self.error_codes.items())),
            "claims": dict(sorted(self.claims.items())),
            "quotes": dict(sorted(self.quotes.items())),
            "findings": self.findings,
            "rows_with_findings": self.rows_with_findings,
            "fail_on": sorted(self.fail_on),
            "seconds": round(self.seconds, 2),
            "rows_per_s": round(self.checked / self.seconds, 3) if self.seconds > 0 else None,
            "workers_peak_rss_mb": dict(self.workers_peak_rss_mb),
        }

    def render(self) -> str:
        d = self.to_dict()

        def labels(counts: dict[str, int]) -> str:
            return ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"

        rate = f" ({d['rows_per_s']} rows/s)" if d["rows_per_s"] else ""
        lines = [
            f"rows: {d['rows']} ({d['checked']} checked now in {d['seconds']} s{rate}, "
            f"{d['resumed']} already done)",
            f"errors: {d['errors']}" + (f" ({labels(d['error_codes'])})" if d["errors"] else ""),
            f"claims: {labels(d['claims'])}",
            f"quotes: {labels(d['quotes'])}",
            f"rows with findings: {d['rows_with_findings']} ({d['findings']} finding(s); "
            f"fail-on {','.join(d['fail_on'])})",
        ]
        return "\n".join(lines)
