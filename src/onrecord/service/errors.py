"""Every HTTP error is JSON ``{"error": {"code", "message", ...}}``: the catalogue's errors mapped in
one place (status and code from ``onrecord.errors``), and handlers that leave nothing as plain text."""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from onrecord.errors import Errors, OnrecordError

log = logging.getLogger("onrecord.service")


class ApiError(Exception):
    """An error answered as ``{"error": {"code", "message"}}`` with ``status``."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra

    @classmethod
    def of(cls, err: OnrecordError, what: str | None = None, **extra: Any) -> ApiError:
        """A catalogue error as its HTTP answer; ``what`` (e.g. "source 'a'") prefixes the message."""
        message = f"{what}: {err.message}" if what else err.message
        return cls(err.http_status, err.api_code, message, onrecord_code=err.code, **extra)


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def error_bytes(status: int, code: str, message: str, **extra: Any) -> bytes:
    return json.dumps(error_body(code, message, **extra)).encode()


def _api_error(request: Request, exc: ApiError) -> JSONResponse:
    return JSONResponse(error_body(exc.code, exc.message, **exc.extra), status_code=exc.status)


def _onrecord_error(request: Request, exc: OnrecordError) -> JSONResponse:
    return _api_error(request, ApiError.of(exc))


def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = jsonable_encoder(exc.errors())
    first = errors[0] if errors else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
    msg = f"{where}: {first.get('msg', 'invalid')}" if where else first.get("msg", "invalid request")
    body = error_body("invalid_request", msg, onrecord_code=Errors.E408.code)
    body["detail"] = errors[:20]
    return JSONResponse(body, status_code=422)


def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, f"http_{exc.status_code}")
    return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code,
                        headers=getattr(exc, "headers", None))


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("onrecord: internal error on %s", request.url.path, exc_info=exc)
    err = Errors.E900.error(reason=type(exc).__name__)
    return JSONResponse(error_body(err.api_code, err.message, onrecord_code=err.code), status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(OnrecordError, _onrecord_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
