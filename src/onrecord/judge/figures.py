"""Numbers, percentages, money, dates and quantities compared on their values, not their words.

A claim's quantity is paired with the source quantity whose surrounding words best match its own
(so "the levy will rise 3.5 percent" is compared with the levy's 2.9 percent, not with the state
cap's 3.5 percent that sits in the same sentence), then compared under the claim's qualifier
("more than", "nearly", "up to", "top"...). Changes the source implies but does not state (a rise
from $176.2 million to $184.6 million is 4.8 percent; 12,910 down to 12,480 is 430) are derived.

Both figures are read as intervals (a plain figure its rounding, a hedge its width, a bound in the
source as much as in the claim): a claim's figure matches when the source's lies inside it, and is
contradicted only when the two cannot meet. Measures convert within their dimension
(``onrecord.text.units``); dates are stretches of time (``onrecord.text.dates``); a change ("rose
5%") is never compared with a level ("at 5%").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Literal

from onrecord.judge.thresholds import DEFAULT_TOLERANCES, FigureTolerances
from onrecord.text.dates import WEEKDAYS, Bound, DateParts, bound_before, comparable, compare_dates
from onrecord.text.lexical import STOPWORDS, content_stems
from onrecord.text.quantities import (
    CITATION_RE,
    NEGATED_BOUNDS,
    direction,
    ends_a_name,
    hedge_interval,
    limit_kind,
    limits_differ,
    over_names_a_span,
    required_floor,
    series_part,
)
from onrecord.text.units import (
    ARTICLE_MEASURE,
    TEMPERATURES,
    article_measure,
    round_figure_tol,
    to_base,
    unit_after,
)
from onrecord.text.vocab import CURRENCY_CODES, MONTH_ABBREVIATIONS

Unit = Literal["money", "percent", "degree", "count", "ordinal", "date", "year", "measure"]

_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12}
_WORD_NUM = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
# "dozens of", "hundreds of": vague but with a floor; compared as "at least", below a ceiling (``_vague``).
_VAGUE = {"dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2e6, "scores": 40, "tens": 20}
_VAGUE_CEILING = {"dozens": 1000, "hundreds": 10_000, "thousands": 100_000, "millions": 1e8, "scores": 1000,
                  "tens": 1000}
"""Where a vague count is off by an order of magnitude: ten times the top of the range the word names
("hundreds" names 200 to 999). Below it a vague word may understate ("dozens of centers" for 250: a WiCE
claim its annotators call supported); above it, it says something else ("hundreds" for millions)."""
_VAGUE_OF_SCALE = re.compile(r"\s+of\s+(thousands|millions|billions)\b", re.I)
_SCALE_FLOOR = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
_ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15, "twentieth": 20,
}
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTHS.update(MONTH_ABBREVIATIONS)
# Time units are compared in days, so "three months" meets "90 days".
_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30, "year": 365, "years": 365}

Qualifier = Literal["exact", "about", "more", "at_least", "less", "at_most", "nearly", "minimum"]
_QUALIFIERS: list[tuple[str, Qualifier]] = [*NEGATED_BOUNDS,  # type: ignore[list-item]
    (r"more than|over|above|exceed(?:s|ed|ing)?|top(?:s|ped)?|upwards of|in excess of", "more"),
    (r"at least|no fewer than|no less than|a minimum of", "at_least"),
    (r"less than|fewer than|under|below", "less"),
    (r"up to|at most|no more than|a maximum of|as (?:much|many) as", "at_most"),
    (r"nearly|almost|just under|close to|not quite", "nearly"),
    (r"about|around|roughly|approximately|some|approx\.?|an estimated|estimated|circa|~", "about"),
]
_QUAL_RE = [(re.compile(r"(?:\b(?:" + p + r"))\s*(?:\$\s*)?$", re.I), q) for p, q in _QUALIFIERS]


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: Unit
    noun: str
    """The counted thing for counts and ordinals ("students", "minute"); "" when unknown."""
    start: int
    end: int
    text: str
    qualifier: Qualifier = "exact"
    context: dict[str, int] = field(default_factory=dict, hash=False, compare=False)
    """Content stems around the quantity and their distance from it in words (nearer = more telling)."""
    names: frozenset[str] = frozenset()
    """Capitalised names near the figure ("Falcao scored 37 goals"): whose figure it is."""
    change: bool = False
    """The text speaks of a change ("rose 5 percent", "fall by 400"), so derived changes may match."""
    derived: str = ""
    """How a derived quantity was computed ("change from $176.2 million to $184.6 million")."""
    month: int | None = None
    day: int | None = None
    year: int | None = None
    part: str = ""
    """Dates: "early", "mid" or "late" of the month ("early June")."""
    weekday: int | None = None
    """Dates: the day of the week the text names (0 = Monday)."""
    days: frozenset[int] | None = None
    """Dates: several days of the week ("weekdays", "any day except Sunday"); never a claim's figure that
    must be found (``judge.factual``), only one to compare."""
    days_out: frozenset[int] = frozenset()
    """Dates: the days such a set names to leave them out."""
    tol: float = 0.0
    """Half the last written digit ("4.8 million" ± 50,000; "5 miles" ± half a mile, in metres)."""
    dimension: str = ""
    """Measures: what they measure ("mass", "length"...), their value in its base unit (``text.units``)."""
    threshold: bool = False
    """The figure is a condition's threshold ("when the heat index exceeds 105°F", "if turnout passes
    40%"): it names one value, whatever bound the condition puts on it."""
    row: str = ""
    """A table row's figure: the row's label (its first cell), whose figure it is; "" elsewhere."""
    bound: Bound = ""
    """Dates: the bound the words before it put on it ("not before 2028"; ``text.dates.bound_before``)."""
    direction: int = 0
    """+1 / -1 when the figure is the size of a rise or fall ("rose 5%", "fell by 400"), 0 for a level
    ("rose to 5%", "at 12%"): a change is never compared with a level."""
    ceiling: float = 0.0
    """Vague counts: the value from which the word no longer fits ("hundreds": 1,000); 0 for any other."""
    span: bool = False
    """A range ("$3-5 million", "between 30 and 40 people"): ``value`` is its middle and ``tol`` half its
    width, and no one figure inside it is what the text says (``_compare``)."""
    stretch: str = ""
    """Counts: the part of a series the figure counts ("the final three frames": ``last``; "the first two
    rounds": ``first``; "another 40 jobs": ``other``), "" for the whole (``_stretch``)."""
    years: int = 1
    """Years: how many the figure spans from ``year`` (10 for "the 1970s")."""

    @property
    def date_parts(self) -> DateParts:
        return DateParts(self.year, self.month, self.day, self.part, self.weekday, self.days, self.days_out, self.bound,
                         self.years)


