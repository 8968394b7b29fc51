"""HTML: the main text as trafilatura extracts it, or all of <body>."""

from __future__ import annotations

import re

from ..errors import Errors
from ..limits import Limits
from .common import looks_binary, normalise_newlines, require_chars, require_text, short_reason
from .document import Document
from .tables import flatten_html_tables

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
    if looks_binary(data):
        raise Errors.E144.error(name=name, what="has binary content; it is not an HTML file")
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
    flatten_html_tables(body)  # a table row on one line, as trafilatura gives it (documents/tables.py)
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


def _drop_hidden(root) -> bool:
    """Drop what a browser with scripts on never shows as text (<noscript>, <template>): trafilatura
    would otherwise load it as part of the page. True when something was dropped."""
    hidden = [el for el in root.iter("noscript", "template") if el.getparent() is not None]
    for el in hidden:
        el.drop_tree()
    return bool(hidden)


def load_html(data: bytes, name: str, limits: Limits) -> Document:
    import lxml.html

    html, warnings = _decode_html(data, name)
    html = _XML_DECL.sub("", html, count=1)
    if not html.strip():
        raise Errors.E121.error(name=name, what="contains only whitespace")
    try:
        root = lxml.html.document_fromstring(html)
        if _drop_hidden(root):
            html = lxml.html.tostring(root, encoding="unicode")
    except Exception as e:  # noqa: BLE001 - lxml raises several types on junk
        raise Errors.E147.error(name=name, reason=short_reason(e)) from None
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
        warnings.append(f"{name}: main-text extraction failed ({short_reason(e)})")
    if text and text.strip():
        text = normalise_newlines(text)
    else:
        try:
            text = _html_body_text(root)
        except RecursionError:
            raise Errors.E147.error(name=name, reason="elements nested too deeply") from None
        warnings.append(f"{name}: no main text found; loaded all the text of <body>")
    require_chars(len(text), name, limits)
    require_text(text, name, "has no text in its HTML body")
    return Document(id="", text=text, title=title, format="html", warnings=warnings)


