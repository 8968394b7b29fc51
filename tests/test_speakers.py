"""Who speaks where: source speaker layouts → turns with the right speaker and offsets."""

from __future__ import annotations

import pytest

from onrecord.extract.speakers import speaker_of, speaker_turns


def who(text: str, said: str) -> str:
    """The speaker of the turn holding ``said``; checks the turn's offsets on the way."""
    turns = speaker_turns(text)
    for t in turns:
        assert text[t.start : t.end].strip() and not text[t.start].isspace()
    turn = speaker_of(turns, text.index(said))
    assert turn is not None, (said, turns)
    assert said in text[turn.start : turn.end]
    return turn.speaker


@pytest.mark.parametrize("text,said,speaker", [
    ("CHAIR OKONKWO: The board will now hear from the director.\n\nDIRECTOR HALVORSEN: Thank you. "
     "The landfill will be full in four years.\n", "The landfill will be full", "DIRECTOR HALVORSEN"),
    ("Governor Alvarez: Thank you all for coming. Today I sign the act.\n", "Today I sign the act", "Governor Alvarez"),
    ("MS. PATEL: I oppose the plan.\nMR. RUIZ: I support it.\n", "I support it", "MR. RUIZ"),
    ("Dr. Lena Marsh: The river peaked at 6.4 metres.\n", "The river peaked", "Dr. Lena Marsh"),
    ("CEO (Dana Whitfield): Revenue grew 8%.\nCFO (Marcus Oyelaran): Margin was 31.5%.\n", "Margin was",
     "Marcus Oyelaran"),
    ("Chief Financial Officer (Marcus Oyelaran): Margin was 31.5%.\n", "Margin was", "Marcus Oyelaran"),
    ("Priya Nand (Halden Securities): Will costs ease?\n", "Will costs ease", "Priya Nand"),
    ("Dana Whitfield (CEO): We opened nine stores.\n", "We opened nine stores", "Dana Whitfield"),
    ("Senator Okafor (D-Ohio): Ten years is too long.\n", "Ten years is too long", "Senator Okafor"),
])
def test_labels(text: str, said: str, speaker: str) -> None:
    assert who(text, said) == speaker


CALL = """Northwind Foods - Q3 2025 earnings call

OPERATOR: Good morning. With us today are Chief Executive Officer Dana Whitfield and Chief Financial Officer Marcus Oyelaran. I will now hand over to Ms. Whitfield.

CEO: Thank you. Revenue grew 8% to $412 million.

Chief Financial Officer: Gross margin was 31.5%.

WHITFIELD: We expect to open about twenty more stores.

OPERATOR: Our next question comes from the line of John Park with Acme Capital.

Analyst: Will freight costs ease?

Oyelaran: Not before December.
"""


@pytest.mark.parametrize("said,speaker", [
    ("Revenue grew 8%", "Dana Whitfield"),
    ("Gross margin was 31.5%", "Marcus Oyelaran"),
    ("We expect to open", "Dana Whitfield"),
    ("Will freight costs ease", "John Park"),
    ("Not before December", "Marcus Oyelaran"),
    ("Good morning", "OPERATOR"),
])
def test_call_with_names_given_once(said: str, speaker: str) -> None:
    assert who(CALL, said) == speaker


INTERVIEW = """Interview: hydrologist Dr. Lena Marsh on the Corran River floods
Interviewer: Tomas Reyes, Valley Courier
3 February 2026

Q: How high did the river get?
A: It peaked at 6.4 metres on the Tuesday night.

Q: Were the levees at fault?
A: No. The levees held everywhere except at Millford.
"""


@pytest.mark.parametrize("text,said,speaker", [
    (INTERVIEW, "How high did the river get", "Tomas Reyes"),
    (INTERVIEW, "It peaked at 6.4 metres", "Lena Marsh"),
    (INTERVIEW, "The levees held everywhere", "Lena Marsh"),
    ("Q&A with Mayor Ellen Shaw\nBy Sam Ortiz\n\nQuestion: Why now?\nAnswer: Because the budget allows it.\n",
     "Because the budget allows it", "Ellen Shaw"),
    ("Q&A with Mayor Ellen Shaw\nBy Sam Ortiz\n\nQuestion: Why now?\nAnswer: Because the budget allows it.\n",
     "Why now", "Sam Ortiz"),
    ("In conversation with Priya Raman\nInterviewer: Jo Blake\n\nJB: What changed?\nPR: The funding rules.\n",
     "The funding rules", "Priya Raman"),
    ("In conversation with Priya Raman\nInterviewer: Jo Blake\n\nJB: What changed?\nPR: The funding rules.\n",
     "What changed", "Jo Blake"),
    ("Q: Who pays?\nA: The state does.\n", "The state does", "A"),
])
def test_interviews(text: str, said: str, speaker: str) -> None:
    assert who(text, said) == speaker


JUDGMENT = """IN THE SUPREME COURT OF THE STATE OF ALDER

JUSTICE MORENO delivered the opinion of the Court.

The policy is upheld. The judgment of the Court of Appeals is reversed.

JUSTICE PARK, concurring.

I join the Court's opinion. Students were told in writing.

ADEYEMI, J., dissenting.

Searching every locker without cause treats every student as a suspect.
"""


@pytest.mark.parametrize("said,speaker", [
    ("The policy is upheld", "Moreno"),
    ("Students were told in writing", "Park"),
    ("treats every student as a suspect", "Adeyemi"),
])
def test_judgment_sections(said: str, speaker: str) -> None:
    assert who(JUDGMENT, said) == speaker


@pytest.mark.parametrize("text,said,speaker", [
    ("Dissenting opinion of Justice Lee\n\nThe majority errs.\n", "The majority errs", "Lee"),
    ("Chief Justice Obi delivered the judgment.\n\nThe appeal is dismissed.\n", "The appeal is dismissed", "Obi"),
    ("State of the City 2026\n\nChapter 1: Housing, by Maria Lopez\n\nRents rose 6%.\n\n"
     "Chapter 2: Transport, by Ahmed Said\n\nBus use doubled.\n", "Bus use doubled", "Ahmed Said"),
    ("State of the City 2026\n\nChapter 1: Housing, by Maria Lopez\n\nRents rose 6%.\n\n"
     "Chapter 2: Transport, by Ahmed Said\n\nBus use doubled.\n", "Rents rose 6%", "Maria Lopez"),
    ("Housing\nBy Maria Lopez\n\nRents rose 6%.\n", "Rents rose 6%", "Maria Lopez"),
])
def test_sections_by_author(text: str, said: str, speaker: str) -> None:
    assert who(text, said) == speaker


def test_label_inside_a_section_wins() -> None:
    text = "Chapter 3: Hearings, by Maria Lopez\n\nThe chair opened the hearing.\n\nCHAIR OKONKWO: We begin.\n"
    assert who(text, "The chair opened") == "Maria Lopez"
    assert who(text, "We begin") == "CHAIR OKONKWO"


@pytest.mark.parametrize("text", [
    "Note: figures are provisional.\nDate: 4 March 2025\nAttendance: 18,412.\n",
    "The council met at 7:30 pm. Three items were on the agenda.\n",
    "Subject: Budget\nFrom: The clerk\n",
    "",
])
def test_no_speakers(text: str) -> None:
    assert speaker_turns(text) == []
