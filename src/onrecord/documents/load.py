"""Entry points: pick a loader by the file's extension and its sniffed content."""

from __future__ import annotations

import stat
from pathlib import Path, PureWindowsPath

from ..errors import Errors
from ..limits import LIBRARY_LIMITS, Limits, fmt_bytes
from .common import clean_name, looks_binary
from .document import Document, source_id_for
from .docx import load_docx
from .html import load_html
from .pdf import load_pdf
from .text import load_md, load_txt

# --------------------------------------------------------------------------------------------
# Entry points


def load(path: str | Path, id: str | None = None, title: str | None = None, *,
         limits: Limits | None = None) -> Document:
    """Load a file (txt, md, html, pdf, docx; unknown extensions with text content as txt).

    Every failure is an ``InputError`` (or subclass) whose one-line message names the file. ``limits``
    (default: ``LIBRARY_LIMITS``) caps the file's bytes, its characters and a .docx's unpacked parts.
    """
    limits = limits or LIBRARY_LIMITS
    p = Path(path)
    name = clean_name(str(path))
    try:
        st = p.stat()
    except FileNotFoundError:
        raise Errors.E110.error(name=name) from None
    except PermissionError:
        raise Errors.E111.error(name=name) from None
    except OSError as e:
        raise Errors.E112.error(name=name, reason=e.strerror or e) from None
    if stat.S_ISDIR(st.st_mode):
        raise Errors.E113.error(name=name)
    if not stat.S_ISREG(st.st_mode):
        raise Errors.E114.error(name=name)
    _require_bytes(st.st_size, name, limits)
    try:
        with p.open("rb") as f:
            data = f.read(limits.max_file_bytes + 1)  # the file may grow between stat and read
    except PermissionError:
        raise Errors.E111.error(name=name) from None
    except OSError as e:
        raise Errors.E112.error(name=name, reason=e.strerror or e) from None
    _require_bytes(len(data), name, limits)
    return _load_data(data, name, p.suffix.lower(), id or source_id_for(p), title, str(path), limits)


def _require_bytes(n: int, name: str, limits: Limits) -> None:
    if n > limits.max_file_bytes:
        raise Errors.E134.error(name=name, size=fmt_bytes(n), limit=fmt_bytes(limits.max_file_bytes),
                                hint="; raise it with --max-file-mb")


def load_bytes(data: bytes, filename: str, id: str | None = None, title: str | None = None, *,
               limits: Limits | None = None) -> Document:
    """Load a file's content already in memory (an upload). ``filename`` only picks the format and
    names the document: it is never opened, and only its last component is kept."""
    base = PureWindowsPath(filename or "").name or "upload"  # splits on both / and \
    name = clean_name(base)
    ext = Path(base).suffix.lower()
    return _load_data(bytes(data), name, ext, id or source_id_for(base), title, None, limits or LIBRARY_LIMITS)


def load_stream(data: bytes, name: str = "stdin", id: str = "text", *, limits: Limits | None = None) -> Document:
    """Load bytes read from a stream (stdin) as a file with no extension would be, but as text unless
    its content is a PDF or .docx: the same decoder (BOM detection, UTF-8), the same refusals."""
    limits = limits or LIBRARY_LIMITS
    _require_bytes(len(data), name, limits)
    return _load_data(bytes(data), clean_name(name), ".txt", id, None, None, limits)


# --------------------------------------------------------------------------------------------
# Picking a loader

_TEXT_EXTS = {".txt", ".text"}
_MD_EXTS = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_EXTS = {".html", ".htm", ".xhtml"}

_MAGIC = [  # (prefix, what it is) for binary formats we do not read
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
]
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _load_data(data: bytes, name: str, ext: str, id: str, title: str | None, path: str | None,
               limits: Limits) -> Document:
    if not data:
        raise Errors.E120.error(name=name)
    fmt, warnings = _pick_format(data, name, ext)
    doc = _LOADERS[fmt](data, name, limits)
    doc.id = id
    doc.path = path
    doc.name = clean_name(Path(path).name) if path is not None else name
    if title:
        doc.title = title
    elif not doc.title:
        doc.title = id
    doc.warnings[:0] = warnings
    return doc


def _pick_format(data: bytes, name: str, ext: str) -> tuple[str, list[str]]:
    """The loader for ``data`` (by its content first, then its extension) and warnings to say why."""
    kind = _sniff(data)
    warnings: list[str] = []
    if kind in ("pdf", "docx"):
        if ext != f".{kind}":
            warnings.append(f"{name}: content is {kind.upper()} although the name says {ext or 'nothing'}; "
                            f"loaded as {kind.upper()}")
        fmt = kind
    elif kind == "ole":
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            raise Errors.E148.error(name=name, what="is a password-protected Office document; save an "
                                    "unprotected copy")
        raise Errors.E144.error(name=name, what="is a legacy Office file (.doc/.xls/.ppt); save it as .docx")
    elif ext == ".pdf":
        fmt = "pdf"  # not a PDF by its header: the PDF loader says so
    elif ext == ".docx":
        fmt = "docx"
    elif kind is not None:
        raise Errors.E144.error(name=name, what=f"is {kind}, not a document onrecord can read "
                                "(txt, md, html, pdf, docx)")
    elif ext in _HTML_EXTS:
        fmt = "html"
    elif ext in _MD_EXTS:
        fmt = "md"
    elif ext in _TEXT_EXTS:
        fmt = "txt"
    else:
        if looks_binary(data):
            raise Errors.E144.error(name=name, what=f"has binary content and an unknown extension "
                                    f"({ext or 'none'}); onrecord reads txt, md, html, pdf, docx")
        head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        fmt = "html" if head.startswith((b"<!doctype html", b"<html")) else "txt"
        warnings.append(f"{name}: unknown extension ({ext or 'none'}); loaded as {fmt}")
    return fmt, warnings


def _sniff(data: bytes) -> str | None:
    """What the content is by its first bytes: 'pdf', 'docx', 'ole', another binary kind, or None."""
    head = data[:1024]
    if head.lstrip(b"\xef\xbb\xbf\x00\t\r\n\x0c ").startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if b"word/document.xml" in data or b"word/_rels" in data:
            return "docx"
        if b"xl/workbook" in data:
            return "an Excel workbook (.xlsx)"
        if b"ppt/presentation" in data:
            return "a PowerPoint file (.pptx)"
        if b"application/vnd.oasis.opendocument" in head:
            return "an OpenDocument file"
        if b"application/epub+zip" in head:
            return "an EPUB book"
        return "a ZIP archive"
    if data.startswith(_OLE_MAGIC):
        return "ole"
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None




_LOADERS = {"txt": load_txt, "md": load_md, "html": load_html, "pdf": load_pdf, "docx": load_docx}
