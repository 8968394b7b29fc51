"""The Python API's boundary: what ``onrecord.check`` and ``Checker.check`` accept, checked once.

- Text: a ``str``, a ``Document``, or ``bytes`` (decoded as files are: UTF-8, or UTF-16/32 with a
  byte order mark). ``None`` or any other type is a ``UsageError`` naming the argument.
- Lone surrogates (``"\\ud800"``, which a JSON ``\\ud800`` escape or a ``surrogateescape`` decode can
  produce) are refused with a ``DecodeError`` (E143) saying where: they are not Unicode text, cannot
  be written as UTF-8 and would shift no offset consistently if replaced silently.
- A NUL character is refused (E151) as a file holding one is: it is not text.
- Sources: a ``Document``, one text, a mapping of id to text (or bytes, or Document), or a sequence
  of Documents. No sources (E124), an empty source (E123) and two sources with one id (E125) are
  refused with the messages the service uses.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from onrecord.documents import Document, from_text
from onrecord.documents.common import decode_text, require_chars
from onrecord.errors import Errors
from onrecord.limits import Limits

_SURROGATE = re.compile("[\ud800-\udfff]")


def as_text(value: Any, what: str) -> str:
    """``value`` as a ``str`` fit to check: bytes decoded, other types and invalid text refused."""
    if isinstance(value, bytes | bytearray | memoryview):
        value = decode_text(bytes(value), what)
    elif not isinstance(value, str):
        raise Errors.E201.error(what=what, expected="a str (or bytes, or a Document)", got=_type(value))
    require_valid(value, what)
    return value


def require_valid(text: str, what: str) -> None:
    """Refuse lone surrogates and NUL characters, naming the first one's character offset."""
    m = _SURROGATE.search(text)
    if m:
        raise Errors.E143.error(name=what, cp=ord(m.group()), at=m.start())
    at = text.find("\x00")
    if at >= 0:
        raise Errors.E151.error(name=what, what="the text", at=f"character {at}")


def as_document(value: Any, id: str, what: str) -> Document:
    if isinstance(value, Document):
        require_valid(value.text, what)
        return value
    return from_text(as_text(value, what), id=id)


def as_sources(sources: Any) -> list[Document]:
    """The sources as Documents (see the module's docstring), refused as the service refuses them."""
    if sources is None or isinstance(sources, bytes | bytearray | memoryview):
        raise Errors.E201.error(what="sources", expected="Documents, a mapping of id to text, or one text",
                                got=_type(sources))
    if isinstance(sources, Document | str):
        docs = [as_document(sources, "source", "source 'source'")]
    elif isinstance(sources, Mapping):
        docs = []
        for key, value in sources.items():
            sid = str(key)
            if not sid:
                raise Errors.E201.error(what="a source's id", expected="a non-empty str", got="''")
            docs.append(as_document(value, sid, f"source {sid!r}"))
    elif isinstance(sources, Sequence):
        docs = [as_document(d, f"source{i + 1}", f"source {i + 1}") if not isinstance(d, Document)
                else as_document(d, d.id, f"source {d.id!r}") for i, d in enumerate(sources)]
    else:
        raise Errors.E201.error(what="sources", expected="Documents, a mapping of id to text, or one text",
                                got=_type(sources))
    require_sources(docs)
    return docs


def require_sources(docs: Sequence[Document]) -> None:
    """At least one source, none empty, no two with one id (E124, E123, E125)."""
    if not docs:
        raise Errors.E124.error()
    seen: set[str] = set()
    for d in docs:
        if d.id in seen:
            raise Errors.E125.error(sid=d.id)
        seen.add(d.id)
        if not d.text.strip():
            raise Errors.E123.error(sid=d.id)


def validate(text: Any, sources: Any, limits: Limits | None = None) -> tuple[Document, list[Document]]:
    """The text and sources of a check, checked at the API boundary; ``limits`` (optional) caps the
    characters of each document as the CLI and the service do."""
    doc = as_document(text, "text", "the text")
    if not doc.text.strip():
        raise Errors.E122.error()
    docs = as_sources(sources)
    if limits is not None:
        require_chars(len(doc.text), "the text", limits)
        for d in docs:
            require_chars(len(d.text), f"source {d.id!r}", limits)
    return doc, docs


def _type(value: Any) -> str:
    return "None" if value is None else type(value).__name__
