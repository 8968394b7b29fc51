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
    ("Chief Justice Obi delivered the judgment of the Court.\n\nThe appeal is dismissed.\n", "The appeal is dismissed",
     "Obi"),
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


# -- a reporting verb with an object, or a passive, opens no section ----------------------------------

@pytest.mark.parametrize("heading", [
    "Justice Hale wrote the dissent.",
    "Justice Hale wrote the dissent, joined by two colleagues.",
    "Justice Ortiz delivered the opinion.",
    "Justice Ortiz delivered the opinion of the Court. The vote was 6-3.",
    "Justice Hale wrote that the statute was void.",
    "Justice Hale filed the motion in March.",
    "Judge Hale announced the decision on Monday.",
    "The opinion was joined by Justice Ruiz.",
    "Part II of the opinion was joined by Justice Ruiz.",
    "Chapter 4 was approved by Maria Lopez",
    "Section 2 is signed by Ahmed Said",
])
def test_a_sentence_about_a_justice_opens_no_section(heading: str) -> None:
    text = f"{heading}\n\nThe statute is void because it is vague.\n"
    turn = speaker_of(speaker_turns(text), text.index("The statute is void"))
    assert turn is None, turn


@pytest.mark.parametrize("heading,speaker", [
    ("JUSTICE MORENO delivered the opinion of the Court.", "Moreno"),
    ("Chief Justice ROBERTS delivered the opinion of the Court, in which THOMAS, J., and ALITO, J., joined.",
     "Roberts"),
    ("Justice Ortiz delivered the opinion for a unanimous Court.", "Ortiz"),
    ("JUSTICE PARK, concurring.", "Park"),
    ("JUSTICE PARK, concurring in part and dissenting in part.", "Park"),
    ("Justice Kagan, with whom Justice Sotomayor and Justice Jackson join, dissenting.", "Kagan"),
    ("HALE, J., dissenting.", "Hale"),
    ("HALE, C. J., concurring in the judgment.", "Hale"),
    ("Justice Hale filed a dissenting opinion.", "Hale"),
    ("Justice Hale wrote:", "Hale"),
    ("Justice Hale, writing for the majority:", "Hale"),
    ("Dissenting opinion of Justice Hale", "Hale"),
])
def test_a_judgment_heading_opens_its_authors_section(heading: str, speaker: str) -> None:
    text = f"IN THE SUPREME COURT\n\n{heading}\n\nThe statute is void because it is vague.\n"
    assert who(text, "The statute is void") == speaker


# -- a heading that runs into the words gives them to its speaker ------------------------------------

@pytest.mark.parametrize("text,said,speaker", [
    ("DISSENT (Justice Hale): The statute is void. It cannot stand.\n\nCONCURRENCE (Justice Ruiz): I agree.\n",
     "It cannot stand", "Justice Hale"),
    ("DISSENT (Justice Hale): The statute is void.\n\nCONCURRENCE (Justice Ruiz): I agree.\n", "I agree",
     "Justice Ruiz"),
    ("OPINION (Justice Moreno): The policy is upheld.\n", "The policy is upheld", "Justice Moreno"),
    ("Justice Hale, dissenting: The statute is void.\n\nJustice Ruiz, concurring: I agree.\n",
     "The statute is void", "Hale"),
    ("Justice Hale, dissenting: The statute is void.\n\nJustice Ruiz, concurring: I agree.\n", "I agree", "Ruiz"),
    ("HALE, J., dissenting.\nThe statute is void.\nRUIZ, J., concurring.\nI agree.\n", "The statute is void", "Hale"),
    ("HALE, J., dissenting: The statute is void.\n", "The statute is void", "Hale"),
    ("JUSTICE HALE, dissenting:\nThe statute is void.\n", "The statute is void", "Hale"),
])
def test_a_heading_that_runs_into_the_words(text: str, said: str, speaker: str) -> None:
    assert who(text, said) == speaker


