"""Attribution: speakers of quotes and claims, reporting frames, speakers in sources."""

from __future__ import annotations

import pytest

from onrecord.documents import Document
from onrecord.extract.attribution import (
    Turn,
    attribute,
    is_checkable_speaker,
    reported_frame,
    same_person,
    source_turns,
    speaker_at,
)
from onrecord.extract.quotes import find_quotes

from .conftest import load_case as _case


def _quote_speaker(text: str, n: int = 0):
    q = find_quotes(text).quotes[n]
    return attribute(text, q.start, q.end)


# ---------------------------------------------------------------- attribute: cues


@pytest.mark.parametrize(
    "text, speaker, cue",
    [
        ('"The plan works," Smith said.', "Smith", "said"),
        ('"The plan works," said Priya Raman, Brightline\'s head of product safety.', "Priya Raman", "said"),
        ('"The plan works," says the mayor.', "the mayor", "says"),
        ('The plan "works well", according to the mayor.', "the mayor", "according to"),
        (
            'According to Trump administration officials, the letter "mentioned children".',
            "Trump administration officials",
            "According to",
        ),
        ('Melania wrote that some children are "forced to carry a quiet laughter".', "Melania", "wrote"),
        ('The director told the board that the plan "will work".', "The director", "told"),
        ('Chair Okonkwo said: "We can commit to that."', "Chair Okonkwo", "said"),
        ('Raman also said the company was "deeply ashamed" of the defect.', "Raman", "said"),
        ('Jane Doe, who chairs the committee, said the plan "will fail."', "Jane Doe", "said"),
        ('Priya Raman, the head of safety, said: "We are sorry."', "Priya Raman", "said"),
        ('Smith added: "It works."', "Smith", "added"),
        ('"It works," coach Irene Vasquez said.', "coach Irene Vasquez", "said"),
        (
            "Ukrainian President Volodymyr Zelenskyy expressed gratitude, "
            'calling it a "true act of humanism".',
            "Ukrainian President Volodymyr Zelenskyy",
            "calling",
        ),
        ('The talks ended, despite Trump calling them "extremely productive".', "Trump", "calling"),
        ('The letter concluded: "It is time".', "The letter", "concluded"),
        ('Okonkwo: "We will vote."', "Okonkwo", ":"),
        ('Lee warned that "the bridge is unsafe."', "Lee", "warned"),
        ('Lee insisted the bridge was "safe enough."', "Lee", "insisted"),
    ],
)
def test_cues(text: str, speaker: str, cue: str) -> None:
    a = _quote_speaker(text)
    assert a is not None, text
    assert a.speaker == speaker
    assert a.cue == cue
    assert text[a.speaker_start : a.speaker_end] == speaker


def test_no_cue_no_speaker() -> None:
    assert _quote_speaker('The letter was an act of "soft diplomacy".') is None


def test_cue_inside_another_quote_does_not_count() -> None:
    text = '"Lee said nothing," she wrote. Then "nothing" happened.'
    assert _quote_speaker(text, 1) is None


def test_claim_span_attribution() -> None:
    text = "According to officials, the letter mentioned the abductions."
    s = text.index("the letter")
    a = attribute(text, s, len(text) - 1)
    assert a is not None and a.speaker == "officials" and a.cue == "According to"


# ---------------------------------------------------------------- pronouns


def test_she_resolves_to_the_previous_named_speaker() -> None:
    text = 'Melania wrote that children "dream of love".\nShe urged him to act, stating, "It is time".'
    a = _quote_speaker(text, 1)
    assert a.speaker == "Melania" and a.pronoun == "She"
    assert text[a.speaker_start : a.speaker_end] == "Melania"


def test_pronoun_via_gendered_title() -> None:
    text = (
        "Trump gave Putin a letter from First Lady Melania Trump.\n"
        'She implored Putin to consider that "each generation begins pure".'
    )
    a = _quote_speaker(text)
    assert a.speaker == "Melania Trump"


def test_unresolved_pronoun_is_kept_and_not_checkable() -> None:
    a = _quote_speaker('"We won," she said.')
    assert a.speaker == "she" and a.pronoun == "she"
    assert not is_checkable_speaker(a)


