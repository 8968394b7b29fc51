"""A copy of a source sentence with two of its words exchanged (``onrecord.judge.exchange``).

Through the whole check with the shipped model: two words (or names, or short runs) in each other's
place are contradicted, the reason naming both and the evidence the source sentence; items of one list
in another order, a relation that holds both ways, and a plain copy are not. The cut-offs are exercised
on hand-built sentence hits.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from onrecord.judge.exchange import exchange
from onrecord.judge.thresholds import DEFAULT_THRESHOLDS as T

# A claim is read against a story that holds its sentence among others, as for the near-copy rule.
from .test_substitution import _AFTER, _BEFORE, _decided, _hit


@pytest.mark.parametrize(("claim", "sentence", "first", "second"), [
    ("The tool produces a correct input within a set tolerance for every output of interest.",
     "The tool produces a correct output within a set tolerance for every input of interest.", "input", "output"),
    ("Imports exceeded exports for the third year running.",
     "Exports exceeded imports for the third year running.", "Imports", "exports"),
    ("Smith defeated Jones in the final on Sunday.", "Jones defeated Smith in the final on Sunday.", "Smith", "Jones"),
    ("The mother was holding the child over the railing when he slipped.",
     "The child was holding the mother over the railing when he slipped.", "mother", "child"),
    ("Real Madrid knocked out Manchester United in the quarter-final.",
     "Manchester United knocked out Real Madrid in the quarter-final.", "Real", "Manchester"),
    ("The landlord sued the tenant over the unpaid rent in March.",
     "The tenant sued the landlord over the unpaid rent in March.", "landlord", "tenant"),
])
def test_two_words_exchanged_are_contradicted(checker, claim, sentence, first, second):
    f = _decided(checker, claim, sentence)
    assert (f.label, f.rule) == ("contradicted", "exchanged_words")
    assert repr(first) in f.reason and repr(second) in f.reason and "the other way round" in f.reason
    ev = f.evidence[0]
    assert (_BEFORE + sentence + _AFTER)[ev.start : ev.end] == sentence


@pytest.mark.parametrize(("claim", "sentence"), [
    # Items of one list, in another order.
    ("Smith and Jones won their seats in the election.", "Jones and Smith won their seats in the election."),
    ("The flag is red, white and blue with a star.", "The flag is white, red and blue with a star."),
    ("Members come from France or Spain each summer.", "Members come from Spain or France each summer."),
    # A relation that holds both ways.
    ("Smith met Jones in Paris on Tuesday to discuss the deal.", "Jones met Smith in Paris on Tuesday to discuss the deal."),
    ("Leeds drew with Hull at home on Saturday.", "Hull drew with Leeds at home on Saturday."),
    ("Acme merged with Globex in a deal worth millions.", "Globex merged with Acme in a deal worth millions."),
    ("The talks between Kenya and Uganda ended on Friday.", "The talks between Uganda and Kenya ended on Friday."),
    # No exchange: the same sentence, or one word changed.
    ("Smith defeated Jones in the final on Sunday.", "Smith defeated Jones in the final on Sunday."),
])
def test_an_exchange_that_says_the_same_is_not_contradicted(checker, claim, sentence):
    assert exchange(claim, [_hit(sentence)], T) is None
    assert _decided(checker, claim, sentence).rule != "exchanged_words"


def test_the_exchange_needs_short_runs_and_a_close_statement_sentence():
    claim, sentence = "Smith defeated Jones.", "Jones defeated Smith."
    assert exchange(claim, [_hit(sentence)], T) is not None
    # Runs longer than ``near_copy_slot_words`` are a rewording, not an exchange.
    assert exchange(claim, [_hit(sentence)], replace(T, near_copy_slot_words=0)) is None
    # Of a longer sentence, the stretch the claim copies.
    long = "Jones defeated Smith in the final, and the crowd went home happy after a long match."
    assert exchange("Smith defeated Jones in the final.", [_hit(long)], T) is not None
    # Any other difference: no exchange.
    assert exchange(claim, [_hit("Jones narrowly defeated Smith.")], T) is None
    # Questions assert nothing; only the closest ``near_copy_hits`` sentences are read.
    assert exchange(claim, [_hit("Jones defeated Smith?")], T) is None
    far = [_hit("The weather was fine.")] * T.near_copy_hits + [_hit(sentence)]
    assert exchange(claim, far, T) is None
