"""Figures compared on their values: qualifiers, derived changes, dates, and context pairing."""

from __future__ import annotations

import pytest

from onrecord.judge.figures import check_quantities, extract
from onrecord.text.numwords import word_numbers

BUDGET = (
    "The board adopted a general fund budget of $184.6 million for fiscal year 2026, compared with $176.2 million "
    "in fiscal year 2025.\n\nEnrollment is projected at 12,480 students, down from 12,910 last year.\n\n"
    "Spending per student rises to $14,792. The property tax levy increases 2.9 percent, below the state cap of "
    "3.5 percent.\n\nThe budget takes effect on July 1, 2025."
)


def status(claim: str, source: str = BUDGET) -> list[str]:
    return [c.status for c in check_quantities(claim, {"s": source})]


def test_extracts_money_percent_dates_and_counts():
    units = [(q.unit, q.value) for q in extract("It cost $1.2 million, up 12 percent, on July 1, 2025, for 40 staff.")]
    assert ("money", 1_200_000.0) in units
    assert ("percent", 12.0) in units
    assert ("date", 2025.0) in units
    assert ("count", 40.0) in units


def test_model_numbers_are_not_quantities():
    assert [q.text for q in extract("recalling 84,000 BK-200 kettles and the BK-200X")] == ["84,000"]


def test_percent_change_is_derived_from_two_amounts():
    assert status("approved a $184.6 million budget, an increase of nearly 5 percent over last year") == ["match", "match"]
    assert status("approved a $184.6 million budget, an increase of 12 percent over last year")[1] == "mismatch"


def test_difference_is_derived_for_a_fall():
    assert status("Enrollment is expected to fall by more than 400 students.") == ["match"]


def test_the_figure_about_the_same_thing_is_compared():
    # 3.5 percent is in the source, but as the state cap: the levy rises 2.9 percent.
    assert status("The tax levy will rise 3.5 percent.") == ["mismatch"]
    assert status("The tax levy will rise 2.9 percent.") == ["match"]


def test_qualifiers():
    assert status("Per-student spending will top $15,000.") == ["mismatch"]
    assert status("Per-student spending will be nearly $15,000.") == ["match"]
    assert status("Per-student spending will be under $15,000.") == ["match"]


def test_partial_date_matches_full_date():
    assert status("The new budget takes effect in July 2025.") == ["match"]
    assert status("The new budget takes effect in August 2025.") != ["match"]


def test_time_units_convert():
    src = "Employees in their first 90 days must work on site full time."
    assert status("new hires must be on site for their first three months", src) == ["match"]


def test_figures_the_sources_do_not_have_are_unmatched():
    assert status("Brightline shares fell 4 percent after the announcement.", "No serious injuries.") == ["unmatched"]


def test_someone_elses_figure_is_no_contradiction():
    src = "Muto, pictured in action against Ventforet Kofu, has scored three goals in four games."
    assert status("Falcao scored 37 goals in 90 appearances.", src) == ["unmatched", "unmatched"]
    assert status("Muto has scored five goals in four games.", src)[0] == "mismatch"


@pytest.mark.parametrize(("claim", "source"), [
    # A part of a series ("the final three", "the first two", "another 40") is another quantity than the
    # whole the source counts.
    ("Williams won the final three frames to lead overnight.", "Williams took five of the nine frames."),
    ("The team lost the first two matches of the tour.", "The team lost five matches on the tour."),
    ("The plant will add another 40 jobs this year.", "The plant employs 300 jobs in the town."),
    ("Sales fell in the last four quarters.", "Sales fell in nine quarters of the decade."),
    ("The remaining 12 patients were sent home.", "The hospital treated 30 patients."),
])
def test_a_part_of_a_series_is_no_contradiction_of_the_whole(claim: str, source: str) -> None:
    assert status(claim, source)[0] == "unmatched"


@pytest.mark.parametrize(("claim", "source"), [
    ("Williams won the final three frames.", "Williams won the final five frames."),
    ("The team lost the first two matches.", "The team lost the first four matches."),
    ("The firm cut 40 jobs.", "The firm cut 60 jobs."),
])
def test_the_same_part_of_a_series_is_compared(claim: str, source: str) -> None:
    assert status(claim, source)[0] == "mismatch"


