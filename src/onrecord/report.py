"""The report types: the one thing every interface (CLI, API, HTTP, web page) renders.

The JSON shape is the report contract in docs/report.md (``"onrecord": "1"``). Fields may be added; none may
be renamed without bumping ``REPORT_VERSION``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

REPORT_VERSION = "1"

ClaimLabel = Literal["supported", "contradicted", "unsupported"]
QuoteLabel = Literal["exact", "altered", "not_found"]
DiffOpName = Literal["equal", "replace", "insert", "delete"]


@dataclass(frozen=True)
class Evidence:
    """A span of a source that bears on a claim. Offsets index the source's loaded text."""

    source: str
    start: int
    end: int
    text: str
    score: float
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True)
class Attribution:
    """Who the text says made a claim or a quote, and the words that say so."""

    speaker: str | None
    cue: str | None
    speaker_start: int | None = None
    speaker_end: int | None = None
    pronoun: str | None = None
    """The pronoun the text used ("She") when ``speaker`` was resolved from it (or is it, unresolved)."""


@dataclass(frozen=True)
class DiffOp:
    """One step of a word diff: what the text says (``text``) against the source (``source_text``)."""

    op: DiffOpName
    text: str
    source_text: str


@dataclass
class ClaimResult:
    id: str
    start: int
    end: int
    text: str
    label: ClaimLabel
    score: float
    attribution: Attribution | None = None
    evidence: list[Evidence] = field(default_factory=list)
    kind: str = "factual"
    """``factual`` or ``document`` (a claim about what a document says, judged on the whole document)."""
    probabilities: dict[str, float] | None = None
    reason: str | None = None
    unchecked: str | None = None
    """Set when the claim could not be judged; the label is then ``unsupported`` and is no finding."""
    proposition: str | None = None
    """What was checked, when it differs from ``text``: a lifted relative clause with its antecedent
    ("The text of the letter was first obtained by Fox News")."""


@dataclass
class QuoteResult:
    id: str
    start: int
    end: int
    text: str
    label: QuoteLabel
    source: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    diff: list[DiffOp] = field(default_factory=list)
    speaker: str | None = None
    source_speaker: str | None = None
    misattributed: bool = False
    similarity: float = 0.0
    cue: str | None = None
    context_negated: bool = False
    """The source negates the quoted words: a negation right before the match or inside a cut."""
    note: str | None = None


@dataclass(frozen=True)
class SourceInfo:
    id: str
    title: str
    chars: int
    path: str | None = None
    format: str = "txt"


@dataclass
class Report:
    sources: list[SourceInfo]
    claims: list[ClaimResult]
    quotes: list[QuoteResult]
    text: str = ""
    source_texts: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    not_examined: list[str] = field(default_factory=list)
    """Anything not examined, said out loud (never silently dropped)."""
    model: dict[str, Any] = field(default_factory=dict)

    @property
    def findings(self) -> int:
        """Claims not supported (and judged) plus quotes not exact or misattributed: the default
        fail-on labels, defined once in ``onrecord.findings``."""
        from onrecord.findings import count_findings

        return count_findings(self)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for c in self.claims:
            key = "unchecked" if c.unchecked else c.label
            out[key] = out.get(key, 0) + 1
        for q in self.quotes:
            key = "misattributed" if q.misattributed else q.label
            out[f"quote_{key}"] = out.get(f"quote_{key}", 0) + 1
        return out

    def to_dict(self, include_texts: bool = False) -> dict[str, Any]:
        """The JSON contract. ``include_texts`` adds the checked text and every source's text."""
        out: dict[str, Any] = {
            "onrecord": REPORT_VERSION,
            "sources": [asdict(s) for s in self.sources],
            "claims": [_drop_none(asdict(c), keep=("attribution",)) for c in self.claims],
            "quotes": [_drop_none(asdict(q), keep=_QUOTE_NULLABLE) for q in self.quotes],
            "summary": self.counts() | {"findings": self.findings},
            "warnings": list(self.warnings),
            "not_examined": list(self.not_examined),
            "model": dict(self.model),
        }
        if include_texts:
            out["text"] = self.text
            for s in out["sources"]:
                s["text"] = self.source_texts.get(s["id"], "")
        return out

    def to_json(self, include_texts: bool = False, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(include_texts), ensure_ascii=False, indent=indent)


# The contract shows these quote fields even when empty, so a reader can rely on the keys.
_QUOTE_NULLABLE = ("source", "source_start", "source_end", "speaker", "source_speaker")


def _drop_none(d: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None or k in keep}
