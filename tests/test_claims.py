"""Claim units: sentences, clauses, lifted relative clauses, and claims about a document's content."""

from __future__ import annotations

import pytest

from onrecord.extract.claims import claim_units, find_doc_claim
from onrecord.text.segment import Span, sentences, windows


def units(text: str):
    return claim_units(text, [])


def test_sentences_respect_abbreviations_and_decimals():
    text = "Mr. Putin met U.S. officials. Spending rose 3.5 percent. It was J. Smith's call."
    got = [s.text_of(text) for s in sentences(text)]
    assert got == ["Mr. Putin met U.S. officials.", "Spending rose 3.5 percent.", "It was J. Smith's call."]


def test_sentences_do_not_split_inside_a_quotation():
    text = 'It began, "Dear sir. Every child dreams." Then it ended.'
    q = text.index("Dear")
    got = [s.text_of(text) for s in sentences(text, protected=[Span(q - 1, text.index('."') + 2)])]
    assert got == ['It began, "Dear sir. Every child dreams."', "Then it ended."]


def test_windows_cover_every_character_of_a_long_source():
    text = " ".join(f"Sentence number {i} says something about topic {i}." for i in range(400))
    wins = windows(text, max_tokens=120)
    covered = set()
    for w in wins:
        covered.update(range(w.start, w.end))
    body = {i for i, ch in enumerate(text) if not ch.isspace()}
    assert body <= covered


def test_separable_facts_are_split_into_clauses():
    text = "The company has received 31 complaints, and dozens of people have suffered serious burns."
    got = [u.text for u in units(text)]
    assert got == ["The company has received 31 complaints", "dozens of people have suffered serious burns."]


@pytest.mark.parametrize("text,units", [
    # A clause whose subject is a bare share counts part of what the clause before it counted: kept whole.
    ("A majority of surveyed families backed keeping the four-day week, while nearly a third wanted five days back.", 1),
    ("About 58 percent of parents backed the schedule, while 31 percent wanted a return to five days.", 1),
    ("Half the members voted yes, and the rest quietly abstained from the vote.", 1),
    ("Most voters backed the measure, but some said it went too far.", 1),
    # A share of a group named in its own clause, or a subject of its own: separable.
    ("Most residents backed the plan, but a third of the council opposed it strongly.", 2),
    ("Sales rose in the north, while most stores in the south closed early.", 2),
    ("The mayor backed the plan, while the council opposed it on Tuesday.", 2),
])
def test_a_clause_about_a_bare_share_stays_with_the_clause_it_divides(text: str, units: int) -> None:
    assert len(claim_units(text)) == units


def test_relative_clause_becomes_its_own_claim_with_antecedent():
    text = "The text of the letter, which was first obtained by Fox News, focused on peace."
    got = units(text)
    assert any(u.text == "The text of the letter was first obtained by Fox News" for u in got)
    rel = next(u for u in got if u.text.endswith("by Fox News"))
    assert text[rel.start : rel.end] == "which was first obtained by Fox News"


def test_questions_and_link_lines_make_no_claims():
    assert units("Read more: Trump drops demand after summit\nWhat happens next?") == []


def test_document_claims_are_recognised():
    cases = {
        "The guidance does not mention students with asthma.": ("omits", "students with asthma"),
        "The guidance doesn’t mention students with asthma.": ("omits", "students with asthma"),
        "The report didn't discuss the budget.": ("omits", "the budget"),
        "The document makes no mention of air conditioning.": ("omits", "air conditioning"),
        "the letter specifically mentioned the abductions of children": ("mentions", "the abductions of children"),
        "It ends by noting that it replaces guidance issued in June 2021.":
            ("ends", "noting that it replaces guidance issued in June 2021"),
        "In contrast, the actual text of the letter, as made public, makes no specific reference to Ukraine.":
            ("omits", "Ukraine"),
    }
    for text, (kind, target) in cases.items():
        dc = find_doc_claim(text, 0, len(text))
        assert dc is not None, text
        assert (dc.kind, dc.target) == (kind, target)
        assert text[dc.target_start : dc.target_end] == target


def test_ordinary_claims_are_not_document_claims():
    text = "It orders schools to close when the heat index passes 110 degrees."
    assert find_doc_claim(text, 0, len(text)) is None


def test_wrapped_lines_join_but_headlines_stay_apart():
    text = ("Trump gives Putin letter from Melania\nDuring the summit, Muto admits it is an honour to receive\n"
            "an offer from Chelsea although he has not yet decided,\nand he will wait.\n\nNext paragraph.")
    got = [s.text_of(text) for s in sentences(text)]
    assert got[0] == "Trump gives Putin letter from Melania"
    assert got[1].startswith("During the summit") and got[1].endswith("and he will wait.")
    assert got[2] == "Next paragraph."


@pytest.mark.parametrize("noun", ["speech", "tweet", "survey", "letter", "press release", "ruling"])
def test_one_list_of_document_nouns_for_claims_and_speakers(noun: str) -> None:
    """A document claim "the <noun> does not mention X" and a speaker "the <noun>" read the same list: a noun
    that names a document makes a document claim, and is never a person whose words can be misattributed."""
    from onrecord.extract.attribution import attribute, is_checkable_speaker

    text = f"The {noun} does not mention the river."
    dc = find_doc_claim(text, 0, len(text))
    assert dc is not None and dc.kind == "omits"
    quoted = f'The {noun} said "we will rebuild the bridge".'
    start = quoted.index("we will")
    a = attribute(quoted, start, start + len("we will rebuild the bridge"))
    assert a is None or not is_checkable_speaker(a)