def test_a_figure_of_another_part_is_passed_over_for_the_claims_own():
    src = ("Either party may end this Agreement at any time after the first six months of the Term by giving "
           "the other not less than two months' written notice.")
    [found] = check_quantities("You can end the tenancy at any time by giving one month's notice.", {"s": src})
    assert found.status == "mismatch" and found.source.text == "two"


@pytest.mark.parametrize("text,months", [
    ("The council meets at its November meeting.", [11]),
    ("We meet in May.", [5]),
    ("May I ask a question?", []),
    ("They may march in August.", [8]),  # after "in"
    ("The august body met.", []),
    ("Jan Smith spoke.", []),
])
def test_which_month_names_are_months(text: str, months: list[int]) -> None:
    assert [q.month for q in extract(text) if q.unit == "date"] == months


def test_a_month_says_nothing_about_a_year():
    assert status("He made an attempt last September.", "The book was published in 1936.") == ["unmatched"]


def test_what_each_kind_of_figure_is_read_as():
    def read(text):
        return [(q.value, q.unit, q.noun, q.text) for q in extract(text)]

    assert read("Reed scored in the 81st minute.") == [(81.0, "ordinal", "minute", "81st")]
    assert read("He scored his second goal.") == [(2.0, "ordinal", "goal", "second")]
    # A reference marker is no figure; "scores" counts only in "scores of"; a number word joined by a hyphen
    # counts what it is joined to.
    assert read("Most districts are rural [1].") == []
    assert read("The study ran six years [2, 3].") == [(2190.0, "count", "days", "six")]
    assert read("Maths scores were lower.") == []
    assert read("Scores of residents left.") == [(40.0, "count", "residents", "Scores")]
    assert read("Four-day districts saved money.") == [(4.0, "count", "day", "Four")]  # a kind of district, no stretch of time
    # A hyphenated ordinal counts the same thing: "the third-quarter call" is about the third quarter.
    assert read("Welcome to the third-quarter call.") == [(3.0, "ordinal", "quarter", "third")]
    assert status("Revenue rose in the third quarter.", "Welcome to our third-quarter call.") == ["match"]
    assert status("Revenue rose in the second quarter.", "Welcome to our third-quarter call.") != ["match"]
    # A dash after a space or a colon is a sign, not a range ("vs. Q2 2025: -14%"); after a digit it is a
    # range or a score.
    assert [(q.value, q.direction) for q in extract("Change in median wait vs. Q2 2025: -14%")
            if q.unit == "percent"] == [(14.0, -1)]
    assert [q.text for q in extract("Players aged 10-12 won 2-1.")] == []
    assert status("Northgate's median wait was down 14%.", "Northgate General: Change in median wait vs. Q2 2025: -14%") \
        == ["match"]
    assert status("St. Brendan's median wait fell 9%.", "St. Brendan's: Change in median wait vs. Q2 2025: +9%") \
        == ["mismatch"]
    # A figure after "lower in", "up at" places the change; it is no size of it.
    assert [q.direction for q in extract("Scores were slightly lower in four-day districts.")] == [0]
    assert [q.direction for q in extract("Turnout was up at 12 polling stations.")] == [0]
    assert [q.direction for q in extract("Sales fell 5% in May.")][0] == -1
    assert read("Prices rose five percent.") == [(5.0, "percent", "", "five percent")]
    assert read("The repairs took six weeks.") == [(42.0, "count", "days", "six")]
    assert read("The repairs took 6 weeks.") == [(42.0, "count", "days", "6")]
    assert read("It cost 3 bn.") == [(3e9, "count", "", "3 bn")]
    assert read("It ended 2-1 after extra time.") == []  # a score is no single value


