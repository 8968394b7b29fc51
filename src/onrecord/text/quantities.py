"""Quantities as values with ranges, and whether a claim's quantity agrees with a source's.

Every figure a sentence states becomes a ``Quantity``: an interval ``[lo, hi]`` (hedges such as
"about", "nearly", "more than" widen or open it; a plain figure covers its rounding), a kind (count,
money, percent, factor, duration, tally, points, year, time), what it counts (stems of the words after
it) and its span. Fractions and ratios ("a third", "one in four") are shares in percent; changes
("fell 12%", "more than tripled", "halved", "fell by a quarter") are factors (new value / old value);
durations are days ("two and a half years" = "30 months"); measures are in their dimension's base unit
("1,500 grams" = "1.5 kg", "5 miles" ~ "8 km": ``onrecord.text.units``), never compared across
dimensions; "free" and "at no charge" are money 0; votes are tallies ("6-1", "seven votes to none",
"unanimously"). A change ("rose by 5%") is a factor and a level ("to 5%") a percent: never compared.

``compare`` says whether a claim's quantity is supported by, contradicted by or unrelated to a
source's: the same kind of the same thing, with the source's stated value inside the claim's interval.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from onrecord.text.lexical import STOPWORDS, stem
from onrecord.text.numwords import word_numbers
from onrecord.text.units import (
    ARTICLE_MEASURE,
    DURATIONS,
    Unit,
    article_measure,
    round_figure_tol,
    unit_after,
)

Kind = Literal["count", "money", "percent", "factor", "duration", "tally", "points", "year", "time", "measure"]
Verdict = Literal["supported", "contradicted", "unrelated", "unclear"]
Hedge = Literal["exact", "about", "nearly", "more", "at_least", "less", "at_most", "just_over", "just_under", "minimum"]
UPPER_LIMITS: frozenset[str] = frozenset({"at_most", "less"})
"""Hedges that state a limit ("up to 100 requests a minute", "within 30 days", "under 18"). Two limits are compared
by their figures: the claim's limit is the fact it states, so "up to 1,000" is no reading of "up to 100", though
every number up to 100 is up to 1,000."""
MINIMUM: Hedge = "minimum"
"""A floor a rule requires ("passwords must be at least 12 characters", "requires at least 60 days' notice"): a
limit too, compared by its figure, where a floor that reports ("at least 40 people were hurt") stays an interval."""
# A rule's words before a floor, in its clause: "must be at least 12", "requires at least 60 days' notice".
_REQUIRED_BEFORE = re.compile(r"\b(?:must|shall|should|needs?|has\s+to|have\s+to|required?|requires|requirement"
                              r"|mandatory|obliged|obligated)\b[^.;:!?]{0,50}$", re.I)


def required_floor(text: str, start: int) -> bool:
    """A floor at ``start`` that a rule requires (``MINIMUM``)."""
    return bool(_REQUIRED_BEFORE.search(text[max(0, start - 80) : start]))


def limit_kind(hedge: str) -> str:
    """"upper" for a limit from above, "floor" for a required minimum, "" for any other hedge."""
    return "upper" if hedge in UPPER_LIMITS else "floor" if hedge == MINIMUM else ""

INF = math.inf
# The hedge widths, named once here (what the words mean, below every stage) and read by the judge's
# ``onrecord.judge.thresholds.FigureTolerances``, so both readers of figures use the same ones.
ABOUT_SLACK = 0.10
"""``about/around/roughly/approximately X`` covers X ± 10% plus the rounding of X's last written digit
("about 4.8 million" is 4.27 to 5.33 million; "about 300" is 269.5 to 330.5): writers round to one or two
significant figures, so ±10% holds "about 4.8 million" for 4.82 million and refuses 5.4 million."""
NEARLY_FLOOR = 0.85
""""nearly/almost X" covers 0.85 X up to X (and X's rounding): "nearly 100" is 85 to 100.5."""
JUST_SLACK = 0.10
""""just over/under X" reaches 10% past X on its side."""
WORD_SLACK = 0.05
"""Fractions, shares and multiples in words ("a third", "one in four", "tripled") are spoken round
figures: ±5% relative."""
# Hedges are read in the 32 characters before the figure (one short phrase, never the previous clause).
HEDGE_WINDOW = 32
# What a figure counts: up to three content words right after it ("14 electric buses").
WHAT_WORDS = 3
CURRENCY = {"$": "USD", "dollar": "USD", "dollars": "USD", "usd": "USD", "cent": "USD", "cents": "USD",
            "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR", "£": "GBP", "pound": "GBP",
            "pounds": "GBP", "gbp": "GBP", "pence": "GBP", "p": "GBP"}
FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
             "fourth": 0.25, "fourths": 0.25, "fifth": 0.2, "fifths": 0.2, "sixth": 1 / 6, "tenth": 0.1,
             "tenths": 0.1}


@dataclass(frozen=True)
class Quantity:
    lo: float
    hi: float
    kind: Kind
    start: int
    end: int
    text: str
    nominal: float
    """The figure as stated (the middle of a plain figure's rounding; the bound of "more than X")."""
    unit: str = ""
    """Currency for money ("USD"); the dimension of a measure ("mass", "length", in its base unit:
    ``onrecord.text.units``); "" otherwise (durations are in days, shares in percent)."""
    what: frozenset[str] = frozenset()
    """Stems of what is counted ("14 electric buses" → {"electr", "buses"}); empty when unknown."""
    hedge: Hedge = "exact"
    against: float | None = None
    """Tallies only: the votes against ("6-1" → 1; "unanimously" → 0)."""
    before: bool = False
    """An earlier value given for comparison ("up from 22 percent", "down from 32.1% a year ago")."""
    change: int = 0
    """+1 / -1 when a count, sum or duration is the size of a rise or fall ("fell by 400 students"),
    0 for a level ("fell to 120"). Changes in percent are factors instead."""

    @property
    def is_point_like(self) -> bool:
        """Stated as one figure (plain, "about", "nearly", "more than"), not a bare bound ("under 18")."""
        return self.hedge not in ("less", "at_most", MINIMUM) and not (self.kind == "percent" and self.hi - self.lo >= 20)


