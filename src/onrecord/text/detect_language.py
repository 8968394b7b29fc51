"""Which texts the model can read (English only), asked of a language detector that ships its models.

A claim is refused only when it is clearly in another language: a non-Latin script, or a detector
sure of another language and sure it is not English. Short English ("Checked bags cost 35 dollars
each way.", headlines, "Patel objected.") is never refused; anything the detector is unsure of is
checked, since a wrong refusal hides a claim while a wrong check at worst reports it unsupported.

The detector is ``lingua`` in low-accuracy mode over the Latin-script languages a source is likely to
be in: in benchmarks (docs/benchmarks.md) it builds in about 0.2 s and adds about 22 MB, where the
high-accuracy models take seconds and some 200 MB; on short English the low-accuracy mode was no
worse with this language set. Languages outside the set that share the Latin script (Swedish,
Polish...) are left out on purpose: each added one draws short English sentences its way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# Share of letters outside the Latin script above which a text is not English whatever the detector says.
NON_LATIN_SHARE = 0.3
# The detector must give English at most this confidence: a sentence with any English reading is checked.
ENGLISH_AT_MOST = 0.005
# Below this confidence the other language is not named ("another language").
NAME_CONFIDENCE = 0.9
# The detector reads only the words that are not capitalised: names ("Université de Montréal",
# "Pedro Sánchez") say nothing of the language a sentence is written in. Fewer such words than this
# and the sentence is never refused on the detector's word (names, figures, headlines).
MIN_WORDS = 3
# English function words that are not words of the other languages in the set ("was", "will", "is",
# "we", "of", "in" are): one of them means English is written here, with foreign names or a quote.
_ENGLISH_ONLY = frozenset("the and to with that this for from by has have had their its it he she they you "
                          "our which who been be not would could should are were there these those".split())

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SCRIPTS = [("Cyrillic", 0x0400, 0x052F), ("Greek", 0x0370, 0x03FF), ("Arabic", 0x0600, 0x06FF),
            ("Hebrew", 0x0590, 0x05FF), ("Devanagari", 0x0900, 0x097F), ("Thai", 0x0E00, 0x0E7F),
            ("Hangul", 0xAC00, 0xD7AF), ("Japanese kana", 0x3040, 0x30FF), ("Chinese", 0x4E00, 0x9FFF)]


@dataclass(frozen=True)
class Foreign:
    language: str
    confidence: float

    @property
    def reason(self) -> str:
        return f"written in {self.language}; the model reads English only"


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.PORTUGUESE,
             Language.ITALIAN, Language.DUTCH]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def _script(letters: str) -> str | None:
    """The non-Latin script of most letters, when more than NON_LATIN_SHARE of them are non-Latin."""
    non_latin = [ch for ch in letters if ord(ch) > 0x24F]
    if not letters or len(non_latin) / len(letters) <= NON_LATIN_SHARE:
        return None
    counts = {name: sum(lo <= ord(ch) <= hi for ch in non_latin) for name, lo, hi in _SCRIPTS}
    best = max(counts, key=lambda k: counts[k])
    return f"{best} script" if counts[best] else "a non-Latin script"


def foreign(text: str) -> Foreign | None:
    """The language ``text`` is clearly written in, when that is not English; None otherwise."""
    words = _WORD.findall(text)
    if not words:
        return None
    script = _script("".join(words))
    if script:
        return Foreign(script, 1.0)
    plain = [w for w in words if not w[0].isupper()]
    if len(plain) < MIN_WORDS or any(w.lower() in _ENGLISH_ONLY for w in words):
        return None
    values = _detector().compute_language_confidence_values(" ".join(plain))
    english = next((v.value for v in values if v.language.name == "ENGLISH"), 0.0)
    if english > ENGLISH_AT_MOST:
        return None
    top = values[0]
    name = top.language.name.capitalize() if top.value >= NAME_CONFIDENCE else "another language"
    return Foreign(name, top.value)


def unreadable_reason(text: str) -> str | None:
    """None when the model can read ``text``; else why not (the same contract as ``text.language``)."""
    f = foreign(text)
    return f.reason if f else None