def test_figures_compared_at_the_edges_of_their_tolerances():
    def one(claim, source):
        return [(q.status, q.source.text if q.source else None) for q in check_quantities(claim, {"s": source})]

    assert one("Reed scored in the 81st minute.", "Reed scored in the 81st minute of the match.") == [("match", "81st")]
    assert one("Reed scored in the 81st minute.", "Reed scored in the 80th minute of the match.") == [("mismatch", "80th")]
    assert one("He scored his second goal in the match.", "He scored his third goal in the match.") == [
        ("mismatch", "third")]
    assert one("Prices rose five percent last year.", "Prices rose 5 percent last year.") == [("match", "5 percent")]
    assert one("Prices rose five percent last year.", "Prices rose 7 percent last year.") == [("mismatch", "7 percent")]
    # Same qualifier, within last-digit rounding (0.5%): the same figure, though 1,005 is not fewer than 1,000.
    assert one("Fewer than 1,000 people attended the vigil.", "Fewer than 1,005 people attended the vigil.") == [
        ("match", "1,005")]
    # "About 120" covers 108 to 132.
    assert one("About 120 people attended the vigil.", "130 people attended the vigil.") == [("match", "130")]
    assert one("About 120 people attended the vigil.", "133 people attended the vigil.") == [("mismatch", "133")]
    # A round hundred stands for figures within 50 of it.
    assert one("300 people attended the vigil.", "350 people attended the vigil.") == [("match", "350")]
    assert one("300 people attended the vigil.", "351 people attended the vigil.") == [("mismatch", "351")]


# -- dates as stretches of time --------------------------------------------------------------------------

@pytest.mark.parametrize("claim,source,want", [
    # The source's stretch inside the claim's: the claim holds.
    ("The depot opens in 2027.", "The depot opens in June 2027.", "match"),
    ("The depot opens in June 2027.", "The depot opens on June 14, 2027.", "match"),
    ("The depot opens in June.", "The depot opens on 14 June 2027.", "match"),
    # The claim's stretch inside the source's: the source does not say which month; no contradiction.
    ("The depot opens in June 2027.", "The depot opens in 2027.", "unmatched"),
    ("The depot opens on June 14, 2027.", "The depot opens in June 2027.", "unmatched"),
    # Stretches that cannot meet.
    ("The depot opens in 2026.", "The depot opens in 2027.", "mismatch"),
    ("The depot opens in July 2027.", "The depot opens in June 2027.", "mismatch"),
    # The day may come first or after the month.
    ("The depot opens on March 3.", "The depot opens on 3 March 2027.", "match"),
    ("The depot opens on 3 March.", "The depot opens on March 3, 2027.", "match"),
    ("The depot opens on the 3rd of March.", "The depot opens on March 3, 2027.", "match"),
    ("The depot opens on March 4.", "The depot opens on 3 March 2027.", "mismatch"),
    # "The 17th": the day alone.
    ("The depot opens on the 17th.", "The depot opens on March 17, 2027.", "match"),
    ("The depot opens on the 18th.", "The depot opens on March 17, 2027.", "mismatch"),
    # Parts of a month.
    ("The depot opens in early June.", "The depot opens on June 4, 2027.", "match"),
    ("The depot opens in early June.", "The depot opens on June 25, 2027.", "mismatch"),
    ("The depot opens in late June.", "The depot opens on June 25, 2027.", "match"),
    ("The depot opens in mid-June.", "The depot opens in early June.", "mismatch"),
    ("The depot opens in June.", "The depot opens in late June.", "match"),
    # A month name alone inside a sentence is a month ("its November meeting"); "May" only after a cue.
    ("The amendment was put off until November.", "The council deferred the amendment to its November meeting.",
     "match"),
    ("The amendment was put off until December.", "The council deferred the amendment to its November meeting.",
     "mismatch"),
    # Weekdays: against a weekday, or a full date's own (3 March 2027 is a Wednesday).
    ("The depot opens on Tuesday.", "The depot opens on Wednesday.", "mismatch"),
    ("The depot opens on Wednesday.", "The depot opens on Wednesday.", "match"),
    ("The depot opens on Wednesday.", "The depot opens on March 3, 2027.", "match"),
    ("The depot opens on Tuesday.", "The depot opens on March 3, 2027.", "mismatch"),
    # Dates in digits: ISO, day-first and month-first where one number cannot be a month; an order that
    # cannot be told keeps only its year.
    ("The stretch opens on March 14, 2027.", "Ardley - Bren Falls\t18 km\t14/03/2027", "match"),
    ("The stretch opens on March 15, 2027.", "The stretch opens on 14/03/2027.", "mismatch"),
    ("The sale starts on March 14, 2027.", "The sale starts on 03/14/2027.", "match"),
    ("The report is due on 14 March 2027.", "Report due: 2027-03-14.", "match"),
    ("The report is due on 14 March 2028.", "Report due: 2027-03-14.", "mismatch"),
    ("The form was filed on May 6, 2026.", "The form was filed on 5/6/2026.", "unmatched"),
    # A weekday in the plural is a weekday ("closed on Mondays").
    ("The library closes on Mondays.", "The library closes on Monday.", "match"),
    ("The library closes on Mondays.", "The library is closed on Sundays.", "mismatch"),
    ("Sundays are free.", "Entry is free on Sundays.", "match"),
    # Several days at once: "weekdays", "at weekends", "any day except Sunday".
    ("The library opens on Tuesdays.", "The library opens at 9 am on weekdays.", "match"),
    ("The library opens on Saturdays.", "The library opens at 9 am on weekdays.", "mismatch"),
    ("You can use a hose on Wednesdays.", "Hoses may be used on any day except Sunday.", "match"),
    # A day the set names to leave out is named by the source: whether it is left out is polarity's to read.
    ("You can use hoses on Sundays.", "Hoses may be used on any day except Sunday.", "match"),
    ("The gym is open on Sundays.", "The gym is open every day but Monday and Tuesday.", "match"),
    ("The gym is open on Tuesdays.", "The gym is open every day but Monday and Tuesday.", "match"),
    ("The market runs on Saturday.", "The market runs at weekends.", "match"),
    ("The market runs at weekends.", "The market runs on Saturday.", "unmatched"),  # Sunday too? unsaid
    ("The pool is open seven days a week.", "The pool is open on weekdays.", "unmatched"),
])
def test_dates_as_stretches(claim: str, source: str, want: str) -> None:
    assert status(claim, source)[0] == want


