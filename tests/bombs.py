"""Hostile inputs built on the spot: .docx decompression bombs, lying ZIP headers, PDF text floods.

Nothing is downloaded or stored: each builder streams its huge member through zlib, so building a
512 MiB bomb takes a few MB of memory and a second or two."""

from __future__ import annotations

import struct
import zipfile
from io import BytesIO
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CHUNK = b"A" * (1 << 20)


def _skeleton() -> dict[str, bytes]:
    """The parts of a minimal .docx made by python-docx, by name."""
    import docx

    buf = BytesIO()
    d = docx.Document()
    d.add_paragraph("The committee met on Tuesday.")
    d.save(buf)
    with zipfile.ZipFile(BytesIO(buf.getvalue())) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def docx_with_body(xml: bytes) -> bytes:
    """A .docx whose word/document.xml is ``xml``."""
    parts = _skeleton()
    parts["word/document.xml"] = xml
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out.getvalue()


def docx_bomb(unpacked_mib: int = 512) -> bytes:
    """A .docx (about 1 MB per 1 GiB) whose word/document.xml unpacks to ``unpacked_mib`` MiB of text."""
    parts = _skeleton()
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in parts.items():
            if name != "word/document.xml":
                zf.writestr(name, data)
        with zf.open("word/document.xml", "w", force_zip64=unpacked_mib >= 2048) as f:
            f.write(f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'.encode())
            for _ in range(unpacked_mib):
                f.write(_CHUNK)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


def lying_bomb(unpacked_mib: int = 256, claimed: int = 4096) -> bytes:
    """A bomb whose ZIP headers claim word/document.xml unpacks to ``claimed`` bytes only."""
    data = bytearray(docx_bomb(unpacked_mib))
    name = b"word/document.xml"
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:  # central directory entries
        n = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46: at + 46 + n]) == name:
            struct.pack_into("<I", data, at + 24, claimed)
            local = struct.unpack_from("<I", data, at + 42)[0]
            struct.pack_into("<I", data, local + 22, claimed)
        at += 4
    return bytes(data)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def pdf_bomb(unpacked_mib: int = 120) -> bytes:
    """A one-page PDF whose content stream inflates to ``unpacked_mib`` MiB of text operators."""
    import zlib

    z = zlib.compressobj(9)
    line = b"BT /F1 12 Tf 72 720 Td (The harbour reopened.) Tj ET\n"
    block = line * ((1 << 20) // len(line))
    stream = b"".join(z.compress(block) for _ in range(unpacked_mib)) + z.flush()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)
