"""Numbers, percentages, money, dates and quantities compared on their values, not their words.

A claim's quantity is paired with the source quantity whose surrounding words best match its own
(so "the levy will rise 3.5 percent" is compared with the levy's 2.9 percent, not with the state
cap's 3.5 percent that sits in the same sentence), then compared under the claim's qualifier
("more than", "nearly", "up to", "top"...). Changes the source implies but does not state (a rise
from $176.2 million to $184.6 million is 4.8 percent; 12,910 down to 12,480 is 430) are derived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from onrecord.judge.thresholds import DEFAULT_TOLERANCES, FigureTolerances
from onrecord.text.lexical import STOPWORDS, content_stems

Unit = Literal["money", "percent", "degree", "count", "ordinal", "date", "year"]

_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12}
_WORD_NUM = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
# "dozens of", "hundreds of": vague but with a floor; compared as "at least".
_VAGUE = {"dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2e6, "scores": 40}
_ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15, "twentieth": 20,
}
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                "oct": 10, "nov": 11, "dec": 12})
# Time units are compared in days, so "three months" meets "90 days".
_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30, "year": 365, "years": 365}

Qualifier = Literal["exact", "about", "more", "at_least", "less", "at_most", "nearly"]
_QUALIFIERS: list[tuple[str, Qualifier]] = [
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


@dataclass(frozen=True)
class QuantityCheck:
    claim: Quantity
    status: Literal["match", "mismatch", "unmatched"]
    source: Quantity | None
    source_id: str | None


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_QTY_RE = re.compile(
    r"(?<![\w\-/])(?P<money>[$€£]\s?)?(?P<num>" + _NUM + r")"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|bn|[mkb])\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per cent|percentage points?)\b)?"
    r"(?P<deg>\s?°\s?[FC]?|\s(?:degrees?)(?:\s(?:fahrenheit|celsius|F|C)\b)?)?"
    r"(?P<ord>st|nd|rd|th)?(?![\w\-])",
    re.I,
)
_WORDQ_RE = re.compile(
    r"\b(?P<w>" + "|".join(sorted(list(_WORD_NUM) + list(_VAGUE) + list(_ORDINAL_WORDS), key=len, reverse=True))
    + r")\b(?:\s+(?:percent|per cent))?",
    re.I,
)
_DATE_RE = re.compile(
    r"\b(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
    r"(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b",
    re.I,
)
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


def _qualifier(text: str, start: int) -> Qualifier:
    before = text[max(0, start - 30) : start]
    for rx, q in _QUAL_RE:
        if rx.search(before):
            return q
    return "exact"


_SENT_EDGE = re.compile(r"[.!?;]\s|\n")
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
                     if w not in _NOT_NAMES and w.lower() not in STOPWORDS)


def _affinity(a: dict[str, int], b: dict[str, int]) -> float:
    return sum(1.0 / (1 + a[w]) / (1 + b[w]) * 4 for w in a.keys() & b.keys())


def _is_change(text: str, start: int) -> bool:
    return bool(_CHANGE_RE.search(text[max(0, start - 40) : start]))


def extract(text: str) -> list[Quantity]:
    """Every quantity in ``text``: money, percents, degrees, counts, ordinals, dates and years."""
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _DATE_RE.finditer(text):
        bare = not (m.group("day") or m.group("year"))
        if bare and not (_MONTH_CUE.search(text[max(0, m.start() - 12) : m.start()])
                         and m.group("month")[0].isupper()):
            continue  # a bare month name ("May", "march") is a month only after "in", "by", "until"...
        month = _MONTHS[m.group("month").lower()]
        day = int(m.group("day")) if m.group("day") else None
        year = int(m.group("year")) if m.group("year") else None
        out.append(Quantity(float(year or 0), "date", "", m.start(), m.end(), m.group(0),
                            context=_context(text, m.start(), m.end()), month=month, day=day, year=year))
        taken.append((m.start(), m.end()))
    for m in _QTY_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        q = _from_match(text, m)
        if q:
            out.append(q)
    for m in _WORDQ_RE.finditer(text):
        q = _from_word(text, m)
        if q:
            out.append(q)
    out = [replace(q, change=_is_change(text, q.start), names=_names_near(text, q.start, q.end)) for q in out]
    return sorted(out, key=lambda q: q.start)


def _from_match(text: str, m: re.Match[str]) -> Quantity | None:
    raw = m.group("num").replace(",", "")
    value = float(raw)
    scale = (m.group("scale") or "").lower()
    if scale:
        value *= _SCALE.get(scale, 1)
    ctx = _context(text, m.start(), m.end())
    qual = _qualifier(text, m.start())
    if m.group("money"):
        return Quantity(value, "money", "", m.start(), m.end(), m.group(0), qual, ctx)
    if m.group("pct"):
        return Quantity(value, "percent", "", m.start(), m.end(), m.group(0), qual, ctx)
    if m.group("deg"):
        return Quantity(value, "degree", "", m.start(), m.end(), m.group(0), qual, ctx)
    if m.group("ord"):
        return Quantity(value, "ordinal", _next_noun(text, m.end()), m.start(), m.end(), m.group(0), qual, ctx)
    # A score ("2-1") or a range is no single value; a bare year is a year.
    if re.match(r"[\-–]\d", text[m.end() : m.end() + 2]) or (m.start() > 0 and text[m.start() - 1] in "-–"):
        return None
    if re.fullmatch(r"(19|20)\d{2}", m.group("num")) and not scale:
        return Quantity(value, "year", "", m.start(), m.end(), m.group(0), "exact", ctx, year=int(raw))
    noun = _next_noun(text, m.end())
    if noun in _DAYS:
        return Quantity(value * _DAYS[noun], "count", "days", m.start(), m.end(), m.group(0), qual, ctx)
    return Quantity(value, "count", noun, m.start(), m.end(), m.group(0), qual, ctx)


def _from_word(text: str, m: re.Match[str]) -> Quantity | None:
    w = m.group("w").lower()
    ctx = _context(text, m.start(), m.end())
    if w in _ORDINAL_WORDS:
        noun = _next_noun(text, m.end())
        if not noun:
            return None  # "second" as in "a second look" is no ordinal we can check
        return Quantity(float(_ORDINAL_WORDS[w]), "ordinal", noun, m.start(), m.end(), m.group(0), "exact", ctx)
    if w in _VAGUE:
        noun = _next_noun(text, m.end())
        return Quantity(float(_VAGUE[w]), "count", noun, m.start(), m.end(), m.group(0), "at_least", ctx)
    value = float(_WORD_NUM[w])
    if m.group(0).lower().endswith(("percent", "per cent")):
        return Quantity(value, "percent", "", m.start(), m.end(), m.group(0), _qualifier(text, m.start()), ctx)
    noun = _next_noun(text, m.end())
    if w == "one" and noun in ("of", ""):
        return None  # "one of the", "one" as a pronoun
    if noun in _DAYS:
        return Quantity(value * _DAYS[noun], "count", "days", m.start(), m.end(), m.group(0),
                        _qualifier(text, m.start()), ctx)
    return Quantity(value, "count", noun, m.start(), m.end(), m.group(0), _qualifier(text, m.start()), ctx)


def derived(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Differences and percent changes between same-unit quantities stated in one sentence."""
    out: list[Quantity] = []
    for i, a in enumerate(quantities):
        for b in quantities[i + 1 :]:
            if a.unit != b.unit or a.unit not in ("money", "count") or b.start - a.end > 160:
                continue
            if "\n\n" in text[a.end : b.start] or re.search(r"[.!?]\s", text[a.end : b.start]):
                continue
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


