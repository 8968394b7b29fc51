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
# Each unit once, by name; the written names and abbreviations below point at these.
_UNIT: dict[str, Unit] = {u.name: u for u in (
    _u("milligram", "mass", 1e-6),
    _u("gram", "mass", 1e-3),
    _u("kilogram", "mass", 1.0),
    _u("tonne", "mass", 1000.0),
    _u("ton", "mass", 907.18474, 1016.0469088),  # short or long ton
    _u("ounce", "mass", 0.028349523125),
    _u("millimetre", "length", 1e-3),
    _u("centimetre", "length", 1e-2),
    _u("kilometre", "length", 1e3),
    _u("metre", "length", 1.0),
    _u("inch", "length", 0.0254),
    _u("foot", "length", 0.3048),
    _u("yard", "length", 0.9144),
    _u("nautical mile", "length", 1852.0),
    _u("mile", "length", 1609.344),
    _u("millilitre", "volume", 1e-3),
    _u("litre", "volume", 1.0),
    _u("gallon", "volume", 3.785411784, 4.54609),  # US or imperial
    _u("pint", "volume", 0.473176473, 0.56826125),
    _u("cubic metre", "volume", 1000.0),
    _u("km/h", "speed", 1 / 3.6),
    _u("mph", "speed", 0.44704),
    _u("m/s", "speed", 1.0),
    _u("celsius", "temperature", 1.0, offset=273.15),
    _u("fahrenheit", "temperature", 5 / 9, offset=273.15 - 32 * 5 / 9),
    _u("kelvin", "temperature", 1.0),
    _u("square metre", "area", 1.0),
    _u("square kilometre", "area", 1e6),
    _u("square foot", "area", 0.09290304),
    _u("square mile", "area", 2589988.110336),
    _u("hectare", "area", 1e4),
    _u("acre", "area", 4046.8564224),
    _u("pound", "mass", 0.45359237),
)}
_NAMED: list[tuple[str, Unit]] = [
    (r"milligrams?|milligrammes?", _UNIT["milligram"]),
    (r"grams?|grammes?", _UNIT["gram"]),
    (r"kilograms?|kilogrammes?|kilos?", _UNIT["kilogram"]),
    (r"tonnes?|metric tons?", _UNIT["tonne"]),
    (r"tons?", _UNIT["ton"]),
    (r"ounces?", _UNIT["ounce"]),
    (r"millimet(?:re|er)s?", _UNIT["millimetre"]),
    (r"centimet(?:re|er)s?", _UNIT["centimetre"]),
    (r"kilomet(?:re|er)s?", _UNIT["kilometre"]),
    (r"met(?:re|er)s?", _UNIT["metre"]),
    (r"inch(?:es)?", _UNIT["inch"]),
    (r"foot|feet", _UNIT["foot"]),
    (r"yards?", _UNIT["yard"]),
    (r"nautical miles?", _UNIT["nautical mile"]),
    (r"miles?", _UNIT["mile"]),
    (r"millilit(?:re|er)s?", _UNIT["millilitre"]),
    (r"lit(?:re|er)s?", _UNIT["litre"]),
    (r"gallons?", _UNIT["gallon"]),
    (r"pints?", _UNIT["pint"]),
    (r"cubic met(?:re|er)s?", _UNIT["cubic metre"]),
    (r"(?:kilomet(?:re|er)s?) (?:per|an|a) hour", _UNIT["km/h"]),
    (r"miles? (?:per|an|a) hour", _UNIT["mph"]),
    (r"met(?:re|er)s? (?:per|a) second", _UNIT["m/s"]),
    (r"degrees? (?:celsius|centigrade)", _UNIT["celsius"]),
    (r"degrees? fahrenheit", _UNIT["fahrenheit"]),
    (r"kelvin", _UNIT["kelvin"]),
    (r"square met(?:re|er)s?", _UNIT["square metre"]),
    (r"square kilomet(?:re|er)s?", _UNIT["square kilometre"]),
    (r"square (?:foot|feet)", _UNIT["square foot"]),
    (r"square miles?", _UNIT["square mile"]),
    (r"hectares?", _UNIT["hectare"]),
    (r"acres?", _UNIT["acre"]),
]
_ABBREVIATED: list[tuple[str, Unit]] = [
    (r"mg", _UNIT["milligram"]),
    (r"g", _UNIT["gram"]),
    (r"kg|kgs", _UNIT["kilogram"]),
    (r"lbs?", _UNIT["pound"]),
    (r"oz", _UNIT["ounce"]),
    (r"mm", _UNIT["millimetre"]),
    (r"cm", _UNIT["centimetre"]),
    (r"km", _UNIT["kilometre"]),
    (r"ft", _UNIT["foot"]),
    (r"yd", _UNIT["yard"]),
    (r"mi", _UNIT["mile"]),
    (r"ml|mL", _UNIT["millilitre"]),
    (r"l|L", _UNIT["litre"]),
    (r"km/h|kph|kmh", _UNIT["km/h"]),
    (r"mph", _UNIT["mph"]),
    (r"m/s", _UNIT["m/s"]),
    (r"°C|ºC|° C", _UNIT["celsius"]),
    (r"°F|ºF|° F", _UNIT["fahrenheit"]),
    (r"m2|m²|sq\.? ?m", _UNIT["square metre"]),
    (r"km2|km²|sq\.? ?km", _UNIT["square kilometre"]),
    (r"sq\.? ?ft", _UNIT["square foot"]),
    (r"ha", _UNIT["hectare"]),
]
# Left out as too often something else after a figure: "stones" (pebbles), "knots" (tied), "in" (the
# preposition), "m" (a million), "t".
# "pounds" is money unless the sentence speaks of weight ("weighs 4 pounds", "a 10-pound bag").
_POUND = _UNIT["pound"]
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
