"""The judge's conditions at their edges, each with the exact verdict, score and reason expected.

These complement ``test_rules.py``: a rule switched off, a subset test loosened to an overlap, a
cut-off moved by one step must each fail a test here.
"""

from __future__ import annotations

import pytest

from onrecord.documents import from_text
from onrecord.text.language import unreadable_reason

LETTER = ("Dear Minister, we write about the harbour, the ferry timetable, the fishing quotas and the lighthouse "
          "repairs. We ask for funds. Sincerely, the Harbour Board.")
FIRST_SENTENCE = ("Dear Minister, we write about the harbour, the ferry timetable, the fishing quotas and the lighthouse "
                  "repairs.")


def _one(checker, claim: str, source: str):
    report = checker.check(claim, [from_text(source, id="s")])
    assert len(report.claims) == 1, [c.text for c in report.claims]
    return report.claims[0]


# -- "makes no mention of": every word of an item, in one sentence -----------------------------------


@pytest.mark.parametrize("claim", [
    # "fishing" is in the letter, "licences" is not: the item as a whole is not mentioned.
    "The letter makes no mention of the fishing licences.",
    "The letter does not mention the lighthouse keeper.",
    # Both words are in the letter, but never in one sentence.
    "The letter does not mention the harbour funds.",
])
def test_omits_is_supported_unless_one_sentence_has_all_of_an_items_words(checker, claim):
    c = _one(checker, claim, LETTER)
    assert c.kind == "document"
    assert (c.label, c.score) == ("supported", 0.9)
    assert c.reason.startswith(f"searched all of s ({len(LETTER)} chars): none of 'the ")
    assert c.evidence == []


@pytest.mark.parametrize(("claim", "item"), [
    ("The letter makes no reference to the airport or the ferry.", "the ferry"),
    ("The letter does not mention the ferry quotas.", "the ferry quotas"),
])
def test_omits_is_contradicted_by_the_sentence_that_has_an_item(checker, claim, item):
    c = _one(checker, claim, LETTER)
    assert (c.label, c.score) == ("contradicted", 0.9)
    assert c.reason == f"s does mention {item!r}"
    assert [(e.text, e.start, e.score) for e in c.evidence] == [(FIRST_SENTENCE, 0, 0.9)]


# -- text the model cannot read ------------------------------------------------------------------------


def test_a_short_claim_in_another_script_is_not_judged(checker):
    # Three words: too few for the English-word share; the script alone tells.
    c = _one(checker, "Совет утвердил бюджет.", "The council approved the budget.")
    assert c.unchecked == "written in a non-Latin script; the model reads English only"
    assert c.reason == "not checked: written in a non-Latin script; the model reads English only"
    assert (c.label, c.score) == ("unsupported", 0.0)


@pytest.mark.parametrize(("text", "reason"), [
    ("Совет утвердил бюджет.", "written in a non-Latin script; the model reads English only"),
    ("abcdef жзий", "written in a non-Latin script; the model reads English only"),  # 4 of 10 letters
    ("abcdefg жзи", None),  # 3 of 10 letters: the share must exceed 0.3
    ("The council approved the budget.", None),
])
def test_non_latin_share_cut_off(text, reason):
    assert unreadable_reason(text) == reason
