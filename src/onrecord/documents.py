"""Documents: loaded text plus the map from every character offset back to the original.

Loaders (one small function per format) live below; ``load`` and ``load_bytes`` pick one by the
file's extension and its sniffed content.

What the offsets index, per format (``Document.text`` is always what every offset indexes):

- ``.txt`` and unknown extensions with text content: the file decoded as UTF-8 (a UTF-8 byte order
  mark is dropped; UTF-16/32 files that start with a BOM are decoded too). Line endings are
  normalised: ``\\r\\n`` and a lone ``\\r`` both become ``\\n``. Nothing else changes, so line and
  column from ``locate`` are the line and column an editor shows for the file.
- ``.md``: the same, markdown syntax kept as is (not stripped), so offsets map 1:1 to the file's
  characters (after the line-ending normalisation).
- ``.html``/``.htm``: the main text as extracted by trafilatura (boilerplate such as navigation
  menus and footers dropped); when that finds nothing, all the text of ``<body>``. Offsets index
  the extracted text, not the HTML source.
- ``.pdf``: the text layer, page by page, pages separated by a blank line. ``pages`` holds one
  ``PageSpan`` per page, so ``locate`` gives the page, and line/column counted within that page.
- ``.docx``: paragraphs and table cells in document order, joined with blank lines.

Nothing is ever truncated. Anything a loader could not examine (a PDF page without a text layer,
say) is named in ``Document.warnings``.
"""

from __future__ import annotations

import bisect
import logging
import re
import stat
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path, PureWindowsPath

from .errors import (
    DecodeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    InputError,
    UnsupportedFormatError,
)

# pypdf logs each oddity of a damaged file ("EOF marker not found") and has no handler of its own, so
# without this Python's last-resort handler prints them on stderr. A NullHandler only stops that: an
# application that configures logging still gets them. The errors we raise say what went wrong.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class PageSpan:
    """Characters ``[start, end)`` of the loaded text came from page ``number`` (1-based)."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Location:
    """Where an offset of the loaded text sits in the original file.

    ``line`` and ``column`` are 1-based and count characters. For a paged document (``page`` is not
    None) the line is counted from the top of that page; otherwise from the top of the text.
    """

    path: str | None
    page: int | None
    line: int
    column: int


@dataclass
class Document:
    """A loaded text. ``text`` is what every offset indexes (Python ``str`` indices).

    ``path`` is the file it was loaded from (None for text or bytes in memory); ``name`` is the file
    name to show people (also set for uploads, where ``path`` stays None). ``pages``, when given,
    must be sorted and not overlap; treat it as fixed once the document is made.
    """

    id: str
    text: str
    title: str = ""
    path: str | None = None
    format: str = "txt"
    pages: list[PageSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    name: str | None = None
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _page_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.title:
            self.title = self.id
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._line_starts = starts
        self._page_starts = [p.start for p in self.pages]

    def _page_index(self, offset: int) -> int | None:
        if len(self._page_starts) != len(self.pages):  # pages replaced after construction
            self._page_starts = [p.start for p in self.pages]
        if offset == len(self.text) and offset > 0:
            offset -= 1  # the end of the text belongs to the page of its last character
        i = bisect.bisect_right(self._page_starts, offset) - 1
        if i < 0:
            return None
        p = self.pages[i]
        if p.start <= offset < p.end or offset == p.end == len(self.text):
            return i
        return None

    def locate(self, offset: int) -> Location:
        """Map an offset of ``text`` to page (when the format has pages), line and column (1-based).

        ``len(text)`` is a valid offset (the end of the text). Line and column count from the top
        of the page for paged documents.
        """
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside document {self.id!r} (0..{len(self.text)})")
        line_idx = bisect.bisect_right(self._line_starts, offset) - 1
        line_start = self._line_starts[line_idx]
        page = None
        if self.pages:
            pi = self._page_index(offset)
            if pi is not None:
                span = self.pages[pi]
                page = span.number
                first_line_idx = bisect.bisect_right(self._line_starts, span.start) - 1
                line_idx -= first_line_idx
                line_start = max(line_start, span.start)
        return Location(self.path, page, line_idx + 1, offset - line_start + 1)

    def page_of(self, offset: int) -> int | None:
        return self.locate(offset).page if self.pages else None

    def snippet(self, start: int, end: int, context: int = 0) -> str:
        """The text of ``[start, end)``: exactly ``text[start:end]`` when ``context`` is 0.

        With ``context > 0``, up to that many characters either side are added for display, and an
        ellipsis marks each side where the text goes on; such a snippet no longer round-trips.
        """
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span {start}..{end} is outside document {self.id!r} (0..{n})")
        if context <= 0:
            return self.text[start:end]
        lo, hi = max(0, start - context), min(n, end + context)
        return ("…" if lo > 0 else "") + self.text[lo:hi] + ("…" if hi < n else "")


def from_text(text: str, id: str = "text", title: str = "") -> Document:
    """A document made from a string already in memory (API, HTTP)."""
    return Document(id=id, text=text, title=title or id)


def source_id_for(path: str | Path) -> str:
    """A source's default id: its file name without extension (DESIGN.md)."""
    return Path(path).stem