@dataclass(frozen=True)
class QuantityCheck:
    claim: Quantity
    status: Literal["match", "mismatch", "unmatched"]
    source: Quantity | None
    """The source's figure: the one matched or contradicted; for an unmatched date, the bound it may meet
    without being given ("not before 2028" for "2029"), else None."""
    source_id: str | None


_SCALE_WORD = r"thousand|million|billion|trillion|mn|bn|[mkb]"
"""The scale words a figure may carry ("3 million", "$40m", "1.2bn"); ``_SCALE`` gives their factors."""
# A number is read whole or not at all: never "3" and "700" out of "3,800-3,700" (a regex that backs off a
# refused "3,800" would otherwise take its first digits, then start again after the comma).
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?![,.]\d)"
DECADE_YEARS = 10
"""The years "the 1970s" spans (1970 to 1979), compared as a stretch of time (``text.dates``)."""
_QTY_RE = re.compile(
    r"(?<![\w/])(?<!\w[\-–])(?<!\d[,.])(?P<money>(?:US\$|[$€£]|(?:" + "|".join(CURRENCY_CODES) + r")\s)\s?)?"
    r"(?P<num>" + _NUM + r")"
    r"(?:\s?(?P<scale>" + _SCALE_WORD + r")\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per cent|percentage points?)\b)?"
    r"(?P<deg>\s?°\s?[FC]?|\s(?:degrees?)(?:\s(?:fahrenheit|celsius|F|C)\b)?)?"
    r"(?P<decade>(?<=0)['’]?s)?(?P<ord>st|nd|rd|th)?(?![\w\-])",
    re.I,
)
_WORDQ_RE = re.compile(
    r"\b(?P<w>" + "|".join(sorted(list(_WORD_NUM) + list(_VAGUE) + list(_ORDINAL_WORDS), key=len, reverse=True))
    + r")\b(?:\s+(?:percent|per cent))?",
    re.I,
)
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
# "early June", "March 3, 2026", "3 March 2026", "the 3rd of March": the day may come first or after.
_DATE_RE = re.compile(
    r"\b(?:(?P<part>early|mid|late)[\s-]+)?(?:(?:the\s+)?(?P<dayfirst>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
    r"(?P<month>" + _MONTH_NAMES + r")\.?"
    r"(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b",
    re.I,
)
# Dates in digits: ISO "2027-03-14", and "14/03/2027" or "03/14/2027" (slashes or dots), read day-first or
# month-first where one number cannot be a month (see ``_numeric_date``).
_NUMERIC_DATE_RE = re.compile(r"\b(?:(?P<iy>(?:19|20)\d{2})-(?P<im>\d{1,2})-(?P<id>\d{1,2})|"
                              r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)\d{2}))\b")
# A figure in a condition ("when the heat index is forecast to exceed 105°F") is the condition's threshold.
_CONDITION = re.compile(r"\b(?:when|whenever|if|once|unless|as soon as)\b[^.;:!?]*$", re.I)
_WEEKDAY_NAMES = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAY_RE = re.compile(r"\b(?P<w>" + _WEEKDAY_NAMES + r")s?\b")  # "on Mondays" too
# Several days at once, and the days left out of them: "on any day except Sunday", "every day but Monday",
# "weekdays", "at weekends", "seven days a week". ("daily" is left out: "average daily attendance").
_DAY_SET_RE = re.compile(
    r"\b(?P<set>(?:any|every|each)\s+(?:single\s+)?day|seven\s+days\s+a\s+week|(?:every\s+)?week-?days?|"
    r"(?:at\s+|on\s+)?week-?ends?)\b"
    r"(?P<but>(?:,?\s+(?:except|but|other\s+than|apart\s+from)\s+(?:on\s+)?)(?:" + _WEEKDAY_NAMES + r")s?"
    r"(?:(?:,\s*|\s+and\s+|\s+or\s+)(?:" + _WEEKDAY_NAMES + r")s?)*)?")
# "on the 17th", "by the 3rd": a day of the month, the month left to the reader.
_DAY_OF_MONTH = re.compile(r"\b(?:on|by|until|till|from|since|before|after)\s+the\s+$", re.I)
_MONTH_CUE = re.compile(r"\b(?:in|by|since|until|till|from|before|after|early|late|mid|next|last|this|through)[\s-]+$",
                        re.I)
_NOUN_RE = re.compile(r"\s*(?:(?:of|more|fewer|additional|new|extra|straight)\s+)?([A-Za-z][A-Za-z\-]+)")
_SKIP_NOUNS = {"and", "or", "to", "in", "on", "at", "the", "a", "of", "for", "from", "with", "by", "per"}


def _next_noun(text: str, end: int) -> str:
    m = _NOUN_RE.match(text, end)
    if not m:
        return ""
    word = m.group(1).lower()
    return "" if word in _SKIP_NOUNS else word


_HYPHENS = ("-", "–")


def _hyphened(text: str, end: int) -> bool:
    """A hyphen joins the word ending at ``end`` to the next ("four-day", "third-quarter")."""
    return text[end : end + 1] in _HYPHENS


