"""Quantities as intervals, table by table: each phrasing → kind and [lo, hi]; then claim vs source."""

from __future__ import annotations

import math

import pytest

from onrecord.text.quantities import INF, compare, match_quantities, quantities


def one(text: str, kind: str | None = None):
    qs = [q for q in quantities(text) if kind is None or q.kind == kind]
    assert len(qs) == 1, (text, qs)
    q = qs[0]
    assert text[q.start : q.end] == q.text  # offsets always point at the figure's words
    return q


def approx(q, lo: float, hi: float, rel: float = 1e-3) -> None:
    for got, want in ((q.lo, lo), (q.hi, hi)):
        if math.isinf(want):
            assert got == want, (q, lo, hi)
        else:
            assert got == pytest.approx(want, rel=rel, abs=1e-6), (q, lo, hi)


@pytest.mark.parametrize("text,kind,lo,hi", [
    ("The school has 2,340 students.", "count", 2339.5, 2340.5),
    ("It carried 4.82 million passengers.", "count", 4.815e6, 4.825e6),
    ("The fleet grew to twenty-five buses.", "count", 25, 25),
    ("They sold one hundred and twenty tickets.", "count", 114, 126),
    ("A dozen people came.", "count", 12, 12),
    ("About 4.8 million people voted.", "count", 4.8e6 * 0.9 - 5e4, 4.8e6 * 1.1 + 5e4),
    ("Roughly 300 homes flooded.", "count", 269.5, 330.5),
    ("Nearly 2,000 signatures were collected.", "count", 1800, 2000.5),
    ("More than 40 people were hurt.", "count", 40, INF),
    ("At least 12 schools closed.", "count", 12, INF),
    ("Fewer than 30 members attended.", "count", 0, 30),
    ("Up to 500 jobs could go.", "count", 0, 500),
    ("Just over 600 pupils sat the exam.", "count", 600, 660),
    ("Some 80 firms applied.", "count", 71.5, 88.5),
    ("There are 1,000 or more cases.", "count", 1000, INF),
])
def test_counts(text: str, kind: str, lo: float, hi: float) -> None:
    approx(one(text, kind), lo, hi)


@pytest.mark.parametrize("text,lo,hi,unit", [
    ("The fare is $1.75.", 1.745, 1.755, "USD"),
    ("Checked bags cost 35 dollars each way.", 34.5, 35.5, "USD"),
    ("Printing costs 10 cents a page.", 0.095, 0.105, "USD"),
    ("The project costs $2.3 million.", 2.25e6, 2.35e6, "USD"),
    ("Tickets cost €12.", 11.5, 12.5, "EUR"),
    ("Entry is £5.", 4.5, 5.5, "GBP"),
    ("The programme cost about $1,100 per student.", 989.5, 1210.5, "USD"),
    ("Riders under 18 travel free.", 0, 0, ""),
    ("Carry-on bags are included at no charge.", 0, 0, ""),
    ("Parking is free of charge.", 0, 0, ""),
    ("Seat selection is free on Premium fares.", 0, 0, ""),
    ("Wi-Fi is free in every branch.", 0, 0, ""),
    ("The first checked bag is free.", 0, 0, ""),
    ("Delivery is at no extra cost.", 0, 0, ""),
])
def test_money(text: str, lo: float, hi: float, unit: str) -> None:
    q = one(text, "money")
    approx(q, lo, hi)
    assert q.unit == unit


@pytest.mark.parametrize("text", [
    "They are free to leave at any time.",
    "The ban protects free speech.",
    "The building is smoke-free.",
    "Call our toll-free number.",
    "He has a free kick in the last minute.",
])
def test_free_that_is_not_a_price(text: str) -> None:
    assert not [q for q in quantities(text) if q.kind == "money"]


