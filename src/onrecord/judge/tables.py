"""The figures of a source's table rows, read with the row's label and each cell's header and placed at
their cells: "Chronic absences" and "Change" say what the "-12%" cell measures, which the raw line
("Chronic absences\t1,840\t1,620\t-12%") does not say near the figure. The rows are those of
``onrecord.documents.tables``, read as sentences by ``onrecord.retrieve.tables.row_sentence``.
"""

from __future__ import annotations

from dataclasses import replace

from onrecord.documents.tables import Row, table_rows
from onrecord.judge.figures import Pool, Quantity, derived, extract
from onrecord.retrieve.tables import row_sentence
from onrecord.text.segment import sentences


def figure_pool(sources: dict[str, str]) -> Pool:
    """Every source's figures (as ``judge.figures.source_pool``), a table row's read in its readable
    unit and placed at the cell they come from: the row's header names what a bare cell measures. A
    question's figures are left out: a question asserts none."""
    pool: Pool = []
    for sid, text in sources.items():
        rows = table_rows(text)
        # The rows' characters are blanked (offsets kept) so a cell is not read twice, raw and in its row;
        # a question's too: it asks whether a figure holds and asserts none ("Will costs ease in the fourth
        # quarter?" says nothing of which quarter the results were for).
        outside = list(text)
        for a, b in [(r.start, r.end) for r in rows] + _questions(text):
            outside[a:b] = " " * (b - a)
        qs = extract("".join(outside))
        pool += [(sid, q) for q in qs] + [(sid, q) for q in derived(text, qs)]
        for r in rows:
            pool += [(sid, q) for q in _row_figures(r)]
    return pool


def _questions(text: str) -> list[tuple[int, int]]:
    """The spans of the questions a source asks."""
    return [(x.start, x.end) for x in sentences(text) if text[x.start : x.end].rstrip().endswith("?")]


def _row_figures(row: Row) -> list[Quantity]:
    """The figures of ``row``, each read in a clause of its own with the row's label and its header
    ("Average daily attendance: 2024-25: 93.5%") so every cell of a row is as near the label as the
    next, and the changes between cells that measure the same thing ("1,840" to "1,620") read in the
    whole row; each placed at the span of its cells in the source."""
    text, places = row_sentence(row)
    label = row.cells[0].value if len(row.cells) > 1 else ""
    qs = extract(text)
    # The label's own figures ("Brio 15") are read in the whole row.
    here = label or text
    out = [replace(q, start=row.cells[0].start, end=row.cells[0].end, row=here) for q in qs if q.end <= places[0][1]]
    for n, c in enumerate(row.cells):
        if n == 0 and label:
            continue
        prefix = f"{label}: " if label else ""
        out += [replace(q, start=c.start, end=c.end, row=here) for q in extract(prefix + c.readable)
                if q.start >= len(prefix)]
    # Changes only between cells measuring the same thing, never between one model's hours and kilograms.
    for d in (d for n in {q.noun for q in qs} for d in derived(text, [q for q in qs if q.noun == n])):
        first = next((c for a, b, c in places if a <= d.start < b), None)
        last = next((c for a, b, c in places if a < d.end <= b), None)
        if first is not None and last is not None:
            out.append(replace(d, start=first.start, end=last.end, row=here))
    return out