def _joined_noun(text: str, end: int) -> str:
    """The noun after a number word, or joined to it by a hyphen: "the third-quarter call" counts quarters
    as "the third quarter" does, "four-day districts" days as "four days" does."""
    return _next_noun(text, end + 1) if _hyphened(text, end) else _next_noun(text, end)


def _duration_qualifier(text: str, start: int, end: int) -> Qualifier:
    """A stretch of time's qualifier: "over six years" after a verb of doing is the span itself."""
    q = _qualifier(text, start)
    unit = re.match(r"[\s-]*[A-Za-z]+", text[end:])
    if q == "more" and unit and over_names_a_span(text, start, end + unit.end()):
        return "exact"
    return q


def _qualifier(text: str, start: int) -> Qualifier:
    before = text[max(0, start - 30) : start]
    for rx, q in _QUAL_RE:
        if rx.search(before):
            return "minimum" if q == "at_least" and required_floor(text, start) else q
    return "exact"


# A sentence's edge, not an abbreviation's stop ("vs. Q2 2025", "St. Brendan's", "No. 4").
_SENT_EDGE = re.compile(r"(?<!\bvs)(?<!\bSt)(?<!\bNo)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bJr)(?<!\bSr)[.!?;]\s|\n")
_CHANGE_RE = re.compile(
    r"\b(increase|increases|increased|rise|rises|rose|risen|fall|falls|fell|drop|drops|dropped|decline|"
    r"declined|grow|grew|growth|jump|jumped|climb|climbed|up|down|cut|gain|gained|lost|loss|by|more|less|"
    r"fewer|higher|lower)\b[^.]{0,25}$",
    re.I,
)


def _context(text: str, start: int, end: int, width: int = 90) -> dict[str, int]:
    """Content stems within the quantity's sentence (and ``width`` chars), with word distances."""
    left = text[max(0, start - width) : start]
    edges = list(_SENT_EDGE.finditer(left))
    if edges:
        left = left[edges[-1].end() :]
    right = text[end : end + width]
    edge = _SENT_EDGE.search(right)
    if edge:
        right = right[: edge.start()]
    out: dict[str, int] = {}
    for d, w in enumerate(reversed(content_stems(left)), start=1):
        out.setdefault(w, d)
    for d, w in enumerate(content_stems(right), start=1):
        out[w] = min(out.get(w, d), d)
    return out


_CAP_WORD = re.compile(r"\b([A-Z][a-z]{2,})\b")
_NOT_NAMES = {m.capitalize() for m in _MONTHS} | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                                  "Saturday", "Sunday", "The", "This", "That", "These", "Those"}


def _names_near(text: str, start: int, end: int, width: int = 60) -> frozenset[str]:
    """Capitalised words (not function words, months or days) within the figure's sentence."""
    a, b = max(0, start - width), min(len(text), end + width)
    left = text[a:start]
    edges = list(_SENT_EDGE.finditer(left))
    if edges:
        a += edges[-1].end()
    edge = _SENT_EDGE.search(text, end, b)
    if edge:
        b = edge.start()
    seg = text[a:b]
    return frozenset(w for w in (m.group(1) for m in _CAP_WORD.finditer(seg))
                     if w not in _NOT_NAMES and w.removesuffix("s") not in _NOT_NAMES and w.lower() not in STOPWORDS)


def names_part(q: Quantity, text: str) -> bool:
    """The figure is part of a name ("the Aero 14", "Route 66"; ``text.quantities.ends_a_name``, which
    keeps such numbers out of the values it reads). The same name in a source is no figure that agrees."""
    return q.unit == "count" and ends_a_name(text, q.start, q.end)


def _affinity(a: dict[str, int], b: dict[str, int]) -> float:
    return sum(1.0 / (1 + a[w]) / (1 + b[w]) * 4 for w in a.keys() & b.keys())


def _is_change(text: str, start: int) -> bool:
    return bool(_CHANGE_RE.search(text[max(0, start - 40) : start]))


def _dates(text: str) -> list[Quantity]:
    """Dates: a month with its day, year or part ("March 3", "3 March 2026", "early June"), a bare
    month only after "in", "by", "until"...; weekdays; "on the 17th"."""
    out: list[Quantity] = []
    for m in _DATE_RE.finditer(text):
        day_text = m.group("day") or m.group("dayfirst")
        bare = not (day_text or m.group("year") or m.group("part"))
        if bare and not _bare_month(text, m):
            continue
        if m.group("part") and not (day_text or m.group("month")[0].isupper()):
            continue
        year = int(m.group("year")) if m.group("year") else None
        day = int(day_text) if day_text else None
        out.append(Quantity(float(year or 0), "date", "", m.start(), m.end(), m.group(0),
                            context=_context(text, m.start(), m.end()), month=_MONTHS[m.group("month").lower()],
                            day=day if day and day <= 31 else None, year=year, part=(m.group("part") or "").lower(),
                            bound=bound_before(text, m.start())))
    for m in _DAY_SET_RE.finditer(text):
        days, left_out = _day_set(m)
        out.append(Quantity(0.0, "date", "", m.start(), m.end(), m.group(0), context=_context(text, m.start(), m.end()),
                            days=days, days_out=left_out))
    for m in _NUMERIC_DATE_RE.finditer(text):
        if (ymd := _numeric_date(m)) is not None:
            year, month, day = ymd
            out.append(Quantity(float(year), "date", "", m.start(), m.end(), m.group(0),
                                context=_context(text, m.start(), m.end()), month=month, day=day, year=year,
                                bound=bound_before(text, m.start())))
    # The day a set leaves out ("any day except Sunday") is read as a day too: a claim about it ("open on
    # Sunday", "not open on Sunday") is then the polarity rules' to settle, not a figure's.
    for m in _WEEKDAY_RE.finditer(text):
        out.append(Quantity(0.0, "date", "", m.start(), m.end(), m.group(0), context=_context(text, m.start(), m.end()),
                            weekday=WEEKDAYS[m.group("w").lower()]))
    return out


