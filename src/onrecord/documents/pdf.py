"""PDF: the text layer page by page, with a page span for each page."""

from __future__ import annotations

import logging
from io import BytesIO

from ..errors import EncryptedDocumentError, Errors, TooLargeError
from ..limits import Limits
from .common import normalise_newlines, require_chars, short_reason
from .document import Document, PageSpan

# pypdf logs each oddity of a damaged file ("EOF marker not found") and has no handler of its own, so
# without this Python's last-resort handler prints them on stderr. A NullHandler only stops that: an
# application that configures logging still gets them. The errors we raise say what went wrong.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def _open(data: bytes, name: str) -> tuple[list, str]:
    """The pages and the title of a PDF; encrypted and damaged files are refused here."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:
                raise Errors.E148.error(
                    name=name, what="is encrypted with AES; install the 'cryptography' package to open it") from None
            if not opened:
                raise Errors.E148.error(name=name, what="is password-protected; save an unprotected copy")
        pages = list(reader.pages)
    except (EncryptedDocumentError, TooLargeError):
        raise
    except Exception as e:  # noqa: BLE001 - pypdf raises many types on a damaged file
        raise Errors.E146.error(name=name, reason=short_reason(e)) from None
    if not pages:
        raise Errors.E121.error(name=name, what="has no pages")
    title = ""
    try:
        meta = reader.metadata
        title = " ".join(str(meta.title).split()) if meta and meta.title else ""
    except Exception:  # noqa: BLE001 - a broken info dictionary only costs the title
        title = ""
    return pages, title


def load_pdf(data: bytes, name: str, limits: Limits) -> Document:
    from pypdf.errors import LimitReachedError
    from pypdf.filters import ZLIB_MAX_OUTPUT_LENGTH

    pages, title = _open(data, name)
    warnings: list[str] = []
    parts: list[str] = []
    spans: list[list[int]] = []  # [number, start, end]
    length = 0
    last_nonempty = -1
    failed: list[int] = []
    empty: list[int] = []
    for number, page in enumerate(pages, start=1):
        try:
            t = normalise_newlines(page.extract_text() or "").rstrip()
        except LimitReachedError:  # pypdf stopped unpacking a stream: a bomb, or far too big a page
            raise Errors.E136.error(name=name, page=number, limit=ZLIB_MAX_OUTPUT_LENGTH) from None
        except Exception as e:  # noqa: BLE001 - one bad page must not lose the others
            failed.append(number)
            warnings.append(f"{name}: text of page {number} could not be extracted ({short_reason(e)}); "
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
        require_chars(length, name, limits)  # stop at the first page past the limit
        last_nonempty = len(spans) - 1
    text = "".join(parts)
    if not text.strip():
        if failed:
            raise Errors.E150.error(name=name, reason=warnings[0])
        raise Errors.E121.error(name=name, what="has no text layer (a scanned image?); run OCR on it first")
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


