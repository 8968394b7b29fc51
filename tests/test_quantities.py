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
    ("Nearly 2,000 signatures were collected.", "count", 1700, 2000.5),
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
    ("Suspensions dropped by nearly 30 percent.", 0.695, 0.745),
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
    ("The Brio 15 weighs 1.8 kg.", ["measure"]),
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
    # A long run-on "sentence" (a caption and a stats box) that gives the claim's figure and, almost as close
    # to its words, another of the same thing: the one it gives is the claim's.
    ("Bueno has scored 17 goals for Rayo this season.",
     "Bueno celebrates scoring for Madrid in November Bueno has scored 17 goals for Rayo this season and "
     "could soon move to Porto CLUBS Rayo (2013-) 65 apps, 26 goals", ["supported"]),
    ("Bueno has scored 17 goals for Rayo this season.",
     "Bueno has scored 26 goals for Rayo this season.", ["contradicted"]),
])
def test_match_quantities(claim: str, source: str, verdicts: list[str]) -> None:
    assert [m.verdict for m in match_quantities(claim, source)] == verdicts


# A share of a group measures the part its predicate names: another part of the same group is another
# measure (neither agreeing nor disagreeing), the same part in other figures is compared.
@pytest.mark.parametrize("claim,source,verdict", [
    ("Nearly half of those counted were sleeping outdoors.",
     "Roughly one in five of those counted were children under 18.", "unrelated"),
    ("About 40 percent of the members were women.", "A quarter of the members were retired.", "unrelated"),
    ("Two-thirds of the patients had been vaccinated.", "One in ten of the patients had diabetes.", "unrelated"),
    ("30% of respondents said they cycle to work.", "Half of respondents said they own a car.", "unrelated"),
    ("About 20 percent of the people counted were children.",
     "Roughly one in five of those counted were children under 18.", "supported"),
    ("Half of those counted were children.", "Roughly one in five of those counted were children under 18.",
     "contradicted"),
    ("A third of the members were women.", "Some 45 percent of the members were women.", "contradicted"),
    ("60% of respondents said they cycle to work.", "Three in ten respondents cycle to work.", "contradicted"),
])
def test_shares_of_a_group_by_their_predicate(claim: str, source: str, verdict: str) -> None:
    assert [m.verdict for m in match_quantities(claim, source)] == [verdict]


# -- units of measure: converted within a dimension, never across ---------------------------------------

@pytest.mark.parametrize("text,dimension,lo,hi", [
    ("The laptop weighs 1.8 kg.", "mass", 1.75, 1.85),
    ("The laptop weighs 1.8kg.", "mass", 1.75, 1.85),
    ("The bag weighs 1,500 grams.", "mass", 1.45, 1.55),
    ("The bag weighs two kilograms.", "mass", 2.0, 2.0),
    ("The laptop weighs under a kilogram.", "mass", 0.0, 1.0),
    ("The parcel weighs about 4 pounds.", "mass", 1.4061, 2.2226),
    ("A 10-pound bag of rice weighs a lot.", "mass", 4.082, 4.990),
    ("The trail is 5 miles long.", "length", 7242.0, 8851.4),
    ("The trail is 8 km long.", "length", 7500.0, 8500.0),
    ("The trail is half a mile long.", "length", 804.672, 804.672),
    ("The tank holds 40 litres.", "volume", 36, 44),
    ("The tank holds 10 gallons.", "volume", 34.07, 50.01),
    ("The limit is 30 mph.", "speed", 12.07, 14.75),
    ("The limit is 50 km/h.", "speed", 12.5, 15.278),
    ("The limit is 50 kilometres per hour.", "speed", 12.5, 15.278),
    ("It was 20°C at noon.", "temperature", 291.15, 295.15),
    ("It was about 20 °C at noon.", "temperature", 289.15, 297.15),
    ("It was -5 °C at dawn.", "temperature", 267.65, 268.65),
    ("It was 68 degrees Fahrenheit.", "temperature", 292.87, 293.43),
    ("The park covers 3 hectares.", "area", 25000.0, 35000.0),
    ("The park covers 12 acres.", "area", 46538.85, 50585.7),
    ("The flat is 900 square feet.", "area", 78.97, 88.26),
])
def test_measures_in_their_base_unit(text: str, dimension: str, lo: float, hi: float) -> None:
    q = one(text, "measure")
    assert q.unit == dimension
    approx(q, lo, hi, rel=2e-3)


