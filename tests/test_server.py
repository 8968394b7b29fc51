"""The HTTP service, for real: uvicorn on a loopback socket, called over HTTP with httpx.

Nothing of onrecord is mocked: the checks run the shipped model through the real Checker.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from onrecord.service.app import create_app, running_server

LIMIT_BYTES = 256 * 1024
LIMIT_CHARS = 50_000
NEEDLE = "mentioned the abductions of children"


@pytest.fixture(scope="module")
def app():
    # The model loads lazily, on the first check: the bad-input tests never need it.
    return create_app(max_request_bytes=LIMIT_BYTES, max_document_chars=LIMIT_CHARS, time_budget_s=300)


@pytest.fixture(scope="module")
def base_url(app):
    with running_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def http(base_url):
    with httpx.Client(base_url=base_url, timeout=300) as client:
        yield client


@pytest.fixture(scope="module")
def letter_json(letter, article):
    return {"text": article, "sources": [{"id": "letter", "text": letter, "title": "The letter"}]}


@pytest.fixture(scope="module")
def letter_result(http, letter_json):
    r = http.post("/v1/check", json=letter_json)
    assert r.status_code == 200, r.text
    return r.json()


def overlapping(report: dict, needle: str, key: str = "claims") -> list[dict]:
    s = report["text"].index(needle)
    e = s + len(needle)
    return [c for c in report[key] if c["start"] < e and s < c["end"]]


def assert_error(r: httpx.Response, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    assert set(body["error"]) >= {"code", "message"}, body
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code, body
    return body["error"]


# --------------------------------------------------------------------------- service basics


def test_healthz(http):
    r = http.get("/healthz")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert isinstance(body["model_loaded"], bool)
    assert body["limits"]["max_request_bytes"] == LIMIT_BYTES


def _listening_on(port: int) -> set[str]:
    """The local addresses of every socket listening on ``port``, from the kernel's tables (Linux)."""
    found: set[str] = set()
    for table, family in (("/proc/net/tcp", socket.AF_INET), ("/proc/net/tcp6", socket.AF_INET6)):
        path = Path(table)
        if not path.exists():
            continue
        for row in path.read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            addr, hex_port = local.split(":")
            if state != "0A" or int(hex_port, 16) != port:  # 0A: LISTEN
                continue
            # The kernel writes the address as 32-bit words in host (little-endian) order.
            raw = b"".join(struct.pack("<I", int(addr[i : i + 8], 16)) for i in range(0, len(addr), 8))
            found.add(socket.inet_ntop(family, raw))
    return found


def test_binds_loopback(base_url):
    if not Path("/proc/net/tcp").exists():
        pytest.skip("reading the kernel's socket table needs Linux /proc")
    port = int(base_url.rsplit(":", 1)[1])
    assert _listening_on(port) == {"127.0.0.1"}, "the server listens beyond the loopback address"


def test_page_and_assets_are_local(http):
    page = http.get("/")
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    assert "Check" in page.text and 'id="check-form"' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for path in ("/static/viewer.js", "/static/viewer.css"):
        r = http.get(path)
        assert r.status_code == 200, path
        assert "http://" not in r.text and "https://" not in r.text, f"{path} points outside the app"
    assert "http://" not in page.text and "https://" not in page.text


def test_openapi_describes_both_bodies(http):
    spec = http.get("/openapi.json").json()
    content = spec["paths"]["/v1/check"]["post"]["requestBody"]["content"]
    assert set(content) == {"application/json", "multipart/form-data"}
    assert "CheckRequest" in spec["components"]["schemas"]


def test_unknown_path_is_json_404(http):
    assert_error(http.get("/nope"), 404, "not_found")


# --------------------------------------------------------------------------- real checks


