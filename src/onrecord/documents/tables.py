"""Tables as evidence: each row becomes one readable unit, "header: cell" for every cell.

One mechanism for every format. Loaders render a table as a Markdown pipe table in the loaded text,
one line per row (trafilatura already does so for HTML; ``docx_table_lines`` and
``flatten_html_tables`` do it for Word and for the plain-body HTML fallback), so ``Document.text``
stays what every offset indexes. ``table_rows`` then finds the rows of pipe tables, pipe-separated
lines ("label | -12%") and tab-separated blocks in any text and gives each row as a ``Row``: a
readable sentence ("Model: Brio 15; Battery life: 8 hours; Price: $899") to retrieve and judge,
with the span of every cell in the text, so evidence points at the cells themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A header's trailing unit ("Battery life (hours)", "Weight (kg)") is moved after the cell's figure
# ("8 hours"), so the figure reads as the quantity it is; currency units go before it ("$899").
_HEADER_UNIT = re.compile(r"^(?P<name>.*?\S)\s*\((?P<unit>[^()]{1,20})\)\s*$")
_CURRENCY_UNITS = {"$", "€", "£", "usd", "eur", "gbp", "us$"}
_SEPARATOR_CELL = re.compile(r"^\s*:?-+:?\s*$")
# A line of a text is a table row only when its cells are short (prose with a "|" is not a table).
MAX_CELL_CHARS = 80
_NUMERIC = re.compile(r"^[\s$€£+\-−~≈<>]*\d[\d,.\s]*(?:%|[a-zA-Z]{0,4}|\s*pts?|thousand|million|billion|trillion)?\s*$")


@dataclass(frozen=True)
class Cell:
    header: str
    value: str
    start: int
    end: int
    """The value's span in the text the table came from."""
    readable: str
    """How the cell reads in its row's sentence: "Battery life: 8 hours"."""
    unit_start: int = 0
    """Where ``readable`` starts in the row's ``text``."""


@dataclass(frozen=True)
class Row:
    text: str
    """The row as one readable unit: "Model: Brio 15; Battery life: 8 hours; Price: $899"."""
    start: int
    end: int
    """The row's span in the text (first cell's start to last cell's end)."""
    cells: tuple[Cell, ...]

    def cell_at(self, unit_offset: int) -> Cell | None:
        """The cell whose readable words cover ``unit_offset`` of ``text`` (to map evidence back)."""
        for c in self.cells:
            if c.unit_start <= unit_offset < c.unit_start + len(c.readable):
                return c
        return None


def readable_cell(header: str, value: str) -> str:
    """ "Battery life (hours)", "8" → "Battery life: 8 hours"; "Price ($)", "899" → "Price: $899"."""
    value = value.strip()
    header = header.strip()
    m = _HEADER_UNIT.match(header)
    if m and value and _NUMERIC.match(value):
        unit = m.group("unit").strip()
        if unit.lower() in _CURRENCY_UNITS:
            return f"{m.group('name')}: {unit}{value}" if len(unit) == 1 else f"{m.group('name')}: {unit} {value}"
        joined = f"{value}{unit}" if unit == "%" else f"{value} {unit}"
        return f"{m.group('name')}: {joined}"
    return f"{header}: {value}" if header else value


def _split_pipe(line: str, line_start: int) -> list[tuple[str, int, int]] | None:
    """Cells of a pipe-separated line with their spans, or None when the line is not one."""
    if "|" not in line:
        return None
    body_start, body_end = 0, len(line)
    stripped = line.strip()
    if stripped.startswith("|"):
        body_start = line.index("|") + 1
    if stripped.endswith("|") and len(stripped) > 1:
        body_end = line.rindex("|")
    cells, pos = [], body_start
    for piece in line[body_start:body_end].split("|"):
        lead = len(piece) - len(piece.lstrip())
        value = piece.strip()
        cells.append((value, line_start + pos + lead, line_start + pos + lead + len(value)))
        pos += len(piece) + 1
    return cells if len(cells) >= 2 else None


def _split_tabs(line: str, line_start: int) -> list[tuple[str, int, int]] | None:
    if "\t" not in line:
        return None
    cells, pos = [], 0
    for piece in line.split("\t"):
        lead = len(piece) - len(piece.lstrip())
        value = piece.strip()
        cells.append((value, line_start + pos + lead, line_start + pos + lead + len(value)))
        pos += len(piece) + 1
    return cells if len(cells) >= 2 else None


_Split = list[tuple[str, int, int]]


