"""The web page (``GET``/``HEAD /``), its assets, ``/healthz`` and ``POST /v1/render``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from onrecord import __version__
from onrecord.errors import Errors

from .parsing import MAX_JSON_DEPTH, content_type, parse_json
from .state import ServiceState, get_state

WEB_DIR = Path(__file__).resolve().parent.parent / "web"

# The app page: everything from this origin, nothing from anywhere else.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

router = APIRouter()


@router.head("/", include_in_schema=False)
@router.get("/", include_in_schema=False)
async def index() -> HTMLResponse:
    page = (WEB_DIR / "index.html").read_text(encoding="utf-8")
    return HTMLResponse(page, headers={"Content-Security-Policy": PAGE_CSP, "Cache-Control": "no-cache"})


@router.head("/healthz", include_in_schema=False)
@router.get("/healthz", tags=["service"])
async def healthz(state: ServiceState = Depends(get_state)) -> JSONResponse:
    """Liveness and saturation: 200 `"ok"` while a worker is free, 503 `"busy"` while every worker
    has a check (a new one would wait; `waiting` of them already do). Also whether the model is loaded
    (and how many times it was) and the limits."""
    body: dict[str, Any] = {
        "status": "busy" if state.busy else "ok",
        "running": min(state.pending, state.workers),
        "waiting": state.waiting,
        "workers": state.workers,
        "model_loaded": state.holder.loaded,
        "model_loads": state.holder.loads,
        "version": __version__,
        "limits": state.limits.to_dict(),
    }
    return JSONResponse(body, status_code=503 if state.busy else 200)


@router.post("/v1/render", tags=["check"], summary="Render a report as one self-contained HTML file",
             response_class=HTMLResponse, openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": {"type": "object", "description": "A report from /v1/check"}}}}})
async def render(request: Request, state: ServiceState = Depends(get_state)) -> Response:
    """The HTML report for a report JSON (as returned by `/v1/check`, texts included): the same
    viewer as the page, inlined, working offline."""
    ctype = content_type(request.headers.get("content-type"))
    if ctype != "application/json":
        raise Errors.E407.error(expected="the report as application/json", got=ctype or "nothing")
    data = await state.load(parse_json, await request.body(), MAX_JSON_DEPTH)
    if not isinstance(data, dict) or not all(isinstance(data.get(k), list) for k in ("sources", "claims", "quotes")):
        raise Errors.E409.error(detail="")
    page = await state.load(_render, data)
    return HTMLResponse(page, headers={"Content-Disposition": 'attachment; filename="onrecord-report.html"'})


def _render(data: dict) -> str:
    from onrecord.render.html import render_html

    try:
        return render_html(data)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:  # a report not as /v1/check makes
        raise Errors.E409.error(detail=f" (it cannot be rendered: {type(e).__name__} {str(e)[:80]})") from None
