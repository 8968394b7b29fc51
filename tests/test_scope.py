"""Negation and contrast scope: what a sentence asserts and denies, and claims that assert a denial."""

from __future__ import annotations

import pytest

from onrecord.text.scope import conflict, scopes


@pytest.mark.parametrize("sentence,denied,cue", [
    ("Walk-in appointments are available on Monday and Wednesday, but not Friday.", "Friday", "but not"),
    ("The pool is open on weekdays, but not on public holidays.", "on public holidays", "but not"),
    ("Members may bring guests, not pets.", "pets", "but not"),
    ("The grant covers tuition and books, and not housing.", "housing", "but not"),
    ("Blood tests are taken every weekday except Thursday.", "Thursday", "except"),
    ("All branches are open except for the Oak Street branch.", "the Oak Street branch", "except"),
    ("Every ward reported gains other than Ward 3.", "Ward 3", "except"),
    ("Staff may park anywhere, apart from the visitor bays.", "the visitor bays", "except"),
    ("Everyone was invited, with the exception of the press.", "the press", "except"),
])
def test_denied_elements(sentence: str, denied: str, cue: str) -> None:
    parts = scopes(sentence)
    neg = [p for p in parts if p.negated]
    assert len(neg) == 1 and neg[0].text == denied and neg[0].cue == cue
    assert sentence[neg[0].start : neg[0].end] == denied
    assert neg[0].frame is not None and not any(p.negated for p in parts if p is not neg[0])


@pytest.mark.parametrize("sentence,cue", [
    ("The clinic no longer offers travel vaccinations.", "no longer"),
    ("Dr. Lewis has never charged for a first consultation.", "never"),
    ("The council did not approve the budget.", "not"),
    ("The mayor won't seek re-election.", "not"),
    ("The agency cannot confirm the figures.", "not"),
    ("The clinic has stopped offering travel vaccinations.", "no longer"),
    ("No charges were filed.", "not"),
])
def test_denied_clauses(sentence: str, cue: str) -> None:
    parts = scopes(sentence)
    assert [(p.negated, p.cue) for p in parts] == [(True, cue)]


def test_not_until_is_a_bound_not_a_denial() -> None:
    [p] = scopes("The new X-ray suite will not open until June.")
    assert (p.negated, p.cue, p.bound) == (False, "not until", "June")


def test_clauses_split_at_contrast() -> None:
    parts = scopes("Revenue rose, but margins fell; the CFO did not change guidance.")
    assert [(p.text, p.negated) for p in parts] == [
        ("Revenue rose", False), ("margins fell", False), ("the CFO did not change guidance.", True)]


def test_offsets_with_a_sentence_offset() -> None:
    text = "Intro. Walk-ins on Monday, but not Friday."
    start = text.index("Walk")
    neg = [p for p in scopes(text[start:], start) if p.negated][0]
    assert text[neg.start : neg.end] == "Friday"
    assert text[neg.frame[0] : neg.frame[1]] == "Walk-ins on Monday"


SRC_WALKIN = "Walk-in appointments are available on Monday and Wednesday, but not Friday."
SRC_BLOOD = "Blood tests are taken every weekday except Thursday."
SRC_VAX = "The clinic no longer offers travel vaccinations; patients are referred to the county health office."
SRC_XRAY = "The new X-ray suite will not open until June."
SRC_NEVER = "Dr. Amara Lewis has never charged for a first consultation."
SRC_FREIGHT = "We think they will ease somewhat, but not before December."
SRC_SPRINKLER = ("Garden sprinklers may be used only on Tuesday and Saturday evenings, but not on days when a heat "
                 "alert is in force.")