@dataclass(frozen=True)
class _Raw:
    """A figure before hedges: its value, the tolerance of its wording, and what kind it is."""
    value: float
    tol: float
    kind: Kind
    start: int
    end: int
    unit: str = ""
    against: float | None = None
    direction: int = 0  # +1 rise, -1 fall: a percent or fraction that is a change becomes a factor
    measure: Unit | None = None  # a unit of measure: the interval is converted to its base once hedged


_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12}
_DIGITS = re.compile(
    r"(?<![\w.,])(?<!\d[-–])(?P<sign>[-+−])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:[ \t]?(?P<scale>thousand|million|billion|trillion|mn|bn|[mkb])\b)?(?![\w,]*\d)", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_BEFORE = re.compile(r"\b" + _MONTH + r"[ \t]+$", re.I)
_DATE_AFTER = re.compile(r"[ \t]+" + _MONTH + r"(?![a-z])", re.I)


@dataclass(frozen=True)
class _Num:
    value: float
    tol: float
    start: int
    end: int
    words: bool


def _numbers(text: str) -> list[_Num]:
    """Every number in digits or words, with the rounding its wording implies (half its last digit)."""
    out = []
    for m in _DIGITS.finditer(text):
        raw = m.group("num").replace(",", "")
        scale = _SCALE.get((m.group("scale") or "").lower(), 1.0)
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        value = float(raw) * scale * (-1 if m.group("sign") in ("-", "−") else 1)
        start = m.start("num") if not m.group("sign") else m.start()
        out.append(_Num(value, 0.5 * 10 ** -decimals * scale, start, m.end(), False))
    for w in word_numbers(text):
        if not any(n.start <= w.start < n.end for n in out):  # "million" of "4.82 million" is taken
            # Small numbers in words are exact ("eighteen months"); large ones are spoken round figures.
            out.append(_Num(w.value, 0.0 if w.value < 100 else w.value * WORD_SLACK, w.start, w.end, True))
    return sorted(out, key=lambda n: n.start)


# A negated bound is the opposite bound, read before the bound it contains ("not less than two months"
# is at least two months, never "less than" two; "no more than 40" is at most 40, never "more than" 40).
NEGATED_BOUNDS: list[tuple[str, Hedge]] = [
    (r"(?:not|no) (?:less|fewer) than|not under|not below|not short of", "at_least"),
    (r"(?:not|no) (?:more|greater) than|not exceeding|not to exceed|not over|not above|not in excess of"
     r"|(?:not|never|cannot|can't) exceed(?:s)?|(?:not|never) (?:[a-z]+ )?(?:more|greater) than", "at_most"),
]
_HEDGES: list[tuple[str, Hedge]] = NEGATED_BOUNDS + [
    (r"just over|just above|slightly more than|a little over|just more than", "just_over"),
    (r"just under|just below|slightly less than|a little under|just shy of", "just_under"),
    (r"more than|over|above|upwards of|in excess of|exceeding|greater than|beyond", "more"),
    (r"at least|no fewer than|no less than|a minimum of|or more", "at_least"),
    (r"less than|fewer than|under|below|shy of", "less"),
    (r"up to|at most|no more than|a maximum of|as (?:much|many) as|within|or less|or fewer", "at_most"),
    (r"nearly|almost|close to|not quite|approaching", "nearly"),
    (r"about|around|roughly|approximately|approx\.?|some|an estimated|estimated|circa|~|or so|"
     r"in the region of|the best part of", "about"),
]
_HEDGE_BEFORE = [(re.compile(r"(?:^|[^\w])(?:" + p + r")[ \t]+(?:by[ \t]+)?(?:a[ \t]+|an[ \t]+)?$", re.I), h)
                 for p, h in _HEDGES]
_HEDGE_AFTER = re.compile(r"^[ \t]+(or more|or so|or less|or fewer|plus)\b|^\+", re.I)
_AFTER_HEDGE = {"or more": "at_least", "plus": "at_least", "+": "at_least", "or so": "about", "or less": "at_most",
                "or fewer": "at_most"}


# "Over" before a span of time names the period a thing ran across ("followed 61 districts over six years",
# "repaid over ten years", "Over three seasons, ..."), not a lower bound. It is a bound after a verb of
# lasting or a preposition of extent ("lasted over two weeks", "for over ten years", "in over a decade") and
# before "ago" or "old" ("over 20 years ago", "over 65 years old").
_OVER_BEFORE = re.compile(r"(?:^|(\S+)[ \t]+)over[ \t]+(?:a[ \t]+|an[ \t]+)?$", re.I)
_NOT_A_SPAN_AFTER = re.compile(r"^[ \t]+(?:ago|old|of[ \t]+age|earlier|before)\b", re.I)
_BOUND_LEADS = frozenset("""for last lasts lasted lasting take takes took taking taken spend spends spent spending
wait waits waited waiting serve serves served serving of than after in within since aged age been just slightly
little well nearly almost""".split())


def over_names_a_span(text: str, start: int, end: int) -> bool:
    """"over" just before the duration ``text[start:end]`` (its unit included) names the span a thing ran
    across, not a lower bound (see ``_OVER_BEFORE``)."""
    m = _OVER_BEFORE.search(text[max(0, start - HEDGE_WINDOW) : start])
    if not m or _NOT_A_SPAN_AFTER.match(text[end : end + 16]):
        return False
    lead = (m.group(1) or "").lower().strip(",;:()\"'")
    return lead not in _BOUND_LEADS


def _hedge(text: str, start: int, end: int, kind: str = "") -> Hedge:
    before = text[max(0, start - HEDGE_WINDOW) : start]
    if kind == "duration" and over_names_a_span(text, start, end):
        return "exact"
    for rx, h in _HEDGE_BEFORE:
        if rx.search(before):
            return MINIMUM if h == "at_least" and required_floor(text, start) else h
    m = _HEDGE_AFTER.match(text[end : end + 12])
    if m:
        return _AFTER_HEDGE[(m.group(1) or "+").lower()]  # type: ignore[return-value]
    return "exact"


def hedge_interval(value: float, tol: float, hedge: Hedge, floor: float | None) -> tuple[float, float]:
    """The values a figure stated with ``hedge`` admits; ``floor`` bounds "less than" (no negative counts)."""
    low = -INF if floor is None else floor
    a, j = abs(value) * ABOUT_SLACK, abs(value) * JUST_SLACK
    table: dict[str, tuple[float, float]] = {
        "exact": (value - tol, value + tol),
        "about": (value - a - tol, value + a + tol),
        "nearly": (value - abs(value) * (1 - NEARLY_FLOOR), value + tol),
        "just_under": (value - j, value),
        "just_over": (value, value + j),
        "more": (math.nextafter(value, INF), INF),
        "at_least": (value, INF),
        "minimum": (value, INF),
        "less": (low, math.nextafter(value, -INF)),
        "at_most": (low, value),
    }
    lo, hi = table[hedge]
    return (max(lo, floor) if floor is not None else lo), hi


_UP = (r"rose|rise[sn]?|rising|increased?|increases|increasing|grew|grows?|grown|growing|jump(?:ed|s)?|"
       r"climb(?:ed|s)?|gain(?:ed|s)?|up|surged?|soared?|higher|boost(?:ed)?|raised?")
_DOWN = (r"fell|falls?|fallen|falling|drop(?:ped|s)?|declined?|declines|decreased?|decreases|cut|cuts|down|"
         r"lower|shr[ua]nk|slid|slipped|dipped|plunged?|reduced?|lost|slashed?|trimmed")
_UP_BEFORE = re.compile(r"\b(?:" + _UP + r")[ \t]+(?:(?:by|in)[ \t]+)?(?:\w+[ \t]+){0,2}$", re.I)
_DOWN_BEFORE = re.compile(r"\b(?:" + _DOWN + r")[ \t]+(?:(?:by|in)[ \t]+)?(?:\w+[ \t]+){0,2}$", re.I)
# "lower in four-day districts", "up at 12 sites": the figure places the change and is no size of it
# ("cut in half" is one: a fraction is a size).
_PLACED = re.compile(r"\b(?:in|at|among|across|on)[ \t]+$", re.I)
_FRACTION = re.compile(r"(?:a[ \t]+)?(?:half|thirds?|quarters?)\b", re.I)
_UP_AFTER = re.compile(r"^[ \t-]+(?:increase|rise|gain|jump|growth|hike|boost)\b", re.I)
_DOWN_AFTER = re.compile(r"^[ \t-]+(?:drop|decline|fall|cut|reduction|decrease|loss|slump)\b", re.I)
_BEFORE_VALUE = re.compile(r"\b(?:from|compared (?:with|to)|versus|vs\.?)[ \t]+(?:\w+[ \t]+)?$", re.I)
_AGO_AFTER = re.compile(r"^[^.;]{0,20}\b(?:a year ago|last year|previously|before)\b", re.I)


def direction(text: str, start: int, end: int, signed: float | None) -> int:
    """+1 when the figure is a rise ("rose 8%", "a 12% increase", "+2%"), -1 a fall, 0 a level."""
    if signed is not None and signed < 0:
        return -1
    if text[start] == "+":
        return 1
    before = text[max(0, start - 40) : start]
    # "to" or "from" before the figure makes it a level ("rose to 91%", "up from 22%"), not the change.
    if re.search(r"\b(?:to|from)[ \t]+(?:\w+[ \t]+)?$", before, re.I):
        return 0
    # A bound after the verb is a level too ("fall below $25 billion", "rose above 5%"); "over" is left out,
    # for "rose over 20 percent" is as often the size of the rise.
    if re.search(r"\b(?:below|above|beneath|under|past)[ \t]+$", before, re.I):
        return 0
    if _PLACED.search(before) and not _FRACTION.match(text, start):
        return 0
    after = text[end : end + 30]
    if _DOWN_BEFORE.search(before) or _DOWN_AFTER.search(after):
        return -1
    if _UP_BEFORE.search(before) or _UP_AFTER.search(after):
        return 1
    return 0


def _is_before_value(text: str, start: int) -> bool:
    """An earlier value given for comparison: "up from 22 percent", "compared with 84%"."""
    return bool(_BEFORE_VALUE.search(text[max(0, start - 30) : start]))


_STOP_WHAT = STOPWORDS | {"percent", "cent", "per", "times", "votes", "vote", "year", "years", "month",
                          "months", "day", "days", "week", "weeks", "hour", "hours", "minute", "minutes"}
_WHAT_TOKEN = re.compile(r"[ \t]*(?:of[ \t]+|each[ \t]+|per[ \t]+|an?[ \t]+)?([A-Za-z][A-Za-z'-]*)")


_PART_OF = re.compile(r"[ \t]+(?:out[ \t]+)?of[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?\d[\d,]*(?=[ \t]+[A-Za-z])")


def _what(text: str, end: int) -> frozenset[str]:
    """Stems of the content words right after a figure: what it counts ("2,340 students" → student). A part of a
    whole counts what the whole does: "12 of the 40 seats" → seat."""
    out: list[str] = []
    pos = end
    part = _PART_OF.match(text, end)
    if part:
        pos = part.end()
    for _ in range(WHAT_WORDS):
        m = _WHAT_TOKEN.match(text, pos)
        if not m or m.group(1).lower() in _STOP_WHAT:
            break
        out.append(stem(m.group(1).lower()))
        pos = m.end()
    return frozenset(out)


_UNIT = r"(second|minute|hour|day|week|fortnight|month|year|decade)s?"
_PCT_AFTER = re.compile(r"[ \t]?%|[ \t]+(?:percent|per[ \t]?cent)\b", re.I)
_POINTS_AFTER = re.compile(r"[ \t]+(?:percentage[ \t]+)?(?:points?|pts?)\b|[ \t]?pp\b", re.I)
_DURATION_AFTER = re.compile(r"[ \t-]+(?:(?:extra|more|additional|further|full|whole|straight|consecutive|"
                             r"calendar|working|school)[ \t]+)?" + _UNIT + r"\b", re.I)
_MONEY_AFTER = re.compile(r"[ \t]+(dollars?|euros?|pounds?|cents?|pence|usd|eur|gbp)\b", re.I)
_MONEY_BEFORE = re.compile(r"(?:([$€£])[ \t]?|\b(usd|eur|gbp)[ \t]?)$", re.I)  # "$ 137,000" too
_CLOCK_AFTER = re.compile(r"[ \t]?(a\.?m\.?|p\.?m\.?)(?!\w)|:(\d\d)\b", re.I)
_RANGE_AFTER = re.compile(r"[ \t]*[-–][ \t]*(\d+(?:\.\d+)?)\b|[ \t]+to[ \t]+(\d+(?:\.\d+)?)\b")
_TALLY_WORDS_AFTER = re.compile(r"[ \t]+(?:votes?[ \t]+)?to[ \t]+(?:(none|nil|zero)\b)?", re.I)
_RATIO_AFTER = re.compile(r"[ \t]+(?:in|out[ \t]+of)[ \t]+", re.I)
_VOTE_CUE = re.compile(r"\b(?:vot\w*|ballot|tally|motion|approv\w*|adopt\w*|pass(?:ed|es)?|defeat\w*|"
                       r"reject\w*|carried|won|beat|lost|drew|scor\w*|margin)\b", re.I)
_YEAR_CUE = re.compile(r"\b(?:in|since|of|by|from|until|till|to|before|after|during|early|late|mid|the|"
                       r"through|between|and|fiscal|fy)[ \t-]*$", re.I)


def _sentence_of(text: str, start: int, end: int) -> str:
    a = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return text[a : min(ends) if ends else len(text)]


def _next_num(nums: list[_Num], pos: int) -> _Num | None:
    return next((n for n in nums if n.start == pos), None)


def _tally(text: str, nums: list[_Num], n: _Num) -> tuple[_Raw, int] | None:
    """A vote or score: "6-1", "7 to 2", "six to one", "four votes to three", "seven votes to none"."""
    if not _VOTE_CUE.search(_sentence_of(text, n.start, n.end)):
        return None
    m = _TALLY_WORDS_AFTER.match(text, n.end)
    if m and m.group(1):
        return _Raw(n.value, 0, "tally", n.start, m.end(), against=0.0), m.end()
    if m and (other := _next_num(nums, m.end())):
        return _Raw(n.value, 0, "tally", n.start, other.end, against=other.value), other.end
    d = re.match(r"[ \t]*[-–][ \t]*(\d+)\b", text[n.end :])
    if d and not n.words:
        end = n.end + d.end()
        return _Raw(n.value, 0, "tally", n.start, end, against=float(d.group(1))), end
    return None


def _is_year(text: str, n: _Num) -> bool:
    """A figure that reads as a year: 1900-2100 in digits, not counting something ("1 in 2000 patients")."""
    return (not n.words and float(n.value).is_integer() and 1900 <= n.value <= 2100
            and "," not in text[n.start : n.end] and not _what(text, n.end))


def _ratio(text: str, nums: list[_Num], n: _Num) -> tuple[_Raw, int] | None:
    """ "one in four", "three in ten", "1 out of 5": a share, in percent."""
    m = _RATIO_AFTER.match(text, n.end)
    other = _next_num(nums, m.end()) if m else None
    if not other or other.value <= 0 or n.value > other.value or _is_year(text, other):
        return None  # "up from 96 in 2015-16" is a figure and its year, no share
    share = 100 * n.value / other.value
    # "one in four" is a spoken round share, in digits or in words alike.
    return _Raw(share, share * WORD_SLACK, "percent", n.start, other.end), other.end


def _unit_after(text: str, n: _Num) -> tuple[_Raw, int] | None:
    """A figure whose unit follows it: percent, points, a duration, a currency word, a clock time."""
    rest = text[n.end :]
    if words := unit_after(text, n.end):
        return _Raw(n.value, round_figure_tol(n.value, n.tol, ABOUT_SLACK), "measure", n.start, words.end, unit=words.unit.dimension,
                    measure=words.unit), words.end
    for rx, kind in ((_POINTS_AFTER, "points"), (_PCT_AFTER, "percent"), (_DURATION_AFTER, "duration"),
                     (_MONEY_AFTER, "money"), (_CLOCK_AFTER, "time")):
        m = rx.match(rest)
        if not m:
            continue
        end = n.end + m.end()
        if kind == "duration":
            value, tol = _days(n.value, n.tol, m.group(1).lower())
            return _Raw(value, tol, "duration", n.start, end), end
        if kind == "money":
            word = m.group(1).lower()
            k = 0.01 if word in ("cent", "cents", "pence") else 1.0
            return _Raw(n.value * k, n.tol * k, "money", n.start, end, unit=CURRENCY[word]), end
        if kind == "time":
            hours = n.value + (12 if (m.group(1) or "").lower().startswith("p") and n.value < 12 else 0)
            return _Raw(hours + int(m.group(2) or 0) / 60, 0, "time", n.start, end), end
        return _Raw(n.value, n.tol, kind, n.start, end), end  # type: ignore[arg-type]
    return None


def _plain(text: str, n: _Num) -> _Raw | None:
    """Money by its symbol, a year, or a count; None for a day of a month ("Nov. 21", "21 November")."""
    before = text[max(0, n.start - 8) : n.start]
    raw = text[n.start : n.end]
    is_year = bool(re.fullmatch(r"(?:18|19|20)\d\d", raw))
    if not is_year and (_DATE_BEFORE.search(before) or _DATE_AFTER.match(text, n.end)):
        return None
    if m := _MONEY_BEFORE.search(before):
        unit = CURRENCY[(m.group(1) or m.group(2)).lower()]
        return _Raw(n.value, n.tol, "money", n.start - (len(before) - m.start()), n.end, unit=unit)
    if is_year and (_DATE_BEFORE.search(before) or _YEAR_CUE.search(before) or not _what(text, n.end)):
        return _Raw(n.value, 0, "year", n.start, n.end)
    return _Raw(n.value, n.tol, "count", n.start, n.end)


_FRACTION = re.compile(
    r"\b(?:(?P<n>a|an|one|two|three|four|five|seven|nine)[ \t-]+)?(?P<f>half|halves|thirds?|quarters?|"
    r"fourths?|fifths?|tenths?)\b", re.I)
_NOT_SHARE_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last|other|latter|former|the|this|next)[ \t]+$",
                               re.I)
