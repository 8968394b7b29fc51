"""The input side of claim checking: LLM answers in Markdown, short English, tables as evidence, and
speakers in the layouts sources use. Pure parts are tested directly; each mechanism once more
through a real check (the shipped model, real .docx and .html files)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from onrecord.documents import Document, from_text, load
from onrecord.extract.attribution import source_turns, speaker_at
from onrecord.extract.claims import claim_units
from onrecord.findings import findings_of, parse_fail_on
from onrecord.judge.figures import check_quantities, source_pool
from onrecord.judge.quotes import check_quotes
from onrecord.judge.tables import figure_pool
from onrecord.render.text import render_text
from onrecord.retrieve.evidence import SourceIndex
from onrecord.retrieve.tables import readable_sentences


def units(text: str):
    return claim_units(text, [])


def checked(text: str):
    return [u for u in units(text) if u.unchecked is None]


# -- 1. Markdown answers ---------------------------------------------------------------------------

@pytest.mark.parametrize("line,words", [
    ("1. **Scale of the study:** The pilot followed 2,340 students.", "The pilot followed 2,340 students."),
    ("2) Grades: Average marks rose by 4 points.", "Average marks rose by 4 points."),
    ("- **Cost:** The programme cost roughly $1,100 per student.", "The programme cost roughly $1,100 per student."),
    ("* The council approved the *new* budget on **Monday**.", "The council approved the new budget on Monday."),
    ("+ Attendance averaged 71 percent at [the sessions](https://example.org/a).",
     "Attendance averaged 71 percent at the sessions."),
    ("   a. __Reading:__ Reading scores did not change.", "Reading scores did not change."),
    ("> 3. `Fares` rose to $2.50 in March.", "Fares rose to $2.50 in March."),
    ("- [x] The report was published in June.", "The report was published in June."),
])
def test_markdown_is_left_out_of_the_checked_words_offsets_kept(line: str, words: str) -> None:
    text = f"Intro line that claims the survey covered 12 towns.\n{line}\n"
    got = checked(text)[-1]
    assert got.text == words
    # The span indexes the original text: from the first checked word to the last, markup inside kept.
    span = text[got.start : got.end]
    assert span[0] == words[0] and span[-1] == words[-1] and span.startswith(words.split()[0])


@pytest.mark.parametrize("line", [
    "1. **Scale of the study:** The pilot followed 2,340 students.",
    "12. **Phase 3 results:** Costs fell by a fifth.",
    "3) Year 2 outcomes: Reading gains were small.",
])
def test_a_list_number_or_a_label_is_never_a_figure_of_the_claim(line: str) -> None:
    u = checked(line)[0]
    figures = {q.claim.text for q in check_quantities(u.text, source_pool({"s": "nothing"}))}
    assert not figures & {"1", "12", "3", "2", "Phase 3", "Year 2"}


@pytest.mark.parametrize("line,words,first", [
    ("- **Sample size:** 2,340 students in 18 schools", "Sample size: 2,340 students in 18 schools", "Sample"),
    ("2. **Cost per student:** about $1,100.", "Cost per student: about $1,100.", "Cost"),
    ("* Attendance: 71 percent", "Attendance: 71 percent", "Attendance"),
])
def test_a_label_is_the_subject_of_words_that_make_no_sentence(line: str, words: str, first: str) -> None:
    text = f"{line}\n"
    (u,) = units(text)
    assert u.text == words and text[u.start :].startswith(first) and text[: u.end].endswith(words[-4:])


@pytest.mark.parametrize("line,reason", [
    ("Based on the research brief, here are the key findings:", "not a claim"),
    ("Sure! Here's a summary of the report:", "not a claim"),
    ("Let me know if you'd like more detail on any of these points!", "not a claim"),
    ("I hope this helps!", "not a claim"),
    ("Would you like me to compare the two reports?", "not a claim"),
    ("Feel free to ask if anything is unclear.", "not a claim"),
    ("## Caveats", "a heading"),
    ("### What the study found", "a heading"),
    ("**Key findings**", "a heading"),
    ("Main points:", "a heading"),
])
def test_filler_and_headings_are_listed_unchecked(line: str, reason: str) -> None:
    text = f"{line}\nThe pilot followed 2,340 students in 18 middle schools.\n"
    us = units(text)
    assert [u.unchecked for u in us][-1] is None and all(u.unchecked == reason for u in us[:-1])
    assert text[us[0].start : us[-2].end] == line  # "Sure! Here's ..." is two sentences, each filler


@pytest.mark.parametrize("line", [
    "The mayor said she hoped this helps residents.",
    "Here is why the council rejected the plan: costs rose 40%.",
    "Overall, fares rose 5% in 2024.",
    "Let me be clear: the levy rose 3.5 percent.",
])
def test_sentences_that_claim_something_are_not_filler(line: str) -> None:
    assert all(u.unchecked is None for u in units(line)) and units(line)


def test_a_lifted_relative_clause_is_read_without_its_emphasis() -> None:
    text = "- The *new* rule, which took effect in **May 2024**, cut costs by a fifth."
    got = {u.text for u in units(text)}
    assert got == {"The new rule cut costs by a fifth.", "The new rule took effect in May 2024"}


SHAPES = {
    "numbered": "Here are the key findings:\n\n1. Enrolment rose 4% to 12,300 students.\n2. Average grades rose by "
                "3 points.\n3. The district spent $14 million.\n\nHope this helps!\n",
    "bulleted": "Sure! Here's a summary:\n\n- Enrolment rose 4% to 12,300 students.\n* Average grades rose by 3 "
                "points.\n+ The district spent $14 million.\n\nLet me know if you'd like more detail.\n",
    "nested": "Based on the report, here is what changed:\n\n1. **Grades:**\n   - Enrolment rose 4% to 12,300 "
              "students.\n   - Average grades rose by 3 points.\n2. Costs:\n    * The district spent $14 million.\n\n"
              "I can also break down the costs by school if that would be useful.\n",
    "bold-label": "Here's a breakdown:\n\n- **Enrolment:** Enrolment rose 4% to 12,300 students.\n- **Grades** — "
                  "Average grades rose by 3 points.\n- **Costs.** The district spent $14 million.\n\n"
                  "Happy to help further!\n",
    "headings": "## Summary\n\nIn short: Enrolment rose 4% to 12,300 students.\n\n### 1. Grades\n\nAverage grades "
                "rose by 3 points.\n\n#### Costs ####\nThe district spent $14 million.\n\nThanks for asking!\n",
    "plain-label": "To answer your question:\n\nEnrolment: Enrolment rose 4% to 12,300 students.\nGrades: Average "
                   "grades rose by 3 points.\nCosts: The district spent $14 million.\n\nGood luck with your report!\n",
}
CLAIMED = ["Enrolment rose 4% to 12,300 students.", "Average grades rose by 3 points.",
           "The district spent $14 million."]


def _unmarked(s: str) -> str:
    return " ".join(re.sub(r"[*_#`]+", " ", s).split())


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_answer_shape_checks_its_claims_and_lists_the_rest(shape: str) -> None:
    text = SHAPES[shape]
    us = units(text)
    assert [u.text for u in us if u.unchecked is None] == CLAIMED
    for u in us:
        if u.unchecked is None:
            # The span indexes the original: the claim's words, with any markup inside, and nothing before.
            assert _unmarked(text[u.start : u.end]) == _unmarked(u.text), (shape, u)
    rest = [u for u in us if u.unchecked is not None]
    assert rest and all(u.unchecked in ("not a claim", "a heading") for u in rest)
    assert rest[-1].unchecked == "not a claim"  # the sign-off or offer
    claimed = {i for u in us if u.unchecked is None for i in range(u.start, u.end)}
    for u in rest:
        assert not claimed & set(range(u.start, u.end))


@pytest.mark.parametrize("line,words", [
    ("- **Budget** — The budget rose 5%.", "The budget rose 5%."),
    ("- **Budget** – The budget rose 5%.", "The budget rose 5%."),
    ("- **Budget** - The budget rose 5%.", "The budget rose 5%."),
    ("- **Budget.** The budget rose 5%.", "The budget rose 5%."),
    ("- **Budget** The budget rose 5%.", "The budget rose 5%."),
    ("3. __Phase 2 budget__ — The budget rose 5%.", "The budget rose 5%."),
    ("- **The budget** rose 5%.", "The budget rose 5%."),
    ("Grades: 4 schools improved their results.", "4 schools improved their results."),
    ("**Bottom line:** the district grew.", "the district grew."),
])
def test_a_bold_or_plain_label_is_context(line: str, words: str) -> None:
    (u,) = checked(f"{line}\n")
    assert u.text == words
    figures = {q.claim.text for q in check_quantities(u.text, source_pool({"s": "nothing"}))}
    assert not figures & {"2", "3", "Phase 2"}


@pytest.mark.parametrize("line", ["#### 1. Attendance", "## 2. Costs and fees", "### Q3 results", "1. **Attendance**",
                                  "**Results for 2024**", "# Summary of the 2 reports"])
def test_a_heading_line_is_one_unit_never_a_claim(line: str) -> None:
    text = f"{line}\nAttendance averaged 71 percent.\n"
    us = units(text)
    assert [u.unchecked for u in us] == ["a heading", None]
    assert text[us[0].start : us[0].end] == line


ANSWER_TABLE = """Here's a comparison:

