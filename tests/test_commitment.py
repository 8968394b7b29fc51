"""A claim that states as done, certain or whole what its source gives as possible, intended or partial."""

from __future__ import annotations

import pytest

from onrecord.text.commitment import hedged, overstated

from .conftest import only_claim

HEDGED = [
    # (source, claim, the source's cue)
    ("The council plans to close the library next year.", "The council closed the library.", "plans to"),
    ("The council plans to close the library next year.", "The council will close the library next year.",
     "plans to"),
    ("The company may cut 200 jobs.", "The company cut 200 jobs.", "may"),
    ("The company may have cut 200 jobs.", "The company cut 200 jobs.", "may"),
    ("The plant could be sold next year, the company said.", "The plant will be sold next year.", "could"),
    ("The governor proposed raising the fuel tax.", "The governor raised the fuel tax.", "proposed"),
    ("Officials are considering a ban on plastic bags.", "Officials banned plastic bags.", "are considering"),
    ("The drug could reduce the risk of stroke, researchers said.",
     "The drug reduces the risk of stroke, researchers said.", "could"),
    ("Researchers found that the drug may reduce the risk of stroke.", "The drug reduces the risk of stroke.", "may"),
    ("The minister is expected to resign this week.", "The minister resigned this week.", "is expected"),
    ("The union threatened to strike in May.", "The union went on strike in May.", "threatened to"),
    ("The mayor hopes to open the bridge by June.", "The mayor will open the bridge by June.", "hopes to"),
    ("The city is likely to raise parking fees.", "The city raised parking fees.", "likely"),
    ("The company said it might sell the plant.", "The company sold the plant.", "might"),
    ("The man allegedly stole $5,000 from his employer.", "The man stole $5,000 from his employer.", "allegedly"),
    ("Officials urged residents to leave the area.", "Residents left the area.", "urged"),
    ("The board tried to block the sale but failed.", "The board blocked the sale.", "tried to"),
    ("He hopes to return to work in May, his lawyer said.", "He will return to work in May.", "hopes to"),
    ("The city council plans to close the library.", "The city council closed the library.", "plans to"),
    ("Tesco plans to open 20 stores next year.", "Tesco opened 20 stores.", "plans to"),
    ("It plans to cut 200 jobs.", "The company cut 200 jobs.", "plans to"),
    ("Dellinger reportedly broke down in tears at the defense table.",
     "Dellinger broke down in tears at the defense table.", "reportedly"),
]


@pytest.mark.parametrize(("source", "claim", "cue"), HEDGED)
def test_a_possibility_or_an_intention_is_not_a_fact(source, claim, cue):
    found = overstated(claim, source)
    assert found is not None and found.kind == "hedge"
    assert source[found.start : found.end] == found.cue and found.cue.lower() == cue.lower()