_ARTICLE_DURATION = re.compile(
    r"\b(?:(?P<half>half)[ \t]+(?:a|an)|(?:a|an|one))[ \t]+" + _UNIT + r"(?P<andhalf>[ \t]+and[ \t]+a[ \t]+half)?\b",
    re.I)
# "a day" after a figure, a price or another unit is a rate ("$2 an hour", "twice a year", "one day a
# week"), not a duration.
_RATE_BEFORE = re.compile(r"(?:\d|%|\b(?:times|twice|once|thrice|cents?|dollars?|euros?|pounds?|pence|each|per|"
                          r"seconds?|minutes?|hours?|days?|weeks?|months?|years?|session|sessions))[ \t]*$", re.I)
_MULTIPLE_VERB = re.compile(r"\b(doubled|doubling|tripled|tripling|trebled|quadrupled|halved|halving)\b", re.I)
# A measure of one thing against another's: "the size of", "the height of" ("twice the size of Earth").
_MEASURE_OF = r"the[ \t]+(?:size|height|length|width|weight|mass|age|number|amount|price|cost|speed|rate|population|area)"
_MULTIPLE_N = re.compile(r"\b(?:(\w+)[ \t-]?fold\b|(twice|double(?=[ \t]+the[ \t]))|(\w+)[ \t]+times)(?=[ \t]+(?:as|more|over|larger|higher|"
                         r"bigger|greater|increase|rise|" + _MEASURE_OF + r"[ \t]+of)\b)|\b(\w+)[ \t-]?fold\b", re.I)