def _numeric_date(m: re.Match[str]) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of a date in digits. "05/06/2026" may be either order: only its year is kept, so
    it neither matches nor contradicts a day it may not be."""
    if m.group("iy"):
        year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a or a == b:
            month, day = a, b
        else:
            return year, None, None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year, month, day


def _day_set(m: re.Match[str]) -> tuple[frozenset[int], frozenset[int]]:
    """The days a set names, and those it names to leave out."""
    head = m.group("set").lower()
    days = frozenset(range(5)) if "weekday" in head else frozenset({5, 6}) if "weekend" in head else frozenset(range(7))
    left_out = frozenset(WEEKDAYS[w.lower()] for w in re.findall(_WEEKDAY_NAMES, m.group("but") or ""))
    return days - left_out, left_out


# Month names that are also common words ("May I", "August" the adjective, "March" the verb at a
# sentence start), read as months only after a cue.
_WORD_MONTHS = {"may", "march", "august"}


def _bare_month(text: str, m: re.Match[str]) -> bool:
    """A month name alone is a month when capitalised and after "in", "by", "until"..., or, for a name
    that is no other word ("its November meeting"), when capitalised inside a sentence."""
    name = m.group("month")
    if not name[0].isupper():
        return False
    if _MONTH_CUE.search(text[max(0, m.start() - 12) : m.start()]):
        return True
    inside = bool(re.search(r"[\w,;]\s+$", text[max(0, m.start() - 3) : m.start()]))
    return inside and name.lower().rstrip(".") not in _WORD_MONTHS and len(name.rstrip(".")) > 3


def _measures(text: str) -> list[Quantity]:
    """Measures stated with an article: "under a kilogram", "half a mile"."""
    out = []
    for m in ARTICLE_MEASURE.finditer(text):
        k, unit = article_measure(m)
        value, _ = to_base(k, 0.0, unit)
        out.append(Quantity(value, "measure", "", m.start(), m.end(), m.group(0), _qualifier(text, m.start()),
                            _context(text, m.start(), m.end()), dimension=unit.dimension))
    return out


_YEAR_BEFORE = re.compile(r"\b(?:in|since|from|until|till|by|of|circa|around|before|after|during)\s+$", re.I)


def _older_year(text: str, m: re.Match[str], noun: str) -> bool:
    """A year before 1900 ("in 1865", "since 1638"): four digits after a word that places a year, with no
    counted thing after them ("in 1500 cases" counts)."""
    return (re.fullmatch(r"1[0-8]\d{2}", m.group("num")) is not None and not noun
            and _YEAR_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) is not None)


def _vague(text: str, m: re.Match[str], w: str, ctx: dict[str, int]) -> Quantity | None:
    """A vague count ("hundreds of people"), read as at least its floor, with the ceiling where the word stops
    fitting; "hundreds of thousands", "tens of thousands" are one figure (floor and ceiling times the scale)."""
    if w in ("scores", "tens") and not re.match(r"\s+of\b", text[m.end() :]):
        return None  # "maths scores", "test scores": a count only in "scores of people"
    floor, ceiling, end = float(_VAGUE[w]), float(_VAGUE_CEILING[w]), m.end()
    scale = _VAGUE_OF_SCALE.match(text, end)
    if scale:
        factor = _SCALE_FLOOR[scale.group(1).lower()]
        floor, ceiling, end = floor * factor, ceiling * factor, scale.end()
    elif w == "tens":
        return None  # "tens of people" is rare; "tens" alone counts nothing we read
    noun = _next_noun(text, end)
    return Quantity(floor, "count", noun, m.start(), end, text[m.start() : end], "at_least", ctx, ceiling=ceiling)


_RANGE_RE = re.compile(
    r"(?<![\w/.,])(?P<between>between\s+)?(?P<money>[$€£]\s?)?(?P<a>" + _NUM + r")(?:\s?(?P<ascale>" + _SCALE_WORD
    + r")\b)?(?P<apct>\s?%)?(?P<join>\s?[-–—]\s?|\s+to\s+|\s+and\s+)(?P<money2>[$€£]\s?)?(?P<b>" + _NUM
    + r")(?:\s?(?P<scale>" + _SCALE_WORD + r")\b)?(?P<pct>\s?%|\s(?:percent|per cent)\b)?(?![\w\-–])", re.I)


_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_YEAR_LIKE = re.compile(r"1\d{3}|20\d{2}")


def _range(text: str, m: re.Match[str]) -> Quantity | None:
    """A range of money, a share or a count as one figure covering both ends ("$3-5 million", "$3 million to
    $5 million", "between 3% and 5%", "30 to 40 people"), so a figure inside it is no other figure and one
    outside it is. A dash between two plain numbers is a score or a tally ("won 6-4", "voted 5-2") unless a
    scale follows ("3-5 million people"); "and" joins a range only after "between"."""
    join = m.group("join").strip()
    if join == "and" and not m.group("between"):
        return None
    if (m.group("apct") and not m.group("pct")) or (m.group("money2") and not m.group("money")) \
            or (m.group("ascale") and not m.group("scale")):
        return None  # two kinds of figure: "rose 8% to $1,412 million" is a change and a level
    if _FROM_BEFORE.search(text[max(0, m.start() - 6) : m.start()]) or (join == "to" and _is_change(text, m.start())):
        return None  # "from 20 to 30 percent", "rose 3.5% to 4.25 percent": a change and a level
    money, pct = bool(m.group("money") or m.group("money2")), bool(m.group("pct") or m.group("apct"))
    if join in "-–—" and not (money or pct or m.group("scale")):
        return None
    if not (money or pct or m.group("scale")) and all(_YEAR_LIKE.fullmatch(m.group(k)) for k in ("a", "b")):
        return None  # "between 2019 and 2021": years, read as years
    b_scale = _SCALE.get((m.group("scale") or "").lower(), 1.0)
    a_scale = _SCALE.get((m.group("ascale") or "").lower(), b_scale)  # "$3-5 million": the scale is shared
    a, b = float(m.group("a").replace(",", "")), m.group("b").replace(",", "")
    lo, hi = a * a_scale, float(b) * b_scale
    if not lo < hi:
        return None
    start = m.start("money") if m.group("money") else m.start("a")
    decimals = len(b.split(".")[1]) if "." in b else 0
    # Half the range, and its top's rounding ("5 million" reaches 5.5 million, as it does alone).
    tol = (hi - lo) / 2 + 0.5 * 10 ** -decimals * b_scale
    unit: Unit = "money" if money else "percent" if pct else "count"
    noun = "" if money or pct else _next_noun(text, m.end())
    return Quantity((lo + hi) / 2, unit, noun, start, m.end(), text[start : m.end()], "exact",
                    _context(text, start, m.end()), tol=tol, span=True)


def extract(text: str) -> list[Quantity]:
    """Every quantity in ``text``: money, percents, measures, degrees, counts, ordinals, dates and years."""
    out = _dates(text) + _measures(text)
    taken = [(q.start, q.end) for q in out] + [m.span() for m in CITATION_RE.finditer(text)]
    for m in _RANGE_RE.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken) and (q := _range(text, m)):
            out.append(q)
            taken.append((m.start(), m.end()))
    for m in _QTY_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        q = _from_match(text, m)
        if q:
            out.append(q)
    for m in _WORDQ_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        q = _from_word(text, m)
        if q:
            out.append(q)
            taken.append((q.start, q.end))  # "hundreds of thousands" is one figure: its "thousands" is read
    out = [replace(q, change=_is_change(text, q.start), names=_names_near(text, q.start, q.end),
                   direction=_direction(text, q), threshold=bool(_CONDITION.search(text[max(0, q.start - 80) : q.start])),
                   stretch=_stretch(text, q))
           for q in out]
    return sorted(out, key=lambda q: q.start)


def _stretch(text: str, q: Quantity) -> str:
    """Which part of a series a count counts (``text.quantities.series_part``): "the final three frames"
    are not the match's nine, "the first six months" not the contract's two years."""
    return series_part(text, q.start) if q.unit == "count" else ""


def _direction(text: str, q: Quantity) -> int:
    """A rise or fall's size (+1/-1) or a level (0); dates, years and ordinals are never changes, nor
    measures ("the tower rises 300 metres" is its height)."""
    if q.unit in ("date", "year", "ordinal", "measure"):
        return 0
    if q.start > 0 and text[q.start - 1] in "+-−":
        return -1 if text[q.start - 1] != "+" else 1
    return direction(text, q.start, q.end, None)


def _measure(text: str, m: re.Match[str], value: float, tol: float, qual: Qualifier, ctx: dict[str, int]
             ) -> Quantity | None:
    """A figure with a unit of measure after it ("1.8 kg", "5 miles", "20 °C"), in its dimension's base."""
    pos = m.end("scale") if m.group("scale") else m.end("num")
    words = unit_after(text, pos)
    if words is None:
        return None
    if words.unit.dimension == "temperature":
        # Degrees keep their scale's figure, so "above 105 degrees" (no scale) still meets "105°F";
        # two named scales are converted when compared (``_on_one_scale``).
        return Quantity(value, "degree", "", m.start(), words.end, text[m.start() : words.end], qual, ctx,
                        tol=tol, dimension=words.unit.name)
    base, base_tol = to_base(value, round_figure_tol(value, tol, DEFAULT_TOLERANCES.about), words.unit)
    # The figure's span is its number, as for a count: the unit's words are words the claim shares.
    return Quantity(base, "measure", "", m.start(), pos, text[m.start() : pos], qual, ctx,
                    tol=base_tol, dimension=words.unit.dimension)


def _from_match(text: str, m: re.Match[str]) -> Quantity | None:
    raw = m.group("num").replace(",", "")
    value = float(raw)
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    scale = (m.group("scale") or "").lower()
    tol = 0.5 * 10 ** -decimals * _SCALE.get(scale, 1)
    if scale:
        value *= _SCALE.get(scale, 1)
    ctx = _context(text, m.start(), m.end())
    qual = _qualifier(text, m.start())
    if m.group("money"):
        return Quantity(value, "money", "", m.start(), m.end(), m.group(0), qual, ctx, tol=tol)
    if m.group("pct"):
        return Quantity(value, "percent", "", m.start(), m.end(), m.group(0), qual, ctx, tol=tol)
    if not m.group("ord") and (measure := _measure(text, m, value, tol, qual, ctx)):
        return measure
    if m.group("deg"):
        return Quantity(value, "degree", "", m.start(), m.end(), m.group(0), qual, ctx, tol=tol)
    if m.group("ord"):
        if value <= 31 and _DAY_OF_MONTH.search(text[max(0, m.start() - 16) : m.start()]) \
                and not _next_noun(text, m.end()):
            return Quantity(0.0, "date", "", m.start(), m.end(), m.group(0), context=ctx, day=int(value))
        return Quantity(value, "ordinal", _next_noun(text, m.end()), m.start(), m.end(), m.group(0), qual, ctx)
    # A score ("2-1") or a range is no single value; a bare year is a year.
    if re.match(r"[\-–]\d", text[m.end() : m.end() + 2]) or _after_range_dash(text, m.start()):
        return None
    noun = _next_noun(text, m.end())
    if m.group("decade"):  # "the 1970s" is ten years; "in her 80s" is an age this reading leaves alone
        if scale or not re.fullmatch(r"(19|20)\d0", m.group("num")):
            return None
        return Quantity(value, "year", "", m.start(), m.end(), m.group(0), "exact", ctx, year=int(raw),
                        bound=bound_before(text, m.start()), years=DECADE_YEARS)
    if not scale and (re.fullmatch(r"(19|20)\d{2}", m.group("num")) or _older_year(text, m, noun)):
        return Quantity(value, "year", "", m.start(), m.end(), m.group(0), "exact", ctx, year=int(raw),
                        bound=bound_before(text, m.start()))
    if noun in _DAYS:
        return Quantity(value * _DAYS[noun], "count", "days", m.start(), m.end(), m.group(0),
                        _duration_qualifier(text, m.start(), m.end()), ctx, tol=tol * _DAYS[noun])
    return Quantity(value, "count", noun, m.start(), m.end(), m.group(0), qual, ctx, tol=tol)


def _after_range_dash(text: str, start: int) -> bool:
    """The figure ends a score or a range ("2-1", "10–12"): a dash right after a digit or a letter. After a
    space, a colon or a bracket the dash is a sign ("vs. Q2 2025: -14%") and the figure stands alone."""
    return start > 1 and text[start - 1] in "-–" and text[start - 2].isalnum()


def _from_word(text: str, m: re.Match[str]) -> Quantity | None:
    w = m.group("w").lower()
    ctx = _context(text, m.start(), m.end())
    if w in _ORDINAL_WORDS:
        noun = _joined_noun(text, m.end())
        if not noun:
            return None  # "second" as in "a second look" is no ordinal we can check
        return Quantity(float(_ORDINAL_WORDS[w]), "ordinal", noun, m.start(), m.end(), m.group(0), "exact", ctx)
    if w in _VAGUE:
        return _vague(text, m, w, ctx)
    if _COMPOUND_BEFORE.search(text[max(0, m.start() - 2) : m.start()]):
        return None  # "mother-of-three", "best-of-five"; the "three" of "twenty-three" is read with "twenty"
    value, end = float(_WORD_NUM[w]), m.end()
    if value >= 20 and value % 10 == 0 and (unit := _UNIT_AFTER_TENS.match(text, end)):
        value, end = value + _WORD_NUM[unit.group(1).lower()], unit.end()  # "twenty-three"
        if pct := _PERCENT_AFTER.match(text, end):
            end = pct.end()
    said = text[m.start() : end]
    if said.lower().endswith(("percent", "per cent")):
        return Quantity(value, "percent", "", m.start(), end, said, _qualifier(text, m.start()), ctx)
    if words := unit_after(text, end):  # "two kilograms", "five miles"
        base, base_tol = to_base(value, 0.0, words.unit)
        return Quantity(base, "measure", "", m.start(), end, said,
                        _qualifier(text, m.start()), ctx, tol=base_tol, dimension=words.unit.dimension)
    noun = _joined_noun(text, end)
    if w == "one" and noun in ("of", ""):
        return None  # "one of the", "one" as a pronoun
    if noun in _DAYS and not _hyphened(text, end):  # "a four-day week" is no stretch of time
        return Quantity(value * _DAYS[noun], "count", "days", m.start(), end, said,
                        _duration_qualifier(text, m.start(), end), ctx)
    return Quantity(value, "count", noun, m.start(), end, said, _qualifier(text, m.start()), ctx)


_COMPOUND_BEFORE = re.compile(r"[A-Za-z]-$")
_UNIT_AFTER_TENS = re.compile(r"-(one|two|three|four|five|six|seven|eight|nine)\b", re.I)
_PERCENT_AFTER = re.compile(r"\s+(?:percent|per cent)\b", re.I)


# A table row is read as "Header: value, Header: value" (``retrieve.tables``): a column's label between two
# figures puts them in different columns.
_CELL_LABEL = re.compile(r",\s[^,:;.]{1,60}:\s")


def derived(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Differences and percent changes between same-unit quantities stated in one sentence."""
    out: list[Quantity] = []
    for i, a in enumerate(quantities):
        for b in quantities[i + 1 :]:
            if a.unit != b.unit or a.unit not in ("money", "count") or b.start - a.end > 160:
                continue
            if "\n\n" in text[a.end : b.start] or re.search(r"[.!?]\s", text[a.end : b.start]):
                continue
            if _CELL_LABEL.search(text[a.end : b.start]):
                continue  # two cells of a table row ("Median wait: 96 minutes, Patients seen: 22,105")
            if a.value == 0 or b.value == 0:
                continue
            # Either may be the earlier value ("X, compared with Y" vs "up from Y to X").
            for new, old in ((a, b), (b, a)):
                ctx = _merge(a.context, b.context)
                pct = (new.value - old.value) / old.value * 100
                how = f"change from {old.text} to {new.text}"
                out.append(Quantity(abs(pct), "percent", "", a.start, b.end, f"{pct:+.1f}%", "exact", ctx,
                                    names=a.names | b.names, change=True, derived=how))
            diff = abs(a.value - b.value)
            out.append(Quantity(diff, a.unit, a.noun or b.noun, a.start, b.end, f"{diff:g}", "exact",
                                _merge(a.context, b.context), names=a.names | b.names, change=True,
                                derived=f"difference between {a.text} and {b.text}"))
    return out


def _merge(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {w: min(a.get(w, 99), b.get(w, 99)) for w in a.keys() | b.keys()}


Verdict = Literal["match", "mismatch", "unclear"]


def _interval(q: Quantity, tol_: FigureTolerances, claim: bool) -> tuple[float, float]:
    """The values ``q`` admits under its qualifier: a plain figure its rounding ("84,000" in a claim
    stands for 83,500 to 84,500: a round figure stands for nearby precise ones), "about" ± ``about``
    plus its rounding, "more than" open above it... (``onrecord.text.quantities.hedge_interval``)."""
    # A figure with no written digits to round (a derived change, a number in words) is the same
    # number within ``same_value``.
    value, tol = q.value, q.tol or tol_.same_value * abs(q.value)
    written = tol
    if claim and q.qualifier == "exact" and q.unit != "measure":
        tol = max(tol, _rounding(value))
    shift = 273.15 if q.dimension == "temperature" else 0.0  # "about 20 °C": 10% of 20 degrees, not of 293 K
    lo, hi = hedge_interval(value - shift, tol, q.qualifier, None)
    if q.qualifier in ("exact", "about") and tol == written > 0:
        hi = math.nextafter(hi, -math.inf)  # rounding is half-open: "133" is 132.5 up to, not including, 133.5
    return lo + shift, hi + shift


def _compare(c: Quantity, s: Quantity, tol_: FigureTolerances) -> Verdict:
    """A claim's figure against a source's, both read as intervals: ``match`` when the source's lies in
    the claim's (or the source states one figure, inside it), ``mismatch`` only when the two cannot
    meet ("more than 18,000" in a source is no contradiction of "18,412"), ``unclear`` otherwise."""
    if c.unit in ("date", "year") or s.unit in ("date", "year"):
        return compare_dates(c.date_parts, s.date_parts)
    if c.unit == "degree" and c.dimension and s.dimension and c.dimension != s.dimension:
        c, s = _on_one_scale(c), _on_one_scale(s)  # "20 °C" against "68 °F", both in kelvin
    if c.direction and s.direction and c.direction != s.direction:
        return "mismatch"  # "rose 12%" against "fell 12%"
    if c.threshold and s.threshold:
        # Two conditions' thresholds ("when it passes 110 degrees", "when it exceeds 105°F") are two values.
        c, s = replace(c, qualifier="exact"), replace(s, qualifier="exact")
    if c.ceiling and s.value >= c.ceiling:
        return "unclear"  # "hundreds" does not say "millions", though millions are at least two hundred
    # A range's middle is no figure it gives: a range is read as an interval, below.
    same = not (c.span or s.span) and abs(c.value - s.value) <= tol_.same_value * max(abs(c.value), 1e-9)
    if same and c.qualifier == s.qualifier:
        return "match"  # "above 105 degrees" against "exceed 105°F"
    if same and c.qualifier == "exact" and s.qualifier in ("at_least", "at_most", "minimum"):
        return "match"  # "two months' notice" names the figure of "not less than two months' notice"
    differ = None if c.span or s.span else limits_differ(c.qualifier, s.qualifier, c.value, s.value)
    if differ is not None:
        return "mismatch" if differ else "match"  # a limit is its figure: "up to 1,000 requests" is not "up to 100"
    if c.qualifier == "nearly":
        c = replace(c, qualifier="exact")  # the claim's "nearly" reaches ``nearly`` of its figure
        lo, hi = tol_.nearly * c.value, c.value + max(c.tol, tol_.same_value * c.value)
    else:
        lo, hi = _interval(c, tol_, claim=True)
    s_lo, s_hi = _interval(s, tol_, claim=False)
    if hi < s_lo or s_hi < lo:
        return "mismatch"
    if c.qualifier in ("at_most", "minimum") and not s.span and s.qualifier in ("exact", "about", "nearly"):
        return "unclear"  # a limit is no figure within it: "up to 600 mg" is not stated by "a 200 mg tablet"
    point = s.qualifier in ("exact", "about", "nearly") and not s.span
    return "match" if lo <= s_lo and s_hi <= hi or point and lo <= s.value <= hi else "unclear"


def _on_one_scale(q: Quantity) -> Quantity:
    scale = TEMPERATURES[q.dimension]
    value, tol = to_base(q.value, round_figure_tol(q.value, q.tol, DEFAULT_TOLERANCES.about), scale)
    return replace(q, value=value, tol=tol, dimension="temperature")


def _rounding(v: float) -> float:
    # "84,000" may be rounded to the thousand; "31" is exact.
    if v >= 1000 and v % 1000 == 0:
        return 500.0
    if v >= 100 and v % 100 == 0:
        return 50.0
    return 0.0


def _same_kind(c: Quantity, s: Quantity) -> bool:
    if c.unit in ("date", "year") and s.unit in ("date", "year"):
        return comparable(c.date_parts, s.date_parts)
    if c.unit == "measure" and c.dimension != s.dimension:
        return False  # a kilogram is no length
    # A change is never compared with a level ("rose by 5%" and "at 5%"); a derived change stands in
    # for the change a source implies.
    return c.unit == s.unit and bool(c.direction) == bool(s.direction or s.derived)


def _nouns_agree(c: Quantity, s: Quantity) -> bool:
    if c.unit not in ("count", "ordinal"):
        return True
    a, b = c.noun.rstrip("s"), s.noun.rstrip("s")
    return bool(a) and bool(b) and (a == b or a.startswith(b) or b.startswith(a))


Pool = list[tuple[str, Quantity]]
"""Every quantity of the sources (stated and derived), with its source id."""


def source_pool(sources: dict[str, str]) -> Pool:
    """The sources' quantities, extracted once per check rather than once per claim."""
    pool: Pool = []
    for sid, text in sources.items():
        qs = extract(text)
        pool += [(sid, q) for q in qs] + [(sid, q) for q in derived(text, qs)]
    return pool


def check_quantities(claim: str, sources: dict[str, str] | Pool,
                     tol: FigureTolerances = DEFAULT_TOLERANCES) -> list[QuantityCheck]:
    """Compare every quantity of ``claim`` with the best-matching quantity of the sources.

    ``sources`` is a mapping of id to text, or a pool from :func:`source_pool` built once for many claims.
    """
    claim_q = extract(claim)
    if not claim_q:
        return []
    pool = source_pool(sources) if isinstance(sources, dict) else sources
    checks = [_check_one(q, pool, tol) for q in claim_q]
    # Each claim figure has its own partner: a source figure another claim figure has matched ("the
    # first six months" for "six months") is not the one "one month's notice" is compared with.
    taken = {(ch.source_id, ch.source.start, ch.source.end) for ch in checks
             if ch.status == "match" and ch.source is not None and not ch.source.derived}
    if not taken:
        return checks
    free = [(sid, s) for sid, s in pool if (sid, s.start, s.end) not in taken]
    return [ch if ch.status == "match" else _check_one(ch.claim, free, tol) for ch in checks]


def _about_the_same(c: Quantity, s: Quantity, nouns: bool, affinity: float, best: float,
                    tol: FigureTolerances) -> bool:
    """A source figure of the claim's very value, with words close to both as a contradiction needs them
    (``same_thing_affinity``, and for a count the same counted noun), is about the same thing where it is placed
    nearly as well as the best (``equal_placed_share``): "The governor signed the bill in August" against "The
    senator introduced the bill in February. ... The governor signed it into law in August" (the pronoun hides
    "bill" from the right sentence). A value that agrees needs less placing than one that would disagree."""
    if s.value != c.value or affinity < max(tol.same_thing_affinity, tol.equal_placed_share * best):
        return False
    return c.unit not in ("count", "ordinal") or nouns


def _another_limit(c: Quantity, s: Quantity, nouns: bool, affinity: float, tol: FigureTolerances) -> bool:
    """Two limits of the same thing that are not the same: words close to both beyond the figures' own ("24 hours"
    for "up to 600 mg in 24 hours" and "do not exceed 400 mg in 24 hours"; "mg" alone is any dose), and for a
    count the same counted noun."""
    beyond = _affinity({w: d for w, d in c.context.items() if d > 1 or unit_after(" " + w, 0) is None}, s.context)
    if (c.unit in ("count", "ordinal") and not nouns) or beyond < tol.same_thing_affinity:
        return False
    return _compare(c, s, tol) == "mismatch"


def _check_one(c: Quantity, pool: Pool, tol: FigureTolerances) -> QuantityCheck:
    scored = []
    for sid, s in pool:
        if not _same_kind(c, s):
            continue
        nouns = _nouns_agree(c, s)
        affinity = _affinity(c.context, s.context)
        scored.append((affinity + (tol.counted_noun_bonus if nouns and c.noun else 0.0), sid, s, nouns, affinity))
    if not scored:
        return QuantityCheck(c, "unmatched", None, None)
    scored.sort(key=lambda t: -t[0])
    best_score = scored[0][0]
    # Where the best-placed figure is a table row's, a name the claim and that row share marks whose figure
    # it is: a figure elsewhere without it is another row's or the page's ("Bren Falls - Colston: June
    # 2027", "2 February 2027" for "Colston to Dunmere"). (Only rows: in prose, names near a figure are many,
    # and a sentence's are not all its figure's.)
    best = scored[0][2]
    owner = c.names & best.names if best.row else frozenset()
    may_meet, bounding = False, None  # bounding: (source id, figure)
    # A placed figure that states the claim's very value is read first: a bound ("below $25 billion") meets
    # any smaller figure near it ("a dividend of $0.13"), but the one that gives $25 billion is its partner.
    # A limit is read first against the source's limits: "up to 600 mg in 24 hours" is the limit "do not exceed
    # 400 mg in 24 hours" states, not the "200 mg tablet" beside it, which any limit above 200 would hold.
    limit = limit_kind(c.qualifier)
    for score, sid, s, nouns, affinity in sorted(
            scored, key=lambda x: (not (limit and limit_kind(x[2].qualifier) == limit), x[2].value != c.value)):
        placed = score >= max(tol.placed_floor, tol.placed_share * best_score) or _about_the_same(
            c, s, nouns, affinity, best_score, tol)
        # (Placed at all: where the source states a limit of the same thing, that is the claim's partner.)
        if limit and limit_kind(s.qualifier) == limit and _another_limit(c, s, nouns, affinity, tol):
            return QuantityCheck(c, "mismatch", s, sid)
        # A large, specific figure that agrees ("more than 18,000" vs "Attendance: 18,412") needs no context.
        telling = (c.value >= tol.telling_value
                   and abs(s.value - c.value) <= tol.telling_share * c.value and (nouns or not s.noun or not c.noun))
        # (A date is never telling enough to be another row's: "2027" is on every row of a plan for 2027.)
        if s.row != best.row and owner - s.names and (not telling or c.unit in ("date", "year")):
            continue
        verdict = _compare(c, s, tol) if placed or telling else "mismatch"
        if verdict == "match":
            return QuantityCheck(c, "match", s, sid)
        if placed and verdict == "unclear":
            may_meet = True
            bounding = bounding or ((sid, s) if s.bound or s.span else None)
    if may_meet:
        # A figure placed as well as the best that the claim's may meet ("three months' notice" and "not
        # less than two months' notice") is its partner: another figure of the same sentence ("the first
        # six months") is no contradiction of it. A date it may meet only within a bound ("2029" and "not
        # before 2028") is kept as its partner: the source bounds the date, it does not give it; so is a range
        # the figure lies in ("$4 million" in "$3-5 million"): the source gives a range, not that figure.
        sid, s = bounding if bounding else (None, None)
        return QuantityCheck(c, "unmatched", s, sid)
    # The best-placed source quantity disagrees: a contradiction only when it is clearly about the
    # same thing: words close to both figures, beyond a shared unit ("six weeks" vs an unrelated
    # "two weeks ago" share only the unit), and for counts the same counted noun too.
    # A figure of another part of the series ("the first six months" for "one month's notice") is passed over.
    same_part = next((x for x in scored if x[2].stretch == c.stretch), None)
    if same_part is None:
        return QuantityCheck(c, "unmatched", None, None)
    score, sid, s, nouns, affinity = same_part
    if (c.unit in ("count", "ordinal") and not nouns) or affinity < tol.same_thing_affinity:
        return QuantityCheck(c, "unmatched", None, None)
    if c.names and s.names and not (c.names & s.names):
        return QuantityCheck(c, "unmatched", None, None)  # someone else's figure: "Falcao's 37" vs "Muto's three"
    if _compare(c, s, tol) != "mismatch":
        return QuantityCheck(c, "unmatched", None, None)  # the two may meet: unsettled, not contradicted
    return QuantityCheck(c, "mismatch", s, sid)
