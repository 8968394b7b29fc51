"""Reading a check request into a text and sources: plain functions, testable without an app.

JSON and multipart bodies end in the same ``Pending`` list of sources, loaded by one function and
checked by the same rules as the Python API (``onrecord.inputs``), so a rule is written once and
worded once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from pydantic import ValidationError

from onrecord.documents import Document, from_text, load_bytes
from onrecord.errors import Errors, OnrecordError
from onrecord.inputs import require_valid
from onrecord.limits import Limits

from .errors import ApiError
from .models import CheckRequest

MAX_JSON_DEPTH = 64
"""Nesting a request or a report may have. A report is about 6 deep; Python's JSON parser recurses,
and 100,000 nested brackets must end as a 422, not an escaped RecursionError."""


@dataclass
class Pending:
    """A text or source as sent, before loading: text (``data`` None) or a file's bytes."""

    id: str
    what: str  # how messages name it: "the text", "source 'a'"
    text: str | None = None
    data: bytes | None = None
    filename: str = ""
    title: str | None = None


def content_type(header: str | None) -> str:
    return (header or "").split(";")[0].strip().lower()


def parse_json(raw: bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """The JSON value of ``raw``; invalid or too deeply nested JSON is a 422."""
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise Errors.E406.error(reason=e) from None
    except RecursionError:
        raise Errors.E135.error(what="the request body", depth=f"over {max_depth}", limit=max_depth) from None
    depth = json_depth(data, max_depth)
    if depth > max_depth:
        raise Errors.E135.error(what="the request body", depth=f"over {max_depth}", limit=max_depth)
    return data


def json_depth(value: Any, stop: int) -> int:
    """How deeply ``value`` nests lists and objects (counted without recursion; stops past ``stop``)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict | list):
            deepest = max(deepest, d)
            if deepest > stop:
                return deepest
            stack.extend((x, d + 1) for x in (v.values() if isinstance(v, dict) else v))
    return deepest


def pending_from_json(data: Any, limits: Limits) -> tuple[str, list[Pending]]:
    """The text and sources of a JSON check request (validated against ``CheckRequest``)."""
    if isinstance(data, dict) and isinstance(data.get("sources"), list):
        require_count(len(data["sources"]), limits)  # before validating a thousand of them
    try:
        req = CheckRequest.model_validate(data)
    except ValidationError as e:
        from fastapi.exceptions import RequestValidationError

        raise RequestValidationError([{**err, "loc": ("body", *err["loc"])}
                                      for err in e.errors(include_url=False, include_input=False)]) from None
    sources = []
    for i, s in enumerate(req.sources):
        sid = s.id or f"source{i + 1}"
        p = Pending(sid, f"source {sid!r}", title=s.title)
        if s.format == "txt":
            p.text = s.text
        else:
            require_valid(s.text, p.what)
            p.data, p.filename = s.text.encode("utf-8"), f"{sid}.{s.format}"
        sources.append(p)
    return req.text, sources


def require_count(n: int, limits: Limits) -> None:
    if n > limits.max_sources:
        raise Errors.E132.error(n=n, limit=limits.max_sources)


def safe_name(filename: str | None, default: str) -> str:
    """Only the last component of a client's file name: it names the source, it is never opened."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name if name and name not in (".", "..") else default


def source_from_upload(i: int, filename: str | None, data: bytes) -> Pending:
    name = safe_name(filename, f"source{i + 1}.txt")
    sid = PurePosixPath(name).stem or f"source{i + 1}"
    return Pending(sid, f"source {sid!r}", data=data, filename=name)


def load_pending(p: Pending, limits: Limits) -> Document:
    """A pending text or source as a Document, within ``limits``; errors name it (``p.what``)."""
    if p.data is None:
        text = p.text or ""
        require_valid(text, p.what)
        return from_text(text, id=p.id, title=p.title or p.id)
    try:
        doc = load_bytes(p.data, p.filename, id=p.id, limits=limits)
    except OnrecordError as e:
        raise ApiError.of(e, p.what) from None
    if p.title:
        doc.title = p.title
    return doc
