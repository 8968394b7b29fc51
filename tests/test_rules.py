"""The judge's rules, one by one: each rule's verdict, its stated confidence and its cut-offs.

Every rule is exercised through the whole check with the real shipped model (several phrasings each)
and, where it has a cut-off, at both sides of that cut-off on hand-built sentence hits.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from onrecord.documents import from_text
from onrecord.judge import sentences
from onrecord.judge.confidence import measured
from onrecord.judge.contrast import opposed
from onrecord.judge.thresholds import DEFAULT_THRESHOLDS as T
from onrecord.pipeline import Checker
from onrecord.retrieve.evidence import SentenceHit
from onrecord.text import vocab
from onrecord.text.segment import Span

from .conftest import only_claim


def _one(checker, claim: str, source: str):
    return only_claim(checker, claim, source)


def _stated(rule: str, label: str, prior: float) -> float:
    """The score a rule's verdict states: its measured agreement on held-out pairs, its own confidence the prior."""
    return round(measured(rule, label, prior), 4)


def _hit(text: str, similarity: float, answer: str = "") -> SentenceHit:
    return SentenceHit("s", Span(0, len(text)), text, similarity, answer)


# -- polarity -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("claim", "source", "score"), [
    ("The council approved the budget on Monday.", "The council did not approve the budget on Monday.", 0.8601),
    ("The bridge will not reopen before March.", "The bridge will reopen before March.", 0.95),
    ("The company did not pay a dividend this year.", "The company paid a dividend this year.", 0.898),
])
def test_opposite_polarity_contradicts_with_confidence_from_similarity(checker, claim, source, score):
    c = _one(checker, claim, source)
    assert c.label == "contradicted"
    # The prior is 0.5 + similarity / 2 (capped): read from the cited similarity, which must be close to the
    # pinned one (the int8 embedder rounds a little differently on AVX2 and AVX-512 CPUs).
    prior = T.polarity_confidence(c.evidence[0].score)
    assert prior == pytest.approx(score, abs=0.02)
    assert c.score == pytest.approx(_stated("polarity", "contradicted", prior), abs=1e-4)
    assert "says the opposite" in c.reason
    assert c.evidence and c.evidence[0].text == source


@pytest.mark.parametrize(("claim", "source", "label"), [
    # A typographic apostrophe ("didn’t", as published text writes it) denies as "didn't" does, on either side.
    ("The mayor didn’t attend the meeting on Tuesday.", "The mayor attended the meeting on Tuesday.", "contradicted"),
    ("The mayor attended the meeting on Tuesday.", "The mayor didn’t attend the meeting on Tuesday.", "contradicted"),
    ("Officials said the bridge is safe for heavy trucks.", "Officials said the bridge isn’t safe for heavy trucks.",
     "contradicted"),
    ("The company will raise prices this year.", "The company won’t raise prices this year.", "contradicted"),
    ("The company won’t raise prices this year.", "The company will not raise prices this year.", "supported"),
    ("The clinic doesn’t open until June.", "The clinic opens in March.", "contradicted"),
])
def test_a_denial_with_a_typographic_apostrophe_is_read(checker, claim, source, label):
    assert _one(checker, claim, source).label == label


@pytest.mark.parametrize(("claim", "source", "label"), [
    # A verb that denies the act after "to" ("refused to", "failed to", "declined to", "neglected to", "failure to")
    # denies it as "did not" does, on either side; and agrees with a plain denial of the same act.
    ("The senator refused to vote for the bill on Tuesday.", "The senator voted for the bill on Tuesday.",
     "contradicted"),
    ("The senator voted for the bill on Tuesday.", "The senator refused to vote for the bill on Tuesday.",
     "contradicted"),
    ("The company paid its suppliers in March.", "The company failed to pay its suppliers in March.", "contradicted"),
    ("The company failed to pay its suppliers in March.", "The company paid its suppliers in March.", "contradicted"),
    ("The minister commented on the report.", "The minister declined to comment on the report.", "contradicted"),
    ("The landlord repaired the heating before winter.", "The landlord neglected to repair the heating before winter.",
     "contradicted"),
    ("The firm filed its accounts on time.", "The firm’s failure to file its accounts on time drew a fine.",
     "contradicted"),
    ("The union did not sign the agreement.", "The union refused to sign the agreement.", "supported"),
    ("The company did not pay its suppliers in March.", "The company failed to pay its suppliers in March.",
     "supported"),
    ("The minister didn’t comment on the report.", "The minister declined to comment on the report.", "supported"),
])
def test_a_verb_that_denies_its_act_is_a_denial(checker, claim, source, label):
    assert _one(checker, claim, source).label == label


@pytest.mark.parametrize(("claim", "source", "label"), [
    # Someone's denial of a clause is their word that it is not so: against their word that it is, or the
    # plain clause, it is the opposite; against the same denial in other words, the same.
    ("The mayor said that the city had overspent.", "The mayor denied that the city had overspent.", "contradicted"),
    ("The mayor confirmed the city had overspent.", "The mayor denied that the city had overspent.", "contradicted"),
    ("The mayor denied that the city had overspent.", "The mayor said that the city had overspent.", "contradicted"),
    ("The minister took bribes from the developer.", "The minister denies taking bribes from the developer.",
     "contradicted"),
    ("The plant will close next year.", "The company dismissed reports that the plant will close next year.",
     "contradicted"),
    ("The mayor said the city had not overspent.", "The mayor denied that the city had overspent.", "supported"),
    ("The minister denied taking bribes from the developer.", "The minister denies taking bribes from the developer.",
     "supported"),
])
def test_a_denial_of_a_clause_is_a_denial(checker, claim, source, label):
    assert _one(checker, claim, source).label == label


@pytest.mark.parametrize("sentence", ["He denied everything.", "The court denied the motion.",
                                      "He disputed that account of events."])
def test_a_denial_of_a_thing_is_no_negation(sentence):
    assert not vocab.IMPLICIT_NEGATION.search(sentence)


@pytest.mark.parametrize("sentence", [
    "Shares declined to $4.10 on Friday.", "Sales declined to their lowest level since 2009.",
    "Turnout declined to three in ten voters.", "Prices declined to record lows.", "Output declined 5% in May.",
])
def test_a_level_after_declined_to_is_no_denial(sentence):
    assert not vocab.NEGATION.search(sentence)


@pytest.mark.parametrize(("claim", "source"), [
    ("Three people were injured in the fire.", "Nobody was injured in the fire."),
    ("Jewellery was stolen from the house.", "Nothing was stolen from the house."),
    ("Two passengers were hurt in the crash.", "No one was hurt in the crash, police said."),
    ("One passenger was hurt in the crash.", "No-one was hurt in the crash, police said."),
])
def test_nobody_and_nothing_deny_their_clause(checker, claim, source):
    found = _one(checker, claim, source)
    assert found.label == "contradicted"
    assert "one" not in found.reason.split("'")  # "no one" is nobody, not a figure "one" against the text's


