"""Two readings of who and where: the name after a verb and its preposition (``judge.frames``), and who won a
contest (``judge.outcomes``). Through the whole check with the shipped model, several phrasings each, with the
controls that must not change."""

from __future__ import annotations

import pytest

from onrecord.judge.outcomes import result

from .conftest import only_claim

FLIGHT = ("Flight 202 from Boston to Denver was diverted to Chicago after a passenger fell ill. "
          "The flight continued to Denver about two hours later.")


@pytest.mark.parametrize(("claim", "source"), [
    ("Flight 202 was diverted to Denver.", FLIGHT),
    ("She moved to Paris with her family in 1936.", "Born in Krakow, she moved to London with her family in 1936."),
    ("The striker signed with Everton in June.", "The striker, who left Leeds in May, signed with Fulham in June."),
    ("The company expanded into Mexico last year.", "Having grown in Texas, the company expanded into Canada last year."),
])
def test_another_name_after_the_claim_s_verb_and_preposition_contradicts(checker, claim, source):
    c = only_claim(checker, claim, source)
    assert c.label == "contradicted" and "where the text says" in c.reason


@pytest.mark.parametrize(("claim", "source"), [
    ("Flight 202 was diverted to Chicago.", FLIGHT),  # the frame the source tells
    ("She moved to Paris in 1950.", "She moved to London in 1936 and to Paris in 1950."),  # one of two frames
    ("The aid was sent to Ukraine.", "The aid was sent to Israel and Ukraine."),  # one of a list
    ("The bill was signed by Biden.", "The bill was signed by President Joe Biden on Friday."),  # one referent
    ("The law was passed in May.", "The bill was introduced in February and the law was passed in May."),  # dates
])
def test_the_claim_s_name_in_the_same_frame_or_a_list_agrees(checker, claim, source):
    assert only_claim(checker, claim, source).label == "supported"


@pytest.mark.parametrize(("text", "winners", "losers"), [
    ("Harbor City beat Eastvale 3-1 on Saturday.", ("Harbor City",), ("Eastvale",)),
    ("Arsenal were beaten 2-0 by Chelsea.", ("Chelsea",), ("Arsenal",)),
    ("Smith lost to Jones in the final.", ("Jones",), ("Smith",)),
    ("The team won.", (), ()),  # "The" opening a sentence is no side
])
def test_a_result_names_winners_and_losers(text, winners, losers):
    r = result(text)
    assert set(r.winners) == set(winners) and set(r.losers) == set(losers)


@pytest.mark.parametrize(("claim", "source"), [
    ("Eastvale won 3-1.", "Harbor City beat Eastvale 3-1 on Saturday."),
    ("Arsenal won the match.", "Arsenal were beaten 2-0 by Chelsea at home."),
    ("Jones lost the final.", "Smith lost to Jones in the final on Sunday."),
    ("Smith beat Jones in the final.", "Smith lost to Jones in the final on Sunday."),
])
def test_the_win_given_to_the_side_that_lost_contradicts(checker, claim, source):
    c = only_claim(checker, claim, source)
    assert c.label == "contradicted"


@pytest.mark.parametrize(("claim", "source"), [
    ("Harbor City won 3-1.", "Harbor City beat Eastvale 3-1 on Saturday."),
    ("Eastvale lost on Saturday.", "Harbor City beat Eastvale 3-1 on Saturday."),
    ("Chelsea won 2-0.", "Arsenal were beaten 2-0 by Chelsea at home."),
])
def test_the_result_told_in_other_words_agrees(checker, claim, source):
    assert only_claim(checker, claim, source).label == "supported"


def test_a_dated_claim_is_read_only_against_sentences_of_its_year(checker):
    source = ("After college he moved to Australia to sign with the Devonport Strikers in 2016. "
              "He later returned home.")
    c = only_claim(checker, "He signed with Cavalry FC on January 23, 2019.", source)
    assert "where the text says" not in c.reason


TWO_CONTESTS = "Smith lost to Jones in the semi-final but beat Patel in the bronze medal match."


@pytest.mark.parametrize("claim", [
    "Jones beat Smith in the semi-final.",
    "Smith won the bronze medal match.",
    "Patel lost to Smith.",
])
def test_a_sentence_of_two_contests_gives_each_side_its_own_result(checker, claim):
    assert only_claim(checker, claim, TWO_CONTESTS).label == "supported"


def test_another_doer_s_frame_says_nothing_of_the_claim_s():
    from onrecord.judge.frames import other_name
    from onrecord.retrieve.evidence import SentenceHit
    from onrecord.text.segment import Span

    def hit(text):
        return SentenceHit("s", Span(0, len(text)), text, 0.8)
    # "Smith lost to Jones" is Smith's loss, not Patel's; the route's "Denver" is no doer of "diverted".
    assert other_name("Patel lost to Smith.", [hit("Smith lost to Jones in the final.")], 3) is None
    assert other_name("Flight 202 was diverted to Denver.",
                      [hit("Flight 202 from Boston to Denver was diverted to Chicago.")], 3) is not None
