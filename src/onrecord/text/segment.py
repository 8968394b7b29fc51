"""Sentences, clauses and source windows, always as character offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from onrecord.text.vocab import ABBREVIATIONS, MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_END_RE = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_CAPITAL_END = re.compile(r"\b[A-Z][a-z]+$")
_NAME_CLOSE = re.compile(r"[A-Z][a-z]+[,.](?:\s|$)")


# Abbreviations that often end a sentence ("... to 8:45 a.m. Board member Tom Welles ..."): their full stop ends it
# where a capitalised word follows that is no day or month ("at 9 a.m. Tuesday", "Inc. Jan. 6"). A title ("Dr.",
# "Gov.") or "U.S." ("U.S. Senate") is followed by a name, so it never ends one here.
_ENDS_SENTENCES = frozenset({"a.m", "p.m", "etc", "inc", "ltd", "corp"})
_DATE_OR_ZONE = sorted({w.capitalize() for w in (*WEEKDAYS, *MONTHS, *MONTH_ABBREVIATIONS)}
                       | {"ET", "EST", "EDT", "PT", "PST", "PDT", "CT", "GMT", "UTC", "BST"}, key=lambda w: (-len(w), w))
_NEW_SENTENCE_AFTER = re.compile(r"\s+[\"“(]?(?!(?:" + "|".join(_DATE_OR_ZONE) + r")\b)[A-Z]")


def _is_abbreviation(text: str, dot: int) -> bool:
    # Look back a few characters only: searching from 0 made long documents quadratic.
    m = _WORD_BEFORE.search(text, max(0, dot - 24), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return not (word in _ENDS_SENTENCES and _NEW_SENTENCE_AFTER.match(text, dot + 1))
    # A single capital letter ("J. Smith") is an initial, not a sentence end; nor are initials written
    # together ("J.K. Rowling"), read as "U.S." is.
    return bool(_INITIALS.fullmatch(m.group(1).rstrip(".")))


_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")


def sentences(text: str, protected: list[Span] | None = None) -> list[Span]:
    """Split ``text`` into sentence spans (whitespace trimmed). Line breaks always end a sentence.

    ``protected`` spans (quotations) are not split inside, except at line breaks: a quoted passage
    of several sentences stays one claim about what was said.
    """
    if not protected:
        return list(_sentences_unprotected(text))
    return _sentences(text, sorted(protected, key=lambda s: s.start))


@lru_cache(maxsize=16)
def _sentences_unprotected(text: str) -> tuple[Span, ...]:
    # Sources are split several times in one check (index, document claims, passages): once is enough.
    return tuple(_sentences(text, []))


def _sentences(text: str, protected: list[Span]) -> list[Span]:
    out: list[Span] = []
    for line in _lines(text):
        out.extend(_split_line(text, line, protected))
    return out


def _lines(text: str) -> list[Span]:
    """Lines, with wrapped lines joined back: a line break before a lower-case word, or after a comma
    or hyphen, is a wrap (PDF text, hard-wrapped files), not the end of a sentence or a headline."""
    spans, pos = [], 0
    for m in re.finditer(r"\n", text):
        spans.append(Span(pos, m.start()))
        pos = m.end()
    spans.append(Span(pos, len(text)))
    merged: list[Span] = []
    for sp in spans:
        if merged and _continues(text, merged[-1], sp):
            merged[-1] = Span(merged[-1].start, sp.end)
        else:
            merged.append(sp)
    return merged


def _continues(text: str, prev: Span, line: Span) -> bool:
    before = text[prev.start : prev.end].rstrip()
    after = text[line.start : line.end].lstrip()
    if not before or not after:
        return False  # a blank line ends a paragraph
    if _LIST_ITEM.match(after):
        return False  # "a. ...", "(ii) ...", "- ...": a new list item, never a wrapped line
    if _ends_a_sentence(text, prev.start + len(before)):
        return False  # "... his life .\ntoro was ...": one sentence a line, in lower case
    if after[0].islower() or before[-1] in ",-–":
        return True
    # A name wrapped over a line ("... said Dana\nWhitfield, the mayor."): the line ends in a capitalised
    # word and the next starts with one that a comma or full stop ends at once. A headline's next line
    # ("... from Melania\nDuring the summit") goes on with more words, so it stays apart.
    return bool(_CAPITAL_END.search(before) and _NAME_CLOSE.match(after))


_LINE_END_STOP = re.compile(r"(?<![.…])[.!?][" + re.escape(_CLOSERS) + r"]*$")


def _ends_a_sentence(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` ends a sentence even though the next line starts in lower case:
    a stop set apart by a space (tokenized text, "... his life .\ntoro was ..."), or a full stop that is
    not an abbreviation's or an initial's ("approx.\ntwo tonnes" and "J.\nSmith" are wrapped lines). A
    question or exclamation mark otherwise ends nothing here ('He asked "why?"\nand left.'), as within a
    line; an ellipsis never does. Summaries written one sentence a line in lower case (news highlights)
    then stay one sentence a line."""
    m = _LINE_END_STOP.search(text, max(0, end - 8), end)
    if not m:
        return False
    return _tokenized_end(text, m) or (text[m.start()] == "." and not _is_abbreviation(text, m.start()))


# A list item's marker: a letter or roman numeral ("a.", "ii)", "(b)") or a bullet, then a space.
_LIST_ITEM = re.compile(r"(?:[a-z][.)]|[ivx]{1,4}[.)]|\((?:[a-z]|[ivx]{1,4})\)|[-*+•])[ \t]")


