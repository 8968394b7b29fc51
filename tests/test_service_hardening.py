"""The service against hostile or unlucky clients, for real: uvicorn on loopback, httpx and raw sockets.

Nesting bombs, lone surrogates, too many sources, decompression bombs, DNS rebinding (Host),
cross-site POSTs (Origin), tokens, slow connections, abandoned checks and saturation."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx
import pytest

from onrecord.service import create_app, running_server

from .bombs import docx_bomb
from .conftest import EXAMPLES
from .test_server import assert_error


@pytest.fixture(scope="module")
def base_url():
    with running_server(create_app(max_request_bytes=4 * 1024 * 1024), header_timeout_s=1.0) as url:
        yield url


@pytest.fixture(scope="module")
def http(base_url):
    with httpx.Client(base_url=base_url, timeout=120) as client:
        yield client


def post_raw(http, path: str, body: bytes, **headers: str) -> httpx.Response:
    return http.post(path, content=body, headers={"content-type": "application/json", **headers})


# --------------------------------------------------------------------------- every error is JSON


@pytest.mark.parametrize("body", [
    b"[" * 100_000 + b"]" * 100_000,
    b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b', "sources": []}',
    b'{"text": ' + b"[" * 500 + b"]" * 500 + b', "sources": [{"text": "x"}]}',
])
@pytest.mark.parametrize("path", ["/v1/check", "/v1/render"])
def test_nesting_is_a_json_422(http, path, body):
    r = post_raw(http, path, body)
    err = assert_error(r, 422)
    assert err["code"] in ("invalid_json", "invalid_report", "invalid_request")


@pytest.mark.parametrize("report", [
    {"sources": [], "claims": [], "quotes": [], "summary": "none"},  # was an AttributeError, a text 500
    {"sources": [{"id": 3}], "claims": [{"x": 1}], "quotes": [None], "summary": 7},
    {},
    [],
])
def test_render_of_a_broken_report_is_a_json_422(http, report):
    assert_error(http.post("/v1/render", json=report), 422, "invalid_report")


def test_render_of_an_empty_report_is_a_page(http):
    r = http.post("/v1/render", json={"sources": [], "claims": [], "quotes": []})
    assert r.status_code == 200 and r.text.startswith("<!doctype html>")


def test_lone_surrogate_in_a_json_body_is_a_422(http):
    body = b'{"text": "The sky is blue.", "sources": [{"id": "s", "text": "blue \\ud800 sky"}]}'
    err = assert_error(post_raw(http, "/v1/check", body), 422, "invalid_text")
    assert "surrogate" in err["message"] and "'s'" in err["message"]
    body = b'{"text": "The \\udfff sky.", "sources": [{"id": "s", "text": "x", "format": "html"}]}'
    assert_error(post_raw(http, "/v1/check", body), 422, "invalid_text")


def test_max_sources_holds_for_json_too(http):
    body = {"text": "Some text.", "sources": [{"text": f"source {i}"} for i in range(1000)]}
    err = assert_error(http.post("/v1/check", json=body), 413, "too_many_sources")
    assert "1000" in err["message"] and "32" in err["message"]


def test_docx_bombs_in_parallel_are_413(http):
    bomb = docx_bomb(512)

    def one(_):
        return http.post("/v1/check", data={"text": "Some text."},
                         files=[("sources", ("bomb.docx", bomb, "application/octet-stream"))])

    with ThreadPoolExecutor(4) as pool:
        for r in pool.map(one, range(4)):
            err = assert_error(r, 413, "document_too_large")
            assert "bomb.docx" in err["message"] and "unpacks" in err["message"]


# --------------------------------------------------------------------------- Host, Origin, token


def test_host_allow_list_against_dns_rebinding(http, base_url):
    port = urlsplit(base_url).port
    assert_error(http.get("/healthz", headers={"host": f"attacker.example:{port}"}), 421, "host_not_allowed")
    assert_error(post_raw(http, "/v1/check", b"{}", host="rebind.example"), 421, "host_not_allowed")
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}"):
        assert http.get("/healthz", headers={"host": host}).status_code in (200, 503)


def test_cross_site_posts_are_refused(http, base_url):
    err = assert_error(post_raw(http, "/v1/check", b"{}", origin="https://evil.example"), 403, "cross_site_request")
    assert "evil.example" in err["message"]
    assert_error(http.post("/v1/check", data={"text": "x"}, files=[("sources", ("a.txt", b"y", "text/plain"))],
                           headers={"origin": "null"}), 403)
    assert_error(post_raw(http, "/v1/check", b"{}", **{"sec-fetch-site": "cross-site"}), 403)
    # The page's own origin passes the guard (and meets the ordinary validation).
    assert post_raw(http, "/v1/check", b"{}", origin=base_url).status_code == 422


def test_token_guards_the_api_and_the_page_gets_it_once():
    app = create_app(token="s3cret-token")
    with running_server(app) as url, httpx.Client(base_url=url, timeout=30) as c:
        assert_error(post_raw(c, "/v1/check", b"{}"), 401, "token_required")
        assert_error(post_raw(c, "/v1/check", b"{}", authorization="Bearer wrong"), 401)
        assert post_raw(c, "/v1/check", b"{}", authorization="Bearer s3cret-token").status_code == 422
        assert c.get("/").status_code == 200 and c.get("/healthz").status_code == 200
        assert_error(c.get("/?token=nope"), 401)
        r = c.get("/?token=s3cret-token")
        assert r.status_code == 303 and r.headers["location"] == "/"
        assert "HttpOnly" in r.headers["set-cookie"] and "SameSite=Strict" in r.headers["set-cookie"]
        assert post_raw(c, "/v1/check", b"{}").status_code == 422  # the cookie now carries it


def test_serve_beyond_loopback_needs_a_token():
    p = subprocess.run([sys.executable, "-m", "onrecord.cli", "serve", "--host", "0.0.0.0", "--port", "9"],
                       capture_output=True, text=True, timeout=60, env={k: v for k, v in os.environ.items()
                                                                        if k != "ONRECORD_TOKEN"})
    assert p.returncode == 2 and "token" in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_head_on_the_page_and_health(http):
    assert http.head("/").status_code == 200
    assert http.head("/healthz").status_code == 200


# --------------------------------------------------------------------------- slow clients


def test_slow_header_connections_are_closed(base_url):
    port = urlsplit(base_url).port
    socks = []
    for _ in range(50):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        socks.append(s)
    time.sleep(1.0)
    for s in socks:
        s.sendall(b"a")  # still dribbling: a keep-alive timer alone would be reset by this
    closed = 0
    for s in socks:
        s.settimeout(10)
        try:
            closed += s.recv(1024) == b""
        except (ConnectionResetError, TimeoutError):
            closed += 1
        s.close()
    assert closed == 50
    assert httpx.get(f"{base_url}/healthz").status_code == 200


# --------------------------------------------------------------------------- abandoned work, saturation


def test_an_abandoned_check_stops_and_health_says_busy_meanwhile(checker):
    article = (EXAMPLES / "article.txt").read_text(encoding="utf-8")
    letter = (EXAMPLES / "letter.txt").read_text(encoding="utf-8")
    # 80 articles take several seconds even on a quiet machine with warm caches (20 took 2.1 s there),
    # far beyond the budget, so the check is always abandoned part-way.
    long_text = "\n\n".join([article] * 80)
    app = create_app(checker=checker, workers=1, time_budget_s=1.0)
    with running_server(app) as url:
        result: dict = {}

        def long_check():
            result["r"] = httpx.post(f"{url}/v1/check", timeout=120,
                                     json={"text": long_text, "sources": [{"id": "letter", "text": letter}]})

        t = threading.Thread(target=long_check)
        t.start()
        statuses = []
        while t.is_alive():
            h = httpx.get(f"{url}/healthz", timeout=10)
            statuses.append((h.status_code, h.json()["status"]))
            time.sleep(0.2)
        t.join()
        assert_error(result["r"], 503, "time_budget_exceeded")
        assert (503, "busy") in statuses
        # The abandoned check stops at its next checkpoint: the worker is free again well before the
        # 80-article check would have ended on its own.
        deadline = time.monotonic() + 20
        while httpx.get(f"{url}/healthz", timeout=10).json()["status"] != "ok":
            assert time.monotonic() < deadline, "the abandoned check kept its worker"
            time.sleep(0.2)
        r = httpx.post(f"{url}/v1/check", timeout=120,
                       json={"text": "The letter was sent on Monday.", "sources": [{"id": "l", "text": letter}]})
        assert r.status_code == 200, r.text
        assert json.loads(r.text)["onrecord"] == "1"


# --------------------------------------------------------------------------- the page with a token


@pytest.mark.browser
def test_page_works_when_served_with_a_token(checker, letter, article):
    import shutil

    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        pytest.skip("Chromium is not installed (apt-get install -y chromium chromium-driver)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with running_server(create_app(checker=checker, token="page-token")) as url, \
            sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(f"{url}/?token=page-token")  # once: the cookie is set and the address cleaned
            assert page.url == f"{url}/"
            page.locator(".source-box .source-id").first.fill("letter")
            page.locator(".source-box .source-text").first.fill(letter)
            page.fill("#text-input", article)
            page.click("#check-btn")  # a same-origin POST: Origin matches, the cookie carries the token
            page.wait_for_selector(".text-pane .ann.claim", timeout=300_000)
            assert page.locator(".text-pane .ann.claim").count() > 5
        finally:
            browser.close()
