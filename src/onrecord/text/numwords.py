"""Numbers written as words ("twenty-five", "two and a half", "a dozen", "one hundred and twenty").

A small scanner of our own: ``text2num`` (alpha2digit) rewrites whole texts and loses the offsets we
need, and ``word2number`` takes one phrase at a time with no spans and raises on "a half". Every
phrase found here comes back with its exact ``[start, end)`` in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ALL = set(UNITS) | set(TENS) | set(SCALES) | {"dozen"}
_AFTER_A = set(SCALES) | {"dozen"}  # "a hundred", "a dozen": the article is the number one
_TOKEN = re.compile(r"[A-Za-z]+")
# Words may be joined by spaces or a hyphen ("twenty-five"); "and" only after a scale word
# ("one hundred and twenty"), so "two and three" stays two numbers.
_GAP = re.compile(r"[ \t]+|[ \t]*-[ \t]*")
_HALF = re.compile(r"[ \t]+and[ \t]+a[ \t]+half\b", re.I)


@dataclass(frozen=True)
class WordNumber:
    value: float
    start: int
    end: int


def _value(words: list[str]) -> float:
    total, current = 0.0, 0.0
    for w in words:
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0.0
    return total + current


def _extend(text: str, toks: list[re.Match], i: int) -> int:
    """Index of the last token of the number phrase that starts at token ``i``."""
    j = i
    while j + 1 < len(toks):
        gap = text[toks[j].end() : toks[j + 1].start()]
        nxt = toks[j + 1].group(0).lower()
        if _GAP.fullmatch(gap) and nxt in _ALL:
            j += 1
            continue
        prev = toks[j].group(0).lower()
        if (nxt == "and" and prev in SCALES and j + 2 < len(toks)
                and toks[j + 2].group(0).lower() in UNITS | TENS):
            j += 2
            continue
        break
    return j


def _after_no(text: str, toks: list[re.Match], i: int) -> bool:
    return i > 0 and toks[i - 1].group(0).lower() == "no" and bool(_GAP.fullmatch(text[toks[i - 1].end() : toks[i].start()]))


def word_numbers(text: str) -> list[WordNumber]:
    """Every number phrase in words, with its value and span; "a dozen"/"a hundred" include the "a"."""
    toks = list(_TOKEN.finditer(text))
    out: list[WordNumber] = []
    i = 0
    while i < len(toks):
        w = toks[i].group(0).lower()
        if w not in _ALL:
            i += 1
            continue
        j = _extend(text, toks, i)
        words = [t.group(0).lower() for t in toks[i : j + 1]]
        if words == ["one"] and _after_no(text, toks, i):
            i += 1  # "no one", "no-one": nobody, not the number one
            continue
        start, end, value = toks[i].start(), toks[j].end(), _value(words)
        if i > 0 and toks[i - 1].group(0).lower() in ("a", "an") and words[0] in _AFTER_A:
            start = toks[i - 1].start()
        half = _HALF.match(text, end)
        if half:
            value, end = value + 0.5, half.end()
        out.append(WordNumber(value, start, end))
        i = j + 1
    return out