@pytest.mark.parametrize("text", [
    "Tickets cost 5 pounds.",  # money: the sentence says nothing of weight
    "Wi-Fi costs $2 a mile.",
    "He won 5 games.",
    "It grew 5m last year.",  # five million, not five metres
])
def test_no_measure_where_none_is_meant(text: str) -> None:
    assert not [q for q in quantities(text) if q.kind == "measure"]


@pytest.mark.parametrize("claim,source,verdict", [
    ("The Brio 15 weighs under a kilogram.", "The Brio 15 weighs 1.8 kg.", "contradicted"),
    ("The Brio 15 weighs under 2 kilograms.", "The Brio 15 weighs 1.8 kg.", "supported"),
    ("The bag weighs 1,500 grams.", "The bag weighs 1.5 kg.", "supported"),
    ("The bag weighs 1.5 kg.", "The bag weighs 1,500 grams.", "supported"),
    ("The bag weighs 3 kg.", "The bag weighs 1,500 grams.", "contradicted"),
    ("The trail is 5 miles long.", "The trail is 8 km long.", "supported"),
    ("The trail is 8 km long.", "The trail is 5 miles long.", "supported"),
    ("The bag weighs 30 kg.", "The bag weighs 45 kg.", "contradicted"),
    ("The trail is 5 miles long.", "The trail is 12 km long.", "contradicted"),
    ("The wait was 30 minutes.", "The wait was half an hour.", "supported"),
    ("The wait was half an hour.", "The wait was 30 minutes.", "supported"),
    ("The wait was 90 minutes.", "The wait was half an hour.", "contradicted"),
    ("The high in Denver was about 20°C.", "The high in Denver was 68 degrees Fahrenheit.", "supported"),
    ("The high in Denver was 30°C.", "The high in Denver was 68 degrees Fahrenheit.", "contradicted"),
    ("The speed limit is 30 mph.", "The speed limit is 50 km/h.", "supported"),
    ("The speed limit is 30 mph.", "The speed limit is 80 km/h.", "contradicted"),
    ("The park covers 3 hectares.", "The park covers 7.4 acres.", "supported"),
    ("The tank holds 10 gallons.", "The tank holds 40 litres.", "supported"),
    ("The bag weighs 5 kg.", "The bag is 5 km long.", "unrelated"),  # a kilogram is no length
    ("The bag weighs 5 kg.", "The bag holds 5 litres.", "unrelated"),
])
def test_measures_compared_across_units(claim: str, source: str, verdict: str) -> None:
    assert [m.verdict for m in match_quantities(claim, source)] == [verdict]


# -- hedges: one width, and bounds on either side read as intervals ---------------------------------------

@pytest.mark.parametrize("text,lo,hi", [
    # "about X" = X ± 10% plus the rounding of X's last written digit, for every hedge word.
    ("About 300 homes flooded.", 269.5, 330.5),
    ("Around 300 homes flooded.", 269.5, 330.5),
    ("Roughly 300 homes flooded.", 269.5, 330.5),
    ("Approximately 300 homes flooded.", 269.5, 330.5),
    ("Some 300 homes flooded.", 269.5, 330.5),
    ("About 4.8 million people voted.", 4.27e6, 5.33e6),
    # "nearly/almost X" = [0.85 X, X] (and X's rounding).
    ("Nearly 300 homes flooded.", 255, 300.5),
    ("Almost 300 homes flooded.", 255, 300.5),
    ("Close to 300 homes flooded.", 255, 300.5),
    # Bounds: open or closed on their side.
    ("More than 300 homes flooded.", 300, INF),
    ("Over 300 homes flooded.", 300, INF),
    ("At least 300 homes flooded.", 300, INF),
    ("Up to 300 homes flooded.", 0, 300),
    ("Under 300 homes flooded.", 0, 300),
    ("Fewer than 300 homes flooded.", 0, 300),
])
def test_one_width_per_hedge(text: str, lo: float, hi: float) -> None:
    approx(one(text, "count"), lo, hi)


@pytest.mark.parametrize("text,open_side", [
    ("More than 300 homes flooded.", "lo"), ("Over 300 homes flooded.", "lo"),
    ("Under 300 homes flooded.", "hi"), ("Fewer than 300 homes flooded.", "hi"),
])
def test_strict_bounds_are_open(text: str, open_side: str) -> None:
    q = one(text, "count")
    assert (q.lo > 300) if open_side == "lo" else (q.hi < 300)