SAME_COMMITMENT = [
    # The claim hedges as its source does, or no more than it.
    ("The council plans to close the library next year.", "The council plans to close the library."),
    ("The company may cut 200 jobs.", "The company could cut 200 jobs."),
    ("The governor proposed raising the fuel tax.", "The governor proposed a fuel tax rise."),
    ("The company cut 200 jobs in March.", "The company may have cut jobs."),
    ("The project will likely cost $5 million.", "The project is likely to cost about $5 million."),
    ("The firm said it would cut 200 jobs.", "The firm will cut 200 jobs."),
    # The hedge is of another clause or another act than the claim's.
    ("The company, which may list its shares next year, cut 200 jobs.", "The company cut 200 jobs."),
    ("Police said the suspect, who allegedly stole a car, was arrested on Monday.",
     "The suspect was arrested on Monday."),
    ("The council voted to close the library, a move that could save $2m.", "The council voted to close the library."),
    ("Sales rose 5% in May, more than analysts had expected.", "Sales rose 5% in May."),
    ("The plan, proposed in March, was approved by the council on Friday.",
     "The plan was approved by the council on Friday."),
    ("The minister, who is expected to resign, defended the budget on Monday.",
     "The minister defended the budget on Monday."),
    ("The company plans to cut 200 jobs after it closed two plants last year.",
     "The company closed two plants last year."),
    ("A man suspected of stealing a car was arrested in Leeds on Monday.", "A man was arrested in Leeds on Monday."),
    ("The company may sell the plant and has cut 200 jobs.", "The company cut 200 jobs."),
    ("The company cut 200 jobs and may cut more.", "The company cut 200 jobs."),
    ("Shares in the firm rose on May 3.", "Shares in the firm rose in May."),
    # Shares of a group: the claim takes no larger one.
    ("All residents opposed the plan.", "Some residents opposed the plan."),
    ("Almost all residents opposed the plan.", "Most residents opposed the plan."),
    ("Many residents, and some councillors, opposed the plan.", "Many residents opposed the plan."),
    ("Each of the five members received a bonus.", "All five members received a bonus."),
    ("All residents were told to leave, and most did.", "All residents were told to leave."),
    ("Some of the money was spent on roads, and all of it was accounted for.", "All of the money was accounted for."),
    ("He did not like it at all, and some fans agreed.", "Some fans agreed."),
    # The cue's word as a noun, or a hedge of an aside or of another clause.
    ("We offer a wide range of insurance plans to fit your specific needs.",
     "The agent offered a wide range of insurance plans that fit his specific needs."),
    ("The service was deluged with calls for assistance last week and has 4,000 jobs still to be completed.",
     "The service has 4,000 jobs still to be completed."),
    ("Researchers found that even a century ago, and perhaps even earlier, Scottish accents were already changing.",
     "Researchers found that Scottish accents were changing a century ago."),
    ("He is set to be extradited to Utah where he faces charges Alshammari had been charged on April 3 with rape.",
     "Alshammari had been charged on April 3 with rape."),
    ("Exhibit A could sell for much more\nThe mask from Batman Forever is valued at $1,500.",
     "The mask from Batman Forever is valued at $1,500."),
    # The hedge reaches only names the claim shares, not what it says of them.
    ("After weeks of speculation about whether the Governor of the Bank of England would extend his time as its "
     "head, Mark Carney announced he will step down.", "The Governor of the Bank of England, Mark Carney, announced "
     "he will step down."),
]


@pytest.mark.parametrize(("source", "claim"), SAME_COMMITMENT)
def test_a_claim_that_commits_no_more_than_its_source(source, claim):
    assert overstated(claim, source) is None


@pytest.mark.parametrize(("source", "claim", "cue"), [
    ("Some residents opposed the plan.", "All residents opposed the plan.", "Some"),
    ("Most of the staff were laid off.", "All of the staff were laid off.", "Most"),
    ("A few schools will close.", "Most schools will close.", "A few"),
    ("Several members of the board voted against the deal.", "Every member of the board voted against the deal.",
     "Several"),
    ("Many of the patients recovered within a week.", "Most of the patients recovered within a week.", "Many"),
])
def test_part_of_a_group_is_not_more_of_it(source, claim, cue):
    found = overstated(claim, source)
    assert found is not None and found.kind == "share" and found.cue == cue


@pytest.mark.parametrize(("source", "claim", "cue"), [
    # A fraction takes its place on the scale: half is less than most, a third as many.
    ("Investigators recovered about half of the stolen items.", "Investigators recovered all of the stolen items.",
     "half"),
    ("Investigators recovered about half of the stolen items.", "Investigators recovered most of the stolen items.",
     "half"),
    ("A third of the voters backed the measure.", "Most of the voters backed the measure.", "A third"),
    ("Two-thirds of the members voted yes.", "All of the members voted yes.", "Two-thirds"),
    # An adverb tells a share of its whole clause.
    ("The new wing was paid for mostly by private donors.",
     "The new wing was paid for entirely by private donors.", "mostly"),
    ("The museum's new wing cost $42 million, paid for mostly by private donors.",
     "The museum's new wing cost $42 million, all of it from private donors.", "mostly"),
    ("The project was partly funded by the city.", "The project was largely funded by the city.", "partly"),
])
def test_a_fraction_or_an_adverb_of_part_is_not_more(source, claim, cue):
    found = overstated(claim, source)
    assert found is not None and found.kind == "share" and found.cue == cue


@pytest.mark.parametrize(("source", "claim"), [
    ("Two-thirds of the members voted yes.", "Most of the members voted yes."),
    ("About half of the stolen items were recovered.", "Many of the stolen items were recovered."),
    ("The wing was paid for entirely by private donors.", "The wing was paid for mostly by private donors."),
    ("All of the staff were laid off.", "Half of the staff were laid off in March, and the rest in May."),
    # "half" as no share: a half of a match, a half-point.
    ("He scored in the second half of the match.", "He scored in the match."),
    ("Rates rose half a point, to 5 percent.", "Rates rose to 5 percent."),
])
def test_a_share_no_larger_than_the_source_s(source, claim):
    assert overstated(claim, source) is None