@pytest.mark.parametrize(("claim", "source"), [
    ("The talks succeeded on Friday.", "The talks collapsed on Friday."),
    ("The takeover bid was successful.", "The takeover bid failed."),
    ("The peace talks collapsed in May.", "The peace talks succeeded in May."),
])
def test_how_an_attempt_ended(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


def test_polarity_needs_a_close_sentence_that_carries_the_claim():
    claim = "The council approved the budget on Monday."
    negated = "The council did not approve the budget on Monday."
    assert sentences.denied_in_scope(claim, [_hit(negated, T.polarity_similarity)], T) is not None  # polarity_similarity is inclusive
    assert sentences.denied_in_scope(claim, [_hit(negated, T.polarity_similarity - 1e-4)], T) is None
    # Same polarity: nothing to say.
    assert sentences.denied_in_scope(claim, [_hit("The council approved the budget on Monday.", 0.9)], T) is None
    # Close but carrying less than half the claim's words.
    assert sentences.denied_in_scope(claim, [_hit("Nobody has decided yet.", 0.9)], T) is None


@pytest.mark.parametrize(("claim", "source"), [
    ("The two men were charged with the burglary.",
     "Police arrested two men on Saturday in connection with the burglary of a jewelry store on Main Street. "
     "Neither man has been charged. Investigators recovered about half of the stolen items."),
    ("The council voted on the mayor's parking plan.",
     "The mayor proposed a new parking plan on Monday. The council has not voted on it."),
    ("The new director has experience in finance.",
     "The board hired a new director in June. She has no experience in finance."),
])
def test_a_denial_in_the_sentence_that_goes_on_about_the_same_thing(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


@pytest.mark.parametrize(("claim", "source"), [
    ("On Monday the council passed the budget.",
     "The council approved the budget on Monday. It did not approve the pay rise for staff."),
    ("Last year the firm took on 200 workers.",
     "The firm hired 200 workers last year. It does not plan to hire more this year."),
    ("The outbreak was confirmed by the ministry on Tuesday.",
     "The ministry confirmed the outbreak on Tuesday. It has not said how many people are infected."),
    ("Police arrested two men after the fight.", "Two men were arrested after the fight. Neither was injured."),
    ("The deal was signed by the union on Friday.",
     "The union signed the deal on Friday. Members have not yet voted on it."),
])
def test_a_denial_of_something_else_in_the_next_sentence_is_none_of_the_claim(checker, claim, source):
    assert _one(checker, claim, source).label == "supported"


def test_only_the_sentence_right_after_the_closest_goes_on_about_it():
    claim = "The two men were charged with the burglary."
    top = SentenceHit("s", Span(0, 60), "Police arrested two men in connection with the burglary.", 0.66)
    after = SentenceHit("s", Span(61, 90), "Neither man has been charged.", 0.3)
    far = SentenceHit("s", Span(200, 229), "Neither man has been charged.", 0.3)
    assert sentences.denied_in_scope(claim, [top, after], T) is not None
    assert sentences.denied_in_scope(claim, [top, far], T) is None


def test_a_question_takes_the_polarity_of_its_answer():
    claim = "Pets are allowed in the rooms."
    q = "Are pets allowed in the rooms?"
    assert sentences.denied_in_scope(claim, [_hit(q, 0.9, "No, pets are not permitted.")], T) is not None
    assert sentences.denied_in_scope(claim, [_hit(q, 0.9, "Yes, in ground-floor rooms.")], T) is None
    assert sentences.denied_in_scope(claim, [_hit(q, 0.9, "Please ask at reception.")], T) is None


@pytest.mark.parametrize(("claim", "question", "answer", "denied"), [
    ("Freight costs would ease well before December.", "Will freight costs ease in the fourth quarter?",
     "We think they will ease somewhat, but not before December.", True),
    ("The pool reopens in March.", "When does the pool reopen?", "It will not reopen until May.", True),
    ("Walk-ins are accepted on Fridays.", "Do you accept walk-ins?", "We accept them every weekday except Friday.", True),
    # The answer agrees, or bounds something the claim does not say.
    ("Freight costs would ease in December.", "Will freight costs ease in the fourth quarter?",
     "We think they will ease somewhat, but not before December.", False),
    ("The pool reopens in June.", "When does the pool reopen?", "It will not reopen until May.", False),
    ("Walk-ins are accepted on Mondays.", "Do you accept walk-ins?", "We accept them every weekday except Friday.", False),
])
def test_a_question_is_answered_by_what_its_answer_bounds_or_excludes(claim, question, answer, denied):
    # The answer names the question's subject by a pronoun, or not at all: the question carries the topic.
    found = sentences.denied_in_scope(claim, [_hit(question, 0.9, answer)], T)
    assert (found is not None) == denied
    if denied:
        assert found[1].startswith("the answer to the source's question")


@pytest.mark.parametrize(("claim", "contradicted"), [
    ("A first offence brings an immediate $250 fine.", True),
    ("Offenders get an instant $250 fine for breaking the rules.", True),
    ("Households that break the rules face an immediate fine of $250.", True),
    ("A $250 fine applies once a written warning has been issued.", False),
    ("Breaking the rules can cost a household $250 after a warning.", False),
])
def test_a_bound_on_the_claims_clause_is_read_though_the_sentence_covers_little_else(checker, claim, contradicted):
    rules = ("Kestrel Valley Water has never disconnected a household for breaking watering rules. "
             "A fine of $250 applies only after a written warning has been issued.")
    c = _one(checker, claim, rules)
    assert (c.label == "contradicted") == contradicted, (claim, c.reason)
    if contradicted:
        assert 'only after "a written warning has been issued"' in c.reason


@pytest.mark.parametrize(("answer", "claim", "contradicted"), [
    ("REYES: Partly. The children's room can stay open.", "The whole branch will close during the work.", True),
    ("REYES: Partly. The children's room can stay open.", "The entire branch will shut while the roof is fixed.", True),
    ("REYES: Yes, with shorter hours.", "The branch will close during the roof work.", True),
    ("REYES: No. It will be closed for the full eleven weeks.", "The branch will close during the roof work.", False),
    ("REYES: Partly. The children's room can stay open.", "Part of the branch will close during the work.", False),
])
def test_a_question_answered_yes_or_partly_asserts_what_it_asks(checker, answer, claim, contradicted):
    minutes = ("CHAIR: The only item is the roof of the Elm Street branch.\n\n"
               "OKAFOR: Can the branch stay open while the roof work is done?\n\n" + answer)
    c = _one(checker, claim, minutes)
    assert (c.label == "contradicted") == contradicted, (claim, c.reason)
    if contradicted:  # by the answer's yes (polarity) or its "partly" (an opposed verb), naming both words
        assert "'open'" in c.reason and ("'close'" in c.reason or "'shut'" in c.reason), c.reason
        assert "answer" in c.reason
        assert any("REYES:" in e.text for e in c.evidence)  # the question with its answer


def test_a_question_answered_in_an_interview_contradicts_through_the_check(checker):
    transcript = ("ANALYST: Will freight costs ease in the fourth quarter?\n\n"
                  "CFO: We think they will ease somewhat, but not before December.\n\n"
                  "ANALYST: And the new warehouse?\n\nCFO: It opens in the spring, on schedule.")
    for claim in ("Freight costs would ease well before December.", "Freight costs will ease in October."):
        c = _one(checker, claim, transcript)
        assert c.label == "contradicted", (claim, c.reason)
        assert "not before December" in " ".join(e.text for e in c.evidence)
    assert _one(checker, "Freight costs will ease in December.", transcript).label != "contradicted"


# -- opposed verbs ------------------------------------------------------------------------------


@pytest.mark.parametrize(("claim", "source", "words"), [
    ("The committee approved the zoning plan on Tuesday.", "The committee postponed the zoning plan on Tuesday.",
     ("postponed", "approved")),
    ("Sales of electric cars rose sharply in the second quarter.",
     "Sales of electric cars fell sharply in the second quarter.", ("fell", "rose")),
    ("The museum will open its new wing in June.", "The museum will close its new wing in June.", ("close", "open")),
    # What a court or board did with a request put to it.
    ("The court allowed the residents' appeal against the rezoning of the quarry.",
     "The court dismissed the residents' appeal against the rezoning of the quarry.", ("dismissed", "allowed")),
    ("The judge granted bail to the two defendants on Friday.",
     "The judge denied bail to the two defendants on Friday.", ("denied", "granted")),
    ("The council refused planning permission for the riverside tower.",
     "The council granted planning permission for the riverside tower.", ("granted", "refused")),
])
def test_an_opposed_verb_contradicts_at_075(checker, claim, source, words):
    c = _one(checker, claim, source)
    assert (c.label, c.score) == ("contradicted", _stated("opposed_verb", "contradicted", 0.75))
    assert f"says {words[0]!r} where the text says {words[1]!r}" in c.reason


@pytest.mark.parametrize(("claim", "source"), [
    ("The company raised its full-year forecast.",
     "Net income fell to $140 million. The company kept its forecast for the full year unchanged."),
    ("The company cut its full-year forecast.",
     "Net income fell to $140 million. The company kept its forecast for the full year unchanged."),
    ("The central bank left interest rates unchanged on Thursday.",
     "The central bank raised interest rates by a quarter point on Thursday."),
    ("Home prices held steady in March.", "Home prices fell 2 percent in March."),
    ("Retail sales rose in the fourth quarter.", "Retail sales were flat in the fourth quarter."),
])
def test_no_change_is_the_opposite_of_a_rise_and_of_a_fall(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


@pytest.mark.parametrize(("claim", "source"), [
    ("Tom Welles voted for the plan.",
     "The school board voted 5-2 on Thursday to delay the start of classes to 8:45 a.m. Board member Tom Welles, "
     "who voted against the plan, said it would burden working parents."),
    ("Senator Ruiz voted in favour of the bill.", "Senator Ruiz voted against the bill on Tuesday."),
    ("Senator Ruiz voted against the bill.", "Senator Ruiz voted for the bill on Tuesday."),
    ("Councillor Jo Bright voted for the project.",
     "The council approved the project. Councillor Jo Bright was the only member to vote against the project."),
])
def test_a_vote_for_is_the_opposite_of_a_vote_against(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


def test_a_claim_that_says_both_opposites_is_not_opposed_by_either():
    assert opposed("Sales were flat in March but rose in April.", "Sales rose in April.") is None
    assert opposed("Prices rose and then fell.", "Prices fell in May.") is None
    assert opposed("Prices rose in May.", "Prices fell in May.") is not None


@pytest.mark.parametrize(("claim", "words"), [
    # The case name is a heading of its own; the ruling is told in the sentence it heads, without the name.
    ("In R. v. Castellano, the court upheld a conviction for dangerous driving.", ("reversed", "upheld")),
    ("The court upheld Castellano's conviction for dangerous driving.", ("reversed", "upheld")),
    ("In Doyle v. Harrow Logistics, the court overturned the award to the injured worker.", ("upheld", "overturned")),
    ("The appeal in Pine Ridge Residents Association v. City of Oakvale was allowed.", ("dismissed", "allowed")),
])
def test_a_heading_is_read_with_the_sentence_it_heads(checker, claim, words):
    digest = ("Decisions released 9 March\n\n"
              "R. v. Castellano. The court reversed a conviction for dangerous driving and ordered a new trial. "
              "Justice Moretti dissented.\n\n"
              "Doyle v. Harrow Logistics Ltd. The court upheld the award of $412,000 to a warehouse worker "
              "injured by a falling pallet.\n\n"
              "Pine Ridge Residents Association v. City of Oakvale. The court dismissed the association's appeal "
              "against the rezoning of the quarry.")
    c = _one(checker, claim, digest)
    assert c.label == "contradicted", c.reason
    assert f"says {words[0]!r} where the text says {words[1]!r}" in c.reason


@pytest.mark.parametrize(("claim", "sign"), [
    ("Chronic absences rose last year.", "-12%"),
    ("Chronic absences increased in 2024-25.", "-12%"),
    ("Average daily attendance fell.", "+2.3 pts"),
    ("Suspensions climbed in 2024-25.", "-29%"),
])
def test_a_signed_change_in_a_table_row_opposes_the_other_way(checker, claim, sign):
    report = ("Attendance report\n\nIndicator\t2023-24\t2024-25\tChange\nChronic absences\t1,840\t1,620\t-12%\n"
              "Average daily attendance\t91.2%\t93.5%\t+2.3 pts\nSuspensions\t212\t150\t-29%\n")
    c = _one(checker, claim, report)
    assert c.label == "contradicted", c.reason
    assert f"says {sign!r} where the text says" in c.reason


def test_a_signed_change_the_same_way_opposes_nothing():
    row = "Chronic absences: 2023-24: 1,840, 2024-25: 1,620, Change: -12%"
    assert opposed("Chronic absences fell last year.", row) is None
    assert opposed("Temperatures rose.", "Lows of -5 degrees were recorded.") is None  # no change, a level
    assert opposed("Costs rose.", "Estimates ranged over 10-12% in the survey.") is None  # a range, no sign


def test_a_particle_joins_only_a_whole_word():
    # "court up|held" once read as the phrase "court up" and the word "held": the verb was lost.
    assert opposed("the court upheld a conviction", "the court reversed a conviction") is not None
    assert opposed("the market topped forecasts and rose", "the market fell") is not None


def test_opposed_verb_cut_offs():
    claim = "The committee approved the zoning plan on Tuesday."
    source = "The committee postponed the zoning plan on Tuesday."
    assert sentences.opposed_sentence(claim, [_hit(source, T.polarity_similarity)], T) is not None
    assert sentences.opposed_sentence(claim, [_hit(source, T.polarity_similarity - 1e-4)], T) is None
    # A question asserts nothing.
    assert sentences.opposed_sentence(claim, [_hit("Was the zoning plan postponed on Tuesday?", 0.9)], T) is None


# -- swapped modifier ---------------------------------------------------------------------------


@pytest.mark.parametrize(("claim", "source", "said"), [
    ("The driver suffered serious burns in the crash.", "The driver suffered minor burns in the crash.",
     ("minor burns", "serious burns")),
    ("He was sent off with a second yellow card.", "He was sent off with a straight red card.",
     ("red card", "yellow card")),
])
def test_a_swapped_modifier_contradicts_at_07(checker, claim, source, said):
    c = _one(checker, claim, source)
    assert (c.label, c.score) == ("contradicted", _stated("swapped_modifier", "contradicted", 0.7))
    assert f"says {said[0]!r} where the text says {said[1]!r}" in c.reason


@pytest.mark.parametrize(("claim", "source"), [
    ("Sales rose 5% this year.", "Sales rose 5% last year."),
    ("The law took effect last year.", "The law takes effect next year."),
    ("The festival moved to a new site this summer.", "The festival moves to a new site next summer."),
    ("Profits fell in the last quarter.", "Profits fell in this quarter."),
])
def test_last_this_and_next_of_a_time_are_other_times(checker, claim, source):
    c = _one(checker, claim, source)
    assert c.label == "contradicted" and "a source sentence says '" in c.reason


@pytest.mark.parametrize(("claim", "source"), [
    # Another sentence of the story with "this year" does not say what the claim says of next year.
    ("The agency plans to raise fares next year.",
     "The agency added 14 electric buses to its fleet this year. The adult fare stayed at $1.75."),
    ("This plan was approved by the board.", "The last plan was approved by the board."),
    ("Sales rose 5% over the past year.", "Sales rose 5% over the last year."),
])
def test_last_and_this_of_other_things_are_no_other_times(checker, claim, source):
    assert "where the text says" not in _one(checker, claim, source).reason


@pytest.mark.parametrize(("claim", "source"), [
    ("The hospital treated 212 patients for heat stroke last month.",
     "The hospital treated 212 patients for heat stroke last week, up from 87 the week before."),
    ("The hospital treated 212 patients for heat stroke yesterday.",
     "The hospital treated 212 patients for heat stroke last week."),
    ("The council approved the plan last year.", "The council approved the plan last month."),
    ("Ticket sales doubled over the past year.", "Ticket sales doubled over the past week."),
    ("The mayor will announce the budget tomorrow.", "The mayor will announce the budget next week."),
    ("Two fires broke out in the district tonight.", "Two fires broke out in the district last night."),
])
def test_a_relative_time_of_another_unit_is_another_time(checker, claim, source):
    c = _one(checker, claim, source)
    assert c.label == "contradicted" and "where the text says" in c.reason


@pytest.mark.parametrize(("claim", "source"), [
    # A part of a day is in that day; this week holds today.
    ("The minister resigned today.", "The minister resigned this morning."),
    ("The fire started yesterday.", "The fire started late last night."),
    ("The minister resigned this week.", "The minister resigned today, her office said."),
    # "The last week of June" and "the week before" are no times relative to the telling.
    ("The hospital treated 212 patients last week.",
     "The hospital treated 212 patients last week, up from 87 the week before."),
    ("The festival ends in the last week of June.", "The festival ends in the last week of June."),
])
def test_relative_times_that_may_meet_are_not_other_times(checker, claim, source):
    assert "where the text says" not in _one(checker, claim, source).reason


def test_relative_times_are_read_as_step_and_unit():
    from onrecord.judge.contrast import other_relative_time, relative_times
    assert relative_times("Sales rose last week and will rise next month.") == {
        (-1, "week"): "last week", (1, "month"): "next month"}
    assert relative_times("in the previous quarter, yesterday") == {(-1, "quarter"): "previous quarter",
                                                                    (-1, "day"): "yesterday"}
    assert relative_times("the last week of June, this plan, the week before") == {}
    # A close sentence that has the claim's time as well says nothing against it.
    assert other_relative_time("sold last month", "sold last week", ["It was sold last month."]) is None


def test_a_figure_of_the_claims_value_close_to_its_words_agrees_however_placed_another_is(checker):
    # The pronoun hides "bill" from the sentence that gives August; the sentence with "bill" gives February.
    source = ("The senator introduced the bill in February. It passed the Senate in May and the House in July. "
              "The governor signed it into law in August.")
    assert _one(checker, "The governor signed the bill in August.", source).label == "supported"
    assert _one(checker, "The governor signed the bill in October.", source).label == "contradicted"
    # Counts need their noun: "three" near other words is no partner.
    assert _one(checker, "The club signed three players in July.",
                "The club signed two players in July. Three coaches left in June.").label == "contradicted"


def test_swapped_modifier_is_telling_from_similarity_03_among_the_three_closest():
    claim = "The driver suffered serious burns in the crash."
    source = "The driver suffered minor burns in the crash."
    other = _hit("The race was stopped.", 0.9)
    assert sentences.swapped_modifier_near(claim, [other, other, _hit(source, 0.3)], T) is not None
    assert sentences.swapped_modifier_near(claim, [_hit(source, 0.2999)], T) is None
    assert sentences.swapped_modifier_near(claim, [other, other, other, _hit(source, 0.9)], T) is None


@pytest.mark.parametrize(("claim", "source"), [
    ("Louis Jordan was on a container ship 200 miles from North Carolina.",
     "The last time Frank Jordan spoke with his son, Louis Jordan was fishing on a sailboat off the South "
     "Carolina coast. Louis Jordan was later found on a container ship 200 miles from North Carolina."),
    ("Jones was shown a red card late in the game.",
     "Smith was shown a yellow card early in the game. Jones was shown a red card late in the game after a "
     "second foul."),
    ("The patient suffered minor burns to his hands.",
     "The driver suffered serious burns to his face and hands. The patient suffered minor burns to his hands "
     "and was released."),
])
def test_a_modifier_the_story_also_gives_the_claims_way_is_no_swap(checker, claim, source):
    # Another close sentence gives the same thing another modifier, but one gives the claim's own.
    assert _one(checker, claim, source).label == "supported"


def test_a_swapped_modifier_needs_no_close_sentence_giving_the_claims_own():
    claim = "Jones was shown a red card late in the game."
    yellow = _hit("Smith was shown a yellow card early in the game.", 0.9)
    red = _hit("Jones was shown a red card after a second foul.", 0.6)
    assert sentences.swapped_modifier_near(claim, [yellow], T) is not None
    assert sentences.swapped_modifier_near(claim, [yellow, red], T) is None
    # A sentence giving another thing the claim's modifier does not count ("red shirt").
    shirt = _hit("Jones wore a red shirt in the game.", 0.6)
    assert sentences.swapped_modifier_near(claim, [yellow, shirt], T) is not None


# -- swapped and absent names -------------------------------------------------------------------


@pytest.mark.parametrize(("claim", "source", "names"), [
    ("Reed's winner came in the 81st minute from a cross by Sam Kelly.",
     "Reed scored again in the 81st minute, finishing a low cross from substitute Ade Bakare.",
     ("Ade Bakare", "Sam Kelly")),
    ("Mayor Ellen Park opened the new library on Saturday.",
     "The mayor opened the new library on Saturday, with Ellen Voss cutting the ribbon.",
     ("Ellen Voss", "Ellen Park")),
])
def test_another_person_in_one_role_contradicts_at_08(checker, claim, source, names):
    c = _one(checker, claim, source)
    assert (c.label, c.score) == ("contradicted", _stated("other_person", "contradicted", 0.8))
    assert f"names {names[0]}, not {names[1]}" in c.reason


def test_swapped_name_needs_similarity_062():
    claim = "Reed's winner came in the 81st minute from a cross by Sam Kelly."
    source = "Reed scored again in the 81st minute, finishing a low cross from substitute Ade Bakare."
    assert sentences.swapped_name(claim, [_hit(source, 0.62)], T) is not None
    assert sentences.swapped_name(claim, [_hit(source, 0.6199)], T) is None


@pytest.mark.parametrize(("claim", "near", "swap"), [
    ("Justice Moretti wrote for a unanimous three-judge panel in the Doyle case.",
     "Justice Moretti dissented, writing that the instruction left the jury in no doubt.",
     "Justice Ibsen wrote for a unanimous three-judge panel."),
    ("Coach Dana Hill named Sam Ortiz captain for the new season.",
     "Sam Ortiz thanked the fans after the final game of the season.",
     "Coach Dana Hill named Lee Park captain for the new season."),
    ("The award for best debut went to Mara Quinn at Sunday's ceremony.",
     "Mara Quinn also read from her second novel at Sunday's ceremony.",
     "The award for best debut went to Tomas Reyes at Sunday's ceremony."),
])
def test_another_person_in_the_role_beyond_the_closest_sentence(claim, near, swap):
    """The claim's person is named closest in another role; the next sentence gives the role to another."""
    hits = [_hit(near, 0.7), _hit(swap, 0.65)]
    found = sentences.swapped_name(claim, hits, T)
    assert found is not None and found[0].text == swap
    # Where a close sentence tells the claim's fact with the claim's own names, that one speaks.
    assert sentences.swapped_name(claim, [_hit(claim, 0.95), *hits], T) is None
    # Only the closest ``name_swap_hits`` sentences, each at ``close_similarity``, are read.
    assert sentences.swapped_name(claim, [_hit(near, 0.7), _hit(swap, 0.6)], T) is None
    far = [_hit(near, 0.7)] * T.name_swap_hits + [_hit(swap, 0.65)]
    assert sentences.swapped_name(claim, far, T) is None
    # Past a closer sentence only where it names the claim's person: one about others stops the search.
    other = "The panel heard the appeal over two days in the spring session."
    assert sentences.swapped_name(claim, [_hit(other, 0.7), _hit(swap, 0.65)], T) is None


def test_a_name_no_source_has_keeps_an_otherwise_supported_claim_unsupported(checker):
    c = _one(checker, "The library was opened on Saturday by the mayor, Ellen Park.",
             "The mayor opened the new library on Saturday.")
    assert c.label == "unsupported"
    assert "no source names 'Ellen Park'" in c.reason


def test_names_absent_counts_first_and_last_word_anywhere():
    docs = [from_text("Ellen met the board. Later, Park spoke.", id="s")]
    assert sentences.names_absent("Ellen Park spoke to the board.", docs) == []
    assert sentences.names_absent("Ellen Voss spoke to the board.", docs) == ["Ellen Voss"]


@pytest.mark.parametrize(("claim", "source", "stranger"), [
    # A company's name changed in a copied sentence.
    ("The agent from GreatInsuranceXYZ called Mr. Johnson to offer him new plans.",
     "Agent: I'm calling from BestInsuranceXYZ. We offer new plans. Mr. Johnson: Go on.", "GreatInsuranceXYZ"),
    # A nationality no source gives.
    ("An Australian pleaded guilty to the death of a British man who fell from a cliff.",
     "An Australian pleaded guilty to the death of an American who fell from a cliff.", "British"),
    # A platform the release did not name.
    ("The band released the single via Spotify and iTunes on May 3.",
     "The band released the single via Amazon and iTunes on May 3.", "Spotify"),
    # An acronym no source spells out.
    ("The firm offers an AI system for hospitals.", "The firm offers a neural network for hospitals.", "AI"),
    # An acronym written with full stops is a name too: another country's court, another union.
    ("The ruling is expected to be appealed to the U.S. Supreme Court.",
     "The Supreme Court of the State of Alder upheld the policy; the ruling may be appealed.", "U.S."),
    ("The deal was welcomed by U.K. ministers on Monday.", "The deal was welcomed by ministers on Monday.", "U.K."),
])
def test_a_one_word_name_no_source_has_keeps_a_close_claim_unsupported(checker, claim, source, stranger):
    c = _one(checker, claim, source)
    assert c.label != "supported"
    # Where no rule finds the name in another's place (a near-copy does: contradicted), the reason names it.
    assert c.label == "contradicted" or f"no source names '{stranger}'" in c.reason
    assert sentences.one_word_names_absent(claim, [from_text(source, id="s")]) == [stranger]


@pytest.mark.parametrize(("claim", "source"), [
    ("The platform stores EHR data for clinics.", "The platform stores Electronic Health Record data for clinics."),
    ("The email came from the CEO of Acme.", "The email came from the chief executive of Acme."),
    ("The law will cost $1.2 billion, with Washington covering half of it.",
     "It will cost $1.2 billion, and the federal government will pay half."),
    ("Blood tests are taken on Tuesdays at the clinic.", "The clinic takes blood tests every Tuesday."),
    ("The Presidents' Trophy went to the academy in 2016.", "In 2016 the academy won the Presidents' Trophy."),
    ("It tells the story of African-Americans in the city.", "It tells the story of African Americans in the city."),
    ("Council Approves New Budget For Schools", "The council approved a new budget for the schools."),
    ("We met the Smiths at the fair.", "We met the Smith family at the fair."),
    ("The U.S. Supreme Court heard the case.", "The US Supreme Court heard the case."),
    ("The U.S. Supreme Court heard the case.", "The U.S. Supreme Court heard the case on Monday."),
    ("U.S. officials welcomed the deal.", "American officials welcomed the deal."),
    ("The U.N. envoy arrived in Geneva.", "The United Nations envoy arrived in Geneva."),
])
def test_one_word_names_a_source_gives_in_another_form(claim, source):
    docs = [from_text(source, id="s")]
    assert sentences.one_word_names_absent(claim, docs) == []


def test_one_word_names_skip_sentence_openings_titles_and_function_words():
    docs = [from_text("Smith spoke.", id="s")]
    # "Mr" is a title, "We" and "I'm" no name, "Monday" a date the figure rules read; "Then" opens a sentence.
    assert sentences.one_word_names_absent("Then Mr. Smith said: We meet on Monday. I'm sure.", docs) == []
    assert sentences.one_word_names_absent("Smith spoke. Then Jones spoke.", docs) == []
    assert sentences.one_word_names_absent("Smith spoke with Jones.", docs) == ["Jones"]
    # A word of an absent multi-word name is named once, in the name.
    assert sentences.names_absent("Smith spoke with Ellen Voss.", docs) == ["Ellen Voss"]
    # Dotted times of day and eras name nothing; a dotted acronym does.
    assert sentences.one_word_names_absent("Smith spoke at 9 A.M., in 300 B.C. style.", docs) == []
    assert sentences.one_word_names_absent("Smith spoke to U.N. staff.", docs) == ["U.N."]


# -- support ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("claim", "source", "new"), [
    ("The council unanimously approved the new budget for rural schools.",
     "The council approved the new budget for schools after a long debate.", ("unanimously", "rural")),
    ("The board quietly approved the new contract for striking teachers.",
     "The board approved the new contract for teachers after a long meeting.", ("quietly", "striking")),
    ("The club narrowly approved the new stadium plan for young fans.",
     "The club approved the new stadium plan after a long debate.", ("narrowly", "young", "fans")),
    ("The mayor reluctantly opened the new library for elderly residents.",
     "The mayor opened the new library after a short speech.", ("reluctantly", "elderly", "residents")),
])
def test_a_doubted_claim_with_words_of_its_own_needs_the_model_not_a_similar_sentence(checker, claim, source, new):
    # A copy of the sentence with facts added: the combiner doubts it, the model finds the sentence all
    # but silent on it, and a similar sentence (or the agreeing weekday) no longer carries it.
    c = _one(checker, claim, source)
    assert c.label == "unsupported"
    assert "no source has the words " + ", ".join(repr(w) for w in new) in c.reason
    lenient = Checker(thresholds=replace(T, doubted_absent_words=10**6), embedder=checker.embedder)
    assert _one(lenient, claim, source).label == "supported"
    # The same sentence without the added words is still supported.
    assert _one(checker, source, source + " Officials welcomed it.").label == "supported"


def test_agreeing_figures_still_carry_a_doubted_claim_with_words_of_its_own(checker):
    # The figures' ground is kept: the added words doubt the claim's other words, not its figures.
    c = _one(checker, "The council unanimously approved the new budget for rural schools on Tuesday.",
             "The council approved the new budget for schools on Tuesday after a long debate.")
    assert c.label == "supported" and c.reason.startswith("figures agree with the source")


@pytest.mark.parametrize(("claim", "source", "marker"), [
    ("The team reached the third round of the cup after a penalty shootout in heavy rain.",
     "The team were knocked out in the third round of the cup last season, the manager recalled.", "third"),
    ("The bridge reopened in 2019 after engineers replaced its rusted cables.",
     "The bridge was painted in 2019 by volunteers from the town.", "2019"),
    ("The museum bought the painting in 1998 at a crowded auction in the capital.",
     "The museum first displayed the painting in 1998, in its east wing.", "1998"),
    ("The river flooded the valley in 1953, forcing farmers to leave their land.",
     "The river was dammed in 1953 to supply the valley with power.", "1953"),
    ("The firm entered its second decade with record profits and a new chief.",
     "The firm moved offices in its second decade, staff recalled.", "second"),
    ("The senator resigned in 2004 amid a bribery scandal involving a contractor.",
     "The senator was re-elected in 2004 with a larger majority.", "2004"),
])
def test_a_year_or_an_ordinal_alone_does_not_carry_a_claim_with_words_of_its_own(checker, claim, source, marker):
    # The year or the place in an order agrees, but it only places what the claim says; the claim's own
    # words ("reopened", "engineers", "won") are what it says, and no source has them.
    c = _one(checker, claim, source)
    assert c.label == "unsupported" and "no source has the words" in c.reason
    lenient = Checker(thresholds=replace(T, doubted_absent_words=10**6), embedder=checker.embedder)
    found = _one(lenient, claim, source)
    assert found.label == "supported" and f"'{marker}' ~ '{marker}'" in found.reason


_SALES_CALL = ("Sales Agent: Good morning, this is Jane from BestInsurance, which offers exclusive insurance plans to "
               "every new customer. Customer: I am interested in your various insurance plans, their coverage and "
               "their cost. Sales Agent: The cost will depend on the plan and coverage you choose.")
_OFFER = ("For a limited period of only two weeks, we are providing our EHR platform to clinics like yours for just "
          "$480/month! Dedicated Customer Support: we pride ourselves on providing personal support.")


@pytest.mark.parametrize(("claim", "source"), [
    # Every word is the source's; the denial is the claim's own, and no close sentence denies anything.
    ("BestInsurance offers exclusive insurance plans to a new customer who is not interested in their coverage "
     "and cost.", _SALES_CALL),
    # Agreeing figures do not carry it either.
    ("There is no dedicated customer support for clinics, for just $480/month for two weeks.", _OFFER),
])
def test_a_doubted_claims_own_denial_needs_the_model_not_a_similar_sentence(checker, claim, source):
    c = _one(checker, claim, source)
    assert c.label == "unsupported" and "no close source sentence denies anything, where the text does" in c.reason
    # A denial a close sentence makes is the source's: still supported.
    assert _one(checker, "The museum did not close on Monday.",
                "The museum was not closed on Monday, staff said.").label == "supported"


@pytest.mark.parametrize(("claim", "source"), [
    ("The district is cutting 22 office jobs while hiring 14 teachers.",
     "The budget eliminates 22 central office positions and adds 14 teaching posts."),
    ("The bridge was painted in 2019.", "The bridge was painted in 2019 by volunteers from the town."),
])
def test_counts_or_a_marker_without_new_words_still_carry_a_claim(checker, claim, source):
    assert _one(checker, claim, source).label == "supported"


@pytest.mark.parametrize(("claim", "source"), [
    ("The mayor opened the new library on Saturday.", "The mayor opened the new library on Saturday morning."),
    ("The new library opened on Saturday, the mayor said.", "On Saturday the mayor opened the new library."),
])
def test_a_sentence_saying_the_same_supports_at_its_measured_confidence(checker, claim, source):
    c = _one(checker, claim, source)
    assert c.label == "supported"
    # The score is how often this ground is right on held-out pairs, its stated confidence the prior.
    assert c.score == pytest.approx(measured("supported_sentence", "supported", max(c.probabilities["supported"], 0.6)),
                                    abs=1e-3)
    assert "a source sentence says the same" in c.reason


def test_nothing_on_topic_is_unsupported_with_what_was_examined(checker):
    c = _one(checker, "The stadium seats 60,000 people.", "The council approved the budget on Monday.")
    assert c.label == "unsupported"
    assert "nothing in the sources speaks to it: examined 1 passage(s) in 1 source(s)" in c.reason


# -- figures ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("claim", "source", "note"), [
    ("The levy will rise 3.5 percent next year.",
     "The school levy will rise 2.9 percent next year, below the state cap of 3.5 percent.",
     "'3.5 percent' vs '2.9 percent' in s"),
    ("The city hired 40 new teachers this autumn.", "The city hired 25 new teachers this autumn.", "'40' vs '25' in s"),
])
def test_other_figures_on_topic_contradict_at_085(checker, claim, source, note):
    c = _one(checker, claim, source)
    assert (c.label, c.score) == ("contradicted", _stated("other_figures", "contradicted", 0.85))
    assert c.reason == f"the sources give other figures: {note}"
    assert c.evidence and all(e.score == 0.85 for e in c.evidence)


