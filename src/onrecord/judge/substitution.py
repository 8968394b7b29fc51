"""A near-copy of a source sentence with one telling word changed: "The court overturned the ruling on
Tuesday" against "The court upheld the ruling on Tuesday".

The claim and each of its closest source sentences are aligned word by word (Levenshtein opcodes over
folded, lightly stemmed words: "approves" and "approved" align). A claim is a near-copy of a sentence
when most of the sentence aligns and every content word of the claim is in the sentence, but for one
short replaced run, the *slot*. The slot contradicts the sentence only when it is of a telling kind:

* another number ("12" / "15", "three" / "four", "million" / "billion", "2nd" / "3rd");
* another month or day of the week ("March" / "May", "Monday" / "Friday");
* an opposite ("rose" / "fell", "upheld" / "overturned", "before" / "after": ``judge.contrast``);
* another proper name ("Paris" / "London"), unless the source uses the two for one referent ("Joe
  Biden", "the United Nations" / "UN", "China" / "Chinese").
* another member of a closed class of one kind ("copper" / "gold", "physics" / "chemistry", "email" / "post":
  ``text.kinds``).

Any other changed word (a synonym, an inflection, a title, a modifier added or left out, an ordinary word)
is no contradiction: measured on held-out pairs, a veto on any changed word was right half the time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from onrecord.documents import Document
from onrecord.judge.contrast import opposite_words, polar, same_comparison
from onrecord.judge.finding import Cited, ClaimCase, Finding
from onrecord.judge.names import one_referent
from onrecord.judge.sentences import TITLES
from onrecord.judge.thresholds import Thresholds
from onrecord.judge.values import overlaps, supported_spans
from onrecord.retrieve.evidence import SentenceHit
from onrecord.text.kinds import other_of_its_kind
from onrecord.text.lexical import stem
from onrecord.text.numwords import TENS, UNITS, word_numbers
from onrecord.text.vocab import MONTHS, STOPWORDS, WEEKDAYS

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
_NUMBER_WORDS = set(UNITS) | set(TENS) | {"hundred", "thousand", "million", "billion", "trillion", "dozen"}


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    key: str
    """The folded, lightly stemmed word the alignment compares ("Approved" → "approv", "five" → "5")."""
    content: bool
    """Not a stop word, or a stop word that can be telling ("before", "more", "one")."""


@dataclass(frozen=True)
class Slot:
    """The one replaced run of a near-copy: the claim's words and the sentence's in their place."""

    claim: tuple[Token, ...]
    source: tuple[Token, ...]


@dataclass(frozen=True)
class Substitution:
    hit: SentenceHit
    claim_words: str
    source_words: str
    kind: str
    """``number``, ``date``, ``opposite``, ``name`` or ``kind`` (another member of a closed class, ``text.kinds``)."""
    claim_span: tuple[int, int]
    """Where ``claim_words`` are in the claim."""


@lru_cache(maxsize=4096)
def _telling_stop_word(low: str) -> bool:
    return low in _NUMBER_WORDS or low in _ORDINALS or polar(low)


def _content(word: str, low: str) -> bool:
    # "May" the month and "US" the country are no stop words, "may" and "us" are.
    return (low not in STOPWORDS or _telling_stop_word(low) or (len(word) > 1 and word.isupper())
            or (word[0].isupper() and low in MONTHS))


def tokens(text: str) -> list[Token]:
    out = []
    for m in _WORD.finditer(text):
        low = m.group(0).lower().replace("’", "'")
        if low[0].isdigit():
            key = low.replace(",", "")
        elif low in UNITS or low in TENS:
            key = str(UNITS.get(low, TENS.get(low)))
        else:
            key = stem(low)
        out.append(Token(m.group(0), m.start(), m.end(), key, _content(m.group(0), low)))
    return out


def _meets(a: str, b: str) -> bool:
    # The light stemmer leaves "shade" / "shad(ed)": a long shared prefix is the same word.
    if a == b:
        return True
    n = min(len(a), len(b))
    return n >= 4 and not a[0].isdigit() and a[:n] == b[:n]


def _present(tok: Token, keys: set[str]) -> bool:
    return tok.key in keys or any(_meets(tok.key, k) for k in keys)


@dataclass(frozen=True)
class NearCopy:
    hit: SentenceHit
    slot: Slot
    aligned: int
    """Content words of the claim aligned with the sentence, word for word in order."""


def copied_stretch(claim: Sequence[Token], sent: list[Token]) -> list[Token]:
    """The stretch of ``sent`` the claim copies: from the first word aligned with the claim to the last,
    widened by as many words as the claim has before its first aligned word and after its last (a slot at
    either end). A summary that copies a sentence but drops its trailing clause (", with the victim's
    family welcoming ...") is a near-copy of what it copies; words it shares with the sentence only here
    and there make a long stretch, of which little aligns."""
    ops = [op for op in Levenshtein.opcodes([c.key for c in claim], [s.key for s in sent]) if op.tag == "equal"]
    if not ops:
        return sent
    a = max(0, ops[0].dest_start - ops[0].src_start)
    b = min(len(sent), ops[-1].dest_end + len(claim) - ops[-1].src_end)
    return sent[a:b]


_PRONOUNS = frozenset("it they he she its their his her them him this these".split())


def _named_by_a_pronoun(claim: Sequence[Token], said: Sequence[Token], t: Thresholds) -> bool:
    """The sentence says "It" where the claim names what it is ("The law takes effect in Boulder" for "It takes
    effect in Denver"): a run of the sentence's that is only pronouns stands for the claim's words in its place."""
    return bool(said) and all(w.text.lower() in _PRONOUNS for w in said) and len(claim) <= t.near_copy_slot_words


def near_copy(claim: Sequence[Token], hit: SentenceHit, t: Thresholds) -> NearCopy | None:
    """The claim as a near-copy of ``hit`` with its one replaced slot, or None: too little of the sentence
    aligned, content words of the claim outside one short slot missing, or none missing at all."""
    whole = tokens(hit.text)
    if not whole or not claim:
        return None
    s_keys = {s.key for s in whole}
    c_keys = {c.key for c in claim}
    sent = copied_stretch(claim, whole)
    ops = Levenshtein.opcodes([c.key for c in claim], [s.key for s in sent])
    aligned_src, aligned_claim, runs = 0, 0, []
    for op in ops:
        if op.tag == "equal":
            aligned_src += op.dest_end - op.dest_start
            aligned_claim += sum(c.content for c in claim[op.src_start : op.src_end])
        elif runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            runs[-1] = (runs[-1][0], op.src_end, runs[-1][2], op.dest_end)  # one run of adjacent edits
        else:
            runs.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    if aligned_src / len(sent) < t.near_copy_source_share or aligned_claim < t.near_copy_aligned_words:
        return None
    differing = [r for r in runs if any(c.content and not _present(c, s_keys) for c in claim[r[0] : r[1]])
                 and not _named_by_a_pronoun(claim[r[0] : r[1]], sent[r[2] : r[3]], t)]
    if len(differing) != 1:
        return None
    i1, i2, j1, j2 = differing[0]
    said = tuple(s for s in sent[j1:j2])
    if not (0 < i2 - i1 <= t.near_copy_slot_words and 0 < j2 - j1 <= t.near_copy_slot_words):
        return None
    if not any(s.content and not _present(s, c_keys) for s in said):
        return None  # the sentence's words in the slot are the claim's elsewhere: moved, not replaced
    return NearCopy(hit, Slot(tuple(claim[i1:i2]), said), aligned_claim)


# -- the telling kinds ------------------------------------------------------------------------------


def _numbers(words: Sequence[Token], text: str) -> set[float]:
    out: set[float] = set()
    for w in words:
        low = w.text.lower()
        if w.text[0].isdigit():
            out.add(float(w.text.replace(",", "")))
        elif low in _ORDINALS:
            out.add(float(_ORDINALS[low]))
    span = text[words[0].start : words[-1].end] if words else ""
    out |= {n.value for n in word_numbers(span)}
    return out


_AMBIGUOUS_DATES = {"may", "march", "sun"}  # "may" the verb, "march" the verb, "sun" the star


def _dates(words: Sequence[Token], cased: bool) -> set[str]:
    """Months and days of the week in ``words``: capitalised, or any where the text has no capitals."""
    return {w.text.lower() for w in words if w.text.lower() in MONTHS + WEEKDAYS
            and (w.text[0].isupper() or not cased and w.text.lower() not in _AMBIGUOUS_DATES)}


def _date_kind(day: str) -> str:
    return "month" if day in MONTHS else "weekday"


def _capitalised_inside(word: str, text: str) -> str | None:
    """``word`` as ``text`` writes it capitalised inside a sentence (not only after a full stop), when it
    never writes it in lower case: then it is a name there."""
    if re.search(rf"\b{re.escape(word.lower())}\b", text):
        return None
    found = (m.group(1) for m in re.finditer(rf"[\w,;:'’\"”)]\s+({re.escape(word)})\b", text, re.I))
    return next((w for w in found if w[0].isupper()), None)


def _name(tok: Token, at_start: bool, cased: bool, text: str) -> str | None:
    """The name ``tok`` is, or None: a capitalised word that is no title, stop word, month or day, a
    possessive "'s" left off. At the start of a sentence any word is capitalised ("Police arrested ..."),
    and in a text without capitals none is: there it is a name only as ``text`` (claim and source) writes
    it inside a sentence."""
    word = re.sub(r"['’]s$", "", tok.text)
    low = word.lower()
    if word in TITLES or (low in STOPWORDS and not word.isupper()) or low in MONTHS + WEEKDAYS:
        return None
    if not cased or at_start:
        return _capitalised_inside(word, text)
    return word if word[0].isupper() else None


def _names(words: Sequence[Token], sentence: str, text: str) -> list[str]:
    cased = any(ch.isupper() for ch in sentence)
    found = (_name(w, not sentence[: w.start].strip(), cased, text) for w in words)
    return [n for n in found if n is not None]


def telling(slot: Slot, claim: str, hit: SentenceHit, source_text: str) -> str | None:
    """The slot's telling kind, or None when the replacement may say the same."""
    c_num, s_num = _numbers(slot.claim, claim), _numbers(slot.source, hit.text)
    if c_num and s_num:
        return "number" if c_num != s_num else None
    cased = any(ch.isupper() for ch in claim)
    c_day, s_day = _dates(slot.claim, cased), _dates(slot.source, True)
    if c_day and s_day:
        same_kind = {_date_kind(d) for d in c_day} & {_date_kind(d) for d in s_day}
        return "date" if same_kind and not c_day & s_day else None
    if opposite_words([w.text for w in slot.claim], [w.text for w in slot.source]) is not None:
        return "opposite"
    c_words, s_words = [w.text for w in slot.claim if w.content], [w.text for w in slot.source if w.content]
    if len(c_words) == len(s_words) == 1 and other_of_its_kind(c_words[0], s_words[0]):
        return "kind"  # "copper" for "gold", "midfielder" for "defender": another of a closed class
    # A claim without capitals says nothing of its own words: the source's writing of them does.
    both = claim + "\n" + source_text
    c_names = _names(slot.claim, claim, both if cased else source_text)
    s_names = _names(slot.source, hit.text, both)
    # Where the source describes ("League champions have written to 300 fans"), the claim's name ("Manchester
    # City have written ...") may be who it describes: only a name in the source's slot is another name.
    if len(s_names) < sum(w.content for w in slot.source):
        return None
    if c_names and s_names and not one_referent(" ".join(c_names), " ".join(s_names), (claim, source_text)):
        return "name"
    return None


_KIND_WORDS = {"number": "another number", "date": "another date", "opposite": "the opposite",
               "name": "another name", "kind": "another of its kind"}


def substitution(claim: str, hits: Sequence[SentenceHit], sources: Sequence[Document],
                 t: Thresholds) -> Substitution | None:
    """The closest sentence the claim nearly copies, if the one word it replaces there is telling.

    Of the ``near_copy_hits`` closest sentences, the near-copy aligning the most words is read; none is
    when any of them holds every content word of the claim (a source sentence says it all)."""
    words = tokens(claim)
    close = [h for h in hits[: t.near_copy_hits] if not h.text.rstrip().endswith("?")]
    content = [w for w in words if w.content]
    if any(all(_present(w, {s.key for s in tokens(h.text)}) for w in content) for h in close):
        return None
    copies = [c for c in (near_copy(words, h, t) for h in close) if c is not None]
    if not copies:
        return None
    best = max(copies, key=lambda c: c.aligned)
    if same_comparison(claim, best.hit.text):
        return None  # "Germany's sales were lower than France's" for "France's were higher than Germany's"
    slot = best.slot
    text = {d.id: d.text for d in sources}.get(best.hit.source, best.hit.text)
    kind = telling(slot, claim, best.hit, text)
    if kind is None:
        return None
    start, end = slot.claim[0].start, slot.claim[-1].end
    source_says = best.hit.text[slot.source[0].start : slot.source[-1].end]
    return Substitution(best.hit, claim[start:end], source_says, kind, (start, end))


def _figures_found(case: ClaimCase) -> list[tuple[int, int]]:
    """The claim's figures that a source gives (as written or in other words)."""
    return supported_spans(case.values) + [(q.claim.start, q.claim.end) for q in case.figures
                                           if q.status == "match"]


def _figures_in_a_range(case: ClaimCase) -> list[tuple[int, int]]:
    """The claim's figures that lie in a range a source gives ("$4 million" in "$3-5 million"): not given,
    and not another number either."""
    return [(q.claim.start, q.claim.end) for q in case.figures
            if q.status == "unmatched" and q.source is not None and q.source.span]


def substituted(case: ClaimCase, t: Thresholds) -> Finding | None:
    """The claim nearly copies a close source sentence with one telling word changed (rule ``near_copy``).
    A claim that repeats a source sentence is never contradicted by it."""
    if case.repeat is not None or case.doc_claim is not None or case.judgement is None:
        return None
    found = substitution(case.text, case.judgement.top_sentences, case.sources, t)
    if found is None:
        return None
    if found.kind == "number" and overlaps(found.claim_span, _figures_found(case) + _figures_in_a_range(case)):
        return None  # the figures stage, which reads rounding, hedges ("about 40") and ranges, found it
    hit = found.hit
    return Finding("contradicted", t.near_copy,
                   f"the source sentence says {found.source_words!r} where the text says {found.claim_words!r} "
                   f"({_KIND_WORDS[found.kind]})",
                   (Cited(hit.source, hit.span.start, hit.span.end, hit.similarity),), case.probability_dict())
