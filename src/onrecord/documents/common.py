"""What every loader shares: decoding text, one-line reasons, file names safe to print."""

from __future__ import annotations

import re

from ..errors import DecodeError, EmptyDocumentError, UnsupportedFormatError

# --------------------------------------------------------------------------------------------
# Helpers

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_name(name: str) -> str:
    """A file name safe to print on one line."""
    return _CONTROL.sub("?", name)


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
    """UTF-8 (BOM dropped), or UTF-16/32 with a BOM; anything else is a DecodeError."""
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                     (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return normalise_newlines(data[len(bom):].decode(enc))
            except UnicodeDecodeError as e:
                raise DecodeError(f"{name}: starts with a {enc[:6].upper()} byte order mark but is not valid "
                                  f"{enc[:6].upper()} at byte {e.start + len(bom)}") from None
    if looks_binary(data):
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
    return normalise_newlines(text)


def require_text(text: str, name: str, what: str = "contains only whitespace") -> None:
    if not text.strip():
        raise EmptyDocumentError(f"{name}: {what}")



def looks_binary(data: bytes) -> bool:
    """NUL bytes anywhere (not UTF-16/32 text with a BOM), or mostly control bytes at the start."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in data:
        return True
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27, 8))
    return controls > len(head) * 0.1