def test_a_closer_sentence_that_gives_the_figure_keeps_a_farther_one_from_contradicting_it():
    from onrecord.judge.values import contradicting, read_values

    claim = "In 2025-26, 212 districts ran a four-day week, more than double the 96 districts in 2015-16."
    giving = "In 2025-26, 212 districts operated a four-day week, up from 96 in 2015-16."  # 96: an earlier value
    other = "The study compared 61 districts that adopted a four-day week."
    assert contradicting(read_values(claim, [_hit(other, 0.6)]), T.values_similarity) is not None
    assert contradicting(read_values(claim, [_hit(giving, 0.7), _hit(other, 0.6)]), T.values_similarity) is None
    # Farther than the one that gives another figure, it settles nothing.
    assert contradicting(read_values(claim, [_hit(other, 0.7), _hit(giving, 0.6)]), T.values_similarity) is not None


@pytest.mark.parametrize("claim", ["St. Brendan's median wait fell 9% on a year earlier.",
                                   "The median wait at St. Brendan's was down 9% from last year."])
def test_a_change_read_the_other_way_says_which_way(checker, claim):
    table = ("Waiting times, April to June\n\n| Hospital | Median wait (minutes) | Change vs. last year |\n"
             "| --- | --- | --- |\n| St. Brendan's | 142 | +9% |\n| Northgate General | 96 | -14% |\n")
    c = _one(checker, claim, table)
    assert c.label == "contradicted", c.reason
    assert "'9%' (a fall) vs '9%' (a rise)" in c.reason