| Year | Students | Spending ($m) |
|------|----------|---------------|
| 2023 | 11,800 | 13.1 |
| 2024 | 12,300 | 14 |

Let me know if you need more!
"""


def test_a_table_in_an_answer_claims_one_thing_per_row() -> None:
    us = units(ANSWER_TABLE)
    rows = [u for u in us if u.unchecked is None]
    # Each row is read as a source's rows are (``onrecord.documents.tables``): its label, then each cell
    # with its header.
    assert [u.text.split(", Spending")[0] for u in rows] == ["2023: Students: 11,800", "2024: Students: 12,300"]
    assert [ANSWER_TABLE[u.start : u.end] for u in rows] == ["2023 | 11,800 | 13.1", "2024 | 12,300 | 14"]
    assert not any("Year" in u.text or "---" in u.text for u in us)
    assert [u.unchecked for u in us][0] == "not a claim" and [u.unchecked for u in us][-1] == "not a claim"


@pytest.mark.parametrize("line", [
    "Happy to help further!", "Glad I could help!", "Hope that clarifies things.", "Hope this is useful.",
    "I hope you find this useful!", "Cheers!", "Thanks!", "You're welcome!", "Happy reading!",
    "Want me to compare the two reports?", "Does that help?", "Just ask.", "Here you go:",
    "To answer your question:", "The main findings are summarised below.",
    "I can also break down the costs by school if that would be useful.",
    "I'd recommend reading the full report for details.",
])
def test_more_filler_is_listed_as_not_a_claim(line: str) -> None:
    text = f"The pilot followed 2,340 students.\n{line}\n"
    us = units(text)
    assert [u.unchecked for u in us] == [None, "not a claim"], us


# -- 3. Tables as evidence -----------------------------------------------------------------------------

PIPE = """Laptop comparison

