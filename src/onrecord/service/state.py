"""What the app's routes share: the limits, the one Checker, the bounded pools, the check queue.

Routes get it with ``Depends(get_state)`` (or ``Depends(get_limits)``), never from closures."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from fastapi import Request

from onrecord.limits import Limits

if TYPE_CHECKING:
    from onrecord.pipeline import Checker

log = logging.getLogger("onrecord.service")
T = TypeVar("T")


class CheckerHolder:
    """The app's one Checker: built on first use under a lock, so concurrent first requests wait
    for a single load instead of each loading the model."""

    def __init__(self, checker: Checker | None, factory: Callable[[], Checker] | None) -> None:
        self._checker = checker
        self._factory = factory
        self._lock = threading.Lock()
        self.loads = 0
        self.load_seconds: float | None = None

    @property
    def loaded(self) -> bool:
        return self._checker is not None

    def get(self) -> Checker:
        checker = self._checker
        if checker is not None:
            return checker
        with self._lock:
            if self._checker is None:
                t0 = time.perf_counter()
                if self._factory is not None:
                    made = self._factory()
                else:
                    from onrecord.pipeline import Checker

                    made = Checker()
                # Checker loads its model on first use: do it now, once, not inside a timed check.
                _ = getattr(made, "model", None)
                self.load_seconds = time.perf_counter() - t0
                self.loads += 1
                self._checker = made
                log.info("onrecord: model loaded in %.1f s", self.load_seconds)
            return self._checker


@dataclass
class ServiceState:
    limits: Limits
    holder: CheckerHolder
    workers: int
    checks: ThreadPoolExecutor = field(init=False)
    loads: ThreadPoolExecutor = field(init=False)
    pending: int = 0
    """Checks submitted and not finished (running ones included, abandoned ones until they stop)."""
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    progress: dict[str, dict[str, Any]] = field(default_factory=dict, init=False)
    """Progress id (header X-Onrecord-Progress) -> the running check's latest stage and counts."""

    def __post_init__(self) -> None:
        self.checks = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="onrecord-check")
        # Parsing a document (lxml, pypdf) takes memory: only this many at a time, off the event loop.
        self.loads = ThreadPoolExecutor(max_workers=self.limits.max_concurrent_loads,
                                        thread_name_prefix="onrecord-load")

    @property
    def waiting(self) -> int:
        return max(0, self.pending - self.workers)

    @property
    def busy(self) -> bool:
        """Every worker has a check: a new one would wait."""
        return self.pending >= self.workers

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Run a check in the check pool, counted in ``pending`` until it ends or is dropped unstarted."""
        with self._lock:
            self.pending += 1
        job = self.checks.submit(fn, *args)
        job.add_done_callback(self._done)
        return job

    def _done(self, _: Future) -> None:
        with self._lock:
            self.pending -= 1

    async def load(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a parsing function in the bounded load pool."""
        return await asyncio.get_running_loop().run_in_executor(self.loads, fn, *args)

    def shutdown(self) -> None:
        self.checks.shutdown(wait=False, cancel_futures=True)
        self.loads.shutdown(wait=False, cancel_futures=True)


def get_state(request: Request) -> ServiceState:
    return request.app.state.service


def get_limits(request: Request) -> Limits:
    return get_state(request).limits