# -- quotations ---------------------------------------------------------------------------------


def test_misattributed_quote_contradicts_at_09(checker):
    c = _one(checker, 'Smith said: "We will rebuild the harbour by 2030."',
             "JONES: We will rebuild the harbour by 2030.\nSMITH: I agree with the plan.")
    assert (c.label, c.score) == ("contradicted", _stated("quotation", "contradicted", 0.9))
    assert c.reason == "the source gives these words to JONES, not Smith"


def test_quote_carrying_the_claim_verbatim_supports_at_095(checker):
    c = _one(checker, 'Smith said "we will rebuild the harbour by 2030."', "SMITH: We will rebuild the harbour by 2030.")
    assert (c.label, c.score) == ("supported", _stated("verbatim_quote", "supported", 0.95))
    assert c.reason == "the quoted words are in the source verbatim"


@pytest.mark.parametrize(("claim", "source"), [
    ('The chief said the force was "ready for the summit".', 'The chief said: "We are not ready for the summit."'),
    ('The coach said the team was "good enough to win the league".',
     'The coach said: "We are not good enough to win the league."'),
])
def test_quoted_words_that_follow_a_negation_contradict_at_085(checker, claim, source):
    c = _one(checker, claim, source)
    assert (c.label, c.score) == ("contradicted", _stated("quotation", "contradicted", 0.85))
    assert "the quoted words follow a negation" in c.reason


