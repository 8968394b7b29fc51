"""Units of measure: which dimension a unit word measures and how it converts to that dimension's base.

A small named table rather than a units library: ``pint`` (0.25) was measured here at about 1.5 s to
import and 1.9 s more to build its registry, for every check, where a claim needs some forty everyday
units in seven dimensions. Each unit converts to one base per dimension (kilograms, metres, litres,
metres per second, kelvin, square metres; durations in days, as ``onrecord.text.quantities`` reads
them). A unit that is not one fixed size ("ton": short or long, "gallon": US or imperial, "month":
28 to 31 days) converts to a range, so either reading agrees. Figures of different dimensions are never
compared: a kilogram is no length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    name: str
    dimension: str
    lo: float
    """Base units in one of this unit (the smallest reading of it)."""
    hi: float
    """... and the largest (``lo`` for a unit of one fixed size)."""
    offset: float = 0.0
    """Temperatures only: base = value x factor + offset (kelvin)."""


def _u(name: str, dimension: str, lo: float, hi: float | None = None, offset: float = 0.0) -> Unit:
    return Unit(name, dimension, lo, lo if hi is None else hi, offset)


# Written names (any case, singular or plural) and abbreviations (case as written: "K" is kelvin,
# "k" a thousand, so abbreviations are matched exactly).
_NAMED: list[tuple[str, Unit]] = [
    (r"milligrams?|milligrammes?", _u("milligram", "mass", 1e-6)),
    (r"grams?|grammes?", _u("gram", "mass", 1e-3)),
    (r"kilograms?|kilogrammes?|kilos?", _u("kilogram", "mass", 1.0)),
    (r"tonnes?|metric tons?", _u("tonne", "mass", 1000.0)),
    (r"tons?", _u("ton", "mass", 907.18474, 1016.0469088)),  # short or long ton
    (r"ounces?", _u("ounce", "mass", 0.028349523125)),
    (r"millimet(?:re|er)s?", _u("millimetre", "length", 1e-3)),
    (r"centimet(?:re|er)s?", _u("centimetre", "length", 1e-2)),
    (r"kilomet(?:re|er)s?", _u("kilometre", "length", 1e3)),
    (r"met(?:re|er)s?", _u("metre", "length", 1.0)),
    (r"inch(?:es)?", _u("inch", "length", 0.0254)),
    (r"foot|feet", _u("foot", "length", 0.3048)),
    (r"yards?", _u("yard", "length", 0.9144)),
    (r"nautical miles?", _u("nautical mile", "length", 1852.0)),
    (r"miles?", _u("mile", "length", 1609.344)),
    (r"millilit(?:re|er)s?", _u("millilitre", "volume", 1e-3)),
    (r"lit(?:re|er)s?", _u("litre", "volume", 1.0)),
    (r"gallons?", _u("gallon", "volume", 3.785411784, 4.54609)),  # US or imperial
    (r"pints?", _u("pint", "volume", 0.473176473, 0.56826125)),
    (r"cubic met(?:re|er)s?", _u("cubic metre", "volume", 1000.0)),
    (r"(?:kilomet(?:re|er)s?) (?:per|an|a) hour", _u("km/h", "speed", 1 / 3.6)),
    (r"miles? (?:per|an|a) hour", _u("mph", "speed", 0.44704)),
    (r"met(?:re|er)s? (?:per|a) second", _u("m/s", "speed", 1.0)),
    (r"degrees? (?:celsius|centigrade)", _u("celsius", "temperature", 1.0, offset=273.15)),
    (r"degrees? fahrenheit", _u("fahrenheit", "temperature", 5 / 9, offset=273.15 - 32 * 5 / 9)),
    (r"kelvin", _u("kelvin", "temperature", 1.0)),
    (r"square met(?:re|er)s?", _u("square metre", "area", 1.0)),
    (r"square kilomet(?:re|er)s?", _u("square kilometre", "area", 1e6)),
    (r"square (?:foot|feet)", _u("square foot", "area", 0.09290304)),
    (r"square miles?", _u("square mile", "area", 2589988.110336)),
    (r"hectares?", _u("hectare", "area", 1e4)),
    (r"acres?", _u("acre", "area", 4046.8564224)),
]
_ABBREVIATED: list[tuple[str, Unit]] = [
    (r"mg", _u("milligram", "mass", 1e-6)),
    (r"g", _u("gram", "mass", 1e-3)),
    (r"kg|kgs", _u("kilogram", "mass", 1.0)),
    (r"lbs?", _u("pound", "mass", 0.45359237)),
    (r"oz", _u("ounce", "mass", 0.028349523125)),
    (r"mm", _u("millimetre", "length", 1e-3)),
    (r"cm", _u("centimetre", "length", 1e-2)),
    (r"km", _u("kilometre", "length", 1e3)),
    (r"ft", _u("foot", "length", 0.3048)),
    (r"yd", _u("yard", "length", 0.9144)),
    (r"mi", _u("mile", "length", 1609.344)),
    (r"ml|mL", _u("millilitre", "volume", 1e-3)),
    (r"l|L", _u("litre", "volume", 1.0)),
    (r"km/h|kph|kmh", _u("km/h", "speed", 1 / 3.6)),
    (r"mph", _u("mph", "speed", 0.44704)),
    (r"m/s", _u("m/s", "speed", 1.0)),
    (r"°C|ºC|° C", _u("celsius", "temperature", 1.0, offset=273.15)),
    (r"°F|ºF|° F", _u("fahrenheit", "temperature", 5 / 9, offset=273.15 - 32 * 5 / 9)),
    (r"m2|m²|sq\.? ?m", _u("square metre", "area", 1.0)),
    (r"km2|km²|sq\.? ?km", _u("square kilometre", "area", 1e6)),
    (r"sq\.? ?ft", _u("square foot", "area", 0.09290304)),
    (r"ha", _u("hectare", "area", 1e4)),
]
# Left out as too often something else after a figure: "stones" (pebbles), "knots" (tied), "in" (the
# preposition), "m" (a million), "t".
# "pounds" is money unless the sentence speaks of weight ("weighs 4 pounds", "a 10-pound bag").
_POUND = _u("pound", "mass", 0.45359237)
_WEIGHT_CUE = re.compile(r"\bweigh\w*|\bheav(?:y|ier|iest)\b|\blight(?:er|est)\b|\bmass\b", re.I)

# Durations, in days (as ``onrecord.text.quantities`` reads them): months and years are not a fixed
# number of days, so "three months" covers 84 to 93 days and meets "90 days".
DURATIONS: dict[str, Unit] = {
    "second": _u("second", "duration", 1 / 86400), "minute": _u("minute", "duration", 1 / 1440),
    "hour": _u("hour", "duration", 1 / 24), "day": _u("day", "duration", 1.0),
    "week": _u("week", "duration", 7.0), "fortnight": _u("fortnight", "duration", 14.0),
    "month": _u("month", "duration", 28.0, 31.0), "year": _u("year", "duration", 365.0, 366.0),
    "decade": _u("decade", "duration", 3652.0, 3653.0),
}


def _alternation(table: list[tuple[str, Unit]]) -> str:
    return "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(table))


# Names of several words first: "kilometres per hour" is a speed, not "kilometres" and a stray "per hour".
_NAMED.sort(key=lambda e: " " not in e[0])


_NAMED_AFTER = re.compile(r"[ \t-]?(?:" + _alternation(_NAMED) + r")(?![\w])", re.I)
_ABBREVIATED_AFTER = re.compile(r"[ \t]?(?:" + _alternation(_ABBREVIATED) + r")(?![\w/²])")
_POUND_AFTER = re.compile(r"[ \t-]?pounds?(?![\w])", re.I)


@dataclass(frozen=True)
class UnitWords:
    unit: Unit
    end: int
    """Where the unit's words end in the text."""


