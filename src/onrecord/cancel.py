"""Cooperative cancellation: a deadline (and a cancel flag) that a long check polls.

The caller that owns a check (the service, a batch runner) sets a deadline around it::

    with cancel.deadline(120.0) as d:       # in the thread that runs the check
        checker.check(text, sources)        # raises CheckCancelled once d expires or d.cancel()

and the check's loops call ``cancel.checkpoint()`` between units of work (claims, model batches,
embedding batches). Outside any ``deadline`` block ``checkpoint()`` costs one context-variable read
and never raises, so library code can call it everywhere.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from onrecord.errors import Errors


@dataclass
class Deadline:
    budget_s: float | None
    started: float = field(default_factory=time.monotonic)
    flag: threading.Event = field(default_factory=threading.Event)

    @property
    def expired(self) -> bool:
        if self.flag.is_set():
            return True
        return self.budget_s is not None and time.monotonic() - self.started > self.budget_s

    def cancel(self) -> None:
        self.flag.set()

    def check(self) -> None:
        if self.expired:
            raise Errors.E401.error(budget=self.budget_s or 0.0)


_current: ContextVar[Deadline | None] = ContextVar("onrecord_deadline", default=None)


@contextmanager
def deadline(budget_s: float | None = None, handle: Deadline | None = None) -> Iterator[Deadline]:
    """Run the block under ``handle`` (or a new Deadline of ``budget_s`` seconds)."""
    d = handle or Deadline(budget_s)
    token = _current.set(d)
    try:
        yield d
    finally:
        _current.reset(token)


def checkpoint() -> None:
    """Raise ``CheckCancelled`` when the current check's deadline has passed or it was cancelled."""
    d = _current.get()
    if d is not None:
        d.check()


def polling(progress: Callable[[str, int, int], None] | None) -> Callable[[str, int, int], None]:
    """A progress callback that polls ``checkpoint()`` first, then forwards to ``progress``.

    The Checker reports progress between claims, so passing this as its ``progress`` stops a
    cancelled check at the next claim without any change to the Checker."""

    def say(stage: str, done: int, total: int) -> None:
        checkpoint()
        if progress is not None:
            progress(stage, done, total)

    return say