@pytest.mark.parametrize(("source", "claim", "cue"), [
    ("People who drank three cups of coffee a day were less likely to develop liver disease, the study found.",
     "Drinking three cups of coffee a day prevents liver disease, the study found.", "were less likely"),
    ("Heavy social media use is associated with poorer sleep among teenagers.",
     "Heavy social media use causes poorer sleep among teenagers.", "associated with"),
    ("Regular exercise was linked to a lower rate of depression in older adults.",
     "Regular exercise reduces the risk of depression in older adults.", "linked to"),
    ("Those who walked at least 7,000 steps a day had a 50 percent lower risk of early death.",
     "Walking 7,000 steps a day halves the risk of early death.", "had a 50 percent lower"),
    ("Children who ate breakfast had higher test scores.", "Eating breakfast leads to higher test scores.",
     "had higher"),
    ("The plant closed after the strike.", "The plant closed because of the strike.", "after"),
    ("Crime fell in the city following the introduction of street lighting.",
     "The introduction of street lighting led to a fall in crime in the city.", "following"),
])
def test_found_together_or_one_after_the_other_is_no_cause(source, claim, cue):
    found = overstated(claim, source)
    assert found is not None and found.kind == "cause" and found.cue == cue


@pytest.mark.parametrize(("source", "claim"), [
    # The source gives a cause of its own, in any words.
    ("The storm caused widespread flooding in the valley.", "The flooding in the valley was caused by the storm."),
    ("The match was called off because of heavy rain.", "Heavy rain led to the match being called off."),
    ("The bridge was closed after heavy rain caused flooding.", "The bridge was closed because of flooding."),
    ("Officials blamed the outage on a faulty transformer.", "The outage was caused by a faulty transformer."),
    ("The vaccine reduced the risk of severe illness by 90 percent.",
     "The vaccine reduced the risk of severe illness by 90 percent."),
    ("Due to the strike, the plant closed for two weeks.", "The plant closed for two weeks because of the strike."),
    # The claim states no cause.
    ("The plant closed after the strike.", "The plant closed after the strike ended."),
    ("Heavy social media use is associated with poorer sleep.", "Poorer sleep is linked to heavy social media use."),
    ("Patients had a lower risk of infection.", "Patients had a reduced risk of infection."),
    # "Due to" before a verb is a schedule; "associations" that are bodies are no finding.
    ("The prize money was announced in March 2018 and paid to the national associations.",
     "The prize money, due to be distributed to the national teams, was announced in March 2018."),
    ("The report is expected in May, after the audit.", "The report is due to arrive in May, after the audit."),
])
def test_a_cause_the_source_gives_or_a_claim_that_states_none(source, claim):
    assert overstated(claim, source) is None


def test_the_check_calls_a_cause_told_from_a_finding_unsupported(checker):
    found = only_claim(checker, "Heavy social media use causes poorer sleep among teenagers.",
                       "Heavy social media use is associated with poorer sleep among teenagers, a study found.")
    assert found.label == "unsupported" and "gives no cause, only 'associated with'" in found.reason


@pytest.mark.parametrize(("source", "claim"), [
    ("Just over half of respondents (52 percent) work from home at least one day a week.",
     "Most respondents work from home at least one day a week."),
    ("More than half of the members voted yes.", "Most of the members voted yes."),
])
def test_more_than_half_is_most(source, claim):
    assert overstated(claim, source) is None


def test_nearly_half_is_less_than_half():
    found = overstated("Half of the members voted yes.", "Nearly half of the members voted yes.")
    assert found is not None and found.cue == "Nearly half"


@pytest.mark.parametrize(("source", "claim", "cue"), [
    ("Enterprise customers can request a higher limit.", "All customers can request a higher limit.",
     "Enterprise customers"),
    ("Refunds are available within 30 days of purchase for annual plans only.",
     "Refunds are available within 30 days for all plans.", "annual plans"),
    ("Point-in-time recovery is available on the Business plan and above.",
     "Point-in-time recovery is available on all plans.", "Business plan"),
    ("Affected customers will receive a full refund.", "Every customer will receive a full refund.",
     "Affected customers"),
])
def test_a_narrower_group_is_not_all_of_it(source, claim, cue):
    found = overstated(claim, source)
    assert found is not None and found.kind == "share" and found.cue == cue