@pytest.mark.parametrize("claim,source,verdict", [
    # The matcher is no wider than the hedge: 330 is "about 300", 340 is not.
    ("about 300 homes", "330 homes", "supported"),
    ("about 300 homes", "340 homes", "contradicted"),
    ("about 300 homes", "265 homes", "contradicted"),
    ("nearly 300 homes", "260 homes", "supported"),
    ("nearly 300 homes", "250 homes", "contradicted"),
    ("nearly 300 homes", "310 homes", "contradicted"),
    ("almost 300 homes", "299 homes", "supported"),
    # A bound in the source is an interval too: a contradiction only when they cannot overlap.
    ("35 applicants", "up to 40 applicants", "unclear"),
    ("45 applicants", "up to 40 applicants", "contradicted"),
    ("20,000 fans", "more than 18,000 fans", "unclear"),
    ("15,000 fans", "more than 18,000 fans", "contradicted"),
    ("more than 18,000 fans", "more than 18,500 fans", "supported"),
    ("fewer than 100 fans", "more than 18,000 fans", "contradicted"),
    ("at least 40 applicants", "up to 40 applicants", "unclear"),
    ("more than 40 applicants", "up to 40 applicants", "contradicted"),
])
def test_hedges_against_bounds(claim: str, source: str, verdict: str) -> None:
    assert _cmp(claim, source, "count") == verdict


# -- a change is never compared with a level ------------------------------------------------------------

@pytest.mark.parametrize("claim,source", [
    ("Turnout rose by 5%.", "Turnout stood at 5%."),
    ("Turnout rose 5 percent.", "Turnout rose to 5 percent."),
    ("Support fell 12 points.", "Support is at 12%."),
    ("Prices were up 3%.", "Inflation was 3%."),
])
def test_a_change_is_not_a_level(claim: str, source: str) -> None:
    assert [m.verdict for m in match_quantities(claim, source)] == ["unrelated"]


@pytest.mark.parametrize("text,lo,hi", [
    ("It must seat not less than 40 guests.", 40, INF),
    ("It must seat no less than 40 guests.", 40, INF),
    ("It must seat not fewer than 40 guests.", 40, INF),
    ("It must seat no fewer than 40 guests.", 40, INF),
    ("It must seat at least 40 guests.", 40, INF),
    ("It must seat a minimum of 40 guests.", 40, INF),
    ("It must seat not below 40 guests.", 40, INF),
    ("It holds not more than 40 guests.", 0, 40),
    ("It holds no more than 40 guests.", 0, 40),
    ("It holds not exceeding 40 guests.", 0, 40),
    ("It holds a maximum of 40 guests.", 0, 40),
    ("It holds not over 40 guests.", 0, 40),
    ("It holds no greater than 40 guests.", 0, 40),
])
def test_negated_bounds_are_the_opposite_bound(text: str, lo: float, hi: float) -> None:
    # "not less than 40" is at least 40, never "less than" 40; "no more than 40" never "more than" 40.
    approx(one(text, "count"), lo, hi)


@pytest.mark.parametrize(("text", "read"), [
    # "N in M" is a share, unless M is a year ("up from 96 in 2015-16").
    ("One in five residents rent.", [("One in five", "percent")]),
    ("About 1 in 2000 patients react.", [("1 in 2000", "percent")]),
    ("The count was up from 96 in 2015-16.", [("96", "count"), ("2015", "year")]),
    ("Sales reached 40 in 2019.", [("40", "count"), ("2019", "year")]),
    ("It rose to 12 in 2020 and 14 in 2021.", [("12", "count"), ("2020", "year"), ("14", "count"), ("2021", "year")]),
    # A reference marker is no figure.
    ("The districts are rural [1].", []),
    ("The study ran six years [2, 3].", [("six years", "duration")]),
])
def test_shares_years_and_reference_marks(text: str, read: list[tuple[str, str]]) -> None:
    assert [(q.text, q.kind) for q in quantities(text)] == read


# -- "over" before a span of time: the period a thing ran across, unless it follows a verb of lasting ----

@pytest.mark.parametrize("text,hedge", [
    ("The study compared 61 districts with similar districts over six years.", "exact"),
    ("The loan will be repaid over ten years.", "exact"),
    ("Over two decades, the town grew by half.", "exact"),
    ("Prices rose 20% over five years.", "exact"),
    ("The pilot followed 2,340 students over one school year.", "exact"),
    ("The strike lasted over two weeks.", "more"),
    ("He has lived there for over ten years.", "more"),
    ("It was the first rise in over a decade.", "more"),
    ("The mill closed over 20 years ago.", "more"),
    ("Residents over 65 years old ride free.", "more"),
    ("It took over three hours to clear the road.", "more"),
    ("She has worked there well over ten years.", "more"),
    ("Over 10,000 people came.", "more"),
])
def test_over_before_a_span_of_time(text: str, hedge: str) -> None:
    q = [q for q in quantities(text) if q.kind in ("duration", "count")][-1]
    assert q.hedge == hedge


