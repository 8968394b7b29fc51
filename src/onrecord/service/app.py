"""The HTTP service: ``POST /v1/check``, the web page at ``/``, ``/healthz``; OpenAPI at ``/docs``.

    from onrecord.service.app import create_app, serve
    serve()                      # http://127.0.0.1:8000 (loopback unless told otherwise)

One :class:`~onrecord.pipeline.Checker` per app, loaded once (at startup with ``serve``, else on the
first check) and shared by every request; checks run in a bounded thread pool so the event loop
stays free. The service never fetches URLs and never opens a path named by a request: sources are
the bytes or text sent in the request, and a file name is used only for its extension and stem.

Every error is JSON ``{"error": {"code": "...", "message": "..."}}`` with a clear HTTP status:
413 (request or document too large, the limit in the message), 415 (unsupported type), 422 (wrong
or missing fields, empty input), 503 (time budget exceeded, or the model cannot be loaded).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from onrecord import __version__
from onrecord.documents import Document, from_text
from onrecord.errors import InputError, ModelError, OnrecordError, UnsupportedFormatError
from onrecord.render.html import render_html

if TYPE_CHECKING:
    from onrecord.pipeline import Checker

log = logging.getLogger("onrecord.service.app")

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
MiB = 1024 * 1024

DEFAULT_MAX_REQUEST_BYTES = 20 * MiB
"""Whole request body (JSON or multipart), bytes. PDFs are the bulky case."""
DEFAULT_MAX_DOCUMENT_CHARS = 1_000_000
"""Any one loaded document (the text or a source), characters after loading."""
DEFAULT_MAX_SOURCES = 32
DEFAULT_TIME_BUDGET_S = 120.0
"""Wall-clock seconds for one request's loading and checking (model loading not counted)."""

# A declared body over the limit is answered at once when the client waits for "100 Continue";
# otherwise up to this much is read and dropped first, so the client sees the 413 rather than a
# reset connection.
_DRAIN_CAP_BYTES = 64 * MiB

# The app page: everything from this origin, nothing from anywhere else.
_PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


# --------------------------------------------------------------------------- errors


class ApiError(Exception):
    """An error answered as ``{"error": {"code", "message"}}`` with ``status``."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra


def _error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def _error_response(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse(_error_body(code, message, **extra), status_code=status)


def _fmt_bytes(n: int) -> str:
    if n >= MiB:
        return f"{n:,} bytes ({n / MiB:.1f} MiB)"
    if n >= 1024:
        return f"{n:,} bytes ({n / 1024:.0f} KiB)"
    return f"{n:,} bytes"


def _input_error(err: OnrecordError, what: str) -> ApiError:
    if isinstance(err, UnsupportedFormatError):
        return ApiError(415, "unsupported_format", f"{what}: {err.message}", onrecord_code=err.code)
    return ApiError(422, "unreadable_input", f"{what}: {err.message}", onrecord_code=err.code)


# --------------------------------------------------------------------------- request body limit


class BodyLimitMiddleware:
    """Reads the whole request body up front, refusing more than ``max_bytes`` with a 413.

    Checks Content-Length first and counts while reading (a chunked body has no length to trust).
    The body is then replayed to the app, so handlers never see more than the limit.
    """

    def __init__(self, app: Any, max_bytes: int, per_path: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.per_path = per_path or {}

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.per_path.get(scope.get("path", ""), self.max_bytes)
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                n = int(declared)
            except ValueError:
                await self._reply(send, 400, "bad_request", "Content-Length is not a number")
                return
            if n > limit:
                if headers.get(b"expect", b"").lower() != b"100-continue" and n <= _DRAIN_CAP_BYTES:
                    await self._drain(receive)
                await self._too_large(send, f"the request body is {_fmt_bytes(n)}", limit)
                return
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > limit:
                if total <= _DRAIN_CAP_BYTES and message.get("more_body", False):
                    total += await self._drain(receive)
                await self._too_large(send, "the request body is larger than that", limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> dict:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _drain(self, receive: Callable) -> int:
        seen = 0
        while seen <= _DRAIN_CAP_BYTES:
            message = await receive()
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if not message.get("more_body", False):
                break
        return seen

    async def _too_large(self, send: Callable, what: str, limit: int) -> None:
        await self._reply(
            send,
            413,
            "request_too_large",
            f"{what}; the limit is {_fmt_bytes(limit)} per request",
            limit_bytes=limit,
        )

    @staticmethod
    async def _reply(send: Callable, status: int, code: str, message: str, **extra: Any) -> None:
        body = json.dumps(_error_body(code, message, **extra)).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


# --------------------------------------------------------------------------- request models


class SourceIn(BaseModel):
    """One source sent as text."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, min_length=1, max_length=200, description="Defaults to source1, source2, …")
    text: str = Field(description="The source's text (or HTML/Markdown, see format).")
    title: str | None = Field(None, max_length=500)
    format: Literal["txt", "md", "html"] = Field(
        "txt", description="How to read text: plain, Markdown or HTML."
    )


