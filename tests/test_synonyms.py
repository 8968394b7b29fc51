"""A claim's new word that the closest source sentence says in another word (``onrecord.retrieve.synonyms``),
with the shipped sentence embedder."""

from __future__ import annotations

import pytest

from onrecord.retrieve.synonyms import without_synonyms


@pytest.fixture(scope="module")
def embedder(checker):
    return checker.embedder


@pytest.mark.parametrize(("word", "sentence"), [
    ("kids", "The library no longer charges late fees on children's books."),
    ("buy", "Residents can purchase permits at the town hall."),
    ("car", "The vehicle was found abandoned on the hard shoulder."),
    ("physician", "A doctor examined the boy at the scene."),
    ("huge", "The storm left a large hole in the roof."),
])
def test_a_word_the_sentence_says_otherwise_is_not_new(embedder, word, sentence):
    assert without_synonyms((word,), sentence, embedder) == ()


@pytest.mark.parametrize(("word", "sentence"), [
    ("unanimously", "The council approved the new budget after a long debate."),
    ("rural", "The council approved the new budget for schools."),
    ("British", "He pleaded guilty to the death of an American."),
    ("murder", "He pleaded guilty to manslaughter."),
    ("airlifted", "The toddler was taken to hospital with minor bruises."),
])
def test_a_word_that_adds_a_fact_stays_new(embedder, word, sentence):
    assert without_synonyms((word,), sentence, embedder) == (word,)


def test_only_the_synonyms_go_and_the_order_is_kept(embedder):
    sentence = "The library no longer charges late fees on children's books."
    assert without_synonyms(("scrapped", "kids", "rural"), sentence, embedder) == ("scrapped", "rural")
    assert without_synonyms((), sentence, embedder) == ()
    assert without_synonyms(("kids",), "", embedder) == ("kids",)


def test_a_headline_with_a_synonym_is_supported_through_the_check(checker):
    from onrecord.documents import from_text

    source = "Late fees abolished. The library no longer charges late fees on children's books."
    report = checker.check("Late fees scrapped for kids' books.", [from_text(source, id="s")])
    assert [c.label for c in report.claims] == ["supported"]