def test_json_check_of_the_letter(letter_result, letter, article):
    rep = letter_result
    assert rep["onrecord"] == "1"
    assert rep["text"] == article
    assert [s["id"] for s in rep["sources"]] == ["letter"]
    assert rep["sources"][0]["text"] == letter
    assert rep["sources"][0]["title"] == "The letter"
    flagged = overlapping(rep, NEEDLE)
    assert flagged, "no claim covers the officials' account"
    assert all(c["label"] != "supported" for c in flagged), flagged
    speakers = [(c.get("attribution") or {}).get("speaker") or "" for c in flagged]
    assert any("Trump administration officials" in s for s in speakers), speakers
    for c in rep["claims"]:
        # A claim's text may be the proposition drawn from its span ("The letter was ..." out of a
        # sentence with a relative clause), so only the span is checked here.
        assert 0 <= c["start"] < c["end"] <= len(rep["text"])
        for e in c["evidence"]:
            src = next(s for s in rep["sources"] if s["id"] == e["source"])
            assert 0 <= e["start"] < e["end"] <= len(src["text"])
    exact = overlapping(rep, "Mr. Putin, you can singlehandedly restore their melodic laughter", "quotes")
    assert exact and exact[0]["label"] == "exact" and exact[0]["source"] == "letter"


def test_report_without_texts(http, letter_json):
    r = http.post("/v1/check?include_texts=false", json=letter_json)
    assert r.status_code == 200
    rep = r.json()
    assert "text" not in rep and "text" not in rep["sources"][0]


LETTER_HTML = """<!doctype html>
<html><head><title>The letter, as published</title></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Letter from Melania Trump to Vladimir Putin</h1>
{paragraphs}
</article><footer>Copyright the publisher</footer></body></html>
"""


def test_multipart_upload_txt_and_html(http, letter, article, tmp_path):
    paras = "\n".join(f"<p>{p.strip()}</p>" for p in letter.split("\n\n") if p.strip())
    html_file = tmp_path / "letter_page.html"
    html_file.write_text(LETTER_HTML.format(paragraphs=paras), encoding="utf-8")
    txt_file = tmp_path / "letter.txt"
    txt_file.write_text(letter, encoding="utf-8")
    with txt_file.open("rb") as t, html_file.open("rb") as h:
        r = http.post(
            "/v1/check",
            data={"text": article},
            files=[
                ("sources", ("letter.txt", t, "text/plain")),
                ("sources", ("letter_page.html", h, "text/html")),
            ],
        )
    assert r.status_code == 200, r.text
    rep = r.json()
    by_id = {s["id"]: s for s in rep["sources"]}
    assert set(by_id) == {"letter", "letter_page"}
    assert "singlehandedly restore their melodic laughter" in by_id["letter_page"]["text"]
    assert "<p>" not in by_id["letter_page"]["text"]
    assert by_id["letter_page"]["format"] == "html"
    assert all(c["label"] != "supported" for c in overlapping(rep, NEEDLE))


def test_multipart_text_file(http, letter, article):
    r = http.post(
        "/v1/check",
        files=[
            ("text_file", ("article.md", article.encode(), "text/markdown")),
            ("sources", ("letter.txt", letter.encode(), "text/plain")),
        ],
    )
    assert r.status_code == 200, r.text
    assert "mentioned the abductions" in r.json()["text"]


def test_never_reads_named_paths_or_urls(http):
    # A path or URL in a request is text to check against, never something to open or fetch.
    r = http.post(
        "/v1/check",
        json={
            "text": "The file says hello.",
            "sources": [
                {"id": "p", "text": "/etc/passwd"},
                {"id": "u", "text": "https://example.com/letter.html"},
            ],
        },
    )
    assert r.status_code == 200, r.text
    texts = {s["id"]: s["text"] for s in r.json()["sources"]}
    assert texts == {"p": "/etc/passwd", "u": "https://example.com/letter.html"}
    # A file name is used for its extension and stem only.
    r = http.post(
        "/v1/check",
        data={"text": "The source says hello."},
        files=[("sources", ("../../../etc/passwd.txt", b"Hello from the upload.", "text/plain"))],
    )
    assert r.status_code == 200, r.text
    src = r.json()["sources"][0]
    assert src["id"] == "passwd" and src["text"].strip() == "Hello from the upload."


def test_render_endpoint_returns_the_html_report(http, letter_result):
    r = http.post("/v1/render", json=letter_result)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "attachment" in r.headers["content-disposition"]
    assert 'id="onrecord-report"' in r.text
    assert_error(http.post("/v1/render", json={"not": "a report"}), 422, "invalid_report")


# --------------------------------------------------------------------------- bad input