class CheckRequest(BaseModel):
    """Check ``text`` against ``sources``."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The text whose claims and quotes are checked.")
    sources: list[SourceIn] = Field(description="One or more sources to check the text against.")


_MULTIPART_SCHEMA = {
    "type": "object",
    "properties": {
        "text": {"type": "string", "description": "The text to check (or send text_file)."},
        "text_file": {"type": "string", "format": "binary", "description": "The text to check as a file."},
        "sources": {
            "type": "array",
            "items": {"type": "string", "format": "binary"},
            "description": "Source files: txt, md, html, pdf, docx. A source's id is its file name without "
            "extension.",
        },
    },
    "required": ["sources"],
}


# --------------------------------------------------------------------------- the shared checker


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


# --------------------------------------------------------------------------- the app


def create_app(
    checker: Checker | None = None,
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
    max_document_chars: int = DEFAULT_MAX_DOCUMENT_CHARS,
    time_budget_s: float = DEFAULT_TIME_BUDGET_S,
    *,
    max_sources: int = DEFAULT_MAX_SOURCES,
    workers: int | None = None,
    preload: bool = False,
    checker_factory: Callable[[], Checker] | None = None,
) -> FastAPI:
    """The FastAPI app.

    ``checker``: a ready Checker to share; when None, one is built on the first check (or at startup
    with ``preload=True``) by ``checker_factory`` (default ``Checker()``). ``workers``: checks run at
    the same time (default: the CPU count); more requests wait their turn, inside their time budget.
    """
    holder = CheckerHolder(checker, checker_factory)
    n_workers = workers or max(1, os.cpu_count() or 1)
    executor = ThreadPoolExecutor(max_workers=n_workers, thread_name_prefix="onrecord-check")
    limits = {
        "max_request_bytes": max_request_bytes,
        "max_document_chars": max_document_chars,
        "max_sources": max_sources,
        "time_budget_s": time_budget_s,
    }

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if preload and not holder.loaded:
            await run_in_threadpool(holder.get)
        try:
            yield
        finally:
            executor.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="onrecord",
        version=__version__,
        description="Check a text's claims and quotes against source documents. The report is the JSON "
        'contract of DESIGN.md (`"onrecord": "1"`), with the checked text and each source\'s text added.',
        lifespan=lifespan,
    )
    app.state.onrecord = holder
    app.state.limits = limits
    # A report carries the texts back (and its JSON escapes), so rendering one may take more.
    app.add_middleware(
        BodyLimitMiddleware, max_bytes=max_request_bytes, per_path={"/v1/render": 4 * max_request_bytes}
    )

    # ---- errors: always {"error": {"code", "message"}}

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error_response(exc.status, exc.code, exc.message, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = jsonable_encoder(exc.errors())
        first = errors[0] if errors else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        msg = f"{where}: {first.get('msg', 'invalid')}" if where else first.get("msg", "invalid request")
        body = _error_body("invalid_request", msg)
        body["detail"] = errors
        return JSONResponse(body, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, f"http_{exc.status_code}")
        return JSONResponse(
            _error_body(code, str(exc.detail)),
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    # ---- pages

    @app.get("/", include_in_schema=False)
    async def index() -> HTMLResponse:
        page = (WEB_DIR / "index.html").read_text(encoding="utf-8")
        return HTMLResponse(page, headers={"Content-Security-Policy": _PAGE_CSP, "Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")

    @app.get("/healthz", tags=["service"])
    async def healthz() -> dict[str, Any]:
        """Liveness, whether the model is loaded (and how many times it was), and the limits."""
        return {
            "status": "ok",
            "model_loaded": holder.loaded,
            "model_loads": holder.loads,
            "version": __version__,
            "limits": limits,
        }

    # ---- checking

    progress: dict[str, dict[str, Any]] = {}  # progress id -> the running check's latest stage and counts

    @app.get("/v1/progress/{pid}", tags=["check"])
    async def check_progress(pid: str) -> dict[str, Any]:
        """How far the check sent with header ``X-Onrecord-Progress: pid`` has got (empty when none runs)."""
        return progress.get(pid, {})

    def _check_size(doc_text: str, what: str) -> None:
        if len(doc_text) > max_document_chars:
            raise ApiError(
                413,
                "document_too_large",
                f"{what} has {len(doc_text):,} characters; "
                f"the limit is {max_document_chars:,} characters per document",
                limit_chars=max_document_chars,
            )

    async def _parse_json(request: Request) -> tuple[str, list[Document]]:
        raw = await request.body()
        try:
            data = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise ApiError(422, "invalid_json", f"the request body is not valid JSON: {e}") from None
        try:
            req = CheckRequest.model_validate(data)
        except ValidationError as e:
            raise RequestValidationError(
                [
                    {**err, "loc": ("body", *err["loc"])}
                    for err in e.errors(include_url=False, include_input=False)
                ]
            ) from None
        if not req.sources:
            raise ApiError(422, "no_sources", "sources is empty: give at least one source")
        _check_size(req.text, "the text")
        docs: list[Document] = []
        for i, s in enumerate(req.sources):
            sid = s.id or f"source{i + 1}"
            _check_size(s.text, f"source {sid!r}")
            if s.format == "txt":
                docs.append(from_text(s.text, id=sid, title=s.title or sid))
            else:
                docs.append(
                    await run_in_threadpool(
                        _load_bytes, s.text.encode("utf-8"), f"{sid}.{s.format}", sid, f"source {sid!r}"
                    )
                )
                if s.title:
                    docs[-1].title = s.title
        return req.text, docs

    async def _parse_multipart(request: Request) -> tuple[str, list[Document]]:
        try:
            form = await request.form(
                max_files=max_sources + 2, max_fields=max_sources + 10, max_part_size=max_request_bytes
            )
        except StarletteHTTPException as e:
            raise ApiError(
                422, "invalid_multipart", f"the multipart body cannot be read: {e.detail}"
            ) from None
        try:
            return await _read_form(form)
        finally:
            await form.close()

    async def _read_form(form: Any) -> tuple[str, list[Document]]:
        allowed = {"text", "text_file", "sources"}
        unknown = sorted(set(form.keys()) - allowed)
        if unknown:
            raise ApiError(
                422,
                "invalid_request",
                f"unknown form field(s) {', '.join(unknown)}; send text (or text_file) and sources",
            )
        texts = form.getlist("text") + form.getlist("text_file")
        if len(texts) > 1:
            raise ApiError(422, "invalid_request", "send the text once: either text or text_file")
        if not texts:
            raise ApiError(422, "empty_text", "text is missing: send a text field or a text_file upload")
        t = texts[0]
        if isinstance(t, UploadFile):
            data = await t.read()
            text = (
                await run_in_threadpool(
                    _load_bytes, data, _safe_name(t.filename, "text.txt"), "text", "the text file"
                )
            ).text
        else:
            text = t
        _check_size(text, "the text")
        parts = form.getlist("sources")
        if len(parts) > max_sources:
            raise ApiError(413, "too_many_sources", f"{len(parts)} sources sent; the limit is {max_sources}")
        docs: list[Document] = []
        for i, part in enumerate(parts):
            if isinstance(part, UploadFile):
                name = _safe_name(part.filename, f"source{i + 1}.txt")
                sid = PurePosixPath(name).stem or f"source{i + 1}"
                data = await part.read()
                doc = await run_in_threadpool(_load_bytes, data, name, sid, f"source {sid!r}")
            else:
                sid = f"source{i + 1}"
                doc = from_text(part, id=sid)
            _check_size(doc.text, f"source {sid!r}")
            docs.append(doc)
        return text, docs

    @app.post(
        "/v1/check",
        tags=["check"],
        summary="Check a text against sources",
        response_description="The report (DESIGN.md contract) with the text and the sources' texts.",
        responses={
            413: {"description": "Request body or one document too large (the limit is in the message)"},
            415: {"description": "Unsupported file type or request content type"},
            422: {"description": "Wrong or missing fields, empty text, no sources, unreadable file"},
            503: {"description": "The check ran past the time budget, or the model cannot be loaded"},
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/CheckRequest"}},
                    "multipart/form-data": {"schema": _MULTIPART_SCHEMA},
                },
            }
        },
    )
    async def check(request: Request, include_texts: bool = True) -> JSONResponse:
        """Send JSON `{"text": ..., "sources": [{"id", "text", "title", "format"}]}` or multipart form
        data (`text` or `text_file`, and one or more `sources` files: txt, md, html, pdf, docx)."""
        t0 = time.perf_counter()
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/json" or ctype.endswith("+json"):
            text, docs = await _parse_json(request)
        elif ctype == "multipart/form-data":
            text, docs = await _parse_multipart(request)
        else:
            raise ApiError(
                415,
                "unsupported_media_type",
                f"send application/json or multipart/form-data, not {ctype or 'no content type'}",
            )
        if not text.strip():
            raise ApiError(422, "empty_text", "the text to check is empty")
        if not docs:
            raise ApiError(422, "no_sources", "no sources: send at least one source")
        seen: set[str] = set()
        for d in docs:
            if d.id in seen:
                raise ApiError(
                    422, "duplicate_source_id", f"two sources have the id {d.id!r}; ids must differ"
                )
            seen.add(d.id)
            if not d.text.strip():
                raise ApiError(422, "empty_source", f"source {d.id!r} is empty")

        # The model loads once (not counted against the budget); the check itself is timed.
        try:
            checker = await run_in_threadpool(holder.get)
        except ModelError as e:
            raise ApiError(503, "model_unavailable", e.message) from None
        spent = time.perf_counter() - t0
        remaining = max(0.0, time_budget_s - spent)
        loop = asyncio.get_running_loop()
        started = time.perf_counter()
        # A page that sends X-Onrecord-Progress: ID can read GET /v1/progress/ID while this runs.
        pid = request.headers.get("x-onrecord-progress", "")[:64]
        progress[pid] = {}

        def say(stage: str, done: int, total: int) -> None:
            if pid in progress:  # a check left running past its budget stops reporting
                progress[pid] = {"stage": stage, "done": done, "total": total}

        try:
            report = await asyncio.wait_for(
                loop.run_in_executor(executor, checker.check, text, docs, say), remaining
            )
        except TimeoutError:
            raise ApiError(
                503,
                "time_budget_exceeded",
                f"the check did not finish within the time budget of {time_budget_s:g} s; "
                "send a shorter text or fewer or shorter sources, or try again when the service is less busy",
                time_budget_s=time_budget_s,
            ) from None
        except InputError as e:
            raise _input_error(e, "input") from None
        except ModelError as e:
            raise ApiError(503, "model_unavailable", e.message) from None
        except OnrecordError as e:
            raise ApiError(422, "check_failed", str(e), onrecord_code=e.code) from None
        finally:
            progress.pop(pid, None)
        took = time.perf_counter() - started
        return JSONResponse(
            report.to_dict(include_texts=include_texts),
            headers={"Server-Timing": f"check;dur={took * 1000:.0f}"},
        )

    @app.post(
        "/v1/render",
        tags=["check"],
        summary="Render a report as one self-contained HTML file",
        response_class=HTMLResponse,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"type": "object", "description": "A report from /v1/check"}
                    },
                },
            }
        },
    )
    async def render(request: Request) -> Response:
        """The HTML report for a report JSON (as returned by `/v1/check`, texts included): the same
        viewer as the page, inlined, working offline."""
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise ApiError(
                415,
                "unsupported_media_type",
                f"send the report as application/json, not {ctype or 'nothing'}",
            )
        try:
            data = json.loads(await request.body())
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise ApiError(422, "invalid_json", f"the request body is not valid JSON: {e}") from None
        if not isinstance(data, dict) or not all(
            isinstance(data.get(k), list) for k in ("sources", "claims", "quotes")
        ):
            raise ApiError(
                422, "invalid_report", "expected a report object with sources, claims and quotes lists"
            )
        page = await run_in_threadpool(render_html, data)
        return HTMLResponse(
            page, headers={"Content-Disposition": 'attachment; filename="onrecord-report.html"'}
        )

    def custom_openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        comps = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in (CheckRequest, SourceIn):
            s = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, sub in s.pop("$defs", {}).items():
                comps.setdefault(name, sub)
            comps[model.__name__] = s
        app.openapi_schema = schema
        return schema

    app.openapi = custom_openapi  # type: ignore[method-assign]
    return app


def _safe_name(filename: str | None, default: str) -> str:
    """Only the last component of a client's file name: it names the source, it is never opened."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name if name and name not in (".", "..") else default


