"""A claim the text gives to one person that its source gives to another (reported claims, no quotation marks)."""

from __future__ import annotations

import pytest

from onrecord.judge.attributed import _known_as

from .conftest import only_claim


@pytest.mark.parametrize(("source", "claim", "who"), [
    ("The city engineer said the bridge is unsafe.", "The mayor said the bridge is unsafe.", "The city engineer"),
    ("Jones, the city engineer, said the bridge is unsafe.", "Smith said the bridge is unsafe.", "Jones"),
    ("The bridge is unsafe, according to the city engineer.", "The mayor said the bridge is unsafe.",
     "the city engineer"),
    ("The mayor said the council had overspent. Jones said the bridge is unsafe.",
     "The mayor said the bridge is unsafe.", "Jones"),
    ("Mayor Ellen Park spoke on Monday. The city engineer, Tom Reyes, spoke after her. Reyes said the bridge is "
     "unsafe.", "The mayor said the bridge is unsafe.", "Reyes"),
    ("The minister told reporters that the plan had failed.", "The prime minister's spokesman said the plan had "
     "failed.", "The minister"),
])
def test_words_the_source_gives_to_another_person(checker, source, claim, who):
    found = only_claim(checker, claim, source)
    assert found.label == "contradicted"
    assert f"gives these words to {who}, not " in found.reason


@pytest.mark.parametrize(("source", "claim"), [
    ("Jones, the city engineer, said on Monday that the bridge is unsafe.", "Jones said the bridge is unsafe."),
    ("The bridge is unsafe, the city engineer said.", "The bridge is unsafe, the engineer said."),
    ("The bridge is unsafe.", "The mayor said the bridge is unsafe."),  # the source gives it to no one
    ("Mayor Ellen Park said the bridge is unsafe.", "Park said the bridge is unsafe."),
    ("Ellen Park, the mayor, spoke on Monday. Park said the bridge is unsafe.", "The mayor said the bridge is unsafe."),
    ("Ellen Park, the mayor, spoke on Monday. She said the bridge is unsafe.", "The mayor said the bridge is unsafe."),
    ("The engineer said the bridge is unsafe, and the mayor agreed.", "The mayor said the bridge is unsafe."),
])
def test_words_the_source_gives_to_the_same_person_or_to_noonly_claim(checker, source, claim):
    assert only_claim(checker, claim, source).label == "supported"


def test_a_role_next_to_a_name_in_the_same_sentence_is_that_person():
    assert _known_as("Mayor Ellen Park spoke. Park said so.", "The mayor", "Park")
    assert _known_as("Ellen Park, the mayor, spoke. Park said so.", "The mayor", "Park")
    assert not _known_as("The mayor said the council had overspent. Jones said the bridge is unsafe.", "The mayor",
                         "Jones")


TRANSCRIPT = """Transcript of the council meeting, 3 March

PARK: Thank you all for coming. We will start with the bridge.
REYES: The bridge is unsafe for heavy trucks and must close.
PARK: Thank you. We will vote next week."""


@pytest.mark.parametrize(("claim", "label"), [
    ("Park said the bridge is unsafe for heavy trucks.", "contradicted"),
    ("Reyes said the bridge is unsafe for heavy trucks.", "supported"),
])
def test_a_transcript_turn_gives_its_words_to_its_speaker(checker, claim, label):
    found = only_claim(checker, claim, TRANSCRIPT)
    assert found.label == label
    if label == "contradicted":
        assert "to REYES, not Park" in found.reason


@pytest.mark.parametrize(("source", "claim"), [
    # A finding given to research is given to no one who could have said it instead.
    ("Southwark has the most mice and bed bugs, according to new research.",
     "The pest control association said Southwark has the most mice and bed bugs."),
    # "asks" reports no statement of the claim's words.
    ("CLIENT: Do you offer discounts for new customers?\nAGENT: Yes, we do.",
     "The agent asks about discounts for new customers."),
])
def test_no_other_speaker_where_the_source_names_nobody_or_the_claim_states_nothing(checker, source, claim):
    assert "gives these words" not in only_claim(checker, claim, source).reason


@pytest.mark.parametrize(("claim", "source"), [
    ("Dr. Osei said it was far too early to talk about a cure.",
     "Dr. Amara Osei called the results promising. Her colleague, Dr. Liam Burke, was more cautious, saying it was "
     "'far too early' to talk about a cure."),
    ("The mayor said the city could not afford the stadium.",
     "The finance director rejected the plan on Monday, adding that the city could not afford the stadium."),
])
def test_words_a_source_gives_through_a_verb_after_a_comma_are_that_subject_s(checker, claim, source):
    c = only_claim(checker, claim, source)
    assert c.label == "contradicted" and "gives these words to" in c.reason


def test_a_participle_frame_reads_sources_only():
    from onrecord.extract.attribution import participle_frame, reported_frame
    text = "The mayor rejected the plan on Monday, adding that the city could not afford it."
    frame = participle_frame(text, 0, len(text))
    assert frame is not None and frame.speaker == "The mayor"
    assert text[frame.prop_start : frame.prop_end] == "the city could not afford it"
    assert reported_frame(text, 0, len(text)) is None  # a text's sentence stays whole: two claims, not one