# --------------------------------------------------------------------------------------------
# Entry points


def load(path: str | Path, id: str | None = None, title: str | None = None) -> Document:
    """Load a file (txt, md, html, pdf, docx; unknown extensions with text content as txt).

    Every failure is an ``InputError`` (or subclass) whose one-line message names the file.
    """
    p = Path(path)
    name = _clean(str(path))
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: cannot be read (permission denied)") from None
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{name}: is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{name}: is not a regular file")
    try:
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"{name}: cannot be read (permission denied)") from None
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e})") from None
    return _load_data(data, name, p.suffix.lower(), id or source_id_for(p), title, path=str(path))


def load_bytes(data: bytes, filename: str, id: str | None = None, title: str | None = None) -> Document:
    """Load a file's content already in memory (an upload). ``filename`` only picks the format and
    names the document: it is never opened, and only its last component is kept."""
    base = PureWindowsPath(filename or "").name or "upload"  # splits on both / and \
    name = _clean(base)
    ext = Path(base).suffix.lower()
    return _load_data(bytes(data), name, ext, id or source_id_for(base), title, path=None)


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


def _load_data(data: bytes, name: str, ext: str, id: str, title: str | None, path: str | None) -> Document:
    if not data:
        raise EmptyDocumentError(f"{name}: is empty (0 bytes)")
    kind = _sniff(data)
    warnings: list[str] = []
    if kind in ("pdf", "docx"):
        if ext != f".{kind}":
            warnings.append(f"{name}: content is {kind.upper()} although the name says {ext or 'nothing'}; "
                            f"loaded as {kind.upper()}")
        fmt = kind
    elif kind == "ole":
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            raise EncryptedDocumentError(f"{name}: is a password-protected Office document; "
                                         "save an unprotected copy")
        raise UnsupportedFormatError(f"{name}: is a legacy Office file (.doc/.xls/.ppt); save it as .docx")
    elif ext == ".pdf":
        fmt = "pdf"  # not a PDF by its header: the PDF loader says so
    elif ext == ".docx":
        fmt = "docx"
    elif kind is not None:
        raise UnsupportedFormatError(f"{name}: is {kind}, not a document onrecord can read "
                                     "(txt, md, html, pdf, docx)")
    elif ext in _HTML_EXTS:
        fmt = "html"
    elif ext in _MD_EXTS:
        fmt = "md"
    elif ext in _TEXT_EXTS:
        fmt = "txt"
    else:
        if _looks_binary(data):
            raise UnsupportedFormatError(f"{name}: has binary content and an unknown extension "
                                         f"({ext or 'none'}); onrecord reads txt, md, html, pdf, docx")
        head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        fmt = "html" if head.startswith((b"<!doctype html", b"<html")) else "txt"
        warnings.append(f"{name}: unknown extension ({ext or 'none'}); loaded as {fmt}")
    loader = _LOADERS[fmt]
    doc = loader(data, name)
    doc.id = id
    doc.path = path
    doc.name = _clean(Path(path).name) if path is not None else name
    if title:
        doc.title = title
    elif not doc.title:
        doc.title = id
    doc.warnings[:0] = warnings
    return doc


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


