"""Plain text and Markdown: the file's characters as they are (line endings normalised)."""

from __future__ import annotations

import re

from ..limits import Limits
from .common import decode_text, require_chars, require_text
from .document import Document

# --------------------------------------------------------------------------------------------
# Loaders: (data, name, limits) -> Document; the caller fills in id, path, name and the title override.


def _decode_within(data: bytes, name: str, limits: Limits) -> str:
    # A UTF-8 character is 1 to 4 bytes: over 4 bytes per allowed character is too long undecoded.
    if len(data) > 4 * limits.max_document_chars + 4:
        require_chars(len(data) // 4, name, limits)
    text = decode_text(data, name)
    require_chars(len(text), name, limits)
    return text


def load_txt(data: bytes, name: str, limits: Limits) -> Document:
    text = _decode_within(data, name, limits)
    require_text(text, name)
    return Document(id="", text=text, format="txt")


def load_md(data: bytes, name: str, limits: Limits) -> Document:
    text = _decode_within(data, name, limits)
    require_text(text, name)
    title = ""
    m = re.search(r"^#[ \t]+(.+?)[ \t#]*$", text, re.M)
    if m:
        title = m.group(1).strip()
    return Document(id="", text=text, title=title, format="md")