def test_he_resolves_to_named_subject() -> None:
    a = _quote_speaker('Jonah Reed scored twice. He said: "It was easy."')
    assert a.speaker == "Jonah Reed" and a.pronoun == "He"


def test_it_resolves_to_a_document() -> None:
    a = _quote_speaker('The text of the letter was short.\nIt began, "Dear President Putin".')
    assert a.speaker == "the letter"
    assert not is_checkable_speaker(a)


def test_letter_case_pronouns() -> None:
    case = _case("001-letter.yaml")
    text = case["text"]
    q = next(q for q in find_quotes(text).quotes if q.text.startswith("Mr. Putin, you can"))
    a = attribute(text, q.start, q.end)
    assert a.speaker in ("Melania", "Melania Trump")
    q = next(q for q in find_quotes(text).quotes if q.text.startswith("each generation"))
    assert "Melania" in attribute(text, q.start, q.end).speaker


# ---------------------------------------------------------------- reported_frame


def _frame(text: str):
    f = reported_frame(text, 0, len(text))
    assert f is not None, text
    return f.speaker, f.cue, text[f.prop_start : f.prop_end]


def test_according_to_frame_in_the_letter_case() -> None:
    case = _case("001-letter.yaml")
    text = case["text"]
    s = text.index("According to Trump administration officials")
    e = text.index("\n", s)
    f = reported_frame(text, s, e)
    assert f.speaker == "Trump administration officials" and f.cue == "According to"
    assert text[f.speaker_start : f.speaker_end] == "Trump administration officials"
    prop = text[f.prop_start : f.prop_end]
    assert prop.startswith("the letter specifically") and prop.endswith("invasion of Ukraine")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "According to the mayor, the bridge is unsafe.",
            ("the mayor", "According to", "the bridge is unsafe"),
        ),
        ("Officials said the bridge is unsafe.", ("Officials", "said", "the bridge is unsafe")),
        ("Officials said that the bridge is unsafe.", ("Officials", "said", "the bridge is unsafe")),
        (
            "Officials said on Monday that the bridge is unsafe.",
            ("Officials", "said", "the bridge is unsafe"),
        ),
        (
            "The director told the board on Tuesday that the landfill will be full.",
            ("The director", "told", "the landfill will be full"),
        ),
        ("The bridge is unsafe, officials said.", ("officials", "said", "The bridge is unsafe")),
        ("The bridge is unsafe, said the mayor.", ("the mayor", "said", "The bridge is unsafe")),
        (
            "The bridge is unsafe, according to the mayor.",
            ("the mayor", "according to", "The bridge is unsafe"),
        ),
        ("Melania wrote that some children are sad.", ("Melania", "wrote", "some children are sad")),
        (
            '"We were second best," coach Irene Vasquez said.',
            ("coach Irene Vasquez", "said", "We were second best"),
        ),
        (
            "Jane Doe, who chairs the panel, said the plan will fail.",
            ("Jane Doe", "said", "the plan will fail"),
        ),
        ("The accused claims that he was framed.", ("The accused", "claims", "he was framed")),
        ("The mayor claims that the city had overspent.", ("The mayor", "claims", "the city had overspent")),
        ("Officials involved said the plan was sound.", ("Officials involved", "said", "the plan was sound")),
    ],
)
def test_frames(text: str, expected: tuple[str, str, str]) -> None:
    assert _frame(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The bridge is unsafe.",
        "The mayor told the council to stop the project.",
        "The meeting, which lasted three hours, did not produce a ceasefire.",
        'Zelenskyy expressed gratitude, calling it a "true act of humanism".',
        # A reporting verb that is a plural noun, the object of the verb before it: nobody said what follows.
        "The mayor rejected claims that the city had overspent.",
        "The company dismissed reports that the plant will close.",
        "The union welcomed calls that the mine stay open.",
        "She denied claims that she lied to the committee.",
    ],
)
def test_no_frame(text: str) -> None:
    assert reported_frame(text, 0, len(text)) is None


# ---------------------------------------------------------------- sources


