"""Table rows as evidence: each row of a source's tables is read, retrieved and judged as one sentence.

A loaded table is a run of pipe lines (or tab-separated lines) in ``Document.text``; read raw, a row
("| Brio 15 | 8 | 1.8 | $899 |") says nothing of what its figures measure. ``onrecord.documents.tables``
reads each cell with its header; here the row is read as "Brio 15: Battery life: 8 hours, Weight: 1.8 kg,
Price: $899" (its label first, then every cell with its header). That reading
replaces the row's raw line among a source's sentences (for ranking, the embedder and the model) while
the unit's span stays the row's span in the source, so evidence shown for it is the row itself. The
figures of a row are read the same way by ``onrecord.judge.tables``.
"""

from __future__ import annotations

from onrecord.documents.tables import Row, row_sentence, table_rows
from onrecord.text.segment import Span, sentences

__all__ = ["readable_sentences", "row_sentence"]


def readable_sentences(text: str) -> tuple[list[Span], list[str]]:
    """The sentences of ``text`` and the words each is read as: a table row's line is replaced by the
    row's readable unit (its span the row's cells), every other sentence is read as written."""
    rows = table_rows(text)
    sents = sentences(text)
    if not rows:
        return list(sents), [s.text_of(text) for s in sents]
    units = [(s, s.text_of(text)) for s in sents if not any(_overlaps(s, r) for r in rows)]
    units += [(Span(r.start, r.end), row_sentence(r)[0]) for r in rows]
    units.sort(key=lambda u: (u[0].start, u[0].end))
    return [u[0] for u in units], [u[1] for u in units]


def _overlaps(s: Span, r: Row) -> bool:
    return s.start < r.end and r.start < s.end
