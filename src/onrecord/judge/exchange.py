"""A copy of a source sentence with two of its words exchanged: "Imports exceeded exports" against
"Exports exceeded imports", "a correct input for every output" against "a correct output for every input".

The claim holds every word of the sentence, so no word is missing and the near-copy rule
(``judge.substitution``) sees nothing replaced; yet each of the two words stands in the other's role.
Aligned word by word (the same Levenshtein opcodes over folded, lightly stemmed words), the claim differs
from the stretch it copies in exactly two replaced runs, each the other's words. The exchange says the
same only where the roles are alike:

* the two are items of one list ("Smith and Jones won", "red, white and blue"): nothing but "and", "or"
  and such between them;
* the relation between them is symmetric ("Smith met Jones", "Leeds drew with Hull":
  ``vocab.SYMMETRIC_WORDS``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from onrecord.judge.finding import Cited, ClaimCase, Finding
from onrecord.judge.substitution import Token, copied_stretch, tokens
from onrecord.judge.thresholds import Thresholds
from onrecord.retrieve.evidence import SentenceHit
from onrecord.text.lexical import stem
from onrecord.text.vocab import LIST_WORDS, SYMMETRIC_WORDS

_LIST_KEYS = frozenset(stem(w) for w in LIST_WORDS)
_SYMMETRIC_KEYS = frozenset(stem(w) for w in SYMMETRIC_WORDS)


@dataclass(frozen=True)
class Exchange:
    hit: SentenceHit
    first: Token
    second: Token
    """The claim's two exchanged words, in the claim's order (the first word of each run)."""
    claim_span: tuple[int, int]
    """From the first exchanged run's start to the second's end, in the claim."""


def _keys(words: Sequence[Token]) -> tuple[str, ...]:
    return tuple(w.key for w in words)


def exchange_in(claim: Sequence[Token], hit: SentenceHit, t: Thresholds) -> Exchange | None:
    """The claim as ``hit``'s sentence with two runs of words exchanged, or None. Every word of the stretch
    the claim copies is in the claim (no share to measure, as a near-copy's): the two runs are the only
    difference, each at most ``near_copy_slot_words`` long."""
    sent = copied_stretch(claim, tokens(hit.text))
    if not sent:
        return None
    edits = [op for op in Levenshtein.opcodes(_keys(claim), _keys(sent)) if op.tag != "equal"]
    if len(edits) != 2 or any(op.tag != "replace" for op in edits):
        return None
    a, b = edits
    c_a, c_b = claim[a.src_start : a.src_end], claim[b.src_start : b.src_end]
    if _keys(c_a) != _keys(sent[b.dest_start : b.dest_end]) or _keys(c_b) != _keys(sent[a.dest_start : a.dest_end]):
        return None
    if max(len(c_a), len(c_b)) > t.near_copy_slot_words or not (any(w.content for w in c_a) and any(w.content for w in c_b)):
        return None
    between = claim[a.src_end : b.src_start]
    if not any(w.content and w.key not in _LIST_KEYS for w in between):
        return None  # items of one list, in another order
    if any(w.key in _SYMMETRIC_KEYS for w in between):
        return None  # a relation that holds both ways
    return Exchange(hit, c_a[0], c_b[0], (c_a[0].start, c_b[-1].end))


def exchange(claim: str, hits: Sequence[SentenceHit], t: Thresholds) -> Exchange | None:
    """The first of the ``near_copy_hits`` closest sentences (questions aside) the claim copies with two of
    its words exchanged."""
    words = tokens(claim)
    for hit in hits[: t.near_copy_hits]:
        if hit.text.rstrip().endswith("?"):
            continue
        found = exchange_in(words, hit, t)
        if found is not None:
            return found
    return None


def exchanged_words(case: ClaimCase, t: Thresholds) -> Finding | None:
    """The claim copies a close source sentence with two of its words in each other's place (rule
    ``exchanged_words``). A claim that repeats a source sentence is never contradicted by it."""
    if case.repeat is not None or case.doc_claim is not None or case.judgement is None:
        return None
    found = exchange(case.text, case.judgement.top_sentences, t)
    if found is None:
        return None
    hit = found.hit
    return Finding("contradicted", t.exchanged_words,
                   f"the source sentence has {found.first.text!r} and {found.second.text!r} the other way round",
                   (Cited(hit.source, hit.span.start, hit.span.end, hit.similarity),), case.probability_dict())
