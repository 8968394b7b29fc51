"""Batch input: rows read from JSONL, CSV or Parquet, and one row turned into the documents to check.

A row is the ``POST /v1/check`` body plus an id::

    {"id": "r1", "text": "...", "sources": [{"id": "letter", "text": "..."}, {"path": "memo.pdf"}]}

- ``id``: a string (a number is written as its decimal string). A row without one gets its row
  number: the line number in a JSONL file, the 1-based data row in CSV and Parquet.
- ``sources``: a list of objects, or that list as a JSON string (how CSV and Parquet carry it). Each
  source gives ``text`` (with an optional ``format``: txt, md or html) or ``path``: a file loaded as
  ``onrecord check --source`` loads it, relative to the folder of the input file when not absolute.
  ``id`` defaults to ``source1``, ``source2``… for a text and to the file's name for a path;
  ``title`` is optional. Other keys of a row are ignored (rows often carry a question or a gold
  answer beside what is checked).

A file that cannot be read at all is an ``InputError`` (exit 2); a row that cannot be used becomes a
:class:`RowError`, written to the output in its place.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onrecord.documents import Document, from_text
from onrecord.errors import InputError, OnrecordError

FORMATS = ("jsonl", "csv", "parquet")
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv",
               ".parquet": "parquet", ".pq": "parquet"}
_TEXT_FORMATS = ("txt", "md", "html")


@dataclass(frozen=True)
class RowError:
    """Why a row could not be checked: a stable ``code`` and a one-line ``message``."""

    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class InputRow:
    """One input row: its number, its id, and either its fields or why they could not be read."""

    number: int
    id: str
    data: dict[str, Any] | None
    error: RowError | None = None


class RowProblem(Exception):
    """A row that cannot be checked; carries the :class:`RowError` written in its place."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.error = RowError(code, message)


def input_format(path: Path, given: str | None = None) -> str:
    """The input's format: ``given``, else from the file's extension."""
    if given:
        return given
    fmt = _EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path.name}: cannot tell the input format from the extension "
                         f"{path.suffix or '(none)'}; use .jsonl, .csv or .parquet (or --input-format)")
    return fmt


def read_rows(path: Path, fmt: str | None = None) -> Iterator[InputRow]:
    """Every row of the input file, in order. Raises ``InputError`` when the file itself is unusable."""
    if not path.is_file():
        raise InputError(f"{path}: no such file" if not path.exists() else f"{path}: is not a file")
    kind = input_format(path, fmt)
    if kind == "jsonl":
        yield from _jsonl_rows(path)
    elif kind == "csv":
        yield from _csv_rows(path)
    else:
        yield from _parquet_rows(path)


def parse_row(number: int, data: Any) -> InputRow:
    """A row from its parsed fields (its id checked; the rest is checked by :func:`documents`)."""
    if not isinstance(data, dict):
        return InputRow(number, str(number), None,
                        RowError("malformed_row", f"row {number}: expected a JSON object, got {_kind(data)}"))
    rid = data.get("id")
    if rid is None or rid == "":
        return InputRow(number, str(number), data)
    if isinstance(rid, bool) or not isinstance(rid, str | int):
        return InputRow(number, str(number), None,
                        RowError("malformed_row", f"row {number}: id must be a string, got {_kind(rid)}"))
    return InputRow(number, str(rid), data)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            type(None): "null"}.get(type(value), "a number")


def _jsonl_rows(path: Path) -> Iterator[InputRow]:
    with _open_input(path, "rb") as f:
        for number, raw in enumerate(f, start=1):
            if not raw.strip():
                continue  # a blank line is no row (a trailing newline, a spacer)
            try:
                data = json.loads(raw.decode("utf-8-sig"))  # tolerate a byte-order mark
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                yield InputRow(number, str(number), None,
                               RowError("invalid_json", f"line {number}: not valid JSON ({_first_line(e)})"))
                continue
            yield parse_row(number, data)


def _csv_rows(path: Path) -> Iterator[InputRow]:
    csv.field_size_limit(sys.maxsize)  # a source's text is one field; the default limit is 128 KiB
    with _open_input(path, "r", encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in ("text", "sources") if c not in (reader.fieldnames or ())]
        if missing:
            raise InputError(f"{path.name}: the CSV header has no {' or '.join(missing)} column "
                             "(columns: id, text, sources as JSON)")
        try:
            for number, data in enumerate(reader, start=1):
                yield parse_row(number, {k: v for k, v in data.items() if k is not None})
        except (csv.Error, UnicodeDecodeError) as e:
            raise InputError(f"{path.name}: not readable as CSV ({_first_line(e)})") from None


