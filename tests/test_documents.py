"""Document loading: real files of every format, made here in tmp_path, and the offset map back."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from onrecord.documents import Document, PageSpan, from_text, load, load_bytes, source_id_for
from onrecord.errors import (
    DecodeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    InputError,
    UnsupportedFormatError,
)

# --------------------------------------------------------------------------------------------
# Builders for real files


def make_pdf(pages: list[str | None]) -> bytes:
    """A real PDF made with fpdf2: one page per item, None for a page with no text at all."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for body in pages:
        pdf.add_page()
        if body is not None:
            for line in body.split("\n"):
                pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def encrypt_pdf(data: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(data)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = "Quarterly memo"
    d.add_heading("Quarterly memo", level=1)
    d.add_paragraph("Revenue rose in the third quarter.")
    d.add_paragraph("")  # an empty paragraph adds nothing
    table = d.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Region"
    table.cell(0, 1).text = "Sales"
    table.cell(0, 2).text = "Notes"
    table.cell(1, 0).text = "North"
    table.cell(1, 1).text = "4.2 million"
    merged = table.cell(0, 2).merge(table.cell(1, 2))
    merged.text = "Audited figures"
    d.add_paragraph("The board approved the plan after the table.")
    d.save(str(path))


ARTICLE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Harbour bridge reopens after repairs</title>
<style>body { color: black; }</style><script>var tracker = "TRACKINGCODE";</script></head>
<body>
<header><nav><ul>
  <li><a href="/">Homepage</a></li><li><a href="/world">Worldwide</a></li>
  <li><a href="/subscribe">Subscribe today</a></li><li><a href="/login">Member login</a></li>
</ul></nav></header>
<main><article>
<h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Monday after eight months of repairs that cost the
city council 12 million euros, according to the mayor's office.</p>
<p>Engineers replaced corroded steel cables and resurfaced the entire deck, the transport
department said in a statement published on its website.</p>
<p>"We are proud of the crews who worked through the winter," the mayor told reporters at the
opening ceremony, adding that tolls would remain unchanged for the rest of the year.</p>
<p>Local businesses on both sides of the river reported a sharp drop in customers while the bridge
was closed, and several shop owners welcomed the reopening.</p>
</article></main>
<footer><p>Copyright 2024 Example Media Group. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/cookies">Cookie settings</a></li></ul>
</footer>
</body></html>
"""


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    p.write_bytes(data)
    return p


def assert_one_line(err: pytest.ExceptionInfo, *needles: str) -> None:
    msg = str(err.value)
    assert "\n" not in msg
    for n in needles:
        assert n in msg, (n, msg)


# --------------------------------------------------------------------------------------------
# Plain text and markdown


def test_txt_offsets_line_and_column(tmp_path):
    p = write(tmp_path, "notes.txt", "first line\nsecond line here\nthird\n")
    doc = load(p)
    assert doc.id == "notes" == source_id_for(p)
    assert doc.title == "notes"
    assert doc.format == "txt" and doc.path == str(p) and doc.name == "notes.txt"
    off = doc.text.index("here")
    loc = doc.locate(off)
    assert (loc.path, loc.page, loc.line, loc.column) == (str(p), None, 2, 13)
    assert doc.locate(0).line == 1 and doc.locate(0).column == 1
    assert doc.locate(len(doc.text)).line == 4
    assert doc.snippet(off, off + 4) == doc.text[off:off + 4] == "here"


def test_txt_bom_is_dropped(tmp_path):
    p = write(tmp_path, "bom.txt", b"\xef\xbb\xbfCaf\xc3\xa9 au lait\nline two\n")
    doc = load(p)
    assert doc.text == "Café au lait\nline two\n"
    assert doc.locate(doc.text.index("two")).column == 6


def test_txt_crlf_is_normalised(tmp_path):
    p = write(tmp_path, "win.txt", b"one\r\ntwo\r\nthree\rfour\n")
    doc = load(p)
    assert doc.text == "one\ntwo\nthree\nfour\n"
    loc = doc.locate(doc.text.index("four"))
    assert (loc.line, loc.column) == (4, 1)


def test_utf16_with_bom_is_read(tmp_path):
    p = write(tmp_path, "wide.txt", "\ufeffHello wide world\r\n".encode("utf-16-le"))
    assert load(p).text == "Hello wide world\n"


def test_latin1_txt_is_a_decode_error_naming_file_and_byte(tmp_path):
    p = write(tmp_path, "latin.txt", "ok line\nna\xefve caf\xe9\n".encode("latin-1"))
    with pytest.raises(DecodeError) as err:
        load(p)
    assert_one_line(err, "latin.txt", "UTF-8", "byte 10", "line 2")
    assert err.value.code == "E104"


def test_markdown_kept_as_is(tmp_path):
    src = "# Release notes\n\nSome *emphasis* and a [link](http://x.org).\n\n- item one\n"
    p = write(tmp_path, "notes.md", src)
    doc = load(p)
    assert doc.text == src and doc.format == "md"
    assert doc.title == "Release notes"
    off = src.index("[link]")
    assert doc.text[off:off + 6] == "[link]"
    assert (doc.locate(off).line, doc.locate(off).column) == (3, 23)


def test_unknown_extension_with_text_loads_as_txt(tmp_path):
    p = write(tmp_path, "transcript.log", "Speaker A: we will ship in May.\n")
    doc = load(p)
    assert doc.format == "txt" and "ship in May" in doc.text
    assert any("unknown extension" in w for w in doc.warnings)


def test_id_and_title_overrides(tmp_path):
    p = write(tmp_path, "a.txt", "text")
    doc = load(p, id="letter", title="The letter")
    assert (doc.id, doc.title) == ("letter", "The letter")


def test_no_truncation_of_long_text(tmp_path):
    line = "The committee met again and heard further evidence from witnesses.\n"
    src = line * 40000  # ~2.7 MB
    doc = load(write(tmp_path, "long.txt", src))
    assert doc.text == src
    loc = doc.locate(len(src) - 3)
    assert loc.line == 40000


# --------------------------------------------------------------------------------------------
# Errors common to every format


@pytest.mark.parametrize("name, data", [
    ("blob.txt", b"text\x00\x01\x02more"),
    ("blob.bin", bytes(range(256)) * 4),
    ("picture.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    ("picture.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    ("archive.zip", b"PK\x03\x04" + b"\x00" * 64),
    ("page.html", b"<html>\x00\x00\x00</html>"),
])
def test_binary_content_is_unsupported(tmp_path, name, data):
    with pytest.raises(UnsupportedFormatError) as err:
        load(write(tmp_path, name, data))
    assert_one_line(err, name)


@pytest.mark.parametrize("name, data", [
    ("empty.txt", b""), ("blank.txt", b"  \n\t\r\n "), ("empty.pdf", b""), ("empty.md", b"\xef\xbb\xbf\n"),
    ("blank.html", b"<html><body>   </body></html>"),
])
def test_empty_documents(tmp_path, name, data):
    with pytest.raises(EmptyDocumentError) as err:
        load(write(tmp_path, name, data))
    assert_one_line(err, name)


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as err:
        load(tmp_path / "nope.txt")
    assert_one_line(err, "nope.txt", "no such file")


def test_directory(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(InputError) as err:
        load(tmp_path / "folder.txt")
    assert_one_line(err, "folder.txt", "directory")


def test_unreadable_file(tmp_path, monkeypatch):
    p = write(tmp_path, "secret.txt", "hidden")

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(InputError) as err:
        load(p)
    assert_one_line(err, "secret.txt", "permission denied")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_for_real(tmp_path):
    p = write(tmp_path, "secret.txt", "hidden")
    p.chmod(0)
    try:
        with pytest.raises(InputError) as err:
            load(p)
        assert_one_line(err, "secret.txt", "permission denied")
    finally:
        p.chmod(0o600)


# --------------------------------------------------------------------------------------------
# HTML


def test_html_main_text_without_boilerplate(tmp_path):
    doc = load(write(tmp_path, "bridge.html", ARTICLE))
    assert doc.format == "html"
    assert doc.title == "Harbour bridge reopens after repairs"
    assert "cost the city council 12 million euros" in " ".join(doc.text.split())
    assert "tolls would remain unchanged" in " ".join(doc.text.split())
    for boilerplate in ("Subscribe today", "Member login", "Worldwide", "TRACKINGCODE", "Cookie settings"):
        assert boilerplate not in doc.text
    off = doc.text.index("Engineers replaced")
    assert doc.text[off:off + 18] == doc.snippet(off, off + 18) == "Engineers replaced"


def test_html_falls_back_to_body_text(tmp_path, monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: None)
    doc = load(write(tmp_path, "bridge.htm", ARTICLE))
    assert "Engineers replaced corroded steel cables" in doc.text
    assert "TRACKINGCODE" not in doc.text and "color: black" not in doc.text
    assert any("<body>" in w for w in doc.warnings)


def test_html_legacy_encoding_from_meta(tmp_path):
    html = ('<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head>'
            '<body><p>Le caf\xe9 est ouvert.</p></body></html>').encode("cp1252")
    doc = load(write(tmp_path, "cafe.html", html))
    assert doc.title == "Café"
    assert "café est ouvert" in doc.text


def test_html_sniffed_from_unknown_extension(tmp_path):
    doc = load(write(tmp_path, "saved.page", ARTICLE))
    assert doc.format == "html" and "Subscribe today" not in doc.text


# --------------------------------------------------------------------------------------------
# PDF


def test_pdf_pages_locate(tmp_path):
    data = make_pdf(["Alpha page one first line\nAlpha second line",
                     "Bravo text on page two\nBravo another line on two",
                     "Charlie closes on page three"])
    doc = load(write(tmp_path, "report.pdf", data))
    assert doc.format == "pdf" and [p.number for p in doc.pages] == [1, 2, 3]
    for phrase, page, line in [("Alpha second line", 1, 2), ("Bravo text on page two", 2, 1),
                               ("another line on two", 2, 2), ("Charlie closes", 3, 1)]:
        start = doc.text.index(phrase)
        end = start + len(phrase)
        assert doc.text[start:end] == doc.snippet(start, end) == phrase
        loc = doc.locate(start)
        assert (loc.page, loc.line) == (page, line), phrase
        assert doc.page_of(end - 1) == page
    loc = doc.locate(doc.text.index("another"))
    assert loc.column == doc.text.index("another") - doc.text.rindex("\n", 0, doc.text.index("another"))
    assert doc.locate(len(doc.text)).page == 3
    assert doc.pages[0].start == 0 and doc.pages[-1].end == len(doc.text)
    assert all(a.end == b.start for a, b in zip(doc.pages, doc.pages[1:], strict=False))


def test_pdf_page_without_text_is_named(tmp_path):
    doc = load(write(tmp_path, "gaps.pdf", make_pdf(["Words on page one", None, "Words on page three"])))
    assert doc.page_of(doc.text.index("page three")) == 3
    assert any("page(s) 2" in w for w in doc.warnings)


def test_pdf_without_text_layer(tmp_path):
    with pytest.raises(EmptyDocumentError) as err:
        load(write(tmp_path, "scan.pdf", make_pdf([None, None])))
    assert_one_line(err, "scan.pdf", "no text layer")


def test_pdf_encrypted(tmp_path):
    data = encrypt_pdf(make_pdf(["Top secret plans", "More plans"]), user_password="hunter2")
    with pytest.raises(EncryptedDocumentError) as err:
        load(write(tmp_path, "locked.pdf", data))
    assert_one_line(err, "locked.pdf", "password")


def test_pdf_encrypted_with_empty_password_opens(tmp_path):
    data = encrypt_pdf(make_pdf(["Readable by anyone", "Page two"]), user_password="")
    doc = load(write(tmp_path, "restricted.pdf", data))
    assert "Readable by anyone" in doc.text and doc.page_of(doc.text.index("Page two")) == 2


def test_pdf_aes_without_crypto_library(tmp_path, monkeypatch):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    def no_aes(self, password):
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", no_aes)
    data = encrypt_pdf(make_pdf(["x"]), user_password="")
    with pytest.raises(EncryptedDocumentError) as err:
        load(write(tmp_path, "aes.pdf", data))
    assert_one_line(err, "aes.pdf", "cryptography")


@pytest.mark.parametrize("data", [b"%PDF-1.7\nthis is not really a pdf\n%%EOF", b"just some text"])
def test_pdf_corrupt(tmp_path, data):
    with pytest.raises(InputError) as err:
        load(write(tmp_path, "broken.pdf", data))
    assert_one_line(err, "broken.pdf", "PDF")
    assert not isinstance(err.value, EncryptedDocumentError)


def test_pdf_truncated(tmp_path):
    data = make_pdf(["Some text", "More text"])
    try:
        doc = load(write(tmp_path, "cut.pdf", data[: len(data) // 2]))
    except InputError as e:  # either a clear error, or whatever pypdf could recover, never a traceback
        assert "cut.pdf" in str(e) and "\n" not in str(e)
    else:
        assert isinstance(doc, Document)


def test_pdf_named_txt_is_sniffed(tmp_path):
    doc = load(write(tmp_path, "misnamed.txt", make_pdf(["Hello from a PDF"])))
    assert doc.format == "pdf" and "Hello from a PDF" in doc.text
    assert any("PDF" in w for w in doc.warnings)


# --------------------------------------------------------------------------------------------
# DOCX


def test_docx_paragraphs_and_tables(tmp_path):
    p = tmp_path / "memo.docx"
    make_docx(p)
    doc = load(p)
    assert doc.format == "docx" and doc.title == "Quarterly memo"
    blocks = doc.text.split("\n\n")
    # A table is one block, a pipe-table line per row (documents/tables.py); the cell merged down
    # two rows reads in both.
    assert blocks == ["Quarterly memo", "Revenue rose in the third quarter.",
                      "| Region | Sales | Audited figures |\n|---|---|---|\n| North | 4.2 million | Audited figures |",
                      "The board approved the plan after the table."]
    assert doc.warnings == []
    off = doc.text.index("4.2 million")
    assert doc.snippet(off, off + 11) == "4.2 million"
    loc = doc.locate(off)
    assert loc.page is None and loc.column == off - doc.text.rindex("\n", 0, off)
    assert loc.line == doc.text[:off].count("\n") + 1


def test_docx_text_outside_paragraphs_is_reported(tmp_path):
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("Visible paragraph.")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    sdt = parse_xml(f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>Hidden in a content control</w:t></w:r>'
                    '</w:p></w:sdtContent></w:sdt>')
    d.element.body.insert(0, sdt)
    d.save(str(tmp_path / "cc.docx"))
    doc = load(tmp_path / "cc.docx")
    assert "Visible paragraph." in doc.text
    assert any("content controls" in w for w in doc.warnings)
    assert load(tmp_path / "cc.docx").warnings == doc.warnings


@pytest.mark.parametrize("data", [b"PK\x03\x04" + b"garbage" * 20, b"not a zip at all"])
def test_docx_corrupt(tmp_path, data):
    with pytest.raises(InputError) as err:
        load(write(tmp_path, "broken.docx", data))
    assert_one_line(err, "broken.docx", ".docx")


def test_docx_password_protected(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(EncryptedDocumentError) as err:
        load(write(tmp_path, "locked.docx", ole))
    assert_one_line(err, "locked.docx")


# --------------------------------------------------------------------------------------------
# Bytes in memory (uploads)


def test_load_bytes_never_uses_the_client_path(tmp_path):
    doc = load_bytes(b"Uploaded words.\n", "../../etc/passwd.txt")
    assert doc.text == "Uploaded words.\n"
    assert doc.path is None and doc.name == "passwd.txt" and doc.id == "passwd"
    assert doc.locate(3).path is None
    doc = load_bytes(b"x y z", "C:\\Users\\me\\draft.md", id="draft1")
    assert (doc.id, doc.name, doc.format) == ("draft1", "draft.md", "md")


def test_load_bytes_formats(tmp_path):
    doc = load_bytes(make_pdf(["Page one words", "Page two words"]), "up.pdf")
    assert doc.page_of(doc.text.index("two words")) == 2
    make_docx(tmp_path / "m.docx")
    assert "Audited figures" in load_bytes((tmp_path / "m.docx").read_bytes(), "m.docx").text
    with pytest.raises(DecodeError) as err:
        load_bytes("caf\xe9".encode("latin-1"), "evil\nname.txt")
    assert_one_line(err, "evil?name.txt")


# --------------------------------------------------------------------------------------------
# Document itself


def test_locate_and_snippet_bounds():
    doc = Document(id="d", text="abc\ndef", pages=[PageSpan(1, 0, 4), PageSpan(2, 4, 7)])
    assert doc.locate(5).page == 2 and (doc.locate(5).line, doc.locate(5).column) == (1, 2)
    assert doc.locate(2).page == 1
    assert doc.locate(7).page == 2
    with pytest.raises(ValueError):
        doc.locate(8)
    with pytest.raises(ValueError):
        doc.snippet(5, 3)
    assert doc.snippet(4, 5, context=2) == "…c\ndef"
    assert doc.snippet(1, 2, context=1) == "abc…"


def test_a_documents_words_are_its_lower_cased_words_in_any_alphabet():
    doc = from_text("Québec's African-American mayor met 3 CEOs in Zürich.", id="s")
    assert doc.lowered == "québec's african-american mayor met 3 ceos in zürich."
    assert doc.words == frozenset({"québec", "s", "african", "american", "mayor", "met", "ceos", "in", "zürich"})
    # Computed once: the same object on every read.
    assert doc.words is doc.words