def _load_bytes(data: bytes, filename: str, sid: str, what: str) -> Document:
    from onrecord import documents

    try:
        return documents.load_bytes(data, filename, id=sid)
    except OnrecordError as e:
        raise _input_error(e, what) from None


# --------------------------------------------------------------------------- running it


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "127.0.0.1", "::1") or host.startswith("127.")


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
    max_document_chars: int = DEFAULT_MAX_DOCUMENT_CHARS,
    time_budget_s: float = DEFAULT_TIME_BUDGET_S,
    workers: int | None = None,
    log_level: str = "info",
    device: str = "auto",
) -> None:
    """Run the service with uvicorn until interrupted. Loads the model (on ``device``) before accepting
    requests."""
    import uvicorn

    if not _is_loopback(host):
        log.warning(
            "onrecord: listening on %s, reachable from other machines; the service has no authentication",
            host,
        )
    app = create_app(
        max_request_bytes=max_request_bytes,
        max_document_chars=max_document_chars,
        time_budget_s=time_budget_s,
        workers=workers,
        preload=True,
        checker_factory=_checker_on(device),
    )
    uvicorn.run(app, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=5)


def _checker_on(device: str) -> Callable[[], Checker]:
    def make() -> Checker:
        from onrecord.pipeline import Checker

        return Checker(device=device)

    return make


@contextlib.contextmanager
def running_server(
    app: FastAPI, host: str = "127.0.0.1", port: int = 0, log_level: str = "warning"
) -> Iterator[str]:
    """Run ``app`` with uvicorn in a background thread; yields its base URL (``http://127.0.0.1:PORT``).

    For tests and notebooks: the real server on a real socket (port 0 picks a free one).
    """
    import uvicorn

    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level=log_level, lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="onrecord-uvicorn"
    )
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the server thread stopped before it started")
        if time.monotonic() > deadline:
            raise RuntimeError("the server did not start within 120 s")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{bound}" if ":" not in host else f"http://[{host}]:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
