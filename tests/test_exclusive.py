"""A source that names the one place or party something held of, and a claim that adds others."""

from __future__ import annotations

import pytest

from onrecord.documents import from_text
from onrecord.judge.exclusive import extended_past

LEVEES = "No. The levees held everywhere except at Millford, where water went over the top for roughly two hours."


@pytest.mark.parametrize("claim,sentence,name", [
    ("the levees failed at Millford and in two other towns", LEVEES, "Millford"),
    ("Flooding hit Millford and several other villages.", "Only Millford flooded, the agency said.", "Millford"),
    ("The recall covers kettles sold in Canada and other markets.", "The recall applies only to kettles sold in Canada.",
     "Canada"),
    ("Smith won in Ohio and elsewhere.", "Smith won only in Ohio.", "Ohio"),
    ("The plan was backed by Labour and other parties.", "Every party but Labour opposed the plan.", "Labour"),
])
def test_a_claim_that_adds_to_the_one_name_a_source_restricts_to(claim: str, sentence: str, name: str) -> None:
    found = extended_past(claim, sentence)
    assert found is not None and found.name == name


@pytest.mark.parametrize("claim,sentence", [
    ("the levees failed at Millford", LEVEES),  # names the exception alone: agrees
    ("Prices rose in Leeds and other cities.", "Prices rose in all cities, including Leeds."),  # no restriction
    ("The rule applies to Leeds and other cities.", "The rule applies only if Leeds agrees."),  # a condition
    ("The recall covers the US and Canada.", "The recall applies only in Canada."),  # no words of extension
])
def test_no_extension(claim: str, sentence: str) -> None:
    assert extended_past(claim, sentence) is None


@pytest.mark.parametrize("claim,source,label", [
    ("Marsh said the levees failed at Millford and in two other towns.", "Q: Were the levees at fault?\nA: " + LEVEES,
     "contradicted"),
    ("Flooding hit Millford and several other villages.",
     "The river burst its banks on Sunday. Only Millford flooded, the agency said.", "contradicted"),
    ("Only Millford flooded.", "The river burst its banks on Sunday. Only Millford flooded, the agency said.",
     "supported"),
])
def test_an_extended_restriction_contradicts_through_the_check(checker, claim: str, source: str, label: str) -> None:
    (c,) = checker.check(claim, [from_text(source, id="s")]).claims
    assert c.label == label
    if label == "contradicted":
        assert "alone" in c.reason and c.evidence[0].source == "s"
