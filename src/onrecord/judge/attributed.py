"""Who a claim is given to: a claim the text gives to one person that its source gives to another.

"The mayor said the bridge is unsafe" against "The city engineer said the bridge is unsafe": the words are the
source's, the speaker is not. Quotations are checked for this by the quote stage; this reads reported claims
without quotation marks. The source sentence must carry the claim (``roles_coverage`` of its words) inside a
frame of its own ("X said ...", "according to X", a transcript's turn) whose speaker is another person, and no
close sentence may give the words to the claim's speaker.
"""

from __future__ import annotations

import re

from onrecord.documents import Document
from onrecord.extract.attribution import (
    FRAME_VERBS,
    PRONOUNS,
    is_checkable_speaker,
    participle_frame,
    reported_frame,
    same_person,
    source_turns,
    speaker_at,
)
from onrecord.judge.finding import Cited, ClaimCase, Finding
from onrecord.judge.thresholds import Thresholds
from onrecord.retrieve.evidence import SentenceHit
from onrecord.text.lexical import coverage
from onrecord.text.vocab import DOCUMENT_NOUNS

_PRONOUNS = PRONOUNS | frozenset("you his her their".split())
_ARTICLES = frozenset("the a an".split())
NOT_A_PERSON = DOCUMENT_NOUNS | frozenset("research data figures analysis estimates statistics poll polls findings "
                                          "evidence records".split())
"""What a source may give words to that is nobody who could have said them instead ("according to new research")."""
# How near a person's name a role or another name must stand in the source to be theirs ("Ellen Park, the city's
# mayor since 2019," is one person): a noun phrase in apposition, not the next sentence's subject.
KNOWN_AS_CHARS = 40
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMrs)(?<!\bMr|\bMs|\bDr|\bSt)[.!?](?:\s+|$)|\n")


def _speaker_of(doc: Document, hit: SentenceHit) -> tuple[str, str] | None:
    """Who the source gives the sentence's words to, and the words it says them in: the sentence's own frame,
    else the transcript turn it sits in; None where it gives them to no one it names."""
    frame = (reported_frame(doc.text, hit.span.start, hit.span.end)
             or participle_frame(doc.text, hit.span.start, hit.span.end))
    if frame is not None:
        said = doc.text[frame.prop_start : frame.prop_end]
        who = frame.speaker
    else:
        who = speaker_at(source_turns(doc), (hit.span.start + hit.span.end) // 2)  # past a turn's "NAME:" label
        said = hit.text
    if not who or who.lower() in _PRONOUNS or (frame is not None and frame.pronoun):
        return None  # a pronoun, resolved or not, is read too loosely to tell two people apart
    if who.lower().split()[-1] in NOT_A_PERSON:
        return None  # "according to new research": a finding, given to no one
    return who, said


_HONORIFICS = frozenset("dr mr mrs ms miss mx prof sir dame".split())
"""Words of address that name no one: "Dr. Osei" is not "Dr. Liam Burke" for sharing "Dr"."""


def _words(speaker: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]+", speaker) if w.lower() not in _ARTICLES]


def _names(speaker: str, text: str) -> bool:
    """The text names the speaker, by any word of the speaker's ("the mayor agreed" names "The mayor")."""
    return any(re.search(rf"\b{re.escape(w)}\b", text, re.I) for w in _words(speaker) if w not in _HONORIFICS)


def _known_as(doc: str, speaker: str, other: str) -> bool:
    """The source calls ``other`` by a word of ``speaker`` somewhere, next to ``other``'s last name ("Mayor Ellen
    Park", "Park, the mayor"): "The mayor said ..." for "Park said ...". ``KNOWN_AS_CHARS`` either side."""
    for name in _words(other)[-1:]:
        for m in re.finditer(rf"\b{re.escape(name)}\b", doc, re.I):
            before = doc[max(0, m.start() - KNOWN_AS_CHARS) : m.start()]
            after = doc[m.end() : m.end() + KNOWN_AS_CHARS]
            near = _SENTENCE_END.split(before)[-1] + " " + _SENTENCE_END.split(after)[0]  # this sentence only
            if any(re.search(rf"\b{re.escape(w)}\b", near, re.I) for w in _words(speaker) if w not in _HONORIFICS):
                return True
    return False


def given_to_another(case: ClaimCase, t: Thresholds) -> tuple[SentenceHit, str] | None:
    """The close sentence that gives the claim's words to someone other than the claim's speaker, and who."""
    a = case.unit.attribution
    if not is_checkable_speaker(a) or case.judgement is None or a is None or a.speaker is None:
        return None
    if (a.cue or "").lower() not in FRAME_VERBS and (a.cue or "").lower() != "according to":
        return None  # "asks", "urged", "called": no statement of the claim's words
    close = [h for h in case.judgement.top_sentences[: t.near_copy_hits]
             if h.similarity >= t.polarity_similarity and coverage(case.text, h.text) >= t.roles_coverage]
    found = None
    for hit in close:
        doc = case.source(hit.source)
        who = _speaker_of(doc, hit)
        if who is None or coverage(case.text, who[1]) < t.roles_coverage:
            continue
        if same_person(a.speaker, who[0]) or _names(a.speaker, hit.text) or _known_as(doc.text, a.speaker, who[0]):
            return None  # a close sentence gives the words to the claim's speaker, or names them
        found = found or (hit, who[0])
    return found


def other_speaker(case: ClaimCase, t: Thresholds) -> Finding | None:
    """The claim's words are a close source sentence's, given there to another person (rule ``other_speaker``).
    A claim whose own quotation the quote stage checked is left to it."""
    if case.doc_claim is not None or case.quotes:
        return None
    found = given_to_another(case, t)
    if found is None:
        return None
    hit, who = found
    said = case.unit.attribution.speaker  # type: ignore[union-attr]
    return Finding("contradicted", t.other_speaker, f"the source gives these words to {who}, not {said}",
                   (Cited(hit.source, hit.span.start, hit.span.end, hit.similarity),), case.probability_dict())
