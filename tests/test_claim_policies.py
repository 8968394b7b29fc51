"""General claim mechanisms in the judge, each on many phrasings through the whole check with the real
model: figures as values with ranges, the scope of negation and contrast, one story per claim
(a repeated sentence, quotations that cannot carry a claim), and the bugs fixed with them."""

from __future__ import annotations

import pytest

from onrecord.documents import from_text
from onrecord.extract.quotes import fold
from onrecord.judge.documents import body_edges
from onrecord.judge.sentences import names
from onrecord.judge.thresholds import DEFAULT_THRESHOLDS as T
from onrecord.judge.values import ValueReading, contradicting, read_values
from onrecord.retrieve.evidence import SentenceHit
from onrecord.text.segment import Span


def _one(checker, claim: str, source: str, sid: str = "s"):
    found = checker.findings(claim, [from_text(source, id=sid)])
    assert len(found) == 1, [u.text for u, _ in found]
    return found[0][1]


def _hit(text: str, similarity: float) -> SentenceHit:
    return SentenceHit("s", Span(0, len(text)), text, similarity)


# -- figures as values with ranges ---------------------------------------------------------------


@pytest.mark.parametrize(("claim", "source"), [
    ("Ridership has doubled since the route opened.", "Ridership has more than tripled since the route opened."),
    ("The first checked bag is free.", "Checked bags cost $35 each way for the first bag."),
    ("The council approved the plan 5-2.", "The council approved the plan unanimously."),
    ("The motion passed unanimously.", "The motion passed by four votes to three."),
    ("Evening ridership fell by half last year.", "Evening ridership fell by a quarter last year."),
    ("Nearly half of commuters drive to work.", "About a fifth of commuters drive to work."),
])
def test_a_figure_outside_the_range_of_the_same_quantity_contradicts(checker, claim, source):
    f = _one(checker, claim, source)
    assert f.label == "contradicted", (f.rule, f.reason)


@pytest.mark.parametrize(("claim", "source"), [
    ("Points expire after 30 months of inactivity.", "Loyalty points expire after two and a half years of inactivity."),
    ("Ridership has more than doubled since the route opened.", "Ridership has tripled since the route opened."),
    ("The council approved the plan seven votes to none.", "The council approved the plan 7-0."),
    ("Tickets cancelled within a day of booking are refunded.", "Tickets cancelled within 24 hours of booking are refunded."),
])
def test_a_figure_in_other_words_is_no_contradiction_nor_a_missing_figure(checker, claim, source):
    f = _one(checker, claim, source)
    assert f.label == "supported", (f.rule, f.reason)


def test_the_closest_sentence_giving_the_quantity_decides_and_a_farther_agreeing_one_does_not():
    claim = "The first checked bag is free."
    priced = _hit("Checked bags cost $35 each way for the first bag.", 0.65)
    other = _hit("Carry-on bags: one carry-on bag and one personal item are included at no charge on every fare.", 0.48)
    readings = read_values(claim, [priced, other])
    assert {r.match.verdict for r in readings} == {"contradicted", "supported"}
    assert contradicting(readings, T.values_similarity).hit is priced
    # Below the similarity at which a sentence is the same statement, nothing is contradicted.
    assert contradicting(read_values(claim, [_hit(priced.text, 0.49)]), T.values_similarity) is None
    # The closer sentence agreeing wins.
    agree = [ValueReading(_hit(other.text, 0.7), r.match) for r in readings if r.match.verdict == "supported"]
    assert contradicting(agree + [r for r in readings if r.match.verdict == "contradicted"], 0.5) is None


# -- the scope of negation and contrast ----------------------------------------------------------

CLINIC = ("Walk-in appointments are available on Monday and Wednesday, but not Friday. "
          "The clinic no longer offers travel vaccinations. "
          "The pharmacy is open every weekday except Thursday. "
          "The new wing will not open until June.")


@pytest.mark.parametrize("claim", [
    "Walk-in appointments are available on Friday.",
    "The clinic offers travel vaccinations.",
    "The pharmacy is open on Thursday.",
    "The new wing will open in March.",
])
def test_a_claim_asserting_what_the_source_denies_is_contradicted(checker, claim):
    f = _one(checker, claim, CLINIC)
    assert f.label == "contradicted", (f.rule, f.reason)
    # The denying sentence is the evidence, whichever rule read it (a month against "until June" is
    # also another figure).
    assert f.rule in ("polarity", "other_figures")


@pytest.mark.parametrize("claim", [
    "Patients can walk in on Mondays.",
    "Walk-in appointments are available on Wednesday.",
    "The clinic does not offer travel vaccinations any more.",
    "The pharmacy is not open on Thursday.",
])
def test_a_claim_inside_what_the_source_asserts_is_not_contradicted(checker, claim):
    f = _one(checker, claim, CLINIC)
    assert f.label != "contradicted", (f.rule, f.reason)


# -- one story per claim -------------------------------------------------------------------------


