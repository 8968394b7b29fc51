"""The limits every way in (the CLI, the service, ``documents.load``) applies to what it reads.

One dataclass, one set of defaults: ``onrecord serve`` and ``onrecord check`` take the same flags
(``--max-document-chars`` ...) and refuse the same inputs with the same catalogue errors.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, replace
from typing import Any

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_request_bytes: int = 20 * MiB
    """Whole request body (JSON or multipart), bytes. PDFs are the bulky case."""
    max_file_bytes: int = 20 * MiB
    """Any one file read from disk or stdin by the CLI or ``documents.load``, bytes (the request cap)."""
    max_document_chars: int = 1_000_000
    """Any one loaded document (the text or a source), characters after loading. A check of 1,000,000
    characters takes minutes on a laptop CPU; more is a batch job, not an interactive check."""
    max_unpacked_bytes: int = 64 * MiB
    """All the parts of one .docx archive together, bytes once unpacked. A real document's XML is
    rarely over 20x its text; 64 MiB of XML parses in a few hundred MB of memory, a bomb never gets
    that far."""
    max_sources: int = 32
    time_budget_s: float = 120.0
    """Wall-clock seconds for one request's loading and checking (model loading not counted)."""
    max_concurrent_loads: int = 2
    """Documents parsed at the same time in the service (parsing is memory-hungry; the rest wait)."""
    max_queue: int = 64
    """Checks waiting for a worker before the service answers 503 busy (and /healthz says busy)."""

    def with_(self, **changes: Any) -> Limits:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


DEFAULT_LIMITS = Limits()
"""The service's and the CLI's limits."""

LIBRARY_LIMITS = Limits(max_file_bytes=256 * MiB, max_document_chars=100_000_000)
"""``documents.load`` called from Python: no practical cap on a file's size or characters (a library
caller decides what to read), but the same cap on what a .docx unpacks to, so a bomb is still refused."""


def fmt_bytes(n: int) -> str:
    """A byte count for a message: exact, with MiB or KiB beside it."""
    if n >= MiB:
        return f"{n:,} bytes ({n / MiB:.1f} MiB)"
    if n >= 1024:
        return f"{n:,} bytes ({n / 1024:.0f} KiB)"
    return f"{n:,} bytes"


def cpu_count() -> int:
    return max(1, os.cpu_count() or 1)
