"""Table rows as evidence: each row of a source's tables is read, retrieved and judged as one sentence.

A loaded table is a run of pipe lines (or tab-separated lines) in ``Document.text``; read raw, a row
("| Brio 15 | 8 | 1.8 | $899 |") says nothing of what its figures measure. ``onrecord.documents.tables``
reads each cell with its header; here the row is read as "Brio 15: Battery life: 8 hours, Weight: 1.8 kg,
Price: $899" (its label first, then every cell with its header). That reading
replaces the row's raw line among a source's sentences (for ranking, the embedder and the model) while
the unit's span stays the row's span in the source, so evidence shown for it is the row itself; and the
figures of the row are read in that sentence (a "-12%" cell under "Change" in the "Chronic absences"
row) and placed at their cells.
"""

from __future__ import annotations

from dataclasses import replace

from onrecord.documents.tables import Cell, Row, table_rows
from onrecord.judge.figures import Pool, Quantity, derived, extract
from onrecord.text.segment import Span, sentences


def readable_sentences(text: str) -> tuple[list[Span], list[str]]:
    """The sentences of ``text`` and the words each is read as: a table row's line is replaced by the
    row's readable unit (its span the row's cells), every other sentence is read as written."""
    rows = table_rows(text)
    sents = sentences(text)
    if not rows:
        return list(sents), [s.text_of(text) for s in sents]
    units = [(s, s.text_of(text)) for s in sents if not any(_overlaps(s, r) for r in rows)]
    units += [(Span(r.start, r.end), _figure_text(r)[0]) for r in rows]
    units.sort(key=lambda u: (u[0].start, u[0].end))
    return [u[0] for u in units], [u[1] for u in units]


def _overlaps(s: Span, r: Row) -> bool:
    return s.start < r.end and r.start < s.end


def figure_pool(sources: dict[str, str]) -> Pool:
    """Every source's figures (as ``judge.figures.source_pool``), a table row's read in its readable
    unit and placed at the cell they come from: the row's header names what a bare cell measures."""
    pool: Pool = []
    for sid, text in sources.items():
        rows = table_rows(text)
        # The rows' characters are blanked (offsets kept) so a cell is not read twice, raw and in its row.
        outside = list(text)
        for r in rows:
            outside[r.start : r.end] = " " * (r.end - r.start)
        qs = extract("".join(outside))
        pool += [(sid, q) for q in qs] + [(sid, q) for q in derived(text, qs)]
        for r in rows:
            pool += [(sid, q) for q in _row_figures(r)]
    return pool


def _figure_text(row: Row) -> tuple[str, list[tuple[int, int, Cell]]]:
    """The row as one clause, "Chronic absences: 2023-24: 1,840, 2024-25: 1,620, Change: -12%", and where
    each cell's words lie in it. The row's label leads without its column's name ("Indicator: ..." says
    nothing a claim would); commas join the cells, since a figure's context is its sentence and a ";"
    would end it before the label."""
    text, places = "", []
    for n, c in enumerate(row.cells):
        words = c.value if n == 0 and len(row.cells) > 1 else c.readable
        text += ("" if n == 0 else (": " if n == 1 else ", "))
        places.append((len(text), len(text) + len(words), c))
        text += words
    return text, places


def _row_figures(row: Row) -> list[Quantity]:
    """The figures of ``row``, each read in a clause of its own with the row's label and its header
    ("Average daily attendance: 2024-25: 93.5%") so every cell of a row is as near the label as the
    next, and the changes between cells that measure the same thing ("1,840" to "1,620") read in the
    whole row; each placed at the span of its cells in the source."""
    text, places = _figure_text(row)
    label = row.cells[0].value if len(row.cells) > 1 else ""
    qs = extract(text)
    # The label's own figures ("Brio 15") are read in the whole row.
    out = [replace(q, start=row.cells[0].start, end=row.cells[0].end) for q in qs if q.end <= places[0][1]]
    for n, c in enumerate(row.cells):
        if n == 0 and label:
            continue
        prefix = f"{label}: " if label else ""
        out += [replace(q, start=c.start, end=c.end) for q in extract(prefix + c.readable)
                if q.start >= len(prefix)]
    # Changes only between cells measuring the same thing, never between one model's hours and kilograms.
    for d in (d for n in {q.noun for q in qs} for d in derived(text, [q for q in qs if q.noun == n])):
        first = next((c for a, b, c in places if a <= d.start < b), None)
        last = next((c for a, b, c in places if a < d.end <= b), None)
        if first is not None and last is not None:
            out.append(replace(d, start=first.start, end=last.end))
    return out