@pytest.mark.parametrize(("source", "claim"), [
    ("The 12 council members voted for it.", "All 12 council members voted for it."),  # a number, no narrowing
    ("Residents must register by May.", "All residents must register by May."),
    ("Every high school student gets a laptop.", "Every student gets a laptop."),  # the source's own "every"
    ("The airline cancelled all London flights.", "All flights to London were cancelled."),
])
def test_the_same_group_or_one_the_claim_narrows_too(source, claim):
    assert overstated(claim, source) is None


@pytest.mark.parametrize("text", ["The council would close it.", "If it rains, the match is off.",
                                  "He is said to have left.", "The firm may cut jobs.", "It is likely to rain."])
def test_a_hedged_claim(text):
    assert hedged(text)


@pytest.mark.parametrize("text", ["The council closed it.", "Shares rose on May 3.", "The firm could not pay.",
                                  "The firm couldn't pay."])
def test_a_plain_claim(text):
    assert not hedged(text)


@pytest.mark.parametrize(("source", "claim"), [(s, c) for s, c, _ in HEDGED[:6]] + [
    ("Some residents opposed the plan.", "All residents opposed the plan."),
    ("The new bridge will open in June, officials said.", "The new bridge opened in June."),
    ("It is one of the largest banks in Europe.", "It is the largest bank in Europe."),
])
def test_the_check_calls_an_overstated_claim_unsupported_and_cites_the_hedge(checker, source, claim):
    found = only_claim(checker, claim, source)
    assert found.label == "unsupported"
    assert "closest source sentence" in found.reason
    assert found.evidence and found.evidence[0].source == "s" and found.evidence[0].text == source


@pytest.mark.parametrize(("source", "claim"), SAME_COMMITMENT[:8])
def test_the_check_supports_a_claim_that_commits_no_more(checker, source, claim):
    assert only_claim(checker, claim, source).label == "supported"


@pytest.mark.parametrize(("source", "claim"), [
    ("Either party may end this Agreement after the first six months.", "Either of you can end the agreement."),
    ("The Landlord may increase the rent once a year.", "The landlord is allowed to raise the rent once a year."),
    ("Members may bring one guest.", "Members are entitled to bring a guest."),
])
def test_a_may_of_permission_read_as_can(source, claim):
    assert overstated(claim, source) is None


@pytest.mark.parametrize(("source", "claim", "cue"), [
    ("The council will close the library next year.", "The council closed the library.", "will"),
    ("The council will close the library next year.", "The library has closed.", "will"),
    ("The new bridge will open in June, officials said.", "The new bridge opened in June.", "will"),
    ("The company is due to report results on Tuesday.", "The company reported results on Tuesday.", "is due to"),
    ("Voters will elect a new mayor in May.", "Voters elected a new mayor in May.", "will"),
    ("The firm’ll announce the winners on Friday.", "The firm announced the winners on Friday.", "’ll"),
])
def test_what_is_still_to_come_has_not_happened(source, claim, cue):
    found = overstated(claim, source)
    assert found is not None and found.kind == "future" and found.cue == cue


@pytest.mark.parametrize(("source", "claim"), [
    ("The council will close the library next year.", "The council will close the library."),
    ("The council closed the library and will sell the building.", "The council closed the library."),
    ("The bridge, which opened in 2010, will close for repairs.", "The bridge opened in 2010."),
    ("The new bridge will open in June.", "The new bridge is set to open in June."),
])
def test_a_claim_that_keeps_it_to_come_or_speaks_of_the_past(source, claim):
    assert overstated(claim, source) is None


@pytest.mark.parametrize(("source", "claim", "cue"), [
    ("It is one of the largest banks in Europe.", "It is the largest bank in Europe.", "one of the largest"),
    ("Smith was among the best players of his generation.", "Smith was the best player of his generation.",
     "among the best"),
    ("The storm was one of the most powerful to hit the region.", "The storm was the most powerful to hit the region.",
     "one of the most powerful"),
    ("The fire was one of the city’s deadliest in decades.", "The fire was the deadliest in decades.",
     "one of the city’s deadliest"),
])
def test_one_of_the_first_is_not_the_first(source, claim, cue):
    found = overstated(claim, source)
    assert found is not None and found.kind == "rank" and found.cue == cue