| Model | Battery life (hours) | Weight (kg) | Price |
| --- | --- | --- | --- |
| Aero 14 | 11 | 1.3 | $1,199 |
| Brio 15 | 8 | 1.8 | $899 |

All prices include a warranty.
"""
TABS = "Attendance report\n\nIndicator\t2023-24\t2024-25\tChange\nChronic absences\t1,840\t1,620\t-12%\n"
LOOSE = "Quarterly results\n\nRevenue | $412 million\nGross margin | 31.5%\n"


@pytest.mark.parametrize("text,readable,raw", [
    (PIPE, "Brio 15: Battery life: 8 hours, Weight: 1.8 kg, Price: $899", "Brio 15 | 8 | 1.8 | $899"),
    (TABS, "Chronic absences: 2023-24: 1,840, 2024-25: 1,620, Change: -12%", "Chronic absences\t1,840\t1,620\t-12%"),
    (LOOSE, "Gross margin: 31.5%", "Gross margin | 31.5%"),
])
def test_a_table_row_is_one_sentence_read_with_its_headers(text: str, readable: str, raw: str) -> None:
    spans, words = readable_sentences(text)
    i = words.index(readable)
    assert text[spans[i].start : spans[i].end] == raw  # the unit's span is the row in the source
    assert not any(w.startswith(("| Aero", "| Brio", "Chronic absences\t")) for w in words)  # raw rows replaced
    assert "All prices include a warranty." in words or text is not PIPE


def test_source_index_reads_rows_with_their_headers() -> None:
    idx = SourceIndex.build(from_text(PIPE, id="specs"))
    texts = [idx.sentence_text(i) for i in range(len(idx.sentences))]
    assert "Aero 14: Battery life: 11 hours, Weight: 1.3 kg, Price: $1,199" in texts


@pytest.mark.parametrize("claim,status,cell", [
    ("The Brio 15 weighs 1.8 kg.", "match", "1.8"),
    ("The Brio 15 lasts about 8 hours.", "match", "8"),
    ("Chronic absences fell 12%.", "match", "-12%"),  # the cell that states it (a sign is no range)
    ("Gross margin was 31.5%.", "match", "31.5%"),
])
def test_a_cell_figure_is_read_with_its_header_and_placed_at_its_cell(claim: str, status: str, cell: str) -> None:
    texts = {"pipe": PIPE, "tabs": TABS, "loose": LOOSE}
    got = check_quantities(claim, figure_pool(texts))
    hit = next(q for q in got if q.claim.text not in ("15",))
    assert hit.status == status
    assert texts[hit.source_id][hit.source.start : hit.source.end] == cell


def test_changes_are_derived_only_between_cells_of_one_measure() -> None:
    derived = [q for _, q in figure_pool({"pipe": PIPE}) if q.derived]
    assert not any("1.3" in q.derived and "11" in q.derived for q in derived)  # kilograms against hours


@pytest.mark.parametrize("source,claim", [
    ("CEO: Revenue grew 8% in the quarter.\nANALYST: Will costs ease in the fourth quarter?\n",
     "Revenue rose 8% in the third quarter."),
    ("Q: Did the river reach 7 metres?\nA: It peaked at 6.4 metres on Tuesday.\n", "The river peaked at 6 metres."),
    ("Reporter: Is it true the levy rose 40%?\nMayor: It rose 3.5 percent.\n", "The levy rose 40%."),
    ("Will the council approve 12 new homes? The council approved 300 homes in 2024.",
     "The council approved 12 new homes in 2024."),
])
def test_a_question_in_a_source_asserts_no_figure(source: str, claim: str) -> None:
    asked = [(m.start(), m.end()) for m in re.finditer(r"[^.?\n]*\?", source)]
    got = check_quantities(claim, figure_pool({"s": source}))
    assert got
    for q in got:
        assert q.source is None or not any(a <= q.source.start < b for a, b in asked), (q.claim.text, q.source.text)


# -- 4. Speakers in the layouts sources use ----------------------------------------------------------

CALL = """Northwind Foods - Q3 earnings call