@pytest.mark.parametrize("claim,source", [
    ("Walk-in appointments are available on Friday.", SRC_WALKIN),
    ("You can get a walk-in appointment on Friday.", SRC_WALKIN),
    ("Walk-ins are available on Monday and Friday.", SRC_WALKIN),
    ("Blood tests can be done on Thursdays.", SRC_BLOOD),
    ("The clinic takes blood tests on Thursday.", SRC_BLOOD),
    ("The clinic still offers travel vaccinations.", SRC_VAX),
    ("The clinic offers travel vaccinations.", SRC_VAX),
    ("The X-ray suite opens in April.", SRC_XRAY),
    ("The new X-ray suite will open in March 2026.", "The new X-ray suite will not open until June 2026."),
    ("Dr. Lewis charges for a first consultation.", SRC_NEVER),
    ("The bridge will reopen before December.", "The bridge will not reopen before December."),
    ("The X-ray suite will be ready before June.", "The X-ray suite will not be ready until after June."),
    ("The library charges late fees on children's books.", "The library abolished late fees on children's books."),
    # A denied element of several words is asserted in the claim's own words for when or where.
    ("Sprinklers may be used on Saturday evenings even during a heat alert.", SRC_SPRINKLER),
    ("Garden sprinklers can run on Tuesday evenings while a heat alert is in force.", SRC_SPRINKLER),
    ("Staff may work from home during the annual audit.", "Staff may work from home, but not during the annual audit."),
    # An adverb that grades a denied element is not what is denied: "not statistically significant".
    ("Reading scores improved significantly.", "Gains in reading were small and not statistically significant."),
    ("Reading gains were significant.", "Gains in reading were small and not statistically significant."),
    # A table row's figures are values, not words of the bounded clause a claim must take up.
    ("The Colston to Dunmere section will open in 2027.", "Colston - Dunmere\t11 km\tnot before 2028"),
    ("The east wing reopens in 2025.", "East wing, 1,200 m2, 40 beds: will not reopen until 2026."),
    # A belief or a hedge frames the bounded clause without being part of it; a month without a year is
    # the nearest one.
    ("Freight costs will ease well before December.", SRC_FREIGHT),
    ("Costs would ease in November.", SRC_FREIGHT),
    ("Costs will ease in September.", SRC_FREIGHT),
    ("Rates will fall in October.", "We expect rates to fall, though probably not before December."),
    ("The plant will reopen in March.", "We believe the plant will reopen, but not until May."),
])
def test_claim_asserts_what_the_source_denies(claim: str, source: str) -> None:
    assert conflict(claim, source) is not None


SRC_POOLS = "Private swimming pools may not be filled until the restrictions are lifted."
SRC_REFUND = "Refunds are issued only after the signed form is received."
SRC_BRIDGE = "The bridge will not reopen until the safety inspection is complete."
SRC_GRANT = "Grants are paid only once the final report has been approved."
SRC_FINE = "A fine of $250 applies only after a written warning has been issued."


@pytest.mark.parametrize("claim,source,conflicts", [
    # A bound that is an event: the claim says the clause holds now or meanwhile.
    ("Households may fill private pools while the restrictions are in force.", SRC_POOLS, True),
    ("Private pools can already be filled.", SRC_POOLS, True),
    ("Private swimming pools may be filled during the restrictions.", SRC_POOLS, True),
    ("Refunds are issued immediately.", SRC_REFUND, True),
    ("Refunds are currently issued without the signed form.", SRC_REFUND, True),
    ("The bridge has already reopened.", SRC_BRIDGE, True),
    ("Grants are paid now, before the final report.", SRC_GRANT, True),
    # A light verb ("applies", "brings", "gets") is not what the bound is about; the thing bounded is.
    ("A first offence brings an immediate $250 fine.", SRC_FINE, True),
    ("Offenders get an instant fine.", SRC_FINE, True),
    ("The fine is applied immediately.", SRC_FINE, True),
    # ... or says nothing of when, or puts it after the event: no conflict.
    ("A $250 fine applies once a warning has been issued.", SRC_FINE, False),
    ("The fine comes after a written warning.", SRC_FINE, False),
    ("Households may fill private pools once the restrictions are lifted.", SRC_POOLS, False),
    ("Private pools may be filled.", SRC_POOLS, False),
    ("Private pools may not be filled yet.", SRC_POOLS, False),
    ("Refunds are issued once the signed form is received.", SRC_REFUND, False),
    ("Refunds are issued within ten days.", SRC_REFUND, False),
    ("The bridge will reopen after the safety inspection.", SRC_BRIDGE, False),
    ("Grants are paid when the final report has been approved.", SRC_GRANT, False),
    ("Grants are paid now that the final report has been approved.", SRC_GRANT, False),
])
def test_a_bound_that_is_an_event(claim: str, source: str, conflicts: bool) -> None:
    assert (conflict(claim, source) is not None) == conflicts