def test_413_request_body_by_content_length(http):
    big = {"text": "x" * (LIMIT_BYTES + 10), "sources": [{"id": "s", "text": "y"}]}
    err = assert_error(http.post("/v1/check", json=big), 413, "request_too_large")
    assert f"{LIMIT_BYTES:,}" in err["message"]


def test_413_request_body_counted_while_reading(http):
    # Chunked transfer: no Content-Length to trust, so the service counts what it reads.
    def chunks():
        yield b'{"text": "'
        for _ in range(8):
            yield b"z" * (64 * 1024)
        yield b'", "sources": [{"id": "s", "text": "y"}]}'

    r = http.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    err = assert_error(r, 413, "request_too_large")
    assert f"{LIMIT_BYTES:,}" in err["message"]


def test_413_document_too_large(http):
    body = {"text": "A short text about the letter.", "sources": [{"id": "big", "text": "word " * 12_000}]}
    assert len(json.dumps(body)) < LIMIT_BYTES
    err = assert_error(http.post("/v1/check", json=body), 413, "document_too_large")
    assert f"{LIMIT_CHARS:,}" in err["message"] and "big" in err["message"]
    err = assert_error(
        http.post("/v1/check", json={"text": "y" * (LIMIT_CHARS + 1), "sources": [{"text": "x"}]}),
        413,
        "document_too_large",
    )
    assert "the text" in err["message"]


def test_document_size_limit_is_inclusive(app):
    # A text or source of exactly the limit is checked; one character more is refused.
    limit = 60
    at_limit = ("The council approved the budget on Monday after a long debate. " * 2)[:limit]
    assert len(at_limit) == limit
    tight = create_app(checker=app.state.onrecord.get(), max_document_chars=limit)
    with running_server(tight) as url, httpx.Client(base_url=url, timeout=120) as client:
        ok = client.post("/v1/check", json={"text": at_limit, "sources": [{"id": "s", "text": at_limit}]})
        assert ok.status_code == 200, ok.text
        over = at_limit + "."
        err = assert_error(client.post("/v1/check", json={"text": over, "sources": [{"text": at_limit}]}),
                           413, "document_too_large")
        assert err["message"].startswith("the text has") and "the limit is 60 characters" in err["message"]
        err = assert_error(client.post("/v1/check", json={"text": at_limit, "sources": [{"id": "s", "text": over}]}),
                           413, "document_too_large")
        assert err["message"].startswith("source 's' has") and "the limit is 60 characters" in err["message"]


def test_415_unsupported_file_type(http):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    r = http.post(
        "/v1/check", data={"text": "Some text."}, files=[("sources", ("photo.png", png, "image/png"))]
    )
    err = assert_error(r, 415, "unsupported_format")
    assert "photo.png" in err["message"]
    xlsx = b"PK\x03\x04" + b"xl/workbook.xml" + b"\x00" * 32
    assert_error(
        http.post(
            "/v1/check",
            data={"text": "Some text."},
            files=[("sources", ("sheet.xlsx", xlsx, "application/octet-stream"))],
        ),
        415,
    )


def test_415_unsupported_request_content_type(http):
    r = http.post("/v1/check", content=b"text=hello", headers={"content-type": "text/plain"})
    assert_error(r, 415, "unsupported_media_type")


@pytest.mark.parametrize(
    "body",
    [
        {"text": 5, "sources": [{"id": "s", "text": "source"}]},
        {"text": "hello", "sources": "letter"},
        {"text": "hello", "sources": [{"id": "s", "text": ["not", "a", "string"]}]},
        {"text": "hello", "sources": [{"id": "s"}]},
        {"sources": [{"id": "s", "text": "source"}]},
        {"text": "hello"},
        {"text": "hello", "sources": [{"id": "s", "text": "source", "format": "exe"}]},
        {"text": "hello", "sources": [{"id": "s", "text": "source", "path": "/etc/passwd"}]},
        ["text", "sources"],
    ],
)
def test_422_wrong_types_and_missing_fields(http, body):
    r = http.post("/v1/check", json=body)
    err = assert_error(r, 422, "invalid_request")
    assert "detail" in r.json()
    assert ":" in err["message"] or "valid" in err["message"]