OPERATOR: Good morning. With us today are Chief Executive Officer Dana Whitfield and Chief Financial Officer Marcus Oyelaran.

CEO: Thank you. We are not changing our full-year guidance.

CFO (Marcus Oyelaran): Gross margin slipped to 31.5% because of freight costs.

Priya Nand (Halden Securities): Will freight costs ease?

Marcus Oyelaran (CFO): Not before December, I'm afraid.
"""
INTERVIEW = """Interview: hydrologist Dr. Lena Marsh on the Corran floods
Interviewer: Tomas Reyes

Q: What should the county do first?

A: Buy out the homes in the lowest part of Millford, before the next flood season.
"""
JUDGMENT = """SUPREME COURT OF THE STATE

JUSTICE MORENO delivered the opinion of the Court.

The students were told in writing that lockers could be searched.

JUSTICE PARK, concurring.

The policy is narrow enough to stand.

JUSTICE ADEYEMI, dissenting.

The policy treats every student as a suspect.
"""
CHAPTERS = """Housing in the region: a report

Chapter 1: Rents, by Maria Lopez

Rents rose faster than wages in every district.

Chapter 2: Building, by Omar Haddad

Permits fell by a third, and building slowed.
"""


@pytest.mark.parametrize("text,said,speaker", [
    (CALL, "We are not changing our full-year guidance", "Dana Whitfield"),
    (CALL, "Gross margin slipped", "Marcus Oyelaran"),
    (CALL, "Will freight costs ease", "Priya Nand"),
    (CALL, "Not before December", "Marcus Oyelaran"),
    (INTERVIEW, "Buy out the homes", "Lena Marsh"),
    (INTERVIEW, "What should the county do first", "Tomas Reyes"),
    (JUDGMENT, "lockers could be searched", "Moreno"),
    (JUDGMENT, "narrow enough to stand", "Park"),
    (JUDGMENT, "treats every student as a suspect", "Adeyemi"),
    (CHAPTERS, "Rents rose faster", "Maria Lopez"),
    (CHAPTERS, "Permits fell by a third", "Omar Haddad"),
])
def test_source_turns_give_the_person_in_every_layout(text: str, said: str, speaker: str) -> None:
    assert speaker_at(source_turns(from_text(text, id="s")), text.index(said)) == speaker


@pytest.mark.parametrize("source,article,misattributed", [
    (CALL, 'Oyelaran said: "We are not changing our full-year guidance."', True),
    (CALL, 'Chief executive Dana Whitfield said: "We are not changing our full-year guidance."', False),
    (INTERVIEW, 'Reyes urged the county to "Buy out the homes in the lowest part of Millford."', True),
    (INTERVIEW, 'Marsh urged the county to "Buy out the homes in the lowest part of Millford."', False),
    (JUDGMENT, 'Justice Moreno wrote that the policy "treats every student as a suspect."', True),
    (JUDGMENT, 'Justice Adeyemi wrote that the policy "treats every student as a suspect."', False),
    (CHAPTERS, 'Omar Haddad wrote that "Rents rose faster than wages in every district."', True),
])
def test_a_quote_given_to_someone_else_is_misattributed(source: str, article: str, misattributed: bool) -> None:
    q = check_quotes(article, [from_text(source, id="s")]).results[0]
    assert q.label == "exact" and q.misattributed is misattributed, q


JUDGMENT_LAYOUTS = [
    "JUSTICE MORENO delivered the opinion of the Court.\n\nThe policy is upheld.\n\nJUSTICE HALE, dissenting.\n\n"
    "The policy treats every student as a suspect.\n",
    "OPINION (Justice Moreno): The policy is upheld.\n\nDISSENT (Justice Hale): The policy treats every student "
    "as a suspect.\n",
    "Justice Moreno, for the Court: The policy is upheld.\n\nJustice Hale, dissenting: The policy treats every "
    "student as a suspect.\n",
    "MORENO, J., delivered the opinion of the Court.\nThe policy is upheld.\nHALE, J., dissenting.\nThe policy "
    "treats every student as a suspect.\n",
    "Held: The policy is upheld.\n\nJUSTICE MORENO delivered the opinion of the Court.\n\nThe policy is upheld.\n\n"
    "Justice Hale wrote:\nThe policy treats every student as a suspect.\n",
]


@pytest.mark.parametrize("source", JUDGMENT_LAYOUTS)
@pytest.mark.parametrize("article,speaker,misattributed", [
    ('Justice Moreno wrote that the policy "treats every student as a suspect."', "Justice Moreno", True),
    ('Justice Hale wrote the dissent: "The policy treats every student as a suspect."', "Justice Hale", False),
    ('In dissent, Justice Hale wrote that the policy "treats every student as a suspect."', "Justice Hale", False),
])
def test_a_dissent_quoted_is_its_authors_in_every_layout(source: str, article: str, speaker: str,
                                                          misattributed: bool) -> None:
    q = check_quotes(article, [from_text(source, id="s")]).results[0]
    assert q.label == "exact" and q.speaker == speaker and q.source_speaker is not None
    assert q.source_speaker.endswith("Hale") and q.misattributed is misattributed, q


@pytest.mark.parametrize("source", [
    "OPERATOR: With us today are Chief Executive Officer Dana Whitfield and Chief Financial Officer Marcus "
    "Oyelaran.\n\nCEO: Revenue grew 8%.\n\nCFO: We are not changing our full-year guidance.\n",
    "CEO (Dana Whitfield): Revenue grew 8%.\n\nCFO (Marcus Oyelaran): We are not changing our full-year guidance.\n",
    "Dana Whitfield (CEO): Revenue grew 8%.\n\nMarcus Oyelaran (CFO): We are not changing our full-year guidance.\n",
    "**Dana Whitfield, CEO:** Revenue grew 8%.\n\n**Marcus Oyelaran, CFO:** We are not changing our full-year "
    "guidance.\n",
    "Interview with finance chief Marcus Oyelaran\nInterviewer: Dana Whitfield\n\nQ: Revenue grew 8%, didn't it?\n"
    "A: We are not changing our full-year guidance.\n",
])
def test_a_transcript_quote_given_to_someone_else_names_the_speaker(source: str) -> None:
    article = '"We are not changing our full-year guidance," said chief executive Dana Whitfield.'
    q = check_quotes(article, [from_text(source, id="s")]).results[0]
    assert q.label == "exact" and q.source_speaker == "Marcus Oyelaran" and q.misattributed, q


# -- Through a real check ------------------------------------------------------------------------------

ANSWER = """Based on the notice, here are the key points:

1. **Hours:** The Oak Street branch now opens at 9 am on weekdays.
2. **Fees:** Printing costs 10 cents a page.

## Caveats

- Le musée est fermé le lundi et les jours fériés.

Let me know if you'd like more detail!
"""
NOTICE = ("Branch hours change. The Oak Street branch now opens at 9 am on weekdays. It closes at 6 pm. "
          "Printing costs 10 cents a page. Wi-Fi is free in every branch.")


def test_a_markdown_answer_through_a_check(checker) -> None:
    report = checker.check(ANSWER, [from_text(NOTICE, id="notice")])
    by_reason = {c.text: (c.label, c.unchecked) for c in report.claims}
    assert by_reason["The Oak Street branch now opens at 9 am on weekdays."] == ("supported", None)
    assert by_reason["Printing costs 10 cents a page."] == ("supported", None)
    assert by_reason["Based on the notice, here are the key points:"][1] == "not a claim"
    assert by_reason["## Caveats"][1] == "a heading"
    assert by_reason["Let me know if you'd like more detail!"][1] == "not a claim"
    french = next(c for c in report.claims if c.text.startswith("Le musée"))
    assert french.unchecked == "written in French; the model reads English only"
    # Offsets index the original; the checked words are the plain ones.
    oak = next(c for c in report.claims if c.text.startswith("The Oak Street"))
    assert ANSWER[oak.start : oak.end] == oak.text and "**" not in oak.text
    # Visible in every format: JSON summary (what a gate on "unchecked" reads), the terminal text.
    summary = json.loads(report.to_json())["summary"]
    assert summary["unchecked"] == 1 and summary["not_a_claim"] == 3 and summary["findings"] == 0
    # A gate on "unchecked" fails on the French claim only, never on the filler around the answer.
    assert [c.text for c in findings_of(report, parse_fail_on("unchecked"))] == [french.text]
    shown = render_text(report)
    assert "Not claims (not checked)" in shown and "written in French" in shown and "1 unchecked" in shown


def test_short_english_is_never_refused(checker) -> None:
    text = ("Oak Street branch opens at 9 am.\nLate fees scrapped for kids' books.\nWi-Fi costs $2 an hour.\n"
            "Patel objected.\nUsed-book sale Nov. 21-23.\n")
    report = checker.check(text, [from_text(NOTICE, id="notice")])
    assert report.claims and not any(c.unchecked for c in report.claims)


def _docx_with_table(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Attendance report, Northfield School District, 2024-25.")
    t = d.add_table(rows=3, cols=4)
    for i, row in enumerate([["Indicator", "2023-24", "2024-25", "Change"],
                             ["Chronic absences", "1,840", "1,620", "-12%"],
                             ["Average daily attendance", "91.2%", "93.5%", "+2.3 pts"]]):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    d.add_paragraph("The district credits its text-message reminders.")
    d.save(str(path))


HTML = """<!DOCTYPE html><html><head><title>Laptops</title></head><body><article>
<h1>Laptop comparison</h1>
<p>We compared three laptops this spring for our readers, looking at battery, weight and price.</p>
<table><thead><tr><th>Model</th><th>Battery life (hours)</th><th>Weight (kg)</th></tr></thead>
<tbody><tr><td>Aero 14</td><td>11</td><td>1.3</td></tr><tr><td>Corsa 13</td><td>14</td><td>1.1</td></tr></tbody>
</table>
<p>All three prices include a one-year warranty, which is standard for the category these days.</p>
</article></body></html>"""


def test_table_cells_are_evidence_in_docx_and_html(checker, tmp_path: Path) -> None:
    _docx_with_table(tmp_path / "report.docx")
    (tmp_path / "laptops.html").write_text(HTML, encoding="utf-8")
    docs: list[Document] = [load(tmp_path / "report.docx"), load(tmp_path / "laptops.html")]
    text = ("Chronic absences fell 12% in 2024-25.\nAverage daily attendance rose to 93.5%.\n"
            "The Corsa 13 weighs 1.1 kg.\n")
    report = checker.check(text, docs)
    for claim, cells in [("Chronic absences fell", ("-12%",)), ("Average daily attendance", ("93.5%",)),
                         ("The Corsa 13", ("Corsa 13", "1.1"))]:
        c = next(c for c in report.claims if c.text.startswith(claim))
        assert c.label == "supported", (c.text, c.reason)
        src = next(d for d in docs if d.id == c.evidence[0].source)
        row = src.text[c.evidence[0].start : c.evidence[0].end]
        assert all(cell in row for cell in cells) and "\n" not in row  # the row's span, one line


# -- A summary written one sentence a line, in lower case --------------------------------------------

HIGHLIGHT_SOURCE = ("The city council approved a new library on Monday. The building will cost $12 million. "
                    "Construction starts in the spring and the library opens in 2027.")


@pytest.mark.parametrize("summary", [
    "the city council approved a new library on monday .\nthe building will cost $ 15 million .\n"
    "the library opens in 2027 .",
    "the city council approved a new library on monday.\nthe building will cost $15 million.\n"
    "the library opens in 2027.",
])
def test_each_line_of_a_lower_case_summary_is_its_own_claim(checker, summary: str) -> None:
    """News highlights come one sentence a line, in lower case: a line that a sentence's stop ends is no
    wrapped line, so the false figure of the middle line is found, not hidden in one long claim."""
    report = checker.check(summary, [from_text(HIGHLIGHT_SOURCE, id="src")])
    assert len(report.claims) == 3
    assert [c.label for c in report.claims][1] == "contradicted"
    assert report.claims[1].text.startswith("the building will cost")
