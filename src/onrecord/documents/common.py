"""What every loader shares: decoding text, one-line reasons, file names safe to print, limits."""

from __future__ import annotations

import re

from ..errors import Errors
from ..limits import Limits

# --------------------------------------------------------------------------------------------
# Helpers

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")

_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def clean_name(name: str) -> str:
    """A file name safe to print on one line (control characters and lone surrogates shown as ?)."""
    return _SURROGATE.sub("?", _CONTROL.sub("?", name))


def short_reason(e: BaseException) -> str:
    """A library exception as a short one-line reason."""
    msg = " ".join(str(e).split())
    if len(msg) > 160:
        msg = msg[:157] + "..."
    return f"{type(e).__name__}: {msg}" if msg else type(e).__name__


def normalise_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (BOM dropped), or UTF-16/32 with a BOM; anything else is a DecodeError.

    The one decoder for text files, uploads and stdin alike."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data[len(bom):].decode(enc))
            except UnicodeDecodeError as e:
                raise Errors.E141.error(name=name, enc=enc[:6].upper(), at=e.start + len(bom)) from None
    if looks_binary(data):
        at = data.find(b"\x00")
        where = f" (a NUL byte at offset {at})" if at >= 0 else ""
        raise Errors.E140.error(name=name, where=where)
    shift = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[shift:].decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", shift, shift + e.start) + 1
        raise Errors.E104.error(name=name, at=e.start + shift, line=line, byte=data[shift + e.start]) from None
    return normalise_newlines(text)


def require_text(text: str, name: str, what: str = "contains only whitespace") -> None:
    if not text.strip():
        raise Errors.E121.error(name=name, what=what)


def require_chars(n: int, what: str, limits: Limits, hint: str = " (raise it with --max-document-chars)") -> None:
    """Refuse a document of more than ``limits.max_document_chars`` characters (413 on the service)."""
    if n > limits.max_document_chars:
        raise Errors.E130.error(what=what, limit=limits.max_document_chars, hint=hint)


def looks_binary(data: bytes) -> bool:
    """NUL bytes anywhere (not UTF-16/32 text with a BOM), or mostly control bytes at the start."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in data:
        return True
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27, 8))
    return controls > len(head) * 0.1