# "The same size as Earth", "half the size of Earth": a factor of one, of a half.
_SAME_MEASURE = re.compile(r"\b(?:(?:about|roughly|nearly|almost)[ \t]+)?(?P<k>" + _MEASURE_OF.replace("the", "the[ \t]+same", 1)
                           + r"[ \t]+as|half[ \t]+" + _MEASURE_OF + r"[ \t]+of)\b", re.I)
_MULTIPLE_VALUE = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "halv": 0.5}
_FREE = re.compile(r"\b(?:free[ \t]+of[ \t]+charge|at[ \t]+no[ \t]+(?:extra[ \t]+|additional[ \t]+)?(?:charge|cost)|"
                   r"no[ \t]+charge|without[ \t]+charge|(?<![-\w])free(?![ \t]+to\b)(?=[ \t]*(?:[.,;:!?)]|$|"
                   r"of|on|in|for|at|with|to[ \t]+\w+s\b|until|from|during|and|or|each|every)))", re.I)
_FREE_PREDICATE = re.compile(r"\b(?:is|are|was|were|be|been|being|remains?|stays?|travel|travels|ride|rides|"
                             r"go|goes|enter|enters|get|gets|for|completely|totally|entirely|now|still|always|"
                             r"also|park|parking|admission|entry)[ \t]+$", re.I)