@pytest.mark.parametrize(("source", "claim"), [
    ("It is one of the largest banks in Europe.", "It is one of Europe's largest banks."),
    ("It is the largest bank in Europe.", "It is one of the largest banks in Europe."),
    ("The storm was one of the most powerful to hit the region, and the deadliest.",
     "The storm was the deadliest to hit the region."),
    ("She was one of the protest leaders in 2019.", "She led the protest in 2019."),
    ("He was among the guests at the wedding.", "He was the guest of honour at the wedding."),
])
def test_a_rank_the_claim_keeps(source, claim):
    assert overstated(claim, source) is None


@pytest.mark.parametrize(("source", "claim", "condition"), [
    ("The match will be cancelled if it rains on Saturday.", "The match will be cancelled on Saturday.",
     "if it rains on Saturday"),
    ("If the council approves the plan, the library will close in May.", "The library will close in May.",
     "If the council approves the plan"),
    ("Unless a buyer is found, the plant will shut in March.", "The plant will shut in March.",
     "Unless a buyer is found"),
    ("Residents can park free on Sundays if they hold a permit.", "Residents can park free on Sundays.",
     "if they hold a permit"),
    ("Refunds are paid as long as the receipt is kept.", "Refunds are paid.", "as long as the receipt is kept"),
    ("Refunds are paid, provided the receipt is kept.", "Refunds are paid.", "provided the receipt is kept"),
    ("Buses run every 10 minutes, as long as the roads are clear.", "Buses run every 10 minutes.",
     "as long as the roads are clear"),
])
def test_a_condition_left_out(source, claim, condition):
    found = overstated(claim, source)
    assert found is not None and found.kind == "condition" and found.cue == condition
    assert source[found.start : found.end].strip() == condition


@pytest.mark.parametrize(("source", "claim"), [
    ("If you are late, you pay a £10 fine.", "Late arrivals pay a £10 fine."),
    ("The match will be cancelled if it rains on Saturday.", "If it rains on Saturday, the match will be cancelled."),
    ("The library will close in May, the council said, even if the appeal succeeds.", "The library will close in May."),
    ("Buses run every 10 minutes, as long as the roads are clear.", "Buses run every 10 minutes when the roads are clear."),
    ("The man who stole the car was arrested on Monday.", "The man was arrested on Monday."),
    ("Tickets cost $10, or $5 if bought online.", "Tickets cost $10."),
    ("The plant will close whether or not a buyer is found.", "The plant will close."),
    ("Officials said the road would reopen if repairs finish on time.", "The road will reopen if repairs finish on time."),
    # The exception of a default rule, and "providing" as a verb.
    ("The parties will not reverse engineer the software unless otherwise specified in writing.",
     "The parties shall not reverse engineer the software."),
    ("The couple sued the owner of the studio for providing a photo booth that printed slurs.",
     "The couple sued the owner of the studio."),
])
def test_a_condition_the_claim_keeps_or_that_is_not_its_own(source, claim):
    assert overstated(claim, source) is None


@pytest.mark.parametrize(("source", "claim", "cue"), [
    ("It is unclear whether the plant will close.", "The plant will close.", "whether"),
    ("The company did not say if it would sell the plant.", "The company will sell the plant.", "if"),
    ("If the council approves the plan, the library will close in May.", "The council approved the plan.", "If"),
])
def test_a_condition_or_an_open_question_told_as_a_fact(source, claim, cue):
    found = overstated(claim, source)
    assert found is not None and found.kind == "hedge" and found.cue == cue


def test_a_claim_of_some_cases_is_met_by_a_condition():
    source = "The Receiving Party may disclose Confidential Information to its employees who need to know it."
    assert overstated("The Receiving Party may share some Confidential Information with some employees.",
                      source) is None


@pytest.mark.parametrize(("source", "claim", "bound"), [
    ("Unemployment rose to 7.2%, its highest level since 2009.", "Unemployment rose to 7.2%, its highest level ever.",
     "since 2009"),
    ("Unemployment rose to 7.2%, its highest level since 2009.", "Unemployment rose to a record 7.2%.", "since 2009"),
    ("Sales fell to their lowest level in a decade.", "Sales fell to an all-time low.", "in a decade"),
    ("The team won the title for the first time since 1990.", "The team won its first ever title.", "since 1990"),
    ("Turnout was the lowest since the 1990s.", "Turnout was the lowest in history.", "since the 1990s"),
])
def test_the_first_within_bounds_is_not_the_first_ever(source, claim, bound):
    found = overstated(claim, source)
    assert found is not None and found.kind == "bound" and found.cue == bound


