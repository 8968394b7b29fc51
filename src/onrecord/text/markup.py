"""Markdown in a checked text (an LLM's answer): list markers, headings, emphasis, links and bold
labels are not part of what a sentence claims.

``strip_markup`` returns the words to check together with a map from each of their characters back to
the original, so every span found in the plain words is reported at its true place. A leading label
("**Scale of the study:**", "Grades:") is context, not a proposition: it is returned apart and its
words (a list number, a figure in a heading) are never read as the claim's figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.text.vocab import IRREGULAR_PAST

# A label is a short name before a colon: longer runs before a colon are sentences ("The council
# said: ...") and stay in the checked words.
LABEL_MAX_WORDS = 6
# Without bold, a label must look like one: at most four words and no verb ("The result was clear: ..."
# and "Residents complained: ..." are sentences).
PLAIN_LABEL_MAX_WORDS = 4
_VERBISH = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|"
                      r"do|does|did|\w+ed)\b", re.I)

_LEAD = re.compile(
    r"^[ \t]*(?:>[ \t]*)*"  # block quotes
    r"(?:#{1,6}[ \t]+"  # heading
    r"|(?:[-*+•‣◦▪–][ \t]+|(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)][ \t]+|\((?:\d{1,3}|[a-z]|[ivx]{1,5})\)[ \t]+)"
    r"(?:\[[ xX]\][ \t]+)?)?"  # task-list box
)
_TRAIL_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_EMPHASIS = [
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"(~~)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"(?<![\w*])(\*)(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"),
    re.compile(r"(?<![\w_])(_)(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"),
    re.compile(r"(`)([^`\n]+)`"),
]
_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|asked|asks|added|adds|wrote|writes|stated|states|"
                     r"explained|replied|announced|declared|noted|warned)\b", re.I)
_LABEL = re.compile(r"^[ \t]*([^\s:][^:\n]{0,60}?)[ \t]*:(?:[ \t]+|$)")
# A bold run opening an item and set off by a dash or a full stop ("**Budget** — The budget rose 5%.",
# "**Budget.** It rose 5%."), or followed by a capital ("**Budget** The budget rose"), is a label as
# "**Budget:**" is; a bold subject running on into its sentence ("**The council** approved it") is not.
_BOLD_LABEL = re.compile(r"(\*\*|__)(?P<label>[^*_\n]{1,60}?)[ \t]*\.?\1(?:[ \t]*(?:[—–]|--?|\.)[ \t]+|[ \t]+(?=[A-Z]))")


@dataclass(frozen=True)
class Plain:
    """The checked words of a sentence and where each of their characters came from."""
    text: str
    origin: tuple[int, ...]
    """``origin[i]`` is the offset in the original of ``text[i]``; one more entry maps the end."""
    label: str = ""
    label_span: tuple[int, int] | None = None
    """Where the label ("Scale of the study") lies in the original, without its markup and colon."""

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]`` (end exclusive, so the last character's end)."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def _marker_positions(s: str) -> set[int]:
    """Offsets of markup characters: leading list/heading markers, emphasis marks, link syntax."""
    drop: set[int] = set()
    lead = _LEAD.match(s)
    if lead:
        drop.update(range(lead.start(), lead.end()))
    trail = _TRAIL_HASHES.search(s)
    if trail and lead and "#" in lead.group(0):
        drop.update(range(trail.start(), trail.end()))
    for m in _LINK.finditer(s):
        drop.update(range(m.start(), m.start(1)))
        drop.update(range(m.end(1), m.end()))
    for rx in _EMPHASIS:
        for m in rx.finditer(s):
            if any(i in drop for i in range(m.start(), m.end())):
                continue  # inside a link target or already taken
            drop.update(range(m.start(), m.start(2)))
            drop.update(range(m.end(2), m.end()))
    return drop


def _is_label(words: str, bold: bool) -> bool:
    n = len(words.split())
    if n == 0 or _SPEECH.search(words) or words.rstrip().lower() in ("http", "https"):
        return False
    return n <= LABEL_MAX_WORDS if bold else n <= PLAIN_LABEL_MAX_WORDS and not _VERBISH.search(words)


def strip_markup(sentence: str, offset: int = 0) -> Plain:
    """The words of ``sentence`` to check, with markup and a leading label removed.

    ``offset`` is added to every original position (pass the sentence's start in its text).
    """
    drop = _marker_positions(sentence)
    origin = [i for i in range(len(sentence)) if i not in drop]
    text = "".join(sentence[i] for i in origin)
    label, label_span = "", None
    m = _LABEL.match(text)
    bold = bool(m) and any(sentence[i] in "*_" for i in range(origin[m.start(1)], origin[m.end() - 1] + 2)
                           if i < len(sentence))
    lead = _LEAD.match(sentence)
    b = _BOLD_LABEL.match(sentence, lead.end() if lead else 0)
    if m and _is_label(m.group(1), bold) and text[m.end() :].strip():
        label = m.group(1).strip()
        label_span = (origin[m.start(1)] + offset, origin[m.start(1) + len(label) - 1] + 1 + offset)
        text, origin = text[m.end() :], origin[m.end() :]
    elif b and _is_label(b.group("label"), True) and sentence[b.end() :].strip():
        label = b.group("label").strip()
        label_span = (b.start("label") + offset, b.start("label") + len(label) + offset)
        keep = [k for k, o in enumerate(origin) if o >= b.end()]
        text, origin = "".join(text[k] for k in keep), [origin[k] for k in keep]
    space = len(text) - len(text.lstrip())
    text = text[space:].rstrip()
    origin = origin[space : space + len(text)]
    end = origin[-1] + 1 if origin else len(sentence)
    return Plain(text, tuple(o + offset for o in origin) + (end + offset,), label, label_span)


def is_heading(line: str) -> bool:
    """A Markdown heading ("## Caveats", "#### 1. Attendance") or a line, list item or not, wholly in bold
    ("**Findings**", "1. **Attendance**"): a title, not a claim."""
    s = line.strip()
    if re.match(r"#{1,6}[ \t]+\S", s):
        return True
    lead = _LEAD.match(s)
    return bool(re.fullmatch(r"(\*\*|__)[^*_\n]+\1:?", s[lead.end() if lead else 0 :].strip()))


def has_finite_verb(words: str) -> bool:
    """Whether ``words`` read as a clause ("4 schools improved", "the district grew") and not a bare
    phrase ("2,340 students in 18 schools", "about $1,100"): what tells a label that is context from a
    label that is the subject of the words after it."""
    return bool(_VERBISH.search(words)) or any(w in IRREGULAR_PAST for w in re.findall(r"[a-z]+", words.lower()))