_UNANIMOUS = re.compile(r"\bunanimous(?:ly)?\b|\bwithout[ \t]+(?:a[ \t]+)?(?:dissent|opposition)\b|"
                        r"\bwith[ \t]+no[ \t]+(?:votes|one)[ \t]+(?:against|opposed)\b", re.I)
_SHARE_WORDS = re.compile(r"\b(?:(?P<most>most|the majority|a majority)|(?P<minority>a minority)|"
                          r"(?P<all>almost all|nearly all|virtually all))(?=[ \t]+(?:of\b|\w+s\b|people\b))", re.I)


# A count with no limit ("unlimited user seats", "an unlimited number of projects"): no figure, which a limit in a
# source ("up to 10 user seats") does not reach.
_UNLIMITED = re.compile(r"\b(?:unlimited|limitless)(?:[ \t]+number[ \t]+of)?\b", re.I)


def _word_quantities(text: str) -> list[_Raw]:
    """Quantities stated without a number: fractions, multiples, durations with an article, free, votes."""
    out: list[_Raw] = []
    for m in _ARTICLE_DURATION.finditer(text):
        if m.group("half") or m.group("andhalf") or not _RATE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            k = 0.5 if m.group("half") else 1.5 if m.group("andhalf") else 1.0
            value, tol = _days(k, 0.0, m.group(2).lower())
            out.append(_Raw(value, tol, "duration", m.start(), m.end()))
    for m in ARTICLE_MEASURE.finditer(text):
        if not _RATE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):  # "$2 a mile" is a rate
            k, unit = article_measure(m)
            out.append(_Raw(k, 0.0, "measure", m.start(), m.end(), unit=unit.dimension, measure=unit))
    for m in _FRACTION.finditer(text):
        out.extend(_fraction(text, m))
    for m in _MULTIPLE_VERB.finditer(text):
        k = next(v for p, v in _MULTIPLE_VALUE.items() if m.group(1).lower().startswith(p))
        out.append(_Raw(k, k * WORD_SLACK, "factor", m.start(), m.end()))
    for m in _MULTIPLE_N.finditer(text):
        out.extend(_multiple(m))
    for m in _SAME_MEASURE.finditer(text):
        k = 0.5 if m.group("k").lower().startswith("half") else 1.0
        out.append(_Raw(k, k * WORD_SLACK, "factor", m.start("k"), m.end("k")))
    for m in _FREE.finditer(text):
        if not m.group(0).lower().startswith("free") or _FREE_PREDICATE.search(text[max(0, m.start() - 14) : m.start()]):
            out.append(_Raw(0.0, 0.0, "money", m.start(), m.end()))
    for m in _UNANIMOUS.finditer(text):
        out.append(_Raw(INF, 0.0, "tally", m.start(), m.end(), against=0.0))
    for m in _UNLIMITED.finditer(text):
        out.append(_Raw(INF, 0.0, "count", m.start(), m.end()))
    for m in _SHARE_WORDS.finditer(text):
        lo, hi = (50.0, 100.0) if m.group("most") else (0.0, 50.0) if m.group("minority") else (90.0, 100.0)
        out.append(_Raw((lo + hi) / 2, (hi - lo) / 2, "percent", m.start(), m.end()))
    return out


def _fraction(text: str, m: re.Match) -> list[_Raw]:
    """ "a third", "two-thirds", "half of", "by a quarter" (a change when a rise or fall precedes it)."""
    word, count = m.group("f").lower(), (m.group("n") or "").lower()
    if not count and (word != "half" or _NOT_SHARE_BEFORE.search(text[max(0, m.start() - 12) : m.start()])):
        return []
    if word == "half" and re.match(r"[ \t]+(?:an?|the)[ \t]+" + _UNIT, text[m.end() :], re.I):
        return []  # "half an hour" is a duration
    if count in ("", "a", "an", "one") and word.endswith("s") and word != "halves":
        return []
    n = {"": 1, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "nine": 9}[count]
    share = 100 * n * FRACTIONS[word]
    return [_Raw(share, share * WORD_SLACK, "percent", m.start(), m.end(),
                 direction=direction(text, m.start(), m.end(), None))]