def test_only_after_reads_as_not_until() -> None:
    c = conflict("Refunds are issued immediately.", SRC_REFUND)
    assert c is not None and c.why == 'the source says only after "the signed form is received"'
    (p,) = scopes(SRC_REFUND)
    assert (p.negated, p.cue, p.bound) == (False, "not until", "the signed form is received")


@pytest.mark.parametrize("claim,source", [
    (SRC_WALKIN, SRC_WALKIN),
    (SRC_BLOOD, SRC_BLOOD),
    (SRC_VAX, SRC_VAX),
    (SRC_XRAY, SRC_XRAY),
    (SRC_NEVER, SRC_NEVER),
    ("Patients can walk in on Mondays.", SRC_WALKIN),
    ("Walk-in appointments are not available on Friday.", SRC_WALKIN),
    ("There are no walk-in appointments on Fridays.", SRC_WALKIN),
    ("Blood tests are taken on Tuesdays.", SRC_BLOOD),
    ("Blood tests are not taken on Thursdays.", SRC_BLOOD),
    ("The clinic has stopped offering travel vaccinations.", SRC_VAX),
    ("Travel vaccinations are no longer available at the clinic.", SRC_VAX),
    ("The X-ray suite opens in July.", SRC_XRAY),
    ("The X-ray suite will open in June.", SRC_XRAY),
    ("The X-ray suite will open by June.", SRC_XRAY),
    ("Dr. Lewis does not charge for a first consultation.", SRC_NEVER),
    ("The clinic is closed on Sundays.", "The clinic is closed on Sundays."),
    ("The pharmacy is open on Friday.", SRC_WALKIN),
    ("They will ease in January.", SRC_FREIGHT),  # the January after December
    ("Sprinklers may be used on Saturday evenings.", SRC_SPRINKLER),
    ("Reading gains were small.", "Gains in reading were small and not statistically significant."),
    ("The Colston to Dunmere section will open in 2029.", "Colston - Dunmere\t11 km\tnot before 2028"),
    ("Pets are allowed in the living room.", "Pets are allowed in the house, but not the family room."),  # a noun
    ("Staff were vaccinated.", "Staff were vaccinated, but not fully."),  # only the adverb is denied
    ("We offer exclusive plans and the quality of our services.",
     "We offer exclusive plans without compromising the quality of our services."),  # "without" denies an act
    ("Sprinklers may be used on hot days.", SRC_SPRINKLER),  # one word of the element is not the element
    ("Sprinklers may not be used during a heat alert.", SRC_SPRINKLER),
    ("Costs will ease in June.", SRC_FREIGHT),  # half a year off: either side of the bound
    ("The library scrapped late fees on children's books.", "The library abolished late fees on children's books."),
])
def test_no_conflict(claim: str, source: str) -> None:
    assert conflict(claim, source) is None


@pytest.mark.parametrize("sentence,denied", [
    ("The Board's policy of searching student lockers without individual suspicion is upheld.", "individual suspicion"),
    ("The council approved the plan without a vote.", "a vote"),
    ("The policy was upheld without dissent.", "dissent"),
    ("Residents may park without a permit on Sundays.", "a permit on Sundays"),
    ("Without a quorum, the meeting went ahead.", "a quorum"),
])
def test_without_denies_its_object_not_its_clause(sentence: str, denied: str) -> None:
    parts = scopes(sentence)
    neg = [p for p in parts if p.negated]
    assert [(p.text, p.cue) for p in neg] == [(denied, "without")]
    assert sentence[neg[0].start : neg[0].end] == denied and neg[0].frame is not None


@pytest.mark.parametrize("claim,source,conflicts", [
    ("The court upheld the locker-search policy.",
     "The Board's policy of searching student lockers without individual suspicion is upheld.", False),
    ("The policy was upheld.", "The policy was upheld without dissent.", False),
    ("The council approved the plan after a vote.", "The council approved the plan without a vote.", True),
    ("Residents need a permit to park on Sundays.", "Residents may park without a permit on Sundays.", True),
])
def test_a_claim_conflicts_with_without_only_on_its_object(claim: str, source: str, conflicts: bool) -> None:
    assert (conflict(claim, source) is not None) is conflicts