# -- units, hedges and bounds in the figures the rules read -----------------------------------------------

@pytest.mark.parametrize("claim,source,want", [
    ("The Brio 15 weighs under a kilogram.", "Model: Brio 15, Weight: 1.8 kg", ["match", "mismatch"]),
    ("The Corsa 13 weighs 1.1 kg.", "Model: Corsa 13, Weight: 1.1 kg", ["match", "match"]),
    ("The bag weighs 1,500 grams.", "The bag weighs 1.5 kg.", ["match"]),
    ("The hiking trail is 5 miles long.", "The hiking trail is 8 km long.", ["match"]),
    ("The hiking trail is 5 miles long.", "The hiking trail is 12 km long.", ["mismatch"]),
    ("The heat index reached 110 degrees.", "The heat index reached 110 degrees.", ["match"]),
    ("The water was 20°C at the lake.", "The water was 68°F at the lake.", ["match"]),
    ("The bag weighs 5 kg.", "The bag is 5 km long.", ["unmatched"]),  # different dimensions
    ("The children gathered 5 stones by the river.", "The children gathered 5 stones by the river.", ["match"]),
    # Degrees with no scale are read on the other figure's scale; two named scales are converted.
    ("A heat index above 105 degrees is the threshold.", "A heat index above 105°F is the threshold.", ["match"]),
    # Two conditions' thresholds are two values, whatever bound each condition puts on its figure.
    ("Schools close when the heat index passes 110 degrees.",
     "When the heat index is forecast to exceed 105°F, schools move recess indoors.", ["mismatch"]),
    ("Schools close when the heat index passes 105 degrees.",
     "When the heat index is forecast to exceed 105°F, schools move recess indoors.", ["match"]),
    # One hedge width: "about 300" is 269.5 to 330.5, not the round figure's 250 to 350.
    ("About 300 homes flooded in the storm.", "330 homes flooded in the storm.", ["match"]),
    ("About 300 homes flooded in the storm.", "340 homes flooded in the storm.", ["mismatch"]),
    ("Nearly 300 homes flooded in the storm.", "260 homes flooded in the storm.", ["match"]),
    ("Nearly 300 homes flooded in the storm.", "250 homes flooded in the storm.", ["mismatch"]),
    # A bound in the source: a contradiction only when the intervals cannot overlap.
    ("The hall seats 35 people.", "The hall seats up to 40 people.", ["unmatched"]),
    ("The hall seats 45 people.", "The hall seats up to 40 people.", ["mismatch"]),
    ("Attendance was 20,000 fans.", "Attendance was more than 18,000 fans.", ["unmatched"]),
    ("Attendance was 15,000 fans.", "Attendance was more than 18,000 fans.", ["mismatch"]),
    # A change is never compared with a level; opposite changes are.
    ("Turnout rose by 5% in the city.", "Turnout in the city stood at 5%.", ["unmatched"]),
    ("Turnout in the city was 5%.", "Turnout in the city rose by 5%.", ["unmatched"]),
    ("Support fell 12 points in the poll.", "Support in the poll is at 12%.", ["unmatched"]),
    ("Turnout rose 5% in the city.", "Turnout fell 5% in the city.", ["mismatch"]),
])
def test_figures_as_values_of_their_kind(claim: str, source: str, want: list[str]) -> None:
    assert status(claim, source) == want