@pytest.mark.parametrize(("claim", "source", "cond"), [
    ('The minister said the plant "will close next year".',
     'The minister said: "The plant will close next year unless a buyer is found."', "unless a buyer is found"),
    ('The mayor said the pool "will reopen in May".',
     'The mayor said: "The pool will reopen in May, provided the repairs are finished."',
     "provided the repairs are finished"),
])
def test_a_dropped_condition_is_unsupported_at_08(checker, claim, source, cond):
    c = _one(checker, claim, source)
    assert (c.label, c.score) == ("unsupported", _stated("quotation", "unsupported", 0.8))
    assert c.reason == f"the source goes on with a condition the text leaves out: {cond!r}"


# -- claims about a document ----------------------------------------------------------------------

LETTER = ("Dear Minister, we write about the harbour, the ferry timetable, the fishing quotas and the lighthouse "
          "repairs. We ask for funds. Sincerely, the Harbour Board.")


@pytest.mark.parametrize(("claim", "label", "score"), [
    # 4 of 4 named things present: supported at 0.6 + 0.4 x share.
    ("The letter mentioned the harbour, the ferry, the quotas and the lighthouse.", "supported", 1.0),
    # 3 of 4 = 0.75: the cut-off for "mentions" is inclusive.
    ("The letter mentioned the harbour, the ferry, the quotas and the airport.", "supported", 0.9),
    # 2 of 3: between the cut-offs, unsupported at 0.6.
    ("The letter mentioned the harbour, the ferry and the airport.", "unsupported", 0.6),
    # 2 of 4 = 0.5: contradicted (inclusive) at 0.6 + 0.4 x missing share.
    ("The letter mentioned the harbour, the ferry, the bakery and the airport.", "contradicted", 0.8),
])
def test_mentions_cut_offs(checker, claim, label, score):
    c = _one(checker, claim, LETTER)
    assert c.kind == "document"
    assert (c.label, c.score) == (label, _stated("mentioned", label, score))


