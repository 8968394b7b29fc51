"""The command line end to end, as a user runs it: real files, real model, real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES

ONRECORD = [sys.executable, "-m", "onrecord.cli"]


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*ONRECORD, *args], capture_output=True, text=True, input=stdin, cwd=cwd,
                          timeout=120, env={**os.environ, "COLUMNS": "120"})


@pytest.fixture(scope="module")
def letter_json() -> dict:
    p = run("check", str(EXAMPLES / "article.txt"), "--source", str(EXAMPLES / "letter.txt"), "--format", "json")
    assert p.returncode == 1, p.stderr  # the example has findings
    return json.loads(p.stdout)


def test_json_report_of_the_example(letter_json):
    assert letter_json["onrecord"] == "1"
    assert letter_json["sources"][0]["id"] == "letter"
    flagged = [c for c in letter_json["claims"] if "abductions of children" in c["text"]]
    assert flagged and flagged[0]["label"] != "supported"
    assert "Trump administration officials" in flagged[0]["attribution"]["speaker"]


def test_text_report_has_findings_and_a_summary():
    p = run("check", str(EXAMPLES / "article.txt"), "--source", str(EXAMPLES / "letter.txt"))
    assert p.returncode == 1
    assert "CONTRADICTED" in p.stdout or "UNSUPPORTED" in p.stdout
    assert "Trump administration officials" in p.stdout
    assert "finding(s)" in p.stdout.splitlines()[-1]


def test_source_ids_from_the_command_line(tmp_path):
    src = tmp_path / "some file.txt"
    src.write_text("The council approved the budget on Monday.", encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("The council approved the budget on Monday.", encoding="utf-8")
    p = run("check", str(text), "--source", f"minutes={src}", "--format", "json")
    assert p.returncode == 0, p.stdout + p.stderr
    report = json.loads(p.stdout)
    assert report["sources"][0]["id"] == "minutes"
    assert report["claims"][0]["label"] == "supported"


def test_stdin_text():
    p = run("check", "-", "--source", str(EXAMPLES / "letter.txt"), "--format", "json",
            stdin="The letter mentions Russia.")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["claims"][0]["label"] == "supported"


def test_html_report_is_one_self_contained_file(tmp_path):
    out = tmp_path / "report.html"
    p = run("check", str(EXAMPLES / "article.txt"), "--source", str(EXAMPLES / "letter.txt"), "--format", "html",
            "--output", str(out))
    assert p.returncode == 1, p.stderr
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "abductions of children" in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert not list(tmp_path.glob(".report.html.*"))  # no temporary file left behind


@pytest.mark.parametrize(
    "make, expect",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "directory"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "bin.txt", b"\x00\x01\x02binary\x00"), "binary"),
        (lambda d: _write(d / "latin.txt", "café déjà vu".encode("latin-1")), "utf-8"),
        (lambda d: _write(d / "scan.pdf", b"%PDF-1.4 not really a pdf"), "scan.pdf"),
    ],
)
def test_bad_sources_exit_2_with_one_line(tmp_path, make, expect):
    bad = make(tmp_path)
    p = run("check", str(EXAMPLES / "article.txt"), "--source", str(bad))
    assert p.returncode == 2
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, p.stderr
    assert "Traceback" not in p.stderr
    assert expect.lower() in lines[0].lower()


@pytest.mark.parametrize("text", ["missing-article.txt", "The council approved the budget on Monday."])
def test_a_text_path_that_does_not_exist_exits_2_and_is_never_read_as_text(tmp_path, text):
    p = run("check", text, "--source", str(EXAMPLES / "letter.txt"), "--format", "json", cwd=tmp_path)
    assert p.returncode == 2, p.stdout
    assert p.stdout == ""
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("onrecord: error: "), p.stderr
    assert "no such file" in lines[0].lower()


def _write(p: Path, data: bytes) -> Path:
    p.write_bytes(data)
    return p


def test_usage_errors_exit_2():
    assert run("check", str(EXAMPLES / "article.txt")).returncode == 2  # no --source
    p = run("check", str(EXAMPLES / "article.txt"), "--source", str(EXAMPLES / "letter.txt"), "--format", "xml")
    assert p.returncode == 2
    assert run("frobnicate").returncode == 2


def test_unwritable_output_leaves_nothing_and_exits_2(tmp_path):
    out = tmp_path / "no" / "such" / "dir" / "r.json"
    p = run("check", str(EXAMPLES / "article.txt"), "--source", str(EXAMPLES / "letter.txt"), "--output", str(out))
    assert p.returncode == 2
    assert "does not exist" in p.stderr
    assert not out.exists()


def test_existing_output_is_not_clobbered_by_a_failed_run(tmp_path):
    out = tmp_path / "r.json"
    out.write_text("previous report", encoding="utf-8")
    p = run("check", str(EXAMPLES / "article.txt"), "--source", str(tmp_path / "missing.txt"), "--output", str(out))
    assert p.returncode == 2
    assert out.read_text(encoding="utf-8") == "previous report"


def test_pdf_and_html_sources_keep_page_and_offsets(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Annual report of the harbour authority. Cargo volumes were steady in the first half.")
    pdf.add_page()
    pdf.multi_cell(0, 6, "The authority handled 4,200 ships in 2024, up from 3,500 ships in 2023.")
    src = tmp_path / "report.pdf"
    pdf.output(str(src))
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Harbour news</title></head><body><nav>Home | Sports | Weather</nav>"
        "<article><h1>Harbour news</h1><p>The harbour master, Ines Duarte, retired in March after "
        "twenty years in the post. Her successor has not been named.</p></article>"
        "<footer>Copyright 2025</footer></body></html>", encoding="utf-8")
    text = tmp_path / "story.md"
    text.write_text("The authority handled 4,200 ships in 2024, a rise of 20 percent.\n\n"
                    "The harbour master, Ines Duarte, retired in March.\n", encoding="utf-8")
    p = run("check", str(text), "--source", str(src), "--source", f"news={page}", "--format", "json")
    assert p.returncode in (0, 1), p.stderr
    report = json.loads(p.stdout)
    assert {s["id"] for s in report["sources"]} == {"report", "news"}
    ships = next(c for c in report["claims"] if "4,200 ships" in c["text"])
    assert ships["label"] == "supported", ships
    ev = ships["evidence"][0]
    assert ev["source"] == "report" and ev["page"] == 2
    duarte = next(c for c in report["claims"] if "Duarte" in c["text"])
    assert duarte["label"] == "supported" and duarte["evidence"][0]["source"] == "news"


def test_serve_command_starts_a_server_with_its_limits():
    import socket
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([*ONRECORD, "serve", "--port", str(port), "--max-request-mb", "0.01"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail("onrecord serve did not answer /healthz in 60 s")
        big = {"text": "x " * 10_000, "sources": [{"id": "s", "text": "y"}]}
        r = httpx.post(f"{base}/v1/check", json=big, timeout=30)
        assert r.status_code == 413
        assert "KiB" in r.json()["error"]["message"] or "bytes" in r.json()["error"]["message"]
    finally:
        proc.terminate()
        proc.wait(timeout=20)
