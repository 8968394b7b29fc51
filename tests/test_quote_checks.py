"""Who said a quotation, on both sides: misattribution needs a speaker that can be compared, and names
compare by surname.

Each test pins a behaviour a one-line slip would break (a dropped condition, a looser name match)
with the exact values ``check_quotes`` reports.
"""

from __future__ import annotations

import pytest

from onrecord.documents import from_text
from onrecord.extract.attribution import same_person
from onrecord.judge.quotes import check_quotes

HARBOUR = "JONES: We will rebuild the harbour by 2030.\nSMITH: I agree with the plan."
WELLS = '"The wells would go in this fall," said Priya Shah, the engineer.'


def _only_quote(text: str, source: str, sid: str = "t"):
    results = check_quotes(text, [from_text(source, id=sid)]).results
    assert len(results) == 1, results
    return results[0]


@pytest.mark.parametrize(("text", "speaker"), [
    ('"We will rebuild the harbour by 2030," she said.', "she"),
    ('"We will rebuild the harbour by 2030," they said.', "they"),
    ('The statement said: "We will rebuild the harbour by 2030."', "The statement"),
    ('It said "we will rebuild the harbour by 2030."', "It"),
])
def test_a_speaker_that_cannot_be_compared_is_never_misattributed(text, speaker):
    # An unresolved pronoun or a document is no person to hold against JONES.
    q = _only_quote(text, HARBOUR)
    assert (q.label, q.speaker, q.source_speaker) == ("exact", speaker, "JONES")
    assert q.misattributed is False
    assert (q.source, q.source_start, q.source_end) == ("t", 7, 42)


def test_a_named_speaker_the_source_contradicts_is_misattributed():
    q = _only_quote('Smith said: "We will rebuild the harbour by 2030."', HARBOUR)
    assert (q.speaker, q.source_speaker, q.misattributed) == ("Smith", "JONES", True)
    q = _only_quote('"We will rebuild the harbour by 2030," said Mr. Jones.', HARBOUR)
    assert (q.speaker, q.source_speaker, q.misattributed) == ("Mr. Jones", "JONES", False)


def test_an_unchecked_speaker_in_a_claim_is_not_a_contradiction(checker):
    report = checker.check('"We will rebuild the harbour by 2030," she said.', [from_text(HARBOUR, id="t")])
    assert [q.misattributed for q in report.quotes] == [False]
    assert all("gives these words to" not in c.reason for c in report.claims)


@pytest.mark.parametrize(("text", "speaker", "misattributed"), [
    ('Priya Raman said: "The wells would go in this fall."', "Priya Raman", True),  # same first name only
    ('Raman said: "The wells would go in this fall."', "Raman", True),
    ('Priya Shah said: "The wells would go in this fall."', "Priya Shah", False),
    ('Ms. Shah said: "The wells would go in this fall."', "Ms. Shah", False),
    ('Priya said: "The wells would go in this fall."', "Priya", False),  # a lone given name may be hers
])
def test_misattribution_compares_surnames(text, speaker, misattributed):
    q = _only_quote(text, WELLS, sid="n")
    assert (q.label, q.speaker, q.source_speaker) == ("exact", speaker, "Priya Shah")
    assert q.misattributed is misattributed


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Priya Raman", "Priya Shah", False),
    ("Irene Vasquez", "Irene Park", False),
    ("Dr. Irene Vasquez", "Irene Park", False),
    ("Mr. Jones", "Jones", True),
    ("Sam", "Sam Kelly", True),
    ("Kelly", "Sam Kelly", True),
    ("Sam", "Ade Bakare", False),
    ("Mayor Park", "Ellen Park", True),
])
def test_same_person_takes_the_surname_or_a_lone_name(a, b, same):
    assert same_person(a, b) is same
    assert same_person(b, a) is same


PIER = "JONES: We will rebuild the harbour by 2030, and the ferry pier after it.\nSMITH: I agree with the plan."
PIER_TEXT = ('Jones said "we will rebuild the old harbour by 2030". She added: "the ferry pier after it ... we will '
             'rebuild". Smith said: "I \'fully\' agree with the plan," and then "something nobody said at all".')


def test_every_field_of_a_checked_quotation():
    from onrecord.report import DiffOp, QuoteResult

    results = check_quotes(PIER_TEXT, [from_text(PIER, id="t")]).results
    assert results[0] == QuoteResult(
        id="q1", start=12, end=51, text="we will rebuild the old harbour by 2030", label="altered", source="t",
        source_start=7, source_end=42,
        diff=[DiffOp("equal", "We will rebuild the", "We will rebuild the"), DiffOp("insert", "old", ""),
              DiffOp("equal", "harbour by 2030", "harbour by 2030")],
        speaker="Jones", source_speaker="JONES", misattributed=False, similarity=0.9459, cue="said",
        context_negated=False, note=None)
    q2 = results[1]
    assert (q2.label, q2.speaker, q2.cue, q2.similarity) == ("altered", "Jones", "added", 0.4466)
    assert q2.note == "the parts around the ellipsis appear in the source in a different order"
    assert [d.op for d in q2.diff] == ["delete", "equal", "delete", "equal", "insert"]


def test_a_nested_quotation_is_skipped_and_the_ones_after_it_are_checked():
    results = check_quotes(PIER_TEXT, [from_text(PIER, id="t")]).results
    # "'fully'" sits inside the third quotation: checked with it, never on its own.
    assert [(q.id, q.text) for q in results] == [
        ("q1", "we will rebuild the old harbour by 2030"),
        ("q2", "the ferry pier after it ... we will rebuild"),
        ("q3", "I 'fully' agree with the plan,"),
        ("q4", "something nobody said at all"),
    ]
    q3, q4 = results[2], results[3]
    assert (q3.label, q3.speaker, q3.source_speaker, q3.similarity) == ("altered", "Smith", "SMITH", 0.875)
    assert (q3.source_start, q3.source_end) == (80, 101)
    # Nothing found: no source, no speaker there, no diff.
    assert (q4.label, q4.source, q4.source_start, q4.source_speaker, q4.diff) == ("not_found", None, None, None, [])
    assert (q4.speaker, q4.misattributed, q4.similarity) == ("Smith", False, 0.0)


def test_a_speaker_that_cannot_be_compared_does_not_choose_among_repeated_passages():
    # The words are spoken twice; "the statement" is no person, so the first occurrence stands.
    source = "JONES: We will rebuild the harbour by 2030.\nSTATEMENT: We will rebuild the harbour by 2030."
    q = _only_quote('The statement said: "We will rebuild the harbour by 2030."', source)
    assert (q.source_start, q.source_speaker, q.misattributed) == (7, "JONES", False)