def _parquet_rows(path: Path) -> Iterator[InputRow]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install 'onrecord[parquet]'") from None
    try:
        pf = pq.ParquetFile(path)
    except Exception as e:  # pyarrow raises its own ArrowInvalid/OSError family
        raise InputError(f"{path.name}: not readable as Parquet ({_first_line(e)})") from None
    names = pf.schema_arrow.names
    missing = [c for c in ("text", "sources") if c not in names]
    if missing:
        raise InputError(f"{path.name}: the Parquet file has no {' or '.join(missing)} column")
    number = 0
    for batch in pf.iter_batches(batch_size=256):
        for data in batch.to_pylist():
            number += 1
            yield parse_row(number, data)


def _open_input(path: Path, mode: str, **kw: Any):
    try:
        return open(path, mode, **kw)  # noqa: SIM115 - returned to a with statement
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror or e})") from None


def _first_line(e: BaseException) -> str:
    return (str(e).splitlines() or [type(e).__name__])[0]


# --------------------------------------------------------------------------- a row's documents


def documents(row: InputRow, base_dir: Path) -> tuple[Document, list[Document]]:
    """The text and the sources of ``row``. Raises :class:`RowProblem` for anything unusable."""
    if row.error is not None:
        raise RowProblem(row.error.code, row.error.message)
    data = row.data or {}
    text = data.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise RowProblem("empty_text", f"row {row.id!r}: text is missing or empty")
    if not isinstance(text, str):
        raise RowProblem("malformed_row", f"row {row.id!r}: text must be a string, got {_kind(text)}")
    specs = _source_specs(row.id, data.get("sources"))
    docs = [_source(row.id, i, s, base_dir) for i, s in enumerate(specs, start=1)]
    ids = [d.id for d in docs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise RowProblem("duplicate_source_id", f"row {row.id!r}: two sources have the id {dupes[0]!r}")
    return from_text(text, id="text"), docs


def _source_specs(rid: str, sources: Any) -> list[Any]:
    if isinstance(sources, str):
        if not sources.strip():
            sources = None
        else:
            try:
                sources = json.loads(sources)
            except json.JSONDecodeError as e:
                raise RowProblem("malformed_row", f"row {rid!r}: sources is not valid JSON ({e})") from None
    if sources is None or sources == []:
        raise RowProblem("no_sources", f"row {rid!r}: no sources: give at least one")
    if not isinstance(sources, list):
        raise RowProblem("malformed_row", f"row {rid!r}: sources must be a list, got {_kind(sources)}")
    return sources


def _source(rid: str, n: int, spec: Any, base_dir: Path) -> Document:
    where = f"row {rid!r}, source {n}"
    if not isinstance(spec, dict):
        raise RowProblem("bad_source", f"{where}: expected an object with text or path, got {_kind(spec)}")
    sid, title, fmt = spec.get("id"), spec.get("title"), spec.get("format") or "txt"
    text, path = spec.get("text"), spec.get("path")
    if sid is not None and (isinstance(sid, bool) or not isinstance(sid, str | int) or sid == ""):
        raise RowProblem("bad_source", f"{where}: id must be a non-empty string")
    sid = None if sid is None else str(sid)
    if (text is None) == (path is None):
        raise RowProblem("bad_source", f"{where}: give either text or path")
    if path is not None:
        if not isinstance(path, str) or not path:
            raise RowProblem("bad_source", f"{where}: path must be a non-empty string")
        return _load_path(where, base_dir / path, sid, title)
    if not isinstance(text, str) or not text.strip():
        raise RowProblem("bad_source", f"{where}: text is empty")
    if fmt not in _TEXT_FORMATS:
        raise RowProblem("bad_source", f"{where}: format must be txt, md or html, got {fmt!r}")
    sid = sid or f"source{n}"
    if fmt == "txt":
        return from_text(text, id=sid, title=title or sid)
    from onrecord.documents import load_bytes

    try:
        doc = load_bytes(text.encode("utf-8"), f"{sid}.{fmt}", id=sid, title=title)
    except OnrecordError as e:
        raise RowProblem("unreadable_source", f"{where}: {e.message}") from None
    return doc


def _load_path(where: str, path: Path, sid: str | None, title: Any) -> Document:
    from onrecord.documents import load

    try:
        doc = load(path, id=sid)
    except OnrecordError as e:
        raise RowProblem("unreadable_source", f"{where}: {e.message}") from None
    if isinstance(title, str) and title:
        doc.title = title
    return doc