# Text scraped from web pages often loses the space between sentences ("...his job.In June, ..."). The next
# sentence then starts with a capitalised word glued to the full stop: a capital and a lower-case letter,
# the pronoun "I", or an opening quotation mark or bracket and a capital.
_GLUED_START = re.compile(r"[A-Z][a-z]|I[ '’]|[" + re.escape(_OPENERS) + r"][A-Z]")
# What ends right before a glued full stop: a word of two letters or more (not an initial, not the last
# part of a dotted form such as "U.S" or "J.K"), a number ("2010.They", "75mph.He") or a closing
# quotation mark or bracket ("(HMRC).An", 'groups".The').
_GLUED_BEFORE = re.compile(r"(?:(?<![A-Za-z.])[A-Za-z]{2,}|\d[A-Za-z]*|[" + re.escape(_CLOSERS) + r"])$")


def _glued_end(text: str, m: re.Match[str]) -> bool:
    """Whether the stop ``m``, with no space after it, ends a sentence glued to the next one."""
    if not _GLUED_START.match(text, m.end()):
        return False
    if text[m.start()] != ".":
        return True  # "Why?The", "pen!I"
    before = text[max(0, m.start() - 30) : m.start()]
    return bool(_GLUED_BEFORE.search(before)) and not _is_abbreviation(text, m.start())


def _tokenized_end(text: str, m: re.Match[str]) -> bool:
    """Tokenized text (news summaries as "... in 2014 . newcastle is ...") sets each stop apart by spaces and
    may be all lower case: a stop with a space before it, after a word or number, ends a sentence there.
    Ordinary prose never puts a space before its full stop; a spaced ellipsis (". . .") is not an end."""
    s = m.start()
    if m.group()[0] not in ".!?" or m.group().startswith(".."):
        return False  # "he said … and then": an ellipsis leaves words out, it ends nothing
    return s >= 2 and text[s - 1] == " " and (text[s - 2].isalnum() or text[s - 2] in _CLOSERS + "`")


def _inside(pos: int, protected: list[Span]) -> bool:
    return any(p.start < pos < p.end for p in protected)


def _split_line(text: str, line: Span, protected: list[Span]) -> list[Span]:
    cuts = [line.start]
    for m in _END_RE.finditer(text, line.start, line.end):
        end = m.end()
        nxt = end
        while nxt < line.end and text[nxt] in " \t":
            nxt += 1
        if nxt >= line.end:
            continue  # end of line (handled by the line)
        if nxt == end:
            ends = _glued_end(text, m)  # no space after: "3.5", "U.S.A", but "his job.In June"
        elif text[nxt].islower() or text[nxt] == "`":
            ends = _tokenized_end(text, m)  # "in 2014 . newcastle is": a sentence end of tokenized text
        else:
            ends = text[nxt].isupper() or text[nxt].isdigit() or text[nxt] in _OPENERS
            if ends and text[m.start()] == "." and m.end() - m.start() == 1:
                ends = not _is_abbreviation(text, m.start())
        if ends and not (_inside(m.start(), protected) and _inside(nxt, protected)):
            cuts.append(nxt)
    cuts.append(line.end)
    spans = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        s = _trim(text, a, b)
        if s:
            spans.append(s)
    return spans


def _trim(text: str, a: int, b: int) -> Span | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Span(a, b) if b > a else None


_WORD_RE = re.compile(r"[\w][\w'’\-.,]*[\w]|[\w]")


# Words a heading leaves in lower case: "R. v. Castellano", "In re Estate of Lillian Okoro".
_HEADING_LOWER = frozenset("v vs of and the in re for on at to a an de la le von van der del da".split())
HEADING_WORDS = 8
"""A heading is at most this many words: a case name or a title, not a sentence in title case."""


def is_heading(sentence: str) -> bool:
    """A title standing as its own sentence ("R. v. Castellano.", "Doyle v. Harrow Logistics Ltd."): it names
    what the next sentence speaks of, which that sentence then tells without the name."""
    ws = re.findall(r"[A-Za-z][A-Za-z'’.-]*", sentence)
    if not 2 <= len(ws) <= HEADING_WORDS or sentence.rstrip().endswith(("?", "!", ":")):
        return False
    return all(w[0].isupper() or w.rstrip(".").lower() in _HEADING_LOWER for w in ws)


def words(text: str) -> list[Span]:
    """Word spans (numbers with separators like 1,200 and 3.5 stay one word)."""
    return [Span(m.start(), m.end()) for m in _WORD_RE.finditer(text)]


@lru_cache(maxsize=4096)
def _approx_tokens(s: str) -> int:
    # Wordpiece splits about 1.3 tokens a word on news text; close enough to size windows.
    return int(len(s.split()) * 1.3) + 1


def windows(text: str, max_tokens: int = 200, overlap_sentences: int = 1) -> list[Span]:
    """Cover the whole ``text`` with windows of whole sentences, each about ``max_tokens`` long.

    Consecutive windows share ``overlap_sentences`` sentences so that a fact stated across a
    boundary is still seen whole. A single sentence longer than the budget becomes its own window
    (the model truncates it, and the report says so) rather than being dropped.
    """
    sents = sentences(text)
    if not sents:
        return []
    out: list[Span] = []
    i = 0
    while i < len(sents):
        j, size = i, 0
        while j < len(sents) and (j == i or size + _approx_tokens(sents[j].text_of(text)) <= max_tokens):
            size += _approx_tokens(sents[j].text_of(text))
            j += 1
        out.append(Span(sents[i].start, sents[j - 1].end))
        if j >= len(sents):
            break
        i = max(j - overlap_sentences, i + 1)
    return out
