"""Documents: loaded text plus the map from every character offset back to the original.

Loaders (one small function per format) live below; ``load`` and ``load_bytes`` pick one by the
file's extension and its sniffed content.

What the offsets index, per format (``Document.text`` is always what every offset indexes):

- ``.txt`` and unknown extensions with text content: the file decoded as UTF-8 (a UTF-8 byte order
  mark is dropped; UTF-16/32 files that start with a BOM are decoded too). Line endings are
  normalised: ``\\r\\n`` and a lone ``\\r`` both become ``\\n``. Nothing else changes, so line and
  column from ``locate`` are the line and column an editor shows for the file.
- ``.md``: the same, markdown syntax kept as is (not stripped), so offsets map 1:1 to the file's
  characters (after the line-ending normalisation).
- ``.html``/``.htm``: the main text as extracted by trafilatura (boilerplate such as navigation
  menus and footers dropped); when that finds nothing, all the text of ``<body>``. Offsets index
  the extracted text, not the HTML source.
- ``.pdf``: the text layer, page by page, pages separated by a blank line. ``pages`` holds one
  ``PageSpan`` per page, so ``locate`` gives the page, and line/column counted within that page.
- ``.docx``: paragraphs and table cells in document order, joined with blank lines.

Nothing is ever truncated. Anything a loader could not examine (a PDF page without a text layer,
say) is named in ``Document.warnings``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class PageSpan:
    """Characters ``[start, end)`` of the loaded text came from page ``number`` (1-based)."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Location:
    """Where an offset of the loaded text sits in the original file.

    ``line`` and ``column`` are 1-based and count characters. For a paged document (``page`` is not
    None) the line is counted from the top of that page; otherwise from the top of the text.
    """

    path: str | None
    page: int | None
    line: int
    column: int


@dataclass
class Document:
    """A loaded text. ``text`` is what every offset indexes (Python ``str`` indices).

    ``path`` is the file it was loaded from (None for text or bytes in memory); ``name`` is the file
    name to show people (also set for uploads, where ``path`` stays None). ``pages``, when given,
    must be sorted and not overlap; treat it as fixed once the document is made.
    """

    id: str
    text: str
    title: str = ""
    path: str | None = None
    format: str = "txt"
    pages: list[PageSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    name: str | None = None
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _page_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.title:
            self.title = self.id
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._line_starts = starts
        self._page_starts = [p.start for p in self.pages]

    @cached_property
    def lowered(self) -> str:
        """``text`` in lower case, computed once: the judge reads names against it claim by claim."""
        return self.text.lower()

    @cached_property
    def words(self) -> frozenset[str]:
        """The lower-cased words of ``text`` (any alphabet; apostrophes and hyphens split them), computed
        once: a name is looked up here, not searched for in a long text for every claim."""
        return frozenset(_LETTERS.findall(self.lowered))

    def _page_index(self, offset: int) -> int | None:
        if len(self._page_starts) != len(self.pages):  # pages replaced after construction
            self._page_starts = [p.start for p in self.pages]
        if offset == len(self.text) and offset > 0:
            offset -= 1  # the end of the text belongs to the page of its last character
        i = bisect.bisect_right(self._page_starts, offset) - 1
        if i < 0:
            return None
        p = self.pages[i]
        if p.start <= offset < p.end or offset == p.end == len(self.text):
            return i
        return None

    def locate(self, offset: int) -> Location:
        """Map an offset of ``text`` to page (when the format has pages), line and column (1-based).

        ``len(text)`` is a valid offset (the end of the text). Line and column count from the top
        of the page for paged documents.
        """
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside document {self.id!r} (0..{len(self.text)})")
        line_idx = bisect.bisect_right(self._line_starts, offset) - 1
        line_start = self._line_starts[line_idx]
        page = None
        if self.pages:
            pi = self._page_index(offset)
            if pi is not None:
                span = self.pages[pi]
                page = span.number
                first_line_idx = bisect.bisect_right(self._line_starts, span.start) - 1
                line_idx -= first_line_idx
                line_start = max(line_start, span.start)
        return Location(self.path, page, line_idx + 1, offset - line_start + 1)

    def page_of(self, offset: int) -> int | None:
        return self.locate(offset).page if self.pages else None

    def snippet(self, start: int, end: int, context: int = 0) -> str:
        """The text of ``[start, end)``: exactly ``text[start:end]`` when ``context`` is 0.

        With ``context > 0``, up to that many characters either side are added for display, and an
        ellipsis marks each side where the text goes on; such a snippet no longer round-trips.
        """
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span {start}..{end} is outside document {self.id!r} (0..{n})")
        if context <= 0:
            return self.text[start:end]
        lo, hi = max(0, start - context), min(n, end + context)
        return ("…" if lo > 0 else "") + self.text[lo:hi] + ("…" if hi < n else "")


def from_text(text: str, id: str = "text", title: str = "") -> Document:
    """A document made from a string already in memory (API, HTTP)."""
    return Document(id=id, text=text, title=title or id)


def source_id_for(path: str | Path) -> str:
    """A source's default id: its file name without extension (DESIGN.md)."""
    return Path(path).stem


