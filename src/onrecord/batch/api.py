"""``onrecord.check_many``: the batch engine from Python, without files."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onrecord.batch.local import run_local
from onrecord.batch.rows import InputRow, RowError, parse_row
from onrecord.errors import UsageError

if TYPE_CHECKING:
    from onrecord.pipeline import Checker
    from onrecord.report import Report


def _as_row(number: int, row: Any) -> InputRow:
    if isinstance(row, InputRow):
        return row
    if isinstance(row, Mapping) and isinstance(row.get("sources"), Mapping):
        # Convenience: {"id": ..., "text": ..., "sources": {"letter": "text of the letter"}}
        row = {**row, "sources": [{"id": k, "text": v} for k, v in row["sources"].items()]}
    return parse_row(number, dict(row) if isinstance(row, Mapping) else row)


def check_many(
    rows: Iterable[Mapping[str, Any]],
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
    *,
    device: str = "auto",
    checker: Checker | None = None,
    base_dir: str | Path = ".",
) -> Iterator[tuple[str, Report | RowError]]:
    """Check many rows; yield ``(id, Report)`` or ``(id, RowError)`` for each, as they finish.

    A row is a batch input row: ``{"id": "r1", "text": "...", "sources": [{"id": "a", "text": "..."}]}``
    (sources may also be a mapping of id to text, or give ``"path"``, relative to ``base_dir``). A row
    without an id gets its 1-based position. ``workers`` > 1 checks in that many processes, each
    loading the model once (rows finish out of order); 1 checks here, with ``checker`` when given.
    ``progress(done, total)`` is called after each row. Raises ``UsageError`` at once when two rows share an id.
    """
    if workers < 1:
        raise UsageError(f"workers={workers}: give 1 or more")
    items = [_as_row(n, r) for n, r in enumerate(rows, start=1)]
    ids = [r.id for r in items]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise UsageError(f"two rows have the id {dup!r}; give every row its own id")
    return _run(items, Path(base_dir), workers, device, checker, progress)


def _run(items: list[InputRow], base_dir: Path, workers: int, device: str, checker: Checker | None,
         progress: Callable[[int, int], None] | None) -> Iterator[tuple[str, Report | RowError]]:
    total = len(items)
    for done, result in enumerate(run_local(items, base_dir, workers, device, checker), start=1):
        if progress is not None:
            progress(done, total)
        yield result.id, result.report if result.report is not None else result.error  # type: ignore[misc]