@pytest.mark.parametrize("claim,source,verdict", [
    ("The study followed 61 districts over ten years.", "The study compared 61 districts over six years.",
     "contradicted"),
    ("The loan is repaid over 20 years.", "The loan will be repaid over 25 years.", "contradicted"),
    ("The loan is repaid over 25 years.", "The loan will be repaid over 25 years.", "supported"),
    ("The strike lasted more than a week.", "The strike lasted over two weeks.", "supported"),
])
def test_spans_of_time_compared(claim: str, source: str, verdict: str) -> None:
    got = [m.verdict for m in match_quantities(claim, source) if m.claim.kind == "duration"]
    assert got == [verdict]


@pytest.mark.parametrize("text", ["Grandmother-of-three Pat lost her husband.", "a father-of-two from Leeds",
                                  "the best-of-five series", "a mother-of-four who runs"])
def test_a_number_word_that_ends_a_compound_noun_is_no_quantity(text):
    assert quantities(text) == []


@pytest.mark.parametrize(("text", "unit"), [("It fetched $ 137,000 at auction.", "USD"),
                                             ("He was fined £ 85 for parking.", "GBP")])
def test_a_currency_sign_apart_from_its_figure_is_still_money(text, unit):
    [q] = quantities(text)
    assert q.kind == "money" and q.unit == unit and q.text.startswith(("$", "£"))


@pytest.mark.parametrize(("claim", "verdict"), [
    ("Heat stroke patients more than doubled in a week.", "supported"),
    ("The number of heat stroke patients rose 144 percent.", "supported"),
    ("Heat stroke patients tripled in a week.", "contradicted"),
    ("Heat stroke patients halved in a week.", "contradicted"),
])
def test_a_level_and_its_earlier_value_make_a_factor(claim: str, verdict: str) -> None:
    source = "The hospital treated 212 patients for heat stroke last week, up from 87 the week before."
    assert [m.verdict for m in match_quantities(claim, source) if m.claim.kind == "factor"] == [verdict]


def test_shares_make_no_factor() -> None:
    # "30%, up from 22%" may be told as 8 points or 36 percent: neither reading is taken.
    matches = match_quantities("The share rose 8 percent.", "The share of buyers was 30%, up from 22% a year ago.")
    assert all(m.verdict != "contradicted" for m in matches)


@pytest.mark.parametrize(("claim", "source", "verdict"), [
    # A limit is its figure.
    ("The API allows up to 1,000 requests per minute.", "The API accepts up to 100 requests per minute.",
     "contradicted"),
    ("Refunds are available within 60 days of purchase.", "Refunds are available within 30 days of purchase.",
     "contradicted"),
    ("The API allows up to 100 requests per minute.", "The API accepts up to 100 requests per minute.", "supported"),
    ("Children under 16 ride free.", "Children under 18 ride free.", "contradicted"),
    # A lower bound told short is left as an interval.
    ("More than 40 people were hurt.", "More than 50 people were hurt.", "supported"),
])
def test_two_limits_are_compared_by_their_figures(claim: str, source: str, verdict: str) -> None:
    assert [m.verdict for m in match_quantities(claim, source) if m.claim.kind != "money"] == [verdict]


def test_unlimited_is_beyond_any_limit() -> None:
    source = "The Pro plan costs $49 per month and includes up to 10 user seats."
    [m] = [m for m in match_quantities("The Pro plan includes unlimited user seats.", source) if m.source]
    assert m.verdict == "contradicted" and m.source.text == "10"
    assert match_quantities("It includes unlimited seats.", "It includes unlimited seats.")[0].verdict == "supported"


@pytest.mark.parametrize("text", ["Version 3.0 requires Python 3.9 or later.", "It runs on Windows 10.1 only."])
def test_a_version_after_a_name_is_part_of_the_name(text: str) -> None:
    assert all(q.text not in ("3.9", "10.1") for q in quantities(text))


@pytest.mark.parametrize("source", [
    "Do not exceed 400 mg in 24 hours.",
    "The dose must not exceed 400 mg in 24 hours.",
    "Never take more than 400 mg in 24 hours.",
    "Patients should not take more than 400 mg in 24 hours.",
])
def test_a_denied_excess_is_a_limit(source: str) -> None:
    [q] = [q for q in quantities(source) if "mg" in q.text]
    assert q.hedge == "at_most"
    assert [m.verdict for m in match_quantities("Adults may take up to 600 mg in 24 hours.", source)
            if "mg" in m.claim.text] == ["contradicted"]


