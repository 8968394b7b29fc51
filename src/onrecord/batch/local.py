"""The local engine: rows checked in this process (one worker) or in spawned worker processes.

Each worker process loads the model once and runs ONNX Runtime on its share of the cores
(``threads = max(1, cores // workers)``), so N workers never ask for more threads than there are
cores. Results come back in completion order; only the caller writes output.
"""

from __future__ import annotations

import os
import resource
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from onrecord.batch.rows import InputRow, RowError, RowProblem, documents
from onrecord.errors import OnrecordError

if TYPE_CHECKING:
    from onrecord.pipeline import Checker
    from onrecord.report import Report

IN_FLIGHT_PER_WORKER = 2
"""Rows queued per worker: one running and one waiting, so no worker idles between rows while the
parent holds only a few rows in memory."""


class WorkerCrashed(OnrecordError):
    """A worker process died (killed, out of memory). Rows already written stay; a rerun resumes."""

    code = "E301"
    exit_code = 3


@dataclass(frozen=True)
class RowResult:
    """One checked row: a report or an error, and the peak memory of the process that checked it."""

    id: str
    report: Report | None
    error: RowError | None
    pid: int = 0
    peak_rss_mb: float = 0.0

    def record(self) -> dict:
        """The output line's object: ``{"id", "report"}`` or ``{"id", "error"}``."""
        if self.report is not None:
            return {"id": self.id, "report": self.report.to_dict()}
        assert self.error is not None
        return {"id": self.id, "error": self.error.to_dict()}


def cores() -> int:
    """The cores this process may run on (the affinity mask, not the machine's total)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def threads_per_worker(workers: int) -> int:
    return max(1, cores() // max(1, workers))


def peak_rss_mb() -> float:
    """This process's peak resident memory in MiB: the kernel's VmHWM, which starts afresh at exec
    (getrusage's maxrss can carry the peak of the process that started this one)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:  # pragma: no cover - not Linux
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def check_row(checker: Checker, row: InputRow, base_dir: Path) -> RowResult:
    """Check one row; every failure becomes the row's error, never an exception."""
    try:
        text, sources = documents(row, base_dir)
        # No cache clearing between rows: the models read each input alone, so a row's report does not
        # depend on the rows this process checked before, and passages shared by rows are embedded once.
        report = checker.check(text, sources)
        return RowResult(row.id, report, None, os.getpid(), peak_rss_mb())
    except RowProblem as p:
        error = p.error
    except OnrecordError as e:
        error = RowError("check_failed", f"row {row.id!r}: {e.message}")
    except Exception as e:  # a bug on one row must not stop the others; the message says what
        error = RowError("internal_error", f"row {row.id!r}: {type(e).__name__}: {e}".splitlines()[0])
    return RowResult(row.id, None, error, os.getpid(), peak_rss_mb())


# --------------------------------------------------------------------------- worker processes

_worker_checker: Checker | None = None
_worker_failure: OnrecordError | None = None
"""Why this worker could not load the model (an installation problem): raised on its first row, so
the parent stops with that message instead of a dead pool."""


ORPHAN_CHECK_S = 1.0
"""How often a worker checks that its parent is alive: after a ``kill -9`` of the parent nobody
would stop the workers, and they would hold memory and cores until they finished."""


def _init_worker(device: str, threads: int, parent: int) -> None:
    global _worker_checker, _worker_failure
    # Ctrl-C goes to the whole process group: the parent handles it, workers just finish or get stopped.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True, name="onrecord-orphan").start()
    os.environ["ONRECORD_THREADS"] = str(threads)

    try:
        _worker_checker = loaded_checker(device)
    except OnrecordError as e:
        _worker_failure = e


def loaded_checker(device: str, checker: Checker | None = None) -> Checker:
    """A checker with its model and embedder loaded, so that an installation problem (exit 3) or a
    missing GPU (exit 2) stops the run before the first row instead of failing every row."""
    from onrecord.pipeline import Checker

    checker = checker or Checker(device=device)
    _ = checker.model, checker.embedder
    return checker


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_S)
    os._exit(1)


def _work(row: InputRow, base_dir: Path) -> RowResult:
    if _worker_failure is not None:
        raise _worker_failure
    assert _worker_checker is not None
    return check_row(_worker_checker, row, base_dir)


def run_local(rows: Iterable[InputRow], base_dir: Path, workers: int, device: str = "auto",
              checker: Checker | None = None) -> Iterator[RowResult]:
    """Check ``rows``; yield each result as it completes. ``workers`` 1 runs in this process."""
    if workers <= 1:
        checker = loaded_checker(device, checker)
        for row in rows:
            yield check_row(checker, row, base_dir)
        return
    yield from _run_pool(rows, base_dir, workers, device)


def _run_pool(rows: Iterable[InputRow], base_dir: Path, workers: int, device: str) -> Iterator[RowResult]:
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                               initializer=_init_worker, initargs=(device, threads_per_worker(workers), os.getpid()))
    pending: set[Future] = set()
    todo = iter(rows)
    try:
        while True:
            for row in todo:
                pending.add(pool.submit(_work, row, base_dir))
                if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    break
            if not pending:
                return
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                yield fut.result()
    except BrokenProcessPool:
        raise WorkerCrashed("a worker process died (killed or out of memory?); the rows written so far "
                            "are kept: run the same command again to resume") from None
    finally:
        for fut in pending:
            fut.cancel()
        _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now: on Ctrl-C or an error nobody waits for the rows they are on."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        if p.is_alive():
            p.terminate()
    for p in procs:
        p.join(timeout=5)