@pytest.mark.parametrize(("text", "negated"), [
    # "No" before a number is "number"; a figure that goes on is denied.
    ("World No 1 Williams prevailed in three sets.", False),
    ("world no 1 williams prevailed", False),
    ("The No. 10 seed lost in the first round.", False),
    ("He lives at No 10 Downing Street.", False),
    ("She was ranked no. 3.", False),
    ("There is no 24-hour service.", True),
    ("The area has no 5G coverage.", True),
    ("Staff get no 10% rise this year.", True),
    ("No one came to the meeting.", True),
    ("It has no plan.", True),
    # "Not only ... but" asserts what follows.
    ("Her hope is that the video not only entertains, but inspires others.", False),
    ("The scheme is not just a plan; it is funded.", False),
    ("It was not merely a delay but a cancellation.", False),
    ("The plan is not approved.", True),
    ("The council did not only meet once.", False),
])
def test_words_of_denial_that_deny_nothing(text, negated):
    """"No" before a number is its abbreviation ("world No 1"); "not only", "not just" assert what follows."""
    from onrecord.text.vocab import NEGATION

    assert bool(NEGATION.search(text)) is negated
    assert any(p.negated for p in scopes(text)) is negated


@pytest.mark.parametrize(("text", "parts"), [
    ("Dawson and Jelavic have missed half the season and Robert Snodgrass has not been available at all.",
     [(False, "Dawson and Jelavic have missed half the season"),
      (True, "Robert Snodgrass has not been available at all")]),
    ("The council approved the plan and Mayor Diaz did not veto it.",
     [(False, "The council approved the plan"), (True, "Mayor Diaz did not veto it")]),
    ("Neither player will be disciplined and Rodgers now wants to draw a line under the matter.",
     [(True, "Neither player will be disciplined"), (False, "Rodgers now wants to draw a line under the matter")]),
    ("The board has not met since May and Chair Lopez says it will not meet again.",
     [(True, "The board has not met since May"), (True, "Chair Lopez says it will not meet again")]),
    # Two subjects of one verb, or a second verb with no named subject: one clause.
    ("Smith and Jones were not hired.", [(True, "Smith and Jones were not hired")]),
    ("The board did not approve the budget and Smith resigned.",
     [(True, "The board did not approve the budget and Smith resigned")]),
])
def test_and_before_a_named_subject_and_its_verb_starts_a_clause(text, parts):
    assert [(p.negated, p.text.rstrip(". ")) for p in scopes(text)] == parts


def _denied(claim: str, source: str):
    from onrecord.judge.sentences import denied_in_scope
    from onrecord.judge.thresholds import DEFAULT_THRESHOLDS
    from onrecord.retrieve.evidence import SentenceHit
    from onrecord.text.segment import Span

    return denied_in_scope(claim, [SentenceHit("s", Span(0, len(source)), source, 0.9)], DEFAULT_THRESHOLDS)


