"""Who did what to whom: a claim that gives the doer's place to the one it was done to.

"The suspect shot the officer" against "The officer shot the suspect"; "Arsenal were beaten by Chelsea"
against "Arsenal beat Chelsea 2-1". ``judge.exchange`` finds two words exchanged in an otherwise exact copy;
this reads the order of the participants around their relation, whatever else differs (an article, a
score, a passive). A passive clause ("X was shot by Y") is read in the doer's order ("Y shot X") on both
sides. Then two words the claim and the sentence share stand on either side of a third they share (the
relation) in the sentence, and the other way round in the claim. A relation that holds both ways ("met",
"versus") and items of one list say the same in any order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.judge.contrast import same_comparison
from onrecord.judge.finding import Cited, ClaimCase, Finding
from onrecord.judge.substitution import Token, tokens
from onrecord.judge.thresholds import Thresholds
from onrecord.retrieve.evidence import SentenceHit
from onrecord.text.lexical import coverage, stem, stems_meet
from onrecord.text.vocab import IRREGULAR_PAST, LIST_WORDS, STOPWORDS, SYMMETRIC_WORDS

_BE = frozenset("was were is are been be being get got gets getting".split())
_SYMMETRIC_KEYS = frozenset(stem(w) for w in SYMMETRIC_WORDS)
# The participants and their relation stand this close (content words apart, from the first to the last) in
# both the sentence and the claim: further apart they are in different clauses, where order says nothing of roles.
ROLE_SPAN = 6
# Words between a passive's participle and its "by" ("was fined $5,000 by the council", "was replaced last year by").
PASSIVE_GAP = 3


@dataclass(frozen=True)
class Reversal:
    """The claim's two participants, in the claim's order, and the relation between them."""
    first: Token
    relation: Token
    second: Token


def _participle(t: Token) -> bool:
    low = t.text.lower()
    return low.endswith(("ed", "en")) or low in IRREGULAR_PAST


def _act(t: Token) -> bool:
    """A deed done: a verb in the past or a participle, in lower case ("beat", "shot", "replaced", "beaten"; not
    "scores", not "Receiving" of "Receiving Party"). The present ("beats") is left out with the nouns it looks like."""
    return t.text.islower() and _participle(t)


def _boundary(text: str, a: Token, b: Token) -> bool:
    return any(ch in text[a.end : b.start] for ch in ",;:()")


def _passive_at(text: str, toks: list[Token], i: int) -> tuple[int, int, int] | None:
    """For a "by" at ``i`` after "was shot" or "was fined $5,000": (the be-verb's index, the participle's, the
    agent's end). At most ``PASSIVE_GAP`` words stand between the participle and "by", none past a comma."""
    for j in range(i - 1, max(0, i - 1 - PASSIVE_GAP), -1):
        if _boundary(text, toks[j], toks[j + 1]):
            return None
        if not _participle(toks[j]):
            continue
        be = j - 1 if toks[j - 1].text.lower() in _BE else j - 2  # "was shot", "was fatally shot"
        if be < 0 or toks[be].text.lower() not in _BE:
            continue
        end = i + 1
        while end < len(toks) and not _boundary(text, toks[end - 1], toks[end]):
            end += 1
        return be, j, end
    return None


def doer_first(text: str) -> list[Token]:
    """The words of ``text`` with each passive clause read in the doer's order: "Arsenal were beaten by Chelsea
    on Saturday" as "Chelsea on Saturday beaten Arsenal" (only the order of the participants is read)."""
    toks = tokens(text)
    for i, t in enumerate(toks):
        if t.text.lower() != "by":
            continue
        found = _passive_at(text, toks, i)
        if found is None:
            continue
        be, verb, end = found
        start = be
        while start > 0 and not _boundary(text, toks[start - 1], toks[start]):
            start -= 1
        return toks[:start] + toks[i + 1 : end] + toks[verb:i] + toks[start:be] + toks[end:]
    return toks


# Prepositions whose object is where, when or with what a deed happened, no participant of it ("opened on
# Saturday", "In Paris, the summit opened"). Not "by" (a passive's doer) nor "than" (what is compared).
_PREPOSITIONS = frozenset("in on at from to into onto with for during after before since until over under near "
                          "across through throughout within without about around between among via per".split())
_DETERMINERS = frozenset("the a an this that these those its their his her our my your".split())


def _adjuncts(text: str) -> set[int]:
    """Where the objects of ``_PREPOSITIONS`` start in ``text`` (the word after one, past an article)."""
    toks = tokens(text)
    out = set()
    for k, t in enumerate(toks):
        j = k - 1
        if j >= 0 and toks[j].text.lower() in _DETERMINERS:
            j -= 1
        if j >= 0 and toks[j].text.lower() in _PREPOSITIONS:
            out.add(t.start)
    return out


def _content(toks: list[Token]) -> list[Token]:
    return [t for t in toks if t.text.lower() not in STOPWORDS and not t.text[0].isdigit()
            and t.text.lower() not in LIST_WORDS]


def _positions(words: list[Token]) -> dict[str, int]:
    """Each key that occurs once, and where."""
    seen: dict[str, list[int]] = {}
    for k, w in enumerate(words):
        seen.setdefault(w.key, []).append(k)
    return {key: at[0] for key, at in seen.items() if len(at) == 1}


def _match(claim: dict[str, int], sentence: dict[str, int]) -> dict[str, tuple[int, int]]:
    """Claim key -> (its position in the claim, the position of the sentence's word it meets)."""
    out = {}
    for key, at in claim.items():
        hits = [pos for other, pos in sentence.items() if stems_meet(key, other)]
        if len(hits) == 1:
            out[key] = (at, hits[0])
    return out


_LIST = re.compile(r",|\b(?:and|or|nor)\b|&")


def _listed(text: str, a: Token, b: Token) -> bool:
    """``a`` and ``b`` are items of one list in ``text``: a comma or a conjunction between them ("Apple, Google and
    Microsoft", "wheat, corn and soy")."""
    lo, hi = sorted((a, b), key=lambda t: t.start)
    return bool(_LIST.search(text, lo.end, hi.start))


def reversed_roles(claim: str, sentence: str) -> Reversal | None:
    """Two participants the sentence puts on either side of their relation, the other way round in the claim."""
    c_words, s_words = _content(doer_first(claim)), _content(doer_first(sentence))
    shared = _match(_positions(c_words), _positions(s_words))
    keys = list(shared)
    c_adj, s_adj = _adjuncts(claim), _adjuncts(sentence)
    parties = [k for k in keys if c_words[shared[k][0]].start not in c_adj and s_words[shared[k][1]].start not in s_adj]
    for v in keys:
        cv, sv = shared[v]
        if v in _SYMMETRIC_KEYS or not (_act(c_words[cv]) and _act(s_words[sv])):
            continue  # a relation that holds both ways, or no verb of a deed ("Maths scores" for "scored")
        for x in parties:
            cx, sx = shared[x]
            if not (sx < sv and cx > cv):
                continue
            for y in parties:
                cy, sy = shared[y]
                if (sy > sv and cy < cv and sy - sx <= ROLE_SPAN and cx - cy <= ROLE_SPAN
                        and not _listed(sentence, s_words[sx], s_words[sy])
                        and not _listed(claim, c_words[cy], c_words[cx])):
                    return Reversal(c_words[cy], c_words[cv], c_words[cx])
    return None


def reversed_in_close(claim: str, hits: list[SentenceHit], t: Thresholds) -> tuple[SentenceHit, Reversal] | None:
    """The close sentence (``polarity_similarity``, ``roles_coverage`` of the claim's words; questions aside) that
    has the claim's participants the other way round, where no close sentence that carries as much of the claim
    has them the claim's way."""
    close = [h for h in hits[: t.near_copy_hits] if h.similarity >= t.polarity_similarity
             and not h.text.rstrip().endswith("?") and coverage(claim, h.text) >= t.roles_coverage]
    for hit in close:
        found = reversed_roles(claim, hit.text)
        if found is None:
            continue
        carried = coverage(claim, hit.text)
        if any(h is not hit and coverage(claim, h.text) >= carried and reversed_roles(claim, h.text) is None
               for h in close):
            return None
        return hit, found
    return None


def exchanged_roles(case: ClaimCase, t: Thresholds) -> Finding | None:
    """The claim gives the doer's place to the one it was done to (rule ``exchanged_roles``). A claim that repeats
    a source sentence is never contradicted by it."""
    if case.repeat is not None or case.doc_claim is not None or case.judgement is None:
        return None
    found = reversed_in_close(case.text, case.judgement.top_sentences, t)
    if found is None:
        return None
    hit, r = found
    if same_comparison(case.text, hit.text):
        return None  # "Chelsea scored fewer goals than Arsenal" for "Arsenal scored more goals than Chelsea"
    return Finding("contradicted", t.exchanged_roles,
                   f"who did what is the other way round in the source sentence ({r.first.text!r} and "
                   f"{r.second.text!r} around {r.relation.text!r})", (Cited(hit.source, hit.span.start, hit.span.end, hit.similarity),),
                   case.probability_dict())