def test_transcript_turns() -> None:
    doc = Document(
        id="t",
        text=(
            "CHAIR OKONKWO: The board will now hear from the director.\n\n"
            "DIRECTOR HALVORSEN: Thank you. We can commit to that.\n\n"
            "Commissioner Brandt: I have doubts.\n"
            "Note: the meeting was recorded.\n"
        ),
    )
    turns = source_turns(doc)
    assert [t.speaker for t in turns] == ["CHAIR OKONKWO", "DIRECTOR HALVORSEN", "Commissioner Brandt"]
    assert doc.text[turns[0].start :].startswith("The board will")
    assert speaker_at(turns, doc.text.index("We can commit")) == "DIRECTOR HALVORSEN"
    assert speaker_at(turns, doc.text.index("I have doubts")) == "Commissioner Brandt"
    assert speaker_at(turns, 0) is None


def test_statement_turns_in_a_source() -> None:
    doc = Document(
        id="n",
        text=(
            "Brightline is recalling kettles.\n\n"
            '"The safety of our customers comes first," said Priya Raman, '
            "Brightline's head of product safety.\n"
        ),
    )
    turns = source_turns(doc)
    assert [(t.speaker, t.kind) for t in turns] == [("Priya Raman", "statement")]
    assert speaker_at(turns, doc.text.index("safety of our")) == "Priya Raman"
    assert speaker_at(turns, doc.text.index("recalling")) is None


def test_innermost_turn_wins() -> None:
    turns = [Turn("HALVORSEN", 0, 100), Turn("the governor", 20, 40, "statement")]
    assert speaker_at(turns, 30) == "the governor"
    assert speaker_at(turns, 50) == "HALVORSEN"


def test_hearing_case_turns() -> None:
    case = _case("005-hearing.yaml")
    src = case["sources"][0]
    doc = Document(id=src["id"], text=src["text"])
    turns = source_turns(doc)
    assert speaker_at(turns, doc.text.index("We can commit")) == "DIRECTOR HALVORSEN"
    assert speaker_at(turns, doc.text.index("We will take a vote")) == "CHAIR OKONKWO"


# ---------------------------------------------------------------- same_person


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Chair Okonkwo", "CHAIR OKONKWO", True),
        ("Chair Okonkwo", "DIRECTOR HALVORSEN", False),
        ("Director Halvorsen", "DIRECTOR HALVORSEN", True),
        ("Commissioner Brandt", "Brandt", True),
        ("Mr. Putin", "Vladimir Putin", True),
        ("Melania", "Melania Trump", True),
        ("coach Irene Vasquez", "Harbor City head coach Irene Vasquez", True),
        ("Priya Raman", "Raman", True),
        ("Priya Raman", "Irene Vasquez", False),
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same
    assert same_person(b, a) is same


def test_whole_sentence_claim_takes_its_frames_speaker() -> None:
    text = "The board met.\nDirector Halvorsen said the plan would bring more trucks.\n"
    s = text.index("Director")
    a = attribute(text, s, text.index(".", s))
    assert a is not None and a.speaker == "Director Halvorsen" and a.cue == "said"


@pytest.mark.parametrize(
    "text",
    [
        'Intro.\n\nThe plan is "a good start", said Dana\nWhitfield, the mayor.',
        'Intro.\n\nThe plan is "a good start", said Dana \n  Whitfield.',
        'Intro.\n\nDana\tWhitfield said "a good start" about the plan.',
    ],
)
def test_a_speaker_name_wrapped_over_lines_is_one_name(text: str) -> None:
    q = find_quotes(text).quotes[0]
    a = attribute(text, q.start, q.end)
    assert a is not None and a.speaker == "Dana Whitfield"
    assert " ".join(text[a.speaker_start : a.speaker_end].split()) == "Dana Whitfield"


# ---------------------------------------------------------------- a verb's object is no proposition


