"""A list taken from a close source sentence with an item no source has (``onrecord.judge.lists``, rule
``added_item``)."""

from __future__ import annotations

import pytest

from onrecord.judge.lists import list_items

from .conftest import only_claim

LAW = ("The new law bans smoking in bars, restaurants and parks. It takes effect on July 1. "
       "Fines start at $100.")


@pytest.mark.parametrize(("claim", "item"), [
    ("The new law bans smoking in bars, restaurants, parks and beaches.", "beaches"),
    ("The new law bans smoking in bars, restaurants and cars.", "cars"),
    ("Smoking is now banned in parks, stadiums and restaurants.", "stadiums"),
])
def test_an_item_no_source_has_in_a_list_a_close_sentence_gives_is_unsupported(checker, claim, item):
    c = only_claim(checker, claim, LAW)
    assert c.label == "unsupported" and f"but not {item!r}, which no source has" in c.reason


@pytest.mark.parametrize("claim", [
    "The new law bans smoking in bars and restaurants.",
    "The law bans smoking in parks, bars and restaurants.",
])
def test_a_list_the_source_gives_in_part_or_in_another_order_is_supported(checker, claim):
    assert only_claim(checker, claim, LAW).label == "supported"


@pytest.mark.parametrize(("text", "items"), [
    ("The new law bans smoking in bars, restaurants, parks and beaches.", [["bars", "restaurants", "parks", "beaches"]]),
    ("apples, pears, and plums were sold", [["apples", "pears", "plums"]]),
    ("in bars and restaurants", [["bars", "restaurants"]]),
    ("Sales rose and then fell.", []),
])
def test_list_items(text, items):
    assert list_items(text) == items
