"""Running the service: ``serve`` (uvicorn, hardened for a laptop) and ``running_server`` (tests).

Connection hygiene, so that slow or idle clients cannot hold the service: idle keep-alive connections
close after ``KEEP_ALIVE_S``; a connection must send a request's headers within ``HEADER_TIMEOUT_S``
(slow-loris); headers are capped at ``MAX_HEADER_BYTES``; past ``MAX_CONNECTIONS`` open connections
uvicorn answers 503 at once.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

from onrecord.errors import Errors
from onrecord.limits import Limits

log = logging.getLogger("onrecord.service")

KEEP_ALIVE_S = 5
HEADER_TIMEOUT_S = 10.0
MAX_HEADER_BYTES = 64 * 1024
MAX_CONNECTIONS = 256


class GuardedH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a deadline for each request's headers."""

    header_timeout_s = HEADER_TIMEOUT_S

    def connection_made(self, transport: Any) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer = self.loop.call_later(self.header_timeout_s, self._headers_late)

    def _headers_late(self) -> None:
        between = self.cycle is None or self.cycle.response_complete  # no request is being answered
        if between and not self.transport.is_closing():
            self.transport.close()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._header_timer.cancel()
        self._header_timer = self.loop.call_later(self.header_timeout_s, self._headers_late)

    def connection_lost(self, exc: Exception | None) -> None:
        self._header_timer.cancel()
        super().connection_lost(exc)


def uvicorn_config(app: FastAPI, header_timeout_s: float = HEADER_TIMEOUT_S, **kwargs: Any):
    import uvicorn

    protocol = type("GuardedH11Protocol", (GuardedH11Protocol,), {"header_timeout_s": header_timeout_s})
    return uvicorn.Config(app, http=protocol, timeout_keep_alive=KEEP_ALIVE_S,
                          h11_max_incomplete_event_size=MAX_HEADER_BYTES, limit_concurrency=MAX_CONNECTIONS,
                          timeout_graceful_shutdown=5, **kwargs)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(host: str = "127.0.0.1", port: int = 8000, *, limits: Limits | None = None, token: str | None = None,
          allowed_hosts: list[str] | tuple[str, ...] = (), workers: int | None = None,
          log_level: str = "info", device: str = "auto", **limit_kwargs: Any) -> None:
    """Run the service with uvicorn until interrupted. Loads the model (on ``device``) before accepting
    requests.

    Bound beyond loopback, a token is required (``token`` or ONRECORD_TOKEN)."""
    import uvicorn

    from .build import create_app

    if not is_loopback(host) and not token:
        raise Errors.E209.error(host=host)
    limits = (limits or Limits()).with_(**limit_kwargs)
    app = create_app(limits=limits, workers=workers, preload=True, token=token,
                     allowed_hosts=[*allowed_hosts, host], checker_factory=_checker_on(device))
    uvicorn.Server(uvicorn_config(app, host=host, port=port, log_level=log_level)).run()


def _checker_on(device: str):
    def make():
        from onrecord.pipeline import Checker

        return Checker(device=device)

    return make


@contextlib.contextmanager
def running_server(app: FastAPI, host: str = "127.0.0.1", port: int = 0, log_level: str = "warning",
                   header_timeout_s: float = HEADER_TIMEOUT_S) -> Iterator[str]:
    """Run ``app`` with uvicorn in a background thread; yields its base URL (``http://127.0.0.1:PORT``).

    For tests and notebooks: the real server on a real socket (port 0 picks a free one)."""
    import uvicorn

    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn_config(app, header_timeout_s, log_level=log_level, lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="onrecord-uvicorn")
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
