"""Which texts the model can read: it was trained on English only.

A claim in another language is reported as not checked (with the reason), never as supported or
unsupported on the model's guess. Detection is deliberately simple and cheap: the share of very
common English function words, and the share of letters outside the Latin script.
"""

from __future__ import annotations

import re

_ENGLISH = frozenset(
    "the a an of to in and or is are was were be been has have had it its that this with for on at by from "
    "as not no but he she they we you i his her their our will would can could should may said says".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def unreadable_reason(text: str) -> str | None:
    """None when ``text`` looks like English; else why the model cannot judge it."""
    words = _WORD.findall(text)
    if not words:
        return None
    letters = "".join(words)
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F)
    if non_latin / len(letters) > 0.3:
        return "written in a non-Latin script; the model reads English only"
    if len(words) >= 6:
        english = sum(1 for w in words if w.lower() in _ENGLISH)
        if english == 0 or english / len(words) < 0.08:
            return "does not look like English; the model reads English only"
    return None
