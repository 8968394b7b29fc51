"""One batch run: read the input, resume from the output, check the rest, write, summarise.

Decisions (also in docs/batch.md):

- Ids are checked before any work: two rows with one id is a bad input (exit 2), since the output
  could not say which row a line belongs to, nor resume. A row without an id gets its row number.
- Output lines come in completion order (workers finish rows out of order); join on ``id``.
- Resume: ids already in the output are skipped; an output line whose id is not in the input
  means the output belongs to another input (exit 2).
- Paths of sources are relative to the input file's folder, so a folder of rows and their files
  can be moved or run from anywhere.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from onrecord.batch.journal import Journal
from onrecord.batch.rows import InputRow, read_rows
from onrecord.batch.summary import Summary
from onrecord.errors import Errors, InputError, UsageError
from onrecord.findings import DEFAULT_FAIL_ON

ENGINES = ("local", "ray")
DEVICES = ("auto", "cpu", "gpu")


@dataclass(frozen=True)
class BatchOptions:
    input: Path
    output: Path
    input_format: str | None = None
    engine: str = "local"
    workers: int | None = None
    """Local: worker processes (default: the cores). Ray: actors (default: sized from the cluster)."""
    device: str = "auto"
    fail_on: frozenset[str] = DEFAULT_FAIL_ON


Progress = Callable[[int, int], None]
"""``progress(done, total)``: rows in the output so far (resumed ones included), rows in the input."""


def input_ids(path: Path, fmt: str | None) -> list[str]:
    """Every row's id, in order; ``InputError`` when two rows share one."""
    seen: dict[str, int] = {}
    for row in read_rows(path, fmt):
        if row.id in seen:
            raise InputError(f"{path.name}: rows {seen[row.id]} and {row.number} have the same id {row.id!r}; "
                             "give every row its own id (a row without one gets its row number)")
        seen[row.id] = row.number
    return list(seen)


def validate(opts: BatchOptions) -> None:
    if opts.engine not in ENGINES:
        raise UsageError(f"--engine {opts.engine!r}: use local or ray")
    if opts.device not in DEVICES:
        raise Errors.E207.error(device=opts.device)
    if opts.workers is not None and opts.workers < 1:
        raise UsageError(f"--workers {opts.workers}: give 1 or more")
    if opts.output.resolve() == opts.input.resolve():
        raise UsageError("--output is the input file; give another path")
    if opts.engine == "local":
        from onrecord.runtime.model import onnx_providers

        onnx_providers(opts.device)  # --device gpu without CUDA: exit 2 now, not in every worker


def run_batch(opts: BatchOptions, progress: Progress | None = None) -> Summary:
    """Run (or resume) a batch; returns the summary of the whole output."""
    validate(opts)
    ids = input_ids(opts.input, opts.input_format)
    summary = Summary(opts.fail_on)
    journal = Journal(opts.output)
    done = journal.open(lambda rec: summary.add(rec, resumed=True))
    try:
        stray = done.difference(ids)
        if stray:
            raise InputError(f"--output {opts.output}: it holds the id {sorted(stray)[0]!r}, which is not in "
                             f"{opts.input.name}; it is the output of another input (pick another --output)")
        say = progress or (lambda done, total: None)
        say(summary.rows, len(ids))
        todo = (r for r in read_rows(opts.input, opts.input_format) if r.id not in done)
        left = len(ids) - len(done)
        t0 = time.perf_counter()
        try:
            for record, pid, mb in _results(opts, todo, left):
                journal.append(record)
                summary.add(record)
                summary.note_worker(pid, mb)
                say(summary.rows, len(ids))
        finally:
            summary.seconds = time.perf_counter() - t0
    finally:
        journal.close()
    return summary


def _results(opts: BatchOptions, todo: Iterator[InputRow], left: int) -> Iterator[tuple[dict, int, float]]:
    base_dir = opts.input.resolve().parent
    if opts.engine == "ray":
        from onrecord.batch.ray_engine import run_ray

        for _id, line, pid, mb in run_ray(list(todo), base_dir, opts.workers, opts.device):
            yield json.loads(line), pid, mb
        return
    from onrecord.batch.local import cores, run_local

    workers = max(1, min(opts.workers or cores(), left))  # no process loads a model for nothing
    for result in run_local(todo, base_dir, workers, opts.device):
        yield result.record(), result.pid, result.peak_rss_mb
