"""Dates as stretches of time: "2027" is a year long, "June 2027" a month, "early June" its first ten
days, "3 March 2026" one day. A claim's date agrees with a source's when the source's stretch lies
inside the claim's ("in 2027" for "June 2027"), is contradicted only when the two cannot meet ("2026"
for "2027", "early June" for "June 25"), and is unsettled otherwise ("June 2027" for "2027": the source
does not say which month). A weekday is read against a weekday or against a full date's own weekday.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

DateVerdict = Literal["match", "mismatch", "unclear"]
Bound = Literal["", "from", "after", "before", "by"]

# "Early/mid/late June": the month's first, middle and last ten days or so.
PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
# A year to lay out a date that gives none (a leap year, so "29 February" has a place).
_ANY_YEAR = 2000


@dataclass(frozen=True)
class DateParts:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: str = ""
    """"early", "mid" or "late" (of the month); "" for the whole of it."""
    weekday: int | None = None
    """0 = Monday, as ``datetime.date.weekday``."""
    days: frozenset[int] | None = None
    """Several days of the week at once: "weekdays", "at weekends", "any day except Sunday"."""
    days_out: frozenset[int] = frozenset()
    """The days such a set names to leave them out ("Sunday" of "any day except Sunday")."""
    bound: Bound = ""
    """The date bounds an event rather than dating it: "not before 2028" (``from``), "after June"
    (``after``), "before 2028" (``before``), "by 2028" (``by``); "" for a date that dates it."""
    years: int = 1
    """A stretch of this many years from ``year``: 10 for a decade ("the 1970s": 1970 to 1979)."""

    def full(self) -> bool:
        return self.year is not None and self.month is not None and self.day is not None


def _stretch(d: DateParts, year: int) -> tuple[dt.date, dt.date] | None:
    """First and last day the date covers, laid out in ``year`` when it gives none."""
    y = d.year if d.year is not None else year
    if d.month is None:
        return (dt.date(y, 1, 1), dt.date(y + d.years - 1, 12, 31)) if d.year is not None and d.day is None else None
    last = calendar.monthrange(y, d.month)[1]
    if d.day is not None:
        day = min(d.day, last)
        return dt.date(y, d.month, day), dt.date(y, d.month, day)
    a, b = PARTS.get(d.part, (1, 31))
    return dt.date(y, d.month, a), dt.date(y, d.month, min(b, last))


def _weekday(d: DateParts) -> int | None:
    if d.weekday is not None:
        return d.weekday
    if d.full():
        try:
            return dt.date(d.year, d.month, d.day).weekday()  # type: ignore[arg-type]
        except ValueError:
            return None
    return None


def _days(d: DateParts) -> frozenset[int] | None:
    if d.days is not None:
        return d.days
    w = _weekday(d)
    return None if w is None else frozenset({w})


def comparable(c: DateParts, s: DateParts) -> bool:
    """Whether two dates share a field to compare on: "last September" says nothing about "1936"."""
    both = any(getattr(c, f) is not None and getattr(s, f) is not None for f in ("year", "month", "day"))
    return both or (_days(c) is not None and _days(s) is not None)


def _compare_days(c: frozenset[int], s: frozenset[int]) -> DateVerdict:
    """Days of the week: the claim's within the source's ("Wednesday", "any day except Sunday"), apart from
    them ("Sunday", "weekdays"), or partly in ("weekends", "any day but Monday")."""
    return "match" if c <= s else "mismatch" if not c & s else "unclear"


_BOUND_RE: list[tuple[re.Pattern[str], Bound]] = [
    # A verb denied before the bound: "will not open before 2028" is "from 2028", "did not end after May" "by".
    (re.compile(r"(?:\bnot|n['’]t|\bnever)\s+(?:\w+\s+){1,3}before\s+$", re.I), "from"),
    (re.compile(r"(?:\bnot|n['’]t|\bnever)\s+(?:\w+\s+){1,3}after\s+$", re.I), "by"),
    (re.compile(r"\b(?:not\s+(?:before|until|till)|no\s+earlier\s+than|on\s+or\s+after|at\s+the\s+earliest\s+in)\s+$",
                re.I), "from"),
    (re.compile(r"\b(?:not\s+after|no\s+later\s+than|on\s+or\s+before|by)\s+(?:the\s+end\s+of\s+)?$", re.I), "by"),
    (re.compile(r"\b(?:after|later\s+than)\s+$", re.I), "after"),
    (re.compile(r"\b(?:before|earlier\s+than|prior\s+to|ahead\s+of)\s+$", re.I), "before"),
]


def bound_before(text: str, start: int) -> Bound:
    """The bound the words just before a date put on it ("not before 2028", "by June 2027"); "" for none.
    A negated bound is read before the bound it contains: "not before" is "from", never "before"."""
    before = text[max(0, start - 30) : start]
    for rx, bound in _BOUND_RE:
        if rx.search(before):
            return bound
    return ""


def _bounded(d: DateParts, stretch: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """The days a bounded date admits: from its first day on, up to its last day, and so on."""
    first, last = stretch
    if d.bound == "from":
        return first, dt.date.max
    if d.bound == "after":
        return last + dt.timedelta(days=1), dt.date.max
    if d.bound == "before":
        return dt.date.min, first - dt.timedelta(days=1)
    if d.bound == "by":
        return dt.date.min, last
    return stretch


def _compare_bounded(c: DateParts, s: DateParts) -> DateVerdict:
    """Either date a bound: the days each admits, compared as stretches ("in 2027" cannot meet "not before
    2028"; "in 2029" may: the source bounds the date, it does not give it)."""
    year = c.year or s.year or _ANY_YEAR
    cs, ss = _stretch(c, year), _stretch(s, year)
    if cs is None or ss is None:
        return "unclear"
    if cs == ss and c.bound and s.bound and c.bound != s.bound:
        # The same date bounded the other way ("will not reopen before March" against "will reopen before
        # March") differs in what the sentence denies: the polarity rules read that, and say so.
        return "unclear"
    (c0, c1), (s0, s1) = _bounded(c, cs), _bounded(s, ss)
    if c1 < s0 or s1 < c0:
        return "mismatch"
    return "match" if c0 <= s0 and s1 <= c1 else "unclear"


def compare_dates(c: DateParts, s: DateParts) -> DateVerdict:
    """The claim's date ``c`` against the source's ``s`` as stretches of time (see the module's note)."""
    if c.bound or s.bound:
        return _compare_bounded(c, s)
    if c.days is not None or s.days is not None:
        dc, ds = _days(c), _days(s)
        if dc is not None and ds is not None:
            if dc <= c.days_out | s.days_out:
                # "(not) open on Thursday" and "every weekday except Thursday": the source names the day, and
                # whether it is left out is the polarity rules' to read.
                return "match"
            return _compare_days(dc, ds)
    wc, ws = _weekday(c), _weekday(s)
    if wc is not None and ws is not None and wc != ws:
        return "mismatch"
    if c.month is None and s.month is None and c.day is not None and s.day is not None and c.year is None:
        return "match" if c.day == s.day else "mismatch"  # "the 17th" against "the 18th"
    if c.year is not None and s.year is not None and c.year != s.year and c.years == s.years == 1:
        return "mismatch"  # two years (a decade is a stretch, compared below: "1974" lies in "the 1970s")
    # A side without a year is laid out in the other's year (so "March 3" meets "3 March 2026").
    year = c.year or s.year or _ANY_YEAR
    if c.month is None and c.year is None and c.day is not None:  # "the 17th" against "March 17"
        return "unclear" if s.day is None else "match" if s.day == c.day else "mismatch"
    cs, ss = _stretch(c, year), _stretch(s, year)
    if cs is None or ss is None:
        return "match" if wc is not None and wc == ws else "unclear"
    if cs[1] < ss[0] or ss[1] < cs[0]:
        return "mismatch"
    return "match" if cs[0] <= ss[0] and ss[1] <= cs[1] else "unclear"