@pytest.mark.parametrize("text,lo,hi", [
    ("Turnout was 91 percent.", 90.5, 91.5),
    ("Turnout was 91%.", 90.5, 91.5),
    ("About 30% of workers commute by bus.", 26.5, 33.5),
    ("Three in ten workers commute by bus.", 28.5, 31.5),
    ("One in four trips runs on an electric bus.", 23.75, 26.25),
    ("About one in four trips runs on an electric bus.", 21.25, 28.75),
    ("1 in 5 adults smokes.", 19, 21),
    ("One out of three voters stayed home.", 31.67, 35.0),
    ("A third of voters stayed home.", 31.67, 35.0),
    ("Two-thirds of members agreed.", 63.33, 70.0),
    ("Three quarters of the land is forest.", 71.25, 78.75),
    ("Roughly a quarter of trips are by bike.", 21.25, 28.75),
    ("Half of respondents agreed.", 47.5, 52.5),
    ("Most respondents work from home.", 50, 100),
    ("A majority of voters backed it.", 50, 100),
    ("Nearly all pupils passed.", 90, 100),
])
def test_shares(text: str, lo: float, hi: float) -> None:
    approx(one(text, "percent"), lo, hi, rel=2e-3)


@pytest.mark.parametrize("text,lo,hi", [
    ("Chronic absences fell 12% last year.", 0.875, 0.885),
    ("Chronic absences\t1,840\t1,620\t-12%", 0.875, 0.885),
    ("Revenue rose 8% to $412 million.", 1.075, 1.085),
    ("Prices are up 3 percent.", 1.025, 1.035),
    ("Suspensions dropped by nearly 30 percent.", 0.695, 0.73),
    ("Sales fell by more than 20%.", 0.0, 0.8),
    ("There was a 5% increase in fares.", 1.045, 1.055),
    ("The average commute fell by a quarter.", 0.7375, 0.7625),
    ("Costs rose by a third.", 1.3167, 1.35),
    ("Funding was cut by half.", 0.475, 0.525),
    ("Funding was cut in half.", 0.475, 0.525),
    ("Weekend ridership more than tripled.", 3.0, INF),
    ("Cycling to work has doubled since 2019.", 1.9, 2.1),
    ("The average commute was halved.", 0.475, 0.525),
    ("Sales quadrupled.", 3.8, 4.2),
    ("A threefold increase in cases.", 2.85, 3.15),
    ("Twice as many people came.", 1.9, 2.1),
    ("Roughly doubled after the change.", 1.7, 2.3),
])
def test_changes_are_factors(text: str, lo: float, hi: float) -> None:
    approx(one(text, "factor"), lo, hi, rel=2e-3)


@pytest.mark.parametrize("text,lo_days,hi_days", [
    # Months are 28-31 days and years 365-366: a duration covers its unit's range.
    ("Points expire after two and a half years.", 912.5, 915),
    ("Points expire after 30 months.", 30 * 28 - 15.5, 30 * 31 + 15.5),
    ("It will take roughly eighteen months.", 504 - 53.1, 558 + 53.1),
    ("It takes roughly a fortnight.", 14 * 0.9, 14 * 1.1),
    ("Refunds within 24 hours of booking.", 0, 1.0),
    ("Refunds within a day of booking.", 0, 1.0),
    ("The work lasted a year and a half.", 547.5, 549),
    ("It took half an hour.", 0.5 / 24, 0.5 / 24),
    ("Water went over the top for roughly two hours.", 2 / 24 * 0.9, 2 / 24 * 1.1),
    ("The pilot ran for 3 weeks.", 2.5 * 7, 3.5 * 7),
    ("A 10-year plan.", 3650 - 183, 3660 + 183),
    ("They gained three extra months of learning.", 84, 93),
    ("It closed for five consecutive days.", 5, 5),
    ("A fortnight later the lane opened.", 14, 14),
])
def test_durations_in_days(text: str, lo_days: float, hi_days: float) -> None:
    approx(one(text, "duration"), lo_days, hi_days, rel=2e-3)


@pytest.mark.parametrize("text", [
    "Wi-Fi costs $2 an hour.", "The board meets twice a year.", "Staff work from home one day a week.",
    "Printing costs 10 cents a page.", "Students attended two sessions a week.",
])
def test_rates_are_not_durations(text: str) -> None:
    qs = quantities(text)
    assert not [q for q in qs if q.kind == "duration" and q.text.lower().startswith(("a ", "an "))]


@pytest.mark.parametrize("text,votes_for,against", [
    ("The council voted 7-2 to approve the lane.", 7, 2),
    ("The council approved the lane by a vote of 7 to 2.", 7, 2),
    ("The council voted six to one to adopt the ordinance.", 6, 1),
    ("The proposal was defeated, four votes to three.", 4, 3),
    ("The motion was carried seven votes to none.", 7, 0),
    ("Councillors voted 5–2 to rename the road.", 5, 2),
    ("City beat Rovers 3-1 on Saturday.", 3, 1),
])
def test_tallies(text: str, votes_for: float, against: float) -> None:
    q = one(text, "tally")
    assert (q.lo, q.against) == (votes_for, against)