def _looks_binary(data: bytes) -> bool:
    """NUL bytes anywhere (not UTF-16/32 text with a BOM), or mostly control bytes at the start."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in data:
        return True
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27, 8))
    return controls > len(head) * 0.1


# --------------------------------------------------------------------------------------------
# Helpers

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _clean(name: str) -> str:
    """A file name safe to print on one line."""
    return _CONTROL.sub("?", name)


def _reason(e: BaseException) -> str:
    """A library exception as a short one-line reason."""
    msg = " ".join(str(e).split())
    if len(msg) > 160:
        msg = msg[:157] + "..."
    return f"{type(e).__name__}: {msg}" if msg else type(e).__name__


def _newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_text(data: bytes, name: str) -> str:
    """UTF-8 (BOM dropped), or UTF-16/32 with a BOM; anything else is a DecodeError."""
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                     (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return _newlines(data[len(bom):].decode(enc))
            except UnicodeDecodeError as e:
                raise DecodeError(f"{name}: starts with a {enc[:6].upper()} byte order mark but is not valid "
                                  f"{enc[:6].upper()} at byte {e.start + len(bom)}") from None
    if _looks_binary(data):
        at = data.find(b"\x00")
        where = f" (a NUL byte at offset {at})" if at >= 0 else ""
        raise UnsupportedFormatError(f"{name}: has binary content{where}; it is not a text file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        shift = 3
    else:
        shift = 0
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        at = e.start + shift
        line = data.count(b"\n", 0, e.start) + 1
        raise DecodeError(f"{name}: is not valid UTF-8 at byte {at} (line {line}, "
                          f"byte 0x{data[e.start]:02X}); it may be Latin-1 or Windows-1252: "
                          "re-save it as UTF-8") from None
    return _newlines(text)


def _require_text(text: str, name: str, what: str = "contains only whitespace") -> None:
    if not text.strip():
        raise EmptyDocumentError(f"{name}: {what}")


# --------------------------------------------------------------------------------------------
# Loaders: (data, name) -> Document; the caller fills in id, path, name and the title override.


def _load_txt(data: bytes, name: str) -> Document:
    text = _decode_text(data, name)
    _require_text(text, name)
    return Document(id="", text=text, format="txt")


def _load_md(data: bytes, name: str) -> Document:
    text = _decode_text(data, name)
    _require_text(text, name)
    title = ""
    m = re.search(r"^#[ \t]+(.+?)[ \t#]*$", text, re.M)
    if m:
        title = m.group(1).strip()
    return Document(id="", text=text, title=title, format="md")


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_SKIP = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_HTML_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre", "dd", "dt", "dl",
    "figcaption", "figure", "hr", "td", "th", "form", "address", "details", "summary", "caption",
}


def _decode_html(data: bytes, name: str) -> tuple[str, list[str]]:
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), []
            except UnicodeDecodeError as e:
                return data[len(bom):].decode(enc, errors="replace"), [
                    f"{name}: invalid {enc} at byte {e.start + len(bom)}; undecodable bytes shown as \ufffd"]
    if _looks_binary(data):
        raise UnsupportedFormatError(f"{name}: has binary content; it is not an HTML file")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    candidates = []
    m = _META_CHARSET.search(data[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "replace"))
    try:
        from trafilatura.utils import detect_encoding

        candidates += detect_encoding(data)
    except Exception:  # noqa: BLE001 - detection is best effort
        pass
    for enc in candidates:
        try:
            return data.decode(enc), []
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace"), [
        f"{name}: encoding not recognised; decoded as Windows-1252, some characters may be wrong"]


def _html_title(root) -> str:
    for xpath in ("//title", "//h1"):
        els = root.xpath(xpath)
        if els:
            t = " ".join(els[0].text_content().split())
            if t:
                return t
    return ""


def _html_body_text(root) -> str:
    """All visible text of <body>, one line per block element, whitespace collapsed."""
    from lxml import etree

    body = root.find(".//body")
    if body is None:
        body = root
    for el in list(body.iter(etree.Comment, etree.ProcessingInstruction, *_HTML_SKIP)):
        if el is not body:
            el.drop_tree()
    parts: list[str] = []
    for event, el in etree.iterwalk(body, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _HTML_BLOCK:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if tag in _HTML_BLOCK:
                parts.append("\n")
            if el.tail and el is not body:
                parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _load_html(data: bytes, name: str) -> Document:
    import lxml.html

    html, warnings = _decode_html(data, name)
    html = _XML_DECL.sub("", html, count=1)
    if not html.strip():
        raise EmptyDocumentError(f"{name}: contains only whitespace")
    try:
        root = lxml.html.document_fromstring(html)
    except Exception as e:  # noqa: BLE001 - lxml raises several types on junk
        raise InputError(f"{name}: cannot be parsed as HTML ({_reason(e)})") from None
    title = _html_title(root)
    text = None
    try:
        import trafilatura

        text = trafilatura.extract(
            html, favor_recall=True, include_formatting=False, include_comments=False,
            include_tables=True, include_images=False, include_links=False, output_format="txt",
            deduplicate=False, with_metadata=False,
        )
    except Exception as e:  # noqa: BLE001 - fall back to the plain body text below
        warnings.append(f"{name}: main-text extraction failed ({_reason(e)})")
    if text and text.strip():
        text = _newlines(text)
    else:
        text = _html_body_text(root)
        warnings.append(f"{name}: no main text found; loaded all the text of <body>")
    _require_text(text, name, "has no text in its HTML body")
    return Document(id="", text=text, title=title, format="html", warnings=warnings)


def _load_pdf(data: bytes, name: str) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:
                raise EncryptedDocumentError(
                    f"{name}: is encrypted with AES; install the 'cryptography' package to open it") from None
            if not opened:
                raise EncryptedDocumentError(f"{name}: is password-protected; save an unprotected copy")
        pages = list(reader.pages)
    except EncryptedDocumentError:
        raise
    except Exception as e:  # noqa: BLE001 - pypdf raises many types on a damaged file
        raise InputError(f"{name}: is not a valid PDF or is damaged ({_reason(e)})") from None
    if not pages:
        raise EmptyDocumentError(f"{name}: has no pages")
    title = ""
    try:
        meta = reader.metadata
        title = " ".join(str(meta.title).split()) if meta and meta.title else ""
    except Exception:  # noqa: BLE001 - a broken info dictionary only costs the title
        title = ""
    warnings: list[str] = []
    parts: list[str] = []
    spans: list[list[int]] = []  # [number, start, end]
    length = 0
    last_nonempty = -1
    failed: list[int] = []
    empty: list[int] = []
    for number, page in enumerate(pages, start=1):
        try:
            t = _newlines(page.extract_text() or "").rstrip()
        except Exception as e:  # noqa: BLE001 - one bad page must not lose the others
            failed.append(number)
            warnings.append(f"{name}: text of page {number} could not be extracted ({_reason(e)}); "
                            "that page was not examined")
            t = ""
        if not t.strip():
            if number not in failed:
                empty.append(number)
            spans.append([number, length, length])
            continue
        if last_nonempty >= 0:  # the blank line between pages belongs to the page before
            parts.append("\n\n")
            length += 2
            spans[last_nonempty][2] = length
            for s in spans[last_nonempty + 1:]:
                s[1] = s[2] = length
        parts.append(t)
        spans.append([number, length, length + len(t)])
        length += len(t)
        last_nonempty = len(spans) - 1
    text = "".join(parts)
    if not text.strip():
        if failed:
            raise InputError(f"{name}: no text could be extracted from any page ({warnings[0]})")
        raise EmptyDocumentError(f"{name}: has no text layer (a scanned image?); run OCR on it first")
    if empty:
        warnings.append(f"{name}: page(s) {_ranges(empty)} have no text layer (scanned images?); "
                        "they were not examined")
    return Document(id="", text=text, title=title, format="pdf",
                    pages=[PageSpan(n, s, e) for n, s, e in spans], warnings=warnings)


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    for n in numbers:
        if out and out[-1].split("-")[-1] == str(n - 1):
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        else:
            out.append(str(n))
    return ", ".join(out)


def _docx_blocks(container, seen: set) -> list[str]:
    """Paragraph and table-cell texts of a document body or a table cell, in document order."""
    from docx.table import Table

    blocks: list[str] = []
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    if cell._tc in seen:  # a merged cell repeats across the rows/columns it spans
                        continue
                    seen.add(cell._tc)  # held in the set, so lxml keeps handing back the same proxy
                    blocks.extend(_docx_blocks(cell, seen))
        else:
            t = _newlines(item.text).strip()
            if t:
                blocks.append(t)
    return blocks


def _load_docx(data: bytes, name: str) -> Document:
    import docx
    from docx.oxml.ns import qn

    try:
        d = docx.Document(BytesIO(data))
        blocks = _docx_blocks(d, set())
        title = (d.core_properties.title or "").strip()
        in_body = sum(len("".join((t.text or "").split())) for t in d.element.body.iter(qn("w:t")))
    except Exception as e:  # noqa: BLE001 - python-docx raises many types on a damaged file
        raise InputError(f"{name}: is not a valid .docx or is damaged ({_reason(e)})") from None
    text = "\n\n".join(blocks)
    warnings = []
    missed = in_body - sum(len("".join(b.split())) for b in blocks)
    if missed > 0:  # text boxes, content controls, tracked insertions: not in python-docx's paragraphs
        warnings.append(f"{name}: about {missed} characters (in text boxes, content controls or tracked "
                        "changes) were not loaded and not examined")
    _require_text(text, name, "has no text")
    return Document(id="", text=text, title=" ".join(title.split()), format="docx", warnings=warnings)


_LOADERS = {"txt": _load_txt, "md": _load_md, "html": _load_html, "pdf": _load_pdf, "docx": _load_docx}
