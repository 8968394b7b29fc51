"""What every request passes before a route sees it (pure ASGI, so nothing is parsed first):

1. ``Host`` must be one the service answers to (loopback names and the bound address by default):
   a DNS-rebinding page reaches 127.0.0.1 under its own name, and is refused here (421).
2. A request that changes or costs something (not GET/HEAD/OPTIONS) from a browser must come from the
   service's own page: an ``Origin`` other than this service's, or ``Sec-Fetch-Site: cross-site``, is
   refused (403). A multipart POST needs no CORS preflight, so without this any web page could make
   a local service work.
3. With a token, ``/v1/*`` needs ``Authorization: Bearer TOKEN`` or the cookie the page gets when
   opened once as ``/?token=TOKEN`` (401 otherwise).
4. The body is read up to ``max_request_bytes`` (Content-Length first, then counted), else 413.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs

from onrecord.errors import Errors, OnrecordError
from onrecord.limits import fmt_bytes

from .errors import error_bytes

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
COOKIE = "onrecord_token"
_SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# A declared body over the limit is answered at once when the client waits for "100 Continue";
# otherwise up to this much is read and dropped first, so the client sees the 413 rather than a reset.
_DRAIN_CAP_BYTES = 64 * 1024 * 1024


def host_name(value: str) -> str:
    """The name of a Host header: no port, no IPv6 brackets, lower case, no trailing dot."""
    v = value.strip().lower()
    if v.startswith("["):
        v = v[1:v.find("]")] if "]" in v else v[1:]
    elif v.count(":") == 1:
        v = v.split(":", 1)[0]
    return v.rstrip(".")


async def reply(send: Callable, status: int, body: bytes, headers: Iterable[tuple[bytes, bytes]] = ()) -> None:
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"), *headers]})
    await send({"type": "http.response.body", "body": body})


async def refuse(send: Callable, err: OnrecordError, **extra: Any) -> None:
    await reply(send, err.http_status, error_bytes(err.http_status, err.api_code, err.message,
                                                   onrecord_code=err.code, **extra))


class Guard:
    def __init__(self, app: Any, *, allowed_hosts: Iterable[str] = LOOPBACK_NAMES, token: str | None = None,
                 max_bytes: int, per_path: dict[str, int] | None = None) -> None:
        self.app = app
        self.hosts = {host_name(h) for h in allowed_hosts}
        self.token = token
        self.max_bytes = max_bytes
        self.per_path = per_path or {}

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        err = self._refusal(scope, headers)
        if err is not None:
            if _small_body(headers):
                # Read a small body before refusing: a socket closed with unread data is reset, and the client
                # may see "connection reset" instead of the refusal (seen on a loaded CPU: 421 lost to a reset).
                await _drain(receive)
            await refuse(send, err)
            return
        if self.token and scope["method"] == "GET" and b"token=" in scope.get("query_string", b""):
            await self._accept_token(scope, send)
            return
        if scope["method"] in _SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        await self._limited(scope, headers, receive, send)

    def _refusal(self, scope: dict, headers: dict[str, str]) -> OnrecordError | None:
        host = headers.get("host")
        if host is not None and "*" not in self.hosts and host_name(host) not in self.hosts:
            return Errors.E403.error(host=host[:100], allowed=", ".join(sorted(self.hosts)))
        if scope["method"] not in _SAFE_METHODS:
            origin = headers.get("origin")
            own = f"{scope.get('scheme', 'http')}://{host}" if host else None
            if (origin is not None and origin != own) or headers.get("sec-fetch-site") == "cross-site":
                return Errors.E404.error(origin=(origin or headers.get("sec-fetch-site", ""))[:100])
        if self.token and scope.get("path", "").startswith("/v1/") and not self._has_token(headers):
            return Errors.E405.error()
        return None

    def _has_token(self, headers: dict[str, str]) -> bool:
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer ") and hmac.compare_digest(auth[7:].strip(), self.token or ""):
            return True
        for part in headers.get("cookie", "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == COOKIE and hmac.compare_digest(value, self.token or ""):
                return True
        return False

    async def _accept_token(self, scope: dict, send: Callable) -> None:
        """``GET /?token=T``: remember the token in a same-site cookie, then show the clean URL."""
        sent = parse_qs(scope["query_string"].decode("latin-1")).get("token", [""])[0]
        if not hmac.compare_digest(sent, self.token or ""):
            await refuse(send, Errors.E405.error())
            return
        cookie = f"{COOKIE}={sent}; Path=/; HttpOnly; SameSite=Strict"
        await reply(send, 303, b"{}", [(b"location", scope.get("path", "/").encode() or b"/"),
                                       (b"set-cookie", cookie.encode("latin-1"))])

    async def _limited(self, scope: dict, headers: dict[str, str], receive: Callable, send: Callable) -> None:
        limit = self.per_path.get(scope.get("path", ""), self.max_bytes)
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await reply(send, 400, error_bytes(400, "bad_request", "Content-Length is not a number"))
                return
            if int(declared) > limit:
                if headers.get("expect", "").lower() != "100-continue" and int(declared) <= _DRAIN_CAP_BYTES:
                    await _drain(receive)
                await self._too_large(send, f"the request body is {fmt_bytes(int(declared))}", limit)
                return
        try:
            body = await _read_body(receive, limit)
        except _Disconnected:
            return
        if body is None:
            await self._too_large(send, "the request body is larger than that", limit)
            return
        replayed = False

        async def replay() -> dict:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _too_large(send: Callable, what: str, limit: int) -> None:
        await refuse(send, Errors.E133.error(what=what, limit=fmt_bytes(limit)), limit_bytes=limit)


class _Disconnected(Exception):
    pass


async def _read_body(receive: Callable, limit: int) -> bytes | None:
    """The whole body, or None once it passes ``limit`` (the rest drained, up to a cap)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _Disconnected
        chunk = message.get("body", b"")
        total += len(chunk)
        if total > limit:
            if total <= _DRAIN_CAP_BYTES and message.get("more_body", False):
                await _drain(receive)
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _small_body(headers: dict[str, str]) -> bool:
    """The request declares a body small enough to read and drop (at most the drain cap, no "100 Continue")."""
    declared = headers.get("content-length", "").strip()
    return (declared.isdigit() and 0 < int(declared) <= _DRAIN_CAP_BYTES
            and headers.get("expect", "").lower() != "100-continue")


async def _drain(receive: Callable) -> int:
    seen = 0
    while seen <= _DRAIN_CAP_BYTES:
        message = await receive()
        if message["type"] != "http.request":
            break
        seen += len(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return seen