@pytest.mark.parametrize("text", [
    "The motion was approved unanimously.",
    "The board gave unanimous approval.",
    "The plan passed without dissent.",
    "The bill passed with no votes against.",
])
def test_unanimous(text: str) -> None:
    q = one(text, "tally")
    assert q.against == 0 and q.hi == INF


@pytest.mark.parametrize("text,kinds", [
    ("The sale runs Nov. 21-23.", []),
    ("It opened on 4 March 2025.", ["year"]),
    ("In 2024-25 attendance rose.", ["year"]),
    ("The branch opens at 9 am.", ["time"]),
    ("Attendance rose 2.3 percentage points.", ["points"]),
    ("The third quarter was weak.", []),
    ("In the second half of the year.", []),
    ("It will take 5-10 weeks.", ["duration"]),
    ("The Brio 15 weighs 1.8 kg.", ["count"]),
    ("Traffic on Route 9 rose.", []),
    ("The average one-way commute", []),
    ("In March 2025 the lane opened.", ["year"]),
    ("The Eastside pool closed.", []),
    ("Inflation is between 3 and 4 percent.", ["percent"]),
    ("Inflation is 3 to 4 percent.", ["percent"]),
])
def test_not_counts(text: str, kinds: list[str]) -> None:
    assert [q.kind for q in quantities(text)] == kinds


def test_range_covers_both_ends() -> None:
    approx(one("It will take 5-10 weeks.", "duration"), 4.5 * 7, 10.5 * 7)
    approx(one("Inflation is between 3 and 4 percent.", "percent"), 2.5, 4.5)


def test_earlier_value_is_marked() -> None:
    qs = quantities("Three in ten workers commute by bus, up from 22 percent in 2019.")
    assert [(q.kind, q.before) for q in qs] == [("percent", False), ("percent", True), ("year", False)]


def test_what_is_counted() -> None:
    qs = quantities("The pilot followed 2,340 students in 18 middle schools.")
    assert [sorted(q.what) for q in qs] == [["student"], ["middle", "school"]]


def _cmp(claim: str, source: str, kind: str) -> str:
    return compare(one(claim, kind), one(source, kind))


@pytest.mark.parametrize("claim,source,kind,verdict", [
    ("about 4.8 million passengers", "4.82 million passengers", "count", "supported"),
    ("about 5.5 million passengers", "4.82 million passengers", "count", "contradicted"),
    ("nearly 4.9 million passengers", "4.82 million passengers", "count", "supported"),
    ("more than 2,000 signatures", "2,340 signatures", "count", "supported"),
    ("more than 3,000 signatures", "2,340 signatures", "count", "contradicted"),
    ("at least 50 schools", "more than 40 schools", "count", "unclear"),
    ("2,340 students", "18 schools", "count", "unrelated"),
    ("roughly doubled", "more than tripled", "factor", "contradicted"),
    ("tripled", "more than tripled", "factor", "supported"),
    ("more than doubled", "tripled", "factor", "supported"),
    ("was halved", "fell by a quarter", "factor", "contradicted"),
    ("has tripled", "has doubled", "factor", "contradicted"),
    ("fell 12%", "-12%", "factor", "supported"),
    ("dropped by nearly 30 percent", "-29%", "factor", "supported"),
    ("rose 12%", "fell 12%", "factor", "contradicted"),
    ("roughly a quarter of trips", "about one in four trips", "percent", "supported"),
    ("about 30% of workers", "three in ten workers", "percent", "supported"),
    ("most respondents", "52 percent of respondents", "percent", "supported"),
    ("a third of voters", "29% of voters", "percent", "contradicted"),
    ("pay $1.75", "travel free", "money", "contradicted"),
    ("is free", "at no charge", "money", "supported"),
    ("35 dollars each way", "$35 each way", "money", "supported"),
    ("$25", "£25", "money", "unrelated"),
    ("30 months", "two and a half years", "duration", "supported"),
    ("about a year and a half", "roughly eighteen months", "duration", "supported"),
    ("within a day", "within 24 hours", "duration", "supported"),
    ("three months", "90 days", "duration", "supported"),
    ("six months", "90 days", "duration", "contradicted"),
    ("two weeks", "a fortnight", "duration", "supported"),
    ("about two hours", "roughly two hours", "duration", "supported"),
    ("about two hours", "six hours", "duration", "contradicted"),
    ("voted 6-1", "voted six to one", "tally", "supported"),
    ("voted 5-2", "approved unanimously", "tally", "contradicted"),
    ("unanimously rejected", "defeated, four votes to three", "tally", "contradicted"),
    ("defeated 4-3", "defeated, four votes to three", "tally", "supported"),
    ("defeated 3-4", "defeated, four votes to three", "tally", "supported"),
    ("passed 7-0", "passed unanimously", "tally", "supported"),
])
def test_compare(claim: str, source: str, kind: str, verdict: str) -> None:
    assert _cmp(claim, source, kind) == verdict