def _multiple(m: re.Match) -> list[_Raw]:
    """ "threefold", "twice as many", "five times more": a factor."""
    if m.group(2):
        k = 2.0
    else:
        token = (m.group(1) or m.group(3) or m.group(4)).lower()
        wn = word_numbers(token)
        k = float(token) if token.replace(".", "", 1).isdigit() else wn[0].value if wn else 0.0
    return [_Raw(k, k * WORD_SLACK, "factor", m.start(), m.end())] if k > 0 else []


def _days(count: float, tol: float, unit: str) -> tuple[float, float]:
    """A duration in days, the middle of its unit's range, and how far either side it reaches."""
    u = DURATIONS[unit]
    return count * (u.lo + u.hi) / 2, tol * u.hi + count * (u.hi - u.lo) / 2


def _range(text: str, nums: list[_Num], n: _Num) -> tuple[_Raw, int] | None:
    """ "5-10 weeks", "3 to 4 percent", "between 3 and 4 percent": one quantity covering both ends,
    with the unit of the second."""
    m = _RANGE_AFTER.match(text, n.end)
    if not m and re.search(r"\bbetween[ \t]+$", text[max(0, n.start - 10) : n.start], re.I):
        m = re.compile(r"[ \t]+and[ \t]+(\d+(?:\.\d+)?)\b").match(text, n.end)
    if not m or n.words:
        return None
    digits = next(g for g in m.groups() if g)
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    hi = _Num(float(digits), 0.5 * 10 ** -decimals, m.end() - len(digits), m.end(), False)
    if hi.value <= n.value:
        return None
    top = _unit_after(text, hi)
    r = top[0] if top else _plain(text, hi)
    if r is None:
        return None
    k = r.value / hi.value
    lo = n.value * k
    return _Raw((lo + r.value) / 2, (r.value - lo) / 2 + r.tol, r.kind, n.start, r.end, unit=r.unit), r.end


def _is_day_of_month(text: str, n: _Num) -> bool:
    """ "Nov. 21", "21 November", "Nov. 21-23": a date, left to the date rules."""
    if n.words or re.fullmatch(r"(?:18|19|20)\d\d", text[n.start : n.end]):
        return False
    return bool(_DATE_BEFORE.search(text[max(0, n.start - 8) : n.start]) or _DATE_AFTER.match(text, n.end))


_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z]+[ \t]$")
_MONTH_WORD = re.compile(_MONTH + r"[ \t]$", re.I)


def _is_name_part(text: str, n: _Num) -> bool:
    """ "Brio 15", "Route 9", "Ward 3": a number that ends a name, or "one-way", "two-party" (a
    number word in a compound adjective), or "mother-of-three", "best-of-five" (one that ends a compound
    noun) is no quantity."""
    if n.words:
        if re.search(r"[A-Za-z]-$", text[max(0, n.start - 2) : n.start]):
            return True
        return bool(re.match(r"-[a-z]", text[n.end : n.end + 2])) and not _DURATION_AFTER.match(text, n.end)
    return ends_a_name(text, n.start, n.end)


def ends_a_name(text: str, start: int, end: int) -> bool:
    """Digits ``text[start:end]`` end a name ("Brio 15", "Route 9", "runs Windows 11", "Python 3.9"): a capitalised word
    right before them that does not open the sentence ("Nearly 40 homes"), nor is a month or a year's cue."""
    before = text[max(0, start - 20) : start]
    return bool(re.fullmatch(r"\d{1,4}(?:\.\d{1,3}){0,2}", text[start:end]) and _NAME_BEFORE.search(before)
                and not _MONTH_WORD.search(before) and not _YEAR_CUE.search(before))


def _number_quantity(text: str, nums: list[_Num], n: _Num) -> _Raw | None:
    if _is_day_of_month(text, n):
        return None
    if tally := _tally(text, nums, n):  # "beat Rovers 3-1": a score right after a name
        return tally[0]
    if _is_name_part(text, n):
        return None
    for rule in (_ratio, _range):
        found = rule(text, nums, n)
        if found:
            return found[0]
    found = _unit_after(text, n)
    return found[0] if found else _plain(text, n)


_FLOORED = {"count", "money", "percent", "duration", "factor", "measure"}


def _finish(text: str, r: _Raw) -> Quantity:
    """The interval of a figure: its wording's rounding, widened or opened by its hedge."""
    span = text[r.start : r.end]
    what = _what(text, r.end)
    if r.kind == "tally":
        lo, hi = (1.0, INF) if r.value == INF else (r.value, r.value)
        return Quantity(lo, hi, "tally", r.start, r.end, span, lo, what=what, against=r.against)
    hedge: Hedge = "exact" if r.kind in ("year", "time") else _hedge(text, r.start, r.end, r.kind)
    kind, value = r.kind, r.value
    way = r.direction
    if kind == "percent":
        way = way or direction(text, r.start, r.end, value)
        value = abs(value)
    floored = kind in _FLOORED and not (r.measure and r.measure.offset)  # -5 °C is a temperature
    lo, hi = hedge_interval(value, r.tol, hedge, 0.0 if floored else None)
    nominal = value
    if r.measure is not None:
        # Hedged in the unit it is stated in ("about 20 °C" is 18 to 22 degrees), then converted.
        lo, hi, nominal = _to_base(lo, r.measure, r.measure.lo), _to_base(hi, r.measure, r.measure.hi), \
            _to_base(value, r.measure, (r.measure.lo + r.measure.hi) / 2)
    if kind == "percent" and way:
        # A change in percent is a factor: "fell 12%" = 0.88 of before, "rose by a third" = 1.33.
        kind = "factor"
        lo, hi = (1 + lo / 100, 1 + hi / 100) if way > 0 else (max(0.0, 1 - hi / 100), 1 - lo / 100)
        nominal = 1 + way * value / 100
    change = direction(text, r.start, r.end, None) if kind in ("count", "money", "duration") else 0
    return Quantity(lo, hi, kind, r.start, r.end, span, nominal, unit=r.unit, what=what, hedge=hedge,
                    before=_is_before_value(text, r.start), change=change)


def _to_base(x: float, unit: Unit, factor: float) -> float:
    return x if math.isinf(x) else x * factor + unit.offset


# A reference marker ("[1]", "[2, 3]", "[4-6]") points at a source; it is no figure of the text.
CITATION_RE = re.compile(r"\[\s*\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\s*\]")