_BREAK = ("Either party may end this Agreement at any time after the first six months of the Term by giving "
          "the other {bound} two months' written notice.")


@pytest.mark.parametrize("bound,notice,want", [
    # The claim's figure meets a bound of the source the source words in any of its forms...
    (bound, notice, want)
    for bound in ("not less than", "no less than", "at least", "a minimum of", "no fewer than", "not fewer than")
    for notice, want in (("two months'", "match"), ("three months'", "unmatched"), ("one month's", "mismatch"))
] + [
    (bound, notice, want)
    for bound in ("not more than", "no more than", "not exceeding", "a maximum of", "at most", "up to")
    for notice, want in (("two months'", "match"), ("one month's", "unmatched"), ("three months'", "mismatch"))
])
def test_each_figure_meets_its_own_partner_under_a_bound(bound: str, notice: str, want: str) -> None:
    # ...and the sentence's other figure of the same unit ("the first six months") is never its partner.
    claim = f"After the first six months, either of you can end the agreement with {notice} written notice."
    checks = check_quantities(claim, {"lease": _BREAK.format(bound=bound)})
    assert [c.status for c in checks] == ["match", want]
    assert checks[0].source is not None and checks[0].source.text == "six"
    if want != "unmatched":
        assert checks[1].source is not None and checks[1].source.text == "two"


@pytest.mark.parametrize("claim,source,want", [
    # Two figures of one unit in one sentence, each claim figure finding its own.
    ("The loan runs 24 months with payments due within 3 months of signing.",
     "The loan runs 24 months, with the first payment due within 3 months of signing.", ["match", "match"]),
    ("The course lasts ten weeks and costs nothing for the first two weeks.",
     "The course lasts ten weeks and is free for the first two weeks.", ["match", "match"]),
    ("The course lasts ten weeks and is free for the first three weeks.",
     "The course lasts ten weeks and is free for the first two weeks.", ["match", "mismatch"]),
    ("The tenant must give 30 days' notice after the first 90 days.",
     "After the first 90 days the tenant must give no fewer than 30 days' notice.", ["match", "match"]),
    ("The tenant must give 45 days' notice after the first 90 days.",
     "After the first 90 days the tenant must give no fewer than 30 days' notice.", ["unmatched", "match"]),
])
def test_two_figures_of_one_unit_in_a_sentence(claim: str, source: str, want: list[str]) -> None:
    assert status(claim, source) == want


# -- a date the words before it bound: "not before 2028", "by June", "before 2028" --------------------------