@pytest.mark.parametrize(("claim", "label"), [
    ("The letter makes no mention of the airport.", "supported"),
    ("The letter does not mention the bakery.", "supported"),
    ("The letter makes no mention of the lighthouse.", "contradicted"),
    ("The letter does not mention the fishing quotas.", "contradicted"),
])
def test_omits_is_decided_on_the_whole_document_at_09(checker, claim, label):
    c = _one(checker, claim, LETTER)
    assert c.kind == "document"
    assert (c.label, c.score) == (label, _stated("omitted", label, 0.9))


def test_begins_and_ends_with_a_quotation(checker):
    c = _one(checker, 'The letter begins "Dear Minister, we write about the harbour".', LETTER)
    assert (c.label, c.score) == ("supported", _stated("quote_at_edge", "supported", 0.95))
    c = _one(checker, 'The letter ends "Dear Minister, we write about the harbour".', LETTER)
    assert (c.label, c.score) == ("contradicted", _stated("quote_at_edge", "contradicted", 0.8))
    assert c.reason == "the quoted words are in s but not at its end"


@pytest.mark.parametrize(("claim", "label", "reason"), [
    ("The letter focused on the harbour and the lighthouse repairs.", "supported", "a source sentence says the same"),
    ("The letter centred on the fishing quotas.", "supported", "the model reads the document as saying so"),
    ("The letter focused on the price of cheese in Paris.", "unsupported", "no 'price', 'cheese', 'pari'"),
    ("The letter focuses on the budget of the army.", "unsupported", "no 'budget', 'army'"),
])
def test_focused_on_reads_the_model_then_the_documents_words(checker, claim, label, reason):
    c = _one(checker, claim, LETTER)
    assert c.kind == "document"
    assert c.label == label and c.score >= 0.6
    assert reason in c.reason


def test_the_checker_decides_by_the_thresholds_it_is_given(checker):
    from dataclasses import replace

    from onrecord.pipeline import Checker

    claim = "The letter mentioned the harbour, the ferry, the quotas and the airport."  # 3 of 4 key words
    strict = Checker(model=checker.model, thresholds=replace(T, mentions_supported=0.8, mention_undecided=0.55))
    c = strict.check(claim, [from_text(LETTER, id="s")]).claims[0]
    assert (c.label, c.score) == ("unsupported", _stated("mentioned", "unsupported", 0.55))
    assert _one(checker, claim, LETTER).label == "supported"


def test_each_kind_of_claim_has_a_rule_list_whose_last_rule_always_decides():
    from onrecord.judge import factual, rules

    assert [n for n, _ in rules.FACTUAL_RULES][:5] == ["quotation", "other_figures", "other_values", "verbatim_quote", "no_passage"]
    assert rules.FACTUAL_RULES[-1][1] is factual.unsupported_by_passages
    assert [n for n, _ in rules.DOCUMENT_RULES][-1] == "focus_in_words"


# -- support the combiner doubts ------------------------------------------------------------------

_SOURCE = ("The mayor opened the new library on Saturday. The council approved a budget of 2 million for parks "
           "in March.")


def _support_case(claim: str, similarity: float, coverage: float, p_combiner: float, hits: list[str],
                  p_model: float = 0.3, source: str = _SOURCE, figures: tuple = ()):
    """A claim as retrieval leaves it: its closest sentence's similarity, the assembled passage's coverage,
    the combiner's P(supported) and the model's; the hits are the closest sentences (most similar first)."""
    import numpy as np

    from onrecord.extract.claims import ClaimUnit
    from onrecord.judge.finding import ClaimCase
    from onrecord.retrieve.evidence import Candidate, ModelJudgement

    doc = from_text(source, id="s")
    spans = [Span(source.index(h), source.index(h) + len(h)) for h in hits]
    best = Candidate("s", Span(0, len(source)), source, tuple(spans))
    top = [SentenceHit("s", sp, h, similarity - 0.05 * i) for i, (sp, h) in enumerate(zip(spans, hits, strict=True))]
    mj = ModelJudgement(np.array([p_model, 0.1, 0.9 - p_model]), best, coverage, 1, similarity=similarity,
                        top_sentences=top)
    unit = ClaimUnit(0, len(claim), claim, Span(0, len(claim)), None, None)
    return ClaimCase(unit, [doc], [], mj, probabilities=np.array([p_combiner, 0.1, 0.9 - p_combiner]), figures=figures)


def _doubting():
    from dataclasses import replace

    return replace(T, model_support=0.458, support_doubt=0.38)


_LIBRARY = "The mayor opened the new library on Saturday."
_BUDGET = "The council approved a budget of 2 million for parks in March."


@pytest.mark.parametrize("claim", [
    "The mayor opened the new library on Saturday.",
    "On Saturday the mayor opened the new library.",
    "The council approved a budget of 2 million for parks.",
    # Facts of two sentences stitched into one claim.
    "The mayor opened the new library and approved a budget of 2 million.",
    "In March the mayor opened the new library with a budget of 2 million.",
])
@pytest.mark.parametrize(("similarity", "p_model", "supported"), [
    (0.6, 0.1, False),   # merely similar, and the model finds the passage silent: the doubt stands
    (0.6, 0.3, True),    # the model gives the claim some support: the doubt is answered
    (0.7, 0.1, True),    # the closest sentence is close to the same statement
])
def test_a_doubted_claim_needs_a_close_sentence_or_the_models_support(claim, similarity, p_model, supported):
    from onrecord.judge import factual

    t = _doubting()
    hits = [_LIBRARY, _BUDGET]
    doubted = _support_case(claim, similarity, 1.0, t.support_doubt - 0.1, hits, p_model=p_model)
    assert (factual.supported(doubted, t) is not None) is supported
    # Where the combiner does not doubt the claim, the sentence saying the same is enough.
    trusted = _support_case(claim, similarity, 1.0, t.support_doubt, hits, p_model=p_model)
    assert factual.supported(trusted, t) is not None


def test_doubted_support_cut_offs():
    from dataclasses import replace

    from onrecord.judge import factual

    t = _doubting()
    stitched = "The mayor opened the new library and approved a budget of 2 million."
    low, quiet = t.support_doubt - 1e-4, t.doubted_model_support - 1e-4
    hits = [_LIBRARY, _BUDGET]
    case = _support_case(stitched, t.doubted_close_similarity, 1.0, low, hits, p_model=quiet)
    assert factual.supported(case, t) is not None  # doubted_close_similarity is inclusive
    case = _support_case(stitched, t.doubted_close_similarity - 1e-4, 1.0, low, hits, p_model=quiet)
    assert factual.supported(case, t) is None
    heard = _support_case(stitched, t.doubted_close_similarity - 1e-4, 1.0, low, hits, p_model=t.doubted_model_support)
    assert factual.supported(heard, t) is not None  # doubted_model_support is inclusive
    # No combiner operating point (a model without a combiner): nothing is doubted.
    assert factual.supported(case, replace(t, support_doubt=0.0)) is not None


def test_agreeing_figures_support_a_doubted_claim_but_a_number_in_a_name_is_no_figure():
    from onrecord.judge import factual
    from onrecord.judge.figures import check_quantities

    t = _doubting()
    row = "Model: Aero 14, Battery life (hours): 11, Weight (kg): 1.3"
    for claim, supported in [("The Aero 14 runs for 11 hours.", True), ("The Aero 14 has a touchscreen.", False),
                             ("The Aero 14 comes in red.", False)]:
        case = _support_case(claim, 0.55, 0.6, t.support_doubt - 0.1, [row], p_model=0.1, source=row,
                             figures=tuple(check_quantities(claim, {"s": row})))
        assert (factual.supported(case, t) is not None) is supported, claim


def test_a_conditions_threshold_that_agrees_is_no_ground_for_a_doubted_claim():
    from onrecord.judge import factual
    from onrecord.judge.figures import check_quantities

    t = _doubting()
    src = "When the heat index is forecast to exceed 105°F, schools should move recess indoors."
    for claim in ["Schools must close when the heat index exceeds 105°F.",
                  "When the heat index is forecast to exceed 105°F, classes end at noon.",
                  "If the heat index passes 105°F, sports practice is cancelled."]:
        figures = tuple(check_quantities(claim, {"s": src}))
        assert [q.status for q in figures] == ["match"], claim  # the threshold itself agrees
        case = _support_case(claim, 0.55, 0.6, t.support_doubt - 0.1, [src], p_model=0.1, source=src,
                             figures=figures)
        assert factual.supported(case, t) is None, claim


@pytest.mark.parametrize("p_combiner", [0.05, 0.2, 0.37])
def test_the_models_reading_alone_yields_to_the_combiners_doubt(p_combiner):
    from onrecord.judge import factual

    t = _doubting()
    # Similar enough to be on topic, not enough for a sentence to say the same; the model reads support.
    claim = "The mayor opened the new library and approved a budget of 2 million."
    case = _support_case(claim, 0.45, 0.6, p_combiner, [_LIBRARY, _BUDGET], p_model=0.9)
    assert factual.supported(case, t) is None
    trusted = _support_case(claim, 0.45, 0.6, t.support_doubt, [_LIBRARY, _BUDGET], p_model=0.9)
    found = factual.supported(trusted, t)
    assert found is not None and found.rule == "supported_model"


_HEAT = ("When the heat index is forecast to exceed 105°F, schools should move outdoor recess and physical education "
         "indoors or to shaded areas. Staff should make drinking water available in every classroom.")
