"""A person called by a role the sources do not give them (``onrecord.judge.titles``, rule ``other_title``)."""

from __future__ import annotations

import pytest

from onrecord.judge.titles import other_role, role_nouns, roles_in

from .conftest import only_claim

SOURCE = ("Dr. Alan Moss, the chief of emergency medicine, said most of the patients were over 70. "
          "Treasurer Ana Lindqvist said the capital reserve holds $240,000. "
          "\"We should wait,\" said board chair Miriam Okafor. "
          "Police Commissioner Dana Ruiz said two officers were hurt. "
          "Jonah Reed, the team's striker, scored twice. Sen. Maria Ortiz voted against the bill.")


@pytest.mark.parametrize(("claim", "theirs"), [
    ("Dr. Alan Moss, the hospital's chief executive, said most patients were over 70.",
     "the chief of emergency medicine"),
    ("Budget director Ana Lindqvist said the capital reserve holds $240,000.", "Treasurer"),
    ("Board member Miriam Okafor said the board should wait.", "board chair"),
    ("Police Chief Dana Ruiz said two officers were hurt.", "Police Commissioner"),
    ("Jonah Reed, the team's captain, scored twice.", "the team's striker"),
    ("Representative Maria Ortiz voted against the bill.", "Sen."),
])
def test_a_role_the_source_does_not_give_the_person_contradicts(checker, claim, theirs):
    c = only_claim(checker, claim, SOURCE)
    assert c.label == "contradicted" and "calls" in c.reason and repr(theirs) in c.reason
    assert SOURCE[c.evidence[0].start : c.evidence[0].end] == theirs


@pytest.mark.parametrize("claim", [
    "Dr. Alan Moss, the emergency chief, said most patients were over 70.",
    "Alan Moss, head of emergency medicine, said most of the patients were over 70.",  # "head" is "chief"
    "Treasurer Ana Lindqvist said the reserve holds $240,000.",
    "Ana Lindqvist, the town's treasurer, said the capital reserve holds $240,000.",
    "Commissioner Dana Ruiz said two officers were hurt.",
    "Striker Jonah Reed scored twice.",
    "Senator Maria Ortiz voted against the bill.",  # "Sen." is "senator"
    "Board chairwoman Miriam Okafor said the board should wait.",  # "chairwoman" is "chair"
])
def test_the_source_s_role_in_other_words_is_no_other_role(claim):
    assert other_role(claim, [("s", SOURCE)]) is None


def test_a_person_the_source_gives_no_role_is_no_matter():
    source = "Tom Welles, who voted against the plan, said it would burden parents."
    assert other_role("Board member Tom Welles said the plan would burden parents.", [("s", source)]) is None


def test_a_role_the_source_tells_elsewhere_in_a_sentence_that_names_the_person():
    source = ("Dr. Alan Moss, the chief of emergency medicine, said most patients were over 70. "
              "Moss is also the hospital's acting chief executive.")
    assert other_role("Dr. Alan Moss, the hospital's chief executive, said so.", [("s", source)]) is None


@pytest.mark.parametrize(("text", "surname", "nouns"), [
    ("Treasurer Ana Lindqvist said so.", "Lindqvist", {"treasurer"}),
    ("\"No,\" said board chair Miriam Okafor.", "Okafor", {"chair"}),
    ("Acme CEO Priya Natarajan spoke.", "Natarajan", {"chief", "executive"}),
    ("Priya Natarajan, Acme's chief executive, spoke.", "Natarajan", {"chief", "executive"}),
    ("Mayor Ellen Park opened it.", "Park", {"mayor"}),
])
def test_roles_are_read_in_apposition_and_as_titles(text, surname, nouns):
    assert [(r.surname, set(r.nouns)) for r in roles_in(text)] == [(surname, nouns)]


@pytest.mark.parametrize("text", [
    "In Denver, the judge ruled the law constitutional.",  # a phrase, not a name
    "Tom Welles, who voted against the plan, spoke.",  # a relative clause, no role
    "Dr. Alan Moss spoke.",  # a degree, no role
    "Ellen Park, the woman who opened the bridge, spoke.",  # no role noun
])
def test_no_role(text):
    assert roles_in(text) == ()


def test_role_nouns_are_written_one_way():
    assert role_nouns("Chairwoman") == role_nouns("chairman") == {"chair"}
    assert role_nouns("Sen.") == {"senator"}
    assert role_nouns("the head of emergency medicine") == {"chief"}


@pytest.mark.parametrize(("claim", "source"), [
    ("Detective Inspector Jane Roe said two men were held.", "Det. Insp. Jane Roe said two men were held."),
    ("Congressman Tom Hale voted no.", "Rep. Tom Hale voted no."),
])
def test_abbreviated_titles_are_read_as_written_out(claim, source):
    assert other_role(claim, [("s", source)]) is None
