"""Who did what to whom: a claim that gives the doer's place to the one it was done to."""

from __future__ import annotations

import pytest

from onrecord.judge.roles import doer_first, reversed_roles

from .conftest import only_claim

REVERSED = [
    # (source, claim, the claim's participants in its order)
    ("Arsenal beat Chelsea 2-1 on Saturday.", "Arsenal were beaten by Chelsea on Saturday.", ("Chelsea", "Arsenal")),
    ("The police officer shot the suspect.", "The suspect shot the police officer.", ("suspect", "police")),
    ("The suspect was shot by a police officer.", "The suspect shot a police officer.", ("suspect", "police")),
    ("Smith was replaced by Jones as chairman.", "Smith replaced Jones as chairman.", ("Smith", "Jones")),
    ("Google acquired YouTube in 2006.", "Google was acquired by YouTube in 2006.", ("YouTube", "Google")),
    ("The committee's report criticised the minister.", "The minister criticised the committee's report.",
     ("minister", "committee's")),
    ("Exports rose faster than imports last year.", "Imports rose faster than exports last year.",
     ("Imports", "exports")),
    ("Pama threw the punch that killed Wilson.", "Wilson threw the punch that killed Pama.", ("Wilson", "Pama")),
    ("Police said the man attacked a woman.", "A woman attacked the man, police said.", ("woman", "man")),
]


@pytest.mark.parametrize(("source", "claim", "participants"), REVERSED)
def test_the_doer_and_the_one_done_to_the_other_way_round(source, claim, participants):
    found = reversed_roles(claim, source)
    assert found is not None and (found.first.text, found.second.text) == participants


@pytest.mark.parametrize(("source", "claim"), [
    ("Arsenal beat Chelsea 2-1 on Saturday.", "Chelsea were beaten by Arsenal on Saturday."),
    ("Smith was replaced by Jones as chairman.", "Jones replaced Smith as chairman."),
    ("Google acquired YouTube in 2006.", "YouTube was acquired by Google in 2006."),
    ("The council fined the company $5,000.", "The company was fined $5,000 by the council."),
    ("Smith met Jones in Paris.", "Jones met Smith in Paris."),  # a relation that holds both ways
    ("Smith and Jones founded the firm.", "Jones and Smith founded the firm."),  # one list
    ("Demand fell as prices rose.", "Prices rose as demand fell."),
    ("Smith lied, Jones said.", "Jones said Smith lied."),
    ("Smith, who joined Apple in 2010, hired Jones.", "Jones was hired by Smith, who joined Apple in 2010."),
    ("He was elected after Jones resigned.", "Jones resigned after he was elected."),
    ("Apple, Google and Microsoft reported gains.", "Microsoft, Google and Apple reported gains."),
    ("Wheat, corn and soy prices rose.", "Soy, corn and wheat prices rose."),
    # A paraphrase that turns the verb into a noun ("scored ... in mathematics" as "Maths scores").
    ("Students in four-day districts scored slightly lower in mathematics.",
     "Maths scores were slightly lower in four-day districts."),
    # Where or when a deed happened is no participant of it.
    ("On Saturday the mayor opened the new library.", "The new library opened on Saturday."),
    ("In Paris, the summit opened with a speech.", "The summit opened in Paris with a speech."),
    # A word of a name is no relation ("Receiving Party").
    ("Each Party who receives Confidential Material under this Agreement agrees to submit to the court.",
     "Agreement shall not grant Receiving Party any right to Confidential Information."),
])
def test_the_same_roles_in_another_order(source, claim):
    assert reversed_roles(claim, source) is None


def test_a_passive_is_read_in_the_doers_order():
    assert [t.text for t in doer_first("Arsenal were beaten by Chelsea on Saturday.")] == [
        "Chelsea", "on", "Saturday", "beaten", "Arsenal"]
    assert [t.text for t in doer_first("The firm was fined $5,000 by the council.")] == [
        "the", "council", "fined", "5,000", "The", "firm"]


@pytest.mark.parametrize(("source", "claim"), [(s, c) for s, c, _ in REVERSED[:5]])
def test_the_check_contradicts_a_claim_with_the_roles_reversed(checker, source, claim):
    found = only_claim(checker, claim, source)
    assert found.label == "contradicted" and "other way round" in found.reason


@pytest.mark.parametrize(("source", "claim"), [
    ("Arsenal beat Chelsea 2-1 on Saturday.", "Chelsea were beaten by Arsenal on Saturday."),
    ("Google acquired YouTube in 2006.", "YouTube was acquired by Google in 2006."),
])
def test_the_check_supports_the_same_roles_in_the_passive(checker, source, claim):
    assert only_claim(checker, claim, source).label == "supported"