@pytest.mark.parametrize(("claim", "source"), [
    ("The council did not approve the budget on Monday.",
     "Residents spoke for an hour. The council did not approve the budget on Monday. The vote is in May."),
    ("the old pier -- built in 1920 -- will close in May.", "Repairs start soon. The old pier — built in 1920 — will close in May."),
    ("Walk-in appointments are available on Monday and Wednesday, but not Friday.", CLINIC),
    ("Ridership has more than tripled since the route opened.", "Ridership has more than tripled since the route opened."),
])
def test_a_claim_repeating_a_source_sentence_is_supported_near_one_and_never_contradicted(checker, claim, source):
    f = _one(checker, claim, source)
    assert (f.label, f.rule) == ("supported", "repeated_sentence")
    assert f.score >= 0.95
    repeated = source[f.evidence[0].start : f.evidence[0].end]
    assert fold(repeated).key.strip(" .") == fold(claim).key.strip(" .")


@pytest.mark.parametrize(("claim", "said"), [
    ('The mayor said the pier was "a total disaster" for the town.', "a total disaster"),
    ('The mayor said the pier is "a danger to the public" and must close.', "a danger to the public"),
    ('Engineers called the pier "unsafe in every storm" last week.', "unsafe in every storm"),
])
def test_a_quotation_that_is_not_in_the_source_cannot_carry_the_claim(checker, claim, said):
    source = "The mayor said the pier is unsafe and must close. Engineers inspected the pier last week."
    f = _one(checker, claim, source)
    assert f.label != "supported"
    if f.rule == "quote_block":
        assert said in f.reason


def test_an_exact_quotation_carries_a_claim_on_the_one_share_measure(checker):
    from onrecord.judge.quotes import quoted_share

    source = 'The mayor said: "The pier is unsafe and must close before winter."'
    text = 'The mayor said "The pier is unsafe and must close before winter."'
    report = checker.check(text, [from_text(source, id="s")])
    found = checker.findings(text, [from_text(source, id="s")])
    unit = found[0][0]
    assert quoted_share(unit, report.quotes) >= T.quote_share
    assert found[0][1].rule in ("verbatim_quote", "repeated_sentence")
    assert report.claims[0].label == "supported"


# -- bugs ------------------------------------------------------------------------------------------

LETTER = "We write about the harbour wall. Storms have damaged it twice this year. We ask for funds."


@pytest.mark.parametrize("claim", [
    "The letter focused on the matter.",
    "The letter focused on a specific issue.",
    "The letter focuses on this particular question.",
])
def test_focused_on_nothing_checkable_is_never_supported(checker, claim):
    f = _one(checker, claim, LETTER, sid="letter")
    assert f.label != "supported", (f.rule, f.reason)


@pytest.mark.parametrize(("body", "signoff"), [
    ("We write about the harbour wall. We ask for funds.", " Sincerely, the Harbour Board."),
    ("We write about the harbour wall. We ask for funds.", " Regards, Tom Hill"),
    ("We write about the harbour wall. We ask for funds.", " Yours faithfully,\nThe Board"),
    ("We write about the harbour wall. We ask for funds.", "\n\nSincerely,\n\nTom Hill"),
])
def test_a_sign_off_is_stripped_whether_its_own_paragraph_or_the_end_of_the_last(body, signoff):
    doc = from_text(body + signoff, id="letter")
    start, end = body_edges(doc)
    assert doc.text[start:end] == body


@pytest.mark.parametrize("text", [
    "Thanks to volunteers, the park reopened in May. Thank you for the help of the many residents who came out.",
    "The port needs money. Thanks to the council, work began.",
])
def test_a_body_sentence_opening_with_thanks_is_kept(text):
    doc = from_text(text, id="x")
    assert body_edges(doc) == (0, len(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Mayor Ellen Park opened the library.", {"Ellen Park"}),
    ("Deputy Mayor Tom Hill spoke.", {"Tom Hill"}),
    ("Justice Ana Moreno wrote the dissent.", {"Ana Moreno"}),
    ("Mayor Park opened the library.", {"Mayor Park"}),  # a title is kept when one word would remain
])
def test_titles_are_not_part_of_a_compared_name(text, expected):
    assert names(text) == expected


def test_a_swapped_name_is_reported_without_its_title(checker):
    f = _one(checker, "Mayor Ellen Park opened the new library on Saturday.",
             "The mayor opened the new library on Saturday, with Ellen Voss cutting the ribbon.")
    assert f.label == "contradicted"
    assert "Mayor Ellen" not in f.reason


def test_the_reported_score_is_the_deciding_rules_measured_confidence(checker, letter):
    from onrecord.judge.confidence import PRIOR_WEIGHT, rule_counts

    article = "The letter asked for funds for the harbour. The ferry will run every hour from May."
    found = checker.findings(article, [from_text(letter, id="letter")])
    report = checker.check(article, [from_text(letter, id="letter")])
    assert len(found) == len(report.claims)
    for (_, f), c in zip(found, report.claims, strict=True):
        assert f.rule and c.score == round(f.score, 4)
        counts = rule_counts().get(f"{f.rule}:{f.label}")
        if counts:  # measured: within the smoothing's reach of the measured share
            share = counts["right"] / counts["n"]
            assert abs(f.score - share) <= PRIOR_WEIGHT / (counts["n"] + PRIOR_WEIGHT) + 1e-9