def _found(m: re.Match[str] | None, table: list[tuple[str, Unit]]) -> UnitWords | None:
    if m is None:
        return None
    i = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)
    return UnitWords(table[i][1], m.end())


def unit_after(text: str, pos: int) -> UnitWords | None:
    """The unit of measure written right after a figure ending at ``pos`` ("1.8 kg", "5 miles",
    "20°C", "a 10-pound bag" when the sentence speaks of weight); None when there is none."""
    found = _found(_NAMED_AFTER.match(text, pos), _NAMED) or _found(_ABBREVIATED_AFTER.match(text, pos), _ABBREVIATED)
    if found:
        return found
    m = _POUND_AFTER.match(text, pos)
    if m and _WEIGHT_CUE.search(text[max(0, pos - 80) : m.end() + 40]):
        return UnitWords(_POUND, m.end())
    return None


def round_figure_tol(value: float, tol: float, cap: float) -> float:
    """The rounding a measure's figure stands for: half its last written digit, or half its last
    significant digit when it ends in zeros, at most ``cap`` of it ("1,500 grams" is 1,450 to 1,550;
    "30 mph" 27 to 33), since a measure given in another unit is a converted figure rounded to a round
    one ("30 mph (50 km/h)")."""
    if value == 0 or value != int(value) or int(value) % 10:
        return tol
    step = 10.0
    while int(value) % int(step * 10) == 0:
        step *= 10
    return max(tol, min(step / 2, abs(value) * cap))


TEMPERATURES = {u.name: u for _, u in _NAMED + _ABBREVIATED if u.dimension == "temperature"}
"""Temperature scales by name ("celsius", "fahrenheit", "kelvin")."""


def to_base(value: float, tol: float, unit: Unit) -> tuple[float, float]:
    """``value`` ± ``tol`` of ``unit`` in its dimension's base: the middle and how far either side it
    reaches (the stated rounding, plus the unit's own range when it has one)."""
    mid = value * (unit.lo + unit.hi) / 2 + unit.offset
    return mid, tol * unit.hi + abs(value) * (unit.hi - unit.lo) / 2


_ARTICLE_UNITS = "|".join(p for p, u in _NAMED if u.dimension != "temperature")
ARTICLE_MEASURE = re.compile(
    r"\b(?:(?P<half>half)[ \t]+(?:a|an)|(?P<quarter>a[ \t]+quarter)[ \t]+(?:of[ \t]+)?(?:a|an)|a|an|one)"
    r"[ \t]+(?P<unit>" + _ARTICLE_UNITS + r")\b", re.I)


def article_measure(m: re.Match[str]) -> tuple[float, Unit]:
    """ "a kilogram", "half a mile", "a quarter of a mile": the count and its unit."""
    k = 0.5 if m.group("half") else 0.25 if m.group("quarter") else 1.0
    words = _found(_NAMED_AFTER.match(" " + m.group("unit")), _NAMED)
    assert words is not None  # the same alternation matched it
    return k, words.unit