@pytest.mark.parametrize("claim,source,want", [
    ("It opens in 2027.", "The section opens not before 2028.", "mismatch"),
    ("It opens in 2029.", "The section opens not before 2028.", "unmatched"),  # bounded, not given
    ("It will be finished in 2027.", "It will be finished by 2028.", "unmatched"),
    ("It will be finished in 2029.", "It will be finished by 2028.", "mismatch"),
    ("It will be finished in 2027.", "It will be finished before 2028.", "unmatched"),
    ("It will be finished in 2028.", "It will be finished before 2028.", "mismatch"),
    ("It opens after 2027.", "It opens in June 2028.", "match"),
    ("It opens in May 2027.", "It opens after June 2027.", "mismatch"),
    ("The rules take effect on March 3, 2027.", "The rules take effect no earlier than April 1, 2027.", "mismatch"),
    ("It will not open before 2028.", "The section opens not before 2028.", "match"),
    ("It won't open before 2028.", "The section opens in 2028.", "match"),
    ("It will not open before 2028.", "The section opens in 2027.", "mismatch"),
    ("It opened in 2019.", "It opened in 2021.", "mismatch"),  # no bound: years as before
])
def test_a_bounded_date_admits_the_days_past_its_bound(claim: str, source: str, want: str) -> None:
    (ch,) = check_quantities(claim, {"s": source})
    assert ch.status == want


TRAIL = ("Section\tLength\tOpening date\n"
         "Ardley - Bren Falls\t18 km\t14/03/2027\n"
         "Bren Falls - Colston\t27 km\tJune 2027\n"
         "Colston - Dunmere\t11 km\tnot before 2028\n")


@pytest.mark.parametrize("claim,want,source_text", [
    # The row that names both of the claim's places is its row; the row sharing one is another's.
    ("The Colston to Dunmere section will open in 2027.", "mismatch", "2028"),
    ("The Bren Falls to Colston section opens in 2027.", "match", "June 2027"),
    ("The Ardley to Bren Falls section opens in March 2027.", "match", "14/03/2027"),
])
def test_a_figure_is_compared_in_the_row_that_names_the_claims_thing(claim: str, want: str, source_text: str) -> None:
    from onrecord.judge.tables import figure_pool

    (ch,) = check_quantities(claim, figure_pool({"s": TRAIL}))
    assert (ch.status, ch.source.text if ch.source else None) == (want, source_text)


@pytest.mark.parametrize("claim,source,want", [
    # "over six years" after a verb of doing is the span itself; after a verb of lasting, a lower bound.
    ("The study followed 61 districts over ten years.", "The study compared 61 districts over six years.", "mismatch"),
    ("The loan is repaid over 20 years.", "The loan will be repaid over 25 years.", "mismatch"),
    ("The loan is repaid over 25 years.", "The loan will be repaid over 25 years.", "match"),
    ("The strike lasted over three weeks.", "The strike lasted over two weeks.", "unmatched"),
])
def test_over_before_a_span_of_time_is_the_span(claim: str, source: str, want: str) -> None:
    (ch,) = [ch for ch in check_quantities(claim, {"s": source}) if ch.claim.noun == "days"]
    assert ch.status == want


@pytest.mark.parametrize(("text", "named"), [
    ("The Aero 14 has a touchscreen.", ["14"]),
    ("It runs Windows 11 now.", ["11"]),
    ("Traffic on Route 66 fell by 12 percent.", ["66"]),
    ("The new Brio 15 weighs 2 kg.", ["15"]),
    # A capitalised word that opens a sentence is no name: these are figures.
    ("Nearly 40 homes flooded.", []),
    ("Another 25 branches will open.", []),
    ("Roughly 84,000 kettles were sold.", []),
    ("Traffic fell. Another 25 branches will open.", []),
    ("Councilmember Ruiz won 14 votes.", []),
])
def test_a_number_in_a_name_is_told_from_a_figure(text, named):
    from onrecord.judge.figures import extract, names_part

    assert [q.text for q in extract(text) if names_part(q, text)] == named


@pytest.mark.parametrize(("text", "figures"), [
    ("Grandmother-of-three Pat lost her husband 12 years ago.", ["12"]),
    ("A father-of-two from Leeds won.", []),
    ("The best-of-five series went the distance.", []),
    ("Twenty-three people died.", [("twenty-three", 23.0)]),
    ("Thirty-one of the 40 members voted.", [("thirty-one", 31.0), "40"]),
    ("Twenty-three percent said no.", [("twenty-three percent", 23.0)]),
    ("He has three children.", [("three", 3.0)]),
])
def test_number_words_in_compounds(text, figures):
    got = extract(text)
    want = [f if isinstance(f, tuple) else (f, None) for f in figures]
    assert [q.text.lower() for q in got] == [w for w, _ in want]
    assert all(v is None or q.value == v for q, (_, v) in zip(got, want, strict=True))