@pytest.mark.parametrize("text,said", [
    ("Held: The statute is void for vagueness.\n", "The statute is void"),
    ("Syllabus\n\nThe statute is void for vagueness.\n", "The statute is void"),
    ("Summary: The court struck the law.\n", "The court struck"),
    ("Note: The figures are provisional.\n", "The figures are provisional"),
    ("Background: The law passed in 2019.\n", "The law passed"),
    ("HOLDING: The statute is void.\n", "The statute is void"),
    ("Conclusion: The appeal fails.\n", "The appeal fails"),
    ("MAYOR SHAW: We will fix the bridge.\nNote: The mayor later said the work would wait.\n",
     "The mayor later said"),
    ("MAYOR SHAW: We will fix the bridge.\n\n## Background\n\nThe bridge opened in 1961.\n", "The bridge opened"),
    ("CHAIR: The meeting is open.\nSummary: Three items were approved.\n", "Three items were approved"),
])
def test_a_document_section_label_is_no_speaker_and_ends_a_turn(text: str, said: str) -> None:
    turn = speaker_of(speaker_turns(text), text.index(said))
    assert turn is None, turn


def test_a_speaker_turn_resumes_after_a_section_label() -> None:
    text = "Note: Remarks as prepared.\nMAYOR SHAW: We will fix the bridge.\n"
    assert who(text, "We will fix the bridge") == "MAYOR SHAW"


# -- transcripts: roles, names in parentheses, introductions, Q/A with a header ----------------------

@pytest.mark.parametrize("text,said,speaker", [
    ("MODERATOR (Jo Blake): Welcome.\nPANELIST (Ana Ruiz): Rents rose.\n", "Rents rose", "Ana Ruiz"),
    ("Jo Blake (Moderator): Welcome.\nAna Ruiz (Panelist): Rents rose.\n", "Rents rose", "Ana Ruiz"),
    ("Ana Ruiz (Housing Minister): Rents rose.\n", "Rents rose", "Ana Ruiz"),
    ("Ellen Shaw, Mayor: The budget allows it.\n", "The budget allows it", "Ellen Shaw"),
    ("**CEO (Dana Whitfield):** Revenue grew 8%.\n**CFO (Marcus Oyelaran):** Margin was 31.5%.\n",
     "Margin was", "Marcus Oyelaran"),
    ("**Dana Whitfield**: Revenue grew 8%.\n", "Revenue grew", "Dana Whitfield"),
    ("Operator: Welcome. Joining us are President Ana Ruiz and Treasurer Bo Lind.\n\nPresident: Rents rose.\n\n"
     "Treasurer: Costs fell.\n", "Costs fell", "Bo Lind"),
    ("Operator: Welcome. On the call today are Ana Ruiz, our Chief Executive Officer, and Bo Lind, our Chief "
     "Financial Officer.\n\nCEO: Rents rose.\n\nCFO: Costs fell.\n", "Rents rose", "Ana Ruiz"),
    ("Operator: Welcome. On the call today are Ana Ruiz, our Chief Executive Officer, and Bo Lind, our Chief "
     "Financial Officer.\n\nCEO: Rents rose.\n\nCFO: Costs fell.\n", "Costs fell", "Bo Lind"),
    ("OPERATOR: Our first question comes from Priya Nand at Halden Securities.\n\nANALYST: Will costs ease?\n\n"
     "CFO (Bo Lind): No.\n", "Will costs ease", "Priya Nand"),
])
def test_transcript_forms(text: str, said: str, speaker: str) -> None:
    assert who(text, said) == speaker


@pytest.mark.parametrize("header", [
    "Interview with Mayor Ellen Shaw\nInterviewer: Sam Ortiz",
    "Interview: Mayor Ellen Shaw on the budget\nInterviewed by Sam Ortiz",
    "An interview with economist Ellen Shaw, conducted by Sam Ortiz",
    "Sam Ortiz interviews Ellen Shaw",
    "Q&A with Ellen Shaw\nBy Sam Ortiz",
])
@pytest.mark.parametrize("q,a", [("Q:", "A:"), ("Q.", "A."), ("**Q:**", "**A:**"), ("Question:", "Answer:")])
def test_q_and_a_take_their_names_from_the_header(header: str, q: str, a: str) -> None:
    text = f"{header}\n\n{q} Why now?\n{a} Because the budget allows it.\n"
    assert who(text, "Because the budget allows it") == "Ellen Shaw"
    assert who(text, "Why now") == "Sam Ortiz"


def test_a_line_opening_with_an_initial_is_no_answer() -> None:
    text = "A. Smith chaired the meeting.\nThe budget passed.\n"
    assert speaker_turns(text) == []