def test_earlier_value_is_not_compared_with_a_current_one() -> None:
    claim = one("About 30% of workers commute by bus.", "percent")
    source = quantities("Three in ten workers commute by bus, up from 22 percent in 2019.")[1]
    assert compare(claim, source) == "unrelated"


@pytest.mark.parametrize("claim,source,verdicts", [
    ("Harbor Transit carried about 4.8 million passengers in 2025.",
     "Harbor Transit carried 4.82 million passengers in 2025, up from 3.9 million in 2024.",
     ["supported"]),
    ("Weekend ridership roughly doubled after Saturday service was extended.",
     "Weekend ridership more than tripled after Saturday service was extended to midnight in April.",
     ["contradicted"]),
    ("Riders under 18 pay $1.75 a trip.", "The adult fare stayed at $1.75, and riders under 18 travel free.",
     ["unrelated", "contradicted"]),  # riders under 18 travel free: the $1.75 is the adult fare
    ("The levy will rise 3.5 percent.", "The levy will rise 2.9 percent, below the state cap of 3.5 percent.",
     ["contradicted"]),
    ("The Congress Street depot should be finished in about a year and a half.",
     "The agency expects to finish the Congress Street depot in roughly eighteen months.", ["supported"]),
    ("The pilot followed 2,340 students in 18 middle schools.",
     "The pilot followed 2,340 students in 18 middle schools over one school year.", ["supported", "supported"]),
    ("The council voted 5-2 to rename Station Road.",
     "The motion to rename Station Road after the late mayor was approved unanimously.", ["contradicted"]),
    ("The average commute was halved.", "The average one-way commute fell by a quarter, from 40 minutes to 30 minutes.",
     ["contradicted"]),
    ("The average one-way commute is now 30 minutes.",
     "The average one-way commute fell by a quarter, from 40 minutes to 30 minutes.", ["supported"]),
    ("About 30% of workers now commute by public transport.",
     "Three in ten workers now commute by public transport, up from 22 percent in 2019.", ["supported"]),
    ("Chronic absences fell 12% in 2024-25.",
     "Indicator: Chronic absences; 2023-24: 1,840; 2024-25: 1,620; Change: -12%", ["supported"]),
    ("Enrollment is expected to fall by more than 400 students.",
     "Enrollment is projected to fall from 12,910 students to 12,480.", ["unrelated"]),
    ("The landfill will be full in about four years.",
     "The expansion adds roughly eleven years of capacity.", ["unrelated"]),
    ("Average daily attendance rose to 93.5%.", "Average daily attendance\t91.2%\t93.5%\t+2.3 pts", ["supported"]),
    ("Profit climbed 8% to $412 million on revenue of $1.9 billion.",
     "Quarterly profit rose 8 percent to $412 million.", ["supported", "supported", "unrelated"]),
    ("New hires must be on site for their first three months.",
     "Employees in their first 90 days must work on site full time.", ["supported"]),
    ("Nearly two-thirds of workers still drive to work.",
     "Three in ten workers now commute by public transport.", ["unrelated"]),
    ("Enrollment rose by 400 students.", "Enrollment fell by 400 students.", ["contradicted"]),
    ("The Brio 15 lasts about 8 hours on a charge.",
     "Model: Brio 15; Battery life: 8 hours; Weight: 1.8 kg; Price: $899", ["supported"]),
])
def test_match_quantities(claim: str, source: str, verdicts: list[str]) -> None:
    assert [m.verdict for m in match_quantities(claim, source)] == verdicts