@pytest.mark.parametrize(("text", "figures"), [
    ("Dating suggests a date between 3,800-3,700 BC.", []),  # a range of thousands is not "3" and "700"
    ("Release 2.0.1 shipped on time.", []),
    ("It cost $1,200,000 in 2024.", ["$1,200,000", "2024"]),
    ("Rates rose 3.5% to 4.25 percent.", ["3.5%", "4.25 percent"]),
    ("About 1,212 people; 20 percent were children.", ["1,212", "20 percent"]),
])
def test_a_number_is_read_whole_or_not_at_all(text, figures):
    assert [q.text for q in extract(text)] == figures


def test_a_bound_is_paired_with_the_figure_that_states_it():
    # "below $25 billion" meets any smaller figure near it; the one that gives $25 billion is its partner.
    src = ("As we expect net debt to fall below $25 billion by the end of the quarter, our focus has expanded "
           "to returning capital, beginning with the increase in our common dividend to $0.13 per share.")
    found = check_quantities("The company is reducing net debt below $25 billion and pays a dividend of $0.13.",
                             {"s": src})
    assert [(q.claim.text, q.status, q.source.text) for q in found] == [
        ("$25 billion", "match", "$25 billion"), ("$0.13", "match", "$0.13")]


@pytest.mark.parametrize(("text", "direction"), [
    ("Net debt will fall below $25 billion.", 0),
    ("Sales rose above $3 million.", 0),
    ("Shares fell under 5% today.", 0),
    ("Shares fell 5% today.", -1),
    ("Shares rose over 20 percent.", 1),  # "over" is as often the size of the rise
])
def test_a_bound_after_the_verb_is_a_level(text: str, direction: int) -> None:
    [q] = extract(text)
    assert q.direction == direction


@pytest.mark.parametrize(("text", "unit"), [
    ("Parliament first sat there in 1865.", "year"),
    ("The chapel was built in 1638 by monks.", "year"),
    ("It has been a market town since 1204.", "year"),
    ("In 1500 cases the court ruled for the tenant.", "count"),
    ("He paid 1865 dollars for the car.", "count"),
])
def test_a_year_before_1900_after_a_word_that_places_it(text: str, unit: str) -> None:
    [q] = extract(text)
    assert q.unit == unit


def test_older_years_are_compared_as_years():
    src = "Parliament moved to Wellington in 1862 and first sat there in 1865."
    assert status("Parliament first sat in Wellington in 1865.", src) == ["match"]
    assert status("Parliament first sat in Wellington in 1860.", src)[0] in ("mismatch", "unmatched")


@pytest.mark.parametrize(("text", "floor", "ceiling"), [
    ("Hundreds of people joined.", 200, 10_000),
    ("Hundreds of thousands of people marched.", 200_000, 10_000_000),
    ("Tens of thousands of fans came.", 20_000, 1_000_000),
    ("Thousands of people came.", 2000, 100_000),
    ("Scores of people died.", 40, 1000),
])
def test_a_vague_count_is_one_figure_with_a_floor_and_a_ceiling(text: str, floor: float, ceiling: float) -> None:
    [q] = extract(text)
    assert (q.value, q.ceiling, q.qualifier) == (floor, ceiling, "at_least")


@pytest.mark.parametrize(("claim", "source", "want"), [
    # "hundreds" is no way to say millions: the claim's figure is not confirmed (nor contradicted).
    ("Hundreds of people joined the woodland project.", "Millions of people joined the woodland project.",
     "unmatched"),
    ("Thousands of people marched in the city.", "About 300,000 people marched in the city.", "unmatched"),
    ("Hundreds of thousands of people marched in the city.", "About 300,000 people marched in the city.", "match"),
    ("Thousands of people marched in the city.", "About 3,000 people marched in the city.", "match"),
    # Below the ceiling a vague word may understate: "dozens" for 250.
    ("The firm has bought dozens of clinics.", "The firm has bought 250 clinics.", "match"),
])
def test_a_vague_count_fits_below_its_ceiling(claim: str, source: str, want: str) -> None:
    assert status(claim, source) == [want]


