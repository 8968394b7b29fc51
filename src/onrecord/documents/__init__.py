"""Documents: loaded text plus the map from every offset back to file, page and line.

One small loader per format (text, html, pdf, docx); ``load`` and ``load_bytes`` pick one."""

from .document import Document, Location, PageSpan, from_text, source_id_for
from .load import load, load_bytes, load_stream

__all__ = ["Document", "Location", "PageSpan", "from_text", "load", "load_bytes", "load_stream", "source_id_for"]