@pytest.mark.parametrize(("claim", "source", "verdict"), [
    # A limit is no figure under it: a dose of 200 mg does not state a daily limit of 600.
    ("Adults may take up to 600 mg a day.", "Adults should take one 200 mg tablet.", "unclear"),
    ("The plan includes up to 10 seats.", "The plan includes 5 seats.", "unclear"),
    # ... but the limit's own figure names it.
    ("The plan includes up to 10 seats.", "The plan includes 10 seats.", "supported"),
])
def test_a_limit_against_a_figure_that_is_no_limit(claim: str, source: str, verdict: str) -> None:
    assert [m.verdict for m in match_quantities(claim, source) if m.verdict != "unrelated"] == [verdict]


def test_a_limit_is_compared_with_the_source_s_limit_not_a_figure_beside_it(checker) -> None:
    from .conftest import only_claim
    source = "Adults should take one 200 mg tablet twice daily with food. Do not exceed 400 mg in 24 hours."
    c = only_claim(checker, "Adults may take up to 600 mg in 24 hours.", source)
    assert c.label == "contradicted" and "400" in c.reason
    assert only_claim(checker, "Adults may take up to 400 mg in 24 hours.", source).label == "supported"
    # A limit of another span of time is no partner: "at a time" is not "in 24 hours".
    assert only_claim(checker, "Adults can take up to 200 mg at a time.", source).label != "contradicted"


@pytest.mark.parametrize(("claim", "verdict"), [
    ("The tenant must give at least two months' notice.", "supported"),  # 60.9 days: the same limit
    ("The tenant must give at least 30 days' notice.", "contradicted"),
    ("The tenant must give at least 90 days' notice.", "contradicted"),
])
def test_a_required_floor_is_a_limit_within_a_unit_s_conversion(claim: str, verdict: str) -> None:
    source = "The tenant must give at least 60 days' written notice before moving out."
    assert [m.verdict for m in match_quantities(claim, source) if m.verdict != "unrelated"] == [verdict]


def test_a_floor_that_reports_stays_an_interval() -> None:
    [q] = quantities("At least 40 people were hurt.")
    assert q.hedge == "at_least"
    [q] = quantities("Passwords must be at least 12 characters long.")
    assert q.hedge == "minimum"


@pytest.mark.parametrize(("claim", "source"), [
    ("Operating profit rose 12%.", "Revenue fell 3% to $8.1 billion, while operating profit rose 12% as costs fell."),
    ("Revenue fell 3%.", "Revenue fell 3% to $8.1 billion, while operating profit rose 12% as costs fell."),
    ("Exports grew 4%.", "Imports dropped 9%, but exports grew 4%."),
])
def test_a_figure_s_words_stop_at_a_clause_of_contrast(claim: str, source: str) -> None:
    assert [m.verdict for m in match_quantities(claim, source) if m.verdict != "unrelated"] == ["supported"]


@pytest.mark.parametrize(("claim", "verdict"), [
    ("The Green Party won 12 seats.", "supported"),
    ("The Green Party won 14 seats.", "contradicted"),
])
def test_a_part_of_a_whole_counts_what_the_whole_counts(claim: str, verdict: str) -> None:
    source = "The Green Party won 12 of the 40 seats, while Labour lost control of the council."
    [q] = [q for q in quantities(source) if q.text == "12"]
    assert q.what == frozenset({"seat"})
    assert [m.verdict for m in match_quantities(claim, source)] == [verdict]


def test_a_figure_beyond_a_limit_still_contradicts_it() -> None:
    source = "Analysts cautioned that it could take a decade to bring a mine into production."
    assert [m.verdict for m in match_quantities("The mine will be in production within a year.", source)
            if m.verdict != "unrelated"] == ["contradicted"]


@pytest.mark.parametrize(("claim", "verdict"), [
    ("The planet is about three times the size of Earth.", "contradicted"),
    ("The planet is about the same size as Earth.", "contradicted"),
    ("The planet is half the size of Earth.", "contradicted"),
    ("The planet is twice as large as Earth.", "supported"),
    ("The planet is double the size of Earth.", "supported"),
])
def test_a_measure_against_another_thing_s_is_a_factor(claim: str, verdict: str) -> None:
    source = "The planet is about twice the size of Earth and orbits a red dwarf star."
    assert [m.verdict for m in match_quantities(claim, source)] == [verdict]
