"""Word .docx: paragraphs and tables (a pipe-table line per row) in document order, joined with blank lines."""

from __future__ import annotations

from io import BytesIO

from ..errors import InputError
from .common import normalise_newlines, require_text, short_reason
from .document import Document
from .tables import docx_table_lines


def _docx_blocks(container, seen: set) -> list[str]:
    """Paragraph and table-cell texts of a document body or a table cell, in document order."""
    from docx.table import Table

    blocks: list[str] = []
    for item in container.iter_inner_content():
        if isinstance(item, Table):  # one line per row, so a row is read as one unit (documents/tables.py)
            blocks.append("\n".join(docx_table_lines(item)))
        else:
            t = normalise_newlines(item.text).strip()
            if t:
                blocks.append(t)
    return blocks


def load_docx(data: bytes, name: str) -> Document:
    import docx
    from docx.oxml.ns import qn

    try:
        d = docx.Document(BytesIO(data))
        blocks = _docx_blocks(d, set())
        title = (d.core_properties.title or "").strip()
        in_body = sum(len("".join((t.text or "").split())) for t in d.element.body.iter(qn("w:t")))
    except Exception as e:  # noqa: BLE001 - python-docx raises many types on a damaged file
        raise InputError(f"{name}: is not a valid .docx or is damaged ({short_reason(e)})") from None
    text = "\n\n".join(blocks)
    warnings = []
    missed = in_body - sum(len("".join(b.split())) for b in blocks)
    if missed > 0:  # text boxes, content controls, tracked insertions: not in python-docx's paragraphs
        warnings.append(f"{name}: about {missed} characters (in text boxes, content controls or tracked "
                        "changes) were not loaded and not examined")
    require_text(text, name, "has no text")
    return Document(id="", text=text, title=" ".join(title.split()), format="docx", warnings=warnings)


