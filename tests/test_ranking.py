"""A ranking reversed: the claim puts first what a source sentence ranks after something else."""

from __future__ import annotations

import pytest

from onrecord.documents import from_text
from onrecord.judge.ranking import reversed_rank

REASONS = "Asked why they switched, districts most often cited teacher recruitment and retention, followed by cost savings."
EMPLOYERS = "Tourism is the largest employer in Kelby County, followed by fishing and then farming."


@pytest.mark.parametrize("claim,sentence,higher_word", [
    ("Cost savings were the reason districts cited most often.", REASONS, "recruitment"),
    ("Fishing is the largest employer in Kelby County.", EMPLOYERS, "Tourism"),
    ("Fishing is the largest employer in the county.", "Tourism employs the most people, well ahead of fishing.",
     "Tourism"),
    ("Noise was the most common complaint.", "Parking was the most common complaint, followed by noise and litter.",
     "Parking"),
    ("Labour won the most seats.", "The Conservatives won 120 seats, ahead of Labour on 98.", "Conservatives"),
    ("Spain was the most visited country.", "Spain came second behind France in visitor numbers.", "France"),
])
def test_first_place_given_to_what_the_source_ranks_lower(claim: str, sentence: str, higher_word: str) -> None:
    found = reversed_rank(claim, sentence)
    assert found is not None and higher_word in found.higher


@pytest.mark.parametrize("claim,sentence", [
    ("Teacher recruitment was the reason districts cited most often.", REASONS),  # the order kept
    ("Cost savings were the second most cited reason.", REASONS),  # the claim gives the lower place
    ("Tourism is the largest employer in Kelby County.", EMPLOYERS),
    ("Fishing is a big employer in Kelby County.", EMPLOYERS),  # no first place claimed
    ("The first phase opens in May.", "The first phase opens in May, followed by the second in June."),
    # An order in time, not a ranking: the sentence gives no place.
    ("Flooding was the main concern.", "The storm hit on Monday, followed by flooding on Tuesday."),
    ("The vote was the main item.", "The council met ahead of the vote."),
    # "first" alone is an order in time; words both sides share name neither thing.
    ("Her first marriage took place in 1999.",
     "The map shows her marriages from 1999 to 2010, the first in Queens, followed by a 2001 marriage."),
])
def test_no_reversal(claim: str, sentence: str) -> None:
    assert reversed_rank(claim, sentence) is None


@pytest.mark.parametrize("claim,source,label", [
    ("Cost savings were the reason districts cited most often.", REASONS, "contradicted"),
    ("Teacher recruitment and retention was the reason districts cited most often.", REASONS, "supported"),
    ("Fishing is the largest employer in Kelby County.", EMPLOYERS, "contradicted"),
    ("Tourism is the largest employer in Kelby County.", EMPLOYERS, "supported"),
    ("Noise was the complaint residents raised most often.",
     "Residents raised parking most often at the meeting, followed by noise from the new bars.", "contradicted"),
])
def test_a_reversed_ranking_contradicts_through_the_check(checker, claim: str, source: str, label: str) -> None:
    report = checker.check(claim, [from_text(source, id="s")])
    (c,) = report.claims
    assert c.label == label
    if label == "contradicted":
        assert c.reason.startswith("a source sentence ranks") and c.evidence[0].source == "s"
