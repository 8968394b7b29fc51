"""Documents: loaded text plus the map from every character offset back to the original.

Loaders (one small function per format) live below; ``load`` picks one by extension/content.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class PageSpan:
    """Characters ``[start, end)`` of the loaded text came from page ``number`` (1-based)."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Location:
    """Where an offset of the loaded text sits in the original file."""

    path: str | None
    page: int | None
    line: int
    column: int


@dataclass
class Document:
    """A loaded text. ``text`` is what every offset indexes (Python ``str`` indices)."""

    id: str
    text: str
    title: str = ""
    path: str | None = None
    format: str = "txt"
    pages: list[PageSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.title:
            self.title = self.id
        starts = [0]
        for i, ch in enumerate(self.text):
            if ch == "\n":
                starts.append(i + 1)
        self._line_starts = starts

    def locate(self, offset: int) -> Location:
        """Map an offset of ``text`` to page (when the format has pages), line and column (1-based)."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside document {self.id!r} (0..{len(self.text)})")
        line_idx = bisect.bisect_right(self._line_starts, offset) - 1
        page = None
        for p in self.pages:
            if p.start <= offset < p.end or (offset == p.end == len(self.text)):
                page = p.number
                break
        return Location(self.path, page, line_idx + 1, offset - self._line_starts[line_idx] + 1)

    def page_of(self, offset: int) -> int | None:
        return self.locate(offset).page if self.pages else None


def from_text(text: str, id: str = "text", title: str = "") -> Document:
    """A document made from a string already in memory (API, HTTP)."""
    return Document(id=id, text=text, title=title or id)


def source_id_for(path: str | Path) -> str:
    """A source's default id: its file name without extension (DESIGN.md)."""
    return Path(path).stem
