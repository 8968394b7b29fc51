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


# --------------------------------------------------------------------------- inputs, errors and exit codes


def _one_line_error(p: subprocess.CompletedProcess, rc: int = 2) -> str:
    assert p.returncode == rc, (p.returncode, p.stderr)
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, p.stderr
    assert "Traceback" not in p.stderr
    return lines[0]


def run_bytes(*args: str, stdin: bytes) -> subprocess.CompletedProcess:
    p = subprocess.run([*ONRECORD, *args], capture_output=True, input=stdin, timeout=120,
                       env={**os.environ, "COLUMNS": "120"})
    return subprocess.CompletedProcess(p.args, p.returncode, p.stdout.decode(), p.stderr.decode())


LETTER = str(EXAMPLES / "letter.txt")


@pytest.mark.parametrize(("data", "expect"), [
    (b"Le caf\xe9 est ferm\xe9.", "utf-8"),
    (b"\x00\x01binary\x00", "binary"),
    (b"The sky\x00 is blue.", "nul"),
    (b"\xff\xfeT\x00h\x00\x00\xd8", "utf-16"),  # a BOM, then a lone surrogate
    (b"   \n", "empty"),
])
def test_bad_stdin_exits_2_with_one_line(data, expect):
    line = _one_line_error(run_bytes("check", "-", "-s", LETTER, stdin=data))
    assert "stdin" in line.lower() or "empty" in line
    assert expect in line.lower()


def test_utf16_stdin_is_decoded_like_a_file():
    article = (EXAMPLES / "article.txt").read_text(encoding="utf-8")
    p = run_bytes("check", "-", "-s", LETTER, "-f", "json", stdin=article.encode("utf-16"))
    assert p.returncode == 1, p.stderr
    claims = json.loads(p.stdout)["claims"]
    assert claims and all(article[c["start"]:c["end"]] == c["text"] for c in claims)


@pytest.mark.parametrize("args", [
    ["check"], ["check", "a.txt"], ["check", LETTER, "-s", LETTER, "--format", "xml"], ["frobnicate"],
    ["check", LETTER, "-s", LETTER, "--max-document-chars", "zero"],
])
def test_usage_errors_are_one_line_not_a_box(args):
    line = _one_line_error(run(*args))
    assert line.startswith("onrecord: error: [E205]")


def test_output_that_cannot_be_written_is_refused_before_the_check():
    line = _one_line_error(run("check", str(EXAMPLES / "article.txt"), "-s", LETTER, "-o", "/proc/x.json"))
    assert "/proc/x.json" in line and "cannot write" in line


def test_long_output_names_and_no_temp_files_left(tmp_path):
    long_ok = tmp_path / ("r" * 240 + ".json")
    p = run("check", str(EXAMPLES / "article.txt"), "-s", LETTER, "-f", "json", "-o", str(long_ok))
    assert p.returncode == 1, p.stderr
    assert json.loads(long_ok.read_text(encoding="utf-8"))["onrecord"] == "1"
    too_long = tmp_path / ("r" * 300 + ".json")
    _one_line_error(run("check", str(EXAMPLES / "article.txt"), "-s", LETTER, "-o", str(too_long)))
    assert sorted(x.name for x in tmp_path.iterdir()) == [long_ok.name]  # nothing half-written, no .tmp


def test_output_keeps_the_existing_mode_or_gets_0644(tmp_path):
    fresh, kept = tmp_path / "fresh.json", tmp_path / "kept.json"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    for out in (fresh, kept):
        p = subprocess.run(["sh", "-c", 'umask 022 && exec "$@"', "sh", *ONRECORD, "check",
                            str(EXAMPLES / "article.txt"), "-s", LETTER, "-f", "json", "-o", str(out)],
                           capture_output=True, text=True, timeout=120)
        assert p.returncode == 1, p.stderr
    assert fresh.stat().st_mode & 0o777 == 0o644
    assert kept.stat().st_mode & 0o777 == 0o640


def test_limits_apply_by_default_and_flags_raise_them(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("The harbour reopened on Monday. " * 40_000, encoding="utf-8")  # 1.28 M characters
    line = _one_line_error(run("check", str(big), "-s", LETTER))
    assert "1,000,000" in line and "--max-document-chars" in line
    line = _one_line_error(run("check", str(EXAMPLES / "article.txt"), "-s", LETTER, "--max-document-chars", "500"))
    assert "500" in line
    line = _one_line_error(run_bytes("check", "-", "-s", LETTER, "--max-file-mb", "0.001", stdin=b"word " * 1000))
    assert "stdin" in line and "--max-file-mb" in line
    line = _one_line_error(run("check", LETTER, *sum((["-s", LETTER] for _ in range(3)), []), "--max-sources", "2"))
    assert "3 sources" in line


_BOOM = """
import sys
from onrecord import cli

@cli.app.command("boom")
def boom() -> None:
    raise RuntimeError("something nobody expected")

cli.main(sys.argv[1:])
"""


def test_an_unexpected_error_exits_4_never_1():
    p = subprocess.run([sys.executable, "-c", _BOOM, "boom"], capture_output=True, text=True, timeout=60)
    line = _one_line_error(p, rc=4)
    assert "[E900]" in line and "RuntimeError" in line and "--debug" in line
    p = subprocess.run([sys.executable, "-c", _BOOM, "boom", "--debug"], capture_output=True, text=True, timeout=60)
    assert p.returncode == 4 and "Traceback" in p.stderr and "something nobody expected" in p.stderr


def test_bench_pairs_bad_input_is_one_line(tmp_path):
    bad = tmp_path / "pairs.jsonl"
    bad.write_text('{"doc": "x", "claim": "y", "label": 1}\n{"doc": "x"\n', encoding="utf-8")
    line = _one_line_error(run("bench", "pairs", str(bad)))
    assert "pairs.jsonl:2" in line and "JSON" in line
    bad.write_text('{"doc": "x", "claim": "y"}\n', encoding="utf-8")
    assert "'label'" in _one_line_error(run("bench", "pairs", str(bad)))


def test_progress_on_stderr_when_it_is_a_terminal():
    import pty
    import select

    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen([*ONRECORD, "check", str(EXAMPLES / "article.txt"), "-s", LETTER, "-o", os.devnull],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave,
                                env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
        os.close(slave)
        seen = b""
        while True:
            ready, _, _ = select.select([master], [], [], 120)
            if not ready:
                break
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        assert proc.wait(timeout=120) == 1
    finally:
        os.close(master)
    text = seen.decode("utf-8", "replace")
    assert "checking claims" in text or "loading the model" in text, text[-500:]
    assert "0:00:" in text  # the elapsed time moves while the model works
