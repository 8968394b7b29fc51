"""Plain text and Markdown: the file's characters as they are (line endings normalised)."""

from __future__ import annotations

import re

from .common import decode_text, require_text
from .document import Document

# --------------------------------------------------------------------------------------------
# Loaders: (data, name) -> Document; the caller fills in id, path, name and the title override.


def load_txt(data: bytes, name: str) -> Document:
    text = decode_text(data, name)
    require_text(text, name)
    return Document(id="", text=text, format="txt")


def load_md(data: bytes, name: str) -> Document:
    text = decode_text(data, name)
    require_text(text, name)
    title = ""
    m = re.search(r"^#[ \t]+(.+?)[ \t#]*$", text, re.M)
    if m:
        title = m.group(1).strip()
    return Document(id="", text=text, title=title, format="md")