@pytest.mark.parametrize(("claim", "source", "denied"), [
    # A rank ("No 2") goes with its figure when figures are set aside: it is no "no" left behind.
    ("locke had been working as no 2 under johnston when the manager left .",
     "Locke had been working as No 2 under Johnston when the manager left.", False),
    ("world no 1 williams prevailed in three sets against errani .",
     "World No 1 Williams prevailed in three sets against Errani in the play-off.", False),
    ("The No. 3 seed lost in the first round on Monday.", "The No. 3 seed lost in the first round on Monday.", False),
    ("There is a 24-hour service at the clinic.", "There is no 24-hour service at the clinic.", True),
    # A dash sets off an aside: its denial is the aside's.
    ("Apple released a new version of its operating system with more diverse emojis.",
     "Apple released a new version of its operating system with more diverse emojis -- the little images "
     "users send when words alone won't cut it.", False),
    ("The plant will close next year.", "The plant will close next year — and it will not reopen.", False),
    ("The council approved the harbour plan in March.",
     "The council approved the harbour plan in March – though not the ferry subsidy it was asked for.", False),
    ("The mayor attended the meeting on Monday.",
     "The mayor did not attend the meeting on Monday -- she was abroad.", True),
    ("The bridge reopened to traffic in June.", "The bridge has not reopened to traffic — repairs go on.", True),
    # A denial in a clause of its own, which the claim does not reach, is not the claim's.
    ("Hinton is thankful to be free after nearly 30 years on death row.",
     "Hinton is thankful to be free after nearly 30 years on death row for murders he says he didn't commit.", False),
    ("The singer thanked fans at the end of the concert in Leeds.",
     "The singer thanked fans at the end of the concert in Leeds, a show she never thought would happen.", False),
    ("The company hired 40 engineers for the new plant in Ohio.",
     "The company hired 40 engineers for the new plant in Ohio, which it did not name.", False),
    # ... but one it does reach, or one of the same clause, is.
    ("Residents may still wash their cars at home.", "Washing cars at home is not allowed.", True),
    ("Basic fares can be refunded at any time.", "After that, Basic fares are not refundable.", True),
    ("The mayor was at the meeting on Monday.", "The mayor did not attend the meeting on Monday.", True),
])
def test_a_denial_is_read_where_it_stands(claim: str, source: str, denied: bool) -> None:
    assert (_denied(claim, source) is not None) is denied


@pytest.mark.parametrize(("claim", "source", "conflicts"), [
    # An exception set off by commas inside its clause excludes its element; the clause goes on around it.
    ("Schools in the north will close on Monday.", "All schools, except those in the north, will close on Monday.",
     True),
    ("Employees in the Leeds office get the annual bonus.",
     "Every employee, excluding those in the Leeds office, gets the annual bonus.", True),
    ("Ticket holders from Kent may enter free.",
     "Ticket holders, other than those from Kent, may enter free until noon.", True),
    ("All schools will close on Monday.", "All schools, except those in the north, will close on Monday.", False),
    ("Rain stopped play at the ground.", "Nothing, other than rain, stopped play at the ground.", False),
    ("Schools in the south will close on Monday.", "All schools, except those in the north, will close on Monday.",
     False),
])
def test_an_exception_set_off_by_commas_excludes_its_element(claim: str, source: str, conflicts: bool) -> None:
    assert (conflict(claim, source) is not None) is conflicts


@pytest.mark.parametrize(("text", "cue", "bound"), [
    # "n't" glued or set apart reads alike, as "not" does.
    ("The shop won't open until June.", "not until", "June"),
    ("the shop wo n't open until june .", "not until", "june"),
    ("The shop will not open until June.", "not until", "June"),
    # "not long before" is soon: a plain denial, no bound, in either spelling.
    ("It wasn't long before Fowler responded to the troll.", "not", ""),
    ("it was n't long before fowler responded to the troll .", "not", ""),
])
def test_a_bound_reads_alike_in_every_spelling_of_not(text: str, cue: str, bound: str) -> None:
    [part] = scopes(text)
    assert (part.cue, part.bound) == (cue, bound)


@pytest.mark.parametrize(("claim", "source", "conflicts"), [
    # A relative clause set off by commas is a clause of its own: its denial is its own...
    ("The couple hired a lawyer to sue the photographer.",
     "The couple, who does not wish to be identified, hired a lawyer to sue the photographer.", False),
    ("The mayor sent a letter to the board.", "The mayor, who did not attend the meeting, sent a letter to the board.",
     False),
    ("The mayor attended the meeting and sent a letter.",
     "The mayor, who did not attend the meeting, sent a letter.", True),
    # ... and the clause around it is read without it.
    ("The firm sells the plant.", "The firm, which had owned the plant since 1990, did not sell the plant.", True),
    ("The firm had owned the plant since 1990.",
     "The firm, which had owned the plant since 1990, did not sell the plant.", False),
])
def test_a_relative_clause_set_off_by_commas_is_a_clause_of_its_own(claim: str, source: str, conflicts: bool) -> None:
    assert (conflict(claim, source) is not None) is conflicts


def test_a_reason_quotes_the_clause_without_the_relative_clause() -> None:
    c = conflict("The firm sells the plant.", "The firm, which had owned the plant since 1990, did not sell the plant.")
    assert c is not None and c.part.text == "The firm did not sell the plant."