def _lines(text: str) -> list[tuple[str, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((line, pos))
        pos += len(line) + 1
    return out


def _split_line(line: str, start: int) -> tuple[str | None, _Split | None]:
    for kind, split in (("pipe", _split_pipe), ("tab", _split_tabs)):
        cells = split(line, start)
        if cells and all(len(c[0]) <= MAX_CELL_CHARS for c in cells):
            return kind, cells
    return None, None


def _blocks(text: str) -> list[list[_Split]]:
    """Runs of consecutive lines split the same way (pipes or tabs) with short cells."""
    blocks: list[list[_Split]] = []
    current: list[_Split] = []
    kind = None
    for line, start in _lines(text):
        k, cells = _split_line(line, start)
        if cells and (k == kind or not current):
            current.append(cells)
            kind = k
            continue
        if current:
            blocks.append(current)
        current, kind = ([cells], k) if cells else ([], None)
    if current:
        blocks.append(current)
    return blocks


def _is_separator(cells: _Split) -> bool:
    return all(_SEPARATOR_CELL.match(c[0]) or not c[0] for c in cells) and any(c[0] for c in cells)


def _has_header(rows: list[_Split]) -> bool:
    """A first row of names over rows with figures: "Model | Battery life (hours)" above "Aero 14 | 11"."""
    first, rest = rows[0], rows[1:]
    return bool(rest) and not any(_NUMERIC.match(c[0]) for c in first if c[0]) and \
        any(_NUMERIC.match(c[0]) for row in rest for c in row if c[0])


def _row(headers: list[str], cells: _Split) -> Row | None:
    filled = [(i, c) for i, c in enumerate(cells) if c[0]]
    if not filled:
        return None
    parts: list[Cell] = []
    text = ""
    for n, (i, (value, a, b)) in enumerate(filled):
        header = headers[i] if i < len(headers) else ""
        readable = readable_cell(header, value)
        if not headers and n == 0 and len(filled) > 1:
            sep = ": "
        else:
            sep = "; " if n < len(filled) - 1 else ""
        parts.append(Cell(header, value, a, b, readable, len(text)))
        text += readable + sep
    return Row(text, filled[0][1][1], filled[-1][1][2], tuple(parts))


def table_rows(text: str) -> list[Row]:
    """Every table row in ``text`` (pipe tables, pipe- or tab-separated lines), as readable units."""
    out: list[Row] = []
    for block in _blocks(text):
        rows = [r for r in block if not _is_separator(r)]
        if not rows:
            continue
        separated = len(block) > 1 and _is_separator(block[1])
        headers: list[str] = []
        if separated or _has_header(rows):
            headers, rows = [c[0] for c in rows[0]], rows[1:]
        for cells in rows:
            row = _row(headers, cells)
            if row:
                out.append(row)
    return out


def row_sentence(row: Row) -> tuple[str, list[tuple[int, int, Cell]]]:
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


def table_line_spans(text: str) -> list[tuple[int, int]]:
    """The span of every line of every table in ``text``: its header and separator lines as well as its rows
    (what a reader of the text's sentences must not read as prose)."""
    out = []
    for block in _blocks(text):
        for cells in block:
            line_start = text.rfind("\n", 0, cells[0][1]) + 1
            line_end = text.find("\n", cells[-1][2])
            out.append((line_start, len(text) if line_end < 0 else line_end))
    return out


def _pipe_cell(text: str) -> str:
    # A "|" inside a cell would split it; a line break would end the row.
    return " ".join(text.replace("|", "/").split())


def pipe_lines(rows: list[list[str]], header: bool | None = None) -> list[str]:
    """Rows of cell texts as Markdown pipe-table lines; a separator follows the first row when it is a
    header (``header`` None: when it holds names over rows with figures)."""
    rows = [[_pipe_cell(c) for c in r] for r in rows if any(c.strip() for c in r)]
    if not rows:
        return []
    if header is None:
        header = len(rows) > 1 and not any(_NUMERIC.match(c) for c in rows[0] if c) and \
            any(_NUMERIC.match(c) for r in rows[1:] for c in r if c)
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    if header:
        lines.insert(1, "|" + "---|" * len(rows[0]))
    return lines


def docx_table_lines(table) -> list[str]:
    """A python-docx table as pipe-table lines (cell paragraphs and nested tables joined in the cell)."""
    from docx.table import Table

    def cell_text(cell) -> str:
        parts = []
        for item in cell.iter_inner_content():
            if isinstance(item, Table):
                parts.extend("; ".join(cell_text(c) for c in row.cells) for row in item.rows)
            else:
                parts.append(item.text)
        return " ".join(" ".join(p.split()) for p in parts if p.strip())

    def row_cells(row) -> list[str]:
        # A horizontally merged cell comes back once per grid column it spans: read it once.
        out, last = [], None
        for c in row.cells:
            if c._tc is not last:
                out.append(cell_text(c))
            last = c._tc
        return out

    return pipe_lines([row_cells(row) for row in table.rows])


def flatten_html_tables(root) -> None:
    """Replace every <table> under ``root`` (lxml) by one <p> per row holding a pipe-table line, so the
    plain-body text keeps a row on one line as trafilatura's output does. Nested tables first."""
    from lxml import etree

    for table in reversed(list(root.iter("table"))):
        rows, header = [], False
        for i, tr in enumerate(table.iter("tr")):
            cells = tr.xpath("./th|./td")
            rows.append([" ".join(c.text_content().split()) for c in cells])
            if i == 0 and cells and (all(c.tag == "th" for c in cells) or tr.getparent().tag == "thead"):
                header = True
        div = etree.Element("div")
        for line in pipe_lines(rows, header or None):
            etree.SubElement(div, "p").text = line
        div.tail = table.tail
        parent = table.getparent()
        if parent is not None:
            parent.replace(table, div)