_PORT = ("The port authority said on Tuesday that container traffic fell 12 percent last year. Its chief executive, "
         "Ana Ruiz, blamed weaker exports to China. The authority plans to dredge the main channel in 2026.")


@pytest.mark.parametrize(("claim", "source"), [
    ("It tells schools to bring recess and gym classes indoors or into the shade.", _HEAT),
    ("Schools should move recess indoors when the heat index is forecast to exceed 105°F.", _HEAT),
    ("Container traffic at the port fell 12 percent last year, the authority said.", _PORT),
    ("The authority plans to dredge the main channel in 2026.", _PORT),
])
def test_a_paraphrase_of_one_sentence_stays_supported(checker, claim, source):
    c = _one(checker, claim, source)
    assert c.label == "supported", (c.reason, c.probabilities)


@pytest.mark.parametrize(("claim", "source", "opposite"), [
    ("The mayor backed the harbour plan.", "The mayor voted against the harbour plan.", True),
    ("The union supports the pay deal.", "The union opposes the pay deal.", True),
    ("Two councillors spoke against the budget.", "Two councillors backed the budget.", True),
    # "back" and "against" alone take no side.
    ("Williams fought back to beat Errani in three sets.", "Williams won against Errani in three sets.", False),
    ("The striker came back from injury against Leeds.", "The striker returned from injury against Leeds.", False),
    ("They set the ladder back against the wall.", "They leaned the ladder against the wall.", False),
])
def test_support_and_opposition_need_words_that_take_a_side(claim: str, source: str, opposite: bool) -> None:
    assert (opposed(claim, source) is not None) is opposite


@pytest.mark.parametrize(("claim", "label"), [
    ("The repairs will cost $4 million.", "unsupported"),       # inside the range: not given, not another figure
    ("The repairs will cost $8 million.", "contradicted"),
    ("The repairs will cost between $3 million and $5 million.", "supported"),
])
@pytest.mark.parametrize("source", ["The city said the repairs will cost $3-5 million.",
                                    "The city said the repairs will cost $3 million to $5 million."])
def test_a_figure_against_a_range_through_the_check(checker, claim, source, label):
    assert _one(checker, claim, source).label == label


@pytest.mark.parametrize(("claim", "label"), [
    # A month written short before its day, and a currency code before an amount, are no names a source
    # must give: the figure rules read them.
    ("The bridge opens on Mar. 14, 2027.", "supported"),
    ("The bridge opens on Sept. 14, 2027.", "contradicted"),
    ("The city will spend USD 3 million on the bridge.", "supported"),
    ("The city will spend US$3 million on the bridge.", "supported"),
    ("The city will spend USD 4 million on the bridge.", "contradicted"),
    # A capitalised word that is no month before a day is still a name.
    ("The bridge named for Jan Okafor opens on March 14, 2027.", "unsupported"),
])
def test_short_months_and_currency_codes_are_read_as_figures(checker, claim, label):
    source = "The city will spend $3 million on the bridge. The bridge opens on March 14, 2027."
    report = checker.check(claim, [from_text(source, id="s")])
    assert [c.label for c in report.claims] == [label]


