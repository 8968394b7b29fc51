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
])
def test_claim_asserts_what_the_source_denies(claim: str, source: str) -> None:
    assert conflict(claim, source) is not None


SRC_POOLS = "Private swimming pools may not be filled until the restrictions are lifted."
SRC_REFUND = "Refunds are issued only after the signed form is received."
SRC_BRIDGE = "The bridge will not reopen until the safety inspection is complete."
SRC_GRANT = "Grants are paid only once the final report has been approved."


@pytest.mark.parametrize("claim,source,conflicts", [
    # A bound that is an event: the claim says the clause holds now or meanwhile.
    ("Households may fill private pools while the restrictions are in force.", SRC_POOLS, True),
    ("Private pools can already be filled.", SRC_POOLS, True),
    ("Private swimming pools may be filled during the restrictions.", SRC_POOLS, True),
    ("Refunds are issued immediately.", SRC_REFUND, True),
    ("Refunds are currently issued without the signed form.", SRC_REFUND, True),
    ("The bridge has already reopened.", SRC_BRIDGE, True),
    ("Grants are paid now, before the final report.", SRC_GRANT, True),
    # ... or says nothing of when, or puts it after the event: no conflict.
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
    ("They will ease in January.", SRC_FREIGHT),
    ("The library scrapped late fees on children's books.", "The library abolished late fees on children's books."),
    # A pronoun in the source ("they" = freight costs) is not resolved here: no conflict is claimed.
    ("Freight costs will ease well before December.", SRC_FREIGHT),
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
