"""Bounded fuzzing (hypothesis) of every way in: the loaders, the Python API, the CLI and
``POST /v1/check``. Each input must end either in a report whose every offset is right, or in one
clear catalogue error (one line, the right status): never a traceback, a 500 or a crash exit.

Sizes are kept small so the whole file runs in well under a minute; ``ONRECORD_FUZZ_SCALE=N``
multiplies the examples (docs/reliability.md gives the counts of a larger run), and
``ONRECORD_FUZZ_TALLY=FILE`` appends each outcome to FILE (JSON lines) for those counts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.documents import load_bytes
from onrecord.errors import OnrecordError
from onrecord.limits import Limits
from onrecord.service import create_app, running_server

from .bombs import docx_bomb, docx_with_body
from .conftest import EXAMPLES

SCALE = int(os.environ.get("ONRECORD_FUZZ_SCALE", "1"))
TALLY: Counter = Counter()


def fuzz(n: int):
    return settings(max_examples=n * SCALE, deadline=None, derandomize=SCALE == 1,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])


def tally(area: str, outcome: str) -> None:
    TALLY[(area, outcome)] += 1
    path = os.environ.get("ONRECORD_FUZZ_TALLY")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"area": area, "outcome": outcome}) + "\n")


WORDS = ["The", "minister", "said", "harbour", "reopened", "on", "Monday", "4,200", "ships", "not", "never",
         '"We will', 'act now,"', "“quoted”", "—", "'", "é", "日本", "\u200b", "\r\n", "\n\n", ".", "?"]
ODD = ["\ud800", "\udfff", "\x00", "\x1b", "\ufeff", "\U0001f600", "\u202e", "&amp;", "<b>", "\\"]
fragments = st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD), st.text(max_size=4))
texts = st.lists(fragments, min_size=0, max_size=40).map(" ".join)


def check_offsets(report: dict, text: str, sources: dict[str, str]) -> None:
    for c in report["claims"]:
        assert text[c["start"]:c["end"]] == c["text"]
        for ev in c.get("evidence", []):
            assert sources[ev["source"]][ev["start"]:ev["end"]] == ev["text"]
    for q in report["quotes"]:
        assert 0 <= q["start"] <= q["end"] <= len(text)


# --------------------------------------------------------------------------- loaders


docx_base = docx_with_body(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                           b"<w:body><w:p><w:r><w:t>The harbour reopened.</w:t></w:r></w:p></w:body></w:document>")


@st.composite
def files(draw):
    kind = draw(st.sampled_from(["bytes", "text", "docx-mutant", "html"]))
    if kind == "bytes":
        data = draw(st.binary(max_size=300))
    elif kind == "text":
        data = draw(texts).encode(draw(st.sampled_from(["utf-8", "utf-16", "utf-8-sig"])), "surrogatepass")
    elif kind == "html":
        depth = draw(st.integers(0, 3000))
        data = (b"<html><body>" + b"<div>" * depth + draw(texts).encode("utf-8", "surrogatepass")
                + b"<noscript>x</noscript></body></html>")
    else:
        data = bytearray(docx_base)
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        data = bytes(data)
    ext = draw(st.sampled_from([".txt", ".md", ".html", ".pdf", ".docx", "", ".bin"]))
    return data, f"f{ext}"


@fuzz(150)
@given(files())
def test_loaders_give_a_document_or_one_clear_error(f):
    data, name = f
    try:
        doc = load_bytes(data, name, limits=Limits(max_document_chars=20_000))
    except OnrecordError as e:
        assert "\n" not in str(e) and e.exit_code == 2 and e.http_status in (413, 415, 422)
        tally("loaders", f"refused {e.http_status}")
        return
    assert doc.text.strip()
    for at in (0, len(doc.text) // 2, len(doc.text)):
        doc.locate(at)
    tally("loaders", "loaded")


def test_small_bomb_is_refused_under_a_small_limit():
    with pytest.raises(OnrecordError) as err:
        load_bytes(docx_bomb(3), "b.docx", limits=Limits(max_unpacked_bytes=1024 * 1024))
    assert err.value.http_status == 413
    tally("loaders", "refused 413")


# --------------------------------------------------------------------------- the Python API


@fuzz(12)
@given(text=texts, source=texts)
def test_api_reports_right_offsets_or_refuses(checker, text, source):
    try:
        report = checker.check(text, {"s": source})
    except OnrecordError as e:
        assert "\n" not in str(e) and e.exit_code == 2
        tally("api", f"refused {e.code}")
        return
    check_offsets(report.to_dict(include_texts=True), text, {"s": source})
    tally("api", "report")


# --------------------------------------------------------------------------- the CLI


@fuzz(5)
@given(data=st.one_of(st.binary(max_size=200), texts.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_cli_stdin_exits_0_1_or_2_with_one_line(data):
    p = subprocess.run([sys.executable, "-m", "onrecord.cli", "check", "-", "-s", str(EXAMPLES / "letter.txt"),
                        "-f", "json"], input=data, capture_output=True, timeout=120)
    err = p.stderr.decode("utf-8", "replace")
    assert p.returncode in (0, 1, 2), err
    assert "Traceback" not in err
    if p.returncode == 2:
        assert len(err.strip().splitlines()) == 1
    tally("cli", f"exit {p.returncode}")


# --------------------------------------------------------------------------- POST /v1/check


@pytest.fixture(scope="module")
def url(checker):
    with running_server(create_app(checker=checker, max_request_bytes=512 * 1024, max_document_chars=5_000)) as u:
        yield u


json_values = st.recursive(st.none() | st.booleans() | st.integers() | texts,
                           lambda kids: st.lists(kids, max_size=3) | st.dictionaries(texts, kids, max_size=3),
                           max_leaves=12)


@st.composite
def bodies(draw):
    kind = draw(st.sampled_from(["valid", "junk", "nested", "many"]))
    if kind == "valid":
        srcs = draw(st.lists(st.fixed_dictionaries({"text": texts}, optional={
            "id": st.sampled_from(["a", "b", "a b"]), "format": st.sampled_from(["txt", "md", "html"])}), max_size=3))
        return json.dumps({"text": draw(texts), "sources": srcs}).encode()
    if kind == "nested":
        d = draw(st.integers(1, 200_000))
        return b'{"text": ' + b"[" * d + b"]" * d + b', "sources": []}'
    if kind == "many":
        return json.dumps({"text": "x", "sources": [{"text": "y"}] * draw(st.integers(30, 300))}).encode()
    return json.dumps(draw(json_values)).encode()


@fuzz(40)
@given(body=bodies())
def test_http_answers_a_report_or_a_json_error(url, body):
    r = httpx.post(f"{url}/v1/check", content=body, headers={"content-type": "application/json"}, timeout=120)
    assert r.status_code in (200, 413, 415, 422), (r.status_code, r.text[:300])
    data = r.json()
    if r.status_code == 200:
        sent = json.loads(body)
        srcs = {s["id"]: s["text"] for s in data["sources"]}  # each source as loaded (texts included)
        check_offsets(data, sent["text"], srcs)
    else:
        assert data["error"]["code"] and "\n" not in data["error"]["message"]
    tally("http", str(r.status_code))
