"""``POST /v1/check``: read the request, load its documents in the bounded pool, run the check in
the bounded check pool under the time budget, and stop the work once its answer is abandoned."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from onrecord import cancel
from onrecord.documents import Document
from onrecord.errors import CheckCancelled, Errors, OnrecordError
from onrecord.inputs import validate
from onrecord.report import Report

from .errors import ApiError
from .models import MULTIPART_SCHEMA
from .parsing import (
    Pending,
    content_type,
    load_pending,
    parse_json,
    pending_from_json,
    require_count,
    source_from_upload,
)
from .state import ServiceState, get_state

router = APIRouter(tags=["check"])

_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"description": "Request body, one document or the number of sources over a limit"},
    415: {"description": "Unsupported file type or request content type"},
    422: {"description": "Wrong or missing fields, empty text, no sources, unreadable file, invalid text"},
    503: {"description": "The check ran past the time budget, the service is busy, or no model"},
}
_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"$ref": "#/components/schemas/CheckRequest"}},
    "multipart/form-data": {"schema": MULTIPART_SCHEMA}}}}


@router.post("/v1/check", summary="Check a text against sources", responses=_RESPONSES, openapi_extra=_BODY,
             response_description="The report (the JSON contract) with the text and the sources' texts.")
async def check(request: Request, include_texts: bool = True,
                state: ServiceState = Depends(get_state)) -> JSONResponse:
    """Send JSON `{"text": ..., "sources": [{"id", "text", "title", "format"}]}` or multipart form
    data (`text` or `text_file`, and one or more `sources` files: txt, md, html, pdf, docx)."""
    t0 = time.perf_counter()
    text, pending = await read_request(request, state)
    docs = [await state.load(load_pending, p, state.limits) for p in pending]
    try:
        doc, docs = validate(text, docs, state.limits)
    except OnrecordError as e:
        raise ApiError.of(e) from None
    pid = request.headers.get("x-onrecord-progress", "")[:64]
    report = await run_check(state, doc, docs, t0, pid)
    return JSONResponse(report.to_dict(include_texts=include_texts),
                        headers={"Server-Timing": f"check;dur={(time.perf_counter() - t0) * 1000:.0f}"})


async def read_request(request: Request, state: ServiceState) -> tuple[str | Document, list[Pending]]:
    """The text and the pending sources of a JSON or multipart request."""
    ctype = content_type(request.headers.get("content-type"))
    if ctype == "application/json" or ctype.endswith("+json"):
        data = await state.load(parse_json, await request.body())
        return pending_from_json(data, state.limits)
    if ctype == "multipart/form-data":
        return await read_form(request, state)
    raise Errors.E407.error(expected="application/json or multipart/form-data", got=ctype or "no content type")


async def read_form(request: Request, state: ServiceState) -> tuple[str | Document, list[Pending]]:
    limits = state.limits
    try:
        form = await request.form(max_files=limits.max_sources + 2, max_fields=limits.max_sources + 10,
                                  max_part_size=limits.max_request_bytes)
    except StarletteHTTPException as e:
        raise Errors.E410.error(reason=e.detail) from None
    try:
        unknown = sorted(set(form.keys()) - {"text", "text_file", "sources"})
        if unknown:
            raise Errors.E408.error(message=f"unknown form field(s) {', '.join(unknown)}; send text (or "
                                    "text_file) and sources")
        texts = form.getlist("text") + form.getlist("text_file")
        if len(texts) > 1:
            raise Errors.E408.error(message="send the text once: either text or text_file")
        if not texts:
            raise Errors.E122.error()
        parts = form.getlist("sources")
        require_count(len(parts), limits)
        text = await _form_text(texts[0], state)
        pending = [source_from_upload(i, p.filename, await p.read()) if isinstance(p, UploadFile)
                   else Pending(f"source{i + 1}", f"source 'source{i + 1}'", text=p) for i, p in enumerate(parts)]
        return text, pending
    finally:
        await form.close()


async def _form_text(t: str | UploadFile, state: ServiceState) -> str | Document:
    if not isinstance(t, UploadFile):
        return t
    from .parsing import safe_name

    p = Pending("text", "the text file", data=await t.read(), filename=safe_name(t.filename, "text.txt"))
    return await state.load(load_pending, p, state.limits)


@router.get("/v1/progress/{pid}")
async def check_progress(pid: str, state: ServiceState = Depends(get_state)) -> dict[str, Any]:
    """How far the check sent with header ``X-Onrecord-Progress: pid`` has got (empty when none runs)."""
    return state.progress.get(pid, {})


def _run(checker: Any, doc: Document, docs: list[Document], handle: cancel.Deadline,
         say: Callable[[str, int, int], None]) -> Report:
    """In a check worker: the check under ``handle``, polled between claims and model batches."""
    with cancel.deadline(handle=handle):
        handle.check()  # abandoned while it waited for a worker
        return checker.check(doc, docs, cancel.polling(say))


async def run_check(state: ServiceState, doc: Document, docs: list[Document], t0: float, pid: str = "") -> Report:
    """The check in the bounded pool, within what is left of the time budget; a check whose answer
    is abandoned (time budget, client gone) is cancelled at its next checkpoint so it frees its worker."""
    limits = state.limits
    if state.waiting >= limits.max_queue:
        raise Errors.E402.error(queue=state.waiting, limit=limits.max_queue)
    try:
        checker = await asyncio.get_running_loop().run_in_executor(None, state.holder.get)
    except OnrecordError as e:
        raise ApiError.of(e) from None
    remaining = max(0.0, limits.time_budget_s - (time.perf_counter() - t0))
    handle = cancel.Deadline(remaining)
    state.progress[pid] = {}

    def say(stage: str, done: int, total: int) -> None:
        if pid in state.progress:  # a check left running past its budget stops reporting
            state.progress[pid] = {"stage": stage, "done": done, "total": total}

    job = state.submit(_run, checker, doc, docs, handle, say)
    try:
        return await asyncio.wait_for(asyncio.wrap_future(job), remaining)
    except (TimeoutError, CheckCancelled):
        raise ApiError.of(Errors.E401.error(budget=limits.time_budget_s),
                          time_budget_s=limits.time_budget_s) from None
    except OnrecordError as e:
        raise ApiError.of(e) from None
    finally:
        handle.cancel()  # a no-op once finished; otherwise the worker stops at its next checkpoint
        state.progress.pop(pid, None)