def quantities(text: str) -> list[Quantity]:
    """Every quantity ``text`` states, in order, none overlapping another (the longer reading wins)."""
    raws = _word_quantities(text)
    cited = [m.span() for m in CITATION_RE.finditer(text)]
    nums = [n for n in _numbers(text) if not any(a <= n.start < b for a, b in cited)]
    for n in nums:
        r = _number_quantity(text, nums, n)
        if r is not None:
            raws.append(r)
    raws.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[_Raw] = []
    for r in raws:
        if kept and r.start < kept[-1].end:
            continue
        kept.append(r)
    return [_finish(text, r) for r in kept]


def same_thing(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities can be the same measure: same kind and currency, both current values
    (or both earlier ones), both levels or both changes, and what they count shares a stem when both
    say what they count.

    Which figure of a sentence goes with which figure of a source sentence is the caller's matter
    (the sentences are aligned first); this only refuses pairs that cannot be the same quantity.
    """
    if a.kind != b.kind or a.before != b.before or bool(a.change) != bool(b.change):
        return False
    if a.kind == "money" and a.unit and b.unit and a.unit != b.unit:
        return False
    if a.kind == "measure" and a.unit != b.unit:
        return False  # a kilogram is no length
    return not (a.what and b.what and not (a.what & b.what))


def _compare_tally(claim: Quantity, source: Quantity) -> Verdict:
    c_against, s_against = claim.against or 0.0, source.against or 0.0
    if claim.hi == INF or source.hi == INF:  # "unanimously": no vote against, count unknown
        return "supported" if c_against == s_against == 0 else "contradicted"
    # A tally is the same whichever side is read first ("defeated 3-4" and "four votes to three").
    same = sorted((claim.lo, c_against)) == sorted((source.lo, s_against))
    return "supported" if same else "contradicted"


LIMIT_SAME = 0.02
"""Two limits within this share of each other are one: "two months" (60.9 days in days of an average month) is the
"60 days" a contract writes; rules write round limits, so a 2% gap is a unit's conversion, not another rule."""


def limits_differ(claim_hedge: str, source_hedge: str, claim_value: float, source_value: float) -> bool | None:
    """For two limits of one kind, whether the claim's is another (None: not two limits). Two floors that report ("at
    least 50", "more than 40") are left as intervals, as the source does not settle a higher one: unsettled, not
    contradicted; two floors a rule requires (``MINIMUM``: "must be at least 12 characters") are limits."""
    kind = limit_kind(claim_hedge)
    if kind and kind == limit_kind(source_hedge):
        return not math.isclose(claim_value, source_value, rel_tol=LIMIT_SAME)
    return None


def compare(claim: Quantity, source: Quantity) -> Verdict:
    """A claim's quantity against a source's: ``supported`` when the source's figure lies in the
    claim's interval, ``contradicted`` when the two intervals cannot meet, ``unclear`` when they
    overlap but the source does not settle it ("at least 50" vs "more than 40"), ``unrelated`` when
    they are not the same measure of the same thing."""
    if not same_thing(claim, source):
        return "unrelated"
    if claim.kind == "tally":
        return _compare_tally(claim, source)
    if claim.change != source.change:  # "rose by 400" against "fell by 400"
        return "contradicted"
    if claim.lo == source.lo == INF:
        return "supported"  # "unlimited" and "unlimited"
    differ = limits_differ(claim.hedge, source.hedge, claim.nominal, source.nominal)
    if differ is not None:
        return "contradicted" if differ else "supported"
    if claim.hi < source.lo or source.hi < claim.lo:
        return "contradicted"
    if claim.hedge in ("at_most", MINIMUM) and source.is_point_like and not math.isclose(claim.nominal, source.nominal):
        return "unclear"  # a limit is no figure within it: "up to 600 mg a day" is not stated by "a 200 mg tablet"
    # Units converted in floating point ("half an hour" and "30 minutes" in days) may miss by a hair.
    lo, hi = claim.lo - abs(claim.lo) * 1e-9, claim.hi + abs(claim.hi) * 1e-9
    inside = lo <= source.lo and source.hi <= hi
    if inside or lo <= source.nominal <= hi and source.is_point_like:
        return "supported"
    return "unclear"


# Context words around a figure that tell which figure of a source sentence it is: the clause it sits
# in, up to this many characters either side.
CONTEXT_CHARS = 60
# Two figures pair only when this share of their context words is shared (what they count then
# decides between candidates): below it ("the landfill will be full in four years" against "the expansion adds eleven years") they
# are different measures, and a mismatch between them says nothing.
MIN_CONTEXT_SHARE = 0.1
NEAR_CONTEXT_SHARE = 0.05
"""A source figure that gives the claim's figure, counting the same named thing ("goals"), with a context
share this close to the best placed one's, is the claim's partner: two figures of one long sentence share the claim's
words about equally ("Bueno has scored 17 goals for Rayo Vallecano this season ... Rayo Vallecano: 65
apps, 26 goals"), and the share then turns on how many other words each window holds. Only where both
count a thing the claim names: "$1.75" for "riders under 18" is the adult fare, not their "free"."""


_HEDGE_WORDS = frozenset("""about around roughly nearly almost approximately some just over under more less than
least most fewer up to estimated close""".split())


@dataclass(frozen=True)
class QuantityMatch:
    claim: Quantity
    source: Quantity | None
    verdict: Verdict
    """``unrelated`` when no figure of the source measures the same thing."""


CONTRAST_CLAUSE = re.compile(r",?\s+(?:while|whereas)\s+|,\s*(?:but|although|though)\s+", re.I)
"""Where a clause of contrast opens: a figure's context words stop there (the words past it are another figure's)."""


def _context(text: str, q: Quantity) -> set[str]:
    # A sentence's end bounds the context; ";" does not (it joins the cells of a table row's unit).
    left = re.split(r"[.!?\n](?:\s|$)|\n", text[max(0, q.start - CONTEXT_CHARS) : q.start])[-1]
    right = re.split(r"[.!?](?:\s|$)|\n", text[q.end : q.end + CONTEXT_CHARS])[0]
    # So does a contrast that opens another clause ("Revenue fell 3%, while operating profit rose 12%"): the
    # words past it are the other figure's.
    left, right = CONTRAST_CLAUSE.split(left)[-1], CONTRAST_CLAUSE.split(right)[0]
    words = re.findall(r"[A-Za-z][A-Za-z'-]+", f"{left} {right}")
    # What the figure counts is compared on its own; hedges say how sure, not what is measured.
    return {stem(w.lower()) for w in words if w.lower() not in STOPWORDS and w.lower() not in _HEDGE_WORDS} - q.what


# A share of a group ("one in five of those counted were children under 18") measures the part of the group
# that its predicate names. The predicate is what follows the group's verb; the group runs at most this many
# words after "of".
_SHARE_GROUP_WORDS = 6
_SHARE_PREDICATE = re.compile(
    rf"\s+of\s+(?:[\w'-]+\s+){{0,{_SHARE_GROUP_WORDS}}}?"
    r"(?:were|was|are|is|have|has|had|will|would|can|could|did|do|does|said|say|says)\s+(?P<pred>[^,;.!?\n]+)",
    re.I)


def _share_predicate(text: str, q: Quantity) -> frozenset[str]:
    """For a share of a group, the stems of what is said of that part ("sleeping outdoors"); empty when the
    figure is no share of a group or its predicate cannot be told."""
    if q.kind != "percent":
        return frozenset()
    m = _SHARE_PREDICATE.match(text, q.end)
    if m is None:
        return frozenset()
    words = re.findall(r"[A-Za-z][A-Za-z'-]+", m.group("pred"))
    return frozenset(stem(w.lower()) for w in words if w.lower() not in STOPWORDS and w.lower() not in _HEDGE_WORDS)


def _other_part(c_pred: frozenset[str], s_pred: frozenset[str]) -> bool:
    """Two shares of a group whose predicates share no word measure different parts of it ("half ... were
    sleeping outdoors" against "one in five ... were children"): their figures neither agree nor disagree."""
    return bool(c_pred and s_pred and not c_pred & s_pred)


_SERIES_PARTS = {"first": "first", "opening": "first", "initial": "first",
                 "last": "last", "final": "last", "closing": "last", "past": "last", "previous": "last",
                 "latest": "last", "next": "next", "coming": "next", "following": "next",
                 "remaining": "other", "other": "other", "another": "other", "additional": "other",
                 "further": "other", "extra": "other"}
_SERIES_PART_RE = re.compile(r"\b(" + "|".join(_SERIES_PARTS) + r")\s+$", re.I)


def series_part(text: str, start: int) -> str:
    """Which part of a series the figure at ``start`` counts, by the word just before it: ``first`` ("the
    first six months"), ``last`` ("the final three frames"), ``next``, ``other`` ("another 40 jobs"); ""
    for the whole. A part is another quantity than the whole: "the final three frames" are not the
    session's nine."""
    m = _SERIES_PART_RE.search(text[max(0, start - 20) : start])
    return _SERIES_PARTS[m.group(1).lower()] if m else ""


def _candidates(c: Quantity, claim: str, src: list[tuple[Quantity, set[str], frozenset[str]]]
                ) -> list[tuple[tuple, Quantity]]:
    """Source figures that may be the claim figure's (in ``claim``; ``src``: each source figure with its
    context and share predicate), with their pairing key (what, then context)."""
    out = []
    ctx, c_pred = _context(claim, c), _share_predicate(claim, c)
    for s, s_ctx, s_pred in src:
        if not same_thing(c, s) or _other_part(c_pred, s_pred):
            continue
        what, share = len(c.what & s.what), len(ctx & s_ctx) / (len(ctx | s_ctx) or 1)
        # What both count ("a 16-inch screen", "a 14-inch screen") pairs them where the claim has no other words.
        if share >= MIN_CONTEXT_SHARE or (what and not ctx):
            out.append(((what, share), s))
    return out


_DERIVED_KINDS = ("count", "money", "measure")
"""Levels whose ratio to an earlier value is a factor ("212 patients, up from 87": 2.4 times). Not shares: "30%,
up from 22%" may be told as a rise of 8 points or of 36 percent."""


def _a_level_and_its_earlier_value(text: str, a: Quantity, b: Quantity) -> bool:
    same_kind = a.kind == b.kind and a.kind in _DERIVED_KINDS and a.unit == b.unit
    plain = not (a.before or a.change or b.change) and a.lo > 0 and b.lo > 0
    return same_kind and plain and _sentence_of(text, a.start, a.end) == _sentence_of(text, b.start, b.end)


def derived_factors(text: str, qs: Sequence[Quantity]) -> list[Quantity]:
    """The factor a level makes with the earlier value given for comparison right after it in its sentence ("212
    patients last week, up from 87 the week before" → 212 / 87), placed where the level is, so that a claim that
    the number "more than doubled" or "tripled" meets it."""
    out = []
    for a, b in itertools.pairwise(qs):
        if not (b.before and _a_level_and_its_earlier_value(text, a, b)):
            continue
        out.append(Quantity(a.lo / b.hi, a.hi / b.lo, "factor", a.start, a.end, a.text, a.nominal / b.nominal,
                            what=a.what))
    return out


def match_quantities(claim: str, source: str) -> list[QuantityMatch]:
    """Each figure of ``claim`` (years aside) paired with the source figure of the same kind whose
    context words it shares most (what it counts first), and the verdict of ``compare`` on the pair.

    Among equally good pairings (or nearly: ``NEAR_CONTEXT_SHARE``) a supporting one wins, and a source
    figure that supports one claim figure contradicts no other: a sentence with several comparable figures
    contradicts a claim only through the figure that is plainly the same one.
    """
    found = quantities(source)
    src = [(s, _context(source, s), _share_predicate(source, s)) for s in found + derived_factors(source, found)]
    out: list[QuantityMatch] = []
    for c in quantities(claim):
        if c.kind == "year":
            continue  # years are dates: the date rules pair them with their month and event
        cands = _candidates(c, claim, src)
        if not cands:
            out.append(QuantityMatch(c, None, "unrelated"))
            continue
        top = max(k for k, _ in cands)
        best = [s for k, s in cands if k == top]
        near = [s for (what, share), s in cands
                if what and what == top[0] and share >= top[1] - NEAR_CONTEXT_SHARE]
        chosen = next((s for s in best + near if compare(c, s) == "supported"), best[0])
        out.append(QuantityMatch(c, chosen, compare(c, chosen)))
    supporting = {id(m.source) for m in out if m.verdict == "supported"}
    return [QuantityMatch(m.claim, None, "unrelated") if m.verdict != "supported" and id(m.source) in supporting
            else m for m in out]
