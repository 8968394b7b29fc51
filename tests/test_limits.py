"""Limits on what a document may unpack to or hold, for real: bombs built here, loaded through the
public loaders and the real CLI, with the peak memory of the process that loads them measured."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from onrecord.documents import load, load_bytes
from onrecord.errors import InputError, TooLargeError
from onrecord.limits import Limits

from .bombs import docx_bomb, docx_with_body, lying_bomb, pdf_bomb, write
from .conftest import EXAMPLES

# Python, lxml, python-docx and pypdf imported take ~80 MB; the bomb loaded whole took > 2 GB.
PEAK_MB = 400


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    return write(tmp_path_factory.mktemp("bomb") / "bomb.docx", docx_bomb(512))


def _peak_mb_of(code: str, *args: str) -> tuple[int, str]:
    """Run ``code`` in a fresh Python; its peak RSS (MB) and its last output line.

    The peak is the kernel's VmHWM of the new process: ``getrusage`` would also count the memory of
    the process it was started from (Linux keeps ``maxrss`` across exec)."""
    prog = textwrap.dedent(code) + textwrap.dedent("""
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                print(int(line.split()[1]))
    """)
    p = subprocess.run([sys.executable, "-c", prog, *args], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.strip().splitlines()
    return int(lines[-1]) // 1024, "\n".join(lines[:-1])


def test_docx_bomb_is_refused_before_it_is_unpacked(bomb):
    assert bomb.stat().st_size < 3 * 1024 * 1024  # a small file...
    with pytest.raises(TooLargeError) as err:  # ...that would unpack to 512 MiB
        load(bomb)
    msg = str(err.value)
    assert "\n" not in msg and "bomb.docx" in msg and "word/document.xml" in msg and "unpacks" in msg
    assert err.value.http_status == 413


def test_docx_bomb_peak_memory_stays_bounded(bomb):
    peak, out = _peak_mb_of("""
        import sys
        from onrecord.documents import load
        from onrecord.errors import OnrecordError
        try:
            load(sys.argv[1])
        except OnrecordError as e:
            print(e)
    """, str(bomb))
    assert "unpacks to more than" in out
    assert peak < PEAK_MB, f"loading a bomb peaked at {peak} MB"


def test_lying_zip_headers_are_counted_while_reading(tmp_path):
    # The headers say 4 KiB; the stream holds 256 MiB. Whatever zipfile makes of it, never a traceback
    # and never the whole member in memory.
    path = write(tmp_path / "liar.docx", lying_bomb(256))
    peak, out = _peak_mb_of("""
        import sys
        from onrecord.documents import load
        from onrecord.errors import OnrecordError
        try:
            load(sys.argv[1])
        except OnrecordError as e:
            print(e)
    """, str(path))
    assert "liar.docx" in out and "\n" not in out
    assert peak < PEAK_MB


def test_pdf_stream_bomb_is_refused_with_bounded_memory(tmp_path):
    path = write(tmp_path / "bomb.pdf", pdf_bomb(120))  # 0.4 MB that inflates to 120 MiB
    peak, out = _peak_mb_of("""
        import sys
        from onrecord.documents import load
        from onrecord.errors import OnrecordError
        try:
            load(sys.argv[1])
        except OnrecordError as e:
            print(e.code, e.http_status, e)
    """, str(path))
    assert out.startswith("E136 413") and "page 1" in out
    assert peak < PEAK_MB


def test_cli_refuses_a_bomb_with_one_line_and_exit_2(bomb):
    _, out = _peak_mb_of("""
        import subprocess, sys
        p = subprocess.run([sys.executable, "-m", "onrecord.cli", "check", sys.argv[1], "-s", sys.argv[2]],
                           capture_output=True, text=True)
        print(p.returncode)
        print(p.stderr.strip())
    """, str(bomb), str(EXAMPLES / "letter.txt"))
    rc, line = out.split("\n", 1)
    assert rc == "2" and "\n" not in line and "unpacks to more than" in line, out
    # The CLI child, measured by its own kernel high-water mark (VmHWM) just before it exits.
    probe = ("import atexit, onrecord.cli as c; atexit.register(lambda: print([l for l in open('/proc/self/status')"
             " if l.startswith('VmHWM')][0].split()[1], file=__import__('sys').stderr)); c.main()")
    p = subprocess.run([sys.executable, "-c", probe, "check", str(bomb), "-s", str(EXAMPLES / "letter.txt")],
                       capture_output=True, text=True, timeout=300)
    peak_child = int(p.stderr.strip().splitlines()[-1]) // 1024
    assert p.returncode == 2 and peak_child < PEAK_MB, f"the CLI peaked at {peak_child} MB on a bomb"


def test_cli_flag_raises_the_unpacked_limit(tmp_path):
    path = write(tmp_path / "six.docx", docx_bomb(6))
    p = subprocess.run([sys.executable, "-m", "onrecord.cli", "check", str(path), "-s", str(path),
                        "--max-unpacked-mb", "4"], capture_output=True, text=True, timeout=120)
    assert p.returncode == 2 and "--max-unpacked-mb" in p.stderr
    # Raised past the size, the same file loads: the character limit is what stops it next.
    p = subprocess.run([sys.executable, "-m", "onrecord.cli", "check", str(path), "-s", str(path),
                        "--max-unpacked-mb", "16"], capture_output=True, text=True, timeout=120)
    assert p.returncode == 2 and "characters" in p.stderr and "Traceback" not in p.stderr


def test_docx_characters_capped_while_reading():
    body = "".join(f"<w:p><w:r><w:t>Paragraph {i} of the long report.</w:t></w:r></w:p>" for i in range(5000))
    data = docx_with_body(f'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                          f"<w:body>{body}</w:body></w:document>".encode())
    with pytest.raises(TooLargeError, match="10,000 characters"):
        load_bytes(data, "long.docx", limits=Limits(max_document_chars=10_000))
    assert len(load_bytes(data, "long.docx").text) > 100_000


def test_docx_entity_declarations_are_refused_not_dropped():
    # Text after an entity reference used to vanish silently (python-docx does not expand entities).
    xml = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY co "the committee">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           b"<w:p><w:r><w:t>Before &co; after the entity.</w:t></w:r></w:p></w:body></w:document>")
    with pytest.raises(InputError, match="ENTITY") as err:
        load_bytes(docx_with_body(xml), "entity.docx")
    assert err.value.code == "E149"


def test_plain_text_over_the_limit_is_refused_unread(tmp_path):
    path = write(tmp_path / "big.txt", b"word " * 300_000)
    with pytest.raises(TooLargeError, match="1,000,000"):
        load(path, limits=Limits(max_document_chars=1_000_000))
    with pytest.raises(TooLargeError, match="per file"):
        load(path, limits=Limits(max_file_bytes=1_000_000))


def test_pdf_stops_at_the_first_page_past_the_limit(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    for n in range(40):
        pdf.add_page()
        pdf.multi_cell(0, 5, f"Page {n}. " + "The minister spoke about the harbour budget. " * 40)
    path = write(tmp_path / "long.pdf", bytes(pdf.output()))
    with pytest.raises(TooLargeError, match="5,000 characters"):
        load(path, limits=Limits(max_document_chars=5_000))
    assert load(path).pages[-1].number == 40


def test_noscript_and_template_text_is_not_loaded():
    html = (b"<html><body><article><p>The harbour reopened on Monday after the storm.</p>"
            b"<noscript><p>Please enable JavaScript to read this site.</p></noscript>"
            b"<template><p>Hidden template text.</p></template>"
            b"<p>Ships queued overnight at the outer mole.</p></article></body></html>")
    doc = load_bytes(html, "page.html")
    assert "harbour reopened" in doc.text and "queued overnight" in doc.text
    assert "JavaScript" not in doc.text and "template text" not in doc.text


def test_deeply_nested_html_is_one_clear_error_or_loads():
    html = b"<html><body>" + b"<div>" * 50_000 + b"Deep text here." + b"</div>" * 50_000 + b"</body></html>"
    try:
        doc = load_bytes(html, "deep.html")
    except InputError as e:
        assert "\n" not in str(e) and "deep.html" in str(e)
    else:
        assert "Deep text" in doc.text
