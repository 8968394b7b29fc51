"""A list the claim takes from a close source sentence, with an item no source has: "The law bans smoking in bars,
restaurants, parks and beaches" against "The new law bans smoking in bars, restaurants and parks".

The items of a list are read as the words around "and" / "or" and the commas before it, back to a word that
starts no item (a preposition, a verb: "bans smoking in bars, restaurants ..." starts at "bars"). An item is
added when the claim writes it and no source has it in any form (``AbsentTerms.words``), while another item of
the same list is in the close sentence: the sentence lists the claim's things and leaves that one out. A name
(another person, another city) is ``near_copy``'s and ``other_person``'s to read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from onrecord.judge.finding import Cited, ClaimCase, Finding
from onrecord.judge.thresholds import Thresholds
from onrecord.retrieve.evidence import SentenceHit
from onrecord.text.lexical import content_stems, stems_meet
from onrecord.text.vocab import STOPWORDS

_ITEM = r"[a-z][\w'-]*"
_LIST_END = re.compile(r"(?:,\s*|\s+)(?:and|or)\s+(?P<last>" + _ITEM + r")", re.I)
_LAST_WORD = re.compile(r"(" + _ITEM + r")\s*$", re.I)


@dataclass(frozen=True)
class AddedItem:
    hit: SentenceHit
    item: str
    listed: tuple[str, ...]
    """The claim's other items the sentence has."""


def list_items(text: str) -> list[list[str]]:
    """The items of each list in ``text`` (one word each: the word before each comma and before "and" / "or",
    and the word after it), in order."""
    out = []
    for m in _LIST_END.finditer(text):
        if m.group("last").lower() in STOPWORDS:
            continue  # "rose and then fell": no item after "and"
        items, rest = [m.group("last")], text[: m.start()]
        b = _LAST_WORD.search(rest)
        while b is not None and b.group(1).lower() not in STOPWORDS:
            items.insert(0, b.group(1))
            rest = rest[: b.start()].rstrip()
            if not rest.endswith(","):
                break
            b = _LAST_WORD.search(rest[:-1])
        if len(items) >= 2:
            out.append(items)
    return out


def _has(sentence_stems: Sequence[str], word: str) -> bool:
    stems = content_stems(word)
    return bool(stems) and any(stems_meet(stems[0], s) for s in sentence_stems)


def added_item(claim: str, absent: Sequence[str], hits: Sequence[SentenceHit], t: Thresholds) -> AddedItem | None:
    """The close sentence that lists the claim's items but one, which no source has."""
    new = {w.lower() for w in absent}
    for items in list_items(claim):
        added = [w for w in items if w.lower() in new and w[0].islower()]
        if not added:
            continue
        for hit in hits[: t.modifier_hits]:
            stems = content_stems(hit.text)
            listed = tuple(w for w in items if w not in added and _has(stems, w))
            if listed and hit.similarity >= t.polarity_similarity:
                return AddedItem(hit, added[0], listed)
    return None


def added_to_a_list(case: ClaimCase, t: Thresholds) -> Finding | None:
    """A list of the claim's with an item no source has (rule ``added_item``)."""
    mj = case.judgement
    if mj is None or case.doc_claim is not None or not mj.absent.words:
        return None
    found = added_item(case.text, mj.absent.words, mj.top_sentences, t)
    if found is None:
        return None
    hit = found.hit
    listed = ", ".join(repr(w) for w in found.listed)
    return Finding("unsupported", t.added_item,
                   f"the closest source sentence lists {listed} but not {found.item!r}, which no source has",
                   (Cited(hit.source, hit.span.start, hit.span.end, hit.similarity),), case.probability_dict())