@pytest.mark.parametrize(("claim", "source"), [
    ("Passengers on cancelled flights can rebook for a fee.",
     "Passengers on cancelled flights can rebook for free until Friday."),
    ("Residents can park there for free on Sundays.", "Residents can park there for a fee on Sundays."),
])
def test_free_in_the_place_of_a_fee_is_the_opposite(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


def test_up_from_is_a_rise(checker):
    source = "The hospital treated 212 patients for heat stroke last week, up from 87 the week before."
    assert _one(checker, "The number of heat stroke patients fell last week.", source).label == "contradicted"
    assert _one(checker, "Heat stroke patients tripled in a week.", source).label == "contradicted"
    assert _one(checker, "The hospital's heat stroke cases more than doubled in a week.", source).label == "supported"


@pytest.mark.parametrize(("claim", "source"), [
    ("The API allows up to 100 requests per second per key.",
     "The API accepts up to 100 requests per minute per key. Requests above the limit receive an HTTP 429 error."),
    ("Backups run every hour.", "Backups run every night at 2 a.m. UTC and are kept for 14 days."),
    ("The shuttle runs twice a day.", "The shuttle runs twice a week from the station."),
    ("The newsletter is published weekly.", "The newsletter is published monthly by the club."),
])
def test_a_rate_per_another_unit_is_another_rate(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


@pytest.mark.parametrize(("claim", "source"), [
    ("The Pro plan costs $49 a month.", "The Pro plan costs $49 per month, or $470 a year."),
    ("Backups run daily.", "Backups run every night at 2 a.m. UTC."),  # a night is a day's
    ("The bridge took a year to build.", "The bridge took a year to build, at a cost of $2 million a month."),
])
def test_the_same_rate_in_other_words_is_no_other_rate(checker, claim, source):
    assert "where the text says" not in _one(checker, claim, source).reason


def test_a_denial_in_another_form_of_the_word_is_read():
    from onrecord.judge.sentences import conflict
    assert conflict("Monthly plans can be refunded within 30 days.", "Monthly plans are not refundable.") is not None


@pytest.mark.parametrize(("claim", "source"), [
    ("Side effects were severe.",
     "In a trial of 1,200 adults, the drug lowered cholesterol. Side effects were mild and included headache."),
    ("The driver's injuries are minor.", "The driver's injuries are serious, police said."),
    ("Part-time employees may work remotely up to three days a week.",
     "Full-time employees may work remotely up to three days a week with approval."),
])
def test_a_modifier_of_its_class_said_after_a_copula_or_of_work_time(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


def test_doubling_is_a_rise_and_slowing_a_fall():
    assert opposed("Sales slowed in May.", "Sales doubled in May.") is not None
    assert opposed("Sales accelerated last year.", "Sales slowed last year.") is not None


_CITIES = "Toronto has a population of about 2.8 million, larger than Montreal's 1.8 million."


@pytest.mark.parametrize(("claim", "source", "label"), [
    ("Montreal is smaller than Toronto.", _CITIES, "supported"),
    ("Montreal is larger than Toronto.", _CITIES, "contradicted"),
    ("Toronto is smaller than Montreal.", _CITIES, "contradicted"),
    ("Sales in Germany were lower than in France last year.", "Sales in France were higher than in Germany last year.",
     "supported"),
    ("Sales in Germany were higher than in France last year.", "Sales in France were higher than in Germany last year.",
     "contradicted"),
    ("Chelsea scored fewer goals than Arsenal this season.", "Arsenal scored more goals than Chelsea this season.",
     "supported"),
    ("The Amazon is longer than the Nile.", "The Nile is longer than the Amazon, most sources say.", "contradicted"),
])
def test_a_comparison_of_two_named_things_is_read_whole(checker, claim, source, label):
    assert _one(checker, claim, source).label == label


def test_a_comparison_is_of_two_names_on_one_scale():
    from onrecord.judge.contrast import compared, comparison
    assert comparison("It costs more than $5.") is None
    assert comparison("Apple sold more phones than expected.") is None
    assert compared("Paris is larger than Lyon.", "Paris is older than Lyon.") is None  # two scales
    assert compared("Paris is larger than Lyon.", "Rome is larger than Milan.") is None  # two other things


@pytest.mark.parametrize(("claim", "source"), [
    ("The council approved the plan.", "The council has yet to approve the plan."),
    ("Regulators approved the drug.", "The drug is yet to be approved by regulators."),
    ("The bridge reopened.", "The bridge remains closed after the flood."),
    ("The match was played.", "The match was called off."),
    ("The concert went ahead despite the storm.", "The concert was cancelled because of the storm."),
    ("The researchers recommended the drug.",
     "The researchers said larger trials are needed before the drug can be recommended."),
])
def test_not_yet_and_an_event_that_did_not_happen(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


@pytest.mark.parametrize(("claim", "source"), [
    ("The bridge reopened.", "The bridge reopened on Monday after being closed for repairs."),
    ("The festival went ahead.", "The festival, nearly cancelled last year, went ahead on Saturday."),
    ("The council approved the plan.", "The council approved the plan; the mayor has yet to sign it."),
])
def test_a_sentence_that_says_both_or_denies_another_act_is_no_opposite(checker, claim, source):
    assert _one(checker, claim, source).label == "supported"


def test_a_near_copy_reads_a_pronoun_as_the_claim_s_words_in_its_place(checker):
    source = "The new law bans smoking in bars and parks. It takes effect in Denver on July 1."
    c = _one(checker, "The law takes effect in Boulder on July 1.", source)
    assert c.label == "contradicted" and "Denver" in c.reason
    assert _one(checker, "The law takes effect in Denver on July 1.", source).label == "supported"


@pytest.mark.parametrize(("claim", "source"), [
    ("Growth accelerated last year.", "Growth slowed last year."),
    ("The rise in prices slowed.", "The rise in prices accelerated."),
    ("The rate of sea level rise has slowed.", "The rate of sea level rise has doubled."),
])
def test_a_pole_named_as_a_thing_is_the_subject_not_what_is_said_of_it(claim, source):
    assert opposed(claim, source) is not None


def test_a_pole_named_as_a_thing_still_opposes_where_nothing_else_is_said():
    assert opposed("a 5% rise in sales", "a 5% fall in sales") is not None
    assert opposed("The bridge reopened.", "The bridge reopened on Monday after being closed for repairs.") is None


def test_a_comparative_after_of_is_no_thing_named():
    # "because of higher freight costs": "higher" is said of the costs; the margin's fall does not oppose it.
    assert opposed("Gross margin slipped to 31.5% because of higher freight costs.",
                   "Gross margin was 31.5%, down from 33.0%, because of higher freight costs.") is None


# -- the clause that carries the claim; a short denial; new contrast groups ----------------------------------


@pytest.mark.parametrize(("claim", "source"), [
    ("Net income rose to $310 million.", "Net income fell to $310 million, as higher shipping costs weighed on margins."),
    ("Exports fell in March.", "Exports rose in March, while imports fell."),
    ("Ticket sales increased last season.", "Ticket sales dropped last season; concession revenue increased."),
])
def test_the_clause_that_carries_the_claim_is_read_where_the_sentence_says_both(claim, source):
    assert opposed(claim, source) is not None


@pytest.mark.parametrize(("claim", "source"), [
    ("Imports fell in March.", "Exports rose in March, while imports fell."),
    ("Concession revenue increased.", "Ticket sales dropped last season; concession revenue increased."),
    ("Sales were flat in March and up in April.", "Sales were flat in March, but rose in April."),
])
def test_the_clause_that_carries_the_claim_agrees(claim, source):
    assert opposed(claim, source) is None


def test_the_closest_sentence_that_carries_the_claim_is_read_for_an_opposite(checker):
    source = ("Northwind reported third-quarter revenue of $2.4 billion, up 8% from a year earlier. "
              "Net income fell to $310 million from $355 million, as higher shipping costs weighed on margins.")
    c = _one(checker, "Northwind's net income rose to $310 million.", source)
    assert c.label == "contradicted" and "'fell'" in c.reason
    assert _one(checker, "Northwind's net income fell to $310 million.", source).label == "supported"


@pytest.mark.parametrize(("claim", "source"), [
    ("She married a fellow chemist.", "She studied chemistry in London. She never married."),
    ("He paid the fine in March.", "He moved to Leeds in 2019. He never paid the fine."),
    ("The company paid a special dividend in 2019.", "The firm was founded in 1990. The company has never paid a dividend."),
])
def test_a_denial_whose_every_word_the_claim_has_contradicts_it(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


@pytest.mark.parametrize(("claim", "source"), [
    ("He won the election in 2019.", "He moved to Leeds in 2010. He never lost an election."),
    ("Police identified the suspect as John Smith.", "Police have not identified the victim."),
])
def test_a_denial_of_words_the_claim_lacks_is_no_contradiction(checker, claim, source):
    assert _one(checker, claim, source).label != "contradicted"


@pytest.mark.parametrize(("claim", "source"), [
    ("Common side effects of the drug include nausea.", "Nausea is a rare side effect of the drug."),
    ("The drug often causes headaches.", "The drug rarely causes headaches."),
    ("Maria Lind said demand in Europe was strong.", "Maria Lind said demand in Europe remained weak."),
    ("Three firefighters were seriously injured.", "Three firefighters were taken to hospital with minor injuries."),
    ("Two people were killed by falling trees.", "Two people were injured by falling trees."),
    ("A federal judge upheld the state's voting law.", "A federal judge blocked the state's voting law."),
    ("Supporters argue the bill would raise costs.", "Opponents argue the bill would raise costs."),
    ("The two men remain in custody.", "The two men were later released without charge."),
])
def test_more_opposites(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


@pytest.mark.parametrize(("claim", "source"), [
    ("Ninety-six fans died in the disaster.", "Ninety-six fans were fatally injured in the disaster."),
    ("Demand in Europe was weak.", "Demand in Europe remained weak, though orders were strong in Asia."),
    ("The man was seriously injured.", "The man suffered serious injuries in the crash."),
    ("Side effects were mild.", "Side effects were mild and rare."),
])
def test_the_same_in_other_forms_is_no_opposite(checker, claim, source):
    assert _one(checker, claim, source).label == "supported"


@pytest.mark.parametrize(("claim", "source"), [
    ("The council voted to raise parking fees.", "The council postponed a vote on raising parking fees until next month."),
    ("The board approved the merger.", "The board delayed a decision on the merger."),
    ("The committee voted on the proposal.", "The committee deferred the vote on the proposal to June."),
])
def test_a_vote_or_decision_put_off_did_not_happen(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


@pytest.mark.parametrize(("claim", "source"), [
    ("Most of the new cases were in vaccinated children.", "All of the new cases were in unvaccinated children."),
    ("The workers were paid staff.", "The workers were unpaid staff."),
    ("The trial found a significant effect.", "The trial found a nonsignificant effect."),
])
def test_a_modifier_and_its_negation_by_prefix_are_another_thing(claim, source):
    from onrecord.judge.contrast import swapped_modifier
    assert swapped_modifier(claim, source) is not None


@pytest.mark.parametrize(("claim", "source"), [
    ("The unvaccinated children fell ill.", "Both vaccinated and unvaccinated children fell ill."),
    ("The company reported a profit.", "The company reported an unexpected profit."),
    ("The understanding was reached.", "The standing committee met."),
])
def test_a_prefix_that_is_no_negation_or_both_said(claim, source):
    from onrecord.judge.contrast import swapped_modifier
    assert swapped_modifier(claim, source) is None


@pytest.mark.parametrize(("claim", "source"), [
    ("The tenant is responsible for repairs to heating and plumbing.",
     "The landlord is responsible for repairs to heating and plumbing."),
    ("The employee must give four weeks' notice of the change.", "The employer must give four weeks' notice of the change."),
    ("The seller pays the transfer tax at closing.", "The buyer pays the transfer tax at closing."),
    ("The Receiving Party shall return all copies of the documents.",
     "The Disclosing Party shall return all copies of the documents."),
])
def test_one_party_for_its_counterpart_in_a_near_copy_contradicts(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


@pytest.mark.parametrize(("claim", "source", "label"), [
    ("The compound reduced weight gain by 20% in people.", "In mice, the compound reduced weight gain by 20%.",
     "contradicted"),
    ("The drug lowered blood pressure in rats.", "The drug lowered blood pressure in patients.", "contradicted"),
    ("In mice, the compound reduced weight gain by 20%.", "In mice, the compound reduced weight gain by 20%.",
     "supported"),
])
def test_a_finding_in_animals_is_not_one_in_people(checker, claim, source, label):
    assert _one(checker, claim, source).label == label


@pytest.mark.parametrize(("claim", "source"), [
    ("The X300 is lighter than the X200.", "The X300 is heavier, at 1.6 kg, but its battery lasts up to 18 hours."),
    ("The new route is shorter.", "The new route is longer, but it avoids the city centre."),
    ("Trains on the line are now slower.", "Trains on the line are now faster after the upgrade."),
])
def test_a_comparative_of_the_other_end_of_its_scale_contradicts(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


@pytest.mark.parametrize(("claim", "source"), [
    ("The treatment has been proven to work.", "Dr. Osei said the new treatment is promising but not yet proven."),
    ("The bridge is safe to use.", "Engineers said the bridge is open but not yet safe to use."),
])
def test_but_not_yet_denies_a_state_of_the_subject(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


@pytest.mark.parametrize(("claim", "source"), [
    ("Researchers said the planet could support life.", "Researchers said the planet is too hot to support life."),
    ("The bridge can carry lorries.", "Engineers said the bridge is too weak to carry lorries."),
    ("Applicants can still apply for this year's grants.", "It is now too late to apply for this year's grants."),
])
def test_too_much_to_do_a_thing_denies_the_thing(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


@pytest.mark.parametrize(("claim", "source", "label"), [
    ("Labour kept control of the council.", "Labour lost control of the council in Thursday's election.", "contradicted"),
    ("The team lost its title.", "The team retained its title after a 2-1 win.", "contradicted"),
    ("Dr. Burke said it was far too early to talk about a cure.",
     "Dr. Liam Burke was cautious, saying it was 'far too early' to talk about a cure.", "supported"),
])
def test_keeping_and_losing_and_a_quoted_too_early(checker, claim, source, label):
    assert _one(checker, claim, source).label == label


@pytest.mark.parametrize(("claim", "source"), [
    ("A faulty sensor can cause the airbags to deploy early.", "A faulty sensor can cause the airbags to deploy late."),
    ("Rita Gomez said the ban would help small businesses.", "Rita Gomez said the ban would hurt small businesses."),
    ("Inspectors found the building was safe for residents.", "Inspectors found the building was unsafe for residents."),
    ("The committee said the answer was right in every case.", "The committee said the answer was wrong in every case."),
])
def test_a_near_copy_with_an_antonym_or_a_negating_prefix_contradicts(checker, claim, source):
    assert _one(checker, claim, source).label == "contradicted"


@pytest.mark.parametrize(("claim", "source", "label"), [
    ("The X200 is lighter than the X300.", "The X300 is heavier than the X200 but has a longer battery life.",
     "supported"),
    ("The suspect's brother was released without charge.",
     "His brother, who was arrested with him, was released on Friday without charge.", "supported"),
    ("Police are investigating the cause of the crash.", "The cause of the crash is under investigation.",
     "supported"),
])
def test_the_same_said_another_way_round_or_denied_alike(checker, claim, source, label):
    assert _one(checker, claim, source).label == label


def test_a_denial_by_prefix_is_no_opposite_of_a_denial_by_word(checker):
    source = "The driver, who was unhurt, was questioned by police."
    assert _one(checker, "The driver was not hurt.", source).label != "contradicted"
    assert _one(checker, "The driver was hurt.", source).label != "supported"
