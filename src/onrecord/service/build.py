"""The app assembled: ``POST /v1/check``, ``POST /v1/render``, ``GET /v1/progress/{id}``, the web
page at ``/``, ``/healthz``; OpenAPI at ``/docs``.

    from onrecord.service import create_app, serve
    serve()                      # http://127.0.0.1:8000 (loopback unless told otherwise)

One :class:`~onrecord.pipeline.Checker` per app, loaded once (at startup with ``serve``, else on the
first check) and shared by every request; documents are parsed in a small bounded pool and checks run
in a bounded pool, so the event loop stays free. The service never fetches URLs and never opens a
path named by a request. Every error is JSON ``{"error": {"code", "message", "onrecord_code"}}``
(``onrecord.errors`` gives each its status); see docs/service.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from onrecord import __version__
from onrecord.limits import DEFAULT_LIMITS, Limits, cpu_count

from .checking import router as check_router
from .errors import ApiError, install_error_handlers
from .guard import LOOPBACK_NAMES, Guard
from .openapi import install_openapi
from .pages import WEB_DIR
from .pages import router as pages_router
from .state import CheckerHolder, ServiceState

if TYPE_CHECKING:
    from onrecord.pipeline import Checker

__all__ = ["ApiError", "create_app"]


def create_app(checker: Checker | None = None, max_request_bytes: int | None = None,
               max_document_chars: int | None = None, time_budget_s: float | None = None, *,
               max_sources: int | None = None, limits: Limits | None = None, workers: int | None = None,
               preload: bool = False, checker_factory: Callable[[], Checker] | None = None,
               token: str | None = None, allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The FastAPI app.

    ``checker``: a ready Checker to share; when None, one is built on the first check (or at startup
    with ``preload=True``) by ``checker_factory`` (default ``Checker()``). ``limits`` (default the
    service's), with any of the single limits given beside it. ``workers``: checks run at the same
    time (default: the CPU count). ``token``: required of ``/v1/*``. ``allowed_hosts``: Host names
    answered besides the loopback ones (``"*"``: any).
    """
    limits = (limits or DEFAULT_LIMITS).with_(max_request_bytes=max_request_bytes, max_sources=max_sources,
                                              max_document_chars=max_document_chars, time_budget_s=time_budget_s)
    state = ServiceState(limits, CheckerHolder(checker, checker_factory), workers or cpu_count())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if preload and not state.holder.loaded:
            await run_in_threadpool(state.holder.get)
        try:
            yield
        finally:
            state.shutdown()

    app = FastAPI(title="onrecord", version=__version__, lifespan=lifespan, description=(
        "Check a text's claims and quotes against source documents. The report is the JSON contract "
        '(`"onrecord": "1"`, docs/report.md), with the checked text and each source\'s text added.'))
    app.state.service = state
    app.state.onrecord = state.holder
    # A report carries the texts back (and its JSON escapes), so rendering one may take more.
    app.add_middleware(Guard, allowed_hosts=[*LOOPBACK_NAMES, *allowed_hosts], token=token,
                       max_bytes=limits.max_request_bytes, per_path={"/v1/render": 4 * limits.max_request_bytes})
    install_error_handlers(app)
    app.include_router(pages_router)
    app.include_router(check_router)
    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    install_openapi(app)
    return app
