"""Word .docx: paragraphs and tables (a pipe-table line per row) in document order, joined with blank lines.

A .docx is a ZIP archive, so before python-docx (and lxml) sees it every part is unpacked once as a
stream, counting bytes as they come: a part whose header or content goes over the limit is refused
before it is ever held in memory (a 2 MB file can unpack to gigabytes)."""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO

from ..errors import Errors
from ..limits import Limits
from .common import normalise_newlines, require_chars, require_text, short_reason
from .document import Document
from .tables import docx_table_lines

_CHUNK = 1 << 20
# What zipfile raises on a damaged or odd archive (RuntimeError: an encrypted part).
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError, RuntimeError)
# A real .docx has tens of parts; a few thousand is already absurd and each costs a header read.
_MAX_PARTS = 5000
# A DTD must come before the root element, so it sits in the first bytes of the XML.
_DTD_HEAD = 64 * 1024


def _check_archive(data: bytes, name: str, limits: Limits) -> None:
    """Unpack every part as a stream with a byte cap; refuse entity declarations in the body XML."""
    cap = limits.max_unpacked_bytes
    hint = "; raise it with --max-unpacked-mb"
    try:
        zf = zipfile.ZipFile(BytesIO(data))
        infos = zf.infolist()
    except _ZIP_ERRORS as e:
        raise Errors.E145.error(name=name, reason=short_reason(e)) from None
    if len(infos) > _MAX_PARTS:
        raise Errors.E145.error(name=name, reason=f"{len(infos):,} parts in the archive")
    total = 0
    for info in infos:
        if info.file_size > cap or total + info.file_size > cap:  # the header alone says too much
            raise Errors.E131.error(name=name, member=info.filename[:80], limit=cap, hint=hint)
        try:
            with zf.open(info) as part:
                head = b""
                while chunk := part.read(_CHUNK):  # the header may lie: count what really comes out
                    total += len(chunk)
                    if total > cap:
                        raise Errors.E131.error(name=name, member=info.filename[:80], limit=cap, hint=hint)
                    if len(head) < _DTD_HEAD:
                        head += chunk[:_DTD_HEAD]
        except _ZIP_ERRORS as e:
            raise Errors.E145.error(name=name, reason=short_reason(e)) from None
        if info.filename.startswith("word/") and info.filename.endswith(".xml") and b"<!ENTITY" in head:
            raise Errors.E149.error(name=name)


def _docx_blocks(container, budget: list[int]) -> list[str]:
    """Paragraph and table texts of a document body, in document order.

    ``budget[0]`` counts down the characters still allowed; it stops the walk once spent."""
    from docx.table import Table

    blocks: list[str] = []
    for item in container.iter_inner_content():
        if budget[0] < 0:
            break
        if isinstance(item, Table):  # one line per row, so a row is read as one unit (documents/tables.py)
            t = "\n".join(docx_table_lines(item))
            blocks.append(t)
            budget[0] -= len(t) + 2
        else:
            t = normalise_newlines(item.text).strip()
            if t:
                blocks.append(t)
                budget[0] -= len(t) + 2
    return blocks


def load_docx(data: bytes, name: str, limits: Limits) -> Document:
    import docx
    from docx.oxml.ns import qn

    _check_archive(data, name, limits)
    budget = [limits.max_document_chars]
    try:
        d = docx.Document(BytesIO(data))
        blocks = _docx_blocks(d, budget)
        if budget[0] < 0:
            require_chars(limits.max_document_chars + 1, name, limits)
        title = (d.core_properties.title or "").strip()
        in_body = sum(len("".join((t.text or "").split())) for t in d.element.body.iter(qn("w:t")))
    except Errors.E130.kind:
        raise
    except Exception as e:  # noqa: BLE001 - python-docx raises many types on a damaged file
        raise Errors.E145.error(name=name, reason=short_reason(e)) from None
    text = "\n\n".join(blocks)
    require_chars(len(text), name, limits)
    warnings = []
    missed = in_body - sum(len("".join(b.split())) for b in blocks)
    if missed > 0:  # text boxes, content controls, tracked insertions: not in python-docx's paragraphs
        warnings.append(f"{name}: about {missed} characters (in text boxes, content controls or tracked "
                        "changes) were not loaded and not examined")
    require_text(text, name, "has no text")
    return Document(id="", text=text, title=" ".join(title.split()), format="docx", warnings=warnings)
