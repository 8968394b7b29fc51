"""The output file, written so that a run can always resume: one JSON line per row, appended.

- Each line is written whole and flushed as its row completes; the file is fsync'd every
  ``FSYNC_EVERY_ROWS`` rows or ``FSYNC_EVERY_S`` seconds, and when the run ends.
- On start, the lines already there are read back: their ids are skipped. A last line cut short
  (no newline: the run was killed mid-write) is discarded by truncating the file to the end of the
  last complete line, and its row is checked again. Any other unreadable line means the file is not
  ours: we stop (exit 2) rather than guess, and never truncate it.
- One writer at a time: the file is locked (``flock``) while a run holds it.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from onrecord.errors import InputError, UsageError

FSYNC_EVERY_ROWS = 50
FSYNC_EVERY_S = 2.0
"""At most this much finished work is lost to a power cut (a killed process loses none: lines are
flushed to the OS as they complete)."""


TORN_PREFIX = b'{"id": '
"""How every line we write begins; a last line cut short is discarded only if it begins so (a file of
someone else's is never truncated)."""


def is_record(obj: Any) -> bool:
    return (isinstance(obj, dict) and isinstance(obj.get("id"), str)
            and (isinstance(obj.get("report"), dict) or isinstance(obj.get("error"), dict)))


class Journal:
    """The append-only output of a batch run. Use :meth:`open`, then :meth:`append`, then :meth:`close`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.torn = False
        """True when a cut-short last line was found and discarded."""
        self._fd: int | None = None
        self._unsynced = 0
        self._last_sync = time.monotonic()

    def open(self, on_record: Callable[[dict], None]) -> set[str]:
        """Lock the file (creating it), read back what is there, and return the ids already done.

        ``on_record`` sees every record read back (for the summary)."""
        target = self.path
        if target.is_dir():
            raise UsageError(f"--output {target}: is a directory")
        if not target.parent.is_dir():
            raise UsageError(f"--output {target}: folder {target.parent} does not exist")
        try:
            fd = os.open(target, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        except OSError as e:
            raise UsageError(f"--output {target}: cannot write ({e.strerror})") from None
        try:
            _lock(fd, target)
            done = self._read_back(fd, on_record)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return done

    def _read_back(self, fd: int, on_record: Callable[[dict], None]) -> set[str]:
        """Read the file line by line (it may be large); truncate a cut-short last line."""
        done: set[str] = set()
        keep = 0  # bytes of complete, readable lines
        bad = 0  # the number of an unreadable line: only a cut-short last line of ours may be one
        torn = False
        with open(fd, "rb", closefd=False) as f:
            for n, raw in enumerate(f, start=1):
                if bad:
                    raise self._not_ours(bad)
                rec = _parse(raw) if raw.endswith(b"\n") else None
                if rec is None:
                    bad, torn = n, not raw.endswith(b"\n") and raw.startswith(TORN_PREFIX)
                    continue
                if rec["id"] in done:
                    raise InputError(f"--output {self.path}: the id {rec['id']!r} is there twice (line {n})")
                done.add(rec["id"])
                on_record(rec)
                keep += len(raw)
        if bad and not torn:
            raise self._not_ours(bad)
        if torn:
            os.ftruncate(fd, keep)
            os.fsync(fd)
            self.torn = True
        return done

    def _not_ours(self, line: int) -> InputError:
        return InputError(f"--output {self.path}: line {line} is not a batch result; this file was not written "
                          "by onrecord batch (pick another --output, or move it away)")

    def append(self, record: dict) -> None:
        """Write one record as one line, flushed to the OS at once (a crash loses no finished row)."""
        assert self._fd is not None
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        view = memoryview(line)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        self._unsynced += 1
        if self._unsynced >= FSYNC_EVERY_ROWS or time.monotonic() - self._last_sync >= FSYNC_EVERY_S:
            self.sync()

    def sync(self) -> None:
        if self._fd is not None and self._unsynced:
            os.fsync(self._fd)
            self._unsynced = 0
            self._last_sync = time.monotonic()

    def close(self) -> None:
        if self._fd is not None:
            self.sync()
            os.close(self._fd)  # closing releases the lock
            self._fd = None


def _parse(raw: bytes) -> dict | None:
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return obj if is_record(obj) else None


def _lock(fd: int, target: Path) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory lock, one writer is on the user
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise UsageError(f"--output {target}: another onrecord batch is writing it") from None