def _compatible(c: Quantity, s: Quantity, tol_: FigureTolerances) -> bool:
    if c.unit in ("date", "year") or s.unit in ("date", "year"):
        return _dates_agree(c, s)
    v, w = c.value, s.value
    tol = tol_.same_value * max(abs(v), 1e-9)
    if c.qualifier == s.qualifier and abs(v - w) <= tol:
        return True  # "above 105 degrees" against "exceed 105°F"
    if c.qualifier == "exact":
        # A round figure in the text ("84,000") stands for nearby precise ones ("84,120").
        return abs(v - w) <= max(tol, _rounding(v))
    if c.qualifier == "about":
        return abs(v - w) <= tol_.about * abs(v) + _rounding(v)
    if c.qualifier == "more":
        return w > v
    if c.qualifier == "at_least":
        return w >= v
    if c.qualifier == "less":
        return w < v
    if c.qualifier == "at_most":
        return w <= v + tol
    if c.qualifier == "nearly":
        return tol_.nearly * v <= w <= v + tol
    return False


def _rounding(v: float) -> float:
    # "84,000" may be rounded to the thousand; "31" is exact.
    if v >= 1000 and v % 1000 == 0:
        return 500.0
    if v >= 100 and v % 100 == 0:
        return 50.0
    return 0.0


def _dates_agree(c: Quantity, s: Quantity) -> bool:
    if c.unit == "year" and s.unit in ("year", "date"):
        return c.year == s.year
    if c.unit == "date" and s.unit == "date":
        return all(getattr(c, f) is None or getattr(s, f) is None or getattr(c, f) == getattr(s, f)
                   for f in ("year", "month", "day")) and c.month == s.month
    return False


def _same_kind(c: Quantity, s: Quantity) -> bool:
    if c.unit in ("date", "year") and s.unit in ("date", "year"):
        # Comparable only on a field both give: "last September" says nothing about "1936".
        return (c.year is not None and s.year is not None) or (c.month is not None and s.month is not None)
    return c.unit == s.unit


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
    return [_check_one(q, pool, tol) for q in claim_q]


def _check_one(c: Quantity, pool: Pool, tol: FigureTolerances) -> QuantityCheck:
    scored = []
    for sid, s in pool:
        if not _same_kind(c, s) or (s.derived and not c.change):
            continue
        nouns = _nouns_agree(c, s)
        affinity = _affinity(c.context, s.context)
        scored.append((affinity + (tol.counted_noun_bonus if nouns and c.noun else 0.0), sid, s, nouns, affinity))
    if not scored:
        return QuantityCheck(c, "unmatched", None, None)
    scored.sort(key=lambda t: -t[0])
    best_score = scored[0][0]
    for score, sid, s, nouns, _ in scored:
        placed = score >= max(tol.placed_floor, tol.placed_share * best_score)
        # A large, specific figure that agrees ("more than 18,000" vs "Attendance: 18,412") needs no context.
        telling = (c.value >= tol.telling_value and abs(s.value - c.value) <= tol.telling_share * c.value
                   and (nouns or not s.noun or not c.noun))
        if (placed or telling) and _compatible(c, s, tol):
            return QuantityCheck(c, "match", s, sid)
    # The best-placed source quantity disagrees: a contradiction only when it is clearly about the
    # same thing: words close to both figures, beyond a shared unit ("six weeks" vs an unrelated
    # "two weeks ago" share only the unit), and for counts the same counted noun too.
    score, sid, s, nouns, affinity = scored[0]
    if (c.unit in ("count", "ordinal") and not nouns) or affinity < tol.same_thing_affinity:
        return QuantityCheck(c, "unmatched", None, None)
    if c.names and s.names and not (c.names & s.names):
        return QuantityCheck(c, "unmatched", None, None)  # someone else's figure: "Falcao's 37" vs "Muto's three"
    return QuantityCheck(c, "mismatch", s, sid)