def test_422_invalid_json(http):
    r = http.post(
        "/v1/check", content=b'{"text": "hello", "sources": [', headers={"content-type": "application/json"}
    )
    assert_error(r, 422, "invalid_json")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"text": "", "sources": [{"id": "s", "text": "source"}]}, "empty_text"),
        ({"text": "  \n\t ", "sources": [{"id": "s", "text": "source"}]}, "empty_text"),
        ({"text": "hello", "sources": []}, "no_sources"),
        ({"text": "hello", "sources": [{"id": "s", "text": "   "}]}, "empty_source"),
        (
            {"text": "hello", "sources": [{"id": "a", "text": "one"}, {"id": "a", "text": "two"}]},
            "duplicate_source_id",
        ),
    ],
)
def test_422_empty_input(http, body, code):
    assert_error(http.post("/v1/check", json=body), 422, code)


def test_422_multipart_without_sources_or_text(http):
    assert_error(
        http.post("/v1/check", data={"text": "hello"}, files=[("unused", ("a.txt", b"x", "text/plain"))]),
        422,
        "invalid_request",
    )
    assert_error(
        http.post("/v1/check", files=[("sources", ("a.txt", b"source", "text/plain"))]), 422, "empty_text"
    )
    r = http.post(
        "/v1/check", data={"text": "hello", "x": "1"}, files=[("sources", ("a.txt", b"src", "text/plain"))]
    )
    assert_error(r, 422, "invalid_request")
    r = http.post("/v1/check", files=[("text_file", ("t.txt", b"text", "text/plain"))])
    assert_error(r, 422, "no_sources")
    r = http.post(
        "/v1/check",
        data={"text": "hello"},
        files=[("text_file", ("t.txt", b"text", "text/plain")), ("sources", ("a.txt", b"src", "text/plain"))],
    )
    assert_error(r, 422, "invalid_request")
    r = http.post("/v1/check", data={"text": "hello"}, files=[("sources", ("empty.txt", b"", "text/plain"))])
    assert_error(r, 422, "unreadable_input")


# --------------------------------------------------------------------------- time budget and concurrency


def test_time_budget_answers_503(app, letter_json, letter_result):
    # Share the already-loaded checker; a budget no check can meet.
    tight = create_app(checker=app.state.onrecord.get(), time_budget_s=0.001)
    with running_server(tight) as url:
        r = httpx.post(f"{url}/v1/check", json=letter_json, timeout=60)
    err = assert_error(r, 503, "time_budget_exceeded")
    assert "0.001 s" in err["message"]


def test_checks_do_not_block_the_event_loop(http, letter_json, letter_result):
    # The service answers while a check runs: the running check's progress is read mid-way (it is
    # only there until the check ends), and /healthz answers too. How fast: bench/healthz_latency.py.
    done = threading.Event()

    def check():
        http.post("/v1/check", json=letter_json, headers={"X-Onrecord-Progress": "busy"})
        done.set()

    t = threading.Thread(target=check)
    t.start()
    seen: dict = {}
    while not done.is_set() and not seen.get("stage") == "claims":
        seen = http.get("/v1/progress/busy").json()
    healthz = http.get("/healthz").status_code
    t.join()
    assert seen.get("stage") == "claims" and 0 <= seen["done"] <= seen["total"], (
        "the service did not answer while the check ran"
    )
    assert healthz == 200
    assert http.get("/v1/progress/busy").json() == {}, "a finished check's progress is kept"


def test_concurrent_requests_share_one_model(letter_json):
    app = create_app()  # fresh and lazy: eight first requests race to load the model
    with running_server(app) as url:
        assert httpx.get(f"{url}/healthz").json()["model_loaded"] is False

        def one(_):
            return httpx.post(f"{url}/v1/check", json=letter_json, timeout=300)

        with ThreadPoolExecutor(8) as pool:
            responses = list(pool.map(one, range(8)))
        assert [r.status_code for r in responses] == [200] * 8
        labels = {json.dumps([c["label"] for c in r.json()["claims"]]) for r in responses}
        assert len(labels) == 1, "the same request gave different answers under concurrency"
        health = httpx.get(f"{url}/healthz").json()
    assert health["model_loaded"] is True
    assert health["model_loads"] == 1