@pytest.mark.parametrize(
    "text",
    [
        "Hale wrote the dissent.",
        "Justice Hale wrote the dissent, joined by two colleagues.",
        "Justice Ortiz delivered the opinion on Monday.",
        "She filed the motion in March.",
        "The company reported a loss of $3 million.",
        "The mayor announced the plan on Monday.",
        "Officials confirmed the closure of the bridge.",
        "The minister stressed the importance of schools.",
        "The opinion was joined by Ruiz.",
        "The report noted a sharp rise in rents.",
        "Hale wrote the dissent, arguing the statute was void.",
    ],
)
def test_a_reporting_verb_with_an_object_frames_nothing(text: str) -> None:
    assert reported_frame(text, 0, len(text)) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hale wrote that the statute is void.", ("Hale", "wrote", "the statute is void")),
        ("Hale wrote: the statute is void.", ("Hale", "wrote", "the statute is void")),
        ("Hale wrote the statute is void.", ("Hale", "wrote", "the statute is void")),
        ("The company reported that revenue rose 8%.", ("The company", "reported", "revenue rose 8%")),
        ("The company reported revenue rose 8%.", ("The company", "reported", "revenue rose 8%")),
        ("Officials confirmed the bridge would close.", ("Officials", "confirmed", "the bridge would close")),
        ("Whitfield said the company expects growth.", ("Whitfield", "said", "the company expects growth")),
        ("Marsh said the levees failed at Millford.", ("Marsh", "said", "the levees failed at Millford")),
        ("The mayor said prices won't fall.", ("The mayor", "said", "prices won't fall")),
        ('Hale wrote "the statute is void."', ("Hale", "wrote", '"the statute is void."')),
    ],
)
def test_a_reporting_verb_with_a_clause_frames_it(text: str, expected: tuple[str, str, str]) -> None:
    assert _frame(text) == expected


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('Hale wrote the dissent: "The statute is void."', "Hale"),
        ('Hale wrote that "the statute is void."', "Hale"),
        ('Hale wrote: "The statute is void."', "Hale"),
        ('She filed the motion on Monday. "We will appeal," Ruiz said.', "Ruiz"),
        ('Ortiz delivered the opinion of the court, saying "the search was lawful."', "Ortiz"),
    ],
)
def test_a_quote_after_a_reporting_verb_keeps_its_speaker(text: str, speaker: str) -> None:
    a = _quote_speaker(text)
    assert a is not None and a.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        'Hale wrote the dissent. "The statute is void," the court held.',
        'The opinion was joined by Ruiz. "The law is clear," it read.',
    ],
)
def test_a_quote_after_a_verb_with_an_object_gets_no_speaker_from_it(text: str) -> None:
    a = _quote_speaker(text)
    assert a is None or a.speaker not in ("Hale", "Ruiz")


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('"Stop the works!" Okafor said.', "Okafor"),
        ('"Will it open on time?" asked Okafor.', "Okafor"),
        ('"Stop the works!" said Okafor, the council leader.', "Okafor"),
        ('"Stop the works!" Okafor said the plan would fail.', None),
        ('"Stop the works!" The crowd cheered. Okafor said nothing.', None),
    ],
)
def test_a_quotation_ending_in_a_bang_or_a_question_takes_the_cue_after_it(text: str, speaker: str | None) -> None:
    a = _quote_speaker(text)
    assert (a.speaker if a else None) == speaker


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In a concurrence, Justice Park stressed that students were told in writing.",
         ("Justice Park", "stressed", "students were told in writing")),
        ("On Monday, officials said the bridge is unsafe.", ("officials", "said", "the bridge is unsafe")),
        ("Writing for the majority, Justice Moreno wrote that the policy is lawful.",
         ("Justice Moreno", "wrote", "the policy is lawful")),
        ("In 2020, the mayor said taxes would rise.", ("the mayor", "said", "taxes would rise")),
        ("Separately, the finance chief noted that margins slipped.",
         ("the finance chief", "noted", "margins slipped")),
    ],
)
def test_a_frame_after_an_opening_phrase(text: str, expected: tuple[str, str, str]) -> None:
    assert _frame(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In the letter, which officials said was genuine, Melania wrote the names.",
        "In the end, the plan failed.",
        "However, the mayor wrote the letter.",
        "Officials, in a statement, praised the plan.",
    ],
)
def test_no_frame_after_an_opening_phrase(text: str) -> None:
    assert reported_frame(text, 0, len(text)) is None
