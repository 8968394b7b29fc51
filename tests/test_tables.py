"""Table rows as readable units with offsets back to the cells, from text, Markdown, .docx and HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.documents import load
from onrecord.documents.tables import flatten_html_tables, pipe_lines, readable_cell, table_rows

PIPE = """Laptop comparison - spring 2026

| Model | Battery life (hours) | Weight (kg) | Price |
| --- | --- | --- | --- |
| Aero 14 | 11 | 1.3 | $1,199 |
| Brio 15 | 8 | 1.8 | $899 |

All three prices include a one-year warranty.
"""
TABS = ("Attendance report\n\nIndicator\t2023-24\t2024-25\tChange\nChronic absences\t1,840\t1,620\t-12%\n"
        "Suspensions\t212\t150\t-29%\n\nThe district credits its reminders.\n")


def _cells_point_home(text: str) -> None:
    rows = table_rows(text)
    assert rows
    for r in rows:
        for c in r.cells:
            assert text[c.start : c.end] == c.value
            assert r.text[c.unit_start : c.unit_start + len(c.readable)] == c.readable
            assert r.cell_at(c.unit_start) == c
        assert r.start == r.cells[0].start and r.end == r.cells[-1].end


def test_markdown_pipe_table() -> None:
    rows = table_rows(PIPE)
    assert [r.text for r in rows] == [
        "Model: Aero 14; Battery life: 11 hours; Weight: 1.3 kg; Price: $1,199",
        "Model: Brio 15; Battery life: 8 hours; Weight: 1.8 kg; Price: $899",
    ]
    _cells_point_home(PIPE)


def test_tab_separated_block() -> None:
    rows = table_rows(TABS)
    assert [r.text for r in rows] == [
        "Indicator: Chronic absences; 2023-24: 1,840; 2024-25: 1,620; Change: -12%",
        "Indicator: Suspensions; 2023-24: 212; 2024-25: 150; Change: -29%",
    ]
    _cells_point_home(TABS)


@pytest.mark.parametrize("text,units", [
    ("Chronic absences | -12%\n", ["Chronic absences: -12%"]),
    ("Chronic absences | -12%\nSuspensions | -29%\n", ["Chronic absences: -12%", "Suspensions: -29%"]),
    ("Region | Sales\nNorth | 4.2 million\nSouth | 3.9 million\n", ["Region: North; Sales: 4.2 million",
                                                                     "Region: South; Sales: 3.9 million"]),
    ("|Plan|Price ($)|\n|:--|--:|\n|Basic|12|\n", ["Plan: Basic; Price: $12"]),
    ("| Item | Share (%) |\n|---|---|\n| Rent | 41 |\n", ["Item: Rent; Share: 41%"]),
    ("| a | b |\n|---|---|\n|  | 5 |\n", ["b: 5"]),
    # All words and no separator row: nothing says the first row is a header, so each row reads alone.
    ("Name\tRole\nDana Whitfield\tCEO\n", ["Name: Role", "Dana Whitfield: CEO"]),
    ("Name\tRole\n---\t---\nDana Whitfield\tCEO\n", ["Name: Dana Whitfield; Role: CEO"]),
])
def test_text_tables(text: str, units: list[str]) -> None:
    assert [r.text for r in table_rows(text)] == units
    _cells_point_home(text)


@pytest.mark.parametrize("text", [
    "The council voted 7-2 to approve the lane.\nConstruction begins in May.\n",
    "Use the pipe character | to separate the options in the long configuration line of the tool, "
    "which nobody reads | and so on for a while longer than any table cell would ever be.\n",
    "",
])
def test_prose_is_not_a_table(text: str) -> None:
    assert table_rows(text) == []


def test_header_unknown_rows_read_on_their_own() -> None:
    # Without a header row, the first cell labels the rest.
    rows = table_rows("Aero 14 | 11 | $1,199\nBrio 15 | 8 | $899\n")
    assert [r.text for r in rows] == ["Aero 14: 11; $1,199", "Brio 15: 8; $899"]


@pytest.mark.parametrize("header,value,readable", [
    ("Battery life (hours)", "8", "Battery life: 8 hours"),
    ("Weight (kg)", "1.8", "Weight: 1.8 kg"),
    ("Price ($)", "899", "Price: $899"),
    ("Budget (USD)", "1,200", "Budget: USD 1,200"),
    ("Share (%)", "41", "Share: 41%"),
    ("Notes (internal)", "Audited", "Notes (internal): Audited"),
    ("Price", "$899", "Price: $899"),
    ("", "Brio 15", "Brio 15"),
])
def test_readable_cell(header: str, value: str, readable: str) -> None:
    assert readable_cell(header, value) == readable


def test_pipe_lines_header_guess() -> None:
    assert pipe_lines([["Model", "Price"], ["Aero", "$1,199"]]) == [
        "| Model | Price |", "|---|---|", "| Aero | $1,199 |"]
    assert pipe_lines([["Aero", "$1,199"], ["Brio", "$899"]]) == ["| Aero | $1,199 |", "| Brio | $899 |"]
    assert pipe_lines([["a|b", "line\nbreak"]], header=False) == ["| a/b | line break |"]


def test_docx_table_rows_are_units(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Attendance report, Northfield School District.")
    t = d.add_table(rows=3, cols=4)
    for i, row in enumerate([["Indicator", "2023-24", "2024-25", "Change"],
                             ["Chronic absences", "1,840", "1,620", "-12%"],
                             ["Suspensions", "212", "150", "-29%"]]):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    d.add_paragraph("The district credits its reminders.")
    p = tmp_path / "report.docx"
    d.save(str(p))
    doc = load(p)
    rows = table_rows(doc.text)
    assert [r.text for r in rows] == [
        "Indicator: Chronic absences; 2023-24: 1,840; 2024-25: 1,620; Change: -12%",
        "Indicator: Suspensions; 2023-24: 212; 2024-25: 150; Change: -29%",
    ]
    _cells_point_home(doc.text)
    assert doc.text.endswith("The district credits its reminders.")


HTML = """<!DOCTYPE html><html><head><title>Laptops</title></head><body><article>
<h1>Laptop comparison</h1>
<p>We compared three laptops this spring for our readers, looking at battery, weight and price.</p>
<table><thead><tr><th>Model</th><th>Battery life (hours)</th><th>Price</th></tr></thead>
<tbody><tr><td>Aero 14</td><td>11</td><td>$1,199</td></tr><tr><td>Brio 15</td><td>8</td><td>$899</td></tr></tbody>
</table>
<p>All three prices include a one-year warranty, which is standard for the category these days.</p>
</article></body></html>"""


def test_html_table_rows_are_units(tmp_path: Path) -> None:
    p = tmp_path / "laptops.html"
    p.write_text(HTML, encoding="utf-8")
    doc = load(p)
    assert [r.text for r in table_rows(doc.text)] == [
        "Model: Aero 14; Battery life: 11 hours; Price: $1,199",
        "Model: Brio 15; Battery life: 8 hours; Price: $899",
    ]
    _cells_point_home(doc.text)


def test_html_fallback_flattens_tables() -> None:
    import lxml.html

    root = lxml.html.document_fromstring(
        "<html><body><table><tr><th>Plan</th><th>Price</th></tr><tr><td>Basic</td><td>$12</td></tr>"
        "<tr><td>Plus <table><tr><td>inner</td><td>x</td></tr></table></td><td>$20</td></tr></table>"
        "<p>after</p></body></html>")
    flatten_html_tables(root)
    lines = [p.text for p in root.iter("p")]
    # The nested table is flattened first; its row stays inside the outer cell ("|" made "/").
    assert lines == ["| Plan | Price |", "|---|---|", "| Basic | $12 |", "| Plus / inner / x / | $20 |", "after"]
