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
