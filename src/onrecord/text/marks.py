"""Quotation marks: every quotation in a text, with the offsets of its words inside the marks.

Straight, curly, guillemets, single, nested and across paragraphs. An unmatched mark, or a pair with no
words between them, is skipped with a warning, never a crash. Pure text work: aligning a quotation with
the sources is ``onrecord.extract.quotes``'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["QuoteScan", "QuoteSpan", "find_quotes"]



@dataclass(frozen=True)
class QuoteSpan:
    """One quotation. ``[start, end)`` are the quoted words inside the marks; ``text == text[start:end]``.

    ``depth`` is 0 for a top-level quotation and 1+ for a quotation inside another one.
    ``mark_start``/``mark_end`` include the marks themselves.
    """

    start: int
    end: int
    text: str
    open_mark: str
    close_mark: str
    depth: int = 0
    mark_start: int = 0
    mark_end: int = 0


@dataclass
class QuoteScan:
    quotes: list[QuoteSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# Mark families. Straight marks are ambiguous (open or close by context); the others are not.
_DOUBLE_OPEN = {"“": "”", "„": "“”", "«": "»", "‟": "”"}
_SINGLE_OPEN = {"‘": "’", "‚": "‘’", "‹": "›"}
_DOUBLE_CLOSE = {"”", "»"}
_SINGLE_CLOSE = {"’", "›"}
_ALL_MARKS = set("\"'“”„‟«»‘’‚‹›")
_OPENING_CONTEXT = set("([{—–-/") | set("“‘„‚«‹\"'")
_CLOSING_CONTEXT = set(".,;:!?)]}—–-/…") | set("”’»›\"'")


def _family(mark: str) -> str:
    return "single" if mark in "'‘’‚‹›" else "double"


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


@dataclass
class _Open:
    pos: int  # offset of the opening mark
    mark: str
    family: str
    closers: str  # marks that may close it


def find_quotes(text: str) -> QuoteScan:
    """Every quotation in ``text``, in text order (an outer quotation before the ones inside it)."""
    scan = QuoteScan()
    n = len(text)
    # Paragraph convention: with blank lines in the text, a paragraph is a blank-line block and a
    # single newline is a hard wrap (a quotation continues over it); without blank lines, every
    # line is a paragraph.
    blank_line_mode = re.search(r"\n[ \t\r\f\v]*\n", text) is not None
    stack: list[_Open] = []
    found: list[tuple[int, int, str, str, int]] = []  # (open_pos, close_pos, open, close, depth)
    # offsets of marks consumed as "this paragraph continues the open quotation"
    continuation: set[int] = set()

    def warn(msg: str, pos: int) -> None:
        scan.warnings.append(f"{msg} at offset {pos} (line {_line_of(text, pos)}); skipped")

    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            i = _newline(text, i, blank_line_mode, stack, continuation, warn)
            continue
        if ch not in _ALL_MARKS:
            i += 1
            continue
        fam = _family(ch)
        can_open = _can_open(text, i)
        can_close = _can_close(text, i)
        if ch in ("'", "’") and i > 0 and i + 1 < n and text[i - 1].isalnum() and text[i + 1].isalnum():
            i += 1  # an apostrophe inside a word (don't, Putin's): never a mark
            continue
        # Closing?
        closes_idx = None
        if ch in "«»":
            # Guillemets: «…» (French, often spaced: « bonjour ») or »…« (German, Danish). One
            # closes the innermost open quotation started by its mirror image; otherwise it opens.
            mirror = "»" if ch == "«" else "«"
            closes_idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].mark == mirror), None)
            if closes_idx is None and ch == "«":
                can_open = True
            if closes_idx is None and ch == "»" and not can_open:
                warn(f"unmatched closing mark {ch}", i)
                i += 1
                continue
        elif ch in _DOUBLE_CLOSE or ch in _SINGLE_CLOSE or ch in "\"'" or ch in "“‘":
            for k in range(len(stack) - 1, -1, -1):
                o = stack[k]
                if ch in o.closers and (can_close or not can_open or ch not in "\"'"):
                    closes_idx = k
                    break
        if closes_idx is not None:
            o = stack[closes_idx]
            for inner in stack[closes_idx + 1 :]:
                if not _apostrophe_like(text, inner.pos):
                    warn(f"unmatched opening mark {inner.mark}", inner.pos)
            del stack[closes_idx:]
            found.append((o.pos, i, o.mark, ch, closes_idx))
            i += 1
            continue
        # Opening?
        closers = _closers_for(ch)
        if closers and can_open and not (ch in "'’" and _apostrophe_like(text, i)):
            stack.append(_Open(i, ch, fam, closers))
            i += 1
            continue
        # Neither: a stray closing mark (or an apostrophe at a word edge: players' / 'em).
        if fam == "double":
            warn(f"unmatched closing mark {ch}", i)
        i += 1
    for o in stack:
        if not _apostrophe_like(text, o.pos):
            warn(f"unmatched opening mark {o.mark}", o.pos)

    scan.quotes.extend(_spans(text, found, warn))
    return scan


def _newline(text: str, i: int, blank_line_mode: bool, stack: list[_Open], continuation: set[int],
             warn: Callable[[str, int], None]) -> int:
    """At a newline: where scanning goes on, closing or continuing the open quotations at a paragraph break."""
    n = len(text)
    # Find the end of this paragraph break (if it is one) and the next paragraph's start.
    j = i + 1
    while j < n and text[j].isspace():
        j += 1
    is_break = (not blank_line_mode) or ("\n" in text[i + 1 : j])
    if is_break and stack:
        nxt = text[j] if j < n else ""
        outer = stack[0]
        if nxt and nxt in _ALL_MARKS and _family(nxt) == outer.family and _can_open(text, j):
            # Classic convention: the next paragraph reopens the same quotation.
            continuation.add(j)
            # inner (nested) quotes cannot run across a paragraph: drop them
            for o in stack[1:]:
                warn(f"unmatched opening mark {o.mark}", o.pos)
            del stack[1:]
            return j + 1
        for o in stack:
            if not _apostrophe_like(text, o.pos):
                warn(f"unmatched opening mark {o.mark}", o.pos)
        stack.clear()
    return j if j > i + 1 else i + 1


def _spans(text: str, found: list[tuple[int, int, str, str, int]],
           warn: Callable[[str, int], None]) -> list[QuoteSpan]:
    """The quotations found (open, close, marks, depth) as spans of their words, in text order; a pair of
    marks with no words between them ("" or “ ”) quotes nothing and is skipped with a warning."""
    out = []
    for op, cl, om, cm, depth in sorted(found):
        s, e = op + 1, cl
        while s < e and text[s].isspace():  # « bonjour »: the words, not the spacing
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            warn(f"empty quotation marks {om}{cm}", op)
            continue
        out.append(QuoteSpan(s, e, text[s:e], om, cm, depth, op, cl + 1))
    return out


def _closers_for(ch: str) -> str:
    if ch in _DOUBLE_OPEN:
        return _DOUBLE_OPEN[ch]
    if ch in _SINGLE_OPEN:
        return _SINGLE_OPEN[ch]
    if ch == '"':
        return '"'
    if ch == "'":
        return "'’"
    if ch == "»":
        return "«"  # »…« (German, Danish)
    if ch == "”":
        return "”"  # ”…” (Swedish, Finnish)
    if ch == "’":
        return "’"
    return ""


def _can_open(text: str, i: int) -> bool:
    """A mark opens only at a word start: after start/space/opening punctuation, before a non-space."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    return (prev == "" or prev.isspace() or prev in _OPENING_CONTEXT) and nxt != "" and not nxt.isspace()


def _can_close(text: str, i: int) -> bool:
    """A mark closes only at a word end: after a non-space, before end/space/closing punctuation."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    return prev != "" and not prev.isspace() and (nxt == "" or nxt.isspace() or nxt in _CLOSING_CONTEXT)


def _apostrophe_like(text: str, i: int) -> bool:
    """A single mark that is probably an elision ('90s, 'em, 'n'), not a quotation mark; or, in tokenized text
    (news summaries as "barcelona 's training ground", "they 're"), a clitic set apart from its word."""
    if text[i] not in "'’‘":
        return False
    rest = text[i + 1 : i + 5]
    if re.match(r"\d\ds\b|em\b|n\b|tis\b|til\b|cause\b", rest):
        return True
    return i >= 2 and text[i - 1] == " " and text[i - 2].isalnum() and bool(_CLITIC.match(text, i + 1))


_CLITIC = re.compile(r"(?:s|re|ve|ll|d|m)(?=\s)", re.I)