@pytest.mark.parametrize(("text", "figures"), [
    # A range of money, a share or a count is one figure covering both ends.
    ("The repairs will cost $3-5 million.", [("money", 3e6, 5e6)]),
    ("The repairs will cost $3 million to $5 million.", [("money", 3e6, 5e6)]),
    ("The repairs will cost between $1.2bn and $1.5bn.", [("money", 1.2e9, 1.5e9)]),
    ("Fares rise 3–5% in March.", [("percent", 3, 5)]),
    ("between 3% and 5% of revenue", [("percent", 3, 5)]),
    ("Between 30 and 40 people were hurt.", [("count", 30, 40)]),
    ("Some 3-5 million people watched.", [("count", 3e6, 5e6)]),
])
def test_a_range_is_one_figure(text: str, figures: list[tuple[str, float, float]]) -> None:
    got = [q for q in extract(text) if q.unit != "date"]
    assert [(q.unit, q.span) for q in got] == [(u, True) for u, _, _ in figures]
    for q, (_, lo, hi) in zip(got, figures, strict=True):
        assert q.value - q.tol <= lo and hi <= q.value + q.tol


@pytest.mark.parametrize("text", [
    "The home side won 6-4, 6-3.",                   # scores
    "The board voted 5-2 to approve the plan.",      # a tally
    "Revenue rose 8% to $1,412 million.",            # a change and a level
    "Rates rose 3.5% to 4.25 percent.",
    "It rose from $3 million to $5 million.",
    "Turnout fell from 20 to 30 percent.",
    "The rules applied between 2019 and 2021.",      # years
    "Both 3% and 5% were mentioned.",                # "and" without "between"
])
def test_what_is_no_range(text: str) -> None:
    assert not any(q.span for q in extract(text))


@pytest.mark.parametrize(("claim", "want"), [
    ("The repairs will cost between $3 million and $5 million.", "match"),
    ("The repairs will cost $8 million.", "mismatch"),
    ("The repairs will cost $2 million.", "mismatch"),
    # A figure inside the range is not what the source gives, nor another figure.
    ("The repairs will cost $4 million.", "unmatched"),
])
def test_a_figure_against_a_range(claim: str, want: str) -> None:
    for source in ("The city said the repairs will cost $3-5 million.",
                   "The city said the repairs will cost $3 million to $5 million."):
        assert status(claim, source) == [want]


def test_a_range_in_a_claim_holds_a_figure_inside_it():
    assert status("The repairs will cost $3-5 million.", "The city said the repairs will cost $4.2 million.") == ["match"]


@pytest.mark.parametrize(("text", "value"), [
    ("USD 3 million", 3e6), ("EUR 40m", 40e6), ("US$5 billion", 5e9), ("GBP 120,000", 120_000.0),
])
def test_a_currency_code_makes_an_amount_money(text: str, value: float) -> None:
    assert [(q.unit, q.value) for q in extract(text)] == [("money", value)]


def test_no_one_is_nobody_not_the_number_one():
    assert [n.value for n in word_numbers("No one was hurt, and no-one left.")] == []
    assert [n.value for n in word_numbers("one man, not one but two")] == [1, 1, 2]


@pytest.mark.parametrize(("claim", "source", "status"), [
    ("built in the 1960s", "built in the 1970s", "mismatch"),
    ("built in 1980", "built in the 1970s", "mismatch"),
    ("built in the 1970s", "built in 1974", "match"),
    ("built in the 1970’s", "built in March 1974", "match"),
    ("built in the 1970s", "built in the 1970s", "match"),
    ("built in 1974", "built in the 1970s", "unmatched"),  # the source does not say which year
])
def test_a_decade_is_ten_years(claim, source, status):
    assert [c.status for c in check_quantities(claim, {"s": source})] == [status]


def test_a_decade_of_a_life_is_no_year():
    assert [q.text for q in extract("She retired in her 80s, in the 1990s.")] == ["1990s"]