@pytest.mark.parametrize(("source", "claim"), [
    ("It was the hottest July since records began.", "It was the hottest July on record."),
    ("Unemployment rose to 7.2%, its highest level since 2009.", "Unemployment rose to 7.2%, the highest since 2009."),
    ("Unemployment rose to 7.2%, its highest level since 2009.", "Unemployment rose to its highest in over a decade."),
    ("Shares hit a record high on Friday.", "Shares hit an all-time high on Friday."),
])
def test_a_first_place_the_claim_bounds_as_the_source_does(source, claim):
    assert overstated(claim, source) is None


def test_a_place_after_the_first_is_not_the_first():
    found = overstated("Vancouver is the largest city in Canada.",
                       "Vancouver is the third-largest city in Canada by metropolitan population.")
    assert found is not None and found.kind == "rank" and found.cue == "third-largest"


@pytest.mark.parametrize(("source", "claim", "cue"), [
    ("She was the first female mayor to be elected twice.", "She was the first mayor to be elected twice.",
     "the first female mayor"),
    ("The club became the first Scottish team to win the cup three times.",
     "The club became the first team to win the cup three times.", "the first Scottish team"),
])
def test_the_first_of_a_narrower_group_is_not_the_first(source, claim, cue):
    found = overstated(claim, source)
    assert found is not None and found.kind == "rank" and found.cue == cue


@pytest.mark.parametrize(("source", "claim"), [
    ("She was the first woman mayor to be elected twice.", "She was the first female mayor to be elected twice."),
    ("Holt became the first woman to win the race.", "Holt became the first runner to win the race."),
    ("It was the first time since 2014 that rates rose.", "It was the first time in a decade that rates rose."),
])
def test_the_first_of_a_group_in_other_words_is_not_read(source, claim):
    assert overstated(claim, source) is None or overstated(claim, source).kind != "rank"


@pytest.mark.parametrize(("source", "claim", "cue"), [
    ("The cause of the fire is under investigation.", "The fire was caused by arson.", "is under investigation"),
    ("The motive for the attack remains unclear.", "The motive for the attack was robbery.", "remains unclear"),
    ("The cause of the outage has not yet been determined.", "The outage was caused by a cyberattack.",
     "has not yet been determined"),
    ("Arson has not been ruled out as the cause of the fire.", "Arson was the cause of the fire.", "not been ruled out"),
])
def test_an_open_question_is_not_an_answer(source, claim, cue):
    found = overstated(claim, source)
    assert found is not None and found.kind == "open" and cue in found.cue


@pytest.mark.parametrize(("source", "claim"), [
    ("The White House has said the president would sign it.", "The president has signed the bill."),
    ("The law would have required voters to show photo ID.", "The law required voters to show photo ID."),
])
def test_what_would_happen_has_not_happened(source, claim):
    found = overstated(claim, source)
    assert found is not None and found.kind == "future"


@pytest.mark.parametrize(("source", "claim"), [
    ("Power was restored to all but 2,000 homes by Monday.", "Power was restored to all homes by Monday."),
    ("All but a few of the stores reopened.", "All of the stores reopened."),
])
def test_all_but_some_is_not_all(source, claim):
    found = overstated(claim, source)
    assert found is not None and found.kind == "share" and found.cue.lower().startswith("all but")


@pytest.mark.parametrize(("source", "claim"), [
    ("The cause of the fire is under investigation.", "The cause of the fire is being investigated."),
    ("Police said the fire was caused by arson; the motive remains unclear.", "The fire was caused by arson."),
    ("Power was restored to all but 2,000 homes by Monday.", "Power was restored to most homes by Monday."),
])
def test_a_claim_that_leaves_open_what_the_source_leaves_open(source, claim):
    assert overstated(claim, source) is None


@pytest.mark.parametrize(("source", "claim", "overstates"), [
    ("She said the results would be published in the spring.", "The results were published in the spring.", True),
    ("She said the results would be published in the spring.", "The results will be published in the spring.", False),
    ("Ellis's lawyer said he would consider an appeal.", "Ellis has appealed the verdict.", True),
])
def test_what_would_be_done_is_not_done(source, claim, overstates):
    assert (overstated(claim, source) is not None) is overstates
